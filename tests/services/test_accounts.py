"""Accounts: first administrator and recovery key, sign-in and lock-out, users and roles, the audit chain."""

from __future__ import annotations

import datetime

import pytest

from receptiondesk.domain.accounts import Role, lockout_seconds
from receptiondesk.domain.values import VIETNAM_TZ
from receptiondesk.errors import UserError
from receptiondesk.security import audit_chain
from receptiondesk.services.accounts import AccountService
from receptiondesk.storage.database import open_database

PASSWORD = "Mật khẩu an toàn 1"


class Clock:
    def __init__(self):
        self.now = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=VIETNAM_TZ)

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += datetime.timedelta(seconds=seconds)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def accounts(tmp_path, clock):
    database = open_database(tmp_path / "desk.sqlite3")
    yield AccountService(database, clock)
    database.close()


@pytest.fixture
def admin(accounts):
    session, recovery = accounts.create_first_administrator("Admin", "Trần Thị Quản Trị", PASSWORD, PASSWORD)
    return session, recovery


def _audit(accounts):
    return [dict(r) for r in accounts.database.query("SELECT * FROM audit_log ORDER BY id")]


def test_first_administrator_gets_a_session_and_a_recovery_key(accounts, admin):
    session, recovery = admin
    assert session.user.username == "admin" and session.user.role is Role.ADMINISTRATOR
    assert session.user.can_see_protected
    assert len(recovery) == 39
    row = accounts.database.one("SELECT password_hash, wrapped_key FROM users")
    assert PASSWORD not in row["password_hash"] and session.data_key not in row["wrapped_key"]
    stored = b"".join(r[0] for r in accounts.database.query("SELECT value FROM key_store"))
    assert session.data_key not in stored and recovery.encode() not in stored
    with pytest.raises(UserError) as caught:
        accounts.create_first_administrator("other", "Người khác", PASSWORD)
    assert caught.value.code == "auth.already_set_up"


def test_login_unwraps_the_same_data_key(accounts, admin):
    session, _ = admin
    again = accounts.login("ADMIN", PASSWORD)
    assert again.data_key == session.data_key
    assert [a["action"] for a in _audit(accounts)] == ["auth.first_administrator", "auth.login"]


def test_wrong_passwords_lock_out_with_a_growing_delay(accounts, admin, clock):
    for _ in range(2):
        with pytest.raises(UserError) as caught:
            accounts.login("admin", "sai mật khẩu")
        assert caught.value.code == "auth.bad_credentials"
    with pytest.raises(UserError) as caught:
        accounts.login("admin", "sai mật khẩu")
    assert caught.value.code == "auth.locked" and caught.value.problems[0].params["seconds"] == lockout_seconds(3)
    with pytest.raises(UserError) as caught:  # even the right password waits
        accounts.login("admin", PASSWORD)
    assert caught.value.code == "auth.locked"
    clock.advance(lockout_seconds(3) + 1)
    with pytest.raises(UserError):
        accounts.login("admin", "sai lần nữa")
    assert accounts.database.scalar("SELECT failed_logins FROM users") == 4
    clock.advance(lockout_seconds(4) + 1)
    accounts.login("admin", PASSWORD)
    assert accounts.database.scalar("SELECT failed_logins FROM users") == 0
    assert lockout_seconds(4) == 2 * lockout_seconds(3)
    failures = [a for a in _audit(accounts) if a["action"] == "auth.login_failed"]
    assert len(failures) == 4


def test_unknown_user_gets_the_same_message_as_a_wrong_password(accounts, admin):
    with pytest.raises(UserError) as caught:
        accounts.login("không-có", PASSWORD)
    assert caught.value.code == "auth.bad_credentials"
    assert "không đúng" in caught.value.render("vi")


def test_recovery_key_sets_a_new_password_and_keeps_the_data_key(accounts, admin):
    session, recovery = admin
    with pytest.raises(UserError) as caught:
        accounts.recover("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", "admin", "mật khẩu mới 2")
    assert caught.value.code == "auth.bad_recovery_key"
    recovered = accounts.recover(recovery.lower().replace("-", " "), "admin", "mật khẩu mới 2", "mật khẩu mới 2")
    assert recovered.data_key == session.data_key
    assert accounts.login("admin", "mật khẩu mới 2").data_key == session.data_key
    with pytest.raises(UserError):
        accounts.login("admin", PASSWORD)


def test_users_roles_and_first_password_change(accounts, admin):
    session, _ = admin
    uuid = accounts.add_user(session, "canbo", "Lê Văn Cán Bộ", "officer", "mật khẩu tạm 1")
    officer = accounts.login("canbo", "mật khẩu tạm 1")
    assert officer.user.role is Role.OFFICER and not officer.user.can_see_protected
    assert officer.data_key == session.data_key
    assert accounts.must_change_password(officer)
    accounts.change_password(officer, "mật khẩu tạm 1", "mật khẩu riêng 1", "mật khẩu riêng 1")
    assert not accounts.must_change_password(accounts.login("canbo", "mật khẩu riêng 1"))
    with pytest.raises(UserError) as caught:
        accounts.add_user(officer, "x", "X", "viewer", "mật khẩu tạm 1")
    assert caught.value.code == "auth.not_permitted"
    accounts.set_access(session, uuid, can_see_protected=True)
    assert accounts.login("canbo", "mật khẩu riêng 1").user.can_see_protected
    accounts.set_access(session, uuid, active=False)
    with pytest.raises(UserError):
        accounts.login("canbo", "mật khẩu riêng 1")
    with pytest.raises(UserError) as caught:
        accounts.set_access(session, session.user.uuid, role="viewer")
    assert caught.value.code == "auth.last_administrator"


@pytest.mark.parametrize(("username", "password", "repeat", "code"), [
    ("", PASSWORD, PASSWORD, "value.required"),
    ("có dấu cách", PASSWORD, PASSWORD, "auth.username_format"),
    ("admin", "ngắn", "ngắn", "auth.password_too_short"),
    ("admin", PASSWORD, PASSWORD + "x", "auth.password_mismatch"),
])
def test_bad_first_administrator_input_is_refused_and_nothing_saved(accounts, username, password, repeat, code):
    with pytest.raises(UserError) as caught:
        accounts.create_first_administrator(username, "Tên", password, repeat)
    assert code in {p.code for p in caught.value.problems}
    assert not accounts.has_users


def test_audit_rows_are_chained_including_failed_logins(accounts, admin):
    session, _ = admin
    with pytest.raises(UserError):
        accounts.login("admin", "sai")
    accounts.login("admin", PASSWORD)
    rows = _audit(accounts)
    assert all(r["mac"] for r in rows)
    assert audit_chain.verify(session.audit_key, rows) == rows[-1]["mac"]
    accounts.database.conn.execute("UPDATE audit_log SET actor = 'kẻ gian' WHERE id = 2")
    broken = audit_chain.verify(session.audit_key, _audit(accounts))
    assert broken == audit_chain.ChainBreak(2, "mac")


def test_raising_the_argon2_parameters_later_locks_nobody_out(accounts, admin, monkeypatch):
    session, recovery = admin
    from receptiondesk.security import passwords

    monkeypatch.setattr(passwords, "TIME_COST", passwords.TIME_COST + 1)
    monkeypatch.setattr(passwords, "MEMORY_COST_KIB", passwords.MEMORY_COST_KIB * 2)
    assert accounts.login("admin", PASSWORD).data_key == session.data_key
    assert accounts.recover(recovery, "admin", "mật khẩu mới 3").data_key == session.data_key


def test_a_tampered_wrapped_key_is_a_clear_refusal(accounts, admin):
    accounts.database.conn.execute("UPDATE users SET wrapped_key = zeroblob(60)")
    with pytest.raises(UserError) as caught:
        accounts.login("admin", PASSWORD)
    assert caught.value.code == "auth.key_damaged"

"""Protected identities never leak: not in lists, search, the database file or its WAL; roles are enforced."""

from __future__ import annotations

import json
import unicodedata

import pytest

from receptiondesk.domain.accounts import MASKED_NAME, Permission
from receptiondesk.domain.text import fold
from receptiondesk.errors import UserError
from receptiondesk.services.cases import CaseChanges
from receptiondesk.storage.listing import ListRequest
from tests.services.helpers import PASSWORD, USERNAME, case, citizen, visit

SECRET_NAME = "Hoàng Thị Bảo Mật"
SECRET_ID = "001190012345"
SECRET_PHONE = "0987654321"
SECRET_ADDRESS = "Số 9 ngõ Kín Đáo"
LATE_NAME = "Đinh Văn Khuất Danh"
LATE_ID = "001085099887"


def _forms(value: str) -> list[bytes]:
    """Every way the value could sit in a file: NFC, NFD, folded, JSON-escaped."""
    texts = {unicodedata.normalize("NFC", value), unicodedata.normalize("NFD", value), fold(value),
             json.dumps(value)[1:-1]}
    return sorted({t.encode("utf-8") for t in texts})


def _denouncer(desk):
    return desk.intake.register_visit(visit(
        who=citizen(SECRET_NAME, id_number=SECRET_ID, birth_year=1990, gender="female", phone=SECRET_PHONE,
                    address=SECRET_ADDRESS),
        cases=[case("denunciation", "corruption", "Tố cáo cán bộ địa chính nhận tiền")]))


def _late_denouncer(desk):
    """A petitioner with earlier visits whose case is reclassified as a denunciation afterwards."""
    first = desk.intake.register_visit(visit(
        who=citizen(LATE_NAME, id_number=LATE_ID, birth_year=1985, gender="male"),
        cases=[case("petition", "land", "Kiến nghị về ranh giới đất")]))
    desk.intake.register_visit(visit(citizen_uuid=first.citizen_uuid, case_uuids=first.case_uuids))
    desk.cases.classify(first.case_uuids[0], CaseChanges(content_type="denunciation"))
    return first


def _assert_absent(blob: bytes, *values: str) -> None:
    for value in values:
        for form in _forms(value):
            assert form not in blob, f"{form!r} found"


def test_lists_search_and_lookups_show_only_the_mask(desk):
    result = _denouncer(desk)
    late = _late_denouncer(desk)
    everything = json.dumps([
        desk.logbook.visits(ListRequest(include_voided=True), limit=1000),
        desk.logbook.search("bao mat"), desk.logbook.search("khuat danh"), desk.logbook.get_visit(result.uuid),
        desk.cases.list(ListRequest(), limit=1000), desk.cases.get(late.case_uuids[0]),
    ], ensure_ascii=False, default=str)
    for value in (SECRET_NAME, SECRET_ID, SECRET_PHONE, SECRET_ADDRESS, LATE_NAME, LATE_ID):
        for form in _forms(value):
            assert form.decode() not in everything
    assert MASKED_NAME in everything
    assert desk.logbook.search("hoang thi bao mat") == []


def test_the_database_file_and_its_wal_hold_no_protected_identity(desk):
    _denouncer(desk)
    _late_denouncer(desk)
    desk.database.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    path = desk.database.path
    blob = path.read_bytes() + (path.with_name(path.name + "-wal").read_bytes()
                                if path.with_name(path.name + "-wal").exists() else b"")
    _assert_absent(blob, SECRET_NAME, SECRET_ID, SECRET_PHONE, SECRET_ADDRESS, LATE_NAME, LATE_ID)
    desk.close()
    _assert_absent(path.read_bytes(), SECRET_NAME, SECRET_ID, SECRET_PHONE, SECRET_ADDRESS, LATE_NAME, LATE_ID)


def test_reveal_needs_the_permission_and_a_reason_and_is_audited(desk):
    result = _denouncer(desk)
    with pytest.raises(UserError) as caught:
        desk.privacy.reveal("visit", result.uuid, "")
    assert caught.value.code == "auth.reason_required"
    identity = desk.privacy.reveal("visit", result.uuid, "In giấy biên nhận")
    assert identity == {"full_name": SECRET_NAME, "address": SECRET_ADDRESS, "id_number": SECRET_ID}
    assert desk.privacy.reveal("visit", result.uuid)["full_name"] == SECRET_NAME  # once per record and session
    reveals = desk.database.query("SELECT actor, detail FROM audit_log WHERE action = 'identity.reveal'")
    assert [(r["actor"], json.loads(r["detail"])) for r in reveals] == [
        (USERNAME, {"reason": "In giấy biên nhận"}), (USERNAME, {"again": True})]


def _user(desk, role, *, can_see_protected=False):
    admin = desk.context.session
    name = f"{role}{int(can_see_protected)}"
    desk.accounts.add_user(admin, name, f"Người dùng {role}", role, "mật khẩu tạm 1",
                           can_see_protected=can_see_protected)
    return name


def _as(desk, username):
    desk.logout()
    desk.login(username, "mật khẩu tạm 1")


def test_repeat_visitor_lookup_finds_protected_people_only_for_permitted_users(desk):
    _denouncer(desk)
    found = desk.intake.find_returning(id_number=SECRET_ID)
    assert len(found) == 1 and found[0]["full_name"] == MASKED_NAME and found[0]["protected"] == 1
    assert len(desk.intake.find_returning(name=SECRET_NAME)) == 1
    assert len(desk.intake.find_returning(phone="+84 987 654 321")) == 1
    officer = _user(desk, "officer")
    _as(desk, officer)
    assert desk.intake.find_returning(id_number=SECRET_ID) == []
    assert desk.intake.find_returning(name=SECRET_NAME) == []
    with pytest.raises(UserError) as caught:
        desk.privacy.reveal("citizen", found[0]["uuid"], "tò mò")
    assert caught.value.code == "auth.not_permitted"


def test_the_same_denouncer_returning_is_recognised_without_revealing_them(desk):
    first = _denouncer(desk)
    officer = _user(desk, "officer")
    _as(desk, officer)
    again = desk.intake.register_visit(visit(
        who=citizen(SECRET_NAME, id_number=SECRET_ID, birth_year=1990, gender="female"),
        case_uuids=first.case_uuids))
    assert again.citizen_uuid == first.citizen_uuid and not again.first_time


@pytest.mark.parametrize(("role", "allowed"), [
    ("officer", {"register", "read", "export"}),
    ("leader", {"read"}),
    ("viewer", {"read"}),
    ("administrator", {"register", "read", "export", "administer"}),
])
def test_each_role_against_each_service(desk, role, allowed):
    name = _user(desk, role)
    _as(desk, name)
    attempts = {
        "register": lambda: desk.intake.register_visit(visit()),
        "read": lambda: desk.logbook.visits(),
        "administer": lambda: desk.setup.update_settings(delegation_threshold=6),
        "export": lambda: desk.context.require(Permission.EXPORT),
    }
    for action, attempt in attempts.items():
        if action in allowed:
            attempt()
        else:
            with pytest.raises(UserError) as caught:
                attempt()
            assert caught.value.code == "auth.not_permitted", action


def test_nothing_works_signed_out(desk):
    desk.logout()
    for attempt in (lambda: desk.logbook.visits(), lambda: desk.intake.register_visit(visit()),
                    lambda: desk.cases.list(ListRequest())):
        with pytest.raises(UserError) as caught:
            attempt()
        assert caught.value.code == "auth.signed_out"
    desk.login(USERNAME, PASSWORD)
    assert desk.logbook.visits() == []


def test_the_file_scan_does_find_an_unprotected_name(desk):
    """A control: the same scan finds a petitioner's name, so its silence above means something."""
    desk.intake.register_visit(visit(who=citizen(SECRET_NAME, id_number=SECRET_ID, birth_year=1990, gender="female"),
                                     cases=[case("petition", "land", "Kiến nghị")]))
    path = desk.database.path
    desk.close()
    blob = path.read_bytes()
    assert SECRET_NAME.encode() in blob and fold(SECRET_NAME).encode() in blob and SECRET_ID.encode() in blob


def test_citizen_data_request_gathers_everything_and_is_audited(desk):
    first = _denouncer(desk)
    desk.intake.register_visit(visit(citizen_uuid=first.citizen_uuid, case_uuids=first.case_uuids,
                                     who=citizen(SECRET_NAME, id_number=SECRET_ID, birth_year=1990, gender="female",
                                                 phone=SECRET_PHONE, address=SECRET_ADDRESS)))
    with pytest.raises(UserError) as caught:
        desk.privacy.citizen_data(first.citizen_uuid)
    assert caught.value.code == "auth.reason_required"
    data = desk.privacy.citizen_data(first.citizen_uuid, "Công dân yêu cầu cung cấp dữ liệu")
    assert data["citizen"]["full_name"] == SECRET_NAME and data["citizen"]["phone"] == SECRET_PHONE
    assert [v["logbook_no"] for v in data["visits"]] == [1, 2]
    assert [c["uuid"] for c in data["cases"]] == first.case_uuids
    actions = [r[0] for r in desk.database.query("SELECT action FROM audit_log ORDER BY id")]
    assert actions[-2:] == ["identity.reveal", "citizen.data_request"]


HOSTILE = [
    "Robert'); DROP TABLE visits;--",
    "<script>alert('x')</script>",
    "Tên\x00có\x07ký tự\x1bđiều khiển",
    "Đ" * 5000,
    "١٢٣ 𝓝𝓰𝓾𝔂𝓮̂̃𝓷 \u202egnaT",
]


@pytest.mark.parametrize("text", HOSTILE, ids=["sql", "script", "control", "very long", "odd unicode"])
def test_hostile_text_in_every_field_is_stored_as_text_or_refused_clearly(desk, text):
    before = desk.database.scalar("SELECT count(*) FROM visits")
    try:
        result = desk.intake.register_visit(visit(
            who=citizen(text[:100], id_type="other", id_number=text[:30], birth_year=None, gender=None, phone=None,
                        address=text),
            summary=text, cases=[case("petition", "other", text, respondent_name=text[:150])]))
    except UserError as error:
        assert error.render("vi") and "{" not in error.render("vi")
        assert desk.database.scalar("SELECT count(*) FROM visits") == before
        return
    stored = desk.logbook.get_visit(result.uuid)
    assert "\x00" not in stored["summary"] and "\x07" not in stored["full_name"]
    assert desk.database.scalar("SELECT count(*) FROM visits") == before + 1
    assert desk.database.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'visits'") == 1


def test_an_upgraded_desk_seals_its_earlier_denouncers_when_its_administrator_is_created(tmp_path, clock):
    """A desk from before accounts: its protected people were stored in plain; the first run seals them."""
    import sqlite3

    from receptiondesk.services.desk import Desk

    path = tmp_path / "old.sqlite3"
    with Desk.open(path, clock=clock) as desk:
        desk.accounts.create_first_administrator("tam", "Tạm", PASSWORD)  # only to register the old data
        desk.sign_in(desk.accounts.login("tam", PASSWORD))
        desk.setup.initialise("00004", "Cán bộ")
        desk.intake.register_visit(visit(who=citizen(SECRET_NAME, id_number=SECRET_ID, birth_year=1990,
                                                     gender="female"), cases=[case("petition", "land", "Hỏi")]))
    raw = sqlite3.connect(path)  # as it was before accounts: plain, marked protected, no users
    raw.execute("UPDATE citizens SET protected = 1")
    raw.execute("DELETE FROM users")
    raw.execute("DELETE FROM key_store")
    raw.commit()
    raw.close()
    with Desk.open(path, clock=clock) as desk:
        desk.first_run("", USERNAME, "Cán bộ", PASSWORD)
        person = desk.database.one("SELECT full_name, sealed_identity FROM citizens")
        assert person["full_name"] == MASKED_NAME and person["sealed_identity"] is not None
    _assert_absent(path.read_bytes(), SECRET_NAME, SECRET_ID)


def test_the_export_file_withholds_protected_identities_unless_asked(desk, tmp_path):
    from receptiondesk.services.interchange import export_file

    _denouncer(desk)
    withheld = tmp_path / "withheld.jsonl"
    export_file(desk.context, withheld)
    _assert_absent(withheld.read_bytes(), SECRET_NAME, SECRET_ID, SECRET_PHONE, SECRET_ADDRESS)
    assert b'"identity":"withheld"' in withheld.read_bytes()
    included = tmp_path / "included.jsonl"
    export_file(desk.context, included, include_protected=True)
    assert SECRET_NAME.encode() in included.read_bytes()
    officer = _user(desk, "officer")
    _as(desk, officer)
    with pytest.raises(UserError) as caught:
        export_file(desk.context, tmp_path / "x.jsonl", include_protected=True)
    assert caught.value.code == "auth.not_permitted"

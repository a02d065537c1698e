"""Accounts: the first administrator and the recovery key, sign-in with lock-out, users, roles, password changes.

Signing in unwraps the desk's data key with the user's password; the key lives only in memory, in the
returned `UserSession`. The recovery key unwraps it too, so a forgotten password never loses data.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from functools import cached_property
from datetime import datetime, timedelta

from receptiondesk.domain.accounts import MAX_USERNAME_LENGTH, Role, User, lockout_seconds
from receptiondesk.domain.text import clean_line
from receptiondesk.domain.values import iso_timestamp
from receptiondesk.errors import Problem, UserError, raise_for
from receptiondesk.security import keys, passwords
from receptiondesk.security.identities import IdentityCipher
from receptiondesk.storage import records
from receptiondesk.storage.database import Database

RECOVERY_SALT = "recovery_salt"
RECOVERY_WRAP = "recovery_wrap"
RECOVERY_PARAMETERS = "recovery_parameters"
#: A hash to verify against when the username is unknown, so both failures take the same time.
_DUMMY_HASH = None


@dataclass
class UserSession:
    """A signed-in user and the keys the session may use; the keys never leave memory."""

    user: User
    data_key: bytes = field(repr=False)
    revealed: set[str] = field(default_factory=set)  # records unmasked in this session (reason given once)

    @cached_property
    def audit_key(self) -> bytes:
        return keys.purpose_key(self.data_key, "audit-chain")

    @cached_property
    def identities(self) -> IdentityCipher:
        return IdentityCipher(self.data_key)


def _dummy_hash() -> str:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = passwords.hash_password("no such user")
    return _DUMMY_HASH


def _check_new_password(password: str, repeated: str | None, field_name: str = "password") -> None:
    problems = [Problem(code, field_name) for code in passwords.password_problems(password)]
    if repeated is not None and repeated != password:
        problems.append(Problem("auth.password_mismatch", "password_repeat"))
    raise_for(problems)


def _user_of(row: sqlite3.Row) -> User:
    return User(row["uuid"], row["username"], row["full_name"], Role(row["role"]), bool(row["can_see_protected"]))


class AccountService:
    """Everything about who may use the desk; independent of the unit's set-up."""

    def __init__(self, database: Database, clock) -> None:
        self.database = database
        self.clock = clock

    # -- helpers ---------------------------------------------------------------------------
    def _stamp(self, actor: str) -> records.Stamp:
        unit = self.database.scalar("SELECT value FROM settings WHERE key = 'commune_code'") or '""'
        return records.Stamp(actor=actor, unit_code=unit.strip('"') or "-", at=iso_timestamp(self.clock()))

    def _key_store(self, conn: sqlite3.Connection, name: str) -> bytes | None:
        row = conn.execute("SELECT value FROM key_store WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    @property
    def has_users(self) -> bool:
        return bool(self.database.scalar("SELECT count(*) FROM users"))

    def _validate_identity(self, username: str, full_name: str) -> tuple[str, str]:
        problems: list[Problem] = []
        username = clean_line(username).lower()
        full_name = clean_line(full_name)
        if not username:
            problems.append(Problem("value.required", "username"))
        elif len(username) > MAX_USERNAME_LENGTH or not all(c.isalnum() or c in "._-" for c in username):
            problems.append(Problem("auth.username_format", "username", {"max": MAX_USERNAME_LENGTH}))
        if not full_name:
            problems.append(Problem("value.required", "user_full_name"))
        raise_for(problems)
        return username, full_name

    def _insert_user(self, conn: sqlite3.Connection, username: str, full_name: str, role: Role,
                     can_see_protected: bool, password: str, data_key: bytes, must_change: bool) -> str:
        if conn.execute("SELECT 1 FROM users WHERE username = ?", (username,)).fetchone():
            raise UserError("auth.username_taken", "username", value=username)
        uuid = records.new_uuid()
        salt = passwords.new_salt()
        now = iso_timestamp(self.clock())
        conn.execute(
            "INSERT INTO users (uuid, username, full_name, role, can_see_protected, password_hash, key_salt, "
            "key_parameters, wrapped_key, must_change_password, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uuid, username, full_name, role.value, int(can_see_protected), passwords.hash_password(password), salt,
             json.dumps(passwords.key_parameters()),
             keys.seal(passwords.derive_key(password, salt), data_key, uuid.encode()), int(must_change), now, now))
        return uuid

    # -- first run -------------------------------------------------------------------------
    def check_new_account(self, username: str, full_name: str, password: str, repeated: str | None = None) -> None:
        """The checks an account's details pass before it is made (a set-up form checks its page with them)."""
        self._validate_identity(username, full_name)
        _check_new_password(password, repeated)

    def create_first_administrator(self, username: str, full_name: str, password: str,
                                   repeated: str | None = None) -> tuple[UserSession, str]:
        """Create the desk's data key, the administrator and the recovery key; returns the session and the
        recovery key to print on the recovery sheet (it is shown once and never stored in plain form)."""
        username, full_name = self._validate_identity(username, full_name)
        _check_new_password(password, repeated)
        data_key = keys.new_data_key()
        recovery = keys.new_recovery_key()
        salt = passwords.new_salt()
        with self.database.write() as conn:
            if conn.execute("SELECT count(*) FROM users").fetchone()[0]:
                raise UserError("auth.already_set_up")
            uuid = self._insert_user(conn, username, full_name, Role.ADMINISTRATOR, True, password, data_key, False)
            conn.execute("INSERT INTO key_store (name, value) VALUES (?, ?), (?, ?), (?, ?)",
                         (RECOVERY_SALT, salt, RECOVERY_WRAP,
                          keys.seal(passwords.derive_key(recovery, salt), data_key, b"recovery"),
                          RECOVERY_PARAMETERS, json.dumps(passwords.key_parameters()).encode()))
            row = conn.execute("SELECT * FROM users WHERE uuid = ?", (uuid,)).fetchone()
            session = UserSession(_user_of(row), data_key)
            records.append_audit(conn, self._stamp(username), "auth.first_administrator", "users", uuid,
                                 audit_key=session.audit_key)
        return session, recovery

    # -- sign-in ---------------------------------------------------------------------------
    def login(self, username: str, password: str) -> UserSession:
        """Sign in; wrong passwords in a row make the next attempt wait longer and longer."""
        username = clean_line(username).lower()
        now = self.clock()
        row = self.database.one("SELECT * FROM users WHERE username = ? AND active = 1", (username,))
        if row is None:
            passwords.verify_password(_dummy_hash(), password)
            self._audit_failure(username, None)
            raise UserError("auth.bad_credentials", "password")
        if row["locked_until"] and datetime.fromisoformat(row["locked_until"]) > now:
            wait = int((datetime.fromisoformat(row["locked_until"]) - now).total_seconds()) + 1
            raise UserError("auth.locked", "password", seconds=wait)
        if not passwords.verify_password(row["password_hash"], password):
            failed = row["failed_logins"] + 1
            delay = lockout_seconds(failed)
            locked_until = iso_timestamp(now + timedelta(seconds=delay)) if delay else None
            with self.database.write() as conn:
                conn.execute("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?",
                             (failed, locked_until, row["id"]))
            self._audit_failure(username, row["uuid"])
            if delay:
                raise UserError("auth.locked", "password", seconds=delay)
            raise UserError("auth.bad_credentials", "password")
        try:
            data_key = keys.open_sealed(
                passwords.derive_key(password, row["key_salt"], json.loads(row["key_parameters"])),
                row["wrapped_key"], row["uuid"].encode())
        except keys.WrongKey:
            raise UserError("auth.key_damaged") from None
        session = UserSession(_user_of(row), data_key)
        with self.database.write() as conn:
            conn.execute("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?", (row["id"],))
            records.append_audit(conn, self._stamp(username), "auth.login", "users", row["uuid"],
                                 audit_key=session.audit_key)
        return session

    def _audit_failure(self, username: str, user_uuid: str | None) -> None:
        """A failed sign-in is recorded; without a key it is chained at the next successful write."""
        with self.database.write() as conn:
            records.append_audit(conn, self._stamp(username or "?"), "auth.login_failed", "users", user_uuid,
                                 {"known_user": user_uuid is not None})

    def must_change_password(self, session: UserSession) -> bool:
        return bool(self.database.scalar("SELECT must_change_password FROM users WHERE uuid = ?",
                                         (session.user.uuid,)))

    # -- passwords -------------------------------------------------------------------------
    def change_password(self, session: UserSession, old_password: str, new_password: str,
                        repeated: str | None = None) -> None:
        row = self.database.one("SELECT * FROM users WHERE uuid = ?", (session.user.uuid,))
        if not passwords.verify_password(row["password_hash"], old_password):
            raise UserError("auth.bad_credentials", "old_password")
        _check_new_password(new_password, repeated, "new_password")
        self._set_password(session, row, new_password, must_change=False, action="auth.password_change")

    def _set_password(self, session: UserSession, row: sqlite3.Row, password: str, *, must_change: bool,
                      action: str) -> None:
        salt = passwords.new_salt()
        wrapped = keys.seal(passwords.derive_key(password, salt), session.data_key, row["uuid"].encode())
        with self.database.write() as conn:
            conn.execute("UPDATE users SET password_hash = ?, key_salt = ?, key_parameters = ?, wrapped_key = ?, "
                         "must_change_password = ?, failed_logins = 0, locked_until = NULL, updated_at = ?, "
                         "version = version + 1 WHERE id = ?",
                         (passwords.hash_password(password), salt, json.dumps(passwords.key_parameters()), wrapped,
                          int(must_change), iso_timestamp(self.clock()), row["id"]))
            records.append_audit(conn, self._stamp(session.user.username), action, "users", row["uuid"],
                                 audit_key=session.audit_key)

    def recover(self, recovery_key: str, username: str, new_password: str, repeated: str | None = None) -> UserSession:
        """A forgotten password: the recovery key unwraps the data key and sets the user's new password."""
        _check_new_password(new_password, repeated, "new_password")
        salt = self._key_store(self.database.conn, RECOVERY_SALT)
        wrapped = self._key_store(self.database.conn, RECOVERY_WRAP)
        parameters = self._key_store(self.database.conn, RECOVERY_PARAMETERS)
        if salt is None or wrapped is None or parameters is None:
            raise UserError("auth.not_set_up")
        try:
            data_key = keys.open_sealed(passwords.derive_key(keys.normalise_recovery_key(recovery_key), salt,
                                                             json.loads(parameters)), wrapped, b"recovery")
        except keys.WrongKey:
            self._audit_failure(clean_line(username).lower(), None)
            raise UserError("auth.bad_recovery_key", "recovery_key") from None
        row = self.database.one("SELECT * FROM users WHERE username = ?", (clean_line(username).lower(),))
        if row is None:
            raise UserError("auth.unknown_user", "username")
        session = UserSession(_user_of(row), data_key)
        self._set_password(session, row, new_password, must_change=False, action="auth.recover")
        return session

    # -- administration --------------------------------------------------------------------
    def _require_admin(self, session: UserSession) -> None:
        if session.user.role is not Role.ADMINISTRATOR:
            raise UserError("auth.not_permitted", action="administer")

    def add_user(self, session: UserSession, username: str, full_name: str, role: str, password: str, *,
                 can_see_protected: bool = False) -> str:
        """A new user with a first password they must change at first sign-in."""
        self._require_admin(session)
        username, full_name = self._validate_identity(username, full_name)
        problems: list[Problem] = []
        if role not in {r.value for r in Role}:
            problems.append(Problem("value.not_allowed", "role", {"value": role, "allowed": [r.value for r in Role]}))
        problems += [Problem(code, "password") for code in passwords.password_problems(password)]
        raise_for(problems)
        with self.database.write() as conn:
            uuid = self._insert_user(conn, username, full_name, Role(role), can_see_protected, password,
                                     session.data_key, True)
            records.append_audit(conn, self._stamp(session.user.username), "auth.user_add", "users", uuid,
                                 {"role": role, "can_see_protected": bool(can_see_protected)},
                                 audit_key=session.audit_key)
        return uuid

    def reset_password(self, session: UserSession, user_uuid: str, password: str) -> None:
        self._require_admin(session)
        _check_new_password(password, None)
        row = self.database.one("SELECT * FROM users WHERE uuid = ?", (user_uuid,))
        if row is None:
            raise UserError("auth.unknown_user", "username")
        self._set_password(session, row, password, must_change=True, action="auth.password_reset")

    def set_access(self, session: UserSession, user_uuid: str, *, role: str | None = None,
                   can_see_protected: bool | None = None, active: bool | None = None) -> None:
        self._require_admin(session)
        changes: dict[str, object] = {}
        if role is not None:
            if role not in {r.value for r in Role}:
                raise UserError("value.not_allowed", "role", value=role, allowed=[r.value for r in Role])
            changes["role"] = role
        if can_see_protected is not None:
            changes["can_see_protected"] = int(can_see_protected)
        if active is not None:
            changes["active"] = int(active)
        if not changes:
            return
        with self.database.write() as conn:
            if user_uuid == session.user.uuid and (changes.get("role", "administrator") != "administrator"
                                                   or changes.get("active", 1) == 0):
                raise UserError("auth.last_administrator")
            assignments = ", ".join(f"{k} = ?" for k in changes)
            updated = conn.execute(f"UPDATE users SET {assignments}, version = version + 1, updated_at = ? "
                                   "WHERE uuid = ?", [*changes.values(), iso_timestamp(self.clock()), user_uuid])
            if updated.rowcount != 1:
                raise UserError("auth.unknown_user", "username")
            records.append_audit(conn, self._stamp(session.user.username), "auth.access", "users", user_uuid,
                                 {k: v for k, v in changes.items()}, audit_key=session.audit_key)

    def users(self) -> list[dict]:
        return [dict(r) for r in self.database.query(
            "SELECT uuid, username, full_name, role, can_see_protected, active, must_change_password "
            "FROM users ORDER BY username")]

"""Every schema step is tested by upgrading a file of the schema before it, with data in it."""

from __future__ import annotations

import sqlite3

import sqlite_utils

from receptiondesk.storage import migrations
from receptiondesk.storage.database import BACKUP_DIR, open_database


def _file_at(path, stop_before: str) -> None:
    db = sqlite_utils.Database(path)
    db.conn.execute("PRAGMA journal_mode=WAL")
    migrations.MIGRATIONS.apply(db, stop_before=stop_before)
    db.conn.commit()
    db.close()


def test_names_are_unique_and_ordered():
    names = migrations.names()
    assert len(names) == len(set(names))
    assert names == sorted(names)


def test_upgrade_from_0001_keeps_every_row_and_adds_accounts(tmp_path):
    path = tmp_path / "desk.sqlite3"
    _file_at(path, "0002_accounts_and_protected_identities")
    conn = sqlite3.connect(path)
    at = "2025-06-01T08:00:00+07:00"
    common = ("unit_code, created_at, updated_at, seq", ("00004", at, at))
    conn.execute(f"INSERT INTO citizens (uuid, {common[0]}, kind, full_name, name_folded, name_sort, id_type) "
                 "VALUES ('c1', ?, ?, ?, 1, 'person', 'Nguyễn Văn Đức', 'nguyen van duc', 'k', 'none')", common[1])
    conn.execute(f"INSERT INTO cases (uuid, {common[0]}, received_on, source, citizen_id, content_type, field_code, "
                 "summary, status, step_started_on) VALUES ('k1', ?, ?, ?, 2, '2025-06-01', 'visit', 1, "
                 "'complaint', 'land', 'Khiếu nại', 'received', '2025-06-01')", common[1])
    conn.execute(f"INSERT INTO visits (uuid, {common[0]}, year, logbook_no, visit_date, citizen_id, full_name, "
                 "name_sort, came_as, channel, reception_kind, headcount, summary, direction) VALUES "
                 "('v1', ?, ?, ?, 3, 2025, 7, '2025-06-01', 1, 'Nguyễn Văn Đức', 'k', 'self', 'in_person', "
                 "'routine', 1, 'Khiếu nại', 'guided')", common[1])
    conn.execute("INSERT INTO visit_cases VALUES (1, 1, 1)")
    conn.execute("INSERT INTO audit_log (at, actor, action, entity) VALUES (?, 'cán bộ', 'visit.register', 'visits')",
                 (at,))
    conn.commit()
    conn.close()

    with open_database(path) as database:
        assert [m.name for m in migrations.MIGRATIONS.applied(database.db)] == migrations.names()
        assert database.scalar("SELECT full_name FROM visits WHERE uuid = 'v1'") == "Nguyễn Văn Đức"
        assert database.scalar("SELECT count(*) FROM visit_cases") == 1
        columns = {r[1] for r in database.query("PRAGMA table_info(citizens)")}
        assert {"sealed_identity", "blind_name", "blind_id", "blind_phone"} <= columns
        assert database.scalar("SELECT confidential FROM cases") == 0
        assert database.scalar("SELECT mac FROM audit_log") is None  # chained at the first signed-in write
        assert database.scalar("SELECT count(*) FROM users") == 0
    backups = list((tmp_path / BACKUP_DIR).glob("*-before-migration-*.sqlite3"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    try:
        assert old.execute("SELECT count(*) FROM visits").fetchone()[0] == 1
        assert "users" not in {r[0] for r in old.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        old.close()


def test_fresh_file_and_upgraded_file_have_the_same_schema(tmp_path):
    upgraded = tmp_path / "old.sqlite3"
    _file_at(upgraded, "0002_accounts_and_protected_identities")
    with open_database(upgraded) as database:
        old_schema = sorted(r[0] for r in database.query("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"))
    with open_database(tmp_path / "new.sqlite3") as database:
        new_schema = sorted(r[0] for r in database.query("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"))
    assert old_schema == new_schema

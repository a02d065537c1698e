"""Opening the desk file: pragmas, the single-instance lock, migrations with a backup, refusals."""

from __future__ import annotations

import os
import sqlite3

import pytest

from receptiondesk.errors import UserError
from receptiondesk.storage import migrations
from receptiondesk.storage.database import BACKUP_DIR, open_database


def test_new_file_gets_wal_full_sync_foreign_keys_and_the_schema(tmp_path):
    with open_database(tmp_path / "desk.sqlite3") as database:
        assert database.scalar("PRAGMA journal_mode") == "wal"
        assert database.scalar("PRAGMA synchronous") == 2  # FULL
        assert database.scalar("PRAGMA foreign_keys") == 1
        tables = {r[0] for r in database.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"visits", "cases", "citizens", "letters", "sessions", "assignments", "audit_log",
                "visit_search", "case_search", "letter_search"} <= tables
        assert database.scalar("PRAGMA user_version") == len(migrations.names())


def test_second_instance_on_the_same_file_gets_a_clear_message(tmp_path):
    path = tmp_path / "desk.sqlite3"
    with open_database(path):
        with pytest.raises(UserError) as caught:
            open_database(path)
        assert caught.value.code == "storage.locked"
        assert "đang được mở" in caught.value.render("vi")
    with open_database(path):  # released on close
        pass


def test_read_only_data_directory_is_refused_clearly(tmp_path, monkeypatch):
    directory = tmp_path / "ro"
    directory.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if str(p) == str(directory) else real_access(p, mode))
    with pytest.raises(UserError) as caught:
        open_database(directory / "desk.sqlite3")
    assert caught.value.code == "storage.dir_not_writable"
    assert str(directory) in caught.value.render("vi")
    assert not (directory / "desk.sqlite3").exists()


def test_file_from_a_newer_version_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "desk.sqlite3"
    with open_database(path) as database:
        database.conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            ("receptiondesk", "0999_from_the_future", "2030-01-01"))
        database.conn.commit()
    before = path.read_bytes()
    with pytest.raises(UserError) as caught:
        open_database(path)
    assert caught.value.code == "storage.newer_version"
    assert "phiên bản" in caught.value.render("vi")
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "desk.sqlite3"
    path.write_bytes(b"PK\x03\x04 this is a zip file, not SQLite" * 100)
    with pytest.raises(UserError) as caught:
        open_database(path)
    assert caught.value.code == "storage.not_a_database"


def test_pending_migration_on_a_non_empty_file_takes_a_backup_first(tmp_path, monkeypatch):
    path = tmp_path / "desk.sqlite3"
    with open_database(path) as database:
        with database.write() as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES ('marker', '\"kept\"')")
    extra = migrations.Migrations("receptiondesk")
    for migration in migrations.MIGRATIONS._migrations:
        extra._migrations.append(migration)

    @extra(name="0002_test_added_column")
    def add_column(db):
        db.execute("ALTER TABLE settings ADD COLUMN note TEXT")

    monkeypatch.setattr(migrations, "MIGRATIONS", extra)
    with open_database(path) as database:
        assert "note" in {r[1] for r in database.query("PRAGMA table_info(settings)")}
    backups = list((tmp_path / BACKUP_DIR).glob("*.sqlite3"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    try:
        assert old.execute("SELECT value FROM settings WHERE key = 'marker'").fetchone()[0] == '"kept"'
        assert "note" not in {r[1] for r in old.execute("PRAGMA table_info(settings)")}
    finally:
        old.close()


def test_a_failed_write_transaction_leaves_nothing(tmp_path):
    with open_database(tmp_path / "desk.sqlite3") as database:
        with pytest.raises(RuntimeError):
            with database.write() as conn:
                conn.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
                raise RuntimeError("power cut")
        assert database.scalar("SELECT count(*) FROM settings") == 0


def test_committed_rows_survive_a_process_that_dies_without_closing(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "desk.sqlite3"
    script = (
        "import os, sys\n"
        "from receptiondesk.storage.database import open_database\n"
        f"db = open_database({str(path)!r})\n"
        "with db.write() as conn:\n"
        "    conn.execute(\"INSERT INTO settings (key, value) VALUES ('committed', '1')\")\n"
        "conn = db.conn\n"
        "conn.execute('BEGIN IMMEDIATE')\n"
        "conn.execute(\"INSERT INTO settings (key, value) VALUES ('uncommitted', '1')\")\n"
        "os._exit(9)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert result.returncode == 9
    with open_database(path) as database:
        keys = {r[0] for r in database.query("SELECT key FROM settings")}
    assert keys == {"committed"}


def test_a_worker_threads_reader_keeps_a_smaller_page_cache(tmp_path):
    from receptiondesk.storage.database import CACHE_KIB, READER_CACHE_KIB

    with open_database(tmp_path / "desk.sqlite3") as database:
        reader = database.reader()
        try:
            assert database.scalar("PRAGMA cache_size") == -CACHE_KIB
            assert reader.execute("PRAGMA cache_size").fetchone()[0] == -READER_CACHE_KIB < 0
            assert READER_CACHE_KIB < CACHE_KIB
        finally:
            reader.close()

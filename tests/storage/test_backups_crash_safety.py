"""Crash safety of the desk file: the pragmas of every connection, a full or read-only disk met by a write, and a
power cut (kill -9) in the middle of a migration.

`small_disk` gives a size-limited tmpfs when the tests run as root (the real thing); otherwise the callers fall back
to a write that fails as SQLite reports a full disk."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from receptiondesk.errors import UserError
from receptiondesk.storage import database as database_module
from receptiondesk.storage import migrations
from receptiondesk.storage.database import BACKUP_DIR, Database, backup_copy, open_database

REPO = Path(__file__).resolve().parents[2]


# -- small disks ---------------------------------------------------------------------------------------

@contextlib.contextmanager
def small_disk(root: Path, size_kib: int, *, at: Path | None = None) -> Iterator[Path | None]:
    """A tmpfs of `size_kib` KiB mounted under `root` (or at `at`), as root only; None when it cannot be mounted."""
    point = at or root / f"disk-{uuid.uuid4().hex[:8]}"
    point.mkdir(parents=True, exist_ok=True)
    mounted = False
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount"):
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs", str(point)],
                                 capture_output=True).returncode == 0
    try:
        yield point if mounted else None
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(point)], capture_output=True)


def remount_read_only(point: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True, capture_output=True)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the file system of `folder` up to `leave` bytes free; returns the filler file."""
    filler = folder / "filler.bin"
    with open(filler, "wb") as fh:
        block = b"\0" * 65536
        while shutil.disk_usage(folder).free > leave + len(block):
            try:
                fh.write(block)
                fh.flush()
            except OSError:
                break
        try:
            while shutil.disk_usage(folder).free > leave:
                fh.write(b"\0" * 4096)
                fh.flush()
        except OSError:
            pass
    return filler


def full_disk_error() -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = sqlite3.SQLITE_FULL
    error.sqlite_errorname = "SQLITE_FULL"
    return error


class FailingConnection:
    """A connection whose COMMIT fails as SQLite's does on a full disk (for runs that cannot mount a tmpfs)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.failing = True

    def execute(self, sql, *args):
        if self.failing and sql.strip().upper() == "COMMIT":
            raise full_disk_error()
        return self._conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


# -- pragmas on every connection ---------------------------------------------------------------------

class _Probe(sqlite3.Connection):
    seen: list[tuple] = []

    def pragmas(self) -> tuple:
        return (self.execute("PRAGMA journal_mode").fetchone()[0].lower(),
                self.execute("PRAGMA synchronous").fetchone()[0],
                self.execute("PRAGMA foreign_keys").fetchone()[0])

    def close(self) -> None:
        try:
            _Probe.seen.append(self.pragmas())
        except sqlite3.ProgrammingError:  # already closed
            pass
        super().close()


class _Sqlite3WithProbes:
    """The sqlite3 module as storage/database.py sees it, with every connection a probe that is counted."""

    def __init__(self) -> None:
        self.opened: list[_Probe] = []

    def connect(self, *args, **kwargs):
        conn = sqlite3.connect(*args, factory=_Probe, **kwargs)
        self.opened.append(conn)
        return conn

    def __getattr__(self, name):
        return getattr(sqlite3, name)


def test_every_connection_the_database_module_opens_has_wal_full_sync_and_foreign_keys(tmp_path, monkeypatch):
    probes = _Sqlite3WithProbes()
    monkeypatch.setattr(database_module, "sqlite3", probes)
    _Probe.seen = []
    path = tmp_path / "desk.sqlite3"
    database = open_database(path)
    live: list[tuple] = [database.conn.pragmas()]
    with database.write() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('marker', '1')")
    reader = database.reader()
    live.append(reader.pragmas())
    reader.close()
    backup_copy(database.conn, tmp_path / "copy.sqlite3")  # the copy taken before a migration
    twin = tmp_path / "twin.sqlite3"
    shutil.copyfile(tmp_path / "copy.sqlite3", twin)
    database.replace_file(twin, aside=tmp_path / "aside" / "old.sqlite3")  # a restore reopens the file
    live.append(database.conn.pragmas())
    database.close()
    assert len(probes.opened) >= 4
    assert all(conn is not None for conn in probes.opened)
    checked = live + _Probe.seen
    assert len(_Probe.seen) == len(probes.opened)  # every connection opened was checked when it closed
    assert set(checked) == {("wal", 2, 1)}, checked


def test_the_reader_refuses_a_file_that_is_not_in_wal_mode(tmp_path):
    path = tmp_path / "desk.sqlite3"
    with open_database(path) as database:
        database.close()
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.close()
        with pytest.raises(UserError) as caught:
            database.reader()
        assert caught.value.code == "storage.no_wal"


# -- a full disk during a write ---------------------------------------------------------------------

def _insert(database: Database, n: int) -> None:
    with database.write() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (f"k{n}", "x" * 3000))


def test_a_full_disk_during_a_write_is_said_clearly_and_the_database_stays_usable(tmp_path):
    with small_disk(tmp_path, 2048) as disk:
        folder = disk or tmp_path / "desk"
        path = folder / "desk.sqlite3"
        database = open_database(path)
        try:
            if disk is not None:
                filler = fill(folder, leave=8192)
            else:  # not root: SQLite's own full-disk error, raised at COMMIT
                database.conn = FailingConnection(database.conn)
            saved = 0
            with pytest.raises(UserError) as caught:
                for n in range(2000):
                    _insert(database, n)
                    saved += 1
            assert caught.value.code == "storage.disk_full"
            assert "đã đầy" in caught.value.render("vi") and "is full" in caught.value.render("en")
            assert not database.conn.in_transaction
            assert database.scalar("SELECT count(*) FROM settings WHERE key LIKE 'k%'") == saved
            assert database.scalar("PRAGMA quick_check") == "ok"
            if disk is not None:
                filler.unlink()
            else:
                database.conn.failing = False
            _insert(database, 9999)  # space again: writing works
            assert database.scalar("SELECT count(*) FROM settings WHERE key LIKE 'k%'") == saved + 1
        finally:
            conn = database.conn._conn if isinstance(database.conn, FailingConnection) else database.conn
            database.conn = conn
            database.close()
        with open_database(path) as reopened:
            assert reopened.scalar("PRAGMA integrity_check") == "ok"
            assert reopened.scalar("SELECT count(*) FROM settings WHERE key LIKE 'k%'") == saved + 1


def test_a_read_only_data_directory_is_refused_clearly_and_left_untouched(tmp_path, monkeypatch):
    with small_disk(tmp_path, 4096) as disk:
        folder = disk or tmp_path / "desk"
        path = folder / "desk.sqlite3"
        with open_database(path) as database:
            _insert(database, 1)
        before = path.read_bytes()
        if disk is not None:
            remount_read_only(disk)
        else:
            real_access = os.access
            monkeypatch.setattr(os, "access", lambda p, mode: False if str(p) == str(folder) else real_access(p, mode))
        with pytest.raises(UserError) as caught:
            open_database(path)
        assert caught.value.code == "storage.dir_not_writable"
        assert str(folder) in caught.value.render("vi")
        assert path.read_bytes() == before


def test_a_write_refused_as_read_only_is_said_clearly_and_reading_goes_on(tmp_path):
    with open_database(tmp_path / "desk.sqlite3") as database:
        _insert(database, 1)
        real = database.conn

        class ReadOnly(FailingConnection):
            def execute(self, sql, *args):
                if sql.startswith("INSERT"):
                    error = sqlite3.OperationalError("attempt to write a readonly database")
                    error.sqlite_errorcode = sqlite3.SQLITE_READONLY
                    error.sqlite_errorname = "SQLITE_READONLY"
                    raise error
                return real.execute(sql, *args)

        database.conn = ReadOnly(real)
        try:
            with pytest.raises(UserError) as caught:
                _insert(database, 2)
            assert caught.value.code == "storage.write_failed"
            assert str(tmp_path) in caught.value.render("vi")
            assert not real.in_transaction
            assert database.scalar("SELECT value FROM settings WHERE key = 'k1'") == "x" * 3000
        finally:
            database.conn = real


def test_a_begin_refused_by_the_disk_is_said_clearly(tmp_path):
    with open_database(tmp_path / "desk.sqlite3") as database:
        real = database.conn

        class Refusing(FailingConnection):
            def execute(self, sql, *args):
                if sql == "BEGIN IMMEDIATE":
                    error = sqlite3.OperationalError("disk I/O error")
                    error.sqlite_errorcode = sqlite3.SQLITE_IOERR | (3 << 8)
                    error.sqlite_errorname = "SQLITE_IOERR_WRITE"
                    raise error
                return real.execute(sql, *args)

        database.conn = Refusing(real)
        with pytest.raises(UserError) as caught:
            _insert(database, 1)
        assert caught.value.code == "storage.write_failed"
        assert "SQLITE_IOERR_WRITE" in caught.value.render("en")
        database.conn = real


def test_other_sqlite_errors_are_not_disguised(tmp_path):
    with open_database(tmp_path / "desk.sqlite3") as database:
        with pytest.raises(sqlite3.IntegrityError):
            with database.write() as conn:
                conn.execute("INSERT INTO settings (key, value) VALUES ('a', NULL)")
        assert not database.conn.in_transaction


# -- a power cut during a migration -----------------------------------------------------------------

KILLED_MIGRATION = r'''
import os, signal, sys
from receptiondesk.storage import migrations
from receptiondesk.storage.database import open_database
last = migrations.MIGRATIONS._migrations[-1]
original = last.fn
def dying(db):
    original(db)                       # the schema change is made...
    os.kill(os.getpid(), signal.SIGKILL)  # ...and the power goes before it is recorded and committed
last.fn = dying
open_database(sys.argv[1])
'''


def _older_file(path: Path) -> None:
    """A desk file of the previous schema (every migration but the last), holding a record."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    db = sqlite_utils.Database(conn)
    migrations.MIGRATIONS.apply(db, stop_before=migrations.names()[-1])
    conn.execute("INSERT INTO settings (key, value) VALUES ('marker', '\"kept\"')")
    conn.commit()
    conn.close()


def test_a_power_cut_during_a_migration_leaves_a_file_that_opens_and_upgrades(tmp_path):
    path = tmp_path / "desk.sqlite3"
    _older_file(path)
    result = subprocess.run([sys.executable, "-c", KILLED_MIGRATION, str(path)], cwd=REPO, capture_output=True,
                            timeout=60)
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert list((tmp_path / BACKUP_DIR).glob("*-before-migration-*.sqlite3"))  # the copy came first
    conn = sqlite3.connect(path)  # after the cut: still the previous schema, nothing half-applied
    applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    conn.close()
    assert applied == migrations.names()[:-1]
    with open_database(path) as database:
        assert database.scalar("PRAGMA integrity_check") == "ok"
        assert [m.name for m in migrations.MIGRATIONS.applied(database.db)] == migrations.names()
        assert database.scalar("SELECT value FROM settings WHERE key = 'marker'") == '"kept"'


def test_a_file_still_read_elsewhere_is_not_replaced(tmp_path):
    path = tmp_path / "desk.sqlite3"
    with open_database(path) as database:
        _insert(database, 1)
        reader = database.reader()
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM settings").fetchone()  # a read in progress on its snapshot
        _insert(database, 2)  # its WAL frames cannot all be copied back while that read lasts
        twin = tmp_path / "twin.sqlite3"
        backup_copy(database.conn, twin)
        with pytest.raises(UserError) as caught:
            database.replace_file(twin)
        assert caught.value.code == "storage.busy"
        reader.close()
        assert database.scalar("SELECT count(*) FROM settings WHERE key LIKE 'k%'") == 2
        database.replace_file(twin)  # once the read is over
        assert database.scalar("SELECT count(*) FROM settings WHERE key LIKE 'k%'") == 2

"""The one way to open the desk's SQLite file: pragmas for crash safety, a single-writer lock,
migrations (with a backup first) and write transactions."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import filelock
import sqlite_utils

from receptiondesk.errors import UserError
from receptiondesk.storage import migrations

log = logging.getLogger(__name__)

BACKUP_DIR = "backups"


class Database:
    """An open desk database: a sqlite-utils Database plus the lock that makes this process its only writer."""

    def __init__(self, path: Path, db: sqlite_utils.Database, lock: filelock.BaseFileLock | None) -> None:
        self.path = path
        self.db = db
        self.conn: sqlite3.Connection = db.conn
        self._lock = lock

    # -- transactions -------------------------------------------------------------------
    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (BEGIN IMMEDIATE): everything inside commits together or not at all."""
        conn = self.conn
        if conn.in_transaction:  # nested: a savepoint inside the outer transaction
            with self.db.atomic():
                yield conn
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    def query(self, sql: str, params: tuple | list | dict = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: tuple | list | dict = ()) -> sqlite3.Row | None:
        return self.conn.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: tuple | list | dict = ()):
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def reader(self) -> sqlite3.Connection:
        """A separate read-only connection to the same file, for long reads on another thread."""
        conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout=5000")
        return conn

    def close(self) -> None:
        try:
            self.conn.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _configure(conn: sqlite3.Connection) -> None:
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout=5000")
    mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise UserError("storage.no_wal", path=str(conn), mode=mode)
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA secure_delete=ON")  # deleted or overwritten content is zeroed, not left in free pages
    conn.execute("PRAGMA cache_size=-65536")
    conn.execute("PRAGMA temp_store=MEMORY")


def _check_directory(directory: Path) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError("storage.dir_not_writable", path=str(directory), reason=exc.strerror or str(exc)) from exc
    if not os.access(directory, os.W_OK | os.X_OK):
        raise UserError("storage.dir_not_writable", path=str(directory), reason="read-only")


def _acquire_lock(path: Path) -> filelock.BaseFileLock:
    lock = filelock.FileLock(str(path) + ".lock", timeout=0)
    try:
        lock.acquire()
    except filelock.Timeout as exc:
        raise UserError("storage.locked", path=str(path)) from exc
    except OSError as exc:
        raise UserError("storage.dir_not_writable", path=str(path.parent), reason=exc.strerror or str(exc)) from exc
    return lock


def backup_copy(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy of the open database (SQLite's online backup API), fsynced to disk."""
    target.parent.mkdir(parents=True, exist_ok=True)
    dest = sqlite3.connect(str(target))
    try:
        conn.backup(dest)
    finally:
        dest.close()
    with open(target, "rb") as fh:
        os.fsync(fh.fileno())
    return target


def open_database(path: Path, *, lock: bool = True) -> Database:
    """Open (creating if needed) the desk database at `path` and bring its schema up to date.

    Raises UserError for a read-only directory, a file another instance holds, a file that is
    not a desk database, or one written by a newer version of the program.
    """
    path = Path(path)
    _check_directory(path.parent)
    file_lock = _acquire_lock(path) if lock else None
    try:
        try:
            conn = sqlite3.connect(str(path), check_same_thread=False)
            _configure(conn)
        except sqlite3.DatabaseError as exc:
            raise UserError("storage.not_a_database", path=str(path)) from exc
        db = sqlite_utils.Database(conn, execute_plugins=False)
        database = Database(path, db, file_lock)
        _migrate(database)
        return database
    except BaseException:
        if file_lock is not None:
            file_lock.release()
        raise


def _migrate(database: Database) -> None:
    db = database.db
    try:
        applied = [m.name for m in migrations.MIGRATIONS.applied(db)]
    except sqlite3.DatabaseError as exc:
        raise UserError("storage.not_a_database", path=str(database.path)) from exc
    unknown = set(applied) - set(migrations.names())
    if unknown:
        raise UserError("storage.newer_version", path=str(database.path), migrations=sorted(unknown))
    pending = migrations.MIGRATIONS.pending(db)
    if not pending:
        return
    has_data = bool(applied) or bool(
        database.scalar("SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
    )
    if has_data:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = database.path.parent / BACKUP_DIR / f"{database.path.stem}-before-migration-{stamp}.sqlite3"
        backup_copy(database.conn, target)
        log.info("backup before migration written to %s", target)
    migrations.MIGRATIONS.apply(db)
    database.conn.execute(f"PRAGMA user_version={len(migrations.names())}")

"""The one way to open the desk's SQLite file: pragmas for crash safety, a single-writer lock,
migrations (with a backup first), write transactions, and putting a restored copy in the file's place.

Every connection this module opens to a desk file has `journal_mode=WAL`, `synchronous=FULL` and
`foreign_keys=ON` (a test asserts it on each one, the read-only `reader()` included). A full disk, a
read-only or vanished directory met by a write becomes a `UserError` the user can act on; the transaction
is rolled back and the database stays usable.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import filelock
import sqlite_utils

from receptiondesk.errors import UserError
from receptiondesk.storage import migrations

log = logging.getLogger(__name__)

#: Plain copies taken before a schema upgrade: beside the database file on this PC, never in the (encrypted)
#: backups folder, which may be copied elsewhere.
BACKUP_DIR = "before-migration"
#: Where a desk file replaced by a restore is kept when no encrypted copy of it could be made.
SET_ASIDE_DIR = "set-aside"
#: Page caches in KiB: the desk's own connection, and a reader (one list read on a worker thread).
CACHE_KIB = 65_536
READER_CACHE_KIB = 8_192
#: SQLite's primary result codes that mean the disk, not the data, is the trouble.
_DISK_FULL_CODES = (sqlite3.SQLITE_FULL,)
_WRITE_FAILED_CODES = (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN)


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
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) or exc
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, sqlite3.Error):
                mapped = storage_error(exc, self.path)
                if mapped is not None:
                    log.warning("write refused by the disk (%s); the transaction was rolled back", exc)
                    raise mapped from exc
            raise

    def _rollback(self) -> None:
        """Undo an open transaction; after a full disk SQLite may already have rolled it back itself."""
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                log.exception("rollback failed")

    def query(self, sql: str, params: tuple | list | dict = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: tuple | list | dict = ()) -> sqlite3.Row | None:
        return self.conn.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: tuple | list | dict = ()):
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def reader(self) -> sqlite3.Connection:
        """A separate read-only connection to the same file, for long reads on another thread (same pragmas)."""
        conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        try:
            _configure(conn, read_only=True)
        except BaseException:
            conn.close()
            raise
        return conn

    def replace_file(self, new_file: Path, *, aside: Path | None = None) -> None:
        """Put `new_file` (a verified copy in the same directory) in the place of this database's file, keeping
        the single-instance lock all along, then reopen it (migrating an older copy, with a backup first).

        The old file (and its WAL) is first kept at `aside` when given. The caller has already saved it otherwise
        (an encrypted backup) when not. Refused, with nothing changed, while another connection still reads the
        file's WAL (its content would be lost with the old WAL if the swap then failed)."""
        try:
            busy, frames, copied = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.DatabaseError:
            if aside is None:  # a damaged file goes aside whole, WAL included
                raise
        else:
            if busy or copied < frames:
                raise UserError("storage.busy", path=str(self.path))
        try:
            self.conn.close()  # a clean close checkpoints the WAL into the file and removes it
        except sqlite3.Error:
            log.exception("closing the database before replacing it")
        try:
            _swap_files(self.path, Path(new_file), aside)
        finally:  # replaced or not (a swap refused by the disk leaves the old file), the desk stays open
            self._reopen()

    def _reopen(self) -> None:
        try:
            conn = sqlite3.connect(str(self.path), check_same_thread=False)
            _configure(conn)
        except sqlite3.DatabaseError as exc:
            raise UserError("storage.not_a_database", path=str(self.path)) from exc
        self.db = sqlite_utils.Database(conn, execute_plugins=False)
        self.conn = conn
        _migrate(self)

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


def _configure(conn: sqlite3.Connection, *, read_only: bool = False) -> None:
    """The pragmas of every connection to a desk file. A read-only connection cannot switch the file to WAL,
    so it checks that the file is in WAL already (every desk file is, from its first opening)."""
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout=5000")
    mode = conn.execute("PRAGMA journal_mode" if read_only else "PRAGMA journal_mode=WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise UserError("storage.no_wal", path=str(conn), mode=mode)
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA secure_delete=ON")  # deleted or overwritten content is zeroed, not left in free pages
    # The desk's own connection keeps 64 MiB of pages; a reader (one list read on a worker thread) 8 MiB, so that
    # the threads' short-lived caches do not pile up in the process's memory.
    conn.execute(f"PRAGMA cache_size=-{READER_CACHE_KIB if read_only else CACHE_KIB}")
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


def storage_error(exc: sqlite3.Error, path: Path) -> UserError | None:
    """The UserError for an SQLite error caused by the disk (full, read-only, gone); None for anything else."""
    code = getattr(exc, "sqlite_errorcode", None)  # set by SQLite itself on every error it raises
    primary = code & 0xFF if isinstance(code, int) else None
    where = str(Path(path).parent)
    if primary in _DISK_FULL_CODES:
        return UserError("storage.disk_full", path=where)
    if primary in _WRITE_FAILED_CODES:
        return UserError("storage.write_failed", path=where, reason=getattr(exc, "sqlite_errorname", None) or str(exc))
    return None


def quick_check(conn: sqlite3.Connection, limit: int = 10) -> list[str]:
    """SQLite's quick_check: an empty list when the file's structure is sound, else its first findings."""
    try:
        rows = [row[0] for row in conn.execute(f"PRAGMA quick_check({int(limit)})")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def backup_copy(conn: sqlite3.Connection, target: Path) -> Path:
    """A consistent copy of the open database (SQLite's online backup API), fsynced to disk."""
    target.parent.mkdir(parents=True, exist_ok=True)
    dest = sqlite3.connect(str(target))
    try:
        _configure(dest)
        conn.backup(dest)
    finally:
        dest.close()
    with open(target, "rb") as fh:
        os.fsync(fh.fileno())
    return target


def fsync_directory(directory: Path) -> None:
    """Make a rename or a new file in `directory` durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    fd = os.open(str(directory), os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _keep(source: Path, target: Path) -> None:
    """`target` becomes a copy of `source`: a hard link when the file system allows it (instant, no space)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _swap_files(path: Path, new_file: Path, aside: Path | None) -> None:
    """Put `new_file` at `path` atomically. The old file's WAL and shared memory are removed first: left beside
    the new file they would be replayed into it. With `aside`, the old file and its WAL are kept there first."""
    try:
        if aside is not None:
            aside.parent.mkdir(parents=True, exist_ok=True)
            for suffix in ("", "-wal"):
                old = path.with_name(path.name + suffix)
                if old.exists():
                    _keep(old, aside.with_name(aside.name + suffix))
            fsync_directory(aside.parent)
        for suffix in ("-wal", "-shm"):
            stale = path.with_name(path.name + suffix)
            if stale.exists():
                stale.unlink()
        os.replace(new_file, path)
        fsync_directory(path.parent)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            raise UserError("storage.disk_full", path=str(path.parent)) from exc
        raise UserError("storage.write_failed", path=str(path.parent), reason=exc.strerror or str(exc)) from exc


def replace_closed_file(path: Path, new_file: Path, *, aside: Path | None = None) -> None:
    """`Database.replace_file` for a desk file nobody has open (it could not be opened): holds the lock meanwhile."""
    path = Path(path)
    _check_directory(path.parent)
    file_lock = _acquire_lock(path)
    try:
        _swap_files(path, Path(new_file), aside)
    finally:
        file_lock.release()


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

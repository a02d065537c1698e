"""Backups and restore: encrypted, verified, rotating copies of the desk file — on exit, daily and on demand — in
the data directory and an optional second folder (a USB stick); a restore that backs up the current file first and
starts a new restore epoch, with number floors so that nothing issued after the backup is ever issued twice.

A backup is made by SQLite's backup API from a read connection (so the window keeps working meanwhile), checked
with `quick_check`, described (date, counts, numbers used), encrypted with a key derived from the desk's data key
(`storage/backup_files.py`), read back whole (every chunk's tag, and the file's SHA-256), and recorded in the audit
log. Making the file touches the database only through a reader: `create()` may run on a worker thread; `record()`
writes the audit row on the thread that owns the connection.

After a restore the desk must not reissue a document number, a logbook or letter number, or a sync package number
that the world has already seen. Every backup's metadata carries the numbers used when it was made; the restore
raises the restored file's counters to the highest of: the file being replaced (when it can still be read), every
other backup of this desk it can find, and what the officer says was used last (the paper registers). Document
numbers have no counter of their own (the register proposes one after the highest issued), so their floors are
kept in `number_counters` under `document_floor_scope(issuer, doc_type)`; `document_floor()` reads them.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import sqlite3
import time
import uuid as uuid_module
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from receptiondesk import __version__
from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.values import Clock, iso_timestamp, now_vietnam
from receptiondesk.errors import UserError
from receptiondesk.security import keys
from receptiondesk.services.context import DeskContext
from receptiondesk.storage import backup_files, migrations, records
from receptiondesk.storage.backup_files import BackupKey, Header
from receptiondesk.storage.database import (
    SET_ASIDE_DIR,
    fsync_directory,
    open_database,
    quick_check,
    replace_closed_file,
)

log = logging.getLogger(__name__)

BACKUPS_FOLDER = "backups"
AUTOMATIC_KINDS = ("daily", "exit")
KINDS = ("daily", "exit", "manual", "before-restore")
LOGBOOK_SCOPE = "logbook"  # services.intake.LOGBOOK
LETTERS_SCOPE = "letters"  # services.intake.LETTER_REGISTER
PACKAGE_SCOPE = "sync-package"  # the sync package sequence, once sync exists (year 0: it never restarts)
DOCUMENT_FLOOR_PREFIX = "document-floor"
MAX_NUMBER = 999_999
#: Tables counted in each backup's description (shown before a restore).
COUNTED_TABLES = ("visits", "letters", "cases", "citizens", "sessions", "assignments", "documents", "audit_log")
#: Room kept free beyond the copy itself when checking a folder's space.
_SPACE_MARGIN = 1 << 20
_NAME = re.compile(r"^receptiondesk-(?P<desk>[0-9a-f]{8})-(?P<stamp>\d{8}-\d{6})-(?P<kind>[a-z]+(?:-[a-z]+)*)"
                   r"(?:-(?P<n>\d+))?" + re.escape(backup_files.SUFFIX) + "$")
_COPY_BLOCK = 1 << 20


# -- number floors -----------------------------------------------------------------------------------

def document_floor_scope(issuer: str, doc_type: str) -> str:
    return f"{DOCUMENT_FLOOR_PREFIX}:{issuer}:{doc_type}"


def document_floor(conn: sqlite3.Connection, issuer: str, doc_type: str, year: int) -> int:
    """The highest document number a restore says was already used for this issuer, type and year (0 if none):
    the register's next number must come after it."""
    row = conn.execute("SELECT max(last) FROM number_counters WHERE scope = ? AND year = ?",
                       (document_floor_scope(issuer, doc_type), year)).fetchone()
    return (row[0] if row else None) or 0


def package_floor(conn: sqlite3.Connection, unit_code: str) -> int:
    """The highest sync package number a restore says was already used (0 if none)."""
    row = conn.execute("SELECT max(last) FROM number_counters WHERE scope = ? AND unit_code = ?",
                       (PACKAGE_SCOPE, unit_code)).fetchone()
    return (row[0] if row else None) or 0


@dataclass(frozen=True)
class RestoreNumbers:
    """What the officer says was used last (from the paper registers, or the upper level's acknowledgement):
    the restored desk continues after these."""

    year: int | None = None  # of the logbook, letter and document numbers without their own year
    logbook: int | None = None
    letters: int | None = None
    package: int | None = None
    documents: dict[tuple[str, str, int], int] = field(default_factory=dict)  # (issuer, type, year) -> last

    def problems(self) -> list[UserError]:
        found = []
        for name, value in (("last_logbook", self.logbook), ("last_letter", self.letters),
                            ("last_package", self.package), *((f"{i}/{t}/{y}", n)
                                                              for (i, t, y), n in self.documents.items())):
            if value is not None and (not isinstance(value, int) or not 0 <= value <= MAX_NUMBER):
                found.append(UserError("backup.number_range", name=name, max=MAX_NUMBER))
        for issuer, doc_type, year in self.documents:
            if not issuer.strip() or not doc_type.strip() or not 1900 <= int(year) <= 9999:
                found.append(UserError("backup.bad_document_register", value=f"{issuer}/{doc_type}/{year}"))
        return found


@dataclass
class Floors:
    """The highest numbers known to have been used, gathered from every source a restore can read."""

    counters: dict[tuple[str, str, int], int] = field(default_factory=dict)  # number_counters rows
    documents: dict[tuple[str, str, int], int] = field(default_factory=dict)  # (issuer, type, year) -> max number
    restore_epoch: int = 0
    change_seq: int = 0
    sources: int = 0

    def raise_counter(self, key: tuple[str, str, int], last: int | None) -> None:
        if last:
            self.counters[key] = max(self.counters.get(key, 0), int(last))

    def raise_document(self, key: tuple[str, str, int], last: int | None) -> None:
        if last:
            self.documents[key] = max(self.documents.get(key, 0), int(last))

    def merge(self, description: dict[str, Any]) -> None:
        """Take in a file's description (a backup's metadata, or the live file's)."""
        for scope, unit, year, last in description.get("numbers", []):
            self.raise_counter((scope, unit, int(year)), last)
        for issuer, doc_type, year, last in description.get("documents", []):
            self.raise_document((issuer, doc_type, int(year)), last)
        counters = description.get("counters", {})
        self.restore_epoch = max(self.restore_epoch, int(counters.get("restore_epoch", 0) or 0))
        self.change_seq = max(self.change_seq, int(counters.get("change_seq", 0) or 0))
        self.sources += 1

    def add_numbers(self, numbers: RestoreNumbers | None, unit_code: str, this_year: int) -> None:
        if numbers is None:
            return
        year = numbers.year or this_year
        self.raise_counter((LOGBOOK_SCOPE, unit_code, year), numbers.logbook)
        self.raise_counter((LETTERS_SCOPE, unit_code, year), numbers.letters)
        self.raise_counter((PACKAGE_SCOPE, unit_code, 0), numbers.package)
        for key, last in numbers.documents.items():
            self.raise_document((key[0].strip(), key[1].strip(), int(key[2])), last)


def describe(conn: sqlite3.Connection) -> dict[str, Any]:
    """What a backup's metadata says about the file it holds: counts, counters, numbers used, schema, unit."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    counts = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
              for table in COUNTED_TABLES if table in tables}
    description: dict[str, Any] = {"counts": counts}
    if "_sqlite_migrations" in tables:
        description["migrations"] = [row[0] for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id", (migrations.MIGRATIONS.name,))]
    if "counters" in tables:
        description["counters"] = {row[0]: row[1] for row in conn.execute("SELECT name, value FROM counters")}
    if "number_counters" in tables:
        description["numbers"] = [list(row) for row in conn.execute(
            "SELECT scope, unit_code, year, last FROM number_counters ORDER BY scope, unit_code, year")]
    if "documents" in tables:
        description["documents"] = [list(row) for row in conn.execute(
            "SELECT issuer, doc_type, year, max(number) FROM documents GROUP BY issuer, doc_type, year")]
    if "settings" in tables:
        row = conn.execute("SELECT value FROM settings WHERE key = 'commune_code'").fetchone()
        description["commune_code"] = json.loads(row[0]) if row else ""
    if "visits" in tables:
        description["last_visit_date"] = conn.execute("SELECT max(visit_date) FROM visits").fetchone()[0]
    return description


# -- file names and rotation -------------------------------------------------------------------------

@dataclass(frozen=True)
class BackupFile:
    """A backup file as its name tells it: which desk (fingerprint prefix), when, and what kind."""

    path: Path
    desk: str
    moment: datetime
    kind: str


def backup_name(desk: str, moment: datetime, kind: str, n: int = 0) -> str:
    return f"receptiondesk-{desk[:8]}-{moment:%Y%m%d-%H%M%S}-{kind}{f'-{n}' if n else ''}{backup_files.SUFFIX}"


def parse_name(path: Path) -> BackupFile | None:
    match = _NAME.match(Path(path).name)
    if match is None:
        return None
    try:
        moment = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return BackupFile(Path(path), match["desk"], moment, match["kind"])


def rotation_victims(files: list[BackupFile], daily: int, monthly: int) -> list[Path]:
    """The automatic backups rotation removes: it keeps the newest of each of the `daily` most recent days that
    have one and the newest of each of the `monthly` most recent months. Manual and before-restore backups are
    never removed automatically; the newest backup is always kept."""
    automatic = sorted((f for f in files if f.kind in AUTOMATIC_KINDS), key=lambda f: (f.moment, f.path.name),
                       reverse=True)
    keep: set[Path] = set()
    days: set[date] = set()
    months: set[tuple[int, int]] = set()
    for backup in automatic:
        day = backup.moment.date()
        if day not in days and len(days) < max(1, daily):
            days.add(day)
            keep.add(backup.path)
        month = (day.year, day.month)
        if month not in months and len(months) < max(0, monthly):
            months.add(month)
            keep.add(backup.path)
    return [f.path for f in automatic if f.path not in keep]


# -- results -------------------------------------------------------------------------------------------

@dataclass
class BackupResult:
    """A backup made and verified; the copy in the second folder may have failed without failing the backup."""

    path: Path
    kind: str
    created_at: str
    size: int
    sha256: str
    counts: dict[str, int]
    seconds: dict[str, float] = field(default_factory=dict)
    second_copy: Path | None = None
    second_problem: UserError | None = None
    removed: list[Path] = field(default_factory=list)

    @property
    def seconds_verifying(self) -> float:
        """quick_check of the copy and the read-back of the encrypted file (timed apart from making it)."""
        return self.seconds.get("quick_check", 0.0) + self.seconds.get("read_back", 0.0)

    @property
    def seconds_making(self) -> float:
        return self.seconds.get("total", 0.0) - self.seconds_verifying - self.seconds.get("second_folder", 0.0)


@dataclass(frozen=True)
class BackupInfo:
    """A backup file as the restore screen lists it: date and kind always, counts once its key is known."""

    path: Path
    folder: str  # "primary", "second" or "other"
    created_at: str
    kind: str
    size: int
    desk: str
    metadata: dict[str, Any] | None = None
    problem: UserError | None = None

    @property
    def counts(self) -> dict[str, int]:
        return dict((self.metadata or {}).get("counts", {}))

    @property
    def usable(self) -> bool:
        return self.problem is None


@dataclass
class PreparedRestore:
    """A backup decrypted and checked into a scratch file beside the desk file, ready to be put in its place."""

    source: Path
    header: Header
    metadata: dict[str, Any]
    scratch: Path
    floors: Floors
    before: BackupResult | None = None
    before_problem: UserError | None = None


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    created_at: str
    counts: dict[str, int]
    restore_epoch: int
    floors: Floors
    before: Path | None  # the encrypted backup of the replaced file
    aside: Path | None  # or the replaced file kept as it was (when no backup of it could be made)


# -- helpers -------------------------------------------------------------------------------------------

def _prepare_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise backup_files.os_problem(exc, folder) from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UserError("backup.folder_read_only", path=str(folder))


def _check_space(folder: Path, needed: int) -> None:
    try:
        free = shutil.disk_usage(folder).free
    except OSError as exc:
        raise backup_files.os_problem(exc, folder) from exc
    if free < needed + _SPACE_MARGIN:
        raise UserError("backup.disk_full", path=str(folder))


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        log.warning("could not remove %s", path)


def _clean_parts(folder: Path, pattern: str) -> None:
    """Scratch files a crash left behind (plain copies being encrypted, unfinished copies or restores)."""
    try:
        leftovers = list(folder.glob(pattern))
    except OSError:
        return
    for leftover in leftovers:
        _remove_quietly(leftover)


def _unique_path(folder: Path, desk: str, moment: datetime, kind: str) -> Path:
    n = 0
    while True:
        candidate = folder / backup_name(desk, moment, kind, n)
        if not candidate.exists():
            return candidate
        n += 1


def _inspect_scratch(scratch: Path, source: Path,
                     seconds: dict[str, float] | None = None) -> tuple[list[str], dict[str, Any]]:
    """quick_check of a plain copy, and its description (timed apart: the check is verification)."""
    seconds = {} if seconds is None else seconds
    conn = backup_files.open_snapshot(scratch)
    try:
        mark = time.perf_counter()
        problems = quick_check(conn)
        seconds["quick_check"] = time.perf_counter() - mark
        if problems:
            return problems, {}
        mark = time.perf_counter()
        description = describe(conn)
        seconds["describe"] = time.perf_counter() - mark
        return problems, description
    except sqlite3.DatabaseError as exc:
        raise UserError("backup.damaged", path=str(source)) from exc
    finally:
        conn.close()


def _check_restorable(scratch: Path, source: Path) -> None:
    """The decrypted copy is a sound desk file this version of the program can open."""
    problems, description = _inspect_scratch(scratch, source)
    if problems:
        raise UserError("backup.copy_damaged", path=str(source), detail="; ".join(problems[:3]))
    unknown = set(description.get("migrations", [])) - set(migrations.names())
    if unknown:
        raise UserError("backup.newer_schema", path=str(source))
    if "migrations" not in description:
        raise UserError("backup.damaged", path=str(source))


def _decrypt_to_scratch(header: Header, key: BackupKey, data_dir: Path) -> Path:
    _prepare_folder(data_dir)
    _clean_parts(data_dir, ".restore-*.part")
    _check_space(data_dir, header.plain_size)
    scratch = data_dir / f".restore-{uuid_module.uuid4().hex}.part"
    try:
        backup_files.decrypt_to(header, key, scratch)
        _check_restorable(scratch, header.path)
    except OSError as exc:
        _remove_quietly(scratch)
        raise backup_files.os_problem(exc, data_dir) from exc
    except BaseException:
        _remove_quietly(scratch)
        raise
    return scratch


def _read_live(path: Path) -> dict[str, Any] | None:
    """The description of a desk file about to be replaced, if it can still be read (it may be damaged)."""
    if not Path(path).exists():
        return None
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        return describe(conn)
    except sqlite3.Error:
        log.warning("the file being replaced could not be read for its numbers")
        return None
    finally:
        conn.close()


def _backup_files_in(folder: Path | None) -> list[Path]:
    if folder is None:
        return []
    try:
        return sorted(p for p in folder.glob("*" + backup_files.SUFFIX) if p.is_file())
    except OSError:
        return []


def _merge_backups(floors: Floors, folders: list[Path | None], key: BackupKey) -> None:
    """Numbers from every other backup of this desk that can be opened (the newest may be newer than the one
    restored)."""
    seen: set[Path] = set()
    for folder in folders:
        for path in _backup_files_in(folder):
            if path.resolve() in seen:
                continue
            seen.add(path.resolve())
            try:
                header = backup_files.read_header(path)
                if header.desk == key.desk:
                    floors.merge(backup_files.open_metadata(header, key))
            except (UserError, OSError):
                continue


def apply_floors(conn: sqlite3.Connection, floors: Floors, unit_code: str) -> int:
    """Inside a write transaction of the restored file: a new restore epoch, the change sequence and every number
    counter raised to what is known to have been used. Returns the new epoch."""
    current = conn.execute("SELECT value FROM counters WHERE name = 'restore_epoch'").fetchone()[0]
    epoch = max(current, floors.restore_epoch) + 1
    conn.execute("UPDATE counters SET value = ? WHERE name = 'restore_epoch'", (epoch,))
    conn.execute("UPDATE counters SET value = max(value, ?) WHERE name = 'change_seq'", (floors.change_seq,))
    for (scope, unit, year), last in sorted(floors.counters.items()):
        records.reserve_number(conn, scope, unit, year, last)
    for (issuer, doc_type, year), last in sorted(floors.documents.items()):
        records.reserve_number(conn, document_floor_scope(issuer, doc_type), unit_code, year, last)
    return epoch


def _restore_detail(source: Path, created_at: str, epoch: int, floors: Floors, before: Path | None,
                    aside: Path | None) -> dict[str, Any]:
    return {"file": source.name, "backup_created_at": created_at, "restore_epoch": epoch,
            "document_floors": len(floors.documents), "counter_floors": len(floors.counters),
            "floor_sources": floors.sources, "current_file": "backed_up" if before else ("kept_aside" if aside
                                                                                         else "none")}


def _aside_path(data_dir: Path, database: Path, moment: datetime) -> Path:
    return data_dir / SET_ASIDE_DIR / f"{database.stem}-{moment:%Y%m%d-%H%M%S}-replaced.sqlite3"


# -- the service -------------------------------------------------------------------------------------

class BackupService:
    """Makes, lists, checks and restores the desk's encrypted backups."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context
        self._key: BackupKey | None = None  # kept after sign-out, so the exit backup can still be made
        self._key_session = None
        self._actor = "-"

    # -- where ---------------------------------------------------------------------------------------
    @property
    def data_dir(self) -> Path:
        return self.context.database.path.parent

    @property
    def folder(self) -> Path:
        return self.data_dir / BACKUPS_FOLDER

    def second_folder(self) -> Path | None:
        chosen = (self.context.settings.backup_second_folder or "").strip()
        return Path(chosen) if chosen else None

    # -- keys ----------------------------------------------------------------------------------------
    def backup_key(self, conn: sqlite3.Connection | None = None) -> BackupKey:
        """The key backups are sealed with, from the signed-in user's session (or the last one of this run).
        Worked out once per session, so later calls (on a worker thread too) do not touch the database."""
        session = self.context.session
        if session is None:
            if self._key is None:
                raise UserError("backup.signed_out")
            return self._key
        if self._key is not None and self._key_session is session:
            return self._key
        conn = conn or self.context.database.conn
        stored = {row[0]: row[1] for row in conn.execute(
            "SELECT name, value FROM key_store "
            "WHERE name IN ('recovery_salt', 'recovery_wrap', 'recovery_parameters')")}
        self._key = BackupKey.from_data_key(session.data_key, backup_files.recovery_wrap(
            stored.get("recovery_salt"), stored.get("recovery_wrap"), stored.get("recovery_parameters")))
        self._key_session = session
        self._actor = session.user.username
        return self._key

    @property
    def has_key(self) -> bool:
        return self.context.session is not None or self._key is not None

    # -- making --------------------------------------------------------------------------------------
    def create(self, kind: str = "manual", *, reader: sqlite3.Connection | None = None,
               second: bool = True) -> BackupResult:
        """Make, verify and rotate one backup. Reads the desk only through `reader` (a new reader by default), so
        it may run on a worker thread; call `record()` afterwards on the connection's own thread."""
        if kind not in KINDS:
            raise ValueError(f"not a backup kind: {kind}")
        started = time.perf_counter()
        own = reader is None
        conn = self.context.database.reader() if own else reader
        try:
            key = self.backup_key(conn)
            moment = self.context.clock()
            created_at = iso_timestamp(moment)
            folder = self.folder
            _prepare_folder(folder)
            _clean_parts(folder, f".receptiondesk-{key.desk[:8]}-*.part")
            page_count = conn.execute("PRAGMA page_count").fetchone()[0]
            page_size = conn.execute("PRAGMA page_size").fetchone()[0]
            _check_space(folder, page_count * page_size)
            final = _unique_path(folder, key.desk, moment, kind)
            part = folder / f".{final.name}.part"
            seconds: dict[str, float] = {}
            try:
                mark = time.perf_counter()
                backup_files.snapshot(conn, part)
                seconds["copy"] = time.perf_counter() - mark
                problems, description = _inspect_scratch(part, self.context.database.path, seconds)
                if problems:
                    raise UserError("backup.source_damaged", detail="; ".join(problems[:3]))
                metadata = {"created_at": created_at, "kind": kind, "program": __version__,
                            "database": self.context.database.path.name, "quick_check": "ok", **description}
                mark = time.perf_counter()
                backup_files.seal_in_place(part, key, created_at=created_at, kind=kind, metadata=metadata)
                seconds["seal"] = time.perf_counter() - mark
                mark = time.perf_counter()
                header = backup_files.read_header(part)
                sha256 = backup_files.verify(header, key)
                seconds["read_back"] = time.perf_counter() - mark
                os.replace(part, final)
                fsync_directory(folder)
            except OSError as exc:
                raise backup_files.os_problem(exc, folder) from exc
            except sqlite3.Error as exc:
                raise backup_files.sqlite_problem(exc, folder) from exc
            finally:
                if part.exists():
                    _remove_quietly(part)
            result = BackupResult(final, kind, created_at, header.file_size, sha256, description["counts"], seconds)
            target = self.second_folder() if second else None
            if target is not None:
                mark = time.perf_counter()
                try:
                    result.second_copy = self._copy_to(final, target, sha256)
                except UserError as problem:
                    log.warning("backup copy to the second folder failed: %s", problem)
                    result.second_problem = problem
                seconds["second_folder"] = time.perf_counter() - mark
            result.removed = self._rotate(folder, key.desk)
            if result.second_copy is not None:
                result.removed += self._rotate(target, key.desk)
            seconds["total"] = time.perf_counter() - started
            log.info("backup %s made (%d bytes, %.1f s)", final.name, result.size, seconds["total"])
            return result
        finally:
            if own:
                conn.close()

    def _copy_to(self, source: Path, folder: Path, sha256: str) -> Path:
        """Copy a verified backup to the second folder and read the copy back; a clear problem if the folder is
        missing (the stick was pulled out), full or read-only."""
        if not folder.is_dir():
            raise UserError("backup.folder_missing", path=str(folder))
        if not os.access(folder, os.W_OK | os.X_OK):
            raise UserError("backup.folder_read_only", path=str(folder))
        _clean_parts(folder, f".{source.name[:len('receptiondesk-') + 8]}-*.part")
        _check_space(folder, source.stat().st_size)
        target = folder / source.name
        part = folder / f".{source.name}.part"
        try:
            with open(source, "rb") as reader, open(part, "xb") as writer:
                while block := reader.read(_COPY_BLOCK):
                    writer.write(block)
                writer.flush()
                os.fsync(writer.fileno())
                if hasattr(os, "posix_fadvise"):  # read the copy back from the device, not from the cache
                    os.posix_fadvise(writer.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            if backup_files.file_sha256(part) != sha256:
                raise UserError("backup.copy_mismatch", path=str(folder))
            os.replace(part, target)
            fsync_directory(folder)
        except OSError as exc:
            raise backup_files.os_problem(exc, folder) from exc
        finally:
            if part.exists():
                _remove_quietly(part)
        return target

    def _rotate(self, folder: Path, desk: str) -> list[Path]:
        settings = self.context.settings
        ours = [f for f in map(parse_name, _backup_files_in(folder)) if f is not None and f.desk == desk[:8]]
        removed = []
        for victim in rotation_victims(ours, settings.backup_daily_count, settings.backup_monthly_count):
            try:
                victim.unlink()
                removed.append(victim)
            except OSError:
                log.warning("rotation could not remove %s", victim)
        return removed

    def record(self, result: BackupResult) -> None:
        """The backup in the audit log: date, kind, counts, size and SHA-256 (checked again by `check --full`)."""
        detail = {"file": result.path.name, "kind": result.kind, "created_at": result.created_at,
                  "size": result.size, "sha256": result.sha256, "counts": result.counts,
                  "second_folder": ("none" if result.second_copy is None and result.second_problem is None
                                    else "ok" if result.second_problem is None else result.second_problem.code),
                  "removed": len(result.removed)}
        with self.context.database.write() as conn:
            records.append_audit(conn, self._stamp(), "backup.made", "backups", None, detail)

    def _stamp(self) -> records.Stamp:
        if self.context.session is not None:
            return self.context.stamp()
        return records.Stamp(actor=self._actor, unit_code=self.context.settings.unit_code or "-",
                             at=iso_timestamp(self.context.clock()))

    def back_up(self, kind: str = "manual") -> BackupResult:
        """Make, verify and record a backup now (the CLI's `backup`, the window's "Back up now")."""
        self.context.require_session()
        result = self.create(kind)
        self.record(result)
        return result

    def is_due(self, conn: sqlite3.Connection | None = None) -> bool:
        """No backup of this desk dated today in the data directory yet (and a key to make one)."""
        if not self.has_key:
            return False
        desk = self.backup_key(conn).desk[:8]
        today = self.context.clock().date()
        return not any(f is not None and f.desk == desk and f.moment.date() == today
                       for f in map(parse_name, _backup_files_in(self.folder)))

    def daily(self, reader: sqlite3.Connection | None = None) -> BackupResult | None:
        """The day's backup if none was made today; for a worker thread (record it on the desk's thread)."""
        return self.create("daily", reader=reader) if self.is_due(reader) else None

    def on_exit(self) -> BackupResult | None:
        """The backup made when the program closes; None when nobody signed in during this run."""
        if not self.has_key:
            return None
        result = self.create("exit")
        self.record(result)
        return result

    # -- settings -------------------------------------------------------------------------------------
    def update_settings(self, *, daily: int | None = None, monthly: int | None = None,
                        second_folder: str | None = None):
        """How many automatic backups to keep, and the second folder ("" for none)."""
        from receptiondesk.services.setup import SetupService

        changes: dict[str, Any] = {}
        if daily is not None:
            if not isinstance(daily, int) or not 1 <= daily <= 366:
                raise UserError("backup.daily_range", "backup_daily_count")
            changes["backup_daily_count"] = daily
        if monthly is not None:
            if not isinstance(monthly, int) or not 0 <= monthly <= 240:
                raise UserError("backup.monthly_range", "backup_monthly_count")
            changes["backup_monthly_count"] = monthly
        if second_folder is not None:
            chosen = second_folder.strip()
            if chosen:
                path = Path(chosen)
                if not path.is_absolute():
                    raise UserError("backup.second_not_absolute", "backup_second_folder", path=chosen)
                if path.resolve() in (self.folder.resolve(), self.data_dir.resolve()):
                    raise UserError("backup.second_is_primary", "backup_second_folder", path=chosen)
            changes["backup_second_folder"] = chosen
        return SetupService(self.context).update_settings(**changes)

    # -- listing -------------------------------------------------------------------------------------
    def folders(self) -> list[tuple[str, Path]]:
        found = [("primary", self.folder)]
        second = self.second_folder()
        if second is not None:
            found.append(("second", second))
        return found

    def list_backups(self) -> list[BackupInfo]:
        """Every backup of this desk in the data directory and the second folder, newest first, with its date
        and counts; files that are not ours or are damaged are listed with their problem."""
        key = self.backup_key()
        listed = []
        for label, folder in self.folders():
            for path in _backup_files_in(folder):
                info = inspect_backup(path, key, folder=label)
                if info.problem is not None and info.problem.code == "backup.other_desk":
                    continue  # another desk's backup sharing the stick: not ours to list
                listed.append(info)
        return sorted(listed, key=lambda i: (i.created_at, i.path.name), reverse=True)

    # -- checking ------------------------------------------------------------------------------------
    def check_all(self) -> list[dict[str, Any]]:
        """`check --full`: read every backup of this desk whole (each chunk's tag) and compare its SHA-256 with the
        one recorded when it was made. Findings as {code, params}; none when every backup is sound."""
        key = self.backup_key()
        recorded: dict[str, str] = {}
        for row in self.context.database.query("SELECT detail FROM audit_log WHERE action = 'backup.made'"):
            try:
                detail = json.loads(row[0])
                recorded[detail["file"]] = detail["sha256"]
            except (ValueError, KeyError, TypeError):
                continue
        findings: list[dict[str, Any]] = []
        sound = 0
        for _, folder in self.folders():
            if folder != self.folder and not folder.is_dir():
                findings.append({"code": "check.backup_folder_missing", "params": {"path": str(folder)}})
                continue
            for path in _backup_files_in(folder):
                try:
                    header = backup_files.read_header(path)
                    if header.desk != key.desk:
                        continue
                    sha256 = backup_files.verify(header, key)
                except UserError as problem:
                    findings.append({"code": "check.backup_unreadable", "params": {
                        "file": str(path), "reason": problem.render("en"), "problem": problem.code}})
                    continue
                if path.name in recorded and recorded[path.name] != sha256:
                    findings.append({"code": "check.backup_altered", "params": {"file": str(path)}})
                    continue
                sound += 1
        if not sound:
            findings.append({"code": "check.no_backup", "params": {"path": str(self.folder)}})
        return findings

    # -- restoring -----------------------------------------------------------------------------------
    def prepare_restore(self, path: Path, numbers: RestoreNumbers | None = None) -> PreparedRestore:
        """Decrypt and check a backup next to the desk file, and back up the current file first (encrypted).
        Reads the desk only through a reader, so it may run on a worker thread; nothing is replaced yet."""
        self.context.require(Permission.ADMINISTER)
        problems = numbers.problems() if numbers is not None else []
        if problems:
            raise problems[0]
        key = self.backup_key()
        header = backup_files.read_header(Path(path))
        metadata = backup_files.open_metadata(header, key)
        scratch = _decrypt_to_scratch(header, key, self.data_dir)
        try:
            floors = Floors()
            floors.merge(metadata)
            _merge_backups(floors, [folder for _, folder in self.folders()] + [header.path.parent], key)
            floors.add_numbers(numbers, self.context.settings.unit_code, self.context.today().year)
            prepared = PreparedRestore(header.path, header, metadata, scratch, floors)
            try:
                prepared.before = self.create("before-restore", second=False)
            except UserError as problem:  # a damaged current file: it will be kept aside as it is
                log.warning("the current file could not be backed up before the restore: %s", problem)
                prepared.before_problem = problem
            return prepared
        except BaseException:
            _remove_quietly(scratch)
            raise

    def discard(self, prepared: PreparedRestore) -> None:
        _remove_quietly(prepared.scratch)

    def finish_restore(self, prepared: PreparedRestore) -> RestoreResult:
        """Put the prepared copy in the desk file's place (on the thread that owns the connection), start a new
        restore epoch and raise the number counters; the restore and the backup taken before it are audited."""
        self.context.require(Permission.ADMINISTER)
        database = self.context.database
        floors = prepared.floors
        try:
            live = describe(database.conn)
        except sqlite3.Error:
            live = None
        if live is not None:
            floors.merge(live)
        unit_code = self.context.settings.unit_code
        aside = None if prepared.before is not None else _aside_path(self.data_dir, database.path,
                                                                      self.context.clock())
        try:
            database.replace_file(prepared.scratch, aside=aside)
        except UserError:
            if prepared.before is not None:  # the file stays as it was; its fresh backup is recorded in it
                self.record(prepared.before)
            raise
        finally:
            _remove_quietly(prepared.scratch)
            self.context.settings_changed()
            self.context.calendar_changed()
        unit_code = self.context.settings.unit_code or unit_code
        with database.write() as conn:
            epoch = apply_floors(conn, floors, unit_code)
            records.append_audit(conn, self._stamp(), "backup.restore", "backups", None, _restore_detail(
                prepared.source, prepared.header.created_at, epoch, floors,
                prepared.before.path if prepared.before else None, aside))
        if prepared.before is not None:
            self.record(prepared.before)
        return RestoreResult(prepared.source, prepared.header.created_at, dict(prepared.metadata.get("counts", {})),
                             epoch, floors, prepared.before.path if prepared.before else None, aside)

    def restore(self, path: Path, numbers: RestoreNumbers | None = None) -> RestoreResult:
        """`prepare_restore` then `finish_restore`, on this thread (the CLI)."""
        prepared = self.prepare_restore(path, numbers)
        try:
            return self.finish_restore(prepared)
        finally:
            self.discard(prepared)


def check_file(conn: sqlite3.Connection) -> list[str]:
    """The start-up check: SQLite's quick_check on a read connection (empty when the file is sound)."""
    return quick_check(conn)


def inspect_backup(path: Path, key: BackupKey | None = None, *, folder: str = "other") -> BackupInfo:
    """A backup's header (always) and metadata (with its key); the problem instead when it cannot be read."""
    try:
        header = backup_files.read_header(path)
    except UserError as problem:
        size = path.stat().st_size if path.exists() else 0
        return BackupInfo(path, folder, "", "", size, "", None, problem)
    metadata = problem = None
    if key is not None:
        try:
            metadata = backup_files.open_metadata(header, key)
        except UserError as error:
            problem = error
    return BackupInfo(path, folder, header.created_at, header.kind, header.file_size, header.desk, metadata, problem)


def list_backup_files(data_dir: Path, extra: list[Path] | None = None) -> list[BackupInfo]:
    """Every backup file in a data directory's backups folder (and in `extra` folders), from their headers alone:
    what the restore screen can show before the recovery key is typed (date, kind, size)."""
    listed = []
    folders = [("primary", Path(data_dir) / BACKUPS_FOLDER)] + [("other", Path(p)) for p in extra or []]
    for label, folder in folders:
        for path in _backup_files_in(folder):
            listed.append(inspect_backup(path, folder=label))
    return sorted(listed, key=lambda i: (i.created_at, i.path.name), reverse=True)


def restore_with_recovery_key(database_path: Path, backup: Path, recovery_key: str,
                              numbers: RestoreNumbers | None = None, *, clock: Clock = now_vietnam) -> RestoreResult:
    """Restore when the desk file cannot be opened (or nobody can sign in): the recovery sheet opens the backup,
    the damaged file is kept aside as it is, and the restored desk starts a new restore epoch."""
    database_path = Path(database_path)
    data_dir = database_path.parent
    problems = numbers.problems() if numbers is not None else []
    if problems:
        raise problems[0]
    header = backup_files.read_header(Path(backup))
    data_key = backup_files.data_key_from_recovery(header, recovery_key)
    key = BackupKey.from_data_key(data_key, header.recovery)
    metadata = backup_files.open_metadata(header, key)
    scratch = _decrypt_to_scratch(header, key, data_dir)
    try:
        floors = Floors()
        floors.merge(metadata)
        _merge_backups(floors, [data_dir / BACKUPS_FOLDER, header.path.parent], key)
        live = _read_live(database_path)
        if live is not None:
            floors.merge(live)
        unit_code = metadata.get("commune_code") or ""
        floors.add_numbers(numbers, unit_code, clock().date().year)
        moment = clock()
        aside = _aside_path(data_dir, database_path, moment) if database_path.exists() else None
        replace_closed_file(database_path, scratch, aside=aside)
    finally:
        _remove_quietly(scratch)
    with open_database(database_path) as database:
        stamp = records.Stamp(actor="recovery-key", unit_code=unit_code or "-", at=iso_timestamp(clock()),
                              audit_key=keys.purpose_key(data_key, "audit-chain"))
        with database.write() as conn:
            epoch = apply_floors(conn, floors, unit_code)
            records.append_audit(conn, stamp, "backup.restore", "backups", None,
                                 {**_restore_detail(header.path, header.created_at, epoch, floors, None, aside),
                                  "with": "recovery_key"})
    return RestoreResult(header.path, header.created_at, dict(metadata.get("counts", {})), epoch, floors, None, aside)


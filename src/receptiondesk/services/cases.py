"""Cases: opening, classifying, directing, concluding, informing, closing and voiding, with due dates; the
documents handed in, with their scanned files (sealed when the case is protected)."""

from __future__ import annotations

import hashlib
import sqlite3
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.cases import (
    CaseDraft,
    CaseRecord,
    CaseStatus,
    ContentType,
    Direction,
    DirectionDraft,
    DirectionRecord,
    DueFacts,
    clean_summary,
    due_date,
    status_for_direction,
    validate_case,
    validate_direction,
)
from receptiondesk.domain.text import clean_line
from receptiondesk.domain.values import parse_past_date
from receptiondesk.errors import Problem, UserError, raise_for
from receptiondesk.security import keys
from receptiondesk.services import privacy
from receptiondesk.services.context import DeskContext
from receptiondesk.storage import cases as case_storage
from receptiondesk.storage import listing, records, search
from receptiondesk.storage.cases import CASE_LIST
from receptiondesk.storage.records import Stamp

MAX_ATTACHMENT_PAGES = 10_000
#: A scanned file may be at most this large (a letter of a few dozen pages scanned at 300 dpi fits).
MAX_FILE_BYTES = 20 * 1024 * 1024
#: What a scanned file may be, recognised by its first bytes (never by its name alone): MIME type and
#: the name endings that may carry it.
FILE_TYPES: dict[str, tuple[tuple[bytes, ...], tuple[str, ...]]] = {
    "application/pdf": ((b"%PDF-",), (".pdf",)),
    "image/jpeg": ((b"\xff\xd8\xff",), (".jpg", ".jpeg")),
    "image/png": ((b"\x89PNG\r\n\x1a\n",), (".png",)),
    "image/tiff": ((b"II*\x00", b"MM\x00*"), (".tif", ".tiff")),
}
#: Kinds of document a file may be; images of ID cards are sensitive personal data (Decree 356/2025) and are
#: refused unless the administrator enabled them (setting `allow_id_images`).
ATTACHMENT_KINDS = ("document", "id_card")
FILE_PURPOSE = "attachment-files"

#: Allowed forward moves of a case's status (voiding is separate and always allowed).
#: Closing a case before the citizen is told needs a reason at least this long.
MIN_CLOSE_REASON_LENGTH = 5

NEXT_STATUS = {
    CaseStatus.RECEIVED: {CaseStatus.IN_PROGRESS, CaseStatus.CONCLUDED, CaseStatus.INFORMED, CaseStatus.CLOSED},
    CaseStatus.IN_PROGRESS: {CaseStatus.CONCLUDED, CaseStatus.INFORMED, CaseStatus.CLOSED},
    CaseStatus.CONCLUDED: {CaseStatus.INFORMED, CaseStatus.CLOSED},
    CaseStatus.INFORMED: {CaseStatus.CLOSED},
    CaseStatus.CLOSED: set(),
}


def insert_attachment(conn: sqlite3.Connection, stamp: Stamp, case_id: int, case_uuid: str, visit_id: int | None,
                      title: str, pages: int = 1, original: bool = False) -> str:
    """One document handed in, listed on its case (and the visit it came with), in the caller's transaction."""
    _, uuid = records.insert_record(conn, "attachments", stamp, {
        "case_id": case_id, "visit_id": visit_id, "title": title, "pages": pages, "original": int(original)})
    records.append_audit(conn, stamp, "attachment.add", "attachments", uuid, {"case": case_uuid})
    return uuid


def field_codes(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT code FROM fields WHERE active = 1")}


def _due(context: DeskContext, row: dict[str, Any]) -> str | None:
    facts = DueFacts(
        content_type=ContentType(row["content_type"]),
        status=CaseStatus(row["status"]),
        direction=Direction(row["direction"]) if row["direction"] else None,
        in_competence=bool(row["in_competence"]),
        received_on=date.fromisoformat(row["received_on"]),
        step_started_on=date.fromisoformat(row["step_started_on"]),
        complex=bool(row["flag_complex"]),
        needs_verification=bool(row["needs_verification"]),
    )
    due = due_date(facts, context.rules, context.calendar, remote=context.settings.remote_area)
    return due.isoformat() if due else None


def _closing_dates(status: CaseStatus, on: date) -> dict[str, str]:
    """A direction that ends the desk's work on the day (answered, filed, refused) dates the end at once."""
    if status is CaseStatus.INFORMED:
        return {"concluded_on": on.isoformat(), "informed_on": on.isoformat()}
    if status is CaseStatus.CLOSED:
        return {"closed_on": on.isoformat()}
    return {}


def open_case(context: DeskContext, conn: sqlite3.Connection, stamp: Stamp, case: CaseRecord,
              direction: DirectionRecord, received_on: date, source: str, citizen_id: int | None,
              citizen_name: str = "") -> tuple[int, str]:
    """Insert a new case with the status and due date its direction gives it; index it for search."""
    chosen = case.direction or direction
    status = status_for_direction(chosen.direction)
    values = {
        "received_on": received_on.isoformat(),
        "source": source,
        "citizen_id": citizen_id,
        "content_type": case.content_type.value,
        "field_code": case.field_code,
        "summary": case.summary,
        "respondent_name": case.respondent_name,
        "respondent_position": case.respondent_position,
        "respondent_body": case.respondent_body,
        "in_competence": int(chosen.in_competence),
        "direction": chosen.direction.value if chosen.direction else None,
        "direction_body": chosen.direction_body,
        "direction_doc": chosen.direction_doc,
        "refusal_ground": chosen.refusal_ground,
        "flag_bypass": int(case.flag_bypass),
        "flag_long_running": int(case.flag_long_running),
        "flag_complex": int(case.flag_complex),
        "needs_verification": int(case.needs_verification),
        "status": status.value,
        "step_started_on": received_on.isoformat(),
    }
    values.update(_closing_dates(status, received_on))
    values["due_date"] = _due(context, values)
    case_id, case_uuid = records.insert_record(conn, "cases", stamp, values)
    search.index_record(conn, "cases", case_id, citizen_name,
                        f"{case.respondent_name} {case.respondent_position} {case.respondent_body}", case.summary)
    records.append_audit(conn, stamp, "case.open", "cases", case_uuid,
                         {"content_type": case.content_type.value, "status": status.value})
    return case_id, case_uuid


def recompute_open_due_dates(context: DeskContext, conn: sqlite3.Connection) -> int:
    """Recompute the stored due date of every open case (after the calendar or the remote-area setting changed).

    Each moved due date is a new version of its case, so sync carries it; returns how many moved.
    """
    changed = 0
    stamp = context.stamp()
    rows = conn.execute("SELECT * FROM cases WHERE voided = 0 AND status IN ('received', 'in_progress')").fetchall()
    for row in rows:
        new_due = _due(context, dict(row))
        if new_due != row["due_date"]:
            records.update_record(conn, "cases", row["id"], stamp, {"due_date": new_due})
            changed += 1
    if changed:
        records.append_audit(conn, stamp, "case.due_recomputed", "cases", None, {"cases": changed})
    return changed


@dataclass(frozen=True)
class CaseChanges:
    """Classification fields an officer may correct; None leaves a field as it is."""

    content_type: str | None = None
    field_code: str | None = None
    summary: str | None = None
    respondent_name: str | None = None
    respondent_position: str | None = None
    respondent_body: str | None = None
    flag_bypass: bool | None = None
    flag_long_running: bool | None = None
    flag_complex: bool | None = None
    needs_verification: bool | None = None


class CaseService:
    """Use cases on a case after intake; each change is a new version with an audit row."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    # -- reads ---------------------------------------------------------------------------
    def get(self, case_uuid: str) -> dict[str, Any]:
        self.context.require(Permission.READ)
        return listing.row_by_uuid(self.context.database.conn, CASE_LIST, case_uuid, "case")

    def list(self, request: listing.ListRequest, limit: int = 100, offset: int = 0,
             connection: sqlite3.Connection | None = None) -> list[dict[str, Any]]:
        """One page of the list. The page's ids are chosen first (filter, order, LIMIT on the indexes alone),
        then only those rows get their columns: a filter matching half the file does not compute the
        citizen name and visit count of every match. `connection`: a reader on another thread."""
        self.context.require(Permission.READ)
        if not 1 <= int(limit) <= listing.MAX_PAGE or int(offset) < 0:
            raise UserError("list.page_size", max=listing.MAX_PAGE)
        conn = connection or self.context.database.conn
        sql, params = listing.id_query(CASE_LIST, self.context.scoped(request))
        ids = [row[0] for row in conn.execute(f"{sql} LIMIT ? OFFSET ?", [*params, int(limit), int(offset)])]
        return [dict(r) for r in listing.rows_by_ids(conn, CASE_LIST, ids)]

    def ids(self, request: listing.ListRequest, connection: sqlite3.Connection | None = None) -> list[int]:
        self.context.require(Permission.READ)
        return listing.list_ids(connection or self.context.database.conn, CASE_LIST, self.context.scoped(request))

    def id_array(self, request: listing.ListRequest, connection: sqlite3.Connection | None = None) -> array:
        """Every matching case's rowid in list order as a compact array (8 bytes an id: 850,000 cases take
        7 MB, not the 35 MB of a list), for a list model that pages by id; read on a worker's `connection`."""
        self.context.require(Permission.READ)
        sql, params = listing.id_query(CASE_LIST, self.context.scoped(request))
        cursor = (connection or self.context.database.conn).cursor()
        cursor.row_factory = None  # plain tuples: no Row object per id
        ids = array("q")
        cursor.execute(sql, params)
        while chunk := cursor.fetchmany(10_000):
            ids.extend(row[0] for row in chunk)
        return ids

    def rows(self, ids: list[int]) -> list[dict[str, Any]]:
        self.context.require(Permission.READ)
        return [dict(r) for r in listing.rows_by_ids(self.context.database.conn, CASE_LIST, ids)]

    def count(self, request: listing.ListRequest) -> int:
        self.context.require(Permission.READ)
        sql, params = listing.count_query(CASE_LIST, self.context.scoped(request))
        return self.context.database.scalar(sql, params)

    # -- writes --------------------------------------------------------------------------
    def _load_open(self, conn: sqlite3.Connection, case_uuid: str) -> dict[str, Any]:
        case_id = records.record_id_for(conn, "cases", case_uuid, field="case")
        return dict(conn.execute("SELECT * FROM cases WHERE id = ?", (case_id,)).fetchone())

    def _save(self, conn: sqlite3.Connection, stamp: Stamp, row: dict[str, Any], changes: dict[str, Any],
              action: str) -> None:
        merged = {**row, **changes}
        changes["due_date"] = _due(self.context, merged)
        before_after = records.update_record(conn, "cases", row["id"], stamp, changes)
        if {"summary", "respondent_name", "respondent_position", "respondent_body"} & changes.keys():
            name = conn.execute("SELECT full_name FROM citizens WHERE id = ? AND protected = 0",
                                (row["citizen_id"],)).fetchone()
            search.index_record(conn, "cases", row["id"], name[0] if name else "",
                                f"{merged['respondent_name']} {merged['respondent_position']} "
                                f"{merged['respondent_body']}", merged["summary"])
        records.append_audit(conn, stamp, action, "cases", row["uuid"], {"changed": before_after})

    def classify(self, case_uuid: str, changes: CaseChanges) -> dict[str, Any]:
        """Correct a case's type, field, summary, respondent or flags."""
        self.context.require(Permission.RECORD)
        with self.context.database.write() as conn:
            row = self._load_open(conn, case_uuid)
            draft = CaseDraft(
                content_type=changes.content_type or row["content_type"],
                field_code=changes.field_code or row["field_code"],
                summary=changes.summary if changes.summary is not None else row["summary"],
            )
            problems: list[Problem] = []
            valid_fields = field_codes(conn) | {row["field_code"]}
            record = validate_case(draft, valid_fields, problems)
            raise_for(problems)
            update: dict[str, Any] = {}
            if record.content_type.value != row["content_type"]:
                update["content_type"] = record.content_type.value
            if record.field_code != row["field_code"]:
                update["field_code"] = record.field_code
            if record.summary != row["summary"]:
                update["summary"] = record.summary
            for name in ("respondent_name", "respondent_position", "respondent_body"):
                value = getattr(changes, name)
                if value is not None and clean_line(value) != row[name]:
                    update[name] = clean_line(value)
            for name, column in (("flag_bypass", "flag_bypass"), ("flag_long_running", "flag_long_running"),
                                 ("flag_complex", "flag_complex"), ("needs_verification", "needs_verification")):
                value = getattr(changes, name)
                if value is not None and int(value) != row[column]:
                    update[column] = int(value)
            protect = (update.get("content_type") == ContentType.DENUNCIATION and row["citizen_id"] is not None)
            if update:
                stamp = self.context.stamp()
                self._save(conn, stamp, row, update, "case.classify")
                if protect:  # a petition reclassified as a denunciation: its person becomes protected now
                    protect = privacy.protect_citizen(self.context, conn, row["citizen_id"], stamp)
        if protect:
            privacy.purge_old_copies(self.context)
        return self.get(case_uuid)

    def set_direction(self, case_uuid: str, draft: DirectionDraft, on: date | str | None = None) -> dict[str, Any]:
        """Record what the desk did with a received case (guide, transfer, accept, answer, file, refuse)."""
        self.context.require(Permission.RECORD)
        problems: list[Problem] = []
        on_date = parse_past_date(on or self.context.today(), "direction_date", problems, self.context.today())
        direction = validate_direction(draft, problems, required=True)
        raise_for(problems)
        with self.context.database.write() as conn:
            row = self._load_open(conn, case_uuid)
            if row["status"] != CaseStatus.RECEIVED:
                raise UserError("case.direction_after_received", "direction", status=row["status"])
            if on_date < date.fromisoformat(row["received_on"]):
                raise UserError("case.date_before_received", "direction_date")
            status = status_for_direction(direction.direction)
            update = {
                "direction": direction.direction.value,
                "direction_body": direction.direction_body,
                "direction_doc": direction.direction_doc,
                "refusal_ground": direction.refusal_ground,
                "in_competence": int(direction.in_competence),
                "status": status.value,
                "step_started_on": on_date.isoformat(),
            }
            update.update(_closing_dates(status, on_date))
            self._save(conn, self.context.stamp(), row, update, "case.direction")
        return self.get(case_uuid)

    def _advance(self, case_uuid: str, target: CaseStatus, on: date | str | None, extra: dict[str, Any],
                 action: str, guard: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
        self.context.require(Permission.RECORD)
        problems: list[Problem] = []
        on_date = parse_past_date(on or self.context.today(), "status_date", problems, self.context.today())
        raise_for(problems)
        with self.context.database.write() as conn:
            row = self._load_open(conn, case_uuid)
            current = CaseStatus(row["status"])
            if on_date < date.fromisoformat(row["received_on"]):
                raise UserError("case.date_before_received", "status_date")
            if target not in NEXT_STATUS[current]:
                raise UserError("case.bad_transition", "status", current=current.value, target=target.value)
            if guard is not None:
                guard(row)
            update = {"status": target.value, "step_started_on": on_date.isoformat(), **extra}
            column = {CaseStatus.CONCLUDED: "concluded_on", CaseStatus.INFORMED: "informed_on",
                      CaseStatus.CLOSED: "closed_on"}.get(target)
            if column:
                update[column] = on_date.isoformat()
            if target is CaseStatus.INFORMED and not row["concluded_on"]:
                update["concluded_on"] = on_date.isoformat()
            self._save(conn, self.context.stamp(), row, update, action)
        return self.get(case_uuid)

    def conclude(self, case_uuid: str, conclusion: str, on: date | str | None = None) -> dict[str, Any]:
        """The decision or answer exists."""
        problems: list[Problem] = []
        text = clean_summary(conclusion, "conclusion", problems)
        raise_for(problems)
        return self._advance(case_uuid, CaseStatus.CONCLUDED, on, {"conclusion": text}, "case.conclude")

    def mark_informed(self, case_uuid: str, on: date | str | None = None) -> dict[str, Any]:
        """The citizen has been told the result."""
        return self._advance(case_uuid, CaseStatus.INFORMED, on, {}, "case.inform")

    def close(self, case_uuid: str, on: date | str | None = None, reason: str = "") -> dict[str, Any]:
        """End the case. Before the citizen has been told the result, only with a written reason."""
        text = clean_line(reason)

        def told_or_reason(row: dict[str, Any]) -> None:
            if not row["informed_on"] and len(text) < MIN_CLOSE_REASON_LENGTH:
                raise UserError("case.close_needs_reason", "closed_reason", min=MIN_CLOSE_REASON_LENGTH)

        return self._advance(case_uuid, CaseStatus.CLOSED, on, {"closed_reason": text}, "case.close",
                             told_or_reason)

    # -- documents handed in -------------------------------------------------------------
    def add_attachment(self, case_uuid: str, title: str, pages: int = 1, original: bool = False,
                       visit_uuid: str | None = None) -> str:
        """Record a document the citizen handed in (what the receipt lists); no scan of ID cards is kept."""
        self.context.require(Permission.RECORD)
        problems: list[Problem] = []
        name = clean_line(title)
        if not name:
            problems.append(Problem("value.required", "attachment_title"))
        if not isinstance(pages, int) or not 1 <= pages <= MAX_ATTACHMENT_PAGES:
            problems.append(Problem("case.attachment_pages", "attachment_pages", {"max": MAX_ATTACHMENT_PAGES}))
        raise_for(problems)
        with self.context.database.write() as conn:
            case_id = records.record_id_for(conn, "cases", case_uuid, field="case")
            visit_id = None
            if visit_uuid:
                visit_id = records.record_id_for(conn, "visits", visit_uuid, field="visit")
                if not conn.execute("SELECT 1 FROM visit_cases WHERE visit_id = ? AND case_id = ?",
                                    (visit_id, case_id)).fetchone():
                    raise UserError("case.visit_not_of_case", "visit")
            uuid = insert_attachment(conn, self.context.stamp(), case_id, case_uuid, visit_id, name, pages, original)
        return uuid

    def attachments(self, case_uuid: str) -> list[dict[str, Any]]:
        self.context.require(Permission.READ)
        return [dict(r) for r in self.context.database.query(
            "SELECT uuid, title, pages, original, voided FROM attachments "
            "WHERE case_id = (SELECT id FROM cases WHERE uuid = ?) ORDER BY id", (case_uuid,))]

    def documents(self, case_uuid: str) -> list[dict[str, Any]]:
        """The documents listed for the case, voided ones too, with their file's name, MIME type, size and
        SHA-256 when a scan was stored (`sealed` 1 or 0 then, None when there is no file). A sealed file's real
        name is inside the seal: the list shows a neutral one."""
        self.context.require(Permission.READ)
        conn = self.context.database.conn
        case_id = records.record_id_for(conn, "cases", case_uuid, field="case", allow_voided=True)
        return [dict(r) for r in case_storage.case_attachments(conn, case_id)]

    def attach_file(self, case_uuid: str, path: Path, title: str, kind: str = "document", *, pages: int = 1,
                    original: bool = False) -> str:
        """Store a scanned letter or document handed in (PDF, JPEG, PNG or TIFF, at most 20 MB) with a new
        attachment of the case; returns the attachment's UUID. The file is sealed with the desk's key when the
        case is protected (a denunciation, a confidential case, or a protected person's) and for an ID-card
        image. Nothing is written when the file is refused."""
        self.context.require(Permission.RECORD)
        problems: list[Problem] = []
        name = clean_line(title)
        if not name:
            problems.append(Problem("value.required", "attachment_title"))
        if kind not in ATTACHMENT_KINDS:
            problems.append(Problem("value.not_allowed", "attachment_kind", {"value": kind,
                                                                             "allowed": list(ATTACHMENT_KINDS)}))
        elif kind == "id_card" and not getattr(self.context.settings, "allow_id_images", False):
            problems.append(Problem("attachment.id_images_off", "attachment_kind"))
        if not isinstance(pages, int) or not 1 <= pages <= MAX_ATTACHMENT_PAGES:
            problems.append(Problem("case.attachment_pages", "attachment_pages", {"max": MAX_ATTACHMENT_PAGES}))
        raise_for(problems)
        file_name, content, mime_type = _read_scan(Path(path))
        digest = hashlib.sha256(content).hexdigest()
        with self.context.database.write() as conn:
            case_id = records.record_id_for(conn, "cases", case_uuid, field="case")
            case = conn.execute(
                "SELECT content_type, confidential, "
                "(SELECT protected FROM citizens WHERE citizens.id = cases.citizen_id) AS citizen_protected "
                "FROM cases WHERE id = ?", (case_id,)).fetchone()
            sealed = _is_protected(case) or kind == "id_card"
            attachment_uuid = records.new_uuid()
            extension = Path(file_name).suffix.lower()
            stamp = self.context.stamp()
            attachment_id, _ = records.insert_record(conn, "attachments", stamp, {
                "case_id": case_id, "visit_id": None, "title": name, "pages": pages, "original": int(original),
                "file_name": f"{attachment_uuid}{extension}" if sealed else file_name, "mime_type": mime_type,
                "file_size": len(content), "sha256": digest}, record_uuid=attachment_uuid)
            stored = self._seal(attachment_uuid, file_name, content) if sealed else content
            case_storage.store_file(conn, attachment_id, stored, sealed)
            records.append_audit(conn, stamp, "attachment.add", "attachments", attachment_uuid,
                                 {"case": case_uuid, "file": True, "kind": kind, "mime_type": mime_type,
                                  "size": len(content), "sealed": sealed})
        return attachment_uuid

    def open_file(self, attachment_uuid: str) -> tuple[str, bytes]:
        """The stored file of an attachment: (file name, bytes), after checking its SHA-256 (a changed or damaged
        file is refused). Opening a protected case's file is audited."""
        self.context.require(Permission.READ)
        row = case_storage.stored_file(self.context.database.conn, attachment_uuid)
        if row is None:
            raise UserError("record.not_found", "attachment", uuid=attachment_uuid)
        if row["content"] is None:
            raise UserError("attachment.no_file", "attachment", title=row["title"])
        file_name, content = row["file_name"], bytes(row["content"])
        if row["sealed"]:
            try:
                file_name, content = self._open_sealed(attachment_uuid, content)
            except (keys.WrongKey, ValueError, UnicodeDecodeError) as exc:
                raise UserError("attachment.file_tampered", "attachment", title=row["title"]) from exc
        if hashlib.sha256(content).hexdigest() != row["sha256"] or len(content) != row["file_size"]:
            raise UserError("attachment.file_tampered", "attachment", title=row["title"])
        if row["sealed"] or _is_protected(row):
            with self.context.database.write() as conn:
                records.append_audit(conn, self.context.stamp(), "attachment.open", "attachments", attachment_uuid,
                                     {"case": row["case_uuid"]})
        return file_name, content

    def _file_key(self) -> bytes:
        return keys.purpose_key(self.context.require_session().data_key, FILE_PURPOSE)

    def _seal(self, attachment_uuid: str, file_name: str, content: bytes) -> bytes:
        """The file and its real name, sealed together and bound to the attachment's UUID."""
        name = file_name.encode("utf-8")
        return keys.seal(self._file_key(), len(name).to_bytes(2, "big") + name + content, attachment_uuid.encode())

    def _open_sealed(self, attachment_uuid: str, blob: bytes) -> tuple[str, bytes]:
        plain = keys.open_sealed(self._file_key(), blob, attachment_uuid.encode())
        length = int.from_bytes(plain[:2], "big")
        return plain[2:2 + length].decode("utf-8"), plain[2 + length:]


def _is_protected(case: sqlite3.Row | dict[str, Any]) -> bool:
    """A denunciation, a case marked confidential, or a protected person's case: its files are sealed."""
    return (case["content_type"] == ContentType.DENUNCIATION or bool(case["confidential"])
            or bool(case["citizen_protected"]))


def _read_scan(path: Path) -> tuple[str, bytes, str]:
    """(file name, content, MIME type) of an acceptable scan, or a UserError naming the file: too large (checked
    before reading), empty, unreadable, or not a PDF, JPEG, PNG or TIFF by its first bytes and its name."""
    name = clean_line(path.name)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise IsADirectoryError(name)
    except OSError as exc:
        raise UserError("attachment.file_unreadable", "attachment_file", name=name,
                        reason=exc.strerror or type(exc).__name__) from exc
    if size > MAX_FILE_BYTES:
        raise UserError("attachment.file_too_large", "attachment_file", name=name,
                        size=f"{size / 1024 / 1024:.1f}", max=MAX_FILE_BYTES // 1024 // 1024)
    try:
        with open(path, "rb") as fh:
            content = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise UserError("attachment.file_unreadable", "attachment_file", name=name,
                        reason=exc.strerror or type(exc).__name__) from exc
    if len(content) > MAX_FILE_BYTES:  # it grew since it was measured
        raise UserError("attachment.file_too_large", "attachment_file", name=name,
                        size=f"{len(content) / 1024 / 1024:.1f}", max=MAX_FILE_BYTES // 1024 // 1024)
    if not content:
        raise UserError("attachment.file_empty", "attachment_file", name=name)
    extension = path.suffix.lower()
    by_content = next((mime for mime, (magics, _) in FILE_TYPES.items() if content.startswith(magics)), None)
    by_name = next((mime for mime, (_, endings) in FILE_TYPES.items() if extension in endings), None)
    if by_content is None or by_name is None:
        raise UserError("attachment.file_type", "attachment_file", name=name)
    if by_content != by_name:
        raise UserError("attachment.file_mismatch", "attachment_file", name=name, extension=extension,
                        actual=by_content.split("/")[1].upper())
    return name, content, by_content

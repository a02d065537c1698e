"""The desk's lists as spreadsheets, exactly as filtered: the logbook (the columns of Mẫu 03/TCD), the cases, the
leaders' sessions and the follow-up list, to XLSX or CSV. Rows are read a page at a time by id, as the list screens
read them; protected identities stay masked as the lists show them unless a permitted user asks for them; every
export is audited."""

from __future__ import annotations

import dataclasses
import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from receptiondesk.documents.formats import load_forms
from receptiondesk.documents.logbook import COLUMNS as LOGBOOK_COLUMNS
from receptiondesk.domain.accounts import MASKED_NAME, Permission
from receptiondesk.domain.cases import Direction
from receptiondesk.domain.sessions import parse_attendees
from receptiondesk.errors import UserError
from receptiondesk.interchange.spreadsheet import Cancelled, Cell, Progress, SheetData, write_csv, write_xlsx
from receptiondesk.messages import enum_label, text
from receptiondesk.services.context import DeskContext
from receptiondesk.services.followup import CASE, FollowupRequest, FollowupService, FollowupState
from receptiondesk.storage import listing, records
from receptiondesk.storage.cases import CASE_LIST
from receptiondesk.storage.sessions import SESSION_LIST
from receptiondesk.storage.visits import VISIT_LIST

#: Rows read per query (the lists' own page size).
PAGE = listing.MAX_PAGE
#: The printed logbook's order: the oldest visit first.
LOGBOOK_SORT = "oldest"
#: The directions the printed logbook names in its notes column.
NOTED_DIRECTIONS = (Direction.ANSWERED, Direction.FILED, Direction.REFUSED)

Identity = Mapping[str, Any]
RowMaker = Callable[["_Words", Mapping[str, Any], Identity | None], tuple[Cell, ...]]


# -- words in cells ---------------------------------------------------------------------------------------------

@cache
def _label(kind: str, value: str | None) -> str:
    return enum_label(kind, value, "vi")


@cache
def _content_types(value: str | None) -> str:
    """'complaint,denunciation' (a visit's cases) as 'Khiếu nại, Tố cáo'."""
    return ", ".join(_label("content_type", code) for code in (value or "").split(",") if code)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _joined(*parts: str | None, separator: str = ", ") -> str:
    return separator.join(part.strip() for part in parts if part and part.strip())


def _with_document(body: str | None, number: str | None) -> str:
    body, number = (body or "").strip(), (number or "").strip()
    if not number:
        return body
    return text("export.with_document", "vi", body=body, number=number) if body else number


def _voided(record: Mapping[str, Any]) -> str:
    return text("export.voided", "vi", reason=record["void_reason"] or "") if record["voided"] else ""


@dataclass(frozen=True)
class _Words:
    """What turns a record's codes into the words a reader expects: the form's mask and the field names."""

    mask: str
    fields: Mapping[str, str]


# -- one table description per list ------------------------------------------------------------------------------

def _logbook_row(words: _Words, visit: Mapping[str, Any], identity: Identity | None) -> tuple[Cell, ...]:
    """A visit as the printed logbook (Mẫu 03/TCD) writes it: a protected person as the form's mask and no ID,
    unless their identity was opened for this export."""
    if identity is not None:
        who = _joined(identity.get("full_name"), identity.get("address"))
        id_number = identity.get("id_number") or ""
    elif visit["full_name"] == MASKED_NAME:
        who, id_number = words.mask, ""
    else:
        who = _joined(visit["full_name"], visit["address"])
        id_number = visit["id_number"] or ""
    direction = visit["direction"]
    noted = _label("direction", direction) if direction in NOTED_DIRECTIONS else ""
    return (
        visit["logbook_no"], _day(visit["visit_date"]), who, id_number, visit["summary"],
        _content_types(visit["content_types"]), visit["headcount"], visit["prior_handler"],
        "x" if direction == Direction.ACCEPTED else "",
        _with_document(visit["direction_body"], visit["direction_doc"]) if direction == Direction.GUIDED else "",
        _with_document(visit["direction_body"], visit["direction_doc"]) if direction == Direction.TRANSFERRED else "",
        visit["followup"], _joined(noted, visit["notes"], _voided(visit), separator="; "),
    )


def _case_row(words: _Words, case: Mapping[str, Any], identity: Identity | None) -> tuple[Cell, ...]:
    """A case as the case list shows it (the citizen masked as stored), with its handling and dates."""
    flags = [text(f"export.flag.{name}", "vi") for name, column in
             (("complex", "flag_complex"), ("long_running", "flag_long_running"), ("bypass", "flag_bypass"))
             if case[column]]
    return (
        _day(case["received_on"]), _label("content_type", case["content_type"]),
        words.fields.get(case["field_code"], case["field_code"]),
        identity.get("full_name", "") if identity is not None else (case["citizen_name"] or ""),
        case["summary"], _joined(case["respondent_name"], case["respondent_position"], case["respondent_body"]),
        "x" if case["in_competence"] else "", _label("direction", case["direction"]),
        _with_document(case["direction_body"], case["direction_doc"]), _label("case_status", case["status"]),
        _day(case["due_date"]), _day(case["concluded_on"]), case["conclusion"], _day(case["informed_on"]),
        _day(case["closed_on"]), case["visit_count"],
        _joined(*flags, case["closed_reason"], _voided(case), separator="; "),
    )


def _session_row(words: _Words, session: Mapping[str, Any], identity: Identity | None) -> tuple[Cell, ...]:
    delegate = (text("export.delegated", "vi", name=_joined(session["delegate_name"], session["delegate_role"]))
                if session["delegated"] else "")
    return (
        _day(session["session_date"]), _label("sector", session["sector"]), _label("session_kind", session["kind"]),
        session["leader_name"], _label("leader_role", session["leader_role"]), delegate, session["location"],
        session["subject"], _label("session_status", session["status"]), session["case_count"],
        session["concluded_count"], session["visit_count"], "; ".join(parse_attendees(session["attendees"])),
        _joined(session["notes"], _voided(session), separator="; "),
    )


def _followup_row(words: _Words, item: Mapping[str, Any], identity: Identity | None) -> tuple[Cell, ...]:
    """A row of the follow-up list (an assignment or a case) with its state in words and its figures as numbers."""
    told_case = item["kind"] == CASE and item["state"] == FollowupState.WAITING_TELL
    return (
        text(f"export.followup_state.{item['state']}", "vi"), text(f"export.kind.{item['kind']}", "vi"),
        None if told_case else _day(item["date"]), item["days_late"], item["working_days_left"],
        item["case_summary"], identity.get("full_name", "") if identity is not None else item["citizen_name"],
        _label("case_status", item["case_status"]), item["assignee"], item["task"], _day(item["assigned_on"]),
        item["result"], _day(item["result_on"]), _day(item["told_on"]), _label("told_how", item["told_how"]),
        item["untold"] or None,
    )


def _columns(*names: str) -> tuple[str, ...]:
    return tuple(text(f"export.col.{name}", "vi") for name in names)


@dataclass(frozen=True)
class ListTable:
    """How one list becomes a table: its name (as audited), the table it reads, its sheet title, header and row."""

    name: str
    entity: str
    title: str
    header: tuple[str, ...]
    row: RowMaker


LOGBOOK = ListTable("logbook", "visits", "export.title.logbook",
                    tuple(" ".join(title.split()) for title in LOGBOOK_COLUMNS), _logbook_row)
CASES = ListTable("cases", "cases", "export.title.cases", _columns(
    "received_on", "content_type", "field", "citizen", "summary", "respondent", "in_competence", "direction",
    "direction_body", "status", "due_date", "concluded_on", "conclusion", "informed_on", "closed_on", "visit_count",
    "notes"), _case_row)
SESSIONS = ListTable("sessions", "sessions", "export.title.sessions", _columns(
    "session_date", "sector", "session_kind", "leader", "leader_role", "delegate", "location", "subject",
    "session_status", "case_count", "concluded_count", "session_visits", "attendees", "notes"), _session_row)
FOLLOWUP = ListTable("followup", "assignments", "export.title.followup", _columns(
    "state", "kind", "deadline", "days_late", "working_days_left", "case_summary", "citizen", "case_status",
    "assignee", "task", "assigned_on", "result", "result_on", "told_on", "told_how", "untold"), _followup_row)

# -- the sealed identities of a page of rows, for a permitted user who asks for them --------------------------------
#: Each query takes a page of row keys and gives (row key, uuid the identity is sealed under, sealed identity).
VISIT_IDENTITIES = ("SELECT id, uuid, sealed_identity FROM visits WHERE sealed_identity IS NOT NULL "
                    "AND id IN ({marks})")
CASE_IDENTITIES = ("SELECT c.id, ct.uuid, ct.sealed_identity FROM cases c JOIN citizens ct ON ct.id = c.citizen_id "
                   "WHERE ct.sealed_identity IS NOT NULL AND c.id IN ({marks})")
FOLLOWUP_IDENTITIES = ("SELECT c.uuid, ct.uuid, ct.sealed_identity FROM cases c "
                       "JOIN citizens ct ON ct.id = c.citizen_id "
                       "WHERE ct.sealed_identity IS NOT NULL AND c.uuid IN ({marks})")


def id_array(conn: sqlite3.Connection, spec: listing.ListSpec, request: listing.ListRequest) -> array:
    """Every matching rowid in list order (the list screens' id query), 8 bytes an id."""
    sql, params = listing.id_query(spec, request)
    cursor = conn.cursor()
    cursor.row_factory = None
    cursor.execute(sql, params)
    ids = array("q")
    while chunk := cursor.fetchmany(10_000):
        ids.extend(row[0] for row in chunk)
    return ids


class _Export:
    """One export under way: who asked, whether identities are opened, and how many protected rows it named."""

    def __init__(self, context: DeskContext, include_protected: bool) -> None:
        session = context.require(Permission.READ)
        if include_protected and not session.user.can_see_protected:
            raise UserError("auth.not_permitted", action="export protected identities")
        self.context = context
        self.cipher = session.identities if include_protected else None
        self.protected_rows = 0

    def identities(self, conn: sqlite3.Connection, sql: str | None, keys: Sequence[Any]) -> dict[Any, Identity]:
        """The opened identities of the page's protected rows, by row key (none unless asked for, nor for a list
        that names no one: `sql` None)."""
        if self.cipher is None or sql is None or not keys:
            return {}
        found = {key: self.cipher.open(uuid, sealed)
                 for key, uuid, sealed in conn.execute(sql.format(marks=",".join("?" * len(keys))), list(keys))}
        self.protected_rows += len(found)
        return found

    @staticmethod
    def rows(table: ListTable, words: _Words, pages: Iterable[Sequence[Mapping[str, Any]]], key: str,
             identities: Callable[[Sequence[Mapping[str, Any]]], dict[Any, Identity]]) -> Iterator[tuple[Cell, ...]]:
        """The table's rows, page after page; `identities(page)` gives the opened identities by the record's `key`."""
        make = table.row
        for page in pages:
            opened = identities(page)
            for record in page:
                yield make(words, record, opened.get(record[key]) if opened else None)


class ListExportService:
    """XLSX and CSV files of the logbook, the cases, the sessions and the follow-up list, as filtered on screen.

    Each export returns the number of rows written. `progress(rows)` is called and `cancelled()` asked every
    10,000 rows; a cancelled export leaves no file. `include_protected=True` (a user allowed to see protected
    identities only) writes a protected person's real identity in place of the mask; every export is audited,
    saying whether identities were included and for how many rows."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    # -- the logbook -----------------------------------------------------------------------------------------
    def logbook_xlsx(self, path: Path | str, request: listing.ListRequest | None = None, *,
                     include_protected: bool = False, progress: Progress | None = None,
                     cancelled: Cancelled | None = None) -> int:
        """The logbook with the columns of the printed Mẫu 03/TCD, filtered as `request` asks and in its order
        (the logbook's own order, oldest first, when it names none)."""
        return self._paged(LOGBOOK, VISIT_LIST, self._logbook_request(request), VISIT_IDENTITIES, "xlsx", path,
                           include_protected, progress, cancelled)

    def logbook_csv(self, path: Path | str, request: listing.ListRequest | None = None, *,
                    include_protected: bool = False, progress: Progress | None = None,
                    cancelled: Cancelled | None = None) -> int:
        """The same rows as `logbook_xlsx`, as UTF-8 CSV."""
        return self._paged(LOGBOOK, VISIT_LIST, self._logbook_request(request), VISIT_IDENTITIES, "csv", path,
                           include_protected, progress, cancelled)

    # -- the cases -------------------------------------------------------------------------------------------
    def cases_xlsx(self, path: Path | str, request: listing.ListRequest | None = None, *,
                   include_protected: bool = False, progress: Progress | None = None,
                   cancelled: Cancelled | None = None) -> int:
        """The case list as the cases screen's `request` filters and sorts it."""
        return self._paged(CASES, CASE_LIST, request or listing.ListRequest(), CASE_IDENTITIES, "xlsx", path,
                           include_protected, progress, cancelled)

    def cases_csv(self, path: Path | str, request: listing.ListRequest | None = None, *,
                  include_protected: bool = False, progress: Progress | None = None,
                  cancelled: Cancelled | None = None) -> int:
        return self._paged(CASES, CASE_LIST, request or listing.ListRequest(), CASE_IDENTITIES, "csv", path,
                           include_protected, progress, cancelled)

    # -- the leaders' sessions (they name no citizen) --------------------------------------------------------
    def sessions_xlsx(self, path: Path | str, request: listing.ListRequest | None = None, *,
                      progress: Progress | None = None, cancelled: Cancelled | None = None) -> int:
        """The sessions as `request` filters and sorts them (newest first by default)."""
        return self._paged(SESSIONS, SESSION_LIST, request or listing.ListRequest(), None, "xlsx", path, False,
                           progress, cancelled)

    def sessions_csv(self, path: Path | str, request: listing.ListRequest | None = None, *,
                     progress: Progress | None = None, cancelled: Cancelled | None = None) -> int:
        return self._paged(SESSIONS, SESSION_LIST, request or listing.ListRequest(), None, "csv", path, False,
                           progress, cancelled)

    # -- the follow-up list ----------------------------------------------------------------------------------
    def followup_xlsx(self, path: Path | str, request: FollowupRequest = FollowupRequest(), *,
                      today: date | None = None, include_protected: bool = False, progress: Progress | None = None,
                      cancelled: Cancelled | None = None) -> int:
        """The follow-up list of `request` (its view, assignee and dates) on `today`, in the screen's order."""
        return self._followup("xlsx", path, request, today, include_protected, progress, cancelled)

    def followup_csv(self, path: Path | str, request: FollowupRequest = FollowupRequest(), *,
                     today: date | None = None, include_protected: bool = False, progress: Progress | None = None,
                     cancelled: Cancelled | None = None) -> int:
        return self._followup("csv", path, request, today, include_protected, progress, cancelled)

    # -- the work --------------------------------------------------------------------------------------------
    @staticmethod
    def _logbook_request(request: listing.ListRequest | None) -> listing.ListRequest:
        request = request or listing.ListRequest()
        if request.sort:
            return request
        return dataclasses.replace(request, filters=dict(request.filters), sort=LOGBOOK_SORT)

    def _words(self, conn: sqlite3.Connection) -> _Words:
        return _Words(load_forms().protected_identity,
                      {code: name for code, name in conn.execute("SELECT code, name_vi FROM fields")})

    def _paged(self, table: ListTable, spec: listing.ListSpec, request: listing.ListRequest,
               identity_sql: str | None, fmt: str, path: Path | str, include_protected: bool,
               progress: Progress | None, cancelled: Cancelled | None) -> int:
        """A list read on its own read-only connection, in one snapshot: the ids first (a bad filter fails here,
        before any file is made), then the rows a page at a time, by id, in the list's order."""
        export = _Export(self.context, include_protected)
        conn = self.context.database.reader()
        try:
            conn.execute("BEGIN")  # one snapshot from the ids to the last page
            ids = id_array(conn, spec, self.context.scoped(request))
            words = self._words(conn)
            pages = (listing.rows_by_ids(conn, spec, ids[start:start + PAGE]) for start in range(0, len(ids), PAGE))
            rows = export.rows(table, words, pages, "id",
                               lambda page: export.identities(conn, identity_sql, [r["id"] for r in page]))
            written = self._write(fmt, path, table, rows, progress, cancelled)
            conn.execute("COMMIT")
        finally:
            conn.close()
        self._audit(export, table, fmt, path, written, {
            "filters": sorted(name for name, value in request.filters.items() if value not in (None, "")),
            "sort": request.sort or spec.default_sort, "include_voided": request.include_voided})
        return written

    def _followup(self, fmt: str, path: Path | str, request: FollowupRequest, today: date | None,
                  include_protected: bool, progress: Progress | None, cancelled: Cancelled | None) -> int:
        """The follow-up screen's own keys and rows (FollowupService), a page at a time."""
        export = _Export(self.context, include_protected)
        followup = FollowupService(self.context)
        keys = followup.keys(request, today)
        conn = self.context.database.conn
        pages = (followup.rows(keys[start:start + PAGE], request, today) for start in range(0, len(keys), PAGE))

        def identities(page: Sequence[Mapping[str, Any]]) -> dict[Any, Identity]:
            return export.identities(conn, FOLLOWUP_IDENTITIES, sorted({row["case_uuid"] for row in page}))

        rows = export.rows(FOLLOWUP, self._words(conn), pages, "case_uuid", identities)
        written = self._write(fmt, path, FOLLOWUP, rows, progress, cancelled)
        self._audit(export, FOLLOWUP, fmt, path, written, {
            "view": str(request.view), "filters": sorted(name for name in ("assignee", "date_from", "date_to")
                                                         if getattr(request, name))})
        return written

    @staticmethod
    def _write(fmt: str, path: Path | str, table: ListTable, rows: Iterable[tuple[Cell, ...]],
               progress: Progress | None, cancelled: Cancelled | None) -> int:
        if fmt == "csv":
            return write_csv(path, table.header, rows, progress=progress, cancelled=cancelled)
        return write_xlsx(path, [SheetData(text(table.title, "vi"), table.header, rows)], progress=progress,
                          cancelled=cancelled)

    def _audit(self, export: _Export, table: ListTable, fmt: str, path: Path | str, written: int,
               request: dict[str, Any]) -> None:
        """Audit the export the way the printed logbook is: what list, how filtered (filter names only: a typed
        filter may be an ID number), how many rows, and whether protected identities were written. If the audit
        cannot be written, a file holding opened identities is not left behind."""
        target = Path(path)
        detail = {"list": table.name, "format": fmt, "file": target.name, "rows": written, **request,
                  "protected_identities": "included" if export.cipher is not None else "withheld"}
        if export.cipher is not None:
            detail["protected_rows"] = export.protected_rows
        try:
            with self.context.database.write() as conn:
                records.append_audit(conn, self.context.stamp(), "list.export", table.entity, None, detail)
        except BaseException:
            if export.protected_rows:
                target.unlink(missing_ok=True)
            raise

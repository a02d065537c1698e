"""Old logbooks from Excel (or CSV) into the desk: look at a workbook (its sheets and the column mapping guessed or
saved), plan the import row by row (imported, imported with warnings, skipped with the reason, already imported),
then write every accepted row in one transaction through the interchange writer.

Each row becomes a visit with one case per content type it names, and its citizen (one citizen per ID number, or
per name and address, reusing the desk's own when they match). The records' identities are derived from the
workbook's SHA-256, its sheet and the row, so importing the same workbook again adds nothing and says so; the
file, sheet and row each visit came from are kept beside it (`imported_rows`). The row's own running number is kept in its year. The cases of
an old logbook are history: they are recorded as closed on the visit's day, so no old row becomes overdue work."""

from __future__ import annotations

import json
import sqlite3
import uuid as uuid_module
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from receptiondesk.documents.formats import load_forms
from receptiondesk.domain.accounts import MASKED_NAME, Permission
from receptiondesk.domain.cases import CaseStatus, ContentType, Direction
from receptiondesk.domain.logbook_import import ParsedRow, parse_row
from receptiondesk.domain.text import fold
from receptiondesk.domain.values import iso_timestamp
from receptiondesk.errors import Problem, UserError
from receptiondesk.interchange.excel_logbook import (SheetLayout, apply_saved_mapping, guess_layout,
                                                     mapping_by_header, open_source, read_rows)
from receptiondesk.services.context import DeskContext
from receptiondesk.services.interchange import ImportReport, write_records

#: The namespace of the identities derived from a workbook's hash, sheet and row.
EXCEL_NAMESPACE = uuid_module.UUID("6f1d3c2e-5b7a-4e0f-9c1d-2a8b7e4f6d10")
#: The settings key of the column mappings saved for next time (by the header texts).
MAPPING_SETTING = "excel_import_mappings"
SAMPLE_ROWS = 20
CLOSED_REASON = "Nhập từ sổ tiếp công dân cũ"


class RowStatus(StrEnum):
    IMPORTED = "imported"
    WARNED = "warned"  # imported with warnings
    SKIPPED = "skipped"
    ALREADY = "already"  # imported earlier from the same workbook: nothing to add


@dataclass(frozen=True)
class RowOutcome:
    """What happens to one row: its status, the visit's date and number, and the problems found on it."""

    number: int
    status: RowStatus
    problems: tuple[Problem, ...] = ()
    visit_date: str = ""
    logbook_no: int | None = None


@dataclass(frozen=True)
class SheetPreview:
    """A sheet as the wizard shows it: its layout (mapping guessed, or saved earlier) and its first rows."""

    layout: SheetLayout
    sample: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class WorkbookPreview:
    file_name: str
    sha256: str
    sheets: tuple[SheetPreview, ...]

    def sheet(self, name: str | None = None) -> SheetPreview:
        """The sheet called `name`, or the first one that looks like a logbook."""
        if name is not None:
            for preview in self.sheets:
                if preview.layout.sheet == name:
                    return preview
            raise UserError("excel_import.sheet_unknown", "sheet", value=name, allowed=", ".join(
                p.layout.sheet for p in self.sheets))
        return next((p for p in self.sheets if p.layout.is_logbook), self.sheets[0])


@dataclass
class ImportPlan:
    """The row report before committing, and the records the accepted rows become."""

    file_name: str
    sha256: str
    layout: SheetLayout
    outcomes: list[RowOutcome] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)  # record uuid -> the sheet row it comes from

    def count(self, status: RowStatus) -> int:
        return sum(1 for o in self.outcomes if o.status is status)

    @property
    def counts(self) -> dict[str, int]:
        return {status.value: self.count(status) for status in RowStatus}

    @property
    def to_write(self) -> int:
        """Rows that will become visits."""
        return self.count(RowStatus.IMPORTED) + self.count(RowStatus.WARNED)


def _derived(sha256: str, sheet: str, *parts: object) -> str:
    return str(uuid_module.uuid5(EXCEL_NAMESPACE, ":".join((sha256, sheet, *map(str, parts)))))


class ExcelImportService:
    """Import of old logbooks: preview, plan with a row report, commit all or nothing."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    # -- looking at the workbook ------------------------------------------------------------------------------
    def inspect(self, path: Path | str) -> WorkbookPreview:
        """Every sheet with its layout (a mapping saved for the same headers is applied) and its first rows."""
        self.context.require(Permission.RECORD)
        saved = self._saved_mappings()
        with open_source(Path(path)) as source:
            sheets = []
            for name in source.sheet_names:
                layout = guess_layout(source, name)
                key = _mapping_key(layout)
                if key in saved:
                    layout = apply_saved_mapping(layout, saved[key])
                sample = []
                for row in read_rows(source, layout):
                    sample.append(dict(row.values))
                    if len(sample) >= SAMPLE_ROWS:
                        break
                sheets.append(SheetPreview(layout, tuple(sample)))
            return WorkbookPreview(source.file_name, source.sha256, tuple(sheets))

    def save_mapping(self, layout: SheetLayout) -> None:
        """Keep the officer's mapping for the next workbook with the same headers."""
        self.context.require(Permission.RECORD)
        saved = self._saved_mappings()
        saved[_mapping_key(layout)] = mapping_by_header(layout)
        with self.context.database.write() as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES (?, json(?)) ON CONFLICT (key) DO UPDATE SET "
                         "value = excluded.value", (MAPPING_SETTING, json.dumps(saved, ensure_ascii=False, sort_keys=True)))

    def _saved_mappings(self) -> dict[str, dict[str, str]]:
        raw = self.context.database.scalar("SELECT value FROM settings WHERE key = ?", (MAPPING_SETTING,))
        return json.loads(raw) if raw else {}

    # -- the row report ------------------------------------------------------------------------------------------
    def plan(self, path: Path | str, sheet: str | None = None, layout: SheetLayout | None = None, *,
             progress: Callable[[int], None] | None = None,
             cancelled: Callable[[], bool] | None = None) -> ImportPlan:
        """Read every row of the sheet, check it, and say what would happen to it; nothing is written."""
        self.context.require(Permission.RECORD)
        settings = self.context.require_setup()
        today = self.context.today()
        masks = (MASKED_NAME, load_forms().protected_identity)
        with open_source(Path(path)) as source:
            if layout is None:
                name = sheet or next((n for n in source.sheet_names if guess_layout(source, n).is_logbook),
                                     source.sheet_names[0])
                layout = guess_layout(source, name)
                saved = self._saved_mappings().get(_mapping_key(layout))
                if saved:
                    layout = apply_saved_mapping(layout, saved)
            if not layout.is_logbook:
                raise UserError("excel_import.not_a_logbook", "sheet", sheet=layout.sheet, reason=layout.reason)
            plan = ImportPlan(source.file_name, source.sha256, layout)
            rows: list[ParsedRow] = []
            for source_row in read_rows(source, layout, progress=progress, cancelled=cancelled):
                if source_row.subtotal:
                    plan.outcomes.append(RowOutcome(source_row.number, RowStatus.SKIPPED,
                                                    (Problem("excel_import.subtotal_row"),)))
                    continue
                parsed = parse_row(source_row.number, source_row.values, today=today, masks=masks)
                if source_row.legacy:
                    parsed.warn("excel_import.converted", None, encodings=", ".join(sorted(e.value.upper()
                                                                                    for e in source_row.legacy)))
                rows.append(parsed)
        _Records(self.context, plan, settings.unit_code, settings.delegation_threshold).build(rows)
        return plan

    # -- writing -------------------------------------------------------------------------------------------------
    def commit(self, plan: ImportPlan, *, progress: Callable[[int], None] | None = None) -> ImportReport:
        """Write the plan's records in one transaction (all or nothing); rows imported before stay as they are."""
        self.context.require(Permission.RECORD)
        if not plan.records:
            raise UserError("excel_import.nothing_to_import", file=plan.file_name, already=plan.count(RowStatus.ALREADY),
                            skipped=plan.count(RowStatus.SKIPPED))
        detail = {"file_sha256": plan.sha256, "sheet": plan.layout.sheet, "rows": plan.to_write,
                  "skipped": plan.count(RowStatus.SKIPPED), "already": plan.count(RowStatus.ALREADY)}
        sources = [(r["uuid"], r["entity"], plan.sha256, plan.file_name, plan.layout.sheet, plan.rows[r["uuid"]])
                   for r in plan.records if r["uuid"] in plan.rows]

        def record_sources(conn: sqlite3.Connection) -> None:
            conn.executemany("INSERT OR IGNORE INTO imported_rows (record_uuid, entity, file_sha256, file_name, "
                             "sheet, row_number) VALUES (?, ?, ?, ?, ?, ?)", sources)

        return write_records(self.context, plan.records, trusted=False, action="excel_import.import", detail=detail,
                             progress=progress, prepare=record_sources)


def _mapping_key(layout: SheetLayout) -> str:
    """Mappings are saved by the folded header texts: the same layout next year finds its mapping."""
    return "|".join(fold(h) for h in layout.headers if h)


class _Records:
    """Turns the checked rows into interchange records: citizens (one per ID, or per name and address, or the
    desk's own), cases (one per content type, closed on the visit's day) and visits (numbered as in the sheet)."""

    def __init__(self, context: DeskContext, plan: ImportPlan, unit_code: str, threshold: int) -> None:
        self.context, self.plan, self.unit, self.threshold = context, plan, unit_code, threshold
        self.db = context.database
        self.stamp = iso_timestamp(context.clock())
        self.citizens: dict[str, dict[str, Any]] = {}  # key -> citizen record (new ones)
        self.citizen_uuid: dict[str, str] = {}  # key -> uuid (new or the desk's)
        self.citizen_rows: dict[str, list[int]] = defaultdict(list)

    def _envelope(self, uuid: str) -> dict[str, Any]:
        return {"uuid": uuid, "unit_code": self.unit, "created_at": self.stamp, "updated_at": self.stamp,
                "epoch": 0, "version": 1, "voided": False, "void_reason": None, "voided_at": None}

    def build(self, rows: list[ParsedRow]) -> None:
        plan, sha, sheet = self.plan, self.plan.sha256, self.plan.layout.sheet
        kept = [row for row in rows if row.skip is None]
        for row in rows:
            if row.skip is not None:
                plan.outcomes.append(RowOutcome(row.number, RowStatus.SKIPPED, (row.skip, *row.problems)))
        visit_uuids = {row.number: _derived(sha, sheet, row.number, "visit") for row in kept}
        held = self._held(list(visit_uuids.values()))
        numbers = self._numbers(kept, visit_uuids, held)
        cases: list[dict[str, Any]] = []
        visits: list[dict[str, Any]] = []
        for row in kept:
            uuid = visit_uuids[row.number]
            if uuid in held:
                plan.outcomes.append(RowOutcome(row.number, RowStatus.ALREADY, (), row.visit_date.isoformat(),
                                                held[uuid]))
                continue
            number = numbers.get(row.number)
            if number is None:
                plan.outcomes.append(RowOutcome(row.number, RowStatus.SKIPPED,
                                                (Problem("excel_import.number_taken", "logbook_no",
                                                         {"number": row.logbook_no,
                                                          "year": row.visit_date.year}), *row.problems)))
                continue
            citizen = self._citizen(row)
            links = []
            for position, kind in enumerate(row.content_types):
                case_uuid = _derived(sha, sheet, row.number, "case", position)
                cases.append(self._case(row, kind, case_uuid, citizen))
                links.append({"case": case_uuid, "first_time": True})
            visits.append(self._visit(row, uuid, number, citizen, links))
            plan.rows[uuid] = row.number
            plan.rows.update((link["case"], row.number) for link in links)
            status = RowStatus.WARNED if row.problems else RowStatus.IMPORTED
            plan.outcomes.append(RowOutcome(row.number, status, tuple(row.problems), row.visit_date.isoformat(),
                                            number))
        plan.outcomes.sort(key=lambda o: o.number)
        plan.records = [*self.citizens.values(), *cases, *visits]

    def _held(self, uuids: list[str]) -> dict[str, int]:
        """Visits of this workbook already in the desk: uuid -> logbook number."""
        held: dict[str, int] = {}
        for start in range(0, len(uuids), 500):
            chunk = uuids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            for r in self.db.query(f"SELECT uuid, logbook_no FROM visits WHERE uuid IN ({marks})", chunk):
                held[r["uuid"]] = r["logbook_no"]
        return held

    def _numbers(self, rows: list[ParsedRow], uuids: dict[int, str], held: dict[str, int]) -> dict[int, int]:
        """Each new row's logbook number in its year: its own when free (in the desk and in the sheet), the next
        free one when it has none; a number already used is refused (None)."""
        years = sorted({row.visit_date.year for row in rows})
        used: dict[int, set[int]] = defaultdict(set)
        for year in years:
            for r in self.db.query("SELECT logbook_no FROM visits WHERE unit_code = ? AND year = ?",
                                   (self.unit, year)):
                used[year].add(r["logbook_no"])
        result: dict[int, int] = {}
        unnumbered = []
        for row in rows:
            if uuids[row.number] in held:
                continue
            year = row.visit_date.year
            if row.logbook_no is None:
                unnumbered.append(row)
            elif row.logbook_no not in used[year]:
                used[year].add(row.logbook_no)
                result[row.number] = row.logbook_no
        for row in unnumbered:
            year = row.visit_date.year
            number = max(used[year], default=0) + 1
            used[year].add(number)
            result[row.number] = number
            row.warn("excel_import.number_given", "logbook_no", number=number, year=year)
        return result

    def _citizen(self, row: ParsedRow) -> str:
        """The citizen's uuid: the desk's own person with this ID, or with this name and address; else one new
        person per ID, or per name and address (a name alone is one person per row)."""
        protected = ContentType.DENUNCIATION.value in row.content_types
        if row.id_number:
            key = f"id:{row.id_number}"
            query = ("SELECT uuid FROM citizens WHERE id_number = ? AND voided = 0 AND protected = 0 LIMIT 1",
                     (row.id_number,))
        elif row.address:
            key = f"name:{fold(row.full_name)}|{fold(row.address)}"
            query = ("SELECT uuid FROM citizens WHERE name_folded = ? AND address_folded = ? AND voided = 0 "
                     "AND protected = 0 LIMIT 1", (fold(row.full_name), fold(row.address)))
        else:
            key, query = f"row:{row.number}", None
        if key in self.citizen_uuid:
            uuid = self.citizen_uuid[key]
            if protected and key in self.citizens:
                self.citizens[key]["protected"] = True
            return uuid
        found = self.db.one(*query) if query is not None else None
        if found is not None:
            self.citizen_uuid[key] = found["uuid"]
            return found["uuid"]
        uuid = _derived(self.plan.sha256, "citizen", key)
        self.citizen_uuid[key] = uuid
        self.citizens[key] = {"entity": "citizen", **self._envelope(uuid), "kind": "person",
                              "full_name": row.full_name, "id_type": row.id_type, "id_number": row.id_number,
                              "birth_year": None, "gender": None, "phone": row.phone, "address": row.address,
                              "protected": protected}
        return uuid

    def _case(self, row: ParsedRow, kind: str, uuid: str, citizen: str) -> dict[str, Any]:
        day = row.visit_date.isoformat()
        accepted = row.direction == Direction.ACCEPTED
        return {"entity": "case", **self._envelope(uuid), "received_on": day, "source": "import",
                "citizen": citizen, "content_type": kind, "field_code": row.field_code, "summary": row.summary,
                "respondent_name": "", "respondent_position": "", "respondent_body": "",
                "in_competence": accepted or row.in_competence, "direction": row.direction,
                "direction_body": row.direction_body, "direction_doc": row.direction_doc, "refusal_ground": None,
                "flag_bypass": False, "flag_long_running": False, "flag_complex": False,
                "needs_verification": False, "status": CaseStatus.CLOSED.value, "step_started_on": day,
                "due_date": None, "concluded_on": None, "conclusion": "", "informed_on": None, "closed_on": day,
                "closed_reason": CLOSED_REASON}

    def _visit(self, row: ParsedRow, uuid: str, number: int, citizen: str,
               links: list[dict[str, Any]]) -> dict[str, Any]:
        return {"entity": "visit", **self._envelope(uuid), "year": row.visit_date.year, "logbook_no": number,
                "visit_date": row.visit_date.isoformat(), "citizen": citizen, "full_name": row.full_name,
                "address": row.address, "id_number": row.id_number,
                "came_as": "group_representative" if row.headcount >= self.threshold else "self",
                "proof_paper": "", "channel": "in_person", "reception_kind": "routine", "session": None,
                "headcount": row.headcount, "is_delegation": row.headcount >= self.threshold,
                "representatives": [], "summary": row.summary, "prior_handler": row.prior_handler,
                "in_competence": row.in_competence, "direction": row.direction,
                "direction_body": row.direction_body, "direction_doc": row.direction_doc, "refusal_ground": None,
                "first_time": True, "followup": row.followup,
                "notes": row.notes, "cases": links}


def outcome_counts(outcomes: Iterable[RowOutcome]) -> Counter[str]:
    """Rows by status (for the CLI's and the wizard's summary)."""
    return Counter(o.status.value for o in outcomes)

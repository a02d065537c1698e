"""Builds a finished report (`ReportDocument`) for a period and kind from the report tables, with the Party
secretary's figures, the leaders' compliance over the period, the charts, the narrative draft and the warnings;
marks a report as submitted to the upper level."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from receptiondesk.documents.common import Issuer
from receptiondesk.documents.report import ReportPrint, render_report
from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.cases import ContentType
from receptiondesk.domain.report_narrative import party_narrative, previous_name, state_narrative
from receptiondesk.domain.report_periods import Period
from receptiondesk.domain.report_tables import ChartSeries, ReportDocument, ReportKind, ReportTable
from receptiondesk.domain.sessions import ComplianceReport, PeriodStatus, Sector
from receptiondesk.domain.text import clean_paragraphs
from receptiondesk.domain.units import communes
from receptiondesk.errors import UserError
from receptiondesk.interchange.spreadsheet import SheetData, write_bytes, write_csv_tables, write_xlsx
from receptiondesk.services.context import DeskContext
from receptiondesk.services.documents import DocumentService
from receptiondesk.services.reports import GROUPS, ReportRow, ReportService, _enum_vi, unit_condition
from receptiondesk.services.sessions import SessionService
from receptiondesk.storage import records

#: The Party secretary's held sessions (not dialogues) in a period: in person, or delegated / presided by another.
PARTY_SESSIONS = """SELECT (leader_role = 'party_secretary' AND delegated = 0) AS own, count(*) AS sessions
FROM sessions WHERE sector = 'party' AND status = 'held' AND voided = 0 AND kind <> 'dialogue'
    AND session_date BETWEEN ? AND ?{unit}
GROUP BY own"""

#: Visits, persons and cases received at those sessions.
PARTY_VISITS = """SELECT (s.leader_role = 'party_secretary' AND s.delegated = 0) AS own, count(*) AS visits,
    sum(v.headcount) AS persons
FROM sessions s JOIN visits v ON v.session_id = s.id
WHERE s.sector = 'party' AND s.status = 'held' AND s.voided = 0 AND s.kind <> 'dialogue' AND v.voided = 0
    AND s.session_date BETWEEN ? AND ?{unit}
GROUP BY own"""

PARTY_CASES = """SELECT own, content_type, count(*) AS cases FROM (
    SELECT DISTINCT (s.leader_role = 'party_secretary' AND s.delegated = 0) AS own, c.id, c.content_type
    FROM sessions s JOIN visits v ON v.session_id = s.id JOIN visit_cases vc ON vc.visit_id = v.id
    JOIN cases c ON c.id = vc.case_id
    WHERE s.sector = 'party' AND s.status = 'held' AND s.voided = 0 AND s.kind <> 'dialogue' AND v.voided = 0
        AND c.voided = 0 AND s.session_date BETWEEN ? AND ?{unit})
GROUP BY own, content_type"""

#: Conclusion notices issued (not voided) for the Party secretary's own sessions of the period.
PARTY_NOTICES = """SELECT count(*) FROM documents d JOIN sessions s ON s.uuid = d.subject_uuid
WHERE d.subject_entity = 'sessions' AND d.doc_type = 'TB' AND d.voided = 0 AND s.sector = 'party'
    AND s.leader_role = 'party_secretary' AND s.delegated = 0 AND s.status = 'held' AND s.voided = 0
    AND s.kind <> 'dialogue' AND s.session_date BETWEEN ? AND ?{unit}"""


@dataclass(frozen=True)
class PartyFigures:
    """The Party secretary's reception in a period: own sessions and what they received; delegated ones apart."""

    sessions: int = 0
    visits: int = 0
    persons: int = 0
    cases: int = 0
    complaint_cases: int = 0
    denunciation_cases: int = 0
    petition_cases: int = 0
    report_cases: int = 0
    notices: int = 0
    delegated_sessions: int = 0
    delegated_visits: int = 0
    delegated_persons: int = 0
    delegated_cases: int = 0


_PARTY_LABELS = (
    ("sessions", "Số kỳ đồng chí Bí thư trực tiếp tiếp công dân"),
    ("visits", "Số lượt công dân được tiếp"),
    ("persons", "Số người được tiếp"),
    ("cases", "Số vụ việc"),
    ("complaint_cases", "Vụ việc khiếu nại"),
    ("denunciation_cases", "Vụ việc tố cáo"),
    ("petition_cases", "Vụ việc kiến nghị"),
    ("report_cases", "Vụ việc phản ánh"),
    ("notices", "Số thông báo kết luận đã ban hành"),
    ("delegated_sessions", "Số kỳ ủy quyền tiếp công dân"),
    ("delegated_visits", "Số lượt công dân được tiếp tại các kỳ ủy quyền"),
    ("delegated_persons", "Số người được tiếp tại các kỳ ủy quyền"),
    ("delegated_cases", "Số vụ việc tại các kỳ ủy quyền"),
)

#: To whom the report goes when the desk's settings name no upper level.
UPPER_LEVEL = {"state": "Ủy ban nhân dân tỉnh (Ban Tiếp công dân tỉnh)", "party": "Ban Thường vụ Tỉnh ủy"}
#: Where a province's consolidated report goes unless Settings name the body.
CONSOLIDATED_RECIPIENT = {"state": "Ban Tiếp công dân Trung ương (Thanh tra Chính phủ)",
                          "party": "Ban Nội chính Trung ương"}

#: The file formats a report is written in.
REPORT_FORMATS = ("pdf", "xlsx", "csv", "json")
#: `build(unit_code=ALL_UNITS)`: every record in the file, whatever its unit (the upper level's consolidated total).
ALL_UNITS = "*"

_STATE_KINDS = (ReportKind.RECEPTION, ReportKind.CLASSIFICATION, ReportKind.LETTERS, ReportKind.COMPLAINTS,
                ReportKind.DENUNCIATIONS, ReportKind.FOLLOWUP, ReportKind.COMPLIANCE)


def _period_months(period: Period) -> list[date]:
    """The first days of the calendar months the period touches (compliance is judged per month)."""
    months, month = [], period.start.replace(day=1)
    while month <= period.end:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


class ReportBuilder:
    """Assembles report documents from the report service's tables; marks them submitted."""

    def __init__(self, context: DeskContext, reports: ReportService, sessions: SessionService,
                 paperwork: DocumentService) -> None:
        self.context = context
        self.reports = reports
        self.sessions = sessions
        self.paperwork = paperwork

    # -- the Party secretary ---------------------------------------------------------------------------------
    def party_figures(self, period: Period, unit_code: str | None = None) -> PartyFigures:
        """The secretary's sessions, visits, cases and conclusion notices in `period` (SQL aggregates); one unit's
        (`unit_code`) or every record's."""
        self.context.require(Permission.READ)
        db, bounds = self.context.database, (period.start.isoformat(), period.end.isoformat())
        if unit_code is not None:
            bounds += (unit_code,)
        unit = unit_condition("s.unit_code", unit_code)
        values: dict[str, int] = {}
        for row in db.query(PARTY_SESSIONS.format(unit=unit_condition("unit_code", unit_code)), bounds):
            values["sessions" if row["own"] else "delegated_sessions"] = int(row["sessions"])
        for row in db.query(PARTY_VISITS.format(unit=unit), bounds):
            prefix = "" if row["own"] else "delegated_"
            values[f"{prefix}visits"], values[f"{prefix}persons"] = int(row["visits"]), int(row["persons"] or 0)
        for row in db.query(PARTY_CASES.format(unit=unit), bounds):
            key = "cases" if row["own"] else "delegated_cases"
            values[key] = values.get(key, 0) + int(row["cases"])
            if row["own"] and row["content_type"] in {t.value for t in ContentType}:
                values[f"{row['content_type']}_cases"] = int(row["cases"])
        values["notices"] = int(db.scalar(PARTY_NOTICES.format(unit=unit), bounds) or 0)
        return PartyFigures(**values)

    # -- compliance -----------------------------------------------------------------------------------------
    def compliance(self, period: Period, unit_code: str | None = None) -> list[ComplianceReport]:
        """The leaders' minimums for every calendar month the period touches (one unit's: the desk's own by
        default)."""
        return [self.sessions.compliance(month, unit_code=unit_code) for month in _period_months(period)]

    def unit_reporter(self, kind: ReportKind, unit_code: str) -> tuple[str, str, str]:
        """Who reports for a commune: (its name without its type, its type in lower case, the reporting body
        "Ủy ban nhân dân xã …" / "Đảng ủy xã …")."""
        commune = communes().get(unit_code)
        commune_type = commune.commune_type.strip().lower() if commune else "xã"
        name = commune.commune_name if commune else unit_code
        if name.lower().startswith(commune_type + " "):
            name = name[len(commune_type) + 1:]
        sector_body = "Đảng ủy" if kind.sector == "party" else "Ủy ban nhân dân"
        return name, commune_type, f"{sector_body} {commune_type} {name}"

    # -- the report --------------------------------------------------------------------------------------------
    def build(self, period: Period, kind: ReportKind | str = ReportKind.STATE, *, top_bodies: int = 10,
              unit_code: str | None = None) -> ReportDocument:
        """The report of `kind` for `period`: tables, charts, narrative draft and warnings. It counts the desk's
        own unit's records, or `unit_code`'s (a commune's, on the upper level's desk), or with `ALL_UNITS` every
        record in the file (the consolidated total, which has no compliance table: see consolidated_reports)."""
        self.context.require(Permission.READ)
        try:
            kind = ReportKind(kind)
        except ValueError:
            raise UserError("report.kind_unknown", "kind", value=kind,
                            allowed=", ".join(k.value for k in ReportKind)) from None
        settings = self.context.require_setup()
        every_unit = unit_code == ALL_UNITS
        unit = settings.unit_code if unit_code is None or every_unit else unit_code
        scope = None if every_unit else unit
        name, commune_type, reporter = self.unit_reporter(kind, unit)
        tables: list[ReportTable] = []
        charts: list[ChartSeries] = []
        figures: dict[str, tuple[int, int]] = {}
        labels: dict[str, str] = {}
        warnings: list[str] = []
        previous = previous_name(period)
        wanted = set(_STATE_KINDS) if kind is ReportKind.STATE else {kind}
        if kind is ReportKind.PARTY:
            wanted = {ReportKind.PARTY, ReportKind.COMPLIANCE}
        empty = True

        if ReportKind.PARTY in wanted:
            now, before = self.party_figures(period, scope), self.party_figures(period.previous(), scope)
            rows = [ReportRow(label, getattr(now, key), getattr(before, key), key) for key, label in _PARTY_LABELS]
            tables.append(_two_column("party", "Kết quả tiếp công dân của đồng chí Bí thư Đảng ủy", rows, previous))
            _collect(figures, labels, "party", rows)
            charts.append(ChartSeries("party", "Kết quả tiếp công dân của đồng chí Bí thư",
                                      ("Kỳ tiếp", "Vụ việc", "Lượt công dân"),
                                      (now.sessions, now.cases, now.visits),
                                      (before.sessions, before.cases, before.visits),
                                      "Kỳ này", previous.capitalize()))
            empty = empty and now.sessions == 0 and now.delegated_sessions == 0
        if ReportKind.RECEPTION in wanted:
            result = self.reports.reception_results(period, unit_code=scope)
            tables.append(_reception_table(result, previous))
            _collect(figures, labels, "reception", result.rows())
            current, prior = result.current, result.previous
            charts.append(ChartSeries("reception", "Số lượt tiếp công dân",
                                      ("Thường xuyên", "Thủ trưởng trực tiếp", "Ủy quyền"),
                                      tuple(current.group(g).visits for g in GROUPS),
                                      tuple(prior.group(g).visits for g in GROUPS), "Kỳ này", previous.capitalize()))
            types = tuple(ContentType)
            charts.append(ChartSeries("content", "Số vụ việc theo loại",
                                      tuple(_enum_vi("content_type", t.value) for t in types),
                                      tuple(current.total.cases_of(t) for t in types),
                                      tuple(prior.total.cases_of(t) for t in types), "Kỳ này", previous.capitalize()))
            empty = empty and result.is_empty
        if ReportKind.CLASSIFICATION in wanted:
            result = self.reports.classification(period, top_bodies=top_bodies, unit_code=scope)
            rows = result.rows()
            _collect(figures, labels, "classification", rows)
            tables += _classification_tables(result, rows, previous)
            empty = empty and result.is_empty
        for table_kind, method, title in (
                (ReportKind.LETTERS, "letters", "Kết quả tiếp nhận, xử lý đơn"),
                (ReportKind.COMPLAINTS, "complaint_resolution", "Kết quả giải quyết khiếu nại thuộc thẩm quyền"),
                (ReportKind.DENUNCIATIONS, "denunciation_resolution", "Kết quả giải quyết tố cáo thuộc thẩm quyền"),
                (ReportKind.FOLLOWUP, "followup", "Theo dõi, đôn đốc thực hiện kết luận tiếp công dân")):
            if table_kind in wanted:
                result = getattr(self.reports, method)(period, unit_code=scope)
                rows = result.rows()
                key = table_kind.value
                _collect(figures, labels, key, rows)
                tables.append(_two_column(key, title, rows, previous))
                empty = empty and result.is_empty
        if ReportKind.COMPLIANCE in wanted and not every_unit:
            sector = Sector.PARTY if kind is ReportKind.PARTY else Sector.STATE
            months = self.compliance(period, unit)
            table, missed, sources = _compliance_table(months, sector)
            tables.append(table)
            figures[f"compliance.{sector.value}.missed"] = (missed, 0)
            if len(sources) > 1:
                warnings.append("Mức tiếp công dân tối thiểu thay đổi trong kỳ báo cáo: "
                                + "; ".join(sources) + ". Mỗi tuần, tháng được đánh giá theo mức đang áp dụng.")
            if kind is ReportKind.COMPLIANCE:
                empty = False

        figures_json: dict[str, Any] = {k: list(v) for k, v in figures.items()}
        figures_json["empty"] = empty
        if empty:
            warnings.insert(0, f"Trong {period.label[:1].lower() + period.label[1:]} không có số liệu tiếp công dân, "
                               "tiếp nhận đơn: báo cáo ghi các số liệu bằng 0.")
        today = self.context.today()
        if period.end >= today:
            warnings.append(f"Kỳ báo cáo chưa kết thúc: số liệu tính đến ngày {today.strftime('%d/%m/%Y')}.")
        if unit == settings.unit_code:
            warnings += self._overlaps(kind, period)

        if kind is ReportKind.PARTY:
            narrative = party_narrative(figures, period, commune_type)
        elif kind is ReportKind.STATE:
            narrative = state_narrative(figures, period, reporter, f"Chủ tịch Ủy ban nhân dân {commune_type}")
        else:
            narrative = ""
        return ReportDocument(kind, period, ALL_UNITS if every_unit else unit, name, reporter, today, tuple(tables),
                              tuple(charts), narrative, tuple(warnings), figures_json, labels)

    def _overlaps(self, kind: ReportKind, period: Period) -> list[str]:
        """Submitted reports of the same kind whose period overlaps this one without being it (a changed cut-off)."""
        rows = self.context.database.query(
            "SELECT DISTINCT period_label, period_start, period_end FROM report_submissions WHERE kind = ? "
            "AND voided = 0 AND period_start <= ? AND period_end >= ? AND NOT (period_start = ? AND period_end = ?)",
            (kind.value, period.end.isoformat(), period.start.isoformat(), period.start.isoformat(),
             period.end.isoformat()))
        return [f"Kỳ báo cáo trùng một phần với báo cáo đã nộp \u201c{r['period_label']}\u201d (từ ngày "
                f"{date.fromisoformat(r['period_start']).strftime('%d/%m/%Y')} đến ngày "
                f"{date.fromisoformat(r['period_end']).strftime('%d/%m/%Y')}): kiểm tra ngày chốt số liệu."
                for r in rows]

    # -- printed -------------------------------------------------------------------------------------------------
    def pdf(self, document: ReportDocument, *, narrative: str | None = None) -> bytes:
        """The report as PDF, in the state or Party format of its kind, with the narrative as edited."""
        self.context.require(Permission.PRINT)
        sector = document.kind.sector
        settings = self.context.require_setup()
        upper_level = settings.upper_level_name.strip()
        issuer = self.paperwork.issuer(sector)
        recipients = (upper_level or UPPER_LEVEL[sector],)
        if document.unit_code == ALL_UNITS and settings.commune is not None:  # the upper level's consolidated report
            province = settings.commune.province_name
            code = settings.commune.province_code
            issuer = (Issuer.province_party_committee(province, unit_code=code) if sector == "party"
                      else Issuer.province_committee(province, unit_code=code))
            recipients = (upper_level or CONSOLIDATED_RECIPIENT[sector],)
        text = None if narrative is None else clean_paragraphs(narrative)
        return render_report(ReportPrint(document, issuer, self.paperwork.signer(sector), recipients,
                                         narrative=text))

    def write(self, document: ReportDocument, path: Path | str, file_format: str, *,
              narrative: str | None = None) -> Path:
        """Write the report to `path` as pdf, xlsx (one sheet per table, after a summary sheet with the narrative),
        csv (the tables one after another) or json (everything, plain); the file appears whole or not at all."""
        self.context.require(Permission.EXPORT)
        if file_format not in REPORT_FORMATS:
            raise UserError("report.format_unknown", "format", value=file_format, allowed=", ".join(REPORT_FORMATS))
        target = Path(path)
        text = document.narrative if narrative is None else clean_paragraphs(narrative)
        if file_format == "pdf":
            write_bytes(target, self.pdf(document, narrative=text))
        elif file_format == "json":
            write_bytes(target, json.dumps(report_json(document, text), ensure_ascii=False, indent=1).encode("utf-8"))
        else:
            tables = [SheetData(f"{n}. {t.title}", t.header, t.rows) for n, t in enumerate(document.tables, start=1)]
            summary = SheetData("Tổng hợp", ("Nội dung",), [(line,) for line in _summary_lines(document, text)])
            if file_format == "xlsx":
                write_xlsx(target, [summary, *tables])
            else:
                write_csv_tables(target, [summary, *tables])
        return target

    # -- submitted ---------------------------------------------------------------------------------------------
    def mark_submitted(self, document: ReportDocument, narrative: str | None = None) -> str:
        """Record that `document` (with the narrative as edited, and its PDF when the user may print) was sent to
        the upper level; audited. The next sync package carries it."""
        self.context.require(Permission.RECORD)
        text = clean_paragraphs(document.narrative if narrative is None else narrative)
        session = self.context.require_session()
        pdf = self.pdf(document, narrative=text) if session.user.may(Permission.PRINT) else None
        payload = json.dumps(document.figures, ensure_ascii=False, sort_keys=True)
        digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
        p = document.period
        with self.context.database.write() as conn:
            stamp = self.context.stamp()
            _, uuid = records.insert_record(conn, "report_submissions", stamp, {
                "kind": document.kind.value, "period_kind": p.kind.value, "period_label": p.label,
                "period_start": p.start.isoformat(), "period_end": p.end.isoformat(),
                "submitted_on": self.context.today().isoformat(), "narrative": text, "figures": payload,
                "sha256": digest, "pdf": pdf})
            records.append_audit(conn, stamp, "report.submit", "report_submissions", uuid,
                                 {"kind": document.kind.value, "period": [p.start.isoformat(), p.end.isoformat()],
                                  "sha256": digest})
        return uuid

    def submissions(self, limit: int = 100) -> list[dict[str, Any]]:
        """The reports marked submitted, newest first."""
        self.context.require(Permission.READ)
        return [dict(r) for r in self.context.database.query(
            "SELECT uuid, kind, period_kind, period_label, period_start, period_end, submitted_on, sha256, "
            "created_at FROM report_submissions WHERE voided = 0 ORDER BY id DESC LIMIT ?", (limit,))]

    def submitted(self, kind: ReportKind | str, period: Period) -> dict[str, Any] | None:
        """The latest submission of this kind and period, if any."""
        row = self.context.database.one(
            "SELECT uuid, submitted_on, sha256 FROM report_submissions WHERE kind = ? AND period_start = ? "
            "AND period_end = ? AND voided = 0 ORDER BY id DESC LIMIT 1",
            (ReportKind(kind).value, period.start.isoformat(), period.end.isoformat()))
        return dict(row) if row else None


def report_json(document: ReportDocument, narrative: str) -> dict[str, Any]:
    """The report as plain JSON: what the CLI prints and the sync package carries."""
    p = document.period
    return {"kind": document.kind.value, "title": document.title, "reporter": document.reporter,
            "unit_code": document.unit_code, "made_on": document.made_on.isoformat(),
            "period": {"kind": p.kind.value, "label": p.label, "start": p.start.isoformat(), "end": p.end.isoformat(),
                       "cutoff_day": p.cutoff_day},
            "narrative": narrative, "warnings": list(document.warnings),
            "tables": [{"key": t.key, "title": t.title, "header": list(t.header), "rows": [list(r) for r in t.rows]}
                       for t in document.tables],
            "figures": document.figures}


def _summary_lines(document: ReportDocument, narrative: str) -> list[str]:
    p = document.period
    lines = [document.reporter, document.title,
             f"Từ ngày {p.start.strftime('%d/%m/%Y')} đến ngày {p.end.strftime('%d/%m/%Y')}", ""]
    lines += [line for line in narrative.splitlines() if line.strip()]
    if document.warnings:
        lines += ["", "Lưu ý:", *document.warnings]
    return lines


# -- tables ---------------------------------------------------------------------------------------------------------

def _collect(figures: dict[str, tuple[int, int]], labels: dict[str, str], prefix: str, rows: list[ReportRow]) -> None:
    for row in rows:
        figures[f"{prefix}.{row.key}"] = (int(row.value), int(row.previous))
        labels[f"{prefix}.{row.key}"] = row.label_vi


def _two_column(key: str, title: str, rows: list[ReportRow], previous: str) -> ReportTable:
    """A table of lines: number, label, the period's figure, the previous period's."""
    return ReportTable(key, title, ("STT", "Chỉ tiêu", "Kỳ này", previous.capitalize()),
                       tuple((i, r.label_vi, r.value, r.previous) for i, r in enumerate(rows, start=1)))


_RECEPTION_COLUMNS = (
    ("sessions", "Số kỳ"), ("visits", "Số lượt"), ("persons", "Số người"), ("online_visits", "Trực tuyến (lượt)"),
    ("cases", "Số vụ việc"), ("cases_first", "Vụ việc lần đầu"), ("cases_repeat", "Vụ việc nhiều lần"),
    ("complaint_cases", "Khiếu nại"), ("denunciation_cases", "Tố cáo"), ("petition_cases", "Kiến nghị"),
    ("report_cases", "Phản ánh"), ("delegations", "Số đoàn đông người"), ("delegation_persons", "Số người trong đoàn"),
    ("delegations_first", "Đoàn lần đầu"), ("delegations_repeat", "Đoàn nhiều lần"),
)
_RECEPTION_GROUPS = (("total", "Tổng cộng"), ("routine", "Tiếp thường xuyên"),
                     ("in_person", "Thủ trưởng trực tiếp tiếp"), ("delegated", "Tiếp theo ủy quyền"),
                     ("dialogue", "Đối thoại (thống kê riêng)"))


def _reception_table(result: Any, previous: str) -> ReportTable:
    """Biểu 01/TCD as the form lays it out: a line per column group, each followed by its previous period."""
    rows: list[tuple[Any, ...]] = []
    bold: list[int] = []
    for group, label in _RECEPTION_GROUPS:
        for figures, name in ((result.current, label), (result.previous, f"{previous.capitalize()}")):
            values = figures.group(group)
            cells = [None if (key == "sessions" and group == "routine") else getattr(values, key)
                     for key, _ in _RECEPTION_COLUMNS]
            if figures is result.current and group == "total":
                bold.append(len(rows))
            rows.append((name, *cells))
    return ReportTable("reception", "Biểu 01/TCD — Kết quả tiếp công dân", ("Hình thức tiếp",
                       *(title for _, title in _RECEPTION_COLUMNS)), tuple(rows), wide=True,
                       total_rows=tuple(bold),
                       note="Tổng cộng = tiếp thường xuyên + thủ trưởng trực tiếp tiếp + tiếp theo ủy quyền; "
                            "đối thoại thống kê riêng, không cộng vào tổng.")


def _classification_tables(result: Any, rows: list[ReportRow], previous: str) -> list[ReportTable]:
    """Type × field as a wide table (a line per field), then competence, direction and respondent body."""
    by_key = {r.key: r for r in rows}
    types = [t.value for t in ContentType]
    header = ("Lĩnh vực", *(_enum_vi("content_type", t) for t in types), "Tổng số", f"{previous.capitalize()}")
    lines: list[tuple[Any, ...]] = []
    for code, name in (*result.fields, ("total", "Tổng cộng")):
        cells = [by_key[f"type_field.{code}.{t}"].value for t in types]
        total = by_key[f"type_field.{code}.total"]
        lines.append((name, *cells, total.value, total.previous))
    type_field = ReportTable("classification", "Phân loại vụ việc tiếp nhận theo loại và lĩnh vực", header,
                             tuple(lines), wide=True, total_rows=(len(lines) - 1,))
    tables = [type_field]
    for prefix, key, title in (("competence.", "competence", "Phân loại theo thẩm quyền giải quyết"),
                               ("direction.", "direction", "Phân loại theo hướng xử lý"),
                               ("respondent.", "respondent", "Phân loại theo cơ quan, đơn vị bị khiếu nại, tố cáo")):
        tables.append(_two_column(key, title, [r for r in rows if r.key.startswith(prefix)], previous))
    return tables


def _compliance_table(months: list[ComplianceReport], sector: Sector) -> tuple[ReportTable, int, list[str]]:
    """Per month: the leader's days in person against the minimum, the periods met and missed, the gaps named."""
    who = "Chủ tịch Ủy ban nhân dân" if sector is Sector.STATE else "Bí thư Đảng ủy"
    unit = "tuần" if sector is Sector.STATE else "tháng"
    rows: list[tuple[Any, ...]] = []
    missed_total = 0
    sources: list[str] = []
    for report in months:
        rule = report.for_sector(sector)
        if rule is None:
            continue
        missed = [p for p in rule.periods if p.status is PeriodStatus.MISSED]
        missed_total += len(missed)
        for p in rule.periods:
            text = f"tối thiểu {p.required} ngày/{unit} ({p.source})" if p.source else f"tối thiểu {p.required} ngày"
            if text not in sources:
                sources.append(text)
        gaps = "; ".join(f"{p.start.strftime('%d/%m')}–{p.end.strftime('%d/%m/%Y')}: {p.counted}/{p.required} ngày"
                         for p in missed)
        status = ("Chưa đạt" if rule.status is PeriodStatus.MISSED else "Đang thực hiện"
                  if rule.status is PeriodStatus.OPEN else "Đạt" if rule.status is PeriodStatus.MET else "Không tính")
        rows.append((f"Tháng {report.month.month}/{report.month.year}", rule.counted, rule.required,
                     rule.count(PeriodStatus.MET), len(missed), len(rule.delegated), status, gaps))
    header = ("Tháng", "Số ngày trực tiếp tiếp", f"Tối thiểu (ngày/{unit})", f"Số {unit} đạt", f"Số {unit} chưa đạt",
              "Số kỳ ủy quyền (không tính)", "Đánh giá", f"Các {unit} chưa đạt")
    table = ReportTable(f"compliance_{sector.value}", f"Việc tiếp công dân định kỳ của đồng chí {who}", header,
                        tuple(rows), wide=True,
                        note="Kỳ tiếp ủy quyền không tính vào số ngày tối thiểu; tuần, tháng toàn ngày nghỉ, lễ, Tết "
                             "không tính là chưa đạt.")
    return table, missed_total, sources

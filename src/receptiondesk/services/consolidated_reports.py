"""Consolidated reports on the upper level's desk: every report of the reports module in total over every unit
held, with a row per unit beside each table, the communes' submitted reports set against the figures recomputed
from their records (differences named), and the changes that arrived after a period was locked (amendments)."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from receptiondesk.documents.common import province_party_committee
from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.report_narrative import party_narrative, state_narrative
from receptiondesk.domain.report_periods import Period
from receptiondesk.domain.report_tables import ReportDocument, ReportKind, ReportTable
from receptiondesk.domain.units import communes
from receptiondesk.errors import UserError
from receptiondesk.services.consolidation import ConsolidationService, upper_unit_name
from receptiondesk.services.context import DeskContext
from receptiondesk.services.report_builder import ALL_UNITS, ReportBuilder

#: Per table of the reports module: the figures shown in its by-unit table (figure key, short column heading).
BY_UNIT_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "reception": (("reception.total.sessions", "Kỳ tiếp"), ("reception.total.visits", "Lượt"),
                  ("reception.total.persons", "Người"), ("reception.total.cases", "Vụ việc"),
                  ("reception.total.complaint_cases", "Khiếu nại"),
                  ("reception.total.denunciation_cases", "Tố cáo"),
                  ("reception.total.petition_cases", "Kiến nghị"), ("reception.total.report_cases", "Phản ánh"),
                  ("reception.total.delegations", "Đoàn đông người")),
    "classification": (("classification.type_field.total.complaint", "Khiếu nại"),
                       ("classification.type_field.total.denunciation", "Tố cáo"),
                       ("classification.type_field.total.petition", "Kiến nghị"),
                       ("classification.type_field.total.report", "Phản ánh"),
                       ("classification.type_field.total.total", "Tổng số vụ việc"),
                       ("classification.competence.in", "Thuộc thẩm quyền"),
                       ("classification.competence.out", "Không thuộc thẩm quyền")),
    "letters": (("letters.total", "Số đơn"), ("letters.cases", "Vụ việc"),
                ("letters.eligibility.eligible", "Đủ điều kiện xử lý"),
                ("letters.eligibility.not_eligible", "Không đủ điều kiện"),
                ("letters.competence.in", "Thuộc thẩm quyền"), ("letters.competence.out", "Không thuộc thẩm quyền")),
    "complaints": (("complaints.to_resolve", "Phải giải quyết"),
                   ("complaints.to_resolve.carried_over", "Kỳ trước chuyển sang"),
                   ("complaints.outcome.resolved", "Đã giải quyết"), ("complaints.outcome.pending", "Đang giải quyết"),
                   ("complaints.pending.overdue", "Quá hạn"), ("complaints.informed", "Đã thông báo")),
    "denunciations": (("denunciations.to_resolve", "Phải giải quyết"),
                      ("denunciations.to_resolve.carried_over", "Kỳ trước chuyển sang"),
                      ("denunciations.outcome.resolved", "Đã giải quyết"),
                      ("denunciations.outcome.pending", "Đang giải quyết"),
                      ("denunciations.pending.overdue", "Quá hạn"), ("denunciations.informed", "Đã thông báo")),
    "followup": (("followup.assigned", "Nhiệm vụ giao"), ("followup.with_result", "Có kết quả"),
                 ("followup.without_result", "Chưa có kết quả"), ("followup.without_result.overdue", "Quá hạn"),
                 ("followup.citizen.told", "Đã báo công dân"), ("followup.citizen.not_told", "Chưa báo công dân")),
    "party": (("party.sessions", "Kỳ tiếp của Bí thư"), ("party.visits", "Lượt"), ("party.persons", "Người"),
              ("party.cases", "Vụ việc"), ("party.notices", "Thông báo kết luận"),
              ("party.delegated_sessions", "Kỳ ủy quyền")),
}
_BY_UNIT_TITLES = {"reception": "Kết quả tiếp công dân theo đơn vị", "classification": "Phân loại vụ việc theo đơn vị",
                   "letters": "Tiếp nhận, xử lý đơn theo đơn vị", "complaints": "Giải quyết khiếu nại theo đơn vị",
                   "denunciations": "Giải quyết tố cáo theo đơn vị", "followup": "Theo dõi, đôn đốc theo đơn vị",
                   "party": "Tiếp công dân của Bí thư Đảng ủy theo đơn vị"}
#: How many differing figures a warning names for one commune (the reconciliation table counts them all).
NAMED_DIFFERENCES = 3
_ENTITY_WORDS = {"visit": "lượt tiếp", "case": "vụ việc", "letter": "đơn", "session": "kỳ tiếp",
                 "assignment": "nhiệm vụ"}


@dataclasses.dataclass(frozen=True)
class UnitReport:
    """One unit's row in a consolidated report: its code, its name as printed, and its own report."""

    unit_code: str
    label: str
    document: ReportDocument


class ConsolidatedReports:
    """Reports of every unit held on the upper level's desk, in total and unit by unit."""

    def __init__(self, context: DeskContext, builder: ReportBuilder, consolidation: ConsolidationService) -> None:
        self.context = context
        self.builder = builder
        self.consolidation = consolidation

    def units(self) -> list[tuple[str, str]]:
        """(unit code, name) of every unit reported: the desk's own first, then the communes enrolled, then any
        other unit whose records the file holds, by code."""
        self.context.require(Permission.READ)
        own = self.context.require_setup().unit_code
        enrolled = {c.unit_code: c.unit_name for c in self.consolidation.communes()}
        # Every case comes with a visit or a letter: their units are every unit held (read from the unit-and-date
        # index of visits and the small letters table, not a scan of the cases).
        held = {r[0] for r in self.context.database.query(
            "SELECT unit_code FROM visits UNION SELECT unit_code FROM letters")}
        codes = sorted((set(enrolled) | held) - {own})
        return [(own, f"{_unit_name(own)} (đơn vị mình)")] + [(c, enrolled.get(c) or _unit_name(c)) for c in codes]

    def unit_reports(self, period: Period, kind: ReportKind | str) -> list[UnitReport]:
        """Each unit's own report of `kind` for `period`, computed from its records held here."""
        return [UnitReport(code, label, self.builder.build(period, kind, unit_code=code))
                for code, label in self.units()]

    def build(self, period: Period, kind: ReportKind | str = ReportKind.STATE) -> ReportDocument:
        """The consolidated report: the total over every unit (the tables of `kind`), a table per unit beside each,
        the leaders' compliance per unit, and the reconciliation of the communes' submitted reports; warnings name
        every difference and every amendment to a locked period."""
        self.context.require(Permission.READ)
        if not self.consolidation.is_upper():
            raise UserError("consolidation.not_upper", unit=self.context.require_setup().unit_code)
        total = self.builder.build(period, kind, unit_code=ALL_UNITS)
        kind = total.kind
        units = self.unit_reports(period, kind)
        tables = list(total.tables)
        for key, columns in BY_UNIT_COLUMNS.items():
            if any(k in total.figures for k, _ in columns):
                tables.append(_by_unit_table(key, _BY_UNIT_TITLES[key], columns, units, total))
        sectors = {"compliance.state.missed": "Chủ tịch UBND", "compliance.party.missed": "Bí thư Đảng ủy"}
        missed = [(k, v) for k, v in sectors.items() if any(k in u.document.figures for u in units)]
        if missed:
            tables.append(_compliance_by_unit(missed, units))
        reconciliation, warnings = self._reconcile(period, kind, units)
        tables.append(reconciliation)
        province = communes()[self.context.require_setup().unit_code].province_name
        reporter = (province_party_committee(province) if kind.sector == "party" else upper_unit_name(province))
        in_text = f"các đơn vị thuộc {province[:1].lower()}{province[1:]} ({len(units)} đơn vị)"
        if kind is ReportKind.PARTY:
            narrative = party_narrative(total.figures, period, "các xã, phường")
        elif kind is ReportKind.STATE:
            narrative = state_narrative(total.figures, period, in_text, "Chủ tịch Ủy ban nhân dân các xã, phường")
        else:
            narrative = ""
        figures = {**total.figures, "by_unit": {u.unit_code: u.document.figures for u in units}}
        return dataclasses.replace(
            total, unit_code=ALL_UNITS, unit_name=province, reporter=reporter, tables=tuple(tables),
            narrative=narrative, warnings=(*total.warnings, *warnings), figures=figures)

    def _reconcile(self, period: Period, kind: ReportKind,
                   units: list[UnitReport]) -> tuple[ReportTable, list[str]]:
        """Each commune's latest submitted report of this kind and period beside its recomputed figures, and the
        records of its locked periods changed since the lock."""
        own = self.context.require_setup().unit_code
        span = (period.start.isoformat(), period.end.isoformat())
        locks: dict[str, list[dict[str, Any]]] = {}
        for lock in self.consolidation.locks(*span):
            locks.setdefault(lock["unit_code"], []).append(lock)
        rows, warnings = [], []
        for unit in units:
            if unit.unit_code == own:
                continue
            submitted = self.consolidation.commune_reports(unit.unit_code, kind=kind.value, period=span)
            amended = {}
            for lock in locks.get(unit.unit_code, []):
                for entity, n in lock["amendments"].items():
                    amended[entity] = amended.get(entity, 0) + n
            amended_text = ", ".join(f"{n} {_ENTITY_WORDS[e]}" for e, n in sorted(amended.items())) or "Không"
            if amended:
                dates = ", ".join(_vn_date(lock["accepted_at"][:10]) for lock in locks[unit.unit_code])
                warnings.append(f"{unit.label}: kỳ báo cáo đã khóa (tiếp nhận ngày {dates}) có sửa đổi nhận sau "
                                f"khi khóa: {amended_text}. Số liệu tổng hợp đã tính cả các sửa đổi này.")
            if not submitted:
                rows.append((unit.label, "Chưa nộp", "", "", amended_text))
                continue
            latest = submitted[0]
            differences = _differences(latest["figures"], unit.document.figures)
            state = f"Đã tiếp nhận {_vn_date(latest['accepted_at'][:10])}" if latest["accepted_at"] else \
                "Chưa tiếp nhận"
            rows.append((unit.label, _vn_date(latest["submitted_on"]), state,
                         len(differences) if differences else "Khớp", amended_text))
            if differences:
                named = "; ".join(f"{_figure_label(unit.document, key)}: báo cáo {reported}, tính lại {recomputed}"
                                  for key, reported, recomputed in differences[:NAMED_DIFFERENCES])
                more = f" và {len(differences) - NAMED_DIFFERENCES} chỉ tiêu khác" \
                    if len(differences) > NAMED_DIFFERENCES else ""
                warnings.append(f"{unit.label}: báo cáo nộp ngày {_vn_date(latest['submitted_on'])} khác số liệu "
                                f"tính lại từ hồ sơ ở {len(differences)} chỉ tiêu ({named}{more}).")
        table = ReportTable("reconciliation", "Đối chiếu báo cáo các đơn vị đã nộp với số liệu tính lại",
                            ("Đơn vị", "Ngày nộp", "Tiếp nhận", "Số chỉ tiêu khác", "Sửa đổi sau khi khóa kỳ"),
                            tuple(rows), wide=True)
        return table, warnings


def _differences(submitted: dict[str, Any], recomputed: dict[str, Any]) -> list[tuple[str, int, int]]:
    """(figure key, as submitted, as recomputed) of every figure of the period that differs, in the report's order
    (the previous period's figures and the flags are not compared)."""
    result = []
    for key in [*recomputed, *(k for k in submitted if k not in recomputed)]:
        a, b = submitted.get(key), recomputed.get(key)
        if key == "empty" or isinstance(a, dict) or isinstance(b, dict):
            continue
        reported = int(a[0]) if isinstance(a, list | tuple) else 0
        now = int(b[0]) if isinstance(b, list | tuple) else 0
        if reported != now:
            result.append((key, reported, now))
    return result


def _by_unit_table(key: str, title: str, columns: tuple[tuple[str, str], ...], units: list[UnitReport],
                   total: ReportDocument) -> ReportTable:
    """A row per unit and a total row (the consolidated figures, which are the rows' sum)."""
    rows: list[tuple[Any, ...]] = []
    for n, unit in enumerate(units, start=1):
        rows.append((n, unit.label, *(_current(unit.document.figures, k) for k, _ in columns)))
    rows.append(("", "Tổng cộng", *(_current(total.figures, k) for k, _ in columns)))
    return ReportTable(f"by_unit.{key}", title, ("STT", "Đơn vị", *(label for _, label in columns)), tuple(rows),
                       wide=len(columns) > 5, total_rows=(len(rows) - 1,))


def _compliance_by_unit(missed: list[tuple[str, str]], units: list[UnitReport]) -> ReportTable:
    """The weeks or months each unit's leaders fell below the minimum reception days."""
    rows = tuple((n, u.label, *(_current(u.document.figures, k) for k, _ in missed))
                 for n, u in enumerate(units, start=1))
    header = ("STT", "Đơn vị", *(f"{who}: số tuần/tháng chưa đạt" for _, who in missed))
    return ReportTable("by_unit.compliance", "Việc tiếp công dân định kỳ của người đứng đầu theo đơn vị", header, rows)


#: The table each figure comes from, named before its line in a warning.
_SECTIONS = {"reception": "Tiếp công dân", "classification": "Phân loại vụ việc", "letters": "Xử lý đơn",
             "complaints": "Giải quyết khiếu nại", "denunciations": "Giải quyết tố cáo", "followup": "Theo dõi",
             "party": "Bí thư Đảng ủy", "compliance": "Tiếp công dân định kỳ"}


def _figure_label(document: ReportDocument, key: str) -> str:
    """"Tiếp công dân – Số lượt tiếp": the figure's table, then its line as printed."""
    section = _SECTIONS.get(key.split(".", 1)[0], "")
    label = document.labels.get(key, key)
    return f"{section} – {label}" if section else label


def _current(figures: dict[str, Any], key: str) -> int:
    value = figures.get(key)
    return int(value[0]) if isinstance(value, list | tuple) else 0


def _unit_name(code: str) -> str:
    commune = communes().get(code)
    return commune.commune_name if commune else code


def _vn_date(value: str | None) -> str:
    return date.fromisoformat(value).strftime("%d/%m/%Y") if value else ""

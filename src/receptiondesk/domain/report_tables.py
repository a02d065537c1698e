"""A finished periodic report in neutral form: its tables (title, header, rows of words and plain numbers), its
charts' series and its narrative; the PDF, XLSX, CSV and JSON writers and the reports screen all read this."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from receptiondesk.domain.report_periods import Period

Cell = str | int | float | None


class ReportKind(StrEnum):
    """What is reported: the state side's full set, the Party committee's report, or one table alone."""

    STATE = "state"
    PARTY = "party"
    RECEPTION = "reception"
    CLASSIFICATION = "classification"
    LETTERS = "letters"
    COMPLAINTS = "complaints"
    DENUNCIATIONS = "denunciations"
    FOLLOWUP = "followup"
    COMPLIANCE = "compliance"

    @property
    def sector(self) -> str:
        """Whose format the report is printed in: the Party committee's for the Party report, else the state's."""
        return "party" if self is ReportKind.PARTY else "state"


@dataclass(frozen=True)
class ReportTable:
    """One table as printed and exported: `header` names the columns; `rows` hold words and plain numbers;
    `wide` tables are printed on landscape pages; `total_rows` are the indexes of rows printed in bold."""

    key: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    wide: bool = False
    total_rows: tuple[int, ...] = ()
    note: str = ""

    def column(self, name: str) -> list[Cell]:
        index = self.header.index(name)
        return [row[index] for row in self.rows]


@dataclass(frozen=True)
class ChartSeries:
    """A bar chart: one bar group per category, the period's figure beside the previous period's."""

    key: str
    title: str
    categories: tuple[str, ...]
    current: tuple[int, ...]
    previous: tuple[int, ...]
    current_label: str
    previous_label: str


@dataclass(frozen=True)
class ReportDocument:
    """A report for a period: who reports, its tables and charts, the narrative draft (which the officer may edit
    before export) and the warnings the officer should read (a period overlapping one already submitted…)."""

    kind: ReportKind
    period: Period
    unit_code: str
    unit_name: str
    reporter: str  # the body that reports: "Ủy ban nhân dân xã Tân Thành" / "Đảng ủy xã Tân Thành"
    made_on: date
    tables: tuple[ReportTable, ...]
    charts: tuple[ChartSeries, ...] = ()
    narrative: str = ""
    warnings: tuple[str, ...] = ()
    figures: dict[str, Any] = field(default_factory=dict)  # key -> (value, previous): the plain figures
    labels: dict[str, str] = field(default_factory=dict)  # figure key -> its label in the tables

    @property
    def title(self) -> str:
        return report_title(self.kind, self.period)

    def table(self, key: str) -> ReportTable:
        return next(t for t in self.tables if t.key == key)

    @property
    def is_empty(self) -> bool:
        """True when the period has no data at all (the report says so)."""
        return bool(self.figures.get("empty", False))


_TITLES = {
    ReportKind.STATE: "Báo cáo kết quả công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo",
    ReportKind.PARTY: "Báo cáo kết quả tiếp công dân của đồng chí Bí thư Đảng ủy",
    ReportKind.RECEPTION: "Kết quả tiếp công dân",
    ReportKind.CLASSIFICATION: "Phân loại vụ việc tiếp nhận",
    ReportKind.LETTERS: "Kết quả tiếp nhận, xử lý đơn",
    ReportKind.COMPLAINTS: "Kết quả giải quyết khiếu nại",
    ReportKind.DENUNCIATIONS: "Kết quả giải quyết tố cáo",
    ReportKind.FOLLOWUP: "Theo dõi, đôn đốc thực hiện kết luận",
    ReportKind.COMPLIANCE: "Việc tiếp công dân định kỳ của người đứng đầu",
}


def report_name(kind: ReportKind) -> str:
    """The report's name without its period: "Kết quả tiếp công dân"."""
    return _TITLES[kind]


def report_title(kind: ReportKind, period: Period) -> str:
    """The report's title line: "Báo cáo … 6 tháng đầu năm 2026"."""
    return f"{_TITLES[kind]} {lower_first(period.label)}"


def lower_first(text: str) -> str:
    """"Tháng 3 năm 2026" → "tháng 3 năm 2026" (a period label inside a sentence)."""
    return text[:1].lower() + text[1:] if text else text


# -- numbers in words of the official register -------------------------------------------------------------------

def count(n: int, unit: str) -> str:
    """"27 lượt", "1 vụ việc": Vietnamese nouns do not change with the number, so only the figure is written."""
    return f"{n:,}".replace(",", ".") + f" {unit}"


def change(now: int, before: int) -> str:
    """The change against the previous period in the register of the reports: "tăng 12,5%", "giảm 3 lượt"…"""
    if now == before:
        return "bằng"
    word = "tăng" if now > before else "giảm"
    if before == 0:
        return f"{word} {count(abs(now - before), '')}".rstrip()
    percent = abs(now - before) * 100 / before
    shown = f"{percent:.1f}".replace(".", ",").removesuffix(",0")
    return f"{word} {shown}%"

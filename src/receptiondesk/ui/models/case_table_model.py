"""The case list as a Qt table model: case ids from SQL, rows fetched a page at a time, sorted in SQL."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from receptiondesk.messages import enum_label
from receptiondesk.services.cases import CaseService
from receptiondesk.ui.models.paged_id_table_model import PagedIdTableModel

OPEN_STATUSES = ("received", "in_progress")
OVERDUE_COLOUR = QColor("#b00020")


def short_date(value: str | None) -> str:
    return date.fromisoformat(value).strftime("%d/%m/%Y") if value else ""


def respondent_text(record: dict[str, Any]) -> str:
    return ", ".join(part for part in (record.get("respondent_name"), record.get("respondent_position"),
                                       record.get("respondent_body")) if part)


class CaseTableModel(PagedIdTableModel):
    """One row a case: received, type, field, citizen (masked as stored), content, respondent, status, due date
    (red when overdue) and number of visits."""

    COLUMNS = ("received_on", "content_type", "field_code", "citizen_name", "summary", "respondent", "status",
               "due_date", "visit_count")
    #: Sort names of storage.cases.CASE_LIST; each is served by an index (tests/storage/test_query_plans.py).
    SORTS = {
        "received_on": ("oldest", "newest"),
        "content_type": ("type", "type_desc"),
        "field_code": ("field", "field_desc"),
        "respondent": ("respondent", "respondent_desc"),
        "status": ("status", "status_desc"),
        "due_date": ("due", "due_desc"),
    }
    DEFAULT_SORT = ("received_on", Qt.SortOrder.DescendingOrder)

    def __init__(self, cases: CaseService, lang: str = "vi", *, field_names: dict[str, str] | None = None,
                 today: Callable[[], date] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._cases = cases
        self._lang = lang
        self._field_names = field_names or {}
        self._today = today or date.today

    def set_field_names(self, names: dict[str, str]) -> None:
        self._field_names = dict(names)

    def header_labels(self) -> tuple[str, ...]:
        return (self.tr("Received"), self.tr("Type"), self.tr("Field"), self.tr("Citizen"), self.tr("Content"),
                self.tr("Respondent"), self.tr("Status"), self.tr("Due"), self.tr("Visits"))

    def fetch_rows(self, ids: Sequence[int]) -> list[dict[str, Any]]:
        return self._cases.rows(list(ids))

    def is_overdue(self, record: dict[str, Any]) -> bool:
        return (record.get("status") in OPEN_STATUSES and bool(record.get("due_date"))
                and record["due_date"] < self._today().isoformat())

    def format_value(self, column: str, record: dict[str, Any], role: int) -> Any:
        value = record.get(column)
        if column in ("received_on", "due_date"):
            return short_date(value)
        if column == "content_type":
            return enum_label("content_type", value, self._lang)
        if column == "status":
            return enum_label("case_status", value, self._lang)
        if column == "field_code":
            return self._field_names.get(value, value)
        if column == "respondent":
            return respondent_text(record)
        if column == "summary" and role == Qt.ItemDataRole.DisplayRole:
            return (value or "").replace("\n", " ")
        return value

    def cell_data(self, column: str, record: dict[str, Any], role: int) -> Any:
        if column == "due_date" and self.is_overdue(record):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(OVERDUE_COLOUR)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if column == "visit_count" and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

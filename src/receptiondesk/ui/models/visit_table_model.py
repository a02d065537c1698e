"""The logbook as a Qt table model: an ordered list of visit ids from SQL and a bounded cache of row pages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from receptiondesk.messages import enum_label
from receptiondesk.services.logbook import LogbookService
from receptiondesk.ui.models.paged_id_table_model import MAX_CACHED_PAGES, PAGE_SIZE, PagedIdTableModel

__all__ = ["MAX_CACHED_PAGES", "PAGE_SIZE", "VisitTableModel"]


class VisitTableModel(PagedIdTableModel):
    """Rows are fetched a page at a time by id; sorting and filtering re-run the id query in SQL."""

    COLUMNS = ("logbook_no", "visit_date", "full_name", "address", "summary", "content_types", "headcount",
               "direction")
    #: Sort names of storage.visits.VISIT_LIST by column (the logbook number sorts newest first only).
    SORTS = {"visit_date": ("oldest", "newest")}
    DEFAULT_SORT = ("visit_date", Qt.SortOrder.DescendingOrder)

    def __init__(self, logbook: LogbookService, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self._logbook = logbook
        self._lang = lang

    def header_labels(self) -> tuple[str, ...]:
        return (self.tr("No."), self.tr("Date"), self.tr("Full name"), self.tr("Address"), self.tr("Content"),
                self.tr("Type"), self.tr("People"), self.tr("Direction"))

    def fetch_rows(self, ids: Sequence[int]) -> list[dict[str, Any]]:
        return self._logbook.visits_by_ids(list(ids))

    def format_value(self, column: str, record: dict[str, Any], role: int) -> Any:
        value = record.get(column)
        if column == "logbook_no":
            return f"{value}/{record['year']}"
        if column == "visit_date":
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        if column == "content_types":
            return ", ".join(enum_label("content_type", v, self._lang) for v in (value or "").split(",") if v)
        if column == "direction":
            label = enum_label("direction", value, self._lang)
            return f"{label}: {record['direction_body']}" if record["direction_body"] else label
        if column == "summary" and role == Qt.ItemDataRole.DisplayRole:
            return (value or "").replace("\n", " ")
        return value

"""The logbook as a Qt table model: an ordered list of visit ids from SQL and a bounded cache of row pages."""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from receptiondesk.messages import enum_label
from receptiondesk.services.logbook import LogbookService

PAGE_SIZE = 100
MAX_CACHED_PAGES = 30



class VisitTableModel(QAbstractTableModel):
    """Rows are fetched a page at a time by id; sorting and filtering re-run the id query in SQL."""

    COLUMNS = ("logbook_no", "visit_date", "full_name", "address", "summary", "content_types", "headcount",
               "direction")

    def __init__(self, logbook: LogbookService, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self._logbook = logbook
        self._lang = lang
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, dict[str, Any]]] = OrderedDict()
        self._headers = (self.tr("No."), self.tr("Date"), self.tr("Full name"), self.tr("Address"), self.tr("Content"),
                         self.tr("Type"), self.tr("People"), self.tr("Direction"))

    # -- loading ---------------------------------------------------------------------------
    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        self.endResetModel()

    def row_uuid(self, row: int) -> str | None:
        record = self._record(row)
        return record["uuid"] if record else None

    def _record(self, row: int) -> dict[str, Any] | None:
        if not 0 <= row < len(self._ids):
            return None
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            ids = self._ids[page_no * PAGE_SIZE:(page_no + 1) * PAGE_SIZE]
            page = {r["id"]: r for r in self._logbook.visits_by_ids(ids)}
            self._pages[page_no] = page
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._ids[row])

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        record = self._record(index.row())
        if record is None:
            return None
        column = self.COLUMNS[index.column()]
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

"""The queue of cases waiting for a leader's session as a read-only Qt table model (names come masked)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from receptiondesk.messages import enum_label
from receptiondesk.ui.models.list_table_model import ListTableModel

OVERDUE_COLOUR = QColor("#b00020")


def _day(value: str | None) -> str:
    return date.fromisoformat(value).strftime("%d/%m/%Y") if value else ""


class SessionQueueModel(ListTableModel):
    """One row per waiting case from `SessionService.waiting_cases()`, in the service's order."""

    COLUMNS = ("received_on", "content_type", "citizen_name", "due_date", "summary")

    def __init__(self, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._today: date | None = None
        self._headers = (self.tr("Received"), self.tr("Type"), self.tr("Citizen"), self.tr("Due"),
                         self.tr("Content"))

    def set_rows(self, rows: list[dict[str, Any]], today: date | None = None) -> None:
        self._today = today
        self.set_items(dict(r) for r in rows)

    def row_uuid(self, row: int) -> str | None:
        record = self.item(row)
        return record["uuid"] if record is not None else None

    # -- Qt model API ----------------------------------------------------------------------
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.item(index.row()) if index.isValid() else None
        if record is None:
            return None
        column = self.COLUMNS[index.column()]
        overdue = bool(record["due_date"] and self._today and record["due_date"] < self._today.isoformat())
        if role == Qt.ItemDataRole.ForegroundRole and column == "due_date" and overdue:
            return OVERDUE_COLOUR
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column in ("received_on", "due_date"):
            return _day(record[column])
        if column == "content_type":
            return enum_label("content_type", record["content_type"], self._lang)
        if column == "summary":
            text = record["summary"] or ""
            if record["times_pending"]:
                text = self.tr("[heard, pending ×{count}] {summary}").format(count=record["times_pending"],
                                                                              summary=text)
            return text if role == Qt.ItemDataRole.ToolTipRole else text.replace("\n", " ")
        return record.get(column) or ""

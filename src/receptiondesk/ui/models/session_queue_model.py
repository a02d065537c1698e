"""The queue of cases waiting for a leader's session as a read-only Qt table model (names come masked)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from receptiondesk.messages import enum_label

OVERDUE_COLOUR = QColor("#b00020")


def _day(value: str | None) -> str:
    return date.fromisoformat(value).strftime("%d/%m/%Y") if value else ""


class SessionQueueModel(QAbstractTableModel):
    """One row per waiting case from `SessionService.waiting_cases()`, in the service's order."""

    COLUMNS = ("received_on", "content_type", "citizen_name", "due_date", "summary")

    def __init__(self, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._rows: list[dict[str, Any]] = []
        self._today: date | None = None
        self._headers = (self.tr("Received"), self.tr("Type"), self.tr("Citizen"), self.tr("Due"),
                         self.tr("Content"))

    def set_rows(self, rows: list[dict[str, Any]], today: date | None = None) -> None:
        self.beginResetModel()
        self._rows = [dict(r) for r in rows]
        self._today = today
        self.endResetModel()

    def row_uuid(self, row: int) -> str | None:
        return self._rows[row]["uuid"] if 0 <= row < len(self._rows) else None

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
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

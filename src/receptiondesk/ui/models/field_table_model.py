"""The fields of complaint (lĩnh vực) as a read-only Qt table model: active and retired ones."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

RETIRED_COLOUR = QColor("#777777")


class FieldTableModel(QAbstractTableModel):
    """One row per field from `SetupService.fields(include_inactive=True)`; retired fields are greyed."""

    COLUMNS = ("code", "name_vi", "name_en", "active")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._headers = (self.tr("Code"), self.tr("Vietnamese name"), self.tr("English name"), self.tr("Active"))

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = [dict(r) for r in rows]
        self.endResetModel()

    def row_code(self, row: int) -> str | None:
        return self._rows[row]["code"] if 0 <= row < len(self._rows) else None

    def row_active(self, row: int) -> bool:
        return bool(self._rows[row]["active"]) if 0 <= row < len(self._rows) else False

    def row_of(self, code: str) -> int:
        """The row showing `code`, or -1."""
        return next((i for i, r in enumerate(self._rows) if r["code"] == code), -1)

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
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        active = bool(record["active"])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == "active":
                return self.tr("Yes") if active else self.tr("No (retired)")
            return record[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == "active":
            return Qt.CheckState.Checked if active else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and not active:
            return QBrush(RETIRED_COLOUR)
        return None

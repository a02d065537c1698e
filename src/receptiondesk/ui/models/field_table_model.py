"""The fields of complaint (lĩnh vực) as a read-only Qt table model: active and retired ones."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from receptiondesk.ui.models.list_table_model import ListTableModel

RETIRED_COLOUR = QColor("#777777")


class FieldTableModel(ListTableModel):
    """One row per field from `SetupService.fields(include_inactive=True)`; retired fields are greyed."""

    COLUMNS = ("code", "name_vi", "name_en", "active")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Code"), self.tr("Vietnamese name"), self.tr("English name"), self.tr("Active"))

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.set_items(dict(r) for r in rows)

    def row_code(self, row: int) -> str | None:
        item = self.item(row)
        return item["code"] if item else None

    def row_active(self, row: int) -> bool:
        item = self.item(row)
        return bool(item["active"]) if item else False

    def row_of(self, code: str) -> int:
        """The row showing `code`, or -1."""
        return self.find_row(lambda r: r["code"] == code)

    # -- Qt model API ----------------------------------------------------------------------
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._items[index.row()]
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

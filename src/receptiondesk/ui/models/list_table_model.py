"""A read-only table model over a Python list (settings tables, sessions, follow-up keys): rows, columns and headers
in one place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


class ListTableModel(QAbstractTableModel):
    """Subclasses name their COLUMNS, set `_headers` and answer `data`; the list itself is kept here."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[Any] = []
        self._headers: tuple[str, ...] = ()

    def set_items(self, items) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> Any:
        """The item shown in `row`, or None."""
        return self._items[row] if 0 <= row < len(self._items) else None

    def find_row(self, matches) -> int:
        """The first row whose item `matches(item)`, or -1."""
        return next((i for i, item in enumerate(self._items) if matches(item)), -1)

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

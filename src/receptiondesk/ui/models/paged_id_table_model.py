"""A table model over a long SQL list: an ordered array of row ids and a bounded LRU cache of row pages fetched
by id; sorting re-runs the id query in SQL with a sort key per column."""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal


PAGE_SIZE = 100
MAX_CACHED_PAGES = 30


class PagedIdTableModel(QAbstractTableModel):
    """Rows are ids from SQL (8 bytes each); a page of PAGE_SIZE rows is fetched when first shown, and at most
    MAX_CACHED_PAGES pages are kept, so memory stays bounded whatever the length of the list.

    Subclasses name their COLUMNS (the record keys they show), give the headers, fetch rows by id and format a
    value; SORTS maps a column to its (ascending, descending) sort names of the list's ListSpec. `sort()` only
    records the new sort and emits `sort_changed(name)`: the owner re-runs the id query (on a worker for a long
    list) and hands the ids back with `set_ids`, or first a page with `show_first_page`.
    """

    COLUMNS: tuple[str, ...] = ()
    #: column name -> (sort name ascending, sort name descending); columns not named here do not sort.
    SORTS: dict[str, tuple[str, str]] = {}
    DEFAULT_SORT: tuple[str, Qt.SortOrder] | None = None

    sort_changed = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._ids: array = array("q")
        self._pages: OrderedDict[int, dict[int, dict[str, Any]]] = OrderedDict()
        self._headers: tuple[str, ...] = ()
        if self.DEFAULT_SORT is not None:
            column, order = self.DEFAULT_SORT
            self._sort_column, self._sort_order = self.COLUMNS.index(column), order
        else:
            self._sort_column, self._sort_order = -1, Qt.SortOrder.AscendingOrder

    # -- subclass hooks --------------------------------------------------------------------
    def fetch_rows(self, ids: Sequence[int]) -> list[dict[str, Any]]:
        """The records of `ids` (each with its "id"), in any order."""
        raise NotImplementedError

    def header_labels(self) -> tuple[str, ...]:
        """One translated header per column."""
        raise NotImplementedError

    def format_value(self, column: str, record: dict[str, Any], role: int) -> Any:
        """What a cell shows for DisplayRole and ToolTipRole; other roles through `cell_data`."""
        return record.get(column)

    def cell_data(self, column: str, record: dict[str, Any], role: int) -> Any:
        """Roles other than display and tooltip (alignment, colours...); None by default."""
        return None

    # -- loading ---------------------------------------------------------------------------
    def set_ids(self, ids: Sequence[int], *, keep_pages: bool = False) -> None:
        """The list's ids, in order. With `keep_pages` (the ids of the same read that gave the first page), when
        the rows shown so far begin the new list the rest is appended: the page, the selection and the scroll
        position stay. Otherwise the model is reset and rows are fetched again when shown."""
        new = ids if isinstance(ids, array) and ids.typecode == "q" else array("q", ids)
        shown = len(self._ids)
        if keep_pages and shown and new[:shown] == self._ids:
            if len(new) > shown:
                self.beginInsertRows(QModelIndex(), shown, len(new) - 1)
                self._ids = new
                self.endInsertRows()
            return
        self.beginResetModel()
        self._ids = new
        self._pages.clear()
        self.endResetModel()

    def show_first_page(self, rows: Sequence[dict[str, Any]]) -> None:
        """Show a first page read with a LIMIT query before the whole id list is known."""
        self.beginResetModel()
        self._ids = array("q", (row["id"] for row in rows))
        self._pages.clear()
        if rows:
            self._pages[0] = {row["id"]: dict(row) for row in rows[:PAGE_SIZE]}
        self.endResetModel()

    def invalidate(self) -> None:
        """Forget the cached pages (records changed); rows are fetched again when shown."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.COLUMNS) - 1))

    def ids(self) -> array:
        return self._ids

    def row_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_record(self, row: int) -> dict[str, Any] | None:
        return self._record(row)

    def row_uuid(self, row: int) -> str | None:
        record = self._record(row)
        return record["uuid"] if record else None

    def cached_pages(self) -> int:
        return len(self._pages)

    def _record(self, row: int) -> dict[str, Any] | None:
        if not 0 <= row < len(self._ids):
            return None
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            ids = self._ids[page_no * PAGE_SIZE:(page_no + 1) * PAGE_SIZE]
            page = {record["id"]: record for record in self.fetch_rows(list(ids))}
            self._pages[page_no] = page
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._ids[row])

    # -- sorting ---------------------------------------------------------------------------
    def sort_name(self, column: int, order: Qt.SortOrder) -> str | None:
        """The list's sort name for a column and order, or None when the column does not sort."""
        if not 0 <= column < len(self.COLUMNS):
            return None
        names = self.SORTS.get(self.COLUMNS[column])
        if names is None:
            return None
        return names[0] if order == Qt.SortOrder.AscendingOrder else names[1]

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self.COLUMNS) and self.COLUMNS[column] in self.SORTS

    def current_sort(self) -> tuple[int, Qt.SortOrder]:
        return self._sort_column, self._sort_order

    def current_sort_name(self) -> str | None:
        return self.sort_name(self._sort_column, self._sort_order)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask for the list in another order; the rows come back through `set_ids` (sorting happens in SQL)."""
        name = self.sort_name(column, order)
        if name is not None and (column, order) != (self._sort_column, self._sort_order):
            self._sort_column, self._sort_order = column, order
            self.sort_changed.emit(name)

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS) \
                and role == Qt.ItemDataRole.DisplayRole:
            if not self._headers:
                self._headers = self.header_labels()
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.column() < len(self.COLUMNS):
            return None
        record = self._record(index.row())
        if record is None:
            return None
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self.format_value(column, record, role)
        else:
            value = self.cell_data(column, record, role)
        return value


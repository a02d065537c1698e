"""One year of the working-day calendar (holidays and make-up working days) as a read-only Qt table model."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from receptiondesk.ui.models.list_table_model import ListTableModel

from receptiondesk.domain.calendar import HOLIDAY, WORKING, CalendarDay
from receptiondesk.domain.values import format_date_vn

WORKING_COLOUR = QColor("#1b5e20")


class CalendarDayTableModel(ListTableModel):
    """One row per `CalendarDay`, in date order: date, weekday, kind and name."""

    COLUMNS = ("day", "weekday", "kind", "name")

    def __init__(self, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self._locale = QLocale(QLocale.Language.Vietnamese if lang == "vi" else QLocale.Language.English)
        self._headers = (self.tr("Date"), self.tr("Weekday"), self.tr("Kind"), self.tr("Name"))
        self._kinds = {HOLIDAY: self.tr("Holiday"), WORKING: self.tr("Make-up working day")}

    def kind_labels(self) -> dict[str, str]:
        """The kinds of calendar day, with their labels."""
        return dict(self._kinds)

    def set_days(self, days: list[CalendarDay]) -> None:
        self.set_items(days)

    def day_at(self, row: int) -> CalendarDay | None:
        return self.item(row)

    def row_of(self, day: date) -> int:
        """The row showing `day`, or -1."""
        return self.find_row(lambda d: d.day == day)

    # -- Qt model API ----------------------------------------------------------------------
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._items[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == "day":
                return format_date_vn(entry.day)
            if column == "weekday":
                return self._locale.dayName(entry.day.isoweekday(), QLocale.FormatType.LongFormat)
            if column == "kind":
                return self._kinds.get(entry.kind, entry.kind)
            return entry.name
        if role == Qt.ItemDataRole.ForegroundRole and entry.kind == WORKING:
            return QBrush(WORKING_COLOUR)
        return None

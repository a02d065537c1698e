"""The legal time limits of the rules table, every version with its legal source, as a read-only Qt table model."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from receptiondesk.ui.models.list_table_model import ListTableModel

from receptiondesk.domain.calendar import UNIT_CALENDAR, UNIT_WORKING
from receptiondesk.domain.rules import RulesTable, TimeLimit
from receptiondesk.domain.values import format_date_vn
from receptiondesk.errors import UserError


class TimeLimitTableModel(ListTableModel):
    """One row per rule version (`RulesTable` order); the version in force on `today` is bold.

    The rule's note (often long) is the tooltip of every cell of its row.
    """

    COLUMNS = ("code", "days", "longer", "effective_from", "source")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._in_force: set[tuple[str, date]] = set()
        self._headers = (self.tr("Time limit"), self.tr("Limit"), self.tr("Longer limits"),
                         self.tr("In force from"), self.tr("Legal source"))
        self._names = {
            "denunciation.classify": self.tr("Denunciation: record, classify and check"),
            "denunciation.transfer": self.tr("Denunciation: transfer when outside competence"),
            "denunciation.resolve": self.tr("Denunciation: resolve"),
            "complaint.accept": self.tr("Complaint: accept"),
            "complaint.decide": self.tr("Complaint: first decision"),
            "letter.handle": self.tr("Letter handling"),
            "leader.chairman_days_per_week": self.tr("Chairman: reception days per week (minimum)"),
            "leader.secretary_days_per_month": self.tr("Party secretary: reception days per month (minimum)"),
        }

    def set_rules(self, rules: RulesTable, today: date) -> None:
        self.beginResetModel()
        self._items = list(rules)
        self._in_force = set()
        for code in rules.codes():
            try:
                current = rules.rule(code, today)
            except UserError:  # not yet in force
                continue
            self._in_force.add((current.code, current.effective_from))
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._items = []
        self._in_force = set()
        self.endResetModel()

    def limit_at(self, row: int) -> TimeLimit | None:
        return self.item(row)

    def rule_name(self, code: str) -> str:
        return self._names.get(code, code)

    def _amount(self, days: int, unit: str) -> str:
        if unit == UNIT_WORKING:
            return self.tr("%n working day(s)", "", days)
        if unit == UNIT_CALENDAR:
            return self.tr("%n day(s)", "", days)
        return self.tr("at least %n", "", days)

    def _longer(self, limit: TimeLimit) -> str:
        parts = []
        if limit.complex_days is not None:
            parts.append(self.tr("complex case: %1").replace("%1", str(limit.complex_days)))
        if limit.remote_days is not None:
            parts.append(self.tr("remote area: %1").replace("%1", str(limit.remote_days)))
        if limit.remote_complex_days is not None:
            parts.append(self.tr("remote and complex: %1").replace("%1", str(limit.remote_complex_days)))
        if limit.extended_days is not None:
            parts.append(self.tr("extended: %1").replace("%1", str(limit.extended_days)))
        return "\n".join(parts)

    # -- Qt model API ----------------------------------------------------------------------
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        limit = self._items[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.FontRole and (limit.code, limit.effective_from) in self._in_force:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{limit.code}: {limit.note}" if limit.note else limit.code
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(limit, column)
        return None

    def _display(self, limit: TimeLimit, column: str) -> str:
        if column == "code":
            return self.rule_name(limit.code)
        if column == "days":
            return self._amount(limit.days, limit.unit)
        if column == "longer":
            return self._longer(limit)
        if column == "effective_from":
            return format_date_vn(limit.effective_from)
        return limit.source

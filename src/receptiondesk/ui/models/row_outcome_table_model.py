"""The row report of an old logbook's import as a Qt table model: one line per row of the sheet — its number in the
sheet, what becomes of it, the visit's date and logbook number, and the problems found on it in the officer's
language. The wizard hands it the rows its filter keeps (all, those with warnings, those skipped)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from receptiondesk.domain.values import format_date_vn
from receptiondesk.services.excel_import import RowOutcome, RowStatus
from receptiondesk.ui.models.list_table_model import ListTableModel

#: The colour of each outcome's text: warnings in amber, skipped rows in red, rows imported before in grey.
STATUS_COLOURS = {RowStatus.IMPORTED: "#1b5e20", RowStatus.WARNED: "#8a5300", RowStatus.SKIPPED: "#b00020",
                  RowStatus.ALREADY: "#666666"}


class RowOutcomeTableModel(ListTableModel):
    """Items are `RowOutcome`s; the problems are rendered when a row is drawn (a sheet may have 50,000 rows)."""

    COLUMNS = ("row", "status", "visit_date", "logbook_no", "problems")

    def __init__(self, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._headers = (self.tr("Row"), self.tr("Outcome"), self.tr("Visit date"), self.tr("No."),
                         self.tr("What was found"))
        self._labels = {RowStatus.IMPORTED: self.tr("To import"),
                        RowStatus.WARNED: self.tr("With warnings"),
                        RowStatus.SKIPPED: self.tr("Skipped"),
                        RowStatus.ALREADY: self.tr("Imported before")}

    def status_label(self, status: RowStatus) -> str:
        return self._labels[status]

    def problems_text(self, outcome: RowOutcome, separator: str = " ") -> str:
        """The row's problems in the officer's language, each once, as sentences."""
        sentences = (text[:1].upper() + text[1:] for text in (p.render(self._lang) for p in outcome.problems))
        return separator.join(dict.fromkeys(sentences))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        outcome: RowOutcome | None = self.item(index.row()) if index.isValid() else None
        if outcome is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "row":
                return outcome.number
            if column == "status":
                return self._labels[outcome.status]
            if column == "visit_date":
                return format_date_vn(date.fromisoformat(outcome.visit_date)) if outcome.visit_date else ""
            if column == "logbook_no":
                return "" if outcome.logbook_no is None else outcome.logbook_no
            return self.problems_text(outcome)
        if role == Qt.ItemDataRole.ToolTipRole and column == "problems" and outcome.problems:
            return self.problems_text(outcome, "\n")
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            return QColor(STATUS_COLOURS[outcome.status])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("row", "logbook_no"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

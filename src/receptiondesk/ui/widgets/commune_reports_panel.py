"""The reports the communes submitted, as their packages carried them, on the upper level's consolidation screen:
each one's period and dates, its PDF saved as sent, and its acceptance, which locks the commune's period."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget

from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.report_tables import ReportKind, report_name
from receptiondesk.errors import UserError
from receptiondesk.interchange.spreadsheet import write_bytes
from receptiondesk.services.desk import Desk
from receptiondesk.ui.look import (
    DONE_STYLE,
    ERROR_STYLE,
    NOTE_STYLE,
    ask_yes_no,
    may,
    moment,
    read_only_table,
    show_message,
    start_folder,
    text_label,
)

COLUMNS = ("commune", "report", "period", "submitted", "accepted")
WIDTHS = (190, 330, 140, 100)


class CommuneReportsPanel(QWidget):
    """A table of the reports received, newest first, with "Accept (lock the period)" and "Save the PDF…"."""

    def __init__(self, desk: Desk, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._lang = lang
        self.rows: list[dict[str, Any]] = []
        self.table = read_only_table(len(COLUMNS), WIDTHS)
        self.table.setHorizontalHeaderLabels([self.tr("Commune"), self.tr("Report"), self.tr("Period"),
                                              self.tr("Submitted"), self.tr("Accepted")])
        self.accept_button = QPushButton(self.tr("Accept (lock the period)"))
        self.accept_button.setToolTip(self.tr(
            "The report is taken into the upper level's figures: later changes to that period arrive as amendments "
            "and consolidated reports name them"))
        self.pdf_button = QPushButton(self.tr("Save the PDF as sent…"))
        self.note = text_label(style=NOTE_STYLE)
        self.message = text_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.note)
        self.accept_button.clicked.connect(self.accept_chosen)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.table.itemSelectionChanged.connect(self._enable)
        self._enable()

    def refresh(self) -> None:
        """Read the reports received (none on a desk not in consolidation mode)."""
        self.accept_button.setVisible(may(self.desk, Permission.RECORD))
        self.pdf_button.setVisible(may(self.desk, Permission.EXPORT))
        try:
            self.rows = self.desk.consolidation.commune_reports() if self.desk.consolidation.is_upper() else []
        except UserError as error:
            self.rows = []
            self._say(error.render(self._lang), ERROR_STYLE)
        names = {c.unit_code: c.unit_name for c in self.desk.consolidation.communes()} if self.rows else {}
        self.table.setRowCount(len(self.rows))
        for row, item in enumerate(self.rows):
            values = (f"{item['unit_code']} {names.get(item['unit_code'], '')}".strip(), _title(item),
                      item["period_label"], moment(item["submitted_on"]),
                      moment(item["accepted_at"]) if item["accepted_at"] else self.tr("not yet"))
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column == 4 and not item["accepted_at"]:
                    cell.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, cell)
        self.note.setText(self.tr(
            "A commune's report arrives with its next package. Compare it with the figures recomputed from its "
            "records (Reports screen, “All units (consolidated)”), then accept it.") if self.rows else self.tr(
            "No commune has sent a report yet: a report marked submitted at the commune arrives with its next "
            "package."))
        self._enable()

    def chosen(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def accept_chosen(self) -> None:
        """Accept the chosen report once confirmed: its commune's period is locked from now on."""
        item = self.chosen()
        if item is None or item["accepted_at"] or not may(self.desk, Permission.RECORD):
            return
        if not ask_yes_no(self, self.tr("Reports submitted"), self.tr(
                "Accept “{title}” of {unit}? Its period is locked: changes the commune sends later for that "
                "period will be shown as amendments.").format(title=_title(item), unit=item["unit_code"])):
            return
        try:
            self.desk.consolidation.accept_report(item["id"])
        except UserError as error:
            self._say(error.render(self._lang), ERROR_STYLE)
            return
        self.refresh()
        self._say(self.tr("Accepted: {title} of {unit}; the period is locked.").format(
            title=_title(item), unit=item["unit_code"]), DONE_STYLE)

    def save_pdf(self) -> None:
        """Save the chosen report's PDF exactly as the commune sent it (the viewing is audited)."""
        item = self.chosen()
        if item is None or not item["has_pdf"] or not may(self.desk, Permission.EXPORT):
            return
        folder = start_folder()
        name = f"BaoCao_{item['unit_code']}_{item['kind']}_{item['period_start']}_{item['period_end']}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the PDF as sent"), str(Path(folder) / name),
                                              self.tr("PDF files (*.pdf)"))
        if not path:
            return
        try:
            data = self.desk.consolidation.commune_report_pdf(item["id"])
            if data is not None:
                write_bytes(Path(path), data)
        except UserError as error:
            self._say(error.render(self._lang), ERROR_STYLE)
            return
        self._say(self.tr("Saved to {path}.").format(path=path), DONE_STYLE)

    def _enable(self) -> None:
        item = self.chosen()
        self.accept_button.setEnabled(item is not None and not item["accepted_at"])
        self.pdf_button.setEnabled(item is not None and bool(item["has_pdf"]))

    def _say(self, text: str, style: str) -> None:
        show_message(self.message, text, style)


def _title(item: dict[str, Any]) -> str:
    """The report's name ("Kết quả tiếp công dân"); its period has a column of its own."""
    try:
        return report_name(ReportKind(item["kind"]))
    except ValueError:
        return item["kind"]

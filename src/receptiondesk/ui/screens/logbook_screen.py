"""The logbook screen: every visit, newest first, searchable with or without diacritics."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from receptiondesk.services.desk import Desk
from receptiondesk.ui.models.visit_table_model import VisitTableModel

SEARCH_LIMIT = 1000
SEARCH_DELAY_MS = 250
COLUMN_WIDTHS = (80, 90, 170, 200, 330, 90, 70)


class LogbookScreen(QWidget):
    """The logbook table with a search box; rows are loaded a page at a time."""

    def __init__(self, desk: Desk, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name, address or content (with or without diacritics)"))
        self.search.setClearButtonEnabled(True)
        self.model = VisitTableModel(desk.logbook, lang, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.count)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)

    def title(self) -> str:
        return self.tr("Logbook")

    def clear(self) -> None:
        """Forget what is shown (the desk was locked)."""
        self.model.set_ids([])
        self.count.clear()

    def refresh(self) -> None:
        text = self.search.text().strip()
        if text:
            ids = [row["id"] for row in self.desk.logbook.search(text, limit=SEARCH_LIMIT)]
            self.count.setText(self.tr("%n visit(s) found", "", len(ids)))
        else:
            ids = self.desk.logbook.visit_ids()
            self.count.setText(self.tr("Logbook: %n visit(s)", "", len(ids)))
        self.model.set_ids(ids)

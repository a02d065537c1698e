"""The desk's main window: the newest visits of the logbook, searchable without diacritics."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.services.desk import Desk
from receptiondesk.ui.models.visit_table_model import VisitTableModel

SEARCH_LIMIT = 1000
SEARCH_DELAY_MS = 250


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    """Lists the logbook, newest first; typing in the search box filters it (with or without diacritics)."""

    def __init__(self, desk: Desk, lang: str = "vi") -> None:
        super().__init__()
        self.desk = desk
        commune = desk.context.settings.commune
        unit = commune.commune_name if commune else ""
        self.setWindowTitle(_tr("Bàn tiếp công dân") + (f" — {unit}" if unit else ""))
        self.search = QLineEdit()
        self.search.setPlaceholderText(_tr("Tìm theo tên, địa chỉ, nội dung (gõ có dấu hoặc không dấu)"))
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
        for column, width in enumerate((80, 90, 170, 200, 330, 90, 70)):
            self.table.setColumnWidth(column, width)
        self.count = QLabel()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.count)
        self.setCentralWidget(central)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.resize(1280, 720)
        self.refresh()

    def refresh(self) -> None:
        text = self.search.text().strip()
        if text:
            ids = [row["id"] for row in self.desk.logbook.search(text, limit=SEARCH_LIMIT)]
            self.count.setText(_tr("Tìm thấy {n} lượt tiếp").format(n=len(ids)))
        else:
            ids = self.desk.logbook.visit_ids()
            self.count.setText(_tr("Sổ tiếp công dân: {n} lượt tiếp").format(n=len(ids)))
        self.model.set_ids(ids)

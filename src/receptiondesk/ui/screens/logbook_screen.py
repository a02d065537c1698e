"""The logbook screen: every visit, newest first, searchable with or without diacritics."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.errors import UserError
from receptiondesk.services.desk import Desk
from receptiondesk.ui.models.visit_table_model import VisitTableModel
from receptiondesk.ui.workers.list_ids_worker import ListIdsWorker

SEARCH_LIMIT = 1000
SEARCH_DELAY_MS = 250
COLUMN_WIDTHS = (80, 90, 170, 200, 330, 90, 70)


class LogbookScreen(QWidget):
    """The logbook table with a search box; rows are loaded a page at a time."""

    def __init__(self, desk: Desk, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._lang = lang
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
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: SQLite cannot say how far it is
        self.progress.setMaximumWidth(200)
        self.cancel_button = QPushButton(self.tr("Stop loading"))
        self.cancel_button.clicked.connect(self.cancel_loading)
        footer = QHBoxLayout()
        footer.addWidget(self.count, 1)
        footer.addWidget(self.progress)
        footer.addWidget(self.cancel_button)
        self._show_loading(False)
        self._worker: ListIdsWorker | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addLayout(footer)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)

    def title(self) -> str:
        return self.tr("Logbook")

    def clear(self) -> None:
        """Forget what is shown (the desk was locked)."""
        self.cancel_loading()
        self.model.set_ids([])
        self.count.clear()

    def refresh(self) -> None:
        text = self.search.text().strip()
        self.cancel_loading()
        if text:
            ids = [row["id"] for row in self.desk.logbook.search(text, limit=SEARCH_LIMIT)]
            self.count.setText(self.tr("%n visit(s) found", "", len(ids)))
            self.model.set_ids(ids)
            return
        # The whole logbook can hold a million visits at the upper level: read its ids off the GUI thread.
        logbook = self.desk.logbook
        worker = ListIdsWorker(self.desk.context.database.reader, lambda conn: logbook.visit_ids(connection=conn),
                               self)
        worker.loaded.connect(self._loaded)
        worker.failed.connect(self._failed)
        worker.finished.connect(lambda: self._show_loading(False) if worker is self._worker else None)
        self._worker = worker
        self.count.setText(self.tr("Loading the logbook…"))
        self._show_loading(True)
        worker.start()

    def _loaded(self, ids: list[int]) -> None:
        self.model.set_ids(ids)
        self.count.setText(self.tr("Logbook: %n visit(s)", "", len(ids)))

    def _failed(self, error: Exception) -> None:
        reason = error.render(self._lang) if isinstance(error, UserError) else str(error)
        self.count.setText(self.tr("The logbook could not be read: {reason}").format(reason=reason))

    def _show_loading(self, loading: bool) -> None:
        self.progress.setVisible(loading)
        self.cancel_button.setVisible(loading)

    def cancel_loading(self) -> None:
        """Stop a running read (Stop loading, a new search, or the desk locking)."""
        worker, self._worker = self._worker, None
        if worker is not None and worker.isRunning():
            worker.cancel()
            worker.wait()
            self.count.setText(self.tr("Loading stopped."))
        self._show_loading(False)

    def close_screen(self) -> None:
        self.cancel_loading()
        self.close()


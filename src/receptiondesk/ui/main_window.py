"""The desk's main window: the newest visits of the logbook, searchable without diacritics."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.services.desk import Desk
from receptiondesk.ui.dialogs.login_dialog import LoginDialog
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
        self._idle = QTimer(self, singleShot=True)
        self._idle.timeout.connect(self.lock)
        minutes = desk.context.settings.auto_lock_minutes
        if minutes:
            self._idle.setInterval(minutes * 60_000)
            QApplication.instance().installEventFilter(self)
            self._idle.start()
        self._lang = lang
        self.refresh()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """Any key or mouse action restarts the idle timer."""
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                            QEvent.Type.Wheel) and self._idle.interval():
            self._idle.start()
        return False

    def lock(self) -> None:
        """Idle too long: sign out and ask for the password again; nothing shows until then."""
        self.desk.logout()
        self.model.set_ids([])
        self.hide()
        if LoginDialog(self.desk, self._lang).exec():
            self.show()
            self.refresh()
            self._idle.start()
        else:
            self.close()

    def refresh(self) -> None:
        text = self.search.text().strip()
        if text:
            ids = [row["id"] for row in self.desk.logbook.search(text, limit=SEARCH_LIMIT)]
            self.count.setText(_tr("Tìm thấy {n} lượt tiếp").format(n=len(ids)))
        else:
            ids = self.desk.logbook.visit_ids()
            self.count.setText(_tr("Sổ tiếp công dân: {n} lượt tiếp").format(n=len(ids)))
        self.model.set_ids(ids)

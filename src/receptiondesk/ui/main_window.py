"""The desk's main window: navigation between the screens, a status bar, idle lock, and the desk file's watch."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
)

from receptiondesk.domain.accounts import Permission
from receptiondesk.messages import enum_label
from receptiondesk.services.desk import Desk
from receptiondesk.ui.dialogs.about_dialog import AboutDialog
from receptiondesk.ui.dialogs.login_dialog import LoginDialog
from receptiondesk.ui.screens.cases_screen import CasesScreen
from receptiondesk.ui.screens.consolidation_screen import ConsolidationScreen
from receptiondesk.ui.screens.followup_screen import FollowupScreen
from receptiondesk.ui.screens.home_screen import HomeScreen
from receptiondesk.ui.screens.intake_screen import IntakeScreen
from receptiondesk.ui.screens.logbook_screen import LogbookScreen
from receptiondesk.ui.screens.reports_screen import ReportsScreen
from receptiondesk.ui.screens.sessions_screen import SessionsScreen
from receptiondesk.ui.screens.settings_screen import SettingsScreen
from receptiondesk.ui.screens.sync_screen import SyncScreen

#: How often the desk file's presence is checked (a USB drive can be pulled out at any time).
FILE_WATCH_MS = 3000
LAYOUT_KEY = "main_window"
#: The consolidation screen (upper-level desks only) keeps a key of its own, so every other screen keeps its number.
CONSOLIDATION_SHORTCUT = "Ctrl+0"


def window_settings() -> QSettings:
    """Per-user window layout and language, kept by Qt outside the desk file."""
    return QSettings("ReceptionDesk", "ReceptionDesk")


class MainWindow(QMainWindow):
    """A navigation list on the left and one screen at a time on the right; screens the user's role
    cannot use are not shown."""

    def __init__(self, desk: Desk, lang: str = "vi") -> None:
        super().__init__()
        self.desk = desk
        self._lang = lang
        commune = desk.context.settings.commune
        unit = commune.commune_name if commune else ""
        title = self.tr("Citizen reception desk") + (f" — {unit}" if unit else "")
        self.setWindowTitle(f"DEMO — {title}" if desk.context.settings.demo else title)
        session = desk.context.require_session()
        self.screens = []
        self.home = self._add(HomeScreen(desk, lang, self)) if session.user.may(Permission.READ) else None
        self.intake = self._add(IntakeScreen(desk, lang, self)) if session.user.may(Permission.RECORD) else None
        self.logbook = self._add(LogbookScreen(desk, lang, self)) if session.user.may(Permission.READ) else None
        self.cases = self._add(CasesScreen(desk, lang, self)) if session.user.may(Permission.READ) else None
        self.sessions = self._add(SessionsScreen(desk, lang, self)) if session.user.may(Permission.READ) else None
        self.followup = self._add(FollowupScreen(desk, lang, self)) if session.user.may(Permission.READ) else None
        self.reports = self._add(ReportsScreen(desk, lang, self)) if session.user.may(Permission.READ) else None
        self.sync = self._add(SyncScreen(desk, lang, self)) \
            if session.user.may(Permission.EXPORT) or session.user.may(Permission.RECORD) else None
        self.consolidation = self._add(ConsolidationScreen(desk, lang, self)) \
            if session.user.may(Permission.READ) and desk.consolidation.is_upper() else None
        self.settings = self._add(SettingsScreen(desk, lang, self)) if session.user.may(Permission.ADMINISTER) else None
        if self.followup is not None and self.cases is not None:
            self.followup.case_requested.connect(self.cases.open_case)  # the case with its whole history
        if self.settings is not None:
            self.settings.consolidation_requested.connect(self.show_consolidation)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setMaximumWidth(200)
        self.stack = QStackedWidget()
        for row, screen in enumerate(self.screens):
            self._place(screen, row)
        self.navigation.currentRowChanged.connect(self.show_screen)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([150, 1000])
        self.setCentralWidget(self.splitter)
        if self.intake is not None:
            QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_visit)
        if self.logbook is not None:
            QShortcut(QKeySequence.StandardKey.Find, self, activated=self.find_in_logbook)
        self._idle = QTimer(self, singleShot=True)
        self._idle.timeout.connect(self.lock)
        minutes = desk.context.settings.auto_lock_minutes
        if minutes:
            self._idle.setInterval(minutes * 60_000)
            QApplication.instance().installEventFilter(self)
            self._idle.start()
        self._file_watch = QTimer(self, interval=FILE_WATCH_MS)
        self._file_watch.timeout.connect(self.check_desk_file)
        self._file_watch.start()
        self._file_lost = False
        self.resize(1280, 720)
        self._restore_layout()
        self._build_status_bar()
        self.show_screen(0)  # the home screen fills the status bar from its own figures
        if self.stack.currentWidget() is not self.home:
            self.update_status()

    def _add(self, screen):
        self.screens.append(screen)
        return screen

    def _shortcut(self, screen) -> str:
        """Ctrl+1, Ctrl+2… in the order of the navigation; the consolidation screen has Ctrl+0 whatever its place."""
        if screen is self.consolidation:
            return CONSOLIDATION_SHORTCUT
        numbered = [s for s in self.screens if s is not self.consolidation]
        return f"Ctrl+{numbered.index(screen) + 1}"

    def _place(self, screen, row: int) -> None:
        """Put `screen` (already in self.screens at `row`) in the navigation and the stack, with its shortcut."""
        keys = self._shortcut(screen)
        item = QListWidgetItem(screen.title())
        item.setToolTip(keys)
        self.stack.insertWidget(row, screen)
        self.navigation.insertItem(row, item)
        QShortcut(QKeySequence(keys), self, activated=lambda: self.show_screen(self.screens.index(screen)))

    # -- status bar ------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.unit_label = QLabel()
        self.user_label = QLabel()
        self.file_label = QLabel()
        self.overdue_label = QLabel()
        for label in (self.unit_label, self.user_label, self.file_label):
            bar.addWidget(label)
        if self.desk.context.settings.demo:  # never mistaken for the real desk, even without a title bar
            self.demo_label = QLabel(self.tr("DEMO — invented data"))
            self.demo_label.setStyleSheet("color: white; background: #b00020; font-weight: bold; padding: 1px 6px;")
            bar.addPermanentWidget(self.demo_label)
        bar.addPermanentWidget(self.overdue_label)
        about = QPushButton(self.tr("About (F1)"))
        about.setFlat(True)
        about.clicked.connect(self.show_about)
        bar.addPermanentWidget(about)
        QShortcut(QKeySequence(Qt.Key.Key_F1), self, activated=self.show_about)

    def show_about(self) -> AboutDialog:
        """The program's version, the desk's data file and the licences (F1)."""
        dialog = AboutDialog(self.desk.database.path, self)
        dialog.open()
        return dialog

    def update_status(self) -> None:
        """Unit, user, file and the overdue count (from the home screen's figures when it has them)."""
        context = self.desk.context
        commune = context.settings.commune
        self.unit_label.setText(commune.commune_name if commune else "")
        session = context.session
        if session is not None:
            role = enum_label("role", session.user.role, self._lang)
            self.user_label.setText(f"{session.user.full_name} ({role})")
            summary = self.home.summary if self.home is not None and self.home.summary else None
            overdue = (summary or self.desk.dashboard.summary()).overdue_total
            self.overdue_label.setText(self.tr("Overdue: %n", "", overdue))
            self.overdue_label.setStyleSheet("color: #b00020; font-weight: bold;" if overdue else "")
        self.file_label.setText(str(context.database.path))
        self.file_label.setToolTip(self.tr("The desk's data file"))

    # -- navigation ------------------------------------------------------------------------
    def show_screen(self, index: int) -> None:
        if not 0 <= index < len(self.screens):
            return
        if self.navigation.currentRow() != index:
            self.navigation.setCurrentRow(index)  # re-enters through currentRowChanged
            return
        screen = self.screens[index]
        self.stack.setCurrentWidget(screen)
        screen.refresh()
        screen.setFocus()
        if screen is self.home:
            self.update_status()

    def show_consolidation(self) -> None:
        """Show the consolidation screen; on a desk not (yet) in consolidation mode it is added for this session,
        right after the sync screen, to explain the mode and let an administrator turn it on."""
        if self.consolidation is None:
            anchor = self.sync or self.reports
            row = self.screens.index(anchor) + 1 if anchor is not None else len(self.screens)
            self.consolidation = ConsolidationScreen(self.desk, self._lang, self)
            self.screens.insert(row, self.consolidation)
            self._place(self.consolidation, row)
        self.show_screen(self.screens.index(self.consolidation))

    def new_visit(self) -> None:
        self.show_screen(self.screens.index(self.intake))
        self.intake.start_new()

    def find_in_logbook(self) -> None:
        self.show_screen(self.screens.index(self.logbook))
        self.logbook.search.setFocus()
        self.logbook.search.selectAll()

    # -- idle lock and the desk file ---------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """Any key or mouse action restarts the idle timer."""
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                            QEvent.Type.Wheel) and self._idle.interval():
            self._idle.start()
        return False

    def lock(self) -> None:
        """Idle too long: keep what was typed as a draft, sign out, and ask for the password again."""
        if self.intake is not None:
            self.intake.keep_draft()
        self.desk.logout()
        for screen in self.screens:
            screen.clear()
        self.hide()
        if LoginDialog(self.desk, self._lang).exec():
            self.show()
            self.update_status()
            self.show_screen(self.navigation.currentRow())
            self._idle.start()
        else:
            self.close()

    def check_desk_file(self) -> bool:
        """Is the desk file still where it was opened? If not (a pulled USB drive), say so once and keep the form."""
        present = self.desk.context.database.path.exists()
        if not present and not self._file_lost:
            self._file_lost = True
            if self.intake is not None:
                self.intake.keep_draft()
            QMessageBox.critical(self, self.tr("Citizen reception desk"), self.tr(
                "The desk's data file can no longer be reached:\n{path}\n\nWhat you typed is kept as a draft. "
                "Put the drive back (or restore the file), then close and reopen the program.").format(
                path=str(self.desk.context.database.path)))
        elif present:
            self._file_lost = False
        return present

    # -- layout ----------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        stored = window_settings()
        geometry = stored.value(f"{LAYOUT_KEY}/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = stored.value(f"{LAYOUT_KEY}/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        stored = window_settings()
        stored.setValue(f"{LAYOUT_KEY}/geometry", self.saveGeometry())
        stored.setValue(f"{LAYOUT_KEY}/splitter", self.splitter.saveState())
        if self.intake is not None and self.desk.context.session is not None:
            self.intake.keep_draft()
        self._file_watch.stop()
        self._idle.stop()
        for screen in self.screens:  # stop timers and worker threads before the desk file closes
            if hasattr(screen, "close_screen"):
                screen.close_screen()
        super().closeEvent(event)

"""Starting the GUI: the Qt application, error reporting, first-run set-up, then the main window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from receptiondesk.errors import UserError
from receptiondesk.messages import LANGUAGES
from receptiondesk.messages import text
from receptiondesk.services.audit import ChainReport, ChainScan
from receptiondesk.services.desk import Desk
from receptiondesk.ui.app_icon import app_icon
from receptiondesk.ui.dialogs.setup_wizard import DEMO, SetupWizard
from receptiondesk.ui.dialogs.login_dialog import LoginDialog
from receptiondesk.ui.dialogs.recovery_sheet_dialog import RecoverySheetDialog
from receptiondesk.ui.dialogs.restore_dialog import offer_restore_at_start
from receptiondesk.ui.i18n import install_font, install_language
from receptiondesk.ui.main_window import MainWindow, window_settings
from receptiondesk.ui.workers.audit_check_worker import AuditCheckWorker
from receptiondesk.ui.workers.startup_check_worker import back_up_on_exit, start_startup_check

log = logging.getLogger(__name__)


def install_error_hook(lang: str, log_file: Path) -> None:
    """An unexpected error is logged with its traceback and shown with the log file's path, never as a traceback."""

    def hook(kind, value, tb) -> None:
        if isinstance(value, UserError):
            QMessageBox.warning(None, "ReceptionDesk", value.render(lang))
            return
        log.error("unexpected error", exc_info=(kind, value, tb))
        QMessageBox.critical(None, "ReceptionDesk", text("error.unexpected", lang, log=str(log_file)))

    sys.excepthook = hook


def check_audit_chain(desk: Desk, window: QWidget, lang: str) -> AuditCheckWorker:
    """Start verifying the audit chain off the GUI thread; a broken chain is shown when the check ends."""
    scan = desk.audit.start_verification()
    worker = AuditCheckWorker(scan, desk.context.database.reader, window)
    worker.checked.connect(lambda report: report_chain(desk, scan, report, window, lang))
    QApplication.instance().aboutToQuit.connect(worker.wait)
    worker.start()
    return worker


def report_chain(desk: Desk, scan: ChainScan, report: ChainReport | None, parent: QWidget, lang: str) -> None:
    """The start-up check's outcome: a sound chain moves the checkpoint; a broken one is shown, never hidden."""
    if report is None:
        return
    desk.audit.finish_verification(scan, report)
    if not report.sound:
        QMessageBox.warning(parent, "ReceptionDesk", text("check.audit_chain", lang, entry=report.broken_at,
                                                          reason=report.reason))


def start_application(lang: str | None) -> tuple[QApplication, str]:
    """The Qt application with the bundled font and the chosen language (given, else from Settings, else vi)."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("ReceptionDesk")
    app.setWindowIcon(app_icon())
    lang = lang or str(window_settings().value("language", "vi"))
    lang = lang if lang in LANGUAGES else "vi"
    install_font(app)
    install_language(app, lang)
    return app, lang


def run_gui(open_desk: Callable[[], Desk], *, lang: str | None, log_file: Path,
            open_demo: Callable[[], Desk] | None = None) -> int:
    app, lang = start_application(lang)
    install_error_hook(lang, log_file)
    try:
        desk = open_desk()
    except UserError as error:
        if not offer_restore_at_start(error, lang):  # a damaged file: a backup and the recovery key
            QMessageBox.critical(None, "ReceptionDesk", error.render(lang))
            return 2
        desk = open_desk()  # the restored file
    with desk:
        outcome = sign_in(desk, lang)
        if outcome == SIGNED_IN:
            return run_window(app, desk, lang)
    if outcome != DEMO or open_demo is None:
        return 0
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # the first time, the demo desk is made
    try:
        demo = open_demo()
    finally:
        QApplication.restoreOverrideCursor()
    with demo:
        return run_window(app, demo, lang)


#: How the start ends: signed in to the desk, the demonstration desk asked for, or quit.
SIGNED_IN, QUIT = "signed_in", "quit"


def sign_in(desk: Desk, lang: str) -> str:
    """The login dialog; on a desk without accounts, the set-up wizard (then the recovery sheet), which may ask for
    the demonstration desk instead."""
    if desk.accounts.has_users:
        login = LoginDialog(desk, lang)
        log.info("login dialog shown")  # exec() shows it at once; start-up benchmarks wait for this line
        return SIGNED_IN if login.exec() == QDialog.DialogCode.Accepted else QUIT
    wizard = SetupWizard(desk, lang)
    if wizard.exec() != QDialog.DialogCode.Accepted:
        return QUIT
    if wizard.choice == DEMO:
        return DEMO
    commune = desk.context.settings.commune
    RecoverySheetDialog(commune.commune_name if commune else "", desk.context.session.user.username,
                        wizard.recovery_key).exec()
    for note in wizard.notes:
        QMessageBox.warning(None, "ReceptionDesk", note)
    return SIGNED_IN


def run_window(app: QApplication, desk: Desk, lang: str) -> int:
    """The main window until it closes; then the backup made on exit."""
    window = MainWindow(desk, lang)
    check_audit_chain(desk, window, lang)
    start_startup_check(desk, window, lang)  # quick_check and the day's backup, off the GUI thread
    window.show()
    code = app.exec()
    if desk.context.session is not None:  # locked and closed: the key to encrypt with is gone
        back_up_on_exit(desk, lang)
    return code

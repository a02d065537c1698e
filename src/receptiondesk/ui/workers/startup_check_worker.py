"""The start-up check off the GUI thread: SQLite's quick_check of the desk file on its own read connection, then
the day's backup if none was made today. A failed check offers the way forward (restore the latest verified
backup; the damaged file is kept). Also the backup made when the program closes."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from receptiondesk.errors import UserError
from receptiondesk.messages import text
from receptiondesk.services.backups import BackupResult, check_file
from receptiondesk.services.desk import Desk

log = logging.getLogger(__name__)


class StartupCheckWorker(QThread):
    """`checked` carries the quick_check findings (an empty list: sound); then, when the file is sound and a
    backup task is given, `backed_up` carries its result (None: none was due) or `backup_failed` its UserError.
    The worker reads through its own connection and never writes: the GUI thread records the backup."""

    checked = Signal(list)
    backed_up = Signal(object)
    backup_failed = Signal(object)

    def __init__(self, open_reader: Callable[[], sqlite3.Connection],
                 backup: Callable[[sqlite3.Connection], BackupResult | None] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._open_reader = open_reader
        self._backup = backup

    def run(self) -> None:
        try:
            conn = self._open_reader()
        except (sqlite3.Error, UserError, OSError) as exc:
            self.checked.emit([str(exc)])
            return
        try:
            problems = check_file(conn)
            self.checked.emit(problems)
            if problems or self._backup is None:
                return
            try:
                self.backed_up.emit(self._backup(conn))
            except UserError as error:
                self.backup_failed.emit(error)
            except Exception:  # a bug: logged; the next start tries again
                log.exception("the day's backup failed")
        finally:
            conn.close()


def start_startup_check(desk: Desk, window: QWidget, lang: str) -> StartupCheckWorker:
    """Check the file and make the day's backup off the GUI thread; the outcome is shown when it ends."""
    worker = StartupCheckWorker(desk.context.database.reader, desk.backups.daily, window)
    worker.checked.connect(lambda problems: report_check(desk, problems, window, lang))
    worker.backed_up.connect(lambda result: record_backup(desk, result, window, lang))
    worker.backup_failed.connect(lambda error: QMessageBox.warning(
        window, "ReceptionDesk", text("ui.startup.backup_failed", lang, reason=error.render(lang))))
    QApplication.instance().aboutToQuit.connect(worker.wait)
    worker.start()
    return worker


def report_check(desk: Desk, problems: list[str], window: QWidget, lang: str) -> bool:
    """A failed check is never hidden: say so, then offer to restore the latest verified backup. True if restored."""
    if not problems:
        return False
    from receptiondesk.ui.dialogs.restore_dialog import RestoreDialog

    message = text("ui.startup.check_failed", lang, path=str(desk.context.database.path),
                   detail="\n".join(problems[:5]))
    dialog = RestoreDialog(lang, window, desk=desk, problem=message)
    if dialog.exec() != RestoreDialog.DialogCode.Accepted:
        return False
    for screen in getattr(window, "screens", []):  # the main window's screens show the restored data
        if hasattr(screen, "refresh"):
            screen.refresh()
    return True


def record_backup(desk: Desk, result: BackupResult | None, window: QWidget | None, lang: str) -> None:
    """Back on the GUI thread: the backup goes into the audit log; a failed second copy is said."""
    if result is None:
        return
    try:
        desk.backups.record(result)
    except UserError as error:
        log.warning("the backup could not be recorded: %s", error)
    if result.second_problem is not None:
        QMessageBox.warning(window, "ReceptionDesk", text("ui.exit.second_failed", lang,
                                                          reason=result.second_problem.render(lang)))


def back_up_on_exit(desk: Desk, lang: str, parent: QWidget | None = None) -> BackupResult | None:
    """The backup made when the window closes (a wait cursor meanwhile); a failure is said, never fatal."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = desk.backups.on_exit()
    except UserError as error:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, "ReceptionDesk", text("ui.exit.backup_failed", lang, reason=error.render(lang)))
        return None
    QApplication.restoreOverrideCursor()
    if result is not None and result.second_problem is not None:
        QMessageBox.warning(parent, "ReceptionDesk", text("ui.exit.second_failed", lang,
                                                          reason=result.second_problem.render(lang)))
    return result

"""Runs one report task (build a report, render its PDF, write it to a file) on a worker thread, over a desk of
its own that reads the desk file through a separate read-only connection, so the GUI thread keeps the desk's
connection to itself; cancellable at SQLite's next progress check (a cancelled task emits nothing)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from typing import Any

import sqlite_utils
from PySide6.QtCore import QThread, Signal

from receptiondesk.errors import UserError
from receptiondesk.services.desk import Desk
from receptiondesk.storage.database import Database

log = logging.getLogger(__name__)

#: SQLite calls the progress handler every this many virtual-machine steps; a cancel takes effect there.
PROGRESS_STEPS = 20_000


class ReportWorker(QThread):
    """`task(reading_desk)` runs off the GUI thread with the signed-in user's session; `done` carries what it
    returns, `failed` a UserError (a refused permission, a full disk…) or the unexpected exception (logged).
    The task must only read the desk: its connection is read-only. The worker never touches a widget."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, desk: Desk, task: Callable[[Desk], Any], parent=None) -> None:
        super().__init__(parent)
        self._path = desk.context.database.path
        self._open_reader = desk.context.database.reader
        self._clock = desk.context.clock
        self._rules = desk.context.rules
        self._session = desk.context.session
        self._task = task
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def run(self) -> None:
        try:
            conn = self._open_reader()
        except (sqlite3.Error, UserError) as exc:
            self.failed.emit(exc)
            return
        try:
            conn.set_progress_handler(lambda: 1 if self._cancelled else 0, PROGRESS_STEPS)
            reading = Desk(Database(self._path, sqlite_utils.Database(conn, execute_plugins=False), None),
                           clock=self._clock)
            reading.context.rules = self._rules
            reading.sign_in(self._session)
            result = self._task(reading)
        except UserError as exc:
            if not self._cancelled:
                self.failed.emit(exc)
            return
        except Exception as exc:  # a bug or the disk: logged with its traceback, shown as a sentence
            if not self._cancelled:
                log.exception("report task failed")
                self.failed.emit(exc)
            return
        finally:
            conn.close()
        if not self._cancelled:
            self.done.emit(result)

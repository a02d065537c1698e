"""Runs one task over the desk on a worker thread (a report built, rendered or written; a list exported), over a
desk of its own with a separate connection to the desk file, so the GUI thread keeps the desk's connection to
itself. A task that only reads gets a read-only connection, cancellable at SQLite's next progress check; a task that
writes (a list export is audited) gets a writable connection and stops when it next asks `cancelled`."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from typing import Any

import sqlite_utils
from PySide6.QtCore import Signal

from receptiondesk.errors import UserError
from receptiondesk.services.desk import Desk
from receptiondesk.storage.database import Database, open_database
from receptiondesk.ui.workers.cancellable_thread import CancellableThread

log = logging.getLogger(__name__)

class DeskTaskWorker(CancellableThread):
    """`task(desk)` runs off the GUI thread with the signed-in user's session.

    `done` carries what the task returns (also when a cancel came too late to stop it: its work is done);
    `failed` a UserError (a refused permission, a full disk…) or the unexpected exception (logged), unless the task
    was cancelled; `progressed` what the task passed to `report_progress` (rows written, say), on the GUI thread.
    With `writes` False the task must only read the desk: its connection is read-only. The worker never touches a
    widget."""

    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int)

    def __init__(self, desk: Desk, task: Callable[[Desk], Any], parent=None, *, writes: bool = False) -> None:
        super().__init__(parent)
        self._path = desk.context.database.path
        self._open_reader = desk.context.database.reader
        self._clock = desk.context.clock
        self._rules = desk.context.rules
        self._session = desk.context.session
        self._task = task
        self._writes = writes

    def report_progress(self, count: int) -> None:
        """For the task: say how far it is (the count reaches the GUI thread through `progressed`)."""
        self.progressed.emit(count)

    def run(self) -> None:
        try:
            database = self._open()
        except (sqlite3.Error, UserError) as exc:
            if not self._cancelled:
                self.failed.emit(exc)
            return
        try:
            desk = Desk(database, clock=self._clock)
            desk.context.rules = self._rules
            desk.sign_in(self._session)
            result = self._task(desk)
        except UserError as exc:
            if not self._cancelled:
                self.failed.emit(exc)
            return
        except Exception as exc:  # a bug or the disk: logged with its traceback, shown as a sentence
            if not self._cancelled:
                log.exception("desk task failed")
                self.failed.emit(exc)
            return
        finally:
            database.close()
        self.done.emit(result)

    def _open(self) -> Database:
        """The task's own database: writable (no lock: this process already holds the desk's), or read-only and
        interrupted by a cancel."""
        if self._writes:
            return open_database(self._path, lock=False)
        conn = self.interruptible(self._open_reader)
        try:
            return Database(self._path, sqlite_utils.Database(conn, execute_plugins=False), None)
        except BaseException:
            conn.close()
            raise

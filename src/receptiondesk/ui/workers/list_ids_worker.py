"""Reads a long list's ids (the whole logbook of a province file) on a worker thread, cancellable."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QThread, Signal

from receptiondesk.errors import UserError

log = logging.getLogger(__name__)

#: SQLite calls the progress handler every this many virtual-machine steps; a cancel takes effect there.
PROGRESS_STEPS = 20_000


class ListIdsWorker(QThread):
    """Runs `read(connection)` on its own read-only connection; `loaded` carries the ids, `failed` the error
    (a UserError such as a refused permission, or the database's own)."""

    loaded = Signal(list)
    failed = Signal(object)

    def __init__(self, open_reader: Callable[[], sqlite3.Connection],
                 read: Callable[[sqlite3.Connection], list[int]], parent=None) -> None:
        super().__init__(parent)
        self._open_reader = open_reader
        self._read = read
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def run(self) -> None:
        try:
            conn = self._open_reader()
        except sqlite3.Error as exc:
            self.failed.emit(exc)
            return
        try:
            conn.set_progress_handler(lambda: 1 if self._cancelled else 0, PROGRESS_STEPS)
            ids = self._read(conn)
        except UserError as exc:
            self.failed.emit(exc)
            return
        except sqlite3.OperationalError as exc:  # "interrupted" when cancelled
            if not self._cancelled:
                log.warning("list read failed: %s", exc)
                self.failed.emit(exc)
            return
        finally:
            conn.close()
        if not self._cancelled:
            self.loaded.emit(ids)

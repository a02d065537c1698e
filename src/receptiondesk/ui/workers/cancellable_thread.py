"""A worker thread that can be told to stop, and opens read-only connections a cancel interrupts."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QThread

#: SQLite calls the progress handler every this many virtual-machine steps; a cancel takes effect there.
PROGRESS_STEPS = 20_000


class CancellableThread(QThread):
    """`cancel()` asks the work to stop; a connection from `interruptible` stops at SQLite's next progress call."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def interruptible(self, open_reader: Callable[[], sqlite3.Connection]) -> sqlite3.Connection:
        """A connection from `open_reader` that a cancel interrupts ("interrupted" OperationalError)."""
        conn = open_reader()
        try:
            conn.set_progress_handler(lambda: 1 if self._cancelled else 0, PROGRESS_STEPS)
        except BaseException:
            conn.close()
            raise
        return conn

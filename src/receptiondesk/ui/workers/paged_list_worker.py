"""Reads a long list on a worker thread (the whole logbook or case list of a province file): the first page,
then every id, on its own read-only connection; cancellable between and during the queries."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal

from receptiondesk.errors import UserError
from receptiondesk.ui.workers.cancellable_thread import CancellableThread
log = logging.getLogger(__name__)

class PagedListWorker(CancellableThread):
    """`first_page` carries the first rows (a LIMIT query, shown at once), then `loaded` every id in list order
    (an array, for scrolling and jumping to the last row); `failed` carries a UserError (a refused permission, a
    bad filter) or the database's error. A cancelled read emits nothing more. Without `read_page`, only the ids
    are read (and `first_page` is not emitted)."""

    first_page = Signal(object)
    loaded = Signal(object)
    failed = Signal(object)

    def __init__(self, open_reader: Callable[[], sqlite3.Connection],
                 read_page: Callable[[sqlite3.Connection], Sequence[dict[str, Any]]] | None,
                 read_ids: Callable[[sqlite3.Connection], Sequence[int]], parent=None) -> None:
        super().__init__(parent)
        self._open_reader = open_reader
        self._read_page = read_page
        self._read_ids = read_ids

    def run(self) -> None:
        try:
            conn = self.interruptible(self._open_reader)
        except (sqlite3.Error, UserError) as exc:
            self.failed.emit(exc)
            return
        try:
            if self._read_page is not None:
                rows = self._read_page(conn)
                if self._cancelled:
                    return
                self.first_page.emit(rows)
            ids = self._read_ids(conn)
        except UserError as exc:
            if not self._cancelled:
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

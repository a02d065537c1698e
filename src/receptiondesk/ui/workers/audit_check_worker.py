"""Verifies the audit chain from its checkpoint on a worker thread after sign-in, with its own read connection."""

from __future__ import annotations

import logging

from PySide6.QtCore import QThread, Signal

from receptiondesk.services.audit import ChainReport, ChainScan

log = logging.getLogger(__name__)


class AuditCheckWorker(QThread):
    """Runs one ChainScan off the GUI thread; `checked` carries the report (None if the read failed)."""

    checked = Signal(object)

    def __init__(self, scan: ChainScan, open_reader, parent=None) -> None:
        super().__init__(parent)
        self._scan = scan
        self._open_reader = open_reader

    def run(self) -> None:
        report: ChainReport | None = None
        try:
            conn = self._open_reader()
            try:
                report = self._scan.run(conn)
            finally:
                conn.close()
        except Exception:  # a failed read is logged; the next start or `check` verifies again
            log.exception("audit chain verification could not read the log")
        self.checked.emit(report)

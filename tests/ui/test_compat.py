"""The GUI survives PySide6 6.12.0's reference-count bug on CPython 3.11: many emits and None-returning overrides."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import receptiondesk.ui  # protects the singletons
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, Signal
app = QCoreApplication([])
class Emitter(QObject):
    fired = Signal(list)
class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()): return 10
    def columnCount(self, parent=QModelIndex()): return 2
    def data(self, index, role=Qt.ItemDataRole.DisplayRole): return None
emitter, model, seen = Emitter(), Model(), []
emitter.fired.connect(seen.append)
for _ in range(20000):
    emitter.fired.emit([1])
    model.index(0, 0).data()
print(len(seen))
"""


def test_twenty_thousand_emits_and_none_returns_do_not_crash_the_process():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "20000"

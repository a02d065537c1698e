"""The start-up audit check runs on a worker thread with its own connection and reports a broken chain."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from receptiondesk.ui import gui

pytestmark = pytest.mark.gui


def _run_check(qtbot, desk, monkeypatch):
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, message: warnings.append(message))
    window = QWidget()
    qtbot.addWidget(window)
    worker = gui.check_audit_chain(desk, window, "vi")
    with qtbot.waitSignal(worker.checked, timeout=10_000):
        pass
    worker.wait()
    return worker, warnings


def test_a_sound_chain_moves_the_checkpoint_without_a_word(qtbot, desk, monkeypatch):
    head_id = desk.audit.head()[0]
    worker, warnings = _run_check(qtbot, desk, monkeypatch)
    assert warnings == []
    assert worker.isFinished()
    scan = desk.audit.start_verification()
    assert scan.checkpoint[0] == head_id  # the next start reads only what comes after


def test_a_tampered_chain_is_reported_with_the_entry_number(qtbot, desk, monkeypatch):
    with sqlite3.connect(desk.context.database.path) as shell:
        shell.execute("UPDATE audit_log SET actor = 'người khác' WHERE id = 2")
    _, warnings = _run_check(qtbot, desk, monkeypatch)
    assert len(warnings) == 1 and "2" in warnings[0]
    assert desk.audit.start_verification().checkpoint[0] == 0  # a broken chain never becomes the checkpoint

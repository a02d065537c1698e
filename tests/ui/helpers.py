"""What the window's tests share: the fixed clock, a desk set up in a temporary folder, showing a window active,
and typing, keys and combo choices sent as key events."""

from __future__ import annotations

import datetime
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from receptiondesk.domain.values import VIETNAM_TZ
from receptiondesk.services.desk import Desk

CLOCK = lambda: datetime.datetime(2026, 3, 10, 9, 0, tzinfo=VIETNAM_TZ)  # noqa: E731  a Tuesday


@contextmanager
def open_desk(folder: Path, clock=CLOCK, *, set_up: bool = True) -> Iterator[Desk]:
    """A desk in `folder` on `clock`, set up (commune 00004, officer "canbo") unless `set_up` is False."""
    with Desk.open(folder / "desk.sqlite3", clock=clock) as opened:
        if set_up:
            opened.first_run("00004", "canbo", "Cán bộ", "mật khẩu 2026")
        yield opened


def show_active(qtbot, widget, size: tuple[int, int] | None = None):
    """Show `widget` (closed with the test), resized to `size` if given, and wait until it is the active window."""
    qtbot.addWidget(widget)
    if size is not None:
        widget.resize(*size)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    return widget


def type_text(widget, text: str) -> None:
    """Type any text (Vietnamese included) as key events, one character at a time, as an input method does."""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def key(qtbot, widget, code, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, code, modifier)


def ctrl(qtbot, widget, code) -> None:
    key(qtbot, widget, code, Qt.KeyboardModifier.ControlModifier)


def choose(qtbot, combo, label: str | None = None, *, data=None) -> None:
    """Pick a combo item with the arrow keys until its text is `label` (or, given `data`, its data is `data`)."""
    combo.setFocus()
    key(qtbot, combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if (combo.currentText() == label) if data is None else (combo.currentData() == data):
            return
        key(qtbot, combo, Qt.Key.Key_Down)
    wanted = label if data is None else data
    raise AssertionError(f"{wanted!r} not in {[combo.itemText(i) for i in range(combo.count())]}")


def open_with(monkeypatch, path) -> list[str]:
    """Answer the open dialog with `path`; the folders it started in are kept."""
    started: list[str] = []

    def answer(parent, caption, folder, *args, **kwargs):
        started.append(folder)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    return started


def folder_is(monkeypatch, path) -> list[str]:
    """Answer the folder dialog with `path`; the folders it started in are kept."""
    started: list[str] = []

    def answer(parent, caption, folder, *args, **kwargs):
        started.append(folder)
        return str(path)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", answer)
    return started


def press(qtbot, button) -> None:
    """Tab to a button and press Space, as the keyboard does."""
    button.setFocus()
    key(qtbot, button, Qt.Key.Key_Space)


def hold_progress(monkeypatch) -> threading.Event:
    """Every worker that reports its progress then waits (up to 10 s) until the returned event is set: a long task
    the test can stop halfway."""
    from receptiondesk.ui.workers.desk_task_worker import DeskTaskWorker

    pressed = threading.Event()
    report = DeskTaskWorker.report_progress

    def slow(worker, rows):
        report(worker, rows)
        pressed.wait(10)

    monkeypatch.setattr(DeskTaskWorker, "report_progress", slow)
    return pressed

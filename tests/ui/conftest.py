"""The window's tests run in the default language, Vietnamese, with the translations compiled from the .ts files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from receptiondesk import paths


def compile_translations() -> None:
    """Compile each .ts that is newer than its .qm (what `make translations` does), so pytest alone suffices."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for source in paths.resource("translations").glob("*.ts"):
        target = source.with_suffix(".qm")
        if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(source), "-qm", str(target)], check=True)


@pytest.fixture(autouse=True, scope="session")
def vietnamese(qapp):
    from receptiondesk.ui.i18n import install_font, install_language

    compile_translations()
    install_font(qapp)
    install_language(qapp, "vi")
    yield


@pytest.fixture
def desk(tmp_path):
    """A desk set up for commune 00004 with one officer, on the fixed clock; a module overrides it as it needs."""
    from tests.ui.helpers import open_desk

    with open_desk(tmp_path) as opened:
        yield opened


@pytest.fixture
def usb(tmp_path):
    """A folder standing for the USB drive a package or a file travels on."""
    folder = tmp_path / "USB"
    folder.mkdir()
    return folder


@pytest.fixture
def questions(monkeypatch):
    """The yes/no questions asked (answered as `answers` says, No when it is empty): (asked, answers)."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    answers: list[QMessageBox.StandardButton] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answers.pop(0) if answers else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked, answers

"""Every string the window shows has a finished Vietnamese translation that differs from the English source,
placeholders intact; Qt's own buttons and menus are translated too."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from receptiondesk import paths

pytestmark = pytest.mark.gui

UI_SOURCES = Path(paths.__file__).parent / "ui"
TRANSLATION = paths.resource("translations", "receptiondesk_vi.ts")
#: Sources whose Vietnamese is rightly the same text (reviewed one by one).
SAME_IN_VIETNAMESE = {"OK", "Email", "Ctrl+N", "Ctrl+S"}
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|%[0-9]")
VIETNAMESE_LETTERS = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĂÂĐÊÔƠƯ]")


def _messages(path: Path) -> dict[tuple[str, str], ElementTree.Element]:
    root = ElementTree.parse(path).getroot()
    return {(context.findtext("name"), message.findtext("source")): message.find("translation")
            for context in root.iter("context") for message in context.iter("message")}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set[tuple[str, str]]:
    """What lupdate finds in the window's code right now (so a string added without a translation fails)."""
    target = tmp_path_factory.mktemp("lupdate") / "current_vi.ts"
    sources = sorted(str(p) for p in UI_SOURCES.rglob("*.py"))
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), "-silent", "-locations", "none", *sources, "-ts", str(target)], check=True)
    return set(_messages(target))


def test_every_window_string_has_a_finished_vietnamese_translation(extracted):
    committed = _messages(TRANSLATION)
    assert len(extracted) > 200
    missing = sorted(key for key in extracted if key not in committed)
    assert not missing, f"run `make update-translations` and translate: {missing[:10]}"
    problems = []
    for key in sorted(extracted):
        translation = committed[key]
        forms = [translation.text or ""] if not list(translation) else [f.text or "" for f in translation]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in forms):
            problems.append((key, "unfinished"))
        elif any(f == key[1] for f in forms) and key[1] not in SAME_IN_VIETNAMESE:
            problems.append((key, "same as the English"))
        elif any(sorted(PLACEHOLDER.findall(f)) != sorted(PLACEHOLDER.findall(key[1])) for f in forms):
            problems.append((key, "placeholders differ"))
    assert not problems, problems[:10]


def test_sources_are_english(extracted):
    vietnamese = sorted(source for _, source in extracted if VIETNAMESE_LETTERS.search(source))
    assert not vietnamese, vietnamese[:10]


def test_the_translation_is_loaded_in_the_window():
    assert QCoreApplication.translate("MainWindow", "Citizen reception desk") == "Bàn tiếp công dân"


def test_qt_own_buttons_and_menus_are_vietnamese(qtbot):
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    labels = {buttons.button(b).text() for b in (QDialogButtonBox.StandardButton.Ok,
                                                QDialogButtonBox.StandardButton.Cancel)}
    assert labels == {"Đồng ý", "Hủy"}
    field = QLineEdit()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    texts = [action.text().replace("&", "").split("\t")[0] for action in menu.actions() if action.text()]
    assert {"Hoàn tác", "Sao chép", "Dán", "Chọn tất cả"} <= set(texts), texts

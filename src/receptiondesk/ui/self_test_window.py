"""The self-test's Qt checks: a printed Vietnamese page read back with QtPdf, and the main window shown offscreen in
the bundled font; `run_self_test_with_window` runs them after the checks without Qt."""

from __future__ import annotations

import os
import sys
from array import array

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, qInstallMessageHandler
from PySide6.QtGui import QFontInfo, QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from receptiondesk import self_test
from receptiondesk.self_test import CITIZEN, STATE_MOTTO, Check, SelfTestDesk, SelfTestFailure, same_text
from receptiondesk.ui.i18n import CATALOGUES, FONT_FAMILY, install_font, install_language
from receptiondesk.ui.main_window import LAYOUT_KEY, MainWindow, window_settings


#: What the offscreen platform says whenever a window is shown: nothing to do with the installation, not printed.
HARMLESS_MESSAGES = ("This plugin does not support propagateSizeHints()",)


def _print_qt_message(kind, context, message: str) -> None:
    if message not in HARMLESS_MESSAGES:
        print(message, file=sys.stderr, flush=True)


class SelfTestApplication:
    """The Qt application, made when the first Qt check needs it (offscreen unless a platform is given), with the
    bundled font and the language, as the window starts."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.app: QApplication | None = None
        self.family = ""
        self.translations = 0

    def get(self) -> QApplication:
        if self.app is None:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            qInstallMessageHandler(_print_qt_message)
            self.app = QApplication.instance() or QApplication([sys.argv[0]])
            self.family = install_font(self.app)
            self.translations = len(install_language(self.app, self.lang))
        return self.app


def pdf_text(data: bytes) -> str:
    """The text of every page of a PDF, as QtPdf extracts it."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise SelfTestFailure(f"QtPdf could not open the PDF ({document.status().name}, {document.error().name})")
    text = "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))
    document.close()
    return text


def check_pdf(application: SelfTestApplication, state: SelfTestDesk) -> str:
    """A document of the visit rendered by ReportLab with the bundled fonts, its Vietnamese text read back."""
    data = self_test.render_document(state)
    application.get()
    text = same_text(pdf_text(data))
    missing = [wanted for wanted in (STATE_MOTTO, CITIZEN) if same_text(wanted) not in text]
    if missing:
        raise SelfTestFailure(f"the PDF's text lacks {', '.join(repr(m) for m in missing)}")
    return f"oral statement rendered ({len(data):,} bytes), {STATE_MOTTO!r} read back"


#: Counting a picture's colours stops here: more than one already says it is not blank.
ENOUGH_COLOURS = 16


def distinct_colours(image: QImage, enough: int = ENOUGH_COLOURS) -> int:
    """How many colours the image holds (counting stops at `enough`)."""
    pixels = image.convertToFormat(QImage.Format.Format_RGB32)
    values = array("I", bytes(pixels.constBits())[:pixels.sizeInBytes()])
    seen: set[int] = set()
    for start in range(0, len(values), 65536):  # a blank window is one colour: stop early on a real one
        seen.update(values[start:start + 65536])
        if len(seen) >= enough:
            break
    return len(seen)


def check_window(application: SelfTestApplication, state: SelfTestDesk) -> str:
    """The main window over the temporary desk, shown (offscreen by default): the bundled font is the one Qt
    resolved, and the window's picture is not blank. The user's remembered window layout is left as it was."""
    desk = state.require_desk()
    app = application.get()
    if application.family != FONT_FAMILY:
        raise SelfTestFailure(f"the bundled font {FONT_FAMILY!r} did not load (got {application.family!r})")
    if application.lang != "en" and application.translations != len(CATALOGUES):  # English needs no catalogue
        raise SelfTestFailure(f"{application.translations} of the {len(CATALOGUES)} translation catalogues loaded")
    stored = window_settings()
    keys = [f"{LAYOUT_KEY}/geometry", f"{LAYOUT_KEY}/splitter"]
    layout = {key: stored.value(key) for key in keys}
    window = MainWindow(desk, application.lang)
    try:
        window.show()
        app.processEvents()
        resolved = QFontInfo(window.font()).family()
        if resolved != application.family:
            raise SelfTestFailure(f"the window's font resolved to {resolved!r}, not the bundled {application.family!r}")
        picture = window.grab()
        if picture.isNull():
            raise SelfTestFailure("the window could not be grabbed")
        colours = distinct_colours(picture.toImage())
        if colours < 2:
            raise SelfTestFailure("the window's picture is blank (one colour)")
        platform = app.platformName()
        size = f"{picture.width()}×{picture.height()}"
    finally:
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        for key, value in layout.items():  # the window saved its layout on closing: put the user's back
            if value is None:
                stored.remove(key)
            else:
                stored.setValue(key, value)
        stored.sync()
    counted = f"{colours}" if colours < ENOUGH_COLOURS else f"{ENOUGH_COLOURS} or more"
    return (f"shown on {platform!r} in {resolved!r} ({application.lang}), picture {size} with {counted} "
            f"colours")


def window_checks(application: SelfTestApplication) -> list[Check]:
    return [Check("pdf", lambda state: check_pdf(application, state)),
            Check("window", lambda state: check_window(application, state))]


def run_self_test_with_window(lang: str) -> int:
    """Every check: the desk without Qt first, then the printed page and the window."""
    application = SelfTestApplication(lang)
    return self_test.run_self_test([*self_test.core_checks(), *window_checks(application)])

"""The GUI's language and font: Qt Linguist translations (ours and Qt's own buttons) and the bundled font."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from receptiondesk import paths

log = logging.getLogger(__name__)

#: Compiled catalogues loaded for a language: the program's strings, then Qt's own (standard buttons, menus).
CATALOGUES = ("receptiondesk", "qtbase")
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FONT_FAMILY = "DejaVu Sans"
FONT_POINT_SIZE = 10


def install_language(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Load the translations for `lang` ("vi" or "en"; English is the source language and needs none)."""
    for old in getattr(app, "_receptiondesk_translators", []):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    if lang != "en":
        for name in CATALOGUES:
            translator = QTranslator(app)
            if translator.load(f"{name}_{lang}", str(paths.resource("translations"))):
                app.installTranslator(translator)
                installed.append(translator)
            else:
                log.warning("translation %s_%s.qm not found in %s", name, lang, paths.resource("translations"))
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if lang == "vi" else QLocale.Language.English,
                               QLocale.Country.Vietnam))
    app._receptiondesk_translators = installed
    return installed


def install_font(app: QApplication) -> str:
    """Register the bundled font and make it the application's, so diacritics render on any PC."""
    family = ""
    for file in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(paths.resource("fonts", file)))
        if font_id < 0:
            log.warning("could not load the bundled font %s", file)
            continue
        family = family or QFontDatabase.applicationFontFamilies(font_id)[0]
    if family:
        app.setFont(QFont(family, FONT_POINT_SIZE))
    return family

"""The documents' typeface, Liberation Serif (Times New Roman metrics, SIL OFL), registered once per process;
TrueType fonts, so every PDF embeds a subset of the glyphs it uses."""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from receptiondesk import paths

#: The family name used in paragraph styles; <b>, <i> and <b><i> pick the matching face.
FAMILY = "LiberationSerif"
REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"
BOLD_ITALIC = "LiberationSerif-BoldItalic"

_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

#: Vertical metrics of Liberation Serif (hhea ascender and descender, per 1 pt of size).
ASCENT = 0.891
DESCENT = 0.216

_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the four faces and the family (idempotent, thread-safe); returns the family name."""
    global _registered
    if _registered:
        return FAMILY
    with _lock:
        if not _registered:
            for name, file_name in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(paths.resource("fonts", file_name))))
            pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
            _registered = True
    return FAMILY


def face(*, bold: bool = False, italic: bool = False) -> str:
    """The registered font name of one face of the family."""
    if bold and italic:
        return BOLD_ITALIC
    if bold:
        return BOLD
    if italic:
        return ITALIC
    return REGULAR


def text_width(text: str, *, size: float, bold: bool = False, italic: bool = False) -> float:
    """Width in points of `text` set in the family at `size`."""
    register_fonts()
    return pdfmetrics.stringWidth(text, face(bold=bold, italic=italic), size)

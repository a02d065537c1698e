"""The program's icon: shown by every window, and rendered from its SVG source into the PNG and ICO files the
window and the Windows build use (`python -m receptiondesk.ui.app_icon`, run by `make icons`)."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPainter

from receptiondesk import paths

#: The icon's files in resources/icons/.
SVG, PNG, ICO = "receptiondesk.svg", "receptiondesk.png", "receptiondesk.ico"
SIZE = 256


def app_icon() -> QIcon:
    """The icon every window shows (the title bar, the task bar)."""
    return QIcon(str(paths.resource("icons", PNG)))


def render_icons() -> list[str]:
    """Render the SVG into the PNG and the ICO (256 × 256); returns the files written. (QtSvg is needed here only:
    the program itself shows the PNG, and the built program leaves QtSvg out.)"""
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(paths.resource("icons", SVG)))
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    written = []
    for name, kind in ((PNG, "png"), (ICO, "ico")):
        target = paths.resource("icons", name)
        if not image.save(str(target), kind):
            raise OSError(f"cannot write {target}")
        written.append(str(target))
    return written


if __name__ == "__main__":
    application = QGuiApplication(sys.argv)
    print("\n".join(render_icons()))

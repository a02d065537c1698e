"""About the program (F1): its name, version, where the desk's data live, and the licences of what it is built
with (the fonts under the SIL Open Font License, Qt under the GNU LGPL) with the fonts' full licence texts."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout

from receptiondesk import __version__, paths
from receptiondesk.ui.app_icon import app_icon

#: What the program is built with and under which licence (name, licence, where its source is).
COMPONENTS = (
    ("Liberation Serif", "SIL Open Font License 1.1", "https://github.com/liberationfonts"),
    ("DejaVu Sans", "Bitstream Vera / DejaVu (free font licence)", "https://dejavu-fonts.github.io"),
    ("Qt 6 · PySide6", "GNU LGPL v3", "https://www.qt.io/download-open-source"),
    ("Python", "Python Software Foundation License", "https://www.python.org"),
    ("SQLite", "Public domain", "https://sqlite.org"),
    ("sqlite-utils", "Apache License 2.0", "https://github.com/simonw/sqlite-utils"),
    ("ReportLab", "BSD License", "https://www.reportlab.com"),
    ("cryptography", "Apache License 2.0 / BSD", "https://github.com/pyca/cryptography"),
    ("argon2-cffi", "MIT License", "https://github.com/hynek/argon2-cffi"),
    ("phonenumbers", "Apache License 2.0", "https://github.com/daviddrysdale/python-phonenumbers"),
    ("openpyxl", "MIT License", "https://foss.heptapod.net/openpyxl/openpyxl"),
    ("XlsxWriter", "BSD License", "https://github.com/jmcnamara/XlsxWriter"),
    ("platformdirs", "MIT License", "https://github.com/platformdirs/platformdirs"),
    ("filelock", "The Unlicense", "https://github.com/tox-dev/filelock"),
)
#: The full licence texts shipped with the fonts.
FONT_LICENCES = ("LICENSE-LiberationSerif.txt", "LICENSE-DejaVu.txt")


class AboutDialog(QDialog):
    """The program's name and version, the data directory, and the licences."""

    def __init__(self, data_file: Path | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About"))
        self.resize(640, 520)
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        self.heading = QLabel(self.tr("<b>Citizen reception desk</b> (ReceptionDesk)<br>Version {version}").format(
            version=__version__))
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.heading, 1)
        self.data_label = QLabel(self.tr("The desk's data: {path}").format(path=str(data_file or "")))
        self.data_label.setWordWrap(True)
        self.data_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.licences = QTextBrowser()
        self.licences.setOpenExternalLinks(False)
        self.licences.setHtml(self._licences_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.data_label)
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)

    def _licences_html(self) -> str:
        rows = "".join(f"<tr><td>{html.escape(name)}</td><td>{html.escape(licence)}</td>"
                       f"<td>{html.escape(url)}</td></tr>" for name, licence, url in COMPONENTS)
        intro = self.tr("The program is built with these components, each under its own licence. Qt is used as "
                        "shared libraries under the GNU LGPL v3: they can be replaced with another build of the same "
                        "version; its source is at qt.io.")
        heads = "".join(f"<th align='left'>{html.escape(text)}</th>"
                        for text in (self.tr("Component"), self.tr("Licence"), self.tr("Source")))
        parts = [f"<p>{html.escape(intro)}</p>", f"<table cellspacing='4'><tr>{heads}</tr>{rows}</table>"]
        for name in FONT_LICENCES:
            text = paths.resource("fonts", name).read_text(encoding="utf-8")
            parts.append(f"<h4>{html.escape(name)}</h4><pre>{html.escape(text)}</pre>")
        return "".join(parts)

"""What the screens share in how they look and speak: message colours, dates and counts as the user reads them,
fingerprints laid out for reading aloud, plain wrapped labels and message lines, read-only tables, pages that
scroll, the folder a file dialog opens in, shortcuts of one screen, a yes/no question, and the role check."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, QStandardPaths, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QMessageBox,
    QScrollArea,
    QTableView,
    QTableWidget,
    QWidget,
)

from receptiondesk.domain.accounts import Permission

ERROR_STYLE = "color: #b00020;"
DONE_STYLE = "color: #1b5e20;"
NOTE_STYLE = "color: #555555;"
WARNING_STYLE = ("background: #fff3cd; color: #5c4400; border: 1px solid #e0c36c; border-radius: 3px;"
                 " padding: 4px;")
STATE_STYLE = "font-size: 12pt; font-weight: bold;"
#: A fingerprint is read aloud over the phone: large, its words and its digits each in two lines of four.
FINGERPRINT_STYLE = "font-size: 14pt; font-weight: bold;"
FINGERPRINT_LINE_GROUPS = 4


def moment(value: str | None) -> str:
    """An ISO time as "10/03/2026 09:00" (the text as stored when it is not one)."""
    if not value:
        return ""
    try:
        return datetime.fromisoformat(value).strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return value


def number(value: int) -> str:
    """A count with the language's thousands separator (1.534 in Vietnamese)."""
    return QLocale().toString(int(value))


def fingerprint_lines(groups: tuple[str, ...] | list[str]) -> str:
    """A fingerprint's 8 words or 8 groups of digits in two lines, easier to read out and follow."""
    return "\n".join(" ".join(groups[i:i + FINGERPRINT_LINE_GROUPS])
                     for i in range(0, len(groups), FINGERPRINT_LINE_GROUPS))


def text_label(text: str = "", style: str = "") -> QLabel:
    """A wrapped plain-text label, in `style`."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if style:
        label.setStyleSheet(style)
    return label


def fingerprint_label() -> QLabel:
    """A large label for a fingerprint, selectable (to copy it into a message)."""
    label = text_label(style=FINGERPRINT_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def ask_yes_no(parent: QWidget, title: str, question: str) -> bool:
    """A yes/no question whose default answer is No."""
    answer = QMessageBox.question(parent, title, question,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def may(desk, permission: Permission) -> bool:
    """Whether the user signed in to `desk` holds `permission` (nobody signed in: no)."""
    session = desk.context.session
    return session is not None and session.user.may(permission)


def read_only_table(columns: int, widths: tuple[int, ...]) -> QTableWidget:
    """A read-only table of whole-row single selection, one line a row, with these column widths."""
    table = QTableWidget(0, columns)
    shape_table(table, widths)
    return table


def shape_table(table: QTableView, widths: tuple[int, ...], *, single: bool = True) -> None:
    """Make `table` read-only, whole-row selection (one row at a time if `single`), one line a row, with these
    column widths."""
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)


def show_message(label: QLabel, text: str, style: str, *, hide_empty: bool = False) -> None:
    """A screen's message line: `text` in `style` (hidden when empty if `hide_empty`)."""
    label.setStyleSheet(style)
    label.setText(text)
    if hide_empty:
        label.setVisible(bool(text))


def scrolled(page: QWidget) -> QScrollArea:
    """`page` in a frameless scroll area: it scrolls rather than being cut on a small screen (1366×768 at 125%)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # or a click on a button would take the focus here
    scroll.setWidget(page)
    return scroll


def start_folder(*remembered: str) -> str:
    """The folder a file dialog opens in: the first folder remembered, else the user's Documents, else home."""
    for folder in remembered:
        if folder:
            return folder
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


def local_shortcut(widget: QWidget, keys, slot) -> QShortcut:
    """A shortcut (`keys`: text such as "Ctrl+P", a standard key or a key) that calls `slot` while the focus is in
    `widget` or a widget inside it: each screen's keys work only on that screen."""
    sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    shortcut = QShortcut(sequence, widget)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(lambda: slot())
    return shortcut

"""What the follow-up dialogs (record a result, the citizen was told, close a case) share: a summary on top, a
small form, the services' refusal in red with the cursor on its field, Save (Ctrl+S) and Cancel (Esc)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from receptiondesk.errors import UserError
from receptiondesk.services.desk import Desk


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def html(text: str) -> str:
    """`text` safe inside rich text, on one line."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


def day_edit(today: date, value: date, minimum: date | None = None) -> QDateEdit:
    """A dd/MM/yyyy date edit with a calendar, showing `value`, never later than `today` nor before `minimum`."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setMaximumDate(qdate(today))
    if minimum is not None:
        edit.setMinimumDate(qdate(minimum))
    edit.setDate(qdate(value))
    return edit


class FollowupDialog(QDialog):
    """Subclasses build their summary and fields, then call `_lay_out`, and do their saving in `_submit`; the texts
    stay in the subclasses (their translation context is the subclass)."""

    def __init__(self, desk: Desk, lang: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._lang = lang
        self._widgets: dict[str, QWidget] = {}

    def _summary(self, text: str) -> QLabel:
        """The rich-text summary shown on top of the dialog."""
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        return label

    def _lay_out(self, above: list[QWidget], rows: list[tuple[str, QWidget]], save_text: str,
                 fields: dict[str, QWidget], width: int, grow: bool = True) -> None:
        """Lay out `above`, the form `rows` (the first takes the cursor) and the message and buttons; `fields` maps
        the services' field names to the widgets a refusal sends the cursor to."""
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(save_text)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        if grow:
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, widget in rows:
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        for widget in above:
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self._widgets = dict(fields)
        chain = [widget for _, widget in rows] + [self.save_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        rows[0][1].setFocus()
        self.resize(width, self.sizeHint().height())

    def _submit(self) -> None:
        """Hand the fields to the services (which raise UserError to refuse)."""
        raise NotImplementedError

    def save(self) -> bool:
        """Save through `_submit`; True and the dialog accepted when it was saved, else the refusal is shown."""
        try:
            self._submit()
        except UserError as error:
            self.show_error(error)
            return False
        self.accept()
        return True

    def show_error(self, error: UserError) -> None:
        self.message.setText(error.render(self._lang))
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))  # room for the message
        widget = next((self._widgets[p.field] for p in error.problems if p.field in self._widgets), None)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.end(False)  # a reason too short is completed, not retyped

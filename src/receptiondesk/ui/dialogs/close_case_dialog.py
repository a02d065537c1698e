"""The dialog that closes a case: the day, and a reason, which is required while the citizen has not been told
the result."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.errors import UserError
from receptiondesk.messages import enum_label
from receptiondesk.services.desk import Desk


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


class CloseCaseDialog(QDialog):
    """Closing date and reason; the services decide whether the reason is required (citizen not told) and the
    dialog shows their refusal in red with the cursor in the reason. Ctrl+S saves, Esc cancels."""

    def __init__(self, desk: Desk, case_uuid: str, lang: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._lang = lang
        self.case_uuid = case_uuid
        case = desk.cases.get(case_uuid)
        today = desk.context.today()
        self.setWindowTitle(self.tr("Close the case"))
        self.about = QLabel(self.tr("<b>Case:</b> {case}<br><b>Status:</b> {status}").format(
            case=_html(case["summary"]), status=enum_label("case_status", case["status"], lang)))
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.informed = bool(case["informed_on"])
        self.note = QLabel(self.tr("The citizen was told the result on {day}.").format(
            day=date.fromisoformat(case["informed_on"]).strftime("%d/%m/%Y")) if self.informed else self.tr(
            "The citizen has not been told the result yet: write why the case is closed anyway."))
        self.note.setWordWrap(True)
        self.closed_on = QDateEdit()
        self.closed_on.setCalendarPopup(True)
        self.closed_on.setDisplayFormat("dd/MM/yyyy")
        self.closed_on.setMaximumDate(_qdate(today))
        received = date.fromisoformat(case["received_on"])
        if received <= today:
            self.closed_on.setMinimumDate(_qdate(received))
        self.closed_on.setDate(_qdate(today))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. the citizen withdrew the petition") if not self.informed
                                       else self.tr("Optional"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Close the case (Ctrl+S)"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Closed on"), self.closed_on)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self._widgets = {"closed_reason": self.reason, "status_date": self.closed_on}
        QWidget.setTabOrder(self.reason, self.closed_on)
        QWidget.setTabOrder(self.closed_on, self.save_button)
        self.reason.setFocus()
        self.resize(520, self.sizeHint().height())

    def save(self) -> bool:
        """Close the case; True and the dialog accepted when it was closed."""
        try:
            self.desk.cases.close(self.case_uuid, on=_date(self.closed_on.date()), reason=self.reason.text())
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

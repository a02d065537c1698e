"""The dialog that records what an assignee reported back: the result and the day it came in."""

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
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.errors import UserError
from receptiondesk.services.desk import Desk


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class RecordResultDialog(QDialog):
    """Result text and date for one assignment; Ctrl+S saves, Esc cancels; a refusal is shown in red, the cursor
    goes to the field concerned and nothing is saved."""

    def __init__(self, desk: Desk, assignment_uuid: str, lang: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._lang = lang
        self.assignment_uuid = assignment_uuid
        assignment = desk.followup.get(assignment_uuid)
        today = desk.context.today()
        self.setWindowTitle(self.tr("Record the result"))
        self.about = QLabel(self.tr("<b>{assignee}</b>: {task}<br>Deadline {deadline} — case: {case}").format(
            assignee=_html(assignment["assignee"]), task=_html(assignment["task"]),
            deadline=date.fromisoformat(assignment["deadline"]).strftime("%d/%m/%Y"),
            case=_html(assignment["case_summary"] or "")))
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.result = QPlainTextEdit()
        self.result.setTabChangesFocus(True)
        self.result.setPlaceholderText(self.tr("What the assignee reported: what was done, the answer or decision"))
        self.result.setPlainText(assignment["result"] or "")
        self.result.setMinimumHeight(90)
        self.result_on = QDateEdit()
        self.result_on.setCalendarPopup(True)
        self.result_on.setDisplayFormat("dd/MM/yyyy")
        self.result_on.setMaximumDate(_qdate(today))
        self.result_on.setMinimumDate(_qdate(date.fromisoformat(assignment["assigned_on"])))
        self.result_on.setDate(_qdate(date.fromisoformat(assignment["result_on"]) if assignment["result_on"]
                                      else today))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save (Ctrl+S)"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Result"), self.result)
        form.addRow(self.tr("Result date"), self.result_on)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self._widgets = {"result": self.result, "result_on": self.result_on}
        QWidget.setTabOrder(self.result, self.result_on)
        QWidget.setTabOrder(self.result_on, self.save_button)
        self.result.setFocus()
        self.resize(520, self.sizeHint().height())

    def save(self) -> bool:
        """Record the result; True and the dialog accepted when it was saved."""
        try:
            self.desk.followup.record_result(self.assignment_uuid, self.result.toPlainText(),
                                             on=_date(self.result_on.date()))
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


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")

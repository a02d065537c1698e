"""The dialog that records that the citizen was told the result: the day and the way (in person, letter, phone,
online), for one assignment or for every result of a case not told yet."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.domain.assignments import NotifyWay
from receptiondesk.errors import UserError
from receptiondesk.messages import enum_label
from receptiondesk.services.desk import Desk
from receptiondesk.storage.listing import ListRequest


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


class CitizenToldDialog(QDialog):
    """Give either an assignment (that one result) or a case (all its results not told yet). The way has no
    default: the officer chooses it. Ctrl+S saves, Esc cancels; nothing is saved when the services refuse."""

    def __init__(self, desk: Desk, assignment_uuid: str | None = None, case_uuid: str | None = None,
                 lang: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if (assignment_uuid is None) == (case_uuid is None):
            raise ValueError("give an assignment or a case")
        self.desk = desk
        self._lang = lang
        self.assignment_uuid = assignment_uuid
        self.case_uuid = case_uuid
        today = desk.context.today()
        self.setWindowTitle(self.tr("The citizen was told the result"))
        if assignment_uuid is not None:
            assignments = [desk.followup.get(assignment_uuid)]
            summary = assignments[0]["case_summary"] or ""
        else:
            summary = desk.cases.get(case_uuid)["summary"]
            assignments = [a for a in desk.followup.list(ListRequest(filters={"case": case_uuid}), limit=100)
                           if a["result_on"] and not a["citizen_told_on"]]
        lines = [self.tr("<b>Case:</b> {case}").format(case=_html(summary))]
        for item in assignments:
            lines.append(self.tr("<b>{assignee}</b> ({day}): {result}").format(
                assignee=_html(item["assignee"]), result=_html(item["result"] or "—"),
                day=date.fromisoformat(item["result_on"]).strftime("%d/%m/%Y") if item["result_on"] else "—"))
        self.about = QLabel("<br>".join(lines))
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.told_on = QDateEdit()
        self.told_on.setCalendarPopup(True)
        self.told_on.setDisplayFormat("dd/MM/yyyy")
        self.told_on.setMaximumDate(_qdate(today))
        results = [date.fromisoformat(a["result_on"]) for a in assignments if a["result_on"]]
        if results and max(results) <= today:
            self.told_on.setMinimumDate(_qdate(max(results)))
        self.told_on.setDate(_qdate(today))
        self.told_how = QComboBox()
        self.told_how.addItem("", None)
        for way in NotifyWay:
            self.told_how.addItem(enum_label("told_how", way.value, lang), way.value)
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
        form.addRow(self.tr("How"), self.told_how)
        form.addRow(self.tr("Told on"), self.told_on)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self._widgets = {"told_on": self.told_on, "told_how": self.told_how}
        QWidget.setTabOrder(self.told_how, self.told_on)
        QWidget.setTabOrder(self.told_on, self.save_button)
        self.told_how.setFocus()
        self.resize(500, self.sizeHint().height())

    def save(self) -> bool:
        """Record the telling; True and the dialog accepted when it was saved."""
        how, on = self.told_how.currentData(), _date(self.told_on.date())
        try:
            if self.case_uuid is not None:
                self.desk.followup.tell_case(self.case_uuid, how, on=on)
            else:
                self.desk.followup.record_citizen_told(self.assignment_uuid, how, on=on)
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

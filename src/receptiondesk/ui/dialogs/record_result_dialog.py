"""The dialog that records what an assignee reported back: the result and the day it came in."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from receptiondesk.services.desk import Desk
from receptiondesk.ui.widgets.followup_dialog_base import FollowupDialog, day_edit, html, to_date


class RecordResultDialog(FollowupDialog):
    """Result text and date for one assignment; Ctrl+S saves, Esc cancels; a refusal is shown in red, the cursor
    goes to the field concerned and nothing is saved."""

    def __init__(self, desk: Desk, assignment_uuid: str, lang: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(desk, lang, parent)
        self.assignment_uuid = assignment_uuid
        assignment = desk.followup.get(assignment_uuid)
        today = desk.context.today()
        self.setWindowTitle(self.tr("Record the result"))
        self.about = self._summary(self.tr("<b>{assignee}</b>: {task}<br>Deadline {deadline} — case: {case}").format(
            assignee=html(assignment["assignee"]), task=html(assignment["task"]),
            deadline=date.fromisoformat(assignment["deadline"]).strftime("%d/%m/%Y"),
            case=html(assignment["case_summary"] or "")))
        self.result = QPlainTextEdit()
        self.result.setTabChangesFocus(True)
        self.result.setPlaceholderText(self.tr("What the assignee reported: what was done, the answer or decision"))
        self.result.setPlainText(assignment["result"] or "")
        self.result.setMinimumHeight(90)
        self.result_on = day_edit(
            today, date.fromisoformat(assignment["result_on"]) if assignment["result_on"] else today,
            minimum=date.fromisoformat(assignment["assigned_on"]))
        self._lay_out([self.about], [(self.tr("Result"), self.result), (self.tr("Result date"), self.result_on)],
                      self.tr("Save (Ctrl+S)"), {"result": self.result, "result_on": self.result_on}, width=520)

    def _submit(self) -> None:
        """Record the result."""
        self.desk.followup.record_result(self.assignment_uuid, self.result.toPlainText(),
                                         on=to_date(self.result_on.date()))

"""The dialog that records that the citizen was told the result: the day and the way (in person, letter, phone,
online), for one assignment or for every result of a case not told yet."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QWidget

from receptiondesk.domain.assignments import NotifyWay
from receptiondesk.messages import enum_label
from receptiondesk.services.desk import Desk
from receptiondesk.storage.listing import ListRequest
from receptiondesk.ui.widgets.followup_dialog_base import FollowupDialog, day_edit, html, to_date


class CitizenToldDialog(FollowupDialog):
    """Give either an assignment (that one result) or a case (all its results not told yet). The way has no
    default: the officer chooses it. Ctrl+S saves, Esc cancels; nothing is saved when the services refuse."""

    def __init__(self, desk: Desk, assignment_uuid: str | None = None, case_uuid: str | None = None,
                 lang: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(desk, lang, parent)
        if (assignment_uuid is None) == (case_uuid is None):
            raise ValueError("give an assignment or a case")
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
        lines = [self.tr("<b>Case:</b> {case}").format(case=html(summary))]
        for item in assignments:
            lines.append(self.tr("<b>{assignee}</b> ({day}): {result}").format(
                assignee=html(item["assignee"]), result=html(item["result"] or "—"),
                day=date.fromisoformat(item["result_on"]).strftime("%d/%m/%Y") if item["result_on"] else "—"))
        self.about = self._summary("<br>".join(lines))
        results = [date.fromisoformat(a["result_on"]) for a in assignments if a["result_on"]]
        self.told_on = day_edit(today, today, minimum=max(results) if results and max(results) <= today else None)
        self.told_how = QComboBox()
        self.told_how.addItem("", None)
        for way in NotifyWay:
            self.told_how.addItem(enum_label("told_how", way.value, lang), way.value)
        self._lay_out([self.about], [(self.tr("How"), self.told_how), (self.tr("Told on"), self.told_on)],
                      self.tr("Save (Ctrl+S)"), {"told_on": self.told_on, "told_how": self.told_how}, width=500,
                      grow=False)

    def _submit(self) -> None:
        """Record the telling, for the case's results or the one assignment."""
        how, on = self.told_how.currentData(), to_date(self.told_on.date())
        if self.case_uuid is not None:
            self.desk.followup.tell_case(self.case_uuid, how, on=on)
        else:
            self.desk.followup.record_citizen_told(self.assignment_uuid, how, on=on)

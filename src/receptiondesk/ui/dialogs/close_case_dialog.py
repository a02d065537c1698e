"""The dialog that closes a case: the day, and a reason, which is required while the citizen has not been told
the result."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from receptiondesk.messages import enum_label
from receptiondesk.services.desk import Desk
from receptiondesk.ui.widgets.followup_dialog_base import FollowupDialog, day_edit, html, to_date


class CloseCaseDialog(FollowupDialog):
    """Closing date and reason; the services decide whether the reason is required (citizen not told) and the
    dialog shows their refusal in red with the cursor in the reason. Ctrl+S saves, Esc cancels."""

    def __init__(self, desk: Desk, case_uuid: str, lang: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(desk, lang, parent)
        self.case_uuid = case_uuid
        case = desk.cases.get(case_uuid)
        today = desk.context.today()
        self.setWindowTitle(self.tr("Close the case"))
        self.about = self._summary(self.tr("<b>Case:</b> {case}<br><b>Status:</b> {status}").format(
            case=html(case["summary"]), status=enum_label("case_status", case["status"], lang)))
        self.informed = bool(case["informed_on"])
        self.note = QLabel(self.tr("The citizen was told the result on {day}.").format(
            day=date.fromisoformat(case["informed_on"]).strftime("%d/%m/%Y")) if self.informed else self.tr(
            "The citizen has not been told the result yet: write why the case is closed anyway."))
        self.note.setWordWrap(True)
        received = date.fromisoformat(case["received_on"])
        self.closed_on = day_edit(today, today, minimum=received if received <= today else None)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. the citizen withdrew the petition") if not self.informed
                                       else self.tr("Optional"))
        self._lay_out([self.about, self.note],
                      [(self.tr("Reason"), self.reason), (self.tr("Closed on"), self.closed_on)],
                      self.tr("Close the case (Ctrl+S)"), {"closed_reason": self.reason, "status_date": self.closed_on},
                      width=520)

    def _submit(self) -> None:
        """Close the case."""
        self.desk.cases.close(self.case_uuid, on=to_date(self.closed_on.date()), reason=self.reason.text())

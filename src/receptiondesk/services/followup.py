"""Follow-up of what leaders assigned: deadlines in working days, results, and telling the citizen."""

from __future__ import annotations

from datetime import date
from typing import Any

from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.assignments import AssignmentDraft, NotifyWay
from receptiondesk.domain.cases import CaseStatus, clean_summary
from receptiondesk.domain.text import clean_line
from receptiondesk.domain.values import parse_date, parse_enum, parse_past_date
from receptiondesk.errors import Problem, UserError, raise_for
from receptiondesk.services.context import DeskContext, Saved
from receptiondesk.storage import listing, records
from receptiondesk.storage.assignments import ASSIGNMENT_LIST

MAX_WORKING_DAYS = 365


class FollowupService:
    """Assignments from conclusion notices, tracked until the citizen is told the result."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    def create_assignment(self, draft: AssignmentDraft) -> Saved:
        """Assign a task on a case; the deadline is a date or a number of working days from the assignment."""
        self.context.require(Permission.RECORD)
        problems: list[Problem] = []
        today = self.context.today()
        assigned_on = parse_past_date(draft.assigned_on or today, "assigned_on", problems, today)
        assignee = clean_line(draft.assignee)
        if not assignee:
            problems.append(Problem("value.required", "assignee"))
        task = clean_summary(draft.task, "task", problems)
        deadline = None
        if draft.working_days is not None:
            if not isinstance(draft.working_days, int) or not 1 <= draft.working_days <= MAX_WORKING_DAYS:
                problems.append(Problem("assignment.working_days_range", "deadline", {"max": MAX_WORKING_DAYS}))
            elif assigned_on is not None:
                deadline = self.context.calendar.add_working_days(assigned_on, draft.working_days)
        else:
            deadline = parse_date(draft.deadline, "deadline", problems)
        if deadline is not None and assigned_on is not None and deadline < assigned_on:
            problems.append(Problem("assignment.deadline_before_assigned", "deadline"))
        warnings = raise_for(problems)
        if not self.context.calendar.is_working_day(deadline):
            warnings.append(Problem("assignment.deadline_not_working_day", "deadline", warning=True))
        stamp = self.context.stamp()
        with self.context.database.write() as conn:
            case_id = records.record_id_for(conn, "cases", draft.case_uuid, field="case")
            session_id = None
            if draft.session_uuid:
                session_id = records.record_id_for(conn, "sessions", draft.session_uuid, field="session")
            _, uuid = records.insert_record(conn, "assignments", stamp, {
                "session_id": session_id, "case_id": case_id, "assignee": assignee, "task": task,
                "assigned_on": assigned_on.isoformat(), "deadline": deadline.isoformat(),
            })
            records.append_audit(conn, stamp, "assignment.create", "assignments", uuid,
                                 {"case": draft.case_uuid, "deadline": deadline.isoformat()})
        return Saved(uuid, warnings)

    def record_result(self, assignment_uuid: str, result: str, on: date | str | None = None) -> None:
        """The assignee reported back."""
        self.context.require(Permission.RECORD)
        problems: list[Problem] = []
        text = clean_summary(result, "result", problems)
        result_on = parse_past_date(on or self.context.today(), "result_on", problems, self.context.today())
        raise_for(problems)
        with self.context.database.write() as conn:
            assignment_id = records.record_id_for(conn, "assignments", assignment_uuid, field="assignment")
            row = conn.execute("SELECT assigned_on FROM assignments WHERE id = ?", (assignment_id,)).fetchone()
            if result_on < date.fromisoformat(row["assigned_on"]):
                raise UserError("assignment.result_before_assigned", "result_on")
            stamp = self.context.stamp()
            changed = records.update_record(conn, "assignments", assignment_id, stamp,
                                            {"result": text, "result_on": result_on.isoformat()})
            records.append_audit(conn, stamp, "assignment.result", "assignments", assignment_uuid, {"changed": changed})

    def record_citizen_told(self, assignment_uuid: str, how: str, on: date | str | None = None) -> None:
        """The citizen was told the result; when every assignment of the case is told, the case is informed."""
        self.context.require(Permission.RECORD)
        problems: list[Problem] = []
        way = parse_enum(NotifyWay, how, "told_how", problems)
        told_on = parse_past_date(on or self.context.today(), "told_on", problems, self.context.today())
        raise_for(problems)
        with self.context.database.write() as conn:
            assignment_id = records.record_id_for(conn, "assignments", assignment_uuid, field="assignment")
            row = conn.execute("SELECT case_id, result_on FROM assignments WHERE id = ?", (assignment_id,)).fetchone()
            if row["result_on"] is None:
                raise UserError("assignment.no_result_yet", "told_on")
            if told_on < date.fromisoformat(row["result_on"]):
                raise UserError("assignment.told_before_result", "told_on")
            stamp = self.context.stamp()
            changed = records.update_record(conn, "assignments", assignment_id, stamp,
                                            {"citizen_told_on": told_on.isoformat(), "citizen_told_how": way.value})
            records.append_audit(conn, stamp, "assignment.told", "assignments", assignment_uuid, {"changed": changed})
            pending = conn.execute(
                "SELECT count(*) FROM assignments WHERE case_id = ? AND voided = 0 AND citizen_told_on IS NULL",
                (row["case_id"],)).fetchone()[0]
            case = conn.execute("SELECT uuid, status, concluded_on, voided FROM cases WHERE id = ?",
                                (row["case_id"],)).fetchone()
            if pending == 0 and not case["voided"] and case["status"] in (CaseStatus.RECEIVED, CaseStatus.IN_PROGRESS, CaseStatus.CONCLUDED):
                changes = {"status": CaseStatus.INFORMED.value, "informed_on": told_on.isoformat(),
                           "step_started_on": told_on.isoformat(), "due_date": None}
                if not case["concluded_on"]:
                    changes["concluded_on"] = told_on.isoformat()
                changed = records.update_record(conn, "cases", row["case_id"], stamp, changes)
                records.append_audit(conn, stamp, "case.inform", "cases", case["uuid"],
                                     {"by": "assignment", "changed": changed})

    # -- reads -----------------------------------------------------------------------------
    def list(self, request: listing.ListRequest, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        self.context.require(Permission.READ)
        return [dict(r) for r in listing.list_rows(self.context.database.conn, ASSIGNMENT_LIST, request,
                                                   limit, offset)]

    def get(self, assignment_uuid: str) -> dict[str, Any]:
        self.context.require(Permission.READ)
        return listing.row_by_uuid(self.context.database.conn, ASSIGNMENT_LIST, assignment_uuid, "assignment")

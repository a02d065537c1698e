"""Follow-up of what leaders assigned: deadlines in working days, results, and telling the citizen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.assignments import AssignmentDraft, NotifyWay
from receptiondesk.domain.cases import OPEN_STATUSES, CaseStatus, clean_summary
from receptiondesk.domain.text import clean_line, fold
from receptiondesk.domain.values import format_date_vn, parse_date, parse_enum, parse_past_date
from receptiondesk.errors import Problem, UserError, raise_for
from receptiondesk.services.context import DeskContext, Saved
from receptiondesk.storage import listing, records
from receptiondesk.storage.assignments import (
    ASSIGNEE_NAMES,
    ASSIGNMENT_LIST,
    CASE_ASSIGNEES,
    FOLLOWUP_ASSIGNMENTS,
    FOLLOWUP_CASES,
    TELLABLE_STATUSES,
)

MAX_WORKING_DAYS = 365
#: "Due soon": the deadline falls within this many working days from today (today included).
DUE_SOON_WORKING_DAYS = 3
MAX_DUE_SOON_WORKING_DAYS = 30


class FollowupView(StrEnum):
    """Which part of the follow-up list to show."""

    PENDING = "pending"                # everything someone still has to act on (the default)
    OVERDUE = "overdue"                # assignments past their deadline without a result, and overdue cases
    DUE_SOON = "due_soon"              # assignments due within the next few working days
    WAITING_RESULT = "waiting_result"  # every assignment without a result, overdue ones first
    WAITING_TELL = "waiting_tell"      # cases whose every assignment has its result, the citizen not told yet
    ALL = "all"                        # the pending list, then the assignments that have their result


class FollowupState(StrEnum):
    """Where one row of the follow-up list stands (what its colour and marker say)."""

    OVERDUE = "overdue"                # an assignment past its deadline without a result; a case past its due date
    DUE_SOON = "due_soon"
    WAITING_RESULT = "waiting_result"
    WAITING_TELL = "waiting_tell"      # a case: every result is in, the citizen has not been told
    RESULT_IN = "result_in"            # an assignment with its result, the citizen not told of it
    TOLD = "told"                      # an assignment whose result the citizen was told


#: Row kinds: a row is an assignment (key = its id) or a case (key = minus its id).
ASSIGNMENT, CASE = "assignment", "case"


@dataclass(frozen=True)
class FollowupRequest:
    """What the follow-up list should hold: a view, part of an assignee's name (diacritics optional) and a range
    of dates (an assignment's deadline, an overdue case's due date, or the day a case's last result came in)."""

    view: FollowupView | str = FollowupView.PENDING
    assignee: str = ""
    date_from: date | str | None = None
    date_to: date | str | None = None
    soon_days: int = DUE_SOON_WORKING_DAYS


@dataclass(frozen=True)
class FollowupCounts:
    """How many things of each kind the follow-up list holds (the assignee and dates of the request applied)."""

    overdue_assignments: int
    overdue_cases: int
    due_soon: int
    waiting_result: int
    waiting_tell: int

    @property
    def overdue(self) -> int:
        return self.overdue_assignments + self.overdue_cases


@dataclass(frozen=True)
class _Plan:
    """A checked request, with today's date and the last day that counts as due soon."""

    view: FollowupView
    today: date
    soon_until: date
    assignment_filters: dict[str, Any]
    case_filters: dict[str, Any]
    result_filters: dict[str, Any]


def _key_of(kind: str, record_id: int) -> int:
    return record_id if kind == ASSIGNMENT else -record_id


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
        """The assignee reported back. Refused on a voided assignment or an assignment of a voided case."""
        self.context.require(Permission.RECORD)
        problems: list[Problem] = []
        text = clean_summary(result, "result", problems)
        result_on = parse_past_date(on or self.context.today(), "result_on", problems, self.context.today())
        raise_for(problems)
        with self.context.database.write() as conn:
            row = self._live_assignment(conn, assignment_uuid)
            if result_on < date.fromisoformat(row["assigned_on"]):
                raise UserError("assignment.result_before_assigned", "result_on")
            if row["citizen_told_on"] and result_on > date.fromisoformat(row["citizen_told_on"]):
                raise UserError("assignment.result_after_told", "result_on",
                                told_on=format_date_vn(date.fromisoformat(row["citizen_told_on"])))
            stamp = self.context.stamp()
            changed = records.update_record(conn, "assignments", row["id"], stamp,
                                            {"result": text, "result_on": result_on.isoformat()})
            records.append_audit(conn, stamp, "assignment.result", "assignments", assignment_uuid, {"changed": changed})

    def record_citizen_told(self, assignment_uuid: str, how: str, on: date | str | None = None) -> None:
        """The citizen was told the result; when every assignment of the case is told, the case is informed."""
        self.context.require(Permission.RECORD)
        way, told_on = self._telling(how, on)
        with self.context.database.write() as conn:
            row = self._live_assignment(conn, assignment_uuid)
            stamp = self.context.stamp()
            self._tell(conn, stamp, row, way, told_on)
            self._inform_case_when_all_told(conn, stamp, row["case_id"], told_on)

    def tell_case(self, case_uuid: str, how: str, on: date | str | None = None) -> int:
        """The citizen was told every result of the case not told yet (one conversation or letter for all);
        the case is informed when no live assignment is left untold. Returns how many assignments were told."""
        self.context.require(Permission.RECORD)
        way, told_on = self._telling(how, on)
        with self.context.database.write() as conn:
            case_id = records.record_id_for(conn, "cases", case_uuid, field="case")
            rows = conn.execute(
                "SELECT id, uuid, case_id, result_on, citizen_told_on FROM assignments WHERE case_id = ? "
                "AND voided = 0 AND result_on IS NOT NULL AND citizen_told_on IS NULL ORDER BY id",
                (case_id,)).fetchall()
            if not rows:
                raise UserError("followup.nothing_to_tell", "case")
            stamp = self.context.stamp()
            for row in rows:
                self._tell(conn, stamp, row, way, told_on)
            self._inform_case_when_all_told(conn, stamp, case_id, told_on)
        return len(rows)

    # -- writing helpers ---------------------------------------------------------------------
    def _telling(self, how: str, on: date | str | None) -> tuple[NotifyWay, date]:
        problems: list[Problem] = []
        way = parse_enum(NotifyWay, how, "told_how", problems)
        told_on = parse_past_date(on or self.context.today(), "told_on", problems, self.context.today())
        raise_for(problems)
        return way, told_on

    @staticmethod
    def _live_assignment(conn, assignment_uuid: str):
        """The assignment's row; a UserError when it ("record.voided", like every voided record) or its case was
        voided: nothing may be recorded on them."""
        assignment_id = records.record_id_for(conn, "assignments", assignment_uuid, field="assignment")
        row = conn.execute(
            "SELECT assignments.id, assignments.uuid, assignments.case_id, assignments.assigned_on, "
            "assignments.result_on, assignments.citizen_told_on, cases.voided AS case_voided "
            "FROM assignments JOIN cases ON cases.id = assignments.case_id WHERE assignments.id = ?",
            (assignment_id,)).fetchone()
        if row["case_voided"]:
            raise UserError("assignment.case_voided", "case")
        return row

    def _tell(self, conn, stamp, row, way: NotifyWay, told_on: date) -> None:
        if row["result_on"] is None:
            raise UserError("assignment.no_result_yet", "told_on")
        if told_on < date.fromisoformat(row["result_on"]):
            raise UserError("assignment.told_before_result", "told_on")
        changed = records.update_record(conn, "assignments", row["id"], stamp,
                                        {"citizen_told_on": told_on.isoformat(), "citizen_told_how": way.value})
        records.append_audit(conn, stamp, "assignment.told", "assignments", row["uuid"], {"changed": changed})

    @staticmethod
    def _inform_case_when_all_told(conn, stamp, case_id: int, told_on: date) -> None:
        pending = conn.execute(
            "SELECT count(*) FROM assignments WHERE case_id = ? AND voided = 0 AND citizen_told_on IS NULL",
            (case_id,)).fetchone()[0]
        case = conn.execute("SELECT uuid, status, concluded_on, voided FROM cases WHERE id = ?",
                            (case_id,)).fetchone()
        if pending == 0 and not case["voided"] and case["status"] in TELLABLE_STATUSES:
            changes = {"status": CaseStatus.INFORMED.value, "informed_on": told_on.isoformat(),
                       "step_started_on": told_on.isoformat(), "due_date": None}
            if not case["concluded_on"]:
                changes["concluded_on"] = told_on.isoformat()
            changed = records.update_record(conn, "cases", case_id, stamp, changes)
            records.append_audit(conn, stamp, "case.inform", "cases", case["uuid"],
                                 {"by": "assignment", "changed": changed})

    # -- reads -----------------------------------------------------------------------------
    def list(self, request: listing.ListRequest, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        self.context.require(Permission.READ)
        return [dict(r) for r in listing.list_rows(self.context.database.conn, ASSIGNMENT_LIST,
                                                   self.context.scoped(request), limit, offset)]

    def get(self, assignment_uuid: str) -> dict[str, Any]:
        self.context.require(Permission.READ)
        return listing.row_by_uuid(self.context.database.conn, ASSIGNMENT_LIST, assignment_uuid, "assignment")

    # -- the follow-up list ------------------------------------------------------------------
    def _plan(self, request: FollowupRequest, today: date | None) -> _Plan:
        problems: list[Problem] = []
        view = parse_enum(FollowupView, request.view or FollowupView.PENDING, "followup_view", problems)
        first = parse_date(request.date_from, "followup_from", problems) if request.date_from else None
        last = parse_date(request.date_to, "followup_to", problems) if request.date_to else None
        if first and last and last < first:
            problems.append(Problem("followup.date_range", "followup_to"))
        soon = request.soon_days
        if not isinstance(soon, int) or isinstance(soon, bool) or not 0 <= soon <= MAX_DUE_SOON_WORKING_DAYS:
            problems.append(Problem("followup.soon_days_range", "followup_soon_days",
                                    {"max": MAX_DUE_SOON_WORKING_DAYS}))
        raise_for(problems)
        day = today if today is not None else self.context.today()
        assignment_filters: dict[str, Any] = {"live_case": True}
        case_filters: dict[str, Any] = {}
        names = self._assignees_matching(request.assignee)
        if names is not None:
            assignment_filters["assignees"] = names
            case_filters["assignees"] = names
        result_filters = dict(case_filters)
        if first:
            assignment_filters["deadline_from"] = first.isoformat()
            case_filters["due_from"] = first.isoformat()
            result_filters["results_from"] = first.isoformat()
        if last:
            assignment_filters["deadline_to"] = last.isoformat()
            case_filters["due_to"] = last.isoformat()
            result_filters["results_to"] = last.isoformat()
        return _Plan(view, day, self.context.calendar.add_working_days(day, soon), assignment_filters,
                     case_filters, result_filters)

    def _assignees_matching(self, text: str | None) -> list[str] | None:
        """The assignee names that contain the typed text, compared folded (no diacritics, any case); None when
        nothing was typed. The names are few (the bodies a commune assigns to), so they are folded here."""
        wanted = fold(text or "")
        if not wanted:
            return None
        return [row[0] for row in self.context.database.query(ASSIGNEE_NAMES) if wanted in fold(row[0] or "")]

    def _assignment_ids(self, plan: _Plan, sort: str = "deadline", **filters: Any) -> list[int]:
        request = self.context.scoped(listing.ListRequest(filters={**plan.assignment_filters, **filters}, sort=sort))
        return listing.list_ids(self.context.database.conn, FOLLOWUP_ASSIGNMENTS, request)

    def _overdue_case_ids(self, plan: _Plan) -> list[int]:
        request = self.context.scoped(listing.ListRequest(
            filters={**plan.case_filters, "overdue_on": plan.today.isoformat()}, sort="due"))
        return listing.list_ids(self.context.database.conn, FOLLOWUP_CASES, request)

    def _ready_case_ids(self, plan: _Plan) -> list[int]:
        request = self.context.scoped(listing.ListRequest(filters={**plan.result_filters, "ready_to_tell": True},
                                                          sort="results"))
        return listing.list_ids(self.context.database.conn, FOLLOWUP_CASES, request)

    def keys(self, request: FollowupRequest = FollowupRequest(), today: date | None = None) -> list[int]:
        """The follow-up list in order, as row keys (an assignment's id, or minus a case's id): overdue assignments
        (oldest deadline first), overdue cases, assignments due soon, the other assignments waiting for a result,
        then the cases whose citizen is waiting to be told; the ALL view ends with the assignments that have their
        result, latest deadline first."""
        self.context.require(Permission.READ)
        plan = self._plan(request, today)
        view, day = plan.view, plan.today.isoformat()
        keys: list[int] = []
        if view in (FollowupView.PENDING, FollowupView.OVERDUE, FollowupView.WAITING_RESULT, FollowupView.ALL):
            keys += self._assignment_ids(plan, overdue_on=day)
        overdue_cases: list[int] = []
        if view in (FollowupView.PENDING, FollowupView.OVERDUE, FollowupView.ALL):
            overdue_cases = self._overdue_case_ids(plan)
            keys += [-case_id for case_id in overdue_cases]
        if view is not FollowupView.OVERDUE and view is not FollowupView.WAITING_TELL:
            keys += self._assignment_ids(plan, due_between=(day, plan.soon_until.isoformat()))
        if view in (FollowupView.PENDING, FollowupView.WAITING_RESULT, FollowupView.ALL):
            keys += self._assignment_ids(plan, waiting_after=plan.soon_until.isoformat())
        if view in (FollowupView.PENDING, FollowupView.WAITING_TELL, FollowupView.ALL):
            listed = set(overdue_cases)
            keys += [-case_id for case_id in self._ready_case_ids(plan) if case_id not in listed]
        if view is FollowupView.ALL:
            keys += self._assignment_ids(plan, sort="latest", with_result=True)
        return keys

    def counts(self, request: FollowupRequest = FollowupRequest(), today: date | None = None) -> FollowupCounts:
        """The figures over the follow-up list (the request's assignee and dates apply, not its view)."""
        self.context.require(Permission.READ)
        plan = self._plan(request, today)
        day = plan.today.isoformat()
        db = self.context.database

        def count(spec, filters: dict[str, Any]) -> int:
            return db.scalar(*listing.count_query(spec, self.context.scoped(listing.ListRequest(filters=filters))))

        return FollowupCounts(
            overdue_assignments=count(FOLLOWUP_ASSIGNMENTS, {**plan.assignment_filters, "overdue_on": day}),
            overdue_cases=count(FOLLOWUP_CASES, {**plan.case_filters, "overdue_on": day}),
            due_soon=count(FOLLOWUP_ASSIGNMENTS, {**plan.assignment_filters,
                                                  "due_between": (day, plan.soon_until.isoformat())}),
            waiting_result=count(FOLLOWUP_ASSIGNMENTS, {**plan.assignment_filters, "open": True}),
            waiting_tell=count(FOLLOWUP_CASES, {**plan.result_filters, "ready_to_tell": True}),
        )

    def rows(self, keys: list[int], request: FollowupRequest = FollowupRequest(),
             today: date | None = None) -> list[dict[str, Any]]:
        """The rows of these keys, in their order, in one shape for assignments and cases: kind, uuid, case_uuid,
        state, date (the deadline, the case's due date, or the day its last result came in), days_late,
        working_days_left, case_summary, citizen_name (masked for a protected person), case_status, assignee,
        task, result, result_on, told_on, told_how, untold (a case's results not told yet) and ready_to_tell (a case
        whose every result is in, some not told)."""
        self.context.require(Permission.READ)
        plan = self._plan(FollowupRequest(soon_days=request.soon_days), today)
        conn = self.context.database.conn
        assignment_ids = [k for k in keys if k > 0]
        case_ids = [-k for k in keys if k < 0]
        found: dict[int, dict[str, Any]] = {}
        for record in listing.rows_by_ids(conn, FOLLOWUP_ASSIGNMENTS, assignment_ids):
            found[record["id"]] = self._assignment_row(dict(record), plan)
        if case_ids:
            assignees: dict[int, list[str]] = {}
            marks = ",".join("?" * len(case_ids))
            for case_id, name in conn.execute(CASE_ASSIGNEES.format(marks=marks), case_ids):
                names = assignees.setdefault(case_id, [])
                if name not in names:
                    names.append(name)
            for record in listing.rows_by_ids(conn, FOLLOWUP_CASES, case_ids):
                found[-record["id"]] = self._case_row(dict(record), assignees.get(record["id"], []), plan)
        return [found[k] for k in keys if k in found]

    def _assignment_row(self, record: dict[str, Any], plan: _Plan) -> dict[str, Any]:
        deadline = date.fromisoformat(record["deadline"])
        days_late = working_left = None
        if record["result_on"] is None:
            if deadline < plan.today:
                state, days_late = FollowupState.OVERDUE, (plan.today - deadline).days
            elif deadline <= plan.soon_until:
                state = FollowupState.DUE_SOON
                working_left = self.context.calendar.working_days_between(plan.today, deadline)
            else:
                state = FollowupState.WAITING_RESULT
        else:
            state = FollowupState.TOLD if record["citizen_told_on"] else FollowupState.RESULT_IN
        return {
            "key": _key_of(ASSIGNMENT, record["id"]), "kind": ASSIGNMENT, "uuid": record["uuid"],
            "case_uuid": record["case_uuid"], "state": state.value, "date": record["deadline"],
            "days_late": days_late, "working_days_left": working_left, "case_summary": record["case_summary"],
            "citizen_name": record["citizen_name"] or "", "case_status": record["case_status"],
            "case_informed_on": record["case_informed_on"], "assignee": record["assignee"], "task": record["task"],
            "assigned_on": record["assigned_on"], "result": record["result"] or "", "result_on": record["result_on"],
            "told_on": record["citizen_told_on"], "told_how": record["citizen_told_how"] or "",
            "untold": 1 if state is FollowupState.RESULT_IN else 0, "ready_to_tell": False,
        }

    @staticmethod
    def _case_row(record: dict[str, Any], assignees: list[str], plan: _Plan) -> dict[str, Any]:
        due = date.fromisoformat(record["due_date"]) if record["due_date"] else None
        overdue = record["status"] in OPEN_STATUSES and due is not None and due < plan.today
        state = FollowupState.OVERDUE if overdue else FollowupState.WAITING_TELL
        return {
            "key": _key_of(CASE, record["id"]), "kind": CASE, "uuid": record["uuid"], "case_uuid": record["uuid"],
            "state": state.value, "date": record["due_date"] if overdue else record["results_on"],
            "days_late": (plan.today - due).days if overdue else None, "working_days_left": None,
            "case_summary": record["summary"], "citizen_name": record["citizen_name"] or "",
            "case_status": record["status"], "case_informed_on": record["informed_on"],
            "assignee": "; ".join(assignees), "task": "", "assigned_on": None, "result": "",
            "result_on": record["results_on"], "told_on": None, "told_how": "", "untold": record["untold"],
            "ready_to_tell": bool(record["untold"] and not record["pending"]
                                  and record["status"] in TELLABLE_STATUSES),
        }

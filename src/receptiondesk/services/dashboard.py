"""The desk's home dashboard, read only: today's and this month's figures, what is overdue, the sessions ahead;
its short lists reuse the list specs, so they match what those lists show."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.cases import ContentType
from receptiondesk.domain.sessions import SessionStatus
from receptiondesk.errors import UserError
from receptiondesk.services.context import DeskContext
from receptiondesk.storage import listing
from receptiondesk.storage.assignments import ASSIGNMENT_LIST
from receptiondesk.storage.cases import CASE_LIST
from receptiondesk.storage.sessions import SESSION_LIST

#: How many overdue cases (and overdue assignments) the dashboard lists by default.
OVERDUE_LIMIT = 20
#: How many planned sessions the dashboard lists.
UPCOMING_SESSIONS = 10

#: Visits and persons from the 1st of the month to today, and of today alone, in one pass over the date index.
VISIT_FIGURES = """SELECT count(*) AS month_visits, coalesce(sum(headcount), 0) AS month_persons,
    coalesce(sum(visit_date = ?), 0) AS today_visits,
    coalesce(sum(CASE WHEN visit_date = ? THEN headcount ELSE 0 END), 0) AS today_persons
FROM visits WHERE visit_date BETWEEN ? AND ? AND voided = 0{unit}"""

#: Cases received in a date range by content type; the IN list lets (content_type, received_on) serve it.
CASES_BY_TYPE = f"""SELECT content_type, count(*) AS cases FROM cases
WHERE content_type IN ({', '.join('?' * len(ContentType))}) AND received_on BETWEEN ? AND ? AND voided = 0{{unit}}
GROUP BY content_type"""


@dataclass(frozen=True)
class OverdueCase:
    """An open case whose current step's due date has passed."""

    uuid: str
    summary: str
    content_type: str
    citizen_name: str  # as the case list shows it: masked for a protected person, "" for an anonymous letter
    due_date: date
    days_overdue: int


@dataclass(frozen=True)
class OverdueAssignment:
    """An assignment whose deadline has passed with no result reported."""

    uuid: str
    case_uuid: str
    assignee: str
    task: str
    deadline: date
    days_overdue: int


@dataclass(frozen=True)
class UpcomingSession:
    """A planned leader's session from today on."""

    uuid: str
    session_date: date
    leader_name: str
    leader_role: str
    location: str
    kind: str
    case_count: int


@dataclass(frozen=True)
class DashboardSummary:
    """What the home dashboard shows on `today`; month figures run from `month_start` to `today`."""

    today: date
    month_start: date
    today_visits: int
    today_persons: int
    month_visits: int
    month_persons: int
    month_cases_by_type: dict[str, int]
    overdue_cases: list[OverdueCase]
    overdue_cases_total: int
    overdue_assignments: list[OverdueAssignment]
    overdue_assignments_total: int
    upcoming_sessions: list[UpcomingSession]

    @property
    def overdue_total(self) -> int:
        """Overdue cases and overdue assignments together (the status bar's figure)."""
        return self.overdue_cases_total + self.overdue_assignments_total


def _overdue_cases_request(today: date) -> listing.ListRequest:
    return listing.ListRequest(filters={"overdue_on": today.isoformat()}, sort="due")


def _overdue_assignments_request(today: date) -> listing.ListRequest:
    return listing.ListRequest(filters={"overdue_on": today.isoformat()}, sort="deadline")


def _upcoming_sessions_request(today: date) -> listing.ListRequest:
    return listing.ListRequest(filters={"status": SessionStatus.PLANNED.value, "date_from": today.isoformat()},
                               sort="oldest")


def queries(today: date, limit: int = OVERDUE_LIMIT,
            scoped: Callable[[listing.ListRequest], listing.ListRequest] = lambda request: request,
            ) -> dict[str, tuple[str, list[Any]]]:
    """Every query of the summary by name, as (sql, parameters): the service runs these, the plan tests explain
    them. `scoped` makes a list the desk's own (DeskContext.scoped: the upper level's own unit on its desk)."""
    day = today.isoformat()
    month_start = today.replace(day=1).isoformat()
    unit = scoped(listing.ListRequest()).unit_code
    condition, extra = ("", []) if unit is None else (" AND unit_code = ?", [unit])
    cases, assignments = scoped(_overdue_cases_request(today)), scoped(_overdue_assignments_request(today))
    return {
        "visit_figures": (VISIT_FIGURES.format(unit=condition), [day, day, month_start, day, *extra]),
        "cases_by_type": (CASES_BY_TYPE.format(unit=condition),
                          [*(t.value for t in ContentType), month_start, day, *extra]),
        "overdue_cases": listing.row_query(CASE_LIST, cases, limit),
        "overdue_cases_total": listing.count_query(CASE_LIST, cases),
        "overdue_assignments": listing.row_query(ASSIGNMENT_LIST, assignments, limit),
        "overdue_assignments_total": listing.count_query(ASSIGNMENT_LIST, assignments),
        "upcoming_sessions": listing.row_query(SESSION_LIST, scoped(_upcoming_sessions_request(today)),
                                               UPCOMING_SESSIONS),
    }


class DashboardService:
    """The figures and short lists of the desk's home page; reads only."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    def summary(self, today: date | None = None, *, limit: int = OVERDUE_LIMIT) -> DashboardSummary:
        """The dashboard on `today` (the desk's today in Vietnam by default); at most `limit` overdue cases and
        `limit` overdue assignments are listed, oldest due first, while the totals count them all."""
        self.context.require(Permission.READ)
        if not isinstance(limit, int) or not 1 <= limit <= listing.MAX_PAGE:
            raise UserError("list.page_size", max=listing.MAX_PAGE)
        day = today if today is not None else self.context.today()
        sql = queries(day, limit, self.context.scoped)
        db = self.context.database

        visits = db.one(*sql["visit_figures"])
        by_type = {t.value: 0 for t in ContentType}
        for row in db.query(*sql["cases_by_type"]):
            by_type[row["content_type"]] = row["cases"]

        overdue_cases = [
            OverdueCase(uuid=r["uuid"], summary=r["summary"], content_type=r["content_type"],
                        citizen_name=r["citizen_name"] or "", due_date=date.fromisoformat(r["due_date"]),
                        days_overdue=(day - date.fromisoformat(r["due_date"])).days)
            for r in db.query(*sql["overdue_cases"])]
        overdue_assignments = [
            OverdueAssignment(uuid=r["uuid"], case_uuid=r["case_uuid"], assignee=r["assignee"], task=r["task"],
                              deadline=date.fromisoformat(r["deadline"]),
                              days_overdue=(day - date.fromisoformat(r["deadline"])).days)
            for r in db.query(*sql["overdue_assignments"])]
        sessions = [
            UpcomingSession(uuid=r["uuid"], session_date=date.fromisoformat(r["session_date"]),
                            leader_name=r["leader_name"], leader_role=r["leader_role"], location=r["location"],
                            kind=r["kind"], case_count=r["case_count"])
            for r in db.query(*sql["upcoming_sessions"])]

        return DashboardSummary(
            today=day,
            month_start=day.replace(day=1),
            today_visits=visits["today_visits"],
            today_persons=visits["today_persons"],
            month_visits=visits["month_visits"],
            month_persons=visits["month_persons"],
            month_cases_by_type=by_type,
            overdue_cases=overdue_cases,
            overdue_cases_total=db.scalar(*sql["overdue_cases_total"]),
            overdue_assignments=overdue_assignments,
            overdue_assignments_total=db.scalar(*sql["overdue_assignments_total"]),
            upcoming_sessions=sessions,
        )

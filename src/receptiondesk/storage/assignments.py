"""Assignments under follow-up: open, overdue, and citizens not yet told, filtered and sorted in SQL."""

from __future__ import annotations

from receptiondesk.domain.cases import CaseStatus
from receptiondesk.storage.listing import ListSpec, equals

ASSIGNMENT_COLUMNS = """assignments.id, assignments.uuid, assignments.unit_code, assignments.assignee,
    assignments.task, assignments.assigned_on, assignments.deadline, assignments.result, assignments.result_on,
    assignments.citizen_told_on, assignments.citizen_told_how, assignments.voided, assignments.void_reason,
    (SELECT uuid FROM cases WHERE cases.id = assignments.case_id) AS case_uuid,
    (SELECT summary FROM cases WHERE cases.id = assignments.case_id) AS case_summary,
    (SELECT uuid FROM sessions WHERE sessions.id = assignments.session_id) AS session_uuid"""


def _open(value):
    return ("assignments.result_on IS NULL", []) if value else ("assignments.result_on IS NOT NULL", [])


def _overdue(today):
    return "assignments.result_on IS NULL AND assignments.deadline < ?", [str(today)]


def _not_told(value):
    clause = "assignments.result_on IS NOT NULL AND assignments.citizen_told_on IS NULL"
    return (clause, []) if value else (f"NOT ({clause})", [])


def _case(value):
    return "assignments.case_id = (SELECT id FROM cases WHERE uuid = ?)", [value]


def _session(value):
    return "assignments.session_id = (SELECT id FROM sessions WHERE uuid = ?)", [value]


ASSIGNMENT_LIST = ListSpec(
    table="assignments",
    columns=ASSIGNMENT_COLUMNS,
    filters={
        "open": _open,
        "overdue_on": _overdue,
        "citizen_not_told": _not_told,
        "assignee": equals("assignments.assignee"),
        "case": _case,
        "session": _session,
    },
    sorts={
        "deadline": "assignments.deadline ASC, assignments.id ASC",
        "newest": "assignments.assigned_on DESC, assignments.id DESC",
    },
    default_sort="deadline",
)


# -- the follow-up list ---------------------------------------------------------------------------------------
# What the follow-up screen shows: assignments (by urgency) and the cases that need the desk (overdue, or every
# result in and the citizen not told yet). Each part is its own indexed query; the service puts them in order.
# Rows are keyed by signed integers: an assignment by its id, a case by minus its id.

FOLLOWUP_ASSIGNMENT_COLUMNS = """assignments.id, assignments.uuid, assignments.assignee, assignments.task,
    assignments.assigned_on, assignments.deadline, assignments.result, assignments.result_on,
    assignments.citizen_told_on, assignments.citizen_told_how, cases.uuid AS case_uuid, cases.summary AS case_summary,
    cases.status AS case_status, cases.informed_on AS case_informed_on, cases.due_date AS case_due_date,
    (SELECT full_name FROM citizens WHERE citizens.id = cases.citizen_id) AS citizen_name"""

FOLLOWUP_CASE_COLUMNS = """cases.id, cases.uuid, cases.summary, cases.status, cases.content_type, cases.received_on,
    cases.due_date, cases.informed_on,
    (SELECT full_name FROM citizens WHERE citizens.id = cases.citizen_id) AS citizen_name,
    (SELECT max(result_on) FROM assignments
        WHERE assignments.case_id = cases.id AND assignments.voided = 0) AS results_on,
    (SELECT count(*) FROM assignments WHERE assignments.case_id = cases.id AND assignments.voided = 0
        AND assignments.result_on IS NOT NULL AND assignments.citizen_told_on IS NULL) AS untold,
    (SELECT count(*) FROM assignments WHERE assignments.case_id = cases.id AND assignments.voided = 0
        AND assignments.result_on IS NULL) AS pending"""

#: Statuses in which telling the citizen moves a case to "informed" (see FollowupService.record_citizen_told).
TELLABLE_STATUSES = (CaseStatus.RECEIVED.value, CaseStatus.IN_PROGRESS.value, CaseStatus.CONCLUDED.value)


def _live_case(value):
    """Assignments of a case that was not voided (a voided case's assignments are out of follow-up)."""
    return ("cases.voided = 0", []) if value else ("cases.voided = 1", [])


def _due_between(days):
    first, last = days
    return "assignments.result_on IS NULL AND assignments.deadline BETWEEN ? AND ?", [str(first), str(last)]


def _waiting_after(day):
    return "assignments.result_on IS NULL AND assignments.deadline > ?", [str(day)]


def _with_result(value):
    """Assignments with their result; written as a range (every ISO date is > '') so the result index serves it."""
    return ("assignments.result_on > ''", []) if value else ("assignments.result_on IS NULL", [])


def _assignees_in(names):
    """One of these assignees exactly (the service turns typed text into the names it matches)."""
    names = list(names)
    if not names:
        return "0", []
    return f"assignments.assignee IN ({','.join('?' * len(names))})", names


def _deadline_from(day):
    return "assignments.deadline >= ?", [str(day)]


def _deadline_to(day):
    return "assignments.deadline <= ?", [str(day)]


FOLLOWUP_ASSIGNMENTS = ListSpec(
    table="assignments",
    columns=FOLLOWUP_ASSIGNMENT_COLUMNS,
    joins=" JOIN cases ON cases.id = assignments.case_id",
    filters={
        "live_case": _live_case,
        "open": _open,
        "with_result": _with_result,
        "overdue_on": _overdue,
        "due_between": _due_between,
        "waiting_after": _waiting_after,
        "assignees": _assignees_in,
        "deadline_from": _deadline_from,
        "deadline_to": _deadline_to,
    },
    sorts={
        "deadline": "assignments.deadline ASC, assignments.id ASC",
        "latest": "assignments.deadline DESC, assignments.id DESC",
    },
    default_sort="deadline",
)


def _case_overdue(today):
    return "cases.status IN ('received', 'in_progress') AND cases.due_date < ?", [str(today)]


def _ready_to_tell(value):
    """Every live assignment of the case has its result, at least one is not told yet, and the case still waits
    for the citizen to be told."""
    # The unary + keeps SQLite from walking the status index: the few untold results lead instead.
    clause = (f"+cases.status IN ({', '.join(repr(s) for s in TELLABLE_STATUSES)}) "
              "AND cases.id IN (SELECT case_id FROM assignments WHERE assignments.citizen_told_on IS NULL "
              "AND assignments.result_on IS NOT NULL AND assignments.voided = 0) "
              "AND NOT EXISTS (SELECT 1 FROM assignments WHERE assignments.case_id = cases.id "
              "AND assignments.voided = 0 AND assignments.result_on IS NULL)")
    return (clause, []) if value else (f"NOT ({clause})", [])


def _case_assignees_in(names):
    names = list(names)
    if not names:
        return "0", []
    return (f"cases.id IN (SELECT case_id FROM assignments WHERE assignments.voided = 0 "
            f"AND assignments.assignee IN ({','.join('?' * len(names))}))", names)


def _case_due_from(day):
    return "cases.due_date >= ?", [str(day)]


def _case_due_to(day):
    return "cases.due_date <= ?", [str(day)]


def _results_from(day):
    return ("(SELECT max(result_on) FROM assignments WHERE assignments.case_id = cases.id "
            "AND assignments.voided = 0) >= ?", [str(day)])


def _results_to(day):
    return ("(SELECT max(result_on) FROM assignments WHERE assignments.case_id = cases.id "
            "AND assignments.voided = 0) <= ?", [str(day)])


FOLLOWUP_CASES = ListSpec(
    table="cases",
    columns=FOLLOWUP_CASE_COLUMNS,
    filters={
        "overdue_on": _case_overdue,
        "ready_to_tell": _ready_to_tell,
        "assignees": _case_assignees_in,
        "due_from": _case_due_from,
        "due_to": _case_due_to,
        "results_from": _results_from,
        "results_to": _results_to,
    },
    sorts={
        "due": "cases.due_date ASC, cases.id ASC",
        # Longest waiting first: the day the last result came in.
        "results": "(SELECT max(result_on) FROM assignments WHERE assignments.case_id = cases.id "
                   "AND assignments.voided = 0) ASC, cases.id ASC",
    },
    default_sort="due",
)

#: Every assignee name in use (the typed assignee filter is matched against these, folded, in Python).
ASSIGNEE_NAMES = "SELECT DISTINCT assignee FROM assignments WHERE voided = 0"

#: The live assignees of some cases, in the order they were assigned.
CASE_ASSIGNEES = "SELECT case_id, assignee FROM assignments WHERE voided = 0 AND case_id IN ({marks}) ORDER BY id"

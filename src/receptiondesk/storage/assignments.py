"""Assignments under follow-up: open, overdue, and citizens not yet told, filtered and sorted in SQL."""

from __future__ import annotations

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

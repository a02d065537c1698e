"""Cases: the case list with its filters (type, field, status, overdue...) and sorts."""

from __future__ import annotations

from receptiondesk.storage.listing import ListSpec, at_least, at_most, equals, flag
from receptiondesk.storage.search import match_expression

CASE_COLUMNS = """cases.id, cases.uuid, cases.unit_code, cases.received_on, cases.source, cases.content_type,
    cases.field_code, cases.summary, cases.respondent_name, cases.respondent_position, cases.respondent_body,
    cases.in_competence, cases.direction, cases.direction_body, cases.direction_doc, cases.refusal_ground,
    cases.flag_bypass, cases.flag_long_running, cases.flag_complex, cases.needs_verification, cases.status,
    cases.step_started_on, cases.due_date, cases.concluded_on, cases.conclusion, cases.informed_on,
    cases.closed_on, cases.closed_reason, cases.voided, cases.void_reason, cases.version, cases.citizen_id,
    (SELECT full_name FROM citizens WHERE citizens.id = cases.citizen_id) AS citizen_name,
    (SELECT count(*) FROM visit_cases WHERE visit_cases.case_id = cases.id) AS visit_count"""


def _overdue(today):
    return "cases.status IN ('received', 'in_progress') AND cases.due_date < ?", [str(today)]


def _search(text):
    """Cases whose folded citizen name, respondent or summary hold every word of `text` (diacritics optional)."""
    match = match_expression(str(text))
    if match is None:
        return "1", []
    return "cases.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)", [match]


CASE_LIST = ListSpec(
    table="cases",
    columns=CASE_COLUMNS,
    filters={
        "received_from": at_least("cases.received_on"),
        "received_to": at_most("cases.received_on"),
        "content_type": equals("cases.content_type"),
        "field_code": equals("cases.field_code"),
        "status": equals("cases.status"),
        "direction": equals("cases.direction"),
        "respondent_body": equals("cases.respondent_body"),
        "due_before": at_most("cases.due_date"),
        "overdue_on": _overdue,
        "in_competence": flag("cases.in_competence"),
        "complex": flag("cases.flag_complex"),
        "bypass": flag("cases.flag_bypass"),
        "long_running": flag("cases.flag_long_running"),
        "match": _search,
    },
    sorts={
        "newest": "cases.received_on DESC, cases.id DESC",
        "oldest": "cases.received_on ASC, cases.id ASC",
        "due": "cases.due_date ASC, cases.id ASC",
    },
    default_sort="newest",
)

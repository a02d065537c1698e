"""Visits in the logbook: the list the desk shows, its filters and sorts, and full-text search."""

from __future__ import annotations

import sqlite3

from receptiondesk.storage.listing import ListSpec, at_least, at_most, equals, flag, year_of

#: What a logbook row shows; the content types come from the visit's cases.
VISIT_COLUMNS = """visits.id, visits.uuid, visits.unit_code, visits.year, visits.logbook_no, visits.visit_date,
    visits.full_name, visits.address, visits.id_number, visits.summary, visits.headcount, visits.is_delegation,
    visits.came_as, visits.channel, visits.reception_kind, visits.direction, visits.direction_body,
    visits.direction_doc, visits.in_competence, visits.first_time, visits.prior_handler, visits.followup,
    visits.notes, visits.voided, visits.void_reason, visits.citizen_id,
    (SELECT group_concat(c.content_type) FROM visit_cases vc JOIN cases c ON c.id = vc.case_id
      WHERE vc.visit_id = visits.id) AS content_types,
    (SELECT group_concat(c.field_code) FROM visit_cases vc JOIN cases c ON c.id = vc.case_id
      WHERE vc.visit_id = visits.id) AS field_codes"""


def _case_attribute(column: str):
    return lambda value: (
        f"EXISTS (SELECT 1 FROM visit_cases vc JOIN cases c ON c.id = vc.case_id "
        f"WHERE vc.visit_id = visits.id AND c.{column} = ?)", [value])


def _session(value):
    return "visits.session_id = (SELECT id FROM sessions WHERE uuid = ?)", [value]


def _citizen(value):
    return "visits.citizen_id = (SELECT id FROM citizens WHERE uuid = ?)", [value]


def _case(value):
    return ("visits.id IN (SELECT vc.visit_id FROM visit_cases vc WHERE vc.case_id = "
            "(SELECT id FROM cases WHERE uuid = ?))", [value])


VISIT_LIST = ListSpec(
    table="visits",
    columns=VISIT_COLUMNS,
    filters={
        "date_from": at_least("visits.visit_date"),
        "date_to": at_most("visits.visit_date"),
        "year": year_of("visits.visit_date"),
        "reception_kind": equals("visits.reception_kind"),
        "channel": equals("visits.channel"),
        "direction": equals("visits.direction"),
        "in_competence": flag("visits.in_competence"),
        "is_delegation": flag("visits.is_delegation"),
        "first_time": flag("visits.first_time"),
        "id_number": equals("visits.id_number"),
        "session": _session,
        "citizen": _citizen,
        "case": _case,
        "content_type": _case_attribute("content_type"),
        "field_code": _case_attribute("field_code"),
    },
    sorts={
        "newest": "visits.visit_date DESC, visits.id DESC",
        "oldest": "visits.visit_date ASC, visits.id ASC",
        "logbook": "visits.unit_code DESC, visits.year DESC, visits.logbook_no DESC",
        "name": "visits.name_sort ASC, visits.id ASC",
    },
    default_sort="newest",
)


def search_sql(include_voided: bool = False) -> str:
    """The search query: the page's ids are chosen first (FTS match, date order, LIMIT), then only those rows
    get their columns. Parameters: the MATCH expression, LIMIT, OFFSET."""
    voided = "" if include_voided else " AND visits.voided = 0"
    return (f"SELECT {VISIT_COLUMNS} FROM visits JOIN ("
            f"SELECT visits.id AS hit FROM visit_search JOIN visits ON visits.id = visit_search.rowid "
            f"WHERE visit_search MATCH ?{voided} ORDER BY visits.visit_date DESC, visits.id DESC LIMIT ? OFFSET ?"
            f") AS page ON visits.id = page.hit ORDER BY visits.visit_date DESC, visits.id DESC")


def search_visits(conn: sqlite3.Connection, match: str, limit: int, offset: int = 0,
                  include_voided: bool = False) -> list[sqlite3.Row]:
    """The newest visits whose folded name, address or content match `match` (an FTS5 expression)."""
    return conn.execute(search_sql(include_voided), (match, int(limit), int(offset))).fetchall()

"""EXPLAIN QUERY PLAN proves every list filter and sort is served by an index, never a full table scan."""

from __future__ import annotations

import re

import pytest

from receptiondesk.storage import listing
from receptiondesk.storage.assignments import ASSIGNMENT_LIST
from receptiondesk.storage.cases import CASE_LIST
from receptiondesk.storage.database import open_database
from receptiondesk.storage.letters import LETTER_LIST
from receptiondesk.storage.sessions import SESSION_LIST
from receptiondesk.storage.visits import VISIT_LIST, search_sql

SPECS = (VISIT_LIST, CASE_LIST, LETTER_LIST, SESSION_LIST, ASSIGNMENT_LIST)

SAMPLE_VALUES = {
    "date_from": "2026-01-01", "date_to": "2026-02-01", "year": 2026, "reception_kind": "routine",
    "channel": "online", "direction": "guided", "in_competence": True, "is_delegation": True, "first_time": True,
    "id_number": "001085012345", "session": "uuid", "citizen": "uuid", "case": "uuid", "content_type": "complaint",
    "field_code": "land", "received_from": "2026-01-01", "received_to": "2026-02-01", "status": "received",
    "respondent_body": "UBND xã", "due_before": "2026-01-01", "overdue_on": "2026-01-01", "complex": True,
    "bypass": True, "long_running": True, "match": '"nguyen"', "sector": "state", "kind": "dialogue", "open": True,
    "citizen_not_told": True, "assignee": "Công an xã",
}

#: Filters that pick out a handful of rows (one citizen, one case...): sorting those few rows is fine.
SELECTIVE_FILTERS = {"id_number", "session", "citizen", "case", "match", "respondent_body", "overdue_on",
                     "citizen_not_told"}

TABLES = {spec.table for spec in SPECS}


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("plans") / "desk.sqlite3")
    yield database.conn
    database.close()


def _plan(conn, sql, params) -> list[str]:
    return [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]


def _requests():
    for spec in SPECS:
        for sort in spec.sorts:
            yield pytest.param(spec, sort, None, id=f"{spec.table}-sort-{sort}")
        for name in spec.filters:
            yield pytest.param(spec, None, name, id=f"{spec.table}-filter-{name}")


@pytest.mark.parametrize(("spec", "sort", "filter_name"), list(_requests()))
def test_list_query_uses_an_index(conn, spec, sort, filter_name):
    filters = {filter_name: SAMPLE_VALUES[filter_name]} if filter_name else {}
    request = listing.ListRequest(filters=filters, sort=sort)
    for sql, params in (listing.row_query(spec, request, 100), listing.id_query(spec, request)):
        plan = _plan(conn, sql, params)
        full_scans = [line for line in plan if re.fullmatch(rf"SCAN ({'|'.join(TABLES)})( AS \w+)?", line)]
        assert not full_scans, plan
        if filter_name not in SELECTIVE_FILTERS:
            assert "USE TEMP B-TREE FOR ORDER BY" not in plan, plan


def test_full_text_search_starts_from_the_index_not_the_visits_table(conn):
    plan = _plan(conn, search_sql(), ('"nguyen" "van" "duc"', 50, 0))
    assert any(line.startswith("SCAN visit_search VIRTUAL TABLE") for line in plan), plan
    assert not any(re.fullmatch(r"SCAN visits( AS \w+)?", line) for line in plan), plan

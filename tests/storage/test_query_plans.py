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
    "citizen_not_told": True, "assignee": "Công an xã", "respondent": "ubnd xa kep",
}

#: Filters that pick out a handful of rows (one citizen, one case...): sorting those few rows is fine.
SELECTIVE_FILTERS = {"id_number", "session", "citizen", "case", "match", "respondent_body", "overdue_on",
                     "citizen_not_told", "respondent"}

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


#: The index that serves each sort of the case list (both directions): a header click never sorts in a temp B-tree.
CASE_SORT_INDEXES = {"newest": "cases_received", "oldest": "cases_received", "due": "cases_due",
                     "type": "cases_type_received", "field": "cases_field_received",
                     "status": "cases_status_received", "respondent": "cases_respondent"}


@pytest.mark.parametrize("sort", sorted(CASE_LIST.sorts))
def test_every_case_sort_walks_its_index(conn, sort):
    index = CASE_SORT_INDEXES[sort.removesuffix("_desc")]
    sql, params = listing.id_query(CASE_LIST, listing.ListRequest(sort=sort))
    plan = _plan(conn, sql, params)
    assert plan == [f"SCAN cases USING INDEX {index}"], plan


def test_case_respondent_filter_starts_from_the_search_index(conn):
    sql, params = listing.id_query(CASE_LIST, listing.ListRequest(filters={"respondent": "UBND xã Kép"}))
    assert params == ['respondent : ("ubnd" "xa" "kep")']
    plan = _plan(conn, sql, params)
    assert any(line.startswith("SCAN case_search VIRTUAL TABLE") for line in plan), plan
    assert not any(re.fullmatch(r"SCAN cases( AS \w+)?", line) for line in plan), plan


def test_case_page_by_ids_reads_each_row_by_its_key(conn):
    plan = _plan(conn, f"SELECT {CASE_LIST.columns} FROM cases WHERE cases.id IN (?, ?, ?)", (1, 2, 3))
    assert plan[0] == "SEARCH cases USING INTEGER PRIMARY KEY (rowid=?)", plan
    assert not any(re.fullmatch(rf"SCAN ({'|'.join(TABLES)})( AS \w+)?", line) for line in plan), plan


# -- the follow-up list (services/followup.py): each part of it is served by an index --------------------------

from receptiondesk.storage.assignments import (  # noqa: E402 - appended section
    ASSIGNEE_NAMES,
    FOLLOWUP_ASSIGNMENTS,
    FOLLOWUP_CASES,
)

FOLLOWUP_VALUES = {
    "live_case": True, "open": True, "with_result": True, "overdue_on": "2026-03-12",
    "due_between": ("2026-03-12", "2026-03-17"),
    "waiting_after": "2026-03-17", "assignees": ["Công an xã", "Công an phường"], "deadline_from": "2026-01-01",
    "deadline_to": "2026-03-31", "ready_to_tell": True, "due_from": "2026-01-01", "due_to": "2026-03-31",
    "results_from": "2026-01-01", "results_to": "2026-03-31",
}

#: What the service asks: (spec, filters, sort). The assignment parts always carry live_case.
FOLLOWUP_REQUESTS = {
    "overdue assignments": (FOLLOWUP_ASSIGNMENTS, ("live_case", "overdue_on"), "deadline"),
    "due soon": (FOLLOWUP_ASSIGNMENTS, ("live_case", "due_between"), "deadline"),
    "waiting for a result": (FOLLOWUP_ASSIGNMENTS, ("live_case", "waiting_after"), "deadline"),
    "every open assignment": (FOLLOWUP_ASSIGNMENTS, ("live_case", "open"), "deadline"),
    "with a result": (FOLLOWUP_ASSIGNMENTS, ("live_case", "with_result"), "latest"),
    "by assignee": (FOLLOWUP_ASSIGNMENTS, ("live_case", "overdue_on", "assignees"), "deadline"),
    "by deadline": (FOLLOWUP_ASSIGNMENTS, ("live_case", "open", "deadline_from", "deadline_to"), "deadline"),
    "overdue cases": (FOLLOWUP_CASES, ("overdue_on",), "due"),
    "overdue cases by assignee and date": (FOLLOWUP_CASES, ("overdue_on", "assignees", "due_from", "due_to"), "due"),
    "cases to tell": (FOLLOWUP_CASES, ("ready_to_tell",), "results"),
    "cases to tell by assignee and date": (FOLLOWUP_CASES, ("ready_to_tell", "assignees", "results_from",
                                                            "results_to"), "results"),
}


@pytest.mark.parametrize("name", list(FOLLOWUP_REQUESTS))
def test_follow_up_queries_use_an_index(conn, name):
    spec, filter_names, sort = FOLLOWUP_REQUESTS[name]
    filters = {f: FOLLOWUP_VALUES[f] for f in filter_names}
    request = listing.ListRequest(filters=filters, sort=sort)
    for sql, params in (listing.id_query(spec, request), listing.row_query(spec, request, 100),
                        listing.count_query(spec, request)):
        plan = _plan(conn, sql, params)
        assert not [line for line in plan if re.fullmatch(rf"SCAN ({'|'.join(TABLES)})( AS \w+)?", line)], plan
    if spec is FOLLOWUP_ASSIGNMENTS and "assignees" not in filter_names and name != "with a result":
        # the deadline order comes from the (result_on, deadline) index, not from sorting
        assert "USE TEMP B-TREE FOR ORDER BY" not in _plan(conn, *listing.id_query(spec, request))


def test_cases_to_tell_start_from_the_untold_results_not_from_every_case(conn):
    request = listing.ListRequest(filters={"ready_to_tell": True}, sort="results")
    plan = _plan(conn, *listing.id_query(FOLLOWUP_CASES, request))
    assert any("assignments_told" in line for line in plan), plan
    assert not any(line.startswith("SEARCH cases USING INDEX") for line in plan), plan


def test_every_follow_up_filter_and_sort_is_covered():
    for spec in (FOLLOWUP_ASSIGNMENTS, FOLLOWUP_CASES):
        used = {f for s, names, _ in FOLLOWUP_REQUESTS.values() if s is spec for f in names}
        sorts = {sort for s, _, sort in FOLLOWUP_REQUESTS.values() if s is spec}
        assert used == set(spec.filters) and sorts == set(spec.sorts), spec.table


def test_assignee_names_come_from_the_assignee_index(conn):
    assert any("assignments_assignee" in line for line in _plan(conn, ASSIGNEE_NAMES, ()))

"""Generating into a desk: the promised variety, consistent histories, the same schema, and all or nothing."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from receptiondesk.demo import generator as generator_module
from receptiondesk.demo.loader import generate_into
from receptiondesk.errors import UserError
from receptiondesk.services.cases import recompute_open_due_dates
from receptiondesk.services.desk import Desk
from receptiondesk.services.integrity import check_database
from receptiondesk.storage.database import open_database
from tests.demo.conftest import UNIT, VISITS, YESTERDAY


def scalar(desk: Desk, sql: str, params=()) -> object:
    return desk.database.scalar(sql, params)


def schema(conn: sqlite3.Connection) -> list[tuple]:
    return [tuple(r) for r in conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")]


def test_the_commune_scale_has_every_kind_of_record_and_event(generated_desk):
    desk = generated_desk
    for table in ("signers", "citizens", "cases", "sessions", "visits", "letters", "assignments", "attachments",
                  "visit_cases", "session_cases"):
        assert scalar(desk, f"SELECT count(*) FROM {table}"), table
    assert scalar(desk, "SELECT count(*) FROM visits") == VISITS
    assert scalar(desk, "SELECT count(DISTINCT unit_code) FROM visits") == 1
    checks = {
        "voided visits": "SELECT count(*) FROM visits WHERE voided = 1 AND void_reason != ''",
        "voided letters": "SELECT count(*) FROM letters WHERE voided = 1 AND void_reason != ''",
        "voided assignments": "SELECT count(*) FROM assignments WHERE voided = 1 AND void_reason != ''",
        "delegations": "SELECT count(*) FROM visits WHERE is_delegation = 1 AND json_array_length(representatives) > 0",
        "repeat visits": "SELECT count(*) FROM visits WHERE first_time = 0 AND voided = 0",
        "cases with several visits": "SELECT count(*) FROM (SELECT case_id FROM visit_cases GROUP BY case_id "
                                     "HAVING count(*) > 1)",
        "visits within sessions": "SELECT count(*) FROM visits WHERE reception_kind = 'session' "
                                  "AND session_id IS NOT NULL",
        "online visits": "SELECT count(*) FROM visits WHERE channel = 'online'",
        "chairman sessions": "SELECT count(*) FROM sessions WHERE sector = 'state' AND kind = 'scheduled'",
        "Party secretary sessions": "SELECT count(*) FROM sessions WHERE sector = 'party' AND kind = 'scheduled'",
        "delegated sessions": "SELECT count(*) FROM sessions WHERE delegated = 1 AND delegate_name != ''",
        "dialogues": "SELECT count(*) FROM sessions WHERE kind = 'dialogue' AND subject != ''",
        "cancelled sessions": "SELECT count(*) FROM sessions WHERE status = 'cancelled'",
        "planned sessions": "SELECT count(*) FROM sessions WHERE status = 'planned' AND session_date > '2026-03-09'",
        "conclusions": "SELECT count(*) FROM session_cases WHERE conclusion_kind IS NOT NULL AND conclusion != ''",
        "overdue assignments": "SELECT count(*) FROM assignments WHERE voided = 0 AND result_on IS NULL "
                               "AND deadline < '2026-03-10'",
        "results not told": "SELECT count(*) FROM assignments WHERE voided = 0 AND result_on IS NOT NULL "
                            "AND citizen_told_on IS NULL",
        "citizens told": "SELECT count(*) FROM assignments WHERE citizen_told_on IS NOT NULL "
                         "AND citizen_told_how != ''",
        "posted letters": "SELECT count(*) FROM letters WHERE channel = 'post'",
        "forwarded letters": "SELECT count(*) FROM letters WHERE channel = 'forwarded' AND sender_body != '' "
                             "AND forward_doc != ''",
        "protected citizens": "SELECT count(*) FROM citizens WHERE protected = 1",
        "open overdue cases": "SELECT count(*) FROM cases WHERE status IN ('received', 'in_progress') "
                              "AND due_date < '2026-03-10'",
    }
    missing = [name for name, sql in checks.items() if not scalar(desk, sql)]
    assert missing == []
    statuses = {r[0] for r in desk.database.query("SELECT DISTINCT status FROM cases")}
    assert statuses == {"received", "in_progress", "concluded", "informed", "closed"}
    directions = {r[0] for r in desk.database.query("SELECT DISTINCT direction FROM visits")}
    assert directions == {"guided", "transferred", "accepted", "answered", "filed", "refused"}


def test_the_first_visit_ever_on_a_case_is_first_time_and_no_other(generated_desk):
    rows = generated_desk.database.query(
        "SELECT vc.case_id, vc.visit_id, vc.first_time, v.voided, v.first_time AS visit_first FROM visit_cases vc "
        "JOIN visits v ON v.id = vc.visit_id ORDER BY vc.case_id, v.visit_date, v.created_at, v.id")
    first_of: dict[int, int] = {}
    for row in rows:
        if not row["voided"] and row["case_id"] not in first_of:
            first_of[row["case_id"]] = row["visit_id"]
    for row in rows:
        assert row["first_time"] == int(first_of.get(row["case_id"]) == row["visit_id"]), dict(row)
    mismatched = generated_desk.database.scalar(
        "SELECT count(*) FROM visits v "
        "WHERE first_time != (SELECT max(first_time) FROM visit_cases WHERE visit_id = v.id)")
    assert mismatched == 0


def test_case_histories_hold_together(generated_desk):
    desk = generated_desk
    for case in desk.database.query("SELECT * FROM cases"):
        status, step = case["status"], case["step_started_on"]
        assert step >= case["received_on"]
        expected_step = {"concluded": case["concluded_on"], "informed": case["informed_on"],
                         "closed": case["closed_on"]}.get(status)
        if expected_step is not None:
            assert step == expected_step, dict(case)
        if status in ("concluded", "informed"):
            assert case["concluded_on"] and case["concluded_on"] <= step
        if status == "received":
            assert case["direction"] is None
        else:
            assert case["direction"] is not None
        open_step = status == "received" or (status == "in_progress" and case["direction"] == "accepted")
        assert (case["due_date"] is not None) == open_step, dict(case)
    # Due dates are exactly what the desk computes with its own rules and calendar: nothing moves.
    with desk.database.write() as conn:
        assert recompute_open_due_dates(desk.context, conn) == 0
    told = desk.database.query(
        "SELECT a.citizen_told_on, c.status, c.informed_on FROM assignments a JOIN cases c ON c.id = a.case_id "
        "WHERE a.voided = 0 AND a.citizen_told_on IS NOT NULL")
    assert told and all(r["status"] in ("informed", "closed") and r["informed_on"] == r["citizen_told_on"]
                        for r in told)
    assigned = desk.database.query(
        "SELECT a.assigned_on, s.session_date, sc.conclusion_kind FROM assignments a "
        "JOIN sessions s ON s.id = a.session_id "
        "JOIN session_cases sc ON sc.session_id = s.id AND sc.case_id = a.case_id")
    assert len(assigned) == scalar(desk, "SELECT count(*) FROM assignments")
    assert all(r["assigned_on"] == r["session_date"] and r["conclusion_kind"] == "assign" for r in assigned)
    held_visits = scalar(desk, "SELECT count(*) FROM visits v JOIN sessions s ON s.id = v.session_id "
                               "WHERE s.session_date != v.visit_date OR s.status != 'held'")
    assert held_visits == 0


def test_the_desk_is_sound_and_its_counters_continue_after_the_generated_numbers(generated_desk):
    desk = generated_desk
    assert check_database(desk.context) == []
    highest = scalar(desk, "SELECT max(logbook_no) FROM visits WHERE year = 2026")
    assert scalar(desk, "SELECT last FROM number_counters WHERE scope = 'logbook' AND year = 2026") == highest
    assert scalar(desk, "SELECT value FROM counters WHERE name = 'change_seq'") == max(
        scalar(desk, f"SELECT max(seq) FROM {t}") or 0 for t in ("signers", "citizens", "cases", "sessions", "visits",
                                                                 "letters", "assignments", "attachments"))
    assert desk.logbook.search("nguyen", limit=5)
    audit = desk.database.query("SELECT action, detail FROM audit_log WHERE action = 'demo.generate'")
    assert len(audit) == 1 and '"seed": 11' in audit[0]["detail"]


def test_the_schema_and_settings_after_the_bulk_path_are_those_of_a_migrated_file(generated_desk, tmp_path):
    fresh = open_database(tmp_path / "fresh.sqlite3")
    try:
        expected = schema(fresh.conn)
    finally:
        fresh.close()
    conn = generated_desk.database.conn
    assert schema(conn) == expected
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_desk_that_holds_records_is_refused_and_left_as_it_was(generated_desk):
    desk = generated_desk
    before = scalar(desk, "SELECT count(*) FROM visits"), scalar(desk, "SELECT count(*) FROM audit_log")
    with pytest.raises(UserError) as error:
        generate_into(desk.context, "commune", visits=10)
    assert error.value.code == "demo.desk_not_empty"
    assert "đã có dữ liệu" in error.value.render("vi") and "already holds records" in error.value.render("en")
    assert (scalar(desk, "SELECT count(*) FROM visits"), scalar(desk, "SELECT count(*) FROM audit_log")) == before


@pytest.mark.parametrize("arguments, code", [
    ({"scale": "district"}, "demo.unknown_scale"),
    ({"visits": -1}, "demo.visits_range"),
    ({"until": date(2026, 3, 11)}, "demo.until_future"),
])
def test_bad_arguments_are_refused_with_a_message(ready_desk, arguments, code):
    with pytest.raises(UserError) as error:
        generate_into(ready_desk.context, **{"scale": "commune", **arguments})
    assert error.value.code == code
    assert not error.value.render("en").startswith("demo.")


def test_a_failure_midway_leaves_the_desk_exactly_as_it_was(ready_desk, monkeypatch):
    desk = ready_desk
    conn = desk.database.conn
    before = schema(conn), conn.execute("SELECT count(*) FROM calendar_days").fetchone()[0], \
        conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    original = generator_module.Generator.records

    def broken(self):
        for number, record in enumerate(original(self)):
            if number == 700:
                raise RuntimeError("disk on fire")
            yield record

    monkeypatch.setattr(generator_module.Generator, "records", broken)
    with pytest.raises(RuntimeError):
        generate_into(desk.context, "commune", visits=VISITS, until=date(2024, 12, 31))
    after = schema(conn), conn.execute("SELECT count(*) FROM calendar_days").fetchone()[0], \
        conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    assert after == before
    assert all(not conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
               for t in ("citizens", "cases", "visits", "sessions", "signers"))
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_older_data_brings_the_default_holidays_of_its_years_into_the_calendar(ready_desk):
    desk = ready_desk
    result = generate_into(desk.context, "commune", visits=50, until=date(2023, 6, 30))
    assert result.calendar_years == [2022, 2023, 2024]
    assert (result.first_day, result.last_day) == (date(2022, 7, 1), date(2023, 6, 30))
    assert scalar(desk, "SELECT count(*) FROM calendar_days WHERE day = '2023-09-02'") == 1
    assert not desk.context.calendar.is_working_day(date(2023, 1, 23))  # Tết 2023
    assert scalar(desk, "SELECT min(visit_date) FROM visits") >= "2022-07-01"


def test_the_same_seed_fills_two_desks_alike(ready_desk, another_ready_desk):
    for desk in (ready_desk, another_ready_desk):
        generate_into(desk.context, "commune", visits=120, seed=5)
    query = "SELECT uuid, logbook_no, full_name, summary, direction FROM visits ORDER BY id"
    assert [tuple(r) for r in ready_desk.database.query(query)] == \
        [tuple(r) for r in another_ready_desk.database.query(query)]
    assert ready_desk.context.settings.unit_code == UNIT


def test_the_result_counts_what_was_written(ready_desk):
    result = generate_into(ready_desk.context, "commune", visits=90, seed=3)
    assert result.counts["visit"] == 90 == scalar(ready_desk, "SELECT count(*) FROM visits")
    assert result.total == sum(scalar(ready_desk, f"SELECT count(*) FROM {t}") for t in (
        "signers", "citizens", "cases", "sessions", "visits", "letters", "assignments", "attachments"))
    assert result.last_day == YESTERDAY

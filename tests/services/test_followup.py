"""Follow-up of assignments: deadlines in working days, results, telling the citizen, and the follow-up lists."""

from __future__ import annotations

from datetime import date

import pytest

from receptiondesk.errors import UserError, ValidationError
from receptiondesk.storage.listing import ListRequest
from tests.services.helpers import (
    USERNAME,
    STAMP_AT,
    assert_clear_error,
    assignment,
    audit,
    counts,
    row,
    session,
    visit,
)


@pytest.fixture
def case_uuid(desk) -> str:
    """An accepted complaint received on 02/03/2026."""
    return desk.intake.register_visit(visit(when="2026-03-02")).case_uuids[0]


def test_deadline_in_working_days_from_today(desk, case_uuid):
    saved = desk.followup.create_assignment(assignment(case_uuid, working_days=5))

    assert saved.warnings == []
    stored = row(desk, "assignments", saved.uuid)
    assert (stored["assigned_on"], stored["deadline"]) == ("2026-03-10", "2026-03-17")
    assert (stored["assignee"], stored["result_on"], stored["citizen_told_on"]) == ("Công chức địa chính", None, None)
    assert stored["case_id"] == row(desk, "cases", case_uuid)["id"]
    entry = audit(desk, saved.uuid)
    assert [(e["action"], e["at"], e["actor"]) for e in entry] == [("assignment.create", STAMP_AT, USERNAME)]
    assert entry[0]["detail"] == {"case": case_uuid, "deadline": "2026-03-17"}


@pytest.mark.parametrize("assigned_on, days, deadline", [
    ("2026-02-12", 3, "2026-02-24"),  # Tết 16-20/02 and two weekends are skipped
    ("2026-02-13", 1, "2026-02-23"),
    ("2026-03-06", 1, "2026-03-09"),  # Friday → Monday
], ids=["over Tết", "Friday before Tết", "weekend"])
def test_deadline_skips_weekends_and_holidays(desk, case_uuid, assigned_on, days, deadline):
    saved = desk.followup.create_assignment(assignment(case_uuid, working_days=days, assigned_on=assigned_on))
    assert row(desk, "assignments", saved.uuid)["deadline"] == deadline


def test_deadline_over_30_april(desk, case_uuid, clock):
    clock.set_day(date(2026, 4, 24))
    saved = desk.followup.create_assignment(assignment(case_uuid, working_days=3))
    # 27/04 (substitute for Hùng Kings day), 30/04 and 01/05 are holidays.
    assert row(desk, "assignments", saved.uuid)["deadline"] == "2026-05-04"


def test_explicit_deadline(desk, case_uuid):
    saved = desk.followup.create_assignment(assignment(case_uuid, deadline="20/03/2026", assigned_on="2026-03-09"))
    stored = row(desk, "assignments", saved.uuid)
    assert (stored["assigned_on"], stored["deadline"]) == ("2026-03-09", "2026-03-20")
    assert saved.warnings == []


def test_explicit_deadline_on_a_day_off_warns_and_saves(desk, case_uuid):
    saved = desk.followup.create_assignment(assignment(case_uuid, deadline="2026-04-30"))
    assert [w.code for w in saved.warnings] == ["assignment.deadline_not_working_day"]
    assert saved.warnings[0].warning and "Hạn xử lý" in saved.warnings[0].render("vi")
    assert row(desk, "assignments", saved.uuid)["deadline"] == "2026-04-30"


def test_assignment_from_a_session(desk, case_uuid):
    held = desk.sessions.schedule(session())
    saved = desk.followup.create_assignment(assignment(case_uuid, working_days=10, session_uuid=held.uuid))
    got = desk.followup.get(saved.uuid)
    assert (got["session_uuid"], got["case_uuid"]) == (held.uuid, case_uuid)


@pytest.mark.parametrize("kw, field, code", [
    ({"working_days": 0}, "deadline", "assignment.working_days_range"),
    ({"working_days": 366}, "deadline", "assignment.working_days_range"),
    ({}, "deadline", "value.required"),
    ({"deadline": "2026-03-09"}, "deadline", "assignment.deadline_before_assigned"),
    ({"deadline": "ngày mai"}, "deadline", "value.bad_date"),
    ({"deadline": "2026-03-20", "assignee": "  "}, "assignee", "value.required"),
    ({"deadline": "2026-03-20", "task": ""}, "task", "value.required"),
    ({"deadline": "2026-03-20", "assigned_on": "32/03/2026"}, "assigned_on", "value.bad_date"),
], ids=["0 days", "366 days", "no deadline", "deadline before assigned", "bad deadline", "no assignee", "no task",
        "bad assigned date"])
def test_bad_assignment_is_refused(desk, case_uuid, kw, field, code):
    before = counts(desk)
    with pytest.raises(ValidationError) as caught:
        desk.followup.create_assignment(assignment(case_uuid, **kw))
    assert_clear_error(caught.value, field, code)
    assert counts(desk) == before


def test_assignment_on_an_unknown_case_is_refused(desk):
    before = counts(desk)
    with pytest.raises(UserError) as caught:
        desk.followup.create_assignment(assignment("77777777-7777-7777-7777-777777777777", working_days=5))
    assert_clear_error(caught.value, "case", "record.not_found")
    assert counts(desk) == before


# -- results and telling the citizen --------------------------------------------------------------

def test_record_result(desk, case_uuid):
    saved = desk.followup.create_assignment(assignment(case_uuid, working_days=5, assigned_on="2026-03-02"))
    desk.followup.record_result(saved.uuid, "Đã kiểm tra,  hồ sơ đúng quy định", on="2026-03-06")
    got = desk.followup.get(saved.uuid)
    assert (got["result"], got["result_on"]) == ("Đã kiểm tra, hồ sơ đúng quy định", "2026-03-06")
    assert row(desk, "assignments", saved.uuid)["version"] == 2
    assert audit(desk, saved.uuid)[-1]["action"] == "assignment.result"


@pytest.mark.parametrize("text, on, field, code", [
    ("Kết quả", "2026-03-11", "result_on", "value.date_in_future"),
    ("  ", None, "result", "value.required"),
    ("Kết quả", "2026-03-01", "result_on", "assignment.result_before_assigned"),
], ids=["future", "empty", "before assigned"])
def test_bad_result_is_refused(desk, case_uuid, text, on, field, code):
    saved = desk.followup.create_assignment(assignment(case_uuid, working_days=5, assigned_on="2026-03-02"))
    before = counts(desk)
    with pytest.raises(UserError) as caught:
        desk.followup.record_result(saved.uuid, text, on=on)
    assert_clear_error(caught.value, field, code)
    assert counts(desk) == before


def test_citizen_told_needs_a_result_first(desk, case_uuid):
    saved = desk.followup.create_assignment(assignment(case_uuid, working_days=5))
    before = counts(desk)
    with pytest.raises(UserError) as caught:
        desk.followup.record_citizen_told(saved.uuid, "phone")
    assert caught.value.code == "assignment.no_result_yet"
    assert_clear_error(caught.value, "told_on")
    assert counts(desk) == before


@pytest.mark.parametrize("how, on, field, code", [
    ("pigeon", None, "told_how", "value.not_allowed"),
    ("letter", "2026-03-11", "told_on", "value.date_in_future"),
    ("letter", "2026-03-05", "told_on", "assignment.told_before_result"),
], ids=["bad way", "future", "before result"])
def test_bad_telling_is_refused(desk, case_uuid, how, on, field, code):
    saved = desk.followup.create_assignment(assignment(case_uuid, working_days=5, assigned_on="2026-03-02"))
    desk.followup.record_result(saved.uuid, "Kết quả", on="2026-03-06")
    before = counts(desk)
    with pytest.raises(UserError) as caught:
        desk.followup.record_citizen_told(saved.uuid, how, on=on)
    assert_clear_error(caught.value, field, code)
    assert counts(desk) == before


def test_case_is_informed_when_every_assignment_is_told(desk, case_uuid):
    first = desk.followup.create_assignment(assignment(case_uuid, working_days=5, assigned_on="2026-03-02"))
    second = desk.followup.create_assignment(assignment(case_uuid, working_days=5, assigned_on="2026-03-02",
                                                        assignee="Công an xã"))
    for saved in (first, second):
        desk.followup.record_result(saved.uuid, "Đã xử lý", on="2026-03-05")

    desk.followup.record_citizen_told(first.uuid, "phone", on="2026-03-06")
    assert desk.cases.get(case_uuid)["status"] == "in_progress"
    got = desk.followup.get(first.uuid)
    assert (got["citizen_told_on"], got["citizen_told_how"]) == ("2026-03-06", "phone")

    desk.followup.record_citizen_told(second.uuid, "letter", on="2026-03-09")
    informed = desk.cases.get(case_uuid)
    assert (informed["status"], informed["informed_on"], informed["concluded_on"]) == \
        ("informed", "2026-03-09", "2026-03-09")
    assert (informed["step_started_on"], informed["due_date"]) == ("2026-03-09", None)
    assert informed["version"] == 2
    detail = audit(desk, case_uuid, "case.inform")[0]["detail"]
    assert detail["by"] == "assignment"
    assert detail["changed"]["status"] == ["in_progress", "informed"]
    assert detail["changed"]["informed_on"] == [None, "2026-03-09"]
    assert audit(desk, second.uuid)[-1]["detail"]["changed"]["citizen_told_how"] == ["", "letter"]


def test_concluded_case_keeps_its_conclusion_date_when_informed(desk, case_uuid):
    desk.cases.conclude(case_uuid, "Quyết định giải quyết", on="2026-03-04")
    saved = desk.followup.create_assignment(assignment(case_uuid, working_days=2, assigned_on="2026-03-04"))
    desk.followup.record_result(saved.uuid, "Đã gửi quyết định")
    desk.followup.record_citizen_told(saved.uuid, "in_person")
    got = desk.cases.get(case_uuid)
    assert (got["status"], got["concluded_on"], got["informed_on"]) == ("informed", "2026-03-04", "2026-03-10")


def test_voided_assignment_does_not_hold_the_case_back(desk, case_uuid):
    kept = desk.followup.create_assignment(assignment(case_uuid, working_days=5))
    dropped = desk.followup.create_assignment(assignment(case_uuid, working_days=5, assignee="Nhầm người"))
    desk.voiding.void("assignment", dropped.uuid, "Giao nhầm người")
    desk.followup.record_result(kept.uuid, "Đã xử lý")
    desk.followup.record_citizen_told(kept.uuid, "online")
    assert desk.cases.get(case_uuid)["status"] == "informed"


def test_closed_case_is_not_reopened_by_telling(desk, case_uuid):
    saved = desk.followup.create_assignment(assignment(case_uuid, working_days=5))
    desk.cases.close(case_uuid, reason="Công dân rút đơn")
    desk.followup.record_result(saved.uuid, "Đã xử lý")
    desk.followup.record_citizen_told(saved.uuid, "phone")
    assert desk.cases.get(case_uuid)["status"] == "closed"


def test_telling_does_not_change_a_voided_case(desk, case_uuid):
    saved = desk.followup.create_assignment(assignment(case_uuid, working_days=5))
    desk.followup.record_result(saved.uuid, "Đã xử lý")
    desk.voiding.void("case", case_uuid, "Vụ việc nhập trùng")
    before = row(desk, "cases", case_uuid)
    try:
        desk.followup.record_citizen_told(saved.uuid, "phone")
    except UserError:
        pass
    assert row(desk, "cases", case_uuid) == before


# -- lists ----------------------------------------------------------------------------------------

@pytest.fixture
def three_assignments(desk, case_uuid):
    """open (deadline 17/03), done but not told (deadline 05/03), done and told (deadline 04/03)."""
    open_one = desk.followup.create_assignment(assignment(case_uuid, working_days=5, assignee="Địa chính"))
    not_told = desk.followup.create_assignment(assignment(case_uuid, deadline="2026-03-05", assigned_on="2026-03-02",
                                                          assignee="Công an xã"))
    told = desk.followup.create_assignment(assignment(case_uuid, deadline="2026-03-04", assigned_on="2026-03-03",
                                                      assignee="Tư pháp"))
    desk.followup.record_result(not_told.uuid, "Đã xử lý", on="2026-03-06")
    desk.followup.record_result(told.uuid, "Đã xử lý", on="2026-03-04")
    desk.followup.record_citizen_told(told.uuid, "phone", on="2026-03-05")
    return open_one.uuid, not_told.uuid, told.uuid


def _uuids(desk, **kw):
    return [a["uuid"] for a in desk.followup.list(ListRequest(**kw))]


def test_assignment_list_filters(desk, case_uuid, three_assignments):
    open_one, not_told, told = three_assignments
    assert _uuids(desk) == [told, not_told, open_one]  # by deadline
    assert _uuids(desk, sort="newest") == [open_one, told, not_told]
    assert _uuids(desk, filters={"open": True}) == [open_one]
    assert _uuids(desk, filters={"open": False}) == [told, not_told]
    assert _uuids(desk, filters={"citizen_not_told": True}) == [not_told]
    assert _uuids(desk, filters={"assignee": "Tư pháp"}) == [told]
    assert _uuids(desk, filters={"case": case_uuid}) == [told, not_told, open_one]
    assert _uuids(desk, filters={"overdue_on": "2026-03-17"}) == []
    assert _uuids(desk, filters={"overdue_on": "2026-03-18"}) == [open_one]


def test_overdue_ignores_assignments_with_a_result(desk, case_uuid):
    late = desk.followup.create_assignment(assignment(case_uuid, deadline="2026-03-05", assigned_on="2026-03-02"))
    done_late = desk.followup.create_assignment(assignment(case_uuid, deadline="2026-03-04",
                                                           assigned_on="2026-03-02"))
    desk.followup.record_result(done_late.uuid, "Xong muộn", on="2026-03-09")
    assert _uuids(desk, filters={"overdue_on": date(2026, 3, 10)}) == [late.uuid]


def test_citizen_not_told_false_is_not_the_same_as_true(desk, three_assignments):
    _, not_told, _ = three_assignments
    assert not_told not in _uuids(desk, filters={"citizen_not_told": False})


def test_assignment_list_rejects_unknown_filter_and_sort(desk):
    with pytest.raises(UserError) as caught:
        _uuids(desk, filters={"late": True})
    assert caught.value.code == "list.unknown_filter"
    with pytest.raises(UserError) as caught:
        _uuids(desk, sort="assignee")
    assert caught.value.code == "list.unknown_sort"

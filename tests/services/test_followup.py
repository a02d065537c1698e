"""Follow-up of assignments: deadlines in working days, results, telling the citizen, and the follow-up lists."""

from __future__ import annotations

from datetime import date

import pytest

from receptiondesk.errors import UserError, ValidationError
from receptiondesk.services.followup import FollowupRequest
from receptiondesk.storage.listing import ListRequest
from tests.services.helpers import (
    USERNAME,
    STAMP_AT,
    assert_clear_error,
    assignment,
    audit,
    counts,
    letter,
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


# -- refusals on voided records -------------------------------------------------------------------

def test_result_on_a_voided_assignment_is_refused_and_nothing_saved(desk, case_uuid):
    saved = desk.followup.create_assignment(assignment(case_uuid, working_days=5))
    desk.voiding.void("assignment", saved.uuid, "Giao nhầm người")
    before, stored = counts(desk), row(desk, "assignments", saved.uuid)
    with pytest.raises(UserError) as caught:
        desk.followup.record_result(saved.uuid, "Đã xử lý")
    assert_clear_error(caught.value, "assignment", "record.voided")  # as for every voided record
    assert "hủy bỏ" in caught.value.render("vi")
    assert counts(desk) == before and row(desk, "assignments", saved.uuid) == stored


def test_result_on_an_assignment_of_a_voided_case_is_refused_and_nothing_saved(desk, case_uuid):
    saved = desk.followup.create_assignment(assignment(case_uuid, working_days=5))
    desk.voiding.void("case", case_uuid, "Vụ việc nhập trùng")
    before, stored = counts(desk), row(desk, "assignments", saved.uuid)
    with pytest.raises(UserError) as caught:
        desk.followup.record_result(saved.uuid, "Đã xử lý")
    assert_clear_error(caught.value, "case", "assignment.case_voided")
    assert counts(desk) == before and row(desk, "assignments", saved.uuid) == stored


def test_telling_on_a_voided_case_or_assignment_is_refused(desk, case_uuid):
    kept = desk.followup.create_assignment(assignment(case_uuid, working_days=5))
    dropped = desk.followup.create_assignment(assignment(case_uuid, working_days=5, assignee="Nhầm người"))
    for saved in (kept, dropped):
        desk.followup.record_result(saved.uuid, "Đã xử lý")
    desk.voiding.void("assignment", dropped.uuid, "Giao nhầm người")
    before = counts(desk)
    with pytest.raises(UserError) as caught:
        desk.followup.record_citizen_told(dropped.uuid, "phone")
    assert_clear_error(caught.value, "assignment", "record.voided")
    desk.voiding.void("case", case_uuid, "Vụ việc nhập trùng")
    before = counts(desk)
    with pytest.raises(UserError) as caught:
        desk.followup.record_citizen_told(kept.uuid, "phone")
    assert_clear_error(caught.value, "case", "assignment.case_voided")
    with pytest.raises(UserError) as caught:
        desk.followup.tell_case(case_uuid, "phone")
    assert_clear_error(caught.value, "case", "record.voided")
    assert counts(desk) == before


def test_a_result_cannot_be_moved_after_the_citizen_was_told(desk, case_uuid):
    saved = desk.followup.create_assignment(assignment(case_uuid, working_days=5, assigned_on="2026-03-02"))
    desk.followup.record_result(saved.uuid, "Đã xử lý", on="2026-03-04")
    desk.followup.record_citizen_told(saved.uuid, "phone", on="2026-03-05")
    before = counts(desk)
    with pytest.raises(UserError) as caught:
        desk.followup.record_result(saved.uuid, "Đã xử lý xong", on="2026-03-06")
    assert_clear_error(caught.value, "result_on", "assignment.result_after_told")
    assert "05/03/2026" in caught.value.render("vi")
    assert counts(desk) == before
    desk.followup.record_result(saved.uuid, "Đã xử lý xong", on="2026-03-05")  # a correction that fits is kept
    assert desk.followup.get(saved.uuid)["result"] == "Đã xử lý xong"


# -- the follow-up list ---------------------------------------------------------------------------
# Today is Thursday 12/03/2026: "due soon" (3 working days) runs to Tuesday 17/03, over the weekend.

THURSDAY = date(2026, 3, 12)


@pytest.fixture
def board(desk, case_uuid, clock):
    """overdue (deadline 11/03, no result), soon (16/03: 2 working days across the weekend), later (18/03),
    done (result and citizen told), on the case of 02/03; today is 12/03."""
    clock.set_day(THURSDAY)
    made = {}
    for name, deadline, assignee in (("later", "2026-03-18", "Phòng Kinh tế"), ("soon", "2026-03-16", "Công an xã"),
                                     ("overdue", "2026-03-11", "Công chức địa chính"),
                                     ("done", "2026-03-06", "Tư pháp")):
        made[name] = desk.followup.create_assignment(assignment(case_uuid, deadline=deadline, assignee=assignee,
                                                                assigned_on="2026-03-02")).uuid
    desk.followup.record_result(made["done"], "Đã trả lời công dân", on="2026-03-05")
    desk.followup.record_citizen_told(made["done"], "letter", on="2026-03-06")
    return made


def _board(desk, **kw):
    """The follow-up list as (kind, uuid, state) triples."""
    request = FollowupRequest(**kw)
    return [(r["kind"], r["uuid"], r["state"]) for r in desk.followup.rows(desk.followup.keys(request), request)]


def test_overdue_first_then_due_soon_across_the_weekend_then_the_rest(desk, board):
    assert _board(desk) == [("assignment", board["overdue"], "overdue"), ("assignment", board["soon"], "due_soon"),
                            ("assignment", board["later"], "waiting_result")]
    rows = {r["uuid"]: r for r in desk.followup.rows(desk.followup.keys())}
    assert rows[board["overdue"]]["days_late"] == 1
    assert (rows[board["soon"]]["working_days_left"], rows[board["soon"]]["date"]) == (2, "2026-03-16")
    # 16/03 is only 2 working days away though 4 calendar days: with a 1-day window it is not due soon.
    assert _board(desk, soon_days=1)[1] == ("assignment", board["soon"], "waiting_result")
    assert _board(desk, view="all")[-1] == ("assignment", board["done"], "told")


def test_views_and_counts(desk, board):
    assert [u for _, u, _ in _board(desk, view="overdue")] == [board["overdue"]]
    assert [u for _, u, _ in _board(desk, view="due_soon")] == [board["soon"]]
    assert [u for _, u, _ in _board(desk, view="waiting_result")] == [board["overdue"], board["soon"], board["later"]]
    assert _board(desk, view="waiting_tell") == []
    got = desk.followup.counts()
    assert (got.overdue, got.overdue_assignments, got.overdue_cases, got.due_soon, got.waiting_result,
            got.waiting_tell) == (1, 1, 0, 1, 3, 0)


def test_a_case_whose_every_result_is_in_waits_for_the_citizen_to_be_told(desk, board, case_uuid):
    for name in ("overdue", "soon"):
        desk.followup.record_result(board[name], "Đã xử lý", on=THURSDAY)
    assert ("case", case_uuid, "waiting_tell") not in _board(desk)  # "later" has no result yet
    desk.followup.record_result(board["later"], "Đã xử lý", on=THURSDAY)
    assert _board(desk) == [("case", case_uuid, "waiting_tell")]
    assert _board(desk, view="waiting_tell") == [("case", case_uuid, "waiting_tell")]
    case_row = desk.followup.rows(desk.followup.keys())[0]
    assert (case_row["untold"], case_row["ready_to_tell"], case_row["date"]) == (3, True, "2026-03-12")
    assert case_row["assignee"] == "Phòng Kinh tế; Công an xã; Công chức địa chính; Tư pháp"
    assert desk.followup.counts().waiting_tell == 1

    assert desk.followup.tell_case(case_uuid, "in_person") == 3
    assert _board(desk) == []
    informed = desk.cases.get(case_uuid)
    assert (informed["status"], informed["informed_on"]) == ("informed", "2026-03-12")
    assert [a["citizen_told_how"] for a in desk.followup.list(ListRequest(filters={"case": case_uuid}))] == \
        ["letter", "in_person", "in_person", "in_person"]
    with pytest.raises(UserError) as caught:
        desk.followup.tell_case(case_uuid, "phone")
    assert_clear_error(caught.value, "case", "followup.nothing_to_tell")


def test_telling_a_whole_case_is_all_or_nothing(desk, board, case_uuid):
    desk.followup.record_result(board["overdue"], "Đã xử lý", on="2026-03-11")
    desk.followup.record_result(board["soon"], "Đã xử lý", on=THURSDAY)
    before = counts(desk)
    with pytest.raises(UserError) as caught:
        desk.followup.tell_case(case_uuid, "phone", on="2026-03-11")  # before the second result
    assert_clear_error(caught.value, "told_on", "assignment.told_before_result")
    assert counts(desk) == before


def test_overdue_cases_are_listed_after_overdue_assignments(desk, board, case_uuid):
    late = desk.intake.register_letter(letter(when="2026-02-02")).case_uuid
    due = desk.cases.get(late)["due_date"]
    assert due < THURSDAY.isoformat()
    rows = desk.followup.rows(desk.followup.keys())
    assert [(r["kind"], r["uuid"], r["state"]) for r in rows[:2]] == \
        [("assignment", board["overdue"], "overdue"), ("case", late, "overdue")]
    assert rows[1]["days_late"] == (THURSDAY - date.fromisoformat(due)).days
    assert desk.followup.counts().overdue == 2
    assert [u for k, u, _ in _board(desk, view="overdue")] == [board["overdue"], late]


def test_assignee_text_matches_without_diacritics(desk, board):
    assert [u for _, u, _ in _board(desk, assignee="cong an")] == [board["soon"]]
    assert [u for _, u, _ in _board(desk, assignee="ĐỊA CHÍNH")] == [board["overdue"]]
    assert _board(desk, assignee="Hội Nông dân") == []
    got = desk.followup.counts(FollowupRequest(assignee="cong an"))
    assert (got.overdue, got.due_soon, got.waiting_result) == (0, 1, 1)


def test_date_range_on_the_deadline(desk, board):
    assert [u for _, u, _ in _board(desk, date_from="12/03/2026", date_to="2026-03-17")] == [board["soon"]]
    assert [u for _, u, _ in _board(desk, view="all", date_to="06/03/2026")] == [board["done"]]


@pytest.mark.parametrize("kw, field, code", [
    ({"date_from": "32/03/2026"}, "followup_from", "value.bad_date"),
    ({"date_from": "2026-03-20", "date_to": "2026-03-01"}, "followup_to", "followup.date_range"),
    ({"view": "late"}, "followup_view", "value.not_allowed"),
    ({"soon_days": 99}, "followup_soon_days", "followup.soon_days_range"),
], ids=["bad date", "reversed range", "unknown view", "soon window"])
def test_bad_follow_up_request_is_refused(desk, kw, field, code):
    with pytest.raises(ValidationError) as caught:
        desk.followup.keys(FollowupRequest(**kw))
    assert_clear_error(caught.value, field, code)


def test_a_voided_case_leaves_the_follow_up_list(desk, board, case_uuid):
    desk.voiding.void("case", case_uuid, "Vụ việc nhập trùng")
    assert _board(desk, view="all") == []
    assert desk.followup.counts().overdue == 0

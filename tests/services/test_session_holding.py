"""Holding a leader's session in one transaction: attendance, conclusions, assignments with working-day deadlines
across a holiday, cases concluded on the spot; every refusal leaves the database as it was. Then the data of the
conclusion notice."""

from __future__ import annotations

from datetime import date

import pytest

from receptiondesk.domain.accounts import MASKED_NAME
from receptiondesk.domain.sessions import DUTY_REPORT_BACK, DUTY_TELL_CITIZEN, HeardCase
from receptiondesk.errors import UserError, ValidationError
from receptiondesk.storage.listing import ListRequest
from tests.services.helpers import (
    CCCD_2,
    assert_clear_error,
    audit,
    case,
    citizen,
    counts,
    row,
    session,
    visit,
)

LOCAL_HOLIDAY = "2026-03-12"  # a Thursday made a day off by the desk's calendar
ATTENDEES = ["Công chức Địa chính - Xây dựng", "Công chức Tư pháp - Hộ tịch"]


@pytest.fixture
def holiday(desk):
    desk.setup.set_calendar_day(LOCAL_HOLIDAY, "holiday", "Ngày nghỉ địa phương")


@pytest.fixture
def planned(desk) -> str:
    """Today's chairman session (10/03/2026, a Tuesday) with three accepted complaints on its list."""
    uuid = desk.sessions.schedule(session("2026-03-10", location="Trụ sở UBND xã")).uuid
    for name, number, summary in (("Nguyễn Văn Đức", "001085012345", "Khiếu nại cấp giấy chứng nhận"),
                                  ("Trần Thị Hoa", CCCD_2, "Khiếu nại bồi thường giải phóng mặt bằng"),
                                  ("Lê Văn Tám", "", "Kiến nghị sửa đường thôn 3")):
        who = citizen(name, id_number=number or None, id_type="citizen_id" if number else "none", phone=None)
        kind = "petition" if name == "Lê Văn Tám" else "complaint"
        desk.intake.register_visit(visit(when="2026-03-02", who=who, summary=summary,
                                         cases=[case(kind, "land", summary)]))
    for waiting in desk.sessions.waiting_cases():
        desk.sessions.add_case(uuid, waiting["uuid"])
    return uuid


def listed(desk, session_uuid: str) -> list[str]:
    return [c["uuid"] for c in desk.sessions.cases_heard(session_uuid)]


def three_conclusions(cases: list[str]) -> list[HeardCase]:
    first, second, third = cases
    return [
        HeardCase(first, "resolve_now", "Đã giải thích, công dân đồng ý với kết quả cấp giấy chứng nhận"),
        HeardCase(second, "assign", "Giao kiểm tra hồ sơ bồi thường", assignee="Công chức Địa chính - Xây dựng",
                  task="Kiểm tra lại phương án bồi thường, báo cáo Chủ tịch", working_days=5),
        HeardCase(third, "assign", "Giao khảo sát tuyến đường", assignee="Trưởng thôn 3", working_days=10),
    ]


def test_hold_with_three_conclusions_in_one_go(desk, holiday, planned):
    cases = listed(desk, planned)
    before = counts(desk)

    held = desk.sessions.hold(planned, ATTENDEES + ["  ", "công chức tư pháp - hộ tịch"], three_conclusions(cases))

    assert held.warnings == [] and held.concluded_cases == [cases[0]]
    stored = row(desk, "sessions", planned)
    assert stored["status"] == "held"
    assert stored["attendees"] == "Công chức Địa chính - Xây dựng\nCông chức Tư pháp - Hộ tịch"
    heard = desk.sessions.cases_heard(planned)
    assert [(h["conclusion_kind"], h["position"]) for h in heard] == \
        [("resolve_now", 0), ("assign", 1), ("assign", 2)]
    # 5 working days from Tuesday 10/03: 11, 13 (12 is the holiday), 16, 17, 18.
    # 10 working days: 11, 13, 16, 17, 18, 19, 20, 23, 24, 25.
    assignments = desk.followup.list(ListRequest(filters={"session": planned}, sort="deadline"))
    assert [(a["case_uuid"], a["assignee"], a["assigned_on"], a["deadline"]) for a in assignments] == [
        (cases[1], "Công chức Địa chính - Xây dựng", "2026-03-10", "2026-03-18"),
        (cases[2], "Trưởng thôn 3", "2026-03-10", "2026-03-25"),
    ]
    assert sorted(held.assignment_uuids) == sorted(a["uuid"] for a in assignments)
    assert assignments[1]["task"] == "Giao khảo sát tuyến đường"  # a blank task takes the conclusion
    resolved = row(desk, "cases", cases[0])
    assert (resolved["status"], resolved["concluded_on"], resolved["due_date"]) == ("concluded", "2026-03-10", None)
    assert resolved["conclusion"].startswith("Đã giải thích")
    assert row(desk, "cases", cases[1])["status"] == "in_progress"  # being handled by the assignee
    after = counts(desk)
    assert after["assignments"] == before["assignments"] + 2
    assert after["sessions"] == before["sessions"] and after["session_cases"] == before["session_cases"]
    entry = audit(desk, planned, "session.held")[0]["detail"]
    assert entry == {"changed": {"status": ["planned", "held"]}, "attendees": 2, "heard": 3, "assignments": 2}
    assert audit(desk, cases[0], "case.conclude")[0]["detail"]["session"] == planned
    assert audit(desk, cases[1], "case.heard")[0]["detail"] == {"session": planned, "kind": "assign"}


def test_without_the_holiday_the_deadlines_are_a_day_earlier(desk, planned):
    desk.sessions.hold(planned, ATTENDEES, three_conclusions(listed(desk, planned)))
    deadlines = [a["deadline"] for a in desk.followup.list(ListRequest(filters={"session": planned}))]
    assert deadlines == ["2026-03-17", "2026-03-24"]


def test_explicit_deadline_and_a_case_heard_off_the_list(desk, planned):
    cases = listed(desk, planned)
    walk_in = desk.intake.register_visit(visit(
        who=citizen("Phạm Thị Lan", id_number=None, id_type="none"),
        cases=[case("petition", "social_policy", "Kiến nghị trợ cấp")])).case_uuids[0]
    held = desk.sessions.hold(planned, [], [
        HeardCase(cases[0], "assign", "Giao rà soát", assignee="Văn phòng UBND", deadline="31/03/2026"),
        HeardCase(walk_in, "pending", "Chờ xác minh thêm hồ sơ"),
    ])
    assert held.warnings == []
    assert [a["deadline"] for a in desk.followup.list(ListRequest(filters={"session": planned}))] == ["2026-03-31"]
    heard = {h["uuid"]: h for h in desk.sessions.cases_heard(planned)}
    assert heard[walk_in]["position"] == 3 and heard[walk_in]["conclusion_kind"] == "pending"
    assert heard[cases[1]]["conclusion_kind"] is None  # on the list, not heard
    assert row(desk, "cases", walk_in)["status"] == "in_progress"
    assert row(desk, "sessions", planned)["attendees"] == ""


def test_a_deadline_on_a_day_off_warns_and_saves(desk, holiday, planned):
    cases = listed(desk, planned)
    held = desk.sessions.hold(planned, ATTENDEES, [
        HeardCase(cases[0], "assign", "Giao rà soát", assignee="Văn phòng UBND", deadline=LOCAL_HOLIDAY)])
    assert [(w.code, w.field, w.params["number"]) for w in held.warnings] == \
        [("session.deadline_day_off", "deadline", 1)]
    assert "12/03/2026" in held.warnings[0].render("vi")
    assert row(desk, "sessions", planned)["status"] == "held"


# -- refusals: nothing is written ------------------------------------------------------------------

def _refused(desk, session_uuid, heard, attendees=ATTENDEES):
    before = counts(desk)
    with pytest.raises(UserError) as caught:
        desk.sessions.hold(session_uuid, attendees, heard)
    assert counts(desk) == before
    assert row(desk, "sessions", session_uuid)["status"] == "planned"
    return caught.value


def test_refused_with_no_case_heard(desk, planned):
    error = _refused(desk, planned, [])
    assert isinstance(error, ValidationError)
    assert_clear_error(error, "heard_cases", "session.nothing_heard")


@pytest.mark.parametrize("changes, field, code", [
    ({"assignee": " "}, "assignee", "session.assign_needs_assignee"),
    ({"working_days": None}, "deadline", "session.assign_needs_deadline"),
    ({"working_days": None, "deadline": "2026-03-09"}, "deadline", "session.deadline_before_session"),
    ({"working_days": 0}, "deadline", "session.working_days_range"),
    ({"conclusion": "  "}, "conclusion", "session.heard_conclusion_required"),
    ({"conclusion_kind": ""}, "conclusion_kind", "session.heard_kind_required"),
], ids=["assign without assignee", "assign without deadline", "deadline before the session", "zero working days",
        "no conclusion", "no kind"])
def test_refused_assignment_problems_name_the_case(desk, holiday, planned, changes, field, code):
    heard = three_conclusions(listed(desk, planned))
    for name, value in changes.items():
        setattr(heard[1], name, value)
    error = _refused(desk, planned, heard)
    assert_clear_error(error, field, code)
    problem = next(p for p in error.problems if p.code == code)
    assert problem.params["number"] == 2 and problem.params["case"] == heard[1].case_uuid
    assert "2" in problem.render("vi") and "2" in problem.render("en")


def test_refused_for_a_voided_case(desk, planned):
    cases = listed(desk, planned)
    desk.voiding.void("case", cases[2], "Nhập trùng vụ việc")
    error = _refused(desk, planned, three_conclusions(cases))
    assert_clear_error(error, "case", "session.case_voided")
    assert error.problems[0].params["number"] == 3


def test_refused_for_a_case_heard_twice(desk, planned):
    cases = listed(desk, planned)
    heard = three_conclusions(cases) + [HeardCase(cases[0], "pending", "Chờ xem xét")]
    error = _refused(desk, planned, heard)
    assert_clear_error(error, "case", "session.case_concluded_here")
    assert [p.params["number"] for p in error.problems] == [4]


def test_refused_for_a_case_already_concluded_in_this_session(desk, planned):
    cases = listed(desk, planned)
    desk.sessions.record_conclusion(planned, cases[1], "pending", "Chờ bổ sung hồ sơ")
    error = _refused(desk, planned, three_conclusions(cases))
    assert_clear_error(error, "case", "session.case_concluded_here")


def test_refused_for_an_unknown_case(desk, planned):
    error = _refused(desk, planned, [HeardCase("77777777-7777-7777-7777-777777777777", "pending", "Chờ")])
    assert_clear_error(error, "case", "session.case_unknown")


def test_refused_for_a_future_session_and_every_problem_is_listed(desk, planned):
    future = desk.sessions.schedule(session("2026-03-11")).uuid
    cases = listed(desk, planned)
    heard = three_conclusions(cases)
    heard[2].assignee = ""
    error = _refused(desk, future, heard)
    assert [(p.code, p.field) for p in error.problems] == [
        ("session.held_in_future", "session_date"), ("session.assign_needs_assignee", "assignee")]
    assert_clear_error(error, "session_date", "session.held_in_future")


def test_refused_for_a_cancelled_or_already_held_session(desk, planned):
    cases = listed(desk, planned)
    cancelled = desk.sessions.schedule(session("2026-03-09")).uuid
    desk.sessions.cancel(cancelled)
    with pytest.raises(UserError) as caught:
        desk.sessions.hold(cancelled, [], three_conclusions(cases))
    assert caught.value.code == "session.cancelled"
    desk.sessions.hold(planned, [], three_conclusions(cases)[:1])
    before = counts(desk)
    with pytest.raises(UserError) as caught:
        desk.sessions.hold(planned, [], three_conclusions(cases)[1:])
    assert_clear_error(caught.value, "session", "session.already_held")
    assert counts(desk) == before


# -- attendance and the notice --------------------------------------------------------------------

def test_set_attendees_stores_one_name_a_line(desk, planned):
    stored = desk.sessions.set_attendees(planned, ["  Nguyễn  Văn A ", "", "Trần Thị B", "nguyễn văn a"])
    assert stored == ["Nguyễn Văn A", "Trần Thị B"]
    assert row(desk, "sessions", planned)["attendees"] == "Nguyễn Văn A\nTrần Thị B"
    assert desk.sessions.attendees(planned) == stored
    assert audit(desk, planned, "session.attendees")[0]["detail"] == {"count": 2, "changed": True}


def test_a_new_session_proposes_the_last_attendees(desk, planned):
    desk.sessions.hold(planned, ATTENDEES, three_conclusions(listed(desk, planned))[:1])
    later = desk.sessions.schedule(session("2026-03-17")).uuid
    assert desk.sessions.attendees(later) == ATTENDEES
    party = desk.sessions.schedule(session("2026-03-18", sector="party", leader_role="party_secretary")).uuid
    assert desk.sessions.attendees(party) == []


def test_notice_data_holds_what_the_notice_prints(desk, holiday, planned):
    cases = listed(desk, planned)
    denouncer = desk.intake.register_visit(visit(
        who=citizen("Đỗ Văn Kín", id_number="001085099999"), summary="Tố cáo cán bộ thu tiền",
        cases=[case("denunciation", "corruption", "Tố cáo cán bộ địa chính thu tiền trái phép")])).case_uuids[0]
    desk.sessions.add_case(planned, denouncer)
    heard = three_conclusions(cases) + [HeardCase(denouncer, "assign", "Giao xác minh nội dung tố cáo",
                                                  assignee="Thanh tra xã", deadline=date(2026, 3, 31))]
    desk.sessions.hold(planned, ATTENDEES, heard)

    notice = desk.sessions.notice_data(planned)

    assert (notice.unit_code, notice.session_date, notice.location) == ("00004", date(2026, 3, 10), "Trụ sở UBND xã")
    assert notice.unit_name and notice.province_name
    assert (notice.leader_name, notice.leader_role, notice.delegated, notice.presiding_name) == \
        ("Lê Văn Chủ", "chairman", False, "Lê Văn Chủ")
    assert notice.attendees == tuple(ATTENDEES)
    assert [(c.position, c.citizen_name, c.conclusion_kind) for c in notice.cases] == [
        (1, "Nguyễn Văn Đức", "resolve_now"), (2, "Trần Thị Hoa", "assign"), (3, "Lê Văn Tám", "assign"),
        (4, MASKED_NAME, "assign")]
    protected = notice.cases[3]
    assert protected.protected and protected.citizen_address == "" and protected.field_code == "corruption"
    assert "Đỗ Văn Kín" not in repr(notice)
    assert [(a.assignee, a.deadline) for a in notice.assignments] == [
        ("Công chức Địa chính - Xây dựng", date(2026, 3, 18)), ("Trưởng thôn 3", date(2026, 3, 25)),
        ("Thanh tra xã", date(2026, 3, 31))]
    assert notice.cases[1].assignments[0].task == "Kiểm tra lại phương án bồi thường, báo cáo Chủ tịch"
    assert notice.cases[1].summary == "Khiếu nại bồi thường giải phóng mặt bằng"
    assert notice.duties == (DUTY_REPORT_BACK, DUTY_TELL_CITIZEN)
    assert "154/2026" in notice.legal_basis


def test_notice_of_a_delegated_session_names_the_deputy(desk):
    uuid = desk.sessions.schedule(session(delegated=True, delegate_name="Phạm Văn Phó",
                                          delegate_role="Phó Chủ tịch UBND xã")).uuid
    case_uuid = desk.intake.register_visit(visit(session_uuid=uuid)).case_uuids[0]
    desk.sessions.hold(uuid, [], [HeardCase(case_uuid, "resolve_now", "Trả lời ngay tại buổi tiếp")])
    notice = desk.sessions.notice_data(uuid)
    assert (notice.delegated, notice.presiding_name, notice.delegate_role) == \
        (True, "Phạm Văn Phó", "Phó Chủ tịch UBND xã")
    assert notice.duties == (DUTY_TELL_CITIZEN,) and notice.assignments == ()

"""The home dashboard: today's and this month's figures, overdue cases and assignments, the sessions ahead."""

from __future__ import annotations

import re
from dataclasses import FrozenInstanceError
from datetime import date

import pytest

from receptiondesk.demo.loader import generate_into
from receptiondesk.domain.accounts import MASKED_NAME
from receptiondesk.domain.cases import ContentType
from receptiondesk.domain.report_periods import custom_period
from receptiondesk.domain.text import fold
from receptiondesk.errors import UserError
from receptiondesk.services.dashboard import (
    DashboardSummary,
    OverdueAssignment,
    OverdueCase,
    UpcomingSession,
    queries,
)
from receptiondesk.storage.database import open_database
from receptiondesk.storage.listing import ListRequest
from tests.services.helpers import (
    PASSWORD,
    TODAY,
    USERNAME,
    assignment,
    case,
    citizen,
    counts,
    letter,
    no_paper,
    session,
    visit,
)

SECRET_NAME = "Hoàng Thị Bảo Mật"
SECRET_ID = "001190012345"
LATE_NAME = "Đinh Văn Khuất Danh"
LATE_ID = "001085099887"


def _letter_case(desk, when: str, content_type: str, field_code: str, summary: str, **kw) -> str:
    """A case received by letter, with no direction yet: it stays 'received'."""
    return desk.intake.register_letter(letter(when=when, new_case=case(content_type, field_code, summary),
                                              **kw)).case_uuid


@pytest.fixture
def scenario(desk) -> dict[str, str]:
    """One desk on Tuesday 10/03/2026 with visits, cases, assignments and sessions around today; their UUIDs."""
    u: dict[str, str] = {}
    # -- visits: three today (one a delegation of 6), one earlier this month, one voided, one last month
    today_plain = desk.intake.register_visit(visit())  # complaint, accepted: due 09/04
    u["case_today"] = today_plain.case_uuids[0]
    desk.intake.register_visit(visit(
        who=no_paper("Lê Văn Một"), headcount=6, representatives=["Lê Văn Một", "Phạm Thị Hai"],
        came_as="group_representative", proof_paper="Biên bản cử đại diện", summary="Đoàn kiến nghị chế độ",
        cases=[case("petition", "social_policy", "Kiến nghị chế độ chính sách")]))
    desk.intake.register_visit(visit(
        who=citizen(SECRET_NAME, id_number=SECRET_ID, birth_year=1990, gender="female", phone="0987654321"),
        summary="Tố cáo cán bộ", cases=[case("denunciation", "corruption", "Tố cáo cán bộ địa chính nhận tiền")]))
    earlier = desk.intake.register_visit(visit(
        when="2026-03-02", who=no_paper("Trần Thị Ba"), headcount=2, summary="Phản ánh ô nhiễm",
        cases=[case("report", "environment", "Phản ánh xưởng gây ô nhiễm")]))
    u["case_march_2"] = earlier.case_uuids[0]
    wrong = desk.intake.register_visit(visit(who=no_paper("Đỗ Văn Nhầm"), headcount=3, case_uuids=[u["case_today"]],
                                             cases=[]))
    desk.voiding.void("visit", wrong.uuid, "Nhập nhầm lượt tiếp")
    desk.intake.register_visit(visit(when="2026-02-25", who=no_paper("Vũ Văn Cũ")))  # complaint accepted 25/02

    # -- letters: overdue cases, one due today, and cases that do not count
    u["overdue_protected"] = _letter_case(  # denunciation received 10/02: classify by 26/02
        desk, "2026-02-10", "denunciation", "corruption", "Tố cáo chủ tịch xã",
        citizen=citizen(LATE_NAME, id_number=LATE_ID, birth_year=1985, gender="male", phone="0911222333"))
    u["overdue_plain"] = _letter_case(  # complaint received 27/02: accept within 10 days, by 09/03
        desk, "2026-02-27", "complaint", "land", "Khiếu nại chậm thụ lý", citizen=no_paper("Phạm Văn Chậm"))
    u["overdue_anonymous"] = _letter_case(  # anonymous petition received 12/02: 10 working days after Tết, 05/03
        desk, "2026-02-12", "petition", "land", "Kiến nghị không ký tên")
    u["due_today"] = _letter_case(desk, "2026-02-28", "complaint", "land", "Khiếu nại đến hạn hôm nay")
    closed = _letter_case(desk, "2026-02-10", "denunciation", "corruption", "Tố cáo đã xử lý xong")
    desk.cases.close(closed, reason="Công dân rút đơn")
    voided_late = _letter_case(desk, "2026-02-10", "report", "environment", "Phản ánh nhập trùng")
    desk.voiding.void("case", voided_late, "Vụ việc nhập trùng")
    voided_march = _letter_case(desk, "2026-03-05", "petition", "other", "Kiến nghị nhập trùng")
    desk.voiding.void("case", voided_march, "Vụ việc nhập trùng")
    _letter_case(desk, "2026-03-09", "complaint", "land", "Khiếu nại gửi qua bưu điện")

    # -- assignments on the case of 02/03
    on = u["case_march_2"]
    u["assignment_7_days"] = desk.followup.create_assignment(assignment(
        on, assignee="Công an xã", task="Xác minh nguồn xả thải", deadline="2026-03-03",
        assigned_on="2026-03-02")).uuid
    u["assignment_5_days"] = desk.followup.create_assignment(assignment(
        on, deadline="2026-03-05", assigned_on="2026-03-02")).uuid
    done_late = desk.followup.create_assignment(assignment(on, deadline="2026-03-04", assigned_on="2026-03-02"))
    desk.followup.record_result(done_late.uuid, "Đã kiểm tra xong", on="2026-03-09")
    desk.followup.create_assignment(assignment(on, deadline="2026-03-17", assigned_on="2026-03-02"))
    desk.followup.create_assignment(assignment(on, deadline="2026-03-10", assigned_on="2026-03-02"))  # due today
    dropped = desk.followup.create_assignment(assignment(on, deadline="2026-03-04", assigned_on="2026-03-02",
                                                         assignee="Nhầm người"))
    desk.voiding.void("assignment", dropped.uuid, "Giao nhầm người")

    # -- sessions: held, planned in the past, today, cancelled, voided, a dialogue and a Party session ahead
    held = desk.sessions.schedule(session("2026-03-03")).uuid
    desk.sessions.mark_held(held)
    desk.sessions.schedule(session("2026-03-05"))  # never marked held: in the past, not upcoming
    u["session_today"] = desk.sessions.schedule(session(TODAY, location="Phòng tiếp công dân")).uuid
    desk.sessions.add_case(u["session_today"], u["case_today"])
    desk.sessions.add_case(u["session_today"], u["case_march_2"])
    cancelled = desk.sessions.schedule(session("2026-03-12")).uuid
    desk.sessions.cancel(cancelled)
    voided = desk.sessions.schedule(session("2026-03-13")).uuid
    desk.voiding.void("session", voided, "Lên lịch nhầm")
    u["session_party"] = desk.sessions.schedule(session(
        "2026-03-20", sector="party", leader_name="Hoàng Văn Bí", leader_role="party_secretary",
        location="Hội trường Đảng ủy")).uuid
    u["session_dialogue"] = desk.sessions.schedule(session(
        "2026-03-16", kind="dialogue", subject="Bồi thường giải phóng mặt bằng", leader_role="chairman")).uuid
    desk.sessions.add_case(u["session_dialogue"], u["overdue_plain"])
    return u


# -- figures ---------------------------------------------------------------------------------------

def test_today_and_month_figures(desk, scenario):
    got = desk.dashboard.summary()

    assert (got.today, got.month_start) == (TODAY, date(2026, 3, 1))
    assert (got.today_visits, got.today_persons) == (3, 8)  # 1 + a delegation of 6 + 1; the voided 3 left out
    assert (got.month_visits, got.month_persons) == (4, 10)  # and 2 persons on 02/03; 25/02 is last month
    assert got.month_cases_by_type == {"complaint": 2, "denunciation": 1, "petition": 1, "report": 1}


def test_overdue_cases_oldest_due_first_with_the_name_the_case_list_shows(desk, scenario):
    got = desk.dashboard.summary()

    assert got.overdue_cases == [
        OverdueCase(scenario["overdue_protected"], "Tố cáo chủ tịch xã", "denunciation", MASKED_NAME,
                    date(2026, 2, 26), 12),
        OverdueCase(scenario["overdue_anonymous"], "Kiến nghị không ký tên", "petition", "",
                    date(2026, 3, 5), 5),
        OverdueCase(scenario["overdue_plain"], "Khiếu nại chậm thụ lý", "complaint", "Phạm Văn Chậm",
                    date(2026, 3, 9), 1),
    ]
    assert got.overdue_cases_total == 3
    assert desk.cases.get(scenario["due_today"])["due_date"] == "2026-03-10"  # due today is not overdue yet
    # The same cases, in the same order, as the case list's overdue filter.
    listed = desk.cases.list(ListRequest(filters={"overdue_on": TODAY}, sort="due"), limit=100)
    assert [c.uuid for c in got.overdue_cases] == [c["uuid"] for c in listed]
    assert [c.citizen_name for c in got.overdue_cases] == [c["citizen_name"] or "" for c in listed]


def test_overdue_assignments_without_a_result(desk, scenario):
    got = desk.dashboard.summary()

    assert got.overdue_assignments == [
        OverdueAssignment(scenario["assignment_7_days"], scenario["case_march_2"], "Công an xã",
                          "Xác minh nguồn xả thải", date(2026, 3, 3), 7),
        OverdueAssignment(scenario["assignment_5_days"], scenario["case_march_2"], "Công chức địa chính",
                          "Kiểm tra hồ sơ đất và báo cáo", date(2026, 3, 5), 5),
    ]
    assert got.overdue_assignments_total == 2
    assert got.overdue_total == 5


def test_upcoming_sessions_planned_from_today_soonest_first(desk, scenario):
    got = desk.dashboard.summary()

    assert got.upcoming_sessions == [
        UpcomingSession(scenario["session_today"], TODAY, "Lê Văn Chủ", "chairman", "Phòng tiếp công dân",
                        "scheduled", 2),
        UpcomingSession(scenario["session_dialogue"], date(2026, 3, 16), "Lê Văn Chủ", "chairman", "",
                        "dialogue", 1),
        UpcomingSession(scenario["session_party"], date(2026, 3, 20), "Hoàng Văn Bí", "party_secretary",
                        "Hội trường Đảng ủy", "scheduled", 0),
    ]


def test_limit_shortens_the_lists_but_not_the_totals(desk, scenario):
    got = desk.dashboard.summary(limit=1)

    assert [c.uuid for c in got.overdue_cases] == [scenario["overdue_protected"]]
    assert [a.uuid for a in got.overdue_assignments] == [scenario["assignment_7_days"]]
    assert (got.overdue_cases_total, got.overdue_assignments_total, got.overdue_total) == (3, 2, 5)
    for bad in (0, -1, 1001, "20"):
        with pytest.raises(UserError) as caught:
            desk.dashboard.summary(limit=bad)
        assert caught.value.code == "list.page_size"


def test_at_most_ten_upcoming_sessions(desk):
    for day in range(11, 23):
        desk.sessions.schedule(session(date(2026, 3, day)))
    got = desk.dashboard.summary()
    assert [s.session_date.day for s in got.upcoming_sessions] == list(range(11, 21))


def test_another_day_gives_that_day_and_its_month(desk, scenario):
    got = desk.dashboard.summary(date(2026, 2, 28))

    assert (got.today, got.month_start) == (date(2026, 2, 28), date(2026, 2, 1))
    assert (got.today_visits, got.today_persons, got.month_visits, got.month_persons) == (0, 0, 1, 1)
    # Received in February: the complaint of 25/02, the letters of 10/02 (one closed, one voided), 12/02, 27/02
    # and 28/02; closed cases still count, voided ones do not.
    assert got.month_cases_by_type == {"complaint": 3, "denunciation": 2, "petition": 1, "report": 0}
    # On 28/02 only the protected person's denunciation (due 26/02) was late.
    assert [(c.uuid, c.days_overdue) for c in got.overdue_cases] == [(scenario["overdue_protected"], 2)]
    assert got.overdue_cases_total == 1
    assert (got.overdue_assignments, got.overdue_assignments_total) == ([], 0)
    assert [s.session_date for s in got.upcoming_sessions] == [
        date(2026, 3, 5), TODAY, date(2026, 3, 16), date(2026, 3, 20)]


def test_an_empty_desk_has_zeros_and_every_content_type(desk):
    got = desk.dashboard.summary()

    assert got == DashboardSummary(
        today=TODAY, month_start=date(2026, 3, 1), today_visits=0, today_persons=0, month_visits=0,
        month_persons=0, month_cases_by_type={"complaint": 0, "denunciation": 0, "petition": 0, "report": 0},
        overdue_cases=[], overdue_cases_total=0, overdue_assignments=[], overdue_assignments_total=0,
        upcoming_sessions=[])
    assert got.overdue_total == 0


def test_the_summary_is_frozen_and_reads_only(desk, scenario):
    before = counts(desk)
    got = desk.dashboard.summary()
    assert counts(desk) == before
    with pytest.raises(FrozenInstanceError):
        got.today_visits = 99  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        got.overdue_cases[0].days_overdue = 0  # type: ignore[misc]


# -- privacy and roles -----------------------------------------------------------------------------

def test_no_protected_identity_anywhere_in_the_summary(desk, scenario):
    text = repr(desk.dashboard.summary())
    for secret in (SECRET_NAME, SECRET_ID, "0987654321", LATE_NAME, LATE_ID, "0911222333"):
        assert secret not in text and fold(secret) not in text
    assert MASKED_NAME in text
    assert "Phạm Văn Chậm" in text  # a control: a petitioner's name is shown


def _as(desk, role: str) -> None:
    desk.accounts.add_user(desk.context.session, role, f"Người dùng {role}", role, "mật khẩu tạm 1")
    desk.logout()
    desk.login(role, "mật khẩu tạm 1")


def test_a_viewer_can_read_the_dashboard(desk, scenario):
    _as(desk, "viewer")
    got = desk.dashboard.summary()
    assert (got.today_visits, got.overdue_total, len(got.upcoming_sessions)) == (3, 5, 3)
    assert got.overdue_cases[0].citizen_name == MASKED_NAME


def test_signed_out_is_refused(desk, scenario):
    desk.logout()
    with pytest.raises(UserError) as caught:
        desk.dashboard.summary()
    assert caught.value.code == "auth.signed_out"
    desk.login(USERNAME, PASSWORD)
    assert desk.dashboard.summary().today_visits == 3


# -- query plans -----------------------------------------------------------------------------------

#: The index each query must start from.
EXPECTED_INDEX = {
    "visit_figures": "visits_date",
    "cases_by_type": "cases_type_received",
    "overdue_cases": "cases_status_due",
    "overdue_cases_total": "cases_status_due",
    "overdue_assignments": "assignments_open_deadline",
    "overdue_assignments_total": "assignments_open_deadline",
    "upcoming_sessions": "sessions_status_date",
}
#: The two open statuses are two ranges of (status, due_date): only the overdue cases found are sorted.
SORTED_AFTER_SEARCH = {"overdue_cases"}
TABLES = ("visits", "cases", "assignments", "sessions", "session_cases", "citizens", "visit_cases")


@pytest.fixture(scope="module")
def plan_conn(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("dashboard-plans") / "desk.sqlite3")
    yield database.conn
    database.close()


@pytest.mark.parametrize("name", sorted(EXPECTED_INDEX))
def test_dashboard_query_uses_an_index(plan_conn, name):
    sql, params = queries(TODAY)[name]
    plan = [row[3] for row in plan_conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    assert not [line for line in plan if re.fullmatch(rf"SCAN ({'|'.join(TABLES)})( AS \w+)?( USING .*)?", line)], plan
    assert any(line.startswith("SEARCH ") and f"INDEX {EXPECTED_INDEX[name]} " in line for line in plan), plan
    assert "USE TEMP B-TREE FOR GROUP BY" not in plan, plan
    if name not in SORTED_AFTER_SEARCH:
        assert "USE TEMP B-TREE FOR ORDER BY" not in plan, plan


def test_plan_test_covers_every_query():
    assert set(queries(TODAY)) == set(EXPECTED_INDEX)


def test_the_month_figures_agree_with_the_report_engine(desk):
    """The home page's month figures and the reports count the same records: cases by type as the classification
    of the month so far, visits as Biểu 01/TCD's groups plus the dialogue meetings and the Party sessions."""
    generate_into(desk.context, "commune", visits=400, until=date(2026, 3, 9))
    summary = desk.dashboard.summary()
    so_far = custom_period(summary.month_start, summary.today)
    classified = desk.reports.classification(so_far).current
    assert summary.month_cases_by_type == {t.value: classified.of_type(t.value) for t in ContentType}
    reception = desk.reports.reception_results(so_far).current
    party = desk.report_builder.party_figures(so_far)
    party_visits = party.visits + party.delegated_visits
    assert summary.month_visits == reception.total.visits + reception.dialogue.visits + party_visits
    assert summary.month_visits > 0 and sum(summary.month_cases_by_type.values()) > 0

"""Biểu 01/TCD (reception results) and the report periods: a hand-built scenario checked figure by figure, then
generated data checked against a naive count made in Python from the interchange export (not the same SQL)."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from receptiondesk.demo.loader import generate_into
from receptiondesk.domain.report_periods import (
    Period,
    PeriodKind,
    custom_period,
    month_period,
    months_of_year,
    quarter_period,
)
from receptiondesk.errors import UserError
from receptiondesk.services.interchange import export_file
from receptiondesk.domain.cases import DirectionDraft
from receptiondesk.services.reports import (
    COMPETENCE,
    DIRECTIONS,
    GROUPS,
    NO_BODY,
    OTHER_BODIES,
    Classification,
    GroupFigures,
    ReceptionFigures,
    ReportService,
)
from tests.services.helpers import assert_clear_error, case, letter, no_paper, session, visit

D = date.fromisoformat


# -- periods -----------------------------------------------------------------------------------

def test_calendar_periods_and_their_previous_comparable_period():
    march = month_period(2026, 3)
    assert (march.start, march.end, march.label) == (D("2026-03-01"), D("2026-03-31"), "Tháng 3 năm 2026")
    assert (march.previous().start, march.previous().end) == (D("2026-02-01"), D("2026-02-28"))
    january = month_period(2026, 1)
    assert (january.previous().start, january.previous().end) == (D("2025-12-01"), D("2025-12-31"))

    q1 = quarter_period(2026, 1)
    assert (q1.start, q1.end, q1.label) == (D("2026-01-01"), D("2026-03-31"), "Quý I năm 2026")
    assert (q1.previous().start, q1.previous().end, q1.previous().label) == (
        D("2025-10-01"), D("2025-12-31"), "Quý IV năm 2025")

    half = months_of_year(2026, 6)
    assert (half.start, half.end, half.label) == (D("2026-01-01"), D("2026-06-30"), "6 tháng đầu năm 2026")
    assert (half.previous().start, half.previous().end) == (D("2025-01-01"), D("2025-06-30"))
    assert months_of_year(2026, 9).end == D("2026-09-30")
    year = months_of_year(2024, 12)
    assert (year.start, year.end, year.label, year.kind) == (D("2024-01-01"), D("2024-12-31"), "Năm 2024",
                                                            PeriodKind.MONTHS)

    custom = custom_period("2026-03-05", D("2026-03-14"))
    assert custom.days == 10
    assert (custom.previous().start, custom.previous().end) == (D("2026-02-23"), D("2026-03-04"))
    assert custom_period("2026-03-05", "2026-03-05").days == 1


def test_cut_off_day_runs_a_report_month_from_day_n_plus_1_of_the_month_before():
    march = month_period(2026, 3, cutoff_day=20)
    assert (march.start, march.end) == (D("2026-02-21"), D("2026-03-20"))
    assert (march.previous().start, march.previous().end) == (D("2026-01-21"), D("2026-02-20"))
    assert month_period(2026, 1, cutoff_day=15).start == D("2025-12-16")
    # Cut-off on the 28th: March starts on 1 March after a February of 28 days.
    assert month_period(2026, 3, cutoff_day=28).start == D("2026-03-01")
    q1 = quarter_period(2026, 1, cutoff_day=25)
    assert (q1.start, q1.end) == (D("2025-12-26"), D("2026-03-25"))
    assert quarter_period(2026, 2, cutoff_day=25).start == q1.end.replace(day=26)
    half = months_of_year(2026, 6, cutoff_day=25)
    assert (half.start, half.end) == (D("2025-12-26"), D("2026-06-25"))
    # Consecutive report months of one cut-off neither overlap nor leave a gap.
    months = [month_period(2026, m, cutoff_day=10) for m in range(1, 13)]
    for before, after in zip(months, months[1:]):
        assert (after.start - before.end).days == 1


def test_an_inverted_range_is_refused_clearly():
    with pytest.raises(UserError) as caught:
        custom_period("2026-03-31", "2026-03-01")
    assert_clear_error(caught.value, "period", "report.period_inverted")
    assert "31/03/2026" in caught.value.render("vi") and "01/03/2026" in caught.value.render("vi")
    assert "after the end date" in caught.value.render("en")


@pytest.mark.parametrize("build, field, code", [
    (lambda: month_period(2026, 13), "period_month", "report.month_range"),
    (lambda: quarter_period(2026, 0), "period_quarter", "report.quarter_range"),
    (lambda: months_of_year(2026, 7), "period_months", "report.months_choice"),
    (lambda: month_period(2026, 3, cutoff_day=31), "cutoff_day", "report.cutoff_range"),
    (lambda: custom_period("2026-02-30", "2026-03-01"), "period_start", "report.bad_date"),
])
def test_bad_period_arguments_are_refused_clearly(build, field, code):
    with pytest.raises(UserError) as caught:
        build()
    assert_clear_error(caught.value, field, code)


# -- the hand-built scenario ---------------------------------------------------------------------

@pytest.fixture
def scenario(desk) -> None:
    """March 2026 (the desk's today is 10/03) with every kind of reception, and one visit in February."""
    intake, sessions = desk.intake, desk.sessions
    # February (the previous period): a routine complaint, first time: case F.
    feb = intake.register_visit(visit(when="2026-02-20", who=no_paper("Vũ Văn Cũ")))
    case_f = feb.case_uuids[0]
    # Routine, March: a complaint (case A, first), a delegation of 7 (petition B, first), an online repeat on F.
    first = intake.register_visit(visit(when="2026-03-02"))
    case_a = first.case_uuids[0]
    intake.register_visit(visit(
        when="2026-03-03", who=no_paper("Lê Văn Một"), headcount=7,
        representatives=["Lê Văn Một", "Phạm Thị Hai"], came_as="group_representative",
        proof_paper="Biên bản cử đại diện", summary="Đoàn kiến nghị chế độ",
        cases=[case("petition", "social_policy", "Kiến nghị chế độ chính sách")]))
    intake.register_visit(visit(when="2026-03-08", who=no_paper("Vũ Văn Cũ"), citizen_uuid=feb.citizen_uuid,
                                channel="online", case_uuids=[case_f], cases=[]))
    # The chairman in person, 06/03: a repeat on A and a new denunciation C, 2 persons.
    held = sessions.schedule(session("2026-03-06")).uuid
    sessions.mark_held(held)
    intake.register_visit(visit(when="2026-03-06", citizen_uuid=first.citizen_uuid, session_uuid=held, headcount=2,
                                case_uuids=[case_a],
                                cases=[case("denunciation", "corruption", "Tố cáo cán bộ địa chính")]))
    # Delegated to the vice chairman, 09/03: a new report D.
    delegated = sessions.schedule(session("2026-03-09", delegated=True, delegate_name="Phạm Văn Phó",
                                          delegate_role="vice_chairman")).uuid
    sessions.mark_held(delegated)
    intake.register_visit(visit(when="2026-03-09", who=no_paper("Đinh Thị Năm"), session_uuid=delegated,
                                cases=[case("report", "environment", "Phản ánh ô nhiễm")]))
    # A dialogue meeting, 04/03: 3 persons, a new petition E (counted apart).
    dialogue = sessions.schedule(session("2026-03-04", kind="dialogue", subject="Giải phóng mặt bằng")).uuid
    sessions.mark_held(dialogue)
    intake.register_visit(visit(when="2026-03-04", who=no_paper("Hồ Văn Sáu"), session_uuid=dialogue, headcount=3,
                                cases=[case("petition", "land", "Kiến nghị giá bồi thường")]))
    # The Party secretary's session, 05/03: not in the state form.
    party = sessions.schedule(session("2026-03-05", sector="party", leader_role="party_secretary",
                                      leader_name="Nguyễn Văn Bí")).uuid
    sessions.mark_held(party)
    intake.register_visit(visit(when="2026-03-05", who=no_paper("Tạ Văn Bảy"), session_uuid=party))
    # A planned session not held yet: no session counted.
    sessions.schedule(session("2026-03-10"))
    # A voided visit of 4 persons with its own new case: nothing counted.
    wrong = intake.register_visit(visit(when="2026-03-07", who=no_paper("Đỗ Văn Nhầm"), headcount=4,
                                        cases=[case("complaint", "land", "Nhập nhầm")]))
    desk.voiding.void("visit", wrong.uuid, "Nhập nhầm lượt tiếp")
    # A routine visit whose case was voided afterwards: the visit and its person count, the case does not.
    kept = intake.register_visit(visit(when="2026-03-07", who=no_paper("Nguyễn Thị Tám"),
                                       cases=[case("complaint", "land", "Vụ việc ghi trùng")]))
    desk.voiding.void("case", kept.case_uuids[0], "Vụ việc ghi trùng")


def test_scenario_figures_of_every_group(desk, scenario):
    results = ReportService(desk.context).reception_results(month_period(2026, 3))
    now, before = results.current, results.previous
    assert results.period.label == "Tháng 3 năm 2026" and before.period.label == "Tháng 2 năm 2026"
    assert now.routine == GroupFigures(
        sessions=0, visits=4, persons=10, online_visits=1, cases=3, cases_first=2, cases_repeat=1,
        complaint_cases=2, petition_cases=1, delegations=1, delegation_persons=7, delegations_first=1)
    assert now.in_person == GroupFigures(
        sessions=1, visits=1, persons=2, cases=2, cases_first=1, cases_repeat=1, complaint_cases=1,
        denunciation_cases=1)
    assert now.delegated == GroupFigures(sessions=1, visits=1, persons=1, cases=1, cases_first=1, report_cases=1)
    assert now.dialogue == GroupFigures(sessions=1, visits=1, persons=3, cases=1, cases_first=1, petition_cases=1)
    assert now.total == GroupFigures(
        sessions=2, visits=6, persons=13, online_visits=1, cases=6, cases_first=4, cases_repeat=2,
        complaint_cases=3, denunciation_cases=1, petition_cases=1, report_cases=1, delegations=1,
        delegation_persons=7, delegations_first=1)
    assert before.total == GroupFigures(visits=1, persons=1, cases=1, cases_first=1, complaint_cases=1)
    assert before.in_person == before.delegated == before.dialogue == GroupFigures()
    assert not results.is_empty


def test_a_case_counts_once_per_group_and_first_time_wins_within_the_group(desk, scenario):
    # Case A: first visit 02/03 routine, repeat 06/03 in person -> first in routine, repeat in person.
    early = ReportService(desk.context).reception_results(custom_period("2026-03-02", "2026-03-06"))
    assert (early.current.routine.cases, early.current.routine.cases_first) == (2, 2)  # A and B
    assert (early.current.in_person.cases, early.current.in_person.cases_repeat) == (2, 1)  # A again, C new
    # Only the repeat visits: F online (08/03) is a repeat.
    late = ReportService(desk.context).reception_results(custom_period("2026-03-08", "2026-03-08"))
    assert late.current.total == GroupFigures(visits=1, persons=1, online_visits=1, cases=1, cases_repeat=1,
                                              complaint_cases=1)


def test_rows_come_in_the_forms_order_with_the_previous_period(desk, scenario):
    rows = ReportService(desk.context).reception_results(month_period(2026, 3)).rows()
    keys = [r.key for r in rows]
    assert keys[:3] == ["total.sessions", "total.visits", "total.persons"]
    assert keys.index("total.delegations_repeat") < keys.index("routine.visits") < keys.index("in_person.sessions") \
        < keys.index("delegated.sessions") < keys.index("dialogue.sessions")
    assert "routine.sessions" not in keys
    by_key = {r.key: r for r in rows}
    assert (by_key["total.visits"].label_vi, by_key["total.visits"].value, by_key["total.visits"].previous) == (
        "Tổng cộng - Số lượt tiếp", 6, 1)
    assert (by_key["routine.delegation_persons"].value, by_key["routine.delegation_persons"].previous) == (7, 0)
    assert all(isinstance(r.value, int) and isinstance(r.previous, int) for r in rows)


def test_a_period_with_no_data_gives_zeros(desk, scenario):
    results = ReportService(desk.context).reception_results(month_period(2024, 5, cutoff_day=20))
    assert results.is_empty
    assert results.current.total == results.previous.total == GroupFigures()
    assert all(r.value == 0 and r.previous == 0 for r in results.rows())


def test_reading_needs_a_signed_in_user(desk):
    desk.logout()
    with pytest.raises(UserError):
        ReportService(desk.context).reception_results(month_period(2026, 3))


# -- independent check on generated data -----------------------------------------------------------

def _naive(records: list[dict[str, Any]], period: Period) -> dict[str, dict[str, int]]:
    """Biểu 01/TCD counted row by row from the export, following DOMAIN §5 as written."""
    start, end = period.start.isoformat(), period.end.isoformat()
    sessions = {r["uuid"]: r for r in records if r["entity"] == "session"}
    cases = {r["uuid"]: r for r in records if r["entity"] == "case"}
    figures: dict[str, dict[str, int]] = {g: defaultdict(int) for g in (*GROUPS, "dialogue")}
    first_seen: dict[tuple[str, str], bool] = {}
    for s in sessions.values():
        if s["sector"] == "state" and s["status"] == "held" and not s["voided"] and start <= s["session_date"] <= end:
            group = "dialogue" if s["kind"] == "dialogue" else "delegated" if s["delegated"] else "in_person"
            figures[group]["sessions"] += 1
    for v in records:
        if v["entity"] != "visit" or v["voided"] or not start <= v["visit_date"] <= end:
            continue
        s = sessions.get(v["session"]) if v["session"] else None
        if v["reception_kind"] == "routine" or s is None:
            group = "routine"
        elif s["sector"] != "state":
            continue
        else:
            group = "dialogue" if s["kind"] == "dialogue" else "delegated" if s["delegated"] else "in_person"
        f = figures[group]
        f["visits"] += 1
        f["persons"] += v["headcount"]
        f["online_visits"] += v["channel"] == "online"
        if v["is_delegation"]:
            f["delegations"] += 1
            f["delegation_persons"] += v["headcount"]
            f["delegations_first" if v["first_time"] else "delegations_repeat"] += 1
        for link in v["cases"]:
            if cases[link["case"]]["voided"]:
                continue
            key = (group, link["case"])
            first_seen[key] = first_seen.get(key, False) or bool(link["first_time"])
    for (group, case_uuid), first in first_seen.items():
        f = figures[group]
        f["cases"] += 1
        f["cases_first" if first else "cases_repeat"] += 1
        f[f"{cases[case_uuid]['content_type']}_cases"] += 1
    return {g: {k: v for k, v in f.items() if v} for g, f in figures.items()}


def _as_dict(figures: ReceptionFigures) -> dict[str, dict[str, int]]:
    return {g: {k: v for k, v in vars(figures.group(g)).items() if v} for g in (*GROUPS, "dialogue")}


@pytest.fixture
def generated(desk, tmp_path: Path) -> list[dict[str, Any]]:
    generate_into(desk.context, "commune", visits=600, until=date(2026, 3, 9))
    path = tmp_path / "export.jsonl"
    export_file(desk.context, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[1:-1]]


def test_generated_data_matches_a_naive_count_of_the_export(desk, generated):
    service = ReportService(desk.context)
    visit_days = sorted(r["visit_date"] for r in generated if r["entity"] == "visit")
    assert len(visit_days) == 600
    periods = [month_period(2026, 2), month_period(2025, 11, cutoff_day=20), quarter_period(2025, 4),
               months_of_year(2025, 6), months_of_year(2025, 12), custom_period("2025-08-17", "2026-01-09"),
               custom_period(visit_days[0], visit_days[-1])]
    seen_groups: set[str] = set()
    for period in periods:
        results = service.reception_results(period)
        for figures in (results.current, results.previous):
            expected = _naive(generated, figures.period)
            assert _as_dict(figures) == expected, figures.period.label
            seen_groups |= {g for g, f in expected.items() if f.get("visits")}
            _assert_identities(figures)
    # The data exercised every group, delegations, repeats and sessions, so the comparison means something.
    whole = service.reception_results(periods[-1]).current
    assert seen_groups == {*GROUPS, "dialogue"}
    assert whole.total.delegations > 0 and whole.total.cases_repeat > 0 and whole.total.sessions > 0
    assert whole.total.visits + whole.dialogue.visits <= 600


def _assert_identities(figures: ReceptionFigures) -> None:
    total = figures.total
    for name in (f.name for f in fields(GroupFigures)):
        assert getattr(total, name) == sum(getattr(figures.group(g), name) for g in GROUPS)
    for group in (*GROUPS, "dialogue", "total"):
        f = figures.group(group)
        assert f.cases == f.cases_first + f.cases_repeat
        assert f.cases == f.complaint_cases + f.denunciation_cases + f.petition_cases + f.report_cases
        assert f.delegations == f.delegations_first + f.delegations_repeat
        assert f.delegation_persons <= f.persons and f.visits <= f.persons and f.online_visits <= f.visits
        assert f.cases_of("complaint") == f.complaint_cases
    assert figures.routine.sessions == 0


# -- classification ------------------------------------------------------------------------------

@pytest.fixture
def classified(desk) -> None:
    """Cases received in March 2026 of every direction and competence, with respondent bodies; one in February."""
    intake = desk.intake
    feb = intake.register_visit(visit(when="2026-02-20", who=no_paper("Vũ Văn Cũ"),
                                      cases=[case("complaint", "land", "Khiếu nại thu hồi đất",
                                                  respondent_body="Công an xã")]))
    # A repeat visit in March on the February case: the case stays in February (received_on).
    intake.register_visit(visit(when="2026-03-08", who=no_paper("Vũ Văn Cũ"), citizen_uuid=feb.citizen_uuid,
                                case_uuids=[feb.case_uuids[0]], cases=[]))
    intake.register_visit(visit(when="2026-03-02", cases=[case("complaint", "land", "Khiếu nại cấp GCN",
                                                               respondent_body="UBND xã")]))
    intake.register_visit(visit(
        when="2026-03-03", who=no_paper("Lê Văn Một"), direction=DirectionDraft("answered"),
        cases=[case("petition", "social_policy", "Kiến nghị chế độ", respondent_body="Trường tiểu học"),
               case("report", "environment", "Phản ánh ô nhiễm")]))
    intake.register_visit(visit(
        when="2026-03-04", who=no_paper("Hồ Văn Sáu"),
        direction=DirectionDraft("guided", direction_body="Thanh tra huyện", in_competence=False),
        cases=[case("denunciation", "corruption", "Tố cáo cán bộ công an", respondent_body="Công an xã")]))
    intake.register_letter(letter(when="2026-03-05", new_case=case(
        "denunciation", "corruption", "Tố cáo cán bộ địa chính nhận tiền", respondent_body="UBND xã")))
    wrong = intake.register_visit(visit(when="2026-03-07", who=no_paper("Đỗ Văn Nhầm"),
                                        cases=[case("complaint", "land", "Vụ việc ghi trùng",
                                                    respondent_body="UBND xã")]))
    desk.voiding.void("case", wrong.case_uuids[0], "Vụ việc ghi trùng")


def test_classification_of_the_scenario(desk, classified):
    result = ReportService(desk.context).classification(month_period(2026, 3))
    now, before = result.current, result.previous
    assert before.period.label == "Tháng 2 năm 2026"
    assert dict(now.by_type_field) == {("complaint", "land"): 1, ("petition", "social_policy"): 1,
                                       ("report", "environment"): 1, ("denunciation", "corruption"): 2}
    assert dict(now.by_competence) == {"in": 4, "out": 1}
    assert dict(now.by_direction) == {"accepted": 1, "answered": 2, "guided": 1, "none": 1}
    assert result.bodies == ("UBND xã", "Công an xã", "Trường tiểu học")
    assert result.respondent_lines(now) == [("UBND xã", 2), ("Công an xã", 1), ("Trường tiểu học", 1),
                                            (OTHER_BODIES, 0), (NO_BODY, 1)]
    assert result.respondent_lines(before) == [("UBND xã", 0), ("Công an xã", 1), ("Trường tiểu học", 0),
                                               (OTHER_BODIES, 0), (NO_BODY, 0)]
    assert (now.total, before.total) == (5, 1)
    assert dict(before.by_type_field) == {("complaint", "land"): 1}
    assert dict(before.by_direction) == {"accepted": 1} and dict(before.by_competence) == {"in": 1}
    _assert_classification_identities(result)

    rows = {r.key: r for r in result.rows()}
    # Every active field is listed, zeros too, with its Vietnamese name.
    assert [code for code, _ in result.fields] == [
        "land", "housing_construction", "social_policy", "finance_fees", "environment", "justice", "party_mass",
        "corruption", "other"]
    justice = rows["type_field.justice.total"]
    assert (justice.label_vi, justice.value) == ("Tư pháp - Tổng số", 0)
    r = rows["type_field.land.complaint"]
    assert (r.label_vi, r.value, r.previous) == ("Đất đai - Khiếu nại", 1, 1)
    r = rows["type_field.corruption.denunciation"]
    assert (r.label_vi, r.value, r.previous) == ("Tham nhũng - Tố cáo", 2, 0)
    assert (rows["type_field.total.denunciation"].value, rows["type_field.total.total"].value,
            rows["type_field.total.total"].previous) == (2, 5, 1)
    assert (rows["competence.out"].label_vi, rows["competence.out"].value) == ("Không thuộc thẩm quyền", 1)
    assert [(rows[f"direction.{d}"].label_vi, rows[f"direction.{d}"].value) for d in DIRECTIONS] == [
        ("Hướng dẫn", 1), ("Chuyển đơn", 0), ("Thụ lý", 1), ("Trả lời ngay", 2), ("Lưu đơn", 0),
        ("Từ chối tiếp", 0), ("Chưa có hướng xử lý", 1)]
    assert (rows["respondent.1"].label_vi, rows["respondent.1"].value) == ("UBND xã", 2)
    assert all(isinstance(r.value, int) and isinstance(r.previous, int) for r in rows.values())


def test_classification_names_the_top_bodies_and_sums_the_rest(desk, classified):
    result = ReportService(desk.context).classification(month_period(2026, 3), top_bodies=1)
    assert result.bodies == ("UBND xã",)
    assert result.respondent_lines(result.current) == [("UBND xã", 2), (OTHER_BODIES, 2), (NO_BODY, 1)]
    assert result.respondent_lines(result.previous) == [("UBND xã", 0), (OTHER_BODIES, 1), (NO_BODY, 0)]
    rows = {r.key: (r.label_vi, r.value, r.previous) for r in result.rows() if r.key.startswith("respondent.")}
    assert rows == {"respondent.1": ("UBND xã", 2, 0), "respondent.other": ("Khác", 2, 1),
                    "respondent.none": (NO_BODY, 1, 0)}
    _assert_classification_identities(result)
    with pytest.raises(UserError) as caught:
        ReportService(desk.context).classification(month_period(2026, 3), top_bodies=-1)
    assert_clear_error(caught.value, "top_bodies", "report.top_bodies_range")


def test_classification_of_a_period_with_no_data_lists_zeros(desk, classified):
    result = ReportService(desk.context).classification(month_period(2024, 5))
    assert result.is_empty and result.bodies == ()
    rows = result.rows()
    assert len(rows) == 9 * 5 + 5 + 2 + 7 + 2  # type × field with totals, competence, directions, Khác + none
    assert all(r.value == 0 and r.previous == 0 for r in rows)


def test_a_retired_field_is_listed_only_while_it_has_cases(desk, classified):
    desk.setup.set_field_active("environment", False)
    desk.setup.set_field_active("justice", False)
    codes = [code for code, _ in ReportService(desk.context).classification(month_period(2026, 3)).fields]
    assert "environment" in codes and "justice" not in codes
    codes = [code for code, _ in ReportService(desk.context).classification(month_period(2026, 2)).fields]
    assert "environment" not in codes  # nothing in February nor January


def test_classification_needs_a_signed_in_user(desk):
    desk.logout()
    with pytest.raises(UserError):
        ReportService(desk.context).classification(month_period(2026, 3))


def _assert_classification_identities(result: Classification) -> None:
    for figures in (result.current, result.previous):
        total = figures.total
        assert total == sum(figures.of_type(t) for t in ("complaint", "denunciation", "petition", "report"))
        assert total == sum(figures.of_field(code) for code, _ in result.fields)
        assert total == sum(figures.by_competence.get(g, 0) for g in COMPETENCE)
        assert total == sum(figures.by_direction.get(d, 0) for d in DIRECTIONS)
        assert total == sum(n for _, n in result.respondent_lines(figures))
        assert all(n >= 0 for _, n in result.respondent_lines(figures))
    rows = result.rows()
    for prefix in ("competence.", "direction.", "respondent."):
        assert sum(r.value for r in rows if r.key.startswith(prefix)) == result.current.total
        assert sum(r.previous for r in rows if r.key.startswith(prefix)) == result.previous.total


def _naive_classification(records: list[dict[str, Any]], period: Period) -> dict[str, Any]:
    """The classification counted case by case from the export, following the rules as written."""
    start, end = period.start.isoformat(), period.end.isoformat()
    counts: dict[str, Any] = {"type_field": defaultdict(int), "competence": defaultdict(int),
                              "direction": defaultdict(int), "body": defaultdict(int)}
    for c in records:
        if c["entity"] != "case" or c["voided"] or not start <= c["received_on"] <= end:
            continue
        counts["type_field"][(c["content_type"], c["field_code"])] += 1
        counts["competence"]["in" if c["in_competence"] else "out"] += 1
        counts["direction"][c["direction"] or "none"] += 1
        counts["body"][c["respondent_body"]] += 1
    return counts


def _naive_rows(records: list[dict[str, Any]], period: Period, top: int) -> dict[str, tuple[int, int]]:
    """key -> (value, previous), every cell of the four tables, from the naive counts."""
    now, before = _naive_classification(records, period), _naive_classification(records, period.previous())
    used = {f for counts in (now, before) for (_, f) in counts["type_field"]}
    field_records = [r for r in records if r["entity"] == "field"]
    codes = [r["code"] for r in field_records if r["active"] or r["code"] in used]
    codes += sorted(used - {r["code"] for r in field_records})
    types = ("complaint", "denunciation", "petition", "report")
    rows: dict[str, tuple[int, int]] = {}
    for code in codes:
        for t in types:
            rows[f"type_field.{code}.{t}"] = (now["type_field"][(t, code)], before["type_field"][(t, code)])
        rows[f"type_field.{code}.total"] = tuple(sum(c["type_field"][(t, code)] for t in types)  # type: ignore
                                                 for c in (now, before))
    for t in types:
        rows[f"type_field.total.{t}"] = tuple(sum(c["type_field"][(t, f)] for f in codes)  # type: ignore
                                              for c in (now, before))
    rows["type_field.total.total"] = tuple(sum(c["type_field"].values()) for c in (now, before))  # type: ignore
    for g in ("in", "out"):
        rows[f"competence.{g}"] = (now["competence"][g], before["competence"][g])
    for d in ("guided", "transferred", "accepted", "answered", "filed", "refused", "none"):
        rows[f"direction.{d}"] = (now["direction"][d], before["direction"][d])
    ranked = sorted((b for b in now["body"] if b), key=lambda b: (-now["body"][b], b))[:top]
    for i, body in enumerate(ranked, 1):
        rows[f"respondent.{i}"] = (now["body"][body], before["body"][body])
    rows["respondent.other"] = tuple(sum(n for b, n in c["body"].items() if b and b not in ranked)  # type: ignore
                                     for c in (now, before))
    rows["respondent.none"] = (now["body"][""], before["body"][""])
    return rows


def test_classification_of_generated_data_matches_a_naive_count_of_the_export(desk, generated, tmp_path):
    # The generated commune names one respondent body: add cases naming others, so "Khác" is exercised too.
    for when, body in (("2026-02-03", "Công an xã"), ("2026-02-04", "Công an xã"),
                       ("2026-02-05", "Trường THCS"), ("2026-02-06", "Hợp tác xã"),
                       ("2025-11-10", "Trường THCS"), ("2025-12-15", "Công an xã")):
        desk.intake.register_visit(visit(when=when, who=no_paper("Phan Văn Thêm"), cases=[
            case("petition", "other", "Kiến nghị về cơ quan", respondent_body=body)]))
    path = tmp_path / "export-more.jsonl"
    export_file(desk.context, path)
    generated = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[1:-1]]
    service = ReportService(desk.context)
    periods = [month_period(2026, 2), month_period(2025, 11, cutoff_day=20), quarter_period(2025, 4),
               quarter_period(2026, 1), months_of_year(2025, 6), months_of_year(2025, 12)]
    seen: dict[str, int] = defaultdict(int)
    for period in periods:
        for top in (1, 3, 10):
            result = service.classification(period, top_bodies=top)
            got = {r.key: (r.value, r.previous) for r in result.rows()}
            assert got == _naive_rows(generated, period, top), (period.label, top)
            _assert_classification_identities(result)
            for key, (value, previous) in got.items():
                seen[key.split(".")[0] + "." + key.split(".")[-1]] += value + previous
    # The data exercised the tables, so the comparison means something.
    assert seen["type_field.total"] > 0 and seen["competence.out"] > 0 and seen["direction.none"] > 0
    assert sum(seen[f"direction.{d}"] for d in DIRECTIONS if d != "none") > 0
    assert seen["respondent.1"] > 0 and seen["respondent.none"] > 0 and seen["respondent.other"] > 0


def test_one_communes_figures_out_of_a_file_holding_several(desk, scenario):
    """Records of another commune (as a consolidated file holds them) are left out when one unit is asked for."""
    service = ReportService(desk.context)
    march = month_period(2026, 3)
    whole = service.reception_results(march)
    assert service.reception_results(march, unit_code="00004").current == whole.current
    desk.database.conn.execute("UPDATE visits SET unit_code = '00007' WHERE visit_date = '2026-03-09'")
    desk.database.conn.execute("UPDATE sessions SET unit_code = '00007' WHERE session_date = '2026-03-09'")
    ours = service.reception_results(march, unit_code="00004").current
    theirs = service.reception_results(march, unit_code="00007").current
    assert (ours.delegated.visits, ours.delegated.sessions) == (0, 0)
    assert (theirs.delegated.visits, theirs.delegated.sessions, theirs.total.visits) == (1, 1, 1)
    assert ours.total + theirs.total == service.reception_results(march).current.total

"""The finished report: the Party secretary's figures and narrative (6 sessions, 8 cases, 27 visits), the zero and
one cases, the state narrative, the leaders' compliance over a period, warnings, and the "submitted" mark."""

from __future__ import annotations

from datetime import date

import pytest

from receptiondesk.demo.loader import generate_into
from receptiondesk.domain.report_narrative import party_narrative
from receptiondesk.domain.report_periods import custom_period, month_period, months_of_year, parse_period
from receptiondesk.domain.report_tables import ReportKind, change, count
from receptiondesk.errors import UserError
from receptiondesk.services.setup import SignerDraft
from tests.services.helpers import assert_clear_error, audit, case, no_paper, session, visit

D = date.fromisoformat

#: Six sessions of the Party secretary in the first half of 2026: (date, [(citizen, headcount, new cases)]).
#: 27 visits in all, 8 cases; visits after the first of a citizen return on the same case.
PARTY_SESSIONS = (
    ("2026-01-15", [("Nguyễn Văn An", 4, 1), ("Trần Thị Bình", 1, 1)]),
    ("2026-02-12", [("Nguyễn Văn An", 1, 0), ("Lê Văn Cường", 1, 1), ("Trần Thị Bình", 1, 0)]),
    ("2026-03-12", [("Phạm Văn Dũng", 1, 1), ("Nguyễn Văn An", 1, 0), ("Lê Văn Cường", 1, 0)]),
    ("2026-04-15", [("Hoàng Thị Em", 1, 1), ("Phạm Văn Dũng", 1, 0), ("Trần Thị Bình", 1, 0),
                    ("Nguyễn Văn An", 1, 0)]),
    ("2026-05-14", [("Vũ Văn Giang", 1, 1), ("Hoàng Thị Em", 1, 0), ("Lê Văn Cường", 1, 0),
                    ("Phạm Văn Dũng", 1, 0), ("Trần Thị Bình", 1, 0)]),
    ("2026-06-11", [("Đỗ Thị Hoa", 1, 1), ("Vũ Văn Giang", 1, 0), ("Hoàng Thị Em", 1, 0), ("Nguyễn Văn An", 1, 0),
                    ("Lê Văn Cường", 1, 0), ("Phạm Văn Dũng", 1, 0), ("Trần Thị Bình", 1, 0),
                    ("Đỗ Thị Hoa", 1, 0), ("Vũ Văn Giang", 1, 0), ("Hoàng Thị Em", 1, 0)]),
)


def _party_session(desk, when: str, *, delegated: bool = False) -> str:
    extra = {"delegated": True, "delegate_name": "Trần Văn Phó", "delegate_role": "deputy_party_secretary"} \
        if delegated else {}
    uuid = desk.sessions.schedule(session(when, sector="party", leader_role="party_secretary",
                                          leader_name="Nguyễn Văn Bí", location="Trụ sở Đảng ủy phường",
                                          **extra)).uuid
    desk.sessions.mark_held(uuid)
    return uuid


@pytest.fixture
def party_half_year(desk, clock):
    """The six sessions above (the 8th case: a second matter raised by Nguyễn Văn An at the first session), a
    delegated session in May and a conclusion notice for each of the first two sessions; today is 10/07/2026."""
    clock.set_day(D("2026-01-10"))
    known: dict[str, tuple[str, str]] = {}  # name -> (citizen uuid, case uuid)
    uuids = []
    heard: dict[str, list[str]] = {}
    for when, visits in PARTY_SESSIONS:
        clock.set_day(D(when))
        held = _party_session(desk, when)
        uuids.append(held)
        for name, headcount, new in visits:
            if name in known:
                citizen_uuid, case_uuid = known[name]
                desk.intake.register_visit(visit(when=when, who=no_paper(name), citizen_uuid=citizen_uuid,
                                                 case_uuids=[case_uuid], cases=[], session_uuid=held,
                                                 headcount=headcount))
                continue
            matters = [case("petition", "land", f"Kiến nghị của {name}")]
            if name == "Nguyễn Văn An":
                matters.append(case("complaint", "land", "Khiếu nại thu hồi đất"))
            saved = desk.intake.register_visit(visit(when=when, who=no_paper(name), cases=matters,
                                                     session_uuid=held, headcount=headcount))
            known[name] = (saved.citizen_uuid, saved.case_uuids[0])
            heard.setdefault(held, []).append(saved.case_uuids[0])
    clock.set_day(D("2026-05-20"))
    delegated = _party_session(desk, "2026-05-20", delegated=True)
    desk.intake.register_visit(visit(when="2026-05-20", who=no_paper("Mai Văn Ủy"), session_uuid=delegated))
    clock.set_day(D("2026-07-10"))
    desk.setup.add_signer(SignerDraft("Nguyễn Văn Bí", "Bí thư Đảng ủy phường", "party_secretary"))
    for held in uuids[:2]:
        for case_uuid in heard[held]:
            desk.sessions.record_conclusion(held, case_uuid, "pending", "Giao Văn phòng kiểm tra, báo cáo.")
        desk.paperwork.issue(desk.paperwork.conclusion_notice(held))
    return uuids


def test_the_party_report_says_six_sessions_eight_cases_twenty_seven_visits(desk, party_half_year):
    period = months_of_year(2026, 6)
    figures = desk.report_builder.party_figures(period)
    assert (figures.sessions, figures.cases, figures.visits, figures.persons) == (6, 8, 27, 30)
    assert (figures.complaint_cases, figures.petition_cases, figures.notices) == (1, 7, 2)
    assert (figures.delegated_sessions, figures.delegated_visits, figures.delegated_cases) == (1, 1, 1)

    report = desk.report_builder.build(period, "party")
    assert report.kind is ReportKind.PARTY and report.reporter == "Đảng ủy phường Ba Đình"
    assert report.narrative.startswith(
        "Trong 6 tháng đầu năm 2026, đồng chí Bí thư Đảng ủy phường đã tiếp 6 kỳ, 8 vụ việc với 27 lượt công dân "
        "(30 người); đã ban hành 2 thông báo kết luận.")
    assert "ủy quyền tiếp 1 kỳ với 1 lượt công dân" in report.narrative
    assert report.narrative.endswith("So với cùng kỳ năm trước, số lượt công dân được tiếp tăng 27.")
    party = report.table("party")
    assert party.header == ("STT", "Chỉ tiêu", "Kỳ này", "Cùng kỳ năm trước")
    values = {row[1]: row[2] for row in party.rows}
    assert values["Số kỳ đồng chí Bí thư trực tiếp tiếp công dân"] == 6
    assert values["Số thông báo kết luận đã ban hành"] == 2
    # The secretary received at least 2 days a month? One session a month: every month is short of the minimum.
    compliance = report.table("compliance_party")
    assert [row[0] for row in compliance.rows] == [f"Tháng {m}/2026" for m in range(1, 7)]
    assert [row[1] for row in compliance.rows] == [1, 1, 1, 1, 1, 1]
    assert report.figures["compliance.party.missed"] == [6, 0]
    assert "Có 6 tháng chưa bảo đảm số ngày tiếp công dân tối thiểu" in report.narrative
    chart = report.charts[0]
    assert (chart.categories, chart.current, chart.previous) == (("Kỳ tiếp", "Vụ việc", "Lượt công dân"),
                                                                 (6, 8, 27), (0, 0, 0))


def test_a_month_with_one_session_and_one_visit_reads_correctly(desk, party_half_year):
    report = desk.report_builder.build(month_period(2026, 1), "party")
    assert report.narrative.startswith(
        "Trong tháng 1 năm 2026, đồng chí Bí thư Đảng ủy phường đã tiếp 1 kỳ, 3 vụ việc với 2 lượt công dân "
        "(5 người); đã ban hành 1 thông báo kết luận.")
    one = party_narrative({"party.sessions": (1, 0), "party.cases": (1, 0), "party.visits": (1, 1),
                           "party.persons": (1, 1)}, month_period(2026, 1), "phường")
    assert one == ("Trong tháng 1 năm 2026, đồng chí Bí thư Đảng ủy phường đã tiếp 1 kỳ, 1 vụ việc với 1 lượt "
                   "công dân; chưa ban hành thông báo kết luận nào. So với kỳ trước, số lượt công dân được tiếp "
                   "bằng.")


def test_a_period_with_no_data_is_a_report_that_says_so(desk, party_half_year):
    report = desk.report_builder.build(month_period(2025, 5), "party")
    assert report.is_empty
    assert report.narrative == ("Trong tháng 5 năm 2025, đồng chí Bí thư Đảng ủy phường không có kỳ tiếp công dân "
                                "nào. Có 1 tháng chưa bảo đảm số ngày tiếp công dân tối thiểu theo quy định.")
    assert report.warnings[0].startswith("Trong tháng 5 năm 2025 không có số liệu tiếp công dân")
    assert all(row[2] == 0 and row[3] == 0 for row in report.table("party").rows)
    held_only = party_narrative({"party.sessions": (2, 0)}, month_period(2026, 2), "xã")
    assert held_only == ("Trong tháng 2 năm 2026, đồng chí Bí thư Đảng ủy xã đã tổ chức 2 kỳ tiếp công dân nhưng "
                         "không có công dân đến.")


def test_single_table_kinds_and_an_unknown_kind(desk, party_half_year):
    report = desk.report_builder.build(month_period(2026, 3), "reception")
    assert [t.key for t in report.tables] == ["reception"] and report.narrative == ""
    reception = report.table("reception")
    assert reception.wide and reception.header[:3] == ("Hình thức tiếp", "Số kỳ", "Số lượt")
    assert reception.rows[0][0] == "Tổng cộng" and reception.total_rows == (0,)
    assert reception.rows[2][1] is None  # routine reception has no sessions
    with pytest.raises(UserError) as caught:
        desk.report_builder.build(month_period(2026, 3), "weekly")
    assert_clear_error(caught.value, "kind", "report.kind_unknown")


def test_submitting_marks_the_report_and_a_changed_cut_off_is_warned(desk, party_half_year):
    march = month_period(2026, 3)
    report = desk.report_builder.build(march, "party")
    assert desk.report_builder.submitted("party", march) is None
    uuid = desk.report_builder.mark_submitted(report, "Đoạn tổng hợp đã sửa.\n\nĐoạn hai.")
    mark = desk.report_builder.submitted("party", march)
    assert mark["uuid"] == uuid and mark["submitted_on"] == "2026-07-10"
    stored = desk.database.one("SELECT narrative, figures, period_label FROM report_submissions WHERE uuid = ?",
                               (uuid,))
    assert stored["narrative"] == "Đoạn tổng hợp đã sửa.\n\nĐoạn hai." and stored["period_label"] == "Tháng 3 năm 2026"
    assert '"party.visits": [3, 3]' in stored["figures"]
    assert [a["action"] for a in audit(desk, uuid)] == ["report.submit"]
    # April with a cut-off on the 20th starts on 21 March: it overlaps the March already submitted.
    april = month_period(2026, 4, cutoff_day=20)
    warnings = desk.report_builder.build(april, "party").warnings
    assert any("trùng một phần với báo cáo đã nộp “Tháng 3 năm 2026” (từ ngày 01/03/2026 đến ngày 31/03/2026)"
               in w for w in warnings)
    other_kind = desk.report_builder.build(april, "reception").warnings
    assert not any("trùng một phần" in w for w in other_kind)  # another kind of report: no overlap
    assert desk.report_builder.build(march, "party").warnings == ()  # the same period again: no overlap warning


def test_an_open_period_and_a_rules_change_are_warned(desk, party_half_year, clock):
    clock.set_day(D("2026-06-20"))
    report = desk.report_builder.build(months_of_year(2026, 6), "party")
    assert "Kỳ báo cáo chưa kết thúc: số liệu tính đến ngày 20/06/2026." in report.warnings


def test_period_specs_of_the_command_line():
    assert parse_period("2026-03").label == "Tháng 3 năm 2026"
    assert parse_period("2026-q2").label == "Quý II năm 2026"
    assert parse_period("2026-H1").label == "6 tháng đầu năm 2026"
    assert parse_period("2026-9M").label == "9 tháng năm 2026"
    assert parse_period("2026").label == "Năm 2026"
    assert parse_period("2026-03", cutoff_day=20).start == D("2026-02-21")
    assert parse_period("2026-03-01..2026-03-15") == custom_period("2026-03-01", "2026-03-15")
    for bad in ("", "March", "2026-W3", "26-03"):
        with pytest.raises(UserError) as caught:
            parse_period(bad)
        assert_clear_error(caught.value, "period", "report.period_spec")
    with pytest.raises(UserError) as caught:
        parse_period("2026-03-15..2026-03-01")
    assert_clear_error(caught.value, "period", "report.period_inverted")


def test_numbers_and_changes_in_the_register_of_the_reports():
    assert count(1, "kỳ") == "1 kỳ" and count(12500, "lượt") == "12.500 lượt"
    assert change(27, 24) == "tăng 12,5%" and change(20, 40) == "giảm 50%" and change(5, 5) == "bằng"
    assert change(3, 0) == "tăng 3"


def test_the_cut_off_day_setting_is_checked(desk):
    assert desk.setup.update_settings(report_cutoff_day="20").report_cutoff_day == 20
    for bad in (29, -1, "ngày 20"):
        with pytest.raises(UserError) as caught:
            desk.setup.update_settings(report_cutoff_day=bad)
        assert_clear_error(caught.value, "cutoff_day", "report.cutoff_range")
    assert desk.context.settings.report_cutoff_day == 20


def test_the_state_narrative_quotes_the_tables(desk):
    generate_into(desk.context, "commune", visits=600, until=date(2026, 3, 9))
    report = desk.report_builder.build(months_of_year(2025, 12), "state")
    f = {key: value[0] for key, value in report.figures.items() if isinstance(value, list)}
    text = report.narrative
    assert text.startswith(f"Trong năm 2025, Ủy ban nhân dân phường Ba Đình đã tiếp "
                           f"{count(f['reception.total.visits'], 'lượt')} với "
                           f"{count(f['reception.total.persons'], 'người')}, "
                           f"{count(f['reception.total.cases'], 'vụ việc')} (trong đó: tiếp thường xuyên "
                           f"{count(f['reception.routine.visits'], 'lượt')}; Chủ tịch Ủy ban nhân dân phường trực "
                           f"tiếp tiếp {count(f['reception.in_person.sessions'], 'kỳ')}")
    assert f"Tiếp nhận mới {count(f['classification.type_field.total.total'], 'vụ việc')}, gồm: " in text
    assert f"Tiếp nhận {count(f['letters.total'], 'đơn')}; đã xử lý " in text
    assert (f"Về giải quyết khiếu nại: phải giải quyết {count(f['complaints.to_resolve'], 'vụ việc')}, "
            f"đã giải quyết {count(f['complaints.outcome.resolved'], 'vụ việc')}") in text
    assert f"Đã giao {count(f['followup.assigned'], 'nhiệm vụ')} theo kết luận tiếp công dân" in text
    assert f"Có {count(f['compliance.state.missed'], 'tuần')} Chủ tịch" in text
    assert f["reception.total.visits"] > 0 and f["letters.total"] > 0 and f["complaints.to_resolve"] > 0
    assert [t.key for t in report.tables] == [
        "reception", "classification", "competence", "direction", "respondent", "letters", "complaints",
        "denunciations", "followup", "compliance_state"]
    # Every table's lines are the service's figures: the total line of Biểu 01/TCD.
    total = report.table("reception").rows[0]
    assert total[:4] == ("Tổng cộng", f["reception.total.sessions"], f["reception.total.visits"],
                         f["reception.total.persons"])


def test_the_state_narrative_of_an_empty_period(desk):
    report = desk.report_builder.build(month_period(2024, 5), "state")
    assert report.is_empty
    assert report.narrative.startswith("Trong tháng 5 năm 2024, Ủy ban nhân dân phường Ba Đình không tiếp công "
                                       "dân nào.")
    assert "Tiếp nhận mới" not in report.narrative and "đơn" not in report.narrative


def test_a_period_spanning_a_change_of_the_rules_table_is_warned(desk):
    """The Party secretary's minimum comes from Quy định 11 until 31/10/2025 and from Kết luận 215 after: a year
    report judges each month by the rule then in force and says the rule changed."""
    report = desk.report_builder.build(months_of_year(2025, 12), "party")
    warning = next(w for w in report.warnings if w.startswith("Mức tiếp công dân tối thiểu thay đổi"))
    assert "Quy định 11-QĐi/TW" in warning and "Kết luận 215-KL/TW" in warning
    assert [row[2] for row in report.table("compliance_party").rows] == [2] * 12
    assert "thay đổi" not in " ".join(desk.report_builder.build(month_period(2025, 3), "party").warnings)

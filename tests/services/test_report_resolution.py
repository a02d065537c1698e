"""The standard tables after Biểu 01/TCD — letters, complaint and denunciation resolution, follow-up: a hand-built
scenario per table checked figure by figure, then generated data checked cell by cell against a naive count made
in Python from the interchange export (not the same SQL), for month, month with a cut-off, quarter, 6 and 12
months; the identities of each table for every period; the query plans."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from receptiondesk.demo.loader import generate_into
from receptiondesk.domain.cases import DirectionDraft
from receptiondesk.domain.report_periods import Period, month_period, months_of_year, quarter_period
from receptiondesk.errors import UserError
from receptiondesk.services import report_resolution
from receptiondesk.services.interchange import export_file
from receptiondesk.services.report_resolution import FollowupReport, LetterHandling, Resolution
from receptiondesk.services.reports import ReportService
from receptiondesk.storage.database import open_database
from tests.services.helpers import TODAY, assignment, case, letter, no_paper, row, visit

D = date.fromisoformat
MARCH = month_period(2026, 3)

#: Every line of each table, in order (the API's stable keys).
LETTER_KEYS = (
    "total", "cases", "channel.post", "channel.forwarded", "channel.online",
    "content_type.complaint", "content_type.denunciation", "content_type.petition", "content_type.report",
    "eligibility.eligible", "eligibility.not_eligible", "eligibility.unhandled",
    "direction.guided", "direction.transferred", "direction.accepted", "direction.answered", "direction.filed",
    "direction.refused", "direction.none", "competence.in", "competence.out",
)
RESOLUTION_KEYS = (
    "to_resolve", "to_resolve.carried_over", "to_resolve.new", "outcome.resolved",
    "outcome.ended_without_conclusion", "outcome.pending", "pending.overdue", "informed",
)
FOLLOWUP_KEYS = (
    "assigned", "with_result", "with_result.on_time", "with_result.late", "without_result",
    "without_result.overdue", "without_result.not_yet_due", "citizen.told", "citizen.not_told",
    "at_end.open", "at_end.overdue", "at_end.not_told",
)
#: The breakdowns of the letters table: each sums to the total.
LETTER_BREAKDOWNS = ("channel", "content_type", "eligibility", "direction", "competence")


def _table(rows) -> dict[str, tuple[int, int]]:
    return {r.key: (r.value, r.previous) for r in rows}


def _now(rows) -> dict[str, int]:
    return {r.key: r.value for r in rows}


def _before(rows) -> dict[str, int]:
    return {r.key: r.previous for r in rows}


# -- identities ------------------------------------------------------------------------------------

def _assert_letter_identities(result: LetterHandling) -> None:
    rows = result.rows()
    assert tuple(r.key for r in rows) == LETTER_KEYS
    assert all(type(r.value) is int and type(r.previous) is int for r in rows)
    for figures in (_now(rows), _before(rows)):
        for prefix in LETTER_BREAKDOWNS:
            assert sum(n for k, n in figures.items() if k.startswith(prefix + ".")) == figures["total"], prefix
        assert figures["eligibility.unhandled"] == figures["direction.none"]
        assert figures["eligibility.not_eligible"] == figures["direction.filed"] + figures["direction.refused"]
        assert (figures["cases"] > 0) == (figures["total"] > 0) and figures["cases"] <= figures["total"]


def _assert_resolution_identities(result: Resolution) -> None:
    rows = result.rows()
    assert tuple(r.key for r in rows) == RESOLUTION_KEYS
    assert all(type(r.value) is int and type(r.previous) is int for r in rows)
    for f in (_now(rows), _before(rows)):
        assert f["to_resolve"] == f["to_resolve.carried_over"] + f["to_resolve.new"]
        assert f["to_resolve"] == f["outcome.resolved"] + f["outcome.ended_without_conclusion"] + f["outcome.pending"]
        assert 0 <= f["pending.overdue"] <= f["outcome.pending"]
    for figures in (result.current, result.previous):
        assert figures.total == figures.carried_over + figures.new


def _assert_followup_identities(result: FollowupReport) -> None:
    rows = result.rows()
    assert tuple(r.key for r in rows) == FOLLOWUP_KEYS
    assert all(type(r.value) is int and type(r.previous) is int for r in rows)
    for f in (_now(rows), _before(rows)):
        assert f["assigned"] == f["with_result"] + f["without_result"]
        assert f["with_result"] == f["with_result.on_time"] + f["with_result.late"]
        assert f["with_result"] == f["citizen.told"] + f["citizen.not_told"]
        assert f["without_result"] == f["without_result.overdue"] + f["without_result.not_yet_due"]
        # The state at the end covers the period's own assignments and the earlier ones.
        assert f["at_end.open"] >= f["without_result"] and f["at_end.overdue"] >= f["without_result.overdue"]
        assert f["at_end.not_told"] >= f["citizen.not_told"] and f["at_end.overdue"] <= f["at_end.open"]


# -- letters: the hand-built scenario ---------------------------------------------------------------

@pytest.fixture
def letters_scenario(desk) -> None:
    """March 2026 (today 10/03): letters of every channel, type and direction; one letter in February."""
    intake = desk.intake
    feb = intake.register_letter(letter(when="2026-02-16", new_case=case("complaint", "land", "Khiếu nại thu hồi đất")))
    intake.register_letter(letter(when="2026-03-02"))  # post, anonymous denunciation, not handled yet
    forwarded = intake.register_letter(letter(
        when="2026-03-03", channel="forwarded", sender_body="Thanh tra tỉnh", forward_doc="12/TTr-VP",
        new_case=case("complaint", "land", "Khiếu nại bồi thường"), direction=DirectionDraft("accepted")))
    intake.register_letter(letter(
        when="2026-03-04", channel="online", new_case=case("petition", "environment", "Kiến nghị xử lý rác"),
        direction=DirectionDraft("guided", direction_body="Sở Nông nghiệp và Môi trường", in_competence=False)))
    intake.register_letter(letter(when="2026-03-05", new_case=case("report", "other", "Phản ánh trùng lặp"),
                                  direction=DirectionDraft("filed")))
    intake.register_letter(letter(when="2026-03-05", new_case=case("complaint", "land", "Khiếu nại đã giải quyết"),
                                  direction=DirectionDraft("refused", refusal_ground="already_resolved")))
    # A second letter on the forwarded complaint: two letters, one case.
    intake.register_letter(letter(when="2026-03-06", case_uuid=forwarded.case_uuid, summary="Đơn khiếu nại lần 2"))
    intake.register_letter(letter(
        when="2026-03-06", channel="forwarded", sender_body="Ban Tiếp công dân tỉnh", forward_doc="30/BTCD",
        direction=DirectionDraft("transferred", direction_body="Công an tỉnh", direction_doc="07/CV-UBND",
                                 in_competence=False)))
    intake.register_letter(letter(when="2026-03-07", new_case=case("petition", "social_policy", "Kiến nghị chế độ"),
                                  direction=DirectionDraft("answered")))
    # Directed after registration: the case's direction now is what counts.
    later = intake.register_letter(letter(when="2026-03-09", new_case=case("report", "environment", "Phản ánh khói")))
    desk.cases.set_direction(later.case_uuid, DirectionDraft("accepted"), on="2026-03-09")
    # A March letter on the February case: counted in March, by that case.
    intake.register_letter(letter(when="2026-03-09", channel="online", case_uuid=feb.case_uuid,
                                  summary="Đơn đề nghị trả lời"))
    # Not counted: a voided letter, a letter whose case was voided, a visit (not a letter).
    wrong = intake.register_letter(letter(when="2026-03-08", new_case=case("petition", "other", "Nhập nhầm")))
    desk.voiding.void("letter", wrong.uuid, "Nhập nhầm đơn")
    dropped = intake.register_letter(letter(when="2026-03-08", new_case=case("petition", "other", "Vụ việc trùng")))
    desk.voiding.void("case", dropped.case_uuid, "Vụ việc ghi trùng")
    intake.register_visit(visit(when="2026-03-03", who=no_paper("Lý Văn Đến")))


def test_letters_of_the_scenario(desk, letters_scenario):
    result = ReportService(desk.context).letters(MARCH)
    assert result.period == MARCH and result.previous.period.label == "Tháng 2 năm 2026"
    assert not result.is_empty
    assert _table(result.rows()) == {
        "total": (10, 1), "cases": (9, 1),
        "channel.post": (6, 1), "channel.forwarded": (2, 0), "channel.online": (2, 0),
        "content_type.complaint": (4, 1), "content_type.denunciation": (2, 0), "content_type.petition": (2, 0),
        "content_type.report": (2, 0),
        "eligibility.eligible": (6, 0), "eligibility.not_eligible": (2, 0), "eligibility.unhandled": (2, 1),
        "direction.guided": (1, 0), "direction.transferred": (1, 0), "direction.accepted": (3, 0),
        "direction.answered": (1, 0), "direction.filed": (1, 0), "direction.refused": (1, 0),
        "direction.none": (2, 1),
        "competence.in": (8, 1), "competence.out": (2, 0),
    }
    assert dict(result.current.by_channel) == {"post": 6, "forwarded": 2, "online": 2}
    assert result.current.by_eligibility == {"eligible": 6, "not_eligible": 2, "unhandled": 2}
    _assert_letter_identities(result)


def test_letter_rows_carry_the_reports_wording(desk, letters_scenario):
    labels = {r.key: r.label_vi for r in ReportService(desk.context).letters(MARCH).rows()}
    assert labels["total"] == "Tổng số đơn tiếp nhận trong kỳ"
    assert labels["channel.post"] == "Qua dịch vụ bưu chính"
    assert labels["channel.forwarded"] == "Do cơ quan, tổ chức, cá nhân chuyển đến"
    assert labels["channel.online"] == "Qua môi trường mạng"
    assert labels["content_type.denunciation"] == "Phân loại theo nội dung - Tố cáo"
    assert labels["eligibility.not_eligible"] == "Đơn không đủ điều kiện xử lý (lưu đơn, từ chối)"
    assert labels["direction.accepted"] == "Kết quả xử lý - Thụ lý"
    assert labels["direction.filed"] == "Kết quả xử lý - Lưu đơn"
    assert labels["direction.none"] == "Kết quả xử lý - Chưa xử lý"
    assert (labels["competence.in"], labels["competence.out"]) == ("Thuộc thẩm quyền", "Không thuộc thẩm quyền")


# -- complaint and denunciation resolution: the hand-built scenario -----------------------------------

@pytest.fixture
def resolution_scenario(desk) -> dict[str, str]:
    """Accepted complaints and denunciations across January to March 2026 (today 10/03); returns case UUIDs."""
    intake, cases = desk.intake, desk.cases
    names = iter(f"Công dân {n}" for n in ("An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh",
                                            "Nam", "Oanh", "Phúc", "Quang", "Sơn", "Tâm", "Uyên"))

    def accepted(when: str, kind: str = "complaint", **kw: Any) -> str:
        field = "land" if kind == "complaint" else "corruption"
        return intake.register_visit(visit(when=when, who=no_paper(next(names)),
                                           cases=[case(kind, field, f"Vụ việc ngày {when}")], **kw)).case_uuids[0]

    found = {
        "k1": accepted("2026-01-15"), "overdue": accepted("2026-01-05"), "k2": accepted("2026-02-10"),
        "k4": accepted("2026-02-25"), "k8": accepted("2026-02-05"), "k3": accepted("2026-03-02"),
        "k5": accepted("2026-03-03"), "k10": accepted("2026-03-05"),
        "d1": accepted("2026-03-04", "denunciation"), "d3": accepted("2026-03-05", "denunciation"),
        "d4": accepted("2026-01-06", "denunciation"),
    }
    cases.conclude(found["k1"], "Quyết định giải quyết khiếu nại lần đầu", on="2026-02-20")
    cases.close(found["k4"], on="2026-03-05", reason="Công dân rút đơn khiếu nại")
    cases.conclude(found["k8"], "Quyết định giải quyết khiếu nại", on="2026-02-27")
    cases.mark_informed(found["k8"], on="2026-03-02")
    cases.conclude(found["k3"], "Quyết định giải quyết khiếu nại", on="2026-03-06")
    cases.mark_informed(found["k3"], on="2026-03-09")
    cases.conclude(found["k10"], "Quyết định giải quyết khiếu nại", on="2026-03-09")
    cases.close(found["k10"], on="2026-03-10", reason="Đã giải quyết, lưu hồ sơ")
    cases.close(found["d3"], on="2026-03-09", reason="Người tố cáo rút tố cáo")
    # A denunciation by letter accepted on 02/02, concluded in March.
    found["d2"] = intake.register_letter(letter(when="2026-02-02", direction=DirectionDraft("accepted"))).case_uuid
    cases.conclude(found["d2"], "Kết luận nội dung tố cáo", on="2026-03-06")
    # Not counted: a guided complaint, a voided accepted one, a letter not handled yet, a petition accepted.
    intake.register_visit(visit(when="2026-03-04", who=no_paper("Người Hướng Dẫn"),
                                direction=DirectionDraft("guided", direction_body="TAND khu vực", in_competence=False)))
    desk.voiding.void("case", accepted("2026-03-04"), "Vụ việc ghi trùng")
    intake.register_letter(letter(when="2026-03-06", new_case=case("complaint", "land", "Đơn chưa xử lý")))
    intake.register_visit(visit(when="2026-03-06", who=no_paper("Người Kiến Nghị"),
                                cases=[case("petition", "land", "Kiến nghị đã thụ lý")]))
    return found


def test_the_scenarios_due_dates(desk, resolution_scenario):
    due = {name: row(desk, "cases", uuid)["due_date"] for name, uuid in resolution_scenario.items()}
    # 30 calendar days from acceptance (moved to a working day): passed for the January cases only.
    assert due["overdue"] < "2026-02-28" and due["d4"] < "2026-02-28"
    assert "2026-03-10" < due["k2"] < due["k5"] and due["d1"] > "2026-03-31" > due["k2"]
    assert due["k1"] is due["k3"] is due["k4"] is due["d2"] is due["d3"] is None


def test_complaint_resolution_of_the_scenario(desk, resolution_scenario):
    result = ReportService(desk.context).complaint_resolution(MARCH)
    assert result.content_type == "complaint" and result.period == MARCH and not result.is_empty
    assert _table(result.rows()) == {
        "to_resolve": (6, 5), "to_resolve.carried_over": (3, 2), "to_resolve.new": (3, 3),
        "outcome.resolved": (2, 2), "outcome.ended_without_conclusion": (1, 0), "outcome.pending": (3, 3),
        "pending.overdue": (1, 1), "informed": (2, 0),
    }
    assert result.current.total == 6
    _assert_resolution_identities(result)


def test_denunciation_resolution_of_the_scenario(desk, resolution_scenario):
    result = ReportService(desk.context).denunciation_resolution(MARCH)
    assert result.content_type == "denunciation"
    assert _table(result.rows()) == {
        "to_resolve": (4, 2), "to_resolve.carried_over": (2, 1), "to_resolve.new": (2, 1),
        "outcome.resolved": (1, 0), "outcome.ended_without_conclusion": (1, 0), "outcome.pending": (2, 2),
        "pending.overdue": (1, 1), "informed": (0, 0),
    }
    _assert_resolution_identities(result)


def test_overdue_is_judged_at_the_periods_end_or_today_if_earlier(desk, resolution_scenario, clock):
    # Today 10/03: the due date of 12/03 has not passed yet, although March ends on 31/03.
    early = ReportService(desk.context).complaint_resolution(MARCH)
    assert early.current.pending_overdue == 1
    clock.set_day(D("2026-04-15"))  # March is over: what was due by 31/03 is overdue
    late = ReportService(desk.context).complaint_resolution(MARCH)
    assert (late.current.pending, late.current.pending_overdue) == (3, 2)
    assert late.previous == early.previous  # February ended before either today
    # A period ending before the due dates passed: nothing overdue then.
    january = ReportService(desk.context).complaint_resolution(month_period(2026, 1))
    assert (january.current.pending, january.current.pending_overdue) == (2, 0)


def test_resolution_rows_carry_the_reports_wording(desk, resolution_scenario):
    service = ReportService(desk.context)
    complaint = {r.key: r.label_vi for r in service.complaint_resolution(MARCH).rows()}
    denunciation = {r.key: r.label_vi for r in service.denunciation_resolution(MARCH).rows()}
    assert complaint["to_resolve"] == "Tổng số vụ việc khiếu nại phải giải quyết"
    assert denunciation["to_resolve"] == "Tổng số vụ việc tố cáo phải giải quyết"
    assert complaint["to_resolve.carried_over"] == "Kỳ trước chuyển sang"
    assert complaint["outcome.resolved"] == "Đã giải quyết (đã ban hành quyết định giải quyết khiếu nại)"
    assert denunciation["outcome.resolved"] == "Đã giải quyết (đã ban hành kết luận nội dung tố cáo)"
    assert denunciation["outcome.ended_without_conclusion"] == "Kết thúc không ban hành kết luận (rút tố cáo, đình chỉ)"
    assert complaint["pending.overdue"] == "Trong đó: quá thời hạn giải quyết"


# -- follow-up: the hand-built scenario ----------------------------------------------------------------

@pytest.fixture
def followup_scenario(desk) -> dict[str, str]:
    """Assignments given in February and March 2026 (today 10/03); returns their UUIDs."""
    followup = desk.followup
    matter = desk.intake.register_visit(visit(when="2026-02-02", who=no_paper("Trịnh Văn Giao"))).case_uuids[0]

    def give(assigned_on: str, deadline: str, case_uuid: str = matter) -> str:
        return followup.create_assignment(assignment(case_uuid, assigned_on=assigned_on, deadline=deadline)).uuid

    found = {
        "a1": give("2026-03-02", "2026-03-06"), "a2": give("2026-03-02", "2026-03-04"),
        "a3": give("2026-03-03", "2026-03-05"), "a4": give("2026-03-04", "2026-03-20"),
        "a5": give("2026-03-05", "2026-03-10"),
        "b1": give("2026-02-10", "2026-02-20"), "b2": give("2026-02-16", "2026-02-27"),
        "b3": give("2026-02-18", "2026-03-13"), "b4": give("2026-02-03", "2026-02-13"),
    }
    followup.record_result(found["a1"], "Đã kiểm tra, báo cáo", on="2026-03-05")
    followup.record_citizen_told(found["a1"], "letter", on="2026-03-09")
    followup.record_result(found["a2"], "Đã báo cáo chậm", on="2026-03-09")
    followup.record_result(found["b1"], "Đã báo cáo", on="2026-02-25")
    followup.record_citizen_told(found["b1"], "phone", on="2026-03-02")
    followup.record_result(found["b4"], "Đã báo cáo", on="2026-02-12")
    # Not counted: a voided assignment, an assignment of a case voided since.
    desk.voiding.void("assignment", give("2026-03-06", "2026-03-07"), "Giao nhầm nhiệm vụ")
    other = desk.intake.register_visit(visit(when="2026-03-05", who=no_paper("Đào Văn Trùng"))).case_uuids[0]
    give("2026-03-06", "2026-03-07", other)
    desk.voiding.void("case", other, "Vụ việc ghi trùng")
    return found


def test_followup_of_the_scenario(desk, followup_scenario):
    result = ReportService(desk.context).followup(MARCH)
    assert result.period == MARCH and not result.is_empty
    assert _table(result.rows()) == {
        "assigned": (5, 4), "with_result": (2, 2), "with_result.on_time": (1, 1), "with_result.late": (1, 1),
        "without_result": (3, 2), "without_result.overdue": (1, 1), "without_result.not_yet_due": (2, 1),
        # b1 was told on 02/03: not yet by the end of February.
        "citizen.told": (1, 0), "citizen.not_told": (1, 2),
        "at_end.open": (5, 2), "at_end.overdue": (2, 1), "at_end.not_told": (2, 2),
    }
    _assert_followup_identities(result)


def test_followup_deadlines_are_judged_at_the_periods_end_or_today_if_earlier(desk, followup_scenario, clock):
    # Today 10/03: a deadline of today is not overdue yet, nor one of 20/03.
    assert ReportService(desk.context).followup(MARCH).current.overdue == 1
    clock.set_day(D("2026-04-15"))
    result = ReportService(desk.context).followup(MARCH)
    assert (result.current.overdue, result.current.not_yet_due, result.current.overdue_at_end) == (3, 0, 5)
    _assert_followup_identities(result)


def test_followup_rows_carry_the_reports_wording(desk, followup_scenario):
    labels = {r.key: r.label_vi for r in ReportService(desk.context).followup(MARCH).rows()}
    assert labels["assigned"] == "Tổng số nhiệm vụ được giao trong kỳ"
    assert labels["without_result.overdue"] == "Chưa có kết quả - đã quá hạn"
    assert labels["citizen.not_told"] == "Chưa thông báo kết quả cho công dân"
    assert labels["at_end.not_told"] == "Đến cuối kỳ (mọi nhiệm vụ đã giao) - Kết quả chưa thông báo cho công dân"


# -- every table ---------------------------------------------------------------------------------------

def _all_tables(service: ReportService, period: Period) -> list[LetterHandling | Resolution | FollowupReport]:
    return [service.letters(period), service.complaint_resolution(period), service.denunciation_resolution(period),
            service.followup(period)]


def test_a_period_with_no_data_gives_zeros(desk, letters_scenario, resolution_scenario, followup_scenario):
    for result in _all_tables(ReportService(desk.context), month_period(2024, 5, cutoff_day=20)):
        assert result.is_empty
        rows = result.rows()
        assert rows and all(r.value == 0 and r.previous == 0 for r in rows)
    for result in _all_tables(ReportService(desk.context), MARCH):
        assert not result.is_empty


def test_a_period_with_only_earlier_work_open_is_not_empty(desk, followup_scenario):
    # Nothing given in April, but February's and March's open assignments are still open at its end.
    result = ReportService(desk.context).followup(month_period(2026, 4))
    assert result.current.assigned == 0 and result.current.open_at_end == 5 and not result.is_empty


@pytest.mark.parametrize("table", ["letters", "complaint_resolution", "denunciation_resolution", "followup"])
def test_reading_needs_a_signed_in_user(desk, table):
    desk.logout()
    with pytest.raises(UserError) as caught:
        getattr(ReportService(desk.context), table)(MARCH)
    assert caught.value.code == "auth.signed_out"


def test_the_desk_offers_the_tables(desk, letters_scenario):
    assert desk.reports.letters(MARCH).rows() == ReportService(desk.context).letters(MARCH).rows()


# -- independent check on generated data ---------------------------------------------------------------

def _in(day: str | None, period: Period) -> bool:
    return day is not None and period.start.isoformat() <= day <= period.end.isoformat()


def _naive_letters(records: list[dict[str, Any]], period: Period) -> dict[str, int]:
    """The letters table counted letter by letter from the export."""
    cases = {r["uuid"]: r for r in records if r["entity"] == "case"}
    counts: dict[str, int] = defaultdict(int)
    seen_cases = set()
    for item in records:
        if item["entity"] != "letter" or item["voided"] or not _in(item["received_on"], period):
            continue
        matter = cases[item["case"]]
        if matter["voided"]:
            continue
        counts["total"] += 1
        seen_cases.add(matter["uuid"])
        counts[f"channel.{item['channel']}"] += 1
        counts[f"content_type.{matter['content_type']}"] += 1
        direction = matter["direction"] or "none"
        counts[f"direction.{direction}"] += 1
        if direction == "none":
            counts["eligibility.unhandled"] += 1
        elif direction in ("filed", "refused"):
            counts["eligibility.not_eligible"] += 1
        else:
            counts["eligibility.eligible"] += 1
        counts["competence.in" if matter["in_competence"] else "competence.out"] += 1
    counts["cases"] = len(seen_cases)
    return counts


def _naive_resolution(records: list[dict[str, Any]], period: Period, kind: str) -> dict[str, int]:
    """A resolution table counted case by case from the export."""
    cutoff = min(period.end, TODAY).isoformat()
    counts: dict[str, int] = defaultdict(int)
    for c in records:
        if (c["entity"] != "case" or c["voided"] or c["content_type"] != kind or c["direction"] != "accepted"
                or not c["in_competence"]):
            continue
        if _in(c["informed_on"], period):
            counts["informed"] += 1
        finished = c["concluded_on"] or c["closed_on"]
        if c["received_on"] > period.end.isoformat() or (finished and finished < period.start.isoformat()):
            continue
        counts["to_resolve"] += 1
        counts["to_resolve.new" if _in(c["received_on"], period) else "to_resolve.carried_over"] += 1
        if _in(c["concluded_on"], period):
            counts["outcome.resolved"] += 1
        elif c["concluded_on"] is None and _in(c["closed_on"], period):
            counts["outcome.ended_without_conclusion"] += 1
        else:
            counts["outcome.pending"] += 1
            if c["due_date"] and c["due_date"] < cutoff:
                counts["pending.overdue"] += 1
    return counts


def _naive_followup(records: list[dict[str, Any]], period: Period) -> dict[str, int]:
    """The follow-up table counted assignment by assignment from the export."""
    cases = {r["uuid"]: r for r in records if r["entity"] == "case"}
    start, end = period.start.isoformat(), period.end.isoformat()
    cutoff = min(period.end, TODAY).isoformat()
    counts: dict[str, int] = defaultdict(int)
    for a in records:
        if a["entity"] != "assignment" or a["voided"] or cases[a["case"]]["voided"] or a["assigned_on"] > end:
            continue
        result_in = a["result_on"] is not None and a["result_on"] <= end
        told = a["citizen_told_on"] is not None and a["citizen_told_on"] <= end
        overdue = not result_in and a["deadline"] < cutoff
        if not result_in:
            counts["at_end.open"] += 1
            counts["at_end.overdue"] += overdue
        elif not told:
            counts["at_end.not_told"] += 1
        if a["assigned_on"] < start:
            continue
        counts["assigned"] += 1
        if result_in:
            counts["with_result"] += 1
            counts["with_result.on_time" if a["result_on"] <= a["deadline"] else "with_result.late"] += 1
            counts["citizen.told" if told else "citizen.not_told"] += 1
        else:
            counts["without_result"] += 1
            counts["without_result.overdue" if overdue else "without_result.not_yet_due"] += 1
    return counts


def _expected(count, keys: tuple[str, ...], period: Period) -> dict[str, tuple[int, int]]:
    """key -> (value, previous) from a naive count of the period and of its previous comparable period."""
    now, before = count(period), count(period.previous())
    return {key: (now[key], before[key]) for key in keys}


def _add_rare_records(desk) -> None:
    """What the generator seldom or never makes: refused letters, letters of voided cases, complaints and
    denunciations ended without a conclusion, an open overdue denunciation, an assignment of a voided case."""
    intake, cases = desk.intake, desk.cases
    intake.register_letter(letter(when="2026-02-11", new_case=case("complaint", "land", "Khiếu nại đã giải quyết"),
                                  direction=DirectionDraft("refused", refusal_ground="already_resolved")))
    intake.register_letter(letter(when="2025-11-05", channel="online",
                                  new_case=case("petition", "other", "Kiến nghị qua cổng dịch vụ công")))
    intake.register_letter(letter(when="2025-05-14", channel="forwarded", sender_body="Thanh tra tỉnh",
                                  forward_doc="15/TTr", new_case=case("report", "other", "Phản ánh chưa xử lý")))
    dropped = intake.register_letter(letter(when="2026-02-12", new_case=case("petition", "other", "Vụ việc trùng")))
    desk.voiding.void("case", dropped.case_uuid, "Vụ việc ghi trùng")
    wrong = intake.register_letter(letter(when="2026-02-13"))
    desk.voiding.void("letter", wrong.uuid, "Nhập nhầm đơn")

    def accepted(when: str, kind: str, name: str) -> str:
        field = "land" if kind == "complaint" else "corruption"
        return intake.register_visit(visit(when=when, who=no_paper(name),
                                           cases=[case(kind, field, f"Vụ việc thêm ngày {when}")])).case_uuids[0]

    cases.close(accepted("2025-10-06", "complaint", "Đặng Văn Rút"), on="2025-12-10", reason="Công dân rút đơn")
    cases.close(accepted("2025-05-05", "complaint", "Mai Thị Thôi"), on="2025-08-01", reason="Đình chỉ giải quyết")
    cases.close(accepted("2026-01-12", "denunciation", "Tô Văn Lui"), on="2026-02-16", reason="Rút tố cáo")
    accepted("2025-12-01", "denunciation", "Kha Văn Chờ")  # still open, overdue since January
    by_letter = intake.register_letter(letter(when="2025-11-03", direction=DirectionDraft("accepted"))).case_uuid
    cases.conclude(by_letter, "Kết luận nội dung tố cáo", on="2026-01-15")
    voided_case = accepted("2026-01-05", "complaint", "Lâm Văn Hủy")
    desk.followup.create_assignment(assignment(voided_case, assigned_on="2026-01-06", deadline="2026-01-20"))
    desk.voiding.void("case", voided_case, "Vụ việc ghi trùng")


@pytest.fixture
def generated(desk, tmp_path: Path) -> list[dict[str, Any]]:
    generate_into(desk.context, "commune", visits=600, until=date(2026, 3, 9))
    _add_rare_records(desk)
    path = tmp_path / "export.jsonl"
    export_file(desk.context, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[1:-1]]


PERIODS = [month_period(2026, 2), month_period(2025, 11, cutoff_day=20), month_period(2026, 1, cutoff_day=20),
           quarter_period(2025, 4), quarter_period(2026, 1), quarter_period(2025, 2, cutoff_day=25),
           months_of_year(2025, 6), months_of_year(2025, 12), months_of_year(2026, 6, cutoff_day=20)]


def test_generated_data_matches_a_naive_count_of_the_export(desk, generated):
    service = ReportService(desk.context)
    seen: dict[str, dict[str, int]] = {name: defaultdict(int) for name in ("letters", "complaint", "denunciation",
                                                                            "followup")}
    for period in PERIODS:
        letters = service.letters(period)
        expected = _expected(lambda p: _naive_letters(generated, p), LETTER_KEYS, period)
        assert _table(letters.rows()) == expected, period.label
        _assert_letter_identities(letters)
        complaint, denunciation = service.complaint_resolution(period), service.denunciation_resolution(period)
        for kind, result in (("complaint", complaint), ("denunciation", denunciation)):
            expected = _expected(lambda p: _naive_resolution(generated, p, kind), RESOLUTION_KEYS, period)
            assert _table(result.rows()) == expected, (kind, period.label)
            _assert_resolution_identities(result)
        followup = service.followup(period)
        expected = _expected(lambda p: _naive_followup(generated, p), FOLLOWUP_KEYS, period)
        assert _table(followup.rows()) == expected, period.label
        _assert_followup_identities(followup)
        for name, result in (("letters", letters), ("complaint", complaint), ("denunciation", denunciation),
                             ("followup", followup)):
            for r in result.rows():
                seen[name][r.key] += r.value + r.previous
    # The data exercised every line of every table, so the comparison means something.
    for name, keys in (("letters", LETTER_KEYS), ("complaint", RESOLUTION_KEYS), ("denunciation", RESOLUTION_KEYS),
                       ("followup", FOLLOWUP_KEYS)):
        assert [k for k in keys if not seen[name][k]] == [], name


# -- query plans -------------------------------------------------------------------------------------

#: Each query and the indexes it may start from (the resolution reads its covering index alone).
PLANS = {
    "letters": (report_resolution.LETTER_FIGURES, {"letters_received"}),
    "resolution": (report_resolution.RESOLUTION_FIGURES, {"cases_accepted_cover"}),
    "assigned": (report_resolution.ASSIGNED_FIGURES, {"assignments_assigned"}),
    "state": (report_resolution.STATE_FIGURES, {"assignments_assigned"}),
}
PLAN_PARAMS = {"start": "2026-01-01", "end": "2026-03-31", "cutoff": "2026-03-10", "content_type": "complaint"}


@pytest.fixture(scope="module")
def plan_conn(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("report-plans") / "desk.sqlite3")
    yield database.conn
    database.close()


@pytest.mark.parametrize("name", sorted(PLANS))
def test_report_query_searches_an_index(plan_conn, name):
    sql, indexes = PLANS[name]
    params = {k: v for k, v in PLAN_PARAMS.items() if f":{k}" in sql}
    plan = [r[3] for r in plan_conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    assert not [line for line in plan if line.startswith("SCAN ")], plan
    assert any(line.startswith("SEARCH ") and re.search(rf"INDEX ({'|'.join(indexes)}) ", line) for line in plan), plan

"""Cases after intake: due dates from the rules and the calendar, directions, status moves, corrections, lists."""

from __future__ import annotations

from datetime import date

import pytest

from receptiondesk.domain.cases import DirectionDraft
from receptiondesk.errors import UserError, ValidationError
from receptiondesk.services.cases import CaseChanges
from receptiondesk.storage.listing import ListRequest
from tests.services.helpers import (
    assert_clear_error,
    audit,
    case,
    counts,
    letter,
    no_paper,
    row,
    visit,
)

FIELD = {"complaint": "land", "denunciation": "corruption", "petition": "social_policy", "report": "environment"}


def letter_case(desk, content_type="denunciation", when="2026-03-10", direction=None, **case_kw) -> str:
    """A case received by letter with no direction yet: its status stays 'received'."""
    extra = {"direction": direction} if direction is not None else {}
    draft = letter(when=when, new_case=case(content_type, FIELD[content_type], f"Đơn {content_type}", **case_kw),
                   **extra)
    return desk.intake.register_letter(draft).case_uuid


def visit_case(desk, content_type="complaint", when="2026-03-10", direction=None, **case_kw) -> str:
    """A case opened at a visit (accepted unless told otherwise)."""
    draft = visit(when=when, direction=direction,
                  cases=[case(content_type, FIELD[content_type], f"Vụ việc {content_type}", **case_kw)])
    return desk.intake.register_visit(draft).case_uuids[0]


# -- due dates ------------------------------------------------------------------------------------

@pytest.mark.parametrize("content_type, when, kw, due", [
    ("denunciation", "2026-03-10", {}, "2026-03-19"),  # classify: 7 working days
    ("denunciation", "2026-03-10", {"needs_verification": True}, "2026-03-24"),  # 10 with verification
    ("denunciation", "2026-02-10", {}, "2026-02-26"),  # Tết 16-20/02/2026 is not counted
    ("denunciation", "2026-02-10", {"needs_verification": True}, "2026-03-03"),
    ("denunciation", "2026-02-13", {}, "2026-03-03"),
    ("complaint", "2026-03-10", {}, "2026-03-20"),  # accept: 10 calendar days
    ("complaint", "2026-02-10", {}, "2026-02-23"),  # 20/02 is Tết: the limit moves to the next working day
    ("petition", "2026-03-10", {}, "2026-03-24"),  # letter handling: 10 working days
    ("report", "2026-02-12", {}, "2026-03-05"),
], ids=["denunciation", "denunciation verified", "denunciation over Tet", "verified over Tet",
        "denunciation Friday before Tet", "complaint", "complaint ending in Tet", "petition", "report over Tet"])
def test_received_case_due_date(desk, content_type, when, kw, due):
    uuid = letter_case(desk, content_type, when, **kw)
    got = desk.cases.get(uuid)
    assert (got["status"], got["due_date"], got["step_started_on"]) == ("received", due, when)


def test_denunciation_outside_competence_must_be_transferred_in_5_working_days(desk):
    uuid = letter_case(desk, "denunciation", direction=DirectionDraft(in_competence=False))
    got = desk.cases.get(uuid)
    assert (got["in_competence"], got["due_date"]) == (0, "2026-03-17")


@pytest.mark.parametrize("content_type, kw, due", [
    ("complaint", {}, "2026-04-09"),  # decide: 30 calendar days
    ("complaint", {"flag_complex": True}, "2026-04-24"),  # 45 if complex
    ("denunciation", {}, "2026-04-09"),  # resolve: 30 calendar days
    ("denunciation", {"flag_complex": True}, "2026-05-11"),  # 60 → Saturday 09/05 → Monday
    ("petition", {}, "2026-03-24"),
], ids=["complaint", "complaint complex", "denunciation", "denunciation complex", "petition"])
def test_accepted_case_due_date(desk, content_type, kw, due):
    got = desk.cases.get(visit_case(desk, content_type, **kw))
    assert (got["status"], got["direction"], got["due_date"]) == ("in_progress", "accepted", due)


@pytest.mark.parametrize("kw, due", [({}, "2026-04-24"), ({"flag_complex": True}, "2026-05-11")],
                         ids=["remote 45", "remote complex 60"])
def test_remote_area_has_longer_complaint_limits(desk, kw, due):
    desk.setup.update_settings(remote_area=True)
    assert desk.cases.get(visit_case(desk, "complaint", **kw))["due_date"] == due


def test_remote_area_change_recomputes_open_cases(desk):
    uuid = visit_case(desk, "complaint")
    assert desk.cases.get(uuid)["due_date"] == "2026-04-09"
    desk.setup.update_settings(remote_area=True)
    assert desk.cases.get(uuid)["due_date"] == "2026-04-24"


def test_limit_ending_on_30_april_moves_past_the_holidays(desk, clock):
    clock.set_day(date(2026, 4, 1))
    # 31/03 + 30 days = 30/04 (holiday), 01/05 (holiday), then the weekend.
    assert desk.cases.get(visit_case(desk, "complaint", when="2026-03-31"))["due_date"] == "2026-05-04"


def test_working_days_skip_hung_kings_substitute_and_30_april(desk, clock):
    clock.set_day(date(2026, 4, 20))
    assert desk.cases.get(visit_case(desk, "petition", when="2026-04-20"))["due_date"] == "2026-05-07"


@pytest.mark.parametrize("direction, status, dates", [
    (DirectionDraft("answered"), "informed", ("2026-03-10", "2026-03-10", None)),
    (DirectionDraft("filed"), "closed", (None, None, "2026-03-10")),
    (DirectionDraft("refused", refusal_ground="weapons"), "closed", (None, None, "2026-03-10")),
    (DirectionDraft("guided", direction_body="TAND huyện", in_competence=False), "in_progress", (None, None, None)),
    (DirectionDraft("transferred", direction_body="Công an", direction_doc="1/CV", in_competence=False),
     "in_progress", (None, None, None)),
], ids=["answered", "filed", "refused", "guided", "transferred"])
def test_direction_at_intake_sets_status_and_no_due_date(desk, direction, status, dates):
    got = desk.cases.get(visit_case(desk, "complaint", direction=direction))
    assert got["status"] == status
    assert (got["concluded_on"], got["informed_on"], got["closed_on"]) == dates
    assert got["due_date"] is None


# -- set_direction -------------------------------------------------------------------------------

def test_set_direction_moves_a_received_case_and_restarts_its_clock(desk):
    uuid = letter_case(desk, "complaint", when="2026-03-02")
    assert desk.cases.get(uuid)["due_date"] == "2026-03-12"

    got = desk.cases.set_direction(uuid, DirectionDraft("accepted"))

    assert (got["status"], got["direction"], got["step_started_on"]) == ("in_progress", "accepted", "2026-03-10")
    assert got["due_date"] == "2026-04-09"  # decision within 30 days of acceptance
    assert got["version"] == 2
    entry = audit(desk, uuid, "case.direction")
    assert len(entry) == 1
    changed = entry[0]["detail"]["changed"]  # what it was, and what it became
    assert (changed["direction"], changed["status"]) == ([None, "accepted"], ["received", "in_progress"])
    assert changed["due_date"][1] == "2026-04-09" and changed["due_date"][0] != "2026-04-09"


def test_set_direction_on_a_given_day(desk):
    uuid = letter_case(desk, "complaint", when="2026-02-10")
    got = desk.cases.set_direction(uuid, DirectionDraft("accepted"), on="05/03/2026")
    assert (got["step_started_on"], got["due_date"]) == ("2026-03-05", "2026-04-06")  # 04/04 is a Saturday


def test_set_direction_only_from_received(desk):
    uuid = letter_case(desk, "denunciation")
    desk.cases.set_direction(uuid, DirectionDraft("transferred", direction_body="Công an huyện",
                                                  direction_doc="12/CV-UBND", in_competence=False))
    version = desk.cases.get(uuid)["version"]
    before = counts(desk)

    with pytest.raises(UserError) as caught:
        desk.cases.set_direction(uuid, DirectionDraft("accepted"))

    assert caught.value.code == "case.direction_after_received"
    assert_clear_error(caught.value, "direction")
    assert counts(desk) == before and desk.cases.get(uuid)["version"] == version


def test_set_direction_refuses_a_day_before_the_case_was_received(desk):
    uuid = letter_case(desk, "complaint", when="2026-03-05")
    with pytest.raises(UserError) as caught:
        desk.cases.set_direction(uuid, DirectionDraft("accepted"), on="2026-03-04")
    assert caught.value.code == "case.date_before_received"
    assert_clear_error(caught.value, "direction_date")
    assert desk.cases.get(uuid)["status"] == "received"


@pytest.mark.parametrize("draft, field", [
    (DirectionDraft(), "direction"),
    (DirectionDraft("transferred", direction_body="Công an", in_competence=False), "direction_doc"),
    (DirectionDraft("accepted", in_competence=False), "direction"),
    (DirectionDraft("refused"), "refusal_ground"),
], ids=["none", "transfer without doc", "accept outside competence", "refuse without ground"])
def test_set_direction_validates_the_direction(desk, draft, field):
    uuid = letter_case(desk, "complaint")
    before = counts(desk)
    with pytest.raises(ValidationError) as caught:
        desk.cases.set_direction(uuid, draft)
    assert_clear_error(caught.value, field)
    assert counts(desk) == before


def test_set_direction_answered_informs_and_filed_closes(desk):
    answered = desk.cases.set_direction(letter_case(desk, "petition"), DirectionDraft("answered"))
    assert (answered["status"], answered["concluded_on"], answered["informed_on"], answered["due_date"]) == \
        ("informed", "2026-03-10", "2026-03-10", None)
    filed = desk.cases.set_direction(letter_case(desk, "petition"), DirectionDraft("filed"))
    assert (filed["status"], filed["closed_on"], filed["due_date"]) == ("closed", "2026-03-10", None)


def test_set_direction_refuses_a_future_day(desk):
    uuid = letter_case(desk, "complaint")
    with pytest.raises(UserError):
        desk.cases.set_direction(uuid, DirectionDraft("accepted"), on="2026-12-31")


# -- conclude → informed → closed ----------------------------------------------------------------

def test_case_life_conclude_inform_close(desk):
    uuid = visit_case(desk, "complaint")

    concluded = desk.cases.conclude(uuid, "Đã ban hành  quyết định giải quyết khiếu nại")
    assert (concluded["status"], concluded["concluded_on"], concluded["due_date"], concluded["version"]) == \
        ("concluded", "2026-03-10", None, 2)
    assert concluded["conclusion"] == "Đã ban hành quyết định giải quyết khiếu nại"

    informed = desk.cases.mark_informed(uuid)
    assert (informed["status"], informed["informed_on"], informed["version"]) == ("informed", "2026-03-10", 3)

    closed = desk.cases.close(uuid)
    assert (closed["status"], closed["closed_on"], closed["version"]) == ("closed", "2026-03-10", 4)
    assert [a["action"] for a in audit(desk, uuid)] == ["case.open", "case.conclude", "case.inform", "case.close"]


def test_conclude_on_a_past_day(desk):
    uuid = visit_case(desk, "complaint", when="2026-03-02")
    got = desk.cases.conclude(uuid, "Trả lời bằng văn bản", on="2026-03-06")
    assert (got["concluded_on"], got["step_started_on"]) == ("2026-03-06", "2026-03-06")


def test_mark_informed_without_conclusion_sets_both_dates(desk):
    uuid = visit_case(desk, "complaint")
    got = desk.cases.mark_informed(uuid, on="2026-03-10")
    assert (got["status"], got["concluded_on"], got["informed_on"]) == ("informed", "2026-03-10", "2026-03-10")


def test_a_case_closed_before_the_citizen_is_told_needs_a_reason(desk):
    uuid = letter_case(desk, "petition")
    before = counts(desk)
    with pytest.raises(UserError) as refused:
        desk.cases.close(uuid)
    assert refused.value.code == "case.close_needs_reason"
    assert_clear_error(refused.value, "closed_reason")
    assert counts(desk) == before and desk.cases.get(uuid)["status"] == "received"
    closed = desk.cases.close(uuid, reason="Công dân rút đơn ngày 09/03")
    assert (closed["status"], closed["closed_reason"]) == ("closed", "Công dân rút đơn ngày 09/03")
    assert audit(desk, uuid)[-1]["detail"]["changed"]["closed_reason"] == ["", "Công dân rút đơn ngày 09/03"]


@pytest.mark.parametrize("steps, refused", [
    (("close",), "conclude"),
    (("close",), "mark_informed"),
    (("close",), "close"),
    (("mark_informed",), "conclude"),
    (("conclude",), "conclude"),
], ids=["closed→concluded", "closed→informed", "closed→closed", "informed→concluded", "concluded→concluded"])
def test_bad_transitions_are_refused(desk, steps, refused):
    uuid = visit_case(desk, "complaint")
    for step in steps:
        if step == "close":
            desk.cases.close(uuid, reason="Công dân rút đơn")
        else:
            getattr(desk.cases, step)(uuid, *(["Kết quả"] if step == "conclude" else []))
    current = desk.cases.get(uuid)
    before = counts(desk)

    with pytest.raises(UserError) as caught:
        getattr(desk.cases, refused)(uuid, *(["Kết quả"] if refused == "conclude" else []))

    assert caught.value.code == "case.bad_transition"
    assert_clear_error(caught.value, "status")
    assert caught.value.problems[0].params["current"] == current["status"]
    assert counts(desk) == before
    assert desk.cases.get(uuid) == current


def test_status_date_after_today_is_refused(desk):
    uuid = visit_case(desk, "complaint")
    with pytest.raises(ValidationError) as caught:
        desk.cases.conclude(uuid, "Kết quả", on="2026-03-11")
    assert_clear_error(caught.value, "status_date", "value.date_in_future")
    assert desk.cases.get(uuid)["status"] == "in_progress"


def test_conclusion_text_is_required(desk):
    uuid = visit_case(desk, "complaint")
    with pytest.raises(ValidationError) as caught:
        desk.cases.conclude(uuid, "  ")
    assert_clear_error(caught.value, "conclusion", "value.required")


def test_conclude_before_the_case_was_received_is_refused(desk):
    uuid = visit_case(desk, "complaint", when="2026-03-09")
    with pytest.raises(UserError):
        desk.cases.conclude(uuid, "Kết quả", on="2026-01-15")


def test_unknown_case_is_not_found(desk):
    with pytest.raises(UserError) as caught:
        desk.cases.get("44444444-4444-4444-4444-444444444444")
    assert caught.value.code == "record.not_found"
    with pytest.raises(UserError) as caught:
        desk.cases.conclude("44444444-4444-4444-4444-444444444444", "Kết quả")
    assert_clear_error(caught.value, "case", "record.not_found")


# -- classify ------------------------------------------------------------------------------------

def test_classify_changes_fields_and_bumps_the_version(desk):
    uuid = visit_case(desk, "complaint")
    before = row(desk, "cases", uuid)

    got = desk.cases.classify(uuid, CaseChanges(field_code="housing_construction", summary="Khiếu nại  xây dựng",
                                                respondent_name="Lê  Văn Hùng", respondent_body="UBND xã",
                                                flag_bypass=True, flag_long_running=True))

    assert (got["field_code"], got["summary"]) == ("housing_construction", "Khiếu nại xây dựng")
    assert (got["respondent_name"], got["respondent_body"]) == ("Lê Văn Hùng", "UBND xã")
    assert (got["flag_bypass"], got["flag_long_running"], got["flag_complex"]) == (1, 1, 0)
    assert got["version"] == 2
    assert row(desk, "cases", uuid)["seq"] > before["seq"]
    entry = audit(desk, uuid, "case.classify")
    assert sorted(entry[0]["detail"]["changed"]) == ["field_code", "flag_bypass", "flag_long_running",
                                                     "respondent_body", "respondent_name", "summary"]
    assert entry[0]["detail"]["changed"]["respondent_name"] == ["", "Lê Văn Hùng"]
    # The new respondent is searchable, folded.
    found = desk.cases.list(ListRequest(filters={"match": '"hung"'}))
    assert [c["uuid"] for c in found] == [uuid]


def test_classify_without_changes_writes_nothing(desk):
    uuid = visit_case(desk, "complaint")
    before = counts(desk)
    got = desk.cases.classify(uuid, CaseChanges(field_code="land", flag_complex=False))
    assert got["version"] == 1
    assert counts(desk) == before


def test_classify_content_type_recomputes_the_due_date(desk):
    uuid = letter_case(desk, "petition")
    assert desk.cases.get(uuid)["due_date"] == "2026-03-24"
    got = desk.cases.classify(uuid, CaseChanges(content_type="denunciation"))
    assert (got["content_type"], got["due_date"]) == ("denunciation", "2026-03-19")
    got = desk.cases.classify(uuid, CaseChanges(needs_verification=True))
    assert (got["needs_verification"], got["due_date"]) == (1, "2026-03-24")


def test_classify_complex_extends_an_accepted_complaint(desk):
    uuid = visit_case(desk, "complaint")
    assert desk.cases.classify(uuid, CaseChanges(flag_complex=True))["due_date"] == "2026-04-24"


@pytest.mark.parametrize("changes, field", [
    (CaseChanges(field_code="weather"), "field_code"),
    (CaseChanges(content_type="gossip"), "content_type"),
    (CaseChanges(summary="   "), "case_summary"),
], ids=["field", "content type", "summary"])
def test_classify_refuses_bad_values(desk, changes, field):
    uuid = visit_case(desk, "complaint")
    before = counts(desk)
    with pytest.raises(ValidationError) as caught:
        desk.cases.classify(uuid, changes)
    assert_clear_error(caught.value, field)
    assert counts(desk) == before


def test_classify_keeps_a_retired_field_but_cannot_choose_one(desk):
    uuid = visit_case(desk, "complaint")
    desk.setup.set_field_active("land", False)
    assert desk.cases.classify(uuid, CaseChanges(summary="Sửa tóm tắt"))["field_code"] == "land"
    other = letter_case(desk, "petition")
    with pytest.raises(ValidationError):
        desk.cases.classify(other, CaseChanges(field_code="land"))


# -- the calendar changes ------------------------------------------------------------------------

def test_new_holiday_recomputes_open_cases(desk):
    received = letter_case(desk, "denunciation")  # due 19/03
    accepted = visit_case(desk, "petition")  # due 24/03
    early = letter_case(desk, "denunciation", when="2026-02-10")  # due 26/02, before the new holiday
    filed = visit_case(desk, "complaint", direction=DirectionDraft("filed"))

    moved = desk.setup.set_calendar_day("2026-03-12", "holiday", "Nghỉ  đột xuất")

    assert moved == 2
    assert desk.cases.get(received)["due_date"] == "2026-03-20"
    assert desk.cases.get(accepted)["due_date"] == "2026-03-25"
    assert desk.cases.get(early)["due_date"] == "2026-02-26"
    assert desk.cases.get(filed)["due_date"] is None
    assert audit(desk, action="calendar.set")[0]["detail"] == {"day": "2026-03-12", "kind": "holiday"}
    assert [d for d in desk.setup.calendar_days(2026) if d.day == date(2026, 3, 12)][0].name == "Nghỉ đột xuất"
    # New cases use the new calendar too.
    assert desk.cases.get(letter_case(desk, "denunciation"))["due_date"] == "2026-03-20"


def test_make_up_saturday_and_removed_holiday_shorten_limits(desk):
    uuid = letter_case(desk, "denunciation")  # due 19/03
    assert desk.setup.set_calendar_day("2026-03-14", "working", "Làm bù") == 1
    assert desk.cases.get(uuid)["due_date"] == "2026-03-18"
    assert desk.setup.remove_calendar_day("2026-03-14") == 1
    assert desk.cases.get(uuid)["due_date"] == "2026-03-19"

    tet = letter_case(desk, "denunciation", when="2026-02-10")  # due 26/02
    assert desk.setup.remove_calendar_day("2026-02-19") == 1
    assert desk.cases.get(tet)["due_date"] == "2026-02-25"


def test_closed_cases_keep_their_dates_when_the_calendar_changes(desk):
    uuid = visit_case(desk, "complaint")
    desk.cases.conclude(uuid, "Đã giải quyết")
    before = row(desk, "cases", uuid)
    assert desk.setup.set_calendar_day("2026-03-11", "holiday", "Nghỉ") == 0
    assert row(desk, "cases", uuid) == before


# -- lists ---------------------------------------------------------------------------------------

def test_overdue_filter(desk):
    late = letter_case(desk, "denunciation", when="2026-02-10")  # due 26/02
    due_19 = letter_case(desk, "denunciation")  # due 19/03
    done = letter_case(desk, "denunciation", when="2026-02-10")
    desk.cases.close(done, reason="Đã giải quyết xong")
    concluded = visit_case(desk, "complaint", when="2026-01-05")  # due 04/02, then concluded
    desk.cases.conclude(concluded, "Đã có quyết định")

    def overdue(day):
        return [c["uuid"] for c in desk.cases.list(ListRequest(filters={"overdue_on": day}, sort="due"))]

    assert overdue(date(2026, 3, 10)) == [late]
    assert overdue("2026-03-19") == [late]  # due today is not yet overdue
    assert overdue("2026-03-20") == [late, due_19]
    assert overdue("2026-02-26") == []
    assert desk.cases.count(ListRequest(filters={"overdue_on": "2026-03-20"})) == 2


def test_case_list_filters_and_sorts(desk):
    complaint = visit_case(desk, "complaint", when="2026-03-01", flag_complex=True)
    denunciation = letter_case(desk, "denunciation", when="2026-03-05", respondent_body="UBND xã")
    petition = visit_case(desk, "petition", when="2026-02-02",
                          direction=DirectionDraft("guided", direction_body="Tòa án", in_competence=False))

    def uuids(**kw):
        return [c["uuid"] for c in desk.cases.list(ListRequest(**kw))]

    assert uuids() == [denunciation, complaint, petition]
    assert uuids(sort="oldest") == [petition, complaint, denunciation]
    assert uuids(filters={"content_type": "complaint"}) == [complaint]
    assert uuids(filters={"field_code": "corruption"}) == [denunciation]
    assert uuids(filters={"status": "received"}) == [denunciation]
    assert uuids(filters={"direction": "guided"}) == [petition]
    assert uuids(filters={"in_competence": False}) == [petition]
    assert uuids(filters={"complex": True}) == [complaint]
    assert uuids(filters={"respondent_body": "UBND xã"}) == [denunciation]
    assert uuids(filters={"received_from": "2026-03-01", "received_to": "2026-03-04"}) == [complaint]
    assert uuids(filters={"due_before": "2026-03-31"}) == [denunciation]
    ids = desk.cases.ids(ListRequest(sort="oldest"))
    assert [c["uuid"] for c in desk.cases.rows(ids)] == [petition, complaint, denunciation]
    with pytest.raises(UserError) as caught:
        uuids(filters={"colour": "red"})
    assert caught.value.code == "list.unknown_filter"
    with pytest.raises(UserError) as caught:
        uuids(sort="random")
    assert caught.value.code == "list.unknown_sort"


def test_open_cases_of_a_citizen(desk):
    first = desk.intake.register_visit(visit(who=no_paper("Lê Thị Hoa"), cases=[case(), case("petition", "other",
                                                                                             "Kiến nghị")]))
    desk.cases.close(first.case_uuids[1], reason="Công dân rút đơn")
    assert [c["uuid"] for c in desk.intake.open_cases_of(first.citizen_uuid)] == [first.case_uuids[0]]


def test_case_search_by_match_expression(desk):
    uuid = visit_case(desk, "complaint", respondent_name="Lê Văn Hùng")
    assert [c["uuid"] for c in desk.cases.list(ListRequest(filters={"match": '"hung"'}))] == [uuid]
    assert [c["uuid"] for c in desk.cases.list(ListRequest(filters={"match": "nguyen van duc"}))] == [uuid]
    denounced = visit_case(desk, "denunciation", respondent_name="Lê Văn Hùng")
    assert {c["uuid"] for c in desk.cases.list(ListRequest(filters={"match": '"hung"'}))} == {uuid, denounced}
    # The same person now denounces: they are protected, and no case of theirs is found by their name any more.
    assert desk.cases.list(ListRequest(filters={"match": "nguyen van duc"})) == []
    assert desk.cases.list(ListRequest(filters={"match": '"hoa"'})) == []


def test_case_match_filter_with_a_stray_quote_is_a_user_error(desk):
    visit_case(desk, "complaint")
    try:
        desk.cases.list(ListRequest(filters={"match": 'duc"'}))
    except UserError:
        pass


def test_case_match_filter_finds_text_typed_with_diacritics(desk):
    uuid = visit_case(desk, "complaint")
    assert [c["uuid"] for c in desk.cases.list(ListRequest(filters={"match": "Đức"}))] == [uuid]


# -- documents handed in --------------------------------------------------------------------------

def test_add_attachment_to_a_case(desk):
    came = desk.intake.register_visit(visit())
    case_uuid = came.case_uuids[0]

    first = desk.cases.add_attachment(case_uuid, "Đơn  khiếu nại", pages=3, original=True, visit_uuid=came.uuid)
    second = desk.cases.add_attachment(case_uuid, "Bản sao GCN")

    assert desk.cases.attachments(case_uuid) == [
        {"uuid": first, "title": "Đơn khiếu nại", "pages": 3, "original": 1, "voided": 0},
        {"uuid": second, "title": "Bản sao GCN", "pages": 1, "original": 0, "voided": 0},
    ]
    stored = row(desk, "attachments", first)
    assert stored["visit_id"] == row(desk, "visits", came.uuid)["id"]
    assert stored["case_id"] == row(desk, "cases", case_uuid)["id"]
    assert row(desk, "attachments", second)["visit_id"] is None
    assert audit(desk, first)[0]["action"] == "attachment.add"
    assert audit(desk, first)[0]["detail"] == {"case": case_uuid}


@pytest.mark.parametrize("title, pages, field", [
    ("  ", 1, "attachment_title"),
    ("Đơn", 0, "attachment_pages"),
    ("Đơn", 10_001, "attachment_pages"),
    ("Đơn", "hai", "attachment_pages"),
], ids=["no title", "0 pages", "too many pages", "pages not a number"])
def test_bad_attachment_is_refused(desk, title, pages, field):
    case_uuid = visit_case(desk)
    before = desk.database.scalar("SELECT count(*) FROM attachments"), counts(desk)
    with pytest.raises(ValidationError) as caught:
        desk.cases.add_attachment(case_uuid, title, pages=pages)
    assert_clear_error(caught.value, field)
    assert (desk.database.scalar("SELECT count(*) FROM attachments"), counts(desk)) == before


def test_attachment_needs_a_live_case_and_visit(desk):
    case_uuid = visit_case(desk)
    with pytest.raises(UserError) as caught:
        desk.cases.add_attachment("12121212-1212-1212-1212-121212121212", "Đơn")
    assert_clear_error(caught.value, "case", "record.not_found")
    with pytest.raises(UserError) as caught:
        desk.cases.add_attachment(case_uuid, "Đơn", visit_uuid="13131313-1313-1313-1313-131313131313")
    assert_clear_error(caught.value, "visit", "record.not_found")
    desk.voiding.void("case", case_uuid, "Nhập trùng vụ việc")
    with pytest.raises(UserError) as caught:
        desk.cases.add_attachment(case_uuid, "Đơn")
    assert caught.value.code == "record.voided"
    assert desk.database.scalar("SELECT count(*) FROM attachments") == 0


def test_voided_attachment_is_kept_and_marked(desk):
    case_uuid = visit_case(desk)
    uuid = desk.cases.add_attachment(case_uuid, "Đơn")
    desk.voiding.void("attachment", uuid, "Ghi nhầm tài liệu")
    assert desk.cases.attachments(case_uuid) == [
        {"uuid": uuid, "title": "Đơn", "pages": 1, "original": 0, "voided": 1}]
    assert audit(desk, uuid, "attachment.void")

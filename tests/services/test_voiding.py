"""Voiding: a reason is required, voided records leave the default lists but are never deleted or changed."""

from __future__ import annotations

import pytest

from receptiondesk.domain.cases import DirectionDraft
from receptiondesk.errors import UserError
from receptiondesk.services.cases import CaseChanges
from receptiondesk.services.setup import SignerDraft
from receptiondesk.storage.listing import ListRequest
from tests.services.helpers import (
    STAMP_AT,
    assert_clear_error,
    assignment,
    audit,
    counts,
    letter,
    no_paper,
    row,
    session,
    visit,
)


def test_voided_visit_leaves_lists_and_search_but_stays_in_the_file(desk):
    kept = desk.intake.register_visit(visit(who=no_paper("Nguyễn Văn Đức")))
    voided = desk.intake.register_visit(visit(who=no_paper("Nguyễn Văn Đức")))
    before = counts(desk)

    desk.voiding.void("visit", voided.uuid, "  Nhập  trùng lượt tiếp ")

    assert [v["uuid"] for v in desk.logbook.visits()] == [kept.uuid]
    assert desk.logbook.count_visits() == 1
    assert [v["uuid"] for v in desk.logbook.search("nguyen van duc")] == [kept.uuid]
    assert [v["uuid"] for v in desk.logbook.visits(ListRequest(include_voided=True))] == [voided.uuid, kept.uuid]
    assert desk.logbook.count_visits(ListRequest(include_voided=True)) == 2
    assert [v["uuid"] for v in desk.logbook.search("nguyen van duc", include_voided=True)] == \
        [voided.uuid, kept.uuid]

    stored = desk.logbook.get_visit(voided.uuid)
    assert (stored["voided"], stored["void_reason"]) == (1, "Nhập trùng lượt tiếp")
    assert stored["logbook_no"] == 2
    raw = row(desk, "visits", voided.uuid)
    assert (raw["voided_at"], raw["version"]) == (STAMP_AT, 2)

    after = counts(desk)
    assert {k: v for k, v in after.items() if k not in ("audit_log", "change_seq")} == \
        {k: v for k, v in before.items() if k not in ("audit_log", "change_seq")}
    assert after["audit_log"] == before["audit_log"] + 1
    entry = audit(desk, voided.uuid, "visit.void")
    assert len(entry) == 1
    assert (entry[0]["entity"], entry[0]["at"]) == ("visits", STAMP_AT)
    assert entry[0]["detail"] == {"reason_length": len("Nhập trùng lượt tiếp")}


def test_voided_visit_is_not_counted_by_its_session(desk):
    held = desk.sessions.schedule(session())
    result = desk.intake.register_visit(visit(session_uuid=held.uuid))
    desk.voiding.void("visit", result.uuid, "Ghi nhầm kỳ tiếp")
    assert desk.sessions.get(held.uuid)["visit_count"] == 0


def test_voided_visit_does_not_make_a_later_visit_a_repeat(desk):
    first = desk.intake.register_visit(visit())
    desk.voiding.void("visit", first.uuid, "Nhập nhầm người")
    again = desk.intake.register_visit(visit(case_uuids=[first.case_uuids[0]], cases=[]))
    assert again.first_time is True


@pytest.mark.parametrize("reason", ["", "   ", "abc", " ab  c "])
def test_void_needs_a_reason(desk, reason):
    result = desk.intake.register_visit(visit())
    before = counts(desk)
    with pytest.raises(UserError) as caught:
        desk.voiding.void("visit", result.uuid, reason)
    assert caught.value.code == "void.reason_required"
    assert_clear_error(caught.value, "void_reason")
    assert "5" in caught.value.render("vi")
    assert counts(desk) == before
    assert row(desk, "visits", result.uuid)["voided"] == 0


def test_void_unknown_kind_or_record(desk):
    with pytest.raises(UserError) as caught:
        desk.voiding.void("receipt", "x", "Lý do đủ dài")
    assert_clear_error(caught.value, "record_kind", "value.not_allowed")
    with pytest.raises(UserError) as caught:
        desk.voiding.void("visit", "88888888-8888-8888-8888-888888888888", "Lý do đủ dài")
    assert_clear_error(caught.value, "visit", "record.not_found")


def test_voided_record_cannot_be_voided_again(desk):
    result = desk.intake.register_visit(visit())
    desk.voiding.void("visit", result.uuid, "Nhập trùng")
    before = counts(desk)
    with pytest.raises(UserError) as caught:
        desk.voiding.void("visit", result.uuid, "Lần nữa cho chắc")
    assert caught.value.code == "record.voided"
    assert_clear_error(caught.value, "visit")
    assert counts(desk) == before
    assert row(desk, "visits", result.uuid)["void_reason"] == "Nhập trùng"


def test_voided_case_cannot_be_changed(desk):
    case_uuid = desk.intake.register_letter(letter()).case_uuid
    desk.voiding.void("case", case_uuid, "Đơn trùng lặp")
    frozen = row(desk, "cases", case_uuid)
    before = counts(desk)

    attempts = [
        lambda: desk.cases.classify(case_uuid, CaseChanges(flag_complex=True)),
        lambda: desk.cases.set_direction(case_uuid, DirectionDraft("accepted")),
        lambda: desk.cases.conclude(case_uuid, "Kết quả"),
        lambda: desk.cases.mark_informed(case_uuid),
        lambda: desk.cases.close(case_uuid, reason="Công dân rút đơn"),
        lambda: desk.intake.register_visit(visit(case_uuids=[case_uuid], cases=[])),
        lambda: desk.intake.register_letter(letter(case_uuid=case_uuid)),
        lambda: desk.followup.create_assignment(assignment(case_uuid, working_days=3)),
    ]
    for attempt in attempts:
        with pytest.raises(UserError) as caught:
            attempt()
        assert caught.value.code == "record.voided"
        assert_clear_error(caught.value, "case")

    assert row(desk, "cases", case_uuid) == frozen
    assert counts(desk) == before
    assert desk.cases.list(ListRequest()) == []
    assert [c["uuid"] for c in desk.cases.list(ListRequest(include_voided=True))] == [case_uuid]
    assert desk.cases.get(case_uuid)["voided"] == 1


def test_voided_case_leaves_the_overdue_list_and_the_due_date_recompute(desk):
    case_uuid = desk.intake.register_letter(letter(when="2026-02-10")).case_uuid
    assert desk.cases.count(ListRequest(filters={"overdue_on": "2026-03-10"})) == 1
    desk.voiding.void("case", case_uuid, "Đơn trùng lặp")
    assert desk.cases.count(ListRequest(filters={"overdue_on": "2026-03-10"})) == 0
    assert desk.setup.set_calendar_day("2026-02-24", "holiday", "Nghỉ") == 0


def test_voided_citizen_cannot_come_back_by_uuid(desk):
    result = desk.intake.register_visit(visit())
    desk.voiding.void("citizen", result.citizen_uuid, "Trùng hồ sơ công dân")
    before = counts(desk)
    with pytest.raises(UserError) as caught:
        desk.intake.register_visit(visit(citizen_uuid=result.citizen_uuid))
    assert caught.value.code == "record.voided"
    assert_clear_error(caught.value, "citizen")
    assert counts(desk) == before
    assert desk.intake.find_returning(name="Nguyễn Văn Đức") == []


def test_voided_citizen_is_not_linked_by_id_number(desk):
    first = desk.intake.register_visit(visit())
    desk.voiding.void("citizen", first.citizen_uuid, "Trùng hồ sơ công dân")
    second = desk.intake.register_visit(visit())
    assert second.citizen_uuid != first.citizen_uuid
    assert desk.database.scalar("SELECT count(*) FROM citizens") == 2


def test_voided_session_and_assignment_cannot_be_changed(desk):
    planned = desk.sessions.schedule(session())
    case_uuid = desk.intake.register_letter(letter()).case_uuid
    task = desk.followup.create_assignment(assignment(case_uuid, working_days=3))
    desk.voiding.void("session", planned.uuid, "Lịch trùng")
    desk.voiding.void("assignment", task.uuid, "Giao nhầm")

    for attempt, field in [
        (lambda: desk.sessions.mark_held(planned.uuid), "session"),
        (lambda: desk.sessions.cancel(planned.uuid), "session"),
        (lambda: desk.sessions.add_case(planned.uuid, case_uuid), "session"),
        (lambda: desk.sessions.update(planned.uuid, session()), "session"),
        (lambda: desk.intake.register_visit(visit(session_uuid=planned.uuid)), "session"),
        (lambda: desk.followup.record_result(task.uuid, "Kết quả"), "assignment"),
        (lambda: desk.followup.record_citizen_told(task.uuid, "phone"), "assignment"),
    ]:
        with pytest.raises(UserError) as caught:
            attempt()
        assert caught.value.code == "record.voided"
        assert_clear_error(caught.value, field)

    assert desk.sessions.list(ListRequest()) == []
    assert desk.followup.list(ListRequest()) == []
    assert len(desk.followup.list(ListRequest(include_voided=True))) == 1


def test_voided_letter_and_signer(desk):
    received = desk.intake.register_letter(letter())
    signer = desk.setup.add_signer(SignerDraft("Lê Văn Chủ", "Chủ tịch UBND xã"))
    desk.voiding.void("letter", received.uuid, "Đơn nhập trùng")
    desk.voiding.void("signer", signer, "Đã nghỉ hưu")
    assert desk.logbook.letters() == []
    assert [x["uuid"] for x in desk.logbook.letters(ListRequest(include_voided=True))] == [received.uuid]
    assert desk.setup.signers() == []
    assert desk.database.scalar("SELECT count(*) FROM signers") == 1
    # The number of a voided letter is not given again.
    assert desk.intake.register_letter(letter()).letter_no == 2

"""A case's timeline: every visit, letter, session, assignment, status change and void, oldest first, with who
recorded it and when; records that came without audit rows still appear; a protected identity never does."""

from __future__ import annotations

from datetime import date

import pytest

from receptiondesk.demo.loader import generate_into
from receptiondesk.domain.accounts import MASKED_NAME
from receptiondesk.domain.cases import DirectionDraft
from receptiondesk.errors import UserError
from receptiondesk.services.cases import CaseChanges
from tests.services.helpers import (
    CCCD,
    OFFICER,
    assignment,
    case,
    citizen,
    letter,
    session,
    visit,
)


def _day(clock, iso: str) -> None:
    clock.set_day(date.fromisoformat(iso))


def test_a_followed_up_case_tells_its_whole_story_in_order(desk, clock):
    _day(clock, "2026-03-02")
    first = desk.intake.register_visit(visit(when="2026-03-02", summary="Khiếu nại việc cấp đất lần đầu"))
    case_uuid = first.case_uuids[0]
    _day(clock, "2026-03-04")
    posted = desk.intake.register_letter(letter(when="2026-03-04", summary="Đơn bổ sung tài liệu",
                                                case_uuid=case_uuid, new_case=None))
    _day(clock, "2026-03-05")
    again = desk.intake.register_visit(visit(when="2026-03-05", summary="Hỏi tiến độ", case_uuids=[case_uuid]))
    _day(clock, "2026-03-06")
    held = desk.sessions.schedule(session("2026-03-06"))
    desk.sessions.add_case(held.uuid, case_uuid)
    desk.sessions.mark_held(held.uuid)
    desk.sessions.record_conclusion(held.uuid, case_uuid, "assign", "Giao công chức địa chính kiểm tra hồ sơ")
    task = desk.followup.create_assignment(assignment(case_uuid, session_uuid=held.uuid, assigned_on="2026-03-06",
                                                      working_days=5))
    _day(clock, "2026-03-09")
    desk.followup.record_result(task.uuid, "Hồ sơ cấp đất đúng quy định", on="2026-03-09")
    _day(clock, "2026-03-10")
    desk.followup.record_citizen_told(task.uuid, "phone", on="2026-03-10")
    desk.cases.close(case_uuid, on="2026-03-10")
    desk.voiding.void("visit", again.uuid, "Nhập trùng lượt tiếp")

    timeline = desk.case_history.timeline(case_uuid)

    assert [(e.day, e.kind) for e in timeline] == [
        ("2026-03-02", "received"), ("2026-03-02", "visit"), ("2026-03-04", "letter"), ("2026-03-05", "visit"),
        ("2026-03-06", "session"), ("2026-03-06", "assignment"), ("2026-03-09", "assignment_result"),
        ("2026-03-10", "citizen_told"), ("2026-03-10", "status"), ("2026-03-10", "status"), ("2026-03-10", "void"),
    ]
    assert {e.actor for e in timeline} == {OFFICER}
    received, visit_1, mail, visit_2, heard, assigned, result, told, informed, closed, voided = timeline
    assert received.facts == {"source": "visit", "content_type": "complaint", "field_code": "land",
                              "status": "in_progress"}
    assert received.recorded_at == "2026-03-02T09:00:00+07:00"
    assert visit_1.text == "Khiếu nại việc cấp đất lần đầu"
    assert visit_1.facts["logbook_no"] == f"{first.logbook_no}/2026" and visit_1.facts["first_time"] is True
    assert visit_1.facts["direction"] == "accepted" and visit_1.facts["full_name"] == "Nguyễn Văn Đức"
    assert visit_2.facts["first_time"] is False and visit_2.record_uuid == again.uuid
    assert mail.record_uuid == posted.uuid and mail.facts["letter_channel"] == "post"
    assert mail.text == "Đơn bổ sung tài liệu"
    assert heard.text == "Giao công chức địa chính kiểm tra hồ sơ"
    assert heard.facts["conclusion_kind"] == "assign" and heard.facts["session_status"] == "held"
    assert heard.facts["leader_name"] == "Lê Văn Chủ" and heard.recorded_at == "2026-03-06T09:00:00+07:00"
    assert assigned.text == "Kiểm tra hồ sơ đất và báo cáo" and assigned.facts["assignee"] == "Công chức địa chính"
    assert assigned.facts["deadline"] == "2026-03-13"
    assert result.text == "Hồ sơ cấp đất đúng quy định" and result.recorded_at.startswith("2026-03-09")
    assert told.facts["told_how"] == "phone"
    assert (informed.facts, closed.facts) == ({"status": "informed"}, {"status": "closed"})
    assert voided.text == "Nhập trùng lượt tiếp"
    assert voided.facts == {"record_kind": "visit", "label": f"{again.logbook_no}/2026"}
    assert voided.record_uuid == again.uuid


def test_direction_classification_and_conclusion_of_a_letter_case(desk, clock):
    _day(clock, "2026-03-02")
    case_uuid = desk.intake.register_letter(letter(when="2026-03-02")).case_uuid
    _day(clock, "2026-03-03")
    desk.cases.set_direction(case_uuid, DirectionDraft("accepted"), on="2026-03-03")
    _day(clock, "2026-03-04")
    desk.cases.classify(case_uuid, CaseChanges(field_code="land", respondent_body="UBND xã Tân Thành"))
    _day(clock, "2026-03-09")
    desk.cases.conclude(case_uuid, "Tố cáo đúng một phần; đã kiến nghị xử lý", on="2026-03-09")
    _day(clock, "2026-03-10")
    desk.cases.close(case_uuid, on="2026-03-10", reason="Công dân rút đơn tố cáo")

    timeline = desk.case_history.timeline(case_uuid)

    assert [(e.day, e.kind, e.facts.get("status")) for e in timeline] == [
        ("2026-03-02", "received", "received"), ("2026-03-02", "letter", None),
        ("2026-03-03", "direction", "in_progress"), ("2026-03-04", "classify", None),
        ("2026-03-09", "status", "concluded"), ("2026-03-10", "status", "closed"),
    ]
    direction, classify, concluded, closed = timeline[2:]
    assert direction.facts["direction"] == "accepted" and direction.actor == OFFICER
    assert classify.facts["field_code"] == "land" and classify.facts["respondent_body"] == "UBND xã Tân Thành"
    assert classify.at.startswith("2026-03-04T")
    assert concluded.text == "Tố cáo đúng một phần; đã kiến nghị xử lý"
    assert closed.text == "Công dân rút đơn tố cáo"


def test_a_voided_case_and_an_attached_file_appear(desk, clock, tmp_path):
    case_uuid = desk.intake.register_visit(visit()).case_uuids[0]
    scan = tmp_path / "don.pdf"
    scan.write_bytes(b"%PDF-1.4\n% a scanned letter\n")
    desk.cases.attach_file(case_uuid, scan, "Đơn khiếu nại")
    desk.cases.open_file(desk.cases.documents(case_uuid)[0]["uuid"])  # not audited: the case is not protected
    desk.voiding.void("case", case_uuid, "Vụ việc nhập nhầm")

    kinds = [(e.kind, e.facts.get("title") or e.facts.get("record_kind")) for e in
             desk.case_history.timeline(case_uuid)]

    assert kinds[-2:] == [("attachment", "Đơn khiếu nại"), ("void", "case")]
    assert desk.case_history.timeline(case_uuid)[-1].text == "Vụ việc nhập nhầm"


def test_a_protected_persons_identity_never_appears(desk, clock):
    person = citizen("Lê Văn Tố", address="Thôn 9, xã Tân Thành", phone="0987654321")
    _day(clock, "2026-03-02")
    earlier = desk.intake.register_visit(visit(when="2026-03-02", who=person)).case_uuids[0]
    _day(clock, "2026-03-05")
    denounced = desk.intake.register_visit(visit(
        when="2026-03-05", who=person, summary="Tố cáo cán bộ địa chính",
        cases=[case("denunciation", "corruption", "Tố cáo cán bộ địa chính nhận tiền")])).case_uuids[0]

    for case_uuid in (earlier, denounced):
        timeline = desk.case_history.timeline(case_uuid)
        assert timeline, case_uuid
        text = repr(timeline)
        for secret in ("Lê Văn Tố", "Le Van To", CCCD, "0987654321", "Thôn 9"):
            assert secret not in text, (secret, case_uuid)
        assert [e.facts["full_name"] for e in timeline if e.kind == "visit"] == [MASKED_NAME]


def test_generated_records_without_audit_rows_still_tell_their_story(desk):
    generate_into(desk.context, "commune", visits=150, until=date(2026, 3, 9))
    conn = desk.database.conn
    case_uuid = conn.execute(
        "SELECT c.uuid FROM cases c JOIN assignments a ON a.case_id = c.id "
        "WHERE a.result_on IS NOT NULL AND a.citizen_told_on IS NOT NULL ORDER BY c.id LIMIT 1").fetchone()[0]
    timeline = desk.case_history.timeline(case_uuid)
    kinds = [e.kind for e in timeline]
    assert kinds[0] == "received" and "visit" in kinds and "session" in kinds
    assert {"assignment", "assignment_result", "citizen_told"} <= set(kinds)
    assert all(e.actor == "" and e.unit_code == "00004" for e in timeline)  # generated: no user recorded them
    assert [e.day for e in timeline] == sorted(e.day for e in timeline)


def test_timeline_needs_a_signed_in_user_and_a_known_case(desk):
    with pytest.raises(UserError) as caught:
        desk.case_history.timeline("no-such-case")
    assert caught.value.code == "record.not_found"
    desk.logout()
    with pytest.raises(UserError) as caught:
        desk.case_history.timeline("no-such-case")
    assert caught.value.code == "auth.signed_out"

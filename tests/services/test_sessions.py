"""Leaders' reception sessions: scheduling rules, holding and cancelling, the cases heard and their conclusions,
the leaders' minimum reception days and the queue of cases waiting for a leader."""

from __future__ import annotations

from datetime import date

import pytest

from receptiondesk.domain.accounts import MASKED_NAME
from receptiondesk.domain.cases import DirectionDraft
from receptiondesk.domain.sessions import HeardCase
from receptiondesk.errors import UserError, ValidationError
from receptiondesk.storage.listing import ListRequest
from tests.services.helpers import (
    USERNAME,
    STAMP_AT,
    assert_clear_error,
    assignment,
    audit,
    case,
    citizen,
    counts,
    letter,
    row,
    session,
    visit,
)


def test_schedule_a_chairman_session(desk):
    saved = desk.sessions.schedule(session("2026-03-17", location="Phòng  tiếp dân", notes="Kỳ tiếp định kỳ"))

    assert saved.warnings == []
    stored = row(desk, "sessions", saved.uuid)
    assert (stored["session_date"], stored["sector"], stored["kind"], stored["status"]) == \
        ("2026-03-17", "state", "scheduled", "planned")
    assert (stored["leader_name"], stored["leader_role"], stored["delegated"]) == ("Lê Văn Chủ", "chairman", 0)
    assert stored["delegate_name"] is None and stored["location"] == "Phòng tiếp dân"
    entry = audit(desk, saved.uuid)
    assert [(e["action"], e["at"], e["actor"]) for e in entry] == [("session.schedule", STAMP_AT, USERNAME)]
    assert entry[0]["detail"] == {"date": "2026-03-17", "sector": "state"}


def test_vice_chairman_presiding_without_delegation_warns(desk):
    saved = desk.sessions.schedule(session(leader_role="vice_chairman", leader_name="Phạm Văn Phó"))
    assert [w.code for w in saved.warnings] == ["session.role_not_head"]
    warning = saved.warnings[0]
    assert warning.warning and warning.field == "leader_role" and warning.params == {"expected": "chairman"}
    assert "{" not in warning.render("vi") and "Chức vụ người chủ trì" in warning.render("vi")
    assert row(desk, "sessions", saved.uuid)["status"] == "planned"


def test_party_session_is_presided_by_the_secretary(desk):
    assert desk.sessions.schedule(session(sector="party", leader_role="party_secretary")).warnings == []
    chaired = desk.sessions.schedule(session(sector="party", leader_role="chairman"))
    assert [w.params for w in chaired.warnings] == [{"expected": "party_secretary"}]


def test_delegated_session_records_the_deputy(desk):
    saved = desk.sessions.schedule(session(delegated=True, delegate_name="Phạm  Văn Phó",
                                           delegate_role="Phó Chủ tịch"))
    assert saved.warnings == []
    stored = row(desk, "sessions", saved.uuid)
    assert (stored["delegated"], stored["delegate_name"], stored["delegate_role"]) == \
        (1, "Phạm Văn Phó", "Phó Chủ tịch")


def test_delegate_fields_are_dropped_when_not_delegated(desk):
    saved = desk.sessions.schedule(session(delegate_name="Phạm Văn Phó"))
    assert row(desk, "sessions", saved.uuid)["delegate_name"] is None


@pytest.mark.parametrize("kw, field, code", [
    ({"delegated": True, "delegate_name": "  "}, "delegate_name", "session.delegate_required"),
    ({"kind": "dialogue"}, "subject", "value.required"),
    ({"leader_name": ""}, "leader_name", "value.required"),
    ({"sector": "army"}, "sector", "value.not_allowed"),
    ({"kind": "party"}, "session_kind", "value.not_allowed"),
    ({"leader_role": "king"}, "leader_role", "value.not_allowed"),
], ids=["delegated without deputy", "dialogue without subject", "no leader", "bad sector", "bad kind", "bad role"])
def test_bad_session_is_refused(desk, kw, field, code):
    before = counts(desk)
    with pytest.raises(ValidationError) as caught:
        desk.sessions.schedule(session(**kw))
    assert_clear_error(caught.value, field, code)
    assert counts(desk) == before


def test_bad_session_date_is_refused(desk):
    with pytest.raises(ValidationError) as caught:
        desk.sessions.schedule(session("30/02/2026"))
    assert_clear_error(caught.value, "session_date", "value.bad_date")


def test_dialogue_with_a_subject(desk):
    saved = desk.sessions.schedule(session(kind="dialogue", subject="Giải phóng  mặt bằng đường liên xã"))
    assert row(desk, "sessions", saved.uuid)["subject"] == "Giải phóng mặt bằng đường liên xã"


def test_update_rewrites_the_session_as_a_new_version(desk):
    saved = desk.sessions.schedule(session("2026-03-17"))
    desk.sessions.update(saved.uuid, session("2026-03-18", location="Hội trường"))
    stored = row(desk, "sessions", saved.uuid)
    assert (stored["session_date"], stored["location"], stored["version"]) == ("2026-03-18", "Hội trường", 2)
    assert [e["action"] for e in audit(desk, saved.uuid)] == ["session.schedule", "session.update"]
    changed = audit(desk, saved.uuid, "session.update")[0]["detail"]["changed"]
    assert changed["session_date"] == ["2026-03-17", "2026-03-18"]
    assert changed["location"][1] == "Hội trường"
    assert "leader_name" not in changed and "kind" not in changed  # unchanged columns are not listed


# -- holding and cancelling -----------------------------------------------------------------------

def test_mark_held_refused_for_a_future_date(desk):
    saved = desk.sessions.schedule(session("2026-03-11"))
    before = counts(desk)
    with pytest.raises(UserError) as caught:
        desk.sessions.mark_held(saved.uuid)
    assert caught.value.code == "session.held_in_future"
    assert_clear_error(caught.value, "session_date")
    assert counts(desk) == before
    assert desk.sessions.get(saved.uuid)["status"] == "planned"


def test_mark_held_today_then_no_more_status_changes(desk):
    saved = desk.sessions.schedule(session())
    desk.sessions.mark_held(saved.uuid)
    stored = row(desk, "sessions", saved.uuid)
    assert (stored["status"], stored["version"]) == ("held", 2)
    assert audit(desk, saved.uuid)[-1]["action"] == "session.held"
    assert audit(desk, saved.uuid)[-1]["detail"]["changed"] == {"status": ["planned", "held"]}

    for change in (desk.sessions.mark_held, desk.sessions.cancel):
        with pytest.raises(UserError) as caught:
            change(saved.uuid)
        assert caught.value.code == "session.not_planned"
        assert caught.value.problems[0].params == {"status": "held"}
        assert "{" not in caught.value.render("vi")


def test_held_session_cannot_be_moved_to_the_future(desk):
    saved = desk.sessions.schedule(session())
    desk.sessions.mark_held(saved.uuid)
    try:
        desk.sessions.update(saved.uuid, session("2026-12-01"))
    except UserError:
        pass
    assert desk.sessions.get(saved.uuid)["session_date"] == "2026-03-10"


def test_cancel_a_planned_session(desk):
    saved = desk.sessions.schedule(session("2026-04-02"))
    desk.sessions.cancel(saved.uuid)
    assert desk.sessions.get(saved.uuid)["status"] == "cancelled"
    assert audit(desk, saved.uuid)[-1]["action"] == "session.cancel"
    with pytest.raises(UserError) as caught:
        desk.sessions.mark_held(saved.uuid)
    assert caught.value.code == "session.not_planned"


# -- cases heard ----------------------------------------------------------------------------------

def test_add_case_puts_it_on_the_list_once(desk):
    saved = desk.sessions.schedule(session())
    first = desk.intake.register_letter(letter()).case_uuid
    second = desk.intake.register_letter(letter(new_case=case())).case_uuid

    desk.sessions.add_case(saved.uuid, first)
    desk.sessions.add_case(saved.uuid, second)
    desk.sessions.add_case(saved.uuid, first)

    heard = desk.sessions.cases_heard(saved.uuid)
    assert [(h["uuid"], h["position"]) for h in heard] == [(first, 0), (second, 1)]
    assert desk.sessions.get(saved.uuid)["case_count"] == 2
    entries = audit(desk, saved.uuid, "session.add_case")
    assert [e["detail"] for e in entries][:2] == [{"case": first}, {"case": second}]


def test_add_unknown_case_is_refused(desk):
    saved = desk.sessions.schedule(session())
    before = counts(desk)
    with pytest.raises(UserError) as caught:
        desk.sessions.add_case(saved.uuid, "55555555-5555-5555-5555-555555555555")
    assert_clear_error(caught.value, "case", "record.not_found")
    assert counts(desk) == before


def test_add_case_to_a_cancelled_session_is_refused(desk):
    saved = desk.sessions.schedule(session("2026-04-02"))
    desk.sessions.cancel(saved.uuid)
    uuid = desk.intake.register_letter(letter()).case_uuid
    with pytest.raises(UserError):
        desk.sessions.add_case(saved.uuid, uuid)


def test_record_conclusion_for_a_case_heard(desk):
    saved = desk.sessions.schedule(session())
    result = desk.intake.register_visit(visit(session_uuid=saved.uuid))
    case_uuid = result.case_uuids[0]
    version = row(desk, "sessions", saved.uuid)["version"]

    desk.sessions.record_conclusion(saved.uuid, case_uuid, "assign", "Giao  công chức địa chính kiểm tra")

    heard = desk.sessions.cases_heard(saved.uuid)
    assert [(h["conclusion_kind"], h["conclusion"]) for h in heard] == \
        [("assign", "Giao công chức địa chính kiểm tra")]
    assert row(desk, "sessions", saved.uuid)["version"] == version + 1
    assert audit(desk, saved.uuid, "session.conclusion")[0]["detail"] == {"case": case_uuid, "kind": "assign"}


def test_record_conclusion_only_for_cases_on_the_list(desk):
    saved = desk.sessions.schedule(session())
    elsewhere = desk.intake.register_visit(visit()).case_uuids[0]
    before = counts(desk)

    with pytest.raises(UserError) as caught:
        desk.sessions.record_conclusion(saved.uuid, elsewhere, "resolve_now", "Giải quyết ngay")

    assert caught.value.code == "session.case_not_heard"
    assert_clear_error(caught.value, "case")
    assert counts(desk) == before


@pytest.mark.parametrize("kind, text, field", [("decide", "Kết luận", "conclusion_kind"),
                                               ("pending", "  ", "conclusion")])
def test_record_conclusion_validates_its_input(desk, kind, text, field):
    saved = desk.sessions.schedule(session())
    case_uuid = desk.intake.register_visit(visit(session_uuid=saved.uuid)).case_uuids[0]
    with pytest.raises(ValidationError) as caught:
        desk.sessions.record_conclusion(saved.uuid, case_uuid, kind, text)
    assert_clear_error(caught.value, field)


def test_record_conclusion_on_a_cancelled_session_is_refused(desk):
    saved = desk.sessions.schedule(session())
    case_uuid = desk.intake.register_letter(letter()).case_uuid
    desk.sessions.add_case(saved.uuid, case_uuid)
    desk.sessions.cancel(saved.uuid)
    with pytest.raises(UserError) as caught:
        desk.sessions.record_conclusion(saved.uuid, case_uuid, "pending", "Chờ xem xét")
    assert caught.value.code == "session.cancelled"
    assert desk.sessions.cases_heard(saved.uuid)[0]["conclusion_kind"] is None


def test_session_list_filters_and_sorts(desk):
    state = desk.sessions.schedule(session("2026-03-03"))
    party = desk.sessions.schedule(session("2026-03-05", sector="party", leader_role="party_secretary"))
    dialogue = desk.sessions.schedule(session("2026-02-20", kind="dialogue", subject="Đền bù"))
    desk.sessions.cancel(dialogue.uuid)

    def uuids(**kw):
        return [s["uuid"] for s in desk.sessions.list(ListRequest(**kw))]

    assert uuids() == [party.uuid, state.uuid, dialogue.uuid]
    assert uuids(sort="oldest") == [dialogue.uuid, state.uuid, party.uuid]
    assert uuids(filters={"sector": "party"}) == [party.uuid]
    assert uuids(filters={"kind": "dialogue"}) == [dialogue.uuid]
    assert uuids(filters={"status": "cancelled"}) == [dialogue.uuid]
    assert uuids(filters={"date_from": "2026-03-01", "date_to": "2026-03-04"}) == [state.uuid]


def test_unknown_session_is_not_found(desk):
    with pytest.raises(UserError) as caught:
        desk.sessions.get("66666666-6666-6666-6666-666666666666")
    assert caught.value.code == "record.not_found"
    with pytest.raises(UserError) as caught:
        desk.sessions.mark_held("66666666-6666-6666-6666-666666666666")
    assert_clear_error(caught.value, "session", "record.not_found")


# -- the leaders' minimum reception days ------------------------------------------------------------

def _held(desk, when, **kw):
    uuid = desk.sessions.schedule(session(when, **kw)).uuid
    desk.sessions.mark_held(uuid)
    return uuid


def _secretary(**kw):
    return {"sector": "party", "leader_role": "party_secretary", "leader_name": "Hoàng Văn Bí", **kw}


def test_compliance_counts_own_sessions_per_week_and_month(desk):
    _held(desk, "2026-03-03")                               # week 02-08/03: met
    _held(desk, "2026-03-03", kind="ad_hoc")                # same day: one day only
    _held(desk, "2026-03-05", kind="dialogue", subject="Giải phóng mặt bằng")  # listed, not counted
    delegated = _held(desk, "2026-03-09", delegated=True, delegate_name="Phạm Văn Phó")  # not counted
    desk.sessions.schedule(session("2026-03-17"))           # planned ahead
    _held(desk, "2026-03-04", **_secretary())
    _held(desk, "2026-03-06", **_secretary(delegated=True, delegate_name="Vũ Thị Phó"))

    report = desk.sessions.compliance(date(2026, 3, 20))

    assert report.month == date(2026, 3, 1) and report.today == date(2026, 3, 10)
    chairman = report.for_sector("state")
    assert (chairman.rule.code, chairman.required) == ("leader.chairman_days_per_week", 1)
    assert "Luật Tiếp công dân" in chairman.source
    assert [(p.start, p.end, p.counted, p.required, p.status.value) for p in chairman.periods] == [
        (date(2026, 3, 2), date(2026, 3, 8), 1, 1, "met"),
        (date(2026, 3, 9), date(2026, 3, 15), 0, 1, "open"),  # the delegated session of 09/03 does not count
        (date(2026, 3, 16), date(2026, 3, 22), 0, 1, "open"),
        (date(2026, 3, 23), date(2026, 3, 29), 0, 1, "open"),
    ]
    assert chairman.periods[2].planned_days == (date(2026, 3, 17),)
    assert chairman.counted == 1 and chairman.status.value == "open"
    assert [s.uuid for s in chairman.delegated] == [delegated]
    assert [s.kind for s in chairman.dialogues] == ["dialogue"]
    secretary = report.for_sector("party")
    assert (secretary.rule.code, secretary.required, secretary.counted) == ("leader.secretary_days_per_month", 2, 1)
    assert [(p.start, p.end, p.status.value) for p in secretary.periods] == \
        [(date(2026, 3, 1), date(2026, 3, 31), "open")]
    assert [s.delegate_name for s in secretary.delegated] == ["Vũ Thị Phó"]


def test_compliance_of_a_past_month_misses_and_exempts(desk):
    _held(desk, "2026-02-03")
    _held(desk, "2026-02-11", kind="ad_hoc")
    _held(desk, "2026-02-24", delegated=True, delegate_name="Phạm Văn Phó")
    _held(desk, "2026-02-05", **_secretary())
    _held(desk, "2026-02-25", **_secretary(delegated=True, delegate_name="Vũ Thị Phó"))
    cancelled = desk.sessions.schedule(session("2026-03-26", **_secretary()))
    desk.sessions.cancel(cancelled.uuid)

    report = desk.sessions.compliance(date(2026, 2, 1))

    chairman = report.for_sector("state")
    # The week of Tết (16-20/02 are holidays) has no working day: exempt, not missed.
    assert [(p.start, p.counted, p.status.value) for p in chairman.periods] == [
        (date(2026, 2, 2), 1, "met"), (date(2026, 2, 9), 1, "met"), (date(2026, 2, 16), 0, "exempt"),
        (date(2026, 2, 23), 0, "missed")]
    assert chairman.status.value == "missed" and chairman.count(chairman.status) == 1
    secretary = report.for_sector("party")
    assert (secretary.counted, secretary.status.value) == (1, "missed")
    assert len(secretary.delegated) == 1
    assert desk.sessions.compliance(date(2026, 3, 1)).for_sector("party").delegated == ()


def test_a_week_belongs_to_the_month_of_its_thursday(desk):
    _held(desk, "2026-03-02")  # Monday: the week of Thursday 05/03 is March's first
    april = desk.sessions.compliance(date(2026, 4, 1)).for_sector("state")
    assert april.periods[0].start == date(2026, 3, 30)
    february = desk.sessions.compliance(date(2026, 2, 1)).for_sector("state")
    assert february.periods[-1].end == date(2026, 3, 1)  # 23/02-01/03 belongs to February


# -- the queue of cases waiting for a leader --------------------------------------------------------

def test_waiting_cases_complaints_first_then_oldest(desk):
    def accepted_case(when, kind, summary, who=None):
        return desk.intake.register_visit(visit(when=when, who=who, summary=summary,
                                                cases=[case(kind, "land", summary)])).case_uuids[0]

    petition = accepted_case("2026-03-02", "petition", "Kiến nghị làm đường")
    complaint = accepted_case("2026-03-05", "complaint", "Khiếu nại thu hồi đất")
    older_complaint = accepted_case("2026-03-03", "complaint", "Khiếu nại bồi thường")
    denunciation = accepted_case("2026-03-04", "denunciation", "Tố cáo cán bộ",
                                 who=citizen("Đỗ Văn Kín", id_number="001085099999"))
    guided = desk.intake.register_visit(
        visit(direction=DirectionDraft("guided", direction_body="Tòa án"))).case_uuids[0]
    on_planned = accepted_case("2026-03-02", "complaint", "Khiếu nại đã lên lịch")
    desk.sessions.add_case(desk.sessions.schedule(session("2026-03-17")).uuid, on_planned)
    assigned = accepted_case("2026-03-02", "complaint", "Khiếu nại đã giao")
    desk.followup.create_assignment(assignment(assigned, working_days=5))

    queue = desk.sessions.waiting_cases()

    assert [c["uuid"] for c in queue] == [older_complaint, denunciation, complaint, petition]
    assert guided not in [c["uuid"] for c in queue]
    assert desk.sessions.waiting_count() == 4
    by_uuid = {c["uuid"]: c for c in queue}
    assert by_uuid[denunciation]["citizen_name"] == MASKED_NAME
    assert by_uuid[complaint]["citizen_name"] == "Nguyễn Văn Đức"
    assert [c["uuid"] for c in desk.sessions.waiting_cases(limit=2)] == [older_complaint, denunciation]


def test_a_pending_conclusion_puts_the_case_back_in_the_queue(desk):
    held = desk.sessions.schedule(session()).uuid
    pending, resolved = (desk.intake.register_visit(visit(summary=s, cases=[case(summary=s)])).case_uuids[0]
                         for s in ("Khiếu nại A", "Khiếu nại B"))
    desk.sessions.add_case(held, pending)
    desk.sessions.add_case(held, resolved)
    assert desk.sessions.waiting_cases() == []
    desk.sessions.hold(held, [], [HeardCase(pending, "pending", "Chờ xác minh"),
                                  HeardCase(resolved, "resolve_now", "Giải quyết ngay")])
    queue = desk.sessions.waiting_cases()
    assert [(c["uuid"], c["times_pending"]) for c in queue] == [(pending, 1)]


def test_waiting_cases_limit_is_bounded(desk):
    with pytest.raises(UserError) as caught:
        desk.sessions.waiting_cases(limit=0)
    assert caught.value.code == "list.page_size"


def test_month_lists_the_months_sessions_oldest_first(desk):
    late = desk.sessions.schedule(session("2026-03-31")).uuid
    early = desk.sessions.schedule(session("2026-03-01")).uuid
    desk.sessions.schedule(session("2026-04-01"))
    desk.sessions.cancel(early)
    assert [s["uuid"] for s in desk.sessions.month(date(2026, 3, 15))] == [early, late]


def test_defaults_propose_the_last_head_and_place(desk):
    assert desk.sessions.defaults("state") == {"leader_name": "", "leader_role": "chairman", "location": ""}
    desk.sessions.schedule(session("2026-03-03", location="Hội trường UBND"))
    desk.sessions.schedule(session("2026-03-04", leader_name="Phạm Văn Phó", delegated=True, delegate_name="X"))
    assert desk.sessions.defaults("state") == {"leader_name": "Lê Văn Chủ", "leader_role": "chairman",
                                               "location": "Hội trường UBND"}
    assert desk.sessions.defaults("party")["leader_role"] == "party_secretary"

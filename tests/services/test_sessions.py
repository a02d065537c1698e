"""Leaders' reception sessions: scheduling rules, holding and cancelling, the cases heard and their conclusions."""

from __future__ import annotations

import pytest

from receptiondesk.errors import UserError, ValidationError
from receptiondesk.storage.listing import ListRequest
from tests.services.helpers import (
    USERNAME,
    STAMP_AT,
    assert_clear_error,
    audit,
    case,
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

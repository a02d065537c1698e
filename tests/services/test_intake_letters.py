"""Registering letters (post, forwarded, online): a case and a letter number, but no logbook row."""

from __future__ import annotations

import pytest

from receptiondesk.domain.cases import DirectionDraft
from receptiondesk.errors import UserError, ValidationError
from receptiondesk.storage.listing import ListRequest
from tests.services.helpers import (
    CCCD,
    UNIT,
    assert_clear_error,
    audit,
    case,
    citizen,
    counts,
    letter,
    no_paper,
    row,
    visit,
    work_audit,
)


def test_anonymous_post_letter_opens_a_received_case_without_a_logbook_row(desk):
    result = desk.intake.register_letter(letter())

    assert (result.year, result.letter_no, result.warnings) == (2026, 1, [])
    stored = row(desk, "letters", result.uuid)
    assert (stored["channel"], stored["citizen_id"], stored["full_name"]) == ("post", None, "")
    assert stored["received_on"] == "2026-03-10"
    opened = row(desk, "cases", result.case_uuid)
    assert stored["case_id"] == opened["id"]
    assert (opened["source"], opened["status"], opened["direction"]) == ("letter", "received", None)
    assert opened["citizen_id"] is None
    assert opened["due_date"] == "2026-03-19"  # denunciation: classify within 7 working days
    assert desk.database.scalar("SELECT count(*) FROM visits") == 0
    assert desk.database.scalar("SELECT count(*) FROM citizens") == 0
    assert [tuple(r) for r in desk.database.query("SELECT scope, unit_code, year, last FROM number_counters")] == \
        [("letters", UNIT, 2026, 1)]
    assert [(a["action"], a["record_uuid"]) for a in work_audit(desk)] == \
        [("case.open", result.case_uuid), ("letter.register", result.uuid)]
    assert audit(desk, result.uuid)[0]["detail"] == {"year": 2026, "letter_no": 1}


def test_letter_numbers_run_per_year_apart_from_the_logbook(desk):
    assert [desk.intake.register_letter(letter()).letter_no for _ in range(3)] == [1, 2, 3]
    old = desk.intake.register_letter(letter(when="2025-12-29"))
    assert (old.year, old.letter_no) == (2025, 1)
    assert desk.intake.register_visit(visit()).logbook_no == 1
    assert desk.intake.register_letter(letter()).letter_no == 4


def test_forwarded_letter_needs_the_sender_body(desk):
    before = counts(desk)
    with pytest.raises(ValidationError) as caught:
        desk.intake.register_letter(letter(channel="forwarded", sender_body="  "))
    assert_clear_error(caught.value, "sender_body", "letter.sender_required")
    assert "Cơ quan chuyển đơn" in caught.value.render("vi")
    assert counts(desk) == before


def test_forwarded_letter_keeps_its_sender_and_document(desk):
    result = desk.intake.register_letter(letter(channel="forwarded", sender_body="Thanh tra  tỉnh",
                                                forward_doc="Số: 45/TTr-NV"))
    stored = row(desk, "letters", result.uuid)
    assert (stored["channel"], stored["sender_body"], stored["forward_doc"]) == \
        ("forwarded", "Thanh tra tỉnh", "Số: 45/TTr-NV")


def test_letter_from_a_denouncer_protects_the_citizen(desk):
    result = desk.intake.register_letter(letter(citizen=citizen()))
    stored = row(desk, "letters", result.uuid)
    person = desk.database.one("SELECT * FROM citizens WHERE id = ?", (stored["citizen_id"],))
    assert person["full_name"] == stored["full_name"] == "[Danh tính được bảo vệ]"
    assert person["protected"] == 1
    assert desk.privacy.reveal("citizen", person["uuid"], "Đối chiếu hồ sơ")["full_name"] == "Nguyễn Văn Đức"
    assert desk.privacy.reveal("letter", result.uuid, "Đối chiếu hồ sơ")["full_name"] == "Nguyễn Văn Đức"
    assert row(desk, "cases", result.case_uuid)["citizen_id"] == person["id"]

    # The same ID paper at the desk later is the same citizen.
    came = desk.intake.register_visit(visit())
    assert came.citizen_uuid == person["uuid"]


def test_letter_on_an_existing_case_opens_no_new_case(desk):
    first = desk.intake.register_visit(visit())
    before_cases = desk.database.scalar("SELECT count(*) FROM cases")

    result = desk.intake.register_letter(letter(case_uuid=first.case_uuids[0], summary="Đơn nhắc lại"))

    assert result.case_uuid == first.case_uuids[0]
    assert desk.database.scalar("SELECT count(*) FROM cases") == before_cases
    listed = desk.logbook.letters()
    assert [(x["uuid"], x["case_uuid"], x["content_type"]) for x in listed] == \
        [(result.uuid, first.case_uuids[0], "complaint")]


def test_letter_on_an_existing_denunciation_protects_the_writer(desk):
    first = desk.intake.register_visit(visit(cases=[case("denunciation", "corruption", "Tố cáo cán bộ")]))
    result = desk.intake.register_letter(letter(case_uuid=first.case_uuids[0], citizen=no_paper("Hoàng Văn Tư")))
    writer = desk.database.one("SELECT c.protected FROM citizens c JOIN letters l ON l.citizen_id = c.id "
                               "WHERE l.uuid = ?", (result.uuid,))
    assert writer[0] == 1


def test_letter_on_an_unknown_case_saves_nothing(desk):
    before = counts(desk)
    with pytest.raises(UserError) as caught:
        desk.intake.register_letter(letter(case_uuid="33333333-3333-3333-3333-333333333333"))
    assert caught.value.code == "record.not_found"
    assert_clear_error(caught.value, "case")
    assert counts(desk) == before


@pytest.mark.parametrize("kwargs, field, code", [
    ({"when": "2026-03-11"}, "received_on", "value.date_in_future"),
    ({"when": "hôm qua"}, "received_on", "value.bad_date"),
    ({"summary": ""}, "summary", "value.required"),
    ({"channel": "pigeon"}, "letter_channel", "value.not_allowed"),
    ({"new_case": case(field_code="weather")}, "field_code", "value.not_allowed"),
    ({"direction": DirectionDraft("transferred", direction_body="Công an", in_competence=False)},
     "direction_doc", "direction.doc_required"),
    ({"citizen": citizen(id_number="12345")}, "id_number", "id.citizen_length"),
], ids=["future", "bad date", "no summary", "bad channel", "bad field", "transfer without doc", "bad id"])
def test_bad_letter_is_refused_and_nothing_saved(desk, kwargs, field, code):
    before = counts(desk)
    with pytest.raises(ValidationError) as caught:
        desk.intake.register_letter(letter(**kwargs))
    assert_clear_error(caught.value, field, code)
    assert counts(desk) == before


def test_letter_without_any_case_is_refused(desk):
    from receptiondesk.domain.letters import LetterDraft

    with pytest.raises(ValidationError) as caught:
        desk.intake.register_letter(LetterDraft(received_on="2026-03-10", summary="Đơn"))
    assert_clear_error(caught.value, "content_type", "visit.no_case")


def test_letter_with_a_direction_moves_its_case(desk):
    result = desk.intake.register_letter(letter(
        new_case=case("petition", "environment", "Kiến nghị về rác"),
        direction=DirectionDraft("transferred", direction_body="Phòng TN&MT", direction_doc="05/CV-UBND",
                                 in_competence=False)))
    opened = row(desk, "cases", result.case_uuid)
    assert (opened["status"], opened["direction"], opened["direction_doc"]) == ("in_progress", "transferred",
                                                                                 "05/CV-UBND")


def test_letters_list_filters_and_sorts(desk):
    post = desk.intake.register_letter(letter(when="2026-03-02"))
    online = desk.intake.register_letter(letter(when="2026-03-05", channel="online"))
    old = desk.intake.register_letter(letter(when="2025-11-11", citizen=citizen(id_number=CCCD)))

    def uuids(**kw):
        return [x["uuid"] for x in desk.logbook.letters(ListRequest(**kw))]

    assert uuids() == [online.uuid, post.uuid, old.uuid]
    assert uuids(sort="oldest") == [old.uuid, post.uuid, online.uuid]
    assert uuids(filters={"channel": "online"}) == [online.uuid]
    assert uuids(filters={"year": 2025}) == [old.uuid]
    assert uuids(filters={"received_from": "2026-03-03"}) == [online.uuid]
    assert uuids(filters={"received_to": "2026-03-02"}) == [post.uuid, old.uuid]
    with pytest.raises(UserError) as caught:
        uuids(filters={"sender": "x"})
    assert caught.value.code == "list.unknown_filter"

"""Bad input at intake: every problem names its field in Vietnamese and nothing is saved; warnings still save."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from receptiondesk.domain.cases import DirectionDraft
from receptiondesk.domain.visits import VisitDraft
from receptiondesk.errors import ValidationError
from tests.services.helpers import (
    assert_clear_error,
    case,
    citizen,
    counts,
    no_paper,
    row,
    visit,
)

BAD_VISITS: dict[str, tuple[Callable[[], VisitDraft], str, str]] = {
    "citizen id of 11 digits": (
        lambda: visit(who=citizen(id_number="00108501234")), "id_number", "id.citizen_length"),
    "citizen id with letters": (
        lambda: visit(who=citizen(id_number="00108501234A")), "id_number", "id.citizen_digits"),
    "citizen id missing": (
        lambda: visit(who=citizen(id_number="  ")), "id_number", "id.missing_number"),
    "no paper but a number": (
        lambda: visit(who=citizen(id_type="none", id_number="123")), "id_number", "id.none_has_number"),
    "cmnd of 8 digits": (
        lambda: visit(who=citizen(id_type="cmnd", id_number="01234567")), "id_number", "id.cmnd_format"),
    "passport too short": (
        lambda: visit(who=citizen(id_type="passport", id_number="C12")), "id_number", "id.passport_format"),
    "unknown paper type": (
        lambda: visit(who=citizen(id_type="driving_licence")), "id_paper_type", "value.not_allowed"),
    "old 11-digit mobile": (
        lambda: visit(who=citizen(phone="0162 123 4567")), "phone", "phone.renumbered"),
    "phone with letters": (
        lambda: visit(who=citizen(phone="09123ABC78")), "phone", "phone.invalid"),
    "service number as phone": (
        lambda: visit(who=citizen(phone="1900 1234")), "phone", "phone.invalid"),
    "empty name": (
        lambda: visit(who=citizen("   ")), "full_name", "value.required"),
    "name too long": (
        lambda: visit(who=citizen("Nguyễn " * 30)), "full_name", "value.too_long"),
    "birth year before 1900": (
        lambda: visit(who=citizen(birth_year=1850)), "birth_year", "citizen.birth_year_range"),
    "birth year after this year": (
        lambda: visit(who=citizen(birth_year=2027)), "birth_year", "citizen.birth_year_range"),
    "birth year typed as words": (
        lambda: visit(who=citizen(birth_year="năm 80")), "birth_year", "citizen.birth_year_range"),
    "unknown gender": (
        lambda: visit(who=citizen(gender="x")), "gender", "value.not_allowed"),
    "empty content": (
        lambda: visit(summary=" \n \t "), "summary", "value.required"),
    "content too long": (
        lambda: visit(summary="x" * 4001), "summary", "value.too_long"),
    "visit after today": (
        lambda: visit(when="2026-03-11"), "visit_date", "value.date_in_future"),
    "visit date not a date": (
        lambda: visit(when="31/02/2026"), "visit_date", "value.bad_date"),
    "visit date missing": (
        lambda: visit(when=""), "visit_date", "value.required"),
    "transferred without body": (
        lambda: visit(direction=DirectionDraft("transferred", direction_doc="12/CV-UBND", in_competence=False)),
        "direction_body", "direction.body_required"),
    "transferred without document number": (
        lambda: visit(direction=DirectionDraft("transferred", direction_body="Công an huyện", in_competence=False)),
        "direction_doc", "direction.doc_required"),
    "guided without body": (
        lambda: visit(direction=DirectionDraft("guided", in_competence=False)), "direction_body",
        "direction.body_required"),
    "refused without legal ground": (
        lambda: visit(direction=DirectionDraft("refused")), "refusal_ground", "direction.ground_required"),
    "refused on an unknown ground": (
        lambda: visit(direction=DirectionDraft("refused", refusal_ground="bad_mood")), "refusal_ground",
        "value.not_allowed"),
    "accepted while not in competence": (
        lambda: visit(direction=DirectionDraft("accepted", in_competence=False)), "direction",
        "direction.accept_outside_competence"),
    "no direction": (
        lambda: visit(direction=DirectionDraft()), "direction", "value.required"),
    "unknown direction": (
        lambda: visit(direction=DirectionDraft("ignored")), "direction", "value.not_allowed"),
    "no case at all": (
        lambda: visit(cases=[]), "content_type", "visit.no_case"),
    "unknown content type": (
        lambda: visit(cases=[case("gossip")]), "content_type", "value.not_allowed"),
    "unknown field": (
        lambda: visit(cases=[case(field_code="weather")]), "field_code", "value.not_allowed"),
    "missing field": (
        lambda: visit(cases=[case(field_code="")]), "field_code", "value.required"),
    "empty case summary": (
        lambda: visit(cases=[case(summary="  ")]), "case_summary", "value.required"),
    "headcount zero": (
        lambda: visit(headcount=0), "headcount", "visit.headcount_range"),
    "headcount not a number": (
        lambda: visit(headcount="nhiều"), "headcount", "visit.headcount_range"),
    "unknown channel": (
        lambda: visit(channel="fax"), "channel", "value.not_allowed"),
    "unknown came_as": (
        lambda: visit(came_as="neighbour"), "came_as", "value.not_allowed"),
    "lawyer without proof": (
        lambda: visit(came_as="lawyer"), "proof_paper", "visit.proof_required"),
    "delegation without representatives": (
        lambda: visit(headcount=12), "representatives", "visit.delegation_needs_representatives"),
}


@pytest.mark.parametrize("make, field, code", BAD_VISITS.values(), ids=BAD_VISITS.keys())
def test_bad_visit_is_refused_naming_the_field_and_nothing_is_saved(desk, make, field, code):
    desk.intake.register_visit(visit(who=no_paper("Người Có Sẵn")))
    before = counts(desk)

    with pytest.raises(ValidationError) as caught:
        desk.intake.register_visit(make())

    assert_clear_error(caught.value, field, code)
    assert all(not p.warning for p in caught.value.problems)
    assert counts(desk) == before


def test_old_mobile_error_suggests_the_new_number(desk):
    with pytest.raises(ValidationError) as caught:
        desk.intake.register_visit(visit(who=citizen(phone="0162 123 4567")))
    problem = caught.value.problems[0]
    assert problem.params["old"] == "0162 123 4567"
    assert problem.params["suggestion"] == "032 123 4567"
    assert problem.params["suggestion_number"] == "0321234567"
    assert "032 123 4567" in caught.value.render("vi")
    assert "Số điện thoại" in caught.value.render("vi")


def test_eleven_digit_id_message_says_how_many_were_typed(desk):
    with pytest.raises(ValidationError) as caught:
        desk.intake.register_visit(visit(who=citizen(id_number="001 085 01234")))
    assert caught.value.problems[0].params == {"length": 11}
    assert "12 chữ số" in caught.value.render("vi") and "11" in caught.value.render("vi")


def test_every_problem_is_reported_at_once(desk):
    before = counts(desk)
    with pytest.raises(ValidationError) as caught:
        desk.intake.register_visit(visit(when="2026-04-01", summary="", who=citizen(phone="0162 123 4567"),
                                         direction=DirectionDraft("refused"),
                                         cases=[case(field_code="weather")]))
    fields = {p.field for p in caught.value.problems}
    assert {"visit_date", "summary", "phone", "refusal_ground", "field_code"} <= fields
    rendered = caught.value.render("vi").splitlines()
    assert len(rendered) == len(caught.value.problems)
    assert counts(desk) == before


# -- accepted and normalised ---------------------------------------------------------------------

def test_passport_with_letters_is_accepted_and_uppercased(desk):
    result = desk.intake.register_visit(visit(who=citizen("John Smith", id_type="passport", id_number="c 1234567",
                                                          birth_year=None, gender=None)))
    person = row(desk, "citizens", result.citizen_uuid)
    assert (person["id_type"], person["id_number"]) == ("passport", "C1234567")
    assert row(desk, "visits", result.uuid)["id_number"] == "C1234567"
    assert result.warnings == []


def test_citizen_id_typed_with_separators_is_stored_as_digits(desk):
    result = desk.intake.register_visit(visit(who=citizen(id_number="001.085-012 345")))
    assert row(desk, "citizens", result.citizen_uuid)["id_number"] == "001085012345"


def test_cmnd_of_nine_digits_is_accepted(desk):
    result = desk.intake.register_visit(visit(who=citizen(id_type="cmnd", id_number="012 345 678")))
    assert row(desk, "citizens", result.citizen_uuid)["id_number"] == "012345678"


def test_other_paper_is_kept_as_typed(desk):
    result = desk.intake.register_visit(visit(who=citizen(id_type="other", id_number="Giấy khai sinh  số 123")))
    assert row(desk, "citizens", result.citizen_uuid)["id_number"] == "Giấy khai sinh số 123"


def test_citizen_without_any_paper_is_accepted(desk):
    result = desk.intake.register_visit(visit(who=no_paper("Lê Thị Hoa")))
    person = row(desk, "citizens", result.citizen_uuid)
    assert (person["id_type"], person["id_number"]) == ("none", None)


def test_century_digit_contradicting_birth_year_warns_and_saves(desk):
    # Digit 4 is 2 (a man born in the 2000s), but the year of birth typed is 1985.
    result = desk.intake.register_visit(visit(who=citizen(id_number="001285012345", birth_year=1985)))

    assert [w.code for w in result.warnings] == ["id.citizen_century"]
    warning = result.warnings[0]
    assert warning.warning and warning.field == "id_number"
    assert warning.params["birth_year"] == 1985
    text = warning.render("vi")
    assert "1985" in text and "{" not in text and "Số giấy tờ tùy thân" in text
    person = row(desk, "citizens", result.citizen_uuid)
    assert (person["id_number"], person["birth_year"]) == ("001285012345", 1985)
    assert desk.database.scalar("SELECT count(*) FROM visits") == 1


def test_gender_and_year_mismatches_are_warnings(desk):
    result = desk.intake.register_visit(visit(who=citizen(id_number="001185012345", birth_year=1986,
                                                          gender="male")))
    assert sorted(w.code for w in result.warnings) == ["id.citizen_birth_year", "id.citizen_gender"]
    assert desk.database.scalar("SELECT count(*) FROM visits") == 1


def test_unknown_province_prefix_is_a_warning(desk):
    result = desk.intake.register_visit(visit(who=citizen(id_number="999085012345")))
    assert [w.code for w in result.warnings] == ["id.citizen_province"]
    assert desk.database.scalar("SELECT count(*) FROM visits") == 1


@pytest.mark.parametrize("typed", ["+84912345678", "+84 912 345 678", "0912.345.678", "0084912345678",
                                   "(091) 234-5678"])
def test_phone_in_any_form_is_stored_nationally(desk, typed):
    result = desk.intake.register_visit(visit(who=citizen(phone=typed)))
    assert row(desk, "citizens", result.citizen_uuid)["phone"] == "0912345678"


def test_landline_is_accepted(desk):
    result = desk.intake.register_visit(visit(who=citizen(phone="024 3825 1234")))
    assert row(desk, "citizens", result.citizen_uuid)["phone"] == "02438251234"


def test_no_phone_is_stored_as_null(desk):
    result = desk.intake.register_visit(visit(who=citizen(phone="  ")))
    assert row(desk, "citizens", result.citizen_uuid)["phone"] is None


def test_refused_with_a_listed_ground_closes_the_case(desk):
    result = desk.intake.register_visit(visit(direction=DirectionDraft("refused", refusal_ground="weapons")))
    logged = row(desk, "visits", result.uuid)
    assert (logged["direction"], logged["refusal_ground"]) == ("refused", "weapons")
    opened = row(desk, "cases", result.case_uuids[0])
    assert (opened["status"], opened["closed_on"], opened["due_date"]) == ("closed", "2026-03-10", None)


def test_refusal_ground_is_dropped_for_another_direction(desk):
    result = desk.intake.register_visit(visit(direction=DirectionDraft("accepted", refusal_ground="weapons")))
    assert row(desk, "visits", result.uuid)["refusal_ground"] is None


def test_transfer_with_body_and_document_is_saved(desk):
    result = desk.intake.register_visit(visit(direction=DirectionDraft(
        "transferred", direction_body="Công an  tỉnh", direction_doc="Số: 12/CV-UBND", in_competence=False)))
    logged = row(desk, "visits", result.uuid)
    assert (logged["direction"], logged["direction_body"], logged["direction_doc"], logged["in_competence"]) == \
        ("transferred", "Công an tỉnh", "Số: 12/CV-UBND", 0)

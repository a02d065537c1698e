"""Finding a returning visitor by ID number, phone in any form, or folded name (and address)."""

from __future__ import annotations

import unicodedata

import pytest

from tests.services.helpers import CCCD, CCCD_2, case, citizen, letter, no_paper, visit


@pytest.fixture
def duc(desk):
    """Nguyễn Văn Đức, citizen ID 001085012345, phone 0912345678, two visits (one voided)."""
    first = desk.intake.register_visit(visit(when="2026-02-02"))
    second = desk.intake.register_visit(visit(when="2026-03-03", citizen_uuid=first.citizen_uuid))
    desk.voiding.void("visit", second.uuid, "Nhập nhầm ngày")
    return first.citizen_uuid


def _uuids(rows):
    return [r["uuid"] for r in rows]


@pytest.mark.parametrize("typed", [CCCD, "001 085 012 345", f" {CCCD} "])
def test_by_id_number(desk, duc, typed):
    found = desk.intake.find_returning(id_number=typed)
    assert _uuids(found) == [duc]
    assert found[0]["full_name"] == "Nguyễn Văn Đức"
    assert (found[0]["last_visit"], found[0]["visit_count"]) == ("2026-02-02", 1)  # the voided visit is left out


@pytest.mark.parametrize("typed", ["001.085.012.345", "001-085-012345"])
def test_by_id_number_typed_with_dots_or_dashes(desk, duc, typed):
    assert _uuids(desk.intake.find_returning(id_number=typed)) == [duc]


def test_by_passport_in_lower_case(desk):
    came = desk.intake.register_visit(visit(who=citizen("John Smith", id_type="passport", id_number="C1234567",
                                                        birth_year=None, gender=None, phone=None)))
    assert _uuids(desk.intake.find_returning(id_number="c1234567")) == [came.citizen_uuid]


@pytest.mark.parametrize("typed", ["0912345678", "0912 345 678", "0912.345.678", "+84 912 345 678", "+84912345678",
                                   "84912345678", "(091) 234-5678"])
def test_by_phone_in_any_form(desk, duc, typed):
    assert _uuids(desk.intake.find_returning(phone=typed)) == [duc]


def test_invalid_phone_finds_nothing(desk, duc):
    assert desk.intake.find_returning(phone="0162 123 4567") == []
    assert desk.intake.find_returning(phone="abc") == []


@pytest.mark.parametrize("typed", ["nguyen van duc", "Nguyễn Văn Đức", "NGUYỄN  VĂN  ĐỨC",
                                   unicodedata.normalize("NFD", "Nguyễn Văn Đức")])
def test_by_folded_name(desk, duc, typed):
    assert _uuids(desk.intake.find_returning(name=typed)) == [duc]


def test_name_must_match_whole(desk, duc):
    assert desk.intake.find_returning(name="nguyen van") == []


def test_by_name_and_address(desk, duc):
    assert _uuids(desk.intake.find_returning(name="nguyen van duc", address="tan thanh")) == [duc]
    assert _uuids(desk.intake.find_returning(name="nguyen van duc", address="Thôn 1")) == [duc]
    assert desk.intake.find_returning(name="nguyen van duc", address="Thôn 9") == []


def test_newest_visit_first_and_letters_only_last(desk):
    older = desk.intake.register_visit(visit(when="2026-01-10", who=no_paper("Lê Thị Hoa", address="Thôn 2")))
    newer = desk.intake.register_visit(visit(when="2026-03-01", who=no_paper("Lê Thị Hoà", address="Thôn 5")))
    desk.intake.register_letter(letter(citizen=no_paper("Lê Thị Hoa", address="Thôn 7"),
                                       new_case=None, case_uuid=older.case_uuids[0]))
    found = desk.intake.find_returning(name="le thi hoa")
    assert _uuids(found)[:2] == [newer.citizen_uuid, older.citizen_uuid]
    assert len(found) == 3
    assert (found[2]["last_visit"], found[2]["visit_count"]) == (None, 0)


def test_several_criteria_find_any_match(desk, duc):
    hoa = desk.intake.register_visit(visit(who=citizen("Lê Thị Hoa", id_number=CCCD_2, birth_year=1990,
                                                       gender="female", phone="0987654321")))
    found = desk.intake.find_returning(id_number=CCCD_2, phone="0912345678")
    assert sorted(_uuids(found)) == sorted([duc, hoa.citizen_uuid])


def test_protected_flag_is_returned(desk):
    came = desk.intake.register_visit(visit(who=no_paper("Hoàng Văn Tố"),
                                            cases=[case("denunciation", "corruption", "Tố cáo")]))
    assert desk.intake.find_returning(name="hoang van to")[0]["protected"] == 1
    assert desk.intake.find_returning(name="hoang van to")[0]["uuid"] == came.citizen_uuid


def test_nothing_asked_finds_nothing(desk, duc):
    assert desk.intake.find_returning() == []
    assert desk.intake.find_returning(id_number="  ", name="  ", phone="") == []


def test_a_very_common_name_gives_the_newest_namesakes_by_last_visit(desk, monkeypatch):
    from receptiondesk.services import intake

    monkeypatch.setattr(intake, "LOOKUP_CANDIDATES", 6)  # a province file has thousands; six show the rule
    came = [desk.intake.register_visit(visit(when=f"2026-02-{day:02d}", who=no_paper("Trần Văn An",
                                                                                    address=f"Thôn {day}")))
            for day in range(1, 11)]
    desk.intake.register_visit(visit(when="2026-03-09", who=no_paper("Trần Văn An", address="Thôn 3"),
                                     citizen_uuid=came[2].citizen_uuid))  # an old record, back yesterday
    found = desk.intake.find_returning(name="tran van an", phone="0912345678")
    assert len(found) == 6  # the six newest records by name, not all ten
    assert _uuids(found) == [c.citizen_uuid for c in reversed(came[4:])]
    found_by_address = desk.intake.find_returning(name="tran van an", address="Thôn 3")
    assert _uuids(found_by_address)[0] == came[2].citizen_uuid  # the address narrows it to the old record

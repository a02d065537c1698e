"""Tests of receptiondesk.domain.identity: ID papers, phone numbers and their messages."""

from __future__ import annotations

import csv
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from receptiondesk.domain.identity import (
    RENUMBERED_MOBILE_PREFIXES,
    IdPaperType,
    check_id_paper,
    check_phone,
    citizen_id_facts,
    format_phone,
)
from receptiondesk.errors import Problem, ValidationError, raise_for
from receptiondesk.messages import CATALOGUE, field_label, render_problem
from receptiondesk.messages import identity as identity_messages
from receptiondesk.paths import resource

CITIZEN = IdPaperType.CITIZEN_ID


def read_provinces() -> dict[str, str]:
    with resource("data", "provinces-pre-2025.csv").open(encoding="utf-8-sig", newline="") as f:
        return {row["citizen_id_prefix"]: row["province_name"] for row in csv.DictReader(f)}


PROVINCES = read_provinces()
KNOWN_PREFIXES = sorted(PROVINCES)
UNKNOWN_PREFIXES = sorted(f"{i:03d}" for i in range(1000) if f"{i:03d}" not in PROVINCES)


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if not p.warning]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.warning]


def digit_strings(n: int):
    return st.text(alphabet="0123456789", min_size=n, max_size=n)


# --- Paper types -----------------------------------------------------------------------------

def test_paper_type_values():
    assert [t.value for t in IdPaperType] == ["citizen_id", "cmnd", "passport", "other", "none"]
    assert IdPaperType("cmnd") is IdPaperType.CMND
    assert IdPaperType.PASSPORT == "passport"


def test_paper_type_may_be_given_as_string():
    assert check_id_paper("citizen_id", "001085012345") == ("001085012345", [])


def test_unknown_paper_type_is_an_error_on_the_type_field():
    number, problems = check_id_paper("driving_licence", "123")
    assert number is None
    assert codes(problems) == ["id.paper_type_unknown"]
    assert problems[0].field == "id_paper_type" and not problems[0].warning


# --- Citizen ID ------------------------------------------------------------------------------

def test_provinces_are_the_63_pre_2025_ones():
    assert len(PROVINCES) == 63
    assert PROVINCES["001"] == "Thành phố Hà Nội"
    assert PROVINCES["079"] == "Thành phố Hồ Chí Minh"


@pytest.mark.parametrize("typed", [
    "001085012345", "001 085 012 345", "001.085.012.345", "001-085-012-345", " 0010850 12345 ",
    "001\u00a0085\u2013012345",
])
def test_citizen_id_normalisation(typed):
    assert check_id_paper(CITIZEN, typed) == ("001085012345", [])


@given(st.sampled_from(KNOWN_PREFIXES), digit_strings(9))
def test_any_12_digits_with_a_known_prefix_has_no_problem(prefix, rest):
    number, problems = check_id_paper(CITIZEN, prefix + rest)
    assert number == prefix + rest
    assert problems == []


@given(st.sampled_from(KNOWN_PREFIXES), digit_strings(9))
def test_an_id_agrees_with_the_birth_year_and_gender_it_encodes(prefix, rest):
    number = prefix + rest
    facts = citizen_id_facts(number)
    assert facts is not None
    _, problems = check_id_paper(CITIZEN, number, birth_year=facts["birth_year"],
                                 gender=facts["gender"])
    assert problems == []


@given(st.text(alphabet="0123456789", min_size=1, max_size=30).filter(lambda s: len(s) != 12))
def test_citizen_id_of_the_wrong_length_is_an_error(number):
    _, problems = check_id_paper(CITIZEN, number)
    assert codes(errors(problems)) == ["id.citizen_length"]
    assert problems[0].params == {"length": len(number)}


@given(digit_strings(11))
def test_any_11_digit_citizen_id_is_an_error(number):
    _, problems = check_id_paper(CITIZEN, number)
    assert errors(problems)
    with pytest.raises(ValidationError):
        raise_for(problems)


@given(digit_strings(12), st.integers(0, 11),
       st.characters(categories=["Lu", "Ll"]))
def test_any_citizen_id_with_a_letter_is_an_error(number, position, letter):
    typed = number[:position] + letter + number[position + 1:]
    _, problems = check_id_paper(CITIZEN, typed)
    assert codes(errors(problems)) == ["id.citizen_digits"]


def test_citizen_id_with_letters_reports_the_bad_characters():
    number, problems = check_id_paper(CITIZEN, "C1234567")
    assert number == "C1234567"
    assert codes(problems) == ["id.citizen_digits"]
    assert problems[0].params["characters"] == "C"


@pytest.mark.parametrize("prefix", ["000", "003", "005", "099", "100", "999"])
def test_unknown_province_prefix_is_only_a_warning(prefix):
    number, problems = check_id_paper(CITIZEN, prefix + "085012345")
    assert number == prefix + "085012345"
    assert codes(problems) == ["id.citizen_province"]
    assert problems[0].warning
    assert problems[0].params == {"prefix": prefix}
    assert raise_for(problems) == problems


@given(st.sampled_from(UNKNOWN_PREFIXES), digit_strings(9))
def test_every_unknown_prefix_warns(prefix, rest):
    _, problems = check_id_paper(CITIZEN, prefix + rest)
    assert codes(problems) == ["id.citizen_province"] and problems[0].warning


@pytest.mark.parametrize("digit, century, gender", [
    ("0", 1900, "male"), ("1", 1900, "female"), ("2", 2000, "male"), ("3", 2000, "female"),
    ("4", 2100, "male"), ("5", 2100, "female"), ("6", 2200, "male"), ("7", 2200, "female"),
    ("8", 2300, "male"), ("9", 2300, "female"),
])
def test_citizen_id_facts_decode_century_and_gender(digit, century, gender):
    facts = citizen_id_facts(f"079{digit}07123456")
    assert facts == {
        "prefix": "079",
        "province_code": "79",
        "province_name": "Thành phố Hồ Chí Minh",
        "century": century,
        "gender": gender,
        "birth_year_digits": "07",
        "birth_year": century + 7,
    }


def test_citizen_id_facts_of_other_input():
    assert citizen_id_facts("003185012345")["province_name"] is None
    assert citizen_id_facts("001 085 012 345")["birth_year"] == 1985
    for bad in ("", None, "00108501234", "0010850123456", "C01085012345"):
        assert citizen_id_facts(bad) is None


def test_birth_year_mismatch_warns_with_expected_and_found():
    _, problems = check_id_paper(CITIZEN, "001085012345", birth_year=1986)
    assert codes(problems) == ["id.citizen_birth_year"]
    assert problems[0].warning
    assert problems[0].params["expected"] == "86"
    assert problems[0].params["found"] == "85"


def test_century_mismatch_warns():
    _, problems = check_id_paper(CITIZEN, "001285012345", birth_year=1985)
    assert codes(problems) == ["id.citizen_century"]
    assert problems[0].warning
    assert problems[0].params["expected"] == "1900–1999"
    assert problems[0].params["found"] == "2000–2099"


def test_gender_mismatch_warns():
    _, problems = check_id_paper(CITIZEN, "001185012345", gender="male")
    assert codes(problems) == ["id.citizen_gender"]
    assert problems[0].warning
    assert problems[0].params["expected"] == "male"
    assert problems[0].params["found"] == "female"
    assert check_id_paper(CITIZEN, "001185012345", gender="female")[1] == []
    assert check_id_paper(CITIZEN, "001185012345", gender="FEMALE")[1] == []


def test_unknown_gender_is_not_checked():
    for gender in (None, "", "other", "unknown"):
        assert check_id_paper(CITIZEN, "001185012345", gender=gender)[1] == []


def test_all_mismatches_are_reported_together_and_only_warn():
    _, problems = check_id_paper(CITIZEN, "003285012345", birth_year=1990, gender="female")
    assert sorted(codes(problems)) == sorted([
        "id.citizen_province", "id.citizen_century", "id.citizen_birth_year", "id.citizen_gender",
    ])
    assert all(p.warning for p in problems)


@given(st.sampled_from(KNOWN_PREFIXES), digit_strings(9), st.integers(1900, 2099),
       st.sampled_from(["male", "female"]))
def test_warnings_follow_the_encoded_facts(prefix, rest, birth_year, gender):
    number = prefix + rest
    facts = citizen_id_facts(number)
    _, problems = check_id_paper(CITIZEN, number, birth_year=birth_year, gender=gender)
    assert all(p.warning for p in problems)
    expected = set()
    if birth_year // 100 * 100 != facts["century"]:
        expected.add("id.citizen_century")
    if birth_year % 100 != int(facts["birth_year_digits"]):
        expected.add("id.citizen_birth_year")
    if gender != facts["gender"]:
        expected.add("id.citizen_gender")
    assert set(codes(problems)) == expected


def test_custom_field_name_is_used():
    _, problems = check_id_paper(CITIZEN, "123", field="guardian_id_number")
    assert problems[0].field == "guardian_id_number"


# --- Missing / none --------------------------------------------------------------------------

@pytest.mark.parametrize("paper", [IdPaperType.CITIZEN_ID, IdPaperType.CMND, IdPaperType.PASSPORT])
@pytest.mark.parametrize("number", [None, "", "   ", " - . "])
def test_missing_number_is_an_error(paper, number):
    assert check_id_paper(paper, number) == (None, [Problem("id.missing_number", "id_number")])


@pytest.mark.parametrize("number", [None, "", "  "])
def test_no_paper_without_number_is_fine(number):
    assert check_id_paper(IdPaperType.NONE, number) == (None, [])


def test_no_paper_with_a_number_is_an_error():
    number, problems = check_id_paper(IdPaperType.NONE, "001085012345")
    assert number is None
    assert codes(errors(problems)) == ["id.none_has_number"]


# --- CMND ------------------------------------------------------------------------------------

@given(digit_strings(9))
def test_any_9_digit_cmnd_is_accepted(number):
    spaced = f"{number[:3]} {number[3:6]}.{number[6:]}"
    assert check_id_paper(IdPaperType.CMND, spaced) == (number, [])


@given(st.text(alphabet="0123456789", min_size=1, max_size=15).filter(lambda s: len(s) != 9))
def test_cmnd_of_another_length_is_an_error(number):
    _, problems = check_id_paper(IdPaperType.CMND, number)
    assert codes(errors(problems)) == ["id.cmnd_format"]
    assert problems[0].params == {"length": len(number)}


@pytest.mark.parametrize("number", ["12345678A", "A12345678", "001085012345", "１２３４５６７８９"])
def test_cmnd_must_be_ascii_digits(number):
    assert codes(errors(check_id_paper(IdPaperType.CMND, number)[1])) == ["id.cmnd_format"]


# --- Passport --------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, expected", [
    ("C1234567", "C1234567"), ("b1234567", "B1234567"), ("N 1234567", "N1234567"),
    ("123456", "123456"), ("AB12CD34E", "AB12CD34E"),
])
def test_valid_passports(typed, expected):
    assert check_id_paper(IdPaperType.PASSPORT, typed) == (expected, [])


@pytest.mark.parametrize("typed", ["C1234", "ABCDEFG", "C123456789", "C123456/7", "Đ1234567",
                                   "C1234567890"])
def test_invalid_passports(typed):
    number, problems = check_id_paper(IdPaperType.PASSPORT, typed)
    assert codes(problems) == ["id.passport_format"]
    assert not problems[0].warning
    assert problems[0].params == {"length": len(number)}


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcxyz", min_size=1, max_size=12))
def test_passport_rule(typed):
    number, problems = check_id_paper(IdPaperType.PASSPORT, typed)
    assert number == typed.upper()
    valid = 6 <= len(typed) <= 9 and any(ch.isdigit() for ch in typed)
    assert (problems == []) == valid
    if not valid:
        assert codes(problems) == ["id.passport_format"]


# --- Other paper -----------------------------------------------------------------------------

def test_other_paper_keeps_its_text():
    typed = "  Giấy khai sinh   số 123/2001 "
    assert check_id_paper(IdPaperType.OTHER, typed) == ("Giấy khai sinh số 123/2001", [])


def test_other_paper_must_not_be_empty():
    assert codes(check_id_paper(IdPaperType.OTHER, "  ")[1]) == ["id.other_empty"]
    assert codes(check_id_paper(IdPaperType.OTHER, None)[1]) == ["id.other_empty"]


@given(st.integers(1, 80))
def test_other_paper_is_at_most_40_characters(length):
    _, problems = check_id_paper(IdPaperType.OTHER, "x" * length)
    if length <= 40:
        assert problems == []
    else:
        assert codes(errors(problems)) == ["id.other_too_long"]
        assert problems[0].params == {"length": length, "max": 40}


# --- Phones ----------------------------------------------------------------------------------

def test_renumbering_table_matches_the_2018_plan():
    expected = {
        "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078",
        "0123": "083", "0124": "084", "0125": "085", "0127": "081", "0129": "082",
        "0186": "056", "0188": "058", "0199": "059",
        **{f"016{d}": f"03{d}" for d in range(2, 10)},
    }
    assert RENUMBERED_MOBILE_PREFIXES == expected


def grouped_3_3_4(number: str) -> str:
    return f"{number[:3]} {number[3:6]} {number[6:]}"


@given(st.sampled_from(sorted(RENUMBERED_MOBILE_PREFIXES.items())), digit_strings(7),
       st.sampled_from(["national", "spaced", "+84", "84", "0084", "no-zero"]))
def test_every_renumbered_prefix_suggests_the_new_number(prefix_pair, last7, form):
    old_prefix, new_prefix = prefix_pair
    old = old_prefix + last7
    typed = {
        "national": old,
        "spaced": f"{old[:4]} {old[4:7]}.{old[7:]}",
        "+84": "+84 " + old[1:],
        "84": "84" + old[1:],
        "0084": "0084" + old[1:],
        "no-zero": old[1:],
    }[form]
    number, problems = check_phone(typed)
    assert number is None
    assert len(problems) == 1
    problem = problems[0]
    assert problem.code == "phone.renumbered" and not problem.warning
    assert problem.field == "phone"
    new = new_prefix + last7
    assert problem.params["suggestion"] == grouped_3_3_4(new)
    assert problem.params["old"].replace(" ", "") == old
    # The suggestion itself is a valid number today.
    assert check_phone(problem.params["suggestion"]) == (new, [])


def test_renumbered_example():
    _, problems = check_phone("0162 123 4567")
    assert problems[0].params["suggestion"] == "032 123 4567"
    _, problems = check_phone("01201234567")
    assert problems[0].params["suggestion"] == "070 123 4567"


# Mobile prefixes in use in which every 7-digit subscriber number is valid.
MOBILE_PREFIXES = ["032", "033", "034", "035", "036", "037", "038", "039", "056", "058", "059",
                   "070", "076", "077", "078", "079", "081", "082", "083", "084", "085", "086",
                   "087", "088", "090", "091", "092", "093", "094", "096", "097", "098"]


@given(st.sampled_from(MOBILE_PREFIXES), digit_strings(7))
def test_mobile_forms_normalise_equal(prefix, last7):
    national = prefix + last7
    forms = [
        national,
        f"{national[:4]} {national[4:7]} {national[7:]}",
        f"{national[:4]}.{national[4:7]}.{national[7:]}",
        f"{national[:4]}-{national[4:7]}-{national[7:]}",
        "+84" + national[1:],
        f"+84 {national[1:4]} {national[4:7]} {national[7:]}",
        "84" + national[1:],
        "(+84) " + national[1:],
        "0084" + national[1:],
    ]
    for typed in forms:
        assert check_phone(typed) == (national, []), typed
    assert format_phone(national) == f"{national[:4]} {national[4:7]} {national[7:]}"


@pytest.mark.parametrize("typed, expected, shown", [
    ("024 3825 1234", "02438251234", "024 3825 1234"),
    ("(024) 3825-1234", "02438251234", "024 3825 1234"),
    ("+84 24 3825 1234", "02438251234", "024 3825 1234"),
    ("028.3822.1234", "02838221234", "028 3822 1234"),
    ("0912 345 678", "0912345678", "0912 345 678"),
])
def test_landlines_and_mobiles(typed, expected, shown):
    assert check_phone(typed) == (expected, [])
    assert format_phone(expected) == shown


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_empty_phone_is_fine(raw):
    assert check_phone(raw) == (None, [])


@pytest.mark.parametrize("typed", [
    "12345", "0521234567", "091234567", "09123456789", "0912 345 67a", "phone", "0912345678 ext 2",
    "++84912345678", "0201234567", "+84", "0", "1900 1234", "1800 1234", "1990000",
])
def test_invalid_phones_are_errors(typed):
    number, problems = check_phone(typed)
    assert number is None
    assert codes(problems) == ["phone.invalid"]
    assert not problems[0].warning and problems[0].field == "phone"


@given(st.text(alphabet="0123456789", min_size=1, max_size=7))
def test_short_numbers_are_invalid(typed):
    assert codes(check_phone(typed)[1]) == ["phone.invalid"]


@given(st.text(alphabet=st.characters(categories=["Lu", "Ll"]), min_size=1, max_size=3))
def test_phones_with_letters_are_invalid(letters):
    assert codes(check_phone("0912" + letters + "345678")[1]) == ["phone.invalid"]


def test_custom_phone_field():
    assert check_phone("123", field="contact_phone")[1][0].field == "contact_phone"


def test_foreign_number_in_international_form():
    assert check_phone("+1 650 253 0000") == ("+16502530000", [])
    assert format_phone("+16502530000").startswith("+1 ")


def test_format_phone_leaves_unknown_text_alone():
    assert format_phone("") == ""
    assert format_phone("12") == "12"


# --- Messages --------------------------------------------------------------------------------

def problems_for_every_code() -> list[Problem]:
    calls = [
        check_id_paper("bogus", "1"),
        check_id_paper(CITIZEN, ""),
        check_id_paper(CITIZEN, "00108501234"),
        check_id_paper(CITIZEN, "00108501234X"),
        check_id_paper(CITIZEN, "003285012345", birth_year=1990, gender="female"),
        check_id_paper(IdPaperType.CMND, "12345"),
        check_id_paper(IdPaperType.PASSPORT, "ABCDEFG"),
        check_id_paper(IdPaperType.OTHER, ""),
        check_id_paper(IdPaperType.OTHER, "x" * 41),
        check_id_paper(IdPaperType.NONE, "123"),
        check_phone("0912"),
        check_phone("0169 123 4567"),
    ]
    return [p for _, problems in calls for p in problems]


PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def test_every_identity_code_is_used_and_has_both_languages():
    used = {p.code for p in problems_for_every_code()}
    defined = {code for code in identity_messages.MESSAGES if not code.startswith("field.")}
    assert used == defined
    for code, entry in identity_messages.MESSAGES.items():
        assert set(entry) == {"vi", "en"}, code
        assert CATALOGUE[code] == entry


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_rendered_messages_name_the_field_and_are_fully_formatted(lang):
    for problem in problems_for_every_code():
        text = render_problem(problem, lang)
        label = field_label(problem.field, lang)
        assert text.startswith(label + ": "), text
        assert not PLACEHOLDER.search(text), text
        assert problem.code not in text


def test_field_labels():
    assert field_label("id_number", "vi") == "Số giấy tờ tùy thân"
    assert field_label("id_number", "en") == "ID number"
    assert field_label("phone", "vi") == "Số điện thoại"
    for name in ("id_number", "id_paper_type", "phone", "birth_year", "gender"):
        assert field_label(name, "vi") != name
        assert field_label(name, "en") != name


def test_vietnamese_messages_read_as_expected():
    _, problems = check_id_paper(CITIZEN, "00108501234")
    assert render_problem(problems[0], "vi") == (
        "Số giấy tờ tùy thân: Số căn cước phải có đúng 12 chữ số (đã nhập 11).")
    _, problems = check_phone("0162 123 4567")
    vi = render_problem(problems[0], "vi")
    assert "0162 123 4567" in vi and "032 123 4567" in vi
    _, problems = check_id_paper(CITIZEN, "001185012345", gender="male")
    assert "nữ" in render_problem(problems[0], "vi")
    assert "female" in render_problem(problems[0], "en")

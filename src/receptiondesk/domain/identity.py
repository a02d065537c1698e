"""Identity papers and phone numbers: validation, normalisation and display.

Pure apart from reading the bundled pre-2025 province list once, on first use.
"""

from __future__ import annotations

import csv
import functools
import re
from enum import StrEnum
from typing import Any

import phonenumbers

from receptiondesk.domain.text import clean_line
from receptiondesk.errors import Problem
from receptiondesk.paths import resource

__all__ = [
    "OTHER_PAPER_MAX_LENGTH",
    "RENUMBERED_MOBILE_PREFIXES",
    "IdPaperType",
    "check_id_paper",
    "check_phone",
    "citizen_id_facts",
    "format_phone",
    "normalise_id_number",
]


class IdPaperType(StrEnum):
    """The kind of identity paper a citizen shows (none is allowed: an ID is not mandatory)."""

    CITIZEN_ID = "citizen_id"  # 12-digit căn cước / căn cước công dân (CCCD)
    CMND = "cmnd"  # old 9-digit chứng minh nhân dân
    PASSPORT = "passport"
    OTHER = "other"  # any other paper, e.g. a birth certificate; free text
    NONE = "none"


OTHER_PAPER_MAX_LENGTH = 40

# Separators people type inside ID numbers: whitespace, dots and dashes of every width.
_ID_SEPARATORS = re.compile(r"[\s.\-\u2010\u2011\u2012\u2013\u2014\u2212]+")
_ASCII_DIGITS = re.compile(r"[0-9]+")
_PASSPORT = re.compile(r"(?=[A-Z]*[0-9])[A-Z0-9]{6,9}")

_MALE, _FEMALE = "male", "female"
_GENDER_VI = {_MALE: "nam", _FEMALE: "nữ"}


@functools.cache
def _provinces() -> dict[str, tuple[str, str]]:
    """citizen-ID prefix ("001") → (province code, province name), pre-2025 provinces."""
    path = resource("data", "provinces-pre-2025.csv")
    with path.open(encoding="utf-8-sig", newline="") as f:
        return {
            row["citizen_id_prefix"].strip(): (row["province_code"].strip(),
                                               clean_line(row["province_name"]))
            for row in csv.DictReader(f)
        }


def normalise_id_number(number: str | None) -> str:
    """`number` without spaces, dots or dashes (NFC, case kept)."""
    return _ID_SEPARATORS.sub("", clean_line(number))


def _century_range(start: int) -> str:
    return f"{start}–{start + 99}"


def citizen_id_facts(number: str | None) -> dict[str, Any] | None:
    """What a 12-digit citizen ID says about its holder, for display; None if not 12 digits.

    Keys: prefix ("001"), province_code ("01", or None if unknown), province_name (or None),
    century (first year of the birth century, e.g. 1900), gender ("male"/"female"),
    birth_year_digits ("85") and birth_year (1985).
    """
    digits = normalise_id_number(number)
    if len(digits) != 12 or not _ASCII_DIGITS.fullmatch(digits):
        return None
    prefix = digits[:3]
    province = _provinces().get(prefix)
    code = int(digits[3])
    century = 1900 + 100 * (code // 2)
    return {
        "prefix": prefix,
        "province_code": province[0] if province else None,
        "province_name": province[1] if province else None,
        "century": century,
        "gender": _FEMALE if code % 2 else _MALE,
        "birth_year_digits": digits[4:6],
        "birth_year": century + int(digits[4:6]),
    }


def _check_citizen_id(number: str, birth_year: int | None, gender: str | None,
                      field: str) -> list[Problem]:
    non_digits = sorted({ch for ch in number if not ("0" <= ch <= "9")})
    if non_digits:
        return [Problem("id.citizen_digits", field,
                        {"length": len(number), "characters": " ".join(non_digits)})]
    if len(number) != 12:
        return [Problem("id.citizen_length", field, {"length": len(number)})]

    facts = citizen_id_facts(number)
    assert facts is not None
    problems: list[Problem] = []
    if facts["province_code"] is None:
        problems.append(Problem("id.citizen_province", field, {"prefix": facts["prefix"]},
                                warning=True))
    if birth_year is not None:
        expected_century = (birth_year // 100) * 100
        if expected_century != facts["century"]:
            problems.append(Problem("id.citizen_century", field, {
                "expected": _century_range(expected_century),
                "found": _century_range(facts["century"]),
                "birth_year": birth_year,
                "digit": number[3],
            }, warning=True))
        if f"{birth_year % 100:02d}" != facts["birth_year_digits"]:
            problems.append(Problem("id.citizen_birth_year", field, {
                "expected": f"{birth_year % 100:02d}",
                "found": facts["birth_year_digits"],
                "birth_year": birth_year,
            }, warning=True))
    entered_gender = str(gender).strip().lower() if gender is not None else None
    if entered_gender in _GENDER_VI and entered_gender != facts["gender"]:
        problems.append(Problem("id.citizen_gender", field, {
            "expected": entered_gender,
            "found": facts["gender"],
            "expected_vi": _GENDER_VI[entered_gender],
            "found_vi": _GENDER_VI[facts["gender"]],
            "digit": number[3],
        }, warning=True))
    return problems


def check_id_paper(
    paper_type: IdPaperType | str,
    number: str | None,
    *,
    birth_year: int | None = None,
    gender: str | None = None,
    field: str = "id_number",
) -> tuple[str | None, list[Problem]]:
    """Check an identity paper number; return (normalised number, problems).

    The number loses spaces, dots and dashes (passports are uppercased; an "other" paper is only
    trimmed). It is None for NONE or an empty number, and is returned even when there are
    errors. Mismatches between a citizen ID and the entered birth year or gender ("male" /
    "female") are warnings: the paper may be right and the form wrong.
    """
    try:
        kind = IdPaperType(paper_type)
    except ValueError:
        return None, [Problem("id.paper_type_unknown", "id_paper_type",
                              {"value": str(paper_type)})]

    if kind is IdPaperType.OTHER:
        text = clean_line(number)
        if not text:
            return None, [Problem("id.other_empty", field)]
        if len(text) > OTHER_PAPER_MAX_LENGTH:
            return text, [Problem("id.other_too_long", field,
                                  {"length": len(text), "max": OTHER_PAPER_MAX_LENGTH})]
        return text, []

    compact = normalise_id_number(number)
    if kind is IdPaperType.NONE:
        if compact:
            return None, [Problem("id.none_has_number", field)]
        return None, []
    if not compact:
        return None, [Problem("id.missing_number", field)]

    if kind is IdPaperType.CITIZEN_ID:
        return compact, _check_citizen_id(compact, birth_year, gender, field)
    if kind is IdPaperType.CMND:
        if len(compact) != 9 or not _ASCII_DIGITS.fullmatch(compact):
            return compact, [Problem("id.cmnd_format", field, {"length": len(compact)})]
        return compact, []
    # PASSPORT
    compact = compact.upper()
    if not _PASSPORT.fullmatch(compact):
        return compact, [Problem("id.passport_format", field, {"length": len(compact)})]
    return compact, []


# --- Phones -----------------------------------------------------------------------------------

#: 2018 renumbering of 11-digit mobiles: old 4-digit prefix → new 3-digit prefix; the last
#: 7 digits are kept.
RENUMBERED_MOBILE_PREFIXES: dict[str, str] = {
    # MobiFone
    "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078",
    # VinaPhone
    "0123": "083", "0124": "084", "0125": "085", "0127": "081", "0129": "082",
    # Viettel
    "0162": "032", "0163": "033", "0164": "034", "0165": "035", "0166": "036",
    "0167": "037", "0168": "038", "0169": "039",
    # Vietnamobile
    "0186": "056", "0188": "058",
    # Gmobile
    "0199": "059",
}

_PHONE_SEPARATORS = re.compile(r"[\s.\-\u2010\u2011\u2012\u2013\u2014\u2212()]+")
_PHONE_CHARS = re.compile(r"\+?[0-9]+")
# A citizen's own phone: mobiles and landlines, not service numbers (1800, 1900...).
_PERSONAL_NUMBER_TYPES = frozenset({
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
})


def _group(digits: str, *sizes: int) -> str:
    parts, start = [], 0
    for size in sizes:
        parts.append(digits[start:start + size])
        start += size
    return " ".join(parts)


def _old_mobile(compact: str) -> str | None:
    """The old 11-digit national number if `compact` is a pre-2018 01xx mobile, else None."""
    for international in ("+84", "0084"):
        if compact.startswith(international):
            national = "0" + compact[len(international):].removeprefix("0")
            break
    else:
        if compact.startswith("84") and len(compact) == 12:
            national = "0" + compact[2:]
        elif compact.startswith("1") and len(compact) == 10:
            national = "0" + compact
        else:
            national = compact
    if len(national) == 11 and national[:4] in RENUMBERED_MOBILE_PREFIXES:
        return national
    return None


def check_phone(raw: str | None, field: str = "phone") -> tuple[str | None, list[Problem]]:
    """Check a phone number; return (normalised number, problems).

    Vietnamese numbers are returned in national form ("0912345678", "02438251234") whether
    typed nationally or with +84; a number from another country, typed with + or 00, is
    returned in E.164 form ("+16502530000"). Old 01xx mobiles renumbered in 2018 are an
    error that suggests the new number; Vietnamese service numbers (1800..., 1900...) are
    not a citizen's phone and are invalid. The number is None if empty or on any error.
    """
    text = clean_line(raw)
    if not text:
        return None, []
    compact = _PHONE_SEPARATORS.sub("", text)
    if not _PHONE_CHARS.fullmatch(compact):
        return None, [Problem("phone.invalid", field)]

    old = _old_mobile(compact)
    if old is not None:
        new = RENUMBERED_MOBILE_PREFIXES[old[:4]] + old[4:]
        return None, [Problem("phone.renumbered", field, {
            "old": _group(old, 4, 3, 4),
            "suggestion": _group(new, 3, 3, 4),
            "suggestion_number": new,
        })]

    try:
        parsed = phonenumbers.parse(compact, "VN")
    except phonenumbers.NumberParseException:
        return None, [Problem("phone.invalid", field)]
    if not phonenumbers.is_valid_number(parsed):
        return None, [Problem("phone.invalid", field)]
    if phonenumbers.region_code_for_number(parsed) == "VN":
        if phonenumbers.number_type(parsed) not in _PERSONAL_NUMBER_TYPES:
            return None, [Problem("phone.invalid", field)]
        national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
        return re.sub(r"[^0-9]", "", national), []
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164), []


def format_phone(national: str | None) -> str:
    """A stored phone number grouped for display: "0912 345 678", "024 3825 1234",
    "+1 650-253-0000". Anything unparseable is returned as it is."""
    text = clean_line(national)
    if not text:
        return ""
    try:
        parsed = phonenumbers.parse(text, "VN")
    except phonenumbers.NumberParseException:
        return text
    if not phonenumbers.is_valid_number(parsed):
        return text
    if phonenumbers.region_code_for_number(parsed) == "VN":
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

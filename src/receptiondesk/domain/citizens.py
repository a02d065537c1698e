"""Citizens and organisations who come to the desk or write to it, and the validation of their details."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from receptiondesk.domain.identity import IdPaperType, check_id_paper, check_phone
from receptiondesk.domain.text import clean_line, fold, name_sort_key
from receptiondesk.domain.values import parse_enum
from receptiondesk.errors import Problem

MAX_NAME_LENGTH = 120


class PartyKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"


@dataclass
class CitizenDraft:
    """What the officer types about the person (or organisation) at intake."""

    full_name: str
    kind: str = PartyKind.PERSON
    id_type: str = IdPaperType.NONE
    id_number: str | None = None
    birth_year: int | None = None
    gender: str | None = None
    phone: str | None = None
    address: str = ""


@dataclass(frozen=True)
class CitizenRecord:
    """A validated, normalised citizen ready to store."""

    kind: str
    full_name: str
    name_folded: str
    name_sort: str
    id_type: str
    id_number: str | None
    birth_year: int | None
    gender: str | None
    phone: str | None
    address: str
    address_folded: str


def validate_citizen(draft: CitizenDraft, *, today_year: int, problems: list[Problem]) -> CitizenRecord | None:
    """Normalise a citizen's details (NFC, collapsed spaces) and collect problems about them."""
    before = len([p for p in problems if not p.warning])
    kind = parse_enum(PartyKind, draft.kind or PartyKind.PERSON, "party_kind", problems)
    name = clean_line(draft.full_name)
    if not name:
        problems.append(Problem("value.required", "full_name"))
    elif len(name) > MAX_NAME_LENGTH:
        problems.append(Problem("value.too_long", "full_name", {"max": MAX_NAME_LENGTH}))
    gender = None
    if draft.gender:
        gender_value = parse_enum(Gender, draft.gender, "gender", problems)
        gender = gender_value.value if gender_value else None
    birth_year = draft.birth_year
    if isinstance(birth_year, str):  # typed in a form: blank means not given
        birth_year = birth_year.strip() or None
    if birth_year is not None:
        try:
            birth_year = int(birth_year)
        except (TypeError, ValueError):
            birth_year = 0  # not a number: reported as out of range
        if not 1900 <= birth_year <= today_year:
            problems.append(Problem("citizen.birth_year_range", "birth_year", {"max": today_year}))
            birth_year = None
    id_type = parse_enum(IdPaperType, draft.id_type or IdPaperType.NONE, "id_paper_type", problems)
    id_number = None
    if id_type is not None:
        id_number, id_problems = check_id_paper(id_type, draft.id_number, birth_year=birth_year, gender=gender)
        problems.extend(id_problems)
    phone, phone_problems = check_phone(draft.phone)
    problems.extend(phone_problems)
    address = clean_line(draft.address)
    if len([p for p in problems if not p.warning]) > before or kind is None or id_type is None:
        return None
    return CitizenRecord(
        kind=kind.value,
        full_name=name,
        name_folded=fold(name),
        name_sort=name_sort_key(name),
        id_type=id_type.value,
        id_number=id_number,
        birth_year=birth_year,
        gender=gender,
        phone=phone,
        address=address,
        address_folded=fold(address),
    )

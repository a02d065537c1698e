"""Plain data shared by every document (issuer, number, signer, citizen), NFC normalisation and checks.
The services fill these dataclasses; nothing here touches the database."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum, StrEnum
from typing import Any, TypeVar

from receptiondesk.domain.text import fold, fold_with_index
from receptiondesk.errors import UserError

T = TypeVar("T")

# Control characters ReportLab cannot draw (tabs and newlines are handled by the layout).
_DROP = dict.fromkeys(c for c in range(32) if chr(c) not in "\t\n")
_DROP.update({0x7F: None, 0x200B: None, 0x2060: None, 0xFEFF: None, 0x00AD: None})


def nfc(text: str) -> str:
    """`text` in NFC without control or zero-width characters: ReportLab draws NFD marks beside their letters."""
    return unicodedata.normalize("NFC", text).translate(_DROP)


def normalised(value: T) -> T:
    """A copy of `value` (dataclass, tuple, list, dict or str, nested) with every string in NFC."""
    if isinstance(value, StrEnum):
        return value
    if isinstance(value, str):
        return nfc(value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: normalised(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(normalised(v) for v in value)  # type: ignore[return-value]
    if isinstance(value, list):
        return [normalised(v) for v in value]  # type: ignore[return-value]
    if isinstance(value, dict):
        return {normalised(k): normalised(v) for k, v in value.items()}  # type: ignore[return-value]
    return value


def upper(text: str) -> str:
    """Vietnamese uppercase (Python's str.upper handles đ and every toned vowel), kept in NFC."""
    return nfc(text.upper())


def require(value: Any, code: str, **params: Any) -> None:
    """Raise UserError(code) when `value` is missing or blank."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise UserError(code, **params)


def require_value(value: Any, what: str) -> None:
    """Raise document.value_missing naming `what` (a Vietnamese label) when `value` is missing or blank."""
    require(value, "document.value_missing", what=what)


def require_order(earlier: date, later: date, earlier_what: str, later_what: str) -> None:
    """Raise document.date_order when `later` (e.g. the issue date) is before `earlier` (the date received)."""
    a = earlier.date() if isinstance(earlier, datetime) else earlier
    b = later.date() if isinstance(later, datetime) else later
    if b < a or (isinstance(earlier, datetime) and isinstance(later, datetime) and later < earlier):
        raise UserError("document.date_order", earlier=earlier_what, later=later_what,
                        earlier_date=_shown(earlier), later_date=_shown(later))


def _shown(value: date) -> str:
    if isinstance(value, datetime):
        return value.strftime("%H:%M %d/%m/%Y")
    return value.strftime("%d/%m/%Y")


def short_date(d: date) -> str:
    """dd/mm/yyyy, for dates inside the body text."""
    return d.strftime("%d/%m/%Y")


def clock_time(moment: datetime) -> str:
    """'9 giờ 05 phút' (hours unpadded, minutes padded), as forms write a time."""
    return f"{moment.hour} giờ {moment.minute:02d} phút"


class SignMode(StrEnum):
    """How the signer signs (Decree 30/2020, art. 13): in their own right, or for the head."""

    DIRECT = "direct"  # the head signs, or TM. <collective body> / <head's title>
    KT = "kt"          # deputy signs in place of the head: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH
    TL = "tl"          # by order of the head: TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG
    TUQ = "tuq"        # by the head's written authorisation: TUQ. CHỦ TỊCH / …


@dataclass(frozen=True)
class Issuer:
    """The body that issues the document, e.g. ("Ủy ban nhân dân", "xã Tân Thành").

    `name_lines` are in normal case (the header prints them in capitals, the body as written);
    `parent` is the body above (Party: "Đảng bộ tỉnh Ninh Bình"; state communes: usually none);
    `place` is the place name of the date line ("Tân Thành", "Phường Ba Đình"); `symbol` is the
    issuer's part of document numbers ("UBND", "ĐU"); `unit_code` is the commune code (QR code).
    """

    name_lines: tuple[str, ...]
    place: str
    symbol: str
    unit_code: str = ""
    parent: str = ""

    @property
    def name(self) -> str:
        """The issuer's name on one line, as written in the body."""
        return " ".join(line.strip() for line in self.name_lines if line.strip())

    @classmethod
    def commune_committee(cls, commune_type: str, commune_name: str, *, unit_code: str = "",
                          place: str | None = None) -> Issuer:
        """The commune People's Committee: "ỦY BAN NHÂN DÂN / XÃ TÂN THÀNH", numbers "…/TB-UBND"."""
        return cls(("Ủy ban nhân dân", f"{commune_type} {commune_name}"), place or _place(commune_type, commune_name),
                   "UBND", unit_code)

    @classmethod
    def commune_party_committee(cls, province_name: str, commune_type: str, commune_name: str, *,
                                unit_code: str = "", place: str | None = None) -> Issuer:
        """The commune Party committee under its province's: "ĐẢNG BỘ TỈNH … / ĐẢNG ỦY XÃ … / *", "…-TB/ĐU"."""
        parent = province_name if province_name.lower().startswith(("tỉnh", "thành phố")) else f"tỉnh {province_name}"
        return cls((f"Đảng ủy {commune_type} {commune_name}",), place or _place(commune_type, commune_name), "ĐU",
                   unit_code, parent=f"Đảng bộ {parent}")


    @classmethod
    def province_committee(cls, province_name: str, *, unit_code: str = "") -> Issuer:
        """The province's People's Committee: "ỦY BAN NHÂN DÂN / THÀNH PHỐ HÀ NỘI", dated "Hà Nội, ngày …"."""
        return cls(("Ủy ban nhân dân", province_name), province_place(province_name), "UBND", unit_code)

    @classmethod
    def province_party_committee(cls, province_name: str, *, unit_code: str = "") -> Issuer:
        """The province's Party committee: "THÀNH ỦY HÀ NỘI" / "TỈNH ỦY NGHỆ AN", numbers "…-TB/TU"."""
        return cls((province_party_committee(province_name),), province_place(province_name), "TU", unit_code)


def province_place(province_name: str) -> str:
    """"Hà Nội" from "Thành phố Hà Nội", "Nghệ An" from "Tỉnh Nghệ An": the place of a province's date line."""
    for prefix in ("Thành phố ", "Tỉnh "):
        if province_name.startswith(prefix):
            return province_name[len(prefix):]
    return province_name


def province_party_committee(province_name: str) -> str:
    """"Thành ủy Hà Nội" from "Thành phố Hà Nội", "Tỉnh ủy Nghệ An" from "Tỉnh Nghệ An"."""
    body = "Thành ủy" if province_name.startswith("Thành phố ") else "Tỉnh ủy"
    return f"{body} {province_place(province_name)}"


def _place(commune_type: str, commune_name: str) -> str:
    """Decree 30: a commune's place name is its name ("Tân Thành"); a ward keeps "Phường" ("Phường Ba Đình")."""
    if commune_type.strip().lower() == "xã":
        return commune_name
    return f"{commune_type.strip().capitalize()} {commune_name}"


@dataclass(frozen=True)
class DocumentNumber:
    """The number from the issuer's outgoing register and the document type's symbol ("TB", "BB", "GBN").

    `number=None` leaves the number blank, to be written in by hand from the register.
    """

    number: int | None
    type_code: str = "TB"


@dataclass(frozen=True)
class Signer:
    """Who signs and in which capacity.

    lines: ["<tm> <on_behalf_of>"] if on_behalf_of, then ["<kt|tl|tuq> <principal>"] unless DIRECT,
    then [title]; the format gives the prefixes ("TM."/"T/M"). Examples: TM. ỦY BAN NHÂN DÂN /
    CHỦ TỊCH; TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH; TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG;
    T/M BAN THƯỜNG VỤ / BÍ THƯ.
    """

    name: str
    title: str
    on_behalf_of: str = ""
    mode: SignMode = SignMode.DIRECT
    principal: str = ""


@dataclass(frozen=True)
class Person:
    """An official: full name and position ("Phó Chủ tịch Ủy ban nhân dân xã")."""

    name: str
    position: str = ""

    def described(self) -> str:
        return f"{self.name}, {self.position}" if self.position else self.name


@dataclass(frozen=True)
class Citizen:
    """A citizen as the forms print them. `protected=True` prints the masking label instead of every
    identifying detail (a denouncer: Law on Denunciations 2018, art. 47). `salutation` is "Ông" or "Bà"
    for letters ("Kính gửi: Ông …"); blank prints "Ông (bà)"."""

    name: str
    address: str = ""
    id_number: str = ""
    id_issued_on: date | None = None
    id_issued_by: str = ""
    phone: str = ""
    protected: bool = False
    salutation: str = ""


def cap_first(text: str) -> str:
    """`text` with its first letter in capitals ("công chức Tư pháp" → "Công chức Tư pháp")."""
    text = text.strip()
    return upper(text[:1]) + text[1:] if text else text


def citizen_ref(citizen: Citizen | None, mask: str, *, capital: bool = False, address: bool = False) -> str:
    """How a body text names a citizen: "ông Hoàng Văn Đức" / "bà …" / "ông (bà) …" (no salutation), with
    ", địa chỉ: …" if `address`; the masking label for a protected person (nothing else of theirs)."""
    if citizen is None:
        return ""
    if citizen.protected:
        return mask
    salutation = citizen.salutation.strip().lower() or "ông (bà)"
    text = f"{salutation} {citizen.name.strip()}"
    if address and citizen.address.strip():
        text += f", địa chỉ: {citizen.address.strip()}"
    return cap_first(text) if capital else text


# --- Content types ----------------------------------------------------------------------------------

CONTENT_TYPES = ("complaint", "denunciation", "petition", "report")


def content_type_code(value: Any) -> str:
    """The content type's code ("complaint", "denunciation", "petition", "report": the domain's ContentType
    values, or a member of it); anything else is a UserError naming the allowed values."""
    code = str(value.value if isinstance(value, Enum) else (value or "")).strip().lower()
    if code not in CONTENT_TYPES:
        raise UserError("document.content_type_unknown", value=str(value or ""), allowed=list(CONTENT_TYPES))
    return code


# --- A protected person's identity is never printed -------------------------------------------------

def _digit_pattern(digits: str, *, phone: bool) -> re.Pattern[str]:
    """Digits with any spaces, dots or dashes between them; a mobile number also in its +84 / 84 form."""
    sep = r"[\s.\-]*"
    if phone and digits.startswith("0") and len(digits) >= 9:
        head = r"(?:\+?84|0)" + sep
        digits = digits[1:]
    else:
        head = ""
    return re.compile(r"(?<!\d)" + head + sep.join(digits) + r"(?!\d)")


def _needles(people: Iterable[Citizen]) -> tuple[list[str], list[re.Pattern[str]]]:
    """What identifies the protected people: folded name, address and non-numeric ID; digit patterns."""
    texts: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    for c in people:
        for value in (c.name, c.address):
            folded = fold(value)
            if len(folded.replace(" ", "")) >= 2:
                texts.add(folded)
        for value, phone in ((c.id_number, False), (c.phone, True)):
            compact = re.sub(r"[\s.\-]", "", value)
            if compact.startswith("+84"):
                compact = "0" + compact[3:]
            if len(compact) >= 4 and compact.isdigit():
                patterns.append(_digit_pattern(compact, phone=phone))
            elif len(compact) >= 4:
                texts.add(fold(value))
    return sorted(texts, key=len, reverse=True), patterns


def redact(text: str, people: Iterable[Citizen], mask: str) -> str:
    """`text` with every mention of the protected people's name, address, ID number or phone replaced by
    `mask`: found in any Unicode form, in any case and with or without diacritics ("Vu Thi Hoa"), numbers
    also with spaces or dots between the digits and phones in their +84 form."""
    if not text:
        return text
    if mask and mask in text:  # a mask already there is left whole, even where it spells a protected name
        return mask.join(redact(part, people, mask) for part in text.split(mask))
    words, patterns = _needles(people)
    for pattern in patterns:
        text = pattern.sub(mask, text)
    for word in words:
        needle = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)")
        cursor = 0  # search after the last mask put in: a name that is a word of the mask ends the loop
        while True:
            folded, index = fold_with_index(text)
            begin = next((i for i, at in enumerate(index) if at >= cursor), len(folded))
            found = needle.search(folded, begin)
            if found is None:
                break
            start, end = index[found.start()], index[found.end() - 1] + 1
            text = text[:start] + mask + text[end:]
            cursor = start + len(mask)
    return nfc(text)


def protected_people(value: Any) -> list[Citizen]:
    """Every protected Citizen inside a dataclass tree."""
    found: list[Citizen] = []

    def walk(v: Any) -> None:
        if isinstance(v, Citizen):
            if v.protected:
                found.append(v)
        elif dataclasses.is_dataclass(v) and not isinstance(v, type):
            for f in dataclasses.fields(v):
                walk(getattr(v, f.name))
        elif isinstance(v, (tuple, list)):
            for item in v:
                walk(item)
        elif isinstance(v, dict):
            for item in v.values():
                walk(item)

    walk(value)
    return found


def protect(value: T, mask: str) -> T:
    """A copy of `value` (a dataclass tree) that holds no protected person's identity: each protected Citizen
    becomes Citizen(mask, protected=True) and every text outside a Citizen is passed through `redact` (a name,
    ID or phone typed into a summary or a recipients line). Renderers print, and hash for the QR code, this
    copy."""
    protected = protected_people(value)
    if not protected:
        return value
    # A person already masked (the services pass the mask for anyone the user may not see) has nothing to redact.
    people = [p for p in protected if (p.name != mask and p.name) or p.address or p.id_number or p.phone]

    def walk(v: Any) -> Any:
        if isinstance(v, Citizen):  # another citizen's own details are theirs: a shared village is no leak
            return Citizen(mask, protected=True) if v.protected else v
        if isinstance(v, Enum):
            return v
        if isinstance(v, str):
            return redact(v, people, mask) if people else v
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            return dataclasses.replace(v, **{f.name: walk(getattr(v, f.name)) for f in dataclasses.fields(v) if f.init})
        if isinstance(v, tuple):
            return tuple(walk(item) for item in v)
        if isinstance(v, list):
            return [walk(item) for item in v]
        if isinstance(v, dict):
            return {k: walk(item) for k, item in v.items()}
        return v

    return walk(value)

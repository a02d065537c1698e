"""Plain data shared by every document (issuer, number, signer, citizen), NFC normalisation and checks.
The services fill these dataclasses; nothing here touches the database."""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

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
    identifying detail (a denouncer: Law on Denunciations 2018, art. 47)."""

    name: str
    address: str = ""
    id_number: str = ""
    id_issued_on: date | None = None
    id_issued_by: str = ""
    phone: str = ""
    protected: bool = False

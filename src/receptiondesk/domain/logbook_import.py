"""One row of an old logbook (already read from Excel and converted to Unicode) turned into a visit's details:
dates typed every way officers type them, the content type and direction recognised from the words they wrote,
names, ID papers and phones through the core validators. Warnings stay on the row; a row that cannot be a visit
is skipped with its reason."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from receptiondesk.domain.cases import ContentType, Direction
from receptiondesk.domain.identity import IdPaperType, check_id_paper, check_phone
from receptiondesk.domain.text import clean_line, clean_paragraphs, fold
from receptiondesk.errors import Problem

#: Excel's day 0 (serial numbers count days from it; 60 is the 29/02/1900 that never was).
EXCEL_EPOCH = date(1899, 12, 30)
#: Serial numbers taken as dates: 1 January 1980 to 31 December 2100.
SERIAL_RANGE = (29221, 73415)
EARLIEST_VISIT = date(1990, 1, 1)
MAX_HEADCOUNT = 100_000

_DATE_TEXT = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})\s*$")
_ISO_TEXT = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMBER = re.compile(r"^\s*(\d+)(?:[.,]0+)?\s*$")
#: "UBND huyện (văn bản số 12/UBND)": a body and its document number, as the logbook export writes them.
_WITH_DOCUMENT = re.compile(r"^(?P<body>.*?)\s*\((?:văn bản số|document no\.)\s*(?P<number>[^)]+)\)\s*$", re.I)
_TRUE_MARKS = frozenset({"x", "v", "có", "co", "1", "✓", "✔", "yes", "c"})

#: Words officers write for each content type, folded (no diacritics, lower case), whole words or abbreviations.
_CONTENT_WORDS: tuple[tuple[ContentType, tuple[str, ...]], ...] = (
    (ContentType.COMPLAINT, ("khieu nai", "kn", "k/n", "khieu kien")),
    (ContentType.DENUNCIATION, ("to cao", "tc", "t/c")),
    (ContentType.PETITION, ("kien nghi", "kng", "de nghi", "kien nghi, de nghi", "yeu cau", "kien nghi phan anh")),
    (ContentType.REPORT, ("phan anh", "pa", "p/a")),
)
#: Fields guessed from the summary's words (folded), first match wins; else "other".
_FIELD_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("corruption", ("tham nhung", "nhan hoi lo", "nhan tien", "tieu cuc")),
    ("land", ("dat", "giay chung nhan", "so do", "thu hoi", "boi thuong", "giai phong mat bang", "ranh gioi")),
    ("housing_construction", ("nha o", "xay dung", "xay nha", "cong trinh", "lan chiem")),
    ("social_policy", ("che do", "chinh sach", "tro cap", "bao hiem", "nguoi co cong", "ho ngheo", "luong")),
    ("finance_fees", ("thue", "phi", "le phi", "tai chinh", "dong gop")),
    ("environment", ("moi truong", "o nhiem", "rac", "nuoc thai", "tieng on", "khoi bui")),
    ("justice", ("ho tich", "khai sinh", "chung thuc", "tu phap", "hon nhan")),
    ("party_mass", ("dang vien", "doan the", "chi bo", "mat tran")),
)
#: The directions the logbook names in its notes column (how the export writes them), folded.
_NOTED_DIRECTIONS = {"tra loi ngay": Direction.ANSWERED, "luu don": Direction.FILED,
                     "tu choi tiep": Direction.REFUSED}


@dataclass
class ParsedRow:
    """A logbook row as a visit's details; `problems` holds its warnings, `skip` the reason it cannot be a visit."""

    number: int
    logbook_no: int | None = None
    visit_date: date | None = None
    full_name: str = ""
    address: str = ""
    id_type: str = IdPaperType.NONE
    id_number: str | None = None
    phone: str | None = None
    summary: str = ""
    content_types: tuple[str, ...] = ()
    field_code: str = "other"
    headcount: int = 1
    prior_handler: str = ""
    in_competence: bool = False
    direction: str = Direction.ANSWERED
    direction_body: str = ""
    direction_doc: str = ""
    followup: str = ""
    notes: str = ""
    problems: list[Problem] = field(default_factory=list)
    skip: Problem | None = None

    def warn(self, code: str, column: str | None = None, **params: Any) -> None:
        self.problems.append(Problem(code, column, params, warning=True))


def as_text(value: Any) -> str:
    """A cell as one clean line of text (numbers without a trailing .0)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_line(str(value))


def parse_date(value: Any, *, today: date) -> date | None:
    """A date cell: a real date, an Excel serial number, or text as dd/mm/yyyy, d/m/yy, dd-mm-yyyy, dd.mm.yyyy or
    yyyy-mm-dd; a two-digit year is the latest year ending so that is not after today. None if it is not one."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if SERIAL_RANGE[0] <= value <= SERIAL_RANGE[1]:
            return EXCEL_EPOCH + timedelta(days=int(value))
        return None
    text = as_text(value)
    match = _DATE_TEXT.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            if len(match.group(3)) == 2:
                year += 2000 if 2000 + year <= today.year else 1900
            return date(year, month, day)
        match = _ISO_TEXT.match(text)
        if match:
            return date(*(int(g) for g in match.groups()))
        if _NUMBER.match(text):
            return parse_date(int(_NUMBER.match(text).group(1)), today=today)  # a serial typed as text
    except ValueError:
        return None
    return None


def content_types(text: str) -> tuple[str, ...]:
    """The content types named in a cell ("KN", "Khiếu nại, Tố cáo", "Đơn kiến nghị"…), in the order written."""
    folded = f" {re.sub(r'[^a-z0-9/]+', ' ', fold(text))} "
    found = []
    for kind, words in _CONTENT_WORDS:
        places = [folded.find(f" {w} ") for w in words if f" {w} " in folded]
        if places:
            found.append((min(places), kind.value))
    return tuple(kind for _, kind in sorted(found))


def guess_field(summary: str) -> str:
    """The field (lĩnh vực) a summary most likely belongs to, from its words; "other" when none fits."""
    folded = f" {re.sub(r'[^a-z0-9]+', ' ', fold(summary))} "
    for code, words in _FIELD_WORDS:
        if any(f" {w} " in folded for w in words):
            return code
    return "other"


def is_marked(value: Any) -> bool:
    """A tick in a yes/no column: "x", "có", "1", "✓"…"""
    return fold(as_text(value)) in _TRUE_MARKS or as_text(value) in _TRUE_MARKS


def _body_and_document(text: str) -> tuple[str, str]:
    match = _WITH_DOCUMENT.match(text)
    if match:
        return clean_line(match.group("body")), clean_line(match.group("number"))
    return text, ""


def _split_name_address(text: str) -> tuple[str, str]:
    """"Nguyễn Văn A, thôn 2, xã B" → the name (before the first comma or line break) and the address."""
    for separator in ("\n", ","):
        if separator in text:
            name, _, address = text.partition(separator)
            return clean_line(name), clean_line(address.replace("\n", ", "))
    return clean_line(text), ""


def _id_paper(raw: str, row: ParsedRow) -> None:
    """The paper's kind from the number's shape: 12 digits CCCD, 9 digits CMND, letters and digits a passport."""
    digits = re.sub(r"[\s.\-]", "", raw)
    if not digits:
        return
    kind = (IdPaperType.CITIZEN_ID if digits.isdigit() and len(digits) == 12 else
            IdPaperType.CMND if digits.isdigit() and len(digits) == 9 else
            IdPaperType.PASSPORT if re.fullmatch(r"[A-Za-z]\d{7,8}", digits) else IdPaperType.OTHER)
    number, problems = check_id_paper(kind, raw)
    if kind is IdPaperType.OTHER or any(not p.warning for p in problems):
        row.warn("excel_import.id_kept_as_other", "id_number", value=raw)
        kind, number = IdPaperType.OTHER, raw[:40]
    else:
        row.problems.extend(problems)
    row.id_type, row.id_number = kind.value, number


def parse_row(number: int, values: dict[str, Any], *, today: date, masks: tuple[str, ...]) -> ParsedRow:
    """Turn one row's cells (by logbook field, see `interchange.excel_logbook.LOGBOOK_FIELDS`) into a visit's
    details. `masks` are the texts that stand for a protected identity in exports: refused as names."""
    row = ParsedRow(number)
    row.visit_date = parse_date(values.get("visit_date"), today=today)
    if row.visit_date is None:
        raw = as_text(values.get("visit_date"))
        row.skip = Problem("excel_import.date_missing" if not raw else "excel_import.date_unreadable", "visit_date", {"value": raw})
        return row
    if not EARLIEST_VISIT <= row.visit_date <= today:
        row.skip = Problem("excel_import.date_out_of_range", "visit_date",
                           {"value": row.visit_date.strftime("%d/%m/%Y"), "today": today.strftime("%d/%m/%Y")})
        return row
    name, address = as_text(values.get("full_name")), as_text(values.get("address"))
    if values.get("name_address") not in (None, ""):
        combined = str(values["name_address"])
        name, address = _split_name_address(combined) if not name else (name, address or combined)
    if not name:
        row.skip = Problem("excel_import.name_missing", "full_name")
        return row
    if fold(name) in {fold(m) for m in masks} or name.startswith("[") and name.endswith("]"):
        row.skip = Problem("excel_import.masked_name", "full_name", {"value": name})
        return row
    row.full_name, row.address = name, address
    summary = clean_paragraphs(str(values.get("summary") or ""))
    if not summary:
        row.skip = Problem("excel_import.summary_missing", "summary")
        return row
    row.summary = summary
    _id_paper(as_text(values.get("id_number")), row)
    phone_value = values.get("phone")
    phone_text = as_text(phone_value)
    if isinstance(phone_value, (int, float)) and len(phone_text) == 9:  # a number cell lost its leading 0
        phone_text = f"0{phone_text}"
    if phone_text:
        phone, problems = check_phone(phone_text)
        if any(not p.warning for p in problems):
            row.warn("excel_import.phone_kept_in_notes", "phone", value=phone_text)
            row.notes = f"ĐT: {phone_text}"
        else:
            row.phone = phone
    kinds = content_types(as_text(values.get("content_type")))
    if not kinds:
        kinds = content_types(summary)[:1] or (ContentType.PETITION.value,)
        row.warn("excel_import.content_type_guessed", "content_type", value=as_text(values.get("content_type")),
                 guessed=kinds[0])
    row.content_types = kinds
    row.field_code = guess_field(summary)
    count_text = as_text(values.get("headcount"))
    if count_text:
        match = _NUMBER.match(count_text)
        if match and 1 <= int(match.group(1)) <= MAX_HEADCOUNT:
            row.headcount = int(match.group(1))
        else:
            row.warn("excel_import.headcount_unreadable", "headcount", value=count_text)
    logbook_text = as_text(values.get("logbook_no"))
    match = _NUMBER.match(logbook_text)
    if match and int(match.group(1)) >= 1:
        row.logbook_no = int(match.group(1))
    elif logbook_text:
        row.warn("excel_import.number_unreadable", "logbook_no", value=logbook_text)
    row.prior_handler = as_text(values.get("prior_handler"))[:300]
    row.followup = clean_paragraphs(str(values.get("followup") or ""))
    _direction(values, row)
    return row


def _direction(values: dict[str, Any], row: ParsedRow) -> None:
    """Accepted when "thuộc thẩm quyền" is ticked; guided or transferred when their column names a body; answered,
    filed or refused when the notes begin with it (as the export writes them); else answered, with a warning."""
    notes = clean_paragraphs(str(values.get("notes") or ""))
    guided, transferred = as_text(values.get("guided")), as_text(values.get("transferred"))
    first, _, rest = notes.partition(";")
    noted = _NOTED_DIRECTIONS.get(fold(first).strip())
    if is_marked(values.get("in_competence")):
        row.direction, row.in_competence = Direction.ACCEPTED, True
    elif guided or transferred:
        row.direction = Direction.GUIDED if guided else Direction.TRANSFERRED
        row.direction_body, row.direction_doc = _body_and_document(guided or transferred)
        row.direction_body = row.direction_body[:300]
        row.direction_doc = row.direction_doc[:100]
    elif noted is not None:
        row.direction, notes = noted, clean_line(rest)
    else:
        row.warn("excel_import.direction_assumed", "direction")
    row.notes = "; ".join(part for part in (row.notes, notes) if part)

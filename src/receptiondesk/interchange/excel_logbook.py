"""Old reception logbooks (Mẫu 03/TCD, DOMAIN §3) read from Excel or CSV files into neutral rows: no database,
no Qt.

`open_source` opens an .xlsx/.xlsm workbook (openpyxl, read-only) or a .csv file (UTF-8 with or without a BOM, or
Windows-1258; the delimiter sniffed among comma, semicolon and tab) and refuses clearly what it cannot read: an old
binary .xls, a password-protected workbook, a damaged file, a missing one. `guess_layout` finds a sheet's header
row under the title rows — one row, or two when a group title ("Hướng xử lý") spans sub-headers — skips a row of
column numbers "(1) (2) (3)…", and maps columns to the logbook fields of `LOGBOOK_FIELDS` by their titles. The
officer may correct the mapping (`SheetLayout.with_mapping`), and save it by header text for next time
(`mapping_by_header`, `apply_saved_mapping`). `read_rows` then yields each non-blank row's values by field: text in
NFC Unicode, converted from TCVN3 or VNI (`domain.legacy_text`) by the cell's font or by detection, whitespace
cleaned; dates, numbers and booleans as the workbook holds them (interpreting them is the importer's job).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import NamedTuple
from xml.etree.ElementTree import ParseError

from receptiondesk.domain.legacy_text import Encoding, convert_cell, decode_cp1258, sniff_csv_encoding, to_unicode
from receptiondesk.domain.text import clean_line, clean_paragraphs, fold
from receptiondesk.errors import Problem, UserError
from receptiondesk.interchange.spreadsheet import FORMULA_STARTS

__all__ = [
    "ESSENTIAL_FIELDS",
    "HEADER_SCAN_ROWS",
    "LOGBOOK_FIELDS",
    "Cell",
    "CellValue",
    "LogbookSource",
    "SheetLayout",
    "SourceRow",
    "apply_saved_mapping",
    "field_of_header",
    "guess_layout",
    "mapping_by_header",
    "open_source",
    "read_rows",
]

CellValue = str | int | float | bool | datetime | date | time | timedelta | None
Progress = Callable[[int], None]
Cancelled = Callable[[], bool]

#: The logbook's fields in the form's order, each with its Vietnamese column title.
LOGBOOK_FIELDS: tuple[tuple[str, str], ...] = (
    ("logbook_no", "STT"),
    ("visit_date", "Ngày tiếp"),
    ("name_address", "Họ tên, địa chỉ"),
    ("full_name", "Họ tên"),
    ("address", "Địa chỉ"),
    ("id_number", "Số CCCD/CMND/hộ chiếu"),
    ("phone", "Điện thoại"),
    ("summary", "Nội dung vụ việc"),
    ("content_type", "Phân loại"),
    ("headcount", "Số người"),
    ("prior_handler", "Cơ quan, đơn vị đã giải quyết"),
    ("in_competence", "Thuộc thẩm quyền"),
    ("guided", "Hướng dẫn"),
    ("transferred", "Chuyển đơn"),
    ("followup", "Theo dõi kết quả giải quyết"),
    ("notes", "Ghi chú"),
)
_LABELS = dict(LOGBOOK_FIELDS)
#: A sheet is a logbook when it has a date column, a name (or name and address) column and a summary column.
ESSENTIAL_FIELDS: tuple[tuple[str, ...], ...] = (("visit_date",), ("full_name", "name_address"), ("summary",))
#: The header row is looked for in this many first rows of a sheet.
HEADER_SCAN_ROWS = 30
#: A header row names at least this many fields (a title row names one at most).
MIN_HEADER_FIELDS = 2
#: `progress(rows_read)` is called, and `cancelled()` asked, every this many rows.
STEP = 1000
#: Header cells longer than this are sentences (a title, a note), not column titles.
MAX_HEADER_LENGTH = 120

#: The first bytes of an OLE2 compound file: an old .xls, or an .xlsx encrypted with a password.
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_XLS_STREAMS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))
_XLSX_SUFFIXES = (".xlsx", ".xlsm")
_CSV_DELIMITERS = (",", ";", "\t")
_CSV_SNIFF_LINES = 50

#: Text fields whose line breaks mean something (a name on one line and the address on the next, a long summary);
#: the others are cleaned to one line.
_MULTILINE_FIELDS = frozenset({"name_address", "address", "summary", "prior_handler", "guided", "transferred",
                               "followup", "notes"})


# --- Header synonyms ---------------------------------------------------------------------------------------------
# Patterns over the folded header text (no diacritics, lower case, every run of punctuation one space), tried in
# this order: the most specific first ("Họ tên, địa chỉ" before "Họ tên"; "Phân loại (nội dung)" before "Nội dung").

_SYNONYMS: tuple[tuple[str, str], ...] = (
    ("name_address", r"(?=.*\bho (va )?ten\b)(?=.*\bdia chi\b)|\bnguoi (duoc tiep|den)\b.*\bdia chi\b"),
    ("id_number", r"\b(cccd|cmnd|cmt|can cuoc|chung minh|ho chieu|giay to tuy than|dinh danh)\b"),
    ("phone", r"\b(dien thoai|sdt|so dt|dtdd|di dong)\b|^dt$"),
    ("headcount", r"^so (luong )?(nguoi|luot nguoi)\b|^(nguoi|so nguoi den)$"),
    ("content_type", r"\bphan loai\b|^loai\b|^tinh chat\b"),
    ("prior_handler", r"\bda (duoc )?(giai quyet|xu ly)\b"),
    ("in_competence", r"\btham quyen\b"),
    ("guided", r"\bhuong dan\b"),
    ("transferred", r"\bchuyen (don|den|co quan|giai quyet)\b|^chuyen$"),
    ("followup", r"\btheo doi\b|\bket qua\b"),
    ("notes", r"^ghi chu\b"),
    ("logbook_no", r"^(stt|tt|so tt|so thu tu|thu tu|so)$"),
    ("visit_date", r"^(ngay|thoi gian)( thang)?( nam)?( (tiep|den|tiep nhan|tiep cong dan)\b.*)?$"),
    ("full_name", r"\bho (va )?ten\b|^(nguoi (duoc tiep|den|khieu nai|to cao)|cong dan|ten cong dan|ten)$"),
    ("address", r"\bdia chi\b|\b(noi cu tru|noi o|cho o|thuong tru)\b"),
    ("summary", r"\bnoi dung\b|\btom tat\b|\bsu viec\b|\bvu viec\b"),
)
_COMPILED_SYNONYMS = tuple((name, re.compile(pattern)) for name, pattern in _SYNONYMS)
_PUNCTUATION = re.compile(r"[^a-z0-9]+")
#: A cell of a column-numbers row: "(1)", "1", "(A)", "B".
_COLUMN_NUMBER = re.compile(r"^\(?\s*(\d{1,2}|[A-Za-z])\s*\)?$")
#: The first words of a subtotal row, in lower case with their diacritics ("Công ty", "Tống Văn An" are not):
#: "Tổng cộng", "Cộng", "Tổng số", alone or followed by a number, a colon or a period ("Cộng tháng 3"), but not
#: "Cộng hòa", "Cộng đồng dân cư…", "Cộng tác viên".
_SUBTOTAL = re.compile(r"^(tổng cộng|tổng số|tổng|cộng)\s*($|[:\-–(\d]|(tháng|quý|năm|lượt|cả|chung|toàn)\b)")
_SUBTOTAL_CELLS = 3
#: Text in a date column that is a date (or a serial number typed as text), for telling subtotal rows apart.
_DATE_LIKE = re.compile(r"\d\s*[/.\-]\s*\d|^\s*\d+(?:[.,]\d+)?\s*$")


def _header_key(text: str) -> str:
    return _PUNCTUATION.sub(" ", fold(text)).strip()


@lru_cache(maxsize=1024)
def field_of_header(text: str) -> str | None:
    """The logbook field a column title names (Unicode text), or None: "Họ tên, địa chỉ của người được tiếp" →
    "name_address", "Phân loại (nội dung)" → "content_type", "Số\\nngười" → "headcount"."""
    if len(text) > MAX_HEADER_LENGTH:
        return None
    key = _header_key(text)
    if not key:
        return None
    for name, pattern in _COMPILED_SYNONYMS:
        if pattern.search(key):
            return name
    return None


# --- Cells and text ----------------------------------------------------------------------------------------------

class Cell(NamedTuple):
    """One cell as the file holds it: its value, and its font's name (None in a CSV file or an empty cell)."""

    value: CellValue
    font: str | None = None


@lru_cache(maxsize=65536)
def _converted(text: str, font: str | None) -> tuple[str, Encoding]:
    """A cell's text in Unicode (NFC), and the encoding it was read in (cached: logbooks repeat their words)."""
    return convert_cell(text, font)


def _cell_text(cell: Cell) -> tuple[str, Encoding]:
    """A text cell converted to Unicode, one line; other values as text."""
    value = cell.value
    if isinstance(value, str):
        text, encoding = _converted(value, cell.font)
        return clean_line(text), encoding
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return ("" if value is None else str(value)), Encoding.UNICODE


def _is_blank(cells: list[Cell]) -> bool:
    for cell in cells:
        value = cell.value
        if value is not None and (not isinstance(value, str) or value.strip()):
            return False
    return True


# --- Sources -----------------------------------------------------------------------------------------------------

class LogbookSource:
    """An opened file: its name, the SHA-256 of its bytes, its sheets, and their rows. Use as a context manager
    (or call `close`)."""

    def __init__(self, path: Path, sha256: str, sheet_names: list[str]) -> None:
        self.path = path
        self.file_name = path.name
        self.sha256 = sha256
        self.sheet_names: tuple[str, ...] = tuple(sheet_names)

    def rows(self, sheet: str) -> Iterator[tuple[int, list[Cell]]]:
        """Every row of `sheet` in order, as (1-based row number, cells from column A); a row may be shorter than
        others, and an empty row may come as no cells at all."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the file."""

    def _check_sheet(self, sheet: str) -> None:
        if sheet not in self.sheet_names:
            raise KeyError(f"no sheet {sheet!r} in {self.file_name}; sheets: {', '.join(self.sheet_names)}")

    def __enter__(self) -> LogbookSource:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()


def _corrupt_errors() -> tuple[type[BaseException], ...]:
    """The exceptions a damaged or foreign file raises inside openpyxl (its parts are zip members and XML)."""
    from openpyxl.utils.exceptions import InvalidFileException

    errors: list[type[BaseException]] = [zipfile.BadZipFile, zlib.error, InvalidFileException, KeyError, ValueError,
                                         TypeError, IndexError, AttributeError, EOFError, ParseError, OSError]
    try:
        from lxml.etree import LxmlError
    except ImportError:
        pass
    else:
        errors.append(LxmlError)
    return tuple(errors)


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class _WorkbookSource(LogbookSource):
    """An .xlsx/.xlsm workbook read with openpyxl in read-only mode, cached values of formulas."""

    def __init__(self, path: Path, data: bytes) -> None:
        import openpyxl

        self._errors = _corrupt_errors()
        try:
            self._book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
            names = [sheet.title for sheet in self._book.worksheets]  # chart sheets have no cells
        except self._errors as exc:
            raise UserError("excel_import.corrupt", file=path.name, reason=_reason(exc)) from exc
        super().__init__(path, hashlib.sha256(data).hexdigest(), names)

    def rows(self, sheet: str) -> Iterator[tuple[int, list[Cell]]]:
        self._check_sheet(sheet)
        worksheet = self._book[sheet]
        worksheet.reset_dimensions()  # some programs write a wrong size; read every cell the sheet has
        number = 0
        try:
            for number, row in enumerate(worksheet.iter_rows(min_row=1), start=1):
                yield number, [Cell(c.value, c.font.name) if isinstance(c.value, str) else Cell(c.value)
                               for c in row]
        except self._errors as exc:
            raise UserError("excel_import.corrupt", file=self.file_name,
                            reason=f"{sheet}, {number + 1}: {_reason(exc)}") from exc

    def close(self) -> None:
        self._book.close()


class _CsvSource(LogbookSource):
    """A CSV file: one sheet named after the file, every value text."""

    def __init__(self, path: Path, data: bytes) -> None:
        if b"\x00" in data:
            raise UserError("excel_import.csv_not_text", file=path.name)
        try:
            codec = sniff_csv_encoding(data)
            self._text = decode_cp1258(data) if codec == "cp1258" else data.decode(codec)
        except (ValueError, UnicodeDecodeError) as exc:
            raise UserError("excel_import.csv_not_text", file=path.name) from exc
        self._delimiter = _sniff_delimiter(self._text)
        super().__init__(path, hashlib.sha256(data).hexdigest(), [path.stem or path.name])

    def rows(self, sheet: str) -> Iterator[tuple[int, list[Cell]]]:
        self._check_sheet(sheet)
        reader = csv.reader(io.StringIO(self._text, newline=""), delimiter=self._delimiter)
        try:
            for number, values in enumerate(reader, start=1):
                yield number, [Cell(_csv_value(value)) for value in values]
        except csv.Error as exc:
            raise UserError("excel_import.csv_not_text", file=self.file_name) from exc


def _csv_value(value: str) -> str | None:
    """A CSV field: None when empty; our own export's guard apostrophe before formula-like text removed."""
    if not value:
        return None
    if value.startswith("'") and value[1:2] and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines most regularly: the most frequent field count above one, times
    how many lines have it (commas inside "Họ tên, địa chỉ" do not outvote the semicolons of every line)."""
    sample = "\n".join(text.splitlines()[:_CSV_SNIFF_LINES])
    best, best_score = ",", 0
    for delimiter in _CSV_DELIMITERS:
        counts: dict[int, int] = {}
        try:
            for values in csv.reader(io.StringIO(sample), delimiter=delimiter):
                if len(values) > 1:
                    counts[len(values)] = counts.get(len(values), 0) + 1
        except csv.Error:
            continue
        score = max((width * lines for width, lines in counts.items()), default=0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _refuse_ole2(path: Path, data: bytes) -> UserError:
    """An OLE2 file named .xlsx: an old .xls renamed, or (most often, and by default) a password-protected
    workbook, whose encrypted package Excel wraps in an OLE2 file."""
    if _ENCRYPTED_STREAM not in data and any(stream in data for stream in _XLS_STREAMS):
        return UserError("excel_import.old_xls", file=path.name)
    return UserError("excel_import.encrypted", file=path.name)


def open_source(path: Path | str) -> LogbookSource:
    """Open a logbook file: .xlsx/.xlsm (openpyxl, read-only, cached formula values) or .csv.

    Raises UserError (message naming the file) for a missing or unreadable file, an old binary .xls, a
    password-protected workbook, a damaged or foreign file, a CSV that is not text, any other extension.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.exists():
        raise UserError("excel_import.file_missing", file=path.name, folder=str(path.parent))
    if suffix == ".xls":
        raise UserError("excel_import.old_xls", file=path.name)
    if suffix not in (*_XLSX_SUFFIXES, ".csv"):
        raise UserError("excel_import.unknown_type", file=path.name)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UserError("excel_import.file_missing", file=path.name, folder=str(path.parent)) from exc
    except OSError as exc:
        raise UserError("excel_import.file_unreadable", file=path.name, reason=exc.strerror or _reason(exc)) from exc
    if suffix == ".csv":
        return _CsvSource(path, data)
    if data.startswith(OLE2_MAGIC):
        raise _refuse_ole2(path, data)
    return _WorkbookSource(path, data)


# --- Layout ------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SheetLayout:
    """Where a sheet's logbook is: its header row (1-based; None when none was found), how many rows the header
    takes (1 or 2), the first data row, the column titles (as read, Unicode; "Group / Sub-header" under a
    group title) and `mapping`, 0-based column → logbook field."""

    sheet: str
    header_row: int | None
    first_data_row: int
    headers: tuple[str, ...] = ()
    mapping: dict[int, str] = field(default_factory=dict)
    header_rows: int = 1
    empty: bool = False

    @property
    def missing(self) -> tuple[str, ...]:
        """The essential fields (or alternatives, "full_name|name_address") no column is mapped to."""
        mapped = set(self.mapping.values())
        return tuple("|".join(group) for group in ESSENTIAL_FIELDS if not mapped.intersection(group))

    @property
    def problem(self) -> Problem | None:
        """Why the sheet is not a logbook (None when it is one)."""
        if self.empty:
            return Problem("excel_import.empty_sheet", None, {"sheet": self.sheet})
        if self.header_row is None:
            return Problem("excel_import.no_header", None, {"sheet": self.sheet, "rows": HEADER_SCAN_ROWS})
        if self.missing:
            labels = [" / ".join(f"“{_LABELS[name]}”" for name in group.split("|")) for group in self.missing]
            return Problem("excel_import.missing_columns", None, {"sheet": self.sheet, "missing": labels})
        return None

    @property
    def is_logbook(self) -> bool:
        """A header row was found and it has the essential columns: a date, a name, a summary."""
        return self.problem is None

    @property
    def reason(self) -> str:
        """Why the sheet is not a logbook, in Vietnamese ("" when it is one); `problem.render("en")` in English."""
        problem = self.problem
        return problem.render("vi") if problem is not None else ""

    def field_columns(self) -> dict[str, int]:
        """Logbook field → 0-based column."""
        return {name: column for column, name in self.mapping.items()}

    def with_mapping(self, mapping: Mapping[int, str | None]) -> SheetLayout:
        """The layout with the officer's mapping (column → field; None or "" leaves a column out). A field given
        to two columns is refused (UserError naming both columns); an unknown field name is a bug (ValueError)."""
        from openpyxl.utils import get_column_letter

        clean: dict[int, str] = {}
        seen: dict[str, int] = {}
        for column, name in sorted(mapping.items()):
            if not name:
                continue
            if name not in _LABELS:
                raise ValueError(f"unknown logbook field {name!r}")
            if column < 0:
                raise ValueError(f"column {column} is not a column")
            if name in seen:
                raise UserError("excel_import.field_twice", label=_LABELS[name], columns=[
                    get_column_letter(seen[name] + 1), get_column_letter(column + 1)])
            seen[name] = column
            clean[column] = name
        return replace(self, mapping=clean)


def _header_text(cell: Cell) -> str:
    """A header cell's title in Unicode. Titles are few and known, which settles what detection cannot: a legacy
    title that also reads as Unicode words ("Ghi chó" is TCVN3 for "Ghi chú") is read in the legacy encoding in
    which it names a field."""
    if cell.value is None:
        return ""
    text, encoding = _cell_text(cell)
    raw = cell.value
    if (not isinstance(raw, str) or encoding is not Encoding.UNICODE or raw.isascii()
            or any(ord(ch) > 0xFF for ch in raw) or field_of_header(text) is not None):
        return text
    for legacy in (Encoding.TCVN3, Encoding.VNI):
        reading = clean_line(to_unicode(raw, legacy))
        if field_of_header(reading) is not None:
            return reading
    return text


def _row_texts(cells: list[Cell]) -> list[str]:
    return [_header_text(cell) for cell in cells]


def _is_column_numbers(texts: list[str]) -> bool:
    """A row of column numbers under the header: "(1) (2) (3)…" (letters too: "A B 1 2…"), nothing else."""
    filled = [text for text in texts if text]
    digits = [text for text in filled if _COLUMN_NUMBER.match(text) and any(ch.isdigit() for ch in text)]
    return len(digits) >= 3 and all(_COLUMN_NUMBER.match(text) for text in filled)


def _map_columns(tops: list[str], subs: list[str] | None) -> dict[int, str]:
    """Column → field for a header of one row (`subs` None) or two (a sub-header names its column first, the row
    above it second); each field goes to its first column."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    width = max(len(tops), len(subs or ()))
    for column in range(width):
        candidates = []
        if subs is not None and column < len(subs):
            candidates.append(subs[column])
        if column < len(tops):
            candidates.append(tops[column])
        for text in candidates:
            name = field_of_header(text) if text else None
            if name is not None and name not in taken:
                mapping[column] = name
                taken.add(name)
                break
    return mapping


def _could_be_subheader(texts: list[str]) -> bool:
    """A row that may hold sub-headers: titles only, no number or date (a first data row has its running number
    and its date)."""
    filled = [text for text in texts if text]
    return bool(filled) and not any(_DATE_LIKE.search(text) for text in filled)


def _header_titles(tops: list[str], subs: list[str] | None) -> tuple[str, ...]:
    """The titles shown for each column: a group title spread over the sub-headers under it ("Hướng xử lý /
    Hướng dẫn"), a title merged down over two rows as it is."""
    if subs is None:
        return tuple(tops)
    width = max(len(tops), len(subs))
    titles: list[str] = []
    group = ""
    for column in range(width):
        top = tops[column] if column < len(tops) else ""
        sub = subs[column] if column < len(subs) else ""
        if top:
            group = top if sub else ""
        elif not sub:
            group = ""
        owner = top or group
        titles.append(f"{owner} / {sub}" if owner and sub and owner != sub else (sub or owner))
    return tuple(titles)


def guess_layout(source: LogbookSource, sheet: str) -> SheetLayout:
    """Find the sheet's header row among its first HEADER_SCAN_ROWS rows and map its columns to logbook fields.

    Each row is scored by the number of fields its cells name (text converted from TCVN3/VNI first, folded); a
    pair of rows is scored as a two-row header too (a sub-header names its column, else the title above it), and
    wins only when it names more fields. A row of column numbers right under the header is skipped.
    """
    rows: list[tuple[int, list[str]]] = []
    ended = True
    for number, cells in source.rows(sheet):
        if number > HEADER_SCAN_ROWS + 2:
            ended = False
            break
        rows.append((number, _row_texts(cells)))
    if not any(any(texts) for _, texts in rows):
        return SheetLayout(sheet, None, 1, empty=ended)
    by_number = dict(rows)
    best: tuple[int, int, int] | None = None  # (fields named, -rows used, -row number)
    best_layout: tuple[int, list[str] | None] | None = None
    for number, texts in rows:
        if number > HEADER_SCAN_ROWS:
            break
        single = len(_map_columns(texts, None))
        candidates: list[tuple[int, list[str] | None, int]] = [(single, None, 1)]
        below = by_number.get(number + 1)
        if below is not None and single and _could_be_subheader(below):
            candidates.append((len(_map_columns(texts, below)), below, 2))
        for score, subs, used in candidates:
            key = (score, -used, -number)
            if score >= MIN_HEADER_FIELDS and (best is None or key > best):
                best, best_layout = key, (number, subs)
    if best_layout is None:
        return SheetLayout(sheet, None, 1)
    header_row, subs = best_layout
    tops = by_number[header_row]
    used = 1 if subs is None else 2
    first_data = header_row + used
    following = by_number.get(first_data)
    if following is not None and _is_column_numbers(following):
        first_data += 1
    width = max(len(tops), len(subs or ()))
    tops = tops + [""] * (width - len(tops))
    subs = None if subs is None else subs + [""] * (width - len(subs))
    titles = _header_titles(tops, subs)
    last = max((i for i, title in enumerate(titles) if title), default=-1)
    return SheetLayout(sheet, header_row, first_data, titles[:last + 1], _map_columns(tops, subs), header_rows=used)


# --- Saved mappings ----------------------------------------------------------------------------------------------

def _title_keys(headers: tuple[str, ...]) -> list[str]:
    """One key per column: its title, "#2", "#3"… added to a repeated title; "" for a column without a title."""
    seen: dict[str, int] = {}
    keys: list[str] = []
    for title in headers:
        text = clean_line(title)
        if not text:
            keys.append("")
            continue
        folded = fold(text)
        seen[folded] = seen.get(folded, 0) + 1
        keys.append(text if seen[folded] == 1 else f"{text} #{seen[folded]}")
    return keys


def mapping_by_header(layout: SheetLayout) -> dict[str, str]:
    """The layout's mapping by column title (title → field, "" for a titled column left out): JSON-serialisable,
    to save and apply to the next workbook with the same titles."""
    return {key: layout.mapping.get(column, "") for column, key in enumerate(_title_keys(layout.headers)) if key}


def apply_saved_mapping(layout: SheetLayout, saved: Mapping[str, str]) -> SheetLayout:
    """The layout with a saved mapping (from `mapping_by_header`) applied: a column whose title is in `saved`
    (compared folded) takes the saved field, or none; other columns keep their guess unless the saved mapping
    gave their field to another column. Unknown field names in `saved` are ignored."""
    by_folded = {fold(key): value for key, value in saved.items()}
    chosen: dict[int, str | None] = {}
    for column, key in enumerate(_title_keys(layout.headers)):
        folded = fold(key) if key else None
        if folded is not None and folded in by_folded:
            name = by_folded[folded]
            chosen[column] = name if name in _LABELS else None
    claimed = {name for name in chosen.values() if name}
    mapping: dict[int, str | None] = {column: name for column, name in layout.mapping.items()
                                      if column not in chosen and name not in claimed}
    mapping.update(chosen)
    seen: set[str] = set()
    for column in sorted(mapping):
        name = mapping[column]
        if name and name in seen:
            mapping[column] = None
        elif name:
            seen.add(name)
    return layout.with_mapping(mapping)


# --- Rows --------------------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SourceRow:
    """One non-blank row: its 1-based number in the sheet, its values by logbook field (empty cells left out),
    the legacy encodings its text was converted from, and whether it looks like a subtotal ("Tổng cộng")."""

    number: int
    values: dict[str, CellValue]
    legacy: frozenset[Encoding] = frozenset()
    subtotal: bool = False


def _value(cell: Cell, name: str) -> tuple[CellValue, Encoding]:
    value = cell.value
    if not isinstance(value, str):
        return value, Encoding.UNICODE
    text, encoding = _converted(value, cell.font)
    if text.isprintable() and "  " not in text and text.strip() == text:
        return text, encoding  # already clean (and NFC): the common case, spared the cleaners' walk
    return (clean_paragraphs(text) if name in _MULTILINE_FIELDS else clean_line(text)), encoding


def _looks_subtotal(cells: list[Cell], visit_date: CellValue) -> bool:
    """A "Tổng cộng: 25 lượt" row: its first filled cells start with "Tổng cộng", "Cộng" or "Tổng số", and it has
    no date (no date value, serial number or text like "05/03/2024" in the date column)."""
    if isinstance(visit_date, (date, int, float)):
        return False
    if isinstance(visit_date, str) and _DATE_LIKE.search(visit_date):
        return False
    filled = 0
    for cell in cells:
        if cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
            continue
        filled += 1
        if isinstance(cell.value, str) and _SUBTOTAL.match(_cell_text(cell)[0].lower()):
            return True
        if filled >= _SUBTOTAL_CELLS:
            break
    return False


def read_rows(source: LogbookSource, layout: SheetLayout, *, progress: Progress | None = None,
              cancelled: Cancelled | None = None) -> Iterator[SourceRow]:
    """The sheet's rows from the layout's first data row on, values by field (see `SourceRow`); blank rows are
    left out, subtotal rows flagged. `progress(rows_read)` is called and `cancelled()` asked every STEP rows; a
    cancelled read raises UserError "excel_import.cancelled"."""
    columns = sorted(layout.mapping.items())
    for number, cells in source.rows(layout.sheet):
        if not number % STEP:
            if cancelled is not None and cancelled():
                raise UserError("excel_import.cancelled", file=source.file_name)
            if progress is not None:
                progress(number)
        if number < layout.first_data_row or _is_blank(cells):
            continue
        values: dict[str, CellValue] = {}
        legacy: set[Encoding] = set()
        for column, name in columns:
            if column >= len(cells):
                break
            cell = cells[column]
            if cell.value is None:
                continue
            value, encoding = _value(cell, name)
            if value == "":
                continue
            values[name] = value
            if encoding is not Encoding.UNICODE:
                legacy.add(encoding)
        subtotal = _looks_subtotal(cells, values.get("visit_date"))
        yield SourceRow(number, values, frozenset(legacy), subtotal)

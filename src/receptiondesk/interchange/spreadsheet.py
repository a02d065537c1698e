"""Spreadsheet files for people: XLSX (constant memory, split at Excel's row limit) and UTF-8 CSV with a BOM, each
written to a temporary file beside the target and renamed into place only when complete."""

from __future__ import annotations

import csv
import errno
import os
import secrets
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain, islice
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from receptiondesk.errors import UserError

Cell = str | int | float | date | datetime | None
Progress = Callable[[int], None]
Cancelled = Callable[[], bool]

#: Data rows a sheet holds: Excel's 1,048,576 rows, less the header. More continue on "<title> (2)", "(3)"...
MAX_DATA_ROWS = 1_048_575
MAX_TITLE_LENGTH = 31
#: Characters Excel refuses in a sheet name, and what stands in for them.
FORBIDDEN_IN_TITLE = "[]:*?/\\"
TITLE_REPLACEMENT = "-"
DEFAULT_TITLE = "Danh sách"
#: `progress(rows_written)` is called, and `cancelled()` asked, every this many rows.
STEP = 10_000
#: Column widths are measured on the header and this many first rows only.
WIDTH_SAMPLE = 200
MIN_WIDTH = 6
MAX_WIDTH = 60
#: A longer header wraps onto more lines rather than widening its column.
MAX_HEADER_WIDTH = 24
#: XlsxWriter's paper code for A4; the height of one line of wrapped text, and the most lines a row is given.
A4_PAPER = 9
LINE_HEIGHT_PT = 15
MAX_ROW_LINES = 30
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
#: Day 0 of Excel's 1900 date system, as an ordinal; right for every date from 1 March 1900 on.
EXCEL_EPOCH = date(1899, 12, 30).toordinal()
FIRST_SERIAL_DATE = date(1900, 3, 1)
#: A CSV cell starting with one of these would be a formula to a spreadsheet program: it gets a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Errors that mean the disk (or the user's quota) is full.
DISK_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


@dataclass(frozen=True)
class SheetData:
    """One table: its title (a sheet name, or the title line of a CSV block), its header, and its rows, read once
    and in order (an iterator is fine: rows are never held all at once)."""

    title: str
    header: tuple[str, ...]
    rows: Iterable[Sequence[Cell]]


def sheet_title(title: str, suffix: str = "") -> str:
    """`title` as Excel accepts a sheet name: forbidden characters replaced, no apostrophe at either end, cut so
    that it and `suffix` fit in 31 characters."""
    text = "".join(TITLE_REPLACEMENT if ch in FORBIDDEN_IN_TITLE else ch for ch in " ".join(title.split()))
    text = text.strip("'").strip() or DEFAULT_TITLE
    return text[:MAX_TITLE_LENGTH - len(suffix)].rstrip().rstrip("'") + suffix


class _Ticker:
    """Counts rows written; every STEP rows reports progress and stops the write if the user cancelled."""

    def __init__(self, target: Path, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.target = target
        self.progress = progress
        self.cancelled = cancelled
        self.rows = 0

    def step(self) -> None:
        if self.progress is not None:
            self.progress(self.rows)
        self.check()

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise UserError("spreadsheet.cancelled", file=self.target.name)

    def finish(self) -> None:
        """The last check before the file is put in place, and the final count."""
        self.check()
        if self.progress is not None and self.rows % STEP:
            self.progress(self.rows)


# -- files ------------------------------------------------------------------------------------------------------

def _write_error(exc: BaseException, target: Path, stage: str) -> UserError:
    """The user's words for a failed write at `stage` ("create" the temporary file, "write" it, "replace" the
    target with it): folder gone, folder not writable, file open elsewhere, disk full."""
    if isinstance(exc, FileCreateError) and exc.args and isinstance(exc.args[0], OSError):
        exc = exc.args[0]
    folder = str(target.parent)
    if isinstance(exc, OSError) and exc.errno in DISK_FULL:
        return UserError("spreadsheet.disk_full", file=target.name, folder=folder)
    if not target.parent.is_dir():
        return UserError("spreadsheet.folder_missing", file=target.name, folder=folder)
    if isinstance(exc, PermissionError) and stage == "replace":  # Windows: the target is open in Excel
        return UserError("spreadsheet.file_in_use", file=target.name, folder=folder)
    if isinstance(exc, PermissionError) and stage == "create":
        return UserError("spreadsheet.folder_not_writable", file=target.name, folder=folder)
    reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc) or type(exc).__name__
    return UserError("spreadsheet.cannot_write", file=target.name, folder=folder, reason=reason)


def _new_file_beside(target: Path) -> Path:
    """A new, empty file of a name of its own in the target's folder, made with the permissions any new file of the
    user gets (mkstemp's would leave the finished file readable by its owner alone)."""
    while True:
        candidate = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
        try:
            handle = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        os.close(handle)
        return candidate


@contextmanager
def _replacing(target: Path) -> Iterator[Path]:
    """A temporary file in the target's folder: synced and renamed to `target` when the block succeeds, removed
    when it fails or is cancelled, so `target` never holds half a file (an earlier file there stays whole)."""
    try:
        temporary = _new_file_beside(target)
    except OSError as exc:
        raise _write_error(exc, target, "create") from None
    try:
        try:
            yield temporary
            with open(temporary, "rb+") as written:
                os.fsync(written.fileno())
        except (OSError, FileCreateError) as exc:
            raise _write_error(exc, target, "write") from None
        try:
            os.replace(temporary, target)
        except OSError as exc:
            raise _write_error(exc, target, "replace") from None
    finally:
        temporary.unlink(missing_ok=True)


def write_bytes(path: Path | str, content: bytes) -> int:
    """Write `content` (a report's PDF or JSON) to `path` whole or not at all, with the same clear messages as the
    spreadsheets; returns the number of bytes."""
    target = Path(path)
    with _replacing(target) as temporary:
        temporary.write_bytes(content)
    return len(content)


# -- XLSX -------------------------------------------------------------------------------------------------------

def _shown_length(value: Cell) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return len(DATETIME_FORMAT)
    if isinstance(value, date):
        return len(DATE_FORMAT)
    if isinstance(value, str):
        return max(map(len, value.split("\n")))
    return len(str(value))


def column_widths(header: Sequence[str], sample: Sequence[Sequence[Cell]]) -> list[int]:
    """Widths (in characters) that fit the header, wrapped past MAX_HEADER_WIDTH, and the sampled rows."""
    widths = [min(MAX_HEADER_WIDTH, _shown_length(title)) for title in header]
    for values in sample:
        for col, value in enumerate(values[:len(widths)]):
            widths[col] = max(widths[col], _shown_length(value))
    return [max(MIN_WIDTH, min(MAX_WIDTH, width + 2)) for width in widths]


class _Workbook:
    """The open workbook: its formats, the sheet names used, and the row count across sheets."""

    def __init__(self, workbook: xlsxwriter.Workbook, ticker: _Ticker) -> None:
        self.book = workbook
        self.ticker = ticker
        self.bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        self.day = workbook.add_format({"num_format": DATE_FORMAT})
        self.moment = workbook.add_format({"num_format": DATETIME_FORMAT})
        self.wrapped = workbook.add_format({"text_wrap": True, "valign": "top"})  # text wider than its column
        self.used: set[str] = set()

    def _name(self, title: str, part: int) -> str:
        """A sheet name not used yet in this workbook (Excel compares them without case)."""
        while True:
            name = sheet_title(title, f" ({part})" if part > 1 else "")
            if name.casefold() not in self.used and name.casefold() != "history":  # "History" is reserved
                self.used.add(name.casefold())
                return name
            part += 1

    def _sheet(self, title: str, part: int, header: Sequence[str], widths: list[int]):
        sheet = self.book.add_worksheet(self._name(title, part))
        for col, width in enumerate(widths):
            sheet.set_column(col, col, width)
        for col, text in enumerate(header):
            sheet.write_string(0, col, str(text), self.bold)
        sheet.freeze_panes(1, 0)
        # Printed as the upper level expects a table: A4 landscape, the columns fitted to the page's width, the
        # header repeated on every page.
        sheet.set_paper(A4_PAPER)
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(0)
        return sheet

    @staticmethod
    def _close_sheet(sheet, last_row: int, columns: int) -> None:
        if columns:
            sheet.autofilter(0, 0, last_row, columns - 1)

    def write(self, data: SheetData) -> None:
        header = tuple(data.header)
        columns = len(header)
        rows = iter(data.rows)
        sample = list(islice(rows, WIDTH_SAMPLE))
        widths = column_widths(header, sample)
        part = 1
        sheet = self._sheet(data.title, part, header, widths)
        limit = MAX_DATA_ROWS
        day, moment, ticker, wrapped = self.day, self.moment, self.ticker, self.wrapped
        write_string, write_number = sheet.write_string, sheet.write_number
        row = 0
        row_info, row_sizes = sheet.row_info, sheet.row_sizes
        for values in chain(sample, rows):
            if row == limit:
                self._close_sheet(sheet, row, columns)
                part += 1
                sheet = self._sheet(data.title, part, header, widths)
                write_string, write_number = sheet.write_string, sheet.write_number
                row, row_info, row_sizes = 0, sheet.row_info, sheet.row_sizes
            row += 1
            # XlsxWriter keeps every row height it was given, even in constant-memory mode; the row two rows back
            # has been written to disk, so its entries can go: memory stays flat over a million tall rows.
            row_info.pop(row - 2, None)
            row_sizes.pop(row - 2, None)
            row_lines = 1
            for col, value in enumerate(values):
                kind = type(value)
                if kind is str:
                    if len(value) > MAX_WIDTH:  # wrapped in its column, not spilling over the next ones
                        lines = min(MAX_ROW_LINES, -(-len(value) // widths[col]) + value.count("\n"))
                        if lines > row_lines:  # the row as tall as its longest text (no program fits it by itself)
                            row_lines = lines
                            sheet.set_row(row, LINE_HEIGHT_PT * lines)
                        write_string(row, col, value, wrapped)
                    elif value:
                        write_string(row, col, value)  # never `write`: "=..." stays text, not a formula
                elif value is None:
                    continue
                elif kind is int or kind is float:
                    write_number(row, col, value)
                elif kind is date and value >= FIRST_SERIAL_DATE:
                    write_number(row, col, value.toordinal() - EXCEL_EPOCH, day)  # a real date, shown dd/mm/yyyy
                elif isinstance(value, datetime):
                    sheet.write_datetime(row, col, value, moment)
                elif isinstance(value, date):
                    sheet.write_datetime(row, col, value, day)
                elif isinstance(value, (int, float)):
                    write_number(row, col, value)
                else:
                    write_string(row, col, str(value))
            ticker.rows += 1
            if not ticker.rows % STEP:
                ticker.step()
        self._close_sheet(sheet, row, columns)


def _abandon(workbook: xlsxwriter.Workbook) -> None:
    """Close the row files a constant-memory workbook keeps open, so its scratch folder can be removed."""
    for sheet in workbook.worksheets():
        handle = getattr(sheet, "row_data_fh", None)
        if handle is not None and not handle.closed:
            handle.close()


def write_xlsx(path: Path | str, sheets: Iterable[SheetData], *, progress: Progress | None = None,
               cancelled: Cancelled | None = None) -> int:
    """Write the sheets to an XLSX file at `path`; returns the data rows written.

    Constant memory: each row goes to disk once written. Each sheet gets a bold, frozen header row with an
    autofilter; strings stay text, numbers numbers, dates real dates shown dd/mm/yyyy. A sheet with more than
    MAX_DATA_ROWS rows continues on "<title> (2)", "(3)"..., the header repeated. `progress(rows)` is called
    and `cancelled()` asked every STEP rows; a cancelled write leaves no file (UserError spreadsheet.cancelled).
    """
    target = Path(path)
    ticker = _Ticker(target, progress, cancelled)
    with _replacing(target) as temporary, \
            tempfile.TemporaryDirectory(prefix="receptiondesk-xlsx-", ignore_cleanup_errors=True) as scratch:
        workbook = xlsxwriter.Workbook(str(temporary), {
            "constant_memory": True, "tmpdir": scratch, "use_zip64": True, "remove_timezone": True})
        try:
            book = _Workbook(workbook, ticker)
            for data in sheets:
                book.write(data)
            if not workbook.worksheets():
                book.write(SheetData(DEFAULT_TITLE, (), ()))
            ticker.finish()
            workbook.close()
        except BaseException:
            _abandon(workbook)
            raise
    return ticker.rows


# -- CSV --------------------------------------------------------------------------------------------------------

def csv_cell(value: Cell) -> Any:
    """A value as a CSV cell: dates in ISO form (every spreadsheet program reads them as dates), formula-like
    text behind an apostrophe (no CSV injection), numbers as they are."""
    kind = type(value)
    if kind is str:
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _csv_rows(writer: Any, header: Sequence[str], rows: Iterable[Sequence[Cell]], ticker: _Ticker) -> int:
    writer.writerow([csv_cell(title) for title in header])
    written = 0
    for values in rows:
        writer.writerow([csv_cell(value) for value in values])
        written += 1
        ticker.rows += 1
        if not ticker.rows % STEP:
            ticker.step()
    return written


@contextmanager
def _csv_file(target: Path) -> Iterator[Any]:
    with _replacing(target) as temporary:
        with open(temporary, "w", encoding="utf-8-sig", newline="") as handle:  # the BOM tells Excel it is UTF-8
            yield csv.writer(handle)


def write_csv(path: Path | str, header: Sequence[str], rows: Iterable[Sequence[Cell]], *,
              progress: Progress | None = None, cancelled: Cancelled | None = None) -> int:
    """Write one table (header, then rows) as UTF-8 CSV with a BOM; returns the data rows written."""
    target = Path(path)
    ticker = _Ticker(target, progress, cancelled)
    with _csv_file(target) as writer:
        _csv_rows(writer, header, rows, ticker)
        ticker.finish()
    return ticker.rows


def write_csv_tables(path: Path | str, tables: Iterable[SheetData], *, progress: Progress | None = None,
                     cancelled: Cancelled | None = None) -> int:
    """Write several tables into one CSV file, each as a block: its title line, its header, its rows, then a blank
    line. Returns the data rows written."""
    target = Path(path)
    ticker = _Ticker(target, progress, cancelled)
    with _csv_file(target) as writer:
        for table in tables:
            writer.writerow([csv_cell(table.title)])
            _csv_rows(writer, table.header, table.rows, ticker)
            writer.writerow([])
        ticker.finish()
    return ticker.rows

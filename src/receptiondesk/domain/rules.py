"""The legal time limits as a versioned rules table, read from `resources/data/time-limits.csv`.

A case follows the rule in force on the day it was received; each rule names its unit and source.
"""

from __future__ import annotations

import bisect
import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from receptiondesk.domain.calendar import UNIT_CALENDAR, UNIT_WORKING, WorkingCalendar
from receptiondesk.errors import UserError

__all__ = ["UNIT_COUNT", "UNITS", "COLUMNS", "TimeLimit", "RulesTable"]

#: Unit of a minimum count (e.g. days per week a leader receives citizens), not a time limit.
UNIT_COUNT = "count"
UNITS = (UNIT_WORKING, UNIT_CALENDAR, UNIT_COUNT)

COLUMNS = ("code", "days", "unit", "complex_days", "remote_days", "remote_complex_days",
           "extended_days", "source", "effective_from", "note")
_REQUIRED = ("code", "days", "unit", "source", "effective_from")
_OPTIONAL_INTS = ("complex_days", "remote_days", "remote_complex_days", "extended_days")

FILE_NAME = "time-limits.csv"
_CODE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*")


@dataclass(frozen=True)
class TimeLimit:
    """One version of one legal time limit (or minimum count), in force from `effective_from`."""

    code: str
    days: int
    unit: str
    complex_days: int | None
    remote_days: int | None
    remote_complex_days: int | None
    extended_days: int | None
    source: str
    effective_from: date
    note: str = ""

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"unit must be one of {UNITS}, not {self.unit!r}")
        for name in ("days", *_OPTIONAL_INTS):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} cannot be negative")

    @property
    def is_deadline(self) -> bool:
        """True for a time limit in days, False for a minimum count."""
        return self.unit != UNIT_COUNT

    def days_for(self, *, complex: bool = False, remote: bool = False,
                 extended: bool = False) -> int:
        """The limit for a case with these traits.

        The most specific value the rule gives wins: remote and complex → remote_complex_days,
        else the longer of remote_days and complex_days; a trait the rule has no value for does
        not change the limit. `extended` (e.g. verification needed) gives extended_days when it
        is longer.
        """
        result = self.days
        if complex and remote and self.remote_complex_days is not None:
            result = self.remote_complex_days
        else:
            if complex and self.complex_days is not None:
                result = max(result, self.complex_days)
            if remote and self.remote_days is not None:
                result = max(result, self.remote_days)
        if extended and self.extended_days is not None:
            result = max(result, self.extended_days)
        return result


class RulesTable:
    """All versions of all time limits; look up the one in force on a date."""

    def __init__(self, limits: Iterable[TimeLimit]) -> None:
        self._by_code: dict[str, list[TimeLimit]] = {}
        for limit in limits:
            self._by_code.setdefault(limit.code, []).append(limit)
        for code, versions in self._by_code.items():
            versions.sort(key=lambda lim: lim.effective_from)
            starts = [lim.effective_from for lim in versions]
            if len(set(starts)) != len(starts):
                raise ValueError(f"two versions of {code} take effect on the same day")
        self._starts = {code: [lim.effective_from for lim in versions]
                        for code, versions in self._by_code.items()}

    @classmethod
    def load(cls, path: str | Path | None = None) -> RulesTable:
        """Read and check a rules file (default: the bundled `data/time-limits.csv`)."""
        if path is None:
            from receptiondesk.paths import resource  # kept out of the domain's import graph

            path = resource("data", FILE_NAME)
        path = Path(path)
        try:
            content = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError as exc:
            raise UserError("rules.file_missing", file=str(path)) from exc
        except UnicodeDecodeError as exc:
            raise UserError("rules.bad_encoding", file=path.name) from exc
        return cls.parse(content, path.name)

    @classmethod
    def parse(cls, content: str, file_name: str = FILE_NAME) -> RulesTable:
        """Parse the CSV text of a rules file; UserError naming the line of the first mistake."""
        reader = csv.reader(io.StringIO(content))
        header = next(reader, None)
        if header is None:
            raise UserError("rules.bad_columns", file=file_name, missing=list(COLUMNS),
                            unknown="—")
        header = [name.strip() for name in header]
        missing = [name for name in COLUMNS if name not in header]
        unknown = [name for name in header if name not in COLUMNS]
        if missing or unknown or len(set(header)) != len(header):
            raise UserError("rules.bad_columns", file=file_name, missing=missing or "—",
                            unknown=unknown or "—")

        limits: list[TimeLimit] = []
        first_line: dict[tuple[str, date], int] = {}
        while True:
            try:
                row = next(reader, None)
            except csv.Error as exc:
                raise UserError("rules.bad_csv", file=file_name, line=reader.line_num) from exc
            if row is None:
                break
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise UserError("rules.bad_row", file=file_name, line=line,
                                count=len(row), expected=len(header))
            cells = {name: unicodedata.normalize("NFC", value.strip())
                     for name, value in zip(header, row)}
            limit = _limit_from_cells(cells, file_name, line)
            key = (limit.code, limit.effective_from)
            if key in first_line:
                raise UserError("rules.duplicate", file=file_name, line=line, rule=limit.code,
                                date=_show(limit.effective_from), first_line=first_line[key])
            first_line[key] = line
            limits.append(limit)
        return cls(limits)

    def codes(self) -> list[str]:
        """The rule codes in the table, sorted."""
        return sorted(self._by_code)

    def history(self, code: str) -> list[TimeLimit]:
        """Every version of one rule, oldest first (empty for an unknown code)."""
        return list(self._by_code.get(code, ()))

    def rule(self, code: str, on: date) -> TimeLimit:
        """The version of `code` in force on `on`: the latest with effective_from <= on."""
        starts = self._starts.get(code)
        index = bisect.bisect_right(starts, on) if starts else 0
        if index == 0:
            raise UserError("rules.no_rule", rule=code, date=_show(on))
        return self._by_code[code][index - 1]

    def due_date(self, code: str, start: date, received_on: date, calendar: WorkingCalendar, *,
                 complex: bool = False, remote: bool = False, extended: bool = False) -> date:
        """The due date of `code` counted from `start`, under the rule in force on `received_on`."""
        limit = self.rule(code, received_on)
        if not limit.is_deadline:
            raise ValueError(f"{code} is a minimum count, not a time limit")
        days = limit.days_for(complex=complex, remote=remote, extended=extended)
        return calendar.due_date(start, days, limit.unit)

    def __len__(self) -> int:
        return sum(len(versions) for versions in self._by_code.values())

    def __iter__(self) -> Iterator[TimeLimit]:
        for code in self.codes():
            yield from self._by_code[code]


def _show(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def _limit_from_cells(cells: dict[str, str], file_name: str, line: int) -> TimeLimit:
    def bad(column: str) -> UserError:
        return UserError("rules.bad_file", file=file_name, line=line, column=column,
                         value=cells[column])

    for column in _REQUIRED:
        if not cells[column]:
            raise bad(column)
    if not _CODE.fullmatch(cells["code"]):
        raise bad("code")
    if cells["unit"] not in UNITS:
        raise bad("unit")

    def number(column: str) -> int | None:
        text = cells[column]
        if not text:
            return None
        if not text.isascii() or not text.isdigit():
            raise bad(column)
        return int(text)

    try:
        effective_from = date.fromisoformat(cells["effective_from"])
    except ValueError:
        raise bad("effective_from") from None
    if len(cells["effective_from"]) != 10:  # only YYYY-MM-DD, not the other ISO forms
        raise bad("effective_from")

    days = number("days")
    if days is None:
        raise bad("days")
    return TimeLimit(
        code=cells["code"],
        days=days,
        unit=cells["unit"],
        complex_days=number("complex_days"),
        remote_days=number("remote_days"),
        remote_complex_days=number("remote_complex_days"),
        extended_days=number("extended_days"),
        source=cells["source"],
        effective_from=effective_from,
        note=cells["note"],
    )

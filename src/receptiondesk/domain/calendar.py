"""The working-day calendar: public holidays, make-up working Saturdays, and legal due dates.

Defaults follow the Labour Code 2019, art. 112; the official schedule is entered by the user each year.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

from receptiondesk.domain.lunar import lunar_to_solar
from receptiondesk.errors import UserError

__all__ = [
    "HOLIDAY", "WORKING", "UNIT_WORKING", "UNIT_CALENDAR",
    "CalendarDay", "WorkingCalendar", "default_calendar_days",
]

#: CalendarDay kinds: a day off, or a make-up working day on a weekend.
HOLIDAY = "holiday"
WORKING = "working"
KINDS = (HOLIDAY, WORKING)

#: Units of a time limit counted in days.
UNIT_WORKING = "working"
UNIT_CALENDAR = "calendar"

_SATURDAY = 5
_ONE_DAY = timedelta(days=1)

NEW_YEAR = "Tết Dương lịch"
LUNAR_NEW_YEAR = "Tết Nguyên đán"
HUNG_KINGS = "Giỗ Tổ Hùng Vương"
VICTORY_DAY = "Ngày Chiến thắng"
LABOUR_DAY = "Ngày Quốc tế Lao động"
NATIONAL_DAY = "Quốc khánh"
SUBSTITUTE_PREFIX = "Nghỉ bù"


@dataclass(frozen=True)
class CalendarDay:
    """One entry of the holiday schedule: a holiday, or a make-up working day on a weekend."""

    day: date
    kind: str
    name: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"CalendarDay kind must be one of {KINDS}, not {self.kind!r}")
        object.__setattr__(self, "name", unicodedata.normalize("NFC", self.name.strip()))


def _is_weekend(d: date) -> bool:
    return d.weekday() >= _SATURDAY


def default_calendar_days(year: int) -> list[CalendarDay]:
    """The default public holidays of `year` (Labour Code 2019, art. 112), with substitute days.

    Tết is the last day of the lunar year and days 1-4 of lunar month 1; Quốc khánh is 2/9 and
    the day before it. A holiday on a Saturday or Sunday gets a substitute day off ("Nghỉ bù …")
    on the next weekday that is not already a day off. No make-up working days are proposed:
    those come only with the official schedule.
    """
    tet = lunar_to_solar(year, 1, 1)
    days: dict[date, str] = {date(year, 1, 1): NEW_YEAR}
    for offset in range(-1, 4):
        days[tet + timedelta(days=offset)] = LUNAR_NEW_YEAR
    days[lunar_to_solar(year, 3, 10)] = HUNG_KINGS
    days[date(year, 4, 30)] = VICTORY_DAY
    days[date(year, 5, 1)] = LABOUR_DAY
    days[date(year, 9, 1)] = NATIONAL_DAY
    days[date(year, 9, 2)] = NATIONAL_DAY

    substitutes: dict[date, str] = {}
    for day in sorted(days):
        if not _is_weekend(day):
            continue
        candidate = day + _ONE_DAY
        while _is_weekend(candidate) or candidate in days or candidate in substitutes:
            candidate += _ONE_DAY
        substitutes[candidate] = f"{SUBSTITUTE_PREFIX} {days[day]}"
    days.update(substitutes)
    return [CalendarDay(day, HOLIDAY, name) for day, name in sorted(days.items())]


class WorkingCalendar:
    """Which days are working days, and the due dates counted on them.

    A working day is Monday to Friday and not a holiday, or an extra (make-up) working day.
    """

    def __init__(self, holidays: Mapping[date, str] | None = None,
                 extra_working_days: Iterable[date] = ()) -> None:
        self._holidays: dict[date, str] = dict(holidays or {})
        self._extra: frozenset[date] = frozenset(extra_working_days)
        both = sorted(self._extra & self._holidays.keys())
        if both:
            raise UserError("calendar.day_conflict", day=both[0].strftime("%d/%m/%Y"))
        # Sorted exceptions to the Monday-Friday rule, for counting over long ranges.
        self._weekday_holidays = sorted(d for d in self._holidays if not _is_weekend(d))
        self._weekend_work = sorted(d for d in self._extra if _is_weekend(d))

    @classmethod
    def from_days(cls, days: Iterable[CalendarDay]) -> WorkingCalendar:
        """A calendar from schedule entries; several names for one holiday are joined with "; "."""
        holidays: dict[date, str] = {}
        extra: set[date] = set()
        for entry in days:
            if entry.kind == HOLIDAY:
                known = holidays.get(entry.day)
                if known is None:
                    holidays[entry.day] = entry.name
                elif entry.name and entry.name not in known.split("; "):
                    holidays[entry.day] = f"{known}; {entry.name}" if known else entry.name
            else:
                extra.add(entry.day)
        return cls(holidays, extra)

    @property
    def holidays(self) -> Mapping[date, str]:
        """The holidays (read-only): date → name."""
        return MappingProxyType(self._holidays)

    @property
    def extra_working_days(self) -> frozenset[date]:
        """The make-up working days."""
        return self._extra

    def holiday_name(self, d: date) -> str | None:
        """The holiday's name if `d` is a holiday, else None."""
        return self._holidays.get(d)

    def is_working_day(self, d: date) -> bool:
        """Monday-Friday and not a holiday, or an extra working day."""
        if d in self._extra:
            return True
        return not _is_weekend(d) and d not in self._holidays

    def next_working_day(self, d: date) -> date:
        """`d` itself if it is a working day, else the first working day after it."""
        while not self.is_working_day(d):
            d += _ONE_DAY
        return d

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (`start` itself does not count).

        A negative `n` gives the |n|-th working day before `start`; 0 gives `start`.
        """
        step = _ONE_DAY if n >= 0 else -_ONE_DAY
        d = start
        for _ in range(abs(n)):
            d += step
            while not self.is_working_day(d):
                d += step
        return d

    def add_calendar_days(self, start: date, n: int) -> date:
        """`start` + n days; if that is not a working day, the next working day.

        Civil Code 2015, art. 147-148: counting starts the day after the event, and a time limit
        ending on a weekend or a holiday ends at the end of the next working day.
        """
        if n < 0:
            raise ValueError("a time limit cannot be negative")
        return self.next_working_day(start + timedelta(days=n))

    def due_date(self, start: date, days: int, unit: str) -> date:
        """The end of a time limit of `days` days in `unit` ("working" or "calendar") from `start`."""
        if unit == UNIT_WORKING:
            if days < 0:
                raise ValueError("a time limit cannot be negative")
            return self.add_working_days(start, days)
        if unit == UNIT_CALENDAR:
            return self.add_calendar_days(start, days)
        raise ValueError(f"not a unit of days: {unit!r}")

    def working_days_between(self, a: date, b: date) -> int:
        """The number of working days d with a < d <= b; if b < a, minus those with b <= d < a.

        So that working_days_between(s, add_working_days(s, n)) == n for every n.
        """
        if b < a:
            return -self._count(b - _ONE_DAY, a - _ONE_DAY)
        return self._count(a, b)

    def _count(self, a: date, b: date) -> int:
        """Working days in the half-open range (a, b], with a <= b."""
        count = _weekdays_upto(b) - _weekdays_upto(a)
        count -= (bisect_right(self._weekday_holidays, b)
                  - bisect_right(self._weekday_holidays, a))
        count += bisect_right(self._weekend_work, b) - bisect_right(self._weekend_work, a)
        return count

    def __repr__(self) -> str:
        return (f"WorkingCalendar({len(self._holidays)} holidays, "
                f"{len(self._extra)} extra working days)")


def _weekdays_upto(d: date) -> int:
    """Monday-Friday days from the proleptic 0001-01-01 (a Monday) up to and including `d`."""
    ordinal = d.toordinal()  # 1 for 0001-01-01
    weeks, rest = divmod(ordinal, 7)
    return weeks * 5 + min(rest, 5)


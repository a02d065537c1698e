"""Report periods: month, quarter, 6/9/12 months of a year and a custom range, each with its previous
comparable period (DOMAIN §5).

A period is a closed range of days [start, end]. With a data cut-off day N (a setting, 1 to 28), a report month
runs from day N+1 of the previous month to day N of the month itself; quarters and the 6/9/12-month periods are
made of such months, so consecutive periods of one cut-off never overlap nor leave a gap. Without a cut-off, months
are calendar months.

The previous comparable period:
- a month: the month before; a quarter: the quarter before (both with the same cut-off);
- 6, 9 or 12 months of a year: the same months of the year before (the "cùng kỳ năm trước" of the reports);
- a custom range: the range of the same number of days ending the day before it starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from receptiondesk.errors import UserError

#: The latest cut-off day: every month has it, so a report month always ends on day N.
MAX_CUTOFF_DAY = 28
#: The month counts of a yearly-span report (from January): 6, 9 and 12 months.
YEAR_SPANS = (6, 9, 12)
MIN_YEAR = 1990
MAX_YEAR = 2200

_ROMAN = ("I", "II", "III", "IV")


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    MONTHS = "months"  # the first 6, 9 or 12 months of a year
    CUSTOM = "custom"


@dataclass(frozen=True)
class Period:
    """A closed range of days [start, end] with its Vietnamese label, as the report headings print it.

    `year` and `number` say which month (1-12), quarter (1-4) or span (6, 9, 12) it is; both are None for a custom
    range. `cutoff_day` is the data cut-off it was built with (None: calendar months)."""

    start: date
    end: date
    label: str
    kind: PeriodKind = PeriodKind.CUSTOM
    year: int | None = None
    number: int | None = None
    cutoff_day: int | None = None

    @property
    def days(self) -> int:
        """How many days the period covers (both ends included)."""
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def previous(self) -> Period:
        """The previous comparable period (see the module's docstring)."""
        if self.kind is PeriodKind.MONTH:
            assert self.year is not None and self.number is not None
            year, month = (self.year - 1, 12) if self.number == 1 else (self.year, self.number - 1)
            return month_period(year, month, cutoff_day=self.cutoff_day)
        if self.kind is PeriodKind.QUARTER:
            assert self.year is not None and self.number is not None
            year, quarter = (self.year - 1, 4) if self.number == 1 else (self.year, self.number - 1)
            return quarter_period(year, quarter, cutoff_day=self.cutoff_day)
        if self.kind is PeriodKind.MONTHS:
            assert self.year is not None and self.number is not None
            return months_of_year(self.year - 1, self.number, cutoff_day=self.cutoff_day)
        end = self.start - timedelta(days=1)
        return custom_period(end - timedelta(days=self.days - 1), end)


# -- constructors ------------------------------------------------------------------------------

def month_period(year: int, month: int, *, cutoff_day: int | None = None) -> Period:
    """Month `month` of `year`: the calendar month, or with a cut-off day N from day N+1 of the month before."""
    _check_year(year)
    _check_int(month, 1, 12, "report.month_range", "period_month")
    cutoff = _check_cutoff(cutoff_day)
    return Period(_month_start(year, month, cutoff), _month_end(year, month, cutoff),
                  f"Tháng {month} năm {year}", PeriodKind.MONTH, year, month, cutoff)


def quarter_period(year: int, quarter: int, *, cutoff_day: int | None = None) -> Period:
    """Quarter `quarter` (1-4) of `year`: its three report months."""
    _check_year(year)
    _check_int(quarter, 1, 4, "report.quarter_range", "period_quarter")
    cutoff = _check_cutoff(cutoff_day)
    first, last = 3 * quarter - 2, 3 * quarter
    return Period(_month_start(year, first, cutoff), _month_end(year, last, cutoff),
                  f"Quý {_ROMAN[quarter - 1]} năm {year}", PeriodKind.QUARTER, year, quarter, cutoff)


def months_of_year(year: int, months: int, *, cutoff_day: int | None = None) -> Period:
    """The first 6, 9 or 12 report months of `year`."""
    _check_year(year)
    if isinstance(months, bool) or not isinstance(months, int) or months not in YEAR_SPANS:
        raise UserError("report.months_choice", "period_months", value=months,
                        allowed=", ".join(map(str, YEAR_SPANS)))
    cutoff = _check_cutoff(cutoff_day)
    label = {6: f"6 tháng đầu năm {year}", 9: f"9 tháng năm {year}", 12: f"Năm {year}"}[months]
    return Period(_month_start(year, 1, cutoff), _month_end(year, months, cutoff), label,
                  PeriodKind.MONTHS, year, months, cutoff)


def custom_period(start: date | str, end: date | str) -> Period:
    """Any range of days, both ends included; a start after the end is refused."""
    first = _parse_day(start, "period_start")
    last = _parse_day(end, "period_end")
    if first > last:
        raise UserError("report.period_inverted", "period", start=first.strftime("%d/%m/%Y"),
                        end=last.strftime("%d/%m/%Y"))
    label = f"Từ ngày {first.strftime('%d/%m/%Y')} đến ngày {last.strftime('%d/%m/%Y')}"
    return Period(first, last, label)


# -- helpers -----------------------------------------------------------------------------------

def _month_end(year: int, month: int, cutoff: int | None) -> date:
    if cutoff is not None:
        return date(year, month, cutoff)
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)


def _month_start(year: int, month: int, cutoff: int | None) -> date:
    if cutoff is None:
        return date(year, month, 1)
    before = (year - 1, 12) if month == 1 else (year, month - 1)
    return _month_end(*before, cutoff) + timedelta(days=1)


def _check_int(value: object, low: int, high: int, code: str, field: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise UserError(code, field, value=value)


def _check_year(year: object) -> None:
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise UserError("report.year_range", "period", value=year, min=MIN_YEAR, max=MAX_YEAR)


def _check_cutoff(cutoff_day: int | None) -> int | None:
    if cutoff_day is None:
        return None
    if isinstance(cutoff_day, bool) or not isinstance(cutoff_day, int) or not 1 <= cutoff_day <= MAX_CUTOFF_DAY:
        raise UserError("report.cutoff_range", "cutoff_day", value=cutoff_day, max=MAX_CUTOFF_DAY)
    return cutoff_day


def _parse_day(value: date | str, field: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise UserError("report.bad_date", field, value=value) from None


_SPANS = {"H1": 6, "6M": 6, "9M": 9, "12M": 12, "Y": 12}


def parse_period(spec: str, *, cutoff_day: int | None = None) -> Period:
    """A period written as on the command line: "2026-03" (month), "2026-Q1" (quarter), "2026-H1" or "2026-6M",
    "2026-9M", "2026" or "2026-12M" (year), "2026-03-01..2026-03-15" (a range of days; no cut-off applies)."""
    text = str(spec or "").strip().upper()
    if ".." in text:
        start, _, end = text.partition("..")
        return custom_period(start.strip(), end.strip())
    year_text, _, rest = text.partition("-")
    if not year_text.isdigit() or len(year_text) != 4:
        raise UserError("report.period_spec", "period", value=spec)
    year = int(year_text)
    if not rest:
        return months_of_year(year, 12, cutoff_day=cutoff_day)
    if rest.isdigit() and len(rest) <= 2:
        return month_period(year, int(rest), cutoff_day=cutoff_day)
    if rest.startswith("Q") and rest[1:].isdigit():
        return quarter_period(year, int(rest[1:]), cutoff_day=cutoff_day)
    if rest in _SPANS:
        return months_of_year(year, _SPANS[rest], cutoff_day=cutoff_day)
    raise UserError("report.period_spec", "period", value=spec)

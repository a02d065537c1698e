"""Small shared value helpers of the domain: dates, the +07:00 clock and enum parsing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from enum import StrEnum
from typing import TypeVar

from receptiondesk.errors import Problem

VIETNAM_TZ = timezone(timedelta(hours=7), "ICT")

Clock = Callable[[], datetime]

E = TypeVar("E", bound=StrEnum)


def now_vietnam() -> datetime:
    """The current time in Vietnam (UTC+7, no daylight saving)."""
    return datetime.now(VIETNAM_TZ)


def iso_timestamp(moment: datetime) -> str:
    """ISO 8601 with the +07:00 offset, to the second."""
    return moment.astimezone(VIETNAM_TZ).isoformat(timespec="seconds")


def parse_date(value: date | str | None, field: str, problems: list[Problem]) -> date | None:
    """Accept a date, ISO 'yyyy-mm-dd' or 'dd/mm/yyyy'; record a problem otherwise."""
    if value is None or value == "":
        problems.append(Problem("value.required", field))
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    problems.append(Problem("value.bad_date", field, {"value": text}))
    return None


def parse_past_date(value: date | str | None, field: str, problems: list[Problem], today: date) -> date | None:
    """A date that has already come (a visit, a result, a notification...): today at the latest."""
    parsed = parse_date(value, field, problems)
    if parsed is not None and parsed > today:
        problems.append(Problem("value.date_in_future", field, {"today": format_date_vn(today)}))
    return parsed


def parse_enum(enum: type[E], value: E | str | None, field: str, problems: list[Problem]) -> E | None:
    """The enum member for `value`; a problem listing the allowed values otherwise."""
    if value is None or value == "":
        problems.append(Problem("value.required", field))
        return None
    try:
        return enum(value)
    except ValueError:
        problems.append(Problem("value.not_allowed", field, {"value": value, "allowed": [m.value for m in enum]}))
        return None


def format_date_vn(d: date) -> str:
    """dd/mm/yyyy, as dates are shown on screen."""
    return d.strftime("%d/%m/%Y")

"""Tests of the working-day calendar: default holidays, substitute days and due dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from receptiondesk.domain.calendar import (
    HOLIDAY,
    WORKING,
    CalendarDay,
    WorkingCalendar,
    default_calendar_days,
)
from receptiondesk.errors import UserError


def _by_day(year: int) -> dict[date, str]:
    return {entry.day: entry.name for entry in default_calendar_days(year)}


def test_default_holidays_2025() -> None:
    days = _by_day(2025)
    assert days[date(2025, 1, 1)] == "Tết Dương lịch"
    tet = [date(2025, 1, 28) + timedelta(days=i) for i in range(5)]  # eve (29 Tết) + mùng 1-4
    assert all(days[d] == "Tết Nguyên đán" for d in tet)
    assert days[date(2025, 4, 7)] == "Giỗ Tổ Hùng Vương"
    assert days[date(2025, 4, 30)] == "Ngày Chiến thắng"
    assert days[date(2025, 5, 1)] == "Ngày Quốc tế Lao động"
    assert days[date(2025, 9, 1)] == days[date(2025, 9, 2)] == "Quốc khánh"
    # Mùng 4 Tết is Saturday 1 February: a substitute day on Monday 3 February.
    assert days[date(2025, 2, 3)] == "Nghỉ bù Tết Nguyên đán"
    assert len(days) == 12
    assert all(entry.kind == HOLIDAY for entry in default_calendar_days(2025))
    assert [e.day for e in default_calendar_days(2025)] == sorted(days)


def test_substitute_for_national_day_on_saturday() -> None:
    days = _by_day(2023)  # 2/9/2023 is a Saturday
    assert days[date(2023, 9, 2)] == "Quốc khánh"
    assert days[date(2023, 9, 4)] == "Nghỉ bù Quốc khánh"
    assert date(2023, 9, 3) not in days


def test_substitute_skips_days_that_are_already_holidays() -> None:
    days = _by_day(2024)  # 1/9/2024 is a Sunday, 2/9 a Monday: the substitute is Tuesday 3/9
    assert days[date(2024, 9, 3)] == "Nghỉ bù Quốc khánh"
    days = _by_day(2023)  # 29/4 Sat (Hùng Kings), 30/4 Sun, 1/5 Mon
    assert days[date(2023, 5, 2)] == "Nghỉ bù Giỗ Tổ Hùng Vương"
    assert days[date(2023, 5, 3)] == "Nghỉ bù Ngày Chiến thắng"


@pytest.mark.parametrize("year, weekend_day, substitute", [
    (2022, date(2022, 1, 1), date(2022, 1, 3)),   # Saturday
    (2023, date(2023, 1, 1), date(2023, 1, 2)),   # Sunday
])
def test_substitute_for_new_year(year: int, weekend_day: date, substitute: date) -> None:
    days = _by_day(year)
    assert days[weekend_day] == "Tết Dương lịch"
    assert days[substitute] == "Nghỉ bù Tết Dương lịch"


def test_tet_on_a_weekend_gets_two_substitutes() -> None:
    days = _by_day(2024)  # Tết 2024: Fri 9/2 (eve) to Tue 13/2, with Sat 10 and Sun 11
    assert days[date(2024, 2, 14)] == days[date(2024, 2, 15)] == "Nghỉ bù Tết Nguyên đán"
    assert date(2024, 2, 16) not in days


@settings(max_examples=60)
@given(st.integers(1950, 2099))
def test_defaults_every_year(year: int) -> None:
    entries = default_calendar_days(year)
    calendar = WorkingCalendar.from_days(entries)
    substitutes = [e for e in entries if e.name.startswith("Nghỉ bù")]
    weekend_holidays = [e for e in entries if not e.name.startswith("Nghỉ bù")
                        and e.day.weekday() >= 5]
    assert len(substitutes) == len(weekend_holidays)
    assert all(e.day.weekday() < 5 for e in substitutes)
    assert len({e.day for e in entries}) == len(entries)
    assert not any(calendar.is_working_day(e.day) for e in entries)


def _tet_2025() -> WorkingCalendar:
    """Tết 2025 as a schedule might set it: Monday 27/1 off too, made up on Saturday 8/2."""
    days = default_calendar_days(2025)
    days.append(CalendarDay(date(2025, 1, 27), HOLIDAY, "Tết Nguyên đán (nghỉ thêm)"))
    days.append(CalendarDay(date(2025, 2, 8), WORKING, "Làm bù ngày 27/01"))
    return WorkingCalendar.from_days(days)


def test_is_working_day() -> None:
    calendar = _tet_2025()
    assert calendar.is_working_day(date(2025, 1, 24))          # Friday
    assert not calendar.is_working_day(date(2025, 1, 25))      # Saturday
    assert not calendar.is_working_day(date(2025, 1, 27))      # extra holiday
    assert not calendar.is_working_day(date(2025, 2, 3))       # substitute day
    assert calendar.is_working_day(date(2025, 2, 8))           # make-up Saturday
    assert not calendar.is_working_day(date(2025, 2, 9))       # Sunday
    assert calendar.holiday_name(date(2025, 1, 29)) == "Tết Nguyên đán"
    assert calendar.holiday_name(date(2025, 1, 24)) is None


def test_add_working_days_across_tet_and_a_make_up_saturday() -> None:
    calendar = _tet_2025()
    friday = date(2025, 1, 24)
    assert calendar.add_working_days(friday, 1) == date(2025, 2, 4)   # Tue after Tết
    assert calendar.add_working_days(friday, 4) == date(2025, 2, 7)   # Fri
    assert calendar.add_working_days(friday, 5) == date(2025, 2, 8)   # make-up Saturday
    assert calendar.add_working_days(friday, 6) == date(2025, 2, 10)  # Mon
    assert calendar.add_working_days(friday, 7) == date(2025, 2, 11)
    assert calendar.add_working_days(friday, 0) == friday
    assert calendar.add_working_days(date(2025, 2, 4), -1) == friday
    assert calendar.working_days_between(friday, date(2025, 2, 11)) == 7
    assert calendar.working_days_between(date(2025, 2, 11), friday) == -7


def test_denunciation_classified_within_seven_working_days_over_tet() -> None:
    calendar = WorkingCalendar.from_days(default_calendar_days(2026))
    # Received Thursday 12/2/2026; Tết 2026 runs Mon 16/2 to Fri 20/2.
    assert calendar.due_date(date(2026, 2, 12), 7, "working") == date(2026, 3, 2)


def test_calendar_day_limit_ending_on_a_weekend_moves_to_monday() -> None:
    calendar = WorkingCalendar()
    # Wednesday 5/3/2025 + 10 days = Saturday 15/3 → Monday 17/3 (Civil Code art. 148).
    assert calendar.add_calendar_days(date(2025, 3, 5), 10) == date(2025, 3, 17)
    assert calendar.due_date(date(2025, 3, 5), 10, "calendar") == date(2025, 3, 17)
    # Ending on a working day: unchanged.
    assert calendar.add_calendar_days(date(2025, 3, 7), 10) == date(2025, 3, 17)


def test_calendar_day_limit_ending_on_holidays() -> None:
    calendar = WorkingCalendar.from_days(default_calendar_days(2025))
    # Sunday 20/4 + 10 days = Wednesday 30/4 (holiday), 1/5 holiday → Friday 2/5.
    assert calendar.add_calendar_days(date(2025, 4, 20), 10) == date(2025, 5, 2)
    # A make-up Saturday is a working day: the limit may end on it.
    calendar = WorkingCalendar(extra_working_days=[date(2025, 3, 15)])
    assert calendar.add_calendar_days(date(2025, 3, 5), 10) == date(2025, 3, 15)


def test_due_date_rejects_other_units() -> None:
    with pytest.raises(ValueError):
        WorkingCalendar().due_date(date(2025, 1, 1), 1, "count")
    with pytest.raises(ValueError):
        WorkingCalendar().add_calendar_days(date(2025, 1, 1), -1)


def test_a_day_cannot_be_both_holiday_and_make_up_day() -> None:
    with pytest.raises(UserError) as caught:
        WorkingCalendar({date(2025, 2, 8): "Lễ"}, [date(2025, 2, 8)])
    assert caught.value.code == "calendar.day_conflict"
    assert "08/02/2025" in caught.value.render("vi")
    assert "ngày nghỉ lễ" in caught.value.render("vi")


def test_from_days_joins_names_of_one_day() -> None:
    calendar = WorkingCalendar.from_days([
        CalendarDay(date(2025, 9, 2), HOLIDAY, "Quốc khánh"),
        CalendarDay(date(2025, 9, 2), HOLIDAY, "Ngày lễ khác"),
        CalendarDay(date(2025, 9, 2), HOLIDAY, "Quốc khánh"),
    ])
    assert calendar.holiday_name(date(2025, 9, 2)) == "Quốc khánh; Ngày lễ khác"


def test_calendar_day_is_normalised_and_checked() -> None:
    decomposed = "Quo\u0302\u0301c kha\u0301nh"  # as Windows' Vietnamese keyboard types it
    assert CalendarDay(date(2025, 9, 2), HOLIDAY, decomposed).name == "Quốc khánh"
    with pytest.raises(ValueError):
        CalendarDay(date(2025, 9, 2), "off", "Quốc khánh")


# --- properties -------------------------------------------------------------------------

_DAYS = st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 31))


@st.composite
def calendars(draw: st.DrawFn) -> WorkingCalendar:
    holidays = draw(st.sets(_DAYS, max_size=60))
    weekends = draw(st.sets(_DAYS.filter(lambda d: d.weekday() >= 5), max_size=10))
    return WorkingCalendar({d: "Nghỉ" for d in holidays}, weekends - holidays)


def _naive_between(calendar: WorkingCalendar, a: date, b: date) -> int:
    count, d = 0, a
    while d < b:
        d += timedelta(days=1)
        count += calendar.is_working_day(d)
    return count


@settings(max_examples=300)
@given(calendars(), _DAYS, st.integers(1, 250))
def test_add_working_days_properties(calendar: WorkingCalendar, start: date, n: int) -> None:
    end = calendar.add_working_days(start, n)
    assert end > start
    assert calendar.is_working_day(end)
    assert calendar.working_days_between(start, end) == n
    assert _naive_between(calendar, start, end) == n


@settings(max_examples=200)
@given(calendars(), _DAYS, st.integers(-250, 250))
def test_add_working_days_both_directions(calendar: WorkingCalendar, start: date, n: int) -> None:
    end = calendar.add_working_days(start, n)
    assert calendar.working_days_between(start, end) == n


@settings(max_examples=200)
@given(calendars(), _DAYS, _DAYS)
def test_working_days_between_counts_like_a_loop(calendar: WorkingCalendar,
                                                 a: date, b: date) -> None:
    if a <= b:
        assert calendar.working_days_between(a, b) == _naive_between(calendar, a, b)
    else:
        assert calendar.working_days_between(a, b) == -_naive_between(
            calendar, b - timedelta(days=1), a - timedelta(days=1))


@settings(max_examples=200)
@given(calendars(), _DAYS, st.integers(0, 90))
def test_add_calendar_days_properties(calendar: WorkingCalendar, start: date, n: int) -> None:
    end = calendar.add_calendar_days(start, n)
    assert calendar.is_working_day(end)
    assert end >= start + timedelta(days=n)
    # Every day between the plain end and the result is a day off.
    d = start + timedelta(days=n)
    while d < end:
        assert not calendar.is_working_day(d)
        d += timedelta(days=1)

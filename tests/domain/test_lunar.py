"""Tests of the Vietnamese lunar calendar (UTC+7): Tết dates, leap months, round trips."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from receptiondesk.domain.lunar import (
    LunarDate,
    _lunar_to_solar,
    leap_month,
    lunar_to_solar,
    month_length,
    solar_to_lunar,
)

TET = {
    1985: date(1985, 1, 21),
    2007: date(2007, 2, 17),
    2019: date(2019, 2, 5),
    2020: date(2020, 1, 25),
    2023: date(2023, 1, 22),
    2024: date(2024, 2, 10),
    2025: date(2025, 1, 29),
    2026: date(2026, 2, 17),
    2027: date(2027, 2, 6),
}


@pytest.mark.parametrize("year, new_year", sorted(TET.items()))
def test_tet(year: int, new_year: date) -> None:
    assert lunar_to_solar(year, 1, 1) == new_year
    assert solar_to_lunar(new_year) == LunarDate(year, 1, 1, False)
    eve = solar_to_lunar(new_year - timedelta(days=1))
    assert (eve.year, eve.month) == (year - 1, 12)
    assert eve.day in (29, 30)


def test_vietnam_and_china_differ_because_of_the_time_zone() -> None:
    # 1985: Vietnam (UTC+7) celebrated Tết on 21 January, China (UTC+8) on 20 February.
    assert lunar_to_solar(1985, 1, 1) == date(1985, 1, 21)
    assert _lunar_to_solar(1985, 1, 1, False, 8.0) == date(1985, 2, 20)
    assert solar_to_lunar(date(1985, 2, 20)) == LunarDate(1985, 2, 1, False)
    # 2007: one day apart (new moon shortly before midnight in Vietnam).
    assert lunar_to_solar(2007, 1, 1) == date(2007, 2, 17)
    assert _lunar_to_solar(2007, 1, 1, False, 8.0) == date(2007, 2, 18)


@pytest.mark.parametrize("year, day", [(2025, date(2025, 4, 7)), (2026, date(2026, 4, 26)),
                                       (2024, date(2024, 4, 18))])
def test_hung_kings_day(year: int, day: date) -> None:
    assert lunar_to_solar(year, 3, 10) == day
    assert solar_to_lunar(day) == LunarDate(year, 3, 10)


@pytest.mark.parametrize("year, month, first_day", [
    (2020, 4, date(2020, 5, 23)),
    (2023, 2, date(2023, 3, 22)),
    (2025, 6, date(2025, 7, 25)),
    (2033, 11, date(2033, 12, 22)),
])
def test_leap_months(year: int, month: int, first_day: date) -> None:
    assert leap_month(year) == month
    assert lunar_to_solar(year, month, 1, leap=True) == first_day
    assert solar_to_lunar(first_day) == LunarDate(year, month, 1, True)
    # The ordinary month of that number comes just before the leap one.
    assert lunar_to_solar(year, month, 1) < first_day


@pytest.mark.parametrize("year", [2019, 2021, 2022, 2024, 2026, 2027])
def test_years_without_leap_month(year: int) -> None:
    assert leap_month(year) is None
    with pytest.raises(ValueError):
        lunar_to_solar(year, 4, 1, leap=True)


def test_nonexistent_lunar_dates_are_rejected() -> None:
    with pytest.raises(ValueError):
        lunar_to_solar(2025, 5, 1, leap=True)  # 2025 doubles month 6, not 5
    with pytest.raises(ValueError):
        lunar_to_solar(2025, 13, 1)
    with pytest.raises(ValueError):
        lunar_to_solar(2025, 1, 0)
    short = next(m for m in range(1, 13) if month_length(2025, m) == 29)
    with pytest.raises(ValueError):
        lunar_to_solar(2025, short, 30)
    with pytest.raises(ValueError):
        solar_to_lunar(date(1700, 1, 1))


def test_lunar_date_text() -> None:
    assert str(LunarDate(2025, 6, 1, True)) == "01/06 nhuận/2025"
    assert str(LunarDate(2026, 3, 10)) == "10/03/2026"


@settings(max_examples=500)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_solar_round_trip(d: date) -> None:
    lunar = solar_to_lunar(d)
    assert 1 <= lunar.month <= 12
    assert 1 <= lunar.day <= 30
    assert lunar_to_solar(lunar.year, lunar.month, lunar.day, lunar.leap) == d
    # The next day is the next lunar day, or day 1 of the next month.
    following = solar_to_lunar(d + timedelta(days=1))
    if following.day == 1:
        assert lunar.day == month_length(lunar.year, lunar.month, lunar.leap)
    else:
        assert (following.year, following.month, following.leap) == (
            lunar.year, lunar.month, lunar.leap)
        assert following.day == lunar.day + 1


@settings(max_examples=300)
@given(st.integers(1900, 2100), st.integers(1, 12), st.integers(1, 29), st.booleans())
def test_lunar_round_trip(year: int, month: int, day: int, leap: bool) -> None:
    if leap and leap_month(year) != month:
        with pytest.raises(ValueError):
            lunar_to_solar(year, month, day, leap)
        return
    solar = lunar_to_solar(year, month, day, leap)
    assert solar_to_lunar(solar) == LunarDate(year, month, day, leap)


@settings(max_examples=200)
@given(st.integers(1901, 2100))
def test_tet_falls_between_21_january_and_20_february(year: int) -> None:
    tet = lunar_to_solar(year, 1, 1)
    assert date(year, 1, 21) <= tet <= date(year, 2, 20)


def test_every_lunar_year_has_twelve_or_thirteen_months() -> None:
    for year in range(1900, 2101):
        start = lunar_to_solar(year, 1, 1)
        end = lunar_to_solar(year + 1, 1, 1)
        months = 13 if leap_month(year) else 12
        assert (end - start).days in range(months * 29, months * 30 + 1)

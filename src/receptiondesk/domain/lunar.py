"""Vietnamese lunar calendar (âm lịch) computed for UTC+7, to place Tết and Hùng Kings day.

Astronomical algorithm of Hồ Ngọc Đức (new moons and the sun's longitude, after Jean Meeus).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

__all__ = ["LunarDate", "MIN_YEAR", "MAX_YEAR", "solar_to_lunar", "lunar_to_solar",
           "leap_month", "month_length"]

#: Vietnam's time zone since 1968 (the lunar calendar of China uses UTC+8).
VIETNAM_TZ = 7.0

#: Years for which the astronomical series are accurate enough to place new moons on the right day.
MIN_YEAR = 1800
MAX_YEAR = 2199

_JD_OFFSET = 1721425  # Julian day number = date.toordinal() + _JD_OFFSET
_SYNODIC_MONTH = 29.530588853
_NEW_MOON_EPOCH = 2415021.076998695  # the new moon of 1900-01-01 (Julian day)
_DR = math.pi / 180


@dataclass(frozen=True)
class LunarDate:
    """A date of the Vietnamese lunar calendar; `leap` marks the intercalary month (tháng nhuận)."""

    year: int
    month: int
    day: int
    leap: bool = False

    def __str__(self) -> str:
        leap = " nhuận" if self.leap else ""
        return f"{self.day:02d}/{self.month:02d}{leap}/{self.year}"


def _jd(d: date) -> int:
    return d.toordinal() + _JD_OFFSET


def _date(jd: int) -> date:
    return date.fromordinal(jd - _JD_OFFSET)


def _new_moon(k: int) -> float:
    """Julian day (fractional, UTC) of the k-th new moon after the one of 1900-01-01."""
    t = k / 1236.85
    t2 = t * t
    t3 = t2 * t
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * _DR)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3  # sun's mean anomaly
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3  # moon's mean anomaly
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3  # moon's argument of latitude
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * _DR) + 0.0021 * math.sin(2 * _DR * m)
    c1 += -0.4068 * math.sin(mpr * _DR) + 0.0161 * math.sin(_DR * 2 * mpr)
    c1 += -0.0004 * math.sin(_DR * 3 * mpr)
    c1 += 0.0104 * math.sin(_DR * 2 * f) - 0.0051 * math.sin(_DR * (m + mpr))
    c1 += -0.0074 * math.sin(_DR * (m - mpr)) + 0.0004 * math.sin(_DR * (2 * f + m))
    c1 += -0.0004 * math.sin(_DR * (2 * f - m)) - 0.0006 * math.sin(_DR * (2 * f + mpr))
    c1 += 0.0010 * math.sin(_DR * (2 * f - mpr)) + 0.0005 * math.sin(_DR * (2 * mpr + m))
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - delta_t


@lru_cache(maxsize=8192)
def _new_moon_day(k: int, tz: float) -> int:
    """Julian day number of the local day on which the k-th new moon falls."""
    return math.floor(_new_moon(k) + 0.5 + tz / 24)


def _sun_longitude(jdn: float) -> float:
    """The sun's apparent longitude in radians, in [0, 2π), at Julian day `jdn` (UTC)."""
    t = (jdn - 2451545.0) / 36525
    t2 = t * t
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(_DR * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(_DR * 2 * m) + 0.000290 * math.sin(_DR * 3 * m)
    longitude = (l0 + dl) * _DR
    return longitude - 2 * math.pi * math.floor(longitude / (2 * math.pi))


def _sun_sector(day_number: int, tz: float) -> int:
    """Which of the 12 thirty-degree sectors (major solar terms) the sun is in at the day's start."""
    return math.floor(_sun_longitude(day_number - 0.5 - tz / 24) / math.pi * 6)


@lru_cache(maxsize=1024)
def _month11_start(year: int, tz: float) -> int:
    """Julian day number of the first day of lunar month 11 (the month of the winter solstice)."""
    off = _jd(date(year, 12, 31)) - 2415021
    k = math.floor(off / _SYNODIC_MONTH)
    start = _new_moon_day(k, tz)
    if _sun_sector(start, tz) >= 9:
        start = _new_moon_day(k - 1, tz)
    return start


@lru_cache(maxsize=1024)
def _leap_month_offset(a11: int, tz: float) -> int:
    """Months after month 11 (starting at `a11`) of the first month without a major solar term."""
    k = math.floor((a11 - _NEW_MOON_EPOCH) / _SYNODIC_MONTH + 0.5)
    i = 1
    arc = _sun_sector(_new_moon_day(k + i, tz), tz)
    while True:
        last = arc
        i += 1
        arc = _sun_sector(_new_moon_day(k + i, tz), tz)
        if arc == last or i >= 14:
            break
    return i - 1


def _check_year(year: int, lunar: bool = False) -> None:
    # January of MIN_YEAR still belongs to the lunar year before it.
    if not MIN_YEAR - lunar <= year <= MAX_YEAR:
        raise ValueError(f"year {year} outside the supported range {MIN_YEAR}-{MAX_YEAR}")


def _solar_to_lunar(d: date, tz: float) -> LunarDate:
    _check_year(d.year)
    day_number = _jd(d)
    k = math.floor((day_number - _NEW_MOON_EPOCH) / _SYNODIC_MONTH)
    # The mean-motion estimate can be one month off when a true new moon is far from the mean
    # one (e.g. 1877-04-13): step until new moon k starts on or before the day and k + 1 after it.
    while _new_moon_day(k, tz) > day_number:
        k -= 1
    while _new_moon_day(k + 1, tz) <= day_number:
        k += 1
    month_start = _new_moon_day(k, tz)
    a11 = _month11_start(d.year, tz)
    b11 = a11
    if a11 >= month_start:
        lunar_year = d.year
        a11 = _month11_start(d.year - 1, tz)
    else:
        lunar_year = d.year + 1
        b11 = _month11_start(d.year + 1, tz)
    lunar_day = day_number - month_start + 1
    diff = math.floor((month_start - a11) / 29)
    leap = False
    lunar_month = diff + 11
    if b11 - a11 > 365:  # a lunar year with 13 months: one of them is the leap month
        leap_diff = _leap_month_offset(a11, tz)
        if diff >= leap_diff:
            lunar_month = diff + 10
            leap = diff == leap_diff
    if lunar_month > 12:
        lunar_month -= 12
    if lunar_month >= 11 and diff < 4:
        lunar_year -= 1
    return LunarDate(lunar_year, lunar_month, lunar_day, leap)


def _month_start(year: int, month: int, leap: bool, tz: float) -> int:
    """Julian day number of day 1 of the lunar month; ValueError if that leap month does not exist."""
    if not 1 <= month <= 12:
        raise ValueError(f"lunar month must be 1..12, not {month}")
    _check_year(year, lunar=True)
    if month < 11:
        a11 = _month11_start(year - 1, tz)
        b11 = _month11_start(year, tz)
    else:
        a11 = _month11_start(year, tz)
        b11 = _month11_start(year + 1, tz)
    k = math.floor(0.5 + (a11 - _NEW_MOON_EPOCH) / _SYNODIC_MONTH)
    off = month - 11
    if off < 0:
        off += 12
    if b11 - a11 > 365:
        leap_off = _leap_month_offset(a11, tz)
        leap_month = leap_off - 2
        if leap_month <= 0:
            leap_month += 12
        if leap and month != leap_month:
            raise ValueError(f"lunar year {year} has no leap month {month}")
        if leap or off >= leap_off:
            off += 1
    elif leap:
        raise ValueError(f"lunar year {year} has no leap month")
    return _new_moon_day(k + off, tz)


def _lunar_to_solar(year: int, month: int, day: int, leap: bool, tz: float) -> date:
    start = _month_start(year, month, leap, tz)
    length = _month_length(start, tz)
    if not 1 <= day <= length:
        raise ValueError(f"lunar month {month}/{year} has {length} days, not {day}")
    return _date(start + day - 1)


def _month_length(start: int, tz: float) -> int:
    k = math.floor((start - _NEW_MOON_EPOCH) / _SYNODIC_MONTH + 0.5)
    while _new_moon_day(k, tz) <= start:
        k += 1
    while _new_moon_day(k - 1, tz) > start:
        k -= 1
    return _new_moon_day(k, tz) - start


def solar_to_lunar(d: date) -> LunarDate:
    """The Vietnamese lunar date of the (Gregorian) day `d`."""
    return _solar_to_lunar(d, VIETNAM_TZ)


def lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> date:
    """The Gregorian day of a Vietnamese lunar date; ValueError if that lunar date does not exist."""
    return _lunar_to_solar(year, month, day, leap, VIETNAM_TZ)


def leap_month(year: int) -> int | None:
    """The month number that is doubled (tháng nhuận) in the lunar `year`, or None."""
    a11 = _month11_start(year - 1, VIETNAM_TZ)
    b11 = _month11_start(year, VIETNAM_TZ)
    if b11 - a11 <= 365:
        # A leap month 11 or 12 (e.g. 2033) lies in the span from this year's month 11 on.
        a11, b11 = b11, _month11_start(year + 1, VIETNAM_TZ)
        if b11 - a11 <= 365:
            return None
        month = _leap_month_offset(a11, VIETNAM_TZ) - 2
        month = month + 12 if month <= 0 else month
        return month if month >= 11 else None
    month = _leap_month_offset(a11, VIETNAM_TZ) - 2
    month = month + 12 if month <= 0 else month
    return month if month < 11 else None


def month_length(year: int, month: int, leap: bool = False) -> int:
    """Number of days (29 or 30) of a lunar month."""
    return _month_length(_month_start(year, month, leap, VIETNAM_TZ), VIETNAM_TZ)

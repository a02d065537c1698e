"""Loading generated demonstration data into a desk that holds no records yet, through the import's bulk path."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from receptiondesk.demo.generator import DEFAULT_SEED, SCALES, Generator, period
from receptiondesk.domain.calendar import CalendarDay, WorkingCalendar, default_calendar_days
from receptiondesk.errors import UserError
from receptiondesk.services.context import DeskContext
from receptiondesk.services.interchange import ImportReport, desk_holds_records, write_records

MAX_VISITS = 5_000_000


@dataclass(frozen=True)
class GenerationResult:
    """What was generated into the desk, and how long it took."""

    scale: str
    visits: int
    seed: int
    first_day: date
    last_day: date
    counts: dict[str, int]
    calendar_years: list[int]
    seconds: float
    report: ImportReport

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _calendar_for(context: DeskContext, first_day: date, last_day: date) -> tuple[WorkingCalendar, list[CalendarDay]]:
    """The desk's calendar, plus the default holidays of every year of the data (and the year after, where
    deadlines fall) that the desk has no entry for yet; returns the calendar and the days to add."""
    rows = context.database.query("SELECT day, kind, name FROM calendar_days")
    days = [CalendarDay(date.fromisoformat(r["day"]), r["kind"], r["name"]) for r in rows]
    known = {d.day.year for d in days}
    added = [d for year in range(first_day.year, last_day.year + 2) if year not in known
             for d in default_calendar_days(year)]
    return WorkingCalendar.from_days(days + added), added


def generate_into(context: DeskContext, scale: str = "commune", *, visits: int | None = None,
                  seed: int = DEFAULT_SEED, until: date | None = None, dry_run: bool = False,
                  progress: Callable[[int], None] | None = None,
                  on_start: Callable[[date, date, int], None] | None = None) -> GenerationResult:
    """Generate demonstration records for the desk's unit (or its whole province) and write them, all or nothing.

    The desk must be set up and hold no records yet. `until` is the last day of the data (default: yesterday
    by the desk's clock); the default holidays of the years covered are added to the desk's calendar where it
    has none, in the same transaction. `on_start(first day, last day, visits)` is called once the request
    has been accepted, `progress(records)` as records are written.
    """
    settings = context.require_setup()
    if scale not in SCALES:
        raise UserError("demo.unknown_scale", "scale", value=scale, allowed=", ".join(SCALES))
    count = SCALES[scale].visits if visits is None else visits
    if not isinstance(count, int) or not 0 <= count <= MAX_VISITS:
        raise UserError("demo.visits_range", "visits", max=f"{MAX_VISITS:,}")
    today = context.today()
    last_day = until or today - timedelta(days=1)
    if last_day > today:
        raise UserError("demo.until_future", "until", day=last_day.strftime("%d/%m/%Y"))
    conn = context.database.conn
    if desk_holds_records(conn):
        raise UserError("demo.desk_not_empty", path=str(context.database.path))
    first_day, _ = period(SCALES[scale], last_day)
    calendar, added = _calendar_for(context, first_day, last_day)
    signers = [dict(r) for r in context.database.query(
        "SELECT full_name, role FROM signers WHERE voided = 0 AND unit_code = ? ORDER BY id", (settings.unit_code,))]
    generator = Generator(settings.unit_code, scale, visits=count, seed=seed, until=last_day, calendar=calendar,
                          rules=context.rules, remote=settings.remote_area,
                          delegation_threshold=settings.delegation_threshold, signers=signers,
                          villages=settings.villages)
    years = sorted({d.day.year for d in added})

    def add_calendar_days(connection) -> None:
        connection.executemany("INSERT OR IGNORE INTO calendar_days (day, kind, name) VALUES (?, ?, ?)",
                               [(d.day.isoformat(), d.kind, d.name) for d in added])

    if on_start is not None:
        on_start(first_day, last_day, count)
    started = time.perf_counter()
    try:
        report = write_records(context, generator.records(), trusted=True, dry_run=dry_run,
                               action="demo.generate", prepare=add_calendar_days, progress=progress,
                               detail={"scale": scale, "visits": count, "seed": seed,
                                       "from": first_day.isoformat(), "to": last_day.isoformat(),
                                       "calendar_years": years})
    finally:
        context.calendar_changed()
    seconds = time.perf_counter() - started
    counts = {entity: counter.get("new", 0) for entity, counter in report.counts.items()}
    return GenerationResult(scale, count, seed, first_day, last_day, counts, years, seconds, report)

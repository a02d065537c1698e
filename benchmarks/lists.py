"""The lists a desk opens all day: the newest visits, a returning visitor by ID number, and a filtered case list,
each beside the raw SQL of the same query on the same connection."""

from __future__ import annotations

import random

from benchmarks.measure import Figure, interleaved
from receptiondesk.services.desk import Desk
from receptiondesk.storage.cases import CASE_COLUMNS
from receptiondesk.storage.listing import ListRequest
from receptiondesk.storage.visits import VISIT_COLUMNS

LIST_CALLS = 50
LOOKUP_CALLS = 100
WARMUPS = 3

NEWEST_SQL = (f"SELECT {VISIT_COLUMNS} FROM visits WHERE visits.voided = 0 "
              "ORDER BY visits.visit_date DESC, visits.id DESC LIMIT 100 OFFSET 0")
LOOKUP_SQL = """SELECT c.uuid, c.full_name, c.id_type, c.id_number, c.birth_year, c.gender, c.phone, c.address,
                       c.kind, c.protected,
                       (SELECT max(v.visit_date) FROM visits v WHERE v.citizen_id = c.id AND v.voided = 0)
                           AS last_visit,
                       (SELECT count(*) FROM visits v WHERE v.citizen_id = c.id AND v.voided = 0) AS visit_count
                FROM citizens c WHERE c.voided = 0 AND (c.id_number = ?)
                ORDER BY last_visit DESC LIMIT 20"""
CASES_SQL = (f"SELECT {CASE_COLUMNS} FROM cases WHERE cases.voided = 0 AND cases.field_code = ? "
             "AND cases.status = ? ORDER BY cases.received_on DESC, cases.id DESC LIMIT 100 OFFSET 0")
#: Field and status pairs the cases list is opened with, most common first.
CASE_FILTERS = [("land", "in_progress"), ("land", "closed"), ("social_policy", "in_progress"),
                ("environment", "received"), ("housing_construction", "informed"), ("corruption", "in_progress")]


def _plan(conn, sql: str, params: tuple) -> str:
    return " / ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params))


def newest_visits_figure(desk: Desk) -> Figure:
    conn = desk.database.conn
    results: dict[str, list] = {}

    def service() -> None:
        results["service"] = [tuple(r.values()) for r in desk.logbook.visits(ListRequest(), limit=100)]

    def raw() -> None:
        results["raw"] = [tuple(r) for r in conn.execute(NEWEST_SQL).fetchall()]

    service_ns, raw_ns = interleaved(service, raw, calls=LIST_CALLS, warmups=WARMUPS)
    same = results["service"] == results["raw"]
    return Figure(
        "newest 100 visits (logbook.visits)", service_ns, "raw SQL of the same query", raw_ns,
        max_median_ms=10.0,
        notes=[f"newest 100 visits: {len(results['service'])} rows; "
               f"service rows == raw rows: {'yes' if same else 'NO'}",
               f"  plan: {_plan(conn, NEWEST_SQL, ())}"])


def lookup_figure(desk: Desk, seed: int) -> Figure:
    """find_returning by a citizen ID number that came more than once; the service and the raw query each get
    their own numbers, drawn alike, so neither warms the other's pages."""
    conn = desk.database.conn
    numbers = [r[0] for r in conn.execute(
        "SELECT c.id_number FROM citizens c WHERE c.id_type = 'citizen_id' AND c.id % 97 = 0 AND "
        "(SELECT count(*) FROM visits v WHERE v.citizen_id = c.id) > 1 LIMIT 5000")]
    rng = random.Random(seed)
    rng.shuffle(numbers)
    needed = LOOKUP_CALLS + WARMUPS
    if len(numbers) < 2 * needed:
        numbers = numbers * (2 * needed // max(1, len(numbers)) + 1)
    service_numbers, raw_numbers = iter(numbers[:needed]), iter(numbers[needed:2 * needed])
    found = {"service": 0, "raw": 0}

    def service() -> None:
        found["service"] += len(desk.intake.find_returning(id_number=next(service_numbers)))

    def raw() -> None:
        found["raw"] += len(conn.execute(LOOKUP_SQL, (next(raw_numbers),)).fetchall())

    service_ns, raw_ns = interleaved(service, raw, calls=LOOKUP_CALLS, warmups=WARMUPS)
    return Figure(
        "returning visitor by ID (intake.find_returning)", service_ns, "raw indexed SELECT, same query", raw_ns,
        max_median_ms=5.0,
        notes=[f"lookup by ID: {LOOKUP_CALLS} different repeat visitors each side; citizens found: service "
               f"{found['service']}, raw {found['raw']}",
               f"  plan: {_plan(conn, LOOKUP_SQL, ('000000000000',))}"])


def cases_figure(desk: Desk) -> Figure:
    conn = desk.database.conn
    turn = {"service": 0, "raw": 0}
    sizes: dict[str, list[int]] = {"service": [], "raw": []}

    def service() -> None:
        field_code, status = CASE_FILTERS[turn["service"] % len(CASE_FILTERS)]
        turn["service"] += 1
        rows = desk.cases.list(ListRequest(filters={"field_code": field_code, "status": status}), limit=100)
        sizes["service"].append(len(rows))

    def raw() -> None:
        field_code, status = CASE_FILTERS[turn["raw"] % len(CASE_FILTERS)]
        turn["raw"] += 1
        sizes["raw"].append(len(conn.execute(CASES_SQL, (field_code, status)).fetchall()))

    service_ns, raw_ns = interleaved(service, raw, calls=LIST_CALLS, warmups=WARMUPS)
    matching = {f"{f}/{s}": conn.execute("SELECT count(*) FROM cases WHERE field_code = ? AND status = ? "
                                         "AND voided = 0", (f, s)).fetchone()[0] for f, s in CASE_FILTERS}
    return Figure(
        "cases by field and status, first 100 (cases.list)", service_ns, "raw SQL of the same query", raw_ns,
        max_median_ms=50.0,
        notes=[f"cases list: filters in turn {', '.join(f'{k} ({v:,})' for k, v in matching.items())}; "
               f"rows per page service {min(sizes['service'])}–{max(sizes['service'])}, "
               f"raw {min(sizes['raw'])}–{max(sizes['raw'])}",
               f"  plan: {_plan(conn, CASES_SQL, CASE_FILTERS[0])}"])


def run(desk: Desk, *, seed: int) -> list[Figure]:
    return [newest_visits_figure(desk), lookup_figure(desk, seed), cases_figure(desk)]

"""The core store's two figures: registering one visit, and a logbook search, each beside a raw SQLite baseline.

Both run on the same file and connection as their baseline, in the same run, interleaved call by call.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable

from benchmarks.dataset import BENCH_NOW, PROVINCE_CODE
from benchmarks.measure import Figure, interleaved
from receptiondesk.demo.vocabulary import Vocabulary
from receptiondesk.domain.cases import CaseDraft, DirectionDraft
from receptiondesk.domain.citizens import CitizenDraft
from receptiondesk.domain.visits import VisitDraft
from receptiondesk.services.desk import Desk
from receptiondesk.storage.search import match_expression
from receptiondesk.storage.visits import VISIT_COLUMNS

REGISTER_CALLS = 200
REGISTER_WARMUPS = 5
SEARCH_CALLS = 50
SEARCH_WARMUPS = 3
BROAD_SEARCH_CALLS = 20
PAGE_COUNT_CALLS = 30
SCRATCH_TABLE = "bench_scratch_visits"

RAW_SEARCH_SQL = (f"SELECT {VISIT_COLUMNS} FROM visit_search JOIN visits ON visits.id = visit_search.rowid "
                  "WHERE visit_search MATCH ? ORDER BY visits.visit_date DESC, visits.id DESC LIMIT 50")


def _wal_pages_per_commit(conn, call: Callable[[], object]) -> tuple[float, int]:
    """(median, max) WAL frames (database pages) one call commits, counted with automatic checkpoints paused."""
    previous = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    conn.execute("PRAGMA wal_autocheckpoint=0")
    pages = []
    try:
        for _ in range(PAGE_COUNT_CALLS):
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            call()
            pages.append(conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1])
    finally:
        conn.execute(f"PRAGMA wal_autocheckpoint={int(previous)}")
    return statistics.median(pages), max(pages)


# --- register one visit -------------------------------------------------------------------------

def _visit_drafts(desk: Desk, count: int, seed: int) -> list[VisitDraft]:
    """Realistic drafts: a new citizen (ID not yet in the file), one case, guided to a body."""
    vocabulary = Vocabulary(random.Random(seed), PROVINCE_CODE)
    conn = desk.database.conn
    unit = next(u for u in vocabulary.units if u.code == desk.context.settings.unit_code)
    drafts = []
    while len(drafts) < count:
        name, gender, birth_year = vocabulary.person()
        id_number = vocabulary.citizen_id(gender, birth_year)
        if conn.execute("SELECT 1 FROM citizens WHERE id_number = ?", (id_number,)).fetchone():
            continue
        content_type, field_code, summary, position = vocabulary.matter(unit)
        drafts.append(VisitDraft(
            visit_date=BENCH_NOW.date().isoformat(),
            citizen=CitizenDraft(name, id_type="citizen_id", id_number=id_number, birth_year=birth_year,
                                 gender=gender, phone=vocabulary.phone(), address=vocabulary.address(unit)),
            summary=summary,
            direction=DirectionDraft("guided", direction_body=vocabulary.rng.choice(vocabulary.bodies),
                                     in_competence=False),
            new_cases=[CaseDraft(content_type, field_code, summary, respondent_position=position,
                                 respondent_body=unit.body if position else "")],
        ))
    return drafts


def register_figures(desk: Desk, seed: int) -> list[Figure]:
    conn = desk.database.conn
    drafts = iter(_visit_drafts(desk, REGISTER_CALLS + REGISTER_WARMUPS + PAGE_COUNT_CALLS, seed))
    visit_count = conn.execute("SELECT max(id) FROM visits").fetchone()[0]
    template = list(conn.execute("SELECT * FROM visits WHERE id = ?", (visit_count,)).fetchone())
    columns = [row[1] for row in conn.execute("PRAGMA table_info(visits)")]
    with desk.database.write():
        conn.execute(f"DROP TABLE IF EXISTS {SCRATCH_TABLE}")
        conn.execute(f"CREATE TABLE {SCRATCH_TABLE} AS SELECT * FROM visits WHERE 0")
    insert_sql = f"INSERT INTO {SCRATCH_TABLE} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    visits_sql = f"INSERT INTO visits ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    counter = iter(range(1, 1_000_000))
    next_visit_id = iter(range(-1, -1_000_000, -1))  # below every real rowid, so new visits keep theirs
    position = {name: i for i, name in enumerate(columns)}

    def service() -> None:
        desk.intake.register_visit(next(drafts))

    def raw() -> None:
        row = list(template)
        row[0] = next(counter)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(insert_sql, row)
        conn.execute("COMMIT")

    def raw_visit_row() -> None:
        """The logbook row alone, inserted by hand into the real visits table with its indexes."""
        row = list(template)
        row[0] = next(next_visit_id)
        row[position["uuid"]] = f"bench-{row[0]}"
        row[position["unit_code"]] = "99999"
        row[position["logbook_no"]] = -row[0]
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(visits_sql, row)
        conn.execute("COMMIT")

    try:
        service_ns, raw_ns, raw_visit_ns = interleaved(service, raw, raw_visit_row, calls=REGISTER_CALLS,
                                                        warmups=REGISTER_WARMUPS)
        service_pages = _wal_pages_per_commit(conn, service)
        raw_pages = _wal_pages_per_commit(conn, raw)
    finally:
        with desk.database.write():
            conn.execute(f"DROP TABLE IF EXISTS {SCRATCH_TABLE}")
    modes = conn.execute("PRAGMA journal_mode").fetchone()[0], conn.execute("PRAGMA synchronous").fetchone()[0]
    indexes = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'visits'").fetchone()[0]
    return [Figure(
        "register one visit (intake.register_visit)", service_ns,
        f"raw 1-row INSERT+COMMIT, {len(columns)}-column scratch table", raw_ns,
        max_median_ms=2.0, max_ratio=4.0,
        notes=[f"register: new citizen + 1 case + guided with a body; journal_mode={modes[0]}, "
               f"synchronous={modes[1]} (2 = FULL); {REGISTER_WARMUPS} warm-up pairs untimed",
               f"  pages written to the WAL per commit ({PAGE_COUNT_CALLS} untimed calls after the timed ones): "
               f"service median {service_pages[0]:g}, max {service_pages[1]}; "
               f"raw baseline median {raw_pages[0]:g}, max {raw_pages[1]}"],
    ), Figure(
        "register one visit (same samples)", service_ns,
        f"raw 1-row INSERT+COMMIT into visits ({indexes} indexes)", raw_visit_ns,
        notes=["  the second baseline is the logbook row alone, typed into the real table by hand: no citizen, "
               "case, link, search index or audit row"],
    )]


# --- search -------------------------------------------------------------------------------------

def search_figure(desk: Desk, text: str, calls: int, *, targets: bool) -> Figure:
    conn = desk.database.conn
    match = match_expression(text)
    results: dict[str, list[tuple]] = {}

    def service() -> None:
        results["service"] = [tuple(row.values()) for row in desk.logbook.search(text, limit=50)]

    def raw() -> None:
        results["raw"] = [tuple(row) for row in conn.execute(RAW_SEARCH_SQL, (match,)).fetchall()]

    service_ns, raw_ns = interleaved(service, raw, calls=calls, warmups=SEARCH_WARMUPS)
    matches = conn.execute("SELECT count(*) FROM visit_search WHERE visit_search MATCH ?", (match,)).fetchone()[0]
    same = results["service"] == results["raw"]
    plan = " / ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + RAW_SEARCH_SQL, (match,)))
    notes = [f"search {text!r}: MATCH {match}; {matches:,} matching visits; "
             f"{len(results['service'])} rows returned; service rows == raw rows: {'yes' if same else 'NO'}",
             f"  plan: {plan}"]
    figure = Figure(
        f"search {text!r}, newest 50 (logbook.search)", service_ns,
        "raw FTS5 MATCH + JOIN, same columns, LIMIT 50", raw_ns,
        max_median_ms=30.0 if targets else None, max_ratio=2.0 if targets else None, notes=notes,
    )
    if not same:
        figure.notes.append("  the service and the raw query returned different rows")
    return figure


def run(desk: Desk, *, seed: int) -> list[Figure]:
    """Every figure of the core store on an open desk (searches first, on the data as generated)."""
    searches = [
        search_figure(desk, "nguyen van duc", SEARCH_CALLS, targets=True),
        search_figure(desk, "nguyen thi", BROAD_SEARCH_CALLS, targets=False),
    ]
    return [*register_figures(desk, seed), *searches]

"""The benchmark data file: a desk of one province's communes over five years, filled by the product's generator.

`python -m benchmarks.dataset --visits N` only generates, then checks the schema and the counters.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sqlite3
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path

from receptiondesk import paths
from receptiondesk.demo import generator as generator_module
from receptiondesk.demo import vocabulary as vocabulary_module
from receptiondesk.demo.loader import generate_into
from receptiondesk.demo.vocabulary import province_units
from receptiondesk.domain.values import VIETNAM_TZ
from receptiondesk.services import interchange as interchange_module
from receptiondesk.services.desk import Desk
from receptiondesk.storage.database import open_database

DEFAULT_SEED = generator_module.DEFAULT_SEED
DEFAULT_VISITS = 1_000_000
#: Tỉnh Bắc Ninh (merged with Bắc Giang in 2025): 99 communes.
PROVINCE_CODE = "24"
#: The data ends on the last day of 2025; the desk's clock during the runs stands just after it.
LAST_DAY = date(2025, 12, 31)
BENCH_NOW = datetime(2025, 12, 31, 17, 30, tzinfo=VIETNAM_TZ)
OFFICER_NAME = "Cán bộ tiếp công dân"
BENCH_USER = "canbo"
BENCH_PASSWORD = "mật khẩu đo đạc"


def desk_unit() -> str:
    """The desk's own commune: the province's first by code."""
    return province_units(PROVINCE_CODE)[0].code


def generator_version() -> str:
    """A fingerprint of the generator, its words and the bulk path: a file made by other code is not reused."""
    digest = hashlib.sha256()
    for path in (Path(generator_module.__file__), Path(vocabulary_module.__file__),
                 Path(interchange_module.__file__), paths.resource("data", "generator", "vocabulary.json")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@dataclass
class GenerationReport:
    path: str
    visits: int
    seed: int
    generator: str
    seconds: float
    counts: dict[str, int] = field(default_factory=dict)
    desk_unit: str = ""

    @property
    def records(self) -> int:
        return sum(self.counts.values())


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def data_file_name(visits: int, seed: int) -> str:
    return f"province-{PROVINCE_CODE}-{visits}-visits-seed{seed}.sqlite3"


def reusable(path: Path, visits: int, seed: int) -> GenerationReport | None:
    """The report of an earlier complete generation of the same size, seed and generator at `path`, if any."""
    sidecar = sidecar_path(path)
    if not path.exists() or not sidecar.exists() or path.stat().st_size == 0:
        return None
    try:
        report = GenerationReport(**json.loads(sidecar.read_text(encoding="utf-8")))
    except (ValueError, TypeError):
        return None
    if (report.visits, report.seed, report.generator) != (visits, seed, generator_version()):
        return None
    return report


def remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", ".lock", ".json"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.unlink()


def generate(path: Path, visits: int = DEFAULT_VISITS, seed: int = DEFAULT_SEED, *,
             progress=lambda message: None) -> GenerationReport:
    """A fresh desk at `path`, set up for the province's first commune and filled through `generate_into`
    (province scale); the time covers generating and writing every record, indexes and search included."""
    path = Path(path)
    remove(path)
    unit = desk_unit()
    with Desk.open(path, clock=lambda: BENCH_NOW) as desk:
        desk.first_run(unit, BENCH_USER, OFFICER_NAME, BENCH_PASSWORD)
        started = time.perf_counter()
        last = [started]

        def report_progress(records: int) -> None:
            now = time.perf_counter()
            if now - last[0] >= 15:
                last[0] = now
                progress(f"  {records:,} records written ({now - started:.0f} s)")

        result = generate_into(desk.context, "province", visits=visits, seed=seed, until=LAST_DAY,
                               progress=report_progress)
    report = GenerationReport(str(path), visits, seed, generator_version(), round(result.seconds, 1),
                              result.counts, unit)
    sidecar_path(path).write_text(json.dumps(asdict(report), indent=2), encoding="utf-8")
    return report


# --- Checks -------------------------------------------------------------------------------------

def schema_of(conn: sqlite3.Connection) -> list[tuple]:
    """The schema as sqlite_master lists it (without root page numbers), plus user_version."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    return [tuple(r) for r in rows] + [("user_version", conn.execute("PRAGMA user_version").fetchone()[0])]


def fresh_schema(folder: Path) -> list[tuple]:
    with tempfile.TemporaryDirectory(dir=folder) as scratch:
        fresh = open_database(Path(scratch) / "fresh.sqlite3")
        try:
            return schema_of(fresh.conn)
        finally:
            fresh.close()


def check_schema(path: Path) -> list[str]:
    """Differences between the file's schema and that of a freshly migrated file (empty when they match)."""
    expected = fresh_schema(path.parent)
    conn = sqlite3.connect(path)
    try:
        actual = schema_of(conn)
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()
    problems = [f"missing: {row}" for row in expected if row not in actual]
    problems += [f"unexpected: {row}" for row in actual if row not in expected]
    if mode != "wal":
        problems.append(f"journal_mode is {mode}, not wal")
    return problems


def check_integrity(path: Path) -> list[str]:
    """Foreign keys, numbering and counters of a generated file; an empty list when all is well."""
    conn = sqlite3.connect(path)
    problems: list[str] = []
    try:
        broken = conn.execute("PRAGMA foreign_key_check").fetchmany(5)
        if broken:
            problems.append(f"foreign keys: {broken}")
        seq = conn.execute("SELECT value FROM counters WHERE name = 'change_seq'").fetchone()[0]
        top = max(conn.execute(f"SELECT coalesce(max(seq), 0) FROM {t}").fetchone()[0]
                  for t in ("signers", "citizens", "cases", "sessions", "visits", "letters", "assignments",
                            "attachments"))
        if seq < top:
            problems.append(f"change_seq {seq} is below the highest seq {top}")
        for scope, table, column in (("logbook", "visits", "logbook_no"), ("letters", "letters", "letter_no")):
            behind = conn.execute(
                f"SELECT t.unit_code, t.year, max(t.{column}), n.last FROM {table} t LEFT JOIN number_counters n "
                f"ON n.scope = ? AND n.unit_code = t.unit_code AND n.year = t.year "
                f"GROUP BY t.unit_code, t.year HAVING n.last IS NULL OR n.last < max(t.{column})",
                (scope,)).fetchmany(5)
            if behind:
                problems.append(f"{scope} counters behind: {behind}")
        for table, fts in (("visits", "visit_search"), ("cases", "case_search"), ("letters", "letter_search")):
            rows, indexed = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (table, fts))
            if rows != indexed:
                problems.append(f"{fts} has {indexed} rows for {rows} {table}")
    finally:
        conn.close()
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dataset", description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=DEFAULT_VISITS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parent / "data")
    args = parser.parse_args(argv)
    args.data_dir.mkdir(parents=True, exist_ok=True)
    path = args.data_dir / data_file_name(args.visits, args.seed)
    report = generate(path, args.visits, args.seed, progress=print)
    print(f"{report.visits:,} visits, {report.records:,} records in {report.seconds:.1f} s → {path} "
          f"({os.path.getsize(path) / 2**20:,.0f} MiB)")
    print(json.dumps(report.counts))
    problems = check_schema(path) + check_integrity(path)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

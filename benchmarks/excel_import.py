"""Bringing an old logbook in: a 50,000-row logbook workbook (the desk's own Mẫu 03/TCD export of a generated
commune, with its names and addresses) read, checked and reported row by row, then committed into an empty desk;
each beside a raw baseline measured in the same run."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from benchmarks.dataset import BENCH_NOW, BENCH_PASSWORD, BENCH_USER, LAST_DAY, OFFICER_NAME, desk_unit
from benchmarks.measure import Figure
from receptiondesk.demo.loader import generate_into
from receptiondesk.services.desk import Desk
from receptiondesk.services.excel_import import RowStatus

ROWS = 50_000
RUNS = 3
FOLDER = "excel-import"
#: The issue's targets: to the row report, then to the commit.
PLAN_SECONDS = 30
COMMIT_SECONDS = 30


def _clean(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)


def _desk(path: Path) -> Desk:
    desk = Desk.open(path, clock=lambda: BENCH_NOW)
    desk.login(BENCH_USER, BENCH_PASSWORD)
    return desk


def _raw_read(path: Path) -> int:
    """openpyxl alone: every cell of the sheet read in read-only mode, nothing converted or checked."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()


def run(data_dir: Path, *, progress=print) -> list[Figure]:
    folder = data_dir / FOLDER
    _clean(folder)
    unit = desk_unit()
    template = folder / "empty-desk.sqlite3"
    with Desk.open(template, clock=lambda: BENCH_NOW) as desk:
        desk.first_run(unit, BENCH_USER, OFFICER_NAME, BENCH_PASSWORD)
    source_desk = folder / "source.sqlite3"
    shutil.copyfile(template, source_desk)
    workbook = folder / "so-tiep-cong-dan.xlsx"
    progress(f"  generating a commune of {ROWS:,} visits and exporting its logbook to {workbook.name} ...")
    with _desk(source_desk) as desk:
        generate_into(desk.context, "commune", visits=ROWS, until=LAST_DAY)
        written = desk.exports.logbook_xlsx(workbook, include_protected=True)

    plan_ns, read_ns, commit_ns, bulk_ns = [], [], [], []
    plan = None
    for attempt in range(RUNS):
        target = folder / f"import-{attempt}.sqlite3"
        shutil.copyfile(template, target)
        with _desk(target) as desk:
            started = time.perf_counter_ns()
            plan = desk.excel_import.plan(workbook)
            plan_ns.append(time.perf_counter_ns() - started)
            started = time.perf_counter_ns()
            _raw_read(workbook)
            read_ns.append(time.perf_counter_ns() - started)
            started = time.perf_counter_ns()
            report = desk.excel_import.commit(plan)
            commit_ns.append(time.perf_counter_ns() - started)
        bulk = folder / f"bulk-{attempt}.sqlite3"
        shutil.copyfile(template, bulk)
        with _desk(bulk) as desk:
            from receptiondesk.services.interchange import write_records

            started = time.perf_counter_ns()
            write_records(desk.context, plan.records, trusted=True)
            bulk_ns.append(time.perf_counter_ns() - started)
        target.unlink()
        bulk.unlink()
    assert plan is not None
    counts = plan.counts
    shutil.rmtree(folder, ignore_errors=True)
    return [
        Figure(f"Excel logbook {ROWS // 1000}k rows → row report", plan_ns, "openpyxl reading every cell alone",
               read_ns, max_median_ms=PLAN_SECONDS * 1000,
               notes=[f"Excel import: {written:,} rows exported from a generated commune; the row report: "
                      f"{counts[RowStatus.IMPORTED.value]:,} to import, {counts[RowStatus.WARNED.value]:,} with "
                      f"warnings, {counts[RowStatus.SKIPPED.value]:,} skipped; {len(plan.records):,} records "
                      f"({report.totals()['new']:,} written by the commit)."]),
        Figure(f"Excel logbook {ROWS // 1000}k rows → committed", commit_ns,
               "the bulk writer alone (records pre-checked)", bulk_ns, max_median_ms=COMMIT_SECONDS * 1000),
    ]


def main(argv: list[str] | None = None) -> int:
    from benchmarks.__main__ import DEFAULT_DATA_DIR, print_figures

    print_figures(run(DEFAULT_DATA_DIR))
    return 0


if __name__ == "__main__":
    sys.exit(main())

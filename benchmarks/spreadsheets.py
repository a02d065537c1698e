"""Spreadsheet exports at province scale: the whole logbook to XLSX in a child process (time and peak resident
memory), and a 100,000-row logbook extract to XLSX and to CSV, each beside a raw baseline measured in the same run:
the same rows by one plain SELECT, written by XlsxWriter alone (constant memory, `write_row`) or by the csv module.

Run alone on a copy of a generated file: `python -m benchmarks.spreadsheets --visits 20000` (or `--file PATH`;
`--skip-whole` leaves out the whole-logbook figure).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import xlsxwriter

from benchmarks.dataset import BENCH_NOW, BENCH_PASSWORD, BENCH_USER
from benchmarks.measure import Figure, PeakFigure, interleaved, reset_peak, status_kib
from receptiondesk.services.desk import Desk
from receptiondesk.storage.listing import ListRequest

EXTRACT_ROWS = 100_000
EXTRACT_CALLS = 3
EXTRACT_WARMUPS = 1
WHOLE_TARGET_MS = 120_000
WHOLE_PEAK_MIB = 200
EXTRACT_TARGET_MS = 12_000
CHILD_TIMEOUT_S = 900
WORKING_COPY = "bench-spreadsheets.sqlite3"

#: The baseline's rows: the logbook's source columns in logbook order, as SQLite gives them, with no shaping.
RAW_SQL = """SELECT v.logbook_no, v.visit_date, v.full_name, v.address, v.id_number, v.summary,
    (SELECT group_concat(c.content_type) FROM visit_cases vc JOIN cases c ON c.id = vc.case_id
      WHERE vc.visit_id = v.id) AS content_types,
    v.headcount, v.prior_handler, v.direction, v.direction_body, v.direction_doc, v.followup, v.notes
    FROM visits v WHERE v.voided = 0 AND v.visit_date <= ? ORDER BY v.visit_date, v.id"""
RAW_HEADER = ("logbook_no", "visit_date", "full_name", "address", "id_number", "summary", "content_types",
              "headcount", "prior_handler", "direction", "direction_body", "direction_doc", "followup", "notes")
#: A date after every visit: the whole logbook.
ALL_DAYS = "9999-12-31"


# -- the writers ------------------------------------------------------------------------------------------------

def raw_xlsx(conn: sqlite3.Connection, last_day: str, out: Path) -> int:
    """The baseline: one SELECT streamed into XlsxWriter (constant memory) with `write_row`, a header row."""
    cursor = conn.cursor()
    cursor.row_factory = None
    workbook = xlsxwriter.Workbook(str(out), {"constant_memory": True, "use_zip64": True})
    sheet = workbook.add_worksheet("raw")
    sheet.write_row(0, 0, RAW_HEADER)
    rows = 0
    for values in cursor.execute(RAW_SQL, (last_day,)):
        rows += 1
        sheet.write_row(rows, 0, values)
    workbook.close()
    return rows


def raw_csv(conn: sqlite3.Connection, last_day: str, out: Path) -> int:
    """The baseline: the same SELECT written by the csv module, UTF-8 with a BOM."""
    cursor = conn.cursor()
    cursor.row_factory = None
    rows = 0
    with open(out, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(RAW_HEADER)
        for values in cursor.execute(RAW_SQL, (last_day,)):
            writer.writerow(values)
            rows += 1
    return rows


def child(mode: str, database: Path, out: Path, last_day: str) -> dict[str, float | int]:
    """In a fresh process: export the logbook up to `last_day` ("service": the desk signed in, then
    `exports.logbook_xlsx`; "raw": a read-only connection and `raw_xlsx`). The peak before the export (start-up,
    sign-in) is kept, then the peak is reset so the export's own peak is measured too."""
    if mode == "service":
        desk = Desk.open(database, clock=lambda: BENCH_NOW)
        desk.login(BENCH_USER, BENCH_PASSWORD)

        def export() -> int:
            return desk.exports.logbook_xlsx(out, ListRequest(filters={"date_to": last_day}))
    else:
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)

        def export() -> int:
            return raw_xlsx(conn, last_day, out)
    before = status_kib("VmHWM")
    reset = reset_peak()
    started = time.perf_counter_ns()
    rows = export()
    elapsed = time.perf_counter_ns() - started
    during = status_kib("VmHWM")
    if mode == "service":
        desk.close()
    return {"ns": elapsed, "rows": rows, "size": out.stat().st_size, "start_peak_kib": before,
            "export_peak_kib": during if reset else 0, "peak_kib": max(before, during)}


def _run_child(mode: str, database: Path, out: Path, last_day: str) -> dict[str, float | int]:
    done = subprocess.run([sys.executable, "-m", "benchmarks.spreadsheets", "--child", mode, str(database),
                           str(out), last_day], capture_output=True, text=True, timeout=CHILD_TIMEOUT_S,
                          cwd=Path(__file__).resolve().parents[1])
    if done.returncode != 0:
        raise RuntimeError(f"the {mode} child failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the figures ------------------------------------------------------------------------------------------------

def _extract_end(database: Path) -> str:
    """The day of the EXTRACT_ROWS-th live visit in logbook order: the logbook up to it is the extract."""
    conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT visit_date FROM visits WHERE voided = 0 ORDER BY visit_date, id LIMIT 1 "
                           "OFFSET ?", (EXTRACT_ROWS - 1,)).fetchone()
        if row is None:
            row = conn.execute("SELECT max(visit_date) FROM visits").fetchone()
        return row[0]
    finally:
        conn.close()


def _mib(kib: float) -> float:
    return kib / 1024


def whole_figure(database: Path, folder: Path) -> Figure:
    """The whole logbook to XLSX, the service and the baseline each in its own child process."""
    service = _run_child("service", database, folder / "whole.xlsx", ALL_DAYS)
    (folder / "whole.xlsx").unlink()
    raw = _run_child("raw", database, folder / "whole-raw.xlsx", ALL_DAYS)
    (folder / "whole-raw.xlsx").unlink()
    rows = int(service["rows"])
    return PeakFigure(
        f"whole logbook, {rows:,} rows to XLSX (exports.logbook_xlsx)", [int(service["ns"])],
        "raw SELECT → XlsxWriter write_row, constant memory", [int(raw["ns"])],
        max_median_ms=WHOLE_TARGET_MS, peak_mib=_mib(service["peak_kib"]), max_peak_mib=WHOLE_PEAK_MIB,
        notes=[f"whole logbook: {rows:,} rows ({service['size'] / 2**20:,.0f} MiB), baseline {int(raw['rows']):,} "
               f"rows ({raw['size'] / 2**20:,.0f} MiB); each in a new process",
               f"  peak resident memory (VmHWM): service {_mib(service['peak_kib']):.0f} MiB over the whole process "
               f"(start-up and sign-in {_mib(service['start_peak_kib']):.0f} MiB, during the export "
               f"{_mib(service['export_peak_kib']):.0f} MiB); baseline {_mib(raw['peak_kib']):.0f} MiB "
               f"(during the export {_mib(raw['export_peak_kib']):.0f} MiB)"])


def extract_figures(database: Path, folder: Path) -> list[Figure]:
    """A logbook extract of about EXTRACT_ROWS rows (every visit up to a day) to XLSX and to CSV, in this
    process, each call beside its baseline, interleaved."""
    last_day = _extract_end(database)
    request = ListRequest(filters={"date_to": last_day})
    counts: dict[str, int] = {}
    with Desk.open(database, clock=lambda: BENCH_NOW) as desk:
        desk.login(BENCH_USER, BENCH_PASSWORD)
        reader = desk.database.reader()
        try:
            def service_xlsx() -> None:
                counts["xlsx"] = desk.exports.logbook_xlsx(folder / "extract.xlsx", request)

            def baseline_xlsx() -> None:
                counts["raw xlsx"] = raw_xlsx(reader, last_day, folder / "extract-raw.xlsx")

            def service_csv() -> None:
                counts["csv"] = desk.exports.logbook_csv(folder / "extract.csv", request)

            def baseline_csv() -> None:
                counts["raw csv"] = raw_csv(reader, last_day, folder / "extract-raw.csv")

            xlsx_ns, raw_xlsx_ns = interleaved(service_xlsx, baseline_xlsx, calls=EXTRACT_CALLS,
                                               warmups=EXTRACT_WARMUPS)
            csv_ns, raw_csv_ns = interleaved(service_csv, baseline_csv, calls=EXTRACT_CALLS, warmups=EXTRACT_WARMUPS)
        finally:
            reader.close()
    sizes = {name: (folder / name).stat().st_size / 2**20 for name in
             ("extract.xlsx", "extract-raw.xlsx", "extract.csv", "extract-raw.csv")}
    rows = counts["xlsx"]
    return [
        Figure(f"logbook extract, {rows:,} rows to XLSX (exports.logbook_xlsx)", xlsx_ns,
               "raw SELECT → XlsxWriter write_row, constant memory", raw_xlsx_ns, max_median_ms=EXTRACT_TARGET_MS,
               notes=[f"logbook extract: the visits up to {last_day} (filter date_to), {rows:,} rows; baseline "
                      f"{counts['raw xlsx']:,} rows; XLSX {sizes['extract.xlsx']:.1f} MiB, baseline "
                      f"{sizes['extract-raw.xlsx']:.1f} MiB; the service shapes each row as the printed logbook "
                      "(Mẫu 03/TCD), writes to a temporary file, fsyncs it and renames it, and audits"]),
        Figure(f"logbook extract, {counts['csv']:,} rows to CSV (exports.logbook_csv)", csv_ns,
               "raw SELECT → csv.writer, same file encoding", raw_csv_ns,
               notes=[f"logbook extract to CSV: {sizes['extract.csv']:.1f} MiB, baseline "
                      f"{sizes['extract-raw.csv']:.1f} MiB ({counts['raw csv']:,} rows)"]),
    ]


def run(database: Path, *, whole: bool = True) -> list[Figure]:
    """Every spreadsheet figure on `database` (a working copy no other connection holds open); the files are
    written in a scratch folder beside it and removed."""
    with tempfile.TemporaryDirectory(prefix="bench-spreadsheets-", dir=database.parent) as scratch:
        folder = Path(scratch)
        figures = extract_figures(database, folder)
        if whole:
            figures.insert(0, whole_figure(database, folder))
    return figures


def main(argv: list[str] | None = None) -> int:
    """Only these figures, on a working copy of a generated file (deleted afterwards); or one child's export."""
    from benchmarks import dataset
    from benchmarks.__main__ import DEFAULT_DATA_DIR, _remove_working_copy, _working_copy, print_figures

    parser = argparse.ArgumentParser(prog="python -m benchmarks.spreadsheets", description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=dataset.DEFAULT_VISITS)
    parser.add_argument("--file", type=Path, default=None, help="a generated file (default: the one of --visits)")
    parser.add_argument("--skip-whole", action="store_true", help="leave out the whole-logbook figure")
    parser.add_argument("--child", nargs=4, metavar=("MODE", "DATABASE", "OUT", "LAST_DAY"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, database, out, last_day = args.child
        print(json.dumps(child(mode, Path(database), Path(out), last_day)), flush=True)
        return 0
    source = args.file or DEFAULT_DATA_DIR / dataset.data_file_name(args.visits, dataset.DEFAULT_SEED)
    if not source.exists():
        print(f"{source} does not exist: generate it with `python -m benchmarks.dataset --visits N`", file=sys.stderr)
        return 2
    work = source.with_name(WORKING_COPY)
    _working_copy(source, work)
    try:
        figures = run(work, whole=not args.skip_whole)
    finally:
        _remove_working_copy(work)
    print(f"{source} ({source.stat().st_size / 2**20:,.0f} MiB); {os.cpu_count()} CPUs")
    print_figures(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The benchmark runner: generate (or reuse) the data file, run every figure on a copy, print one table."""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import sys
import time
from datetime import datetime
from pathlib import Path

from benchmarks import (backups, cases_screen, consolidation, core_store, dataset, desk_window, documents,
                        excel_import, frozen_start, lists, privacy, reports, spreadsheets, sync, transfer)
from benchmarks.dataset import BENCH_NOW
from benchmarks.measure import Figure, spread_ms
from receptiondesk.services.desk import Desk
from receptiondesk.storage.database import BACKUP_DIR

DEFAULT_DATA_DIR = Path(__file__).resolve().parent / "data"
WORKING_COPY = "bench-run.sqlite3"
#: Generating the 1,000,000-visit file may take this long.
GENERATION_TARGET_SECONDS = 180
#: File systems that live in memory: timings of fsync there say nothing about a desk PC's disk.
MEMORY_FILE_SYSTEMS = ("tmpfs", "ramfs")


def _unescape_mount(text: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash as octal escapes (\\040...)."""
    out, i = [], 0
    while i < len(text):
        code = text[i + 1:i + 4]
        if text[i] == "\\" and len(code) == 3 and all(c in "01234567" for c in code):
            out.append(chr(int(code, 8)))
            i += 4
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def mount_of(path: Path, mounts_file: Path = Path("/proc/mounts")) -> tuple[str, str] | None:
    """(mount point, file system type) of the longest mount point containing `path`; None if unknown."""
    path = path.resolve()
    while not path.exists() and path != path.parent:
        path = path.parent
    try:
        lines = mounts_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    best: tuple[str, str] | None = None
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point, fstype = _unescape_mount(fields[1]), fields[2]
        mount = Path(point)
        if (path == mount or mount in path.parents) and (best is None or len(point) >= len(best[0])):
            best = (point, fstype)
    return best


def _remove_working_copy(work: Path) -> None:
    """Delete the run's working copy, its side files, and the copy a migration of it left behind."""
    for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
        leftover = work.with_name(work.name + suffix)
        if leftover.exists():
            leftover.unlink()
    kept = work.parent / BACKUP_DIR  # the copy taken if the working copy needed a migration
    for leftover in kept.glob(f"{work.stem}-before-migration-*"):
        leftover.unlink()
    if kept.is_dir() and not any(kept.iterdir()):
        kept.rmdir()


def _working_copy(source: Path, target: Path) -> float:
    """Copy the generated file for this run (the figures write to it), flushed to disk; returns seconds."""
    started = time.perf_counter()
    conn = sqlite3.connect(source)  # fold any write-ahead log into the file before copying it
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for suffix in ("", "-wal", "-shm", ".lock"):
        leftover = target.with_name(target.name + suffix)
        if leftover.exists():
            leftover.unlink()
    shutil.copyfile(source, target)
    with open(target, "rb+") as fh:
        os.fsync(fh.fileno())
    return time.perf_counter() - started


def _time(ms: float) -> str:
    return f"{ms:.2f} ms" if ms < 1000 else f"{ms / 1000:.2f} s"


def _spread(samples_ns: list[int]) -> str:
    lo, hi = spread_ms(samples_ns)
    return f"{lo:.2f}–{hi:.2f}" if hi < 1000 else f"{lo / 1000:.2f}–{hi / 1000:.2f} s"


def _format_table(figures: list[Figure]) -> list[str]:
    header = ("figure", "N", "median", "p10–p90", "raw baseline", "base median", "base p10–p90", "ratio",
              "target", "result")
    rows = []
    for f in figures:
        result = {True: "PASS", False: "FAIL", None: "—"}[f.passed]
        rows.append((f.name, str(len(f.samples_ns)), _time(f.median_ms), _spread(f.samples_ns),
                     f.baseline_name, _time(f.baseline_median_ms), _spread(f.baseline_ns),
                     f"{f.ratio:.2f}×", f.target, result))
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    right = {1, 2, 3, 5, 6, 7}

    def line(cells) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    return [line(header), "  ".join("-" * w for w in widths), *(line(r) for r in rows)]


def print_figures(figures: list[Figure]) -> None:
    """The table of figures, a blank line, then every figure's notes."""
    for line in _format_table(figures):
        print(line)
    print()
    for figure in figures:
        for note in figure.notes:
            print(note)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=dataset.DEFAULT_VISITS,
                        help="visits in the generated file (default 1,000,000)")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR,
                        help="where the generated file and the working copy go (default benchmarks/data/)")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse a complete generated file of the same size and seed instead of regenerating")
    parser.add_argument("--seed", type=int, default=dataset.DEFAULT_SEED, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.visits < 1000:
        parser.error("--visits must be at least 1000")

    data_dir = args.data_dir.resolve()
    mount = mount_of(data_dir)
    if mount is not None and mount[1] in MEMORY_FILE_SYSTEMS:
        print(f"Refusing to run: the data directory {data_dir} is on {mount[1]} (mounted at {mount[0]}), which "
              "lives in memory; commit and fsync timings there mean nothing for a desk PC's disk. "
              "Pass --data-dir on a disk-backed file system.", file=sys.stderr)
        return 2
    data_dir.mkdir(parents=True, exist_ok=True)
    source = data_dir / dataset.data_file_name(args.visits, args.seed)

    report = dataset.reusable(source, args.visits, args.seed) if args.reuse else None
    if report is not None:
        generation = f"reused, generated earlier in {report.seconds:.1f} s"
        print(f"Reusing {source}", flush=True)
    else:
        print(f"Generating {args.visits:,} visits (seed {args.seed}, province scale, product generator) into "
              f"{source} ...", flush=True)
        report = dataset.generate(source, args.visits, args.seed, progress=lambda m: print(m, flush=True))
        generation = f"generated in {report.seconds:.1f} s"
        print(f"Generated {args.visits:,} visits ({report.records:,} records) in {report.seconds:.1f} s", flush=True)
    problems = dataset.check_schema(source)
    if problems:
        print("The generated file's schema differs from a freshly migrated file:", *problems, sep="\n  ",
              file=sys.stderr)
        return 1

    work = data_dir / WORKING_COPY
    copy_seconds = _working_copy(source, work)
    print(f"Working copy {work} made in {copy_seconds:.1f} s; running the figures ...", flush=True)
    try:
        print("Start-up figure (new processes, each opening the working copy) ...", flush=True)
        startup = desk_window.startup_figure(work)  # before the runner opens (and locks) the copy
        print("Built program's start-up figure (dist/receptiondesk, if built) ...", flush=True)
        frozen = frozen_start.run(work)
        with Desk.open(work, clock=lambda: BENCH_NOW) as desk:
            figures = privacy.run(desk)
            figures += lists.run(desk, seed=args.seed)
            figures += core_store.run(desk, seed=args.seed)
            print("Backup figure ...", flush=True)
            figures += backups.run(desk)
            print("Window figures (offscreen Qt) ...", flush=True)
            figures += [startup, *frozen, *desk_window.run(desk, seed=args.seed)]
            print("Cases screen figures (offscreen Qt) ...", flush=True)
            figures += cases_screen.run(desk)
            print("Report figures ...", flush=True)
            figures += reports.run(desk)
        print("Spreadsheet figures (the whole logbook in a child process) ...", flush=True)
        figures += spreadsheets.run(work)  # after the runner's desk is closed: the child opens the copy itself
        print("Sync figures (each package in a child process) ...", flush=True)
        figures += sync.run(work)
    finally:
        _remove_working_copy(work)
    print("Document figures ...", flush=True)
    figures += documents.run()
    print("Import and export figures ...", flush=True)
    figures += transfer.run(data_dir, seed=args.seed, progress=lambda m: print(m, flush=True))
    print("Consolidation figures ...", flush=True)
    figures += consolidation.run(data_dir, progress=lambda m: print(m, flush=True))
    print("Excel import figures ...", flush=True)
    figures += excel_import.run(data_dir, progress=lambda m: print(m, flush=True))

    counts = report.counts
    size = source.stat().st_size
    generation_ok = report.seconds <= GENERATION_TARGET_SECONDS or args.visits != dataset.DEFAULT_VISITS
    print()
    print(f"ReceptionDesk benchmarks — {datetime.now():%Y-%m-%d %H:%M}")
    print(f"data file : {source} ({size / 2**20:,.0f} MiB; {generation})")
    print(f"            {counts.get('visit', 0):,} visits, {counts.get('citizen', 0):,} citizens, "
          f"{counts.get('case', 0):,} cases, {counts.get('letter', 0):,} letters, {counts.get('session', 0):,} "
          f"sessions, {counts.get('assignment', 0):,} assignments, {counts.get('attachment', 0):,} attachments, "
          f"{counts.get('signer', 0):,} signers = {report.records:,} records")
    print(f"            province {dataset.PROVINCE_CODE}, seed {report.seed}, desk unit {report.desk_unit}, "
          f"generator {report.generator}")
    where = f"{mount[0]} ({mount[1]})" if mount else "unknown"
    print(f"run on    : a copy ({work.name}, removed afterwards) in the same directory; mount {where}")
    print(f"SQLite {sqlite3.sqlite_version}, Python {platform.python_version()}, {platform.system()} "
          f"{platform.release()}; machine: {os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))})")
    print()
    print_figures(figures)
    target = (f"target ≤ {GENERATION_TARGET_SECONDS} s for 1,000,000 visits: "
              f"{'PASS' if report.seconds <= GENERATION_TARGET_SECONDS else 'FAIL'}"
              if args.visits == dataset.DEFAULT_VISITS else
              f"target ≤ {GENERATION_TARGET_SECONDS} s applies to 1,000,000 visits")
    print(f"generation: {report.visits:,} visits → {report.records:,} records through generate_into (generator + "
          f"bulk path, indexes and search included) in {report.seconds:.1f} s; {target}")
    failed = [f.name for f in figures if f.passed is False]
    if not generation_ok:
        failed.append("generation of the 1M-visit file")
    print()
    print(f"{len(failed)} figure(s) missed their target: {'; '.join(failed)}" if failed
          else "Every figure with a target met it.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

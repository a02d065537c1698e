"""The backup figure: `BackupService.create` (SQLite's backup API into a scratch copy, its description, encryption in
place in 1 MiB AES-GCM chunks, fsync, rename) beside a raw `conn.backup` into a new file, in the same run, from the
same kind of read connection, alternating. Verification — quick_check of the copy and reading the encrypted file
back whole (every tag, and its SHA-256) — is timed apart and printed under the table.

Run alone on a copy of a generated file: `python -m benchmarks.backups --visits 20000` (or `--file PATH`).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from benchmarks.dataset import BENCH_NOW, BENCH_PASSWORD, BENCH_USER
from benchmarks.measure import Figure
from receptiondesk.services.backups import BACKUPS_FOLDER
from receptiondesk.services.desk import Desk

CALLS = 3
RAW_COPY = "bench-raw-backup.sqlite3"


def _raw_backup(desk: Desk, target: Path) -> int:
    """A plain `conn.backup` into a new file (SQLite's defaults: a rollback journal, synced at commit)."""
    for leftover in (target, target.with_name(target.name + "-journal")):
        leftover.unlink(missing_ok=True)
    source = desk.database.reader()
    started = time.perf_counter_ns()
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
        elapsed = time.perf_counter_ns() - started
    finally:
        source.close()
        target.unlink(missing_ok=True)
    return elapsed


def run(desk: Desk, calls: int = CALLS) -> list[Figure]:
    desk.login(BENCH_USER, BENCH_PASSWORD)
    folder = desk.database.path.parent
    backups_folder = folder / BACKUPS_FOLDER
    had_folder = backups_folder.exists()
    made, raw, steps = [], [], []
    size = 0
    try:
        for _ in range(calls):
            raw.append(_raw_backup(desk, folder / RAW_COPY))
            result = desk.backups.create("manual", second=False)
            made.append(int(result.seconds_making * 1e9))
            steps.append(result.seconds)
            size = result.size
            result.path.unlink()
    finally:
        if not had_folder and backups_folder.exists():
            shutil.rmtree(backups_folder, ignore_errors=True)

    def median(step: str) -> float:
        return statistics.median(s.get(step, 0.0) for s in steps)

    plain = desk.database.scalar("PRAGMA page_count") * desk.database.scalar("PRAGMA page_size")
    notes = [
        f"backup: {plain / 2**20:,.0f} MiB database → {size / 2**20:,.0f} MiB encrypted file; median steps: "
        f"copy (backup API) {median('copy'):.2f} s, description (counts, numbers) {median('describe'):.2f} s, "
        f"encryption in place + fsync {median('seal'):.2f} s",
        f"backup verification, timed apart: quick_check of the copy {median('quick_check'):.2f} s, read-back of the "
        f"encrypted file (every tag + SHA-256) {median('read_back'):.2f} s",
    ]
    return [Figure("backup (encrypted, verified apart)", made, "raw conn.backup to a file", raw, max_ratio=1.3,
                   notes=notes)]


def main(argv: list[str] | None = None) -> int:
    """Only this figure, on a working copy of a generated file (deleted afterwards)."""
    from benchmarks import dataset
    from benchmarks.__main__ import DEFAULT_DATA_DIR, _remove_working_copy, _working_copy, print_figures

    parser = argparse.ArgumentParser(prog="python -m benchmarks.backups", description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=dataset.DEFAULT_VISITS)
    parser.add_argument("--file", type=Path, default=None, help="a generated file (default: the one of --visits)")
    parser.add_argument("--calls", type=int, default=CALLS)
    args = parser.parse_args(argv)
    source = args.file or DEFAULT_DATA_DIR / dataset.data_file_name(args.visits, dataset.DEFAULT_SEED)
    if not source.exists():
        print(f"{source} does not exist: generate it with `python -m benchmarks.dataset --visits N`", file=sys.stderr)
        return 2
    work = source.with_name("bench-run.sqlite3")
    _working_copy(source, work)
    try:
        with Desk.open(work, clock=lambda: BENCH_NOW) as desk:
            figures = run(desk, args.calls)
    finally:
        _remove_working_copy(work)
    print(f"{source} ({source.stat().st_size / 2**20:,.0f} MiB)")
    print_figures(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Sync packages on the 1M-visit file: 100,000 and 1,000,000 changed records exported as a signed, encrypted package
(each in a new process, its peak memory measured), beside the raw interchange lines of the same records written to
a plain file in the same kind of process."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.dataset import BENCH_NOW, BENCH_PASSWORD, BENCH_USER
from benchmarks.measure import Figure, PeakFigure, reset_peak, status_kib
from receptiondesk.services.desk import Desk
from receptiondesk.services.interchange import export_lines
from receptiondesk.sync.keys import UpperLevelKeys

#: (changed records, target in seconds): the issue's figures.
SIZES = ((100_000, 5), (1_000_000, 60))
PEAK_MIB = 200
CHILD_TIMEOUT_S = 900


def child(mode: str, database: Path, folder: Path, changed: int, upper_file: Path) -> dict[str, int]:
    """In a fresh process: the last `changed` records of the desk made pending (the watermark set below them), then
    the package written ("service") or the same interchange lines written to a plain file ("raw")."""
    with Desk.open(database, clock=lambda: BENCH_NOW) as desk:
        desk.login(BENCH_USER, BENCH_PASSWORD)
        conn = desk.database.conn
        last = int(conn.execute("SELECT value FROM counters WHERE name = 'change_seq'").fetchone()[0])
        watermark = max(0, last - changed)
        if mode == "service":
            if desk.sync.upper_keys() is None:
                desk.sync.import_upper_keys(upper_file)
            with desk.database.write() as write:
                write.execute("DELETE FROM sync_packages")
                write.execute("INSERT INTO sync_packages (sequence, unit_code, created_at, file_name, sha256, "
                              "change_from, change_to, records, counts, status) VALUES (1, ?, '', 'earlier', '', 1, ?, "
                              "0, '{}', 'accepted')", (desk.context.settings.unit_code, watermark))
            before = status_kib("VmHWM")
            reset = reset_peak()
            started = time.perf_counter_ns()
            info = desk.sync.export(folder)
            elapsed = time.perf_counter_ns() - started
            records, size = sum(info.manifest.counts.values()), info.size
        else:
            before = status_kib("VmHWM")
            reset = reset_peak()
            started = time.perf_counter_ns()
            out = folder / "raw.jsonl"
            records = 0
            with open(out, "w", encoding="utf-8", newline="\n") as handle:
                for _, line in export_lines(desk.database.reader(), since_seq=watermark):
                    handle.write(line + "\n")
                    records += 1
            elapsed = time.perf_counter_ns() - started
            size = out.stat().st_size
        during = status_kib("VmHWM")
    return {"ns": elapsed, "records": records, "size": size, "start_peak_kib": before,
            "export_peak_kib": during if reset else 0}


def _run_child(mode: str, database: Path, folder: Path, changed: int, upper_file: Path) -> dict[str, int]:
    done = subprocess.run([sys.executable, "-m", "benchmarks.sync", "--child", mode, str(database), str(folder),
                           str(changed), str(upper_file)], capture_output=True, text=True, timeout=CHILD_TIMEOUT_S,
                          cwd=Path(__file__).resolve().parents[1])
    if done.returncode != 0:
        raise RuntimeError(f"sync benchmark child failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(database: Path) -> list[Figure]:
    """The sync figures on `database` (a working copy no other connection holds open)."""
    figures: list[Figure] = []
    Desk.open(database, clock=lambda: BENCH_NOW).close()  # schema upgrades done here, not in a measured child
    with tempfile.TemporaryDirectory(prefix="bench-sync-", dir=database.parent) as scratch:
        folder = Path(scratch)
        upper_file = folder / "upper.json"
        UpperLevelKeys.generate("24", "Ủy ban nhân dân tỉnh Bắc Ninh").public().write(upper_file)
        for changed, target in SIZES:
            out = folder / f"out-{changed}"
            out.mkdir()
            service = _run_child("service", database, out, changed, upper_file)
            raw = _run_child("raw", database, out, changed, upper_file)
            peak = service["export_peak_kib"] / 1024
            figures.append(PeakFigure(
                f"sync package of {changed:,} changed records", [service["ns"]],
                "raw interchange lines of the same records to a plain file", [raw["ns"]],
                max_median_ms=target * 1000, peak_mib=peak, max_peak_mib=PEAK_MIB,
                notes=[f"sync {changed:,}: {service['records']:,} records (the fields included) in a "
                       f"{service['size'] / 2**20:,.1f} MiB package (compressed, encrypted, signed, read back and "
                       f"verified); raw {raw['records']:,} lines, {raw['size'] / 2**20:,.0f} MiB; peak memory during "
                       f"the export {peak:.0f} MiB (raw {raw['export_peak_kib'] / 1024:.0f} MiB), each in a new "
                       "process"]))
    return figures


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--child"]:
        mode, database, folder, changed, upper_file = args[1:6]
        print(json.dumps(child(mode, Path(database), Path(folder), int(changed), Path(upper_file))))
        return 0
    from benchmarks import dataset
    from benchmarks.__main__ import DEFAULT_DATA_DIR, _remove_working_copy, _working_copy, print_figures

    source = DEFAULT_DATA_DIR / dataset.data_file_name(dataset.DEFAULT_VISITS, dataset.DEFAULT_SEED)
    work = source.with_name("bench-sync.sqlite3")
    _working_copy(source, work)
    try:
        print_figures(run(work))
    finally:
        _remove_working_copy(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())

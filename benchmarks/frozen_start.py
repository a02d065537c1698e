"""The built program's start: `dist/receptiondesk/receptiondesk` (`make installer`) from process start to the login
dialog on an existing desk, OS cache warm, beside the same program's `--help` and Python importing Qt's widgets.

Run alone: `python -m benchmarks.frozen_start` (a small desk set up for the run; `--file PATH` starts on that desk
file instead, hard-linked under the name the program opens). Skipped, with a message, when the program is not built.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.dataset import BENCH_NOW, BENCH_PASSWORD, BENCH_USER
from benchmarks.measure import Figure
from receptiondesk import paths
from receptiondesk.log import LOG_FILE
from receptiondesk.services.desk import Desk

ROOT = Path(__file__).resolve().parents[1]
PROGRAM = ROOT / "dist" / "receptiondesk" / ("receptiondesk.exe" if sys.platform == "win32" else "receptiondesk")
RUNS = 5
WARMUPS = 1  # the first start fills the OS cache; the figure is the starts after it
TIMEOUT_S = 60
POLL_S = 0.002
#: What the program logs when the login dialog is shown (ui/gui.py).
SHOWN = b"login dialog shown"
BASELINE_CODE = "import PySide6.QtWidgets"


@contextlib.contextmanager
def _desk_folder(desk_file: Path | None) -> Iterator[tuple[Path, str]]:
    """A data directory holding a desk with users, and what it is: `desk_file` hard-linked under the program's file
    name (on the same disk), or else a desk set up for the run."""
    parent = desk_file.parent if desk_file is not None else None
    with tempfile.TemporaryDirectory(prefix="bench-frozen-start-", dir=parent) as folder:
        data_dir = Path(folder)
        target = data_dir / paths.DATABASE_FILE
        if desk_file is not None:
            os.link(desk_file, target)
            what = f"{desk_file.name} ({desk_file.stat().st_size / 2**20:,.0f} MiB), hard-linked"
        else:
            with Desk.open(target, clock=lambda: BENCH_NOW) as desk:
                desk.first_run("00004", BENCH_USER, "Cán bộ đo đạc", BENCH_PASSWORD)
            what = "a desk set up for the run (one commune, its administrator)"
        yield data_dir, what


def _environment(root: Path) -> dict[str, str]:
    """Offscreen Qt; drafts and the window's remembered layout in the run's folder, never the user's own."""
    return {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "RECEPTIONDESK_DRAFTS": str(root / "drafts"), "XDG_CONFIG_HOME": str(root / "config")}


def _to_login_dialog(data_dir: Path, env: dict[str, str]) -> int:
    """ns from just before the program is started to the log's "login dialog shown"; the program is then ended."""
    log_file = data_dir / "logs" / LOG_FILE
    offset = log_file.stat().st_size if log_file.exists() else 0
    started = time.perf_counter_ns()
    process = subprocess.Popen([str(PROGRAM), "--data-dir", str(data_dir)], env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while True:
            if log_file.exists():
                with open(log_file, "rb") as log:
                    log.seek(offset)
                    if SHOWN in log.read():
                        return time.perf_counter_ns() - started
            if process.poll() is not None:
                raise RuntimeError(f"{PROGRAM} ended (exit {process.returncode}) before the login dialog: "
                                   f"{process.stderr.read().decode(errors='replace')}")
            if time.perf_counter_ns() - started > TIMEOUT_S * 1e9:
                raise RuntimeError(f"no login dialog after {TIMEOUT_S} s")
            time.sleep(POLL_S)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        process.stderr.close()


def _to_exit(command: list[str], env: dict[str, str]) -> int:
    started = time.perf_counter_ns()
    subprocess.run(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, check=True,
                   timeout=TIMEOUT_S)
    return time.perf_counter_ns() - started


def _size_mib(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink()) / 2**20


def run(desk_file: Path | None = None, runs: int = RUNS) -> list[Figure]:
    """The figure, or none (with a message) if the program has not been built. `desk_file` must not be open."""
    if not PROGRAM.exists():
        print(f"Frozen start skipped: {PROGRAM} does not exist (build it with `make installer`).", flush=True)
        return []
    with _desk_folder(desk_file) as (data_dir, what):
        env = _environment(data_dir)
        help_command = [str(PROGRAM), "--help"]
        python_command = [sys.executable, "-c", BASELINE_CODE]
        first = [_to_login_dialog(data_dir, env) for _ in range(WARMUPS)]
        for _ in range(WARMUPS):
            _to_exit(help_command, env)
            _to_exit(python_command, env)
        starts, helps, pythons = [], [], []
        for _ in range(runs):  # interleaved, so drift hits all three alike
            starts.append(_to_login_dialog(data_dir, env))
            helps.append(_to_exit(help_command, env))
            pythons.append(_to_exit(python_command, env))
    return [Figure(
        "frozen program start to login dialog (warm)", starts, "the same program's --help, to exit", helps,
        max_median_ms=2000.0,
        notes=[f"frozen start: {PROGRAM.relative_to(ROOT)} ({_size_mib(PROGRAM.parent):,.0f} MiB) --data-dir on {what}; "
               f"timed from just before the process is started until its log says \"{SHOWN.decode()}\" (ui/gui.py, "
               f"logged as exec() shows the dialog; Qt offscreen unless QT_QPA_PLATFORM says otherwise), then "
               f"killed; {WARMUPS} untimed start first (OS cache warm after it): it took "
               f"{statistics.median(first) / 1e6:.0f} ms",
               f"  python -c \"{BASELINE_CODE}\" (the development tree's interpreter), to exit: median "
               f"{statistics.median(pythons) / 1e6:.0f} ms (N={runs})"],
    )]


def main(argv: list[str] | None = None) -> int:
    from benchmarks.__main__ import print_figures

    parser = argparse.ArgumentParser(prog="python -m benchmarks.frozen_start", description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=None,
                        help="start on this desk file (hard-linked; not open elsewhere) instead of a new small desk")
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args(argv)
    figures = run(args.file.resolve() if args.file else None, args.runs)
    if figures:
        print_figures(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())

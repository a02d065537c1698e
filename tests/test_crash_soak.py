"""The kill -9 soak: 10,000 visit registrations through the service in child processes killed 20 times at random
moments. Every registration the service confirmed (the child prints a visit's UUID once `register_visit` has
returned) is in the file afterwards, and SQLite's integrity check passes after every kill.

A killed process leaves the OS cache intact, so this proves the transaction logic, not the disk: power-cut safety
rests on the pragmas (WAL, synchronous=FULL), asserted on every connection by tests/storage/test_backups_crash_safety.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from receptiondesk.services.desk import Desk
from receptiondesk.services.integrity import check_database
from tests.services.helpers import FIXED_NOW, OFFICER, PASSWORD, UNIT, USERNAME, FixedClock

REPO = Path(__file__).resolve().parents[1]
REGISTRATIONS = 10_000
KILLS = 20
SEED = int(os.environ.get("RECEPTIONDESK_SOAK_SEED", "20261127"))

CHILD = r'''
import sys
from receptiondesk.security import passwords
passwords.TIME_COST, passwords.MEMORY_COST_KIB, passwords.PARALLELISM = 1, 64, 1  # the suite's quick Argon2
from receptiondesk.services.desk import Desk
from tests.services.helpers import FIXED_NOW, PASSWORD, USERNAME, FixedClock, no_paper, visit

path, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
desk = Desk.open(path, clock=FixedClock(FIXED_NOW))
desk.login(USERNAME, PASSWORD)
out = sys.stdout
for n in range(start, end):
    result = desk.intake.register_visit(visit(who=no_paper(f"Người Thử Số {n}"), summary=f"Khiếu nại lần {n}"))
    out.write(result.uuid + "\n")  # confirmed: the call has returned
    out.flush()
desk.close()
'''


def _child(path: Path, start: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    return subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(start), str(REGISTRATIONS)], cwd=REPO,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)


def _complete_lines(text: str) -> list[str]:
    """UUIDs of whole lines only: a line cut by the kill was never confirmed."""
    return [line for line in text.split("\n")[:-1] if line]


def _assert_sound(path: Path, confirmed: list[str], note: str) -> int:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], note
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == [], note
        present = {row[0] for row in conn.execute("SELECT uuid FROM visits")}
    finally:
        conn.close()
    missing = [uuid for uuid in confirmed if uuid not in present]
    assert not missing, f"{note}: {len(missing)} confirmed registrations lost, e.g. {missing[:3]}"
    return len(present)


@pytest.mark.slow
def test_every_confirmed_registration_survives_20_kills(tmp_path):
    path = tmp_path / "desk.sqlite3"
    with Desk.open(path, clock=FixedClock(FIXED_NOW)) as desk:
        desk.first_run(UNIT, USERNAME, OFFICER, PASSWORD)
    rng = random.Random(SEED)
    confirmed: list[str] = []
    kills = 0
    started = time.monotonic()
    while len(confirmed) < REGISTRATIONS:
        child = _child(path, len(confirmed))
        note = f"seed {SEED}, after kill {kills}, {len(confirmed)} confirmed"
        if kills < KILLS:
            remaining = REGISTRATIONS - len(confirmed)
            target = rng.randint(1, max(1, 2 * remaining // (KILLS + 1 - kills) - 1))
            for _ in range(target):
                line = child.stdout.readline()
                if not line.endswith("\n"):
                    break
                confirmed.append(line.strip())
            time.sleep(rng.uniform(0, 0.003))  # land anywhere in the next registration
            child.kill()
            rest, errors = child.communicate(timeout=60)
            assert child.returncode == -9, f"{note}: the child ended by itself\n{errors}"
            confirmed.extend(_complete_lines(rest))
            kills += 1
        else:
            rest, errors = child.communicate(timeout=300)
            assert child.returncode == 0, f"{note}\n{errors}"
            confirmed.extend(_complete_lines(rest))
        stored = _assert_sound(path, confirmed, note)
        assert len(confirmed) <= stored <= len(confirmed) + kills  # at most one unconfirmed commit per kill
    assert kills == KILLS and len(confirmed) == REGISTRATIONS == len(set(confirmed))
    with Desk.open(path, clock=FixedClock(FIXED_NOW)) as desk:
        desk.login(USERNAME, PASSWORD)
        assert check_database(desk.context, audit=desk.audit) == []  # numbers, links, search index, audit chain
        numbers = [r[0] for r in desk.database.query("SELECT logbook_no FROM visits ORDER BY logbook_no")]
        assert numbers == list(range(1, len(numbers) + 1))  # no number lost or given twice across the kills
    print(f"soak: {REGISTRATIONS} confirmed registrations, {KILLS} kills, {time.monotonic() - started:.1f} s")

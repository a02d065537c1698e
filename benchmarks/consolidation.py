"""The upper level importing a commune's package of about 100,000 records (verify, decrypt, upsert, index) into its
desk, beside a raw executemany of the same rows in the same run; and the same package again (nothing to do)."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from benchmarks.dataset import BENCH_NOW, BENCH_PASSWORD, BENCH_USER, LAST_DAY, OFFICER_NAME, desk_unit
from benchmarks.measure import Figure
from benchmarks.transfer import _raw_import
from receptiondesk.demo.loader import generate_into
from receptiondesk.domain.units import communes
from receptiondesk.services.desk import Desk
from receptiondesk.services.sync import SEALED_FIELDS
from receptiondesk.sync.crypto import IdentityPolicy, open_record
from receptiondesk.sync.keys import UpperLevelKeys
from receptiondesk.sync.package import read_package

#: About 100,000 records: visits with their citizens, cases, letters, sessions and assignments.
VISITS = 36_000
RUNS = 3
FOLDER = "consolidation"
#: The issue's targets: the import ≤ 3× the raw rows; the same package again ≤ 1 s.
MAX_RATIO = 3.0
REIMPORT_MS = 1000


def _desk(path: Path) -> Desk:
    desk = Desk.open(path, clock=lambda: BENCH_NOW)
    desk.login(BENCH_USER, BENCH_PASSWORD)
    return desk


def _upper_unit(commune_code: str) -> str:
    """Another commune of the same province: the upper level's own desk."""
    province = communes()[commune_code].province_code
    return next(code for code, c in sorted(communes().items()) if c.province_code == province and code != commune_code)


def run(data_dir: Path, *, progress=print) -> list[Figure]:
    folder = data_dir / FOLDER
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    unit = desk_unit()
    upper_template, commune_path = folder / "upper-empty.sqlite3", folder / "commune.sqlite3"
    with Desk.open(upper_template, clock=lambda: BENCH_NOW) as desk:
        desk.first_run(_upper_unit(unit), BENCH_USER, OFFICER_NAME, BENCH_PASSWORD)
        desk.consolidation.initialise()
        desk.consolidation.write_public_keys(folder / "upper-public.json")
        upper_keys: UpperLevelKeys = desk.consolidation.upper_keys()
    progress(f"  generating a commune of {VISITS:,} visits and writing its package ...")
    with Desk.open(commune_path, clock=lambda: BENCH_NOW) as desk:
        desk.first_run(unit, BENCH_USER, OFFICER_NAME, BENCH_PASSWORD)
        generate_into(desk.context, "commune", visits=VISITS, until=LAST_DAY)
        desk.sync.import_upper_keys(folder / "upper-public.json")
        desk.sync.write_commune_public_key(folder / "commune-public.json")
        package = desk.sync.export(folder).path
        commune_public = desk.sync.commune_public_key()
    with _desk(upper_template) as desk:
        desk.consolidation.enrol(folder / "commune-public.json")
    policy = IdentityPolicy(is_protected=lambda r: r.get("identity") == "sealed", fields=SEALED_FIELDS)
    opened = read_package(package, commune_public_key=commune_public, upper_private_keys=upper_keys)
    raw_records = [open_record(r, policy, upper_keys.confidential) for r in opened.records() if r["entity"] != "field"]

    import_ns, raw_ns, again_ns = [], [], []
    counts = {}
    for attempt in range(RUNS):
        target = folder / f"upper-{attempt}.sqlite3"
        shutil.copyfile(upper_template, target)
        with _desk(target) as desk:
            started = time.perf_counter_ns()
            result = desk.consolidation.import_package(package)
            import_ns.append(time.perf_counter_ns() - started)
            counts = result.counts
            started = time.perf_counter_ns()
            again = desk.consolidation.import_package(package)
            again_ns.append(time.perf_counter_ns() - started)
            assert again.status == "duplicate"
        raw_target = folder / f"raw-{attempt}.sqlite3"
        raw_ns.append(_raw_import(upper_template, raw_target, raw_records)[0])
        target.unlink()
        raw_target.unlink()
    total = sum(sum(v.values()) if isinstance(v, dict) else v for v in counts.values())
    size = package.stat().st_size
    shutil.rmtree(folder, ignore_errors=True)
    return [
        Figure(f"upper level imports a package of {len(raw_records):,} records", import_ns,
               "raw executemany of the same rows, indexes + search", raw_ns, max_ratio=MAX_RATIO,
               notes=[f"consolidation: a package of {len(raw_records):,} records ({size / 2**20:.1f} "
                      f"MiB) verified, decrypted, checked and written into the upper level's desk; {total:,} outcomes "
                      "counted; the baseline inserts prepared rows into another copy of the same empty desk"]),
        Figure("the same package again (a duplicate)", again_ns, "the first import", import_ns,
               max_median_ms=REIMPORT_MS),
    ]


def main(argv: list[str] | None = None) -> int:
    from benchmarks.__main__ import DEFAULT_DATA_DIR, print_figures

    print_figures(run(DEFAULT_DATA_DIR))
    return 0


if __name__ == "__main__":
    sys.exit(main())

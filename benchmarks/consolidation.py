"""Consolidation at the upper level, two figures, each beside a raw executemany of the same rows in the same run:

- **one package**: a commune's package of about 100,000 records (verify, decrypt, upsert, index) imported into an
  empty upper-level desk (N=3), and the same package again (nothing to do);
- **a province**: 100 communes' packages of about 10,000 records each (1,000,000 in all), each commune signing with
  its own key, imported one after the other into one upper-level desk (holding its own records) with
  acknowledgements written, in a new process whose peak resident memory is measured.

The province's packages are prepared once (not timed) and kept under the data directory, keyed by seed and by a
fingerprint of the code that makes them; `python -m benchmarks.consolidation --help` lists the options.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import statistics
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.dataset import (
    BENCH_NOW,
    BENCH_PASSWORD,
    BENCH_USER,
    DEFAULT_SEED,
    LAST_DAY,
    OFFICER_NAME,
    check_schema,
    desk_unit,
    generator_version,
)
from benchmarks.measure import Figure, PeakFigure, reset_peak, status_kib
from benchmarks.transfer import _copy, _raw_import, _raw_rows
from receptiondesk.demo.generator import Generator
from receptiondesk.demo.loader import generate_into
from receptiondesk.domain.units import communes
from receptiondesk.domain.values import iso_timestamp
from receptiondesk.interchange import format as format_module
from receptiondesk.interchange.format import ENTITIES
from receptiondesk.services.desk import Desk
from receptiondesk.services.interchange import export_records
from receptiondesk.services.sync import SEALED_FIELDS, _rules_version
from receptiondesk.storage.database import open_database
from receptiondesk.sync import crypto as sync_crypto
from receptiondesk.sync import keys as sync_keys
from receptiondesk.sync import package as sync_package
from receptiondesk.sync.crypto import IdentityPolicy, open_record
from receptiondesk.sync.keys import CommuneKeys, CommunePublicKey, UpperLevelKeys
from receptiondesk.sync.package import ManifestFields, read_package, write_package

#: About 100,000 records: visits with their citizens, cases, letters, sessions and assignments.
VISITS = 36_000
RUNS = 3
FOLDER = "consolidation"
#: The issue's targets: the import ≤ 3× the raw rows; the same package again ≤ 1 s.
MAX_RATIO = 3.0
REIMPORT_MS = 1000

# -- the province: 100 communes' packages, 1,000,000 records ----------------------------------------------------------

#: Hà Nội: 126 communes, so that 100 of them besides the upper level's own desk are one province's (Bắc Ninh, the
#: 1M-visit file's province, has 99).
PROVINCE = "01"
COMMUNES = 100
#: Visits over the 100 communes (one year each, commune scale): about 3.15 records a visit, so 1,000,000 records.
PROVINCE_VISITS = 317_500
#: The upper level's own reception desk, beside the communes' records (docs/consolidation.md): a year of its own
#: visits, written before any package arrives. (So no package takes the interchange writer's bulk path, which only a
#: desk holding no records takes; the one-package figure measures that path.)
UPPER_OWN_VISITS = 1_000
#: The issue's targets: 100 packages, 1,000,000 records, consolidated in ≤ 2 minutes with ≤ 300 MB resident.
PROVINCE_TARGET_S = 120
PROVINCE_PEAK_MIB = 300
#: Below this, the province import is repeated (and its median taken); above it, one run is the figure.
ONE_RUN_ENOUGH_S = 60
PROVINCE_RUNS = 3
#: Raised by hand when the way the packages are prepared changes (the code it calls is fingerprinted).
PREPARATION_REVISION = 1
PREPARED = "consolidation-province-{province}-{communes}x-{visits}-visits-seed{seed}"
COMPLETE = "prepared.json"
CHILD_TIMEOUT_S = 1800
IDENTITY_POLICY = IdentityPolicy(is_protected=lambda r: r.get("identity") == "sealed", fields=SEALED_FIELDS)


def _desk(path: Path) -> Desk:
    desk = Desk.open(path, clock=lambda: BENCH_NOW)
    desk.login(BENCH_USER, BENCH_PASSWORD)
    return desk


def _upper_unit(commune_code: str) -> str:
    """Another commune of the same province: the upper level's own desk."""
    province = communes()[commune_code].province_code
    return next(code for code, c in sorted(communes().items()) if c.province_code == province and code != commune_code)


def _mib(kib: float) -> float:
    return kib / 1024


def _clean(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.unlink()


# == one package of ~100,000 records (N=3) ============================================================================

def package_figures(data_dir: Path, *, progress=print) -> list[Figure]:
    """The package of ~100,000 records (N=3) and the same package again; the folder is removed even on failure."""
    folder = data_dir / FOLDER
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    try:
        return _package_figures(folder, progress)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _package_figures(folder: Path, progress) -> list[Figure]:
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
    opened = read_package(package, commune_public_key=commune_public, upper_private_keys=upper_keys)
    raw_records = [open_record(r, IDENTITY_POLICY, upper_keys.confidential) for r in opened.records()
                   if r["entity"] != "field"]

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
    return [
        Figure(f"upper level imports a package of {len(raw_records):,} records", import_ns,
               "raw executemany of the same rows, indexes + search", raw_ns, max_ratio=MAX_RATIO,
               notes=[f"consolidation: a package of {len(raw_records):,} records ({size / 2**20:.1f} "
                      f"MiB) verified, decrypted, checked and written into the upper level's desk; {total:,} outcomes "
                      "counted; the baseline inserts prepared rows into another copy of the same empty desk"]),
        Figure("the same package again (a duplicate)", again_ns, "the first import", import_ns,
               max_median_ms=REIMPORT_MS),
    ]


# == a province: 100 packages, 1,000,000 records =======================================================================

def preparation_version() -> str:
    """A fingerprint of what the prepared packages depend on: the generator (`dataset.generator_version`), the
    package format, its encryption and keys, the interchange entities, and PREPARATION_REVISION. Packages prepared
    by other code are prepared again."""
    digest = hashlib.sha256(f"{generator_version()}/{PREPARATION_REVISION}/{PROVINCE}/{UPPER_OWN_VISITS}".encode())
    for module in (sync_package, sync_crypto, sync_keys, format_module):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:12]


def province_communes(province: str = PROVINCE, count: int = COMMUNES) -> tuple[str, list[str]]:
    """(the upper level's own desk, the `count` communes that send packages), by code."""
    codes = sorted(code for code, c in communes().items() if c.province_code == province)
    if len(codes) < count + 1:
        raise ValueError(f"province {province} has {len(codes)} communes, fewer than {count} besides the upper desk")
    return codes[0], codes[1:count + 1]


def _visits_per_commune(seed: int, count: int, total: int) -> list[int]:
    """Busier and quieter communes (0.6–1.4 of the mean), adding up to `total` visits."""
    rng = random.Random(f"consolidation-{seed}")
    weights = [rng.uniform(0.6, 1.4) for _ in range(count)]
    visits = [round(total * w / sum(weights)) for w in weights]
    visits[-1] += total - sum(visits)
    return visits


def _package_records(generator: Generator, fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A commune's records as its desk's sync export lays them out: the fields, then entity by entity in the
    format's order; a protected person's citizen, visits and letters marked "identity": "sealed" (the package
    seals them for the upper level's confidential-data key, as `services.sync` asks)."""
    by_entity: dict[str, list[dict[str, Any]]] = {name: [] for name in ENTITIES}
    protected: set[str] = set()
    for record in generator.records():
        entity = record["entity"]
        if entity == "citizen" and record.get("protected"):
            protected.add(record["uuid"])
            record["identity"] = "sealed"
        elif entity in ("visit", "letter") and record.get("citizen") in protected:
            record["identity"] = "sealed"
        by_entity[entity].append(record)
    return [*fields, *(record for name in ENTITIES for record in by_entity[name])]


def prepare_province(folder: Path, *, seed: int, communes_count: int = COMMUNES, visits: int = PROVINCE_VISITS,
                     progress=print) -> dict[str, Any]:
    """The upper level's desk (initialised, its own records, every commune enrolled) and one package per commune,
    written with the sync library: signed with the commune's own key, encrypted to the upper level's keys, protected
    identities sealed. Returns what `prepared.json` keeps."""
    started = time.perf_counter()
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "packages").mkdir(parents=True)
    (folder / "keys").mkdir()
    upper_unit, units = province_communes(PROVINCE, communes_count)
    template = folder / "upper-desk.sqlite3"
    created_at = iso_timestamp(BENCH_NOW)
    per_commune = _visits_per_commune(seed, communes_count, visits)
    with Desk.open(template, clock=lambda: BENCH_NOW) as desk:
        desk.first_run(upper_unit, BENCH_USER, OFFICER_NAME, BENCH_PASSWORD)
        upper_public = desk.consolidation.initialise()
        own = generate_into(desk.context, "commune", visits=UPPER_OWN_VISITS, seed=seed, until=LAST_DAY)
        fields = list(export_records(desk.database.conn, fields_only=True))
        fields_hash = hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()[:16]
        rules = _rules_version(desk.context)
        packages, counts, generating, writing = [], {}, 0.0, 0.0
        for index, (unit, unit_visits) in enumerate(zip(units, per_commune)):
            commune = communes()[unit]
            keys = CommuneKeys.generate(unit, commune.commune_name)
            keys.public().write(folder / "keys" / f"{unit}.json")
            desk.consolidation.enrol(folder / "keys" / f"{unit}.json")
            tick = time.perf_counter()
            generator = Generator(unit, "commune", visits=unit_visits, seed=seed + 1 + index, until=LAST_DAY)
            records = _package_records(generator, fields)
            generating += time.perf_counter() - tick
            tick = time.perf_counter()
            manifest = ManifestFields(unit_code=unit, sequence=1, restore_epoch=0, change_from=1,
                                      change_to=len(records) - len(fields), field_list_version=fields_hash,
                                      rules_version=rules, audit_head="", created_at=created_at)
            info = write_package(folder / "packages" / f"{unit}-00001.rdsync", manifest, records, signing_key=keys,
                                 upper_keys=upper_public, identity_policy=IDENTITY_POLICY)
            writing += time.perf_counter() - tick
            for entity, number in generator.counts.items():
                counts[entity] = counts.get(entity, 0) + number
            packages.append({"unit": unit, "file": info.path.name, "records": len(records) - len(fields),
                             "sealed": sum(1 for r in records if r.get("identity") == "sealed"), "size": info.size})
            if (index + 1) % 20 == 0:
                progress(f"    {index + 1} packages written ({time.perf_counter() - started:.0f} s)")
    prepared = {"version": preparation_version(), "seed": seed, "province": PROVINCE, "upper_unit": upper_unit,
                "upper_records": sum(own.counts.values()),
                "communes": communes_count, "visits": visits, "fields": len(fields), "counts": counts,
                "records": sum(counts.values()), "packages": packages,
                "sealed": sum(p["sealed"] for p in packages), "size": sum(p["size"] for p in packages),
                "generating_s": round(generating, 1), "writing_s": round(writing, 1),
                "seconds": round(time.perf_counter() - started, 1)}
    (folder / COMPLETE).write_text(json.dumps(prepared, indent=1), encoding="utf-8")
    return prepared


def reusable_province(folder: Path, *, seed: int, communes_count: int, visits: int) -> dict[str, Any] | None:
    """What an earlier complete preparation of the same seed, size and code left in `folder`, if it is all there."""
    marker = folder / COMPLETE
    if not marker.exists():
        return None
    try:
        prepared = json.loads(marker.read_text(encoding="utf-8"))
    except ValueError:
        return None
    if (prepared.get("version"), prepared.get("seed"), prepared.get("communes"), prepared.get("visits")) != \
            (preparation_version(), seed, communes_count, visits):
        return None
    template = folder / "upper-desk.sqlite3"
    if not template.exists() or check_schema(template):  # an older schema: the desk would migrate while measured
        return None
    if any(not (folder / "packages" / p["file"]).exists() for p in prepared["packages"]):
        return None
    return prepared


# -- the children (each a new process) ---------------------------------------------------------------------------------

def _table_counts(conn) -> dict[str, int]:
    return {e.table: conn.execute(f"SELECT count(*) FROM {e.table}").fetchone()[0] for e in ENTITIES.values()}


def child_import(database: Path, packages: list[Path], ack_folder: Path) -> dict[str, Any]:
    """The service: every package in turn through `consolidation.import_package`, acknowledgements written."""
    start_peak = status_kib("VmHWM")
    with _desk(database) as desk:
        signed_in_peak = status_kib("VmHWM")
        reset = reset_peak()
        each_ns, rss_kib, outcomes = [], [], {}
        started = time.perf_counter_ns()
        for package in packages:
            tick = time.perf_counter_ns()
            result = desk.consolidation.import_package(package, ack_folder=ack_folder)
            each_ns.append(time.perf_counter_ns() - tick)
            rss_kib.append(status_kib("VmRSS"))
            if result.status != "accepted" or result.ack_path is None:
                raise RuntimeError(f"{package.name}: {result.status}, ack {result.ack_path}")
            for outcome, number in result.totals().items():
                outcomes[outcome] = outcomes.get(outcome, 0) + number
        elapsed = time.perf_counter_ns() - started
        import_peak = status_kib("VmHWM")
        counts = _table_counts(desk.database.conn)
    return {"ns": elapsed, "each_ns": each_ns, "rss_kib": rss_kib, "outcomes": outcomes, "counts": counts,
            "start_peak_kib": start_peak, "signed_in_peak_kib": signed_in_peak,
            "import_peak_kib": import_peak if reset else 0, "peak_kib": max(signed_in_peak, import_peak),
            "acks": len(list(ack_folder.glob("*"))), "file_bytes": database.stat().st_size}


def child_raw(database: Path, packages: list[Path], key_folder: Path) -> dict[str, Any]:
    """The baseline: each package's records opened (not timed) and built into rows (`transfer._raw_rows`: local
    ids, derived columns, folded search texts; not timed), then `executemany` into the same tables of another copy
    of the same empty desk, one transaction per package as the service commits."""
    with _desk(database) as desk:  # the upper level's private keys, to open the packages (signed in as the service)
        upper_keys = desk.consolidation.upper_keys()
    start_peak = status_kib("VmHWM")
    reset = reset_peak()
    database_handle = open_database(database)
    each_ns, records = [], 0
    try:
        conn = database_handle.conn
        for package in packages:
            commune_key = CommunePublicKey.read(key_folder / f"{package.name.split('-')[0]}.json")
            opened = read_package(package, commune_public_key=commune_key, upper_private_keys=upper_keys)
            rows = [open_record(r, IDENTITY_POLICY, upper_keys.confidential) for r in opened.records()
                    if r["entity"] != "field"]
            records += len(rows)
            statements = _raw_rows(conn, rows)
            del rows
            tick = time.perf_counter_ns()
            conn.execute("BEGIN IMMEDIATE")
            for sql, values in statements:
                conn.executemany(sql, values)
            conn.execute("COMMIT")
            each_ns.append(time.perf_counter_ns() - tick)
        counts = _table_counts(conn)
    finally:
        database_handle.close()
    return {"ns": sum(each_ns), "each_ns": each_ns, "records": records, "counts": counts,
            "start_peak_kib": start_peak, "peak_kib": status_kib("VmHWM") if reset else 0}


def _run_child(*args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "benchmarks.consolidation", "--child", *args], capture_output=True,
                          text=True, timeout=CHILD_TIMEOUT_S, cwd=Path(__file__).resolve().parents[1])
    if done.returncode != 0:
        raise RuntimeError(f"consolidation benchmark child failed: {done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _s(ns: float) -> str:
    return f"{ns / 1e9:.2f} s"


def province_figures(data_dir: Path, *, seed: int = DEFAULT_SEED, reuse: bool = True, communes_count: int = COMMUNES,
                     visits: int = PROVINCE_VISITS, progress=print) -> list[Figure]:
    """100 packages imported in sequence in a new process (time and peak memory), beside the same rows
    `executemany`d package by package in another new process; the prepared packages are kept for the next run."""
    folder = data_dir / PREPARED.format(province=PROVINCE, communes=communes_count, visits=visits, seed=seed)
    prepared = reusable_province(folder, seed=seed, communes_count=communes_count, visits=visits) if reuse else None
    if prepared is not None:
        progress(f"  reusing {len(prepared['packages'])} prepared packages in {folder} "
                 f"(prepared earlier in {prepared['seconds']:.0f} s)")
        how = f"reused, prepared earlier in {prepared['seconds']:.0f} s"
    else:
        progress(f"  preparing {communes_count} communes' packages ({visits:,} visits) in {folder} ...")
        prepared = prepare_province(folder, seed=seed, communes_count=communes_count, visits=visits,
                                    progress=progress)
        how = f"prepared in {prepared['seconds']:.0f} s"
        progress(f"  {prepared['records']:,} records in {len(prepared['packages'])} packages, {how}")
    template = folder / "upper-desk.sqlite3"
    packages = [folder / "packages" / p["file"] for p in prepared["packages"]]
    names = [str(p) for p in packages]
    work = data_dir / "consolidation-run"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    service_runs: list[dict[str, Any]] = []
    raw_runs: list[dict[str, Any]] = []
    try:
        runs = 1
        while len(service_runs) < runs:
            attempt = len(service_runs)
            progress(f"  importing {len(packages)} packages in a new process (run {attempt + 1}) ...")
            target = _copy(template, work / "upper.sqlite3")
            acks = work / f"acks-{attempt}"
            acks.mkdir()
            service_runs.append(_run_child("import", str(target), str(acks), *names))
            _clean(target)
            shutil.rmtree(acks)
            progress(f"    {_s(service_runs[-1]['ns'])}; the raw baseline in a new process ...")
            raw_target = _copy(template, work / "raw.sqlite3")
            raw_runs.append(_run_child("raw", str(raw_target), str(folder / "keys"), *names))
            _clean(raw_target)
            progress(f"    baseline {_s(raw_runs[-1]['ns'])}")
            if attempt == 0 and service_runs[0]["ns"] < ONE_RUN_ENOUGH_S * 1e9:
                runs = PROVINCE_RUNS
    finally:
        shutil.rmtree(work, ignore_errors=True)

    service_ns = [r["ns"] for r in service_runs]
    raw_ns = [r["ns"] for r in raw_runs]
    median_run = sorted(service_runs, key=lambda r: r["ns"])[len(service_runs) // 2]
    each = median_run["each_ns"]
    raw_each = sorted(raw_runs, key=lambda r: r["ns"])[len(raw_runs) // 2]["each_ns"]
    peak = max(_mib(r["import_peak_kib"] or r["peak_kib"]) for r in service_runs)
    whole_peak = max(_mib(r["peak_kib"]) for r in service_runs)
    records = prepared["records"]
    outcomes = median_run["outcomes"]
    same_rows = all(r["counts"] == raw_runs[0]["counts"] for r in (*service_runs, *raw_runs))
    rss = median_run["rss_kib"]
    tenth = max(1, len(each) // 10)
    runs_note = (f"N={len(service_runs)}: one run of each, the import taking over {ONE_RUN_ENOUGH_S} s"
                 if len(service_runs) == 1 else f"N={len(service_runs)}, medians")
    counts = prepared["counts"]
    listed = ", ".join(f"{counts[e]:,} {e}s" for e in ENTITIES if e in counts)
    notes = [
        f"province consolidation: {len(packages)} communes of province {PROVINCE}, each package signed with its "
        f"commune's own enrolled key and encrypted to the upper level's keys: {records:,} records ({listed}; "
        f"{prepared['sealed']:,} with a sealed protected identity) plus {prepared['fields']} fields a package, "
        f"{prepared['size'] / 2**20:,.0f} MiB of packages; {how} (generator {prepared['generating_s']:.0f} s, "
        f"write_package {prepared['writing_s']:.0f} s)",
        f"  {runs_note}; each run in a new process on a fresh copy of the prepared upper desk ({prepared['upper_unit']}"
        f", holding {prepared['upper_records']:,} records of its own, every commune enrolled, no package yet; signed "
        f"in before the clock starts); import_package with an acknowledgement folder, package after package",
        f"  outcomes {', '.join(f'{k} {v:,}' for k, v in outcomes.items())}; {median_run['acks']} acknowledgements; "
        f"desk file {median_run['file_bytes'] / 2**20:,.0f} MiB after the import",
        f"  per package: first {_s(each[0])}, median {_s(statistics.median(each))}, last {_s(each[-1])}; first tenth "
        f"{_s(sum(each[:tenth]))}, last tenth {_s(sum(each[-tenth:]))} (baseline: first {_s(raw_each[0])}, median "
        f"{_s(statistics.median(raw_each))}, last {_s(raw_each[-1])})",
        f"  peak resident memory (VmHWM) during the import {peak:.0f} MiB ({peak * 2**20 / 1e6:.0f} MB; the target's "
        f"300 MB read as MiB, as the other peak figures do); over the whole process {whole_peak:.0f} MiB (start-up "
        f"and sign-in {_mib(median_run['signed_in_peak_kib']):.0f} MiB); VmRSS after package 1 {_mib(rss[0]):.0f} "
        f"MiB, after package {len(rss) // 2} {_mib(rss[len(rss) // 2 - 1]):.0f} MiB, after the last "
        f"{_mib(rss[-1]):.0f} MiB; baseline peak {_mib(raw_runs[0]['peak_kib']):.0f} MiB",
        f"  the baseline: each package opened and its rows built beforehand (not timed), then executemany into the "
        f"same tables (indexes, search) of another copy of the same desk, one transaction per package; rows held "
        f"after both: {'the same' if same_rows else 'DIFFERENT'} ({sum(raw_runs[0]['counts'].values()):,} rows)",
    ]
    return [PeakFigure(f"upper level consolidates {len(packages)} packages, {records:,} records", service_ns,
                       "raw executemany of the same rows, package by package", raw_ns,
                       max_median_ms=PROVINCE_TARGET_S * 1000, peak_mib=peak, max_peak_mib=PROVINCE_PEAK_MIB,
                       notes=notes)]


def run(data_dir: Path, *, progress=print, seed: int = DEFAULT_SEED, reuse: bool = True,
        only: str | None = None, communes_count: int = COMMUNES, visits: int = PROVINCE_VISITS) -> list[Figure]:
    """Both figures (or `only` "package" or "province"). The province's prepared packages are reused when a
    complete preparation of the same seed, size and code is there (`reuse`)."""
    figures: list[Figure] = []
    if only in (None, "package"):
        figures += _guarded("upper level imports a package of ~100,000 records",
                            lambda: package_figures(data_dir, progress=progress), progress)
    if only in (None, "province"):
        figures += _guarded(f"upper level consolidates {communes_count} packages",
                            lambda: province_figures(data_dir, seed=seed, reuse=reuse, communes_count=communes_count,
                                                     visits=visits, progress=progress), progress)
    return figures


@dataclass
class _Broken(Figure):
    """A figure that could not be measured: the call raised. Printed as FAIL with the error in its notes."""

    @property
    def passed(self) -> bool | None:
        return False

    @property
    def target(self) -> str:
        return "did not run"


def _guarded(name: str, figures: Callable[[], list[Figure]], progress) -> list[Figure]:
    """The figures, or one failed row naming the error, so that one figure raising does not stop the others."""
    try:
        return figures()
    except Exception as error:  # noqa: BLE001 - reported in the table
        traceback.print_exc()
        # a child's error ends with the child's own traceback: its last lines say what and where
        lines = [line.strip() for line in str(error).splitlines() if line.strip()]
        what = f"{type(error).__name__}: {lines[-1] if lines else ''}"
        frames = [line for line in lines if line.startswith("File ")]
        where = f" (raised at {frames[-1]})" if frames else ""
        progress(f"  {name}: FAILED with {what}")
        return [_Broken(name, [0], "—", [1], notes=[f"{name}: did not run: {what}{where}"])]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--child"]:
        mode = args[1]
        if mode == "import":
            database, acks, *packages = args[2:]
            result = child_import(Path(database), [Path(p) for p in packages], Path(acks))
        else:
            database, keys, *packages = args[2:]
            result = child_raw(Path(database), [Path(p) for p in packages], Path(keys))
        print(json.dumps(result))
        return 0
    from benchmarks.__main__ import DEFAULT_DATA_DIR, print_figures

    parser = argparse.ArgumentParser(prog="python -m benchmarks.consolidation", description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR,
                        help="where the prepared packages are kept and the runs work (default benchmarks/data/)")
    parser.add_argument("--only", choices=("package", "province"), help="one of the two figures")
    parser.add_argument("--fresh", action="store_true", help="prepare the province's packages again even if kept")
    parser.add_argument("--communes", type=int, default=COMMUNES,
                        help=f"communes sending packages (default {COMMUNES}; fewer for a quick run)")
    parser.add_argument("--visits", type=int, default=PROVINCE_VISITS,
                        help=f"visits over all of them (default {PROVINCE_VISITS:,}: about 1,000,000 records)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=argparse.SUPPRESS)
    options = parser.parse_args(args)
    options.data_dir.mkdir(parents=True, exist_ok=True)
    print_figures(run(options.data_dir.resolve(), seed=options.seed, reuse=not options.fresh, only=options.only,
                      communes_count=options.communes, visits=options.visits))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Moving data: importing 100,000 records from an interchange file into an empty desk, and exporting them again,
each beside a raw baseline measured in the same run on copies of the same empty desk.

The records are the first 100,000 of the product generator's province stream (a prefix of that stream only
refers backwards, so it is a complete file), for the benchmark desk's commune.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

from benchmarks.dataset import BENCH_NOW, BENCH_PASSWORD, BENCH_USER, LAST_DAY, OFFICER_NAME, desk_unit
from benchmarks.measure import Figure
from receptiondesk.demo.generator import Generator
from receptiondesk.domain.text import fold, name_sort_key
from receptiondesk.interchange import jsonl
from receptiondesk.interchange.format import ENTITIES, LINK_TABLES
from receptiondesk.services.desk import Desk
from receptiondesk.services.interchange import export_file, import_file
from receptiondesk.storage.database import open_database
from receptiondesk.storage.search import SEARCH_TABLES

RECORDS = 100_000
IMPORT_RUNS = 3
EXPORT_RUNS = 5
FOLDER = "transfer"


def _files(folder: Path) -> None:
    for path in folder.glob("*"):
        path.unlink()


def _clean(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.unlink()


def _copy(template: Path, target: Path) -> Path:
    _clean(target)
    shutil.copyfile(template, target)
    with open(target, "rb+") as fh:
        os.fsync(fh.fileno())
    return target


# --- the raw baseline: the same records as prepared rows, executemany into the same tables ---------------------

def _raw_rows(conn: sqlite3.Connection, records: list[dict[str, Any]]) -> list[tuple[str, list[tuple]]]:
    """(INSERT statement, rows) per table, in dependency order: local ids, derived columns and folded search
    texts computed beforehand, so that only SQLite's work is timed."""
    ids: dict[str, dict[str, int]] = {name: {} for name in ENTITIES}
    names: dict[int, str] = {}
    statements: list[tuple[str, list[tuple]]] = []
    seq = conn.execute("SELECT value FROM counters WHERE name = 'change_seq'").fetchone()[0]
    numbers: dict[tuple[str, str, int], int] = {}
    by_entity: dict[str, list[dict[str, Any]]] = {name: [] for name in ENTITIES}
    for record in records:
        by_entity[record["entity"]].append(record)
    for name, entity in ENTITIES.items():
        table = entity.table
        not_null_text = {r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[3] and r[2] == "TEXT"}
        next_id = conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]
        columns = ["id", "seq", *(spec.column for spec in entity.all_fields)]
        derived = {"citizen": ["name_folded", "name_sort", "address_folded"], "visit": ["name_sort"],
                   "letter": ["name_sort"]}.get(name, [])
        rows, links, texts = [], [], []
        for record in by_entity[name]:
            seq += 1
            local = ids[name][record["uuid"]] = next_id
            next_id += 1
            row: list[Any] = [local, seq]
            for spec in entity.all_fields:
                value = record[spec.key]
                if spec.ref:
                    value = ids[spec.ref][value] if value is not None else None
                elif spec.key == "representatives":
                    value = json.dumps(value, ensure_ascii=False)
                elif value is None and spec.column in not_null_text:
                    value = ""
                row.append(value)
            if name == "citizen":
                row += [fold(record["full_name"]), name_sort_key(record["full_name"]), fold(record["address"] or "")]
                names[local] = record["full_name"]
            elif name in ("visit", "letter"):
                row.append(name_sort_key(record["full_name"]) if record["full_name"] else "")
            rows.append(tuple(row))
            for link in record.get("cases", ()):
                case = ids["case"][link["case"]]
                links.append((local, case, link["first_time"]) if name == "visit" else
                             (local, case, link["position"], link["conclusion_kind"], link["conclusion"]))
            if table in SEARCH_TABLES:
                if name == "case":
                    respondent = " ".join((record["respondent_name"], record["respondent_position"],
                                           record["respondent_body"]))
                    texts.append((local, fold(names.get(ids["citizen"].get(record["citizen"]), "")), fold(respondent),
                                  fold(record["summary"])))
                else:
                    texts.append((local, fold(record["full_name"] or ""), fold(record["address"] or ""),
                                  fold(record["summary"])))
            if name in ("visit", "letter"):
                key = ("logbook" if name == "visit" else "letters", record["unit_code"], record["year"])
                numbers[key] = max(numbers.get(key, 0), record["logbook_no" if name == "visit" else "letter_no"])
        all_columns = columns + derived
        statements.append((f"INSERT INTO {table} ({', '.join(all_columns)}) "
                           f"VALUES ({', '.join('?' * len(all_columns))})", rows))
        if name in LINK_TABLES:
            link_table = LINK_TABLES[name][0]
            marks = "?, ?, ?" if name == "visit" else "?, ?, ?, ?, ?"
            statements.append((f"INSERT INTO {link_table} VALUES ({marks})", links))
        if table in SEARCH_TABLES:
            fts, fts_columns = SEARCH_TABLES[table]
            statements.append((f"INSERT INTO {fts} (rowid, {', '.join(fts_columns)}) VALUES (?, ?, ?, ?)", texts))
    statements.append(("INSERT INTO number_counters (scope, unit_code, year, last) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (scope, unit_code, year) DO UPDATE SET last = max(last, excluded.last)",
                       [(*key, last) for key, last in sorted(numbers.items())]))
    statements.append(("UPDATE counters SET value = ? WHERE name = 'change_seq'", [(seq,)]))
    return statements


def _raw_import(template: Path, target: Path, records: list[dict[str, Any]]) -> tuple[int, dict[str, int]]:
    _copy(template, target)
    database = open_database(target)
    try:
        conn = database.conn
        statements = _raw_rows(conn, records)
        start = time.perf_counter_ns()
        conn.execute("BEGIN IMMEDIATE")
        for sql, rows in statements:
            conn.executemany(sql, rows)
        conn.execute("COMMIT")
        elapsed = time.perf_counter_ns() - start
        counts = {e.table: conn.execute(f"SELECT count(*) FROM {e.table}").fetchone()[0] for e in ENTITIES.values()}
    finally:
        database.close()
    return elapsed, counts


def _service_import(template: Path, target: Path, source: Path) -> tuple[int, dict[str, int], Any]:
    _copy(template, target)
    with Desk.open(target, clock=lambda: BENCH_NOW) as desk:
        desk.login(BENCH_USER, BENCH_PASSWORD)
        start = time.perf_counter_ns()
        report = import_file(desk.context, source)
        elapsed = time.perf_counter_ns() - start
        conn = desk.database.conn
        counts = {e.table: conn.execute(f"SELECT count(*) FROM {e.table}").fetchone()[0] for e in ENTITIES.values()}
    return elapsed, counts, report


# --- the raw baseline of export: a plain SELECT of the same rows, each written with json.dumps -----------------

def _raw_export(path: Path, target: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        start = time.perf_counter_ns()
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            for entity in ENTITIES.values():
                columns = ", ".join(spec.column for spec in entity.all_fields)  # the format's columns, no blobs
                for row in conn.execute(f"SELECT id, {columns} FROM {entity.table} ORDER BY created_at, uuid"):
                    handle.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        return time.perf_counter_ns() - start
    finally:
        conn.close()


def run(data_dir: Path, *, seed: int, progress=print) -> list[Figure]:
    folder = data_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    _files(folder)
    unit = desk_unit()
    template = folder / "empty-desk.sqlite3"
    with Desk.open(template, clock=lambda: BENCH_NOW) as desk:
        desk.first_run(unit, BENCH_USER, OFFICER_NAME, BENCH_PASSWORD)
    generator = Generator(unit, "province", visits=1_000_000, seed=seed, until=LAST_DAY)
    records = list(itertools.islice(generator.records(), RECORDS))
    source = folder / f"records-{RECORDS}.jsonl"
    with open(source, "w", encoding="utf-8", newline="\n") as handle:
        jsonl.write_file(handle, unit, records)
    progress(f"  interchange file of {len(records):,} records written ({source.stat().st_size / 2**20:.0f} MiB); "
             f"importing it {IMPORT_RUNS} times, and the raw baseline as often ...")

    service_ns, raw_ns = [], []
    imported = folder / "imported.sqlite3"
    raw_desk = folder / "raw.sqlite3"
    report = None
    for _ in range(IMPORT_RUNS):
        elapsed, service_counts, report = _service_import(template, imported, source)
        service_ns.append(elapsed)
        elapsed, raw_counts = _raw_import(template, raw_desk, records)
        raw_ns.append(elapsed)
    same = service_counts == raw_counts
    by_entity = ", ".join(f"{k} {v['new']:,}" for k, v in report.by_entity().items())
    import_figure = Figure(
        f"import {RECORDS // 1000}k records from a file (import_file)", service_ns,
        "raw executemany of the same rows, indexes + search", raw_ns, max_ratio=3.0,
        notes=[f"import: {by_entity}; rows per table service == raw: {'yes' if same else 'NO'}",
               "  the import reads, parses and checks the file, then writes on the bulk path (empty desk: "
               "secondary indexes rebuilt at the end, rollback journal); the baseline gets rows already prepared "
               "and inserts them in one transaction into tables that keep their indexes (WAL, synchronous=FULL)"])

    progress(f"  exporting the imported desk {EXPORT_RUNS} times, and the raw baseline as often ...")
    export_ns, raw_export_ns = [], []
    out, raw_out = folder / "export.jsonl", folder / "raw-export.jsonl"
    counts: dict[str, int] = {}
    for _ in range(EXPORT_RUNS):
        with Desk.open(imported, clock=lambda: BENCH_NOW) as desk:
            desk.login(BENCH_USER, BENCH_PASSWORD)
            start = time.perf_counter_ns()
            counts = export_file(desk.context, out)
            export_ns.append(time.perf_counter_ns() - start)
        raw_export_ns.append(_raw_export(imported, raw_out))
    exported = sum(counts.values())
    export_figure = Figure(
        f"export {RECORDS // 1000}k records to a file (export_file)", export_ns,
        "raw SELECT * of the same rows, json.dumps per row", raw_export_ns, max_median_ms=2000.0,
        notes=[f"export: {exported:,} records ({out.stat().st_size / 2**20:.0f} MiB; the raw file "
               f"{raw_out.stat().st_size / 2**20:.0f} MiB), written to a temporary file, fsynced and renamed"])
    _files(folder)
    folder.rmdir()
    return [import_figure, export_figure]

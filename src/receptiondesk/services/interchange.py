"""Export and import of interchange files: everything of a desk as JSON records, imported all or nothing.

Import is idempotent: a record already held at the same version is unchanged, a newer version (by restore
epoch, then counter) replaces it, an older one never overwrites it and is reported as rejected.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from receptiondesk.domain.text import fold, name_sort_key
from receptiondesk.errors import Problem, UserError, ValidationError
from receptiondesk.interchange import jsonl
from receptiondesk.interchange.format import ENTITIES, LINK_TABLES, Entity, RecordProblem, check_links
from receptiondesk.services.context import DeskContext
from receptiondesk.storage import records, search

CHUNK = 500
NUMBERED = {"visit": ("logbook", "logbook_no"), "letter": ("letters", "letter_no")}
BOOLEAN_KEYS = {"voided", "protected", "in_competence", "flag_bypass", "flag_long_running", "flag_complex",
                "needs_verification", "delegated", "is_delegation", "first_time", "original"}


# -- export --------------------------------------------------------------------------------

def _select_sql(entity: Entity) -> str:
    columns = []
    for spec in entity.all_fields:
        if spec.ref:
            ref_table = ENTITIES[spec.ref].table
            columns.append(f"(SELECT r.uuid FROM {ref_table} r WHERE r.id = t.{spec.column}) AS \"{spec.key}\"")
        else:
            columns.append(f"t.{spec.column} AS \"{spec.key}\"")
    return f"SELECT t.id AS _id, {', '.join(columns)} FROM {entity.table} t ORDER BY t.created_at, t.uuid"


def _links_by_owner(conn: sqlite3.Connection, name: str) -> dict[int, list[dict[str, Any]]]:
    table, owner = LINK_TABLES[name]
    extra = "l.first_time" if name == "visit" else "l.position, l.conclusion_kind, l.conclusion"
    links: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in conn.execute(f"SELECT l.{owner}, c.uuid, {extra} FROM {table} l JOIN cases c ON c.id = l.case_id "
                            f"ORDER BY l.{owner}, c.uuid"):
        if name == "visit":
            links[row[0]].append({"case": row[1], "first_time": bool(row[2])})
        else:
            links[row[0]].append({"case": row[1], "position": row[2], "conclusion_kind": row[3],
                                  "conclusion": row[4]})
    return links


def export_records(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every field and record of the desk, in the format's order (entity, then creation time, then UUID)."""
    for row in conn.execute("SELECT code, name_vi, name_en, active FROM fields ORDER BY position, code"):
        yield {"entity": "field", "code": row[0], "name_vi": row[1], "name_en": row[2], "active": bool(row[3])}
    for name, entity in ENTITIES.items():
        links = _links_by_owner(conn, name) if name in LINK_TABLES else None
        cursor = conn.execute(_select_sql(entity))
        keys = [d[0] for d in cursor.description]
        for values in cursor:
            record: dict[str, Any] = {"entity": name}
            for key, value in zip(keys[1:], values[1:]):
                if key in BOOLEAN_KEYS:
                    value = bool(value)
                elif key == "representatives":
                    value = json.loads(value)
                record[key] = value
            if links is not None:
                record["cases"] = links.get(values[0], [])
            yield record


def export_file(context: DeskContext, path: Path) -> dict[str, int]:
    """Write the whole desk to `path` (atomically: a temporary file renamed at the end); returns counts."""
    settings = context.require_setup()
    path = Path(path)
    temporary = path.with_name(path.name + ".part")
    counts: Counter[str] = Counter()

    def counted() -> Iterator[dict[str, Any]]:
        for record in export_records(context.database.conn):
            counts[record["entity"]] += 1
            yield record

    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
            jsonl.write_file(handle, settings.unit_code, counted())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise UserError("interchange.cannot_write", path=str(path), reason=exc.strerror or str(exc)) from None
    with context.database.write() as conn:
        records.append_audit(conn, context.stamp(), "interchange.export", "desk", None,
                             {"file": path.name, "records": sum(counts.values())})
    return dict(counts)


# -- import --------------------------------------------------------------------------------

@dataclass
class ImportReport:
    """What an import did (or would do, for a dry run): counts per entity and outcome, and rejections."""

    counts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    rejections: list[dict[str, Any]] = field(default_factory=list)
    dry_run: bool = False

    def by_entity(self) -> dict[str, dict[str, int]]:
        return {entity: dict(counter) for entity, counter in self.counts.items()}

    def totals(self) -> dict[str, int]:
        total: Counter[str] = Counter()
        for counter in self.counts.values():
            total.update(counter)
        return {k: total.get(k, 0) for k in ("new", "updated", "unchanged", "rejected")}

    def as_dict(self) -> dict[str, Any]:
        return {"dry_run": self.dry_run, "totals": self.totals(), "by_entity": self.by_entity(),
                "rejections": self.rejections}


@dataclass
class _Parsed:
    line: int
    entity: Entity
    values: dict[str, Any]  # key -> checked value
    links: list[dict[str, Any]] | None = None


def _problem(code: str, line: int, key: str | None = None, **params: Any) -> Problem:
    return Problem(code, None, {"line": line, "key": key or "", **params})


def _check_records(raw: list[tuple[int, dict[str, Any]]]) -> tuple[list[_Parsed], list[dict[str, Any]]]:
    parsed: list[_Parsed] = []
    fields_in_file: list[dict[str, Any]] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for line, obj in raw:
        if len(problems) >= jsonl.MAX_REPORTED_PROBLEMS:
            break
        name = obj.get("entity")
        if name == "field":
            code, vi = obj.get("code"), obj.get("name_vi")
            if not isinstance(code, str) or not code or not isinstance(vi, str) or not vi:
                problems.append(_problem("interchange.missing", line, "code"))
            else:
                fields_in_file.append(obj)
            continue
        entity = ENTITIES.get(name) if isinstance(name, str) else None
        if entity is None:
            problems.append(_problem("interchange.unknown_entity", line, "entity", value=str(name)[:40]))
            continue
        allowed = {spec.key for spec in entity.all_fields} | {"entity"} | ({"cases"} if name in LINK_TABLES else set())
        unknown = sorted(set(obj) - allowed)
        if unknown:
            problems.append(_problem("interchange.unknown_key", line, unknown[0]))
            continue
        values: dict[str, Any] = {}
        try:
            for spec in entity.all_fields:
                key = spec.key
                try:
                    values[key] = spec.check(obj.get(key))
                except RecordProblem as bad:
                    raise RecordProblem(bad.code, key=key, **bad.params) from None
            links = None
            if name in LINK_TABLES:
                try:
                    links = check_links(name, obj.get("cases"))
                except RecordProblem as bad:
                    raise RecordProblem(bad.code, key="cases", **bad.params) from None
        except RecordProblem as bad:
            params = dict(bad.params)
            key = params.pop("key", None)
            problems.append(_problem(bad.code, line, key, **params))
            continue
        uuid = values["uuid"]
        if uuid in seen:
            problems.append(_problem("interchange.duplicate_uuid", line, "uuid", first=seen[uuid]))
            continue
        seen[uuid] = line
        parsed.append(_Parsed(line, entity, values, links))
    if problems:
        raise ValidationError(problems)
    return parsed, fields_in_file


def _existing(conn: sqlite3.Connection, table: str, uuids: list[str]) -> dict[str, tuple[int, int, int]]:
    found: dict[str, tuple[int, int, int]] = {}
    for start in range(0, len(uuids), CHUNK):
        chunk = uuids[start:start + CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT uuid, id, epoch, version FROM {table} WHERE uuid IN ({marks})", chunk):
            found[row[0]] = (row[1], row[2], row[3])
    return found


def _not_null_text_columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})") if row[3] and row[2] == "TEXT"}


class _Importer:
    """Applies checked records inside one write transaction."""

    def __init__(self, context: DeskContext, conn: sqlite3.Connection, report: ImportReport) -> None:
        self.context = context
        self.conn = conn
        self.report = report
        self.ids: dict[str, dict[str, int]] = defaultdict(dict)  # entity -> uuid -> local id

    def resolve(self, entity_name: str, uuid: str | None, line: int, key: str) -> int | None:
        if uuid is None:
            return None
        local = self.ids[entity_name].get(uuid)
        if local is None:
            row = self.conn.execute(f"SELECT id FROM {ENTITIES[entity_name].table} WHERE uuid = ?", (uuid,)).fetchone()
            if row is None:
                raise ValidationError([_problem("interchange.unknown_reference", line, key, uuid=uuid)])
            local = self.ids[entity_name][uuid] = row[0]
        return local

    def apply_fields(self, fields_in_file: list[dict[str, Any]]) -> None:
        position = self.conn.execute("SELECT coalesce(max(position), -1) + 1 FROM fields").fetchone()[0]
        for obj in fields_in_file:
            inserted = self.conn.execute(
                "INSERT OR IGNORE INTO fields (code, name_vi, name_en, position, active) VALUES (?, ?, ?, ?, ?)",
                (obj["code"], obj["name_vi"], obj.get("name_en") or obj["name_vi"], position,
                 int(bool(obj.get("active", True))))).rowcount
            position += inserted
            self.report.counts["field"]["new" if inserted else "unchanged"] += 1

    def apply(self, entity: Entity, items: list[_Parsed]) -> None:
        conn, name, table = self.conn, entity.name, entity.table
        existing = _existing(conn, table, [item.values["uuid"] for item in items])
        text_columns = _not_null_text_columns(conn, table)
        next_id = conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]
        inserts, updates, changed = [], [], []
        for item in items:
            values = item.values
            uuid = values["uuid"]
            held = existing.get(uuid)
            if held is not None:
                local_id, epoch, version = held
                self.ids[name][uuid] = local_id
                incoming = (values["epoch"], values["version"])
                if incoming == (epoch, version):
                    self.report.counts[name]["unchanged"] += 1
                    continue
                if incoming < (epoch, version):
                    self.report.counts[name]["rejected"] += 1
                    self.report.rejections.append({"code": "interchange.older_version", "params": {
                        "line": item.line, "key": "version", "uuid": uuid}})
                    continue
            row = self._row(entity, item, text_columns)
            if held is None:
                local_id = next_id
                next_id += 1
                self.ids[name][uuid] = local_id
                inserts.append((local_id, row))
                self.report.counts[name]["new"] += 1
            else:
                updates.append((held[0], row))
                self.report.counts[name]["updated"] += 1
            changed.append((self.ids[name][uuid], item, row))
        if not inserts and not updates:
            return
        seq = conn.execute("UPDATE counters SET value = value + ? WHERE name = 'change_seq' RETURNING value",
                           (len(inserts) + len(updates),)).fetchone()[0] - len(inserts) - len(updates)
        if inserts:
            columns = ["id", "seq", *inserts[0][1]]
            marks = ",".join("?" * len(columns))
            conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
                             [(local_id, seq + i + 1, *row.values()) for i, (local_id, row) in enumerate(inserts)])
            seq += len(inserts)
        if updates:
            columns = list(updates[0][1])
            assignments = ", ".join(f"{c} = ?" for c in columns)
            conn.executemany(f"UPDATE {table} SET seq = ?, {assignments} WHERE id = ?",
                             [(seq + i + 1, *row.values(), local_id) for i, (local_id, row) in enumerate(updates)])
        self._after(entity, changed, is_update={local_id for local_id, _ in updates})

    def _row(self, entity: Entity, item: _Parsed, text_columns: set[str]) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for spec in entity.all_fields:
            value = item.values[spec.key]
            if spec.ref:
                value = self.resolve(spec.ref, value, item.line, spec.key)
            elif value is None and spec.column in text_columns:
                value = ""
            elif spec.key == "representatives":
                value = json.dumps(value, ensure_ascii=False)
            row[spec.column] = value
        if entity.name == "citizen":
            row["name_folded"] = fold(row["full_name"])
            row["name_sort"] = name_sort_key(row["full_name"])
            row["address_folded"] = fold(row["address"] or "")
        elif entity.name in ("visit", "letter"):
            row["name_sort"] = name_sort_key(row["full_name"]) if row["full_name"] else ""
        return row

    def _after(self, entity: Entity, changed: list[tuple[int, _Parsed, dict[str, Any]]], is_update: set[int]) -> None:
        conn, name = self.conn, entity.name
        if name in LINK_TABLES:
            table, owner = LINK_TABLES[name]
            updated = [(local_id,) for local_id, _, _ in changed if local_id in is_update]
            if updated:
                conn.executemany(f"DELETE FROM {table} WHERE {owner} = ?", updated)
            link_rows = []
            for local_id, item, _ in changed:
                for link in item.links or []:
                    case_id = self.resolve("case", link["case"], item.line, "cases")
                    if name == "visit":
                        link_rows.append((local_id, case_id, link["first_time"]))
                    else:
                        link_rows.append((local_id, case_id, link["position"], link["conclusion_kind"],
                                          link["conclusion"]))
            if name == "visit":
                conn.executemany("INSERT INTO visit_cases (visit_id, case_id, first_time) VALUES (?, ?, ?)", link_rows)
            else:
                conn.executemany("INSERT INTO session_cases (session_id, case_id, position, conclusion_kind, "
                                 "conclusion) VALUES (?, ?, ?, ?, ?)", link_rows)
        if name in NUMBERED:
            scope, column = NUMBERED[name]
            highest: dict[tuple[str, int], int] = {}
            for _, _, row in changed:
                key = (row["unit_code"], row["year"])
                highest[key] = max(highest.get(key, 0), row[column])
            for (unit, year), number in highest.items():
                records.reserve_number(conn, scope, unit, year, number)
        table = entity.table
        if table in search.SEARCH_TABLES:
            fts, columns = search.SEARCH_TABLES[table]
            if is_update:
                conn.executemany(f"DELETE FROM {fts} WHERE rowid = ?", [(i,) for i in is_update])
            conn.executemany(f"INSERT INTO {fts} (rowid, {', '.join(columns)}) VALUES (?{', ?' * len(columns)})",
                             [(local_id, *(fold(t or "") for t in self._search_texts(name, row)))
                              for local_id, _, row in changed])

    def _search_texts(self, name: str, row: dict[str, Any]) -> tuple[str, ...]:
        if name == "case":
            citizen = ""
            if row["citizen_id"] is not None:
                found = self.conn.execute("SELECT full_name FROM citizens WHERE id = ?", (row["citizen_id"],)).fetchone()
                citizen = found[0] if found else ""
            respondent = f"{row['respondent_name']} {row['respondent_position']} {row['respondent_body']}"
            return citizen, respondent, row["summary"]
        return row["full_name"], row["address"], row["summary"]


def import_file(context: DeskContext, path: Path, *, dry_run: bool = False) -> ImportReport:
    """Import an interchange file all or nothing; with dry_run, check and count but leave the desk as it was."""
    context.require_setup()
    header, raw = jsonl.read_file(path)
    parsed, fields_in_file = _check_records(raw)
    report = ImportReport(dry_run=dry_run)
    by_entity: dict[str, list[_Parsed]] = defaultdict(list)
    for item in parsed:
        by_entity[item.entity.name].append(item)
    database = context.database
    conn = database.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        importer = _Importer(context, conn, report)
        importer.apply_fields(fields_in_file)
        known_fields = {row[0] for row in conn.execute("SELECT code FROM fields")}
        for item in by_entity.get("case", []):
            if item.values["field_code"] not in known_fields:
                raise ValidationError([_problem("interchange.unknown_field", item.line, "field_code",
                                                value=item.values["field_code"])])
        for name, entity in ENTITIES.items():
            if by_entity.get(name):
                importer.apply(entity, by_entity[name])
        records.append_audit(conn, context.stamp(), "interchange.import", "desk", None,
                             {"file": Path(path).name, "unit": header.unit_code, **report.totals()})
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    if dry_run:
        conn.execute("ROLLBACK")
    else:
        conn.execute("COMMIT")
    return report

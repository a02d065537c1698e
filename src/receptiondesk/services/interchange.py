"""Export and import of interchange files: everything of a desk as JSON records, imported all or nothing.

Import is idempotent: a record already held at the same version is unchanged, a newer version (by restore
epoch, then counter) replaces it, an older one never overwrites it and is reported as rejected.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from receptiondesk.domain.accounts import MASKED_NAME, Permission
from receptiondesk.domain.text import fold, name_sort_key
from receptiondesk.errors import Problem, UserError, ValidationError
from receptiondesk.interchange import jsonl
from receptiondesk.interchange.format import (
    ENTITIES,
    FORMAT_NAME,
    FORMAT_VERSION,
    LINK_TABLES,
    Entity,
    RecordProblem,
    check_links,
)
from receptiondesk.services import privacy
from receptiondesk.services.privacy import MASKED_SORT_KEY
from receptiondesk.services.context import DeskContext
from receptiondesk.storage import records, search
from receptiondesk.storage.search import SEARCH_TABLES

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


#: The JSON of a record's embedded links to cases, by a subquery on the link table (ordered by case UUID), so that
#: no link is held in memory for the whole export.
_LINKS_JSON = {
    "visit": "(SELECT json_group_array(json(x)) FROM (SELECT json_object('case', c.uuid, 'first_time', "
             "CASE WHEN l.first_time THEN json('true') ELSE json('false') END) AS x FROM visit_cases l "
             "JOIN cases c ON c.id = l.case_id WHERE l.visit_id = t.id ORDER BY c.uuid))",
    "session": "(SELECT json_group_array(json(x)) FROM (SELECT json_object('case', c.uuid, 'position', l.position, "
               "'conclusion_kind', l.conclusion_kind, 'conclusion', l.conclusion) AS x FROM session_cases l "
               "JOIN cases c ON c.id = l.case_id WHERE l.session_id = t.id ORDER BY c.uuid))",
}


def _line_sql(entity: Entity, *, since_seq: bool = False, one_unit: bool = False) -> str:
    """The same record as `_select_sql` gives, already as its JSON line (SQLite's json_object writes exactly what
    json.dumps(ensure_ascii=False, separators=(",", ":")) writes), with its embedded "cases" if it has links.
    `since_seq`: only the records changed after a change sequence number (a parameter), in change order.
    `one_unit`: only one unit's records (a parameter)."""
    parts = [f"'entity', '{entity.name}'"]
    for spec in entity.all_fields:
        if spec.ref:
            value = f"(SELECT r.uuid FROM {ENTITIES[spec.ref].table} r WHERE r.id = t.{spec.column})"
        elif spec.key in BOOLEAN_KEYS:
            value = f"CASE WHEN t.{spec.column} THEN json('true') ELSE json('false') END"
        elif spec.key == "representatives":
            value = f"json(t.{spec.column})"
        else:
            value = f"t.{spec.column}"
        parts.append(f"'{spec.key}', {value}")
    if entity.name in _LINKS_JSON:
        parts.append(f"'cases', json({_LINKS_JSON[entity.name]})")
    if since_seq:  # the changes in the order they were made: read along the seq index, nothing to sort
        return f"SELECT t.id, json_object({', '.join(parts)}) FROM {entity.table} t WHERE t.seq > ? ORDER BY t.seq"
    unit = " WHERE t.unit_code = ?" if one_unit else ""
    return f"SELECT t.id, json_object({', '.join(parts)}) FROM {entity.table} t{unit} ORDER BY t.created_at, t.uuid"


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


def export_records(conn: sqlite3.Connection, *, fields_only: bool = False) -> Iterator[dict[str, Any]]:
    """Every field and record of the desk, in the format's order (entity, then creation time, then UUID)."""
    for row in conn.execute("SELECT code, name_vi, name_en, active FROM fields ORDER BY position, code"):
        yield {"entity": "field", "code": row[0], "name_vi": row[1], "name_en": row[2], "active": bool(row[3])}
    if fields_only:
        return
    for name, entity in ENTITIES.items():
        links = _links_by_owner(conn, name) if name in LINK_TABLES else None
        cursor = conn.cursor()
        cursor.row_factory = None  # plain tuples
        cursor.execute(_select_sql(entity))
        keys = [d[0] for d in cursor.description[1:]]
        flags = [key for key in keys if key in BOOLEAN_KEYS]
        lists = "representatives" in keys
        for values in cursor:
            record: dict[str, Any] = {"entity": name}
            record.update(zip(keys, values[1:]))
            for key in flags:
                record[key] = bool(record[key])
            if lists:
                record["representatives"] = json.loads(record["representatives"])
            if links is not None:
                record["cases"] = links.get(values[0], [])
            yield record


#: Per entity carrying an identity: the rows of protected persons (id, uuid, sealed identity).
_PROTECTED_ROWS = {
    "citizen": "SELECT id, uuid, sealed_identity FROM citizens WHERE protected = 1",
    "visit": "SELECT v.id, v.uuid, v.sealed_identity FROM visits v JOIN citizens c ON c.id = v.citizen_id "
             "WHERE c.protected = 1",
    "letter": "SELECT l.id, l.uuid, l.sealed_identity FROM letters l JOIN citizens c ON c.id = l.citizen_id "
              "WHERE c.protected = 1",
}


#: The change sequence column of each protected-rows query, to look only at the records changed since a package.
_PROTECTED_SEQ = {"citizen": "seq", "visit": "v.seq", "letter": "l.seq"}


def export_lines(conn: sqlite3.Connection, open_identity: Callable[[str, bytes], dict[str, Any]] | None = None,
                 *, since_seq: int | None = None, unit_code: str | None = None) -> Iterator[tuple[str, str]]:
    """(entity, JSON line) of every field and record, in the order and with the bytes of `export_records`,
    with each line built by SQLite itself. A protected person's record says "identity":"withheld" (its
    fields hold only the mask), or, with `open_identity`, carries the identity and says "included".
    `since_seq`: only the records changed after that change sequence number, each entity's in the order of their
    changes (the fields always come). `unit_code`: only that unit's records (not with `since_seq`)."""
    for record in export_records(conn, fields_only=True):
        yield "field", jsonl.dumps(record)
    for name, entity in ENTITIES.items():
        protected = {}
        if name in _PROTECTED_ROWS:  # a package carries only what changed: only those rows are looked at
            sql, args = _PROTECTED_ROWS[name], ()
            if since_seq is not None:
                sql, args = f"{sql} AND {_PROTECTED_SEQ[name]} > ?", (since_seq,)
            elif unit_code is not None:
                sql, args = f"{sql} AND {_PROTECTED_SEQ[name].replace('seq', 'unit_code')} = ?", (unit_code,)
            protected = {row[0]: (row[1], row[2]) for row in conn.execute(sql, args)}
        cursor = conn.cursor()
        cursor.row_factory = None
        if since_seq is not None:
            query = cursor.execute(_line_sql(entity, since_seq=True), (since_seq,))
        elif unit_code is not None:
            query = cursor.execute(_line_sql(entity, one_unit=True), (unit_code,))
        else:
            query = cursor.execute(_line_sql(entity))
        for record_id, line in query:
            if record_id in protected:
                record = json.loads(line)
                uuid, sealed = protected[record_id]
                if open_identity is not None and sealed is not None:
                    record.update(open_identity(uuid, sealed))
                    record["identity"] = "included"
                else:
                    record["identity"] = "withheld"
                line = jsonl.dumps(record)
            yield name, line


def export_file(context: DeskContext, path: Path, *, include_protected: bool = False,
                unit_code: str | None = None, action: str = "interchange.export") -> dict[str, int]:
    """Write the whole desk to `path` (atomically: a temporary file renamed at the end); returns counts. With
    `unit_code`, only that unit's records, and the file is that unit's (the upper level rebuilding a commune).

    Protected identities are withheld unless the user may see them and asks for them (audited as `action`)."""
    settings = context.require_setup()
    session = context.require(Permission.EXPORT)
    open_identity = None
    if include_protected:
        if not session.user.can_see_protected:
            raise UserError("auth.not_permitted", action="export protected identities")
        open_identity = session.identities.open
    path = Path(path)
    temporary = path.with_name(path.name + ".part")
    counts: Counter[str] = Counter()
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(jsonl.dumps({"format": FORMAT_NAME, "version": FORMAT_VERSION,
                                      "unit_code": unit_code or settings.unit_code}) + "\n")
            for name, line in export_lines(context.database.conn, open_identity, unit_code=unit_code):
                counts[name] += 1
                handle.write(line + "\n")
            handle.write(jsonl.dumps({"end": True, "records": sum(counts.values())}) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise UserError("interchange.cannot_write", path=str(path), reason=exc.strerror or str(exc)) from None
    with context.database.write() as conn:
        records.append_audit(conn, context.stamp(), action, "desk", None,
                             {"file": path.name, "records": sum(counts.values()),
                              "unit": unit_code or settings.unit_code,
                              "protected_identities": "included" if include_protected else "withheld"})
    return dict(counts)


# -- import --------------------------------------------------------------------------------

#: Records of a trusted stream handled per batch (the whole stream is still one transaction).
BATCH = 20_000
#: An untrusted file at least this large, into a desk that holds no records yet, takes the bulk path.
BULK_MIN_RECORDS = 10_000
#: Tables whose secondary indexes the bulk path drops, then recreates from the schema's own SQL.
BULK_TABLES = ("citizens", "cases", "sessions", "visits", "visit_cases", "session_cases", "letters", "assignments",
               "attachments")
#: A desk holds no records when these are empty (signers and villages come with the set-up).
CONTENT_TABLES = ("citizens", "cases", "sessions", "visits", "letters", "assignments", "attachments")
#: Bounds of the in-memory maps (UUID → local id, folded texts) kept while writing a long stream.
ID_CACHE = 400_000
TEXT_CACHE = 200_000
BULK_CACHE_KIB = 262_144
BULK_SORT_THREADS = 2


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


class _Parsed(NamedTuple):
    line: int
    entity: Entity
    values: dict[str, Any]  # key -> checked value
    links: list[dict[str, Any]] | None = None


def _problem(code: str, line: int, key: str | None = None, **params: Any) -> Problem:
    return Problem(code, None, {"line": line, "key": key or "", **params})


#: Per entity: the keys a record may have, and each key's check, in the format's order.
_ALLOWED_KEYS = {name: frozenset({spec.key for spec in entity.all_fields} | {"entity"}
                                 | ({"cases"} if name in LINK_TABLES else set()))
                 for name, entity in ENTITIES.items()}
_CHECKS = {name: tuple((spec.key, spec.check) for spec in entity.all_fields) for name, entity in ENTITIES.items()}


_FIELD_KEYS = frozenset({"entity", "code", "name_vi", "name_en", "active"})
#: Human numbers a file must not give twice (or give to another record than the desk did): entity -> column.
_NUMBERS = {"visit": "logbook_no", "letter": "letter_no"}


def _check_numbers(parsed: list["_Parsed"], conn: sqlite3.Connection | None) -> None:
    """Each unit's logbook (letter) numbers are one per record and year: in the file, and against the desk."""
    problems: list[Problem] = []
    seen: dict[tuple, tuple[int, str]] = {}
    for item in parsed:
        column = _NUMBERS.get(item.entity.name)
        if column is None:
            continue
        key = (item.entity.name, item.values["unit_code"], item.values["year"], item.values[column])
        if key in seen and seen[key][1] != item.values["uuid"]:
            problems.append(_problem("interchange.duplicate_number", item.line, column, first=seen[key][0]))
        seen.setdefault(key, (item.line, item.values["uuid"]))
    if conn is not None and not problems:
        for name, column in _NUMBERS.items():
            table = ENTITIES[name].table
            wanted = {(k[1], k[2], k[3]): v for k, v in seen.items() if k[0] == name}
            for unit, year in sorted({(unit, year) for unit, year, _ in wanted}):
                for number, uuid in conn.execute(
                        f"SELECT {column}, uuid FROM {table} WHERE unit_code = ? AND year = ?", (unit, year)):
                    held = wanted.get((unit, year, number))
                    if held is not None and held[1] != uuid:
                        problems.append(_problem("interchange.number_taken", held[0], column, uuid=uuid))
    if problems:
        raise ValidationError(problems[:jsonl.MAX_REPORTED_PROBLEMS])


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
            unknown = sorted(obj.keys() - _FIELD_KEYS)
            if unknown:
                problems.append(_problem("interchange.unknown_key", line, unknown[0]))
            elif not isinstance(code, str) or not code:
                problems.append(_problem("interchange.missing", line, "code"))
            elif not isinstance(vi, str) or not vi:
                problems.append(_problem("interchange.missing", line, "name_vi"))
            elif "active" in obj and not isinstance(obj["active"], bool):
                problems.append(_problem("interchange.bad_boolean", line, "active"))
            elif obj.get("name_en") is not None and not isinstance(obj["name_en"], str):
                problems.append(_problem("interchange.not_text", line, "name_en"))
            else:
                fields_in_file.append(obj)
            continue
        entity = ENTITIES.get(name) if isinstance(name, str) else None
        if entity is None:
            problems.append(_problem("interchange.unknown_entity", line, "entity", value=str(name)[:40]))
            continue
        if not obj.keys() <= _ALLOWED_KEYS[name]:
            problems.append(_problem("interchange.unknown_key", line, sorted(obj.keys() - _ALLOWED_KEYS[name])[0]))
            continue
        values: dict[str, Any] = {}
        key = ""
        try:
            for key, check in _CHECKS[name]:
                values[key] = check(obj.get(key))
            links = None
            if name in LINK_TABLES:
                key = "cases"
                links = check_links(name, obj.get("cases"))
        except RecordProblem as bad:
            problems.append(_problem(bad.code, line, key, **bad.params))
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


def _trusted(raw: list[tuple[int, dict[str, Any]]]) -> tuple[list[_Parsed], list[dict[str, Any]]]:
    """Records from a trusted source (the generator), taken as they are: no per-field checks."""
    parsed: list[_Parsed] = []
    fields_in_file: list[dict[str, Any]] = []
    for line, obj in raw:
        name = obj["entity"]
        if name == "field":
            fields_in_file.append(obj)
        else:
            parsed.append(_Parsed(line, ENTITIES[name], obj, obj.get("cases")))
    return parsed, fields_in_file


def _existing(conn: sqlite3.Connection, table: str, uuids: list[str]) -> dict[str, tuple[int, int, int]]:
    found: dict[str, tuple[int, int, int]] = {}
    for start in range(0, len(uuids), CHUNK):
        chunk = uuids[start:start + CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT uuid, id, epoch, version FROM {table} WHERE uuid IN ({marks})", chunk):
            found[row[0]] = (row[1], row[2], row[3])
    return found


def desk_holds_records(conn: sqlite3.Connection) -> bool:
    """True when the desk holds any citizen, case, session, visit, letter, assignment or attachment."""
    return any(conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() for table in CONTENT_TABLES)


class _Memo(dict):
    """A function of repeated strings (fold, sort key), computed once each; cleared when it grows too large."""

    def __init__(self, function, limit: int = TEXT_CACHE) -> None:
        super().__init__()
        self.function = function
        self.limit = limit

    def __missing__(self, key: str) -> str:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.function(key)
        return value


class _Recent:
    """A bounded map of recently written or looked-up keys: two generations, the older dropped when the newer
    is full (checked between batches, so that lookups inside a batch stay plain dictionary reads)."""

    def __init__(self, limit: int = ID_CACHE) -> None:
        self.limit = limit
        self.current: dict[Any, Any] = {}
        self.previous: dict[Any, Any] = {}

    def get(self, key: Any) -> Any:
        value = self.current.get(key)
        return self.previous.get(key) if value is None else value

    def __setitem__(self, key: Any, value: Any) -> None:
        self.current[key] = value

    def age(self) -> None:
        if len(self.current) >= self.limit:
            self.previous, self.current = self.current, {}


#: Entities other records refer to: only their UUIDs are kept in memory while writing.
_REFERENCED = frozenset({spec.ref for entity in ENTITIES.values() for spec in entity.fields if spec.ref} | {"case"})
#: Columns computed from the record on the way in (never in the format).
_DERIVED = {"citizen": ("name_folded", "name_sort", "address_folded"), "visit": ("name_sort",),
            "letter": ("name_sort",)}


@dataclass(frozen=True)
class _Plan:
    """How records of one entity become rows: the stored columns, and where references and lists sit.

    Rows are [id, seq, the format's values in order..., derived values...]; a missing value of a NOT NULL
    text column is stored as "" (by the statement itself).
    """

    entity: Entity
    columns: tuple[str, ...]
    blank_if_null: frozenset[str]
    refs: tuple[tuple[int, str, str], ...]  # (row position, key, referenced entity)
    lists: tuple[int, ...]  # row positions of lists stored as JSON text
    values: Callable[[dict[str, Any]], tuple]  # the format's values of a record, in order

    def _value(self, column: str) -> str:
        return "coalesce(?, '')" if column in self.blank_if_null else "?"

    @property
    def insert_sql(self) -> str:
        return (f"INSERT INTO {self.entity.table} ({', '.join(self.columns)}) "
                f"VALUES ({', '.join(self._value(c) for c in self.columns)})")

    @property
    def update_sql(self) -> str:
        assignments = ", ".join(f"{c} = {self._value(c)}" for c in self.columns[1:])
        return f"UPDATE {self.entity.table} SET {assignments} WHERE id = ?"

    def index(self, column: str) -> int:
        return self.columns.index(column)


def _plan(conn: sqlite3.Connection, entity: Entity) -> _Plan:
    not_null_text = {row[1] for row in conn.execute(f"PRAGMA table_info({entity.table})")
                     if row[3] and row[2] == "TEXT"}
    fields = entity.all_fields
    columns = ("id", "seq", *(spec.column for spec in fields), *_DERIVED.get(entity.name, ()))
    refs = tuple((2 + i, spec.key, spec.ref) for i, spec in enumerate(fields) if spec.ref)
    lists = tuple(2 + i for i, spec in enumerate(fields) if spec.key == "representatives")
    blank = frozenset(spec.column for spec in fields if spec.column in not_null_text and not spec.ref)
    return _Plan(entity, columns, blank, refs, lists, itemgetter(*(spec.key for spec in fields)))


class _Writer:
    """Applies records inside one write transaction, entity by entity, in batched executemany statements."""

    def __init__(self, context: DeskContext, conn: sqlite3.Connection, report: ImportReport,
                 marks: _IdentityMarks | None = None) -> None:
        self.context = context
        self.conn = conn
        self.report = report
        #: Protected identities that arrive included are never put in the search index (they are sealed before
        #: the commit); `marks` also learns which of them replaced a row held here (its old entry may name them).
        self.marks = marks
        self.ids: dict[str, _Recent] = {name: _Recent() for name in ENTITIES}  # entity -> uuid -> local id
        self.citizen_names = _Recent()  # local citizen id -> full name, for the case search index
        self.folded = _Memo(fold)
        self.sort_keys = _Memo(name_sort_key)
        self.plans = {name: _plan(conn, entity) for name, entity in ENTITIES.items()}
        self.empty = {entity.table for entity in ENTITIES.values()
                      if conn.execute(f"SELECT 1 FROM {entity.table} LIMIT 1").fetchone() is None}
        self.next_id: dict[str, int] = {}
        self.known_fields: set[str] = set()
        #: The change sequence and the highest human numbers seen, written back once by finish().
        self.seq = conn.execute("SELECT value FROM counters WHERE name = 'change_seq'").fetchone()[0]
        self.first_seq = self.seq
        self.numbers: dict[tuple[str, str, int], int] = {}

    def resolve(self, entity_name: str, uuid: str | None, line: int, key: str) -> int | None:
        if uuid is None:
            return None
        ids = self.ids[entity_name]
        local = ids.current.get(uuid) or ids.previous.get(uuid)
        if local is None:
            row = self.conn.execute(f"SELECT id FROM {ENTITIES[entity_name].table} WHERE uuid = ?", (uuid,)).fetchone()
            if row is None:
                raise ValidationError([_problem("interchange.unknown_reference", line, key, uuid=uuid)])
            local = row[0]
            ids[uuid] = local
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
        self.known_fields = {row[0] for row in self.conn.execute("SELECT code FROM fields")}

    def check_fields(self, cases: list[_Parsed]) -> None:
        known = self.known_fields
        for item in cases:
            if item.values["field_code"] not in known:
                raise ValidationError([_problem("interchange.unknown_field", item.line, "field_code",
                                                value=item.values["field_code"])])

    def apply_all(self, parsed: list[_Parsed]) -> None:
        """Every record of `parsed`, entity after entity in the format's order."""
        by_entity: dict[str, list[_Parsed]] = defaultdict(list)
        for item in parsed:
            by_entity[item.entity.name].append(item)
        for name in ENTITIES:
            if by_entity.get(name):
                self.apply(self.plans[name], by_entity[name])
        for ids in self.ids.values():
            ids.age()
        self.citizen_names.age()

    def apply(self, plan: _Plan, items: list[_Parsed]) -> None:
        conn, name, table = self.conn, plan.entity.name, plan.entity.table
        counts = self.report.counts[name]
        ids = self.ids[name].current if name in _REFERENCED else {}
        existing = {} if table in self.empty else _existing(conn, table, [item.values["uuid"] for item in items])
        if table not in self.next_id:
            self.next_id[table] = conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]
        next_id = self.next_id[table]
        inserts: list[list[Any]] = []
        updates: list[list[Any]] = []
        changed: list[tuple[list[Any], _Parsed]] = []
        make_row = self._row
        for item in items:
            values = item.values
            uuid = values["uuid"]
            held = existing.get(uuid) if existing else None
            if held is not None:
                local_id, epoch, version = held
                ids[uuid] = local_id
                incoming = (values["epoch"], values["version"])
                if incoming == (epoch, version):
                    counts["unchanged"] += 1
                    continue
                if incoming < (epoch, version):
                    counts["rejected"] += 1
                    self.report.rejections.append({"code": "interchange.older_version", "params": {
                        "line": item.line, "key": "version", "uuid": uuid}})
                    continue
                row = make_row(plan, item)
                row[0] = local_id
                updates.append(row)
            else:
                row = make_row(plan, item)
                row[0] = next_id
                ids[uuid] = next_id
                next_id += 1
                inserts.append(row)
            changed.append((row, item))
        self.next_id[table] = next_id
        if not changed:
            return
        if inserts:
            counts["new"] += len(inserts)
        if updates:
            counts["updated"] += len(updates)
        seq = self.seq
        for row, _ in changed:
            seq += 1
            row[1] = seq
        self.seq = seq
        if inserts:
            conn.executemany(plan.insert_sql, inserts)
        if updates:
            conn.executemany(plan.update_sql, [(*row[1:], row[0]) for row in updates])
        self._after(plan, changed, is_update={row[0] for row in updates})

    def _row(self, plan: _Plan, item: _Parsed) -> list[Any]:
        values = item.values
        row = [None, None, *plan.values(values)]
        for position, key, ref in plan.refs:
            uuid = row[position]
            if uuid is not None:
                ids = self.ids[ref]
                row[position] = ids.current.get(uuid) or ids.previous.get(uuid) or self.resolve(ref, uuid, item.line,
                                                                                                key)
        for position in plan.lists:
            row[position] = json.dumps(row[position], ensure_ascii=False) if row[position] else "[]"
        name = plan.entity.name
        if name == "citizen":
            full_name = values["full_name"]
            if full_name == MASKED_NAME:  # a protected person withheld at the source
                row += ("", MASKED_SORT_KEY, "")
            else:
                row += (self.folded[full_name], self.sort_keys[full_name], self.folded[values["address"] or ""])
        elif name == "visit" or name == "letter":
            full_name = values["full_name"]
            row.append(MASKED_SORT_KEY if full_name == MASKED_NAME else self.sort_keys[full_name] if full_name else "")
        return row

    def _after(self, plan: _Plan, changed: list[tuple[list[Any], _Parsed]], is_update: set[int]) -> None:
        conn, name, table = self.conn, plan.entity.name, plan.entity.table
        if name in LINK_TABLES:
            links_table, owner = LINK_TABLES[name]
            if is_update:
                conn.executemany(f"DELETE FROM {links_table} WHERE {owner} = ?", [(i,) for i in is_update])
            cases = self.ids["case"]
            current, previous, resolve = cases.current, cases.previous, self.resolve
            link_rows = []
            for row, item in changed:
                local_id = row[0]
                for link in item.links or ():
                    uuid = link["case"]
                    case_id = current.get(uuid) or previous.get(uuid) or resolve("case", uuid, item.line, "cases")
                    if name == "visit":
                        link_rows.append((local_id, case_id, link["first_time"]))
                    else:
                        link_rows.append((local_id, case_id, link["position"], link["conclusion_kind"],
                                          link["conclusion"]))
            if name == "visit":
                conn.executemany("INSERT INTO visit_cases (visit_id, case_id, first_time) VALUES (?, ?, ?)", link_rows)
            else:
                conn.executemany("INSERT INTO session_cases (session_id, case_id, position, conclusion_kind, "
                                 "conclusion) VALUES (?, ?, ?, ?, coalesce(?, ''))", link_rows)
        if name == "citizen":
            # A person held here (indexed with the name) whose identity now arrives included: every entry naming
            # them (their visits, letters and cases) is replaced, so every index is merged afterwards.
            self._replaced_hidden(name, "", changed, is_update)
            names = self.citizen_names.current
            hidden_citizens = self.marks.unindexed(name) if self.marks is not None else frozenset()
            for row, item in changed:
                names[row[0]] = "" if item.values["uuid"] in hidden_citizens else item.values["full_name"]
        if name in NUMBERED:
            scope, column = NUMBERED[name]
            highest = self.numbers
            for _, item in changed:
                values = item.values
                key = (scope, values["unit_code"], values["year"])
                number = values[column]
                if number > highest.get(key, 0):
                    highest[key] = number
        if table in search.SEARCH_TABLES:
            fts, columns = search.SEARCH_TABLES[table]
            if is_update:
                conn.executemany(f"DELETE FROM {fts} WHERE rowid = ?", [(i,) for i in is_update])
            folded = self.folded
            hidden = self._replaced_hidden(name, table, changed, is_update)
            if name == "case":
                citizen_column = plan.index("citizen_id")
                name_of = self._citizen_name
                texts = []
                for row, item in changed:
                    values = item.values
                    # fold() collapses spaces, so folding the parts one by one (each memoised) is folding the whole
                    respondent = " ".join(part for part in (folded[values["respondent_name"] or ""],
                                                            folded[values["respondent_position"] or ""],
                                                            folded[values["respondent_body"] or ""]) if part)
                    texts.append((row[0], folded[name_of(row[citizen_column])], respondent,
                                  folded[values["summary"]]))
            else:
                texts = [(row[0], "", "", folded[item.values["summary"]]) if item.values["uuid"] in hidden else
                         (row[0], folded[item.values["full_name"] or ""], folded[item.values["address"] or ""],
                          folded[item.values["summary"]]) for row, item in changed]
            conn.executemany(f"INSERT INTO {fts} (rowid, {', '.join(columns)}) VALUES (?{', ?' * len(columns)})",
                             texts)

    def _replaced_hidden(self, name: str, table: str, changed: list[tuple[list[Any], _Parsed]],
                         is_update: set[int]) -> frozenset[str]:
        """The UUIDs of `name` records whose identity arrives included (indexed without it); if one of them
        replaces a row held here, the index of `table` (every index, for a citizen: `table` "") may hold its
        old entry's tokens and is marked to be merged."""
        hidden = self.marks.unindexed(name) if self.marks is not None else frozenset()
        if hidden and is_update and any(row[0] in is_update and item.values["uuid"] in hidden
                                        for row, item in changed):
            self.marks.replaced.update([table] if table else search.SEARCH_TABLES)
        return hidden

    def finish(self) -> None:
        """Move the change sequence past every record written, and the number counters past every number kept."""
        if self.seq != self.first_seq:
            self.conn.execute("UPDATE counters SET value = ? WHERE name = 'change_seq'", (self.seq,))
        for (scope, unit, year), number in sorted(self.numbers.items()):
            records.reserve_number(self.conn, scope, unit, year, number)

    def _citizen_name(self, citizen_id: int | None) -> str:
        if citizen_id is None:
            return ""
        name = self.citizen_names.get(citizen_id)
        if name is None:
            found = self.conn.execute("SELECT full_name FROM citizens WHERE id = ?", (citizen_id,)).fetchone()
            name = found[0] if found else ""
            self.citizen_names[citizen_id] = name
        return name


def _index_schema(conn: sqlite3.Connection) -> list[tuple]:
    return [tuple(row) for row in conn.execute(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")]


class _Transaction:
    """The one write transaction of an import. On the bulk path (a desk that holds no records yet) the secondary
    indexes of the loaded tables are dropped and recreated from the schema's own SQL before the commit, foreign
    keys are not re-checked row by row, and the journal is a rollback journal, so the new pages are written once;
    the search indexes are optimised before the commit. The schema after the commit is checked to be exactly the
    one before."""

    def __init__(self, conn: sqlite3.Connection, bulk: bool) -> None:
        self.conn = conn
        self.bulk = bulk
        self.saved: dict[str, Any] = {}
        self.indexes: list[tuple] = []
        self.schema: list[tuple] = []

    def begin(self) -> None:
        conn = self.conn
        if self.bulk:
            for pragma in ("journal_mode", "foreign_keys", "cache_size", "threads"):
                self.saved[pragma] = conn.execute(f"PRAGMA {pragma}").fetchone()[0]
            conn.execute("PRAGMA foreign_keys=OFF")
            # A rollback journal writes the new pages once; SQLite refuses the switch while another connection
            # (the window's own, a reader) has the file open: then the load stays in WAL, without waiting.
            timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
            conn.execute("PRAGMA busy_timeout=0")
            try:
                conn.execute("PRAGMA journal_mode=DELETE").fetchall()
            except sqlite3.OperationalError:
                pass
            finally:
                conn.execute(f"PRAGMA busy_timeout={int(timeout)}")
            conn.execute(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
            conn.execute(f"PRAGMA threads={BULK_SORT_THREADS}").fetchall()  # helper threads for sorting new indexes
        try:
            conn.execute("BEGIN IMMEDIATE")
            if self.bulk:
                self.schema = _index_schema(conn)
                marks = ",".join("?" * len(BULK_TABLES))
                self.indexes = conn.execute(
                    f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                    f"AND tbl_name IN ({marks}) ORDER BY rowid", BULK_TABLES).fetchall()
                for index_name, _ in self.indexes:
                    conn.execute(f'DROP INDEX "{index_name}"')
        except BaseException:
            self.end(commit=False)
            raise

    def end(self, *, commit: bool) -> None:
        conn = self.conn
        try:
            if commit:
                if self.bulk:
                    for _, sql in self.indexes:
                        conn.execute(sql)
                    for fts, _ in search.SEARCH_TABLES.values():
                        # merge the segments the load left behind now, not inside some later single write
                        conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('optimize')")
                    if _index_schema(conn) != self.schema:
                        raise RuntimeError("the bulk load changed the schema's indexes")
                conn.execute("COMMIT")
            elif conn.in_transaction:
                conn.execute("ROLLBACK")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            if self.bulk:
                conn.execute(f"PRAGMA journal_mode={self.saved['journal_mode']}").fetchall()
                # Back in WAL mode, the connection opens the log with its first read; a checkpoint asked for
                # before that read (privacy.purge_old_copies) fails with "database table is locked".
                conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
                conn.execute(f"PRAGMA foreign_keys={int(self.saved['foreign_keys'])}")
                conn.execute(f"PRAGMA cache_size={int(self.saved['cache_size'])}")
                conn.execute(f"PRAGMA threads={int(self.saved['threads'])}").fetchall()


@contextlib.contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Pause Python's cyclic garbage collector during a bulk write: records hold no reference cycles (reference
    counting frees them), and the collector would otherwise walk every live record again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _batches(records: Iterable[dict[str, Any]], first_line: int, size: int) -> Iterator[list[tuple[int, dict]]]:
    batch: list[tuple[int, dict[str, Any]]] = []
    for line, record in enumerate(records, start=first_line):
        batch.append((line, record))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_records(context: DeskContext, records_in: Iterable[dict[str, Any]], *, trusted: bool,
                  dry_run: bool = False, bulk: bool | None = None, action: str = "interchange.import",
                  detail: dict[str, Any] | None = None, first_line: int = 2,
                  progress: Callable[[int], None] | None = None,
                  prepare: Callable[[sqlite3.Connection], None] | None = None) -> ImportReport:
    """Write interchange records into the desk, all or nothing, in one transaction; the one bulk path.

    Untrusted records (a file) are all read and checked first, key by key, and refused whole with the line
    and key of each problem. Trusted records (the generator) skip those checks and are written as they
    stream in, batch by batch; each must come after the records it refers to, and each comes once. Both go
    through the same batched writes, search indexing, number reservation and audit row, and both are
    idempotent: a record held at the same version is unchanged, a newer one replaces it, an older one is
    rejected.

    `bulk` (None: decide) takes the bulk path when the desk holds no records yet and the input is trusted or
    at least BULK_MIN_RECORDS records long. `first_line` is the line of the first record in messages.
    `progress` is called with the number of records handled so far; `prepare` runs first inside the
    transaction (what the records need beside them, such as calendar days).
    """
    context.require_setup()
    context.require(Permission.RECORD)
    identities = _IdentityMarks()
    records_in = identities.take(records_in, first_line)

    def prepare_all(conn: sqlite3.Connection) -> None:
        identities.keep_held_names(context, conn)
        if prepare is not None:
            prepare(conn)

    with without_cycle_collection():
        report = _write(context, records_in, trusted=trusted, dry_run=dry_run, bulk=bulk, action=action,
                        detail=detail, first_line=first_line, progress=progress, prepare=prepare_all,
                        finish=identities.seal, marks=identities)
    if not dry_run and any(identities.included.values()):
        privacy.purge_old_copies(context)  # no page of the log keeps the plain copy written before the seal
    return report


def _write(context: DeskContext, records_in: Iterable[dict[str, Any]], *, trusted: bool, dry_run: bool,
           bulk: bool | None, action: str, detail: dict[str, Any] | None, first_line: int,
           progress: Callable[[int], None] | None, prepare: Callable[[sqlite3.Connection], None] | None,
           finish: Callable[[DeskContext, sqlite3.Connection], None] | None = None,
           marks: _IdentityMarks | None = None) -> ImportReport:
    conn = context.database.conn
    report = ImportReport(dry_run=dry_run)
    if trusted:
        batches: Iterable[list[tuple[int, dict[str, Any]]]] = _batches(records_in, first_line, BATCH)
        size = None
    else:
        raw = list(enumerate(records_in, start=first_line))
        parsed, fields_in_file = _check_records(raw)
        _check_numbers(parsed, None)
        batches = [raw]
        size = len(raw)
    if bulk is None:
        bulk = not desk_holds_records(conn) and (trusted or size >= BULK_MIN_RECORDS)
    transaction = _Transaction(conn, bulk)
    transaction.begin()
    try:
        if not trusted and not bulk:
            _check_numbers(parsed, conn)
        if prepare is not None:
            prepare(conn)
        writer = _Writer(context, conn, report, marks)
        done = 0
        for batch in batches:
            if trusted:
                parsed, fields_in_file = _trusted(batch)
            writer.apply_fields(fields_in_file)
            writer.check_fields([item for item in parsed if item.entity.name == "case"])
            writer.apply_all(parsed)
            done += len(batch)
            if progress is not None:
                progress(done)
        if finish is not None:
            finish(context, conn)
        writer.finish()
        records.append_audit(conn, context.stamp(), action, "desk", None, {**(detail or {}), **report.totals()})
    except BaseException:
        transaction.end(commit=False)
        raise
    transaction.end(commit=not dry_run)
    return report


class _IdentityMarks:
    """The "identity" marker of citizens, visits and letters: "withheld" (masked at the source: an import never
    takes the mask for a name, and never replaces a name held here with it) or "included" (the identity is in
    the file, and is sealed here if the person is protected)."""

    def __init__(self) -> None:
        self.protected_citizens: list[str] = []
        self.withheld: dict[str, set[str]] = defaultdict(set)
        self.included: dict[str, list[str]] = defaultdict(list)
        self._unindexed: dict[str, frozenset[str]] = {}
        #: The tables whose search index held an entry replaced by an included identity (set by the writer).
        self.replaced: set[str] = set()

    def unindexed(self, name: str) -> frozenset[str]:
        """The UUIDs of `name` records whose protected identity arrived included: indexed without it."""
        found = self._unindexed.get(name)
        if found is None:
            found = self._unindexed[name] = frozenset(self.included.get(name, ()))
        return found

    def take(self, records_in: Iterable[dict[str, Any]], first_line: int) -> Iterator[dict[str, Any]]:
        for line, record in enumerate(records_in, start=first_line):
            name = record.get("entity") if isinstance(record, dict) else None
            if name in ("citizen", "visit", "letter") and "identity" in record:
                record = dict(record)
                mark = record.pop("identity")
                if mark not in ("withheld", "included"):
                    raise ValidationError([_problem("interchange.bad_choice", line, "identity", value=str(mark)[:40],
                                                    allowed=["included", "withheld"])])
                if mark == "withheld":
                    self.withheld[name].add(record.get("uuid"))
                    yield record
                    continue
                self.included[name].append(str(record.get("uuid")))
            if name == "citizen" and record.get("protected") is True:
                self.protected_citizens.append(record.get("uuid"))
            yield record

    def keep_held_names(self, context: DeskContext, conn: sqlite3.Connection) -> None:
        """Before writing: a person this desk holds in plain whose record arrives withheld is sealed here first,
        so the mask replaces nothing but masks."""
        ids: set[int] = set()
        for name, table in (("citizen", "citizens"), ("visit", "visits"), ("letter", "letters")):
            uuids = [u for u in self.withheld[name] if u]
            column = "t.id" if name == "citizen" else "t.citizen_id"
            for start in range(0, len(uuids), CHUNK):
                chunk = uuids[start:start + CHUNK]
                ids |= {row[0] for row in conn.execute(
                    f"SELECT c.id FROM {table} t JOIN citizens c ON c.id = {column} WHERE c.protected = 0 "
                    f"AND t.uuid IN ({','.join('?' * len(chunk))})", chunk)}
        if ids:
            privacy.protect_citizens(context, conn, sorted(ids), context.stamp())

    def seal(self, context: DeskContext, conn: sqlite3.Connection) -> None:
        """After the rows are written (same transaction): seal every protected person whose identity came plain,
        and every record whose protected identity came included."""
        ids = []
        included = self.unindexed("citizen")  # sealed below, without ever having been indexed
        plain = [uuid for uuid in self.protected_citizens if uuid not in included]
        for start in range(0, len(plain), CHUNK):
            chunk = plain[start:start + CHUNK]
            ids += [row[0] for row in conn.execute(
                f"SELECT id FROM citizens WHERE sealed_identity IS NULL AND uuid IN ({','.join('?' * len(chunk))})",
                chunk)]
        if ids:
            privacy.protect_citizens(context, conn, ids, context.stamp(), new_version=False)
        _seal_included(context, conn, self.included, self.replaced)


#: The tables of the entities that carry a person's identity.
_IDENTITY_TABLES = {"citizen": "citizens", "visit": "visits", "letter": "letters"}


def _unmasked_rows(conn: sqlite3.Connection, table: str, column: str, values: list[Any]) -> Iterator[sqlite3.Row]:
    """The rows of `table` whose `column` is one of `values` and whose identity columns are not masked."""
    for start in range(0, len(values), CHUNK):
        chunk = values[start:start + CHUNK]
        yield from conn.execute(f"SELECT * FROM {table} WHERE {column} IN ({','.join('?' * len(chunk))}) "
                                f"AND coalesce(full_name, '') != ?", (*chunk, MASKED_NAME)).fetchall()


def _seal_included(context: DeskContext, conn: sqlite3.Connection, arrived: dict[str, list[str]],
                   replaced: set[str]) -> int:
    """Seal at rest, with this desk's key, every protected identity that arrived included and was written in plain:
    a new protected citizen, one updated (its new plain columns written over a row held sealed), and a visit or
    letter of a protected person that comes without its citizen. Their search entries never held the name (the
    writer leaves it out), and the records keep the commune's version (no new version is made: the records are the
    commune's). Runs inside the import's transaction; returns how many records it sealed (0 once done: it looks only
    at rows still in plain). `replaced`: the tables where an entry the writer replaced may have named one of them."""
    sealed = 0
    citizen_ids: list[int] = []
    for row in _unmasked_rows(conn, "citizens", "uuid", arrived.get("citizen", [])):
        identity = {name: row[name] for name in privacy.CITIZEN_IDENTITY}
        values = {**privacy.masked_citizen_columns(), **privacy.blind_columns(context, identity), "protected": 1,
                  "sealed_identity": privacy.seal(context, row["uuid"], identity)}
        conn.execute(f"UPDATE citizens SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                     [*values.values(), row["id"]])
        citizen_ids.append(row["id"])
        sealed += 1
    touched: set[str] = set()
    for start in range(0, len(citizen_ids), CHUNK):
        chunk = citizen_ids[start:start + CHUNK]
        for case in conn.execute(f"SELECT * FROM cases WHERE citizen_id IN ({','.join('?' * len(chunk))})",
                                 chunk).fetchall():
            search.index_record(conn, "cases", case["id"], "",
                                f"{case['respondent_name']} {case['respondent_position']} {case['respondent_body']}",
                                case["summary"])
            touched.add("cases")
    for entity in ("visit", "letter"):
        table = _IDENTITY_TABLES[entity]
        found = {row["id"]: row for row in _unmasked_rows(conn, table, "uuid", arrived.get(entity, []))}
        found.update({row["id"]: row for row in _unmasked_rows(conn, table, "citizen_id", citizen_ids)})
        fields = privacy.SNAPSHOT_IDENTITY[table]
        for row in found.values():
            values = {**privacy.masked_snapshot_columns(table),
                      "sealed_identity": privacy.seal(context, row["uuid"], {name: row[name] for name in fields})}
            conn.execute(f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                         [*values.values(), row["id"]])
            search.index_record(conn, table, row["id"], "", "", row["summary"])
            touched.add(table)
            sealed += 1
    # The writer never indexed these identities; only an entry it replaced (a row held here before) may hold a
    # name: those indexes are merged so that no old copy of its tokens survives.
    for table in sorted(touched & replaced):
        fts = SEARCH_TABLES[table][0]
        conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('optimize')")
    return sealed


def import_file(context: DeskContext, path: Path, *, dry_run: bool = False) -> ImportReport:
    """Import an interchange file all or nothing; with dry_run, check and count but leave the desk as it was."""
    context.require_setup()
    with without_cycle_collection():
        header, raw = jsonl.read_file(path)
    return write_records(context, [obj for _, obj in raw], trusted=False, dry_run=dry_run,
                         first_line=raw[0][0] if raw else 2,
                         detail={"file": Path(path).name, "unit": header.unit_code})

"""Writes of versioned records: common columns, change sequence, human numbers, voids and audit rows.

Every function here must run inside `Database.write()`; the caller's transaction makes the record,
its number and its audit row commit together.
"""

from __future__ import annotations

import json
import sqlite3
import uuid as uuid_module
from dataclasses import dataclass, field
from typing import Any

from receptiondesk.errors import UserError
from receptiondesk.security import audit_chain
from receptiondesk.storage.migrations import RECORD_TABLES


@dataclass(frozen=True)
class Stamp:
    """Who writes, for which unit, and when (ISO 8601 +07:00); with the signed-in user's audit-chain key."""

    actor: str
    unit_code: str
    at: str
    audit_key: bytes | None = field(default=None, repr=False)


def new_uuid() -> str:
    return str(uuid_module.uuid4())


def next_seq(conn: sqlite3.Connection) -> int:
    """The next local change sequence number (monotonic, from the database, never the clock)."""
    return conn.execute("UPDATE counters SET value = value + 1 WHERE name = 'change_seq' RETURNING value").fetchone()[0]


def restore_epoch(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT value FROM counters WHERE name = 'restore_epoch'").fetchone()[0]


def _check_table(table: str) -> None:
    if table not in RECORD_TABLES:
        raise ValueError(f"not a record table: {table}")


def insert_record(conn: sqlite3.Connection, table: str, stamp: Stamp, values: dict[str, Any],
                  *, record_uuid: str | None = None, unit_code: str | None = None) -> tuple[int, str]:
    """Insert one record with its common columns; returns (rowid, uuid)."""
    _check_table(table)
    row = dict(values)
    row["uuid"] = record_uuid or new_uuid()
    row["unit_code"] = unit_code or stamp.unit_code
    row.setdefault("created_at", stamp.at)
    row.setdefault("updated_at", stamp.at)
    row["epoch"] = restore_epoch(conn)
    row["version"] = 1
    row["seq"] = next_seq(conn)
    columns = ", ".join(row)
    marks = ", ".join("?" * len(row))
    cursor = conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
    return cursor.lastrowid, row["uuid"]


def update_record(conn: sqlite3.Connection, table: str, record_id: int, stamp: Stamp,
                  values: dict[str, Any]) -> dict[str, list[Any]]:
    """A new version of a record: changed columns, a higher version counter and change sequence.

    Returns each column that really changed as [before, after], for the audit row."""
    _check_table(table)
    changed: dict[str, list[Any]] = {}
    if values:
        before = conn.execute(f"SELECT {', '.join(values)} FROM {table} WHERE id = ?", (record_id,)).fetchone()
        if before is not None:
            changed = {k: [before[i], v] for i, (k, v) in enumerate(values.items()) if before[i] != v}
    assignments = ", ".join(f"{column} = ?" for column in values)
    params = list(values.values())
    epoch = restore_epoch(conn)
    conn.execute(
        f"UPDATE {table} SET {assignments}{', ' if assignments else ''}"
        "updated_at = ?, version = CASE WHEN epoch = ? THEN version + 1 ELSE 1 END, epoch = ?, seq = ? "
        "WHERE id = ?",
        [*params, stamp.at, epoch, epoch, next_seq(conn), record_id],
    )
    return changed


def record_id_for(conn: sqlite3.Connection, table: str, record_uuid: str, *, field: str,
                  allow_voided: bool = False) -> int:
    """The rowid of a record by UUID, or a UserError naming the field when it does not exist."""
    _check_table(table)
    row = conn.execute(f"SELECT id, voided FROM {table} WHERE uuid = ?", (record_uuid,)).fetchone()
    if row is None:
        raise UserError("record.not_found", field, uuid=record_uuid)
    if row[1] and not allow_voided:
        raise UserError("record.voided", field, uuid=record_uuid)
    return row[0]


def void_record(conn: sqlite3.Connection, table: str, record_id: int, stamp: Stamp, reason: str) -> None:
    """Mark a record void with a reason; it stays in the file and in history."""
    update_record(conn, table, record_id, stamp, {"voided": 1, "void_reason": reason, "voided_at": stamp.at})


def allocate_number(conn: sqlite3.Connection, scope: str, unit_code: str, year: int) -> int:
    """The next human number (logbook number, letter number...) for a unit and year, never reused."""
    return conn.execute(
        "INSERT INTO number_counters (scope, unit_code, year, last) VALUES (?, ?, ?, 1) "
        "ON CONFLICT (scope, unit_code, year) DO UPDATE SET last = last + 1 RETURNING last",
        (scope, unit_code, year),
    ).fetchone()[0]


def reserve_number(conn: sqlite3.Connection, scope: str, unit_code: str, year: int, number: int) -> None:
    """Note a number that came with an imported record, so new numbers continue after it."""
    conn.execute(
        "INSERT INTO number_counters (scope, unit_code, year, last) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (scope, unit_code, year) DO UPDATE SET last = max(last, excluded.last)",
        (scope, unit_code, year, number),
    )


def append_audit(conn: sqlite3.Connection, stamp: Stamp, action: str, entity: str,
                 record_uuid: str | None, detail: dict[str, Any] | None = None, *,
                 audit_key: bytes | None = None) -> None:
    """One audit row, in the caller's transaction. Details never hold a citizen's identity.

    With an audit-chain key (a signed-in user), the row is chained: its MAC covers it and the MAC before it;
    rows written without a key (a failed sign-in) are chained by the next write that has one.
    """
    key = audit_key or stamp.audit_key
    text = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True)
    entry = {"at": stamp.at, "actor": stamp.actor, "action": action, "entity": entity, "record_uuid": record_uuid,
             "detail": text}
    if key is None:
        conn.execute("INSERT INTO audit_log (at, actor, action, entity, record_uuid, detail) VALUES (?, ?, ?, ?, ?, ?)",
                     tuple(entry.values()))
        return
    last = conn.execute("SELECT id, mac FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    if last is not None and last[1] is None:  # rows written without a key come first into the chain
        chain_pending(conn, key)
        last = conn.execute("SELECT id, mac FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    entry["id"] = (last[0] if last else 0) + 1
    entry["mac"] = audit_chain.entry_mac(key, last[1] if last else audit_chain.GENESIS, entry)
    conn.execute("INSERT INTO audit_log (id, at, actor, action, entity, record_uuid, detail, mac) "
                 "VALUES (:id, :at, :actor, :action, :entity, :record_uuid, :detail, :mac)", entry)


AUDIT_COLUMNS = "id, at, actor, action, entity, record_uuid, detail, mac"


def chain_pending(conn: sqlite3.Connection, key: bytes, upto: int | None = None) -> None:
    """MAC every not-yet-chained audit row (in id order) after the last chained one."""
    last = conn.execute("SELECT id, mac FROM audit_log WHERE mac IS NOT NULL ORDER BY id DESC LIMIT 1").fetchone()
    previous = last[1] if last else audit_chain.GENESIS
    after = last[0] if last else 0
    bound = " AND id <= ?" if upto is not None else ""
    rows = conn.execute(f"SELECT {AUDIT_COLUMNS} FROM audit_log WHERE id > ?{bound} ORDER BY id",
                        (after, upto) if upto is not None else (after,)).fetchall()
    for row in rows:
        entry = dict(zip(AUDIT_COLUMNS.split(", "), row))
        previous = audit_chain.entry_mac(key, previous, entry)
        conn.execute("UPDATE audit_log SET mac = ? WHERE id = ?", (previous, entry["id"]))

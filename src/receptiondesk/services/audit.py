"""The audit log's chain: verified incrementally from a sealed checkpoint at start, fully by `check`;
its head is exported for anchoring elsewhere (sync packages will carry it)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from receptiondesk.security import audit_chain, keys
from receptiondesk.services.context import DeskContext
from receptiondesk.storage.records import AUDIT_COLUMNS, chain_pending

CHECKPOINT = "audit_checkpoint"
BATCH = 5000


@dataclass(frozen=True)
class ChainReport:
    """The outcome of a verification: sound up to `checked_to`, or the first break."""

    sound: bool
    checked_to: int
    head: str | None
    broken_at: int | None = None
    reason: str | None = None


@dataclass(frozen=True)
class ChainScan:
    """One verification's reading part, which may run on another thread with its own connection."""

    key: bytes
    start: tuple[int, str]
    checkpoint: tuple[int, str]
    full: bool

    def run(self, conn: sqlite3.Connection) -> ChainReport:
        """Read the chain after `start` in batches; the first bad, missing or reordered entry stops it."""
        checkpoint_id, checkpoint_mac = self.checkpoint
        highest = conn.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]
        if highest < checkpoint_id:
            return ChainReport(False, highest, None, highest + 1, "truncated")
        previous, last_id = self.start[1], self.start[0]
        while True:
            rows = conn.execute(f"SELECT {AUDIT_COLUMNS} FROM audit_log WHERE id > ? ORDER BY id LIMIT ?",
                                (last_id, BATCH)).fetchall()
            if not rows:
                break
            entries = [dict(r) for r in rows]
            outcome = audit_chain.verify(self.key, entries, start_mac=previous, start_id=last_id)
            if isinstance(outcome, audit_chain.ChainBreak):
                return ChainReport(False, outcome.entry_id - 1, None, outcome.entry_id, outcome.reason)
            if self.full and last_id < checkpoint_id <= entries[-1]["id"]:
                at_checkpoint = next(e for e in entries if e["id"] == checkpoint_id)
                if at_checkpoint["mac"] != checkpoint_mac:
                    return ChainReport(False, checkpoint_id - 1, None, checkpoint_id, "mac")
            previous, last_id = outcome, entries[-1]["id"]
        return ChainReport(True, last_id, previous)


class AuditService:
    """Reads and verifies the audit log; writes happen in each service's own transaction."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    def _key(self) -> bytes:
        session = self.context.require_session()
        return session.audit_key

    def _checkpoint(self, key: bytes) -> tuple[int, str]:
        row = self.context.database.one("SELECT value FROM key_store WHERE name = ?", (CHECKPOINT,))
        if row is None:
            return 0, audit_chain.GENESIS
        try:
            point = json.loads(keys.open_sealed(key, row[0], CHECKPOINT.encode()))
        except keys.WrongKey:
            return 0, audit_chain.GENESIS  # a forged checkpoint: verify from the start
        return point["id"], point["mac"]

    def start_verification(self, *, full: bool = False) -> ChainScan:
        """Chain what is pending and note where to start: from the checkpoint, or from the first entry."""
        key = self._key()
        with self.context.database.write() as conn:
            chain_pending(conn, key)  # rows written without a key (failed sign-ins) join the chain now
        checkpoint = self._checkpoint(key)
        start = (0, audit_chain.GENESIS) if full else checkpoint
        return ChainScan(key, start, checkpoint, full)

    def finish_verification(self, scan: ChainScan, report: ChainReport) -> ChainReport:
        """A sound result moves the sealed checkpoint to the last entry verified."""
        if report.sound:
            sealed = keys.seal(scan.key, json.dumps({"id": report.checked_to, "mac": report.head}).encode(),
                               CHECKPOINT.encode())
            with self.context.database.write() as conn:
                conn.execute("INSERT INTO key_store (name, value) VALUES (?, ?) "
                             "ON CONFLICT (name) DO UPDATE SET value = excluded.value", (CHECKPOINT, sealed))
        return report

    def verify(self, *, full: bool = False) -> ChainReport:
        """Verify from the checkpoint (or from the first entry with `full`), on this thread."""
        scan = self.start_verification(full=full)
        return self.finish_verification(scan, scan.run(self.context.database.conn))

    def head(self) -> tuple[int, str | None]:
        """The id and MAC of the newest chained entry: what to anchor outside this file."""
        row = self.context.database.one("SELECT id, mac FROM audit_log WHERE mac IS NOT NULL ORDER BY id DESC LIMIT 1")
        return (row[0], row[1]) if row else (0, None)

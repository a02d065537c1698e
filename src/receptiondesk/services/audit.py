"""The audit log's chain: verified incrementally from a sealed checkpoint at start, fully by `check`;
its head is exported for anchoring elsewhere (sync packages will carry it)."""

from __future__ import annotations

import json
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

    def verify(self, *, full: bool = False) -> ChainReport:
        """Verify from the checkpoint (or from the first entry with `full`); a sound result moves the checkpoint."""
        key = self._key()
        database = self.context.database
        with database.write() as conn:
            chain_pending(conn, key)  # rows written without a key (failed sign-ins) join the chain now
        start_id, start_mac = (0, audit_chain.GENESIS) if full else self._checkpoint(key)
        checkpoint_id, checkpoint_mac = self._checkpoint(key)
        highest = database.scalar("SELECT coalesce(max(id), 0) FROM audit_log")
        if highest < checkpoint_id:
            return ChainReport(False, highest, None, highest + 1, "truncated")
        previous, last_id = start_mac, start_id
        while True:
            rows = database.query(f"SELECT {AUDIT_COLUMNS} FROM audit_log WHERE id > ? ORDER BY id LIMIT ?",
                                  (last_id, BATCH))
            if not rows:
                break
            entries = [dict(r) for r in rows]
            outcome = audit_chain.verify(key, entries, start_mac=previous, start_id=last_id)
            if isinstance(outcome, audit_chain.ChainBreak):
                return ChainReport(False, outcome.entry_id - 1, None, outcome.entry_id, outcome.reason)
            if full and last_id < checkpoint_id <= entries[-1]["id"]:
                at_checkpoint = next(e for e in entries if e["id"] == checkpoint_id)
                if at_checkpoint["mac"] != checkpoint_mac:
                    return ChainReport(False, checkpoint_id - 1, None, checkpoint_id, "mac")
            previous, last_id = outcome, entries[-1]["id"]
        with database.write() as conn:
            sealed = keys.seal(key, json.dumps({"id": last_id, "mac": previous}).encode(), CHECKPOINT.encode())
            conn.execute("INSERT INTO key_store (name, value) VALUES (?, ?) "
                         "ON CONFLICT (name) DO UPDATE SET value = excluded.value", (CHECKPOINT, sealed))
        return ChainReport(True, last_id, previous)

    def head(self) -> tuple[int, str | None]:
        """The id and MAC of the newest chained entry: what to anchor outside this file."""
        row = self.context.database.one("SELECT id, mac FROM audit_log WHERE mac IS NOT NULL ORDER BY id DESC LIMIT 1")
        return (row[0], row[1]) if row else (0, None)

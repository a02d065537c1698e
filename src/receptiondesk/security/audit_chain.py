"""The audit log's HMAC chain: each entry's MAC covers the entry and the previous MAC, so an edited, removed,
inserted or reordered entry breaks the chain from that point on."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass

GENESIS = "0" * 64
ENTRY_FIELDS = ("id", "at", "actor", "action", "entity", "record_uuid", "detail")


def entry_mac(key: bytes, previous: str, entry: dict) -> str:
    canonical = json.dumps([entry.get(name) for name in ENTRY_FIELDS], ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, f"{previous}\n{canonical}".encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    """The first entry whose MAC does not follow from the one before (or the id where entries go missing)."""

    entry_id: int
    reason: str  # "mac" (edited, inserted or reordered), "gap" (an id is missing), "truncated"


def verify(key: bytes, entries: Iterable[dict], *, start_mac: str = GENESIS, start_id: int = 0) -> ChainBreak | str:
    """Walk entries in id order from a checkpoint; the chain head's MAC when sound, else the first break."""
    previous, expected_id = start_mac, start_id + 1
    for entry in entries:
        if entry["id"] != expected_id:
            return ChainBreak(expected_id, "gap")
        if not hmac.compare_digest(entry_mac(key, previous, entry), entry["mac"] or ""):
            return ChainBreak(entry["id"], "mac")
        previous, expected_id = entry["mac"], expected_id + 1
    return previous

"""Protected identities at rest: the identity fields sealed per record, and keyed blind indexes for lookups."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from receptiondesk.domain.text import fold
from receptiondesk.security.keys import open_sealed, purpose_key, seal

BLIND_INDEX_HEX = 32


class IdentityCipher:
    """Seals and opens a protected person's identity; computes blind indexes without revealing values."""

    def __init__(self, data_key: bytes) -> None:
        self._seal_key = purpose_key(data_key, "identity")
        self._index_key = purpose_key(data_key, "blind-index")

    def seal(self, record_uuid: str, identity: dict[str, Any]) -> bytes:
        plain = json.dumps(identity, ensure_ascii=False, sort_keys=True).encode("utf-8")
        return seal(self._seal_key, plain, record_uuid.encode())

    def open(self, record_uuid: str, blob: bytes) -> dict[str, Any]:
        return json.loads(open_sealed(self._seal_key, blob, record_uuid.encode()).decode("utf-8"))

    def blind(self, kind: str, value: str | None) -> str | None:
        """HMAC of the folded value: equal inputs give equal indexes; the value cannot be read back."""
        if not value:
            return None
        digest = hmac.new(self._index_key, f"{kind}:{fold(value)}".encode(), hashlib.sha256).hexdigest()
        return digest[:BLIND_INDEX_HEX]

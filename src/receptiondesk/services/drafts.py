"""Unsaved forms kept as drafts: sealed with the desk's key (a draft may hold a protected identity)."""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path
from typing import Any

from receptiondesk.security import keys
from receptiondesk.services.accounts import UserSession

log = logging.getLogger(__name__)

PURPOSE = "form-drafts"
_SAFE = re.compile(r"[^a-z0-9_.-]")


class DraftStore:
    """One sealed file per user and form, written atomically; readable only with the desk's data key."""

    def __init__(self, directory: Path, session: UserSession, desk_id: str) -> None:
        self._directory = Path(directory)
        self._key = keys.purpose_key(session.data_key, PURPOSE)
        self._prefix = _SAFE.sub("_", f"{desk_id}.{session.user.username}".lower())

    def _path(self, form: str) -> Path:
        return self._directory / f"{self._prefix}.{_SAFE.sub('_', form)}.draft"

    def save(self, form: str, values: dict[str, Any]) -> Path:
        """Write the form's values; the previous draft is replaced only once the new one is on disk."""
        self._directory.mkdir(parents=True, exist_ok=True)
        path = self._path(form)
        blob = keys.seal(self._key, json.dumps(values, ensure_ascii=False).encode(), path.name.encode())
        temporary = path.with_suffix(".tmp")
        with open(temporary, "wb") as fh:
            fh.write(blob)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, path)
        return path

    def load(self, form: str) -> dict[str, Any] | None:
        """The saved values, or None when there is no draft or it cannot be opened (it is then set aside)."""
        path = self._path(form)
        try:
            blob = path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            return json.loads(keys.open_sealed(self._key, blob, path.name.encode()))
        except (keys.WrongKey, ValueError):
            log.warning("draft %s could not be opened; kept aside as %s.unreadable", path, path.name)
            os.replace(path, path.with_suffix(".unreadable"))
            return None

    def discard(self, form: str) -> None:
        self._path(form).unlink(missing_ok=True)

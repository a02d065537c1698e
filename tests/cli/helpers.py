"""Probes shared by the CLI tests: the desk of a data directory opened by the test, and damaging its file."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from receptiondesk import paths
from receptiondesk.services.desk import Desk
from tests.services.helpers import PASSWORD, USERNAME

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


@contextmanager
def opened(data_dir: Path) -> Iterator[Desk]:
    """The desk of `data_dir` with the real clock, as the CLI opens it (only once the CLI has closed it)."""
    with Desk.open(data_dir / paths.DATABASE_FILE) as desk:
        if desk.accounts.has_users:
            desk.login(USERNAME, PASSWORD)
        yield desk


def service(data_dir: Path, call: Callable[[Desk], Any]) -> Any:
    with opened(data_dir) as desk:
        return call(desk)


def damage(data_dir: Path, *statements: tuple[str, tuple]) -> None:
    """Change the closed database file behind the desk's back (foreign keys off, as a stray tool would)."""
    conn = sqlite3.connect(data_dir / paths.DATABASE_FILE)
    try:
        for sql, params in statements:
            conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def table_uuids(out: str) -> list[str]:
    """The UUIDs at the ends of a table's rows, in order."""
    found = []
    for line in out.splitlines()[1:-1]:
        last = line.split()[-1]
        assert re.fullmatch(r"[0-9a-f-]{36}", last), line
        found.append(last)
    return found


def assert_rendered(text: str) -> None:
    assert text.strip()
    assert not PLACEHOLDER.search(text), text

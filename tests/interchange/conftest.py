"""Fixtures of the interchange tests: a filled desk and its export built once, empty desks of the same commune."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from receptiondesk.services.desk import Desk
from tests.interchange.sample import FIXED_NOW, FixedClock, Templates, copy_desk
from tests.services.helpers import PASSWORD, USERNAME


@pytest.fixture
def exported(templates: Templates) -> str:
    """The text of the filled desk's export (read only: tests write edited copies to their own folder)."""
    return templates.exported.read_text(encoding="utf-8")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(FIXED_NOW)


def _open(template: Path, target: Path, clock: FixedClock) -> Iterator[Desk]:
    desk = Desk.open(copy_desk(template, target), clock=clock)
    desk.login(USERNAME, PASSWORD)
    try:
        yield desk
    finally:
        desk.close()


@pytest.fixture
def source(templates: Templates, tmp_path: Path, clock: FixedClock) -> Iterator[Desk]:
    """The filled desk (commune 00004), in its own file."""
    yield from _open(templates.filled, tmp_path / "source" / "desk.sqlite3", clock)


@pytest.fixture
def target(templates: Templates, tmp_path: Path) -> Iterator[Desk]:
    """An empty desk set up for the same commune, in its own file, with its own clock."""
    yield from _open(templates.ready, tmp_path / "target" / "desk.sqlite3", FixedClock(FIXED_NOW))


@pytest.fixture
def write(tmp_path: Path):
    """Write a test file (text or bytes) into the test's folder; returns its path."""
    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="\n")
        return path
    return _write

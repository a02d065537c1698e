"""Fixtures of the service tests: a fixed clock and desks copied from migrated templates built once per run."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from receptiondesk.services.desk import Desk
from tests.services.helpers import FIXED_NOW, OFFICER, PASSWORD, UNIT, USERNAME, FixedClock


@pytest.fixture(scope="session")
def desk_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two closed database files, both with the officer's administrator account: one not set up yet, one set up
    for unit 00004."""
    folder = tmp_path_factory.mktemp("templates")
    blank = folder / "blank.sqlite3"
    with Desk.open(blank, clock=FixedClock(FIXED_NOW)) as desk:
        desk.accounts.create_first_administrator(USERNAME, OFFICER, PASSWORD)
    ready = folder / "ready.sqlite3"
    with Desk.open(ready, clock=FixedClock(FIXED_NOW)) as desk:
        desk.first_run(UNIT, USERNAME, OFFICER, PASSWORD)
    # The desks are closed: the WAL was checkpointed into the main file, which alone is copied.
    return {"blank": blank, "ready": ready}


@pytest.fixture
def clock() -> FixedClock:
    """The desk's clock: 10/03/2026 09:00 (+07:00) unless a test moves it."""
    return FixedClock(FIXED_NOW)


def _open_copy(template: Path, target: Path, clock: FixedClock) -> Iterator[Desk]:
    shutil.copyfile(template, target)
    desk = Desk.open(target, clock=clock)
    desk.login(USERNAME, PASSWORD)
    try:
        yield desk
    finally:
        desk.close()


@pytest.fixture
def desk(desk_templates: dict[str, Path], tmp_path: Path, clock: FixedClock) -> Iterator[Desk]:
    """A desk set up for commune 00004 with officer Trần Văn Cán, in its own file."""
    yield from _open_copy(desk_templates["ready"], tmp_path / "desk.sqlite3", clock)


@pytest.fixture
def blank_desk(desk_templates: dict[str, Path], tmp_path: Path, clock: FixedClock) -> Iterator[Desk]:
    """A migrated desk with its administrator signed in, whose unit has not been set up yet."""
    yield from _open_copy(desk_templates["blank"], tmp_path / "blank.sqlite3", clock)

"""Fixtures of the generator tests: desks set up for one commune, blank or generated, copied from templates."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.services.helpers import PASSWORD, USERNAME

from receptiondesk.demo.loader import generate_into
from receptiondesk.domain.values import VIETNAM_TZ
from receptiondesk.services.desk import Desk

#: Xã Xuân Lương, Tỉnh Bắc Ninh: a rural commune (villages are "Thôn").
UNIT = "07246"
OFFICER = "Nguyễn Thị Hoa"
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=VIETNAM_TZ)
YESTERDAY = date(2026, 3, 9)
SEED = 11
VISITS = 400


@pytest.fixture(autouse=True)
def _signed_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands sign in as the desks' administrator, as a script would."""
    monkeypatch.setenv("RECEPTIONDESK_USER", USERNAME)
    monkeypatch.setenv("RECEPTIONDESK_PASSWORD", PASSWORD)


def clock() -> datetime:
    return NOW


def open_copy(template: Path, target: Path) -> Desk:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, target)
    desk = Desk.open(target, clock=clock)
    desk.login(USERNAME, PASSWORD)
    return desk


@pytest.fixture(scope="session")
def demo_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Closed desk files: 'ready' (set up, no records) and 'generated' (commune scale, VISITS visits, SEED)."""
    folder = tmp_path_factory.mktemp("demo-templates")
    ready = folder / "ready.sqlite3"
    with Desk.open(ready, clock=clock) as desk:
        desk.first_run(UNIT, USERNAME, OFFICER, PASSWORD)
    generated = folder / "generated.sqlite3"
    shutil.copyfile(ready, generated)
    with Desk.open(generated, clock=clock) as desk:
        desk.login(USERNAME, PASSWORD)
        generate_into(desk.context, "commune", visits=VISITS, seed=SEED)
    return {"ready": ready, "generated": generated}


@pytest.fixture
def ready_desk(demo_templates: dict[str, Path], tmp_path: Path) -> Iterator[Desk]:
    """A desk set up for UNIT that holds no records."""
    with open_copy(demo_templates["ready"], tmp_path / "ready" / "desk.sqlite3") as desk:
        yield desk


@pytest.fixture
def generated_desk(demo_templates: dict[str, Path], tmp_path: Path) -> Iterator[Desk]:
    """A desk set up for UNIT and filled by the generator (commune scale, VISITS visits, SEED)."""
    with open_copy(demo_templates["generated"], tmp_path / "generated" / "desk.sqlite3") as desk:
        yield desk


@pytest.fixture
def another_ready_desk(demo_templates: dict[str, Path], tmp_path: Path) -> Iterator[Desk]:
    """A second empty desk for the same unit, to import into."""
    with open_copy(demo_templates["ready"], tmp_path / "other" / "desk.sqlite3") as desk:
        yield desk

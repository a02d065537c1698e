"""The demonstration desk: a database of its own beside the real one, filled by the generator with a year of a
ward's realistic reception work, for anyone trying the program; marked DEMO in the title bar and on every page it
prints. Its account is public (the data are invented)."""

from __future__ import annotations

import os
from pathlib import Path

from receptiondesk import paths
from receptiondesk.demo.loader import generate_into
from receptiondesk.services.desk import Desk

#: The demonstration desk's folder inside the data directory, its unit and its public account.
DEMO_FOLDER = "demo"
DEMO_COMMUNE = "00004"  # Phường Ba Đình, Hà Nội
DEMO_USER = "demo"
DEMO_PASSWORD = "demo2026"
DEMO_OFFICER = "Nguyễn Thị Lan"
DEMO_VILLAGES = ("Tổ dân phố 1", "Tổ dân phố 2", "Tổ dân phố 3", "Tổ dân phố 4", "Tổ dân phố 5")


def demo_path(data_dir: Path) -> Path:
    """Where the demonstration desk's database lives (never the real desk's file)."""
    return data_dir / DEMO_FOLDER / paths.DATABASE_FILE


def open_demo_desk(data_dir: Path, **desk_options) -> Desk:
    """The demonstration desk, signed in: made the first time (set up, then a year of generated work up to
    yesterday, all in a file of its own renamed into place only when complete), opened as it is afterwards."""
    path = demo_path(data_dir)
    if not path.exists():
        _make(path, **desk_options)
    desk = Desk.open(path, **desk_options)
    try:
        desk.login(DEMO_USER, DEMO_PASSWORD)
    except BaseException:
        desk.close()
        raise
    return desk


def _make(path: Path, **desk_options) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(path.name + ".building")
    for leftover in path.parent.glob(building.name + "*"):  # an earlier attempt cut short
        leftover.unlink()
    with Desk.open(building, **desk_options) as desk:
        desk.first_run(DEMO_COMMUNE, DEMO_USER, DEMO_OFFICER, DEMO_PASSWORD, DEMO_PASSWORD,
                       villages=list(DEMO_VILLAGES))
        desk.setup.update_settings(demo=True)
        generate_into(desk.context, "commune")
    os.replace(building, path)

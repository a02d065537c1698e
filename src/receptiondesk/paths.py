"""Where things live: bundled resources, and the per-user data directory (platformdirs)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "ReceptionDesk"
DATABASE_FILE = "receptiondesk.sqlite3"


def resources_dir() -> Path:
    """The `resources/` folder: beside the source tree, or inside a frozen installer build."""
    override = os.environ.get("RECEPTIONDESK_RESOURCES")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Path:
    """Path of one bundled resource file, e.g. resource("data", "time-limits.csv")."""
    return resources_dir().joinpath(*parts)


def default_data_dir() -> Path:
    """The user's data directory for the desk (created on first run)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def drafts_dir() -> Path:
    """Unsaved forms kept as encrypted drafts; on this PC's own disk, even when the desk file is on a USB drive."""
    override = os.environ.get("RECEPTIONDESK_DRAFTS")
    if override:
        return Path(override)
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)) / "drafts"

"""The settings table: the desk's configuration as JSON values, read and written in one place."""

from __future__ import annotations

import dataclasses
import json
import sqlite3

from receptiondesk.domain.units import DeskSettings


def load_settings(conn: sqlite3.Connection) -> DeskSettings:
    stored = {row[0]: json.loads(row[1]) for row in conn.execute("SELECT key, value FROM settings")}
    known = {f.name for f in dataclasses.fields(DeskSettings)}
    return DeskSettings(**{k: v for k, v in stored.items() if k in known})


def save_settings(conn: sqlite3.Connection, settings: DeskSettings) -> None:
    for key, value in dataclasses.asdict(settings).items():
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, ensure_ascii=False)),
        )

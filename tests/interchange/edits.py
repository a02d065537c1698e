"""Reading and editing interchange files in tests: records with their line numbers, one-record edits."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

Record = dict[str, Any]


def dumps(obj: Any) -> str:
    """One line as the writer writes it (compact, UTF-8 kept)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def lines_of(text: str) -> list[str]:
    assert text.endswith("\n")
    return text[:-1].split("\n")


def records_of(text: str) -> list[tuple[int, Record]]:
    """(line number, record) of every record line: header and trailer left out."""
    lines = lines_of(text)
    return [(number, json.loads(line)) for number, line in enumerate(lines[1:-1], start=2)]


def find(text: str, entity: str, **match: Any) -> tuple[int, Record]:
    """The first record of `entity` whose keys equal `match`, with its line number."""
    for number, record in records_of(text):
        if record.get("entity") == entity and all(record.get(k) == v for k, v in match.items()):
            return number, record
    raise AssertionError(f"no {entity} record with {match}")


def edit(text: str, entity: str, change: Callable[[Record], Any], **match: Any) -> tuple[str, int]:
    """The file with one record changed in place (by `change`, which mutates it); returns it and the line."""
    number, record = find(text, entity, **match)
    change(record)
    lines = lines_of(text)
    lines[number - 1] = dumps(record)
    return "\n".join(lines) + "\n", number


def replace_line(text: str, number: int, new_line: str) -> str:
    lines = lines_of(text)
    lines[number - 1] = new_line
    return "\n".join(lines) + "\n"


def insert_record(text: str, before_line: int, record: Record) -> tuple[str, int]:
    """The file with one more record line (the trailer's count kept right); returns it and the new line."""
    lines = lines_of(text)
    lines.insert(before_line - 1, dumps(record))
    trailer = json.loads(lines[-1])
    trailer["records"] += 1
    lines[-1] = dumps(trailer)
    return "\n".join(lines) + "\n", before_line


def bump(record: Record, **changes: Any) -> None:
    """Change fields of a record as a newer version of it."""
    record.update(changes)
    record["version"] += 1

"""Reading and writing interchange files: JSON Lines with a header naming the format, version and unit,
and a trailer with the record count, so that a truncated file is recognised."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from receptiondesk.errors import Problem, UserError, ValidationError
from receptiondesk.interchange.format import FORMAT_NAME, FORMAT_VERSION

MAX_REPORTED_PROBLEMS = 20


def dumps(obj: dict[str, Any]) -> str:
    """One line of the file: compact, UTF-8 text kept readable (no \\u escapes), keys in the order given."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def write_file(handle: IO[str], unit_code: str, records: Iterable[dict[str, Any]]) -> int:
    """Write header, records and trailer; returns the number of records."""
    handle.write(dumps({"format": FORMAT_NAME, "version": FORMAT_VERSION, "unit_code": unit_code}) + "\n")
    count = 0
    for record in records:
        handle.write(dumps(record) + "\n")
        count += 1
    handle.write(dumps({"end": True, "records": count}) + "\n")
    return count


@dataclass(frozen=True)
class Header:
    version: int
    unit_code: str


def read_file(path: Path) -> tuple[Header, list[tuple[int, dict[str, Any]]]]:
    """Parse a whole file (header, records with their line numbers, trailer) or raise a UserError saying why."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise UserError("interchange.file_missing", path=str(path)) from None
    except OSError as exc:
        raise UserError("interchange.file_unreadable", path=str(path), reason=exc.strerror or str(exc)) from None
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UserError("interchange.not_this_format", path=str(path)) from None
    lines = content.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise UserError("interchange.not_this_format", path=str(path))
    header = _parse_header(lines[0], path)
    records: list[tuple[int, dict[str, Any]]] = []
    problems: list[Problem] = []
    trailer = None
    for number, line in enumerate(lines[1:], start=2):
        if trailer is not None:
            problems.append(Problem("interchange.after_end", None, {"line": number}))
            break
        try:
            obj = json.loads(line)
        except ValueError:
            problems.append(Problem("interchange.not_json", None, {"line": number}))
            if len(problems) >= MAX_REPORTED_PROBLEMS:
                break
            continue
        if not isinstance(obj, dict):
            problems.append(Problem("interchange.not_json", None, {"line": number}))
        elif obj.get("end") is True:
            trailer = obj
        else:
            records.append((number, obj))
    if problems:
        raise ValidationError(problems)
    if trailer is None:
        raise UserError("interchange.truncated", path=str(path), records=len(records))
    if trailer.get("records") != len(records):
        raise UserError("interchange.count_mismatch", expected=trailer.get("records"), found=len(records))
    return header, records


def _parse_header(line: str, path: Path) -> Header:
    try:
        header = json.loads(line)
    except ValueError:
        header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT_NAME:
        raise UserError("interchange.not_this_format", path=str(path))
    version = header.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UserError("interchange.not_this_format", path=str(path))
    if version > FORMAT_VERSION:
        raise UserError("interchange.newer_version", version=version, supported=FORMAT_VERSION)
    unit_code = header.get("unit_code")
    if not isinstance(unit_code, str) or not unit_code:
        raise UserError("interchange.not_this_format", path=str(path))
    return Header(version, unit_code)


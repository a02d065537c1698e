"""The one message catalogue: renders the core's problem codes and field names in Vietnamese or English.

Entries live in one module per area (`identity`, `calendar`, `records`, ...) and are merged here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from receptiondesk.messages import (
    accounts,
    attachments,
    backups,
    calendar,
    consolidation,
    demo,
    documents,
    enums,
    excel_import,
    fields,
    followup,
    identity,
    interchange,
    issuing,
    records,
    reports,
    sessions,
    spreadsheets,
    storage,
    sync,
)

if TYPE_CHECKING:
    from receptiondesk.errors import Problem

LANGUAGES = ("vi", "en")

CATALOGUE: dict[str, dict[str, str]] = {}
for _area in (fields, enums, identity, calendar, records, storage, interchange, accounts, demo, attachments,
              sessions, followup, documents, issuing, backups, reports, spreadsheets, excel_import, sync,
              consolidation):
    _overlap = CATALOGUE.keys() & _area.MESSAGES.keys()
    if _overlap:
        raise RuntimeError(f"message codes defined twice: {sorted(_overlap)}")
    CATALOGUE.update(_area.MESSAGES)


def text(code: str, lang: str = "vi", **params: object) -> str:
    """The catalogue text for `code` in `lang`, formatted with `params`."""
    entry = CATALOGUE.get(code)
    if entry is None:
        return code if not params else f"{code} {params}"
    template = entry.get(lang) or entry["vi"]
    return template.format(**_plain(params))


def _plain(params: dict[str, object]) -> dict[str, object]:
    """Lists read as 'a, b, c' in messages."""
    return {k: (", ".join(map(str, v)) if isinstance(v, (list, tuple)) else v) for k, v in params.items()}


def field_label(name: str, lang: str = "vi") -> str:
    """The user-facing name of an input field."""
    return text(f"field.{name}", lang) if f"field.{name}" in CATALOGUE else name


def enum_label(kind: str, value: str | None, lang: str = "vi") -> str:
    """The user-facing name of an enumerated value, e.g. enum_label("direction", "guided") == "Hướng dẫn"."""
    if not value:
        return ""
    return text(f"enum.{kind}.{value}", lang) if f"enum.{kind}.{value}" in CATALOGUE else value


def render_problem(problem: Problem, lang: str = "vi") -> str:
    """'<Field>: <message>' in the user's language."""
    body = text(problem.code, lang, **problem.params)
    if problem.field:
        return f"{field_label(problem.field, lang)}: {body}"
    return body

"""The one JSON record format per entity (interchange files and, later, sync packages), with its checks.

Each entity lists its fields in a fixed order: the JSON key, the database column, and the kind of value.
References to other records are by UUID; derived columns (folded names, sort keys, local ids, change
sequence numbers) are never in the format and are recomputed on import.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from receptiondesk.domain.assignments import NotifyWay
from receptiondesk.domain.cases import CaseStatus, ContentType, Direction
from receptiondesk.domain.citizens import Gender, PartyKind
from receptiondesk.domain.identity import IdPaperType
from receptiondesk.domain.letters import LetterChannel
from receptiondesk.domain.sessions import ConclusionKind, LeaderRole, Sector, SessionKind, SessionStatus
from receptiondesk.domain.text import nfc
from receptiondesk.domain.visits import CameAs, Channel, ReceptionKind

class CaseSource(StrEnum):
    VISIT = "visit"
    LETTER = "letter"
    IMPORT = "import"


FORMAT_NAME = "receptiondesk-interchange"
FORMAT_VERSION = 1

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_UNIT = re.compile(r"^[0-9]{2,5}$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class RecordProblem(Exception):
    """One record of a file is wrong: names the key and what was expected (rendered by the message catalogue)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


Check = Callable[[Any], Any]


def _text(required: bool, max_length: int = 4000) -> Check:
    def check(value: Any) -> Any:
        if value is None:
            if required:
                raise RecordProblem("interchange.missing")
            return None
        if not isinstance(value, str):
            raise RecordProblem("interchange.not_text")
        if required and not value.strip():
            raise RecordProblem("interchange.missing")
        if len(value) > max_length:
            raise RecordProblem("interchange.too_long", max=max_length)
        return nfc(value)
    return check


def _integer(required: bool, low: int = 0, high: int = 10**9) -> Check:
    def check(value: Any) -> Any:
        if value is None:
            if required:
                raise RecordProblem("interchange.missing")
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise RecordProblem("interchange.bad_integer", low=low, high=high)
        return value
    return check


def _boolean(value: Any) -> int:
    if not isinstance(value, bool):
        raise RecordProblem("interchange.bad_boolean")
    return int(value)


def _date(required: bool) -> Check:
    def check(value: Any) -> Any:
        if value is None:
            if required:
                raise RecordProblem("interchange.missing")
            return None
        if not isinstance(value, str) or not _DATE.match(value):
            raise RecordProblem("interchange.bad_date")
        try:
            date.fromisoformat(value)
        except ValueError:
            raise RecordProblem("interchange.bad_date") from None
        return value
    return check


def _timestamp(required: bool) -> Check:
    def check(value: Any) -> Any:
        if value is None:
            if required:
                raise RecordProblem("interchange.missing")
            return None
        try:
            parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None or parsed.tzinfo is None:
            raise RecordProblem("interchange.bad_timestamp")
        return value
    return check


def _choice(values: type, required: bool) -> Check:
    allowed = frozenset(member.value for member in values)

    def check(value: Any) -> Any:
        if value is None or (value == "" and not required):
            if required:
                raise RecordProblem("interchange.missing")
            return value
        if not isinstance(value, str) or value not in allowed:
            raise RecordProblem("interchange.bad_choice", value=str(value)[:40], allowed=sorted(allowed))
        return value
    return check


def _uuid(required: bool) -> Check:
    def check(value: Any) -> Any:
        if value is None:
            if required:
                raise RecordProblem("interchange.missing")
            return None
        if not isinstance(value, str) or not _UUID.match(value):
            raise RecordProblem("interchange.bad_uuid")
        return value
    return check


def _unit(value: Any) -> str:
    if not isinstance(value, str) or not _UNIT.match(value):
        raise RecordProblem("interchange.bad_unit")
    return value


def _text_list(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or len(value) > 100:
        raise RecordProblem("interchange.bad_list")
    return [nfc(v) for v in value]


@dataclass(frozen=True)
class Field:
    key: str
    column: str
    check: Check
    ref: str | None = None  # the entity a UUID refers to


def f(key: str, check: Check, column: str | None = None, ref: str | None = None) -> Field:
    return Field(key, column or key, check, ref)


#: The columns every record shares (the versioned-record envelope).
ENVELOPE = (
    f("uuid", _uuid(True)),
    f("unit_code", _unit),
    f("created_at", _timestamp(True)),
    f("updated_at", _timestamp(True)),
    f("epoch", _integer(True)),
    f("version", _integer(True, 1)),
    f("voided", _boolean),
    f("void_reason", _text(False, 2000)),
    f("voided_at", _timestamp(False)),
)


@dataclass(frozen=True)
class Entity:
    name: str
    table: str
    fields: tuple[Field, ...]

    @property
    def all_fields(self) -> tuple[Field, ...]:
        return ENVELOPE + self.fields


CITIZEN = Entity("citizen", "citizens", (
    f("kind", _choice(PartyKind, True)),
    f("full_name", _text(True, 200)),
    f("id_type", _choice(IdPaperType, True)),
    f("id_number", _text(False, 40)),
    f("birth_year", _integer(False, 1850, 2200)),
    f("gender", _choice(Gender, False)),
    f("phone", _text(False, 20)),
    f("address", _text(False, 400)),
    f("protected", _boolean),
))

SIGNER = Entity("signer", "signers", (
    f("full_name", _text(True, 200)),
    f("title", _text(True, 200)),
    f("role", _text(True, 40)),
))

CASE = Entity("case", "cases", (
    f("received_on", _date(True)),
    f("source", _choice(CaseSource, True)),
    f("citizen", _uuid(False), "citizen_id", ref="citizen"),
    f("content_type", _choice(ContentType, True)),
    f("field_code", _text(True, 60)),
    f("summary", _text(True)),
    f("respondent_name", _text(False, 200)),
    f("respondent_position", _text(False, 200)),
    f("respondent_body", _text(False, 300)),
    f("in_competence", _boolean),
    f("direction", _choice(Direction, False)),
    f("direction_body", _text(False, 300)),
    f("direction_doc", _text(False, 100)),
    f("refusal_ground", _text(False, 60)),
    f("flag_bypass", _boolean),
    f("flag_long_running", _boolean),
    f("flag_complex", _boolean),
    f("needs_verification", _boolean),
    f("status", _choice(CaseStatus, True)),
    f("step_started_on", _date(True)),
    f("due_date", _date(False)),
    f("concluded_on", _date(False)),
    f("conclusion", _text(False)),
    f("informed_on", _date(False)),
    f("closed_on", _date(False)),
    f("closed_reason", _text(False, 2000)),
))

SESSION = Entity("session", "sessions", (
    f("session_date", _date(True)),
    f("sector", _choice(Sector, True)),
    f("kind", _choice(SessionKind, True)),
    f("leader_name", _text(True, 200)),
    f("leader_role", _choice(LeaderRole, True)),
    f("delegated", _boolean),
    f("delegate_name", _text(False, 200)),
    f("delegate_role", _text(False, 200)),
    f("location", _text(False, 300)),
    f("subject", _text(False, 500)),
    f("status", _choice(SessionStatus, True)),
    f("notes", _text(False, 2000)),
    f("attendees", _text(False, 4000)),
))

VISIT = Entity("visit", "visits", (
    f("year", _integer(True, 1990, 2200)),
    f("logbook_no", _integer(True, 1)),
    f("visit_date", _date(True)),
    f("citizen", _uuid(True), "citizen_id", ref="citizen"),
    f("full_name", _text(True, 200)),
    f("address", _text(False, 400)),
    f("id_number", _text(False, 40)),
    f("came_as", _choice(CameAs, True)),
    f("proof_paper", _text(False, 300)),
    f("channel", _choice(Channel, True)),
    f("reception_kind", _choice(ReceptionKind, True)),
    f("session", _uuid(False), "session_id", ref="session"),
    f("headcount", _integer(True, 1, 100000)),
    f("is_delegation", _boolean),
    f("representatives", _text_list),
    f("summary", _text(True)),
    f("prior_handler", _text(False, 300)),
    f("in_competence", _boolean),
    f("direction", _choice(Direction, True)),
    f("direction_body", _text(False, 300)),
    f("direction_doc", _text(False, 100)),
    f("refusal_ground", _text(False, 60)),
    f("first_time", _boolean),
    f("followup", _text(False)),
    f("notes", _text(False, 2000)),
))

LETTER = Entity("letter", "letters", (
    f("year", _integer(True, 1990, 2200)),
    f("letter_no", _integer(True, 1)),
    f("received_on", _date(True)),
    f("channel", _choice(LetterChannel, True)),
    f("sender_body", _text(False, 300)),
    f("forward_doc", _text(False, 100)),
    f("citizen", _uuid(False), "citizen_id", ref="citizen"),
    f("full_name", _text(False, 200)),
    f("address", _text(False, 400)),
    f("summary", _text(True)),
    f("case", _uuid(True), "case_id", ref="case"),
    f("notes", _text(False, 2000)),
))

ASSIGNMENT = Entity("assignment", "assignments", (
    f("session", _uuid(False), "session_id", ref="session"),
    f("case", _uuid(True), "case_id", ref="case"),
    f("assignee", _text(True, 300)),
    f("task", _text(True)),
    f("assigned_on", _date(True)),
    f("deadline", _date(True)),
    f("result", _text(False)),
    f("result_on", _date(False)),
    f("citizen_told_on", _date(False)),
    f("citizen_told_how", _choice(NotifyWay, False)),
))

ATTACHMENT = Entity("attachment", "attachments", (
    f("case", _uuid(True), "case_id", ref="case"),
    f("visit", _uuid(False), "visit_id", ref="visit"),
    f("title", _text(True, 300)),
    f("pages", _integer(True, 1, 10000)),
    f("original", _boolean),
))

#: Entities in dependency order: a record only refers to entities before it (or to itself never).
ENTITIES: dict[str, Entity] = {e.name: e for e in (SIGNER, CITIZEN, CASE, SESSION, VISIT, LETTER, ASSIGNMENT,
                                                   ATTACHMENT)}

#: Entities that carry their links to cases inside the record, under "cases": (link table, owner column).
LINK_TABLES = {"visit": ("visit_cases", "visit_id"), "session": ("session_cases", "session_id")}

_CONCLUSION_KINDS = frozenset(k.value for k in ConclusionKind)
_LINK_KEYS = {"visit": frozenset({"case", "first_time"}),
              "session": frozenset({"case", "position", "conclusion_kind", "conclusion"})}


def check_links(entity: str, value: Any) -> list[dict[str, Any]]:
    """The embedded links of a visit (its cases, first time or not) or a session (cases heard, conclusions)."""
    if not isinstance(value, list) or not value and entity == "visit":
        raise RecordProblem("interchange.bad_links")
    checked = []
    seen = set()
    for item in value:
        if not isinstance(item, dict):
            raise RecordProblem("interchange.bad_links")
        if set(item) - _LINK_KEYS[entity]:
            raise RecordProblem("interchange.unknown_key")
        case = _uuid(True)(item.get("case"))
        if case in seen:
            raise RecordProblem("interchange.bad_links")
        seen.add(case)
        if entity == "visit":
            checked.append({"case": case, "first_time": _boolean(item.get("first_time"))})
        else:
            kind = item.get("conclusion_kind")
            if kind is not None and (not isinstance(kind, str) or kind not in _CONCLUSION_KINDS):
                raise RecordProblem("interchange.bad_choice", value=str(kind)[:40], allowed=sorted(_CONCLUSION_KINDS))
            checked.append({"case": case, "position": _integer(True)(item.get("position")),
                            "conclusion_kind": kind, "conclusion": _text(False)(item.get("conclusion")) or ""})
    return checked

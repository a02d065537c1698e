"""Cases (vụ việc): content types, what the desk did with them (direction), status and due dates."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from receptiondesk import paths
from receptiondesk.domain.calendar import WorkingCalendar
from receptiondesk.domain.rules import RulesTable
from receptiondesk.domain.text import clean_line, clean_paragraphs
from receptiondesk.domain.values import parse_enum
from receptiondesk.errors import Problem

MAX_SUMMARY_LENGTH = 4000


class ContentType(StrEnum):
    """The four legal content types (khiếu nại, tố cáo, kiến nghị, phản ánh)."""

    COMPLAINT = "complaint"
    DENUNCIATION = "denunciation"
    PETITION = "petition"
    REPORT = "report"


class Direction(StrEnum):
    """What the desk did: hướng dẫn, chuyển đơn, thụ lý, trả lời ngay, lưu đơn, từ chối."""

    GUIDED = "guided"
    TRANSFERRED = "transferred"
    ACCEPTED = "accepted"
    ANSWERED = "answered"
    FILED = "filed"
    REFUSED = "refused"


class CaseStatus(StrEnum):
    """received → in_progress → concluded → informed → closed (voiding is a separate marker)."""

    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    CONCLUDED = "concluded"
    INFORMED = "informed"
    CLOSED = "closed"


OPEN_STATUSES = (CaseStatus.RECEIVED, CaseStatus.IN_PROGRESS)

#: The status a direction moves a freshly received case to.
STATUS_AFTER_DIRECTION = {
    Direction.GUIDED: CaseStatus.IN_PROGRESS,
    Direction.TRANSFERRED: CaseStatus.IN_PROGRESS,
    Direction.ACCEPTED: CaseStatus.IN_PROGRESS,
    Direction.ANSWERED: CaseStatus.INFORMED,
    Direction.FILED: CaseStatus.CLOSED,
    Direction.REFUSED: CaseStatus.CLOSED,
}


@dataclass(frozen=True)
class RefusalGround:
    code: str
    name_vi: str
    name_en: str
    written_notice: bool


@lru_cache(maxsize=1)
def refusal_grounds() -> dict[str, RefusalGround]:
    """The legal grounds for refusing a reception (resources/data/refusal-grounds.csv)."""
    with open(paths.resource("data", "refusal-grounds.csv"), encoding="utf-8", newline="") as fh:
        return {
            row["code"]: RefusalGround(row["code"], row["name_vi"], row["name_en"], row["written_notice"] == "1")
            for row in csv.DictReader(fh)
        }


@dataclass
class DirectionDraft:
    """What was done at this visit (or with this letter), as typed."""

    direction: str | None = None
    direction_body: str = ""
    direction_doc: str = ""
    refusal_ground: str | None = None
    in_competence: bool = True


@dataclass(frozen=True)
class DirectionRecord:
    direction: Direction | None
    direction_body: str
    direction_doc: str
    refusal_ground: str | None
    in_competence: bool


def validate_direction(draft: DirectionDraft, problems: list[Problem], *, required: bool) -> DirectionRecord:
    """Check that the direction carries what it needs (body and document number, legal ground...)."""
    direction = None
    if draft.direction or required:
        direction = parse_enum(Direction, draft.direction, "direction", problems)
    body = clean_line(draft.direction_body)
    doc = clean_line(draft.direction_doc)
    ground = draft.refusal_ground or None
    if direction in (Direction.GUIDED, Direction.TRANSFERRED) and not body:
        problems.append(Problem("direction.body_required", "direction_body", {"direction": direction.value}))
    if direction is Direction.TRANSFERRED and not doc:
        problems.append(Problem("direction.doc_required", "direction_doc"))
    if direction is Direction.REFUSED:
        if not ground:
            problems.append(Problem("direction.ground_required", "refusal_ground"))
        elif ground not in refusal_grounds():
            problems.append(Problem("value.not_allowed", "refusal_ground",
                                    {"value": ground, "allowed": sorted(refusal_grounds())}))
    elif ground:
        ground = None
    if direction is Direction.ACCEPTED and not draft.in_competence:
        problems.append(Problem("direction.accept_outside_competence", "direction"))
    return DirectionRecord(direction, body, doc, ground, bool(draft.in_competence))


@dataclass
class CaseDraft:
    """One matter to open: a mixed visit is split into several of these."""

    content_type: str
    field_code: str
    summary: str
    respondent_name: str = ""
    respondent_position: str = ""
    respondent_body: str = ""
    flag_bypass: bool = False
    flag_long_running: bool = False
    flag_complex: bool = False
    needs_verification: bool = False
    direction: DirectionDraft | None = None  # None: the visit's (or letter's) direction applies


@dataclass(frozen=True)
class CaseRecord:
    content_type: ContentType
    field_code: str
    summary: str
    respondent_name: str
    respondent_position: str
    respondent_body: str
    flag_bypass: bool
    flag_long_running: bool
    flag_complex: bool
    needs_verification: bool
    direction: DirectionRecord | None


def clean_summary(text: str | None, field: str, problems: list[Problem]) -> str:
    summary = clean_paragraphs(text)
    if not summary:
        problems.append(Problem("value.required", field))
    elif len(summary) > MAX_SUMMARY_LENGTH:
        problems.append(Problem("value.too_long", field, {"max": MAX_SUMMARY_LENGTH}))
    return summary


def validate_case(draft: CaseDraft, field_codes: set[str], problems: list[Problem]) -> CaseRecord | None:
    before = sum(1 for p in problems if not p.warning)
    content_type = parse_enum(ContentType, draft.content_type, "content_type", problems)
    if not draft.field_code:
        problems.append(Problem("value.required", "field_code"))
    elif draft.field_code not in field_codes:
        problems.append(Problem("value.not_allowed", "field_code",
                                {"value": draft.field_code, "allowed": sorted(field_codes)}))
    summary = clean_summary(draft.summary, "case_summary", problems)
    direction = validate_direction(draft.direction, problems, required=False) if draft.direction else None
    if sum(1 for p in problems if not p.warning) > before or content_type is None:
        return None
    return CaseRecord(
        content_type=content_type,
        field_code=draft.field_code,
        summary=summary,
        respondent_name=clean_line(draft.respondent_name),
        respondent_position=clean_line(draft.respondent_position),
        respondent_body=clean_line(draft.respondent_body),
        flag_bypass=bool(draft.flag_bypass),
        flag_long_running=bool(draft.flag_long_running),
        flag_complex=bool(draft.flag_complex),
        needs_verification=bool(draft.needs_verification),
        direction=direction,
    )


def status_for_direction(direction: Direction | None) -> CaseStatus:
    return STATUS_AFTER_DIRECTION.get(direction, CaseStatus.RECEIVED) if direction else CaseStatus.RECEIVED


@dataclass(frozen=True)
class DueFacts:
    """What decides the due date of a case's current step."""

    content_type: ContentType
    status: CaseStatus
    direction: Direction | None
    in_competence: bool
    received_on: date
    step_started_on: date
    complex: bool = False
    needs_verification: bool = False


def step_rule(facts: DueFacts) -> str | None:
    """The rules-table code that limits the case's current step, or None when no legal limit applies."""
    kind = facts.content_type
    if facts.status is CaseStatus.RECEIVED:
        if kind is ContentType.DENUNCIATION:
            return "denunciation.classify" if facts.in_competence else "denunciation.transfer"
        if kind is ContentType.COMPLAINT:
            return "complaint.accept"
        return "letter.handle"
    if facts.status is CaseStatus.IN_PROGRESS and facts.direction is Direction.ACCEPTED:
        if kind is ContentType.DENUNCIATION:
            return "denunciation.resolve"
        if kind is ContentType.COMPLAINT:
            return "complaint.decide"
        return "letter.handle"
    return None


def due_date(facts: DueFacts, rules: RulesTable, calendar: WorkingCalendar, *, remote: bool) -> date | None:
    """The stored due date of the current step: the rule in force on the day the case was received."""
    code = step_rule(facts)
    if code is None:
        return None
    return rules.due_date(
        code, facts.step_started_on, facts.received_on, calendar,
        complex=facts.complex, remote=remote, extended=facts.needs_verification,
    )

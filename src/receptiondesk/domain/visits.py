"""Visits (lượt tiếp): one row of the reception logbook, with who came and what the desk did."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from receptiondesk.domain.cases import CaseDraft, DirectionDraft, DirectionRecord, clean_summary, validate_direction
from receptiondesk.domain.citizens import CitizenDraft
from receptiondesk.domain.text import clean_line
from receptiondesk.domain.values import parse_enum, parse_past_date
from receptiondesk.errors import Problem

MAX_REPRESENTATIVES = 5
MAX_HEADCOUNT = 10_000
#: A document title as the receipt lists it (the interchange format allows 300 characters).
MAX_DOCUMENT_TITLE = 300


class CameAs(StrEnum):
    """Who came: the citizen, or someone acting for others with a paper that proves it."""

    SELF = "self"
    GROUP_REPRESENTATIVE = "group_representative"
    ORGANISATION_REPRESENTATIVE = "organisation_representative"
    AUTHORISED = "authorised"
    LAWYER = "lawyer"
    LEGAL_AID = "legal_aid"


class Channel(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"


class ReceptionKind(StrEnum):
    """Routine daily reception by the officer, or a leader's reception session."""

    ROUTINE = "routine"
    SESSION = "session"


@dataclass
class VisitDraft:
    """Everything typed at intake for one visit."""

    visit_date: date | str
    citizen: CitizenDraft
    summary: str
    direction: DirectionDraft
    citizen_uuid: str | None = None  # a returning citizen
    came_as: str = CameAs.SELF
    proof_paper: str = ""
    channel: str = Channel.IN_PERSON
    session_uuid: str | None = None
    headcount: int = 1
    representatives: list[str] = field(default_factory=list)
    prior_handler: str = ""
    notes: str = ""
    new_cases: list[CaseDraft] = field(default_factory=list)
    case_uuids: list[str] = field(default_factory=list)  # existing cases this visit is about
    documents: list[str] = field(default_factory=list)  # titles of the documents handed in (what the receipt lists)


@dataclass(frozen=True)
class VisitRecord:
    visit_date: date
    came_as: CameAs
    proof_paper: str
    channel: Channel
    headcount: int
    is_delegation: bool
    representatives: list[str]
    summary: str
    prior_handler: str
    notes: str
    direction: DirectionRecord
    documents: list[str] = field(default_factory=list)


def document_titles(titles: list[str], problems: list[Problem]) -> list[str]:
    """The titles of the documents handed in, cleaned; blank lines dropped, a title too long is a problem."""
    cleaned = [clean_line(title) for title in titles if clean_line(title)]
    if any(len(title) > MAX_DOCUMENT_TITLE for title in cleaned):
        problems.append(Problem("value.too_long", "attachment_title", {"max": MAX_DOCUMENT_TITLE}))
    return cleaned


def validate_visit(draft: VisitDraft, *, today: date, delegation_threshold: int,
                   problems: list[Problem]) -> VisitRecord | None:
    """Validate the visit's own fields (the citizen and cases are validated by their modules)."""
    before = sum(1 for p in problems if not p.warning)
    visit_date = parse_past_date(draft.visit_date, "visit_date", problems, today)
    came_as = parse_enum(CameAs, draft.came_as or CameAs.SELF, "came_as", problems)
    proof = clean_line(draft.proof_paper)
    if came_as not in (None, CameAs.SELF) and not proof:
        problems.append(Problem("visit.proof_required", "proof_paper"))
    channel = parse_enum(Channel, draft.channel or Channel.IN_PERSON, "channel", problems)
    try:
        headcount = int(draft.headcount)
    except (TypeError, ValueError):
        headcount = 0
    if not 1 <= headcount <= MAX_HEADCOUNT:
        problems.append(Problem("visit.headcount_range", "headcount", {"max": MAX_HEADCOUNT}))
    is_delegation = headcount >= delegation_threshold
    representatives = [clean_line(r) for r in draft.representatives if clean_line(r)]
    if is_delegation and not representatives:
        problems.append(Problem("visit.delegation_needs_representatives", "representatives",
                                {"threshold": delegation_threshold}))
    if len(representatives) > MAX_REPRESENTATIVES:
        problems.append(Problem("visit.too_many_representatives", "representatives", {"max": MAX_REPRESENTATIVES}))
    summary = clean_summary(draft.summary, "summary", problems)
    documents = document_titles(draft.documents, problems)
    direction = validate_direction(draft.direction, problems, required=True)
    if not draft.new_cases and not draft.case_uuids:
        problems.append(Problem("visit.no_case", "content_type"))
    if sum(1 for p in problems if not p.warning) > before or None in (visit_date, came_as, channel):
        return None
    return VisitRecord(
        visit_date=visit_date,
        came_as=came_as,
        proof_paper=proof,
        channel=channel,
        headcount=headcount,
        is_delegation=is_delegation,
        representatives=representatives,
        summary=summary,
        prior_handler=clean_line(draft.prior_handler),
        notes=clean_line(draft.notes),
        direction=direction,
        documents=documents,
    )

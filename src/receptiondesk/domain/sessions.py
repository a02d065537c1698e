"""Leaders' reception sessions (kỳ tiếp) and dialogue meetings, with the conclusion per case heard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Sector(StrEnum):
    """State reception (UBND) or Party reception (Đảng ủy)."""

    STATE = "state"
    PARTY = "party"


class SessionKind(StrEnum):
    SCHEDULED = "scheduled"
    AD_HOC = "ad_hoc"
    DIALOGUE = "dialogue"


class LeaderRole(StrEnum):
    CHAIRMAN = "chairman"
    VICE_CHAIRMAN = "vice_chairman"
    PARTY_SECRETARY = "party_secretary"
    DEPUTY_PARTY_SECRETARY = "deputy_party_secretary"
    OTHER = "other"


class SessionStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class ConclusionKind(StrEnum):
    """The leader's conclusion on one case: resolve now, assign someone, or leave pending."""

    RESOLVE_NOW = "resolve_now"
    ASSIGN = "assign"
    PENDING = "pending"


#: The leader role who presides each sector's sessions in person; others preside by delegation.
HEAD_ROLE = {Sector.STATE: LeaderRole.CHAIRMAN, Sector.PARTY: LeaderRole.PARTY_SECRETARY}


@dataclass
class SessionDraft:
    session_date: date | str
    leader_name: str
    sector: str = Sector.STATE
    kind: str = SessionKind.SCHEDULED
    leader_role: str = LeaderRole.CHAIRMAN
    delegated: bool = False
    delegate_name: str = ""
    delegate_role: str = ""
    location: str = ""
    subject: str = ""
    notes: str = ""

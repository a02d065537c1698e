"""Letters (đơn thư) received by post, forwarded by another body, or sent online: no logbook row."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from receptiondesk.domain.cases import CaseDraft, DirectionDraft
from receptiondesk.domain.citizens import CitizenDraft


class LetterChannel(StrEnum):
    POST = "post"
    FORWARDED = "forwarded"
    ONLINE = "online"


@dataclass
class LetterDraft:
    received_on: date | str
    summary: str
    channel: str = LetterChannel.POST
    citizen: CitizenDraft | None = None  # None: an anonymous letter
    citizen_uuid: str | None = None
    sender_body: str = ""  # the body that forwarded it
    forward_doc: str = ""  # number of the forwarding document
    direction: DirectionDraft = field(default_factory=DirectionDraft)
    new_case: CaseDraft | None = None
    case_uuid: str | None = None
    notes: str = ""
    documents: list[str] = field(default_factory=list)  # titles of the documents that came with it

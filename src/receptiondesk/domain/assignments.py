"""Assignments from a conclusion notice: who must do what by when, the result, and telling the citizen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class NotifyWay(StrEnum):
    """How the citizen was told of the result."""

    IN_PERSON = "in_person"
    LETTER = "letter"
    PHONE = "phone"
    ONLINE = "online"


@dataclass
class AssignmentDraft:
    case_uuid: str
    assignee: str
    task: str
    deadline: date | str | None = None
    working_days: int | None = None  # alternative to deadline: n working days from the assignment
    session_uuid: str | None = None
    assigned_on: date | str | None = None

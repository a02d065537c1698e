"""The open desk: one database, one context, and every service over them."""

from __future__ import annotations

from pathlib import Path

from receptiondesk.domain.values import Clock, now_vietnam
from receptiondesk.services.cases import CaseService
from receptiondesk.services.context import DeskContext
from receptiondesk.services.followup import FollowupService
from receptiondesk.services.intake import IntakeService
from receptiondesk.services.logbook import LogbookService
from receptiondesk.services.sessions import SessionService
from receptiondesk.services.setup import SetupService
from receptiondesk.services.voiding import VoidService
from receptiondesk.storage.database import Database, open_database


class Desk:
    """What the GUI and the CLI talk to."""

    def __init__(self, database: Database, *, clock: Clock = now_vietnam) -> None:
        self.database = database
        self.context = DeskContext(database, clock=clock)
        self.setup = SetupService(self.context)
        self.intake = IntakeService(self.context)
        self.cases = CaseService(self.context)
        self.sessions = SessionService(self.context)
        self.followup = FollowupService(self.context)
        self.logbook = LogbookService(self.context)
        self.voiding = VoidService(self.context)

    @classmethod
    def open(cls, path: Path, *, clock: Clock = now_vietnam) -> Desk:
        return cls(open_database(path), clock=clock)

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

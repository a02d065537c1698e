"""What every service needs: the open database, the clock, the desk's settings, rules and calendar."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.calendar import CalendarDay, WorkingCalendar
from receptiondesk.domain.rules import RulesTable
from receptiondesk.domain.units import ROLE_UPPER, DeskSettings
from receptiondesk.domain.values import Clock, iso_timestamp, now_vietnam
from receptiondesk.errors import Problem, UserError
from receptiondesk.storage.database import Database
from receptiondesk.storage.listing import ListRequest
from receptiondesk.storage.records import Stamp
from receptiondesk.storage.settings import load_settings


@dataclass(frozen=True)
class Saved:
    """A record written by a service, with the warnings the user should still see."""

    uuid: str
    warnings: list[Problem] = field(default_factory=list)


class DeskContext:
    """Shared by the services of one open desk; holds no widget and no user-facing text."""

    def __init__(self, database: Database, *, clock: Clock = now_vietnam, rules: RulesTable | None = None) -> None:
        self.database = database
        self.clock = clock
        self.rules = rules or RulesTable.load()
        self._settings: DeskSettings | None = None
        self._calendar: WorkingCalendar | None = None
        self.session = None  # the signed-in UserSession (services.accounts), or None

    # -- settings ------------------------------------------------------------------------
    @property
    def settings(self) -> DeskSettings:
        if self._settings is None:
            self._settings = load_settings(self.database.conn)
        return self._settings

    def settings_changed(self) -> None:
        self._settings = None

    def scoped(self, request: ListRequest | None = None) -> ListRequest:
        """A list as this desk shows it: on the upper level's desk, its own unit's records only (its communes'
        are in the consolidation screen and the consolidated reports); on a commune's desk, unchanged."""
        request = request or ListRequest()
        settings = self.settings
        if settings.desk_role == ROLE_UPPER and request.unit_code is None and settings.commune_code:
            return replace(request, unit_code=settings.commune_code)
        return request

    @property
    def is_set_up(self) -> bool:
        return bool(self.settings.commune_code)

    def require_setup(self) -> DeskSettings:
        settings = self.settings
        if not settings.commune_code:
            raise UserError("desk.not_set_up")
        return settings

    def require_session(self):
        """The signed-in user's session; a UserError when nobody is signed in."""
        if self.session is None:
            raise UserError("auth.signed_out")
        return self.session

    def require(self, permission: Permission):
        """The session of a signed-in user who holds `permission`; a UserError otherwise."""
        session = self.require_session()
        if not session.user.may(permission):
            raise UserError("auth.not_permitted", action=permission.value)
        return session

    # -- time ----------------------------------------------------------------------------
    def today(self) -> date:
        return self.clock().date()

    def stamp(self) -> Stamp:
        """Who writes (the signed-in user), for which unit, when; with the key that chains the audit rows."""
        settings = self.require_setup()
        session = self.require_session()
        return Stamp(actor=session.user.username, unit_code=settings.unit_code, at=iso_timestamp(self.clock()),
                     audit_key=session.audit_key)

    # -- calendar ------------------------------------------------------------------------
    @property
    def calendar(self) -> WorkingCalendar:
        if self._calendar is None:
            rows = self.database.query("SELECT day, kind, name FROM calendar_days")
            self._calendar = WorkingCalendar.from_days(
                CalendarDay(date.fromisoformat(r["day"]), r["kind"], r["name"]) for r in rows
            )
        return self._calendar

    def calendar_changed(self) -> None:
        self._calendar = None

"""Leaders' reception sessions (kỳ tiếp) and dialogue meetings: the conclusion per case heard, the leaders'
minimum reception days (compliance), and what a conclusion notice holds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from receptiondesk.domain.calendar import WorkingCalendar
from receptiondesk.domain.rules import RulesTable
from receptiondesk.domain.text import clean_line
from receptiondesk.errors import UserError


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


#: Session kinds that count as a day the leader received citizens; a dialogue meeting is listed but counted apart
#: (Biểu 01/TCD counts dialogues separately).
COUNTED_KINDS = (SessionKind.SCHEDULED, SessionKind.AD_HOC)

#: One attendee per line in `sessions.attendees`.
ATTENDEE_SEPARATOR = "\n"


def clean_attendees(names: list[str] | tuple[str, ...] | str | None) -> list[str]:
    """Attendees as stored: each name on one clean line, blanks dropped, each name once (first spelling kept)."""
    if names is None:
        return []
    if isinstance(names, str):
        names = names.splitlines()
    result: list[str] = []
    seen: set[str] = set()
    for name in names:
        cleaned = clean_line(name)
        if cleaned and cleaned.casefold() not in seen:
            seen.add(cleaned.casefold())
            result.append(cleaned)
    return result


def parse_attendees(stored: str | None) -> list[str]:
    return [line for line in (stored or "").split(ATTENDEE_SEPARATOR) if line]


# -- holding a session ---------------------------------------------------------------------------

@dataclass
class HeardCase:
    """One case the leader heard at a session, with the conclusion on it.

    For an "assign" conclusion: who must do what, and by when: `working_days` counted on the desk's
    working calendar from the session date (a holiday inside the span moves the deadline), or an explicit
    `deadline` date. A blank task takes the conclusion's text.
    """

    case_uuid: str
    conclusion_kind: str
    conclusion: str
    assignee: str = ""
    task: str = ""
    working_days: int | None = None
    deadline: date | str | None = None


# -- leaders' compliance -------------------------------------------------------------------------

class PeriodStatus(StrEnum):
    """How one week (chairman) or month (Party secretary) stands against the legal minimum."""

    MET = "met"
    MISSED = "missed"
    OPEN = "open"  # not over yet and not met yet
    EXEMPT = "exempt"  # no working day in it (e.g. Tết): not counted as missed


class Period(StrEnum):
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True)
class ComplianceRule:
    """A leader's minimum: the head of `sector` receives citizens at least N days per `period`."""

    sector: Sector
    role: LeaderRole
    code: str
    period: Period


#: The minimums the law sets, by sector; the numbers come from the versioned rules table.
COMPLIANCE_RULES = (
    ComplianceRule(Sector.STATE, LeaderRole.CHAIRMAN, "leader.chairman_days_per_week", Period.WEEK),
    ComplianceRule(Sector.PARTY, LeaderRole.PARTY_SECRETARY, "leader.secretary_days_per_month", Period.MONTH),
)


@dataclass(frozen=True)
class SessionBrief:
    """What the compliance report needs of one session."""

    uuid: str
    session_date: date
    sector: str
    kind: str
    status: str
    leader_role: str
    leader_name: str = ""
    delegated: bool = False
    delegate_name: str = ""


@dataclass(frozen=True)
class CompliancePeriod:
    """One week or month: the days the leader received citizens in person, against the minimum."""

    start: date
    end: date
    required: int
    counted_days: tuple[date, ...]
    planned_days: tuple[date, ...]
    status: PeriodStatus
    source: str = ""

    @property
    def counted(self) -> int:
        return len(self.counted_days)


@dataclass(frozen=True)
class RuleCompliance:
    """One leader's minimum over the month: each period, and the delegated sessions (listed, not counted)."""

    rule: ComplianceRule
    required: int
    source: str
    periods: tuple[CompliancePeriod, ...]
    delegated: tuple[SessionBrief, ...]
    dialogues: tuple[SessionBrief, ...]

    @property
    def counted(self) -> int:
        """Days received in person over the month's periods."""
        return sum(p.counted for p in self.periods)

    def count(self, status: PeriodStatus) -> int:
        return sum(1 for p in self.periods if p.status is status)

    @property
    def status(self) -> PeriodStatus:
        """Missed if any period was missed; open while one is still running and unmet; exempt if all were."""
        statuses = {p.status for p in self.periods}
        for status in (PeriodStatus.MISSED, PeriodStatus.OPEN, PeriodStatus.MET):
            if status in statuses:
                return status
        return PeriodStatus.EXEMPT


@dataclass(frozen=True)
class ComplianceReport:
    """The leaders' minimums for one month, as of `today`."""

    month: date  # the first day of the month
    today: date
    rules: tuple[RuleCompliance, ...]

    def for_sector(self, sector: Sector | str) -> RuleCompliance | None:
        return next((r for r in self.rules if r.rule.sector == sector), None)


def month_bounds(month: date) -> tuple[date, date]:
    first = month.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def weeks_of_month(month: date) -> list[tuple[date, date]]:
    """The ISO weeks (Monday-Sunday) that belong to the month: those whose Thursday falls in it.

    So each week belongs to exactly one month (as ISO weeks belong to one year), and the weeks of a year's
    months add up to its weeks; the days of a week outside the month still count for that week.
    """
    first, last = month_bounds(month)
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    weeks = []
    while thursday <= last:
        monday = thursday - timedelta(days=3)
        weeks.append((monday, monday + timedelta(days=6)))
        thursday += timedelta(days=7)
    return weeks


def compliance_span(month: date) -> tuple[date, date]:
    """Every day a session can count for in the month's report: the month and its weeks' edges."""
    first, last = month_bounds(month)
    weeks = weeks_of_month(month)
    return min(first, weeks[0][0]), max(last, weeks[-1][1])


def _own_days(sessions: list[SessionBrief], rule: ComplianceRule, status: SessionStatus) -> set[date]:
    return {s.session_date for s in sessions if s.sector == rule.sector and s.leader_role == rule.role
            and not s.delegated and s.kind in COUNTED_KINDS and s.status == status}


def compliance_for_month(month: date, today: date, sessions: list[SessionBrief], rules: RulesTable,
                         calendar: WorkingCalendar) -> ComplianceReport:
    """Days on which each head received citizens in person (held, not delegated, not a dialogue), per week for
    the chairman and per month for the Party secretary, against the rule in force on the period's last day.

    A period with no working day is exempt; a period not over yet is open until it is met. A period before
    the rule took effect is left out.
    """
    first, last = month_bounds(month)
    reports = []
    for rule in COMPLIANCE_RULES:
        held = _own_days(sessions, rule, SessionStatus.HELD)
        planned = _own_days(sessions, rule, SessionStatus.PLANNED)
        spans = weeks_of_month(month) if rule.period is Period.WEEK else [(first, last)]
        periods = []
        for start, end in spans:
            try:
                limit = rules.rule(rule.code, end)
            except UserError:
                continue  # no minimum in force yet
            counted = tuple(sorted(d for d in held if start <= d <= end))
            ahead = tuple(sorted(d for d in planned if start <= d <= end and d not in held))
            has_working_day = calendar.working_days_between(start - timedelta(days=1), end) > 0
            if len(counted) >= limit.days:
                status = PeriodStatus.MET
            elif not has_working_day:
                status = PeriodStatus.EXEMPT
            elif end >= today:
                status = PeriodStatus.OPEN
            else:
                status = PeriodStatus.MISSED
            periods.append(CompliancePeriod(start, end, limit.days, counted, ahead, status, limit.source))
        in_month = [s for s in sessions if s.sector == rule.sector and first <= s.session_date <= last
                    and s.status != SessionStatus.CANCELLED]
        delegated = tuple(s for s in in_month if s.delegated)
        dialogues = tuple(s for s in in_month if s.kind == SessionKind.DIALOGUE and not s.delegated)
        required = periods[-1].required if periods else 0
        source = periods[-1].source if periods else ""
        reports.append(RuleCompliance(rule, required, source, tuple(periods), delegated, dialogues))
    return ComplianceReport(first, today, tuple(reports))


# -- the conclusion notice -----------------------------------------------------------------------

#: What the notice reminds its readers of (Decree 154/2026/NĐ-CP, art. 25): message codes, rendered by the
#: document in its language.
DUTY_REPORT_BACK = "notice.duty_report_back"
DUTY_TELL_CITIZEN = "notice.duty_tell_citizen"
NOTICE_LEGAL_BASIS = "Nghị định số 154/2026/NĐ-CP, Điều 25"


@dataclass(frozen=True)
class NoticeAssignment:
    uuid: str
    assignee: str
    task: str
    assigned_on: date
    deadline: date


@dataclass(frozen=True)
class NoticeCase:
    """One case heard: who brought it (masked when protected), what it is about, and the conclusion."""

    position: int
    case_uuid: str
    citizen_name: str
    citizen_address: str
    protected: bool
    content_type: str
    field_code: str
    field_name: str
    summary: str
    conclusion_kind: str
    conclusion: str
    assignments: tuple[NoticeAssignment, ...] = ()


@dataclass(frozen=True)
class ConclusionNoticeData:
    """Everything the printed conclusion notice (thông báo kết luận) of a session says; plain values only."""

    session_uuid: str
    unit_code: str
    unit_name: str
    unit_type: str
    province_name: str
    sector: str
    kind: str
    status: str
    session_date: date
    location: str
    subject: str
    leader_name: str
    leader_role: str
    delegated: bool
    delegate_name: str
    delegate_role: str
    attendees: tuple[str, ...]
    cases: tuple[NoticeCase, ...]
    duties: tuple[str, ...]
    legal_basis: str = NOTICE_LEGAL_BASIS

    @property
    def presiding_name(self) -> str:
        """Who actually received the citizens: the deputy of a delegated session, else the leader."""
        return self.delegate_name if self.delegated and self.delegate_name else self.leader_name

    @property
    def assignments(self) -> tuple[NoticeAssignment, ...]:
        return tuple(a for c in self.cases for a in c.assignments)

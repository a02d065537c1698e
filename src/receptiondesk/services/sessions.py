"""Leaders' reception sessions: schedule, hold or cancel, the cases heard and the leader's conclusion on each,
the assignments a session gives, the leaders' minimum reception days, the queue of cases waiting for a leader,
and the data of the conclusion notice."""

from __future__ import annotations

import dataclasses
import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from receptiondesk.domain.accounts import MASKED_NAME, Permission
from receptiondesk.domain.cases import MAX_SUMMARY_LENGTH, OPEN_STATUSES, CaseStatus, clean_summary
from receptiondesk.domain.sessions import (
    ATTENDEE_SEPARATOR,
    DUTY_REPORT_BACK,
    DUTY_TELL_CITIZEN,
    HEAD_ROLE,
    ComplianceReport,
    ConclusionKind,
    ConclusionNoticeData,
    HeardCase,
    LeaderRole,
    NoticeAssignment,
    NoticeCase,
    Sector,
    SessionBrief,
    SessionDraft,
    SessionKind,
    SessionStatus,
    clean_attendees,
    compliance_for_month,
    compliance_span,
    parse_attendees,
)
from receptiondesk.domain.text import clean_line
from receptiondesk.domain.values import format_date_vn, parse_date, parse_enum
from receptiondesk.errors import Problem, UserError, raise_for
from receptiondesk.services.context import DeskContext, Saved
from receptiondesk.services.reports import unit_condition
from receptiondesk.storage import listing, records
from receptiondesk.storage.sessions import (
    LAST_ATTENDEES,
    LAST_OWN_SESSION,
    SESSION_ASSIGNMENTS,
    SESSION_CASES,
    SESSION_LIST,
    SESSIONS_BETWEEN,
    WAITING_CASES,
    WAITING_COUNT,
)

#: The longest time limit a session may give, in working days (as for assignments made elsewhere).
MAX_WORKING_DAYS = 365
#: The most cases the waiting queue returns at once.
MAX_WAITING = 1000


@dataclass(frozen=True)
class HeldSession:
    """A session recorded as held: the assignments it gave, and the warnings the user should still see."""

    uuid: str
    assignment_uuids: list[str] = field(default_factory=list)
    concluded_cases: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class _Conclusion:
    """One heard case, checked: what `hold` writes for it."""

    number: int
    case_uuid: str
    kind: ConclusionKind
    text: str
    assignee: str = ""
    task: str = ""
    working_days: int | None = None
    deadline: date | None = None


class SessionService:
    """A leader's reception day (kỳ tiếp) or dialogue meeting, from the schedule to its conclusions."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    def _validate(self, draft: SessionDraft) -> tuple[dict[str, Any], list[Problem]]:
        problems: list[Problem] = []
        session_date = parse_date(draft.session_date, "session_date", problems)
        sector = parse_enum(Sector, draft.sector, "sector", problems)
        kind = parse_enum(SessionKind, draft.kind, "session_kind", problems)
        role = parse_enum(LeaderRole, draft.leader_role, "leader_role", problems)
        leader = clean_line(draft.leader_name)
        if not leader:
            problems.append(Problem("value.required", "leader_name"))
        delegate = clean_line(draft.delegate_name)
        if draft.delegated and not delegate:
            problems.append(Problem("session.delegate_required", "delegate_name"))
        if sector is not None and role is not None and not draft.delegated and role is not HEAD_ROLE[sector]:
            problems.append(Problem("session.role_not_head", "leader_role",
                                    {"expected": HEAD_ROLE[sector].value}, warning=True))
        if kind is SessionKind.DIALOGUE and not clean_line(draft.subject):
            problems.append(Problem("value.required", "subject"))
        warnings = raise_for(problems)
        return {
            "session_date": session_date.isoformat(), "sector": sector.value, "kind": kind.value,
            "leader_name": leader, "leader_role": role.value, "delegated": int(bool(draft.delegated)),
            "delegate_name": delegate if draft.delegated else None,
            "delegate_role": clean_line(draft.delegate_role) if draft.delegated else None,
            "location": clean_line(draft.location), "subject": clean_line(draft.subject),
            "notes": clean_line(draft.notes),
        }, warnings

    def schedule(self, draft: SessionDraft) -> Saved:
        """Plan a session (it may be on a future date)."""
        self.context.require(Permission.RECORD)
        values, warnings = self._validate(draft)
        values["status"] = SessionStatus.PLANNED.value
        stamp = self.context.stamp()
        with self.context.database.write() as conn:
            _, uuid = records.insert_record(conn, "sessions", stamp, values)
            records.append_audit(conn, stamp, "session.schedule", "sessions", uuid,
                                 {"date": values["session_date"], "sector": values["sector"]})
        return Saved(uuid, warnings)

    def update(self, session_uuid: str, draft: SessionDraft) -> Saved:
        self.context.require(Permission.RECORD)
        values, warnings = self._validate(draft)
        with self.context.database.write() as conn:
            session_id = records.record_id_for(conn, "sessions", session_uuid, field="session")
            status = conn.execute("SELECT status FROM sessions WHERE id = ?", (session_id,)).fetchone()[0]
            if status == SessionStatus.CANCELLED:
                raise UserError("session.cancelled", "session")
            if status == SessionStatus.HELD and date.fromisoformat(values["session_date"]) > self.context.today():
                raise UserError("session.held_in_future", "session_date")
            stamp = self.context.stamp()
            changed = records.update_record(conn, "sessions", session_id, stamp, values)
            records.append_audit(conn, stamp, "session.update", "sessions", session_uuid, {"changed": changed})
        return Saved(session_uuid, warnings)

    def _set_status(self, session_uuid: str, status: SessionStatus, action: str) -> None:
        self.context.require(Permission.RECORD)
        with self.context.database.write() as conn:
            session_id = records.record_id_for(conn, "sessions", session_uuid, field="session")
            row = conn.execute("SELECT status, session_date FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if row["status"] != SessionStatus.PLANNED:
                raise UserError("session.not_planned", "session", status=row["status"])
            if status is SessionStatus.HELD and date.fromisoformat(row["session_date"]) > self.context.today():
                raise UserError("session.held_in_future", "session_date")
            stamp = self.context.stamp()
            changed = records.update_record(conn, "sessions", session_id, stamp, {"status": status.value})
            records.append_audit(conn, stamp, action, "sessions", session_uuid, {"changed": changed})

    def mark_held(self, session_uuid: str) -> None:
        self._set_status(session_uuid, SessionStatus.HELD, "session.held")

    def cancel(self, session_uuid: str) -> None:
        self._set_status(session_uuid, SessionStatus.CANCELLED, "session.cancel")

    def add_case(self, session_uuid: str, case_uuid: str) -> None:
        """Put a case on the session's list (cases brought by visitors that day are added at intake)."""
        self.context.require(Permission.RECORD)
        with self.context.database.write() as conn:
            session_id = records.record_id_for(conn, "sessions", session_uuid, field="session")
            case_id = records.record_id_for(conn, "cases", case_uuid, field="case")
            if conn.execute("SELECT status FROM sessions WHERE id = ?", (session_id,)).fetchone()[0] == "cancelled":
                raise UserError("session.cancelled", "session")
            position = conn.execute("SELECT count(*) FROM session_cases WHERE session_id = ?",
                                    (session_id,)).fetchone()[0]
            conn.execute("INSERT OR IGNORE INTO session_cases (session_id, case_id, position) VALUES (?, ?, ?)",
                         (session_id, case_id, position))
            stamp = self.context.stamp()
            records.update_record(conn, "sessions", session_id, stamp, {})
            records.append_audit(conn, stamp, "session.add_case", "sessions", session_uuid, {"case": case_uuid})

    def record_conclusion(self, session_uuid: str, case_uuid: str, kind: str, conclusion: str) -> None:
        """The leader's conclusion on one case heard: resolve now, assign, or pending."""
        self.context.require(Permission.RECORD)
        problems: list[Problem] = []
        conclusion_kind = parse_enum(ConclusionKind, kind, "conclusion_kind", problems)
        text = clean_summary(conclusion, "conclusion", problems)
        raise_for(problems)
        with self.context.database.write() as conn:
            session_id = records.record_id_for(conn, "sessions", session_uuid, field="session")
            case_id = records.record_id_for(conn, "cases", case_uuid, field="case")
            if conn.execute("SELECT status FROM sessions WHERE id = ?", (session_id,)).fetchone()[0] == "cancelled":
                raise UserError("session.cancelled", "session")
            updated = conn.execute(
                "UPDATE session_cases SET conclusion_kind = ?, conclusion = ? WHERE session_id = ? AND case_id = ?",
                (conclusion_kind.value, text, session_id, case_id)).rowcount
            if updated != 1:
                raise UserError("session.case_not_heard", "case")
            stamp = self.context.stamp()
            records.update_record(conn, "sessions", session_id, stamp, {})
            records.append_audit(conn, stamp, "session.conclusion", "sessions", session_uuid,
                                 {"case": case_uuid, "kind": conclusion_kind.value})

    def set_attendees(self, session_uuid: str, names: list[str]) -> list[str]:
        """Who sat with the leader (one name per line in the record); returns the names as stored."""
        self.context.require(Permission.RECORD)
        attendees = clean_attendees(names)
        with self.context.database.write() as conn:
            session_id = records.record_id_for(conn, "sessions", session_uuid, field="session")
            if conn.execute("SELECT status FROM sessions WHERE id = ?", (session_id,)).fetchone()[0] == "cancelled":
                raise UserError("session.cancelled", "session")
            stamp = self.context.stamp()
            changed = records.update_record(conn, "sessions", session_id, stamp,
                                            {"attendees": ATTENDEE_SEPARATOR.join(attendees)})
            records.append_audit(conn, stamp, "session.attendees", "sessions", session_uuid,
                                 {"count": len(attendees), "changed": bool(changed)})
        return attendees

    # -- holding a session -----------------------------------------------------------------
    def hold(self, session_uuid: str, attendees: list[str], heard: list[HeardCase]) -> HeldSession:
        """Record a planned session as held, whole, in one transaction: its attendance, the conclusion on each
        case heard (a case not yet on its list joins it), the assignments the conclusions give (deadlines in
        working days from the session date, or explicit dates), and the cases resolved on the spot concluded.

        Refused, with every problem named by field (and by the case's number in `heard`): nothing heard, a
        session not planned or not yet come, an unknown or void case, a case heard twice or already concluded in
        this session, an "assign" without an assignee or a deadline, or a deadline before the session date.
        """
        self.context.require(Permission.RECORD)
        problems: list[Problem] = []
        names = clean_attendees(attendees)
        checked = [self._check_heard(number, item, problems) for number, item in enumerate(heard, start=1)]
        if not heard:
            problems.append(Problem("session.nothing_heard", "heard_cases"))
        with self.context.database.write() as conn:
            session_id = records.record_id_for(conn, "sessions", session_uuid, field="session")
            session = conn.execute("SELECT status, session_date, sector FROM sessions WHERE id = ?",
                                   (session_id,)).fetchone()
            if session["status"] == SessionStatus.CANCELLED:
                raise UserError("session.cancelled", "session")
            if session["status"] == SessionStatus.HELD:
                raise UserError("session.already_held", "session")
            session_date = date.fromisoformat(session["session_date"])
            if session_date > self.context.today():
                problems.insert(0, Problem("session.held_in_future", "session_date"))
            on_list = {row["case_id"]: row["conclusion_kind"] for row in conn.execute(
                "SELECT case_id, conclusion_kind FROM session_cases WHERE session_id = ?", (session_id,))}
            cases: dict[str, sqlite3.Row] = {}
            deadlines: dict[int, date] = {}
            for item in checked:
                context = {"number": item.number, "case": item.case_uuid}
                case = conn.execute("SELECT * FROM cases WHERE uuid = ?", (item.case_uuid,)).fetchone()
                if case is None:
                    problems.append(Problem("session.case_unknown", "case", context))
                    continue
                if case["voided"]:
                    problems.append(Problem("session.case_voided", "case", context))
                elif item.case_uuid in cases or on_list.get(case["id"]) is not None:
                    problems.append(Problem("session.case_concluded_here", "case", context))
                cases.setdefault(item.case_uuid, case)
                if item.kind is ConclusionKind.ASSIGN:
                    deadline = item.deadline
                    if item.working_days is not None:
                        deadline = self.context.calendar.add_working_days(session_date, item.working_days)
                    if deadline is None:
                        continue
                    if deadline < session_date:
                        problems.append(Problem("session.deadline_before_session", "deadline", {
                            **context, "deadline": format_date_vn(deadline),
                            "session_date": format_date_vn(session_date)}))
                    elif not self.context.calendar.is_working_day(deadline):
                        problems.append(Problem("session.deadline_day_off", "deadline", {
                            **context, "deadline": format_date_vn(deadline)}, warning=True))
                    deadlines[item.number] = deadline
            warnings = raise_for(problems)
            return self._write_hold(conn, session_uuid, session_id, session_date, names, checked, cases,
                                    on_list, deadlines, warnings)

    def _check_heard(self, number: int, item: HeardCase, problems: list[Problem]) -> _Conclusion:
        """The checks of one heard case that need no database; its problems name its number and case."""
        context = {"number": number, "case": item.case_uuid}
        found: list[Problem] = []
        kind = None
        if not item.conclusion_kind:
            found.append(Problem("session.heard_kind_required", "conclusion_kind"))
        else:
            kind = parse_enum(ConclusionKind, item.conclusion_kind, "conclusion_kind", found)
        text = clean_summary(item.conclusion, "conclusion", [])
        if not text:
            found.append(Problem("session.heard_conclusion_required", "conclusion"))
        elif len(text) > MAX_SUMMARY_LENGTH:
            found.append(Problem("session.heard_too_long", "conclusion", {"max": MAX_SUMMARY_LENGTH}))
        assignee = task = ""
        working_days = deadline = None
        if kind is ConclusionKind.ASSIGN:
            assignee = clean_line(item.assignee)
            if not assignee:
                found.append(Problem("session.assign_needs_assignee", "assignee"))
            task = clean_summary(item.task, "task", []) or text
            if len(task) > MAX_SUMMARY_LENGTH:
                found.append(Problem("session.heard_too_long", "task", {"max": MAX_SUMMARY_LENGTH}))
            if item.working_days is not None:
                if isinstance(item.working_days, bool) or not isinstance(item.working_days, int) \
                        or not 1 <= item.working_days <= MAX_WORKING_DAYS:
                    found.append(Problem("session.working_days_range", "deadline", {"max": MAX_WORKING_DAYS}))
                else:
                    working_days = item.working_days
            elif item.deadline not in (None, ""):
                deadline = parse_date(item.deadline, "deadline", found)
            else:
                found.append(Problem("session.assign_needs_deadline", "deadline"))
        problems.extend(dataclasses.replace(p, params={**p.params, **context}) for p in found)
        # With problems, the rest is still checked against the database (so every problem shows at once); nothing
        # is written.
        return _Conclusion(number, item.case_uuid, kind or ConclusionKind.PENDING, text, assignee, task,
                           working_days, deadline)

    def _write_hold(self, conn: sqlite3.Connection, session_uuid: str, session_id: int, session_date: date,
                    names: list[str], checked: list[_Conclusion], cases: dict[str, sqlite3.Row],
                    on_list: dict[int, str | None], deadlines: dict[int, date],
                    warnings: list[Problem]) -> HeldSession:
        stamp = self.context.stamp()
        day = session_date.isoformat()
        position = conn.execute("SELECT coalesce(max(position) + 1, 0) FROM session_cases WHERE session_id = ?",
                                (session_id,)).fetchone()[0]
        assignment_uuids: list[str] = []
        concluded: list[str] = []
        for item in checked:
            case = cases[item.case_uuid]
            if case["id"] in on_list:
                conn.execute("UPDATE session_cases SET conclusion_kind = ?, conclusion = ? "
                             "WHERE session_id = ? AND case_id = ?",
                             (item.kind.value, item.text, session_id, case["id"]))
            else:
                conn.execute("INSERT INTO session_cases (session_id, case_id, position, conclusion_kind, conclusion) "
                             "VALUES (?, ?, ?, ?, ?)", (session_id, case["id"], position, item.kind.value, item.text))
                position += 1
            if item.kind is ConclusionKind.ASSIGN:
                deadline = deadlines[item.number]
                _, uuid = records.insert_record(conn, "assignments", stamp, {
                    "session_id": session_id, "case_id": case["id"], "assignee": item.assignee, "task": item.task,
                    "assigned_on": day, "deadline": deadline.isoformat()})
                records.append_audit(conn, stamp, "assignment.create", "assignments", uuid,
                                     {"case": item.case_uuid, "deadline": deadline.isoformat(),
                                      "session": session_uuid})
                assignment_uuids.append(uuid)
            if item.kind is ConclusionKind.RESOLVE_NOW and case["status"] in OPEN_STATUSES:
                # A concluded case has no further legal step on the desk, hence no due date.
                changed = records.update_record(conn, "cases", case["id"], stamp, {
                    "status": CaseStatus.CONCLUDED.value, "concluded_on": day, "conclusion": item.text,
                    "step_started_on": day, "due_date": None})
                records.append_audit(conn, stamp, "case.conclude", "cases", item.case_uuid,
                                     {"by": "session", "session": session_uuid, "changed": changed})
                concluded.append(item.case_uuid)
            else:
                records.append_audit(conn, stamp, "case.heard", "cases", item.case_uuid,
                                     {"session": session_uuid, "kind": item.kind.value})
        changed = records.update_record(conn, "sessions", session_id, stamp, {
            "status": SessionStatus.HELD.value, "attendees": ATTENDEE_SEPARATOR.join(names)})
        records.append_audit(conn, stamp, "session.held", "sessions", session_uuid, {
            "changed": {k: v for k, v in changed.items() if k != "attendees"}, "attendees": len(names),
            "heard": len(checked), "assignments": len(assignment_uuids)})
        return HeldSession(session_uuid, assignment_uuids, concluded, warnings)

    # -- reads -----------------------------------------------------------------------------
    def get(self, session_uuid: str) -> dict[str, Any]:
        self.context.require(Permission.READ)
        return listing.row_by_uuid(self.context.database.conn, SESSION_LIST, session_uuid, "session")

    def cases_heard(self, session_uuid: str) -> list[dict[str, Any]]:
        """The cases on the session's list, in order, with the conclusion on each (None: not heard); the names of
        protected persons come masked."""
        self.context.require(Permission.READ)
        rows = self.context.database.query(
            """SELECT c.uuid, c.content_type, c.field_code, c.summary, c.status, sc.conclusion_kind, sc.conclusion,
                      sc.position, c.voided,
                      coalesce((SELECT full_name FROM citizens WHERE citizens.id = c.citizen_id), '') AS citizen_name
               FROM session_cases sc JOIN cases c ON c.id = sc.case_id
               WHERE sc.session_id = (SELECT id FROM sessions WHERE uuid = ?) ORDER BY sc.position""",
            (session_uuid,))
        return [dict(r) for r in rows]

    def list(self, request: listing.ListRequest, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        self.context.require(Permission.READ)
        return [dict(r) for r in listing.list_rows(self.context.database.conn, SESSION_LIST,
                                                   self.context.scoped(request), limit, offset)]

    def month(self, month: date) -> list[dict[str, Any]]:
        """The month's sessions (cancelled ones included), oldest first."""
        first = month.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return self.list(listing.ListRequest(filters={"date_from": first.isoformat(), "date_to": last.isoformat()},
                                             sort="oldest"), limit=listing.MAX_PAGE)

    def attendees(self, session_uuid: str) -> list[str]:
        """The session's attendees; for a session that has none yet, those of the sector's last held session."""
        row = self.get(session_uuid)
        if row["attendees"]:
            return parse_attendees(row["attendees"])
        return parse_attendees(self.context.database.scalar(LAST_ATTENDEES, (row["sector"],)))

    def defaults(self, sector: str) -> dict[str, str]:
        """What a new session of `sector` most likely has: its head's name and the usual place."""
        self.context.require(Permission.READ)
        role = HEAD_ROLE[Sector(sector)]
        row = self.context.database.one(LAST_OWN_SESSION, (sector, role.value))
        return {"leader_name": row["leader_name"] if row else "", "leader_role": role.value,
                "location": row["location"] if row else ""}

    def compliance(self, month: date, *, unit_code: str | None = None) -> ComplianceReport:
        """The leaders' minimum reception days for the month, from the rules table: the chairman's own sessions
        per week (weeks whose Thursday is in the month), the Party secretary's per month. Only held sessions
        presided in person count (scheduled or ad hoc; one a day); delegated sessions and dialogues are listed
        beside the counts. `unit_code`: one unit's sessions (default: the desk's own unit's)."""
        self.context.require(Permission.READ)
        unit = unit_code or self.context.require_setup().unit_code
        start, end = compliance_span(month)
        sql = SESSIONS_BETWEEN.format(unit=unit_condition("unit_code", unit))
        sessions = [SessionBrief(r["uuid"], date.fromisoformat(r["session_date"]), r["sector"], r["kind"],
                                 r["status"], r["leader_role"], r["leader_name"], bool(r["delegated"]),
                                 r["delegate_name"])
                    for r in self.context.database.query(sql, (start.isoformat(), end.isoformat(), unit))]
        return compliance_for_month(month, self.context.today(), sessions, self.context.rules,
                                    self.context.calendar)

    def waiting_cases(self, limit: int = 100) -> list[dict[str, Any]]:
        """The queue of cases waiting for a leader's session, complaints and denunciations first, oldest first.

        A case waits when it was accepted for handling by this unit and is still being handled, is not on the
        list of a planned session, has not been resolved or assigned at a held session (a "pending" conclusion
        puts it back in the queue; `times_pending` says how often), and has no assignment still without a result.
        Names of protected persons come masked.
        """
        self.context.require(Permission.READ)
        if not 1 <= int(limit) <= MAX_WAITING:
            raise UserError("list.page_size", max=MAX_WAITING)
        return [dict(r) for r in self.context.database.query(WAITING_CASES, (int(limit),))]

    def waiting_count(self) -> int:
        self.context.require(Permission.READ)
        return self.context.database.scalar(WAITING_COUNT)

    def notice_data(self, session_uuid: str) -> ConclusionNoticeData:
        """Everything the conclusion notice of a session says: the unit, date and place, who presided (and by
        whose delegation), the attendees, each case heard with its citizen's displayed name (masked when
        protected), content and conclusion, each assignment with its deadline, and the duties to report back and
        to tell the citizen. Cases on the list but not heard are left out."""
        self.context.require(Permission.READ)
        db = self.context.database
        row = self.get(session_uuid)
        settings = self.context.settings
        commune = settings.commune
        by_case: dict[int, list[NoticeAssignment]] = {}
        for a in db.query(SESSION_ASSIGNMENTS, (row["id"],)):
            by_case.setdefault(a["case_id"], []).append(NoticeAssignment(
                a["uuid"], a["assignee"], a["task"], date.fromisoformat(a["assigned_on"]),
                date.fromisoformat(a["deadline"])))
        cases = []
        for number, c in enumerate((c for c in db.query(SESSION_CASES, (row["id"],)) if c["conclusion_kind"]),
                                   start=1):
            protected = bool(c["protected"] or c["confidential"])
            cases.append(NoticeCase(
                position=number, case_uuid=c["case_uuid"],
                citizen_name=MASKED_NAME if protected else c["citizen_name"],
                citizen_address="" if protected else c["citizen_address"], protected=protected,
                content_type=c["content_type"], field_code=c["field_code"], field_name=c["field_name"],
                summary=c["summary"], conclusion_kind=c["conclusion_kind"], conclusion=c["conclusion"],
                assignments=tuple(by_case.get(c["case_id"], ()))))
        duties = ((DUTY_REPORT_BACK,) if any(c.assignments for c in cases) else ()) + (DUTY_TELL_CITIZEN,)
        return ConclusionNoticeData(
            session_uuid=row["uuid"], unit_code=row["unit_code"],
            unit_name=commune.commune_name if commune else "", unit_type=commune.commune_type if commune else "",
            province_name=commune.province_name if commune else "", sector=row["sector"], kind=row["kind"],
            status=row["status"], session_date=date.fromisoformat(row["session_date"]), location=row["location"],
            subject=row["subject"], leader_name=row["leader_name"], leader_role=row["leader_role"],
            delegated=bool(row["delegated"]), delegate_name=row["delegate_name"] or "",
            delegate_role=row["delegate_role"] or "", attendees=tuple(parse_attendees(row["attendees"])),
            cases=tuple(cases), duties=duties)

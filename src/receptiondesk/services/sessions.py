"""Leaders' reception sessions: schedule, hold or cancel, the cases heard and the leader's conclusion on each."""

from __future__ import annotations

from datetime import date
from typing import Any

from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.cases import clean_summary
from receptiondesk.domain.sessions import (
    HEAD_ROLE,
    ConclusionKind,
    LeaderRole,
    Sector,
    SessionDraft,
    SessionKind,
    SessionStatus,
)
from receptiondesk.domain.text import clean_line
from receptiondesk.domain.values import parse_date, parse_enum
from receptiondesk.errors import Problem, UserError, raise_for
from receptiondesk.services.context import DeskContext, Saved
from receptiondesk.storage import listing, records
from receptiondesk.storage.sessions import SESSION_LIST


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

    # -- reads -----------------------------------------------------------------------------
    def get(self, session_uuid: str) -> dict[str, Any]:
        self.context.require(Permission.READ)
        return listing.row_by_uuid(self.context.database.conn, SESSION_LIST, session_uuid, "session")

    def cases_heard(self, session_uuid: str) -> list[dict[str, Any]]:
        self.context.require(Permission.READ)
        rows = self.context.database.query(
            """SELECT c.uuid, c.content_type, c.field_code, c.summary, c.status, sc.conclusion_kind, sc.conclusion,
                      sc.position
               FROM session_cases sc JOIN cases c ON c.id = sc.case_id
               WHERE sc.session_id = (SELECT id FROM sessions WHERE uuid = ?) ORDER BY sc.position""",
            (session_uuid,))
        return [dict(r) for r in rows]

    def list(self, request: listing.ListRequest, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        self.context.require(Permission.READ)
        return [dict(r) for r in listing.list_rows(self.context.database.conn, SESSION_LIST, request, limit, offset)]

"""A case's whole history as one timeline, oldest first: visits, letters, sessions, assignments, status changes,
files and voids, each with who recorded it and when (from the records and the audit log)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from receptiondesk.domain.accounts import Permission
from receptiondesk.errors import UserError
from receptiondesk.services.context import DeskContext

#: Entry kinds, in the order they are shown when several happen on one day.
KINDS = ("received", "visit", "letter", "direction", "classify", "session", "assignment", "attachment",
         "assignment_result", "citizen_told", "status", "void", "file_opened")
_RANK = {kind: position for position, kind in enumerate(KINDS)}
#: Within one day, the status steps in their legal order.
_STATUS_RANK = {"in_progress": 0, "concluded": 1, "informed": 2, "closed": 3}
#: Classification columns whose new value a "classify" entry shows (never anything of a citizen).
CLASSIFY_FIELDS = ("content_type", "field_code", "summary", "respondent_name", "respondent_position",
                   "respondent_body", "flag_bypass", "flag_long_running", "flag_complex", "needs_verification",
                   "due_date")
_CHUNK = 500


@dataclass(frozen=True)
class TimelineEntry:
    """One thing that happened to a case.

    `at` is when it happened: an ISO date for events the records date ("2026-03-10"), an ISO timestamp for
    those only the audit log dates. `actor` is the full name of the user who recorded it ("" when the record
    came from elsewhere: `unit_code` then says whose it is); `recorded_at` the audit row's time ("" when none).
    `text` holds the record's own words (summary, conclusion, task, result, reason); `facts` the other values to
    show, by field name — enumerated values stay codes for `messages.enum_label`:

    - received: source, content_type, field_code, respondent, status
    - visit: logbook_no ("12/2026"), full_name (masked for a protected person), headcount, reception_kind,
      channel, direction, direction_body, direction_doc, first_time (bool)
    - letter: letter_no, letter_channel, sender_body, forward_doc
    - direction: direction, direction_body, direction_doc, status
    - classify: the changed classification columns (CLASSIFY_FIELDS) with their new values
    - session: session_date, session_kind, session_status, leader_name, leader_role, delegate_name,
      conclusion_kind (text: the leader's conclusion)
    - assignment: assignee, deadline (text: the task); assignment_result: assignee (text: the result);
      citizen_told: assignee, told_how
    - status: status (concluded, informed, closed; text: the conclusion or the reason for closing)
    - attachment: title, pages, mime_type, file_size, kind; file_opened: title
    - void: record_kind (case, visit, letter, assignment, attachment), label (its number or title)
      (text: the reason)
    """

    at: str
    kind: str
    actor: str
    recorded_at: str
    record_uuid: str
    unit_code: str = ""
    text: str = ""
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def day(self) -> str:
        return self.at[:10]


def _detail(row: sqlite3.Row) -> dict[str, Any]:
    try:
        value = json.loads(row["detail"] or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _after(detail: dict[str, Any], column: str, default: Any = None) -> Any:
    """The new value of `column` in an audit row's {"changed": {column: [before, after]}}."""
    pair = (detail.get("changed") or {}).get(column)
    return pair[1] if isinstance(pair, list) and len(pair) == 2 else default


class CaseHistoryService:
    """Reads a case's history; never opens a sealed identity (protected people appear masked, as stored)."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    def timeline(self, case_uuid: str) -> list[TimelineEntry]:
        """Everything that happened to the case and its linked records, oldest first."""
        self.context.require(Permission.READ)
        conn = self.context.database.conn
        case = conn.execute(
            "SELECT id, uuid, unit_code, received_on, source, content_type, field_code, summary, respondent_name, "
            "respondent_position, respondent_body, direction, direction_body, direction_doc, status, "
            "step_started_on, concluded_on, conclusion, informed_on, closed_on, closed_reason, voided, "
            "void_reason, voided_at, updated_at FROM cases WHERE uuid = ?", (case_uuid,)).fetchone()
        if case is None:
            raise UserError("record.not_found", "case", uuid=case_uuid)
        builder = _Builder(conn, case)
        return builder.build()


class _Builder:
    """Collects one case's entries: each linked record once, with the audit rows that say who did what."""

    def __init__(self, conn: sqlite3.Connection, case: sqlite3.Row) -> None:
        self.conn = conn
        self.case = case
        self.entries: list[tuple[tuple, TimelineEntry]] = []
        self.names = {row[0]: row[1] for row in conn.execute("SELECT username, full_name FROM users")}

    # -- helpers ---------------------------------------------------------------------------
    def _audit(self, entity: str, uuids: Sequence[str]) -> dict[str, list[sqlite3.Row]]:
        """Audit rows of these records (served by audit_log_record), oldest first, by record UUID."""
        found: dict[str, list[sqlite3.Row]] = {}
        for start in range(0, len(uuids), _CHUNK):
            chunk = list(uuids[start:start + _CHUNK])
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(f"SELECT id, at, actor, action, record_uuid, detail FROM audit_log "
                                         f"WHERE entity = ? AND record_uuid IN ({marks}) ORDER BY id",
                                         [entity, *chunk]):
                found.setdefault(row["record_uuid"], []).append(row)
        return found

    def _actor(self, audit: sqlite3.Row | None) -> str:
        if audit is None:
            return ""
        return self.names.get(audit["actor"], audit["actor"])

    def add(self, at: str, kind: str, record_uuid: str, *, audit: sqlite3.Row | None = None, unit_code: str = "",
            text: str = "", facts: dict[str, Any] | None = None, rank: int = 0) -> None:
        entry = TimelineEntry(at=at or (audit["at"] if audit is not None else ""), kind=kind,
                              actor=self._actor(audit), recorded_at=audit["at"] if audit is not None else "",
                              record_uuid=record_uuid, unit_code=unit_code or self.case["unit_code"],
                              text=text or "", facts={k: v for k, v in (facts or {}).items() if v not in (None, "")})
        key = (entry.day, _RANK[kind], rank, entry.recorded_at, audit["id"] if audit is not None else 0,
               len(self.entries))
        self.entries.append((key, entry))

    def _void(self, record_kind: str, row: sqlite3.Row, audits: Iterable[sqlite3.Row], label: str) -> None:
        """The void of a linked record: from its audit row, or from the record alone when it came voided."""
        if not row["voided"]:
            return
        audit = next((a for a in audits if a["action"].endswith(".void")), None)
        at = audit["at"] if audit is not None else (row["voided_at"] or row["updated_at"] or "")
        self.add(at, "void", row["uuid"], audit=audit, unit_code=row["unit_code"], text=row["void_reason"] or "",
                 facts={"record_kind": record_kind, "label": label})

    # -- the pieces ------------------------------------------------------------------------
    def build(self) -> list[TimelineEntry]:
        self._case()
        self._visits()
        self._letters()
        self._sessions()
        self._assignments()
        self._attachments()
        return [entry for _, entry in sorted(self.entries, key=lambda item: item[0])]

    def _case(self) -> None:
        case = self.case
        audits = self._audit("cases", [case["uuid"]]).get(case["uuid"], [])
        opened = next((a for a in audits if a["action"] == "case.open"), None)
        respondent = ", ".join(p for p in (case["respondent_name"], case["respondent_position"],
                                            case["respondent_body"]) if p)
        self.add(case["received_on"], "received", case["uuid"], audit=opened, text=case["summary"], facts={
            "source": case["source"], "content_type": case["content_type"], "field_code": case["field_code"],
            "respondent": respondent, "status": _detail(opened).get("status") if opened is not None else None})
        seen: set[str] = set()
        dated: set[str] = set()  # the columns some audit row set (informing a citizen also dates the conclusion)
        for audit in audits:
            action, detail = audit["action"], _detail(audit)
            seen.add(action)
            dated.update(detail.get("changed") or {})
            if action == "case.direction":
                self.add(_after(detail, "step_started_on", audit["at"]), "direction", case["uuid"], audit=audit,
                         facts={"direction": _after(detail, "direction"),
                                "direction_body": _after(detail, "direction_body"),
                                "direction_doc": _after(detail, "direction_doc"),
                                "status": _after(detail, "status")})
            elif action == "case.classify":
                changed = detail.get("changed") or {}
                self.add(audit["at"], "classify", case["uuid"], audit=audit,
                         facts={name: _after(detail, name) for name in CLASSIFY_FIELDS if name in changed})
            elif action in ("case.conclude", "case.inform", "case.close"):
                status = {"case.conclude": "concluded", "case.inform": "informed", "case.close": "closed"}[action]
                day_column = {"concluded": "concluded_on", "informed": "informed_on", "closed": "closed_on"}[status]
                text = (_after(detail, "conclusion") if status == "concluded"
                        else _after(detail, "closed_reason") if status == "closed" else "")
                self.add(_after(detail, day_column, audit["at"]), "status", case["uuid"], audit=audit, text=text,
                         facts={"status": status}, rank=_STATUS_RANK[status])
            elif action == "case.void":
                self.add(audit["at"], "void", case["uuid"], audit=audit, text=case["void_reason"] or "",
                         facts={"record_kind": "case"})
        # What the record says happened that no audit row tells (records imported or generated elsewhere, or
        # dated at opening: a matter answered on the spot is concluded and the citizen told that day).
        if case["direction"] and case["source"] != "visit" and "case.direction" not in seen:
            # A letter's case directed when it was registered (its opening status already past "received"), or
            # one that came with its direction: dated by its current step while that step is the direction's.
            directed_at_opening = opened is not None and _detail(opened).get("status") not in (None, "received")
            at = case["step_started_on"] if case["status"] == "in_progress" else case["received_on"]
            self.add(at, "direction", case["uuid"], audit=opened if directed_at_opening else None,
                     facts={"direction": case["direction"], "direction_body": case["direction_body"],
                            "direction_doc": case["direction_doc"]})
        for status, column, action in (("concluded", "concluded_on", "case.conclude"),
                                       ("informed", "informed_on", "case.inform"),
                                       ("closed", "closed_on", "case.close")):
            if case[column] and action not in seen and column not in dated:
                text = {"concluded": case["conclusion"], "closed": case["closed_reason"]}.get(status, "")
                at_opening = opened is not None and case[column] == case["received_on"]
                self.add(case[column], "status", case["uuid"], audit=opened if at_opening else None, text=text,
                         facts={"status": status}, rank=_STATUS_RANK[status])
        if case["voided"] and "case.void" not in seen:
            self.add(case["voided_at"] or case["updated_at"], "void", case["uuid"], text=case["void_reason"] or "",
                     facts={"record_kind": "case"})

    def _visits(self) -> None:
        rows = self.conn.execute(
            "SELECT v.uuid, v.unit_code, v.year, v.logbook_no, v.visit_date, v.full_name, v.headcount, "
            "v.reception_kind, v.channel, v.direction, v.direction_body, v.direction_doc, v.summary, vc.first_time, "
            "v.voided, v.void_reason, v.voided_at, v.updated_at "
            "FROM visit_cases vc JOIN visits v ON v.id = vc.visit_id WHERE vc.case_id = ?",
            (self.case["id"],)).fetchall()
        audits = self._audit("visits", [r["uuid"] for r in rows])
        for row in rows:
            own = audits.get(row["uuid"], [])
            registered = next((a for a in own if a["action"] in ("visit.register", "visit.repeat")), None)
            number = f"{row['logbook_no']}/{row['year']}"
            self.add(row["visit_date"], "visit", row["uuid"], audit=registered, unit_code=row["unit_code"],
                     text=row["summary"], facts={
                         "logbook_no": number, "full_name": row["full_name"],
                         "headcount": row["headcount"] if row["headcount"] > 1 else None,
                         "reception_kind": row["reception_kind"], "channel": row["channel"],
                         "direction": row["direction"], "direction_body": row["direction_body"],
                         "direction_doc": row["direction_doc"], "first_time": bool(row["first_time"])})
            self._void("visit", row, own, number)

    def _letters(self) -> None:
        rows = self.conn.execute(
            "SELECT uuid, unit_code, year, letter_no, received_on, channel, sender_body, forward_doc, summary, "
            "voided, void_reason, voided_at, updated_at FROM letters WHERE case_id = ?", (self.case["id"],)).fetchall()
        audits = self._audit("letters", [r["uuid"] for r in rows])
        for row in rows:
            own = audits.get(row["uuid"], [])
            registered = next((a for a in own if a["action"] == "letter.register"), None)
            number = f"{row['letter_no']}/{row['year']}"
            self.add(row["received_on"], "letter", row["uuid"], audit=registered, unit_code=row["unit_code"],
                     text=row["summary"], facts={"letter_no": number, "letter_channel": row["channel"],
                                                 "sender_body": row["sender_body"], "forward_doc": row["forward_doc"]})
            self._void("letter", row, own, number)

    def _sessions(self) -> None:
        rows = self.conn.execute(
            "SELECT s.uuid, s.unit_code, s.session_date, s.kind, s.status, s.leader_name, s.leader_role, s.delegated, "
            "s.delegate_name, sc.conclusion_kind, sc.conclusion "
            "FROM session_cases sc JOIN sessions s ON s.id = sc.session_id WHERE sc.case_id = ?",
            (self.case["id"],)).fetchall()
        audits = self._audit("sessions", [r["uuid"] for r in rows])
        for row in rows:
            about_case = [a for a in audits.get(row["uuid"], []) if _detail(a).get("case") == self.case["uuid"]]
            concluded = [a for a in about_case if a["action"] == "session.conclusion"]
            audit = concluded[-1] if concluded else next(iter(about_case), None)
            self.add(row["session_date"], "session", row["uuid"], audit=audit, unit_code=row["unit_code"],
                     text=row["conclusion"], facts={
                         "session_kind": row["kind"], "session_status": row["status"],
                         "leader_name": row["leader_name"], "leader_role": row["leader_role"],
                         "delegate_name": row["delegate_name"] if row["delegated"] else None,
                         "conclusion_kind": row["conclusion_kind"]})

    def _assignments(self) -> None:
        rows = self.conn.execute(
            "SELECT uuid, unit_code, assignee, task, assigned_on, deadline, result, result_on, citizen_told_on, "
            "citizen_told_how, voided, void_reason, voided_at, updated_at FROM assignments WHERE case_id = ?",
            (self.case["id"],)).fetchall()
        audits = self._audit("assignments", [r["uuid"] for r in rows])
        for row in rows:
            own = audits.get(row["uuid"], [])
            created = next((a for a in own if a["action"] == "assignment.create"), None)
            self.add(row["assigned_on"], "assignment", row["uuid"], audit=created, unit_code=row["unit_code"],
                     text=row["task"], facts={"assignee": row["assignee"], "deadline": row["deadline"]})
            results = [a for a in own if a["action"] == "assignment.result"]
            for audit in results:  # each report back, as it was recorded
                detail = _detail(audit)
                self.add(_after(detail, "result_on", row["result_on"] or audit["at"]), "assignment_result",
                         row["uuid"], audit=audit, unit_code=row["unit_code"],
                         text=_after(detail, "result", row["result"]), facts={"assignee": row["assignee"]})
            if row["result_on"] and not results:
                self.add(row["result_on"], "assignment_result", row["uuid"], unit_code=row["unit_code"],
                         text=row["result"], facts={"assignee": row["assignee"]})
            told = [a for a in own if a["action"] == "assignment.told"]
            for audit in told:
                detail = _detail(audit)
                self.add(_after(detail, "citizen_told_on", row["citizen_told_on"] or audit["at"]), "citizen_told",
                         row["uuid"], audit=audit, unit_code=row["unit_code"],
                         facts={"assignee": row["assignee"],
                                "told_how": _after(detail, "citizen_told_how", row["citizen_told_how"])})
            if row["citizen_told_on"] and not told:
                self.add(row["citizen_told_on"], "citizen_told", row["uuid"], unit_code=row["unit_code"],
                         facts={"assignee": row["assignee"], "told_how": row["citizen_told_how"]})
            self._void("assignment", row, own, row["assignee"])

    def _attachments(self) -> None:
        rows = self.conn.execute(
            "SELECT uuid, unit_code, title, pages, mime_type, file_size, voided, void_reason, voided_at, updated_at "
            "FROM attachments WHERE case_id = ?", (self.case["id"],)).fetchall()
        audits = self._audit("attachments", [r["uuid"] for r in rows])
        for row in rows:
            own = audits.get(row["uuid"], [])
            for audit in own:
                if audit["action"] == "attachment.add":
                    detail = _detail(audit)
                    self.add(audit["at"], "attachment", row["uuid"], audit=audit, unit_code=row["unit_code"],
                             facts={"title": row["title"], "pages": row["pages"],
                                    "mime_type": row["mime_type"] or None,
                                    "file_size": row["file_size"] or None, "kind": detail.get("kind")})
                elif audit["action"] == "attachment.open":
                    self.add(audit["at"], "file_opened", row["uuid"], audit=audit, unit_code=row["unit_code"],
                             facts={"title": row["title"]})
            self._void("attachment", row, own, row["title"])

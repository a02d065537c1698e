"""Intake: registering a visit (new or returning citizen, delegations, one or several cases) or a letter,
and finding a returning visitor."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.cases import (
    CaseRecord,
    ContentType,
    DirectionRecord,
    clean_summary,
    validate_case,
    validate_direction,
)
from receptiondesk.domain.citizens import CitizenRecord, validate_citizen
from receptiondesk.domain.identity import check_phone, normalise_id_number
from receptiondesk.domain.letters import LetterChannel, LetterDraft
from receptiondesk.domain.text import clean_line, fold
from receptiondesk.domain.values import parse_enum, parse_past_date
from receptiondesk.domain.visits import ReceptionKind, VisitDraft, document_titles, validate_visit
from receptiondesk.errors import Problem, UserError, raise_for
from receptiondesk.services import privacy
from receptiondesk.services.cases import field_codes, insert_attachment, open_case
from receptiondesk.services.context import DeskContext
from receptiondesk.storage import records, search
from receptiondesk.storage.records import Stamp

LOGBOOK = "logbook"
LETTER_REGISTER = "letters"
LOOKUP_LIMIT = 20
LOOKUP_CANDIDATES = 200


@dataclass(frozen=True)
class VisitResult:
    uuid: str
    year: int
    logbook_no: int
    citizen_uuid: str
    case_uuids: list[str]
    first_time: bool
    warnings: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class LetterResult:
    uuid: str
    year: int
    letter_no: int
    case_uuid: str
    warnings: list[Problem] = field(default_factory=list)


def _citizen_values(citizen: CitizenRecord) -> dict[str, Any]:
    return {
        "kind": citizen.kind, "full_name": citizen.full_name, "name_folded": citizen.name_folded,
        "name_sort": citizen.name_sort, "id_type": citizen.id_type, "id_number": citizen.id_number,
        "birth_year": citizen.birth_year, "gender": citizen.gender, "phone": citizen.phone,
        "address": citizen.address, "address_folded": citizen.address_folded,
    }


class IntakeService:
    """What the officer does at the desk when someone comes in or a letter arrives."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    # -- citizens --------------------------------------------------------------------------
    def _store_citizen(self, conn: sqlite3.Connection, stamp: Stamp, citizen: CitizenRecord,
                       citizen_uuid: str | None, protected: bool) -> tuple[int, str, bool]:
        """The returning citizen (updated when details changed), the one with the same ID paper, or a new one.

        A protected person's identity is sealed before it is written; a known person who becomes protected
        (brings a denunciation) has every earlier copy of their identity sealed too. Returns (id, uuid, protected).
        """
        row = None
        if citizen_uuid:
            citizen_id = records.record_id_for(conn, "citizens", citizen_uuid, field="citizen")
            row = conn.execute("SELECT * FROM citizens WHERE id = ?", (citizen_id,)).fetchone()
        elif citizen.id_number:
            row = conn.execute("SELECT * FROM citizens WHERE id_number = ? AND id_type = ? AND voided = 0 "
                               "ORDER BY id DESC LIMIT 1", (citizen.id_number, citizen.id_type)).fetchone()
            if row is None:
                blind_id = self.context.require_session().identities.blind("id", citizen.id_number)
                row = conn.execute("SELECT * FROM citizens WHERE blind_id = ? AND voided = 0 ORDER BY id DESC "
                                   "LIMIT 1", (blind_id,)).fetchone()
        values = _citizen_values(citizen)
        if row is None:
            uuid = records.new_uuid()
            if protected:
                identity = {name: values[name] for name in privacy.CITIZEN_IDENTITY}
                values.update(privacy.masked_citizen_columns())
                values.update(privacy.blind_columns(self.context, identity))
                values["sealed_identity"] = privacy.seal(self.context, uuid, identity)
            values["protected"] = int(protected)
            citizen_id, uuid = records.insert_record(conn, "citizens", stamp, values, record_uuid=uuid)
            records.append_audit(conn, stamp, "citizen.create", "citizens", uuid, {"kind": citizen.kind})
            return citizen_id, uuid, protected
        if row["sealed_identity"] is not None:
            identity = self.context.require_session().identities.open(row["uuid"], row["sealed_identity"])
            merged = {**identity, **{k: values[k] for k in privacy.CITIZEN_IDENTITY if values[k] not in (None, "")}}
            if merged != identity:
                records.update_record(conn, "citizens", row["id"], stamp, {
                    **privacy.blind_columns(self.context, merged),
                    "sealed_identity": privacy.seal(self.context, row["uuid"], merged)})
                records.append_audit(conn, stamp, "citizen.update", "citizens", row["uuid"],
                                     {"changed": sorted(k for k in merged if merged[k] != identity.get(k))})
            return row["id"], row["uuid"], True
        changes = {k: v for k, v in values.items() if row[k] != v and v not in (None, "")}
        if changes:
            # Identity values stay out of the audit (the person may become protected later): names only.
            changed = records.update_record(conn, "citizens", row["id"], stamp, changes)
            records.append_audit(conn, stamp, "citizen.update", "citizens", row["uuid"], {"changed": sorted(changed)})
        if protected:
            self._purge_after_commit = privacy.protect_citizen(self.context, conn, row["id"], stamp)
        return row["id"], row["uuid"], bool(protected or row["protected"])

    def _snapshot(self, table: str, record_uuid: str, citizen: CitizenRecord | None,
                  protected: bool) -> dict[str, Any]:
        """The identity columns a visit or letter keeps of the person that day, sealed for a protected person."""
        if citizen is None:
            return {"full_name": "", "name_sort": "", "address": ""}
        plain = {"full_name": citizen.full_name, "name_sort": citizen.name_sort, "address": citizen.address}
        if table == "visits":
            plain["id_number"] = citizen.id_number
        if not protected:
            return plain
        identity = {name: getattr(citizen, name) for name in privacy.SNAPSHOT_IDENTITY[table]}
        return {**privacy.masked_snapshot_columns(table),
                "sealed_identity": privacy.seal(self.context, record_uuid, identity)}

    def _known_citizen(self, row: sqlite3.Row) -> CitizenRecord:
        """A stored citizen as a CitizenRecord, with the sealed identity opened for a protected one."""
        values = {name: row[name] for name in CitizenRecord.__dataclass_fields__}
        if row["sealed_identity"] is not None:
            values.update(self.context.require_session().identities.open(row["uuid"], row["sealed_identity"]))
        return CitizenRecord(**values)

    def _finish(self) -> None:
        if getattr(self, "_purge_after_commit", False):
            self._purge_after_commit = False
            privacy.purge_old_copies(self.context)

    # -- visits ----------------------------------------------------------------------------
    def register_visit(self, draft: VisitDraft) -> VisitResult:
        """Write one logbook row: the citizen, the visit, its case(s), its number and the audit row, atomically.

        Raises ValidationError listing every problem; nothing is saved then. Warnings come back in the result.
        """
        settings = self.context.require_setup()
        self.context.require(Permission.RECORD)
        today = self.context.today()
        problems: list[Problem] = []
        visit = validate_visit(draft, today=today, delegation_threshold=settings.delegation_threshold,
                               problems=problems)
        citizen = validate_citizen(draft.citizen, today_year=today.year, problems=problems)
        conn = self.context.database.conn
        codes = field_codes(conn)
        new_cases: list[CaseRecord] = []
        for case_draft in draft.new_cases:
            record = validate_case(case_draft, codes, problems)
            if record is not None:
                new_cases.append(record)
        warnings = raise_for(problems)
        protected = any(c.content_type is ContentType.DENUNCIATION for c in new_cases)
        stamp = self.context.stamp()
        with self.context.database.write() as conn:
            session_id = None
            reception_kind = ReceptionKind.ROUTINE
            if draft.session_uuid:
                session_id = records.record_id_for(conn, "sessions", draft.session_uuid, field="session")
                session = conn.execute("SELECT session_date, status FROM sessions WHERE id = ?",
                                       (session_id,)).fetchone()
                if session["status"] == "cancelled":
                    raise UserError("session.cancelled", "session")
                if session["session_date"] != visit.visit_date.isoformat():
                    warnings.append(Problem("visit.session_other_day", "visit_date",
                                            {"session_date": session["session_date"]}, warning=True))
                reception_kind = ReceptionKind.SESSION
            case_uuids = list(dict.fromkeys(draft.case_uuids))  # a case listed twice is linked once
            existing_case_ids = [records.record_id_for(conn, "cases", u, field="case") for u in case_uuids]
            if existing_case_ids and not protected:
                protected = bool(conn.execute(
                    f"SELECT 1 FROM cases WHERE content_type = 'denunciation' AND id IN "
                    f"({','.join('?' * len(existing_case_ids))})", existing_case_ids).fetchone())
            citizen_id, citizen_uuid, protected = self._store_citizen(conn, stamp, citizen, draft.citizen_uuid,
                                                                      protected)
            searchable_name = "" if protected else citizen.full_name
            case_links: list[tuple[int, str, bool]] = []
            for record in new_cases:
                case_id, case_uuid = open_case(self.context, conn, stamp, record, visit.direction, visit.visit_date,
                                               "visit", citizen_id, searchable_name)
                case_links.append((case_id, case_uuid, True))
            for case_id, case_uuid in zip(existing_case_ids, case_uuids):
                earlier = conn.execute(
                    "SELECT 1 FROM visit_cases vc JOIN visits v ON v.id = vc.visit_id "
                    "WHERE vc.case_id = ? AND v.voided = 0 AND v.visit_date <= ? LIMIT 1",
                    (case_id, visit.visit_date.isoformat())).fetchone()
                case_links.append((case_id, case_uuid, earlier is None))
            first_time = any(first for _, _, first in case_links)
            backdated = [case_id for case_id, _, first in case_links[len(new_cases):] if first]
            year = visit.visit_date.year
            logbook_no = records.allocate_number(conn, LOGBOOK, settings.unit_code, year)
            visit_uuid = records.new_uuid()
            snapshot = self._snapshot("visits", visit_uuid, citizen, protected)
            visit_id, visit_uuid = records.insert_record(conn, "visits", stamp, {
                "year": year,
                "logbook_no": logbook_no,
                "visit_date": visit.visit_date.isoformat(),
                "citizen_id": citizen_id,
                **snapshot,
                "came_as": visit.came_as.value,
                "proof_paper": visit.proof_paper,
                "channel": visit.channel.value,
                "reception_kind": reception_kind.value,
                "session_id": session_id,
                "headcount": visit.headcount,
                "is_delegation": int(visit.is_delegation),
                "representatives": json.dumps(visit.representatives, ensure_ascii=False),
                "summary": visit.summary,
                "prior_handler": visit.prior_handler,
                **_direction_columns(visit.direction),
                "first_time": int(first_time),
                "notes": visit.notes,
            }, record_uuid=visit_uuid)
            conn.executemany("INSERT INTO visit_cases (visit_id, case_id, first_time) VALUES (?, ?, ?)",
                             [(visit_id, case_id, int(first)) for case_id, _, first in case_links])
            if session_id is not None:
                position = conn.execute("SELECT count(*) FROM session_cases WHERE session_id = ?",
                                        (session_id,)).fetchone()[0]
                for offset, (case_id, _, _) in enumerate(case_links):
                    conn.execute("INSERT OR IGNORE INTO session_cases (session_id, case_id, position) "
                                 "VALUES (?, ?, ?)", (session_id, case_id, position + offset))
            search.index_record(conn, "visits", visit_id, snapshot["full_name"], snapshot["address"], visit.summary)
            records.append_audit(conn, stamp, "visit.register", "visits", visit_uuid,
                                 {"year": year, "logbook_no": logbook_no, "cases": len(case_links)})
            for title in visit.documents:  # listed on the visit's first case, in the same transaction
                insert_attachment(conn, stamp, case_links[0][0], case_links[0][1], visit_id, title)
            _demote_later_first_visits(conn, stamp, backdated, visit_id)
        self._finish()
        return VisitResult(visit_uuid, year, logbook_no, citizen_uuid, [u for _, u, _ in case_links],
                           first_time, warnings)

    # -- letters ---------------------------------------------------------------------------
    def register_letter(self, draft: LetterDraft) -> LetterResult:
        """Register a letter received by post, forwarded, or online: a case but no logbook row."""
        settings = self.context.require_setup()
        self.context.require(Permission.RECORD)
        today = self.context.today()
        problems: list[Problem] = []
        received_on = parse_past_date(draft.received_on, "received_on", problems, today)
        channel = parse_enum(LetterChannel, draft.channel or LetterChannel.POST, "letter_channel", problems)
        sender_body = clean_line(draft.sender_body)
        if channel is LetterChannel.FORWARDED and not sender_body:
            problems.append(Problem("letter.sender_required", "sender_body"))
        summary = clean_summary(draft.summary, "summary", problems)
        citizen = (validate_citizen(draft.citizen, today_year=today.year, problems=problems)
                   if draft.citizen is not None else None)
        direction = validate_direction(draft.direction, problems, required=False)
        documents = document_titles(draft.documents, problems)
        new_case = None
        if draft.new_case is not None:
            new_case = validate_case(draft.new_case, field_codes(self.context.database.conn), problems)
        elif not draft.case_uuid:
            problems.append(Problem("visit.no_case", "content_type"))
        warnings = raise_for(problems)
        stamp = self.context.stamp()
        with self.context.database.write() as conn:
            citizen_id = None
            if new_case is not None:
                protected = new_case.content_type is ContentType.DENUNCIATION
            else:
                existing = conn.execute("SELECT content_type FROM cases WHERE uuid = ?", (draft.case_uuid,)).fetchone()
                protected = existing is not None and existing[0] == ContentType.DENUNCIATION
            if citizen is not None:
                citizen_id, _, protected = self._store_citizen(conn, stamp, citizen, draft.citizen_uuid, protected)
            elif draft.citizen_uuid:
                citizen_id = records.record_id_for(conn, "citizens", draft.citizen_uuid, field="citizen")
                row = conn.execute("SELECT * FROM citizens WHERE id = ?", (citizen_id,)).fetchone()
                citizen = self._known_citizen(row)
                if protected and row["sealed_identity"] is None:
                    self._purge_after_commit = privacy.protect_citizen(self.context, conn, citizen_id, stamp)
                protected = protected or row["sealed_identity"] is not None
            if new_case is not None:
                case_id, case_uuid = open_case(self.context, conn, stamp, new_case, direction, received_on, "letter",
                                               citizen_id, citizen.full_name if citizen and not protected else "")
            else:
                case_uuid = draft.case_uuid
                case_id = records.record_id_for(conn, "cases", case_uuid, field="case")
            year = received_on.year
            letter_no = records.allocate_number(conn, LETTER_REGISTER, settings.unit_code, year)
            letter_uuid = records.new_uuid()
            snapshot = self._snapshot("letters", letter_uuid, citizen, protected)
            letter_id, letter_uuid = records.insert_record(conn, "letters", stamp, {
                "year": year, "letter_no": letter_no, "received_on": received_on.isoformat(),
                "channel": channel.value, "sender_body": sender_body, "forward_doc": clean_line(draft.forward_doc),
                "citizen_id": citizen_id, **snapshot,
                "summary": summary, "case_id": case_id, "notes": clean_line(draft.notes),
            }, record_uuid=letter_uuid)
            search.index_record(conn, "letters", letter_id, snapshot["full_name"], snapshot["address"], summary)
            records.append_audit(conn, stamp, "letter.register", "letters", letter_uuid,
                                 {"year": year, "letter_no": letter_no})
            for title in documents:
                insert_attachment(conn, stamp, case_id, case_uuid, None, title)
        self._finish()
        return LetterResult(letter_uuid, year, letter_no, case_uuid, warnings)

    # -- returning visitors ----------------------------------------------------------------
    def find_returning(self, *, id_number: str | None = None, phone: str | None = None,
                       name: str | None = None, address: str | None = None) -> list[dict[str, Any]]:
        """Earlier citizens matching an ID number, a phone, or a folded name (and address), newest visit first.

        Protected persons are matched (by blind index, and shown masked) only for a user who may see them.
        """
        session = self.context.require(Permission.READ)
        cipher = session.identities if session.user.can_see_protected else None
        db = self.context.database
        clauses: list[tuple[str, list[Any]]] = []
        if id_number and clean_line(id_number):
            normalised_id = normalise_id_number(id_number).upper()
            clauses.append(("c.id_number = ?", [normalised_id]))
            if cipher:
                clauses.append(("c.blind_id = ?", [cipher.blind("id", normalised_id)]))
        if phone:
            normalised, _ = check_phone(phone)
            if normalised:
                clauses.append(("c.phone = ?", [normalised]))
                if cipher:
                    clauses.append(("c.blind_phone = ?", [cipher.blind("phone", normalised)]))
        if name and fold(name):
            folded_address = fold(address or "")
            if folded_address:
                clauses.append(("c.name_folded = ? AND c.address_folded LIKE ?", [fold(name), f"%{folded_address}%"]))
            else:
                clauses.append(("c.name_folded = ?", [fold(name)]))
            if cipher:
                clauses.append(("c.blind_name = ?", [cipher.blind("name", name)]))
        if not clauses:
            return []
        # A common name can be shared by thousands in a province file: each way of matching gives its newest
        # LOOKUP_CANDIDATES records straight from its index (rowid order), and only those are ordered by
        # their last visit.
        candidates = " UNION ".join(
            f"SELECT id FROM (SELECT c.id FROM citizens c WHERE {sql} ORDER BY c.id DESC LIMIT {LOOKUP_CANDIDATES})"
            for sql, _ in clauses)
        rows = db.query(
            f"""SELECT c.uuid, c.full_name, c.id_type, c.id_number, c.birth_year, c.gender, c.phone, c.address,
                       c.kind, c.protected,
                       (SELECT max(v.visit_date) FROM visits v WHERE v.citizen_id = c.id AND v.voided = 0)
                           AS last_visit,
                       (SELECT count(*) FROM visits v WHERE v.citizen_id = c.id AND v.voided = 0) AS visit_count
                FROM citizens c WHERE c.id IN ({candidates}) AND c.voided = 0
                ORDER BY last_visit DESC LIMIT ?""",
            [*(value for _, values in clauses for value in values), LOOKUP_LIMIT])
        return [dict(r) for r in rows]

    def open_cases_of(self, citizen_uuid: str) -> list[dict[str, Any]]:
        """The citizen's cases not yet closed: offered when a returning visitor comes about the same matter."""
        rows = self.context.database.query(
            "SELECT uuid, received_on, content_type, field_code, summary, status, due_date FROM cases "
            "WHERE citizen_id = (SELECT id FROM citizens WHERE uuid = ?) AND voided = 0 AND status != 'closed' "
            "ORDER BY received_on DESC", (citizen_uuid,))
        return [dict(r) for r in rows]


def _demote_later_first_visits(conn: sqlite3.Connection, stamp: Stamp, case_ids: list[int], visit_id: int) -> None:
    """A visit entered late, dated before a case's first visit, becomes the first: the old first one is a repeat."""
    for case_id in case_ids:
        later = conn.execute("SELECT vc.visit_id FROM visit_cases vc JOIN visits v ON v.id = vc.visit_id "
                             "WHERE vc.case_id = ? AND vc.first_time = 1 AND vc.visit_id != ?",
                             (case_id, visit_id)).fetchall()
        for (other_id,) in later:
            conn.execute("UPDATE visit_cases SET first_time = 0 WHERE visit_id = ? AND case_id = ?",
                         (other_id, case_id))
            still_first = conn.execute("SELECT max(first_time) FROM visit_cases WHERE visit_id = ?",
                                       (other_id,)).fetchone()[0]
            if not still_first:
                records.update_record(conn, "visits", other_id, stamp, {"first_time": 0})
                uuid = conn.execute("SELECT uuid FROM visits WHERE id = ?", (other_id,)).fetchone()[0]
                records.append_audit(conn, stamp, "visit.repeat", "visits", uuid, {"reason": "earlier visit entered"})


def _direction_columns(direction: DirectionRecord) -> dict[str, Any]:
    return {
        "in_competence": int(direction.in_competence),
        "direction": direction.direction.value,
        "direction_body": direction.direction_body,
        "direction_doc": direction.direction_doc,
        "refusal_ground": direction.refusal_ground,
    }

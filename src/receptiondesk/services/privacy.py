"""Protected identities: sealed at rest, masked in every list, matched by blind index, revealed one record at a
time to a permitted user who gives a reason (audited)."""

from __future__ import annotations

import sqlite3
from typing import Any

from receptiondesk.domain.accounts import MASKED_NAME, Permission
from receptiondesk.domain.text import clean_paragraphs
from receptiondesk.errors import UserError
from receptiondesk.services.context import DeskContext
from receptiondesk.storage import records, search
from receptiondesk.storage.search import SEARCH_TABLES

#: The identity fields of a citizen that are sealed when the citizen is protected.
CITIZEN_IDENTITY = ("full_name", "id_type", "id_number", "birth_year", "gender", "phone", "address")
#: The identity snapshot a logbook row (or a letter) keeps of the person that day.
SNAPSHOT_IDENTITY = {"visits": ("full_name", "address", "id_number"), "letters": ("full_name", "address")}
MASKED_SORT_KEY = "\uffff"  # masked names sort after every real name
MIN_REASON_LENGTH = 5


def masked_citizen_columns() -> dict[str, Any]:
    """What a protected citizen's plain columns hold: nothing that identifies them."""
    return {"full_name": MASKED_NAME, "name_folded": "", "name_sort": MASKED_SORT_KEY, "id_type": "none",
            "id_number": None, "birth_year": None, "gender": None, "phone": None, "address": "",
            "address_folded": ""}


def masked_snapshot_columns(table: str) -> dict[str, Any]:
    columns = {"full_name": MASKED_NAME, "name_sort": MASKED_SORT_KEY, "address": ""}
    if table == "visits":
        columns["id_number"] = None
    return columns


def blind_columns(context: DeskContext, identity: dict[str, Any]) -> dict[str, Any]:
    cipher = context.require_session().identities
    return {"blind_name": cipher.blind("name", identity.get("full_name")),
            "blind_id": cipher.blind("id", identity.get("id_number")),
            "blind_phone": cipher.blind("phone", identity.get("phone"))}


def seal(context: DeskContext, record_uuid: str, identity: dict[str, Any]) -> bytes:
    return context.require_session().identities.seal(record_uuid, identity)


def protect_citizen(context: DeskContext, conn: sqlite3.Connection, citizen_id: int, stamp: records.Stamp) -> bool:
    """Make an existing citizen protected after the fact; see `protect_citizens`. Returns whether anything changed."""
    return bool(protect_citizens(context, conn, [citizen_id], stamp))


def protect_citizens(context: DeskContext, conn: sqlite3.Connection, citizen_ids: list[int],
                     stamp: records.Stamp, *, new_version: bool = True) -> int:
    """Seal these citizens' identities and every snapshot of them (visits, letters), blank them in the search
    indexes and merge those indexes so no old copy of a token survives. Returns how many were sealed.

    `new_version=False` stores the same records sealed without making new versions of them (an import
    sealing what arrived in plain: the records are the sender's, unchanged)."""
    sealed_count = 0

    def store(table: str, record_id: int, values: dict[str, Any]) -> None:
        if new_version:
            records.update_record(conn, table, record_id, stamp, values)
        else:
            conn.execute(f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                         [*values.values(), record_id])

    sealed_ids = []
    for citizen_id in citizen_ids:
        row = conn.execute("SELECT * FROM citizens WHERE id = ?", (citizen_id,)).fetchone()
        if row is None:
            continue
        if row["sealed_identity"] is not None:
            if not row["protected"]:
                store("citizens", citizen_id, {"protected": 1})
            continue
        identity = {name: row[name] for name in CITIZEN_IDENTITY}
        store("citizens", citizen_id, {
            **masked_citizen_columns(), **blind_columns(context, identity), "protected": 1,
            "sealed_identity": seal(context, row["uuid"], identity)})
        records.append_audit(conn, stamp, "citizen.protect", "citizens", row["uuid"])
        sealed_ids.append(citizen_id)
        sealed_count += 1
    if not sealed_ids:
        return 0
    # Everything else of these people in one pass per table (a temporary list of their ids, joined).
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS protecting (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM temp.protecting")
    conn.executemany("INSERT INTO temp.protecting (id) VALUES (?)", [(i,) for i in sealed_ids])
    touched_indexes: set[str] = set()
    for table, fields in SNAPSHOT_IDENTITY.items():
        # IN (not a join with the temporary table): the citizen_id index serves it, no whole-table scan
        for snapshot in conn.execute(f"SELECT t.* FROM {table} t WHERE t.citizen_id IN "
                                     "(SELECT id FROM temp.protecting) AND t.sealed_identity IS NULL").fetchall():
            sealed = seal(context, snapshot["uuid"], {name: snapshot[name] for name in fields})
            store(table, snapshot["id"], {**masked_snapshot_columns(table), "sealed_identity": sealed})
            search.index_record(conn, table, snapshot["id"], "", "", snapshot["summary"])
            touched_indexes.add(table)
    for case in conn.execute("SELECT c.* FROM cases c WHERE c.citizen_id IN "
                             "(SELECT id FROM temp.protecting)").fetchall():
        search.index_record(conn, "cases", case["id"], "",
                            f"{case['respondent_name']} {case['respondent_position']} {case['respondent_body']}",
                            case["summary"])
        touched_indexes.add("cases")
    conn.execute("DELETE FROM temp.protecting")
    for table in sorted(touched_indexes):  # merge every segment so the deleted tokens are really gone
        fts = SEARCH_TABLES[table][0]
        conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('optimize')")
    return sealed_count


def purge_old_copies(context: DeskContext) -> None:
    """After protecting someone: move the WAL into the file and empty it, so no old page keeps a plain copy."""
    context.database.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


class PrivacyService:
    """Revealing a protected identity: one record at a time, with a reason once per record and session."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    def _session_for_reveal(self):
        session = self.context.require(Permission.READ)
        if not session.user.can_see_protected:
            raise UserError("auth.not_permitted", action="see protected identity")
        return session

    def reveal(self, kind: str, record_uuid: str, reason: str = "") -> dict[str, Any]:
        """The sealed identity of a citizen, a visit or a letter; audited with the reason."""
        table = {"citizen": "citizens", "visit": "visits", "letter": "letters"}.get(kind)
        if table is None:
            raise UserError("value.not_allowed", "record_kind", value=kind, allowed=["citizen", "visit", "letter"])
        session = self._session_for_reveal()
        key = f"{table}:{record_uuid}"
        text = clean_paragraphs(reason)
        if key not in session.revealed and len(text) < MIN_REASON_LENGTH:
            raise UserError("auth.reason_required", "reveal_reason")
        row = self.context.database.one(f"SELECT uuid, sealed_identity FROM {table} WHERE uuid = ?", (record_uuid,))
        if row is None:
            raise UserError("record.not_found", kind, uuid=record_uuid)
        if row["sealed_identity"] is None:
            raise UserError("privacy.not_protected", kind)
        identity = session.identities.open(row["uuid"], row["sealed_identity"])
        with self.context.database.write() as conn:
            records.append_audit(conn, self.context.stamp(), "identity.reveal", table, record_uuid,
                                 {"reason": text} if key not in session.revealed else {"again": True})
        session.revealed.add(key)
        return identity

    def citizen_data(self, citizen_uuid: str, reason: str = "") -> dict[str, Any]:
        """Everything held about one citizen (a data-subject request): identity, visits, letters, cases and
        assignments. A protected identity is opened only for a permitted user, with a reason (audited)."""
        session = self.context.require(Permission.READ)
        db = self.context.database
        row = db.one("SELECT * FROM citizens WHERE uuid = ?", (citizen_uuid,))
        if row is None:
            raise UserError("record.not_found", "citizen", uuid=citizen_uuid)
        person = {k: row[k] for k in ("uuid", "kind", *CITIZEN_IDENTITY, "protected", "created_at", "updated_at",
                                      "version", "voided", "void_reason")}
        if row["sealed_identity"] is not None:
            person.update(self.reveal("citizen", citizen_uuid, reason))
        visits = [dict(r) for r in db.query(
            "SELECT uuid, year, logbook_no, visit_date, summary, direction, direction_body, direction_doc, headcount, "
            "voided FROM visits WHERE citizen_id = ? ORDER BY visit_date, id", (row["id"],))]
        letters = [dict(r) for r in db.query(
            "SELECT uuid, year, letter_no, received_on, channel, summary, voided FROM letters WHERE citizen_id = ? "
            "ORDER BY received_on, id", (row["id"],))]
        cases = [dict(r) for r in db.query(
            "SELECT uuid, received_on, content_type, field_code, summary, status, due_date, conclusion, voided "
            "FROM cases WHERE citizen_id = ? OR id IN (SELECT vc.case_id FROM visit_cases vc JOIN visits v "
            "ON v.id = vc.visit_id WHERE v.citizen_id = ?) ORDER BY received_on, id", (row["id"], row["id"]))]
        assignments = [dict(r) for r in db.query(
            "SELECT a.uuid, c.uuid AS case_uuid, a.assignee, a.task, a.deadline, a.result, a.result_on, "
            "a.citizen_told_on FROM assignments a JOIN cases c ON c.id = a.case_id WHERE c.citizen_id = ? "
            "ORDER BY a.assigned_on, a.id", (row["id"],))]
        with db.write() as conn:
            records.append_audit(conn, self.context.stamp(), "citizen.data_request", "citizens", citizen_uuid,
                                 {"by": session.user.username})
        return {"citizen": person, "visits": visits, "letters": letters, "cases": cases, "assignments": assignments}


"""Cases: the case list with its filters (type, field, status, overdue...) and sorts, and the files handed in."""

from __future__ import annotations

import sqlite3
from typing import Any

from receptiondesk.storage.listing import ListSpec, at_least, at_most, equals, flag
from receptiondesk.storage.search import match_expression

CASE_COLUMNS = """cases.id, cases.uuid, cases.unit_code, cases.received_on, cases.source, cases.content_type,
    cases.field_code, cases.summary, cases.respondent_name, cases.respondent_position, cases.respondent_body,
    cases.in_competence, cases.direction, cases.direction_body, cases.direction_doc, cases.refusal_ground,
    cases.flag_bypass, cases.flag_long_running, cases.flag_complex, cases.needs_verification, cases.status,
    cases.step_started_on, cases.due_date, cases.concluded_on, cases.conclusion, cases.informed_on,
    cases.closed_on, cases.closed_reason, cases.voided, cases.void_reason, cases.version, cases.citizen_id,
    cases.confidential,
    (SELECT full_name FROM citizens WHERE citizens.id = cases.citizen_id) AS citizen_name,
    (SELECT count(*) FROM visit_cases WHERE visit_cases.case_id = cases.id) AS visit_count"""


def _overdue(today):
    return "cases.status IN ('received', 'in_progress') AND cases.due_date < ?", [str(today)]


def _search(text):
    """Cases whose folded citizen name, respondent or summary hold every word of `text` (diacritics optional)."""
    match = match_expression(str(text))
    if match is None:
        return "1", []
    return "cases.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)", [match]


def _respondent(text):
    """Cases whose respondent (name, position or body, folded) holds every word of `text`: the search index's
    respondent column, so "ubnd xa kep" finds "UBND xã Kép"."""
    match = match_expression(str(text))
    if match is None:
        return "1", []
    return "cases.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)", [f"respondent : ({match})"]


def _both_ways(name: str, ascending: str) -> dict[str, str]:
    """A sort and its reverse (`name_desc`): every term flips, so one index serves both directions."""
    descending = ", ".join(term.replace(" ASC", " DESC") for term in ascending.split(", "))
    return {name: ascending, f"{name}_desc": descending}


CASE_LIST = ListSpec(
    table="cases",
    columns=CASE_COLUMNS,
    filters={
        "received_from": at_least("cases.received_on"),
        "received_to": at_most("cases.received_on"),
        "content_type": equals("cases.content_type"),
        "field_code": equals("cases.field_code"),
        "status": equals("cases.status"),
        "direction": equals("cases.direction"),
        "respondent_body": equals("cases.respondent_body"),
        "respondent": _respondent,
        "due_before": at_most("cases.due_date"),
        "overdue_on": _overdue,
        "in_competence": flag("cases.in_competence"),
        "complex": flag("cases.flag_complex"),
        "bypass": flag("cases.flag_bypass"),
        "long_running": flag("cases.flag_long_running"),
        "match": _search,
    },
    sorts={
        # Each sort is served by an index of migration 0001 (the rowid ends every index, so "id" ties are free):
        "newest": "cases.received_on DESC, cases.id DESC",  # cases_received
        "oldest": "cases.received_on ASC, cases.id ASC",
        **_both_ways("due", "cases.due_date ASC, cases.id ASC"),  # cases_due
        **_both_ways("type", "cases.content_type ASC, cases.received_on ASC, cases.id ASC"),  # cases_type_received
        **_both_ways("field", "cases.field_code ASC, cases.received_on ASC, cases.id ASC"),  # cases_field_received
        **_both_ways("status", "cases.status ASC, cases.received_on ASC, cases.id ASC"),  # cases_status_received
        **_both_ways("respondent", "cases.respondent_body ASC, cases.respondent_name ASC, cases.id ASC"),
    },
    default_sort="newest",
)

# -- files handed in (scanned letters) ------------------------------------------------------------

ATTACHMENT_COLUMNS = """attachments.id, attachments.uuid, attachments.visit_id, attachments.title, attachments.pages,
    attachments.original, attachments.voided, attachments.void_reason, attachments.created_at, attachments.file_name,
    attachments.mime_type, attachments.file_size, attachments.sha256,
    (SELECT uuid FROM visits WHERE visits.id = attachments.visit_id) AS visit_uuid,
    (SELECT sealed FROM attachment_files WHERE attachment_files.attachment_id = attachments.id) AS sealed"""


def case_attachments(conn: sqlite3.Connection, case_id: int) -> list[sqlite3.Row]:
    """The documents listed for a case (voided ones too), in the order they were recorded."""
    return conn.execute(f"SELECT {ATTACHMENT_COLUMNS} FROM attachments WHERE attachments.case_id = ? "
                        "ORDER BY attachments.id", (case_id,)).fetchall()


def store_file(conn: sqlite3.Connection, attachment_id: int, content: bytes, sealed: bool) -> None:
    conn.execute("INSERT INTO attachment_files (attachment_id, sealed, content) VALUES (?, ?, ?)",
                 (attachment_id, int(sealed), content))


def stored_file(conn: sqlite3.Connection, attachment_uuid: str) -> dict[str, Any] | None:
    """An attachment with its case and its stored file (None for the content when no file was stored)."""
    row = conn.execute(
        """SELECT a.id, a.uuid, a.title, a.file_name, a.mime_type, a.file_size, a.sha256, a.voided,
                  c.uuid AS case_uuid, c.content_type, c.confidential,
                  (SELECT protected FROM citizens WHERE citizens.id = c.citizen_id) AS citizen_protected,
                  f.sealed, f.content
           FROM attachments a JOIN cases c ON c.id = a.case_id
           LEFT JOIN attachment_files f ON f.attachment_id = a.id
           WHERE a.uuid = ?""", (attachment_uuid,)).fetchone()
    return dict(row) if row is not None else None

"""Leaders' reception sessions: the list of sessions, filtered and sorted in SQL."""

from __future__ import annotations

from receptiondesk.storage.listing import ListSpec, at_least, at_most, equals

SESSION_COLUMNS = """sessions.id, sessions.uuid, sessions.unit_code, sessions.session_date, sessions.sector,
    sessions.kind, sessions.leader_name, sessions.leader_role, sessions.delegated, sessions.delegate_name,
    sessions.delegate_role, sessions.location, sessions.subject, sessions.status, sessions.notes, sessions.voided,
    sessions.void_reason,
    (SELECT count(*) FROM session_cases sc WHERE sc.session_id = sessions.id) AS case_count,
    (SELECT count(*) FROM visits v WHERE v.session_id = sessions.id AND v.voided = 0) AS visit_count"""

SESSION_LIST = ListSpec(
    table="sessions",
    columns=SESSION_COLUMNS,
    filters={
        "date_from": at_least("sessions.session_date"),
        "date_to": at_most("sessions.session_date"),
        "sector": equals("sessions.sector"),
        "kind": equals("sessions.kind"),
        "status": equals("sessions.status"),
    },
    sorts={
        "newest": "sessions.session_date DESC, sessions.id DESC",
        "oldest": "sessions.session_date ASC, sessions.id ASC",
    },
    default_sort="newest",
)

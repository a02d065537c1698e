"""Leaders' reception sessions: the list of sessions, filtered and sorted in SQL; the queue of cases waiting for a
leader; and the reads behind the compliance report and the conclusion notice."""

from __future__ import annotations

from receptiondesk.storage.listing import ListSpec, at_least, at_most, equals

SESSION_COLUMNS = """sessions.id, sessions.uuid, sessions.unit_code, sessions.session_date, sessions.sector,
    sessions.kind, sessions.leader_name, sessions.leader_role, sessions.delegated, sessions.delegate_name,
    sessions.delegate_role, sessions.location, sessions.subject, sessions.status, sessions.notes, sessions.voided,
    sessions.void_reason, sessions.attendees,
    (SELECT count(*) FROM session_cases sc WHERE sc.session_id = sessions.id) AS case_count,
    (SELECT count(*) FROM session_cases sc WHERE sc.session_id = sessions.id
        AND sc.conclusion_kind IS NOT NULL) AS concluded_count,
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

# -- the queue of cases waiting for a leader ----------------------------------------------------------
#: A case waits for a leader's session when it was accepted for handling (thụ lý) by this unit and is still
#: being handled; it is not on the list of a planned session, no held session has resolved or assigned it
#: (a "pending" conclusion sends it back to the queue), and nobody is working on an assignment for it.
WAITING_WHERE = """cases.voided = 0 AND cases.status = 'in_progress' AND cases.direction = 'accepted'
    AND cases.in_competence = 1
    AND NOT EXISTS (SELECT 1 FROM session_cases sc JOIN sessions s ON s.id = sc.session_id
                    WHERE sc.case_id = cases.id AND s.voided = 0
                      AND (s.status = 'planned'
                           OR (s.status = 'held' AND sc.conclusion_kind IN ('resolve_now', 'assign'))))
    AND NOT EXISTS (SELECT 1 FROM assignments a
                    WHERE a.case_id = cases.id AND a.voided = 0 AND a.result_on IS NULL)"""

#: Complaints and denunciations first (they carry legal time limits), then the oldest.
WAITING_ORDER = """CASE WHEN cases.content_type IN ('complaint', 'denunciation') THEN 0 ELSE 1 END,
    cases.received_on, cases.id"""

WAITING_COLUMNS = """cases.id, cases.uuid, cases.received_on, cases.content_type, cases.field_code, cases.summary,
    cases.status, cases.due_date, cases.flag_complex, cases.flag_long_running, cases.flag_bypass,
    (SELECT full_name FROM citizens WHERE citizens.id = cases.citizen_id) AS citizen_name,
    (SELECT count(*) FROM session_cases sc JOIN sessions s ON s.id = sc.session_id
        WHERE sc.case_id = cases.id AND s.status = 'held' AND s.voided = 0
          AND sc.conclusion_kind = 'pending') AS times_pending"""

WAITING_CASES = f"SELECT {WAITING_COLUMNS} FROM cases WHERE {WAITING_WHERE} ORDER BY {WAITING_ORDER} LIMIT ?"
WAITING_COUNT = f"SELECT count(*) FROM cases WHERE {WAITING_WHERE}"

# -- compliance and the notice --------------------------------------------------------------------------
SESSIONS_BETWEEN = """SELECT uuid, session_date, sector, kind, status, leader_role, leader_name, delegated,
    coalesce(delegate_name, '') AS delegate_name
    FROM sessions WHERE voided = 0 AND session_date BETWEEN ? AND ?{unit} ORDER BY session_date, id"""

#: The cases on a session's list, in order, with who brought each (the plain columns of a protected person
#: already hold nothing that identifies them) and the leader's conclusion.
SESSION_CASES = """SELECT sc.position, sc.conclusion_kind, sc.conclusion, c.id AS case_id, c.uuid AS case_uuid,
    c.content_type, c.field_code, c.summary, c.status, c.voided, c.confidential, c.received_on,
    coalesce(ct.full_name, '') AS citizen_name, coalesce(ct.address, '') AS citizen_address,
    coalesce(ct.protected, 0) AS protected,
    coalesce((SELECT name_vi FROM fields f WHERE f.code = c.field_code), c.field_code) AS field_name
    FROM session_cases sc JOIN cases c ON c.id = sc.case_id LEFT JOIN citizens ct ON ct.id = c.citizen_id
    WHERE sc.session_id = ? ORDER BY sc.position, c.id"""

SESSION_ASSIGNMENTS = """SELECT uuid, case_id, assignee, task, assigned_on, deadline FROM assignments
    WHERE session_id = ? AND voided = 0 ORDER BY id"""

#: The latest held session of a sector that recorded its attendees (the same officials usually attend).
LAST_ATTENDEES = """SELECT attendees FROM sessions WHERE sector = ? AND status = 'held' AND voided = 0
    AND attendees != '' ORDER BY session_date DESC, id DESC LIMIT 1"""

#: The latest session of a sector presided by its head in person (for the schedule form's defaults).
LAST_OWN_SESSION = """SELECT leader_name, leader_role, location FROM sessions WHERE sector = ? AND voided = 0
    AND delegated = 0 AND leader_role = ? ORDER BY session_date DESC, id DESC LIMIT 1"""

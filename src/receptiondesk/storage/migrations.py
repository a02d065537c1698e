"""Schema migrations (sqlite-utils Migrations). Released steps are never edited: add a new one.

Every record table shares the columns of `RECORD_COLUMNS`: an integer rowid for joins and list
models, a random UUID (its identity in every file and package), the creating unit's code,
timestamps (ISO 8601, +07:00), the version pair (restore epoch, counter), the local change
sequence number used by sync, and the void marker (records are voided, never deleted).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("receptiondesk")

RECORD_COLUMNS = """
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    unit_code TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    epoch INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    seq INTEGER NOT NULL,
    voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
    void_reason TEXT,
    voided_at TEXT
"""

RECORD_TABLES = (
    "signers", "villages", "citizens", "cases", "visits", "letters",
    "sessions", "assignments", "attachments", "documents", "report_submissions",
)


def names() -> list[str]:
    """Names of every migration this version of the program knows."""
    return [m.name for m in MIGRATIONS._migrations]


def _run(db: Database, statements: str) -> None:
    for statement in statements.split(";\n"):
        if statement.strip():
            db.execute(statement)


@MIGRATIONS(name="0001_initial_schema")
def initial_schema(db: Database) -> None:
    _run(db, f"""
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('change_seq', 0), ('restore_epoch', 0);
CREATE TABLE number_counters (
    scope TEXT NOT NULL,
    unit_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (scope, unit_code, year)
) WITHOUT ROWID;
CREATE TABLE fields (
    code TEXT PRIMARY KEY,
    name_vi TEXT NOT NULL,
    name_en TEXT NOT NULL,
    position INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE calendar_days (
    day TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'working')),
    name TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE signers (
    {RECORD_COLUMNS},
    full_name TEXT NOT NULL,
    title TEXT NOT NULL,
    role TEXT NOT NULL
);
CREATE TABLE villages (
    {RECORD_COLUMNS},
    name TEXT NOT NULL
);
CREATE TABLE citizens (
    {RECORD_COLUMNS},
    kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation')),
    full_name TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    name_sort TEXT NOT NULL,
    id_type TEXT NOT NULL,
    id_number TEXT,
    birth_year INTEGER,
    gender TEXT,
    phone TEXT,
    address TEXT NOT NULL DEFAULT '',
    address_folded TEXT NOT NULL DEFAULT '',
    protected INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX citizens_id_number ON citizens (id_number) WHERE id_number IS NOT NULL;
CREATE INDEX citizens_phone ON citizens (phone) WHERE phone IS NOT NULL;
CREATE INDEX citizens_name_folded ON citizens (name_folded, address_folded);
CREATE INDEX citizens_seq ON citizens (seq);
CREATE TABLE sessions (
    {RECORD_COLUMNS},
    session_date TEXT NOT NULL,
    sector TEXT NOT NULL CHECK (sector IN ('state', 'party')),
    kind TEXT NOT NULL CHECK (kind IN ('scheduled', 'ad_hoc', 'dialogue')),
    leader_name TEXT NOT NULL,
    leader_role TEXT NOT NULL,
    delegated INTEGER NOT NULL DEFAULT 0,
    delegate_name TEXT,
    delegate_role TEXT,
    location TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_date ON sessions (session_date, id);
CREATE INDEX sessions_sector_date ON sessions (sector, session_date);
CREATE INDEX sessions_kind_date ON sessions (kind, session_date);
CREATE INDEX sessions_status_date ON sessions (status, session_date);
CREATE INDEX sessions_seq ON sessions (seq);
CREATE TABLE cases (
    {RECORD_COLUMNS},
    received_on TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('visit', 'letter', 'import')),
    citizen_id INTEGER REFERENCES citizens (id),
    content_type TEXT NOT NULL,
    field_code TEXT NOT NULL,
    summary TEXT NOT NULL,
    respondent_name TEXT NOT NULL DEFAULT '',
    respondent_position TEXT NOT NULL DEFAULT '',
    respondent_body TEXT NOT NULL DEFAULT '',
    in_competence INTEGER NOT NULL DEFAULT 1,
    direction TEXT,
    direction_body TEXT NOT NULL DEFAULT '',
    direction_doc TEXT NOT NULL DEFAULT '',
    refusal_ground TEXT,
    flag_bypass INTEGER NOT NULL DEFAULT 0,
    flag_long_running INTEGER NOT NULL DEFAULT 0,
    flag_complex INTEGER NOT NULL DEFAULT 0,
    needs_verification INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    step_started_on TEXT NOT NULL,
    due_date TEXT,
    concluded_on TEXT,
    conclusion TEXT NOT NULL DEFAULT '',
    informed_on TEXT,
    closed_on TEXT
);
CREATE INDEX cases_received ON cases (received_on, id);
CREATE INDEX cases_type_received ON cases (content_type, received_on);
CREATE INDEX cases_field_status ON cases (field_code, status, received_on);
CREATE INDEX cases_field_received ON cases (field_code, received_on);
CREATE INDEX cases_status_received ON cases (status, received_on);
CREATE INDEX cases_status_due ON cases (status, due_date);
CREATE INDEX cases_due ON cases (due_date);
CREATE INDEX cases_direction ON cases (direction, received_on);
CREATE INDEX cases_citizen ON cases (citizen_id);
CREATE INDEX cases_respondent ON cases (respondent_body, respondent_name);
CREATE INDEX cases_seq ON cases (seq);
CREATE TABLE visits (
    {RECORD_COLUMNS},
    year INTEGER NOT NULL,
    logbook_no INTEGER NOT NULL,
    visit_date TEXT NOT NULL,
    citizen_id INTEGER NOT NULL REFERENCES citizens (id),
    full_name TEXT NOT NULL,
    name_sort TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    id_number TEXT,
    came_as TEXT NOT NULL,
    proof_paper TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL CHECK (channel IN ('in_person', 'online')),
    reception_kind TEXT NOT NULL CHECK (reception_kind IN ('routine', 'session')),
    session_id INTEGER REFERENCES sessions (id),
    headcount INTEGER NOT NULL CHECK (headcount >= 1),
    is_delegation INTEGER NOT NULL DEFAULT 0,
    representatives TEXT NOT NULL DEFAULT '[]',
    summary TEXT NOT NULL,
    prior_handler TEXT NOT NULL DEFAULT '',
    in_competence INTEGER NOT NULL DEFAULT 1,
    direction TEXT NOT NULL,
    direction_body TEXT NOT NULL DEFAULT '',
    direction_doc TEXT NOT NULL DEFAULT '',
    refusal_ground TEXT,
    first_time INTEGER NOT NULL DEFAULT 1,
    followup TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    UNIQUE (unit_code, year, logbook_no)
);
CREATE INDEX visits_date ON visits (visit_date, id);
CREATE INDEX visits_citizen ON visits (citizen_id, visit_date);
CREATE INDEX visits_session ON visits (session_id) WHERE session_id IS NOT NULL;
CREATE INDEX visits_direction_date ON visits (direction, visit_date);
CREATE INDEX visits_kind_date ON visits (reception_kind, visit_date);
CREATE INDEX visits_delegation_date ON visits (is_delegation, visit_date);
CREATE INDEX visits_name_sort ON visits (name_sort);
CREATE INDEX visits_id_number ON visits (id_number) WHERE id_number IS NOT NULL;
CREATE INDEX visits_seq ON visits (seq);
CREATE TABLE visit_cases (
    visit_id INTEGER NOT NULL REFERENCES visits (id),
    case_id INTEGER NOT NULL REFERENCES cases (id),
    first_time INTEGER NOT NULL,
    PRIMARY KEY (visit_id, case_id)
) WITHOUT ROWID;
CREATE INDEX visit_cases_case ON visit_cases (case_id, visit_id);
CREATE TABLE letters (
    {RECORD_COLUMNS},
    year INTEGER NOT NULL,
    letter_no INTEGER NOT NULL,
    received_on TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('post', 'forwarded', 'online')),
    sender_body TEXT NOT NULL DEFAULT '',
    forward_doc TEXT NOT NULL DEFAULT '',
    citizen_id INTEGER REFERENCES citizens (id),
    full_name TEXT NOT NULL DEFAULT '',
    name_sort TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    notes TEXT NOT NULL DEFAULT '',
    UNIQUE (unit_code, year, letter_no)
);
CREATE INDEX letters_received ON letters (received_on, id);
CREATE INDEX letters_case ON letters (case_id);
CREATE INDEX letters_channel_received ON letters (channel, received_on);
CREATE INDEX letters_seq ON letters (seq);
CREATE TABLE session_cases (
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    case_id INTEGER NOT NULL REFERENCES cases (id),
    position INTEGER NOT NULL,
    conclusion_kind TEXT CHECK (conclusion_kind IN ('resolve_now', 'assign', 'pending')),
    conclusion TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, case_id)
) WITHOUT ROWID;
CREATE INDEX session_cases_case ON session_cases (case_id);
CREATE TABLE assignments (
    {RECORD_COLUMNS},
    session_id INTEGER REFERENCES sessions (id),
    case_id INTEGER NOT NULL REFERENCES cases (id),
    assignee TEXT NOT NULL,
    task TEXT NOT NULL,
    assigned_on TEXT NOT NULL,
    deadline TEXT NOT NULL,
    result TEXT NOT NULL DEFAULT '',
    result_on TEXT,
    citizen_told_on TEXT,
    citizen_told_how TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assignments_deadline ON assignments (deadline, id);
CREATE INDEX assignments_open_deadline ON assignments (result_on, deadline);
CREATE INDEX assignments_told ON assignments (citizen_told_on, result_on);
CREATE INDEX assignments_case ON assignments (case_id);
CREATE INDEX assignments_assigned ON assignments (assigned_on);
CREATE INDEX assignments_assignee ON assignments (assignee, deadline);
CREATE INDEX assignments_session ON assignments (session_id);
CREATE INDEX assignments_seq ON assignments (seq);
CREATE TABLE attachments (
    {RECORD_COLUMNS},
    case_id INTEGER NOT NULL REFERENCES cases (id),
    visit_id INTEGER REFERENCES visits (id),
    title TEXT NOT NULL,
    pages INTEGER NOT NULL DEFAULT 1,
    original INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX attachments_case ON attachments (case_id);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    record_uuid TEXT,
    detail TEXT NOT NULL DEFAULT '{{}}'
);
CREATE INDEX audit_log_record ON audit_log (entity, record_uuid);
CREATE VIRTUAL TABLE visit_search USING fts5 (name, address, content, tokenize = 'unicode61', detail = 'column',
    columnsize = 0);
CREATE VIRTUAL TABLE case_search USING fts5 (name, respondent, content, tokenize = 'unicode61', detail = 'column',
    columnsize = 0);
CREATE VIRTUAL TABLE letter_search USING fts5 (name, address, content, tokenize = 'unicode61', detail = 'column',
    columnsize = 0)
""")


@MIGRATIONS(name="0002_accounts_and_protected_identities")
def accounts_and_protected_identities(db: Database) -> None:
    """Users and their wrapped keys, the audit chain's MACs, sealed identities and blind indexes."""
    _run(db, """
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    username TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('officer', 'leader', 'administrator', 'viewer')),
    can_see_protected INTEGER NOT NULL DEFAULT 0,
    password_hash TEXT NOT NULL,
    key_salt BLOB NOT NULL,
    key_parameters TEXT NOT NULL,
    wrapped_key BLOB NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE key_store (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
ALTER TABLE audit_log ADD COLUMN mac TEXT;
ALTER TABLE citizens ADD COLUMN sealed_identity BLOB;
ALTER TABLE citizens ADD COLUMN blind_name TEXT;
ALTER TABLE citizens ADD COLUMN blind_id TEXT;
ALTER TABLE citizens ADD COLUMN blind_phone TEXT;
CREATE INDEX citizens_blind_name ON citizens (blind_name) WHERE blind_name IS NOT NULL;
CREATE INDEX citizens_blind_id ON citizens (blind_id) WHERE blind_id IS NOT NULL;
CREATE INDEX citizens_blind_phone ON citizens (blind_phone) WHERE blind_phone IS NOT NULL;
ALTER TABLE visits ADD COLUMN sealed_identity BLOB;
ALTER TABLE letters ADD COLUMN sealed_identity BLOB;
CREATE INDEX letters_citizen ON letters (citizen_id) WHERE citizen_id IS NOT NULL;
ALTER TABLE cases ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0
""")


@MIGRATIONS(name="0003_case_files_attendance_and_closing")
def case_files_attendance_and_closing(db: Database) -> None:
    """Files handed in stored with their attachment (sealed when the case is protected), who attended a
    session, and why a case was closed before the citizen was told."""
    _run(db, """
ALTER TABLE sessions ADD COLUMN attendees TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN closed_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE attachments ADD COLUMN file_name TEXT NOT NULL DEFAULT '';
ALTER TABLE attachments ADD COLUMN mime_type TEXT NOT NULL DEFAULT '';
ALTER TABLE attachments ADD COLUMN file_size INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attachments ADD COLUMN sha256 TEXT NOT NULL DEFAULT '';
CREATE TABLE attachment_files (
    attachment_id INTEGER PRIMARY KEY REFERENCES attachments (id),
    sealed INTEGER NOT NULL DEFAULT 0,
    content BLOB NOT NULL
)
""")


@MIGRATIONS(name="0004_issued_documents")
def issued_documents(db: Database) -> None:
    """The register of issued documents: a number never used twice per issuer, type and year; the PDF as
    issued (sealed when it names a protected person) with its SHA-256, which also goes into the audit chain."""
    _run(db, f"""
CREATE TABLE documents (
    {RECORD_COLUMNS},
    doc_type TEXT NOT NULL,
    issuer TEXT NOT NULL,
    year INTEGER NOT NULL,
    number INTEGER NOT NULL,
    number_text TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    subject_entity TEXT NOT NULL,
    subject_uuid TEXT NOT NULL,
    title TEXT NOT NULL,
    protected INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    UNIQUE (issuer, doc_type, year, number)
);
CREATE INDEX documents_subject ON documents (subject_entity, subject_uuid);
CREATE INDEX documents_issued ON documents (issued_on, id)
""")


@MIGRATIONS(name="0005_report_submissions")
def report_submissions(db: Database) -> None:
    """Reports marked as submitted to the upper level: the period and kind, the figures as submitted (JSON) with
    their SHA-256, and the narrative as edited; the sync package carries them up. A later submission of the same
    period and kind supersedes the earlier one, which stays. Visits by unit and date: one commune's report out of
    a consolidated file."""
    _run(db, f"""
CREATE TABLE report_submissions (
    {RECORD_COLUMNS},
    kind TEXT NOT NULL,
    period_kind TEXT NOT NULL,
    period_label TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    submitted_on TEXT NOT NULL,
    narrative TEXT NOT NULL DEFAULT '',
    figures TEXT NOT NULL,
    sha256 TEXT NOT NULL
);
CREATE INDEX report_submissions_period ON report_submissions (kind, period_start, period_end);
CREATE INDEX visits_unit_date ON visits (unit_code, visit_date)
""")


@MIGRATIONS(name="0006_imported_rows")
def imported_rows(db: Database) -> None:
    """Where each record imported from an old Excel logbook came from: the workbook (by SHA-256 and name), its
    sheet and row. Two covering indexes for the reports: the classification of the cases received in a period, and
    the resolution of accepted complaints and denunciations, each read from its index alone."""
    _run(db, """
CREATE TABLE imported_rows (
    record_uuid TEXT PRIMARY KEY,
    entity TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sheet TEXT NOT NULL,
    row_number INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX imported_rows_file ON imported_rows (file_sha256, sheet, row_number);
CREATE INDEX cases_received_cover ON cases (received_on, voided, content_type, field_code, in_competence, direction,
    respondent_body);
CREATE INDEX cases_accepted_cover ON cases (content_type, direction, received_on, in_competence, voided, concluded_on,
    closed_on, due_date, informed_on)
""")


@MIGRATIONS(name="0007_sync_history")
def sync_history(db: Database) -> None:
    """The packages sent to the upper level and what its acknowledgements said; the keyed hashes of cases known
    elsewhere it sent back; a submitted report's PDF kept as submitted (the package carries it)."""
    _run(db, """
CREATE TABLE sync_packages (
    sequence INTEGER PRIMARY KEY,
    unit_code TEXT NOT NULL,
    created_at TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    change_from INTEGER NOT NULL,
    change_to INTEGER NOT NULL,
    records INTEGER NOT NULL,
    counts TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('sent', 'accepted', 'rejected')),
    acknowledged_at TEXT,
    ack_sha256 TEXT,
    ack_messages TEXT NOT NULL DEFAULT '[]',
    ack_reasons TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE known_case_hashes (
    hash TEXT PRIMARY KEY,
    package_sequence INTEGER NOT NULL
) WITHOUT ROWID;
ALTER TABLE report_submissions ADD COLUMN pdf BLOB
""")



@MIGRATIONS(name="0008_consolidation")
def consolidation(db: Database) -> None:
    """The upper level's consolidation desk: the communes enrolled (their public signing key and its fingerprint,
    compared by phone) and every package it was handed, accepted, refused or seen again, with the reason. One
    accepted row per package (unit, sequence, SHA-256): a package is imported once."""
    _run(db, """
CREATE TABLE enrolled_communes (
    unit_code TEXT PRIMARY KEY,
    unit_name TEXT NOT NULL,
    public_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    enrolled_by TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE received_packages (
    id INTEGER PRIMARY KEY,
    unit_code TEXT,
    sequence INTEGER,
    sha256 TEXT,
    file_name TEXT NOT NULL,
    received_at TEXT NOT NULL,
    received_by TEXT NOT NULL,
    created_at TEXT,
    change_from INTEGER,
    change_to INTEGER,
    counts TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL CHECK (status IN ('accepted', 'rejected', 'duplicate')),
    reason TEXT NOT NULL DEFAULT '',
    reason_params TEXT NOT NULL DEFAULT '{}'
);
CREATE UNIQUE INDEX received_packages_accepted ON received_packages (unit_code, sequence, sha256)
    WHERE status = 'accepted';
CREATE INDEX received_packages_unit ON received_packages (unit_code, id)
""")


@MIGRATIONS(name="0009_commune_reports")
def commune_reports(db: Database) -> None:
    """What the communes' packages carry besides records, kept at the upper level: their submitted reports (figures
    as submitted, narrative, PDF) and issued documents. A report accepted by the upper level locks its period: the
    desk's change sequence at that moment (`lock_seq`) tells later changes to the period (amendments) apart."""
    _run(db, """
CREATE TABLE commune_reports (
    id INTEGER PRIMARY KEY,
    unit_code TEXT NOT NULL,
    uuid TEXT NOT NULL,
    kind TEXT NOT NULL,
    period_kind TEXT NOT NULL,
    period_label TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    submitted_on TEXT NOT NULL,
    narrative TEXT NOT NULL DEFAULT '',
    figures TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    pdf BLOB,
    package_sequence INTEGER NOT NULL,
    received_at TEXT NOT NULL,
    accepted_at TEXT,
    accepted_by TEXT,
    lock_seq INTEGER,
    UNIQUE (unit_code, uuid)
);
CREATE INDEX commune_reports_period ON commune_reports (kind, period_start, period_end);
CREATE TABLE commune_documents (
    id INTEGER PRIMARY KEY,
    unit_code TEXT NOT NULL,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    package_sequence INTEGER NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (unit_code, name, sha256)
)
""")


@MIGRATIONS(name="0010_received_package_epochs")
def received_package_epochs(db: Database) -> None:
    """The restore epoch of each package received: a commune that restored a backup starts a new history, whose
    package numbers may repeat earlier ones; a package of an older history is out of order, not one of the new."""
    _run(db, "ALTER TABLE received_packages ADD COLUMN restore_epoch INTEGER")

"""`receptiondesk check`: SQLite's own checks plus the desk's invariants (numbers, links, search index)."""

from __future__ import annotations

import sqlite3
from typing import Any

from receptiondesk.services.context import DeskContext
from receptiondesk.storage.migrations import RECORD_TABLES
from receptiondesk.storage.search import SEARCH_TABLES


def check_database(context: DeskContext, audit=None) -> list[dict[str, Any]]:
    """Every problem found, as {code, params}; an empty list means the file is sound. With the audit service
    (a signed-in user), the audit chain is verified from its first entry too."""
    db = context.database
    findings: list[dict[str, Any]] = []
    result = [row[0] for row in db.query("PRAGMA integrity_check")]
    if result != ["ok"]:
        findings.append({"code": "check.sqlite_integrity", "params": {"detail": "; ".join(result[:5])}})
    broken_links = db.query("PRAGMA foreign_key_check")
    if broken_links:
        tables = sorted({row[0] for row in broken_links})
        findings.append({"code": "check.broken_links", "params": {"count": len(broken_links), "tables": tables}})
    for table, (fts, _) in SEARCH_TABLES.items():
        try:
            with db.write() as conn:  # FTS5 runs its check as a write; it changes nothing
                conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            findings.append({"code": "check.search_index", "params": {"table": table, "detail": str(exc)}})
        missing = db.scalar(f"SELECT count(*) FROM {table} WHERE id NOT IN (SELECT rowid FROM {fts})")
        if missing:
            findings.append({"code": "check.search_missing", "params": {"table": table, "count": missing}})
    for scope, table, column in (("logbook", "visits", "logbook_no"), ("letters", "letters", "letter_no")):
        behind = db.query(
            f"""SELECT t.unit_code, t.year, max(t.{column}) AS highest, n.last
                FROM {table} t LEFT JOIN number_counters n
                  ON n.scope = ? AND n.unit_code = t.unit_code AND n.year = t.year
                GROUP BY t.unit_code, t.year HAVING n.last IS NULL OR n.last < max(t.{column})""", (scope,))
        for row in behind:
            findings.append({"code": "check.counter_behind", "params": {
                "scope": scope, "unit": row["unit_code"], "year": row["year"], "highest": row["highest"]}})
    orphans = db.scalar("SELECT count(*) FROM visits v WHERE NOT EXISTS "
                        "(SELECT 1 FROM visit_cases vc WHERE vc.visit_id = v.id)")
    if orphans:
        findings.append({"code": "check.visit_without_case", "params": {"count": orphans}})
    seq = db.scalar("SELECT value FROM counters WHERE name = 'change_seq'")
    for table in RECORD_TABLES:
        highest = db.scalar(f"SELECT max(seq) FROM {table}")
        if highest is not None and highest > seq:
            findings.append({"code": "check.seq_ahead", "params": {"table": table}})
    if audit is not None:
        report = audit.verify(full=True)
        if not report.sound:
            findings.append({"code": "check.audit_chain", "params": {"entry": report.broken_at,
                                                                      "reason": report.reason}})
    return findings

"""Full-text search (FTS5) over folded text: names, addresses, respondents and content without diacritics."""

from __future__ import annotations

import re
import sqlite3

from receptiondesk.domain.text import fold

#: FTS table of each searchable record table, with its indexed columns in order.
SEARCH_TABLES = {
    "visits": ("visit_search", ("name", "address", "content")),
    "cases": ("case_search", ("name", "respondent", "content")),
    "letters": ("letter_search", ("name", "address", "content")),
}

_TOKEN = re.compile(r"[0-9a-z]+")


def index_record(conn: sqlite3.Connection, table: str, record_id: int, *texts: str) -> None:
    """(Re)index one record's texts, folded, under its rowid."""
    fts, columns = SEARCH_TABLES[table]
    conn.execute(f"DELETE FROM {fts} WHERE rowid = ?", (record_id,))
    conn.execute(
        f"INSERT INTO {fts} (rowid, {', '.join(columns)}) VALUES (?{', ?' * len(columns)})",
        (record_id, *(fold(t or "") for t in texts)),
    )


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression requiring every folded word of `query`; None for an empty query."""
    tokens = _TOKEN.findall(fold(query))
    if not tokens:
        return None
    return " ".join(f'"{token}"' for token in tokens)

"""The logbook and the registers as lists: visits and letters filtered, sorted and searched in SQL."""

from __future__ import annotations

import sqlite3
from typing import Any

from receptiondesk.domain.accounts import Permission
from receptiondesk.errors import UserError
from receptiondesk.services.context import DeskContext
from receptiondesk.storage import listing
from receptiondesk.storage.letters import LETTER_LIST
from receptiondesk.storage.search import match_expression
from receptiondesk.storage.visits import VISIT_LIST, search_visits

class LogbookService:
    """Reads of the reception logbook (visits) and the letters register."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    @property
    def _conn(self):
        return self.context.database.conn

    def visits(self, request: listing.ListRequest | None = None, limit: int = 100,
               offset: int = 0) -> list[dict[str, Any]]:
        """One page of the logbook, filtered and sorted (newest first by default)."""
        self.context.require(Permission.READ)
        return [dict(r) for r in listing.list_rows(self._conn, VISIT_LIST, self.context.scoped(request),
                                                   limit, offset)]

    def visit_ids(self, request: listing.ListRequest | None = None,
                  connection: sqlite3.Connection | None = None) -> list[int]:
        """Every matching visit's rowid in list order, for a list model that pages by id; a long list may be
        read on another thread through its own `connection` (Database.reader())."""
        self.context.require(Permission.READ)
        return listing.list_ids(connection or self._conn, VISIT_LIST, self.context.scoped(request))

    def visits_by_ids(self, ids: list[int]) -> list[dict[str, Any]]:
        self.context.require(Permission.READ)
        return [dict(r) for r in listing.rows_by_ids(self._conn, VISIT_LIST, ids)]

    def count_visits(self, request: listing.ListRequest | None = None) -> int:
        self.context.require(Permission.READ)
        sql, params = listing.count_query(VISIT_LIST, self.context.scoped(request))
        return self.context.database.scalar(sql, params)

    def search(self, text: str, limit: int = 50, offset: int = 0, include_voided: bool = False) -> list[dict[str, Any]]:
        """Visits whose name, address or content match `text`, typed with or without diacritics; newest first."""
        self.context.require(Permission.READ)
        match = match_expression(text)
        if match is None:
            return []
        if not 1 <= int(limit) <= listing.MAX_PAGE or int(offset) < 0:
            raise UserError("list.page_size", max=listing.MAX_PAGE)
        return [dict(r) for r in search_visits(self._conn, match, limit, offset, include_voided)]

    def get_visit(self, visit_uuid: str) -> dict[str, Any]:
        self.context.require(Permission.READ)
        row = self.context.database.one(
            f"SELECT {VISIT_LIST.columns}, visits.representatives, visits.proof_paper, visits.refusal_ground, "
            f"(SELECT uuid FROM citizens WHERE citizens.id = visits.citizen_id) AS citizen_uuid, "
            f"(SELECT uuid FROM sessions WHERE sessions.id = visits.session_id) AS session_uuid "
            f"FROM visits WHERE uuid = ?", (visit_uuid,))
        if row is None:
            raise UserError("record.not_found", "visit", uuid=visit_uuid)
        result = dict(row)
        result["case_uuids"] = [r[0] for r in self.context.database.query(
            "SELECT c.uuid FROM visit_cases vc JOIN cases c ON c.id = vc.case_id WHERE vc.visit_id = ? "
            "ORDER BY c.id", (result["id"],))]
        return result

    def letters(self, request: listing.ListRequest | None = None, limit: int = 100,
                offset: int = 0) -> list[dict[str, Any]]:
        self.context.require(Permission.READ)
        return [dict(r) for r in listing.list_rows(self._conn, LETTER_LIST, self.context.scoped(request),
                                                   limit, offset)]

"""Filtered, sorted lists in SQL: each list names its allowed filters and sorts, all served by indexes.

A list model asks for the ordered row ids once (cheap even for 1M rows) and then fetches pages of
rows by id; a first page can be asked for directly with a LIMIT.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from receptiondesk.errors import UserError

Clause = Callable[[Any], tuple[str, list[Any]]]


@dataclass(frozen=True)
class ListSpec:
    """One list: its table, the row columns it shows, its filters and its sort orders."""

    table: str
    columns: str
    filters: dict[str, Clause]
    sorts: dict[str, str]
    default_sort: str
    voided_column: str = "voided"
    joins: str = ""


@dataclass
class ListRequest:
    filters: dict[str, Any] = field(default_factory=dict)
    sort: str | None = None
    include_voided: bool = False
    unit_code: str | None = None  # one unit's records only (the upper level's own, on its desk); None: every record


def equals(column: str) -> Clause:
    return lambda value: (f"{column} = ?", [value])


def at_least(column: str) -> Clause:
    return lambda value: (f"{column} >= ?", [str(value)])


def at_most(column: str) -> Clause:
    return lambda value: (f"{column} <= ?", [str(value)])


def year_of(column: str) -> Clause:
    """A year as a date range, so the date index serves it."""
    return lambda value: (f"{column} BETWEEN ? AND ?", [f"{int(value):04d}-01-01", f"{int(value):04d}-12-31"])


def flag(column: str) -> Clause:
    return lambda value: (f"{column} = ?", [1 if value else 0])


def _where(spec: ListSpec, request: ListRequest) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if not request.include_voided:
        clauses.append(f"{spec.table}.{spec.voided_column} = 0")
    if request.unit_code is not None:
        clauses.append(f"{spec.table}.unit_code = ?")
        params.append(request.unit_code)
    for name, value in request.filters.items():
        if value is None or value == "":
            continue
        clause = spec.filters.get(name)
        if clause is None:
            raise UserError("list.unknown_filter", name=name, allowed=sorted(spec.filters))
        sql, values = clause(value)
        clauses.append(sql)
        params.extend(values)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _order(spec: ListSpec, request: ListRequest) -> str:
    sort = request.sort or spec.default_sort
    if sort not in spec.sorts:
        raise UserError("list.unknown_sort", name=sort, allowed=sorted(spec.sorts))
    return " ORDER BY " + spec.sorts[sort]


def id_query(spec: ListSpec, request: ListRequest) -> tuple[str, list[Any]]:
    where, params = _where(spec, request)
    return f"SELECT {spec.table}.id FROM {spec.table}{spec.joins}{where}{_order(spec, request)}", params


def row_query(spec: ListSpec, request: ListRequest, limit: int, offset: int = 0) -> tuple[str, list[Any]]:
    where, params = _where(spec, request)
    sql = (f"SELECT {spec.columns} FROM {spec.table}{spec.joins}{where}{_order(spec, request)} "
           f"LIMIT ? OFFSET ?")
    return sql, [*params, int(limit), int(offset)]


def count_query(spec: ListSpec, request: ListRequest) -> tuple[str, list[Any]]:
    where, params = _where(spec, request)
    return f"SELECT count(*) FROM {spec.table}{spec.joins}{where}", params


def list_ids(conn: sqlite3.Connection, spec: ListSpec, request: ListRequest) -> list[int]:
    sql, params = id_query(spec, request)
    return [row[0] for row in conn.execute(sql, params)]


MAX_PAGE = 1000


def list_rows(conn: sqlite3.Connection, spec: ListSpec, request: ListRequest, limit: int,
              offset: int = 0) -> list[sqlite3.Row]:
    """One page of a list: at most MAX_PAGE rows (a list model pages by id for more)."""
    if not 1 <= int(limit) <= MAX_PAGE or int(offset) < 0:
        raise UserError("list.page_size", max=MAX_PAGE)
    sql, params = row_query(spec, request, limit, offset)
    return conn.execute(sql, params).fetchall()


def row_by_uuid(conn: sqlite3.Connection, spec: ListSpec, uuid: str, field: str) -> dict[str, Any]:
    """One record as its list shows it, or a UserError naming the field when no record has that UUID."""
    row = conn.execute(f"SELECT {spec.columns} FROM {spec.table}{spec.joins} WHERE {spec.table}.uuid = ?",
                       (uuid,)).fetchone()
    if row is None:
        raise UserError("record.not_found", field, uuid=uuid)
    return dict(row)


def rows_by_ids(conn: sqlite3.Connection, spec: ListSpec, ids: Sequence[int]) -> list[sqlite3.Row]:
    """The rows for `ids`, in the order of `ids` (one page of a list model)."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = conn.execute(f"SELECT {spec.columns} FROM {spec.table}{spec.joins} WHERE {spec.table}.id IN ({marks})",
                        list(ids)).fetchall()
    by_id = {row["id"]: row for row in rows}
    return [by_id[i] for i in ids if i in by_id]

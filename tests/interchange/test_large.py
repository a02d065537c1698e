"""Files large enough for the import's bulk path into an empty desk: the same results, the same refusals."""

from __future__ import annotations

import pytest

from receptiondesk.errors import UserError
from receptiondesk.services import interchange
from receptiondesk.services.integrity import check_database
from receptiondesk.services.interchange import export_file, import_file
from tests.interchange.edits import dumps, edit, lines_of
from tests.interchange.sample import table_dump

#: More records than the threshold above which an import into an empty desk may take its bulk path.
EXTRA = max(getattr(interchange, "BULK_MIN_RECORDS", 10_000), 10_000)


def _with_citizens(text: str, count: int) -> str:
    """The export with `count` more citizens, created last and in UUID order: still in the format's own order."""
    lines = lines_of(text)
    last = max(i for i, line in enumerate(lines) if line.startswith('{"entity":"citizen"'))
    extra = [dumps({
        "entity": "citizen", "uuid": f"{i:08x}-0000-4000-8000-{i:012x}", "unit_code": "00004",
        "created_at": "2026-03-10T09:00:00+07:00", "updated_at": "2026-03-10T09:00:00+07:00", "epoch": 0,
        "version": 1, "voided": False, "void_reason": None, "voided_at": None, "kind": "person",
        "full_name": f"Nguyễn Văn Số {i}", "id_type": "none", "id_number": None, "birth_year": None, "gender": None,
        "phone": None, "address": f"Thôn {i % 9}", "protected": False}) for i in range(count)]
    lines[last + 1:last + 1] = extra
    lines[-1] = dumps({"end": True, "records": len(lines) - 2})
    return "\n".join(lines) + "\n"


@pytest.fixture
def large(exported) -> str:
    return _with_citizens(exported, EXTRA)


def _indexes(desk) -> list[tuple]:
    return sorted(tuple(r) for r in desk.database.query("SELECT name, tbl_name, sql FROM sqlite_master "
                                                        "WHERE type = 'index'"))


def test_a_large_file_round_trips_byte_for_byte(target, large, write, tmp_path):
    indexes = _indexes(target)
    report = import_file(target.context, write("large.jsonl", large))
    assert report.by_entity()["citizen"] == {"new": 6 + EXTRA}
    assert report.totals() == {"new": 30 + EXTRA, "updated": 0, "unchanged": 9, "rejected": 0}
    export_file(target.context, tmp_path / "again.jsonl")
    assert (tmp_path / "again.jsonl").read_text(encoding="utf-8") == large
    assert _indexes(target) == indexes
    assert len(target.logbook.search("nguyen van duc")) == 2
    assert check_database(target.context) == []


def test_a_large_file_imported_twice_is_unchanged(target, large, write):
    path = write("large.jsonl", large)
    import_file(target.context, path)
    report = import_file(target.context, path)
    assert report.totals() == {"new": 0, "updated": 0, "unchanged": 39 + EXTRA, "rejected": 0}


def test_a_large_dry_run_changes_nothing(target, large, write):
    before = table_dump(target.database.conn)
    report = import_file(target.context, write("large.jsonl", large), dry_run=True)
    assert report.totals()["new"] == 30 + EXTRA
    assert table_dump(target.database.conn) == before


@pytest.mark.parametrize("entity, change, code, key", [
    ("attachment", lambda r: r.update(visit="00000000-0000-4000-8000-000000000000"), "interchange.unknown_reference",
     "visit"),
    ("assignment", lambda r: r.update(deadline="2026-02-30"), "interchange.bad_date", "deadline"),
], ids=["dangling reference at the end", "malformed date"])
def test_a_large_bad_file_is_refused_whole(target, large, write, entity, change, code, key):
    text, line = edit(large, entity, change)
    before = table_dump(target.database.conn)
    with pytest.raises(UserError) as caught:
        import_file(target.context, write("large.jsonl", text))
    problems = [(p.code, p.params.get("line"), p.params.get("key")) for p in caught.value.problems]
    assert (code, line, key) in problems
    assert table_dump(target.database.conn) == before
    assert not target.database.conn.in_transaction

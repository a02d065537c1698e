"""Record writes: common columns, versions, change sequence, human numbers, voids and audit rows."""

from __future__ import annotations

import pytest

from receptiondesk.errors import UserError
from receptiondesk.storage import records
from receptiondesk.storage.database import open_database

STAMP = records.Stamp(actor="Cán bộ", unit_code="00004", at="2026-03-10T09:00:00+07:00")


@pytest.fixture
def database(tmp_path):
    with open_database(tmp_path / "desk.sqlite3") as opened:
        yield opened


def _signer(conn):
    return records.insert_record(conn, "signers", STAMP, {"full_name": "Nguyễn Văn A", "title": "Chủ tịch",
                                                           "role": "chairman"})


def test_insert_fills_common_columns_and_a_rising_change_sequence(database):
    with database.write() as conn:
        first_id, first_uuid = _signer(conn)
        second_id, _ = _signer(conn)
    row = database.one("SELECT * FROM signers WHERE id = ?", (first_id,))
    assert row["uuid"] == first_uuid and len(first_uuid) == 36
    assert row["unit_code"] == "00004"
    assert row["created_at"] == row["updated_at"] == "2026-03-10T09:00:00+07:00"
    assert (row["epoch"], row["version"], row["voided"]) == (0, 1, 0)
    second = database.one("SELECT seq FROM signers WHERE id = ?", (second_id,))
    assert second["seq"] == row["seq"] + 1


def test_update_makes_a_new_version_with_a_new_sequence_number(database):
    with database.write() as conn:
        record_id, _ = _signer(conn)
        before = conn.execute("SELECT seq FROM signers WHERE id = ?", (record_id,)).fetchone()[0]
        later = records.Stamp(STAMP.actor, STAMP.unit_code, "2026-03-11T10:00:00+07:00")
        records.update_record(conn, "signers", record_id, later, {"title": "Phó Chủ tịch"})
    row = database.one("SELECT * FROM signers WHERE id = ?", (record_id,))
    assert (row["title"], row["version"], row["updated_at"]) == ("Phó Chủ tịch", 2, "2026-03-11T10:00:00+07:00")
    assert row["seq"] > before


def test_edits_after_a_restore_start_a_new_epoch(database):
    with database.write() as conn:
        record_id, _ = _signer(conn)
        records.update_record(conn, "signers", record_id, STAMP, {"title": "x"})
        conn.execute("UPDATE counters SET value = 1 WHERE name = 'restore_epoch'")
        records.update_record(conn, "signers", record_id, STAMP, {"title": "y"})
    row = database.one("SELECT epoch, version FROM signers WHERE id = ?", (record_id,))
    assert (row["epoch"], row["version"]) == (1, 1)


def test_numbers_are_per_unit_and_year_and_continue_after_imported_ones(database):
    with database.write() as conn:
        assert [records.allocate_number(conn, "logbook", "00004", 2026) for _ in range(3)] == [1, 2, 3]
        assert records.allocate_number(conn, "logbook", "00004", 2027) == 1
        assert records.allocate_number(conn, "logbook", "00008", 2026) == 1
        records.reserve_number(conn, "logbook", "00004", 2024, 517)  # an imported paper logbook
        records.reserve_number(conn, "logbook", "00004", 2026, 2)  # lower than what exists: no effect
        assert records.allocate_number(conn, "logbook", "00004", 2024) == 518
        assert records.allocate_number(conn, "logbook", "00004", 2026) == 4


def test_void_keeps_the_row_and_writes_the_reason(database):
    with database.write() as conn:
        record_id, uuid = _signer(conn)
        records.void_record(conn, "signers", record_id, STAMP, "Nhập nhầm")
        records.append_audit(conn, STAMP, "signer.void", "signers", uuid, {"reason_length": 9})
    row = database.one("SELECT voided, void_reason, voided_at, version FROM signers WHERE id = ?", (record_id,))
    assert tuple(row) == (1, "Nhập nhầm", STAMP.at, 2)
    audit = database.one("SELECT actor, action, entity, record_uuid FROM audit_log")
    assert tuple(audit) == ("Cán bộ", "signer.void", "signers", uuid)
    with database.write() as conn, pytest.raises(UserError) as caught:
        records.record_id_for(conn, "signers", uuid, field="signer")
    assert caught.value.code == "record.voided"


def test_unknown_uuid_names_the_field(database):
    with database.write() as conn, pytest.raises(UserError) as caught:
        records.record_id_for(conn, "cases", "no-such-uuid", field="case")
    assert caught.value.problems[0].field == "case"
    assert caught.value.render("vi").startswith("Vụ việc:")

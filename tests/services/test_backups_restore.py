"""Restoring: the backup comes back, the current file is backed up first, a new restore epoch begins and no number
seen outside is issued twice; bad backup files are refused with clear messages and nothing changes; the recovery
sheet restores a desk whose file cannot be opened; `check --full` reads every backup."""

from __future__ import annotations

import shutil
import struct
from datetime import date
from pathlib import Path

import pytest

from receptiondesk.errors import UserError
from receptiondesk.services import backups as backups_module
from receptiondesk.services.backups import (
    RestoreNumbers,
    document_floor,
    package_floor,
    restore_with_recovery_key,
)
from receptiondesk.services.desk import Desk
from receptiondesk.services.issuing import IssueRequest
from receptiondesk.storage import backup_files
from receptiondesk.storage import database as database_module
from tests.interchange.sample import table_dump
from tests.services.helpers import OFFICER, PASSWORD, UNIT, USERNAME, audit, no_paper, visit


def _visit(desk, name: str = "Lê Văn Đến"):
    return desk.intake.register_visit(visit(who=no_paper(name)))


def _issue(desk, subject: str, issuer: str = "UBND", doc_type: str = "TB"):
    request = IssueRequest(doc_type=doc_type, issuer=issuer, subject_entity="visits", subject_uuid=subject,
                           title="Thông báo kết luận")
    return desk.documents.issue(request, lambda n: f"{n:02d}/{doc_type}-{issuer}",
                                lambda text, day: f"%PDF-1.7 {text} {day}".encode())


def _epoch(desk) -> int:
    return desk.database.scalar("SELECT value FROM counters WHERE name = 'restore_epoch'")


def _counter(desk, scope: str, year: int = 2026) -> int | None:
    return desk.database.scalar("SELECT last FROM number_counters WHERE scope = ? AND unit_code = ? AND year = ?",
                                (scope, UNIT, year))


def _state(desk) -> tuple:
    """Everything a refused restore must leave as it was: the data, and the files beside it."""
    folder = desk.database.path.parent
    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and "-shm" not in p.name
                   and "-wal" not in p.name)
    return table_dump(desk.database.conn), files


@pytest.fixture
def fresh(tmp_path, clock):
    """A desk set up here with its recovery key (the shared templates do not keep theirs)."""
    with Desk.open(tmp_path / "fresh" / "receptiondesk.sqlite3", clock=clock) as desk:
        recovery_key = desk.first_run(UNIT, USERNAME, OFFICER, PASSWORD)
        yield desk, recovery_key


# -- restoring, signed in ------------------------------------------------------------------------------

def test_a_restore_brings_the_backup_back_and_never_reissues_a_number(desk):
    kept = _visit(desk, "Người Trước Sao Lưu")
    backup = desk.backups.back_up()
    later = [_visit(desk, f"Người Sau {n}") for n in range(3)]
    notice = _issue(desk, later[0].uuid)
    assert (later[-1].logbook_no, notice.number) == (4, 1)
    result = desk.backups.restore(backup.path)
    # the backup's records, and only them
    assert desk.database.scalar("SELECT count(*) FROM visits") == 1
    assert desk.database.scalar("SELECT uuid FROM visits") == kept.uuid
    assert result.counts["visits"] == 1 and result.created_at == backup.created_at
    # a new restore epoch; numbers continue after everything issued, even what the backup does not hold
    assert _epoch(desk) == result.restore_epoch == 1
    assert _counter(desk, "logbook") == 4
    assert document_floor(desk.database.conn, "UBND", "TB", 2026) == 1
    assert _visit(desk, "Người Sau Khôi Phục").logbook_no == 5
    newest = desk.database.one("SELECT epoch, version FROM visits ORDER BY id DESC LIMIT 1")
    assert tuple(newest) == (1, 1)
    # the replaced file was backed up first, encrypted, and is listed for a restore of its own
    assert result.before is not None and result.aside is None
    listed = {i.path: i for i in desk.backups.list_backups()}
    assert listed[result.before].kind == "before-restore" and listed[result.before].counts["visits"] == 4
    actions = [r["action"] for r in audit(desk) if r["action"].startswith("backup.")]
    # the restored log ends where the backup was taken; then the restore and the backup taken just before it
    assert actions == ["backup.restore", "backup.made"]
    restore_row = audit(desk, action="backup.restore")[0]["detail"]
    assert restore_row["restore_epoch"] == 1 and restore_row["current_file"] == "backed_up"
    assert desk.audit.verify(full=True).sound
    assert desk.database.scalar("PRAGMA integrity_check") == "ok"


def test_restoring_the_file_made_before_a_restore_undoes_it_in_a_later_epoch(desk):
    backup = desk.backups.back_up()
    _visit(desk, "Người Sau")
    first = desk.backups.restore(backup.path)
    second = desk.backups.restore(first.before)
    assert desk.database.scalar("SELECT count(*) FROM visits") == 1
    assert second.restore_epoch == 2 and _epoch(desk) == 2  # above every epoch seen, never back to 0


def test_the_numbers_the_officer_gives_are_floors_too(desk):
    backup = desk.backups.back_up()
    numbers = RestoreNumbers(logbook=50, letters=7, package=12,
                             documents={("ĐU", "TB", 2026): 9, ("UBND", "BN", 2025): 30})
    result = desk.backups.restore(backup.path, numbers)
    assert (_counter(desk, "logbook"), _counter(desk, "letters")) == (50, 7)
    assert package_floor(desk.database.conn, UNIT) == 12
    assert document_floor(desk.database.conn, "ĐU", "TB", 2026) == 9
    assert document_floor(desk.database.conn, "UBND", "BN", 2025) == 30
    assert document_floor(desk.database.conn, "UBND", "TB", 2026) == 0
    assert result.floors.documents[("ĐU", "TB", 2026)] == 9
    assert _visit(desk).logbook_no == 51


def test_a_newer_backup_sets_the_floors_when_an_older_one_is_restored(desk):
    older = desk.backups.back_up()
    for n in range(5):
        _visit(desk, f"Người {n}")
    desk.backups.back_up()  # the newest backup knows the logbook reached 5
    desk.database.conn.execute("UPDATE number_counters SET last = 2 WHERE scope = 'logbook'")  # the live file lost it
    desk.database.conn.commit()
    desk.backups.restore(older.path)
    assert _counter(desk, "logbook") == 5


def test_bad_numbers_are_refused_before_anything_happens(desk):
    backup = desk.backups.back_up()
    before = _state(desk)
    for numbers, code in ((RestoreNumbers(logbook=-1), "backup.number_range"),
                          (RestoreNumbers(documents={("", "TB", 2026): 3}), "backup.bad_document_register"),
                          (RestoreNumbers(documents={("UBND", "TB", 2026): 10**9}), "backup.number_range")):
        with pytest.raises(UserError) as caught:
            desk.backups.restore(backup.path, numbers)
        assert caught.value.code == code
    assert _state(desk) == before


def test_a_restore_needs_the_administrator(desk):
    backup = desk.backups.back_up()
    admin = desk.context.session
    desk.accounts.add_user(admin, "canbo2", "Cán Bộ Hai", "officer", "mật khẩu tạm 1")
    desk.login("canbo2", "mật khẩu tạm 1")
    with pytest.raises(UserError) as caught:
        desk.backups.restore(backup.path)
    assert caught.value.code == "auth.not_permitted"


def test_a_file_that_cannot_be_swapped_in_leaves_the_desk_open_on_its_own_file(desk, monkeypatch):
    backup = desk.backups.back_up()
    after = _visit(desk, "Người Ở Lại")

    def refused(*args, **kwargs):
        raise UserError("storage.write_failed", path="x", reason="EACCES")

    monkeypatch.setattr(database_module, "_swap_files", refused)
    with pytest.raises(UserError):
        desk.backups.restore(backup.path)
    monkeypatch.undo()
    assert desk.database.scalar("SELECT count(*) FROM visits WHERE uuid = ?", (after.uuid,)) == 1
    assert [r["detail"]["kind"] for r in audit(desk, action="backup.made")] == ["manual", "before-restore"]
    assert not list(desk.database.path.parent.glob(".restore-*"))
    _visit(desk, "Người Tiếp Theo")


# -- bad backup files: clear messages, nothing changed -------------------------------------------------

def _refused(desk, path: Path, code: str) -> UserError:
    before = _state(desk)
    with pytest.raises(UserError) as caught:
        desk.backups.restore(path)
    assert caught.value.code == code, caught.value.render("en")
    assert _state(desk) == before
    for lang in ("vi", "en"):
        assert "{" not in caught.value.render(lang)
    return caught.value


def test_a_file_that_is_not_a_backup_is_refused(desk, tmp_path):
    stray = tmp_path / "photo.rdbackup"
    stray.write_bytes(b"\xff\xd8\xff\xe0 a photo, not a backup" * 200)
    error = _refused(desk, stray, "backup.not_ours")
    assert "không phải là bản sao lưu" in error.render("vi")
    _refused(desk, desk.database.path, "backup.not_ours")  # a plain desk file is not a backup either
    _refused(desk, tmp_path / "nowhere.rdbackup", "backup.not_found")


def test_a_truncated_backup_is_refused(desk, tmp_path):
    backup = desk.backups.back_up()
    cut = tmp_path / "cut.rdbackup"
    cut.write_bytes(backup.path.read_bytes()[:backup.size // 2])
    assert "thiếu phần cuối" in _refused(desk, cut, "backup.truncated").render("vi")


def test_a_damaged_backup_is_refused(desk, tmp_path):
    backup = desk.backups.back_up()
    blob = bytearray(backup.path.read_bytes())
    blob[len(blob) // 2] ^= 0xFF
    damaged = tmp_path / "damaged.rdbackup"
    damaged.write_bytes(bytes(blob))
    _refused(desk, damaged, "backup.damaged")


def test_a_backup_of_another_desk_is_refused(desk, fresh):
    other, _ = fresh
    foreign = other.backups.back_up()
    assert "bàn tiếp dân khác" in _refused(desk, foreign.path, "backup.other_desk").render("vi")


def test_a_backup_from_a_newer_version_is_refused(desk, tmp_path):
    backup = desk.backups.back_up()
    blob = bytearray(backup.path.read_bytes())
    struct.pack_into(">H", blob, 8, 99)
    newer = tmp_path / "newer.rdbackup"
    newer.write_bytes(bytes(blob))
    assert "99" in _refused(desk, newer, "backup.newer_version").render("en")


def test_a_backup_holding_a_newer_schema_is_refused(desk):
    with desk.database.write() as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES "
                     "('receptiondesk', '0999_from_the_future', '2030-01-01')")
    backup = desk.backups.back_up()
    with desk.database.write() as conn:
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0999_from_the_future'")
    _refused(desk, backup.path, "backup.newer_schema")


# -- the recovery sheet ----------------------------------------------------------------------------------

def test_the_recovery_key_restores_a_desk_file_that_cannot_be_opened(fresh, clock):
    desk, recovery_key = fresh
    kept = _visit(desk, "Người Được Giữ")
    backup = desk.backups.back_up()
    for n in range(3):
        _visit(desk, f"Người Mất {n}")
    path = desk.database.path
    desk.close()
    ruined = b"\0" * 4096 + b"disk sector gone" * 1000
    path.write_bytes(ruined)
    with pytest.raises(UserError) as caught:
        Desk.open(path, clock=clock)
    assert caught.value.code == "storage.not_a_database"
    with pytest.raises(UserError) as wrong:
        restore_with_recovery_key(path, backup.path, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", clock=clock)
    assert wrong.value.code == "auth.bad_recovery_key"
    assert path.read_bytes() == ruined
    result = restore_with_recovery_key(path, backup.path, recovery_key.lower(), RestoreNumbers(letters=3),
                                       clock=clock)
    assert result.aside is not None and result.aside.read_bytes() == ruined  # the damaged file, kept as it was
    assert result.restore_epoch == 1 and result.counts["visits"] == 1
    with Desk.open(path, clock=clock) as reopened:
        reopened.login(USERNAME, PASSWORD)
        assert reopened.database.scalar("SELECT uuid FROM visits") == kept.uuid
        assert _counter(reopened, "letters") == 3
        assert reopened.audit.verify(full=True).sound
        row = audit(reopened, action="backup.restore")[0]
        assert row["actor"] == "recovery-key" and row["detail"]["with"] == "recovery_key"
        assert row["detail"]["current_file"] == "kept_aside"
        assert _visit(reopened).logbook_no == 2


def test_the_recovery_key_restores_onto_a_new_pc_with_no_desk_file(fresh, tmp_path, clock):
    desk, recovery_key = fresh
    _visit(desk)
    stick = tmp_path / "usb"
    stick.mkdir()
    desk.backups.update_settings(second_folder=str(stick))
    backup = desk.backups.back_up()
    new_pc = tmp_path / "new-pc" / "receptiondesk.sqlite3"
    result = restore_with_recovery_key(new_pc, backup.second_copy, recovery_key, clock=clock)
    assert result.aside is None
    with Desk.open(new_pc, clock=clock) as restored:
        restored.login(USERNAME, PASSWORD)
        assert restored.database.scalar("SELECT count(*) FROM visits") == 1


# -- check --full ------------------------------------------------------------------------------------------

def test_check_all_reads_every_backup_and_compares_it_with_its_record(desk, tmp_path):
    assert [f["code"] for f in desk.backups.check_all()] == ["check.no_backup"]
    first = desk.backups.back_up()
    _visit(desk)
    second = desk.backups.back_up()
    assert desk.backups.check_all() == []
    shutil.copyfile(second.path, first.path)  # a sound backup, but not the one recorded under this name
    assert [f["code"] for f in desk.backups.check_all()] == ["check.backup_altered"]
    blob = bytearray(second.path.read_bytes())
    blob[-40] ^= 1
    second.path.write_bytes(bytes(blob))
    codes = sorted(f["code"] for f in desk.backups.check_all())
    assert codes == ["check.backup_altered", "check.backup_unreadable", "check.no_backup"]
    desk.backups.update_settings(second_folder=str(tmp_path / "gone"))
    assert "check.backup_folder_missing" in [f["code"] for f in desk.backups.check_all()]


def test_the_numbers_a_backup_records(desk):
    result = _visit(desk)
    _issue(desk, result.uuid)
    _issue(desk, result.uuid, issuer="ĐU")
    assert desk.backups.list_backups() == []
    backup = desk.backups.back_up()
    metadata = desk.backups.list_backups()[0].metadata
    assert ["logbook", UNIT, 2026, 1] in metadata["numbers"]
    assert sorted(metadata["documents"]) == [["UBND", "TB", 2026, 1], ["ĐU", "TB", 2026, 1]]
    assert metadata["counters"]["restore_epoch"] == 0 and metadata["last_visit_date"] == date(2026, 3, 10).isoformat()
    assert backup.counts["documents"] == 2
    assert backups_module.COUNTED_TABLES == tuple(metadata["counts"])
    assert backup_files.read_header(backup.path).kind == "manual"

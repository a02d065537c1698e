"""Making backups: verified and recorded, rotating, copied to a second folder that never holds a readable citizen,
and a full disk, a read-only or vanished folder said clearly while the desk goes on working."""

from __future__ import annotations

import errno
import os
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from receptiondesk.domain.values import VIETNAM_TZ
from receptiondesk.errors import UserError
from receptiondesk.services import backups as backups_module
from receptiondesk.services.backups import BackupFile, parse_name, rotation_victims
from receptiondesk.storage import backup_files
from tests.services.helpers import CCCD, CCCD_2, audit, case, citizen, no_paper, visit
from tests.services.test_privacy import _forms
from tests.storage.test_backups_crash_safety import fill, remount_read_only, small_disk

ORDINARY = ("Phạm Thị Hồng Nhung", CCCD_2, "0903123456", "Xóm Đình, thôn Hạ")
PROTECTED = ("Hoàng Văn Kín Tiếng", "001085077777", "0977000111", "Ngõ Hẹp số 3")


def _people(desk) -> None:
    desk.intake.register_visit(visit(who=citizen(ORDINARY[0], id_number=ORDINARY[1], birth_year=1990,
                                                 gender="female", phone=ORDINARY[2], address=ORDINARY[3])))
    desk.intake.register_visit(visit(who=citizen(PROTECTED[0], id_number=PROTECTED[1], phone=PROTECTED[2],
                                                 address=PROTECTED[3]),
                                     cases=[case("denunciation", "corruption", "Tố cáo cán bộ thu tiền")]))
    desk.intake.register_visit(visit(who=citizen("Nguyễn Văn Đức", id_number=CCCD, phone="0912345678")))


def _assert_no_citizen(blob: bytes) -> None:
    for value in (*ORDINARY, *PROTECTED, "Nguyễn Văn Đức", CCCD, "0912345678", "+84912345678"):
        for form in _forms(value):
            assert form not in blob, f"{form!r} found"


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# -- a backup ----------------------------------------------------------------------------------------

def test_a_backup_is_verified_recorded_and_counted(desk):
    _people(desk)
    result = desk.backups.back_up()
    assert result.path.parent == desk.database.path.parent / "backups"
    assert result.path.name.startswith("receptiondesk-") and result.path.name.endswith("-manual.rdbackup")
    assert result.counts["visits"] == 3 and result.counts["citizens"] == 3
    assert result.sha256 == backup_files.file_sha256(result.path) and result.size == result.path.stat().st_size
    assert set(result.seconds) >= {"copy", "quick_check", "seal", "read_back", "total"}
    made = audit(desk, action="backup.made")
    assert len(made) == 1 and made[0]["detail"]["sha256"] == result.sha256
    assert made[0]["detail"]["counts"]["visits"] == 3 and made[0]["detail"]["file"] == result.path.name
    assert made[0]["mac"] is not None  # in the audit chain
    listed = desk.backups.list_backups()
    assert [(i.path, i.counts["visits"], i.kind, i.folder) for i in listed] == [(result.path, 3, "manual", "primary")]
    assert listed[0].metadata["commune_code"] == "00004" and listed[0].metadata["quick_check"] == "ok"
    assert _files(result.path.parent) == [result.path.name]  # no scratch left
    _assert_no_citizen(result.path.read_bytes())


def test_the_second_folder_gets_a_verified_copy_that_holds_no_citizen_in_any_form(desk, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    desk.backups.update_settings(second_folder=str(stick))
    _people(desk)
    desk.database.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert any(form in desk.database.path.read_bytes() for form in _forms(ORDINARY[0]))  # the desk file holds it
    result = desk.backups.back_up()
    assert result.second_copy == stick / result.path.name and result.second_problem is None
    assert _files(stick) == [result.path.name]  # the copy alone: no scratch, no plain file
    copy = result.second_copy.read_bytes()
    assert copy == result.path.read_bytes()
    _assert_no_citizen(copy)
    assert audit(desk, action="backup.made")[0]["detail"]["second_folder"] == "ok"
    assert [i.folder for i in desk.backups.list_backups()] == ["primary", "second"]


def test_a_backup_needs_a_signed_in_user_or_the_key_of_this_run(desk):
    desk.logout()
    desk.backups._key = None
    with pytest.raises(UserError) as caught:
        desk.backups.create()
    assert caught.value.code == "backup.signed_out"
    assert desk.backups.on_exit() is None  # nobody signed in during this run: nothing to do


def test_the_exit_backup_after_an_idle_sign_out_uses_the_key_kept_from_the_session(desk):
    desk.backups.back_up()
    desk.logout()
    result = desk.backups.on_exit()
    assert result is not None and result.kind == "exit"
    row = audit(desk, action="backup.made")[-1]
    assert row["actor"] == "can" and row["mac"] is None  # chained at the next signed-in write
    desk.login("can", "mật khẩu 2026")
    assert audit(desk, action="backup.made")[-1]["mac"] is not None
    assert desk.audit.verify(full=True).sound


def test_a_daily_backup_is_due_once_a_day(desk, clock):
    assert desk.backups.is_due()
    result = desk.backups.daily()
    assert result is not None and result.kind == "daily"
    assert not desk.backups.is_due() and desk.backups.daily() is None
    clock.now += timedelta(days=1)
    assert desk.backups.is_due()


def test_a_damaged_desk_file_is_not_backed_up_over_the_good_copies(desk, monkeypatch):
    monkeypatch.setattr(backups_module, "quick_check", lambda conn, limit=10: ["*** in database main *** Page 7"])
    with pytest.raises(UserError) as caught:
        desk.backups.back_up()
    assert caught.value.code == "backup.source_damaged" and "Page 7" in caught.value.render("vi")
    assert _files(desk.backups.folder) == []
    assert audit(desk, action="backup.made") == []


# -- rotation ----------------------------------------------------------------------------------------

def _named(moment: datetime, kind: str = "daily") -> BackupFile:
    return BackupFile(Path(backups_module.backup_name("ab" * 8, moment, kind)), "abababab", moment, kind)


def test_names_parse_back():
    moment = datetime(2026, 3, 10, 17, 5, 9)
    for kind in backups_module.KINDS:
        for n in (0, 3):
            parsed = parse_name(Path(backups_module.backup_name("0123456789abcdef", moment, kind, n)))
            assert (parsed.desk, parsed.moment, parsed.kind) == ("01234567", moment, kind)
    assert parse_name(Path("receptiondesk.sqlite3")) is None
    assert parse_name(Path("receptiondesk-0123abcd-20261399-250000-daily.rdbackup")) is None


def test_rotation_keeps_the_newest_of_n_days_and_of_m_months():
    start = datetime(2025, 11, 20, 17, 0)
    files = [_named(start + timedelta(days=d, hours=h)) for d in range(100) for h in (0, 1)]
    files += [_named(start + timedelta(days=5), "manual"), _named(start, "before-restore")]
    victims = set(rotation_victims(files, daily=7, monthly=3))
    kept = [f for f in files if f.path not in victims]
    automatic = sorted(f.moment for f in kept if f.kind in backups_module.AUTOMATIC_KINDS)
    last = start + timedelta(days=99, hours=1)
    expected_days = [last - timedelta(days=d) for d in range(7)]
    months = {(m.year, m.month) for m in automatic}
    assert set(expected_days) <= set(automatic)
    assert months == {(2026, 2), (2026, 1), (2025, 12)}
    assert len(automatic) == 7 + 2  # February's newest is among the 7 days; then January's and December's last
    assert datetime(2026, 1, 31, 18, 0) in automatic and datetime(2025, 12, 31, 18, 0) in automatic
    assert {f.kind for f in kept} >= {"manual", "before-restore"}
    assert rotation_victims(files[:1], daily=1, monthly=0) == []


def test_rotation_on_disk_as_days_go_by(desk, clock):
    desk.backups.update_settings(daily=3, monthly=2)
    desk.backups.back_up()  # manual: never removed automatically
    for day in range(40):
        clock.now = datetime(2026, 3, 10, 17, 0, tzinfo=VIETNAM_TZ) + timedelta(days=day)
        desk.backups.record(desk.backups.create("exit"))
    names = _files(desk.backups.folder)
    kinds = [parse_name(Path(n)).kind for n in names]
    assert kinds.count("manual") == 1 and kinds.count("exit") == 4  # 3 days + end of March
    days = sorted(parse_name(Path(n)).moment.date().isoformat() for n in names if "-exit" in n)
    assert days == ["2026-03-31", "2026-04-16", "2026-04-17", "2026-04-18"]


def test_backup_settings_are_checked(desk, tmp_path):
    for kwargs, code in (({"daily": 0}, "backup.daily_range"), ({"monthly": -1}, "backup.monthly_range"),
                         ({"second_folder": "relative/usb"}, "backup.second_not_absolute"),
                         ({"second_folder": str(desk.backups.folder)}, "backup.second_is_primary")):
        with pytest.raises(UserError) as caught:
            desk.backups.update_settings(**kwargs)
        assert caught.value.code == code
    settings = desk.backups.update_settings(daily=10, monthly=6, second_folder=f"  {tmp_path / 'usb'}  ")
    assert (settings.backup_daily_count, settings.backup_monthly_count, settings.backup_second_folder) == \
        (10, 6, str(tmp_path / "usb"))
    assert desk.backups.update_settings(second_folder="").backup_second_folder == ""


# -- disk trouble --------------------------------------------------------------------------------------

def _desk_still_works(desk) -> None:
    desk.intake.register_visit(visit(who=no_paper("Trần Văn Vẫn Lưu")))
    assert desk.database.scalar("PRAGMA quick_check") == "ok"


def test_a_vanished_second_folder_is_said_and_the_backup_stands(desk, tmp_path):
    desk.backups.update_settings(second_folder=str(tmp_path / "usb-pulled-out"))
    result = desk.backups.back_up()
    assert result.path.exists() and result.second_copy is None
    assert result.second_problem.code == "backup.folder_missing"
    assert "rút ra" in result.second_problem.render("vi")
    assert audit(desk, action="backup.made")[0]["detail"]["second_folder"] == "backup.folder_missing"
    _desk_still_works(desk)


def test_a_second_folder_that_vanishes_during_the_copy_is_said_and_leaves_nothing(desk, tmp_path, monkeypatch):
    stick = tmp_path / "usb"
    stick.mkdir()
    desk.backups.update_settings(second_folder=str(stick))
    real_fsync = os.fsync

    def pulled_out(fd):
        if stick.exists() and any(p.name.endswith(".part") for p in stick.iterdir()):
            shutil.rmtree(stick)
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", pulled_out)
    result = desk.backups.back_up()
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert result.path.exists() and result.second_problem.code == "backup.folder_missing"
    assert _files(desk.backups.folder) == [result.path.name]
    _desk_still_works(desk)


def test_a_read_only_second_folder_is_said(desk, tmp_path, monkeypatch):
    with small_disk(tmp_path, 1024) as disk:
        if disk is not None:
            remount_read_only(disk)
            stick = disk
        else:
            stick = tmp_path / "locked"
            stick.mkdir()
            real_access = os.access
            monkeypatch.setattr(os, "access", lambda p, mode: False if str(p) == str(stick) else real_access(p, mode))
        desk.backups.update_settings(second_folder=str(stick))
        result = desk.backups.back_up()
        assert result.second_problem.code == "backup.folder_read_only"
        assert "chỉ cho đọc" in result.second_problem.render("vi")
        assert _files(stick) == []
    _desk_still_works(desk)


def test_a_second_folder_that_fills_up_during_the_copy_is_said_and_leaves_nothing(desk, tmp_path, monkeypatch):
    for n in range(30):
        desk.intake.register_visit(visit(who=no_paper(f"Người Thứ {n}")))
    with small_disk(tmp_path, 256) as disk:
        stick = disk or tmp_path / "usb"
        stick.mkdir(exist_ok=True)
        desk.backups.update_settings(second_folder=str(stick))
        # the space check passes; the disk fills up while the copy is written
        monkeypatch.setattr(backups_module, "_check_space", lambda folder, needed: None)
        if disk is None:
            real_open = open

            def full_open(file, mode="r", *args, **kwargs):
                handle = real_open(file, mode, *args, **kwargs)
                if "x" in mode and str(file).startswith(str(stick)):
                    handle.write = lambda data: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left"))
                return handle

            monkeypatch.setattr("builtins.open", full_open)
        result = desk.backups.back_up()
        monkeypatch.undo()
        assert result.path.exists() and result.second_problem is not None
        assert result.second_problem.code == "backup.disk_full"
        assert "Không đủ chỗ trống" in result.second_problem.render("vi")
        assert _files(stick) == []
    _desk_still_works(desk)


def test_a_full_data_disk_gives_a_clear_message_leaves_no_scratch_and_the_desk_works_on(desk, tmp_path, monkeypatch):
    folder = desk.backups.folder
    with small_disk(tmp_path, 4096, at=folder) as disk:
        if disk is not None:
            filler = fill(folder, leave=64 * 1024)
        else:
            monkeypatch.setattr(shutil, "disk_usage", lambda path: shutil._ntuple_diskusage(10, 10, 0))
        with pytest.raises(UserError) as caught:
            desk.backups.back_up()
        assert caught.value.code == "backup.disk_full"
        assert str(folder) in caught.value.render("vi")
        assert [n for n in _files(folder) if n != "filler.bin"] == []
        monkeypatch.undo()
        # the space check passes, then the disk fills up during the copy itself
        monkeypatch.setattr(backups_module, "_check_space", lambda folder, needed: None)
        if disk is None:
            def no_space(*args, **kwargs):
                raise OSError(errno.ENOSPC, "No space left on device")
            monkeypatch.setattr(backup_files, "seal_in_place", no_space)
        with pytest.raises(UserError) as caught:
            desk.backups.back_up()
        assert caught.value.code == "backup.disk_full"
        assert [n for n in _files(folder) if n != "filler.bin"] == []
        monkeypatch.undo()
        if disk is not None:
            filler.unlink()
        assert desk.backups.back_up().path.exists()  # space again: backups work
    _desk_still_works(desk)
    assert desk.audit.verify(full=True).sound


def test_a_read_only_backup_folder_is_said(desk, tmp_path, monkeypatch):
    folder = desk.backups.folder
    with small_disk(tmp_path, 1024, at=folder) as disk:
        if disk is not None:
            remount_read_only(disk)
        else:
            real_access = os.access
            monkeypatch.setattr(os, "access", lambda p, mode: False if str(p) == str(folder) else real_access(p, mode))
        with pytest.raises(UserError) as caught:
            desk.backups.back_up()
        assert caught.value.code == "backup.folder_read_only"
        monkeypatch.undo()
    _desk_still_works(desk)


def test_leftover_scratch_files_from_a_crash_are_cleared(desk):
    folder = desk.backups.folder
    folder.mkdir()
    leftover = folder / f".receptiondesk-{desk.backups.backup_key().desk[:8]}-x.rdbackup.part"
    leftover.write_bytes(b"SQLite format 3\0 plain leftovers")
    (folder / ".receptiondesk-0badcafe-y.rdbackup.part").write_bytes(b"another desk's copy in progress")
    result = desk.backups.back_up()
    assert _files(folder) == [".receptiondesk-0badcafe-y.rdbackup.part", result.path.name]

"""`receptiondesk backup`, `restore` and `check --full`: what they print in both languages, their exit codes, and
restores with the numbers given on the command line or with the recovery key alone."""

from __future__ import annotations

import json
import re
import struct

import pytest

from receptiondesk import paths
from receptiondesk.cli import RECOVERY_KEY_VARIABLE
from receptiondesk.services.backups import document_floor, package_floor
from tests.cli.helpers import assert_rendered, opened, service
from tests.services.helpers import UNIT, no_paper, visit


def _backup(run, data_dir) -> dict:
    result = run("--data-dir", data_dir, "backup", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def _visits(data_dir) -> int:
    return service(data_dir, lambda desk: desk.database.scalar("SELECT count(*) FROM visits"))


def test_backup_prints_the_file_its_counts_and_hash(run, desk_dir):
    result = run("--data-dir", desk_dir, "backup")
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[0].startswith(f"Đã sao lưu và kiểm tra: {desk_dir / 'backups'}/receptiondesk-")
    assert re.fullmatch(r"  \d+ lượt tiếp, \d+ đơn thư, \d+ vụ việc, \d+ kỳ tiếp, \d+ văn bản\.", lines[1])
    assert re.fullmatch(r"  SHA-256: [0-9a-f]{64}", lines[2])
    result = run("--data-dir", desk_dir, "--lang", "en", "backup")
    assert result.out.startswith("Backed up and verified: ") and " visits, " in result.out
    report = _backup(run, desk_dir)
    assert report["counts"]["visits"] == _visits(desk_dir)
    assert report["second_copy"] is None and report["second_problem"] is None
    assert len(list((desk_dir / "backups").glob("*.rdbackup"))) == 3


def test_a_missing_second_folder_is_said_on_stderr_and_the_backup_stands(run, desk_dir, tmp_path):
    service(desk_dir, lambda desk: desk.backups.update_settings(second_folder=str(tmp_path / "usb")))
    result = run("--data-dir", desk_dir, "backup")
    assert result.code == 0
    assert "Chưa sao được vào thư mục thứ hai" in result.err and str(tmp_path / "usb") in result.err
    assert len(list((desk_dir / "backups").glob("*.rdbackup"))) == 1


def test_restore_lists_the_backups_with_dates_and_counts(run, desk_dir):
    assert run("--data-dir", desk_dir, "restore").out.startswith("Không có bản sao lưu nào trong ")
    made = _backup(run, desk_dir)
    result = run("--data-dir", desk_dir, "restore", "--list")
    assert result.code == 0
    header, row, footer = result.out.splitlines()
    assert header.split()[:2] == ["Ngày", "Loại"]
    visits = made["counts"]["visits"]
    assert f"  {visits}/" in row and made["file"].rsplit("/", 1)[1] in row and "làm ngay" in row
    listed = json.loads(run("--data-dir", desk_dir, "restore", "--json").out)
    assert [(b["file"], b["kind"], b["counts"]["visits"]) for b in listed] == [(made["file"], "manual", visits)]


def test_restore_asks_for_yes_then_restores_and_raises_the_numbers(run, desk_dir):
    made = _backup(run, desk_dir)
    before = _visits(desk_dir)
    service(desk_dir, lambda desk: desk.intake.register_visit(visit(who=no_paper("Người Sau Sao Lưu"))))
    name = made["file"].rsplit("/", 1)[1]
    refused = run("--data-dir", desk_dir, "restore", name)
    assert refused.code == 3 and "--yes" in refused.err
    assert _visits(desk_dir) == before + 1  # nothing changed
    result = run("--data-dir", desk_dir, "restore", name, "--yes", "--last-logbook", "900", "--last-package", "44",
                 "--last-document", "UBND:TB=12", "--last-document", "ĐU:TB:2025=3")
    assert result.code == 0, result.err
    assert "Bắt đầu giai đoạn khôi phục số 1" in result.out
    assert "Tệp trước khi khôi phục đã được sao lưu" in result.out
    assert _visits(desk_dir) == before
    with opened(desk_dir) as desk:
        conn = desk.database.conn
        assert conn.execute("SELECT value FROM counters WHERE name = 'restore_epoch'").fetchone()[0] == 1
        year = desk.context.today().year
        assert conn.execute("SELECT last FROM number_counters WHERE scope = 'logbook' AND unit_code = ? AND year = ?",
                            (UNIT, year)).fetchone()[0] == 900
        assert package_floor(conn, UNIT) == 44
        assert document_floor(conn, "UBND", "TB", year) == 12 and document_floor(conn, "ĐU", "TB", 2025) == 3


def test_restore_json_reports_the_epoch_and_floors(run, desk_dir):
    made = _backup(run, desk_dir)
    result = run("--data-dir", desk_dir, "restore", made["file"], "--yes", "--json")
    lines = result.out.splitlines()
    report = json.loads("\n".join(lines[lines.index("{"):]))
    assert report["restore_epoch"] == 1 and report["before"].endswith("-before-restore.rdbackup")
    assert report["floors"]["sources"] >= 2


@pytest.mark.parametrize("spec", ["UBND=3", "UBND:TB=x", ":TB=2", "UBND:TB:20x6=1"])
def test_a_bad_document_option_is_refused_clearly(run, desk_dir, spec):
    made = _backup(run, desk_dir)
    result = run("--data-dir", desk_dir, "restore", made["file"], "--yes", "--last-document", spec)
    assert result.code == 3
    assert spec in result.err and "UBND:TB=12" in result.err
    assert_rendered(result.err)


def test_bad_backup_files_exit_3_with_a_message_and_change_nothing(run, desk_dir, tmp_path, write_file):
    made = _backup(run, desk_dir)
    before = _visits(desk_dir)
    blob = open(made["file"], "rb").read()
    newer = bytearray(blob)
    struct.pack_into(">H", newer, 8, 7)
    cases = {
        "backup.not_ours": write_file("notes.rdbackup", "not a backup at all"),
        "backup.truncated": write_file("cut.rdbackup", blob[:len(blob) // 3]),
        "backup.newer_version": write_file("newer.rdbackup", bytes(newer)),
    }
    messages = {"backup.not_ours": "không phải là bản sao lưu", "backup.truncated": "thiếu phần cuối",
                "backup.newer_version": "phiên bản ReceptionDesk mới hơn"}
    for code, path in cases.items():
        result = run("--data-dir", desk_dir, "restore", path, "--yes")
        assert result.code == 3 and messages[code] in result.err, (code, result.err)
        assert_rendered(result.err)
        result = run("--data-dir", desk_dir, "--lang", "en", "restore", path, "--yes")
        assert result.code == 3 and "nothing was changed" in result.err
    assert _visits(desk_dir) == before
    assert len(list((desk_dir / "backups").glob("*.rdbackup"))) == 1


def test_a_backup_of_another_desk_is_refused(run, desk_dir, empty_dir):
    foreign = _backup(run, empty_dir)
    result = run("--data-dir", desk_dir, "restore", foreign["file"], "--yes")
    assert result.code == 3 and "bàn tiếp dân khác" in result.err


def test_the_recovery_key_restores_a_damaged_desk_without_signing_in(run, tmp_path, monkeypatch):
    data_dir = tmp_path / "desk"
    init = run("--data-dir", data_dir, "init", "--commune", "00004")
    recovery_key = init.out.splitlines()[1].rsplit(" ", 1)[1]
    service(data_dir, lambda desk: desk.intake.register_visit(visit(who=no_paper("Người Được Giữ"))))
    made = _backup(run, data_dir)
    (data_dir / paths.DATABASE_FILE).write_bytes(b"\0" * 8192)
    broken = run("--data-dir", data_dir, "visits")
    assert broken.code == 3 and "bị hỏng" in broken.err
    monkeypatch.delenv("RECEPTIONDESK_PASSWORD")
    listed = run("--data-dir", data_dir, "restore", "--recovery-key", recovery_key, "--list")
    assert listed.code == 0 and made["file"].rsplit("/", 1)[1] in listed.out
    wrong = run("--data-dir", data_dir, "restore", made["file"], "--yes", "--recovery-key",
                "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    assert wrong.code == 3 and "mã khôi phục không đúng" in wrong.err
    monkeypatch.setenv(RECOVERY_KEY_VARIABLE, recovery_key)
    result = run("--data-dir", data_dir, "restore", made["file"], "--yes", "--last-letter", "5")
    assert result.code == 0, result.err
    assert "được giữ nguyên tại" in result.out
    assert list((data_dir / "set-aside").glob("*.sqlite3"))
    monkeypatch.setenv("RECEPTIONDESK_PASSWORD", "mật khẩu 2026")
    assert _visits(data_dir) == 1


def test_check_full_reads_the_backups(run, desk_dir):
    result = run("--data-dir", desk_dir, "check", "--full")
    assert result.code == 1 and result.out.startswith("Chưa có bản sao lưu nào dùng được trong ")
    made = _backup(run, desk_dir)
    assert run("--data-dir", desk_dir, "check").code == 0  # without --full the backups are not read
    result = run("--data-dir", desk_dir, "check", "--full")
    assert (result.code, result.out) == (0, "Dữ liệu toàn vẹn: không phát hiện vấn đề.\n")
    blob = bytearray(open(made["file"], "rb").read())
    blob[5000] ^= 1
    open(made["file"], "wb").write(bytes(blob))
    result = run("--data-dir", desk_dir, "--lang", "en", "check", "--full")
    assert result.code == 1
    assert f"The backup {made['file']} cannot be used: " in result.out
    report = json.loads(run("--data-dir", desk_dir, "check", "--full", "--json").out)
    assert [p["code"] for p in report["problems"]] == ["check.backup_unreadable", "check.no_backup"]


def test_only_an_administrator_restores(run, desk_dir, monkeypatch):
    made = _backup(run, desk_dir)
    service(desk_dir, lambda desk: desk.accounts.add_user(desk.context.session, "xem", "Người Xem", "viewer",
                                                          "mật khẩu xem 1"))
    monkeypatch.setenv("RECEPTIONDESK_USER", "xem")
    monkeypatch.setenv("RECEPTIONDESK_PASSWORD", "mật khẩu xem 1")
    result = run("--data-dir", desk_dir, "restore", made["file"], "--yes")
    assert result.code == 3
    assert_rendered(result.err)

"""Exit codes: 2 for a wrong command line, 3 for refusals (no desk, locked file...), 70 for an unexpected error."""

from __future__ import annotations

import pytest

from receptiondesk import cli, paths
from receptiondesk.services.desk import Desk
from tests.cli.helpers import assert_rendered, opened


@pytest.mark.parametrize("arguments", [
    ("visits", "--bogus"),
    ("frobnicate",),
    ("visits", "--sort", "random"),
    ("visits", "--from", "03/10/2026"),
    ("visits", "--year", "two thousand"),
    ("visits", "--delegation", "maybe"),
    ("cases", "--status", "lost"),
    ("--lang", "fr", "visits"),
    ("init",),
    ("import",),
    ("export",),
    ("search",),
    ("visits", "--limit", "ten"),
], ids=lambda a: " ".join(a))
def test_a_wrong_command_line_exits_2(run, desk_dir, arguments):
    result = run("--data-dir", desk_dir, *arguments)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("usage: receptiondesk")
    assert "receptiondesk" in result.err.splitlines()[-1]


def test_help_exits_0_and_lists_the_commands(run):
    result = run("--help")
    assert result.code == 0
    for command in cli.COMMANDS:
        assert command in result.out


@pytest.mark.parametrize("arguments", [
    ("visits",), ("search", "duc"), ("letters",), ("cases", "--overdue"), ("sessions",), ("assignments",),
    ("check",), ("export", "out.jsonl"), ("import", "in.jsonl"),
], ids=lambda a: a[0])
def test_a_data_directory_that_does_not_exist_is_refused_and_not_created(run, tmp_path, arguments):
    data_dir = tmp_path / "nowhere" / "desk"
    result = run("--data-dir", data_dir, *arguments)
    assert (result.code, result.out) == (3, "")
    assert result.err == (f"Thư mục {data_dir} chưa có dữ liệu bàn tiếp công dân; hãy chạy “receptiondesk init” "
                          f"trước hoặc chọn đúng thư mục bằng --data-dir.\n")
    assert not (tmp_path / "nowhere").exists()
    english = run("--data-dir", data_dir, "--lang", "en", *arguments)
    assert (english.code, english.err) == \
        (3, f"There is no desk in {data_dir}; run “receptiondesk init” first or pass the right --data-dir.\n")
    assert not (tmp_path / "nowhere").exists()


def test_a_folder_without_a_desk_is_refused_and_left_empty(run, tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    result = run("--data-dir", folder, "visits")
    assert result.code == 3
    assert "receptiondesk init" in result.err
    assert not (folder / paths.DATABASE_FILE).exists()


def test_a_desk_not_set_up_is_refused(run, tmp_path):
    data_dir = tmp_path / "blank"
    Desk.open(data_dir / paths.DATABASE_FILE).close()
    result = run("--data-dir", data_dir, "visits")
    assert (result.code, result.err) == (3, "bàn tiếp công dân chưa được thiết lập: hãy chọn đơn vị trước.\n")
    english = run("--data-dir", data_dir, "--lang", "en", "export", tmp_path / "out.jsonl")
    assert (english.code, english.err) == (3, "the desk is not set up yet: choose its unit first.\n")
    assert not (tmp_path / "out.jsonl").exists()


def test_a_desk_open_elsewhere_is_refused(run, desk_dir):
    with opened(desk_dir):
        result = run("--data-dir", desk_dir, "visits")
        english = run("--data-dir", desk_dir, "--lang", "en", "check")
    database = desk_dir / paths.DATABASE_FILE
    assert (result.code, result.out) == (3, "")
    assert result.err == (f"Tệp dữ liệu {database} đang được mở bởi một cửa sổ ReceptionDesk khác. "
                          "Hãy dùng cửa sổ đó hoặc đóng nó trước.\n")
    assert (english.code, english.err) == \
        (3, f"The data file {database} is open in another ReceptionDesk window. Use that one or close it first.\n")


def test_a_file_that_is_not_a_desk_is_refused(run, tmp_path):
    data_dir = tmp_path / "d"
    data_dir.mkdir()
    (data_dir / paths.DATABASE_FILE).write_bytes(b"not a database at all" * 100)
    result = run("--data-dir", data_dir, "--lang", "en", "visits")
    assert result.code == 3
    assert result.err.endswith("is not a ReceptionDesk data file, or it is damaged; it was left untouched.\n")
    assert (data_dir / paths.DATABASE_FILE).read_bytes() == b"not a database at all" * 100


def test_a_page_too_large_is_refused(run, desk_dir):
    result = run("--data-dir", desk_dir, "--lang", "en", "visits", "--limit", "5000")
    assert (result.code, result.err) == (3, "a page holds at most 1000 rows.\n")


def test_an_unexpected_error_exits_70_and_is_logged(run, desk_dir, monkeypatch):
    def broken(desk, args):
        raise RuntimeError("simulated failure in the visits command")

    monkeypatch.setitem(cli.HANDLERS, "visits", broken)
    result = run("--data-dir", desk_dir, "visits")
    assert (result.code, result.out) == (70, "")
    assert result.err == ("Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng. "
                          f"Chi tiết được ghi tại: {desk_dir / 'logs'}\n")
    english = run("--data-dir", desk_dir, "--lang", "en", "visits")
    assert english.err.startswith("An unexpected error occurred. Saved data is not affected.")
    log = (desk_dir / "logs" / "receptiondesk.log").read_text(encoding="utf-8")
    assert "unexpected error in command visits" in log
    assert "RuntimeError: simulated failure in the visits command" in log


def test_refusals_are_rendered_without_placeholders(run, tmp_path, desk_dir):
    for lang in ("vi", "en"):
        for arguments in (("visits",), ("import", tmp_path / "missing.jsonl")):
            result = run("--data-dir", desk_dir if arguments[0] == "import" else tmp_path / "x", "--lang", lang,
                         *arguments)
            assert result.code == 3
            assert_rendered(result.err)

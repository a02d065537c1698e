"""`receptiondesk check`: exit 0 on a sound file, exit 1 naming each problem of a damaged one."""

from __future__ import annotations

import json


from receptiondesk.services.integrity import check_database
from tests.cli.helpers import assert_rendered, damage, opened
from tests.interchange.sample import copy_desk
from tests.services.helpers import no_paper, visit

VISIT_ID = "(SELECT id FROM visits WHERE uuid = ?)"


def test_a_sound_file_passes(run, desk_dir):
    result = run("--data-dir", desk_dir, "check")
    assert (result.code, result.out, result.err) == (0, "Dữ liệu toàn vẹn: không phát hiện vấn đề.\n", "")
    result = run("--data-dir", desk_dir, "--lang", "en", "check")
    assert (result.code, result.out) == (0, "The data is sound: no problem found.\n")
    result = run("--data-dir", desk_dir, "check", "--json")
    report = json.loads(result.out)
    assert (result.code, report["ok"], report["problems"]) == (0, True, [])


def test_a_desk_filled_by_an_import_passes(run, empty_dir, templates):
    assert run("--data-dir", empty_dir, "import", templates.exported).code == 0
    assert run("--data-dir", empty_dir, "check").code == 0


def test_a_visit_missing_from_the_search_index_is_found(run, desk_dir, sample):
    damage(desk_dir, (f"DELETE FROM visit_search WHERE rowid = {VISIT_ID}", (sample.visit_mixed,)))
    result = run("--data-dir", desk_dir, "check")
    assert result.code == 1
    assert result.out == "1 bản ghi visits không có trong chỉ mục tìm kiếm.\n"
    result = run("--data-dir", desk_dir, "--lang", "en", "check")
    assert (result.code, result.out) == (1, "1 visits records are missing from the search index.\n")
    result = run("--data-dir", desk_dir, "check", "--json")
    assert result.code == 1
    assert {k: v for k, v in json.loads(result.out).items() if k != "audit_head"} == {"ok": False, "problems": [
        {"code": "check.search_missing", "params": {"table": "visits", "count": 1}}]}


def test_a_case_missing_from_the_search_index_is_found(run, desk_dir, sample):
    damage(desk_dir, ("DELETE FROM case_search WHERE rowid = (SELECT id FROM cases WHERE uuid = ?)",
                      (sample.case_letter,)))
    result = run("--data-dir", desk_dir, "check", "--json")
    assert result.code == 1
    assert json.loads(result.out)["problems"] == [
        {"code": "check.search_missing", "params": {"table": "cases", "count": 1}}]


def test_a_visit_without_its_case_link_is_found(run, desk_dir, sample):
    damage(desk_dir, (f"DELETE FROM visit_cases WHERE visit_id = {VISIT_ID}", (sample.visit_online,)))
    result = run("--data-dir", desk_dir, "check")
    assert (result.code, result.out) == (1, "1 lượt tiếp không gắn với vụ việc nào.\n")
    result = run("--data-dir", desk_dir, "--lang", "en", "check")
    assert (result.code, result.out) == (1, "1 visits belong to no case.\n")


def test_a_logbook_counter_behind_its_numbers_is_found(run, desk_dir):
    damage(desk_dir, ("UPDATE number_counters SET last = 3 WHERE scope = 'logbook'", ()))
    result = run("--data-dir", desk_dir, "check")
    assert result.code == 1
    assert result.out == "Bộ đếm số logbook của đơn vị 00004 năm 2026 thấp hơn số đã dùng (7).\n"
    assert json.loads(run("--data-dir", desk_dir, "check", "--json").out)["problems"] == [
        {"code": "check.counter_behind", "params": {"scope": "logbook", "unit": "00004", "year": 2026,
                                                   "highest": 7}}]


def test_change_numbers_ahead_of_the_counter_are_found(run, desk_dir):
    damage(desk_dir, ("UPDATE counters SET value = 1 WHERE name = 'change_seq'", ()))
    result = run("--data-dir", desk_dir, "--lang", "en", "check")
    assert result.code == 1
    assert "Change numbers in visits are ahead of the counter." in result.out.splitlines()


def test_several_problems_are_each_named(run, desk_dir, sample):
    damage(desk_dir,
           (f"DELETE FROM visit_search WHERE rowid = {VISIT_ID}", (sample.visit_first,)),
           (f"DELETE FROM visit_cases WHERE visit_id = {VISIT_ID}", (sample.visit_online,)))
    result = run("--data-dir", desk_dir, "check", "--json")
    assert result.code == 1
    assert [p["code"] for p in json.loads(result.out)["problems"]] == ["check.search_missing",
                                                                        "check.visit_without_case"]
    assert len(run("--data-dir", desk_dir, "check").out.splitlines()) == 2


def test_broken_links_are_found(run, desk_dir):
    damage(desk_dir, ("DELETE FROM citizens WHERE full_name = ?", ("Vũ Thị Lan",)))
    result = run("--data-dir", desk_dir, "check", "--json")
    assert result.code == 1
    assert json.loads(result.out)["problems"] == [
        {"code": "check.broken_links", "params": {"count": 2, "tables": ["cases", "visits"]}}]
    assert_rendered(run("--data-dir", desk_dir, "check").out)


def test_broken_links_name_their_tables_as_plain_text(run, desk_dir):
    damage(desk_dir, ("DELETE FROM citizens WHERE full_name = ?", ("Vũ Thị Lan",)))
    result = run("--data-dir", desk_dir, "check")
    assert result.out == "2 liên kết hỏng trong các bảng: cases, visits.\n"


def test_checking_leaves_no_transaction_open(templates, tmp_path):
    data_dir = tmp_path / "desk"
    copy_desk(templates.filled, data_dir / "receptiondesk.sqlite3")
    with opened(data_dir) as desk:
        assert check_database(desk.context) == []
        desk.intake.register_visit(visit(when="2026-03-10", who=no_paper("Khách Sau Kiểm Tra")))
        saved = desk.database.scalar("SELECT count(*) FROM visits")
    with opened(data_dir) as desk:
        assert desk.database.scalar("SELECT count(*) FROM visits") == saved

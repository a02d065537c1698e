"""`receptiondesk export` and `import`: round trips, dry runs, reports, and refused files."""

from __future__ import annotations

import json

from receptiondesk import paths
from tests.cli.helpers import assert_rendered
from tests.interchange.edits import edit, find, lines_of
from tests.interchange.sample import fingerprint

COUNTS = {"field": 9, "signer": 1, "citizen": 6, "case": 9, "session": 1, "visit": 7, "letter": 2, "assignment": 3,
          "attachment": 1}


def _database(data_dir):
    return data_dir / paths.DATABASE_FILE


def test_export_writes_the_desk_and_says_so(run, desk_dir, templates, tmp_path):
    out = tmp_path / "export.jsonl"
    result = run("--data-dir", desk_dir, "export", out)
    assert (result.code, result.err) == (0, "")
    assert result.out == f"Đã xuất 39 bản ghi ra {out}.\n"
    assert out.read_bytes() == templates.exported.read_bytes()
    result = run("--data-dir", desk_dir, "--lang", "en", "export", out)
    assert result.out == f"Exported 39 records to {out}.\n"


def test_export_json_gives_the_counts(run, desk_dir, tmp_path):
    out = tmp_path / "export.jsonl"
    result = run("--data-dir", desk_dir, "export", out, "--json")
    assert result.code == 0
    assert json.loads(result.out) == {"file": str(out), "records": COUNTS}


def test_export_import_export_round_trip(run, desk_dir, empty_dir, tmp_path):
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    assert run("--data-dir", desk_dir, "export", first).code == 0

    result = run("--data-dir", empty_dir, "import", first)

    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[0] == "Đã nhập: 30 mới, 0 cập nhật, 9 không đổi, 0 bị từ chối."
    assert "  visit: new=7" in lines and "  field: unchanged=9" in lines and "  attachment: new=1" in lines
    assert run("--data-dir", empty_dir, "export", second).code == 0
    assert second.read_bytes() == first.read_bytes()
    in_logbook_order = ("visits", "--include-voided", "--sort", "logbook", "--json")
    visits = json.loads(run("--data-dir", empty_dir, *in_logbook_order).out)
    originals = json.loads(run("--data-dir", desk_dir, *in_logbook_order).out)
    assert [(v["uuid"], v["logbook_no"]) for v in visits] == [(v["uuid"], v["logbook_no"]) for v in originals]


def test_a_second_import_reports_everything_unchanged(run, empty_dir, templates):
    assert run("--data-dir", empty_dir, "import", templates.exported).code == 0
    result = run("--data-dir", empty_dir, "--lang", "en", "import", templates.exported)
    assert result.code == 0
    assert result.out.splitlines()[0] == "Imported: 0 new, 0 updated, 39 unchanged, 0 rejected."


def test_import_json_is_the_report(run, empty_dir, templates):
    result = run("--data-dir", empty_dir, "import", templates.exported, "--json")
    assert result.code == 0
    report = json.loads(result.out)
    assert report == {
        "dry_run": False,
        "totals": {"new": 30, "updated": 0, "unchanged": 9, "rejected": 0},
        "by_entity": {name: ({"unchanged": 9} if name == "field" else {"new": n}) for name, n in COUNTS.items()},
        "rejections": [],
    }


def test_a_dry_run_counts_and_changes_nothing(run, empty_dir, templates):
    before = fingerprint(_database(empty_dir))
    result = run("--data-dir", empty_dir, "import", "--dry-run", templates.exported)
    assert result.code == 0
    assert result.out.splitlines()[0] == \
        "Chạy thử (không thay đổi dữ liệu): 30 mới, 0 cập nhật, 9 không đổi, 0 bị từ chối."
    assert fingerprint(_database(empty_dir)) == before
    english = run("--data-dir", empty_dir, "--lang", "en", "import", templates.exported, "--dry-run", "--json")
    assert json.loads(english.out)["dry_run"] is True
    assert fingerprint(_database(empty_dir)) == before
    assert json.loads(run("--data-dir", empty_dir, "visits", "--json").out) == []


def test_an_older_record_is_reported_with_its_line(run, empty_dir, templates, sample, write_file):
    text = templates.exported.read_text(encoding="utf-8")
    newer, line = edit(text, "visit", lambda r: r.update(summary="Bản mới", version=r["version"] + 1),
                       uuid=sample.visit_mixed)
    assert run("--data-dir", empty_dir, "import", write_file("newer.jsonl", newer)).code == 0

    result = run("--data-dir", empty_dir, "import", templates.exported)

    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == "Đã nhập: 0 mới, 0 cập nhật, 38 không đổi, 1 bị từ chối."
    assert "  visit: unchanged=6, rejected=1" in lines or "  visit: rejected=1, unchanged=6" in lines
    assert f"  Dòng {line}, “version”: bản ghi {sample.visit_mixed} cũ hơn bản đang có; giữ bản đang có." in lines
    english = run("--data-dir", empty_dir, "--lang", "en", "import", templates.exported).out
    assert f"  Line {line}, “version”: record {sample.visit_mixed} is older than the one held; the held one is kept." \
        in english.splitlines()


def test_a_bad_file_is_refused_with_its_line_and_key(run, desk_dir, templates, write_file):
    text, line = edit(templates.exported.read_text(encoding="utf-8"), "case",
                      lambda r: r.update(content_type="lawsuit"))
    path = write_file("bad.jsonl", text)
    before = fingerprint(_database(desk_dir))

    result = run("--data-dir", desk_dir, "import", path)

    assert (result.code, result.out) == (3, "")
    assert result.err.startswith(f"Dòng {line}, “content_type”: giá trị “lawsuit” không hợp lệ")
    english = run("--data-dir", desk_dir, "--lang", "en", "import", path)
    assert english.code == 3
    assert english.err.startswith(f"Line {line}, “content_type”: “lawsuit” is not allowed")
    assert_rendered(result.err)
    assert_rendered(english.err)
    assert fingerprint(_database(desk_dir)) == before


def test_a_dangling_reference_is_refused_by_a_dry_run_too(run, empty_dir, templates, write_file):
    text, line = edit(templates.exported.read_text(encoding="utf-8"), "letter",
                      lambda r: r.update(case="00000000-0000-4000-8000-000000000000"))
    before = fingerprint(_database(empty_dir))
    result = run("--data-dir", empty_dir, "--lang", "en", "import", "--dry-run", write_file("bad.jsonl", text))
    assert result.code == 3
    assert f"Line {line}, “case”: refers to a record neither in the file nor in the desk" in result.err
    assert fingerprint(_database(empty_dir)) == before


def test_a_truncated_file_is_refused(run, empty_dir, templates, write_file):
    lines = lines_of(templates.exported.read_text(encoding="utf-8"))
    path = write_file("cut.jsonl", "\n".join(lines[:20]) + "\n")
    before = fingerprint(_database(empty_dir))
    result = run("--data-dir", empty_dir, "import", path)
    assert result.code == 3
    assert result.err == f"Tệp {path} bị cắt cụt (thiếu dòng kết thúc sau 19 bản ghi); dữ liệu không thay đổi.\n"
    assert fingerprint(_database(empty_dir)) == before


def test_another_format_is_refused(run, empty_dir, write_file):
    path = write_file("visits.csv", "uuid,full_name\n1,Nguyễn Văn Đức\n")
    result = run("--data-dir", empty_dir, "--lang", "en", "import", path)
    assert (result.code, result.err) == (3, f"{path} is not a ReceptionDesk interchange file; nothing was changed.\n")


def test_a_newer_format_is_refused(run, empty_dir, templates, write_file):
    text = templates.exported.read_text(encoding="utf-8").replace('"version":1,', '"version":7,', 1)
    result = run("--data-dir", empty_dir, "import", write_file("newer.jsonl", text))
    assert result.code == 3
    assert "phiên bản 7" in result.err and "Hãy cập nhật chương trình" in result.err


def test_a_missing_file_is_refused(run, empty_dir, tmp_path):
    result = run("--data-dir", empty_dir, "import", tmp_path / "nothing.jsonl")
    assert (result.code, result.err) == (3, f"Không tìm thấy tệp {tmp_path / 'nothing.jsonl'}.\n")


def test_a_folder_given_as_the_file_is_refused(run, empty_dir, tmp_path):
    result = run("--data-dir", empty_dir, "--lang", "en", "import", tmp_path)
    assert result.code == 3
    assert result.err.startswith(f"Cannot read the file {tmp_path} (")
    assert_rendered(result.err)


def test_export_into_a_missing_folder_is_refused(run, desk_dir, tmp_path):
    target = tmp_path / "no-folder" / "export.jsonl"
    result = run("--data-dir", desk_dir, "--lang", "en", "export", target)
    assert result.code == 3
    assert result.err.startswith(f"Cannot write the file {target} (")
    assert not target.parent.exists()


def test_voids_travel_through_the_command_line(run, desk_dir, empty_dir, sample, tmp_path):
    out = tmp_path / "export.jsonl"
    run("--data-dir", desk_dir, "export", out)
    run("--data-dir", empty_dir, "import", out)
    listed = {v["uuid"] for v in json.loads(run("--data-dir", empty_dir, "visits", "--json").out)}
    everything = {v["uuid"] for v in json.loads(run("--data-dir", empty_dir, "visits", "--include-voided",
                                                    "--json").out)}
    assert sample.visit_voided not in listed and everything - listed == {sample.visit_voided}
    _, record = find(out.read_text(encoding="utf-8"), "visit", uuid=sample.visit_voided)
    assert record["voided"] is True

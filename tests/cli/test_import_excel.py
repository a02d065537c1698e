"""`receptiondesk import-excel`: the row report (text or JSON), a dry run that writes nothing, the import, the
same workbook again adding nothing, a corrected column mapping, and clear refusals."""

from __future__ import annotations

import json

import openpyxl

from tests.cli.helpers import service
from tests.interchange.test_excel_logbook import form_book  # noqa: F401 - a fixture


def _visits_2024(desk) -> int:
    return desk.database.scalar("SELECT count(*) FROM visits WHERE year = 2024")


def test_dry_run_then_import_then_nothing_new(run, empty_dir, form_book):  # noqa: F811
    dry = run("--data-dir", empty_dir, "import-excel", form_book, "--dry-run")
    assert dry.code == 0, dry.err
    assert "Trang “Sổ 2024”: " in dry.out and "1 dòng bỏ qua" in dry.out and "Dòng 14 [bỏ qua]" in dry.out
    assert service(empty_dir, _visits_2024) == 0
    done = run("--data-dir", empty_dir, "import-excel", form_book)
    assert done.code == 0, done.err
    assert service(empty_dir, _visits_2024) == 5
    again = run("--data-dir", empty_dir, "import-excel", form_book, "--json")
    assert again.code == 0
    report = json.loads(again.out)
    assert report["counts"]["already"] == 5 and "không có dòng mới để nhập" in again.err
    assert service(empty_dir, _visits_2024) == 5


def test_a_mapping_file_corrects_the_columns(run, empty_dir, tmp_path, write_file):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Số", "Ngày", "Người đến", "Việc", "Loại"])
    ws.append([1, "03/02/2025", "Mai Văn Sơn, thôn 3", "Kiến nghị sửa đường", "KNg"])
    path = tmp_path / "so-rieng.xlsx"
    wb.save(path)
    guessed = run("--data-dir", empty_dir, "import-excel", path, "--dry-run")
    assert guessed.code != 0 and "không giống sổ tiếp công dân" in guessed.err
    mapping = write_file("ghep-cot.json", json.dumps({"Số": "logbook_no", "Ngày": "visit_date",
                                                      "Người đến": "name_address", "Việc": "summary",
                                                      "Loại": "content_type"}, ensure_ascii=False))
    done = run("--data-dir", empty_dir, "import-excel", path, "--mapping", mapping)
    assert done.code == 0, done.err
    assert service(empty_dir, lambda desk: desk.database.scalar(
        "SELECT full_name FROM visits WHERE year = 2025")) == "Mai Văn Sơn"
    bad = run("--data-dir", empty_dir, "import-excel", path, "--mapping", write_file("hong.json", "{không"))
    assert bad.code != 0 and "không đọc được tệp ghép cột" in bad.err


def test_files_that_cannot_be_read_are_refused_clearly(run, empty_dir, tmp_path):
    old = tmp_path / "so-cu.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = run("--data-dir", empty_dir, "import-excel", old)
    assert result.code == 3 and "Traceback" not in result.err and "so-cu.xls" in result.err

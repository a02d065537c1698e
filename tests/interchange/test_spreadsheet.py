"""The spreadsheet writers, read back with openpyxl and the csv module: types kept, formula-like text kept as text,
sheets split at the row limit, widths from a sample, progress and cancel, and clear errors for unwritable files."""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from receptiondesk.errors import UserError
from receptiondesk.interchange import spreadsheet
from receptiondesk.interchange.spreadsheet import (
    MAX_TITLE_LENGTH,
    SheetData,
    sheet_title,
    write_csv,
    write_csv_tables,
    write_xlsx,
)
from receptiondesk.messages import CATALOGUE
from receptiondesk.messages import spreadsheets as spreadsheet_messages

HEADER = ("Số", "Ngày tiếp", "Họ và tên", "Số CCCD", "Tỷ lệ", "Ghi chú")
ROWS = [
    (1, date(2026, 3, 10), "Nguyễn Văn Đức", "001085012345", 0.5, None),
    (2, date(2025, 12, 31), "Trần Thị Ánh", "", 1.25, "Đã hủy bỏ: nhập trùng"),
    (3, datetime(2026, 3, 10, 9, 30), "Lê Văn Bình", "012345678", 2.0, "dòng một\ndòng hai"),
]
FORMULA_LIKE = ["=SUM(A1:A3)", "+84912345678", "-5 ngày", "@lệnh", "=HYPERLINK(\"http://x\",\"y\")"]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def _xml_parts(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml"))


# -- XLSX -------------------------------------------------------------------------------------------------------

def test_xlsx_keeps_numbers_dates_and_text_under_a_frozen_bold_header(tmp_path):
    path = tmp_path / "danh sách.xlsx"
    assert write_xlsx(path, [SheetData("Sổ tiếp công dân", HEADER, iter(ROWS))]) == 3
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Sổ tiếp công dân"
    assert [c.value for c in sheet[1]] == list(HEADER)
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:F4"
    first = [c.value for c in sheet[2]]
    assert first == [1, datetime(2026, 3, 10), "Nguyễn Văn Đức", "001085012345", 0.5, None]
    assert sheet["A2"].data_type == "n" and isinstance(sheet["A2"].value, int)
    assert sheet["B2"].is_date and sheet["B2"].number_format == "dd/mm/yyyy"
    assert sheet["B3"].value == datetime(2025, 12, 31)
    assert sheet["B4"].value == datetime(2026, 3, 10, 9, 30) and sheet["B4"].number_format == "dd/mm/yyyy hh:mm"
    assert sheet["D2"].data_type == "s"  # an ID number keeps its leading zeros: text, never a number
    assert sheet["D3"].value is None  # an empty string is an empty cell
    assert sheet["F4"].value == "dòng một\ndòng hai"
    assert sheet.max_row == 4


def test_formula_like_strings_stay_text_in_xlsx(tmp_path):
    path = tmp_path / "f.xlsx"
    write_xlsx(path, [SheetData("Công thức", ("Nội dung",), [(text,) for text in FORMULA_LIKE])])
    sheet = openpyxl.load_workbook(path).active
    assert [sheet.cell(row, 1).value for row in range(2, len(FORMULA_LIKE) + 2)] == FORMULA_LIKE
    assert {sheet.cell(row, 1).data_type for row in range(2, len(FORMULA_LIKE) + 2)} == {"s"}
    assert "<f>" not in _xml_parts(path) and "<f " not in _xml_parts(path)


def test_a_sheet_past_the_row_limit_continues_on_numbered_sheets_with_the_header(tmp_path, monkeypatch):
    monkeypatch.setattr(spreadsheet, "MAX_DATA_ROWS", 5)
    path = tmp_path / "dai.xlsx"
    rows = ((n, f"Dòng {n}") for n in range(1, 13))
    assert write_xlsx(path, [SheetData("Vụ việc", ("Số", "Nội dung"), rows),
                             SheetData("Kỳ tiếp", ("Số",), [(1,)])]) == 13
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Vụ việc", "Vụ việc (2)", "Vụ việc (3)", "Kỳ tiếp"]
    numbers = []
    for name, expected in (("Vụ việc", 5), ("Vụ việc (2)", 5), ("Vụ việc (3)", 2)):
        sheet = book[name]
        assert [c.value for c in sheet[1]] == ["Số", "Nội dung"]
        assert sheet.max_row == expected + 1
        assert sheet.auto_filter.ref == f"A1:B{expected + 1}"
        assert sheet.freeze_panes == "A2"
        numbers += [sheet.cell(row, 1).value for row in range(2, expected + 2)]
    assert numbers == list(range(1, 13))
    assert book["Kỳ tiếp"].max_row == 2


def test_exactly_the_limit_makes_no_empty_continuation(tmp_path, monkeypatch):
    monkeypatch.setattr(spreadsheet, "MAX_DATA_ROWS", 5)
    path = tmp_path / "vua.xlsx"
    write_xlsx(path, [SheetData("Đủ", ("Số",), [(n,) for n in range(5)])])
    assert openpyxl.load_workbook(path).sheetnames == ["Đủ"]


def test_sheet_titles_are_what_excel_accepts():
    assert sheet_title("Báo cáo: [quý I]/2026?*\\") == "Báo cáo- -quý I--2026---"
    assert sheet_title("'Sổ'") == "Sổ"
    assert sheet_title("   ") == spreadsheet.DEFAULT_TITLE
    long = "Danh sách vụ việc đang giải quyết quá hạn của xã"
    assert len(sheet_title(long)) == MAX_TITLE_LENGTH
    continued = sheet_title(long, " (12)")
    assert len(continued) <= MAX_TITLE_LENGTH and continued.endswith(" (12)")
    assert continued.startswith("Danh sách vụ việc")


def test_repeated_titles_get_sheets_of_their_own(tmp_path):
    path = tmp_path / "trung.xlsx"
    write_xlsx(path, [SheetData("Bảng", ("A",), [(1,)]), SheetData("bảng", ("A",), [(2,)])])
    assert openpyxl.load_workbook(path).sheetnames == ["Bảng", "bảng (2)"]


def test_widths_come_from_the_header_and_the_first_rows_only(tmp_path, monkeypatch):
    monkeypatch.setattr(spreadsheet, "WIDTH_SAMPLE", 3)
    path = tmp_path / "rong.xlsx"
    rows = [("ngắn", 1)] * 3 + [("rất dài " * 20, 2)]
    write_xlsx(path, [SheetData("Độ rộng", ("Nội dung", "Số"), rows)])
    sheet = openpyxl.load_workbook(path).active
    narrow = sheet.column_dimensions["A"].width
    assert narrow < 15  # the long text after the sample does not widen the column
    path2 = tmp_path / "rong2.xlsx"
    write_xlsx(path2, [SheetData("Độ rộng", ("Nội dung", "Số"), [("rất dài " * 20, 2)] + rows[:2])])
    wide = openpyxl.load_workbook(path2).active.column_dimensions["A"].width
    assert spreadsheet.MAX_WIDTH <= wide < spreadsheet.MAX_WIDTH + 1  # capped, however long the text


def test_rows_are_streamed_not_collected(tmp_path, monkeypatch):
    monkeypatch.setattr(spreadsheet, "WIDTH_SAMPLE", 3)
    monkeypatch.setattr(spreadsheet, "STEP", 5)
    pulled = {"n": 0}
    ahead: list[int] = []

    def rows():
        for n in range(23):
            pulled["n"] += 1
            yield (n, f"dòng {n}")

    def progress(written: int) -> None:
        ahead.append(pulled["n"] - written)

    assert write_xlsx(tmp_path / "luong.xlsx", [SheetData("Luồng", ("Số", "Chữ"), rows())], progress=progress) == 23
    assert ahead and max(ahead) <= 1  # never more than the row being written is held


def test_progress_is_reported_and_cancel_leaves_no_file(tmp_path, monkeypatch):
    monkeypatch.setattr(spreadsheet, "STEP", 10)
    path = tmp_path / "huy.xlsx"
    path.write_bytes(b"the older export")
    seen: list[int] = []
    with pytest.raises(UserError) as caught:
        write_xlsx(path, [SheetData("Hủy", ("Số",), ((n,) for n in range(100)))],
                   progress=seen.append, cancelled=lambda: len(seen) >= 3)
    assert caught.value.code == "spreadsheet.cancelled"
    assert "huy.xlsx" in caught.value.render("vi")
    assert seen == [10, 20, 30]
    assert path.read_bytes() == b"the older export"  # an earlier file of that name stays whole
    assert _leftovers(tmp_path) == []
    seen.clear()
    assert write_xlsx(path, [SheetData("Đủ", ("Số",), ((n,) for n in range(25)))], progress=seen.append) == 25
    assert seen == [10, 20, 25]


def test_a_failing_row_source_leaves_no_file(tmp_path):
    def rows():
        yield (1,)
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        write_xlsx(tmp_path / "loi.xlsx", [SheetData("Lỗi", ("Số",), rows())])
    assert list(tmp_path.iterdir()) == []


def test_the_new_file_gets_the_users_usual_permissions(tmp_path):
    path = tmp_path / "quyen.xlsx"
    write_xlsx(path, [SheetData("Quyền", ("Số",), [(1,)])])
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


# -- errors ------------------------------------------------------------------------------------------------------

def _render_clearly(error: UserError, *names: str) -> None:
    for lang in ("vi", "en"):
        rendered = error.render(lang)
        assert not re.search(r"\{[a-z_]+\}", rendered), rendered
        for name in names:
            assert name in rendered


@pytest.mark.parametrize("write", [
    lambda path: write_xlsx(path, [SheetData("A", ("A",), [(1,)])]),
    lambda path: write_csv(path, ("A",), [(1,)]),
])
def test_a_missing_folder_is_a_clear_error(tmp_path, write):
    target = tmp_path / "không có" / "tệp.xlsx"
    with pytest.raises(UserError) as caught:
        write(target)
    assert caught.value.code == "spreadsheet.folder_missing"
    _render_clearly(caught.value, "tệp.xlsx", str(target.parent))


def test_a_file_standing_where_the_folder_should_is_a_clear_error(tmp_path):
    (tmp_path / "tệp").write_text("x")
    with pytest.raises(UserError) as caught:
        write_csv(tmp_path / "tệp" / "a.csv", ("A",), [(1,)])
    assert caught.value.code == "spreadsheet.folder_missing"


def test_a_folder_refusing_new_files_is_a_clear_error(tmp_path, monkeypatch):
    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(spreadsheet.os, "open", refused)  # what a read-only folder does, even to root
    with pytest.raises(UserError) as caught:
        write_csv(tmp_path / "a.csv", ("A",), [(1,)])
    assert caught.value.code == "spreadsheet.folder_not_writable"
    _render_clearly(caught.value, "a.csv", str(tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_a_file_open_in_excel_is_a_clear_error_and_stays_whole(tmp_path, monkeypatch):
    path = tmp_path / "đang mở.xlsx"
    path.write_bytes(b"opened in Excel")

    def locked(source, target):
        raise PermissionError(errno.EACCES, "The process cannot access the file", str(target))

    monkeypatch.setattr(spreadsheet.os, "replace", locked)
    with pytest.raises(UserError) as caught:
        write_xlsx(path, [SheetData("A", ("A",), [(1,)])])
    assert caught.value.code == "spreadsheet.file_in_use"
    _render_clearly(caught.value, "đang mở.xlsx")
    assert "Excel" in caught.value.render("vi")
    assert path.read_bytes() == b"opened in Excel"
    assert _leftovers(tmp_path) == []


def test_a_full_disk_is_a_clear_error(tmp_path, monkeypatch):
    def full(handle):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(spreadsheet.os, "fsync", full)
    with pytest.raises(UserError) as caught:
        write_csv(tmp_path / "day.csv", ("A",), [(1,)])
    assert caught.value.code == "spreadsheet.disk_full"
    _render_clearly(caught.value, "day.csv")
    assert list(tmp_path.iterdir()) == []


def test_a_directory_in_the_way_is_a_clear_error(tmp_path):
    (tmp_path / "thư mục.xlsx").mkdir()
    with pytest.raises(UserError) as caught:
        write_xlsx(tmp_path / "thư mục.xlsx", [SheetData("A", ("A",), [(1,)])])
    assert caught.value.code in ("spreadsheet.cannot_write", "spreadsheet.file_in_use")
    _render_clearly(caught.value, "thư mục.xlsx")
    assert _leftovers(tmp_path) == []


def test_every_spreadsheet_message_has_both_languages():
    for code, entry in spreadsheet_messages.MESSAGES.items():
        assert set(entry) == {"vi", "en"}, code
        assert CATALOGUE[code] == entry


# -- CSV --------------------------------------------------------------------------------------------------------

def test_csv_has_a_bom_and_round_trips(tmp_path):
    path = tmp_path / "sổ.csv"
    assert write_csv(path, HEADER, iter(ROWS)) == 3
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "Nguyễn Văn Đức".encode() in raw
    with open(path, encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == list(HEADER)
    assert table[1] == ["1", "2026-03-10", "Nguyễn Văn Đức", "001085012345", "0.5", ""]
    assert table[2] == ["2", "2025-12-31", "Trần Thị Ánh", "", "1.25", "Đã hủy bỏ: nhập trùng"]
    assert table[3] == ["3", "2026-03-10 09:30", "Lê Văn Bình", "012345678", "2.0", "dòng một\ndòng hai"]
    assert len(table) == 4


def test_formula_like_csv_cells_are_defused(tmp_path):
    path = tmp_path / "f.csv"
    write_csv(path, ("=Tiêu đề",), [(text,) for text in FORMULA_LIKE] + [(-5,)])
    with open(path, encoding="utf-8-sig", newline="") as handle:
        cells = [row[0] for row in csv.reader(handle)]
    assert cells == ["'=Tiêu đề", *("'" + text for text in FORMULA_LIKE), "-5"]  # a number stays a number


def test_csv_tables_are_blocks_with_a_title(tmp_path):
    path = tmp_path / "bao-cao.csv"
    written = write_csv_tables(path, [SheetData("Biểu 01/TCD", ("Chỉ tiêu", "Số"), [("Lượt tiếp", 12)]),
                                      SheetData("Phân loại", ("Loại", "Số vụ"), [("Khiếu nại", 3), ("Tố cáo", 1)])])
    assert written == 3
    text = path.read_bytes().decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text))) == [
        ["Biểu 01/TCD"], ["Chỉ tiêu", "Số"], ["Lượt tiếp", "12"], [],
        ["Phân loại"], ["Loại", "Số vụ"], ["Khiếu nại", "3"], ["Tố cáo", "1"], [],
    ]


def test_csv_cancel_leaves_no_file(tmp_path, monkeypatch):
    monkeypatch.setattr(spreadsheet, "STEP", 4)
    with pytest.raises(UserError) as caught:
        write_csv(tmp_path / "huy.csv", ("Số",), ((n,) for n in range(50)), cancelled=lambda: True)
    assert caught.value.code == "spreadsheet.cancelled"
    assert list(tmp_path.iterdir()) == []


def test_long_texts_wrap_and_their_rows_are_tall_enough(tmp_path):
    long = "Khiếu nại việc thu hồi đất nông nghiệp và bồi thường, hỗ trợ tái định cư ảnh hưởng đến đời sống"
    rows = [(1, "ngắn"), (2, long * 3), (3, "ngắn")] * 2000  # many tall rows: heights are kept for every one
    path = tmp_path / "dài.xlsx"
    write_xlsx(path, [SheetData("Dài", ("STT", "Nội dung"), rows)])
    sheet = openpyxl.load_workbook(path).active
    assert sheet["B3"].alignment.wrap_text and sheet["B3"].value == long * 3
    assert sheet.row_dimensions[3].height > 3 * 15 and sheet.row_dimensions[6000].height > 3 * 15
    assert sheet.row_dimensions[2].height is None and not sheet["B2"].alignment.wrap_text

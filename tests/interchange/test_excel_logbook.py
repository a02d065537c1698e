"""Old logbooks read from Excel and CSV files the tests write: the header found under merged title rows (one row or
two, with a row of column numbers), columns mapped to fields, TCVN3 and VNI text converted by font or detection,
dates and numbers kept as values, blank rows left out and subtotals flagged, saved mappings, clear refusals of
files that cannot be read, and the desk's own logbook export read back column for column."""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from receptiondesk.documents.logbook import COLUMNS
from receptiondesk.domain.legacy_text import Encoding, from_unicode
from receptiondesk.errors import UserError
from receptiondesk.interchange import excel_logbook
from receptiondesk.interchange.excel_logbook import (
    LOGBOOK_FIELDS,
    Cell,
    SheetLayout,
    apply_saved_mapping,
    field_of_header,
    guess_layout,
    mapping_by_header,
    open_source,
    read_rows,
)
from receptiondesk.interchange.spreadsheet import SheetData, write_xlsx
from receptiondesk.messages import CATALOGUE
from receptiondesk.messages import excel_import as excel_import_messages
from tests.domain.test_legacy_text import windows_1258

TCVN3, VNI = Encoding.TCVN3, Encoding.VNI
#: The printed form's own field order (documents.logbook.COLUMNS).
FORM_FIELDS = ("logbook_no", "visit_date", "name_address", "id_number", "summary", "content_type", "headcount",
               "prior_handler", "in_competence", "guided", "transferred", "followup", "notes")
TOP = ["STT", "Ngày tiếp", "Họ tên, địa chỉ của người được tiếp", "Số CCCD/ Hộ chiếu (giấy tờ tùy thân)",
       "Nội dung vụ việc", "Phân loại (nội dung)", "Số\nngười", "Cơ quan, đơn vị đã giải quyết", "Hướng xử lý", None,
       None, "Theo dõi kết quả giải quyết", "Ghi chú"]
SUB = [None] * 8 + ["Thuộc thẩm quyền", "Hướng dẫn (cơ quan, số văn bản)", "Chuyển đơn (cơ quan, số văn bản)",
                    None, None]


def _put(ws: Worksheet, row: int, values: Sequence[Any], font: str | None = None) -> None:
    for column, value in enumerate(values, start=1):
        if value is None:
            continue
        cell = ws.cell(row=row, column=column, value=value)
        if font is not None:
            cell.font = Font(name=font)


def _form_sheet(ws: Worksheet, data: Iterable[tuple[Sequence[Any], dict[int, str]]] = ()) -> int:
    """A Mẫu 03/TCD sheet: three merged title rows, a blank row, a two-row header ("Hướng xử lý" over three
    sub-columns, the other titles merged down), a row of column numbers; then `data` rows (values and a font per
    column). Returns the first data row."""
    for row, title in enumerate(("ỦY BAN NHÂN DÂN XÃ TÂN THÀNH", "SỔ TIẾP CÔNG DÂN", "Năm 2024"), start=1):
        ws.cell(row=row, column=1, value=title)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=13)
    _put(ws, 5, TOP)
    _put(ws, 6, SUB)
    ws.merge_cells("I5:K5")
    for column in range(1, 14):
        if not 9 <= column <= 11:
            ws.merge_cells(start_row=5, start_column=column, end_row=6, end_column=column)
    _put(ws, 7, [f"({i})" for i in range(1, 14)])
    row = 8
    for values, fonts in data:
        _put(ws, row, values)
        for column, font in fonts.items():
            ws.cell(row=row, column=column + 1).font = Font(name=font)
        row += 1
    return 8


def _save(wb: openpyxl.Workbook, path: Path) -> Path:
    wb.save(path)
    return path


def _rows(path: Path, sheet: str | None = None) -> tuple[SheetLayout, list[excel_logbook.SourceRow]]:
    with open_source(path) as source:
        layout = guess_layout(source, sheet or source.sheet_names[0])
        return layout, list(read_rows(source, layout))


def _row(*, no: Any = None, day: Any = None, who: Any = None, summary: Any = None, kind: Any = None,
         notes: Any = None, count: Any = None, competence: Any = None) -> list[Any]:
    values: list[Any] = [None] * 13
    for column, value in ((0, no), (1, day), (2, who), (4, summary), (5, kind), (6, count), (8, competence),
                          (12, notes)):
        values[column] = value
    return values


@pytest.fixture
def form_book(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sổ 2024"
    tcvn_name = from_unicode("Nguyễn Văn Đức\nThôn 3, xã Tân Thành", TCVN3)
    vni_summary = from_unicode("Tranh chấp đất đai với hộ liền kề", VNI)
    _form_sheet(ws, [
        (_row(no=1, day="05/03/2024", who="Trần Thị Ánh, xóm Đông", summary="Hỏi về   chế độ\n\n\nngười có công",
              kind="Kiến nghị", count=1, competence="x"), {}),
        (_row(no=2, day="5/3/24", who=tcvn_name, summary=vni_summary, kind=from_unicode("Khiếu nại", TCVN3)),
         {2: ".VnTime", 4: "VNI-Times", 5: ".VnTime"}),
        (_row(no=3, day=datetime(2024, 3, 6), who=from_unicode("Lê Văn Bình", TCVN3),
              summary=from_unicode("Kiến nghị về chế độ chính sách", TCVN3)), {}),  # TCVN3, no legacy font
        (_row(no=4, day=45359, who="Phạm Thị Hoa", summary="Phản ánh ô nhiễm", count=3), {}),  # an Excel serial
        (_row(), {}),  # blank
        (_row(no="  ", notes=" "), {}),  # only spaces: blank too
        (["Tổng cộng", None, None, None, None, None, 5] + [None] * 6, {}),
        (_row(no=5, day="07/03/2024", who="Hoàng Văn Nam", summary="Hỏi thủ tục", notes="Cộng tác viên đi cùng"),
         {}),
    ])
    ws.merge_cells("A14:B14")
    return _save(wb, tmp_path / "so-tiep-cong-dan-2024.xlsx")


# --- The Mẫu 03/TCD sheet ----------------------------------------------------------------------------------------

def test_the_form_layout_is_found_under_merged_titles_with_a_two_row_header(form_book: Path):
    with open_source(form_book) as source:
        assert source.sheet_names == ("Sổ 2024",)
        layout = guess_layout(source, "Sổ 2024")
    assert (layout.header_row, layout.header_rows, layout.first_data_row) == (5, 2, 8)
    assert layout.mapping == dict(enumerate(FORM_FIELDS))
    assert layout.is_logbook and layout.reason == "" and layout.problem is None
    assert layout.headers[8] == "Hướng xử lý / Thuộc thẩm quyền"
    assert layout.headers[10] == "Hướng xử lý / Chuyển đơn (cơ quan, số văn bản)"
    assert layout.headers[0] == "STT" and layout.headers[6] == "Số người"
    assert len(layout.headers) == 13


def test_form_rows_convert_legacy_text_keep_dates_and_skip_blanks(form_book: Path):
    layout, rows = _rows(form_book)
    assert [r.number for r in rows] == [8, 9, 10, 11, 14, 15]
    first, second, third, fourth, subtotal, last = rows
    assert first.values == {"logbook_no": 1, "visit_date": "05/03/2024", "name_address": "Trần Thị Ánh, xóm Đông",
                            "summary": "Hỏi về chế độ\n\nngười có công", "content_type": "Kiến nghị",
                            "headcount": 1, "in_competence": "x"}
    assert first.legacy == frozenset() and not first.subtotal
    assert second.values["visit_date"] == "5/3/24"
    assert second.values["name_address"] == "Nguyễn Văn Đức\nThôn 3, xã Tân Thành"
    assert second.values["summary"] == "Tranh chấp đất đai với hộ liền kề"
    assert second.values["content_type"] == "Khiếu nại"
    assert second.legacy == {TCVN3, VNI}  # mixed encodings in one row
    assert third.values["visit_date"] == datetime(2024, 3, 6)
    assert third.values["name_address"] == "Lê Văn Bình"  # detected without a legacy font
    assert third.values["summary"] == "Kiến nghị về chế độ chính sách"
    assert third.legacy == {TCVN3}
    assert fourth.values["visit_date"] == 45359 and fourth.values["headcount"] == 3
    assert subtotal.subtotal and subtotal.values == {"logbook_no": "Tổng cộng", "headcount": 5}
    assert not last.subtotal and last.values["notes"] == "Cộng tác viên đi cùng"


def test_subtotal_rows_are_told_from_rows_without_a_date(tmp_path: Path):
    wb = openpyxl.Workbook()
    _form_sheet(wb.active, [
        (_row(no="Cộng tháng 3: 12 lượt"), {}),
        (_row(who="TỔNG CỘNG", count=14), {}),
        (_row(no=7, who="Cộng đồng dân cư thôn 3", summary="Đường ngập nước"), {}),  # no date, but not a total
        (_row(no=8, who="Công ty Tân Phát", summary="Hỏi"), {}),
        (_row(no="Tổng", day="05/03/2024", who="Tổng Văn An", summary="Hỏi"), {}),  # has a date: a visit
    ])
    _, rows = _rows(_save(wb, tmp_path / "totals.xlsx"))
    assert [r.subtotal for r in rows] == [True, True, False, False, False]


def test_a_wrong_sheet_size_in_the_file_does_not_cut_columns(tmp_path: Path):
    import re
    import zipfile

    wb = openpyxl.Workbook()
    _put(wb.active, 1, ["STT", "Ngày tiếp", "Họ tên", "Nội dung vụ việc", "Ghi chú"])
    _put(wb.active, 2, [1, "01/02/2024", "Nguyễn Văn A", "Hỏi", "ghi"])
    good = _save(wb, tmp_path / "good.xlsx")
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data, count = re.subn(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', data)
                assert count == 1
            dst.writestr(item, data)
    layout, rows = _rows(bad)
    assert layout.is_logbook and rows[0].values["notes"] == "ghi"


def test_text_is_nfc_whatever_the_file_holds(tmp_path: Path):
    import unicodedata

    wb = openpyxl.Workbook()
    ws = wb.active
    _form_sheet(ws, [(_row(no=1, day="05/03/2024", who=unicodedata.normalize("NFD", "Nguyễn Thị Hoà"),
                           summary="Nội dung"), {})])
    _, rows = _rows(_save(wb, tmp_path / "nfd.xlsx"))
    assert rows[0].values["name_address"] == unicodedata.normalize("NFC", "Nguyễn Thị Hoà")


def test_a_one_row_header_with_separate_name_and_address_columns(tmp_path: Path):
    wb = openpyxl.Workbook()
    ws = wb.active
    _put(ws, 1, ["Sổ theo dõi tiếp công dân năm 2023"])
    _put(ws, 3, ["TT", "Ngày, tháng", "Họ và tên", "Địa chỉ", "Số CMND", "SĐT", "Nội dung", "Loại đơn", "Số người",
                 "Ghi chú"])
    _put(ws, 4, [1, date(2023, 5, 2), "Đỗ Văn Tâm", "Xóm 2", "012345678", "0912345678", "Xin xác nhận", "KN", 1])
    layout, rows = _rows(_save(wb, tmp_path / "one-row.xlsx"))
    assert (layout.header_row, layout.header_rows, layout.first_data_row) == (3, 1, 4)
    assert layout.mapping == {0: "logbook_no", 1: "visit_date", 2: "full_name", 3: "address", 4: "id_number",
                              5: "phone", 6: "summary", 7: "content_type", 8: "headcount", 9: "notes"}
    assert rows[0].values["full_name"] == "Đỗ Văn Tâm" and rows[0].values["id_number"] == "012345678"
    assert rows[0].values["visit_date"] == datetime(2023, 5, 2)  # openpyxl reads date cells as datetimes


def test_headers_written_in_tcvn3_are_converted_before_matching(tmp_path: Path):
    wb = openpyxl.Workbook()
    ws = wb.active
    _put(ws, 1, [from_unicode("SỔ TIẾP CÔNG DÂN", TCVN3, uppercase_font=True)], font=".VnTimeH")
    headers = ["STT", "Ngày tiếp", "Họ tên, địa chỉ của người được tiếp", "Nội dung vụ việc", "Phân loại",
               "Ghi chú"]
    _put(ws, 2, [from_unicode(h, TCVN3) for h in headers], font=".VnTime")
    _put(ws, 3, [1, "01/02/2022", from_unicode("Nguyễn Văn Đức", TCVN3), from_unicode("Hỏi về đất", TCVN3)],
         font=".VnTime")
    wb.create_sheet("no font")
    _put(wb["no font"], 2, [from_unicode(h, TCVN3) for h in headers])  # fonts lost: detection
    path = _save(wb, tmp_path / "tcvn3.xlsx")
    layout, rows = _rows(path)
    assert layout.header_row == 2 and layout.headers == tuple(headers)
    assert layout.mapping == {0: "logbook_no", 1: "visit_date", 2: "name_address", 3: "summary", 4: "content_type",
                              5: "notes"}
    assert rows[0].values["name_address"] == "Nguyễn Văn Đức" and rows[0].legacy == {TCVN3}
    bare, _ = _rows(path, "no font")
    assert bare.mapping == layout.mapping and bare.is_logbook


def test_vni_headers_and_uppercase_tcvn3_titles(tmp_path: Path):
    wb = openpyxl.Workbook()
    ws = wb.active
    headers = ["Số TT", "Ngày tiếp", "Họ tên", "Địa chỉ", "Nội dung vụ việc", "Hướng dẫn", "Chuyển đơn"]
    _put(ws, 1, [from_unicode(h, VNI) for h in headers], font="VNI-Helve")
    _put(ws, 2, [1, "02/01/2020", from_unicode("Trần Thị Ánh", VNI), None, "Hỏi"], font="VNI-Times")
    layout, rows = _rows(_save(wb, tmp_path / "vni.xlsx"))
    assert layout.headers == tuple(headers)
    assert set(layout.mapping.values()) == {"logbook_no", "visit_date", "full_name", "address", "summary", "guided",
                                            "transferred"}
    assert rows[0].values["full_name"] == "Trần Thị Ánh" and rows[0].legacy == {VNI}


# --- Sheets that are not a logbook ------------------------------------------------------------------------------

def test_a_workbook_with_sheets_of_other_kinds(tmp_path: Path):
    wb = openpyxl.Workbook()
    _form_sheet(wb.active)
    wb.active.title = "Sổ"
    staff = wb.create_sheet("Danh sách cán bộ")
    _put(staff, 1, ["DANH SÁCH CÁN BỘ, CÔNG CHỨC"])
    _put(staff, 2, ["STT", "Họ và tên", "Chức vụ", "Ngày sinh", "Điện thoại"])
    _put(staff, 3, [1, "Nguyễn Văn An", "Chủ tịch", date(1975, 1, 2), "0912345678"])
    notes = wb.create_sheet("Ghi nhớ")
    _put(notes, 1, ["Họp giao ban thứ hai hằng tuần"])
    _put(notes, 3, ["Nộp báo cáo trước ngày 15"])
    wb.create_sheet("Trống")
    with open_source(_save(wb, tmp_path / "several.xlsx")) as source:
        assert source.sheet_names == ("Sổ", "Danh sách cán bộ", "Ghi nhớ", "Trống")
        layouts = {name: guess_layout(source, name) for name in source.sheet_names}
    assert layouts["Sổ"].is_logbook
    staff_layout = layouts["Danh sách cán bộ"]
    assert not staff_layout.is_logbook and staff_layout.header_row == 2
    assert staff_layout.problem is not None and staff_layout.problem.code == "excel_import.missing_columns"
    assert "Danh sách cán bộ" in staff_layout.reason and "Ngày tiếp" in staff_layout.reason
    assert "Nội dung vụ việc" in staff_layout.reason and "Họ tên" not in staff_layout.reason
    assert "does not look like a reception logbook" in staff_layout.problem.render("en")
    assert layouts["Ghi nhớ"].problem.code == "excel_import.no_header"
    assert "30" in layouts["Ghi nhớ"].reason
    assert layouts["Trống"].problem.code == "excel_import.empty_sheet"


def test_field_of_header_is_most_specific_first():
    assert field_of_header("Họ tên, địa chỉ") == "name_address"
    assert field_of_header("Họ và tên") == "full_name"
    assert field_of_header("Phân loại (nội dung)") == "content_type"
    assert field_of_header("Nội dung") == "summary"
    assert field_of_header("Số CCCD/ Hộ chiếu (giấy tờ tùy thân)") == "id_number"
    assert field_of_header("Số\nngười") == "headcount"
    assert field_of_header("Cơ quan, đơn vị đã giải quyết") == "prior_handler"
    assert field_of_header("Theo dõi kết quả giải quyết") == "followup"
    for title in ("ỦY BAN NHÂN DÂN XÃ TÂN THÀNH", "SỔ TIẾP CÔNG DÂN", "Năm 2024", "Hướng xử lý", "Ngày sinh", ""):
        assert field_of_header(title) is None, title
    assert [name for name, _ in LOGBOOK_FIELDS][:3] == ["logbook_no", "visit_date", "name_address"]


# --- Our own export ---------------------------------------------------------------------------------------------

def test_the_desks_own_logbook_export_maps_every_column(tmp_path: Path):
    rows = [(1, date(2026, 3, 10), "Nguyễn Văn Đức\nThôn 3", "001085012345", "Hỏi về đất", "Kiến nghị", 2,
             "", "x", "", "", "", "Trả lời ngay")]
    path = tmp_path / "export.xlsx"
    write_xlsx(path, [SheetData("Sổ tiếp công dân", COLUMNS, rows)])
    with open_source(path) as source:
        layout = guess_layout(source, "Sổ tiếp công dân")
        read = list(read_rows(source, layout))
    assert layout.mapping == dict(enumerate(FORM_FIELDS))
    assert (layout.header_row, layout.first_data_row) == (1, 2)
    assert len(read) == 1 and read[0].values["visit_date"] == datetime(2026, 3, 10)
    assert read[0].values["name_address"] == "Nguyễn Văn Đức\nThôn 3"
    assert read[0].values["id_number"] == "001085012345" and read[0].values["notes"] == "Trả lời ngay"


# --- CSV -------------------------------------------------------------------------------------------------------

def test_a_windows_1258_csv_with_commas(tmp_path: Path):
    text = ("STT,Ngày tiếp,\"Họ tên, địa chỉ\",Nội dung vụ việc,Phân loại\r\n"
            "1,05/03/2024,\"Nguyễn Văn Đức, thôn Đông\",Tranh chấp đất đai,Khiếu nại\r\n"
            ",,,,\r\n"
            "2,06/03/2024,Lê Thị Hoà,Hỏi về chế độ,Kiến nghị\r\n")
    path = tmp_path / "so-cu.csv"
    path.write_bytes(windows_1258(text))
    with open_source(path) as source:
        assert source.sheet_names == ("so-cu",)
        layout = guess_layout(source, "so-cu")
        rows = list(read_rows(source, layout))
    assert layout.mapping == {0: "logbook_no", 1: "visit_date", 2: "name_address", 3: "summary", 4: "content_type"}
    assert [r.number for r in rows] == [2, 4]
    assert rows[0].values == {"logbook_no": "1", "visit_date": "05/03/2024",
                              "name_address": "Nguyễn Văn Đức, thôn Đông", "summary": "Tranh chấp đất đai",
                              "content_type": "Khiếu nại"}
    assert rows[1].values["name_address"] == "Lê Thị Hoà" and not rows[1].legacy


def test_a_utf8_csv_with_a_bom_and_semicolons(tmp_path: Path):
    text = ("\ufeffSỔ TIẾP CÔNG DÂN\n"
            "STT;Ngày tiếp;Họ tên, địa chỉ của người được tiếp;Nội dung vụ việc;Ghi chú\n"
            "(1);(2);(3);(4);(5)\n"
            "1;2024-03-05;Trần Thị Ánh, xóm 2;Hỏi, đề nghị;'=không phải công thức\n"
            "Cộng;;;;\n")
    path = tmp_path / "so.csv"
    path.write_bytes(text.encode("utf-8"))
    layout, rows = _rows(path)
    assert (layout.header_row, layout.first_data_row) == (2, 4)
    assert layout.mapping == {0: "logbook_no", 1: "visit_date", 2: "name_address", 3: "summary", 4: "notes"}
    assert rows[0].values["summary"] == "Hỏi, đề nghị" and rows[0].values["notes"] == "=không phải công thức"
    assert rows[1].subtotal and not rows[0].subtotal


def test_a_csv_with_tcvn3_text_is_detected(tmp_path: Path):
    header = "STT\tNgày tiếp\tHọ tên\tNội dung vụ việc"
    line = "\t".join(["1", "01/01/2021", from_unicode("Nguyễn Văn Đức", TCVN3), from_unicode("Hỏi về đất", TCVN3)])
    path = tmp_path / "tab.csv"
    path.write_text(header + "\n" + line + "\n", encoding="utf-8")
    _, rows = _rows(path)
    assert rows[0].values["full_name"] == "Nguyễn Văn Đức" and rows[0].legacy == {TCVN3}


# --- Files that cannot be read ----------------------------------------------------------------------------------

def _refusal(path: Path) -> UserError:
    with pytest.raises(UserError) as caught:
        open_source(path)
    message = caught.value.render("vi")
    assert path.name in message, message
    assert path.name in caught.value.render("en")
    return caught.value


def test_an_old_xls_file_is_refused_with_advice(tmp_path: Path):
    path = tmp_path / "so cu.xls"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 600)
    error = _refusal(path)
    assert error.code == "excel_import.old_xls"
    assert "hãy mở tệp bằng Excel và lưu lại dạng .xlsx" in error.render("vi")


def test_a_password_protected_workbook_is_refused(tmp_path: Path):
    path = tmp_path / "mat-khau.xlsx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + os.urandom(2000))
    assert _refusal(path).code == "excel_import.encrypted"
    assert "mật khẩu" in _refusal(path).render("vi")


def test_a_renamed_xls_is_told_apart_from_an_encrypted_workbook(tmp_path: Path):
    path = tmp_path / "doi-ten.xlsx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 100 + "Workbook".encode("utf-16-le") + b"\x00" * 9)
    assert _refusal(path).code == "excel_import.old_xls"


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not really a zip", b"hello world"],
                         ids=["empty", "broken-zip", "text"])
def test_a_damaged_workbook_is_refused(tmp_path: Path, content: bytes):
    path = tmp_path / "hong.xlsx"
    path.write_bytes(content or random.Random(3).randbytes(4096))
    error = _refusal(path)
    assert error.code == "excel_import.corrupt" and "bị hỏng" in error.render("vi")


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path: Path):
    import zipfile

    path = tmp_path / "nen.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "không phải sổ")
    assert _refusal(path).code == "excel_import.corrupt"


def test_missing_unknown_and_unreadable_files(tmp_path: Path):
    missing = _refusal(tmp_path / "khong-co.xlsx")
    assert missing.code == "excel_import.file_missing" and str(tmp_path) in missing.render("vi")
    odt = tmp_path / "so.ods"
    odt.write_bytes(b"PK")
    assert _refusal(odt).code == "excel_import.unknown_type"
    folder = tmp_path / "thu-muc.csv"
    folder.mkdir()
    assert _refusal(folder).code == "excel_import.file_unreadable"
    binary = tmp_path / "nhi-phan.csv"
    binary.write_bytes(b"STT,\x00\x01\x02\xff\xfe")
    assert _refusal(binary).code == "excel_import.csv_not_text"


def test_every_message_has_both_languages():
    for code, texts in excel_import_messages.MESSAGES.items():
        assert code.startswith(("excel_import.", "field.", "cli.")) and texts["vi"] and texts["en"], code
        assert CATALOGUE[code] is texts


# --- Mappings edited and saved ----------------------------------------------------------------------------------

def test_an_edited_mapping_is_saved_by_header_and_applied_next_time(form_book: Path, tmp_path: Path):
    with open_source(form_book) as source:
        layout = guess_layout(source, "Sổ 2024")
    edited = layout.with_mapping({**layout.mapping, 12: None, 11: "notes"})  # "Theo dõi…" kept as notes
    assert edited.mapping[11] == "notes" and 12 not in edited.mapping
    saved = json.loads(json.dumps(mapping_by_header(edited), ensure_ascii=False))
    assert saved["Ghi chú"] == "" and saved["Theo dõi kết quả giải quyết"] == "notes"
    assert saved["Hướng xử lý / Hướng dẫn (cơ quan, số văn bản)"] == "guided"
    again = apply_saved_mapping(layout, saved)
    assert again.mapping == edited.mapping
    _, rows = _rows(form_book)
    with open_source(form_book) as source:
        read = list(read_rows(source, again))
    assert [r.number for r in read] == [r.number for r in rows]
    assert "notes" not in read[-1].values


def test_a_saved_mapping_wins_over_the_guess_and_unknown_titles_keep_it(form_book: Path):
    with open_source(form_book) as source:
        layout = guess_layout(source, "Sổ 2024")
    moved = apply_saved_mapping(layout, {"ghi chu": "summary", "Cột không có": "notes", "STT": "no_such_field"})
    assert moved.mapping[12] == "summary" and 4 not in moved.mapping  # the guess gave way to the saved choice
    assert 0 not in moved.mapping and moved.mapping[1] == "visit_date"


def test_a_mapping_can_make_a_sheet_a_logbook_and_refuses_a_field_twice(tmp_path: Path):
    wb = openpyxl.Workbook()
    _put(wb.active, 1, ["Số", "Ngày đến", "Người đến", "Việc"])
    _put(wb.active, 2, [1, "01/02/2024", "Nguyễn Văn A", "Hỏi"])
    path = _save(wb, tmp_path / "la.xlsx")
    with open_source(path) as source:
        layout = guess_layout(source, source.sheet_names[0])
        assert not layout.is_logbook and layout.problem.code == "excel_import.missing_columns"
        fixed = layout.with_mapping({0: "logbook_no", 1: "visit_date", 2: "full_name", 3: "summary"})
        assert fixed.is_logbook
        assert list(read_rows(source, fixed))[0].values["summary"] == "Hỏi"
    with pytest.raises(UserError) as caught:
        layout.with_mapping({2: "summary", 3: "summary"})
    assert caught.value.code == "excel_import.field_twice" and "C, D" in caught.value.render("vi")
    with pytest.raises(ValueError):
        layout.with_mapping({0: "nonsense"})


# --- Progress, cancel, size -------------------------------------------------------------------------------------

def _big_book(path: Path, count: int) -> Path:
    words = ["Tranh chấp đất đai", "Hỏi về chế độ chính sách", "Khiếu nại quyết định thu hồi đất", "Phản ánh rác"]
    rows = ((i, date(2024, 1, 1 + i % 28), f"Nguyễn Văn {i}\nThôn {i % 9}", f"{i:012d}", words[i % 4], "Kiến nghị",
             1, "", "x", "", "", "", "") for i in range(1, count + 1))
    write_xlsx(path, [SheetData("Sổ tiếp công dân", COLUMNS, rows)])
    return path


def test_progress_and_cancel(tmp_path: Path):
    path = _big_book(tmp_path / "vua.xlsx", 2500)
    seen: list[int] = []
    with open_source(path) as source:
        layout = guess_layout(source, "Sổ tiếp công dân")
        assert sum(1 for _ in read_rows(source, layout, progress=seen.append)) == 2500
        assert seen == [1000, 2000]
        with pytest.raises(UserError) as caught:
            for _ in read_rows(source, layout, cancelled=lambda: True):
                pass
    assert caught.value.code == "excel_import.cancelled" and "vua.xlsx" in caught.value.render("vi")


def test_cells_carry_values_and_fonts(form_book: Path):
    with open_source(form_book) as source:
        rows = dict(source.rows("Sổ 2024"))
        assert len(source.sha256) == 64 and source.file_name == form_book.name
    assert rows[1][0] == Cell("ỦY BAN NHÂN DÂN XÃ TÂN THÀNH", "Calibri")
    assert rows[9][2].font == ".VnTime" and rows[9][4].font == "VNI-Times" and rows[9][0] == Cell(2, None)


@pytest.mark.slow
def test_a_hundred_thousand_rows(tmp_path: Path):
    path = _big_book(tmp_path / "lon.xlsx", 100_000)
    with open_source(path) as source:
        layout = guess_layout(source, "Sổ tiếp công dân")
        count = 0
        last = None
        for last in read_rows(source, layout):
            count += 1
    assert count == 100_000 and last is not None and last.number == 100_001
    assert last.values["name_address"] == "Nguyễn Văn 100000\nThôn 1"

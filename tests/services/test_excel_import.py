"""Importing an old logbook from Excel: the row report before committing, all accepted rows in one transaction,
numbers kept in their years, citizens matched, the same workbook twice adds nothing, protected identities and
masked names, a saved mapping, and the round trip of the desk's own logbook export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl import load_workbook

from receptiondesk.demo.loader import generate_into
from receptiondesk.domain.legacy_text import Encoding, from_unicode
from receptiondesk.errors import UserError
from receptiondesk.services.excel_import import RowStatus
from receptiondesk.storage.listing import ListRequest
from tests.interchange.test_excel_logbook import _form_sheet, _row, form_book  # noqa: F401 - a fixture
from tests.services.helpers import counts

D = date.fromisoformat


def test_the_row_report_then_one_transaction(desk, form_book):  # noqa: F811
    before = counts(desk)
    plan = desk.excel_import.plan(form_book)
    assert counts(desk) == before  # planning writes nothing
    by_row = {o.number: o for o in plan.outcomes}
    assert [o.number for o in plan.outcomes] == sorted(by_row)
    assert by_row[8].status is RowStatus.IMPORTED  # Trần Thị Ánh: everything given, "x" in competence
    legacy = by_row[9]  # TCVN3 name, VNI summary
    assert legacy.status is RowStatus.WARNED and "excel_import.converted" in [p.code for p in legacy.problems]
    assert by_row[14].status is RowStatus.SKIPPED and by_row[14].problems[0].code == "excel_import.subtotal_row"
    assert plan.to_write == 5 and plan.count(RowStatus.SKIPPED) == 1

    report = desk.excel_import.commit(plan)
    assert report.totals()["new"] == len(plan.records) and report.totals()["rejected"] == 0
    visits = {v["logbook_no"]: v for v in desk.logbook.visits(ListRequest(filters={"year": 2024}), limit=50)}
    assert sorted(visits) == [1, 2, 3, 4, 5]  # the sheet's own numbers, in their year
    assert visits[2]["full_name"] == "Nguyễn Văn Đức" and visits[2]["summary"] == "Tranh chấp đất đai với hộ liền kề"
    assert visits[2]["address"] == "Thôn 3, xã Tân Thành" and visits[2]["visit_date"] == "2024-03-05"
    assert visits[4]["visit_date"] == "2024-03-08" and visits[4]["headcount"] == 3  # an Excel serial
    assert visits[1]["direction"] == "accepted"
    source = desk.database.one("SELECT file_name, sheet, row_number FROM imported_rows WHERE record_uuid = ?",
                               (visits[2]["uuid"],))
    assert tuple(source) == ("so-tiep-cong-dan-2024.xlsx", "Sổ 2024", 9)
    # The old cases are history, not work: closed on the visit's day.
    statuses = {r["status"] for r in desk.database.query("SELECT status FROM cases WHERE source = 'import'")}
    assert statuses == {"closed"}
    assert desk.dashboard.summary().overdue_cases_total == 0


def test_the_same_workbook_again_adds_nothing_and_says_so(desk, form_book):  # noqa: F811
    desk.excel_import.commit(desk.excel_import.plan(form_book))
    after_first = counts(desk)
    again = desk.excel_import.plan(form_book)
    assert again.count(RowStatus.ALREADY) == 5 and again.to_write == 0 and again.records == []
    with pytest.raises(UserError) as caught:
        desk.excel_import.commit(again)
    assert caught.value.code == "excel_import.nothing_to_import"
    assert "5 dòng đã nhập từ trước" in caught.value.render("vi")
    assert counts(desk) == after_first


def test_a_returning_citizen_is_found_and_numbers_taken_are_refused(desk, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    _form_sheet(ws, [
        (_row(no=1, day="02/01/2025", who="Đỗ Văn Tâm, thôn 1", summary="Khiếu nại thu hồi đất", kind="KN"), {}),
        (_row(no=2, day="09/01/2025", who="Đỗ Văn Tâm, thôn 1", summary="Khiếu nại lần hai", kind="KN"), {}),
        (_row(no=2, day="10/01/2025", who="Lê Thị Na, thôn 5", summary="Số thứ tự trùng", kind="KN"), {}),
        (_row(day="11/01/2025", who="Vũ Văn Khôi, thôn 6", summary="Không ghi số", kind="Tố cáo"), {}),
        (_row(no=3, day="[Danh tính được bảo vệ]", who="[Danh tính được bảo vệ]", summary="x"), {}),
    ])
    path = tmp_path / "so-2025.xlsx"
    wb.save(path)
    plan = desk.excel_import.plan(path)
    by_row = {o.number: o for o in plan.outcomes}
    assert by_row[10].status is RowStatus.SKIPPED and by_row[10].problems[0].code == "excel_import.number_taken"
    assert by_row[11].logbook_no == 3 and "excel_import.number_given" in [p.code for p in by_row[11].problems]
    assert by_row[12].status is RowStatus.SKIPPED
    desk.excel_import.commit(plan)
    people = desk.database.query("SELECT c.uuid, count(v.id) AS visits FROM citizens c JOIN visits v "
                                 "ON v.citizen_id = c.id WHERE v.full_name = 'Đỗ Văn Tâm' GROUP BY c.uuid")
    assert [r["visits"] for r in people] == [2]  # one person, two visits: repeat visitors are found
    found = desk.intake.find_returning(name="do van tam")
    assert found and found[0]["full_name"] == "Đỗ Văn Tâm"
    # A denouncer is protected: the name is sealed, as the intake form does it.
    denouncer = desk.database.one("SELECT protected FROM citizens c JOIN visits v ON v.citizen_id = c.id "
                                  "WHERE v.logbook_no = 3 AND v.year = 2025")
    assert denouncer["protected"] == 1


def test_a_sheet_of_another_kind_is_refused_clearly(desk, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Cán bộ"
    ws.append(["Họ tên", "Chức vụ", "Điện thoại"])
    ws.append(["Trần Văn Cán", "Công chức", "0912345678"])
    path = tmp_path / "can-bo.xlsx"
    wb.save(path)
    with pytest.raises(UserError) as caught:
        desk.excel_import.plan(path)
    assert caught.value.code == "excel_import.not_a_logbook" and "Cán bộ" in caught.value.render("vi")


def test_a_corrected_mapping_is_saved_for_next_time(desk, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Số", "Ngày", "Người đến", "Việc", "Loại"])
    ws.append([1, "03/02/2025", "Mai Văn Sơn, thôn 3", "Kiến nghị sửa đường", "KNg"])
    path = tmp_path / "so-rieng.xlsx"
    wb.save(path)
    preview = desk.excel_import.inspect(path)
    layout = preview.sheet().layout
    mapping = {0: "logbook_no", 1: "visit_date", 2: "name_address", 3: "summary", 4: "content_type"}
    edited = layout.with_mapping(mapping)
    assert edited.is_logbook
    desk.excel_import.save_mapping(edited)
    again = desk.excel_import.inspect(path).sheet().layout
    assert again.mapping == mapping
    plan = desk.excel_import.plan(path)
    assert plan.to_write == 1


def test_the_desks_own_logbook_export_comes_back_identical(desk, blank_desk_for_import, tmp_path):
    """A logbook exported to XLSX (with the identities, by a permitted user), imported into another desk of the same
    commune and exported again: every column is the same."""
    generate_into(desk.context, "commune", visits=150, until=date(2026, 3, 9))
    first = tmp_path / "so-xuat.xlsx"
    desk.exports.logbook_xlsx(first, include_protected=True)  # masked names would be refused, as they must
    other = blank_desk_for_import
    plan = other.excel_import.plan(first)
    assert plan.count(RowStatus.SKIPPED) == 0, [o for o in plan.outcomes if o.status is RowStatus.SKIPPED][:3]
    other.excel_import.commit(plan)
    second = tmp_path / "so-nhap-lai.xlsx"
    other.exports.logbook_xlsx(second, include_protected=True)
    rows_first = list(load_workbook(first, read_only=True).worksheets[0].iter_rows(values_only=True))
    rows_second = list(load_workbook(second, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert len(rows_first) > 100
    assert rows_second == rows_first


@pytest.fixture
def blank_desk_for_import(desk_templates, tmp_path, clock):
    from tests.services.conftest import _open_copy
    yield from _open_copy(desk_templates["ready"], tmp_path / "other.sqlite3", clock)


def test_legacy_text_detected_without_fonts(desk, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    _form_sheet(ws, [(_row(no=1, day="04/04/2024", who=from_unicode("Nguyễn Thị Thu, thôn Đông", Encoding.TCVN3),
                           summary=from_unicode("Phản ánh việc xả rác ra đường", Encoding.VNI), kind="PA"), {})])
    path = tmp_path / "legacy.xlsx"
    wb.save(path)
    desk.excel_import.commit(desk.excel_import.plan(path))
    visit = desk.logbook.visits(ListRequest(filters={"year": 2024}), limit=5)[0]
    assert (visit["full_name"], visit["summary"]) == ("Nguyễn Thị Thu", "Phản ánh việc xả rác ra đường")

"""List exports to XLSX and CSV: exactly the rows the list services give for the same request, in their order, with
the printed logbook's columns; dates as dates and numbers as numbers; protected identities masked unless a permitted
user asks for them; every export audited; cancel and unwritable paths leave nothing behind."""

from __future__ import annotations

import csv
import unicodedata
import zipfile
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import openpyxl
import pytest

from receptiondesk.demo.loader import generate_into
from receptiondesk.documents.logbook import COLUMNS as PRINTED_COLUMNS
from receptiondesk.domain.accounts import MASKED_NAME
from receptiondesk.domain.cases import DirectionDraft
from receptiondesk.domain.text import fold
from receptiondesk.errors import UserError
from receptiondesk.interchange import spreadsheet
from receptiondesk.services.followup import FollowupRequest, FollowupView
from receptiondesk.storage.listing import ListRequest
from tests.services.helpers import PASSWORD, USERNAME, assignment, audit, case, citizen, no_paper, session, visit

SECRET_NAME = "Hoàng Thị Bảo Mật"
SECRET_ID = "001190012345"
SECRET_PHONE = "0987654321"
SECRET_ADDRESS = "Số 9 ngõ Kín Đáo"
TEMPORARY_PASSWORD = "mật khẩu tạm 1"


# -- reading back ------------------------------------------------------------------------------------------------

def _sheet_rows(path: Path) -> list[list[Any]]:
    """Every row of every sheet, the header of each sheet included."""
    book = openpyxl.load_workbook(path)
    return [[cell.value for cell in row] for sheet in book.worksheets for row in sheet.iter_rows()]


def _csv_rows(path: Path) -> list[list[str]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def _all_pages(read) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    while True:
        page = read(len(out))
        out.extend(page)
        if len(page) < 1000:
            return out


def _day(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _file_text(path: Path) -> bytes:
    """All the bytes a reader could find: every part of an XLSX unzipped, or the file itself."""
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as archive:
            return b"".join(archive.read(name) for name in archive.namelist())
    return path.read_bytes()


def _forms(value: str) -> set[bytes]:
    """Every way the value could sit in a file: NFC, NFD, folded, upper case."""
    texts = {unicodedata.normalize("NFC", value), unicodedata.normalize("NFD", value), fold(value)}
    texts |= {t.upper() for t in texts} | {t.casefold() for t in texts}
    return {t.encode("utf-8") for t in texts}


def _export_audits(desk) -> list[dict[str, Any]]:
    return audit(desk, action="list.export")


# -- fixtures ----------------------------------------------------------------------------------------------------

@pytest.fixture
def generated(desk):
    """A commune's year of generated records (visits, cases, sessions, assignments)."""
    generate_into(desk.context, "commune", visits=600, until=date(2026, 3, 9))
    return desk


@pytest.fixture
def book(desk):
    """Four visits with every kind of logbook cell: guided with a document, transferred, accepted with a citizen ID,
    answered with notes (registered out of date order)."""
    guided = desk.intake.register_visit(visit(
        when="2026-02-10", who=no_paper("Lê Thị Bình", address="Thôn Hòa Bình"), summary="Kiến nghị trợ cấp",
        headcount=7, representatives=["Lê Thị Bình", "Lê Văn Cường"], prior_handler="UBND xã cũ",
        direction=DirectionDraft("guided", direction_body="UBND tỉnh", direction_doc="3/HD-UBND", in_competence=False),
        cases=[case("petition", "social_policy", "Kiến nghị trợ cấp")]))
    transferred = desk.intake.register_visit(visit(
        when="2025-12-20", who=no_paper("Phạm Văn Dũng", address="Xóm Đông"), summary="=Phản ánh ô nhiễm",
        direction=DirectionDraft("transferred", direction_body="Phòng TN&MT", direction_doc="3/CV-UBND",
                                 in_competence=False),
        cases=[case("report", "environment", "Phản ánh ô nhiễm")]))
    accepted = desk.intake.register_visit(visit(
        when="2026-01-05", who=citizen("Trần Văn An", address="Thôn 1"), summary="Khiếu nại cấp đất"))
    answered = desk.intake.register_visit(visit(
        when="2026-03-09", who=citizen("Trần Văn An", address="Thôn 1"), citizen_uuid=accepted.citizen_uuid,
        summary="Hỏi tiến độ", case_uuids=[accepted.case_uuids[0]], notes="Đã giải thích",
        direction=DirectionDraft("answered")))
    return SimpleNamespace(desk=desk, guided=guided, transferred=transferred, accepted=accepted, answered=answered)


@pytest.fixture
def denouncer(desk):
    """A denouncer (a protected person) with a visit, a case and an assignment on it, beside an ordinary visitor."""
    result = desk.intake.register_visit(visit(
        when="2026-03-02", who=citizen(SECRET_NAME, id_number=SECRET_ID, birth_year=1990, gender="female",
                                       phone=SECRET_PHONE, address=SECRET_ADDRESS),
        cases=[case("denunciation", "corruption", "Tố cáo cán bộ địa chính nhận tiền")]))
    desk.intake.register_visit(visit(when="2026-03-03", who=citizen("Nguyễn Văn Đức")))
    desk.followup.create_assignment(assignment(result.case_uuids[0], deadline="2026-03-20"))
    return result


def _user(desk, *, can_see_protected: bool, role: str = "officer") -> None:
    """Sign in as a new user of `role`."""
    name = f"{role}{int(can_see_protected)}"
    desk.accounts.add_user(desk.context.session, name, f"Người dùng {role}", role, TEMPORARY_PASSWORD,
                           can_see_protected=can_see_protected)
    desk.logout()
    desk.login(name, TEMPORARY_PASSWORD)


# -- the logbook ---------------------------------------------------------------------------------------------------

def test_logbook_has_the_printed_columns_and_the_cells_of_each_row(book, tmp_path):
    desk = book.desk
    path = tmp_path / "so.xlsx"
    assert desk.exports.logbook_xlsx(path) == 4
    rows = _sheet_rows(path)
    assert rows[0] == [" ".join(title.split()) for title in PRINTED_COLUMNS]
    assert len(rows[0]) == 13 and rows[0][6] == "Số người"
    by_date = {row[1]: row for row in rows[1:]}
    assert [row[1] for row in rows[1:]] == sorted(by_date)  # the logbook's order: the oldest visit first
    assert by_date[datetime(2026, 2, 10)] == [
        1, datetime(2026, 2, 10), "Lê Thị Bình, Thôn Hòa Bình", None, "Kiến nghị trợ cấp", "Kiến nghị", 7,
        "UBND xã cũ", None, "UBND tỉnh (văn bản số 3/HD-UBND)", None, None, None]
    assert by_date[datetime(2025, 12, 20)] == [
        1, datetime(2025, 12, 20), "Phạm Văn Dũng, Xóm Đông", None, "=Phản ánh ô nhiễm", "Phản ánh", 1, None,
        None, None, "Phòng TN&MT (văn bản số 3/CV-UBND)", None, None]
    accepted = by_date[datetime(2026, 1, 5)]
    assert accepted[2:9] == ["Trần Văn An, Thôn 1", "001085012345", "Khiếu nại cấp đất", "Khiếu nại", 1, None, "x"]
    assert by_date[datetime(2026, 3, 9)][12] == "Trả lời ngay; Đã giải thích"


def test_voided_visits_come_only_when_the_request_includes_them_and_say_so(book, tmp_path):
    desk = book.desk
    desk.voiding.void("visit", book.transferred.uuid, "Nhập trùng")
    path = tmp_path / "so.xlsx"
    assert desk.exports.logbook_xlsx(path) == 3
    assert desk.exports.logbook_xlsx(path, ListRequest(include_voided=True)) == 4
    voided = next(r for r in _sheet_rows(path)[1:] if r[1] == datetime(2025, 12, 20))
    assert voided[12] == "Đã hủy bỏ: Nhập trùng"


def test_logbook_filter_and_sort_give_exactly_the_list_services_rows(generated, tmp_path):
    desk = generated
    request = ListRequest(filters={"date_from": "2025-06-01", "date_to": "2025-09-30", "channel": "in_person"})
    expected = _all_pages(lambda offset: desk.logbook.visits(ListRequest(request.filters, "oldest"), 1000, offset))
    assert len(expected) > 50
    path = tmp_path / "so.xlsx"
    assert desk.exports.logbook_xlsx(path, request) == len(expected)
    rows = _sheet_rows(path)[1:]
    assert [(r[0], r[1], r[6]) for r in rows] == [
        (v["logbook_no"], _day(v["visit_date"]), v["headcount"]) for v in expected]
    assert all(isinstance(r[0], int) and isinstance(r[1], datetime) and isinstance(r[6], int) for r in rows)
    newest = ListRequest(request.filters, "newest")
    desk.exports.logbook_xlsx(path, newest)
    assert [r[:2] for r in _sheet_rows(path)[1:]] == [r[:2] for r in reversed(rows)]


def test_logbook_csv_holds_the_same_rows_as_the_xlsx(generated, tmp_path):
    desk = generated
    request = ListRequest(filters={"year": 2025, "content_type": "complaint"})
    written = desk.exports.logbook_xlsx(tmp_path / "so.xlsx", request)
    assert desk.exports.logbook_csv(tmp_path / "so.csv", request) == written
    sheet, table = _sheet_rows(tmp_path / "so.xlsx"), _csv_rows(tmp_path / "so.csv")
    assert table[0] == sheet[0] and len(table) == written + 1

    def as_csv(value: Any) -> str:
        if isinstance(value, datetime):
            return value.date().isoformat()
        return "" if value is None else str(value)

    assert table[1:] == [[as_csv(v) for v in row] for row in sheet[1:]]


# -- the other lists ---------------------------------------------------------------------------------------------

def test_cases_export_gives_exactly_the_case_list(generated, tmp_path):
    desk = generated
    request = ListRequest(filters={"status": "in_progress", "received_from": "2025-03-01"}, sort="due")
    expected = _all_pages(lambda offset: desk.cases.list(request, 1000, offset))
    assert expected
    path = tmp_path / "vu-viec.xlsx"
    assert desk.exports.cases_xlsx(path, request) == len(expected)
    rows = _sheet_rows(path)
    assert rows[0][:4] == ["Ngày tiếp nhận", "Loại đơn", "Lĩnh vực", "Công dân"]
    assert [(r[0], r[4], r[10], r[15]) for r in rows[1:]] == [
        (_day(c["received_on"]), c["summary"], _day(c["due_date"]), c["visit_count"]) for c in expected]
    assert {r[9] for r in rows[1:]} == {"Đang xử lý"}
    assert all(isinstance(r[15], int) for r in rows[1:])
    assert desk.exports.cases_csv(tmp_path / "vu-viec.csv", request) == len(expected)


def test_sessions_export_gives_exactly_the_session_list(generated, tmp_path):
    desk = generated
    request = ListRequest(filters={"status": "held", "date_from": "2025-10-01"})
    expected = _all_pages(lambda offset: desk.sessions.list(request, 1000, offset))
    assert expected
    path = tmp_path / "ky-tiep.xlsx"
    assert desk.exports.sessions_xlsx(path, request) == len(expected)
    rows = _sheet_rows(path)
    assert rows[0][0] == "Ngày tiếp"
    assert [(r[0], r[3], r[9], r[11]) for r in rows[1:]] == [
        (_day(s["session_date"]), s["leader_name"], s["case_count"], s["visit_count"]) for s in expected]
    assert {r[8] for r in rows[1:]} == {"Đã tổ chức"}
    assert rows[1][1] in ("Chính quyền", "Đảng")


def test_followup_export_gives_exactly_the_followup_rows(generated, tmp_path):
    desk = generated
    request = FollowupRequest(view=FollowupView.ALL)
    keys = desk.followup.keys(request)
    expected = desk.followup.rows(keys, request)
    assert expected
    path = tmp_path / "theo-doi.xlsx"
    assert desk.exports.followup_xlsx(path, request) == len(keys)
    rows = _sheet_rows(path)
    assert rows[0][:3] == ["Tình trạng", "Loại", "Hạn"]
    assert [(r[3], r[5], r[8], r[10]) for r in rows[1:]] == [
        (e["days_late"], e["case_summary"], e["assignee"] or None, _day(e["assigned_on"])) for e in expected]
    states = {"overdue": "Quá hạn", "due_soon": "Sắp đến hạn", "waiting_result": "Chờ kết quả",
              "waiting_tell": "Đã có kết quả: cần thông báo", "result_in": "Có kết quả, chưa thông báo",
              "told": "Đã thông báo công dân"}
    assert [r[0] for r in rows[1:]] == [states[e["state"]] for e in expected]
    overdue = [r for r in rows[1:] if r[0] == "Quá hạn"]
    assert overdue and all(isinstance(r[3], int) and r[3] > 0 for r in overdue)
    assert desk.exports.followup_csv(tmp_path / "theo-doi.csv", FollowupRequest(view="overdue")) == len(
        desk.followup.keys(FollowupRequest(view="overdue")))


def test_an_empty_list_is_a_header_alone(desk, tmp_path):
    path = tmp_path / "trong.xlsx"
    assert desk.exports.cases_xlsx(path) == 0
    assert len(_sheet_rows(path)) == 1


# -- privacy -----------------------------------------------------------------------------------------------------

def _exports_of_everything(desk, folder: Path, **kw) -> list[Path]:
    paths = [folder / name for name in ("so.xlsx", "so.csv", "vu-viec.xlsx", "vu-viec.csv", "theo-doi.xlsx")]
    desk.exports.logbook_xlsx(paths[0], **kw)
    desk.exports.logbook_csv(paths[1], **kw)
    desk.exports.cases_xlsx(paths[2], **kw)
    desk.exports.cases_csv(paths[3], **kw)
    desk.exports.followup_xlsx(paths[4], **kw)
    return paths


def test_a_protected_denouncer_never_appears_for_a_user_without_the_permission(desk, denouncer, tmp_path):
    _user(desk, can_see_protected=False)
    for path in _exports_of_everything(desk, tmp_path):
        content = _file_text(path)
        for value in (SECRET_NAME, SECRET_ID, SECRET_PHONE, SECRET_ADDRESS):
            for form in _forms(value):
                assert form not in content, (path.name, form)
        assert MASKED_NAME.encode() in content, path.name
        assert "Nguyễn Văn Đức".encode() in content or path.name.startswith("theo-doi")
    rows = _sheet_rows(tmp_path / "so.xlsx")
    masked = next(r for r in rows if r[1] == datetime(2026, 3, 2))
    assert masked[2:4] == [MASKED_NAME, None]  # the form's mask and no ID, as the printed logbook
    with pytest.raises(UserError) as caught:
        desk.exports.logbook_xlsx(tmp_path / "lo.xlsx", include_protected=True)
    assert caught.value.code == "auth.not_permitted"
    assert not (tmp_path / "lo.xlsx").exists()
    details = [r["detail"] for r in _export_audits(desk)]
    assert len(details) == 5 and {d["protected_identities"] for d in details} == {"withheld"}


def test_a_permitted_user_gets_the_mask_unless_asking_and_the_identity_when_asking_audited(desk, denouncer,
                                                                                             tmp_path):
    masked = tmp_path / "masked.xlsx"
    desk.exports.logbook_xlsx(masked)  # the administrator may see protected identities, but did not ask
    assert not any(form in _file_text(masked) for form in _forms(SECRET_NAME))
    (tmp_path / "open").mkdir()
    for path in _exports_of_everything(desk, tmp_path / "open", include_protected=True):
        assert SECRET_NAME.encode() in _file_text(path), path.name
    rows = _sheet_rows(tmp_path / "open" / "so.xlsx")
    shown = next(r for r in rows if r[1] == datetime(2026, 3, 2))
    assert shown[2:4] == [f"{SECRET_NAME}, {SECRET_ADDRESS}", SECRET_ID]
    exports = _export_audits(desk)
    assert [r["actor"] for r in exports] == [USERNAME] * 6
    assert exports[0]["detail"]["protected_identities"] == "withheld"
    included = [r["detail"] for r in exports[1:]]
    assert {d["protected_identities"] for d in included} == {"included"}
    assert [(d["list"], d["format"], d["protected_rows"]) for d in included] == [
        ("logbook", "xlsx", 1), ("logbook", "csv", 1), ("cases", "xlsx", 1), ("cases", "csv", 1),
        ("followup", "xlsx", 1)]
    assert [r["entity"] for r in exports[1:]] == ["visits", "visits", "cases", "cases", "assignments"]


def test_the_audit_names_the_filters_but_never_their_values(desk, denouncer, tmp_path):
    desk.exports.logbook_xlsx(tmp_path / "a.xlsx", ListRequest(filters={"id_number": SECRET_ID, "date_to": ""}))
    (row,) = _export_audits(desk)
    assert row["detail"] == {"list": "logbook", "format": "xlsx", "file": "a.xlsx", "rows": 0,
                             "filters": ["id_number"], "sort": "oldest", "include_voided": False,
                             "protected_identities": "withheld"}
    assert SECRET_ID not in str(row)


def test_a_viewer_may_export_and_a_signed_out_desk_may_not(desk, denouncer, tmp_path):
    _user(desk, can_see_protected=False, role="viewer")
    assert desk.exports.sessions_csv(tmp_path / "ky.csv") == 0
    assert desk.exports.logbook_csv(tmp_path / "so.csv") == 2
    desk.logout()
    with pytest.raises(UserError) as caught:
        desk.exports.logbook_csv(tmp_path / "khac.csv")
    assert caught.value.code == "auth.signed_out"
    assert not (tmp_path / "khac.csv").exists()
    desk.login(USERNAME, PASSWORD)


# -- cancel and errors -------------------------------------------------------------------------------------------

def test_cancel_removes_the_file_leaves_no_temporary_and_audits_nothing(generated, tmp_path, monkeypatch):
    desk = generated
    monkeypatch.setattr(spreadsheet, "STEP", 100)
    out = tmp_path / "out"
    out.mkdir()
    seen: list[int] = []
    for export in (desk.exports.logbook_xlsx, desk.exports.logbook_csv):
        seen.clear()
        with pytest.raises(UserError) as caught:
            export(out / "huy.out", progress=seen.append, cancelled=lambda: len(seen) >= 2)
        assert caught.value.code == "spreadsheet.cancelled"
        assert seen == [100, 200]
        assert list(out.iterdir()) == []
    assert _export_audits(desk) == []


def test_an_unwritable_path_is_a_clear_error_and_nothing_is_audited(desk, denouncer, tmp_path):
    target = tmp_path / "không có thư mục" / "so.xlsx"
    with pytest.raises(UserError) as caught:
        desk.exports.logbook_xlsx(target)
    assert caught.value.code == "spreadsheet.folder_missing"
    rendered = caught.value.render("vi")
    assert "so.xlsx" in rendered and str(target.parent) in rendered and "thư mục" in rendered
    assert _export_audits(desk) == []


def test_a_bad_filter_fails_before_any_file_is_made(desk, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(UserError) as caught:
        desk.exports.cases_xlsx(out / "a.xlsx", ListRequest(filters={"no_such_filter": 1}))
    assert caught.value.code == "list.unknown_filter"
    assert list(out.iterdir()) == []


def test_a_session_list_names_no_one_and_keeps_its_numbers(desk, tmp_path):
    desk.sessions.schedule(session("2026-03-12", subject="Tiếp định kỳ"))
    path = tmp_path / "ky.xlsx"
    assert desk.exports.sessions_xlsx(path) == 1
    (header, row) = _sheet_rows(path)
    assert row[0] == datetime(2026, 3, 12) and row[3] == "Lê Văn Chủ" and row[8] == "Dự kiến"
    assert row[9:12] == [0, 0, 0]

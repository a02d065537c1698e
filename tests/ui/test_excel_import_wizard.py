"""The import wizard for old Excel logbooks over a real desk, driven by keys: the Mẫu 03/TCD workbook of the
interchange tests goes through the five steps (file, sheet, columns, row report, import) and its visits land in the
logbook; the counts shown are the service's; a file that cannot be read, a sheet that is not a logbook and a
workbook imported before are said on the page; a column matched differently changes the report; closing before the
import writes nothing; users who may not record see no way in."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from receptiondesk.interchange import excel_logbook
from receptiondesk.services.excel_import import MAPPING_SETTING, RowStatus
from receptiondesk.storage.listing import ListRequest
from receptiondesk.ui.dialogs.excel_import_wizard import FILE, IMPORT, MAPPING, REPORT, SHEET, ExcelImportWizard
from receptiondesk.ui.screens.logbook_screen import LogbookScreen
from tests.interchange.test_excel_logbook import _big_book, _form_sheet, _row, form_book  # noqa: F401 - a fixture
from tests.services.helpers import counts
from tests.ui.helpers import choose, ctrl, hold_progress, key, show_active

pytestmark = pytest.mark.gui

SIZE = (1092, 580)
OFFICER, OFFICER_PASSWORD = "canbo2", "mật khẩu cán bộ 2"
NOTES_COLUMN, SUMMARY_COLUMN = 12, 4


@pytest.fixture
def pick(monkeypatch):
    """`pick(path)` answers the open dialog with `path` (or with nothing: None); the captions asked are kept."""
    asked: list[str] = []

    def answering(path: Path | None) -> list[str]:
        def dialog(parent, caption, folder, filters, *args, **kwargs):
            asked.append(caption)
            assert "*.xlsx" in filters and "*.csv" in filters
            return (str(path), filters.split(";;")[0]) if path is not None else ("", "")

        monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
        return asked

    return answering


@pytest.fixture
def questions(questions, monkeypatch):
    """The questions asked (tests/ui/conftest.py); and no error box may open."""
    for box in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, box, lambda *args, **kwargs: pytest.fail("no message box"))
    return questions


@pytest.fixture
def wizard(qtbot, desk):
    shown = show_active(qtbot, ExcelImportWizard(desk), SIZE)
    yield shown
    shown.close_wizard()


def enter(qtbot, wizard) -> None:
    """Enter, as the officer presses it on the page's focused widget."""
    target = wizard.focusWidget() or wizard
    key(qtbot, target, Qt.Key.Key_Return)


def idle(qtbot, wizard, timeout: int = 20_000) -> None:
    qtbot.waitUntil(lambda: not wizard.running, timeout=timeout)


def to_mapping(qtbot, wizard, path: Path, pick) -> None:
    """Enter on the first page opens the file dialog; the workbook is read; Enter on the sheet page goes on."""
    pick(path)
    enter(qtbot, wizard)
    idle(qtbot, wizard)
    assert wizard.page == SHEET, wizard.file_error.text()
    enter(qtbot, wizard)
    assert wizard.page == MAPPING


def to_report(qtbot, wizard, path: Path, pick) -> None:
    to_mapping(qtbot, wizard, path, pick)
    enter(qtbot, wizard)
    idle(qtbot, wizard)
    assert wizard.page == REPORT and wizard.plan is not None, wizard.report_message.text()


def shown_counts(wizard) -> dict[RowStatus, int]:
    return {status: int(label.text().replace(".", "")) for status, label in wizard.count_values.items()}


def shown_rows(wizard) -> list[tuple[int, str, str]]:
    model = wizard.outcome_model
    return [(model.data(model.index(row, 0)), model.data(model.index(row, 1)), model.data(model.index(row, 4)))
            for row in range(model.rowCount())]


# -- the whole way -------------------------------------------------------------------------------------------------

def test_a_workbook_goes_through_every_step_into_the_logbook(qtbot, desk, wizard, form_book, pick,  # noqa: F811
                                                             questions):
    expected = desk.excel_import.plan(form_book)
    assert wizard.page == FILE and wizard.next_button.isDefault()
    asked = pick(form_book)
    enter(qtbot, wizard)
    assert asked == ["Chọn sổ cũ"]
    idle(qtbot, wizard)

    # The sheet: the form's sheet, marked as a logbook, chosen.
    assert wizard.page == SHEET
    item = wizard.sheet_list.currentItem()
    assert item.text().startswith("✔  Sổ 2024") and "dòng 5" in item.text()
    enter(qtbot, wizard)

    # The columns: the guess in the boxes above the columns, the rows under them, converted to Unicode.
    assert wizard.page == MAPPING
    layout = wizard.preview.sheet("Sổ 2024").layout
    assert wizard.mapping() == layout.mapping and len(wizard.combos) == 13
    assert wizard.combos[1].currentText() == "Ngày tiếp"
    assert wizard.combos[NOTES_COLUMN].itemText(0) == "(bỏ qua cột này)"
    assert wizard.field_table.horizontalHeaderItem(2).text() == "C: Họ tên, địa chỉ của người được tiếp"
    sample = wizard.sample_table
    assert sample.verticalHeaderItem(0).text() == "8"
    assert sample.item(1, 2).text() == "Nguyễn Văn Đức Thôn 3, xã Tân Thành"
    assert sample.item(1, 4).text() == "Tranh chấp đất đai với hộ liền kề"
    assert wizard.mapping_status.text().startswith("13 cột đã ghép")
    assert wizard.remember.isChecked()
    enter(qtbot, wizard)
    idle(qtbot, wizard)

    # The row report: the service's counts, every row with its fate, filterable.
    assert wizard.page == REPORT
    assert shown_counts(wizard) == {status: expected.count(status) for status in RowStatus}
    assert shown_counts(wizard)[RowStatus.SKIPPED] == 1
    rows = shown_rows(wizard)
    assert [number for number, _, _ in rows] == [o.number for o in expected.outcomes]
    by_row = {number: (status, problems) for number, status, problems in rows}
    assert by_row[14] == ("Bỏ qua", "Dòng cộng, tổng: bỏ qua.")
    assert by_row[9][0] == "Nhập có cảnh báo" and "TCVN3" in by_row[9][1]
    key(qtbot, wizard.filter_buttons[1], Qt.Key.Key_Space)
    assert wizard.filter_buttons[1].text() == f"Có cảnh báo ({expected.count(RowStatus.WARNED)})"
    assert {status for _, status, _ in shown_rows(wizard)} == {"Nhập có cảnh báo"}
    assert len(shown_rows(wizard)) == expected.count(RowStatus.WARNED)
    key(qtbot, wizard.filter_buttons[2], Qt.Key.Key_Space)
    assert [number for number, _, _ in shown_rows(wizard)] == [14]
    assert wizard.next_button.text() == "Nhập 5 dòng vào sổ (Enter)"
    assert counts(desk)["visits"] == 0  # nothing written before the last step
    saved = json.loads(desk.database.scalar("SELECT value FROM settings WHERE key = ?", (MAPPING_SETTING,)))
    assert list(saved.values())[0]["Ghi chú"] == "notes"  # the mapping, remembered

    # The import: written, summed up, in the logbook.
    imported = []
    wizard.imported.connect(imported.append)
    wizard.outcome_table.setFocus()
    enter(qtbot, wizard)
    idle(qtbot, wizard)
    assert wizard.page == IMPORT and wizard.report is not None, wizard.import_status.text()
    assert imported == [wizard.report]
    summary = wizard.summary.text()
    assert "5 lượt tiếp đã ghi vào sổ" in summary and "(năm 2024)" in summary
    cases_written = wizard.report.by_entity()["case"]["new"]
    assert f"{cases_written} vụ việc" in summary
    visits = desk.logbook.visits(ListRequest(filters={"year": 2024}), limit=50)
    assert sorted(v["logbook_no"] for v in visits) == [1, 2, 3, 4, 5]
    assert {v["full_name"] for v in visits} >= {"Trần Thị Ánh", "Nguyễn Văn Đức", "Lê Văn Bình", "Phạm Thị Hoa"}
    assert wizard.next_button.text() == "Đóng (Enter)"
    enter(qtbot, wizard)
    assert not wizard.isVisible()
    assert questions[0] == []  # closing after the import asks nothing


# -- files and sheets that cannot be imported ---------------------------------------------------------------------

def test_a_file_that_cannot_be_read_is_said_on_the_page(qtbot, wizard, tmp_path, pick, questions):
    old = tmp_path / "so cu.xls"
    old.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 600)
    pick(old)
    enter(qtbot, wizard)
    idle(qtbot, wizard)
    assert wizard.page == FILE and wizard.file_error.isVisible()
    assert "“so cu.xls” là tệp Excel đời cũ (.xls)" in wizard.file_error.text()
    assert "lưu lại dạng .xlsx" in wizard.file_error.text()
    assert "Traceback" not in wizard.file_error.text()
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    pick(broken)
    ctrl(qtbot, wizard, Qt.Key.Key_O)
    idle(qtbot, wizard)
    assert wizard.page == FILE and "bị hỏng" in wizard.file_error.text()
    pick(None)  # the officer cancels the file dialog: nothing changes
    enter(qtbot, wizard)
    assert wizard.page == FILE and not wizard.running


def test_a_sheet_of_another_kind_is_marked_and_an_empty_one_cannot_be_chosen(qtbot, wizard, tmp_path, pick):
    book = openpyxl.Workbook()
    book.active.title = "Trống"
    staff = book.create_sheet("Cán bộ")
    staff.append(["Họ tên", "Chức vụ", "Điện thoại"])
    staff.append(["Trần Văn Cán", "Công chức", "0912345678"])
    _form_sheet(book.create_sheet("Sổ"), [(_row(no=1, day="05/03/2024", who="Lê Thị Mai", summary="Hỏi"), {})])
    path = tmp_path / "nhieu-trang.xlsx"
    book.save(path)
    pick(path)
    enter(qtbot, wizard)
    idle(qtbot, wizard)
    items = [wizard.sheet_list.item(row) for row in range(wizard.sheet_list.count())]
    assert [item.text().split("\n")[0] for item in items] == ["✘  Trống", "✘  Cán bộ", "✔  Sổ"]
    assert "không có dữ liệu" in items[0].text() and not items[0].flags() & Qt.ItemFlag.ItemIsEnabled
    assert "thiếu cột" in items[1].text() and "tự ghép cột" in items[1].text()
    assert wizard.sheet_list.currentItem() is items[2]  # the logbook is proposed
    wizard.sheet_list.setCurrentItem(items[1])
    enter(qtbot, wizard)
    assert wizard.page == MAPPING and not wizard.next_button.isEnabled()
    assert "Còn thiếu: cột cho “Ngày tiếp”" in wizard.mapping_status.text()


# -- the columns matched differently ------------------------------------------------------------------------------

def test_a_column_matched_differently_changes_the_row_report(qtbot, desk, wizard, form_book, pick,  # noqa: F811
                                                            questions):
    to_mapping(qtbot, wizard, form_book, pick)
    # The summary column left out: the content is missing, named, and the wizard does not go on.
    choose(qtbot, wizard.combos[SUMMARY_COLUMN], "(bỏ qua cột này)")
    assert not wizard.next_button.isEnabled()
    assert wizard.mapping_status.text() == ("Còn thiếu: cột cho “Nội dung vụ việc”. Hãy chọn ở ô phía trên cột "
                                            "đó.")
    enter(qtbot, wizard)
    assert wizard.page == MAPPING
    # A field given to two columns is refused, naming both.
    choose(qtbot, wizard.combos[SUMMARY_COLUMN], "Ghi chú")
    assert "(E, M)" in wizard.mapping_status.text() and not wizard.next_button.isEnabled()
    # The notes column as the content: only the row with notes has content now.
    choose(qtbot, wizard.combos[SUMMARY_COLUMN], "(bỏ qua cột này)")
    choose(qtbot, wizard.combos[NOTES_COLUMN], "Nội dung vụ việc")
    assert wizard.next_button.isEnabled()
    wizard.remember.setChecked(False)
    mapping = wizard.mapping()
    assert mapping[NOTES_COLUMN] == "summary" and SUMMARY_COLUMN not in mapping
    enter(qtbot, wizard)
    idle(qtbot, wizard)
    layout = desk.excel_import.inspect(form_book).sheet().layout.with_mapping(mapping)
    expected = desk.excel_import.plan(form_book, layout=layout)
    assert expected.to_write == 1
    assert shown_counts(wizard) == {status: expected.count(status) for status in RowStatus}
    assert wizard.plan.layout.mapping == mapping
    skipped = {number: problems for number, status, problems in shown_rows(wizard) if status == "Bỏ qua"}
    assert "Nội dung vụ việc: dòng không có nội dung vụ việc: bỏ qua." in skipped[8]
    assert desk.database.scalar("SELECT value FROM settings WHERE key = ?", (MAPPING_SETTING,)) is None
    # Back to the columns: the choices are kept; the notes column left out is imported without its notes.
    qtbot.mouseClick(wizard.back_button, Qt.MouseButton.LeftButton)
    assert wizard.page == MAPPING and wizard.mapping() == mapping
    choose(qtbot, wizard.combos[NOTES_COLUMN], "(bỏ qua cột này)")
    choose(qtbot, wizard.combos[SUMMARY_COLUMN], "Nội dung vụ việc")
    enter(qtbot, wizard)
    idle(qtbot, wizard)
    assert wizard.plan.to_write == 5
    enter(qtbot, wizard)
    idle(qtbot, wizard)
    visit = desk.logbook.visits(ListRequest(filters={"year": 2024}), limit=50)
    assert {v["logbook_no"]: v["notes"] for v in visit}[5] == ""


# -- nothing new, closing early, stopping ----------------------------------------------------------------------

def test_the_same_workbook_again_says_nothing_new(qtbot, desk, wizard, form_book, pick, questions):  # noqa: F811
    desk.excel_import.commit(desk.excel_import.plan(form_book))
    before = counts(desk)
    to_report(qtbot, wizard, form_book, pick)
    assert shown_counts(wizard)[RowStatus.ALREADY] == 5
    message = wizard.report_message.text()
    assert message.startswith("Không có dòng mới để nhập từ tệp “so-tiep-cong-dan-2024.xlsx”")
    assert "5 dòng đã nhập từ trước" in message and wizard.report_message.styleSheet() != "color: #b00020;"
    assert not wizard.next_button.isEnabled()
    enter(qtbot, wizard)
    assert wizard.page == REPORT and counts(desk) == before
    key(qtbot, wizard.outcome_table, Qt.Key.Key_Escape)  # nothing to lose: no question
    assert not wizard.isVisible() and questions[0] == []


def test_closing_before_the_import_asks_and_writes_nothing(qtbot, desk, wizard, form_book, pick,  # noqa: F811
                                                          questions):
    asked, answers = questions
    before = counts(desk)
    to_report(qtbot, wizard, form_book, pick)
    key(qtbot, wizard.outcome_table, Qt.Key.Key_Escape)
    assert asked == ["Đóng mà không nhập? Kết quả kiểm tra các dòng sẽ mất; chưa có gì được ghi vào sổ."]
    assert wizard.isVisible()  # No: the row report stays
    answers.append(QMessageBox.StandardButton.Yes)
    key(qtbot, wizard.outcome_table, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    assert counts(desk) == before


def test_stopping_the_check_of_the_rows_imports_nothing(qtbot, desk, wizard, tmp_path, pick, questions,
                                                        monkeypatch):
    """Progress every row; the worker waits after its first report until Stop was pressed."""
    book = openpyxl.Workbook()
    _form_sheet(book.active, [(_row(no=n, day="05/03/2024", who=f"Người {n}", summary="Hỏi"), {})
                              for n in range(1, 30)])
    path = tmp_path / "dai.xlsx"
    book.save(path)
    to_mapping(qtbot, wizard, path, pick)
    monkeypatch.setattr(excel_logbook, "STEP", 1)
    pressed = hold_progress(monkeypatch)
    enter(qtbot, wizard)
    assert wizard.page == REPORT and wizard.running == "plan" and wizard.stop_button.isVisible()
    qtbot.waitUntil(lambda: "dòng đã đọc" in wizard.plan_status.text(), timeout=5000)
    qtbot.mouseClick(wizard.stop_button, Qt.MouseButton.LeftButton)
    pressed.set()
    idle(qtbot, wizard)
    assert wizard.plan is None
    assert wizard.report_message.text() == "Đã dừng đọc tệp “dai.xlsx”: chưa nhập dữ liệu nào."
    assert wizard.next_button.text() == "Kiểm tra các dòng (Enter)" and wizard.next_button.isEnabled()
    enter(qtbot, wizard)  # check again (the progress no longer waits: the event is set)
    idle(qtbot, wizard)
    assert wizard.plan is not None and wizard.plan.to_write == 29
    assert counts(desk)["visits"] == 0


@pytest.mark.slow
def test_a_large_logbook_goes_into_an_empty_desk_while_the_window_is_open(qtbot, desk, wizard, tmp_path, pick,
                                                                        questions):
    path = _big_book(tmp_path / "so-lon.xlsx", 3500)  # 3 records a row: the bulk path
    to_report(qtbot, wizard, path, pick)
    assert wizard.plan.to_write == 3500 and len(wizard.plan.records) >= 10_000
    enter(qtbot, wizard)
    idle(qtbot, wizard, timeout=60_000)
    assert wizard.report is not None, wizard.import_status.text()
    assert desk.database.scalar("SELECT count(*) FROM visits") == 3500


# -- the way in -----------------------------------------------------------------------------------------------------

def test_the_logbook_screen_opens_the_wizard_and_shows_what_was_imported(qtbot, desk, form_book, pick,  # noqa: F811
                                                                         questions):
    screen = show_active(qtbot, LogbookScreen(desk), SIZE)
    screen.refresh()
    assert screen.import_button.isVisible() and screen.import_button.text() == "Nhập sổ cũ từ Excel… (Ctrl+I)"
    ctrl(qtbot, screen.table, Qt.Key.Key_I)
    wizard = screen.import_wizard
    assert wizard is not None and wizard.isVisible() and wizard.isModal()
    to_report(qtbot, wizard, form_book, pick)
    enter(qtbot, wizard)
    idle(qtbot, wizard)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 5, timeout=10_000)
    enter(qtbot, wizard)
    qtbot.waitUntil(lambda: screen.import_wizard is None)
    screen.close_screen()


@pytest.mark.parametrize("role", ["leader", "viewer"])
def test_a_user_who_may_not_record_sees_no_way_in(qtbot, desk, monkeypatch, role):
    desk.accounts.add_user(desk.context.session, OFFICER, "Người Dùng Thứ Hai", role, OFFICER_PASSWORD)
    desk.logout()
    desk.login(OFFICER, OFFICER_PASSWORD)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: pytest.fail("no import allowed"))
    screen = show_active(qtbot, LogbookScreen(desk), SIZE)
    screen.refresh()
    assert screen.import_button.isHidden()
    ctrl(qtbot, screen.table, Qt.Key.Key_I)
    assert screen.import_old_logbook() is None and screen.import_wizard is None
    screen.close_screen()

"""The list screens' "Export Excel…" button over a real desk: each of the logbook, the cases, the sessions and the
follow-up writes exactly the list its filters and sort show (the rows and order of the list services for the same
request), with the Vietnamese header, off the GUI thread; protected identities stay masked unless a permitted user
asks for them; a stopped export leaves no file, a failed one says why in Vietnamese; users who may not export see
no button."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from receptiondesk.demo.loader import generate_into
from receptiondesk.domain.accounts import MASKED_NAME
from receptiondesk.errors import UserError
from receptiondesk.interchange import spreadsheet
from receptiondesk.services.followup import FollowupRequest
from receptiondesk.services.list_export import CASES, FOLLOWUP, LOGBOOK, SESSIONS
from receptiondesk.storage.listing import ListRequest
from receptiondesk.ui.screens.cases_screen import CasesScreen
from receptiondesk.ui.screens.followup_screen import FollowupScreen
from receptiondesk.ui.screens.logbook_screen import LogbookScreen
from receptiondesk.ui.screens.sessions_screen import SessionsScreen
from receptiondesk.ui.widgets.export_button import STYLES, ExportButton
from tests.services.helpers import assignment, case, citizen, visit
from tests.ui.helpers import choose, hold_progress, open_desk, show_active, type_text

pytestmark = pytest.mark.gui

SIZE = (1092, 580)
SECRET_NAME = "Hoàng Thị Bảo Mật"
SECRET_ID = "001190012345"
OFFICER, OFFICER_PASSWORD = "canbo2", "mật khẩu cán bộ 2"


@pytest.fixture
def desk(tmp_path):
    """A commune's year of generated records up to 09/03/2026, and a denouncer (a protected person) who came on
    02/03/2026 with a case that has an assignment; the administrator "canbo" may see protected identities."""
    with open_desk(tmp_path) as opened:
        generate_into(opened.context, "commune", visits=200, until=date(2026, 3, 9))
        result = opened.intake.register_visit(visit(
            when="2026-03-02", who=citizen(SECRET_NAME, id_number=SECRET_ID, birth_year=1990, gender="female",
                                           address="Số 9 ngõ Kín Đáo"),
            summary="Tố cáo cán bộ địa chính nhận tiền",
            cases=[case("denunciation", "corruption", "Tố cáo cán bộ địa chính nhận tiền")]))
        opened.followup.create_assignment(assignment(result.case_uuids[0], deadline="2026-03-20",
                                                     assignee="Thanh tra xã"))
        yield opened


def sign_in_as(desk, role: str, *, can_see_protected: bool = False) -> None:
    desk.accounts.add_user(desk.context.session, OFFICER, "Người Dùng Thứ Hai", role, OFFICER_PASSWORD,
                           can_see_protected=can_see_protected)
    desk.logout()
    desk.login(OFFICER, OFFICER_PASSWORD)


@pytest.fixture
def save_to(monkeypatch):
    """`save_to(path, file_type)` answers the save dialog with `path`; the names it proposed are kept."""
    proposed: list[str] = []

    def answering(path: Path, file_type: str | None = None) -> list[str]:
        def dialog(parent, caption, name, filters, *args, **kwargs):
            proposed.append(Path(name).name)
            return str(path), file_type or filters.split(";;")[0]

        monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
        return proposed

    return answering


def export(qtbot, screen) -> None:
    """Click "Export Excel…" and wait for its worker to finish."""
    button = screen.export_button
    assert button.isVisible() and button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not button.running, timeout=20_000)


def sheet(path: Path) -> list[list[Any]]:
    book = openpyxl.load_workbook(path)
    return [[cell.value for cell in row] for sheet in book.worksheets for row in sheet.iter_rows()]


def day(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def all_pages(read) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    while True:
        page = read(len(rows))
        rows.extend(page)
        if len(page) < 1000:
            return rows


def cells(rows: list[list[Any]]) -> set[str]:
    return {str(value) for row in rows for value in row if value is not None}


# -- the logbook ---------------------------------------------------------------------------------------------------

def logbook_screen(qtbot, desk) -> LogbookScreen:
    screen = show_active(qtbot, LogbookScreen(desk), SIZE)
    screen.refresh()
    logbook_settled(qtbot, screen)
    return screen


def logbook_settled(qtbot, screen) -> None:
    qtbot.waitUntil(lambda: not screen._timer.isActive()
                    and not (screen._worker is not None and screen._worker.isRunning()), timeout=5000)


def test_the_logbook_exports_the_visits_of_the_dates_chosen_newest_first(qtbot, desk, tmp_path, save_to,
                                                                        questions):
    screen = logbook_screen(qtbot, desk)
    screen.date_from.setDate(QDate(2025, 12, 1))
    screen.date_to.setDate(QDate(2026, 2, 28))
    logbook_settled(qtbot, screen)
    request = ListRequest(filters={"date_from": "2025-12-01", "date_to": "2026-02-28"}, sort="newest")
    assert screen.request() == request
    expected = all_pages(lambda offset: desk.logbook.visits(request, 1000, offset))
    assert 10 < len(expected) < desk.logbook.count_visits()
    target = tmp_path / "so.xlsx"
    proposed = save_to(target)
    export(qtbot, screen)
    assert proposed == ["SoTiepCongDan_2026-03-10.xlsx"]
    assert questions[0] and "người tố cáo" in questions[0][0]  # the administrator may include identities: asked
    rows = sheet(target)
    assert rows[0] == list(LOGBOOK.header) and "Số người" in rows[0]
    assert [(row[0], row[1]) for row in rows[1:]] == [(v["logbook_no"], day(v["visit_date"])) for v in expected]
    shown = [screen.model.row_record(row)["logbook_no"] for row in range(screen.model.rowCount())]
    assert [row[0] for row in rows[1:]] == shown
    assert screen.count.text() == f"Đã xuất {len(expected)} dòng ra tệp {target}"
    assert screen.count.styleSheet() == STYLES["done"]
    screen.close_screen()


def test_a_search_cannot_be_exported_and_clearing_it_can(qtbot, desk):
    screen = logbook_screen(qtbot, desk)
    type_text(screen.search, "Nguyen")
    logbook_settled(qtbot, screen)
    assert not screen.export_button.isEnabled()
    assert "xóa nội dung ô tìm kiếm" in screen.export_button.toolTip()
    screen.search.clear()
    logbook_settled(qtbot, screen)
    assert screen.export_button.isEnabled() and "Ctrl+Shift+E" in screen.export_button.toolTip()
    screen.close_screen()


def test_a_protected_visitor_is_masked_for_a_user_not_allowed_to_see_them(qtbot, desk, tmp_path, save_to, questions):
    sign_in_as(desk, "officer")
    screen = logbook_screen(qtbot, desk)
    screen.date_from.setDate(QDate(2026, 3, 2))
    screen.date_to.setDate(QDate(2026, 3, 2))
    logbook_settled(qtbot, screen)
    target = tmp_path / "so.xlsx"
    save_to(target)
    export(qtbot, screen)
    assert questions[0] == []  # nothing to choose: the identities cannot be included
    rows = sheet(target)
    denouncer = [row for row in rows[1:] if row[4] == "Tố cáo cán bộ địa chính nhận tiền"]
    assert len(denouncer) == 1 and denouncer[0][2] == MASKED_NAME and denouncer[0][3] is None
    text = " ".join(cells(rows))
    assert SECRET_NAME not in text and SECRET_ID not in text and "Kín Đáo" not in text
    screen.close_screen()


def test_a_permitted_user_who_says_yes_gets_the_identities(qtbot, desk, tmp_path, save_to, questions):
    screen = logbook_screen(qtbot, desk)
    screen.date_from.setDate(QDate(2026, 3, 2))
    screen.date_to.setDate(QDate(2026, 3, 2))
    logbook_settled(qtbot, screen)
    masked, opened = tmp_path / "an-danh.xlsx", tmp_path / "day-du.xlsx"
    save_to(masked)
    export(qtbot, screen)  # the default answer, No: masked
    assert SECRET_NAME not in " ".join(cells(sheet(masked)))
    questions[1].append(QMessageBox.StandardButton.Yes)
    save_to(opened)
    export(qtbot, screen)
    text = " ".join(cells(sheet(opened)))
    assert SECRET_NAME in text and SECRET_ID in text
    assert len(questions[0]) == 2
    screen.close_screen()


# -- the cases -----------------------------------------------------------------------------------------------------

def cases_settled(qtbot, screen) -> None:
    qtbot.waitUntil(lambda: not screen._timer.isActive() and screen._worker is None, timeout=5000)


def click_header(qtbot, screen, column: int) -> None:
    header = screen.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


@pytest.mark.parametrize("file_type", ["xlsx", "csv"])
def test_the_cases_export_their_filter_and_sort(qtbot, desk, tmp_path, save_to, questions, file_type):
    screen = show_active(qtbot, CasesScreen(desk), SIZE)
    screen.refresh()
    cases_settled(qtbot, screen)
    choose(qtbot, screen.content_type, data="complaint")
    cases_settled(qtbot, screen)
    click_header(qtbot, screen, screen.model.COLUMNS.index("received_on"))  # the oldest first now
    cases_settled(qtbot, screen)
    request = screen.request()
    assert request.filters == {"content_type": "complaint"} and request.sort == "oldest"
    expected = desk.cases.list(request, limit=1000)
    assert 5 < len(expected) < len(desk.cases.list(ListRequest(), limit=1000))
    if file_type == "csv":  # the CSV file type chosen in the dialog: the proposed name's suffix follows it
        target = tmp_path / "vu-viec.xlsx"
        save_to(target, "Tệp CSV (*.csv)")
    else:
        target = tmp_path / "vu-viec.xlsx"
        save_to(target)
    export(qtbot, screen)
    written = target.with_suffix(f".{file_type}")
    assert written.exists() and (file_type == "xlsx" or not target.exists())
    if file_type == "csv":
        import csv

        with open(written, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        got = [(row[0], row[4]) for row in rows[1:]]
        assert got == [(c["received_on"], c["summary"]) for c in expected]
    else:
        rows = sheet(written)
        got = [(row[0], row[4]) for row in rows[1:]]
        assert got == [(day(c["received_on"]), c["summary"]) for c in expected]
    assert rows[0] == list(CASES.header) and rows[0][0] == "Ngày tiếp nhận"
    shown = [screen.model.row_record(row)["summary"] for row in range(screen.model.rowCount())]
    assert [summary for _, summary in got] == shown
    assert str(written) in screen.count.text() and f"{len(expected)} dòng" in screen.count.text()
    screen.close_screen()


def test_the_cases_export_masks_the_denouncer_for_an_officer(qtbot, desk, tmp_path, save_to, questions):
    sign_in_as(desk, "officer")
    screen = show_active(qtbot, CasesScreen(desk), SIZE)
    screen.refresh()
    cases_settled(qtbot, screen)
    choose(qtbot, screen.content_type, data="denunciation")
    cases_settled(qtbot, screen)
    target = tmp_path / "to-cao.xlsx"
    save_to(target)
    export(qtbot, screen)
    rows = sheet(target)
    denounced = [row for row in rows[1:] if row[4] == "Tố cáo cán bộ địa chính nhận tiền"]
    assert denounced and denounced[0][3] == MASKED_NAME
    assert SECRET_NAME not in " ".join(cells(rows)) and questions[0] == []
    screen.close_screen()


def test_a_failed_export_says_why_in_vietnamese(qtbot, desk, tmp_path, save_to, questions):
    screen = show_active(qtbot, CasesScreen(desk), SIZE)
    screen.refresh()
    cases_settled(qtbot, screen)
    target = tmp_path / "khong-co" / "vu-viec.xlsx"
    save_to(target)
    export(qtbot, screen)
    assert not target.exists()
    assert screen.count.text() == UserError("spreadsheet.folder_missing", file=target.name,
                                            folder=str(target.parent)).render("vi")
    assert screen.count.styleSheet() == STYLES["failed"] and screen.export_button.isEnabled()
    screen.close_screen()


def test_stopping_a_long_export_leaves_no_file(qtbot, desk, tmp_path, save_to, questions, monkeypatch):
    """Progress every row; the worker waits after its first report until the Stop button was pressed."""
    monkeypatch.setattr(spreadsheet, "STEP", 1)
    pressed = hold_progress(monkeypatch)
    screen = show_active(qtbot, CasesScreen(desk), SIZE)
    screen.refresh()
    cases_settled(qtbot, screen)
    target = tmp_path / "vu-viec.xlsx"
    save_to(target)
    button = screen.export_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.running and not button.isEnabled()
    dialog = button.progress_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.value() >= 1, timeout=5000)
    assert dialog.maximum() == screen.model.rowCount()  # the list's rows: a real progress bar
    assert "đã ghi 1 dòng" in dialog.labelText()
    stop = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Dừng")
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    pressed.set()
    qtbot.waitUntil(lambda: not button.running, timeout=10_000)
    assert not target.exists() and list(tmp_path.glob("*.part")) == [] and list(tmp_path.glob(".*.part")) == []
    assert screen.count.text() == UserError("spreadsheet.cancelled", file=target.name).render("vi")
    assert screen.count.styleSheet() == STYLES["stopped"] and button.isEnabled()
    assert button.progress_dialog is None
    screen.close_screen()


# -- the sessions --------------------------------------------------------------------------------------------------

def test_the_sessions_export_the_month_shown(qtbot, desk, tmp_path, save_to, questions):
    screen = show_active(qtbot, SessionsScreen(desk), SIZE)
    screen.refresh()
    screen.calendar.showPreviousMonth()  # February 2026
    request = ListRequest(filters={"date_from": "2026-02-01", "date_to": "2026-02-28"}, sort="oldest")
    assert screen.request() == request
    expected = desk.sessions.list(request, limit=1000)
    assert expected and screen.sessions_model.rowCount() == len(expected)
    target = tmp_path / "ky-tiep.xlsx"
    proposed = save_to(target)
    export(qtbot, screen)
    assert proposed == ["KyTiepCongDan_2026-02.xlsx"] and questions[0] == []  # sessions name no citizen
    rows = sheet(target)
    assert rows[0] == list(SESSIONS.header) and rows[0][0] == "Ngày tiếp"
    assert [(row[0], row[3]) for row in rows[1:]] == [(day(s["session_date"]), s["leader_name"]) for s in expected]
    assert [row[0] for row in rows[1:]] == [day(screen.sessions_model.row(i)["session_date"])
                                            for i in range(len(expected))]
    assert screen.message.text() == f"Đã xuất {len(expected)} dòng ra tệp {target}"
    screen.close_screen()


# -- the follow-up -------------------------------------------------------------------------------------------------

def test_the_followup_exports_its_view_in_the_screens_order(qtbot, desk, tmp_path, save_to, questions):
    screen = show_active(qtbot, FollowupScreen(desk), SIZE)
    screen.refresh()
    choose(qtbot, screen.view, data="all")
    request = FollowupRequest(view="all", assignee="")
    assert screen.request() == request
    keys = desk.followup.keys(request)
    expected = desk.followup.rows(keys, request)
    assert len(expected) > 10 and screen.model.rowCount() == len(expected)
    target = tmp_path / "theo-doi.xlsx"
    proposed = save_to(target)
    export(qtbot, screen)
    assert proposed == ["TheoDoiThucHien_2026-03-10.xlsx"]
    rows = sheet(target)
    assert rows[0] == list(FOLLOWUP.header)
    assert [(row[5], row[8], row[9]) for row in rows[1:]] == [
        (item["case_summary"], item["assignee"] or None, item["task"] or None) for item in expected]
    assert [row[5] for row in rows[1:]] == [screen.model.record(i)["case_summary"] for i in range(len(expected))]
    assert SECRET_NAME not in " ".join(cells(rows))  # asked, answered No
    assert screen.message.text() == f"Đã xuất {len(expected)} dòng ra tệp {target}"
    screen.close_screen()


def test_the_shortcut_exports_what_was_last_read_not_what_is_half_typed(qtbot, desk, tmp_path, save_to, questions):
    screen = show_active(qtbot, FollowupScreen(desk), SIZE)
    screen.refresh()
    shown = desk.followup.keys(FollowupRequest())
    type_text(screen.date_from, "01/01/2026")  # typed, not yet applied (no Enter)
    target = tmp_path / "theo-doi.xlsx"
    save_to(target)
    qtbot.keyClick(screen.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not screen.export_button.running, timeout=20_000)
    assert len(sheet(target)) == len(shown) + 1
    screen.close_screen()


# -- who may export ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["leader", "viewer"])
def test_a_user_who_may_not_export_sees_no_button(qtbot, desk, monkeypatch, role):
    sign_in_as(desk, role)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: pytest.fail("no export allowed"))
    for make in (LogbookScreen, CasesScreen, SessionsScreen, FollowupScreen):
        screen = show_active(qtbot, make(desk), SIZE)
        screen.refresh()
        assert screen.export_button.isHidden()
        screen.setFocus()
        qtbot.keyClick(screen, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        screen.export_button.export()
        assert not screen.export_button.running
        screen.close_screen()


def test_the_save_dialog_follows_the_file_type_and_remembers_the_folder(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(ExportButton, "last_folder", "")
    answers = iter([(str(tmp_path / "a" / "x.csv"), "Tệp Excel (*.xlsx)"),
                    (str(tmp_path / "b" / "y.xlsx"), "Tệp CSV (*.csv)"),
                    (str(tmp_path / "c" / "z"), "Tệp CSV (*.csv)"),
                    ("", "")])
    proposed: list[str] = []

    def dialog(parent, caption, name, filters, selected):
        proposed.append(name)
        assert filters == "Tệp Excel (*.xlsx);;Tệp CSV (*.csv)" and selected == "Tệp Excel (*.xlsx)"
        return next(answers)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    assert ExportButton.ask_path(None, "", "n.xlsx") == (tmp_path / "a" / "x.csv", "csv")  # the typed suffix
    assert ExportButton.ask_path(None, "", "n.xlsx") == (tmp_path / "b" / "y.csv", "csv")  # the type chosen
    assert ExportButton.ask_path(None, "", "n.xlsx") == (tmp_path / "c" / "z.csv", "csv")
    assert ExportButton.ask_path(None, "", "n.xlsx") is None
    assert proposed[1:] == [str(tmp_path / "a" / "n.xlsx"), str(tmp_path / "b" / "n.xlsx"),
                            str(tmp_path / "c" / "n.xlsx")]

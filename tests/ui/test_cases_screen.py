"""The cases screen over a real desk, driven by keys and clicks: filters (type, status, overdue, free text without
diacritics, respondent), sorting in SQL by a header click, Enter opening the case; the model passes the tester."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import QPoint, Qt

from receptiondesk.domain.cases import CaseDraft, DirectionDraft
from receptiondesk.domain.citizens import CitizenDraft
from receptiondesk.domain.letters import LetterDraft
from receptiondesk.domain.visits import VisitDraft
from receptiondesk.storage.listing import ListRequest
from receptiondesk.ui.dialogs.case_detail_dialog import CaseDetailDialog
from receptiondesk.ui.models.case_table_model import CaseTableModel
from receptiondesk.ui.models.paged_id_table_model import MAX_CACHED_PAGES, PAGE_SIZE
from receptiondesk.ui.screens.cases_screen import CasesScreen
from tests.ui.helpers import choose, key, show_active, type_text

pytestmark = pytest.mark.gui


def _visit(desk, day, name, content_type, field, summary, direction="accepted", **case_kw):
    return desk.intake.register_visit(VisitDraft(
        day, CitizenDraft(name, address="Thôn 1, xã Tân Thành"), summary,
        DirectionDraft(direction, direction_body="Văn phòng đăng ký đất đai" if direction == "guided" else ""),
        new_cases=[CaseDraft(content_type, field, summary, **case_kw)])).case_uuids[0]


@pytest.fixture
def cases(desk):
    """Five cases of every type and several statuses; the denunciation letter is overdue on 10/03/2026."""
    made = {
        "complaint": _visit(desk, "2026-03-02", "Nguyễn Văn Đức", "complaint", "land",
                            "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất"),
        "petition": _visit(desk, "2026-03-03", "Trần Thị Hoa", "petition", "social_policy",
                           "Kiến nghị xem xét chế độ trợ cấp", direction="guided"),
        "report": _visit(desk, "2026-03-04", "Lê Văn Nam", "report", "environment",
                         "Phản ánh ô nhiễm tiếng ồn", direction="answered",
                         respondent_body="UBND xã Tân Thành"),
        "complaint_2": _visit(desk, "2026-03-05", "Phạm Thị Lan", "complaint", "housing_construction",
                              "Khiếu nại việc cấp phép xây dựng"),
    }
    made["denunciation"] = desk.intake.register_letter(LetterDraft(
        "2026-02-10", "Đơn tố cáo cán bộ", citizen=None,
        new_case=CaseDraft("denunciation", "corruption", "Tố cáo cán bộ địa chính nhận tiền",
                           respondent_name="Hoàng Văn Tham", respondent_body="UBND xã Tân Thành"))).case_uuid
    return made


@pytest.fixture
def screen(qtbot, desk, cases):
    widget = show_active(qtbot, CasesScreen(desk), (932, 540))
    widget.refresh()
    _settled(qtbot, widget)
    yield widget
    widget.close_screen()  # before the desk closes: no thread may read a closed file


def _settled(qtbot, screen) -> None:
    """Wait until the filters' timer has fired and the worker has delivered every id."""
    qtbot.waitUntil(lambda: not screen._timer.isActive() and screen._worker is None, timeout=5000)


def shown(screen) -> list[str]:
    model = screen.model
    return [model.row_uuid(row) for row in range(model.rowCount())]


def click_header(qtbot, screen, column: int) -> None:
    header = screen.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_the_list_shows_every_case_newest_first(qtbot, qtmodeltester, screen, desk, cases):
    assert shown(screen) == [cases[k] for k in ("complaint_2", "report", "petition", "complaint", "denunciation")]
    model = screen.model
    assert model.headerData(0, Qt.Orientation.Horizontal) and model.columnCount() == len(CaseTableModel.COLUMNS)
    assert model.data(model.index(0, 0)) == "05/03/2026"
    assert model.data(model.index(0, 1)) == "Khiếu nại"
    assert model.data(model.index(0, 2)) == "Nhà ở và xây dựng"
    assert model.data(model.index(0, 3)) == "Phạm Thị Lan"
    assert model.data(model.index(4, 5)) == "Hoàng Văn Tham, UBND xã Tân Thành"
    assert "5" in screen.count.text()
    qtmodeltester.check(model)


def test_filters_narrow_the_list(qtbot, qtmodeltester, screen, cases):
    choose(qtbot, screen.content_type, "Khiếu nại")
    _settled(qtbot, screen)
    assert shown(screen) == [cases["complaint_2"], cases["complaint"]]
    qtmodeltester.check(screen.model)

    choose(qtbot, screen.content_type, screen.content_type.itemText(0))  # all types again
    choose(qtbot, screen.status, "Mới tiếp nhận")
    _settled(qtbot, screen)
    assert shown(screen) == [cases["denunciation"]]

    choose(qtbot, screen.status, screen.status.itemText(0))
    screen.overdue.setFocus()
    key(qtbot, screen.overdue, Qt.Key.Key_Space)
    _settled(qtbot, screen)
    assert shown(screen) == [cases["denunciation"]]  # due 19/02/2026 and still only received
    assert screen.model.data(screen.model.index(0, 7), Qt.ItemDataRole.ForegroundRole) is not None  # red
    key(qtbot, screen.overdue, Qt.Key.Key_Space)

    type_text(screen.search, "nguyen van duc")  # typed without diacritics
    _settled(qtbot, screen)
    assert shown(screen) == [cases["complaint"]]
    screen.search.clear()
    type_text(screen.respondent, "ubnd tan thanh")
    _settled(qtbot, screen)
    assert shown(screen) == [cases["report"], cases["denunciation"]]
    qtmodeltester.check(screen.model)

    key(qtbot, screen.clear_button, Qt.Key.Key_Space)
    _settled(qtbot, screen)
    assert len(shown(screen)) == 5 and screen.respondent.text() == ""


def test_typing_is_debounced_and_the_query_runs_off_the_gui_thread(qtbot, screen, cases, monkeypatch):
    started = []
    real_refresh = CasesScreen.refresh
    monkeypatch.setattr(screen, "refresh", lambda: (started.append(1), real_refresh(screen)))
    screen._timer.timeout.disconnect()
    screen._timer.timeout.connect(screen.refresh)
    type_text(screen.search, "khieu nai")
    assert started == [] and screen._timer.isActive()  # nothing is read while the officer types
    _settled(qtbot, screen)
    assert started == [1]
    assert shown(screen) == [cases["complaint_2"], cases["complaint"]]


def test_a_header_click_sorts_in_sql(qtbot, qtmodeltester, screen, desk):
    type_column = CaseTableModel.COLUMNS.index("content_type")
    click_header(qtbot, screen, type_column)
    _settled(qtbot, screen)
    assert screen.model.current_sort_name() == "type"
    assert list(screen.model.ids()) == desk.cases.ids(ListRequest(sort="type"))
    types = [screen.model.row_record(r)["content_type"] for r in range(screen.model.rowCount())]
    assert types == sorted(types)
    qtmodeltester.check(screen.model)

    click_header(qtbot, screen, type_column)
    _settled(qtbot, screen)
    assert screen.model.current_sort_name() == "type_desc"
    assert list(screen.model.ids()) == desk.cases.ids(ListRequest(sort="type_desc"))

    due_column = CaseTableModel.COLUMNS.index("due_date")
    click_header(qtbot, screen, due_column)
    _settled(qtbot, screen)
    assert list(screen.model.ids()) == desk.cases.ids(ListRequest(sort="due"))

    before = list(screen.model.ids())
    click_header(qtbot, screen, CaseTableModel.COLUMNS.index("citizen_name"))  # does not sort: nothing moves
    _settled(qtbot, screen)
    assert list(screen.model.ids()) == before
    assert screen.table.horizontalHeader().sortIndicatorSection() == due_column


def test_enter_opens_the_case_with_its_timeline(qtbot, screen, desk, cases):
    screen.table.setFocus()
    key(qtbot, screen.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # the last row: the oldest case
    key(qtbot, screen.table, Qt.Key.Key_Return)
    dialog = screen.detail
    assert isinstance(dialog, CaseDetailDialog) and dialog.isVisible()
    assert dialog.case_uuid == cases["denunciation"]
    assert [e.kind for e in dialog.timeline_entries] == ["received", "letter"]
    text = dialog.timeline.toPlainText()
    assert "10/02/2026" in text and "Tố cáo cán bộ địa chính nhận tiền" in text and "Đơn tố cáo cán bộ" in text
    key(qtbot, dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: screen.detail is None)

    screen.table.setFocus()
    key(qtbot, screen.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    index = screen.model.index(0, 1)
    rect = screen.table.visualRect(index)
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double click:
    qtbot.mouseDClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # press, then again
    assert screen.detail is not None and screen.detail.case_uuid == cases["complaint_2"]
    screen.detail.close_dialog()


def test_locking_clears_the_list_and_closes_the_case(qtbot, screen, cases):
    screen.open_case(cases["complaint"])
    screen.clear()
    assert screen.model.rowCount() == 0 and screen.detail is None


def test_a_refused_read_is_shown_not_raised(qtbot, screen, desk):
    desk.logout()
    screen.refresh()
    qtbot.waitUntil(lambda: screen.error.isVisible())
    assert "đăng nhập" in screen.error.text().lower()
    assert screen.model.rowCount() == 0


def test_a_long_list_shows_its_first_page_then_pages_by_id(qtbot, qtmodeltester, desk):
    """More cases than a page: the first page comes from a LIMIT query, the rest as ids; memory stays bounded."""
    for n in range(PAGE_SIZE * 2 + 30):
        desk.intake.register_letter(LetterDraft(
            datetime.date(2025, 1, 1) + datetime.timedelta(days=n % 400), f"Đơn số {n}", citizen=None,
            new_case=CaseDraft("petition", "other", f"Kiến nghị số {n}")))
    widget = CasesScreen(desk)
    qtbot.addWidget(widget)
    pages = []
    widget.model.modelReset.connect(lambda: pages.append(widget.model.rowCount()))
    widget.refresh()
    try:
        _settled(qtbot, widget)
        assert pages[-1] == PAGE_SIZE  # the first page, before the ids came
        model = widget.model
        assert model.rowCount() == PAGE_SIZE * 2 + 30
        assert list(model.ids()) == desk.cases.ids(ListRequest())
        assert model.data(model.index(model.rowCount() - 1, 4)).startswith("Kiến nghị số")
        assert model.cached_pages() <= MAX_CACHED_PAGES
        qtmodeltester.check(model)
    finally:
        widget.close_screen()

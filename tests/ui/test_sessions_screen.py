"""The leaders' sessions screen driven by key events over a real desk: schedule a session, put waiting cases on it,
hold it with three conclusions, and see the calendar, the compliance indicator and the queue follow; the models
pass the model tester."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from receptiondesk.domain.cases import CaseDraft, DirectionDraft
from receptiondesk.domain.citizens import CitizenDraft
from receptiondesk.domain.sessions import SessionDraft
from receptiondesk.domain.visits import VisitDraft
from receptiondesk.storage.listing import ListRequest
from receptiondesk.ui.dialogs.hold_session_dialog import HoldSessionDialog
from receptiondesk.ui.dialogs.session_dialog import SessionDialog
from receptiondesk.ui.models.session_queue_model import SessionQueueModel
from receptiondesk.ui.models.session_table_model import SessionTableModel
from receptiondesk.ui.screens.sessions_screen import SessionsScreen
from tests.ui.helpers import choose, ctrl, key, open_desk, show_active, type_text

pytestmark = pytest.mark.gui

HOLIDAY = "2026-03-12"
MATTERS = (("Nguyễn Văn Đức", "complaint", "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất"),
           ("Trần Thị Hoa", "complaint", "Khiếu nại phương án bồi thường giải phóng mặt bằng"),
           ("Lê Văn Tám", "petition", "Kiến nghị sửa chữa đường thôn 3"))


@pytest.fixture
def desk(tmp_path):
    with open_desk(tmp_path) as opened:  # on Tuesday 10/03/2026
        opened.setup.set_calendar_day(HOLIDAY, "holiday", "Ngày nghỉ địa phương")
        for day, (name, kind, summary) in zip((2, 3, 4), MATTERS):
            opened.intake.register_visit(VisitDraft(
                datetime.date(2026, 3, day), CitizenDraft(name, address="Thôn 3, xã Tân Thành"), summary,
                DirectionDraft("accepted"), new_cases=[CaseDraft(kind, "land", summary)]))
        yield opened


@pytest.fixture
def screen(qtbot, desk):
    widget = show_active(qtbot, SessionsScreen(desk), (940, 560))
    widget.refresh()
    yield widget
    widget.close_screen()


def active(qtbot, dialog):
    """The window, once it is the active one (as the window manager makes it: a dialog opened, or its parent
    after the dialog closed)."""
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def set_spin(qtbot, spin, value: int) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))


def schedule_from_the_screen(qtbot, screen) -> SessionDialog:
    screen.sessions_table.setFocus()
    ctrl(qtbot, screen.sessions_table, Qt.Key.Key_L)
    dialog = active(qtbot, screen.dialog)
    assert isinstance(dialog, SessionDialog)
    assert dialog.session_date.date() == QDate(2026, 3, 10)  # the day chosen in the calendar
    assert QApplication.focusWidget() is dialog.session_date
    type_text(dialog.leader_name, "Lê Văn Chủ")
    type_text(dialog.location, "Trụ sở tiếp công dân xã")
    ctrl(qtbot, dialog.location, Qt.Key.Key_S)
    return dialog


def test_schedule_add_cases_and_hold_with_three_conclusions(qtbot, screen, desk):
    assert screen.queue_model.rowCount() == 3
    assert not screen.hold_button.isEnabled()

    schedule_from_the_screen(qtbot, screen)

    sessions = desk.sessions.list(ListRequest())
    assert [(s["session_date"], s["leader_name"], s["location"], s["status"]) for s in sessions] == \
        [("2026-03-10", "Lê Văn Chủ", "Trụ sở tiếp công dân xã", "planned")]
    assert screen.dialog is None and screen.sessions_model.rowCount() == 1
    assert screen.selected_session()["uuid"] == sessions[0]["uuid"]
    day = screen.calendar.dateTextFormat(QDate(2026, 3, 10))
    assert day.fontWeight() == QFont.Weight.Bold
    assert "10/03/2026" in screen.message.text()

    active(qtbot, screen)
    screen.queue_table.setFocus()
    ctrl(qtbot, screen.queue_table, Qt.Key.Key_A)
    ctrl(qtbot, screen.queue_table, Qt.Key.Key_D)
    assert [c["summary"] for c in desk.sessions.cases_heard(sessions[0]["uuid"])] == \
        [m[2] for m in MATTERS]  # the queue's order: complaints first, oldest first
    assert screen.queue_model.rowCount() == 0
    assert screen.hold_button.isEnabled()

    ctrl(qtbot, screen.sessions_table, Qt.Key.Key_H)
    dialog = active(qtbot, screen.dialog)
    assert isinstance(dialog, HoldSessionDialog)
    assert QApplication.focusWidget() is dialog.editors[0].heard
    first, second, third = dialog.editors
    key(qtbot, first.heard, Qt.Key.Key_Space)
    choose(qtbot, first.kind, "Giải quyết ngay")
    type_text(first.text, "Đã giải thích phương án bồi thường, công dân đồng ý")
    key(qtbot, second.heard, Qt.Key.Key_Space)
    choose(qtbot, second.kind, "Giao xử lý")
    type_text(second.text, "Giao kiểm tra hồ sơ cấp giấy chứng nhận")
    type_text(second.assignee, "Công chức Địa chính - Xây dựng")
    set_spin(qtbot, second.days, 5)
    assert second.result.text() == "→ 18/03/2026"  # 12/03 is a holiday
    type_text(third.text, "Giao khảo sát tuyến đường")  # typing a conclusion ticks "heard"
    assert third.heard.isChecked()
    choose(qtbot, third.kind, "Giao xử lý")
    type_text(third.assignee, "Trưởng thôn 3")
    type_text(third.task, "Khảo sát, lập dự toán sửa đường")
    ctrl(qtbot, third.task, Qt.Key.Key_S)

    held = desk.sessions.get(sessions[0]["uuid"])
    assert held["status"] == "held" and held["concluded_count"] == 3
    assert held["attendees"] == ""
    assignments = desk.followup.list(ListRequest(filters={"session": held["uuid"]}))
    assert [(a["assignee"], a["task"], a["deadline"]) for a in assignments] == [
        ("Công chức Địa chính - Xây dựng", "Giao kiểm tra hồ sơ cấp giấy chứng nhận", "2026-03-18"),
        ("Trưởng thôn 3", "Khảo sát, lập dự toán sửa đường", "2026-03-25"),  # 10 working days, the holiday skipped
    ]
    assert desk.cases.get(first.case_uuid)["status"] == "concluded"
    assert screen.dialog is None
    assert "3" in screen.message.text() and "2" in screen.message.text()
    assert screen.sessions_model.data(screen.sessions_model.index(0, 4)) == "3/3"
    chairman = screen.compliance_labels["state"].text()
    assert "09/03–15/03:\u00a01/1" in chairman and "02/03–08/03:\u00a00/1" in chairman
    assert "#b00020" in screen.compliance_labels["state"].styleSheet()  # the week of 02/03 was missed

    # the held session's conclusion notice, from the same screen (Ctrl+I)
    from receptiondesk.services.setup import SignerDraft
    from receptiondesk.ui.dialogs.document_dialog import DocumentDialog

    desk.setup.add_signer(SignerDraft("Lê Văn Chủ", "Chủ tịch", "chairman"))
    screen._select_session(held["uuid"])
    assert screen.notice_button.isEnabled()
    screen.window().activateWindow()
    qtbot.waitUntil(screen.window().isActiveWindow)
    screen.sessions_table.setFocus()
    ctrl(qtbot, screen.sessions_table, Qt.Key.Key_I)
    notice = screen.dialog
    assert isinstance(notice, DocumentDialog) and notice.draft.kind == "conclusion_notice"
    assert len(notice.conclusions) == 3
    assert notice.issue() and notice.issued.number_text == "01/TB-UBND"
    notice.close()


def test_schedule_problems_keep_the_dialog_open_and_focus_the_field(qtbot, screen, desk):
    ctrl(qtbot, screen.sessions_table, Qt.Key.Key_L)
    dialog = active(qtbot, screen.dialog)
    choose(qtbot, dialog.kind, "Đối thoại")
    ctrl(qtbot, dialog.kind, Qt.Key.Key_S)
    assert desk.sessions.list(ListRequest()) == []
    assert "Người chủ trì" in dialog.message.text() and "Chủ đề đối thoại" in dialog.message.text()
    assert QApplication.focusWidget() is dialog.leader_name
    type_text(dialog.leader_name, "Lê Văn Chủ")
    type_text(dialog.subject, "Giải phóng mặt bằng đường liên xã")
    key(qtbot, dialog.delegated, Qt.Key.Key_Space)
    ctrl(qtbot, dialog.subject, Qt.Key.Key_S)
    assert "Người được ủy quyền" in dialog.message.text()
    assert QApplication.focusWidget() is dialog.delegate_name
    type_text(dialog.delegate_name, "Phạm Văn Phó")
    ctrl(qtbot, dialog.delegate_name, Qt.Key.Key_S)
    stored = desk.sessions.list(ListRequest())[0]
    assert (stored["kind"], stored["delegated"], stored["delegate_name"]) == ("dialogue", 1, "Phạm Văn Phó")
    assert screen.dialog is None


def test_a_new_session_proposes_the_last_leader_and_place(qtbot, screen, desk):
    desk.sessions.schedule(SessionDraft("2026-03-03", "Lê Văn Chủ", location="Hội trường UBND xã"))
    screen.calendar.setFocus()
    key(qtbot, QApplication.focusWidget(), Qt.Key.Key_Right)  # 11/03
    assert screen.calendar.selectedDate() == QDate(2026, 3, 11)
    ctrl(qtbot, QApplication.focusWidget(), Qt.Key.Key_L)
    dialog = active(qtbot, screen.dialog)
    assert dialog.session_date.date() == QDate(2026, 3, 11)
    assert (dialog.leader_name.text(), dialog.location.text()) == ("Lê Văn Chủ", "Hội trường UBND xã")
    choose(qtbot, dialog.sector, "Đảng")
    assert dialog.leader_role.currentData() == "party_secretary" and dialog.leader_name.text() == ""
    key(qtbot, dialog, Qt.Key.Key_Escape)
    assert screen.dialog is None and len(desk.sessions.list(ListRequest())) == 1


def test_correct_and_cancel_a_planned_session(qtbot, screen, desk, monkeypatch):
    uuid = desk.sessions.schedule(SessionDraft("2026-03-17", "Lê Văn Chủ")).uuid
    screen.refresh()
    screen.sessions_table.setFocus()
    assert screen.selected_session()["uuid"] == uuid  # the next planned session is chosen
    assert not screen.hold_button.isEnabled()  # its day has not come
    ctrl(qtbot, screen.sessions_table, Qt.Key.Key_E)
    dialog = active(qtbot, screen.dialog)
    assert dialog.session_uuid == uuid and dialog.leader_name.text() == "Lê Văn Chủ"
    type_text(dialog.location, "Nhà văn hóa thôn 3")
    ctrl(qtbot, dialog.location, Qt.Key.Key_S)
    assert desk.sessions.get(uuid)["location"] == "Nhà văn hóa thôn 3"

    questions = []
    monkeypatch.setattr(screen, "confirm", lambda text: questions.append(text) or True)
    screen.cancel_button.setFocus()
    key(qtbot, screen.cancel_button, Qt.Key.Key_Space)
    assert desk.sessions.get(uuid)["status"] == "cancelled"
    assert "17/03/2026" in questions[0]
    assert screen.calendar.dateTextFormat(QDate(2026, 3, 17)).fontStrikeOut()
    assert not screen.edit_button.isEnabled() and not screen.cancel_button.isEnabled()


def test_changing_month_shows_its_sessions_and_compliance(qtbot, screen, desk):
    held = desk.sessions.schedule(SessionDraft("2026-02-03", "Lê Văn Chủ")).uuid
    desk.sessions.mark_held(held)
    desk.sessions.schedule(SessionDraft("2026-02-05", "Hoàng Văn Bí", sector="party", leader_role="party_secretary",
                                        delegated=True, delegate_name="Vũ Thị Phó"))
    screen.calendar.showPreviousMonth()
    assert screen.month() == datetime.date(2026, 2, 1)
    assert screen.sessions_model.rowCount() == 2
    state = screen.compliance_labels["state"].text()
    assert "02/02–08/02:\u00a01/1" in state and "16/02–22/02:\u00a00/1\u00a0–" in state  # Tết week: no working day
    party = screen.compliance_labels["party"].text()
    assert "0/2" in party and "1" in party


def test_a_viewer_sees_but_cannot_change(qtbot, desk):
    desk.accounts.add_user(desk.context.session, "xem", "Người Xem", "viewer", "mật khẩu xem 1")
    desk.sessions.schedule(SessionDraft("2026-03-10", "Lê Văn Chủ"))
    desk.logout()
    desk.login("xem", "mật khẩu xem 1")
    widget = SessionsScreen(desk)
    qtbot.addWidget(widget)
    widget.refresh()
    widget._select_session(widget.sessions_model.row_uuid(0))
    assert widget.sessions_model.rowCount() == 1 and widget.queue_model.rowCount() == 3
    for button in (widget.schedule_button, widget.edit_button, widget.hold_button, widget.cancel_button):
        assert not button.isEnabled()
    widget.schedule()
    assert widget.dialog is None
    widget.close_screen()


def test_clear_forgets_what_is_shown(qtbot, screen, desk):
    screen.clear()
    assert screen.queue_model.rowCount() == 0 and screen.sessions_model.rowCount() == 0
    assert screen.compliance_labels["state"].text() == ""


def test_models_pass_the_model_tester(qtmodeltester, desk):
    uuid = desk.sessions.schedule(SessionDraft("2026-03-10", "Lê Văn Chủ")).uuid
    desk.sessions.schedule(SessionDraft("2026-03-05", "Lê Văn Chủ", delegated=True, delegate_name="Phạm Văn Phó"))
    desk.sessions.add_case(uuid, desk.sessions.waiting_cases()[0]["uuid"])
    sessions = SessionTableModel()
    sessions.set_rows(desk.sessions.month(datetime.date(2026, 3, 1)), datetime.date(2026, 3, 10))
    assert sessions.rowCount() == 2
    queue = SessionQueueModel()
    queue.set_rows(desk.sessions.waiting_cases(), datetime.date(2026, 3, 10))
    assert queue.rowCount() == 2
    for model in (sessions, queue):
        qtmodeltester.check(model)

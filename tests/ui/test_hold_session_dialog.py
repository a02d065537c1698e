"""The hold dialog driven by key events: attendance, cases heard and their conclusions, deadlines in working days
or by date; problems are shown in red with the cursor on the case's field, and nothing is saved half."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDateEdit

from receptiondesk.domain.cases import CaseDraft, DirectionDraft
from receptiondesk.domain.citizens import CitizenDraft
from receptiondesk.domain.sessions import SessionDraft
from receptiondesk.domain.visits import VisitDraft
from receptiondesk.storage.listing import ListRequest
from receptiondesk.ui.dialogs.hold_session_dialog import HoldSessionDialog
from tests.ui.helpers import choose, ctrl, key, show_active, type_text

pytestmark = pytest.mark.gui


def _session(desk, when="2026-03-10", cases=2, first=1) -> str:
    """A session with the queue's cases on its list, `cases` new ones among them (citizens `first`, ...)."""
    uuid = desk.sessions.schedule(SessionDraft(when, "Lê Văn Chủ", location="Trụ sở UBND xã")).uuid
    for number in range(first, first + cases):
        summary = f"Khiếu nại số {number} về đất đai"
        desk.intake.register_visit(VisitDraft(
            datetime.date(2026, 3, 1 + number), CitizenDraft(f"Công dân {number}", address="Thôn 1"), summary,
            DirectionDraft("accepted"), new_cases=[CaseDraft("complaint", "land", summary)]))
    for case in desk.sessions.waiting_cases():
        desk.sessions.add_case(uuid, case["uuid"])
    return uuid


def _open(qtbot, desk, uuid) -> HoldSessionDialog:
    return show_active(qtbot, HoldSessionDialog(desk, uuid))


def save(qtbot) -> None:
    ctrl(qtbot, QApplication.focusWidget(), Qt.Key.Key_S)


def type_date(qtbot, edit, digits: str) -> None:
    """Type a date over a date edit's day, month and year, as the officer does (ddmmyyyy)."""
    edit.setFocus()
    edit.setSelectedSection(QDateEdit.Section.DaySection)
    for digit in digits:
        key(qtbot, edit, digit)


def test_lists_the_cases_and_proposes_the_last_attendees(qtbot, desk):
    earlier = _session(desk, "2026-03-03", cases=1)
    desk.sessions.set_attendees(earlier, ["Công chức Tư pháp - Hộ tịch", "Công chức Văn phòng - Thống kê"])
    desk.sessions.mark_held(earlier)
    dialog = _open(qtbot, desk, _session(desk, cases=1, first=2))
    assert dialog.attendees.toPlainText() == "Công chức Tư pháp - Hộ tịch\nCông chức Văn phòng - Thống kê"
    # The earlier session was held without a conclusion on its case: it went back to the queue, so it is on
    # this session's list again, first (the oldest).
    assert ["Công dân 1" in e.description.text() for e in dialog.editors] == [True, False]
    assert "Công dân 2" in dialog.editors[1].description.text()
    assert "10/03/2026" in dialog.windowTitle()
    assert QApplication.focusWidget() is dialog.editors[0].heard


def test_assign_problems_move_the_cursor_to_the_case(qtbot, desk):
    uuid = _session(desk)
    dialog = _open(qtbot, desk, uuid)
    first, second = dialog.editors
    type_text(dialog.attendees, "Công chức Địa chính - Xây dựng")
    key(qtbot, dialog.attendees, Qt.Key.Key_Return)
    type_text(dialog.attendees, "Trưởng thôn 1")
    type_text(first.text, "Giải thích chính sách, công dân đồng ý")
    choose(qtbot, second.kind, "Giao xử lý")
    assert second.heard.isChecked() and second.assignee.isVisibleTo(dialog)
    type_text(second.text, "Giao kiểm tra thực địa")
    save(qtbot)

    assert desk.sessions.get(uuid)["status"] == "planned"
    assert desk.followup.list(ListRequest()) == []
    assert "vụ việc thứ 2" in dialog.message.text() and "#b00020" in dialog.message.styleSheet()
    assert QApplication.focusWidget() is second.assignee
    type_text(second.assignee, "Công chức Địa chính - Xây dựng")
    choose(qtbot, second.deadline_mode, "Đến ngày")
    assert second.deadline.isVisibleTo(dialog) and not second.days.isVisibleTo(dialog)
    type_date(qtbot, second.deadline, "09032026")
    assert second.deadline.date() == QDate(2026, 3, 9)
    save(qtbot)
    assert "09/03/2026" in dialog.message.text()
    assert QApplication.focusWidget() is second.deadline
    assert desk.sessions.get(uuid)["status"] == "planned"

    type_date(qtbot, second.deadline, "20032026")
    save(qtbot)
    held = desk.sessions.get(uuid)
    assert held["status"] == "held" and held["attendees"] == "Công chức Địa chính - Xây dựng\nTrưởng thôn 1"
    assert [(a["assignee"], a["task"], a["deadline"]) for a in desk.followup.list(ListRequest())] == \
        [("Công chức Địa chính - Xây dựng", "Giao kiểm tra thực địa", "2026-03-20")]
    assert dialog.held is not None and len(dialog.held.assignment_uuids) == 1
    assert not dialog.isVisible()


def test_nothing_heard_is_refused_and_points_at_the_first_case(qtbot, desk):
    uuid = _session(desk)
    dialog = _open(qtbot, desk, uuid)
    key(qtbot, dialog.editors[0].heard, Qt.Key.Key_Tab)
    save(qtbot)
    assert "ít nhất một vụ việc" in dialog.message.text()
    assert QApplication.focusWidget() is dialog.editors[0].heard
    key(qtbot, dialog.editors[0].heard, Qt.Key.Key_Space)  # heard, but no conclusion typed
    save(qtbot)
    assert "vụ việc thứ 1" in dialog.message.text()
    assert QApplication.focusWidget() is dialog.editors[0].text
    assert desk.sessions.get(uuid)["status"] == "planned"


def test_working_days_show_the_resulting_date(qtbot, desk):
    desk.setup.set_calendar_day("2026-03-13", "holiday", "Ngày nghỉ địa phương")
    dialog = _open(qtbot, desk, _session(desk, cases=1))
    editor = dialog.editors[0]
    choose(qtbot, editor.kind, "Giao xử lý")
    assert editor.days.value() == 10 and editor.result.text() == "→ 25/03/2026"
    editor.days.setFocus()
    editor.days.selectAll()
    qtbot.keyClicks(editor.days, "3")
    assert editor.result.text() == "→ 16/03/2026"  # 11, 12, (13 off, weekend) 16


def test_a_future_session_cannot_be_held(qtbot, desk):
    uuid = _session(desk, "2026-03-11", cases=1)
    dialog = _open(qtbot, desk, uuid)
    editor = dialog.editors[0]
    type_text(editor.text, "Giải quyết ngay")
    save(qtbot)
    assert "chưa đến ngày" in dialog.message.text()
    assert desk.sessions.get(uuid)["status"] == "planned"
    key(qtbot, QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.held is None


def test_a_void_case_cannot_be_ticked(qtbot, desk):
    uuid = _session(desk, cases=1)
    case_uuid = desk.sessions.cases_heard(uuid)[0]["uuid"]
    desk.voiding.void("case", case_uuid, "Nhập trùng vụ việc")
    dialog = _open(qtbot, desk, uuid)
    editor = dialog.editors[0]
    assert not editor.heard.isEnabled()
    type_text(editor.text, "Giải quyết ngay")
    assert not editor.heard.isChecked() and dialog.heard() == []

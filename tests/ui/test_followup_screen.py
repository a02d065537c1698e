"""The follow-up screen driven by key events over a real desk: the urgency order and its markers, recording a
result and telling the citizen from the dialogs, closing a case, the filters, and the model tester."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from receptiondesk.domain.values import VIETNAM_TZ
from receptiondesk.messages import field_label
from receptiondesk.services.followup import FollowupRequest
from receptiondesk.ui.dialogs.citizen_told_dialog import CitizenToldDialog
from receptiondesk.ui.dialogs.close_case_dialog import CloseCaseDialog
from receptiondesk.ui.dialogs.record_result_dialog import RecordResultDialog
from receptiondesk.ui.models.followup_table_model import BACKGROUND, STATE_ROLE, FollowupTableModel
from receptiondesk.ui.screens.followup_screen import FollowupScreen
from tests.services.helpers import assignment, case, visit
from tests.ui.helpers import choose, ctrl, open_desk, show_active, type_text

pytestmark = pytest.mark.gui

#: Thursday 12/03/2026: "due soon" (3 working days) runs over the weekend to Tuesday 17/03.
CLOCK = lambda: datetime.datetime(2026, 3, 12, 9, 0, tzinfo=VIETNAM_TZ)  # noqa: E731


@pytest.fixture
def desk(tmp_path):
    with open_desk(tmp_path, CLOCK) as opened:
        yield opened


@pytest.fixture
def made(desk):
    """Case A: an overdue assignment (11/03), a later one (18/03) and one done and told; case B: one assignment
    due on Monday 16/03."""
    a = desk.intake.register_visit(visit(when="2026-03-02")).case_uuids[0]
    b = desk.intake.register_visit(visit(when="2026-03-03", cases=[case("petition", "environment",
                                                                        "Kiến nghị xử lý rác thải")])).case_uuids[0]
    uuids = {"case_a": a, "case_b": b}
    for name, case_uuid, deadline, assignee in (
            ("overdue", a, "2026-03-11", "Công chức địa chính"), ("later", a, "2026-03-18", "Phòng Kinh tế"),
            ("done", a, "2026-03-06", "Tư pháp"), ("soon", b, "2026-03-16", "Công an xã")):
        uuids[name] = desk.followup.create_assignment(assignment(case_uuid, deadline=deadline, assignee=assignee,
                                                                 assigned_on="2026-03-03")).uuid
    desk.followup.record_result(uuids["done"], "Đã trả lời", on="2026-03-05")
    desk.followup.record_citizen_told(uuids["done"], "letter", on="2026-03-06")
    return uuids


@pytest.fixture
def screen(qtbot, desk, made):
    widget = show_active(qtbot, FollowupScreen(desk), (1092, 580))
    widget.refresh()
    widget.table.setFocus()
    yield widget
    widget.close_screen()


def uuids_shown(screen) -> list[str]:
    return [screen.model.record(row)["uuid"] for row in range(screen.model.rowCount())]


def go_to(qtbot, screen, uuid: str) -> None:
    """Move the table's cursor to the row of `uuid` with the arrow keys."""
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Home)
    for _ in range(screen.model.rowCount()):
        if screen.current_record()["uuid"] == uuid:
            return
        qtbot.keyClick(screen.table, Qt.Key.Key_Down)
    raise AssertionError(f"{uuid} not shown: {uuids_shown(screen)}")


def open_dialog(qtbot, screen, code, kind):
    qtbot.waitUntil(lambda: QApplication.activeWindow() is screen)  # back from an earlier dialog
    ctrl(qtbot, screen.table, code)
    dialog = screen.dialog
    assert isinstance(dialog, kind) and dialog.isModal()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog and QApplication.focusWidget() is not None
                    and dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


def test_an_overdue_assignment_comes_first_and_is_marked(screen, made):
    assert uuids_shown(screen) == [made["overdue"], made["soon"], made["later"]]
    model = screen.model
    states = [model.index(row, 0).data(STATE_ROLE) for row in range(3)]
    assert states == ["overdue", "due_soon", "waiting_result"]
    first = model.index(0, 0)
    assert first.data(Qt.ItemDataRole.BackgroundRole) == QColor(BACKGROUND["overdue"])
    assert isinstance(first.data(Qt.ItemDataRole.DecorationRole), QColor)  # the marker
    assert first.data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) == QColor(BACKGROUND["due_soon"])
    assert model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(0, 1).data() == "11/03/2026" and model.index(1, 1).data() == "16/03/2026"
    assert "2" in model.index(1, 0).data()  # due in 2 working days, over the weekend
    assert screen.current_record()["uuid"] == made["overdue"]
    assert screen.counts.text().count("1 ") >= 2  # 1 overdue, 1 due soon


def test_result_then_citizen_told_from_the_dialogs_informs_the_case(qtbot, screen, desk, made):
    go_to(qtbot, screen, made["soon"])
    dialog = open_dialog(qtbot, screen, Qt.Key.Key_R, RecordResultDialog)
    assert QApplication.focusWidget() is dialog.result
    type_text(dialog.result, "Đã kiểm tra, xử lý xong điểm tập kết rác")
    ctrl(qtbot, dialog.result, Qt.Key.Key_S)
    assert screen.dialog is None and not dialog.isVisible()
    got = desk.followup.get(made["soon"])
    assert (got["result"], got["result_on"]) == ("Đã kiểm tra, xử lý xong điểm tập kết rác", "2026-03-12")
    # The assignment left the pending list; its case now waits for the citizen to be told.
    assert made["soon"] not in uuids_shown(screen)
    assert uuids_shown(screen)[-1] == made["case_b"]
    assert screen.model.index(screen.model.rowCount() - 1, 0).data(STATE_ROLE) == "waiting_tell"

    go_to(qtbot, screen, made["case_b"])
    assert not screen.result_button.isEnabled() and screen.told_button.isEnabled()
    dialog = open_dialog(qtbot, screen, Qt.Key.Key_T, CitizenToldDialog)
    ctrl(qtbot, dialog.told_how, Qt.Key.Key_S)  # no way chosen yet
    assert field_label("told_how") in dialog.message.text()
    assert QApplication.focusWidget() is dialog.told_how
    assert desk.followup.get(made["soon"])["citizen_told_on"] is None
    choose(qtbot, dialog.told_how, data="phone")
    ctrl(qtbot, dialog.told_how, Qt.Key.Key_S)
    assert screen.dialog is None
    informed = desk.cases.get(made["case_b"])
    assert (informed["status"], informed["informed_on"]) == ("informed", "2026-03-12")
    assert desk.followup.get(made["soon"])["citizen_told_how"] == "phone"
    assert made["case_b"] not in uuids_shown(screen)


def test_a_refused_result_shows_the_message_and_saves_nothing(qtbot, screen, desk, made):
    dialog = open_dialog(qtbot, screen, Qt.Key.Key_R, RecordResultDialog)
    ctrl(qtbot, dialog.result, Qt.Key.Key_S)
    assert dialog.isVisible() and field_label("result") in dialog.message.text()
    assert QApplication.focusWidget() is dialog.result
    assert desk.followup.get(made["overdue"])["result_on"] is None
    qtbot.keyClick(dialog.result, Qt.Key.Key_Escape)
    assert screen.dialog is None and uuids_shown(screen)[0] == made["overdue"]


def test_closing_without_a_reason_shows_the_message_and_keeps_the_case_open(qtbot, screen, desk, made):
    go_to(qtbot, screen, made["later"])
    dialog = open_dialog(qtbot, screen, Qt.Key.Key_E, CloseCaseDialog)
    assert QApplication.focusWidget() is dialog.reason
    type_text(dialog.reason, "Rút")
    ctrl(qtbot, dialog.reason, Qt.Key.Key_S)
    assert dialog.isVisible()
    assert dialog.message.text().startswith(field_label("closed_reason"))
    assert QApplication.focusWidget() is dialog.reason
    assert desk.cases.get(made["case_a"])["status"] == "in_progress"
    type_text(dialog.reason, " đơn: công dân đã rút đơn")
    ctrl(qtbot, dialog.reason, Qt.Key.Key_S)
    assert screen.dialog is None
    closed = desk.cases.get(made["case_a"])
    assert (closed["status"], closed["closed_on"]) == ("closed", "2026-03-12")
    assert "Rút đơn: công dân đã rút đơn" == closed["closed_reason"]


def test_filters_from_the_keyboard(qtbot, screen, made):
    choose(qtbot, screen.view, data="overdue")
    assert uuids_shown(screen) == [made["overdue"]]
    choose(qtbot, screen.view, data="pending")
    type_text(screen.assignee, "cong an")
    qtbot.waitUntil(lambda: uuids_shown(screen) == [made["soon"]])
    screen.assignee.clear()
    qtbot.waitUntil(lambda: len(uuids_shown(screen)) == 3)
    type_text(screen.date_from, "32/03/2026")
    qtbot.keyClick(screen.date_from, Qt.Key.Key_Return)
    assert field_label("followup_from") in screen.message.text()
    assert QApplication.focusWidget() is screen.date_from
    screen.date_from.clear()
    type_text(screen.date_from, "15/03/2026")
    qtbot.keyClick(screen.date_from, Qt.Key.Key_Return)
    assert uuids_shown(screen) == [made["soon"], made["later"]]
    assert screen.message.text() == ""


def test_a_reader_cannot_use_the_writing_actions(screen, desk, monkeypatch):
    monkeypatch.setattr(type(desk.context.session.user), "may", lambda self, permission: permission.value == "read")
    screen.refresh()
    assert screen.open_button.isEnabled()
    assert not any(b.isEnabled() for b in (screen.result_button, screen.told_button, screen.close_button))


def test_the_model_passes_the_model_tester(qtmodeltester, desk, made):
    model = FollowupTableModel(desk.followup)
    qtmodeltester.check(model)  # empty
    everything = FollowupRequest(view="all")
    model.set_keys(desk.followup.keys(everything), everything)
    assert model.rowCount() == 4
    qtmodeltester.check(model)
    filtered = FollowupRequest(view="pending", assignee="kinh te")
    model.set_keys(desk.followup.keys(filtered), filtered)
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def test_the_screen_model_passes_the_model_tester_after_filtering(qtbot, qtmodeltester, screen):
    qtmodeltester.check(screen.model)
    choose(qtbot, screen.view, data="due_soon")
    qtmodeltester.check(screen.model)


def test_enter_opens_the_case(qtbot, screen, made):
    go_to(qtbot, screen, made["soon"])
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)  # no case screen connected: the details take the focus
    assert QApplication.focusWidget() is screen.details
    assert "Kiến nghị xử lý rác thải" in screen.details.text() and "Công an xã" in screen.details.text()
    screen.table.setFocus()
    with qtbot.waitSignal(screen.case_requested) as requested:
        screen.case_requested.connect(lambda uuid: None)
        qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert requested.args == [made["case_b"]]

"""The first-run dialog and the main window, driven offscreen over a real desk database."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from receptiondesk.domain.cases import CaseDraft, DirectionDraft
from receptiondesk.domain.citizens import CitizenDraft
from receptiondesk.domain.visits import VisitDraft
from receptiondesk.ui.dialogs.login_dialog import LoginDialog
from receptiondesk.ui.dialogs.recovery_sheet_dialog import RecoverySheetDialog
from receptiondesk.ui.main_window import MainWindow
from receptiondesk.ui.models.visit_table_model import PAGE_SIZE, VisitTableModel
from tests.ui.helpers import open_desk

pytestmark = pytest.mark.gui


@pytest.fixture
def desk(tmp_path):
    with open_desk(tmp_path, set_up=False) as opened:
        yield opened


def _register(desk, name, day, summary="Khiếu nại về cấp giấy chứng nhận quyền sử dụng đất"):
    return desk.intake.register_visit(VisitDraft(
        day, CitizenDraft(name, address="Thôn 2, Phường Ba Đình"), summary,
        DirectionDraft("guided", direction_body="UBND phường Ba Đình"),
        new_cases=[CaseDraft("complaint", "land", summary)]))


def test_recovery_sheet_needs_confirmation_and_saves_the_key(qtbot, tmp_path):
    dialog = RecoverySheetDialog("Phường Ba Đình", "hoa", "ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2-3456-789A")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.save_to(str(tmp_path / "sheet.txt"))
    text = (tmp_path / "sheet.txt").read_text(encoding="utf-8")
    assert "ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2-3456-789A" in text and "Phường Ba Đình" in text
    dialog.confirmed.setChecked(True)
    assert ok.isEnabled()


def test_login_dialog_signs_in_and_reports_a_wrong_password(qtbot, desk):
    recovery = desk.first_run("00004", "hoa", "Trần Thị Hòa", "mat khau 2026", "mat khau 2026")
    desk.logout()
    dialog = LoginDialog(desk)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "hoa")
    qtbot.keyClicks(dialog.password, "sai mat khau")
    dialog._submit()
    assert "không đúng" in dialog.error.text() and desk.context.session is None
    qtbot.keyClicks(dialog.password, "mat khau 2026")
    dialog._submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert desk.context.session.user.username == "hoa"
    desk.logout()
    dialog = LoginDialog(desk)
    qtbot.addWidget(dialog)
    dialog._show(1)
    dialog.recovery_key.setText(recovery)
    qtbot.keyClicks(dialog.recovery_user, "hoa")
    qtbot.keyClicks(dialog.new_password, "mat khau moi 1")
    qtbot.keyClicks(dialog.new_repeat, "mat khau moi 1")
    dialog._submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert desk.accounts.login("hoa", "mat khau moi 1")


def test_main_window_lists_newest_visits_and_searches_without_diacritics(qtbot, desk):
    desk.first_run("00004", "canbo", "Cán bộ", "mật khẩu 2026")
    _register(desk, "Nguyễn Văn Đức", "2026-03-01")
    _register(desk, "Trần Thị Hoa", "2026-03-05", "Phản ánh ô nhiễm môi trường")
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.find_in_logbook()
    logbook = window.logbook
    model = logbook.model
    assert window.stack.currentWidget() is logbook
    qtbot.waitUntil(lambda: model.rowCount() == 2)  # read on a worker thread
    assert model.data(model.index(0, 2)) == "Trần Thị Hoa"  # newest first
    assert model.data(model.index(0, 1)) == "05/03/2026"
    assert model.data(model.index(1, 7)) == "Hướng dẫn: UBND phường Ba Đình"
    assert model.data(model.index(1, 5)) == "Khiếu nại"
    assert "Ba Đình" in window.windowTitle()
    qtbot.keyClicks(logbook.search, "nguyen van duc")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.data(model.index(0, 2)) == "Nguyễn Văn Đức"
    assert "1" in logbook.count.text()
    logbook.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 2)


def test_navigation_shows_only_the_screens_a_role_may_use(qtbot, desk):
    desk.first_run("00004", "canbo", "Cán bộ", "mật khẩu 2026")
    admin = MainWindow(desk)
    qtbot.addWidget(admin)
    assert [type(s).__name__ for s in admin.screens] == ["HomeScreen", "IntakeScreen", "LogbookScreen",
                                                         "CasesScreen", "SessionsScreen", "FollowupScreen",
                                                         "ReportsScreen", "SyncScreen", "SettingsScreen"]
    desk.accounts.add_user(desk.context.session, "xem", "Người Xem", "viewer", "mật khẩu xem 1")
    desk.logout()
    desk.login("xem", "mật khẩu xem 1")
    viewer = MainWindow(desk)
    qtbot.addWidget(viewer)
    assert [type(s).__name__ for s in viewer.screens] == ["HomeScreen", "LogbookScreen", "CasesScreen",
                                                          "SessionsScreen", "FollowupScreen", "ReportsScreen"]
    assert viewer.intake is None and viewer.settings is None and viewer.sync is None


def test_status_bar_shows_unit_user_file_and_overdue_count(qtbot, desk):
    desk.first_run("00004", "canbo", "Cán bộ Tiếp Dân", "mật khẩu 2026")
    desk.intake.register_visit(VisitDraft(  # accepted long ago: the time to resolve it has passed
        "2025-12-01", CitizenDraft("Nguyễn Văn Đức"), "Khiếu nại quyết định thu hồi đất",
        DirectionDraft("accepted"), new_cases=[CaseDraft("complaint", "land", "Khiếu nại thu hồi đất")]))
    window = MainWindow(desk)
    qtbot.addWidget(window)
    assert window.unit_label.text() == "Phường Ba Đình"
    assert "Cán bộ Tiếp Dân" in window.user_label.text()
    assert window.file_label.text() == str(desk.context.database.path)
    overdue = desk.dashboard.summary().overdue_total
    assert overdue >= 1 and str(overdue) in window.overdue_label.text()


def test_keyboard_shortcuts_move_between_screens(qtbot, desk):
    desk.first_run("00004", "canbo", "Cán bộ", "mật khẩu 2026")
    window = MainWindow(desk)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.intake
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.logbook
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.reports
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.sync
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.settings
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.home
    window.close()


def test_an_upper_level_desk_lists_the_consolidation_screen_with_a_key_of_its_own(qtbot, desk):
    desk.first_run("00004", "canbo", "Cán bộ", "mật khẩu 2026")
    desk.consolidation.initialise()
    window = MainWindow(desk)
    qtbot.addWidget(window)
    assert [type(s).__name__ for s in window.screens][-3:] == ["SyncScreen", "ConsolidationScreen", "SettingsScreen"]
    row = window.screens.index(window.consolidation)
    assert window.navigation.item(row).text() == "Tổng hợp từ các xã"
    assert [window.navigation.item(r).toolTip() for r in range(row - 1, row + 2)] == ["Ctrl+8", "Ctrl+0", "Ctrl+9"]
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.consolidation
    assert window.consolidation.pages.currentWidget() is window.consolidation.main_page
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.sync
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.settings
    assert "cấp trên" in window.settings.desk_role.text() and not window.settings.consolidation_button.isVisible()
    window.close()
    desk.accounts.add_user(desk.context.session, "xem", "Người Xem", "viewer", "mật khẩu xem 1")
    desk.logout()
    desk.login("xem", "mật khẩu xem 1")
    viewer = MainWindow(desk)
    qtbot.addWidget(viewer)
    assert [type(s).__name__ for s in viewer.screens][-2:] == ["ReportsScreen", "ConsolidationScreen"]
    viewer.show()
    viewer.show_screen(viewer.screens.index(viewer.consolidation))
    screen = viewer.consolidation
    assert screen.tabs.isVisible() and not screen.import_button.isVisible() and not screen.enrol_button.isVisible()
    assert not screen.save_keys_button.isVisibleTo(screen)
    viewer.close()


def test_settings_show_the_consolidation_screen_on_a_communes_desk(qtbot, desk):
    desk.first_run("00004", "canbo", "Cán bộ", "mật khẩu 2026")
    window = MainWindow(desk)
    qtbot.addWidget(window)
    assert window.consolidation is None
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    settings = window.settings
    assert settings.desk_role.text() == "Bàn tiếp công dân của xã, phường"
    settings.consolidation_button.setFocus()
    qtbot.keyClick(settings.consolidation_button, Qt.Key.Key_Space)
    screen = window.consolidation
    assert window.stack.currentWidget() is screen and screen.pages.currentWidget() is screen.intro_page
    assert window.screens.index(screen) == window.screens.index(window.sync) + 1
    assert window.navigation.currentRow() == window.screens.index(screen)
    assert screen.initialise_button.isVisible() and screen.initialise_button.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.settings
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is screen
    window.close()


def test_a_vanished_desk_file_is_reported_and_the_form_kept(qtbot, desk, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    desk.first_run("00004", "canbo", "Cán bộ", "mật khẩu 2026")
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.new_visit()
    window.intake.full_name.setText("Đỗ Văn Lâm")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    path = desk.context.database.path
    moved = path.with_name("elsewhere.sqlite3")
    path.rename(moved)  # what pulling out the USB drive looks like from here
    try:
        assert window.check_desk_file() is False
        assert window.check_desk_file() is False  # said once, not every few seconds
    finally:
        moved.rename(path)
    assert len(shown) == 1 and str(path) in shown[0]
    from receptiondesk.services.drafts import DraftStore
    from receptiondesk import paths

    kept = DraftStore(paths.drafts_dir(), desk.context.session, "00004").load("intake")
    assert kept["full_name"] == "Đỗ Văn Lâm"
    assert window.check_desk_file() is True
    window.intake.start_new()
    window.close()


def test_visit_model_pages_rows_and_passes_the_model_tester(qtbot, qtmodeltester, desk):
    desk.first_run("00004", "canbo", "Cán bộ", "mật khẩu 2026")
    for day in range(1, PAGE_SIZE + 21):
        _register(desk, f"Lê Văn {day}", datetime.date(2025, 1, 1) + datetime.timedelta(days=day))
    model = VisitTableModel(desk.logbook)
    model.set_ids(desk.logbook.visit_ids())
    assert model.rowCount() == PAGE_SIZE + 20
    last = model.index(model.rowCount() - 1, 2)
    assert model.data(last) == "Lê Văn 1"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Họ và tên"
    qtmodeltester.check(model)


def test_idle_window_locks_and_hides_the_list(qtbot, desk, monkeypatch):
    desk.first_run("00004", "canbo", "Cán bộ", "mật khẩu 2026")
    _register(desk, "Nguyễn Văn Đức", "2026-03-01")
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.find_in_logbook()
    qtbot.waitUntil(lambda: window.logbook.model.rowCount() == 1)
    assert window._idle.interval() == 10 * 60_000 and window._idle.isActive()
    monkeypatch.setattr("receptiondesk.ui.dialogs.login_dialog.LoginDialog.exec", lambda self: 0)
    window.lock()
    assert desk.context.session is None
    assert window.logbook.model.rowCount() == 0 and not window.isVisible()
    assert window.home.figures["today_visits"].text() == "—"


def test_a_long_list_read_can_be_stopped(qtbot, desk):
    from receptiondesk.ui.workers.paged_list_worker import PagedListWorker

    endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n"
    worker = PagedListWorker(desk.context.database.reader, None,
                             lambda conn: [r[0] for r in conn.execute(endless)])
    loaded = []
    worker.loaded.connect(loaded.append)
    worker.start()
    qtbot.wait(100)
    assert worker.isRunning()
    worker.cancel()
    assert worker.wait(5000)
    assert loaded == []


def test_a_refused_read_is_shown_not_raised(qtbot, desk):
    desk.first_run("00004", "canbo", "Cán bộ", "mật khẩu 2026")
    window = MainWindow(desk)
    qtbot.addWidget(window)
    logbook = window.logbook
    desk.logout()
    logbook.refresh()
    qtbot.waitUntil(lambda: "đăng nhập" in logbook.count.text().lower())
    assert logbook.model.rowCount() == 0


def test_the_window_layout_is_remembered(qtbot, desk):
    desk.first_run("00004", "canbo", "Cán bộ", "mật khẩu 2026")
    first = MainWindow(desk)
    qtbot.addWidget(first)
    first.resize(760, 540)  # within the offscreen screen (800×600)
    first.splitter.setSizes([180, 580])
    saved = first.splitter.sizes()  # what the screens' minimum widths allow
    first.close()
    again = MainWindow(desk)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (760, 540)
    assert again.splitter.sizes() == saved
    again.close()


def test_every_screen_fits_a_1366_by_768_screen_at_125_percent(qtbot, desk):
    desk.first_run("00004", "canbo", "Cán bộ", "mật khẩu 2026")
    window = MainWindow(desk)
    qtbot.addWidget(window)
    room = 1366 / 1.25 - 160  # the screen's width less the navigation list
    too_wide = {type(s).__name__: s.minimumSizeHint().width() for s in window.screens
                if s.minimumSizeHint().width() > room}
    assert not too_wide


def test_f1_shows_the_version_the_data_file_and_the_licences(qtbot, desk):
    desk.first_run("00004", "canbo", "Cán bộ", "mật khẩu 2026")
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    dialog = window.show_about()
    assert "Phiên bản 0.1.0" in dialog.heading.text() and str(desk.database.path) in dialog.data_label.text()
    licences = dialog.licences.toPlainText()
    for expected in ("SIL Open Font License", "GNU LGPL v3", "Liberation Serif", "DejaVu", "ReportLab"):
        assert expected in licences
    assert "Copyright" in licences  # the fonts' full licence texts
    dialog.close()

"""The settings screen, driven offscreen over a real desk database: every tab saves through the services."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from receptiondesk.messages import field_label, text
from receptiondesk.services.setup import SignerDraft
from receptiondesk.ui.models.calendar_day_table_model import CalendarDayTableModel
from receptiondesk.ui.models.field_table_model import FieldTableModel
from receptiondesk.ui.models.signer_table_model import SignerTableModel
from receptiondesk.ui.models.time_limit_table_model import TimeLimitTableModel
from receptiondesk.ui.screens.settings_screen import LANGUAGE_KEY, SettingsScreen, language_settings

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def user_settings(tmp_path):
    """QSettings (the language choice) go to a temporary folder, never to the tester's own profile."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
    default = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, default)


@pytest.fixture
def screen(qtbot, desk):
    widget = SettingsScreen(desk, "vi")
    qtbot.addWidget(widget)
    widget.resize(900, 520)
    widget.refresh()
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def _show_tab(screen: SettingsScreen, page) -> None:
    for index in range(screen.tabs.count()):
        if screen.tabs.widget(index).isAncestorOf(page):
            screen.tabs.setCurrentIndex(index)
            return
    raise AssertionError("no such tab")


def _ctrl_s(qtbot, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_title_and_what_refresh_shows(screen, desk):
    assert screen.title() == "Cài đặt"
    assert screen.tabs.count() == 7
    assert screen.commune_name.text() == "Phường Ba Đình"
    assert screen.commune_code.text() == "00004" and screen.commune_code.isReadOnly()
    assert screen.province.text() == "Thành phố Hà Nội" and screen.province.isReadOnly()
    assert screen.officer_name.text() == "Cán bộ"
    assert screen.threshold.value() == 5 and (screen.threshold.minimum(), screen.threshold.maximum()) == (2, 100)
    assert screen.auto_lock.value() == desk.context.settings.auto_lock_minutes
    assert screen.field_model.rowCount() == len(desk.setup.fields(include_inactive=True)) > 0
    assert screen.year.value() == 2026
    assert screen.calendar_model.rowCount() == len(desk.setup.calendar_days(2026)) > 0
    assert screen.time_limit_model.rowCount() == len(desk.context.rules)
    assert screen.language.currentData() == "vi"


def test_ctrl_s_saves_the_unit_settings(qtbot, screen, desk):
    screen.threshold.setFocus()
    screen.threshold.selectAll()
    qtbot.keyClicks(screen.threshold, "7")
    screen.officer_name.setText("Trần Thị Hòa")  # QTest types ASCII only
    screen.upper_level_name.setText("Văn phòng UBND thành phố Hà Nội")
    qtbot.keyClicks(screen.upper_level_code, "01")
    screen.remote_area.setFocus()
    qtbot.keyClick(screen.remote_area, Qt.Key.Key_Space)
    assert screen.remote_area.isChecked()
    _ctrl_s(qtbot, screen.remote_area)
    settings = desk.context.settings
    assert settings.delegation_threshold == 7
    assert settings.officer_name == "Trần Thị Hòa"
    assert (settings.upper_level_name, settings.upper_level_code) == ("Văn phòng UBND thành phố Hà Nội", "01")
    assert settings.remote_area is True
    assert screen.status.text() and not screen.error.text()
    assert "áp dụng thời hạn dành cho vùng sâu, vùng xa" in screen.remote_note.text()


def test_a_bad_threshold_shows_the_fields_message_and_saves_nothing(qtbot, screen, desk):
    screen.officer_name.setText("Người khác")
    screen.threshold.setFocus()
    screen.threshold.selectAll()
    qtbot.keyClicks(screen.threshold, "1")  # in the spin box's range as typed, refused by the service
    qtbot.mouseClick(screen.save_unit_button, Qt.MouseButton.LeftButton)
    message = screen.error.text()
    assert message.startswith(field_label("delegation_threshold", "vi"))
    assert text("setup.threshold_range", "vi") in message
    assert screen.threshold.hasFocus()
    assert not screen.status.text()
    assert desk.context.settings.delegation_threshold == 5
    assert desk.context.settings.officer_name == "Cán bộ"  # nothing half-saved


def test_an_error_from_a_locked_desk_is_shown_not_raised(screen, desk):
    desk.logout()
    assert screen.save_unit() is False
    assert screen.error.text() == text("auth.signed_out", "vi")


def test_villages_are_added_renamed_removed_and_saved(qtbot, screen, desk):
    _show_tab(screen, screen.villages_page)
    for name in ("Thôn Đông", "Thôn Tây", "Tổ dân phố 3"):
        screen.new_village.setText(name)
        qtbot.keyClick(screen.new_village, Qt.Key.Key_Return)
    assert screen.villages() == ["Thôn Đông", "Thôn Tây", "Tổ dân phố 3"]
    screen.new_village.setText("thôn đông")
    qtbot.mouseClick(screen.add_village_button, Qt.MouseButton.LeftButton)
    assert screen.error.text() and screen.village_list.count() == 3  # no duplicate line
    screen.village_list.setCurrentRow(1)
    qtbot.mouseClick(screen.rename_village_button, Qt.MouseButton.LeftButton)
    assert screen.village_list.state() == QAbstractItemView.State.EditingState
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and screen.village_list.isAncestorOf(editor)
    editor.setText("Thôn Tây Bắc")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits through a queued call
    qtbot.waitUntil(lambda: screen.villages()[1] == "Thôn Tây Bắc")
    screen.village_list.setCurrentRow(2)
    qtbot.mouseClick(screen.remove_village_button, Qt.MouseButton.LeftButton)
    assert desk.context.settings.villages == []  # only the list on screen changed so far
    _ctrl_s(qtbot, screen.village_list)
    assert desk.context.settings.villages == ["Thôn Đông", "Thôn Tây Bắc"]
    assert screen.villages() == ["Thôn Đông", "Thôn Tây Bắc"]


def test_signers_are_added_and_a_missing_title_is_shown(qtbot, screen, desk):
    _show_tab(screen, screen.signers_page)
    screen.signer_name.setText("Nguyễn Văn An")
    qtbot.mouseClick(screen.add_signer_button, Qt.MouseButton.LeftButton)
    assert screen.error.text().startswith(field_label("signer_title", "vi"))
    assert screen.signer_title.hasFocus()
    assert desk.setup.signers() == []
    screen.signer_title.setText("Chủ tịch UBND phường")
    screen.signer_role.setCurrentIndex(screen.signer_role.findData("vice_chairman"))
    qtbot.keyClick(screen.signer_title, Qt.Key.Key_Return)
    signers = desk.setup.signers()
    assert [(s["full_name"], s["title"], s["role"]) for s in signers] == [
        ("Nguyễn Văn An", "Chủ tịch UBND phường", "vice_chairman")]
    assert screen.signer_model.rowCount() == 1
    assert screen.signer_model.data(screen.signer_model.index(0, 0)) == "Nguyễn Văn An"
    assert not screen.error.text() and screen.status.text()
    assert screen.signer_name.text() == "" and screen.signer_name.hasFocus()


def test_fields_are_added_and_retired(qtbot, screen, desk):
    _show_tab(screen, screen.fields_page)
    before = screen.field_model.rowCount()
    screen.field_code.setFocus()
    qtbot.keyClicks(screen.field_code, "water_supply")
    screen.field_name_vi.setText("Cấp nước sạch")
    qtbot.keyClicks(screen.field_name_en, "Water supply")
    _ctrl_s(qtbot, screen.field_name_en)
    added = {f["code"]: f for f in desk.setup.fields(include_inactive=True)}["water_supply"]
    assert (added["name_vi"], added["name_en"], added["active"]) == ("Cấp nước sạch", "Water supply", 1)
    assert screen.field_model.rowCount() == before + 1
    row = screen.field_model.row_of("water_supply")
    assert screen.field_table.currentIndex().row() == row
    qtbot.mouseClick(screen.toggle_field_button, Qt.MouseButton.LeftButton)
    assert "water_supply" not in {f["code"] for f in desk.setup.fields()}
    assert not screen.field_model.row_active(row)
    assert screen.toggle_field_button.text() == "Sử dụng lại lĩnh vực đang chọn"
    qtbot.mouseClick(screen.toggle_field_button, Qt.MouseButton.LeftButton)
    assert "water_supply" in {f["code"] for f in desk.setup.fields()}
    # the same code again: the service's message, the focus on the code
    qtbot.keyClicks(screen.field_code, "water_supply")
    screen.field_name_vi.setText("Nước")
    qtbot.mouseClick(screen.add_field_button, Qt.MouseButton.LeftButton)
    assert text("setup.field_exists", "vi", value="water_supply") in screen.error.text()
    assert screen.field_code.hasFocus()
    assert screen.field_model.rowCount() == before + 1


def test_calendar_days_are_added_changed_and_removed(qtbot, screen, desk):
    _show_tab(screen, screen.calendar_page)
    screen.day_edit.setDate(QDate(2026, 12, 31))
    screen.day_name.setText("Nghỉ cuối năm")
    qtbot.keyClick(screen.day_name, Qt.Key.Key_Return)
    entry = {d.day: d for d in desk.setup.calendar_days(2026)}[datetime.date(2026, 12, 31)]
    assert (entry.kind, entry.name) == ("holiday", "Nghỉ cuối năm")
    assert screen.calendar_model.row_of(datetime.date(2026, 12, 31)) == screen.calendar_table.currentIndex().row()
    assert screen.status.text()
    # a holiday of another year: the table moves to that year
    screen.day_edit.setDate(QDate(2028, 6, 1))
    screen.day_name.setText("Ngày lễ thử")
    qtbot.mouseClick(screen.set_day_button, Qt.MouseButton.LeftButton)
    assert screen.year.value() == 2028
    assert datetime.date(2028, 6, 1) in {d.day for d in desk.setup.calendar_days(2028)}
    assert screen.calendar_model.row_of(datetime.date(2028, 6, 1)) >= 0
    # a make-up working day must be a Saturday or Sunday: the message, the focus on the date
    screen.day_edit.setDate(QDate(2028, 6, 2))  # a Friday
    screen.day_kind.setCurrentIndex(screen.day_kind.findData("working"))
    _ctrl_s(qtbot, screen.day_name)
    assert screen.error.text().startswith(field_label("calendar_day", "vi"))
    assert text("setup.working_on_weekday", "vi") in screen.error.text()
    assert screen.day_edit.hasFocus()
    assert datetime.date(2028, 6, 2) not in {d.day for d in desk.setup.calendar_days(2028)}
    screen.day_edit.setDate(QDate(2028, 6, 3))  # a Saturday
    qtbot.mouseClick(screen.set_day_button, Qt.MouseButton.LeftButton)
    assert {d.day: d.kind for d in desk.setup.calendar_days(2028)}[datetime.date(2028, 6, 3)] == "working"
    # selecting a row fills the form; remove it
    screen.calendar_table.selectRow(screen.calendar_model.row_of(datetime.date(2028, 6, 1)))
    assert screen.day_edit.date() == QDate(2028, 6, 1) and screen.day_name.text() == "Ngày lễ thử"
    qtbot.mouseClick(screen.remove_day_button, Qt.MouseButton.LeftButton)
    assert datetime.date(2028, 6, 1) not in {d.day for d in desk.setup.calendar_days(2028)}
    assert screen.calendar_model.row_of(datetime.date(2028, 6, 1)) == -1
    # back to 2026 with the year box
    screen.year.setValue(2026)
    assert screen.calendar_model.rowCount() == len(desk.setup.calendar_days(2026))


def test_time_limits_are_listed_with_their_legal_source(screen, desk):
    model = screen.time_limit_model
    rules = list(desk.context.rules)
    assert model.rowCount() == len(rules) > 0
    source = model.COLUMNS.index("source")
    for row, limit in enumerate(rules):
        shown = model.data(model.index(row, source))
        assert shown and shown == limit.source
        assert model.data(model.index(row, 0))  # the rule's name
        assert model.data(model.index(row, model.COLUMNS.index("days")))
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert screen.time_limit_table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers


def test_language_choice_is_stored_for_the_next_start(qtbot, screen):
    _show_tab(screen, screen.language_page)
    screen.language.setFocus()
    screen.language.setCurrentIndex(screen.language.findData("en"))
    screen.language.activated.emit(screen.language.currentIndex())
    assert language_settings().value(LANGUAGE_KEY) == "en"
    assert "lần mở chương trình tiếp theo" in screen.status.text()
    screen.refresh()
    assert screen.language.currentData() == "en"


def test_clear_empties_the_screen_and_refresh_fills_it_again(screen, desk):
    desk.setup.add_signer(SignerDraft("Nguyễn Văn An", "Chủ tịch UBND phường", "chairman"))
    desk.setup.update_settings(villages=["Thôn Đông"])
    screen.refresh()
    screen.error.setText("x")
    screen.clear()
    assert screen.commune_name.text() == screen.officer_name.text() == ""
    assert screen.village_list.count() == 0
    for model in (screen.signer_model, screen.field_model, screen.calendar_model, screen.time_limit_model):
        assert model.rowCount() == 0
    assert screen.error.text() == ""
    screen.refresh()
    assert screen.officer_name.text() == "Cán bộ" and screen.villages() == ["Thôn Đông"]
    assert screen.signer_model.rowCount() == 1


def test_models_pass_the_model_tester(qtmodeltester, desk):
    desk.setup.add_signer(SignerDraft("Nguyễn Văn An", "Chủ tịch UBND phường", "chairman"))
    desk.setup.set_field_active("other", False)
    desk.setup.set_calendar_day("2026-01-03", "working", "Làm bù")
    signers = SignerTableModel()
    signers.set_rows(desk.setup.signers())
    fields = FieldTableModel()
    fields.set_rows(desk.setup.fields(include_inactive=True))
    days = CalendarDayTableModel("vi")
    days.set_days(desk.setup.calendar_days(2026))
    limits = TimeLimitTableModel()
    limits.set_rules(desk.context.rules, desk.context.today())
    for model in (signers, fields, days, limits):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_the_reports_cut_off_day_is_saved_and_proposed_by_the_reports_screen(qtbot, screen, desk):
    from receptiondesk.ui.screens.reports_screen import ReportsScreen

    assert screen.report_cutoff.value() == 0 and screen.report_cutoff.text() == "Theo tháng dương lịch"
    assert (screen.report_cutoff.minimum(), screen.report_cutoff.maximum()) == (0, 28)
    screen.report_cutoff.setFocus()
    screen.report_cutoff.selectAll()
    qtbot.keyClicks(screen.report_cutoff, "45")  # a day no month may cut off at cannot be typed
    assert screen.report_cutoff.value() <= 28
    screen.report_cutoff.selectAll()
    qtbot.keyClicks(screen.report_cutoff, "25")
    _ctrl_s(qtbot, screen.report_cutoff)
    assert desk.context.settings.report_cutoff_day == 25
    assert "ngày chốt số liệu mới" in screen.status.text() and not screen.error.text()
    reports = ReportsScreen(desk)
    qtbot.addWidget(reports)
    reports.refresh()
    assert reports.cutoff.value() == 25
    reports.close_screen()
    screen.report_cutoff.selectAll()
    qtbot.keyClick(screen.report_cutoff, Qt.Key.Key_Delete)  # an empty box: calendar months again
    _ctrl_s(qtbot, screen.report_cutoff)
    assert desk.context.settings.report_cutoff_day == 0
    assert screen.report_cutoff.text() == "Theo tháng dương lịch"


def test_a_refused_cut_off_day_shows_the_message_on_its_box(qtbot, screen, desk, monkeypatch):
    from receptiondesk.errors import UserError

    def refuse(**changes):
        raise UserError("report.cutoff_range", "cutoff_day", value=changes["report_cutoff_day"], max=28)

    monkeypatch.setattr(desk.setup, "update_settings", refuse)
    screen.report_cutoff.setFocus()
    screen.report_cutoff.selectAll()
    qtbot.keyClicks(screen.report_cutoff, "3")
    qtbot.mouseClick(screen.save_unit_button, Qt.MouseButton.LeftButton)
    assert screen.error.text() == UserError("report.cutoff_range", "cutoff_day", value="3", max=28).render("vi")
    assert "ngày chốt số liệu" in screen.error.text().lower()
    assert screen.report_cutoff.hasFocus() and not screen.status.text()

"""The first-run dialog and the main window, driven offscreen over a real desk database."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from receptiondesk.domain.cases import CaseDraft, DirectionDraft
from receptiondesk.domain.citizens import CitizenDraft
from receptiondesk.domain.values import VIETNAM_TZ
from receptiondesk.domain.visits import VisitDraft
from receptiondesk.services.desk import Desk
from receptiondesk.ui.dialogs.unit_setup_dialog import UnitSetupDialog
from receptiondesk.ui.main_window import MainWindow
from receptiondesk.ui.models.visit_table_model import PAGE_SIZE, VisitTableModel

pytestmark = pytest.mark.gui

CLOCK = lambda: datetime.datetime(2026, 3, 10, 9, 0, tzinfo=VIETNAM_TZ)  # noqa: E731


@pytest.fixture
def desk(tmp_path):
    with Desk.open(tmp_path / "desk.sqlite3", clock=CLOCK) as opened:
        yield opened


def _register(desk, name, day, summary="Khiếu nại về cấp giấy chứng nhận quyền sử dụng đất"):
    return desk.intake.register_visit(VisitDraft(
        day, CitizenDraft(name, address="Thôn 2, Phường Ba Đình"), summary,
        DirectionDraft("guided", direction_body="UBND phường Ba Đình"),
        new_cases=[CaseDraft("complaint", "land", summary)]))


def test_first_run_dialog_sets_up_the_chosen_commune(qtbot, desk):
    dialog = UnitSetupDialog(desk.setup)
    qtbot.addWidget(dialog)
    dialog.province.setCurrentIndex(dialog.province.findData("01"))
    dialog.commune.setCurrentIndex(dialog.commune.findData("00004"))
    dialog.officer.setText("Trần Thị Hòa")  # QTest types ASCII only; an input method types the rest
    dialog._save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert desk.context.settings.commune_code == "00004"
    assert desk.context.settings.officer_name == "Trần Thị Hòa"


def test_first_run_dialog_shows_the_problem_inline_when_no_commune(qtbot, desk):
    dialog = UnitSetupDialog(desk.setup)
    qtbot.addWidget(dialog)
    dialog.commune.clear()
    dialog._save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "bắt buộc" in dialog.error.text()
    assert not desk.context.is_set_up


def test_main_window_lists_newest_visits_and_searches_without_diacritics(qtbot, desk):
    desk.setup.initialise("00004", "Cán bộ")
    _register(desk, "Nguyễn Văn Đức", "2026-03-01")
    _register(desk, "Trần Thị Hoa", "2026-03-05", "Phản ánh ô nhiễm môi trường")
    window = MainWindow(desk)
    qtbot.addWidget(window)
    model = window.model
    assert model.rowCount() == 2
    assert model.data(model.index(0, 2)) == "Trần Thị Hoa"  # newest first
    assert model.data(model.index(0, 1)) == "05/03/2026"
    assert model.data(model.index(1, 7)) == "Hướng dẫn: UBND phường Ba Đình"
    assert model.data(model.index(1, 5)) == "Khiếu nại"
    assert "Ba Đình" in window.windowTitle()
    qtbot.keyClicks(window.search, "nguyen van duc")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.data(model.index(0, 2)) == "Nguyễn Văn Đức"
    assert "1" in window.count.text()
    window.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 2)


def test_visit_model_pages_rows_and_passes_the_model_tester(qtbot, qtmodeltester, desk):
    desk.setup.initialise("00004", "Cán bộ")
    for day in range(1, PAGE_SIZE + 21):
        _register(desk, f"Lê Văn {day}", datetime.date(2025, 1, 1) + datetime.timedelta(days=day))
    model = VisitTableModel(desk.logbook)
    model.set_ids(desk.logbook.visit_ids())
    assert model.rowCount() == PAGE_SIZE + 20
    last = model.index(model.rowCount() - 1, 2)
    assert model.data(last) == "Lê Văn 1"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Họ và tên"
    qtmodeltester.check(model)

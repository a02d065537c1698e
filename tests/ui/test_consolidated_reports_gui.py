"""The upper level's screens for what its communes report: the reports they submitted (accepted, which locks the
period, and their PDF saved as sent), a commune's rebuild file, and on the Reports screen the choice of units: the
desk's own, every unit consolidated, or one commune recomputed from its records."""

from __future__ import annotations

import json

import pytest

from receptiondesk.domain.report_periods import month_period
from receptiondesk.services.report_builder import ALL_UNITS
from receptiondesk.ui.screens.consolidation_screen import COMMUNE_COLUMNS, ConsolidationScreen
from receptiondesk.ui.screens.reports_screen import ReportsScreen
from tests.ui.helpers import press, show_active
from tests.ui.test_consolidation_screen import (  # noqa: F401 (fixtures)
    SCREEN_SIZE,
    UNIT,
    commune,
    commune_key,
    enrolled,
    no_remembered_folder,
    upper,
)
from tests.ui.test_reports_screen import answer_yes, built, save_to

pytestmark = pytest.mark.gui

FEBRUARY = month_period(2026, 2)


@pytest.fixture
def received(enrolled, commune, usb):
    """The commune submitted its February report and sent a package; the upper level imported it."""
    commune.report_builder.mark_submitted(commune.report_builder.build(FEBRUARY, "state"))
    enrolled.consolidation.import_package(commune.sync.export(usb).path)
    return enrolled


def test_a_submitted_report_is_accepted_and_its_pdf_saved_as_sent(qtbot, monkeypatch, received, tmp_path):
    screen = show_active(qtbot, ConsolidationScreen(received), SCREEN_SIZE)
    screen.refresh()
    screen.tabs.setCurrentIndex(screen.reports_tab)
    panel = screen.reports_panel
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 0).text() == f"{UNIT} Phường Ba Đình"
    assert panel.table.item(0, 1).text() == "Báo cáo kết quả công tác tiếp công dân, xử lý đơn, giải quyết " \
                                            "khiếu nại, tố cáo"
    assert panel.table.item(0, 2).text() == "Tháng 2 năm 2026" and panel.table.item(0, 4).text() == "chưa"
    assert not panel.accept_button.isEnabled()
    panel.table.selectRow(0)
    save_to(monkeypatch, tmp_path / "bao-cao-xa.pdf")
    press(qtbot, panel.pdf_button)
    assert (tmp_path / "bao-cao-xa.pdf").read_bytes().startswith(b"%PDF")
    asked = answer_yes(monkeypatch)
    press(qtbot, panel.accept_button)
    assert "khóa" in asked[0]
    [lock] = received.consolidation.locks(FEBRUARY.start.isoformat(), FEBRUARY.end.isoformat())
    assert lock["unit_code"] == UNIT
    assert panel.table.item(0, 4).text() != "chưa" and "kỳ báo cáo đã được khóa" in panel.message.text()
    panel.table.selectRow(0)
    assert not panel.accept_button.isEnabled()
    screen.close_screen()


def test_a_rebuild_file_is_written_for_the_chosen_commune(qtbot, monkeypatch, received, tmp_path):
    screen = show_active(qtbot, ConsolidationScreen(received), SCREEN_SIZE)
    screen.refresh()
    [row] = received.consolidation.oversight()
    cell = {name: screen.communes.item(0, i) for i, name in enumerate(COMMUNE_COLUMNS)}
    assert cell["overdue"].text() == str(row.overdue_assignments)
    assert cell["compliance"].text() == f"{row.chairman_missed} tuần, {row.secretary_missed} tháng"
    assert "Tháng 2/2026" in cell["compliance"].toolTip()
    assert not screen.rebuild_button.isEnabled()
    screen.communes.selectRow(0)
    assert screen.rebuild_button.isEnabled()
    target = tmp_path / "khoi-phuc.jsonl"
    proposed = save_to(monkeypatch, target)
    asked = answer_yes(monkeypatch)
    press(qtbot, screen.rebuild_button)
    assert proposed[0].endswith(f"KhoiPhuc_{UNIT}.jsonl") and "danh tính" in asked[0]
    lines = target.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["unit_code"] == UNIT
    assert all(json.loads(line).get("unit_code", UNIT) == UNIT for line in lines[1:])
    assert str(target) in screen.message.text() and "receptiondesk import" in screen.message.text()
    screen.close_screen()


def test_the_reports_screen_offers_our_unit_every_unit_or_one_commune(qtbot, received):
    screen = show_active(qtbot, ReportsScreen(received), SCREEN_SIZE)
    screen.refresh()
    assert screen.scope.isVisibleTo(screen)
    assert [screen.scope.itemText(i) for i in range(screen.scope.count())] == [
        "Đơn vị mình", "Tất cả đơn vị (tổng hợp)", "Phường Ba Đình"]
    screen.pick_period(FEBRUARY)
    screen.scope.setCurrentIndex(1)
    press(qtbot, screen.build_button)
    built(qtbot, screen)
    document = screen.document
    assert document.unit_code == ALL_UNITS and document.reporter == "Ủy ban nhân dân thành phố Hà Nội"
    titles = [screen.table_choice.itemText(i) for i in range(screen.table_choice.count())]
    assert any("theo đơn vị" in t for t in titles) and any("Đối chiếu báo cáo" in t for t in titles)
    assert screen.submit_button.isEnabled()
    screen.scope.setCurrentIndex(2)
    assert "không phải" in screen.message.text() or "F5" in screen.message.text()
    press(qtbot, screen.build_button)
    built(qtbot, screen)
    assert screen.document.unit_code == UNIT
    assert screen.document.figures == received.report_builder.build(FEBRUARY, "state", unit_code=UNIT).figures
    assert not screen.submit_button.isEnabled()  # the commune's own to submit, not the upper level's
    screen.close_screen()


def test_a_commune_desk_has_no_choice_of_units(qtbot, commune):
    screen = show_active(qtbot, ReportsScreen(commune), SCREEN_SIZE)
    screen.refresh()
    assert not screen.scope.isVisibleTo(screen) and screen.scope.count() == 0
    screen.close_screen()

"""The reports screen over a desk of demonstration data, driven by keys: pick a period and a report, build it on
the worker, read its narrative and tables against the report builder's, edit the narrative, export it (Excel, CSV,
PDF), print it, mark it submitted; an empty period warns; roles see only the actions they may use."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox

from receptiondesk.demo.loader import generate_into
from receptiondesk.domain.report_periods import month_period, months_of_year, quarter_period
from receptiondesk.domain.report_tables import ReportKind
from receptiondesk.ui.screens.reports_screen import ReportsScreen, cell_text, last_finished_month, period_spec
from tests.ui.helpers import choose, ctrl, key, open_desk, show_active, type_text

pytestmark = pytest.mark.gui

#: The room a screen has in a 1366×768 screen at 125%, less the navigation list and the status bar.
SCREEN_SIZE = (932, 550)
EDIT = " Bổ sung của cán bộ KIEMTRA2026."


@pytest.fixture
def desk(tmp_path):
    with open_desk(tmp_path) as opened:  # on Tuesday 10/03/2026
        generate_into(opened.context, "commune", visits=400)
        yield opened


@pytest.fixture
def screen(qtbot, desk):
    widget = show_active(qtbot, ReportsScreen(desk), SCREEN_SIZE)
    widget.refresh()
    yield widget
    widget.close_screen()


def built(qtbot, screen) -> None:
    """Wait for the worker to finish the build started."""
    qtbot.waitUntil(lambda: not screen.busy, timeout=20_000)
    assert screen.document is not None, screen.message.text()


def set_spin(qtbot, spin, value: int) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))


def edit_narrative(screen, text: str = EDIT) -> None:
    screen.narrative.moveCursor(QTextCursor.MoveOperation.End)
    type_text(screen.narrative, text)


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_text(data: bytes) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def save_to(monkeypatch, path) -> list[str]:
    """Answer the save dialog with `path`; the names it proposed are kept."""
    proposed: list[str] = []

    def answer(parent, caption, name, filters, *args, **kwargs):
        proposed.append(name)
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return proposed


def answer_yes(monkeypatch) -> list[str]:
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_the_last_finished_month_is_proposed(screen):
    assert screen.period() == month_period(2026, 2)  # today is 10/03/2026
    assert screen.kind() is ReportKind.STATE
    assert screen.cutoff.value() == 0 and screen.cutoff.text() == "không (theo tháng dương lịch)"
    assert "01/02/2026" in screen.range_label.text() and "28/02/2026" in screen.range_label.text()
    assert last_finished_month(screen.desk.context.today(), 5) == month_period(2026, 3, cutoff_day=5)
    assert last_finished_month(screen.desk.context.today(), 10) == month_period(2026, 2, cutoff_day=10)
    assert not screen.export_xlsx_button.isEnabled()  # nothing built yet


def test_a_quarter_built_by_keys_shows_the_builders_narrative_and_figures(qtbot, screen, desk):
    choose(qtbot, screen.period_kind, "Quý")
    choose(qtbot, screen.number, "Quý IV")
    set_spin(qtbot, screen.year, 2025)
    choose(qtbot, screen.report_kind, "Báo cáo công tác (đầy đủ)")
    period = quarter_period(2025, 4)
    assert screen.period() == period
    key(qtbot, screen.report_kind, Qt.Key.Key_F5)
    assert screen.busy and screen.progress.isVisible()
    built(qtbot, screen)
    expected = desk.report_builder.build(period, ReportKind.STATE)
    assert screen.narrative.toPlainText() == expected.narrative and expected.narrative
    assert expected.title in screen.heading.text() and "01/10/2025" in screen.heading.text()
    assert [screen.table_choice.itemData(i) for i in range(screen.table_choice.count())] == \
        [t.key for t in expected.tables]
    reception = expected.table("reception")  # Biểu 01/TCD, first
    assert [screen.table.horizontalHeaderItem(c).text() for c in range(screen.table.columnCount())] == \
        list(reception.header)
    for row, column in ((0, 0), (0, 2), (0, 5), (2, 2), (9, 3)):
        assert screen.table.item(row, column).text() == cell_text(reception.rows[row][column])
    assert screen.table.item(0, 2).text() == str(reception.rows[0][2]) != "0"
    assert screen.table.item(0, 1).font().bold() and not screen.table.item(1, 1).font().bold()  # the total row
    choose(qtbot, screen.table_choice, data="letters")
    letters = expected.table("letters")
    assert screen.table.rowCount() == len(letters.rows)
    for row in range(len(letters.rows)):
        assert [screen.table.item(row, c).text() for c in range(4)] == [cell_text(v) for v in letters.rows[row]]
    assert screen.pdf.pageCount() >= 2 and pdf_text(screen.pdf_bytes).count("PHỤ LỤC SỐ LIỆU") == 1
    assert screen.submitted_label.text() == "Chưa đánh dấu đã nộp"
    assert screen.warnings.isHidden()


def test_edit_export_print_and_mark_submitted(qtbot, screen, desk, tmp_path, monkeypatch):
    period = month_period(2026, 2)
    ctrl(qtbot, screen.report_kind, Qt.Key.Key_Return)
    built(qtbot, screen)
    draft = screen.narrative.toPlainText()
    assert not screen.restore_button.isEnabled()
    edit_narrative(screen)
    assert screen.narrative.toPlainText() == draft + EDIT
    assert screen.restore_button.isEnabled() and "Đã sửa" in screen.edited_label.text()

    proposed = save_to(monkeypatch, tmp_path / "bao-cao.xlsx")
    screen.export_xlsx_button.click()
    qtbot.waitUntil(lambda: not screen.busy, timeout=20_000)
    assert proposed[-1].endswith("BaoCao_2026-02_state.xlsx")
    assert str(tmp_path / "bao-cao.xlsx") in screen.message.text()
    summary = openpyxl.load_workbook(tmp_path / "bao-cao.xlsx").worksheets[0]
    assert any("KIEMTRA2026" in str(cell.value) for row in summary.iter_rows() for cell in row)

    save_to(monkeypatch, tmp_path / "bao-cao")  # no suffix typed: the format's is added
    screen.export_csv_button.click()
    qtbot.waitUntil(lambda: not screen.busy, timeout=20_000)
    with open(tmp_path / "bao-cao.csv", encoding="utf-8-sig", newline="") as handle:
        assert any("KIEMTRA2026" in cell for row in csv.reader(handle) for cell in row)

    save_to(monkeypatch, tmp_path / "bao-cao.pdf")
    screen.export_pdf_button.click()
    qtbot.waitUntil(lambda: not screen.busy, timeout=20_000)
    assert "Bổ sung của cán bộ KIEMTRA2026" in pdf_text((tmp_path / "bao-cao.pdf").read_bytes())

    screen.tabs.setCurrentIndex(screen.pdf_tab)  # the preview follows the edit
    qtbot.waitUntil(lambda: not screen.busy, timeout=20_000)
    assert "KIEMTRA2026" in pdf_text(screen.pdf_bytes)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = screen.print_to(printer)
    assert pages == len(PdfReader(io.BytesIO(screen.pdf_bytes)).pages) == len(PdfReader(tmp_path / "printed.pdf").pages)

    asked = answer_yes(monkeypatch)
    assert desk.report_builder.submitted(ReportKind.STATE, period) is None
    screen.submit_button.click()
    row = desk.report_builder.submitted(ReportKind.STATE, period)
    assert row is not None and row["submitted_on"] == "2026-03-10"
    assert "tháng 2 năm 2026" in asked[0]
    assert screen.submitted_label.text() == "Đã nộp ngày 10/03/2026"
    narrative = desk.context.database.scalar("SELECT narrative FROM report_submissions WHERE uuid = ?",
                                             (row["uuid"],))
    assert "KIEMTRA2026" in narrative
    screen.submit_button.click()  # again: the question says it was already submitted
    assert "đã được đánh dấu đã nộp ngày 10/03/2026" in asked[1]


def test_edits_are_kept_until_the_period_or_kind_changes(qtbot, screen, monkeypatch):
    key(qtbot, screen.report_kind, Qt.Key.Key_F5)
    built(qtbot, screen)
    draft = screen.narrative.toPlainText()
    edit_narrative(screen)
    ctrl(qtbot, screen.narrative, Qt.Key.Key_Return)  # the same report again: the edit stays
    built(qtbot, screen)
    assert screen.narrative.toPlainText() == draft + EDIT
    assert "KIEMTRA2026" in pdf_text(screen.pdf_bytes)
    screen.restore_button.click()
    assert screen.narrative.toPlainText() == draft and not screen.restore_button.isEnabled()
    edit_narrative(screen)
    choose(qtbot, screen.report_kind, "Báo cáo của Bí thư Đảng ủy")
    assert "không phải của kỳ" in screen.message.text()
    asked = answer_yes(monkeypatch)
    key(qtbot, screen.report_kind, Qt.Key.Key_F5)
    built(qtbot, screen)
    assert asked and screen.document.kind is ReportKind.PARTY
    assert screen.narrative.toPlainText() == screen.document.narrative != draft
    assert "Bí thư" in screen.narrative.toPlainText()
    assert screen.table_choice.itemData(0) == "party"


def test_an_empty_period_shows_the_no_data_warning(qtbot, screen):
    set_spin(qtbot, screen.year, 2020)
    key(qtbot, screen.year, Qt.Key.Key_F5)
    built(qtbot, screen)
    assert screen.document.is_empty and screen.document.period == month_period(2020, 2)
    assert screen.warnings.isVisible()
    assert "không có số liệu" in screen.warnings.text()


def test_a_period_still_running_and_a_cut_off_day_change_the_report(qtbot, screen, desk):
    choose(qtbot, screen.period_kind, "6 tháng")
    set_spin(qtbot, screen.cutoff, 14)
    assert screen.period() == months_of_year(2026, 6, cutoff_day=14)
    assert "chỉ áp dụng cho báo cáo này" in screen.cutoff_hint.text()
    key(qtbot, screen.cutoff, Qt.Key.Key_F5)
    built(qtbot, screen)
    assert screen.document.period.start.isoformat() == "2025-12-15"
    assert any("chưa kết thúc" in warning for warning in screen.document.warnings)
    assert "chưa kết thúc" in screen.warnings.text()
    screen.pick_period(months_of_year(2026, 6, cutoff_day=14))
    assert period_spec(screen.period()) == "2026-H1"
    assert screen.suggested_name("xlsx") == "BaoCao_2026-H1_state.xlsx"
    assert desk.context.settings.report_cutoff_day == 0  # the desk's setting is left as it was


def test_the_desks_cut_off_day_is_shown(qtbot, desk):
    desk.setup.update_settings(report_cutoff_day=5)
    screen = show_active(qtbot, ReportsScreen(desk), SCREEN_SIZE)
    screen.refresh()
    assert screen.cutoff.value() == 5 and screen.cutoff_hint.text() == "theo cài đặt chung"
    assert screen.period() == month_period(2026, 3, cutoff_day=5)  # 06/02–05/03 is over on 10/03
    screen.close_screen()


def test_an_impossible_range_is_said_in_vietnamese_not_raised(qtbot, screen):
    choose(qtbot, screen.period_kind, "Tùy chọn")
    assert screen.from_date.isVisible() and not screen.year.isVisible() and not screen.cutoff.isEnabled()
    screen.from_date.setDate(QDate(2026, 3, 5))
    screen.to_date.setDate(QDate(2026, 3, 1))
    assert "05/03/2026" in screen.range_label.text()
    key(qtbot, screen.to_date, Qt.Key.Key_F5)
    assert not screen.busy and screen.document is None
    assert "05/03/2026" in screen.message.text() and "Traceback" not in screen.message.text()
    screen.to_date.setDate(QDate(2026, 3, 9))
    key(qtbot, screen.to_date, Qt.Key.Key_F5)
    built(qtbot, screen)
    assert screen.document.period.start.isoformat() == "2026-03-05"
    assert screen.document.period.end - screen.document.period.start == timedelta(days=4)


def test_a_leader_may_print_but_not_export_nor_submit(qtbot, desk):
    desk.accounts.add_user(desk.context.session, "lanhdao", "Lãnh Đạo", "leader", "mật khẩu lãnh đạo 1")
    desk.logout()
    desk.login("lanhdao", "mật khẩu lãnh đạo 1")
    screen = show_active(qtbot, ReportsScreen(desk), SCREEN_SIZE)
    screen.refresh()
    for button in (screen.export_pdf_button, screen.export_xlsx_button, screen.export_csv_button,
                   screen.submit_button):
        assert button.isHidden()
    assert not screen.print_button.isHidden() and screen.tabs.isTabVisible(screen.pdf_tab)
    screen.close_screen()


def test_a_viewer_reads_the_report_without_printing_exporting_or_submitting(qtbot, desk):
    desk.accounts.add_user(desk.context.session, "xem", "Người Xem", "viewer", "mật khẩu xem 1")
    desk.logout()
    desk.login("xem", "mật khẩu xem 1")
    screen = show_active(qtbot, ReportsScreen(desk), SCREEN_SIZE)
    screen.refresh()
    for button in (screen.export_pdf_button, screen.export_xlsx_button, screen.export_csv_button,
                   screen.print_button, screen.submit_button):
        assert button.isHidden()
    assert not screen.tabs.isTabVisible(screen.pdf_tab)
    key(qtbot, screen.report_kind, Qt.Key.Key_F5)
    built(qtbot, screen)
    assert screen.narrative.toPlainText() == desk.report_builder.build(month_period(2026, 2)).narrative
    assert screen.pdf_bytes is None  # a viewer may not print: no PDF is made
    screen.close_screen()


def test_the_tab_order_follows_the_pickers_then_the_report(qtbot, screen):
    from PySide6.QtWidgets import QApplication

    screen.period_kind.setFocus()
    seen = [QApplication.focusWidget()]
    for _ in range(4):
        key(qtbot, QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen[:4] == [screen.period_kind, screen.number, screen.year, screen.cutoff]
    assert seen[4] is screen.report_kind


def test_the_screen_fits_the_smallest_window(qtbot, screen):
    hint = screen.minimumSizeHint()
    assert hint.width() <= SCREEN_SIZE[0] and hint.height() <= SCREEN_SIZE[1]


def test_a_failed_export_is_said_not_raised(qtbot, screen, tmp_path, monkeypatch):
    key(qtbot, screen.report_kind, Qt.Key.Key_F5)
    built(qtbot, screen)
    target = tmp_path / "no-such-folder" / "bao-cao.xlsx"
    save_to(monkeypatch, target)
    screen.export_xlsx_button.click()
    qtbot.waitUntil(lambda: not screen.busy, timeout=20_000)
    assert not target.exists()
    assert screen.message.styleSheet() == "color: #b00020;" and screen.message.text()
    assert "Traceback" not in screen.message.text() and screen.export_xlsx_button.isEnabled()

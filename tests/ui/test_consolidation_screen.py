"""The consolidation screen over two desks: a commune (00004, Phường Ba Đình) with data, and the upper level's desk
(set up for 00008, Phường Ngọc Hà, in the same province, Hà Nội). Driven by keys with the dialogs answered: the mode
turned on and the key saved for the communes, a commune enrolled with its fingerprint shown (a replaced key said
plainly), a package checked by a dry run that writes nothing, then imported with its acknowledgement, the missing
package shown in red, hostile files refused with their reason and nothing changed, and roles kept to their part."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QMessageBox

from receptiondesk.demo.loader import generate_into
from receptiondesk.domain.cases import CaseDraft, DirectionDraft
from receptiondesk.domain.citizens import CitizenDraft
from receptiondesk.domain.visits import VisitDraft
from receptiondesk.errors import UserError
from receptiondesk.sync.keys import CommuneKeys
from receptiondesk.ui.screens.consolidation_screen import GAP_BACKGROUND, ConsolidationScreen
from receptiondesk.ui.widgets.export_button import ExportButton
from tests.services.helpers import counts
from tests.ui.helpers import ctrl, folder_is, key, open_desk, open_with, press, show_active

pytestmark = pytest.mark.gui

#: The room a screen has in a 1366×768 screen at 125%, less the navigation list and the status bar.
SCREEN_SIZE = (932, 550)
UNIT = "00004"
UPPER_DESK_UNIT = "00008"
UPPER_NAME = "Ủy ban nhân dân thành phố Hà Nội"
PASSWORD = "mật khẩu 2026"


@pytest.fixture(autouse=True)
def no_remembered_folder(monkeypatch):
    monkeypatch.setattr(ConsolidationScreen, "last_folder", "")
    monkeypatch.setattr(ConsolidationScreen, "ack_folder", "")
    monkeypatch.setattr(ExportButton, "last_folder", "")


@pytest.fixture
def commune(tmp_path):
    """The commune's desk, with data, signed in as its administrator."""
    folder = tmp_path / "xa"
    folder.mkdir()
    with open_desk(folder) as opened:
        generate_into(opened.context, "commune", visits=40, until=date(2026, 3, 9))
        yield opened


@pytest.fixture
def upper(tmp_path):
    """The upper level's own reception desk (commune 00008 of Hà Nội), not yet in consolidation mode."""
    folder = tmp_path / "cap-tren"
    folder.mkdir()
    with open_desk(folder, set_up=False) as opened:
        opened.first_run(UPPER_DESK_UNIT, "canbo", "Cán bộ", PASSWORD)
        yield opened


@pytest.fixture
def commune_key(upper, commune, tmp_path):
    """The upper desk in consolidation mode, its keys imported by the commune; the commune's public key file."""
    upper.consolidation.initialise(tmp_path / "KhoaCapTren_01.json")
    commune.sync.import_upper_keys(tmp_path / "KhoaCapTren_01.json")
    return commune.sync.write_commune_public_key(tmp_path / "KhoaCongKhai_00004.json")


@pytest.fixture
def enrolled(upper, commune_key):
    upper.consolidation.enrol(commune_key)
    return upper


@pytest.fixture
def screen(qtbot, upper):
    widget = show_active(qtbot, ConsolidationScreen(upper), SCREEN_SIZE)
    widget.refresh()
    yield widget
    widget.close_screen()


def answer_question(monkeypatch, answer) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *args: asked.append(text) or answer)
    return asked


def done(qtbot, screen) -> None:
    qtbot.waitUntil(lambda: not screen.busy, timeout=30_000)


def cell(table, row: int, column: int) -> str:
    return table.item(row, column).text()


def figures(screen) -> dict[str, list[str]]:
    """The dry run's table: each kind of record's new, updated, unchanged and refused counts."""
    return {cell(screen.counts, row, 0): [cell(screen.counts, row, c).replace(".", "") for c in range(1, 5)]
            for row in range(screen.counts.rowCount())}


def register(desk, name: str) -> None:
    desk.intake.register_visit(VisitDraft(
        "2026-03-10", CitizenDraft(name, address="Tổ dân phố 2, Phường Ba Đình"), "Khiếu nại về lối đi chung",
        DirectionDraft("guided", direction_body="UBND phường Ba Đình"),
        new_cases=[CaseDraft("complaint", "land", "Khiếu nại về lối đi chung")]))


def check_by_keys(qtbot, monkeypatch, screen, path) -> None:
    """Ctrl+O, the package chosen, the dry run waited for."""
    open_with(monkeypatch, path)
    ctrl(qtbot, screen.import_button, Qt.Key.Key_O)
    assert screen.busy and screen.progress.isVisible() and not screen.import_button.isEnabled()
    done(qtbot, screen)


def test_an_administrator_turns_the_mode_on_and_saves_the_key_for_the_communes(qtbot, monkeypatch, screen, upper,
                                                                               tmp_path):
    assert screen.pages.currentWidget() is screen.intro_page
    assert "Phường Ngọc Hà (mã 00008)" in screen.state_label.text() and "chưa bật" in screen.state_label.text()
    assert UPPER_NAME in screen.intro_text.text()
    assert screen.initialise_button.isVisible() and not screen.import_button.isVisible()
    asked = answer_question(monkeypatch, QMessageBox.StandardButton.No)
    press(qtbot, screen.initialise_button)
    assert len(asked) == 1 and UPPER_NAME in asked[0] and "một lần" in asked[0]
    assert not upper.consolidation.is_upper() and screen.pages.currentWidget() is screen.intro_page

    answer_question(monkeypatch, QMessageBox.StandardButton.Yes)
    key(qtbot, screen.initialise_button, Qt.Key.Key_Return)
    assert upper.consolidation.is_upper()
    fingerprint = upper.consolidation.public_keys().fingerprint()
    assert screen.pages.currentWidget() is screen.main_page and screen.tabs.currentIndex() == screen.keys_tab
    assert f"{UPPER_NAME} (mã 01)" in screen.state_label.text() and f"{UPPER_NAME} (mã 01)" in screen.message.text()
    assert screen.upper_words.text().split() == list(fingerprint.words)
    assert screen.upper_digits.text().split() == fingerprint.digits.split()
    assert screen.import_button.isVisible() and screen.enrol_button.isVisible()
    assert screen.save_keys_button.hasFocus()

    target = tmp_path / "khoa-cho-xa.json"
    proposed: list[str] = []

    def answer(parent, caption, name, filters, *args, **kwargs):
        proposed.append(name)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    key(qtbot, screen.save_keys_button, Qt.Key.Key_Space)
    assert proposed[0].endswith("KhoaCapTren_01.json")
    content = json.loads(target.read_text(encoding="utf-8"))
    assert (content["kind"], content["unit_code"], content["unit_name"]) == ("upper-level", "01", UPPER_NAME)
    assert str(target) in screen.message.text() and " ".join(fingerprint.words) in screen.message.text()
    assert ConsolidationScreen.last_folder == str(tmp_path)


def test_a_commune_is_enrolled_and_its_fingerprint_shown_to_compare_by_phone(qtbot, monkeypatch, screen, upper,
                                                                             commune, commune_key, tmp_path):
    screen.refresh()
    assert screen.communes.rowCount() == 0 and "Chưa đăng ký xã nào" in screen.communes_note.text()
    open_with(monkeypatch, commune_key)
    press(qtbot, screen.enrol_button)
    assert [(c.unit_code, c.unit_name) for c in upper.consolidation.communes()] == [(UNIT, "Phường Ba Đình")]
    fingerprint = commune.sync.commune_public_key().fingerprint()
    assert screen.pages.currentWidget() is screen.enrolled_page
    assert screen.enrolled_title.text() == "Đã đăng ký Phường Ba Đình (mã 00004)."
    assert screen.enrolled_words.text().split() == list(fingerprint.words)
    assert screen.enrolled_digits.text().split() == fingerprint.digits.split()
    assert "gọi điện" in screen.enrolled_hint.text() and not screen.replaced_label.isVisible()
    assert screen.enrolled_close.hasFocus()
    key(qtbot, screen.enrolled_close, Qt.Key.Key_Return)
    assert screen.pages.currentWidget() is screen.main_page and screen.tabs.currentIndex() == screen.communes_tab
    assert [cell(screen.communes, 0, c) for c in range(3)] == [UNIT, "Phường Ba Đình", ""]
    assert cell(screen.communes, 0, 4) == "Chưa nhận gói nào" and cell(screen.communes, 0, 7) == "0"
    assert "1 xã" in screen.state_label.text()

    new_key = CommuneKeys.generate(UNIT, "Phường Ba Đình").public()
    new_key.write(tmp_path / "khoa-moi.json")
    open_with(monkeypatch, tmp_path / "khoa-moi.json")
    press(qtbot, screen.enrol_button)
    assert upper.consolidation.communes()[0].fingerprint == new_key.fingerprint()
    assert "ĐÃ BỊ THAY" in screen.enrolled_title.text()
    assert screen.replaced_label.isVisible() and " ".join(fingerprint.words) in screen.replaced_label.text()
    assert "bị từ chối" in screen.replaced_label.text()
    assert screen.enrolled_words.text().split() == list(new_key.fingerprint().words)
    key(qtbot, screen.enrolled_close, Qt.Key.Key_Escape)
    assert screen.pages.currentWidget() is screen.main_page

    CommuneKeys.generate(UPPER_DESK_UNIT, "Phường Ngọc Hà").public().write(tmp_path / "khoa-cua-minh.json")
    open_with(monkeypatch, tmp_path / "khoa-cua-minh.json")
    press(qtbot, screen.enrol_button)
    assert "chính đơn vị" in screen.message.text() and screen.pages.currentWidget() is screen.main_page
    assert len(upper.consolidation.communes()) == 1


def test_a_package_is_checked_then_imported_with_its_acknowledgement(qtbot, monkeypatch, screen, enrolled, commune,
                                                                     usb, tmp_path):
    info = commune.sync.export(usb)
    screen.refresh()
    before = counts(enrolled)
    check_by_keys(qtbot, monkeypatch, screen, info.path)
    assert screen.pages.currentWidget() is screen.review_page and screen.apply_button.hasFocus()
    assert not screen.import_button.isEnabled() and not screen.enrol_button.isEnabled()  # an answer is awaited
    assert counts(enrolled) == before and enrolled.consolidation.received() == []  # a dry run writes nothing
    assert screen.review_box.title() == "Gói số 1 của Phường Ba Đình (mã 00004): đã kiểm tra, chưa ghi gì"
    assert info.path.name in screen.review_info.text() and "Chữ ký của xã hợp lệ" in screen.review_info.text()
    trial = enrolled.consolidation.import_package(info.path, dry_run=True)
    shown = figures(screen)
    assert shown["Lượt tiếp"] == [str(trial.counts["visit"]["new"]), "0", "0", "0"]
    assert shown["Tổng cộng"] == [str(trial.totals()[o]) for o in ("new", "updated", "unchanged", "rejected")]
    assert screen.rejections_label.text() == "Không có bản ghi nào bị từ chối." and not screen.rejections.isVisible()

    acks = tmp_path / "xac-nhan"
    acks.mkdir()
    started = folder_is(monkeypatch, acks)
    key(qtbot, screen.apply_button, Qt.Key.Key_Return)
    assert started == [str(usb)]  # the package's own folder is proposed first
    done(qtbot, screen)
    ack = acks / "00004-00001.rdack"
    assert ack.is_file() and ConsolidationScreen.ack_folder == str(acks)
    assert counts(enrolled) != before
    assert screen.pages.currentWidget() is screen.main_page
    text = screen.message.text()
    assert text.startswith("Đã nhập gói số 1 của Phường Ba Đình (mã 00004):") and str(ack) in text
    assert f"{trial.totals()['new']} mới" in text.replace(".", "")
    [row] = enrolled.consolidation.oversight()
    assert [cell(screen.communes, 0, c) for c in (2, 4, 5)] == ["1", "Đã nhận", ""]
    assert cell(screen.communes, 0, 3) == "10/03/2026 09:00"
    assert cell(screen.communes, 0, 7).replace(".", "") == str(row.records) and row.records > 100
    assert cell(screen.log_table, 0, 4) == "Đã nhận" and cell(screen.log_table, 0, 3) == info.path.name
    commune.sync.import_ack(ack)  # the commune takes the acknowledgement: its watermark moves
    assert commune.sync.watermark() == info.manifest.change_to

    # Package 2 is lost on the way; package 3 arrives: the commune's row turns red with the missing number.
    register(commune, "Mai Văn Mới")
    commune.sync.export(tmp_path)
    register(commune, "Hà Văn Sau")
    third = commune.sync.export(usb)
    check_by_keys(qtbot, monkeypatch, screen, third.path)
    assert "Các gói của xã này chưa nhận được: 2." in screen.review_notes.text()
    started = folder_is(monkeypatch, acks)
    press(qtbot, screen.apply_button)
    done(qtbot, screen)
    assert started == [str(acks)]  # the folder remembered
    assert "Các gói của xã này vẫn chưa nhận được: 2." in screen.message.text()
    assert cell(screen.communes, 0, 2) == "3" and cell(screen.communes, 0, 5) == "2"
    assert screen.communes.item(0, 1).background().color() == QColor(GAP_BACKGROUND)
    assert screen.gaps_label.isVisible() and "Phường Ba Đình" in screen.gaps_label.text()
    assert (acks / "00004-00003.rdack").is_file()


def test_the_same_package_again_changes_nothing_and_its_acknowledgement_is_written_again(
        qtbot, monkeypatch, screen, enrolled, commune, usb, tmp_path):
    info = commune.sync.export(usb)
    enrolled.consolidation.import_package(info.path)
    screen.refresh()
    before = counts(enrolled)
    check_by_keys(qtbot, monkeypatch, screen, info.path)
    assert "đã được nhập trước đây" in screen.review_notes.text()
    assert screen.apply_button.text() == "Ghi lại giấy xác nhận…"
    folder_is(monkeypatch, usb)
    press(qtbot, screen.apply_button)
    done(qtbot, screen)
    assert "đã được nhập trước đây: không có gì thay đổi" in screen.message.text()
    assert (usb / "00004-00001.rdack").is_file() and counts(enrolled) == before
    assert cell(screen.log_table, 0, 4) == "Trùng gói đã nhận"


def test_a_checked_package_can_be_left_unimported(qtbot, monkeypatch, screen, enrolled, commune, usb):
    info = commune.sync.export(usb)
    screen.refresh()
    before = counts(enrolled)
    check_by_keys(qtbot, monkeypatch, screen, info.path)
    key(qtbot, screen.apply_button, Qt.Key.Key_Escape)
    assert screen.pages.currentWidget() is screen.main_page and screen.pending is None
    assert "không có gì thay đổi" in screen.message.text()
    assert counts(enrolled) == before and enrolled.consolidation.received() == []


def test_a_flipped_byte_shows_the_reason_and_changes_nothing(qtbot, monkeypatch, screen, enrolled, commune, usb,
                                                             tmp_path):
    data = commune.sync.export(usb).path.read_bytes()
    flipped = tmp_path / "00004-00001.rdsync"
    flipped.write_bytes(data[:300] + bytes([data[300] ^ 1]) + data[301:])
    screen.refresh()
    before = counts(enrolled)
    check_by_keys(qtbot, monkeypatch, screen, flipped)
    with pytest.raises(UserError) as caught:
        enrolled.consolidation.import_package(flipped, dry_run=True)
    assert caught.value.code == "sync.package_damaged"
    text = screen.message.text()
    assert text.startswith(caught.value.render("vi")) and flipped.name in text
    assert "Chưa ghi gì: không có bản ghi nào được nhập." in text
    assert screen.pages.currentWidget() is screen.main_page and screen.pending is None
    assert counts(enrolled) == before and enrolled.consolidation.received() == []
    assert screen.import_button.isEnabled()


def test_a_package_spoiled_after_its_check_is_refused_logged_and_changes_nothing(qtbot, monkeypatch, screen,
                                                                                 enrolled, commune, usb, tmp_path):
    info = commune.sync.export(usb)
    screen.refresh()
    before = counts(enrolled)
    check_by_keys(qtbot, monkeypatch, screen, info.path)
    data = info.path.read_bytes()
    info.path.write_bytes(data[:300] + bytes([data[300] ^ 1]) + data[301:])  # replaced on the stick meanwhile
    acks = tmp_path / "xac-nhan"
    acks.mkdir()
    folder_is(monkeypatch, acks)
    press(qtbot, screen.apply_button)
    done(qtbot, screen)
    assert "bị hỏng hoặc đã bị sửa" in screen.message.text()
    assert "Không có bản ghi nào được nhập" in screen.message.text()
    assert counts(enrolled) == before and list(acks.iterdir()) == []
    assert [r["status"] for r in enrolled.consolidation.received()] == ["rejected"]
    assert cell(screen.communes, 0, 4) == "Bị từ chối" and "bị hỏng" in screen.communes.item(0, 4).toolTip()
    assert cell(screen.log_table, 0, 4) == "Bị từ chối" and "bị hỏng" in cell(screen.log_table, 0, 5)


def test_an_acknowledgement_that_cannot_be_written_leaves_the_import_standing(qtbot, monkeypatch, screen, enrolled,
                                                                             commune, usb, tmp_path):
    info = commune.sync.export(usb)
    screen.refresh()
    check_by_keys(qtbot, monkeypatch, screen, info.path)
    folder_is(monkeypatch, tmp_path / "USB đã rút")
    press(qtbot, screen.apply_button)
    done(qtbot, screen)
    text = screen.message.text()
    assert "đã được ghi nhận, nhưng chưa ghi được tệp xác nhận" in text and "USB đã rút" in text
    assert "Không có bản ghi nào được nhập" not in text
    assert [r["status"] for r in enrolled.consolidation.received()] == ["accepted"]
    assert cell(screen.communes, 0, 4) == "Đã nhận"


def test_a_package_from_a_commune_not_enrolled_says_how_to_enrol_it(qtbot, monkeypatch, screen, upper, commune,
                                                                    commune_key, usb):
    info = commune.sync.export(usb)
    screen.refresh()
    check_by_keys(qtbot, monkeypatch, screen, info.path)
    text = screen.message.text()
    assert "chưa được đăng ký" in text and "“Đăng ký xã…”" in text
    assert upper.consolidation.received() == []


def test_an_officer_imports_but_cannot_enrol_or_turn_the_mode_on(qtbot, monkeypatch, upper, commune_key):
    upper.accounts.add_user(upper.context.session, "canbo2", "Cán Bộ Hai", "officer", "mật khẩu cán bộ 2")
    upper.logout()
    upper.login("canbo2", "mật khẩu cán bộ 2")
    screen = show_active(qtbot, ConsolidationScreen(upper), SCREEN_SIZE)
    screen.refresh()
    assert screen.import_button.isVisible() and screen.import_button.isEnabled()
    assert not screen.enrol_button.isVisible()
    started = open_with(monkeypatch, commune_key)
    screen.enrol_commune()
    assert started == [] and upper.consolidation.communes() == []
    screen.close_screen()


def test_only_an_administrator_may_turn_the_mode_on(qtbot, monkeypatch, upper):
    upper.accounts.add_user(upper.context.session, "canbo2", "Cán Bộ Hai", "officer", "mật khẩu cán bộ 2")
    upper.logout()
    upper.login("canbo2", "mật khẩu cán bộ 2")
    screen = show_active(qtbot, ConsolidationScreen(upper), SCREEN_SIZE)
    screen.refresh()
    assert screen.pages.currentWidget() is screen.intro_page
    assert "bàn của xã" in screen.intro_text.text() and "quản trị viên" in screen.intro_note.text()
    assert not screen.initialise_button.isVisible() and not screen.import_button.isVisible()
    asked = answer_question(monkeypatch, QMessageBox.StandardButton.Yes)
    screen.initialise()
    assert asked == [] and not upper.consolidation.is_upper()
    screen.close_screen()


def test_the_screen_fits_a_small_screen_on_every_page(qtbot, monkeypatch, screen, enrolled, commune, usb):
    info = commune.sync.export(usb)
    screen.refresh()
    check_by_keys(qtbot, monkeypatch, screen, info.path)
    for page in (screen.intro_page, screen.main_page, screen.review_page, screen.enrolled_page):
        screen.pages.setCurrentWidget(page)
        hint = screen.minimumSizeHint()
        assert hint.width() <= SCREEN_SIZE[0] and hint.height() <= SCREEN_SIZE[1], page
    screen.pages.setCurrentWidget(screen.review_page)
    assert screen.apply_button.isVisible() and screen.apply_button.geometry().bottom() < screen.review_page.height()

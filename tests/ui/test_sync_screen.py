"""The sync screen over a desk with data, driven by keys with the file dialogs answered: the upper level's keys
imported and their fingerprint shown, a package written to a folder on the worker and listed, a good
acknowledgement moving the watermark, a damaged one and a missing folder changing nothing, the commune's key
saved, the protected-identity policy saved, and the screen shown only to roles that may send or record."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from receptiondesk.demo.loader import generate_into
from receptiondesk.errors import UserError
from receptiondesk.sync.ack import Ack, encode_ack
from receptiondesk.sync.keys import UpperLevelKeys
from receptiondesk.ui.main_window import MainWindow
from receptiondesk.ui.screens.sync_screen import SyncScreen
from receptiondesk.ui.widgets.export_button import ExportButton
from tests.ui.helpers import ctrl, folder_is, key, open_desk, open_with, press, show_active

pytestmark = pytest.mark.gui

#: The room a screen has in a 1366×768 screen at 125%, less the navigation list and the status bar.
SCREEN_SIZE = (932, 550)
UPPER_NAME = "Ban Tiếp công dân thành phố Hà Nội"


@pytest.fixture(autouse=True)
def no_remembered_folder(monkeypatch):
    monkeypatch.setattr(SyncScreen, "last_folder", "")
    monkeypatch.setattr(ExportButton, "last_folder", "")


@pytest.fixture
def desk(tmp_path):
    with open_desk(tmp_path) as opened:  # on Tuesday 10/03/2026, signed in as the administrator
        generate_into(opened.context, "commune", visits=60, until=date(2026, 3, 9))
        yield opened


@pytest.fixture(scope="module")
def upper() -> UpperLevelKeys:
    return UpperLevelKeys.generate("01", UPPER_NAME)


@pytest.fixture
def key_file(upper, tmp_path):
    path = tmp_path / "khoa-cap-tren.json"
    upper.public().write(path)
    return path


@pytest.fixture
def linked(desk, key_file):
    """The upper level's public keys already in the desk."""
    desk.sync.import_upper_keys(key_file)
    return desk


@pytest.fixture
def screen(qtbot, desk):
    widget = show_active(qtbot, SyncScreen(desk), SCREEN_SIZE)
    widget.refresh()
    yield widget
    widget.close_screen()


def done(qtbot, screen) -> None:
    qtbot.waitUntil(lambda: not screen.busy, timeout=30_000)


def export_by_keys(qtbot, monkeypatch, screen, folder) -> None:
    folder_is(monkeypatch, folder)
    ctrl(qtbot, screen.export_button, Qt.Key.Key_E)
    assert screen.busy and screen.progress.isVisible() and not screen.export_button.isEnabled()
    done(qtbot, screen)


def ack_file(desk, upper, folder, package, *, accepted=True, **extra):
    ack = Ack(upper.unit_code, upper.unit_name, desk.context.settings.unit_code, package["sequence"],
              package["sha256"], accepted, "2026-03-11T08:00:00+07:00", **extra)
    path = folder / f"XacNhan_{package['sequence']:05d}.rdack"
    path.write_bytes(encode_ack(ack, signing_key=upper))
    return path


def cell(screen, row: int, column: int) -> str:
    return screen.history.item(row, column).text()


def test_without_the_upper_levels_keys_the_screen_says_so_and_imports_them(qtbot, monkeypatch, screen, desk, upper,
                                                                            key_file):
    assert "Chưa nhập khóa của cấp trên" in screen.upper_label.text()
    assert screen.upper_import_top.isVisible() and not screen.export_button.isEnabled()
    assert screen.state_label.text() == f"Chưa gửi gói nào; còn {desk.sync.status().pending_changes} thay đổi chưa gửi."
    commune = desk.sync.commune_public_key().fingerprint()
    assert screen.commune_words.text().split() == list(commune.words)
    assert screen.commune_digits.text().split() == commune.digits.split()
    open_with(monkeypatch, key_file)
    press(qtbot, screen.upper_import_top)
    fingerprint = upper.public().fingerprint()
    assert desk.sync.upper_keys().fingerprint() == fingerprint
    words = " ".join(fingerprint.words)
    assert UPPER_NAME in screen.upper_label.text() and words in screen.upper_label.text()
    assert fingerprint.digits in screen.upper_label.text()
    assert screen.upper_words.text().split() == list(fingerprint.words)
    assert screen.upper_digits.text().split() == fingerprint.digits.split()
    assert "gọi điện" in screen.message.text() and words in screen.message.text()
    assert screen.tabs.currentIndex() == screen.keys_tab
    assert not screen.upper_import_top.isVisible() and screen.export_button.isEnabled()


def test_replacing_the_upper_levels_keys_asks_first(qtbot, monkeypatch, screen, linked, tmp_path, upper):
    screen.refresh()
    other = UpperLevelKeys.generate("01", UPPER_NAME)
    path = tmp_path / "khoa-moi.json"
    other.public().write(path)
    open_with(monkeypatch, path)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *args: asked.append(text)
                        or QMessageBox.StandardButton.No)
    press(qtbot, screen.upper_import_button)
    assert len(asked) == 1 and " ".join(upper.public().fingerprint().words) in asked[0]
    assert linked.sync.upper_keys().fingerprint() == upper.public().fingerprint()
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    press(qtbot, screen.upper_import_button)
    assert linked.sync.upper_keys().fingerprint() == other.public().fingerprint()
    assert screen.upper_words.text().split() == list(other.public().fingerprint().words)


def test_a_package_is_written_to_the_folder_on_the_worker_and_listed(qtbot, monkeypatch, screen, linked, usb):
    screen.refresh()
    export_by_keys(qtbot, monkeypatch, screen, usb)
    package = linked.sync.packages()[0]
    written = usb / "00004-00001.rdsync"
    assert written.is_file() and package["file_name"] == written.name and package["status"] == "sent"
    text = screen.message.text()
    assert "Đã ghi và kiểm tra gói số 1" in text and written.name in text and str(usb) in text
    assert f"{package['records']} bản ghi" in text.replace(".", "")
    assert screen.history.rowCount() == 1 and screen.tabs.currentIndex() == screen.history_tab
    assert cell(screen, 0, 0) == "1" and cell(screen, 0, 4) == "Đã gửi"
    assert cell(screen, 0, 2) == f"{package['change_from']}–{package['change_to']}"
    assert cell(screen, 0, 3).replace(".", "") == str(package["records"])
    assert cell(screen, 0, 1).startswith("10/03/2026")
    assert "đang chờ cấp trên xác nhận" in screen.waiting_label.text()
    assert SyncScreen.last_folder == str(usb)
    assert screen.ack_button.isEnabled() and screen.export_button.isEnabled()


def test_a_good_acknowledgement_moves_the_watermark(qtbot, monkeypatch, screen, linked, upper, usb):
    screen.refresh()
    export_by_keys(qtbot, monkeypatch, screen, usb)
    package = linked.sync.packages()[0]
    path = ack_file(linked, upper, usb, package, messages=("Đã nhận đủ, cảm ơn xã.",))
    started = open_with(monkeypatch, path)
    ctrl(qtbot, screen.ack_button, Qt.Key.Key_O)
    done(qtbot, screen)
    assert started == [str(usb)]  # where the package went
    assert linked.sync.watermark() == package["change_to"]
    assert screen.state_label.text().startswith(
        f"Đã gửi và được cấp trên xác nhận đến thay đổi số {package['change_to']};")
    assert "Cấp trên đã nhận gói số 1 (11/03/2026 08:00)." in screen.message.text()
    assert "Lời nhắn của cấp trên: Đã nhận đủ, cảm ơn xã." in screen.message.text()
    assert cell(screen, 0, 4) == "Cấp trên đã nhận" and cell(screen, 0, 5) == "11/03/2026 08:00"
    assert cell(screen, 0, 6) == "Đã nhận đủ, cảm ơn xã."
    assert not screen.waiting_label.isVisible()


def test_a_returned_package_shows_the_reasons(qtbot, monkeypatch, screen, linked, upper, usb):
    linked.sync.export(usb)
    screen.refresh()
    package = linked.sync.packages()[0]
    open_with(monkeypatch, ack_file(linked, upper, usb, package, accepted=False,
                                    reasons=("Sai phiên bản danh mục lĩnh vực",)))
    press(qtbot, screen.ack_button)
    done(qtbot, screen)
    assert linked.sync.watermark() == 0
    assert "Cấp trên trả lại gói số 1" in screen.message.text()
    assert "Lý do: Sai phiên bản danh mục lĩnh vực" in screen.message.text()
    assert cell(screen, 0, 4) == "Cấp trên trả lại" and "Lý do" in cell(screen, 0, 6)
    assert "trả lại gói số 1" in screen.waiting_label.text()


def test_a_damaged_acknowledgement_shows_the_reason_and_changes_nothing(qtbot, monkeypatch, screen, linked, upper,
                                                                        usb):
    linked.sync.export(usb)
    screen.refresh()
    package = linked.sync.packages()[0]
    path = ack_file(linked, upper, usb, package)
    good = path.read_bytes()
    path.write_bytes(good[:40] + bytes([good[40] ^ 1]) + good[41:])
    before = linked.sync.packages(), linked.sync.watermark(), screen.state_label.text()
    open_with(monkeypatch, path)
    press(qtbot, screen.ack_button)
    done(qtbot, screen)
    with pytest.raises(UserError) as caught:
        linked.sync.import_ack(path)
    assert screen.message.text().startswith(caught.value.render("vi"))
    assert path.name in screen.message.text()
    assert "Không ghi nhận gì" in screen.message.text()
    assert (linked.sync.packages(), linked.sync.watermark(), screen.state_label.text()) == before
    assert cell(screen, 0, 4) == "Đã gửi"


def test_a_missing_folder_shows_the_reason_and_records_nothing(qtbot, monkeypatch, screen, linked, tmp_path):
    screen.refresh()
    export_by_keys(qtbot, monkeypatch, screen, tmp_path / "USB đã rút")
    assert "USB đã rút" in screen.message.text()
    assert "Không có gói nào được ghi nhận là đã gửi." in screen.message.text()
    assert linked.sync.packages() == [] and linked.sync.watermark() == 0
    assert screen.history.rowCount() == 0 and screen.history_note.text() == "Chưa gửi gói nào."
    assert not (tmp_path / "USB đã rút").exists()


def test_the_communes_public_key_is_saved(qtbot, monkeypatch, screen, desk, tmp_path):
    target = tmp_path / "khoa-xa.json"
    proposed: list[str] = []

    def answer(parent, caption, name, filters, *args, **kwargs):
        proposed.append(name)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    press(qtbot, screen.save_key_button)
    assert proposed[0].endswith("KhoaCongKhai_00004.json")
    content = json.loads(target.read_text(encoding="utf-8"))
    assert content["kind"] == "commune" and content["unit_code"] == "00004"
    words = " ".join(desk.sync.commune_public_key().fingerprint().words)
    assert str(target) in screen.message.text() and words in screen.message.text()


def test_the_policy_radio_saves_the_setting(qtbot, screen, desk):
    screen.tabs.setCurrentIndex(screen.keys_tab)
    assert screen.seal_radio.isChecked() and desk.context.settings.sync_protected == "seal"
    screen.seal_radio.setFocus()
    key(qtbot, screen.seal_radio, Qt.Key.Key_Down)
    assert screen.omit_radio.isChecked()
    assert desk.context.settings.sync_protected == "omit"
    assert desk.sync.status().protected_policy == "omit"
    assert screen.message.text().startswith("Đã lưu")
    key(qtbot, screen.omit_radio, Qt.Key.Key_Up)
    assert desk.context.settings.sync_protected == "seal"


def test_only_roles_that_send_or_record_see_the_screen(qtbot, tmp_path, key_file):
    with open_desk(tmp_path) as desk:
        desk.sync.import_upper_keys(key_file)
        session = desk.context.session
        desk.accounts.add_user(session, "lanhdao", "Lãnh Đạo", "leader", "mật khẩu lãnh đạo 1")
        desk.accounts.add_user(session, "canbo2", "Cán Bộ Hai", "officer", "mật khẩu cán bộ 2")
        desk.logout()
        desk.login("lanhdao", "mật khẩu lãnh đạo 1")
        leader = MainWindow(desk)
        qtbot.addWidget(leader)
        assert leader.sync is None
        assert "SyncScreen" not in [type(s).__name__ for s in leader.screens]
        leader.close()
        desk.logout()
        desk.login("canbo2", "mật khẩu cán bộ 2")
        officer = MainWindow(desk)
        qtbot.addWidget(officer)
        officer.show()
        officer.show_screen(officer.screens.index(officer.sync))
        sync = officer.sync
        assert sync.export_button.isVisible() and sync.export_button.isEnabled() and sync.ack_button.isVisible()
        assert not sync.upper_import_button.isVisible() and not sync.upper_import_top.isVisible()
        assert not sync.seal_radio.isEnabled() and "quản trị viên" in sync.policy_note.text()
        officer.close()


def test_a_package_being_written_when_the_desk_locks_is_finished_and_listed_after(qtbot, monkeypatch, screen, linked,
                                                                                 usb):
    screen.refresh()
    folder_is(monkeypatch, usb)
    screen.export_package()
    screen.clear()  # the idle lock: nothing shown, the package is still finished (it cannot be cut halfway)
    assert screen.history.rowCount() == 0 and not screen.export_button.isEnabled()
    done(qtbot, screen)
    screen.refresh()
    assert (usb / "00004-00001.rdsync").is_file()
    assert screen.history.rowCount() == 1 and cell(screen, 0, 4) == "Đã gửi"
    assert screen.export_button.isEnabled()


def test_stop_while_the_package_is_written_leaves_no_file(qtbot, monkeypatch, screen, linked, usb):
    import threading

    monkeypatch.setattr("receptiondesk.services.sync.PROGRESS_STEP", 5)
    gate = threading.Event()
    real_export = linked.sync.export.__func__

    def slow_progress_export(self, folder, **kwargs):  # the worker's desk: wait at the first progress report
        given = kwargs["progress"]

        def progress(count):
            given(count)
            gate.wait(10)
        return real_export(self, folder, **{**kwargs, "progress": progress})

    monkeypatch.setattr("receptiondesk.services.sync.SyncService.export", slow_progress_export)
    screen.refresh()
    folder_is(monkeypatch, usb)
    ctrl(qtbot, screen.export_button, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: screen.stop_button.isVisible() and "bản ghi" in screen.message.text(), timeout=10_000)
    press(qtbot, screen.stop_button)
    gate.set()
    done(qtbot, screen)
    assert "Đã dừng tạo gói" in screen.message.text() and not screen.stop_button.isVisible()
    assert list(usb.iterdir()) == [] and linked.sync.packages() == []

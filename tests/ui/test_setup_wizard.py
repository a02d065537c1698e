"""The first-run set-up wizard, page by page as an officer goes through it: the role, the unit, the administrator
(checked on its page), the signers, the villages, a second backup folder and the upper level's key file (its
fingerprint shown to compare by phone); or the demonstration desk instead, leaving the real desk untouched."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from receptiondesk.sync.keys import UpperLevelKeys
from receptiondesk.ui import gui
from receptiondesk.ui.dialogs.setup_wizard import (
    ADMIN,
    BACKUP,
    DEMO,
    ROLE,
    SET_UP,
    SIGNERS,
    UNIT,
    UPPER_KEY,
    VILLAGES,
    SetupWizard,
)
from tests.ui.helpers import open_desk, show_active

pytestmark = pytest.mark.gui

PASSWORD = "mat khau 2026"


@pytest.fixture
def desk(tmp_path):
    with open_desk(tmp_path, set_up=False) as opened:
        yield opened


@pytest.fixture
def wizard(qtbot, desk):
    return show_active(qtbot, SetupWizard(desk))


def _fill_to_backup(qtbot, wizard, *, upper: bool = False) -> None:
    wizard.next()
    assert wizard.currentId() == ROLE
    (wizard.role_page.upper if upper else wizard.role_page.commune).setChecked(True)
    wizard.next()
    assert wizard.currentId() == UNIT
    unit = wizard.unit_page
    unit.province.setCurrentIndex(unit.province.findData("01"))
    unit.commune.setCurrentIndex(unit.commune.findData("00004"))
    assert unit.upper_name.text() == "Cấp trên: Ủy ban nhân dân thành phố Hà Nội"
    wizard.next()
    admin = wizard.admin_page
    admin.full_name.setText("Trần Thị Hòa")  # QTest types ASCII only; an input method types the rest
    qtbot.keyClicks(admin.username, "hoa")
    qtbot.keyClicks(admin.password, PASSWORD)
    qtbot.keyClicks(admin.repeat, PASSWORD)
    wizard.next()
    assert wizard.currentId() == SIGNERS
    wizard.signers_page.names["chairman"].setText("Lê Văn Hoàng")
    wizard.signers_page.names["party_secretary"].setText("Phạm Thị Thu")
    wizard.next()
    assert wizard.currentId() == VILLAGES
    wizard.villages_page.text.setPlainText("Tổ dân phố 1\n\n  Tổ dân phố 2  \n")
    wizard.next()
    assert wizard.currentId() == BACKUP


def test_a_commune_desk_is_set_up_with_everything_asked(qtbot, monkeypatch, wizard, desk, tmp_path):
    _fill_to_backup(qtbot, wizard)
    usb = tmp_path / "USB"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    wizard.backup_page._choose()
    assert wizard.backup_page.folder.text() == str(usb)
    wizard.next()
    assert wizard.currentId() == UPPER_KEY and wizard.key_page.choose.isVisibleTo(wizard)
    upper = UpperLevelKeys.generate("01", "Ủy ban nhân dân thành phố Hà Nội")
    upper.public().write(tmp_path / "KhoaCapTren.json")
    (tmp_path / "hong.json").write_text("{}", encoding="utf-8")
    wizard.key_page.set_key_file(tmp_path / "hong.json")
    assert wizard.key_page.error.text() and wizard.key_page.keys is None
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "KhoaCapTren.json"), ""))
    wizard.key_page._choose()
    fingerprint = upper.public().fingerprint()
    assert fingerprint.digits in wizard.key_page.fingerprint.text() and not wizard.key_page.error.text()
    assert "Ủy ban nhân dân thành phố Hà Nội" in wizard.key_page.fingerprint_note.text()
    wizard.accept()
    assert wizard.result() == QDialog.DialogCode.Accepted and wizard.choice == SET_UP and wizard.notes == []
    settings = desk.context.settings
    assert settings.commune_code == "00004" and settings.villages == ["Tổ dân phố 1", "Tổ dân phố 2"]
    assert settings.backup_second_folder == str(usb) and settings.desk_role == "commune"
    assert desk.context.session.user.username == "hoa" and len(wizard.recovery_key) == 39
    assert [(s["full_name"], s["title"], s["role"]) for s in desk.setup.signers()] == [
        ("Lê Văn Hoàng", "Chủ tịch", "chairman"), ("Phạm Thị Thu", "Bí thư", "party_secretary")]
    assert desk.sync.status().upper_keys.fingerprint() == fingerprint
    assert desk.accounts.login("hoa", PASSWORD).data_key == desk.context.session.data_key


def test_an_upper_level_desk_makes_its_keys_at_the_end(qtbot, wizard, desk):
    _fill_to_backup(qtbot, wizard, upper=True)
    wizard.next()
    assert not wizard.key_page.choose.isVisibleTo(wizard) and "Tổng hợp" in wizard.key_page.explain.text()
    wizard.accept()
    assert desk.consolidation.is_upper() and desk.consolidation.public_keys().unit_code == "01"


def test_problems_are_shown_on_their_page_and_nothing_is_made(qtbot, wizard, desk):
    wizard.next()
    wizard.next()
    wizard.unit_page.commune.clear()
    wizard.next()
    assert wizard.currentId() == UNIT and wizard.unit_page.error.text()
    wizard.unit_page.province.setCurrentIndex(wizard.unit_page.province.findData("79"))  # its communes listed
    assert wizard.unit_page.commune.count() > 50
    wizard.next()
    assert wizard.currentId() == ADMIN
    qtbot.keyClicks(wizard.admin_page.username, "hoa")
    qtbot.keyClicks(wizard.admin_page.password, "ngan")
    wizard.next()
    assert wizard.currentId() == ADMIN and "bắt buộc" in wizard.admin_page.error.text()
    wizard.admin_page.full_name.setText("Trần Thị Hòa")
    wizard.next()
    assert wizard.currentId() == ADMIN and "8" in wizard.admin_page.error.text()
    assert not desk.context.is_set_up and not desk.accounts.has_users


def test_a_signer_without_a_title_is_asked_for_it(qtbot, wizard):
    _fill_to_backup(qtbot, wizard)
    wizard.back()
    wizard.back()
    assert wizard.currentId() == SIGNERS
    wizard.signers_page.titles["chairman"].clear()
    wizard.next()
    assert wizard.currentId() == SIGNERS and "Lê Văn Hoàng" in wizard.signers_page.error.text()


def test_the_demo_desk_is_chosen_on_the_first_page_and_the_real_desk_stays_empty(qtbot, monkeypatch, desk):
    wizard = show_active(qtbot, SetupWizard(desk))
    wizard.start_page.demo.setChecked(True)
    assert wizard.start_page.isFinalPage() and wizard.start_page.nextId() == -1
    wizard.accept()
    assert wizard.choice == DEMO and not desk.accounts.has_users and not desk.context.is_set_up

    def chosen(self):
        self.start_page.demo.setChecked(True)
        self.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SetupWizard, "exec", chosen)
    assert gui.sign_in(desk, "vi") == DEMO


def test_the_demo_desk_opens_in_the_window_and_the_real_desk_stays_as_it_was(qtbot, monkeypatch, tmp_path):
    """run_gui on a data directory without a desk: the wizard asks, the officer chooses the demo desk; the window
    opens on the demo desk (made in demo/), and the real desk's file holds no account."""
    from receptiondesk.demo.demo_desk import open_demo_desk
    from receptiondesk.documents.layout import set_page_mark
    from receptiondesk.services.desk import Desk

    def chosen(self):
        self.start_page.demo.setChecked(True)
        self.accept()
        return QDialog.DialogCode.Accepted

    shown = []

    def window(app, desk, lang):
        shown.append((desk.database.path, desk.context.settings.demo, desk.context.session.user.username))
        return 0

    monkeypatch.setattr(SetupWizard, "exec", chosen)
    monkeypatch.setattr(gui, "run_window", window)
    try:
        code = gui.run_gui(lambda: Desk.open(tmp_path / "receptiondesk.sqlite3"), lang="vi",
                           log_file=tmp_path / "log.txt", open_demo=lambda: open_demo_desk(tmp_path))
    finally:
        set_page_mark("")
    assert code == 0
    assert shown == [(tmp_path / "demo" / "receptiondesk.sqlite3", True, "demo")]
    with Desk.open(tmp_path / "receptiondesk.sqlite3") as real:
        assert not real.accounts.has_users and not real.context.is_set_up

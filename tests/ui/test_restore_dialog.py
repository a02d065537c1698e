"""The restore dialog (signed in, and with the recovery key when the desk file cannot be opened), the start-up check
worker with the day's backup, and the backup on exit — driven offscreen over real desk files."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from receptiondesk.domain.values import VIETNAM_TZ
from receptiondesk.errors import UserError
from receptiondesk.services import backups as backups_module
from receptiondesk.services.desk import Desk
from receptiondesk.ui.dialogs.restore_dialog import RestoreDialog, offer_restore_at_start, parse_documents
from receptiondesk.ui.workers.startup_check_worker import (
    StartupCheckWorker,
    back_up_on_exit,
    report_check,
    start_startup_check,
)
from tests.services.helpers import FixedClock, no_paper, visit

pytestmark = pytest.mark.gui


@pytest.fixture
def clock():
    return FixedClock(datetime.datetime(2026, 3, 10, 9, 0, tzinfo=VIETNAM_TZ))


@pytest.fixture
def opened(tmp_path, clock):
    """A set-up desk signed in as its administrator, with its recovery key."""
    with Desk.open(tmp_path / "receptiondesk.sqlite3", clock=clock) as desk:
        recovery_key = desk.first_run("00004", "canbo", "Cán bộ", "mật khẩu 2026")
        yield desk, recovery_key


@pytest.fixture
def desk(opened):
    return opened[0]


def _visit(desk, name="Người Đến Tiếp"):
    return desk.intake.register_visit(visit(who=no_paper(name)))


def _count(desk) -> int:
    return desk.database.scalar("SELECT count(*) FROM visits")


def _restore(qtbot, dialog) -> None:
    with qtbot.waitSignal(dialog.restored, timeout=20_000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)


def test_the_dialog_lists_the_backups_newest_first_with_their_counts(qtbot, desk, clock):
    _visit(desk)
    desk.backups.back_up()
    clock.now += datetime.timedelta(days=1, hours=2)
    _visit(desk, "Người Hôm Sau")
    desk.backups.back_up()
    dialog = RestoreDialog("vi", desk=desk)
    qtbot.addWidget(dialog)
    rows = [[dialog.table.item(r, c).text() for c in range(4)] for r in range(dialog.table.rowCount())]
    assert rows == [["11/03/2026 11:00", "làm ngay", "2 lượt tiếp, 0 đơn thư, 2 vụ việc", "Thư mục dữ liệu"],
                    ["10/03/2026 09:00", "làm ngay", "1 lượt tiếp, 0 đơn thư, 1 vụ việc", "Thư mục dữ liệu"]]
    assert dialog.selected().counts["visits"] == 2
    english = RestoreDialog("en", desk=desk)
    qtbot.addWidget(english)
    assert english.table.item(0, 2).text() == "2 visits, 0 letters, 2 cases"


def test_restoring_from_the_dialog(qtbot, desk, monkeypatch):
    _visit(desk)
    older = desk.backups.back_up()
    _visit(desk, "Người Sau Sao Lưu")
    dialog = RestoreDialog("vi", desk=desk)
    qtbot.addWidget(dialog)
    dialog.select_backup(older.path)
    asked = []
    monkeypatch.setattr(dialog, "confirm", lambda info: asked.append(info.counts["visits"]) or True)
    dialog.last_logbook.setText("30")
    dialog.last_documents.setText("UBND:TB=4, ĐU:TB:2025=2")
    _restore(qtbot, dialog)
    assert asked == [1]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_.restore_epoch == 1 and dialog.result_.before is not None
    assert _count(desk) == 1
    assert _visit(desk, "Người Mới").logbook_no == 31
    assert backups_module.document_floor(desk.database.conn, "UBND", "TB", 2026) == 4
    assert backups_module.document_floor(desk.database.conn, "ĐU", "TB", 2025) == 2


def test_a_declined_confirmation_or_bad_numbers_change_nothing(qtbot, desk, monkeypatch):
    _visit(desk)
    desk.backups.back_up()
    _visit(desk, "Người Sau")
    dialog = RestoreDialog("vi", desk=desk)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "confirm", lambda info: False)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert _count(desk) == 2 and dialog.result_ is None
    dialog.last_documents.setText("UBND-TB-4")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "UBND-TB-4" in dialog.message.text() and "UBND:TB=12" in dialog.message.text()
    assert _count(desk) == 2


def test_a_bad_file_chosen_by_hand_is_shown_with_its_problem(qtbot, desk, tmp_path):
    stray = tmp_path / "elsewhere.rdbackup"
    stray.write_bytes(b"not a backup" * 100)
    dialog = RestoreDialog("vi", desk=desk)
    qtbot.addWidget(dialog)
    assert "Không có bản sao lưu nào" in dialog.message.text()
    dialog.select_backup(stray)
    assert "không phải là bản sao lưu" in dialog.message.text()
    assert dialog.selected() is None  # it cannot be picked
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "Hãy chọn một bản sao lưu" in dialog.message.text()


def test_the_recovery_key_restores_a_file_that_cannot_be_opened(qtbot, opened, clock, monkeypatch):
    desk, recovery_key = opened
    kept = _visit(desk)
    backup = desk.backups.back_up()
    path = desk.database.path
    desk.close()
    path.write_bytes(b"\0" * 10_000)
    with pytest.raises(UserError) as caught:
        Desk.open(path, clock=clock)
    dialog = RestoreDialog("vi", database_path=path, problem=caught.value.render("vi"))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == "(cần mã khôi phục)"
    monkeypatch.setattr(dialog, "confirm", lambda info: info.counts["visits"] == 1)
    dialog.recovery_key.setText("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "không đúng" in dialog.message.text(), timeout=10_000)
    assert path.read_bytes() == b"\0" * 10_000
    dialog.recovery_key.setText(recovery_key)
    _restore(qtbot, dialog)
    assert dialog.result_.aside is not None and dialog.result_.aside.read_bytes() == b"\0" * 10_000
    with Desk.open(path, clock=clock) as restored:
        assert restored.database.scalar("SELECT uuid FROM visits") == kept.uuid
    del backup


def test_offer_restore_at_start_only_for_a_file_that_cannot_be_opened(monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(RestoreDialog, "exec", lambda self: shown.append(self) or QDialog.DialogCode.Accepted)
    assert offer_restore_at_start(UserError("storage.locked", path="x")) is False
    assert offer_restore_at_start(UserError("storage.not_a_database", path=str(tmp_path / "d.sqlite3"))) is True
    assert len(shown) == 1
    for dialog in shown:
        dialog.deleteLater()


def test_parse_documents():
    assert parse_documents(" UBND:TB=4; ĐU:TB:2025=2 ,", 2026) == {("UBND", "TB", 2026): 4, ("ĐU", "TB", 2025): 2}
    for bad in ("UBND=4", "UBND:TB=", "UBND:TB:x=1"):
        with pytest.raises(UserError):
            parse_documents(bad, 2026)


# -- the start-up check and the exit backup ---------------------------------------------------------------

def test_a_sound_file_passes_the_start_up_check_and_the_day_is_backed_up(qtbot, desk, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    window = QWidget()
    qtbot.addWidget(window)
    worker = start_startup_check(desk, window, "vi")
    with qtbot.waitSignals([worker.checked, worker.backed_up], timeout=20_000):
        pass
    worker.wait()
    made = desk.database.query("SELECT detail FROM audit_log WHERE action = 'backup.made'")
    assert len(made) == 1 and '"kind": "daily"' in made[0][0]
    assert warnings == []
    second = StartupCheckWorker(desk.context.database.reader, desk.backups.daily)
    with qtbot.waitSignal(second.backed_up, timeout=20_000) as signal:
        second.start()
    second.wait()
    assert signal.args == [None]  # one a day


def test_a_failed_check_is_said_and_offers_the_restore(qtbot, desk, monkeypatch):
    monkeypatch.setattr(backups_module, "quick_check", lambda conn, limit=10: ["Page 12: btreeInitPage() error"])
    offered = []
    monkeypatch.setattr(RestoreDialog, "exec",
                        lambda self: offered.append(self.findChildren(type(self.message))) or
                        QDialog.DialogCode.Rejected)
    window = QWidget()
    qtbot.addWidget(window)
    worker = StartupCheckWorker(desk.context.database.reader, desk.backups.daily)
    with qtbot.waitSignal(worker.checked, timeout=20_000) as signal:
        worker.start()
    worker.wait()
    assert signal.args == [["Page 12: btreeInitPage() error"]]
    assert report_check(desk, signal.args[0], window, "vi") is False
    assert len(offered) == 1
    texts = " ".join(label.text() for label in offered[0])
    assert "không qua được kiểm tra khi khởi động" in texts and "Page 12" in texts
    assert desk.database.query("SELECT 1 FROM audit_log WHERE action = 'backup.made'") == []  # no backup of it


def test_a_reader_that_cannot_open_is_a_failed_check(qtbot):
    def broken():
        raise UserError("storage.no_wal", path="x", mode="delete")

    worker = StartupCheckWorker(broken)
    with qtbot.waitSignal(worker.checked, timeout=5_000) as signal:
        worker.start()
    worker.wait()
    assert len(signal.args[0]) == 1


def test_the_exit_backup_and_its_failure(qtbot, desk, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    result = back_up_on_exit(desk, "vi")
    assert result is not None and result.kind == "exit" and warnings == []

    def full():
        raise UserError("backup.disk_full", path="/media/usb")

    monkeypatch.setattr(desk.backups, "on_exit", full)
    assert back_up_on_exit(desk, "vi") is None
    assert len(warnings) == 1 and "Chưa sao lưu được khi đóng chương trình" in warnings[0]
    assert "/media/usb" in warnings[0]


"""The intake screen driven by key events over a real desk: visits, a returning citizen, a delegation, mixed
content, a letter, problems, the tab order and drafts."""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from receptiondesk.domain.cases import CaseDraft, DirectionDraft
from receptiondesk.domain.citizens import CitizenDraft
from receptiondesk.domain.visits import VisitDraft
from receptiondesk.storage.listing import ListRequest
from receptiondesk.ui.screens.intake_screen import IntakeScreen
from tests.ui.helpers import choose, ctrl, key, show_active, type_text

pytestmark = pytest.mark.gui

TODAY = "2026-03-10"


@pytest.fixture
def screen(qtbot, desk):
    widget = show_active(qtbot, IntakeScreen(desk), (1000, 700))
    widget.refresh()
    yield widget
    widget.close_screen()  # before the desk closes: no timer may fire on a closed file


def save(qtbot, screen) -> None:
    ctrl(qtbot, QApplication.focusWidget() or screen, Qt.Key.Key_S)


def visits(desk) -> list[dict]:
    return desk.logbook.visits(ListRequest(), limit=50)


def fill_person(screen, name="Nguyễn Văn Đức", id_number="001085012345") -> None:
    type_text(screen.id_number, id_number)
    type_text(screen.full_name, name)
    type_text(screen.birth_year, "1985")
    type_text(screen.address, "Tổ dân phố 2, Phường Ba Đình, Thành phố Hà Nội")


def test_a_new_visit_is_recorded_from_the_keyboard(qtbot, screen, desk, monkeypatch):
    fill_person(screen)
    type_text(screen.phone, "0912345678")
    type_text(screen.summary, "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất")
    choose(qtbot, screen.direction, "Hướng dẫn")
    type_text(screen.direction_body, "Văn phòng đăng ký đất đai")
    save(qtbot, screen)
    rows = visits(desk)
    assert len(rows) == 1
    assert rows[0]["full_name"] == "Nguyễn Văn Đức" and rows[0]["direction"] == "guided"
    assert rows[0]["visit_date"] == TODAY
    assert "1/2026" in screen.message.text()
    assert screen.full_name.text() == "" and screen.summary.toPlainText() == ""  # ready for the next citizen
    assert screen.today_model.rowCount() == 1
    assert QApplication.focusWidget() is screen.id_number
    from receptiondesk.services.setup import SignerDraft
    from receptiondesk.ui.dialogs.document_dialog import DocumentDialog

    desk.setup.add_signer(SignerDraft("Trần Văn Hùng", "Chủ tịch", "chairman"))
    opened = []
    monkeypatch.setattr(DocumentDialog, "open", lambda self: opened.append(self))
    ctrl(qtbot, screen.id_number, Qt.Key.Key_P)  # guided: the letter guiding the citizen
    assert opened and opened[0].draft.kind == "guidance_letter" and opened[0].issue()


def test_a_returning_citizen_found_by_id_is_attached_to_the_open_case(qtbot, screen, desk):
    first = desk.intake.register_visit(VisitDraft(
        "2026-03-02", CitizenDraft("Trần Thị Hoa", id_type="citizen_id", id_number="001190054321", birth_year=1990,
                                   address="Tổ dân phố 1, Phường Ba Đình"),
        "Khiếu nại quyết định thu hồi đất", DirectionDraft("accepted"),
        new_cases=[CaseDraft("complaint", "land", "Khiếu nại quyết định thu hồi đất")]))
    type_text(screen.id_number, "001190054321")
    key(qtbot, screen.id_number, Qt.Key.Key_Return)
    assert screen.returning.matches.count() == 1
    assert screen.full_name.text() == "Trần Thị Hoa"  # known details filled in
    assert screen.returning.visits.count() == 1
    assert QApplication.focusWidget() is screen.returning.cases
    key(qtbot, screen.returning.cases, Qt.Key.Key_Space)  # one key attaches the visit to the case
    assert screen.returning.attached_cases() == first.case_uuids
    type_text(screen.summary, "Hỏi tiến độ giải quyết khiếu nại")
    choose(qtbot, screen.direction, "Trả lời ngay")
    save(qtbot, screen)
    newest = visits(desk)[0]
    assert newest["full_name"] == "Trần Thị Hoa" and newest["visit_date"] == TODAY
    assert newest["citizen_id"] == visits(desk)[1]["citizen_id"]
    linked = desk.logbook.visits(ListRequest(filters={"case": first.case_uuids[0]}))
    assert len(linked) == 2
    assert desk.cases.count(ListRequest()) == 1  # no new case was opened


def test_a_delegation_needs_its_representatives(qtbot, screen, desk):
    fill_person(screen, "Phạm Văn Thắng", "")
    assert not screen.representatives.isEnabled()
    screen.headcount.setFocus()
    screen.headcount.selectAll()
    qtbot.keyClicks(screen.headcount, "7")
    assert screen.representatives.isEnabled()
    choose(qtbot, screen.came_as, "Đại diện nhóm")
    type_text(screen.proof_paper, "Giấy cử đại diện")
    type_text(screen.summary, "Khiếu nại việc bồi thường giải phóng mặt bằng")
    choose(qtbot, screen.direction, "Thụ lý")
    save(qtbot, screen)
    assert "người đại diện" in screen.message.text().lower() or "đại diện" in screen.message.text()
    assert QApplication.focusWidget() is screen.representatives
    assert visits(desk) == []
    type_text(screen.representatives, "Phạm Văn Thắng; Đỗ Thị Hằng")
    save(qtbot, screen)
    row = visits(desk)[0]
    assert row["headcount"] == 7 and row["is_delegation"] == 1


def test_mixed_content_splits_into_several_cases(qtbot, screen, desk):
    fill_person(screen)
    type_text(screen.summary, "Khiếu nại thu hồi đất và kiến nghị sửa đường thôn")
    key(qtbot, screen.summary, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert len(screen.case_rows) == 2
    second = screen.case_rows[1]
    assert QApplication.focusWidget() is second.content_type
    choose(qtbot, second.content_type, "Kiến nghị")
    type_text(second.summary, "Kiến nghị sửa đường thôn")
    choose(qtbot, screen.direction, "Thụ lý")
    save(qtbot, screen)
    cases = desk.cases.list(ListRequest())
    assert sorted(c["content_type"] for c in cases) == ["complaint", "petition"]
    assert {c["summary"] for c in cases} == {"Khiếu nại thu hồi đất và kiến nghị sửa đường thôn",
                                             "Kiến nghị sửa đường thôn"}
    assert len(visits(desk)) == 1


def test_a_letter_is_registered_from_the_same_screen(qtbot, screen, desk):
    choose(qtbot, screen.mode, screen.mode.itemText(1))
    assert screen.sender_body.isVisible() and not screen.proof_paper.isVisible()
    choose(qtbot, screen.letter_channel, "Cơ quan chuyển đến")
    type_text(screen.sender_body, "Ban Tiếp công dân thành phố")
    type_text(screen.forward_doc, "125/BTCD")
    type_text(screen.full_name, "Hoàng Văn Nam")
    type_text(screen.summary, "Phản ánh tình trạng ô nhiễm tiếng ồn")
    save(qtbot, screen)
    letters = desk.logbook.letters(ListRequest())
    assert len(letters) == 1 and letters[0]["sender_body"] == "Ban Tiếp công dân thành phố"
    assert visits(desk) == []
    assert "1/2026" in screen.message.text()


def test_problems_name_the_field_move_the_cursor_and_save_nothing(qtbot, screen, desk):
    type_text(screen.summary, "Phản ánh việc xả rác")
    save(qtbot, screen)
    lines = screen.message.text().splitlines()
    assert lines[0].startswith("Họ và tên") and lines[-1].startswith("Hướng xử lý")  # in the form's order
    assert not any(line.startswith("Tóm tắt vụ việc") for line in lines)  # the content's problem, said once
    assert QApplication.focusWidget() is screen.full_name
    assert visits(desk) == []
    type_text(screen.full_name, "Lê Văn Tám")
    type_text(screen.birth_year, "19x5")
    save(qtbot, screen)
    assert QApplication.focusWidget() is screen.birth_year
    assert visits(desk) == []


def test_a_bad_id_number_warns_but_saves(qtbot, screen, desk):
    type_text(screen.id_number, "001285012345")  # the century digit says born after 2000
    type_text(screen.full_name, "Lê Văn Tám")
    type_text(screen.birth_year, "1985")
    type_text(screen.summary, "Phản ánh việc xả rác")
    choose(qtbot, screen.direction, "Trả lời ngay")
    save(qtbot, screen)
    assert len(visits(desk)) == 1
    assert "1985" in screen.message.text()  # the warning is shown with the saved message


def test_tab_order_follows_the_officers_questions(qtbot, screen):
    expected = [screen.id_number, screen.full_name, screen.birth_year, screen.gender, screen.address,
                screen.phone, screen.headcount]
    screen.id_type.setFocus()
    for widget in expected:
        key(qtbot, QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget or widget.isAncestorOf(QApplication.focusWidget())
    screen.summary.setFocus()
    key(qtbot, screen.summary, Qt.Key.Key_Tab)  # Tab leaves the content box instead of typing a tab
    assert QApplication.focusWidget() is screen.respondent_name
    assert "\t" not in screen.summary.toPlainText()


def test_an_unsaved_form_survives_as_a_sealed_draft(qtbot, desk, tmp_path):
    first = IntakeScreen(desk)
    qtbot.addWidget(first)
    first.refresh()
    type_text(first.full_name, "Vũ Thị Tố Cáo")
    type_text(first.summary, "Tố cáo cán bộ địa chính nhận tiền")
    first.keep_draft()
    first.close_screen()
    from receptiondesk import paths

    drafts = list(paths.drafts_dir().glob("*.draft"))
    assert drafts and all("Vũ Thị".encode() not in f.read_bytes() for f in drafts)
    again = IntakeScreen(desk)
    qtbot.addWidget(again)
    again.refresh()
    assert again.full_name.text() == "Vũ Thị Tố Cáo"
    assert again.summary.toPlainText() == "Tố cáo cán bộ địa chính nhận tiền"
    again.start_new()
    assert not list(paths.drafts_dir().glob("*.draft"))
    again.close_screen()


def test_an_old_address_suggests_the_current_commune(qtbot, screen):
    type_text(screen.address, "Số 5 Phố Quán Thánh, Phường Quán Thánh, Quận Ba Đình, Hà Nội")
    key(qtbot, screen.address, Qt.Key.Key_Tab)  # leaving the field checks it
    assert screen.address_hint.isVisible()
    assert "Phường Ba Đình" in screen.address_hint.text()
    qtbot.mouseClick(screen.address_hint, Qt.MouseButton.LeftButton)
    assert screen.address.text() == "Số 5 Phố Quán Thánh, Phường Ba Đình, Thành phố Hà Nội"
    assert not screen.address_hint.isVisible()


def test_the_address_completes_from_the_units_villages(qtbot, screen, desk):
    desk.setup.update_settings(villages=["Tổ dân phố Quán Thánh"])
    screen.refresh()
    model = screen.address.completer().model()
    assert model.index(0, 0).data() == "Tổ dân phố Quán Thánh, Phường Ba Đình, Thành phố Hà Nội"
    assert model.rowCount() > 3000  # then every current commune of the country


def test_ctrl_p_after_saving_prints_the_receipt_of_the_documents_handed_in(qtbot, screen, desk, monkeypatch):
    from receptiondesk.ui.dialogs.document_dialog import DocumentDialog

    opened = []
    monkeypatch.setattr(DocumentDialog, "open", lambda self: opened.append(self))
    fill_person(screen)
    type_text(screen.summary, "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất")
    choose(qtbot, screen.direction, "Thụ lý")
    type_text(screen.documents, "Đơn khiếu nại ngày 01/03/2026")
    save(qtbot, screen)
    assert "Ctrl+P" in screen.message.text()
    key(qtbot, QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1 and opened[0].draft.kind == "receipt"
    assert opened[0].issue() and opened[0].issued.number_text == "01/GBN-UBND"
    assert "Đơn khiếu nại ngày 01/03/2026" in " ".join(
        __import__("pypdf").PdfReader(__import__("io").BytesIO(opened[0].issued.pdf)).pages[0].extract_text().split())


def test_ctrl_p_after_refusing_prints_the_refusal_notice(qtbot, screen, desk, monkeypatch):
    import io

    from pypdf import PdfReader

    from receptiondesk.domain.cases import refusal_grounds
    from receptiondesk.services.setup import SignerDraft
    from receptiondesk.ui.dialogs.document_dialog import DocumentDialog

    desk.setup.add_signer(SignerDraft("Trần Văn Hùng", "Chủ tịch", "chairman"))
    opened = []
    monkeypatch.setattr(DocumentDialog, "open", lambda self: opened.append(self))
    fill_person(screen)
    type_text(screen.summary, "Khiếu nại việc đã được giải quyết lần hai, không có tình tiết mới")
    choose(qtbot, screen.direction, "Từ chối tiếp")
    ground = next(iter(refusal_grounds().values()))
    choose(qtbot, screen.refusal_ground, ground.name_vi)
    save(qtbot, screen)
    assert "Ctrl+P" in screen.message.text()
    ctrl(qtbot, QApplication.focusWidget(), Qt.Key.Key_P)
    assert len(opened) == 1 and opened[0].draft.kind == "refusal_notice"
    assert opened[0].issue()
    text = " ".join(PdfReader(io.BytesIO(opened[0].issued.pdf)).pages[0].extract_text().split())
    assert "Nguyễn Văn Đức" in text and "01/TB-UBND" in text

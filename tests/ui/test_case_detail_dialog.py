"""The case detail dialog over a real desk: the case's history inline, oldest first; attaching a scanned letter
from the keyboard; a fake .exe refused with the file named; a stored file saved back out."""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from receptiondesk.domain.assignments import AssignmentDraft
from receptiondesk.domain.cases import CaseDraft, DirectionDraft
from receptiondesk.domain.citizens import CitizenDraft
from receptiondesk.domain.sessions import SessionDraft
from receptiondesk.domain.visits import VisitDraft
from receptiondesk.ui.dialogs.case_detail_dialog import CaseDetailDialog
from tests.ui.helpers import show_active, type_text

pytestmark = pytest.mark.gui

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def _followed_up_case(desk) -> str:
    """A complaint heard at a session, assigned, reported back and told to the citizen."""
    case_uuid = desk.intake.register_visit(VisitDraft(
        "2026-03-02", CitizenDraft("Nguyễn Văn Đức", address="Thôn 1, xã Tân Thành"),
        "Khiếu nại việc cấp giấy chứng nhận", DirectionDraft("accepted"),
        new_cases=[CaseDraft("complaint", "land", "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất")])
    ).case_uuids[0]
    held = desk.sessions.schedule(SessionDraft(session_date="2026-03-06", leader_name="Lê Văn Chủ"))
    desk.sessions.add_case(held.uuid, case_uuid)
    desk.sessions.mark_held(held.uuid)
    desk.sessions.record_conclusion(held.uuid, case_uuid, "assign", "Giao địa chính kiểm tra hồ sơ cấp đất")
    task = desk.followup.create_assignment(AssignmentDraft(
        case_uuid=case_uuid, session_uuid=held.uuid, assignee="Công chức địa chính", task="Kiểm tra hồ sơ",
        assigned_on="2026-03-06", working_days=5))
    desk.followup.record_result(task.uuid, "Hồ sơ đúng quy định", on="2026-03-09")
    desk.followup.record_citizen_told(task.uuid, "phone", on="2026-03-10")
    return case_uuid


@pytest.fixture
def dialog(qtbot, desk):
    widget = show_active(qtbot, CaseDetailDialog(desk, _followed_up_case(desk)), (1092, 580))
    yield widget
    widget.close_dialog()


def test_the_history_is_shown_inline_oldest_first(dialog, desk):
    kinds = [e.kind for e in dialog.timeline_entries]
    assert kinds == ["received", "visit", "session", "assignment", "assignment_result", "citizen_told", "status"]
    assert dialog.timeline_entries == desk.case_history.timeline(dialog.case_uuid)
    text = dialog.timeline.toPlainText()
    in_order = ["02/03/2026", "Khiếu nại việc cấp giấy chứng nhận", "06/03/2026",
                "Giao địa chính kiểm tra hồ sơ cấp đất", "Lê Văn Chủ", "Kiểm tra hồ sơ", "Công chức địa chính",
                "09/03/2026", "Hồ sơ đúng quy định", "Điện thoại", "Cán bộ"]
    positions = [text.find(part) for part in in_order]
    assert -1 not in positions, [p for p, at in zip(in_order, positions) if at < 0]
    assert positions[:-1] == sorted(positions[:-1])
    facts = "\n".join(dialog.facts.itemAt(i).widget().text() for i in range(dialog.facts.count())
                      if dialog.facts.itemAt(i).widget() is not None)
    assert "Đã thông báo công dân" in facts and "Nguyễn Văn Đức" in facts and "Đất đai" in facts


def test_a_scanned_letter_is_attached_from_the_keyboard(qtbot, dialog, desk, tmp_path):
    scan = tmp_path / "don-khieu-nai.pdf"
    scan.write_bytes(PDF)
    type_text(dialog.doc_title, "Đơn khiếu nại ngày 02/03/2026")
    type_text(dialog.doc_file, str(scan))
    qtbot.keyClick(dialog.doc_file, Qt.Key.Key_Return)

    [document] = desk.cases.documents(dialog.case_uuid)
    assert (document["title"], document["file_name"], document["mime_type"]) == (
        "Đơn khiếu nại ngày 02/03/2026", "don-khieu-nai.pdf", "application/pdf")
    assert dialog.documents.rowCount() == 1
    assert dialog.documents.item(0, 0).text() == "Đơn khiếu nại ngày 02/03/2026"
    assert "PDF" in dialog.documents.item(0, 3).text()
    assert "don-khieu-nai.pdf" in dialog.doc_message.text()
    assert [e.facts["title"] for e in dialog.timeline_entries if e.kind == "attachment"] == [
        "Đơn khiếu nại ngày 02/03/2026"]
    assert dialog.doc_title.text() == "" and dialog.doc_file.text() == ""
    assert dialog.isVisible()  # Enter in the form attaches; it does not close the dialog

    copy = tmp_path / "ban-sao.pdf"
    dialog.documents.selectRow(0)
    assert dialog.save_copy(copy) == copy
    assert copy.read_bytes() == PDF


def test_a_fake_exe_is_refused_with_its_name(qtbot, dialog, desk, tmp_path):
    fake = tmp_path / "setup.exe"
    fake.write_bytes(b"MZ\x90\x00" + b"\x00" * 200)
    type_text(dialog.doc_title, "Đơn")
    type_text(dialog.doc_file, str(fake))
    qtbot.keyClick(dialog.attach_button, Qt.Key.Key_Space)

    assert desk.cases.documents(dialog.case_uuid) == []
    assert dialog.documents.rowCount() == 0
    message = dialog.doc_message.text()
    assert "setup.exe" in message and "PDF" in message and dialog.doc_message.isVisible()
    assert QApplication.focusWidget() is dialog.doc_file
    assert dialog.doc_file.text() == str(fake)  # kept, to correct


def test_a_missing_title_puts_the_cursor_there(qtbot, dialog, desk, tmp_path):
    scan = tmp_path / "don.pdf"
    scan.write_bytes(PDF)
    type_text(dialog.doc_file, str(scan))
    qtbot.keyClick(dialog.doc_file, Qt.Key.Key_Return)
    assert desk.cases.documents(dialog.case_uuid) == []
    assert "Tên tài liệu" in dialog.doc_message.text()
    assert QApplication.focusWidget() is dialog.doc_title


def test_a_protected_case_file_is_sealed_and_opening_it_is_audited(qtbot, desk, tmp_path):
    case_uuid = desk.intake.register_visit(VisitDraft(
        "2026-03-09", CitizenDraft("Lê Văn Tố", address="Thôn 9, xã Tân Thành"), "Tố cáo cán bộ",
        DirectionDraft("accepted"), new_cases=[CaseDraft("denunciation", "corruption", "Tố cáo cán bộ nhận tiền")])
    ).case_uuids[0]
    widget = CaseDetailDialog(desk, case_uuid)
    qtbot.addWidget(widget)
    scan = tmp_path / "to-cao.pdf"
    scan.write_bytes(PDF)
    type_text(widget.doc_title, "Đơn tố cáo")
    type_text(widget.doc_file, str(scan))
    qtbot.keyClick(widget.doc_file, Qt.Key.Key_Return)
    assert desk.cases.documents(case_uuid)[0]["sealed"] == 1
    widget.documents.selectRow(0)
    assert widget.save_copy(tmp_path / "ra.pdf").read_bytes() == PDF
    assert desk.database.scalar("SELECT count(*) FROM audit_log WHERE action = 'attachment.open'") == 1
    assert "Lê Văn Tố" not in widget.timeline.toPlainText()
    widget.close_dialog()


def test_a_transferred_case_issues_its_transfer_slip_without_the_denouncer(qtbot, tmp_path, monkeypatch):
    import io

    from pypdf import PdfReader

    from receptiondesk.domain.cases import CaseDraft, DirectionDraft
    from receptiondesk.domain.citizens import CitizenDraft
    from receptiondesk.domain.visits import VisitDraft
    from receptiondesk.services.setup import SignerDraft
    from receptiondesk.ui.dialogs.case_detail_dialog import CaseDetailDialog
    from receptiondesk.ui.dialogs.document_dialog import DocumentDialog
    from tests.ui.helpers import open_desk

    monkeypatch.setattr(DocumentDialog, "open", lambda self: None)
    with open_desk(tmp_path) as desk:
        desk.setup.add_signer(SignerDraft("Trần Văn Hùng", "Chủ tịch", "chairman"))
        came = desk.intake.register_visit(VisitDraft(
            "2026-03-10", CitizenDraft("Hoàng Văn Tố", address="Thôn 9"), "Tố cáo cán bộ địa chính nhận tiền",
            DirectionDraft("transferred", direction_body="Thanh tra tỉnh", direction_doc="01/PC-UBND"),
            new_cases=[CaseDraft("denunciation", "corruption", "Tố cáo cán bộ địa chính nhận tiền")]))
        dialog = CaseDetailDialog(desk, came.case_uuids[0])
        qtbot.addWidget(dialog)
        assert not dialog.transfer_button.isHidden()
        slip = dialog.issue_transfer_slip()
        qtbot.addWidget(slip)
        assert slip.issue() and "PC-UBND" in slip.issued.number_text
        text = " ".join(PdfReader(io.BytesIO(slip.issued.pdf)).pages[0].extract_text().split())
        assert "Thanh tra tỉnh" in text and "Hoàng Văn Tố" not in text

"""The document dialog: edit the text, issue (number fixed), preview, print to a PDF file — by keys."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from receptiondesk.domain.cases import CaseDraft, DirectionDraft
from receptiondesk.domain.citizens import CitizenDraft
from receptiondesk.domain.sessions import HeardCase, SessionDraft
from receptiondesk.domain.visits import VisitDraft
from receptiondesk.services.setup import SignerDraft
from receptiondesk.ui.dialogs.document_dialog import DocumentDialog
from tests.ui.helpers import open_desk, show_active, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def desk(tmp_path):
    with open_desk(tmp_path) as opened:
        opened.setup.add_signer(SignerDraft("Trần Văn Hùng", "Chủ tịch", "chairman"))
        came = opened.intake.register_visit(VisitDraft(
            "2026-03-10", CitizenDraft("Nguyễn Văn Đức", address="Thôn 2"), "Khiếu nại thu hồi đất",
            DirectionDraft("accepted"), new_cases=[CaseDraft("complaint", "land", "Khiếu nại thu hồi đất")]))
        planned = opened.sessions.schedule(SessionDraft("2026-03-10", leader_name="Trần Văn Hùng",
                                                        location="Trụ sở tiếp công dân"))
        opened.sessions.add_case(planned.uuid, came.case_uuids[0])
        opened.sessions.hold(planned.uuid, ["Công chức Văn phòng"], [HeardCase(
            came.case_uuids[0], "assign", "Giao địa chính kiểm tra", assignee="Công chức địa chính",
            task="Kiểm tra hồ sơ", working_days=5)])
        opened.held_session = planned.uuid
        yield opened


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


def test_edit_issue_preview_and_print_a_conclusion_notice(qtbot, desk, tmp_path):
    dialog = show_active(qtbot, DocumentDialog(desk, desk.paperwork.conclusion_notice(desk.held_session)))
    assert dialog.pdf.pageCount() >= 1  # the preview is there before anything is issued
    assert "01/TB-UBND" in dialog.proposed.text()
    dialog.conclusions[0].selectAll()
    type_text(dialog.conclusions[0], "Giao Công chức địa chính kiểm tra và báo cáo trước ngày 17/3")
    qtbot.keyClick(dialog.conclusions[0], Qt.Key.Key_F5)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.issued is not None and dialog.issued.number_text == "01/TB-UBND"
    assert "báo cáo trước ngày 17/3" in _text(dialog.issued.pdf)
    assert not dialog.conclusions[0].isEnabled() and dialog.print_button.isEnabled()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = dialog.print_to(printer)
    printed = PdfReader(str(tmp_path / "printed.pdf"))
    assert pages == len(PdfReader(io.BytesIO(dialog.issued.pdf)).pages) == len(printed.pages)
    assert desk.documents.reprint(dialog.issued.uuid) == dialog.issued.pdf


def test_a_typed_number_already_used_is_refused_with_the_cursor_on_it(qtbot, desk):
    first = DocumentDialog(desk, desk.paperwork.conclusion_notice(desk.held_session))
    qtbot.addWidget(first)
    assert first.issue()
    second = DocumentDialog(desk, desk.paperwork.conclusion_notice(desk.held_session))
    qtbot.addWidget(second)
    with qtbot.waitActive(second):
        second.show()
        second.activateWindow()
    second.proposed.setChecked(False)
    second.number.setValue(1)
    assert not second.issue()
    assert "01/TB-UBND" in second.message.text() and second.issued is None
    assert QApplication.focusWidget() is second.number or second.number.isAncestorOf(QApplication.focusWidget())

"""Documents from records: the conclusion notice of a held session, the receipt of a visit and the logbook,
previewed without a number, issued with one, read back; protected persons masked or sealed."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader

from receptiondesk.domain.sessions import HeardCase
from receptiondesk.errors import UserError
from receptiondesk.services.setup import SignerDraft
from tests.services.helpers import case, counts, no_paper, session, visit


def _text(pdf: bytes) -> str:
    return unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


@pytest.fixture
def signed(desk):
    desk.setup.add_signer(SignerDraft("Trần Văn Hùng", "Chủ tịch", "chairman"))
    return desk


def _held_session(desk, *visits):
    planned = desk.sessions.schedule(session("2026-03-10", location="Trụ sở tiếp công dân phường"))
    heard = []
    for came in visits:
        desk.sessions.add_case(planned.uuid, came.case_uuids[0])
        heard.append(HeardCase(came.case_uuids[0], "assign", "Giao Công chức địa chính kiểm tra, báo cáo",
                               assignee="Công chức địa chính", task="Kiểm tra hồ sơ đất", working_days=5))
    desk.sessions.hold(planned.uuid, ["Công chức Văn phòng"], heard)
    return planned.uuid


def test_the_conclusion_notice_is_previewed_unnumbered_then_issued_numbered(signed):
    desk = signed
    came = desk.intake.register_visit(visit(who=no_paper("Nguyễn Văn Đức", address="Thôn 2")))
    session_uuid = _held_session(desk, came)
    draft = desk.paperwork.conclusion_notice(session_uuid)
    preview = _text(desk.paperwork.preview(draft))
    assert "THÔNG BÁO" in preview and "Nguyễn Văn Đức" in preview and "Công chức địa chính" in preview
    assert "01/TB-UBND" not in preview
    edited = draft.edit(recipients=("Như trên", "Công chức địa chính"))
    issued = desk.paperwork.issue(edited)
    text = _text(issued.pdf)
    assert issued.number_text == "01/TB-UBND" and "01/TB-UBND" in text
    assert "ngày 10 tháng 3 năm 2026" in text  # Decree 30 pads only days below 10 and months below 3 and "TRẦN VĂN HÙNG" in text.upper()
    assert desk.documents.reprint(issued.uuid) == issued.pdf
    assert [d["number_text"] for d in desk.documents.of_subject("sessions", session_uuid)] == ["01/TB-UBND"]
    assert desk.paperwork.issue(draft).number_text == "02/TB-UBND"


def test_the_notice_masks_a_denouncer_it_sends_to_agencies(signed):
    desk = signed
    came = desk.intake.register_visit(visit(who=no_paper("Hoàng Văn Tố", address="Thôn 9"),
                                            cases=[case("denunciation", "corruption", "Tố cáo cán bộ nhận tiền")]))
    issued = desk.paperwork.issue(desk.paperwork.conclusion_notice(_held_session(desk, came)))
    text = _text(issued.pdf)
    assert "Hoàng Văn Tố" not in text and "Danh tính được bảo vệ" in text
    assert b"Hoang Van To" not in issued.pdf


def test_a_notice_needs_a_held_session_and_a_signer(desk):
    came = desk.intake.register_visit(visit())
    planned = desk.sessions.schedule(session("2026-03-10"))
    desk.sessions.add_case(planned.uuid, came.case_uuids[0])
    with pytest.raises(UserError) as not_held:
        desk.paperwork.conclusion_notice(planned.uuid)
    assert not_held.value.code == "document.session_not_held"
    session_uuid = _held_session(desk, came)
    before = counts(desk)
    with pytest.raises(UserError) as unsigned:
        desk.paperwork.issue(desk.paperwork.conclusion_notice(session_uuid))
    assert unsigned.value.code.startswith("document.signer")
    assert counts(desk) == before  # no number used, nothing kept


def test_the_receipt_lists_what_was_handed_in(signed):
    desk = signed
    came = desk.intake.register_visit(visit(who=no_paper("Lê Thị Mai", address="Tổ dân phố 2")))
    with pytest.raises(UserError) as nothing:
        desk.paperwork.receipt(came.uuid)
    assert nothing.value.code == "document.nothing_handed_in"
    desk.cases.add_attachment(came.case_uuids[0], "Đơn khiếu nại ngày 01/03/2026", pages=3, original=True,
                              visit_uuid=came.uuid)
    issued = desk.paperwork.issue(desk.paperwork.receipt(came.uuid))
    text = _text(issued.pdf)
    assert "Lê Thị Mai" in text and "Đơn khiếu nại ngày 01/03/2026" in text
    assert issued.number_text == "01/GBN-UBND"


def test_a_denouncers_receipt_names_them_only_for_a_permitted_officer_and_is_sealed(signed):
    desk = signed
    came = desk.intake.register_visit(visit(who=no_paper("Hoàng Văn Tố", address="Thôn 9"),
                                            cases=[case("denunciation", "corruption", "Tố cáo cán bộ nhận tiền")]))
    desk.cases.add_attachment(came.case_uuids[0], "Đơn tố cáo", visit_uuid=came.uuid)
    draft = desk.paperwork.receipt(came.uuid)
    assert draft.names_protected_person  # the administrator at a one-person desk may see the name
    issued = desk.paperwork.issue(draft)
    assert "Hoàng Văn Tố" in _text(issued.pdf)
    stored = desk.context.database.scalar("SELECT content FROM documents WHERE uuid = ?", (issued.uuid,))
    assert stored != issued.pdf and b"%PDF" not in stored
    desk.accounts.add_user(desk.context.session, "canbo2", "Cán Bộ Hai", "officer", "mật khẩu hai 2")
    desk.logout()
    desk.login("canbo2", "mật khẩu hai 2")
    masked = desk.paperwork.receipt(came.uuid)
    assert not masked.names_protected_person
    assert "Hoàng Văn Tố" not in _text(desk.paperwork.preview(masked))


def test_the_logbook_prints_a_date_range_and_is_audited(signed):
    desk = signed
    for day in ("2026-03-02", "2026-03-05", "2026-03-09"):
        desk.intake.register_visit(visit(when=day, who=no_paper("Phạm Văn Bình", address="Thôn 1")))
    pdf = desk.paperwork.logbook(__import__("datetime").date(2026, 3, 1), __import__("datetime").date(2026, 3, 6))
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    text = _text(pdf)
    assert text.count("Phạm Văn Bình") == 2 and "SỔ TIẾP CÔNG DÂN" in text.upper()
    actions = desk.context.database.query("SELECT action, detail FROM audit_log WHERE action = 'document.print'")
    assert len(actions) == 1 and '"rows": 2' in actions[0]["detail"]

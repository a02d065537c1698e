"""Documents from records: the conclusion notice of a held session, the receipt of a visit, the refusal notice of
a refused visit, the guidance letter of a guided one, the transfer slip of a transferred case and the logbook,
previewed without a number, issued with one, read back; protected persons masked or sealed; a denunciation
transferred once; the QR payload kept at issue is the one printed."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader

from receptiondesk.documents import layout
from receptiondesk.domain.cases import DirectionDraft
from receptiondesk.domain.sessions import HeardCase
from receptiondesk.errors import UserError
from receptiondesk.services.setup import SignerDraft
from tests.services.helpers import actions, assert_clear_error, audit, case, counts, no_paper, session, visit


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


# -- refusal notice, guidance letter, transfer slip ---------------------------------------------------------

def _documents(desk) -> int:
    return desk.context.database.scalar("SELECT count(*) FROM documents")


def _refused(desk, ground: str = "already_resolved"):
    return desk.intake.register_visit(visit(who=no_paper("Phạm Thị Lan", address="Thôn 4"),
                                            summary="Đề nghị giải quyết lại việc cấp đất năm 2019",
                                            direction=DirectionDraft("refused", refusal_ground=ground)))


def _guided(desk, doc: str = ""):
    return desk.intake.register_visit(visit(
        who=no_paper("Đỗ Văn Nam", address="Thôn 3"), summary="Tranh chấp hợp đồng mua bán nhà",
        cases=[case("petition", "justice", "Tranh chấp hợp đồng mua bán nhà")],
        direction=DirectionDraft("guided", direction_body="Tòa án nhân dân khu vực 1", direction_doc=doc,
                                 in_competence=False)))


def _transferred(desk, content_type: str = "denunciation", summary: str = "Hoàng Văn Tố tố cáo cán bộ địa chính "
                 "nhận tiền", doc: str = "01/PC-UBND", name: str = "Hoàng Văn Tố"):
    return desk.intake.register_visit(visit(
        who=no_paper(name, address="Thôn 9", phone="0912345678"), summary="Tố cáo cán bộ",
        cases=[case(content_type, "corruption", summary)],
        direction=DirectionDraft("transferred", direction_body="Thanh tra tỉnh", direction_doc=doc,
                                 in_competence=False)))


def test_a_refused_visit_gets_its_refusal_notice_with_the_recorded_ground(signed):
    desk = signed
    came = _refused(desk)
    draft = desk.paperwork.refusal_notice(came.uuid)
    assert (draft.doc_type, draft.subject_entity, draft.names_protected_person) == ("TB", "visits", False)
    issued = desk.paperwork.issue(draft)
    text = " ".join(_text(issued.pdf).split())
    assert issued.number_text == "01/TB-UBND"  # the notices' register: a conclusion notice would be 02
    assert "TỪ CHỐI TIẾP CÔNG DÂN" in text.upper() and "Phạm Thị Lan" in text
    assert "đã được giải quyết đúng chính sách, pháp luật" in text
    assert [d["doc_type"] for d in desk.documents.of_subject("visits", came.uuid)] == ["TB"]


def test_only_a_refused_visit_has_a_refusal_notice(signed):
    desk = signed
    came = desk.intake.register_visit(visit())
    with pytest.raises(UserError) as refused:
        desk.paperwork.refusal_notice(came.uuid)
    assert refused.value.code == "document.visit_not_refused"
    assert_clear_error(refused.value, "direction")


def test_a_guided_visit_gets_a_letter_numbered_in_the_letters_register(signed):
    desk = signed
    came = _guided(desk)
    draft = desk.paperwork.guidance_letter(came.uuid)
    assert draft.data.guide_to == "Tòa án nhân dân khu vực 1" and draft.number is None
    issued = desk.paperwork.issue(draft)
    text = " ".join(_text(issued.pdf).split())
    assert issued.number_text == "01/UBND-TCD" and "Số: 01/UBND-TCD" in text  # a letter's number, not 01/CV-UBND
    assert "Tòa án nhân dân khu vực 1" in text and "Đỗ Văn Nam" in text
    assert desk.documents.next_number("CV", "UBND", 2026) == 2
    typed = _guided(desk, doc="07/UBND-TCD")  # the guidance document number typed with the direction
    assert desk.paperwork.issue(desk.paperwork.guidance_letter(typed.uuid)).number_text == "07/UBND-TCD"
    with pytest.raises(UserError) as not_guided:
        desk.paperwork.guidance_letter(_refused(desk).uuid)
    assert not_guided.value.code == "document.visit_not_guided"


def test_a_transfer_slip_never_names_a_denouncer_whoever_prints_it(signed):
    desk = signed
    came = _transferred(desk)
    draft = desk.paperwork.transfer_slip(came.case_uuids[0])
    assert draft.data.sender.protected and draft.data.receiver == "Thanh tra tỉnh"
    assert "Hoàng Văn Tố" not in repr(draft.data)  # not even in the draft the dialog edits
    assert draft.number == 1 and draft.transfer_once and not draft.names_protected_person
    issued = desk.paperwork.issue(draft)
    text = _text(issued.pdf)
    assert issued.number_text == "01/PC-UBND" and "01/PC-UBND" in text  # the number recorded with the direction
    assert "Thanh tra tỉnh" in text and "Danh tính được bảo vệ" in text
    assert "Hoàng Văn Tố" not in text and "Thôn 9" not in text and "0912345678" not in text
    assert "tố cáo cán bộ địa chính nhận tiền" in text  # the content stays, the name in it is taken out
    assert "identity.reveal" not in actions(desk)
    stored = desk.context.database.scalar("SELECT content FROM documents WHERE uuid = ?", (issued.uuid,))
    assert stored == issued.pdf  # nothing in it to seal


def test_a_denunciation_is_transferred_once(signed):
    desk = signed
    came = _transferred(desk)
    case_uuid = came.case_uuids[0]
    second = desk.paperwork.transfer_slip(case_uuid)  # drafted before the first went out
    first = desk.paperwork.issue(desk.paperwork.transfer_slip(case_uuid))
    before, documents = counts(desk), _documents(desk)
    for attempt in (lambda: desk.paperwork.issue(second), lambda: desk.paperwork.issue(second, 9),
                    lambda: desk.paperwork.transfer_slip(case_uuid)):
        with pytest.raises(UserError) as refused:
            attempt()
        assert refused.value.code == "document.transferred_once"
        assert_clear_error(refused.value, "document")
        assert "01/PC-UBND" in refused.value.render("vi") and "10/03/2026" in refused.value.render("vi")
    assert counts(desk) == before and _documents(desk) == documents  # no number used, nothing kept or audited
    desk.documents.void(first.uuid, "Ghi nhầm cơ quan nhận")
    again = desk.paperwork.transfer_slip(case_uuid)
    assert again.number is None  # 01 stays with the voided slip
    assert desk.paperwork.issue(again).number_text == "02/PC-UBND"


def test_a_complaint_may_be_transferred_again_and_names_its_sender(signed):
    desk = signed
    came = _transferred(desk, "complaint", "Khiếu nại việc thu hồi đất", doc="5/PC-UBND", name="Lê Văn Khải")
    draft = desk.paperwork.transfer_slip(came.case_uuids[0])
    assert not draft.transfer_once and draft.number == 5  # "5/PC-UBND" reads as 05/PC-UBND
    first = desk.paperwork.issue(draft)
    assert first.number_text == "05/PC-UBND" and "Lê Văn Khải" in _text(first.pdf)
    assert desk.paperwork.issue(desk.paperwork.transfer_slip(came.case_uuids[0])).number_text == "06/PC-UBND"


def test_only_a_transferred_case_has_a_slip(signed):
    desk = signed
    came = desk.intake.register_visit(visit())
    with pytest.raises(UserError) as refused:
        desk.paperwork.transfer_slip(came.case_uuids[0])
    assert refused.value.code == "document.case_not_transferred"
    assert_clear_error(refused.value, "direction")


def test_the_qr_payload_kept_at_issue_is_the_one_printed(signed, monkeypatch):
    desk = signed
    printed = []
    render_pdf = layout.render_pdf

    def recording(*args, **kwargs):
        printed.append(kwargs.get("qr_payload"))
        return render_pdf(*args, **kwargs)

    monkeypatch.setattr(layout, "render_pdf", recording)
    came = desk.intake.register_visit(visit(who=no_paper("Hoàng Văn Tố", address="Thôn 9"),
                                            cases=[case("denunciation", "corruption", "Tố cáo cán bộ nhận tiền")]))
    desk.cases.add_attachment(came.case_uuids[0], "Đơn tố cáo", visit_uuid=came.uuid)
    drafts = [desk.paperwork.conclusion_notice(_held_session(desk, desk.intake.register_visit(visit()))),
              desk.paperwork.receipt(came.uuid), desk.paperwork.oral_statement(came.uuid),
              desk.paperwork.refusal_notice(_refused(desk).uuid), desk.paperwork.guidance_letter(_guided(desk).uuid),
              desk.paperwork.transfer_slip(_transferred(desk, name="Vũ Thị Hoa").case_uuids[0])]
    assert [d.kind for d in drafts] == ["conclusion_notice", "receipt", "oral_statement", "refusal_notice",
                                        "guidance_letter", "transfer_slip"]
    for draft in drafts:
        printed.clear()
        issued = desk.paperwork.issue(draft)
        kept = audit(desk, issued.uuid, "document.issue")[0]["detail"]["qr"]
        assert printed[0].startswith(f"RD1|00004|{issued.number_text}|")
        if draft.names_protected_person:  # the hash covers the name: the audit keeps it keyed
            assert kept.startswith(printed[0].rsplit("|", 1)[0] + "|k:") and printed[0] not in kept
        else:
            assert kept == printed[0], draft.kind
        assert desk.documents.verify_scan(printed[0]).matches, draft.kind


def test_a_denouncer_whose_name_is_a_word_of_the_mask_is_still_taken_out(signed):
    desk = signed
    came = _transferred(desk, summary="Ông Danh tố cáo cán bộ thu tiền", name="Danh")
    text = _text(desk.paperwork.issue(desk.paperwork.transfer_slip(came.case_uuids[0])).pdf)
    assert "Ông Danh tố cáo" not in " ".join(text.split()) and "tố cáo cán bộ thu tiền" in " ".join(text.split())

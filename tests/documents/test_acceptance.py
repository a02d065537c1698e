"""The acceptance proposal (phiếu đề xuất thụ lý) and the acceptance / non-acceptance notice, read back."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from reportlab.lib.units import mm

from receptiondesk.documents.acceptance_notice import render_acceptance_notice
from receptiondesk.documents.acceptance_proposal import ConditionCheck, render_acceptance_proposal
from receptiondesk.documents.common import DocumentNumber, Issuer, Person
from receptiondesk.documents.formats import load_format
from receptiondesk.errors import UserError
from tests.documents import checks, pdfcheck
from receptiondesk.demo import document_examples as samples
from receptiondesk.demo import letter_examples as ls
from tests.documents.checks import MASK, find
from tests.documents.test_layout import _nfd

PARTY = load_format("party")


# --- Phiếu đề xuất thụ lý đơn --------------------------------------------------------------------------------

def test_proposal_reads_in_order_on_one_page():
    proposal = ls.proposal()
    pdf = render_acceptance_proposal(proposal)
    pages = checks.pages(pdf)
    assert len(pages) == 1
    runs = pages[0]
    title = checks.state_header(runs, None, "Tân Thành, ngày 10 tháng 02 năm 2026", "PHIẾU ĐỀ XUẤT THỤ LÝ ĐƠN")
    assert not any(r.text.startswith("Số:") for r in runs)  # no number unless given
    assert title.y > find(runs, "Kính gửi: Chủ tịch Ủy ban nhân dân xã.").y
    text = pdfcheck.body_text(pdf)
    pieces = ("Ngày 05/02/2026, Ủy ban nhân dân xã Tân Thành nhận được đơn khiếu nại của ông (bà) Hoàng Văn Đức, "
              "địa chỉ: thôn Đông, xã Tân Thành, tỉnh Ninh Bình.",
              "1. Tóm tắt nội dung đơn " + ls.COMPLAINT,
              "2. Kết quả kiểm tra điều kiện thụ lý",
              "- Khiếu nại thuộc thẩm quyền giải quyết của Chủ tịch Ủy ban nhân dân xã: đáp ứng;",
              "- Còn thời hiệu khiếu nại: đáp ứng (quyết định ban hành ngày 10/01/2026);",
              "- Chưa có bản án, quyết định của Tòa án về nội dung khiếu nại: đáp ứng.",
              "3. Đề xuất",
              "Căn cứ Điều 11 và Điều 27 Luật Khiếu nại năm 2011, kính đề nghị Chủ tịch Ủy ban nhân dân xã xem xét, "
              "thụ lý giải quyết đơn khiếu nại nêu trên.",
              "Giao công chức Tư pháp - Hộ tịch xác minh nội dung khiếu nại")
    positions = [text.index(p) for p in pieces]
    assert positions == sorted(positions)
    assert find(runs, "3. Đề xuất").bold
    # The leader's box at the left, the officer's signature at the right, on one line.
    box, officer = find(runs, "Ý KIẾN CỦA LÃNH ĐẠO"), find(runs, "NGƯỜI ĐỀ XUẤT")
    assert box.bold and officer.bold and box.y == pytest.approx(officer.y, abs=0.5) and box.right < officer.x
    leader = find(runs, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ")
    assert leader.y < box.y and leader.x < officer.x
    name = [r for r in runs if r.text == "Phạm Thị Lan" and r.bold][0]
    assert officer.y - name.y > 20 * mm  # room to sign
    content = pdfcheck.reader(pdf).pages[0].get_contents().get_data().decode("latin-1")
    assert "[1 2] 0 d" in content, "dotted lines to write the opinion on"
    checks.qr_matches(pdf, "00004", "", date(2026, 2, 10), proposal)


def test_a_decided_proposal_prints_the_opinion_and_a_rejection():
    proposal = ls.proposal(accept=False, leader_opinion="Đồng ý không thụ lý; trả lời công dân bằng văn bản.",
                           conditions=(ConditionCheck("Còn thời hiệu khiếu nại", False, "đã quá 90 ngày"),),
                           proposal="", number=DocumentNumber(2, "PĐX"))
    pdf = render_acceptance_proposal(_nfd(proposal), qr=False)
    text = pdfcheck.body_text(pdf)
    assert "- Còn thời hiệu khiếu nại: không đáp ứng (đã quá 90 ngày)." in text
    assert "kính đề nghị Chủ tịch Ủy ban nhân dân xã xem xét, không thụ lý giải quyết đơn khiếu nại nêu trên." in text
    assert "Đồng ý không thụ lý; trả lời công dân bằng văn bản." in text and "Số: 02/PĐX-UBND" in text
    assert not any(unicodedata.combining(ch) for ch in text)
    assert "[1 2] 0 d" not in pdfcheck.reader(pdf).pages[0].get_contents().get_data().decode("latin-1")


def test_proposal_masks_a_protected_sender():
    text = pdfcheck.body_text(render_acceptance_proposal(ls.proposal(sender=ls.HOA, content_type="denunciation",
                                                                     summary=ls.DENUNCIATION), qr=False))
    assert f"nhận được đơn tố cáo của {MASK}." in text and "Căn cứ Điều 29 Luật Tố cáo năm 2018" in text
    assert "Vũ Thị Hoa" not in text and "ngõ Chùa Cả" not in text


def test_a_long_proposal_numbers_its_pages_from_two():
    analysis = "\n".join(f"Phân tích {i}: {samples.LONG_CONTENT}" for i in range(1, 9))
    pdf = render_acceptance_proposal(ls.proposal(analysis=analysis), qr=False)
    checks.pages(pdf)
    assert checks.page_numbers_from_two(pdf) >= 3
    last = pdfcheck.page_runs(pdf)[-1]
    assert find(last, "Ý KIẾN CỦA LÃNH ĐẠO") and any(r.text.startswith("Giao công chức Tư pháp") for r in last)


def test_party_proposal():
    pdf = render_acceptance_proposal(ls.proposal(sector="party", issuer=samples.PARTY_ISSUER,
                                                 leader="Thường trực Đảng ủy xã"), qr=False)
    runs = checks.pages(pdf, fmt=PARTY)[0]
    checks.party_header(runs, None, "Tân Thành, ngày 10 tháng 02 năm 2026")
    assert find(runs, "THƯỜNG TRỰC ĐẢNG ỦY XÃ")


@pytest.mark.parametrize("changes, code", [
    (dict(officer=Person(" ")), "document.value_missing"),
    (dict(leader=""), "document.value_missing"),
    (dict(issuer=Issuer(("",), "Tân Thành", "UBND")), "document.unit_missing"),
    (dict(conditions=()), "document.value_missing"),
    (dict(summary=" "), "document.value_missing"),
    (dict(content_type=""), "document.content_type_unknown"),
    (dict(received_on=date(2026, 2, 11)), "document.date_order"),
])
def test_proposal_errors(changes, code):
    with pytest.raises(UserError) as caught:
        render_acceptance_proposal(ls.proposal(**changes))
    assert caught.value.code == code


# --- Thông báo thụ lý / không thụ lý ---------------------------------------------------------------------------

def test_acceptance_notice_reads_in_order():
    notice = ls.acceptance()
    pdf = render_acceptance_notice(notice)
    runs = checks.pages(pdf)[0]
    title = checks.state_header(runs, "Số: 09/TB-UBND", "Tân Thành, ngày 12 tháng 02 năm 2026", "THÔNG BÁO")
    subject = find(runs, "Về việc thụ lý giải quyết đơn khiếu nại")
    kinh_gui = find(runs, "Kính gửi: Ông Hoàng Văn Đức")
    assert title.y > subject.y > kinh_gui.y > find(runs, "(Địa chỉ: thôn Đông, xã Tân Thành, tỉnh Ninh Bình)").y
    assert subject.bold
    text = pdfcheck.body_text(pdf)
    pieces = ("Ngày 05/02/2026, Ủy ban nhân dân xã Tân Thành nhận được đơn khiếu nại của ông Hoàng Văn Đức.",
              "Nội dung đơn: " + ls.COMPLAINT,
              "Căn cứ Điều 27 Luật Khiếu nại năm 2011, Ủy ban nhân dân xã Tân Thành thông báo thụ lý giải quyết đơn "
              "khiếu nại của ông Hoàng Văn Đức kể từ ngày 12/02/2026.",
              "Thời hạn giải quyết là 30 ngày kể từ ngày thụ lý, theo quy định của pháp luật.",
              "Chủ tịch Ủy ban nhân dân xã giao công chức Tư pháp - Hộ tịch xác minh nội dung khiếu nại.",
              "Ủy ban nhân dân xã Tân Thành thông báo để ông Hoàng Văn Đức được biết./.",
              "Nơi nhận:", "- Như trên;", "- Công chức Tư pháp - Hộ tịch;", "- Lưu: VT, TCD.")
    positions = [text.index(p) for p in pieces]
    assert positions == sorted(positions)
    last = pdfcheck.page_runs(pdf)[-1]
    assert find(last, "TM. ỦY BAN NHÂN DÂN").y > find(last, "CHỦ TỊCH").y
    checks.qr_matches(pdf, "00004", "09/TB-UBND", date(2026, 2, 12), notice)


def test_non_acceptance_gives_the_reason_and_the_legal_basis():
    notice = ls.rejection()
    pdf = render_acceptance_notice(_nfd(notice))
    text = pdfcheck.body_text(pdf)
    assert "THÔNG BÁO Về việc không thụ lý giải quyết đơn khiếu nại" in text
    assert ("Căn cứ khoản 5 Điều 11 Luật Khiếu nại năm 2011, Ủy ban nhân dân xã Tân Thành thông báo không thụ lý giải "
            "quyết đơn khiếu nại của ông Hoàng Văn Đức vì lý do: đơn khiếu nại gửi đến sau khi đã hết thời hiệu khiếu "
            "nại mà không có lý do chính đáng.") in text
    assert "Ông có quyền khởi kiện vụ án hành chính tại Tòa án" in text and "Thời hạn giải quyết" not in text
    assert not any(unicodedata.combining(ch) for ch in text)
    checks.qr_matches(pdf, "00004", "09/TB-UBND", date(2026, 2, 12), notice)


def test_notice_to_a_protected_denouncer():
    text = pdfcheck.body_text(render_acceptance_notice(ls.acceptance(citizen=ls.HOA, content_type="denunciation",
                                                                     content=ls.DENUNCIATION), qr=False))
    assert f"Kính gửi: {MASK}" in text and "Căn cứ Điều 29 Luật Tố cáo năm 2018" in text
    assert "Vũ Thị Hoa" not in text and "Địa chỉ" not in text


def test_a_long_notice_numbers_its_pages_from_two():
    content = "\n".join(f"Ý {i}: {samples.LONG_CONTENT}" for i in range(1, 10))
    pdf = render_acceptance_notice(ls.acceptance(content=content), qr=False)
    checks.pages(pdf)
    assert checks.page_numbers_from_two(pdf) >= 3


def test_party_notice():
    notice = ls.acceptance(sector="party", issuer=samples.PARTY_ISSUER, signer=samples.SECRETARY,
                           number=DocumentNumber(6, "TB"), content_type="denunciation",
                           basis="Căn cứ Quy định số 22-QĐ/TW của Ban Chấp hành Trung ương", archive="")
    pdf = render_acceptance_notice(notice)
    runs = checks.pages(pdf, fmt=PARTY)[0]
    checks.party_header(runs, "Số 06-TB/ĐU", "Tân Thành, ngày 12 tháng 02 năm 2026")
    assert "Căn cứ Quy định số 22-QĐ/TW của Ban Chấp hành Trung ương, Đảng ủy xã Tân Thành thông báo thụ lý" in \
           pdfcheck.body_text(pdf)
    checks.qr_matches(pdf, "00004", "06-TB/ĐU", date(2026, 2, 12), notice)


@pytest.mark.parametrize("factory, changes, code", [
    (ls.acceptance, dict(signer=None), "document.signer_missing"),
    (ls.acceptance, dict(issuer=Issuer(("",), "Tân Thành", "UBND")), "document.unit_missing"),
    (ls.rejection, dict(reason=""), "document.value_missing"),
    (ls.rejection, dict(legal_basis=" "), "document.value_missing"),
    (ls.acceptance, dict(accepted_on=date(2026, 2, 1)), "document.date_order"),
    (ls.acceptance, dict(content_type="complain"), "document.content_type_unknown"),
])
def test_notice_errors(factory, changes, code):
    with pytest.raises(UserError) as caught:
        render_acceptance_notice(factory(**changes))
    assert caught.value.code == code
    assert caught.value.render("vi") != code

"""Letters (công văn) read back from their PDFs: the guidance / answer letter and the reminder letter."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date

import pytest
from reportlab.lib.units import mm

from receptiondesk.documents.common import DocumentNumber, Issuer
from receptiondesk.documents.formats import load_format
from receptiondesk.documents.guidance_letter import render_guidance_letter
from receptiondesk.documents.reminder_letter import OverdueAssignment, render_reminder_letter
from receptiondesk.errors import UserError
from tests.documents import checks, pdfcheck
from receptiondesk.demo import document_examples as samples
from receptiondesk.demo import letter_examples as ls
from tests.documents.checks import MASK, find, starts
from tests.documents.test_layout import _nfd

STATE, PARTY = load_format("state"), load_format("party")


# --- Văn bản hướng dẫn / trả lời ----------------------------------------------------------------------------

def test_guidance_letter_reads_in_order():
    pdf = render_guidance_letter(ls.guidance_letter())
    runs = checks.pages(pdf)[0]
    number, dateline = find(runs, "Số: 15/UBND-TCD"), find(runs, "Tân Thành, ngày 12 tháng 02 năm 2026")
    subject = starts(runs, "V/v hướng dẫn ông")
    kinh_gui, address = find(runs, "Kính gửi: Ông Hoàng Văn Đức"), starts(runs, "(Địa chỉ: thôn Đông")
    assert find(runs, "XÃ TÂN THÀNH").y > number.y > subject.y > kinh_gui.y > address.y
    assert number.y == pytest.approx(dateline.y, abs=0.01) and subject.size == 12 and not subject.bold
    assert subject.right < (30 + STATE.header.left_column_mm) * mm + 1  # "V/v" stays in the left column
    assert not any(r.text == "THÔNG BÁO" for r in runs)  # a letter has no type title
    text = pdfcheck.body_text(pdf)
    pieces = ("V/v hướng dẫn ông Hoàng Văn Đức gửi đơn kiến nghị đến cơ quan có thẩm quyền",
              "Ngày 04/02/2026, Ủy ban nhân dân xã Tân Thành nhận được đơn kiến nghị của ông Hoàng Văn Đức.",
              "Nội dung đơn: Đề nghị cơ quan có thẩm quyền xem xét, giải quyết tranh chấp hợp đồng vay tài sản",
              "Ủy ban nhân dân xã Tân Thành hướng dẫn ông Hoàng Văn Đức gửi đơn đến Tòa án nhân dân khu vực 1 - Ninh "
              "Bình để được xem xét, giải quyết theo thẩm quyền.",
              "Khi gửi đơn, ông cần kèm theo bản sao giấy tờ tùy thân",
              "Ủy ban nhân dân xã Tân Thành thông báo để ông Hoàng Văn Đức biết và thực hiện./.",
              "Nơi nhận:", "- Như trên;", "- Lưu: VT, TCD.")
    positions = [text.index(p) for p in pieces]
    assert positions == sorted(positions)
    last = pdfcheck.page_runs(pdf)[-1]
    assert find(last, "TM. ỦY BAN NHÂN DÂN").y > find(last, "CHỦ TỊCH").y > find(last, "Nguyễn Văn An").y
    checks.qr_matches(pdf, "00004", "15/UBND-TCD", date(2026, 2, 12), ls.guidance_letter())


def test_answer_letter_and_nfd_input():
    letter = ls.guidance_letter(kind="answer", guide_to="", guidance="", content_type="complaint",
                                citizen=dataclasses.replace(ls.DUC_MR, salutation=""),
                                answer=samples.LONG_CONTENT + "\nỦy ban nhân dân xã sẽ điều chỉnh hồ sơ địa chính.")
    pdf = render_guidance_letter(_nfd(letter), qr=False)
    text = pdfcheck.body_text(pdf)
    assert "V/v trả lời đơn khiếu nại của ông (bà) Hoàng Văn Đức" in text
    assert "Kính gửi: Ông (bà) Hoàng Văn Đức" in text
    assert ("Sau khi xem xét nội dung đơn, Ủy ban nhân dân xã Tân Thành trả lời ông (bà) Hoàng Văn Đức như sau: "
            + pdfcheck.flat(samples.LONG_CONTENT) + " Ủy ban nhân dân xã sẽ điều chỉnh hồ sơ địa chính.") in text
    assert text.endswith("Nguyễn Văn An") and "trả lời để ông (bà) Hoàng Văn Đức được biết./." in text
    assert not any(unicodedata.combining(ch) for ch in text)


def test_a_protected_citizen_is_not_named_in_the_letter():
    pdf = render_guidance_letter(ls.guidance_letter(citizen=ls.HOA, content_type="denunciation",
                                                    content=f"{ls.DENUNCIATION} Người tố cáo: Vũ Thị Hoa."),
                                 qr=False)
    text = pdfcheck.body_text(pdf)
    assert "V/v hướng dẫn công dân gửi đơn tố cáo" in text and f"Kính gửi: {MASK}" in text
    assert "Vũ Thị Hoa" not in text and "ngõ Chùa Cả" not in text and "Địa chỉ" not in text


def test_long_answer_numbers_pages_from_two():
    answer = "\n".join(f"{i}. {samples.LONG_CONTENT}" for i in range(1, 10))
    pdf = render_guidance_letter(ls.guidance_letter(kind="answer", answer=answer), qr=False)
    checks.pages(pdf)
    assert checks.page_numbers_from_two(pdf) >= 3


def test_party_letter():
    letter = ls.guidance_letter(sector="party", issuer=samples.PARTY_ISSUER, signer=samples.SECRETARY,
                                number=DocumentNumber(7, "CV"), archive="")
    pdf = render_guidance_letter(letter)
    runs = checks.pages(pdf, fmt=PARTY)[0]
    checks.party_header(runs, "Số 07-CV/ĐU", "Tân Thành, ngày 12 tháng 02 năm 2026")
    subject = starts(runs, "V/v hướng dẫn")
    assert subject.italic and subject.y < find(runs, "Số 07-CV/ĐU").y
    last = pdfcheck.page_runs(pdf)[-1]
    assert find(last, "T/M BAN THƯỜNG VỤ") and not find(last, "Nơi nhận:").bold
    checks.qr_matches(pdf, "00004", "07-CV/ĐU", date(2026, 2, 12), letter)


@pytest.mark.parametrize("changes, code", [
    (dict(signer=None), "document.signer_missing"),
    (dict(issuer=Issuer(("",), "Tân Thành", "UBND")), "document.unit_missing"),
    (dict(guide_to=""), "document.value_missing"),
    (dict(kind="answer"), "document.value_missing"),  # an answer needs its text
    (dict(kind="reply"), "document.bad_choice"),
    (dict(content_type="other"), "document.content_type_unknown"),
    (dict(issued_on=date(2026, 2, 1)), "document.date_order"),
    (dict(number=DocumentNumber(0, "TCD")), "document.bad_number"),
])
def test_guidance_letter_errors(changes, code):
    with pytest.raises(UserError) as caught:
        render_guidance_letter(ls.guidance_letter(**changes))
    assert caught.value.code == code


# --- Văn bản đôn đốc ------------------------------------------------------------------------------------------

def test_reminder_reads_in_order():
    pdf = render_reminder_letter(ls.reminder_letter())
    runs = checks.pages(pdf)[0]
    number = find(runs, "Số: 21/UBND-TCD")
    subject = starts(runs, "V/v đôn đốc thực hiện")
    assert number.y == pytest.approx(find(runs, "Tân Thành, ngày 10 tháng 3 năm 2026").y, abs=0.01)
    assert number.y > subject.y > find(runs, "Kính gửi: Công chức Địa chính - Nông nghiệp xã.").y
    text = pdfcheck.body_text(pdf)
    assert ("V/v đôn đốc thực hiện nhiệm vụ được giao tại Thông báo số 05/TB-UBND ngày 05/02/2026 của Ủy ban nhân "
            "dân xã") in text
    pieces = ("nhận thấy công chức Địa chính - Nông nghiệp xã chưa báo cáo kết quả thực hiện nhiệm vụ sau đây, "
              "đã quá thời hạn được giao:",
              "- Kiểm tra thực địa, đối chiếu hồ sơ địa chính, báo cáo đề xuất hướng giải quyết (vụ việc của ông "
              "(bà) Hoàng Văn Đức). Thời hạn hoàn thành: ngày 20/02/2026; đến nay đã quá hạn 18 ngày.",
              "báo cáo kết quả về Ủy ban nhân dân xã Tân Thành trước ngày 17/03/2026;",
              "Trường hợp chưa hoàn thành, đề nghị công chức Địa chính - Nông nghiệp xã báo cáo rõ lý do",
              "Ủy ban nhân dân xã Tân Thành đề nghị công chức Địa chính - Nông nghiệp xã quan tâm thực hiện./.",
              "- Chủ tịch UBND xã (để b/c);")
    positions = [text.index(p) for p in pieces]
    assert positions == sorted(positions)
    last = pdfcheck.page_runs(pdf)[-1]
    assert find(last, "KT. CHỦ TỊCH").y > find(last, "PHÓ CHỦ TỊCH").y > find(last, "Trần Thị Bình").y
    checks.qr_matches(pdf, "00004", "21/UBND-TCD", date(2026, 3, 10), ls.reminder_letter())


def test_several_assignments_in_working_days_and_a_protected_citizen():
    letter = ls.reminder_letter(working_days=True, report_to="Văn phòng HĐND và UBND xã", assignments=(
        OverdueAssignment("kiểm tra thực địa", date(2026, 2, 20), ls.SOURCE, ls.DUC, days_overdue=12),
        OverdueAssignment("xác minh nội dung tố cáo", date(2026, 3, 6), "Thông báo số 06/TB-UBND ngày 12/02/2026",
                          ls.HOA),
    ))
    text = pdfcheck.body_text(render_reminder_letter(letter, qr=False))
    assert "V/v đôn đốc thực hiện nhiệm vụ được giao " in text  # two sources: the general subject
    assert ("1. Kiểm tra thực địa (vụ việc của ông (bà) Hoàng Văn Đức), theo Thông báo số 05/TB-UBND ngày 05/02/2026 "
            "của Ủy ban nhân dân xã. Thời hạn hoàn thành: ngày 20/02/2026; đến nay đã quá hạn 12 ngày làm việc."
            ) in text
    assert (f"2. Xác minh nội dung tố cáo (vụ việc của {MASK}), theo Thông báo số 06/TB-UBND ngày 12/02/2026. Thời "
            "hạn hoàn thành: ngày 06/03/2026; đến nay đã quá hạn 4 ngày.") in text  # computed: calendar days
    assert "báo cáo kết quả về Văn phòng HĐND và UBND xã trước ngày 17/03/2026" in text
    assert "Vũ Thị Hoa" not in text


def test_many_overdue_assignments_number_pages_from_two():
    items = tuple(OverdueAssignment(f"nhiệm vụ số {i}: {samples.LONG_CONTENT}", date(2026, 2, 1), ls.SOURCE)
                  for i in range(1, 10))
    pdf = render_reminder_letter(_nfd(ls.reminder_letter(assignments=items)), qr=False)
    checks.pages(pdf)
    assert checks.page_numbers_from_two(pdf) >= 3
    text = pdfcheck.body_text(pdf)
    assert all(pdfcheck.flat(f"{i}. Nhiệm vụ số {i}: {samples.LONG_CONTENT[:-1]}, theo Thông báo số 05/TB-UBND")
               in text for i in range(1, 10))


def test_party_reminder():
    letter = ls.reminder_letter(sector="party", issuer=samples.PARTY_ISSUER, signer=samples.SECRETARY,
                                number=DocumentNumber(3, "CV"), assignee="Chi bộ thôn Đông", archive="")
    pdf = render_reminder_letter(letter)
    runs = checks.pages(pdf, fmt=PARTY)[0]
    checks.party_header(runs, "Số 03-CV/ĐU", "Tân Thành, ngày 10 tháng 3 năm 2026")
    assert "Kính gửi: Chi bộ thôn Đông." in pdfcheck.body_text(pdf)
    checks.qr_matches(pdf, "00004", "03-CV/ĐU", date(2026, 3, 10), letter)


@pytest.mark.parametrize("changes, code", [
    (dict(signer=None), "document.signer_missing"),
    (dict(issuer=Issuer((), "Tân Thành", "UBND")), "document.unit_missing"),
    (dict(assignee=" "), "document.value_missing"),
    (dict(assignments=()), "document.value_missing"),
    (dict(assignments=(OverdueAssignment("kiểm tra", date(2026, 3, 20)),)), "document.not_overdue"),
    (dict(assignments=(OverdueAssignment("kiểm tra", date(2026, 3, 1), days_overdue=0),)), "document.not_overdue"),
    (dict(report_by=date(2026, 3, 9)), "document.date_order"),
])
def test_reminder_errors(changes, code):
    with pytest.raises(UserError) as caught:
        render_reminder_letter(ls.reminder_letter(**changes))
    assert caught.value.code == code
    assert caught.value.render("vi") != code

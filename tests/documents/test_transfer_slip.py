"""Phiếu chuyển đơn read back from its PDF — and a denouncer's identity looked for everywhere in it."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
import zlib
from datetime import date

import pytest
from pypdf.generic import IndirectObject, StreamObject

from receptiondesk.documents.common import Citizen, DocumentNumber, Issuer
from receptiondesk.documents.formats import load_format
from receptiondesk.documents.transfer_slip import render_transfer_slip
from receptiondesk.domain.text import fold
from receptiondesk.errors import UserError
from tests.documents import checks, pdfcheck
from receptiondesk.demo import document_examples as samples
from receptiondesk.demo import letter_examples as ls
from tests.documents.checks import MASK, find
from tests.documents.test_layout import _nfd

PARTY = load_format("party")


def test_state_slip_reads_in_order():
    pdf = render_transfer_slip(ls.transfer_slip())
    runs = checks.pages(pdf)[0]
    title = checks.state_header(runs, "Số: 12/PC-UBND", "Tân Thành, ngày 09 tháng 02 năm 2026", "PHIẾU CHUYỂN ĐƠN")
    addressee = find(runs, "Kính gửi: Công an xã Tân Thành.")
    assert title.y > addressee.y and title.size == 14
    text = pdfcheck.body_text(pdf)
    pieces = ["Ngày 03/02/2026, Ủy ban nhân dân xã Tân Thành nhận được đơn tố cáo của " + MASK + ".",
              "Nội dung đơn: " + ls.DENUNCIATION,
              "Nội dung tố cáo hành vi tổ chức đánh bạc thuộc thẩm quyền xử lý của Công an xã.",
              "Căn cứ Luật Tố cáo năm 2018, Ủy ban nhân dân xã Tân Thành chuyển đơn đến Công an xã Tân Thành để xem "
              "xét, giải quyết theo thẩm quyền.",
              "Thông tin về người tố cáo được giữ bí mật theo quy định của Luật Tố cáo năm 2018.",
              "Đề nghị Công an xã Tân Thành thông báo kết quả giải quyết cho Ủy ban nhân dân xã Tân Thành biết để "
              "theo dõi.",
              "Kèm theo: - Đơn tố cáo đề ngày 02/02/2026 (bản sao đã che thông tin người tố cáo); - 02 ảnh chụp."]
    positions = [text.index(p) for p in pieces]
    assert positions == sorted(positions)
    last = pdfcheck.page_runs(pdf)[-1]
    for line in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Bình"):
        assert find(last, line).bold
    assert text.index("Nơi nhận:") < text.index("- Như trên;") < text.index("- Lưu: VT, TCD.")
    assert "(để biết)" not in text  # a protected sender is never added to the recipients


def test_an_unprotected_sender_is_named_and_told():
    slip = ls.transfer_slip(sender=ls.DUC_MR, content_type="complaint", content="Khiếu nại việc thu phí chợ.",
                            show_contact=True, attachments=())
    text = pdfcheck.body_text(render_transfer_slip(slip, qr=False))
    assert ("nhận được đơn khiếu nại của ông Hoàng Văn Đức, địa chỉ: thôn Đông, xã Tân Thành, tỉnh Ninh Bình, số "
            "CCCD/Hộ chiếu (hoặc giấy tờ tùy thân): 037085001234, số điện thoại: 0912345678.") in text
    assert "Căn cứ Luật Khiếu nại năm 2011, Ủy ban nhân dân xã Tân Thành chuyển đơn" in text
    assert "- Ông Hoàng Văn Đức (để biết);" in text and "giữ bí mật" not in text
    plain = pdfcheck.body_text(render_transfer_slip(dataclasses.replace(slip, show_contact=False), qr=False))
    assert "037085001234" not in plain and "0912345678" not in plain  # contact details only when asked


# --- A protected denouncer: no trace in any form ------------------------------------------------------------

NAME, ID, PHONE, ADDRESS = HOA = (ls.HOA.name, ls.HOA.id_number, ls.HOA.phone, ls.HOA.address)


def _leaky_slip(**changes):
    """The denouncer's details typed everywhere an officer might type them: in the content (NFD, capitals,
    without diacritics, the phone grouped and in +84 form, the ID with dots), the attachments, the recipients."""
    nfd_name = unicodedata.normalize("NFD", NAME)
    content = (f"{ls.DENUNCIATION}\nNgười viết đơn: {nfd_name} ({NAME.upper()}, tức bà vu thi hoa), "
               f"ĐT 0987 654 321 hoặc +84 987.654.321, CCCD 0371.9000.0111, nhà ở {ADDRESS}.")
    values = dict(content=content, forwarded_by="Ban Tiếp công dân tỉnh",
                  attachments=(f"Đơn của bà {NAME} (02 trang)", "Sao kê điện thoại số 0987654321"),
                  recipients=("Như trên", f"Bà {fold(NAME).title()} (để biết)"))
    values.update(changes)
    return ls.transfer_slip(**values)


def _forms(value: str) -> set[str]:
    """A value as it could be written: NFC, NFD, capitals, folded (no diacritics)."""
    nfc = unicodedata.normalize("NFC", value)
    return {nfc, unicodedata.normalize("NFD", nfc), nfc.upper(), unicodedata.normalize("NFD", nfc.upper()),
            fold(nfc)}


def _streams(pdf: bytes) -> list[bytes]:
    """Every stream of the file decompressed (page contents, fonts' ToUnicode maps, forms, metadata) and the
    raw file itself."""
    reader = pdfcheck.reader(pdf)
    out = [pdf]
    for number in range(1, int(reader.trailer["/Size"])):
        try:
            obj = reader.get_object(IndirectObject(number, 0, reader))
        except Exception:  # noqa: BLE001 - free entries of the cross-reference table
            continue
        if isinstance(obj, StreamObject):
            out.append(obj.get_data())
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):  # decompressed by hand as well
        try:
            out.append(zlib.decompress(match.group(1)))
        except zlib.error:
            pass
    for page in reader.pages:
        out.append(page.get_contents().get_data())
    return out


_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"(": b"(", b")": b")", b"\\": b"\\"}


def _pdf_strings(blob: bytes) -> list[str]:
    """The literal and hex strings of a PDF fragment, unescaped and decoded (UTF-16 with its mark, or
    PDFDocEncoding/Latin-1): a title written as (\\376\\377\\000P…) is found as text."""
    raw: list[bytes] = []
    for match in re.finditer(rb"\((?:\\.|[^\\)])*\)", blob, re.S):
        body, out, i = match.group(0)[1:-1], bytearray(), 0
        while i < len(body):
            if body[i:i + 1] == b"\\":
                octal = re.match(rb"[0-7]{1,3}", body[i + 1:i + 4])
                if octal:
                    out.append(int(octal.group(0), 8) & 0xFF)
                    i += 1 + len(octal.group(0))
                    continue
                out += _ESCAPES.get(body[i + 1:i + 2], body[i + 1:i + 2])
                i += 2
                continue
            out += body[i:i + 1]
            i += 1
        raw.append(bytes(out))
    for match in re.finditer(rb"<([0-9A-Fa-f\s]{4,})>", blob):
        hexdigits = re.sub(rb"\s", b"", match.group(1))
        if len(hexdigits) % 2 == 0:
            raw.append(bytes.fromhex(hexdigits.decode()))
    texts = []
    for item in raw:
        if item.startswith(b"\xfe\xff"):
            texts.append(item[2:].decode("utf-16-be", "replace"))
        else:
            texts.append(item.decode("latin-1"))
    return texts


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def test_a_protected_denouncer_leaves_no_trace_in_the_slip():
    slip = _leaky_slip()
    for pdf in (render_transfer_slip(slip), render_transfer_slip(_nfd(slip)),
                render_transfer_slip(dataclasses.replace(slip, sector="party", issuer=samples.PARTY_ISSUER,
                                                         signer=samples.SECRETARY))):
        text = " ".join(pdfcheck.page_texts(pdf))
        flat, folded = pdfcheck.flat(text), fold(text)
        for value in (NAME, ADDRESS, "ngõ Chùa Cả"):
            for form in _forms(value):
                assert form not in flat and form not in text
            assert fold(value) not in folded
        digits = _digits(text)
        for number in (ID, PHONE, PHONE[1:]):  # the phone without its 0: its +84 form
            assert number not in digits
        metadata = " ".join(str(v) for v in (pdfcheck.reader(pdf).metadata or {}).values())
        assert fold(NAME) not in fold(metadata) and ID not in metadata
        for blob in _streams(pdf):
            for value in (NAME, ADDRESS):
                for form in _forms(value):
                    for encoding in ("utf-8", "utf-16-be", "cp1258"):
                        try:
                            needle = form.encode(encoding)
                        except UnicodeEncodeError:
                            continue
                        assert needle not in blob and needle.lower() not in blob.lower()
            for number in (ID, PHONE, PHONE[1:]):
                assert number.encode() not in blob and number.encode("utf-16-be") not in blob
            strings = " ".join(_pdf_strings(blob))
            assert fold(NAME) not in fold(strings) and fold(ADDRESS) not in fold(strings)
            assert not any(number in _digits(strings) for number in (ID, PHONE))
        assert flat.count(MASK) >= 4  # the sender, and each mention in the content, attachments and recipients
        assert "Người viết đơn: " + MASK in flat


def test_the_qr_code_cannot_be_used_to_test_a_guessed_name():
    """The QR hash covers the slip as printed: another denouncer with the same letter gives the same code."""
    slip = ls.transfer_slip()
    other = ls.transfer_slip(sender=Citizen("Ngô Thị Lý", "thôn Bắc", id_number="037190000999", protected=True))
    qr = checks.qr_matches(render_transfer_slip(slip), "00004", "12/PC-UBND", date(2026, 2, 9), slip)
    assert qr == checks.qr_matches(render_transfer_slip(other), "00004", "12/PC-UBND", date(2026, 2, 9), other)
    assert NAME not in qr and ID not in qr


def test_the_control_case_does_show_the_details():
    """The same leaky data without protection prints the details: the searches above would see them."""
    slip = _leaky_slip(sender=dataclasses.replace(ls.HOA, protected=False), show_contact=True)
    text = pdfcheck.body_text(render_transfer_slip(slip, qr=False))
    assert NAME in text and ID in _digits(text) and ADDRESS in text and MASK not in text


# --- Text, pages, Party format, errors ------------------------------------------------------------------------

def test_nfd_input_prints_as_nfc():
    slip = ls.transfer_slip(sender=ls.DUC_MR, content_type="petition", content=samples.LONG_CONTENT)
    nfd = _nfd(slip)
    assert unicodedata.normalize("NFD", samples.LONG_CONTENT) == nfd.content
    pdf = render_transfer_slip(nfd, qr=False)
    text = pdfcheck.body_text(pdf)
    assert pdfcheck.flat(samples.LONG_CONTENT) in text and "Kính gửi: Công an xã Tân Thành." in text
    assert "nhận được đơn kiến nghị của ông Hoàng Văn Đức" in text
    assert not any(unicodedata.combining(ch) for ch in text)
    same = render_transfer_slip(slip, qr=False)
    assert [(r.text, r.x, r.y) for r in pdfcheck.page_runs(pdf)[0]] == \
           [(r.text, r.x, r.y) for r in pdfcheck.page_runs(same)[0]]


def test_a_long_slip_numbers_its_pages_from_two():
    content = "\n".join(f"Ý {i}: {samples.LONG_CONTENT}" for i in range(1, 10))
    pdf = render_transfer_slip(ls.transfer_slip(content=content), qr=False)
    checks.pages(pdf)
    assert checks.page_numbers_from_two(pdf) >= 3
    text = pdfcheck.body_text(pdf)
    positions = [text.index(pdfcheck.flat(f"Ý {i}: {samples.LONG_CONTENT}")) for i in range(1, 10)]
    assert positions == sorted(positions)
    last = pdfcheck.page_runs(pdf)[-1]
    assert find(last, "TM. ỦY BAN NHÂN DÂN") and any(r.text.startswith("- 02 ảnh chụp") for r in last)


def test_party_slip():
    slip = ls.transfer_slip(sector="party", issuer=samples.PARTY_ISSUER, signer=samples.SECRETARY,
                            receiver="Ủy ban Kiểm tra Đảng ủy xã", number=DocumentNumber(4, "PC"), archive="")
    pdf = render_transfer_slip(slip)
    runs = checks.pages(pdf, fmt=PARTY)[0]
    checks.party_header(runs, "Số 04-PC/ĐU", "Tân Thành, ngày 09 tháng 02 năm 2026")
    title = find(runs, "PHIẾU CHUYỂN ĐƠN")
    assert title.size == 16 and title.bold
    last = pdfcheck.page_runs(pdf)[-1]
    assert find(last, "T/M BAN THƯỜNG VỤ").y > find(last, "BÍ THƯ").y > find(last, "Lê Văn Cường").y
    assert "- Lưu Văn phòng Đảng ủy." in pdfcheck.body_text(pdf)
    checks.qr_matches(pdf, "00004", "04-PC/ĐU", date(2026, 2, 9), slip)


@pytest.mark.parametrize("changes, code", [
    (dict(signer=None), "document.signer_missing"),
    (dict(issuer=Issuer((" ",), "Tân Thành", "UBND")), "document.unit_missing"),
    (dict(receiver=" "), "document.value_missing"),
    (dict(content=""), "document.value_missing"),
    (dict(content_type="khieu nai"), "document.content_type_unknown"),
    (dict(received_on=date(2026, 2, 10)), "document.date_order"),
    (dict(sector="province"), "document.format_unknown"),
])
def test_missing_or_wrong_data_is_a_clear_error(changes, code):
    with pytest.raises(UserError) as caught:
        render_transfer_slip(ls.transfer_slip(**changes))
    assert caught.value.code == code
    assert caught.value.render("vi") != code and caught.value.render("en") != code


def test_capacities_tl_and_tuq():
    for signer, lines in ((ls.OFFICE_HEAD, ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG")),
                          (ls.AUTHORISED, ("TUQ. CHỦ TỊCH", "TRƯỞNG PHÒNG", "VĂN HÓA - XÃ HỘI"))):
        last = pdfcheck.page_runs(render_transfer_slip(ls.transfer_slip(signer=signer), qr=False))[-1]
        ys = [find(last, line).y for line in lines] + [find(last, signer.name).y]
        assert ys == sorted(ys, reverse=True)  # a long title wraps into even lines, no word left alone

"""The register of letters read back from its PDF: landscape, the header on every page, masking, totals."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import date

import pytest

from receptiondesk.documents.common import Citizen, Issuer
from receptiondesk.documents.formats import load_format
from receptiondesk.documents.letter_register import RegisterRow, render_letter_register
from receptiondesk.errors import UserError
from tests.documents import checks, pdfcheck
from receptiondesk.demo import document_examples as samples
from receptiondesk.demo import letter_examples as ls
from tests.documents.checks import MASK, find
from tests.documents.test_layout import _nfd

HEADER = ("STT", "Ngày nhận", "Người gửi đơn", "Địa chỉ", "(1)", "(9)")
DATE = re.compile(r"\d\d/01/2026")


def test_register_is_landscape_with_the_header_on_every_page():
    book = ls.register()
    pdf = render_letter_register(book)
    pages = checks.pages(pdf, landscape=True)
    assert len(pages) >= 3 and checks.page_numbers_from_two(pdf, landscape=True) == len(pages)
    for number, runs in enumerate(pages, start=1):
        rows = [r for r in runs if DATE.fullmatch(r.text)]
        if rows:
            header = [find(runs, h) for h in HEADER]
            assert max(r.y for r in rows) < min(h.y for h in header), number
    first = pages[0]
    assert find(first, "SỔ THEO DÕI ĐƠN THƯ").bold and find(first, "Từ ngày 01/01/2026 đến ngày 31/01/2026").bold
    assert find(first, "ỦY BAN NHÂN DÂN").y > find(first, "SỔ THEO DÕI ĐƠN THƯ").y
    # Every letter once, in order, its date on one line.
    dates = [r.text for runs in pages for r in runs if DATE.fullmatch(r.text)]
    assert dates == [row.received_on.strftime("%d/%m/%Y") for row in book.rows]
    checks.qr_matches(pdf, "00004", "2026-01-01/2026-01-31", date(2026, 2, 2), book)


def test_register_masks_protected_senders_and_counts_by_type():
    book = ls.register()
    pdf = render_letter_register(book, qr=False)
    text = pdfcheck.body_text(pdf)
    protected = [r for r in book.rows if r.sender is not None and r.sender.protected]
    anonymous = [r for r in book.rows if r.sender is None]
    assert protected and anonymous
    for row in protected:
        assert not re.search(re.escape(row.sender.name) + r"\b", text)
    assert text.count(MASK) == len(protected)
    assert text.count("Đơn không rõ họ tên, địa chỉ người gửi") == len(anonymous)
    assert text.count("(do Ban Tiếp công dân tỉnh chuyển đến)") == sum(1 for r in book.rows if r.forwarded_by)
    assert "Tổng số: 45 đơn (Khiếu nại: 12; Tố cáo: 11; Kiến nghị: 11; Phản ánh: 11)." in text
    last = pdfcheck.page_runs(pdf)[-1]
    assert find(last, "NGƯỜI LẬP SỔ").y > find(last, "Phạm Thị Lan").y
    assert find(last, "Tân Thành, ngày 02 tháng 02 năm 2026").italic


def test_cells_print_the_nfc_input_and_labels_pass_through():
    row = RegisterRow(1, date(2026, 1, 5), Citizen("Hoàng Văn Đức", "thôn Đông, xã Tân Thành"),
                      samples.LONG_CONTENT, "Khiếu nại, tố cáo", "Đất đai", "Thụ lý giải quyết", "Đã giải quyết xong")
    pdf = render_letter_register(_nfd(dataclasses.replace(ls.register(rows=0), rows=(row,))), qr=False)
    text = pdfcheck.body_text(pdf)
    for piece in ("Hoàng Văn Đức", "thôn Đông, xã Tân Thành", "Khiếu nại, tố cáo", "Thụ lý giải quyết",
                  "Đã giải quyết xong", "Tổng số: 1 đơn (Khiếu nại, tố cáo: 1).", pdfcheck.flat(samples.LONG_CONTENT)):
        assert piece in text
    assert not any(unicodedata.combining(ch) for ch in text)


def test_an_empty_register_still_prints():
    text = pdfcheck.body_text(render_letter_register(ls.register(rows=0), qr=False))
    assert "Tổng số: 0 đơn." in text and "STT" in text


def test_party_register():
    pdf = render_letter_register(ls.register(rows=3, sector="party", issuer=samples.PARTY_ISSUER), qr=False)
    runs = checks.pages(pdf, landscape=True, fmt=load_format("party"))[0]
    assert find(runs, "ĐẢNG ỦY XÃ TÂN THÀNH").bold and find(runs, "*")


@pytest.mark.parametrize("changes, code", [
    (dict(issuer=Issuer(("",), "Tân Thành", "UBND")), "document.unit_missing"),
    (dict(date_from=date(2026, 2, 1)), "document.bad_range"),
    (dict(sector="commune"), "document.format_unknown"),
])
def test_register_errors(changes, code):
    with pytest.raises(UserError) as caught:
        render_letter_register(ls.register(rows=2, **changes))
    assert caught.value.code == code

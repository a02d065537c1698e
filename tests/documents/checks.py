"""Assertions shared by the document tests: page size and margins, fonts, the header's reading order, page
numbers from page 2, the QR code, and looking runs up by their text."""

from __future__ import annotations

import pytest
from reportlab.lib.units import mm

from receptiondesk.documents import layout
from receptiondesk.documents.common import normalised, protect
from receptiondesk.documents.formats import DocumentFormat, load_format
from tests.documents import pdfcheck

A4_PORTRAIT = pdfcheck.A4_PORTRAIT
A4_LANDSCAPE = (841.89, 595.28)
MASK = "[Danh tính được bảo vệ]"
TOLERANCE = 0.3  # mm


def find(runs, text):
    hits = [r for r in runs if r.text == text]
    assert hits, f"{text!r} not in {[r.text for r in runs]}"
    return hits[0]


def starts(runs, prefix):
    hits = [r for r in runs if r.text.startswith(prefix)]
    assert hits, f"no run starts with {prefix!r} in {[r.text for r in runs]}"
    return hits[0]


def pages(pdf: bytes, *, landscape: bool = False, fmt: DocumentFormat | None = None) -> list[list[pdfcheck.Run]]:
    """Check every page: A4 (portrait or landscape), text inside the format's margins, fonts embedded and
    only the bundled family; return the pages' runs."""
    fmt = fmt or load_format("state")
    size = A4_LANDSCAPE if landscape else A4_PORTRAIT
    limits = fmt.page.margin_limits_mm
    runs_by_page = pdfcheck.page_runs(pdf)
    for number, (page, runs) in enumerate(zip(pdfcheck.reader(pdf).pages, runs_by_page), start=1):
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(size, abs=0.1), number
        m = pdfcheck.margins_mm(runs, size)
        margin = (fmt.page.landscape_margins_mm if landscape else fmt.page.margins_mm).left
        indented = abs(m["left"] - margin - fmt.body.first_line_indent_mm) < 0.5  # a page of "- …" items
        assert limits.left[0] - TOLERANCE <= m["left"] and (m["left"] <= limits.left[1] or indented), (number, m)
        assert limits.top[0] - TOLERANCE <= m["top"] <= limits.top[1], (number, m)
        assert m["right"] >= limits.right[0] - TOLERANCE and m["bottom"] >= limits.bottom[0] - TOLERANCE, (number, m)
    found = pdfcheck.embedded_fonts(pdf)
    assert found and all(found.values()), found
    assert all(name.split("+", 1)[-1].startswith("LiberationSerif") for name in found), found
    return runs_by_page


def page_numbers_from_two(pdf: bytes, *, landscape: bool = False, fmt: DocumentFormat | None = None) -> int:
    """No number on page 1; page n (n ≥ 2) carries "n", centred over the text area in the top margin."""
    fmt = fmt or load_format("state")
    width, height = A4_LANDSCAPE if landscape else A4_PORTRAIT
    margins = fmt.page.landscape_margins_mm if landscape else fmt.page.margins_mm
    all_runs = pdfcheck.page_runs(pdf)
    for number, runs in enumerate(all_runs, start=1):
        top = [r for r in runs if r.y > height - margins.top * mm]
        assert [r.text for r in top] == ([] if number == 1 else [str(number)]), (number, [r.text for r in top])
        if top:
            centre = (top[0].x + top[0].right) / 2
            assert centre == pytest.approx((margins.left * mm + width - margins.right * mm) / 2, abs=0.5)
    return len(all_runs)


def state_header(runs, number: str | None, dateline: str, title: str, issuer=("ỦY BAN NHÂN DÂN", "XÃ TÂN THÀNH")):
    """Issuer lines over the number, motto over the date, both over the title; two columns; the texts bold."""
    top, second = find(runs, issuer[0]), find(runs, issuer[1])
    motto1, motto2 = find(runs, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), find(runs, "Độc lập - Tự do - Hạnh phúc")
    date_run = find(runs, dateline)
    title_run = find(runs, title)
    assert top.y > second.y > date_run.y > title_run.y
    assert motto1.y > motto2.y > date_run.y
    assert top.y == pytest.approx(motto1.y, abs=0.5) and top.right < motto1.x
    assert all(r.bold for r in (top, second, motto1, motto2, title_run)) and date_run.italic
    if number is not None:
        number_run = find(runs, number)
        assert second.y > number_run.y > title_run.y and number_run.right < date_run.x
        assert number_run.y == pytest.approx(date_run.y, abs=0.01)
    return title_run


def party_header(runs, number: str | None, dateline: str):
    """"ĐẢNG CỘNG SẢN VIỆT NAM" at the right; parent, committee, star and "Số …-…/ĐU" at the left; no state motto."""
    dcs = find(runs, "ĐẢNG CỘNG SẢN VIỆT NAM")
    parent, name, star = find(runs, "ĐẢNG BỘ TỈNH NINH BÌNH"), find(runs, "ĐẢNG ỦY XÃ TÂN THÀNH"), find(runs, "*")
    date_run = find(runs, dateline)
    assert dcs.bold and dcs.size == 15 and parent.y == pytest.approx(dcs.y, abs=0.01)
    assert parent.y > name.y > star.y and name.bold and not parent.bold
    assert date_run.y == pytest.approx(star.y, abs=0.01) and date_run.italic
    assert not any(r.text.startswith("CỘNG HÒA") for r in runs)
    if number is not None:
        number_run = find(runs, number)
        assert star.y > number_run.y and not number_run.text.startswith("Số:")


def qr_matches(pdf: bytes, unit: str, reference: str, day, data) -> str:
    """Every page carries one QR code whose text is the payload of the data as printed (protected people masked)."""
    expected = layout.qr_payload(unit, reference, day, protect(normalised(data), MASK))
    found = [pdfcheck.decode_qr(png) for png in pdfcheck.render_pngs(pdf, dpi=200)]
    assert found == [[expected]] * len(found)
    return expected

"""The conclusion notice read back from its PDF: page, margins, header order, texts, fonts, pages, QR."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import date

import pytest
from reportlab.lib.units import mm

from receptiondesk.documents import layout
from receptiondesk.documents.common import Citizen, Person
from receptiondesk.documents.conclusion_notice import HeardCase, render_conclusion_notice
from receptiondesk.documents.formats import load_format
from receptiondesk.errors import UserError
from tests.documents import pdfcheck
from receptiondesk.demo import document_examples as samples
from tests.documents.test_layout import _nfd

STATE, PARTY = load_format("state"), load_format("party")


def _find(runs, text):
    hits = [r for r in runs if r.text == text]
    assert hits, f"{text!r} not found in {[r.text for r in runs]}"
    return hits[0]


def _starts(runs, prefix):
    hits = [r for r in runs if r.text.startswith(prefix)]
    assert hits, f"no run starts with {prefix!r}"
    return hits[0]


def test_a4_portrait(state_pdf):
    for page in pdfcheck.reader(state_pdf).pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(pdfcheck.A4_PORTRAIT, abs=0.1)


@pytest.mark.parametrize("which", ["state_pdf", "party_pdf"])
def test_margins_are_inside_the_formats_limits(request, which):
    pdf = request.getfixturevalue(which)
    fmt = STATE if which == "state_pdf" else PARTY
    limits = fmt.page.margin_limits_mm
    pages = pdfcheck.page_runs(pdf)
    assert len(pages) >= 2
    tolerance = 0.3
    for number, runs in enumerate(pages, start=1):
        m = pdfcheck.margins_mm(runs, pdfcheck.A4_PORTRAIT)
        assert limits.left[0] - tolerance <= m["left"] <= limits.left[1], (number, m)
        assert limits.top[0] - tolerance <= m["top"] <= limits.top[1], (number, m)
        assert m["bottom"] >= limits.bottom[0] - tolerance, (number, m)
        assert m["right"] >= limits.right[0] - tolerance, (number, m)
    # Justified body lines reach the right margin; full pages reach the bottom one.
    first = pdfcheck.margins_mm(pages[0], pdfcheck.A4_PORTRAIT)
    assert limits.right[0] - tolerance <= first["right"] <= limits.right[1]
    assert first["left"] == pytest.approx(fmt.page.margins_mm.left, abs=0.05)
    assert first["top"] == pytest.approx(fmt.page.margins_mm.top, abs=0.3)


def test_state_header_reads_in_order(state_pdf):
    runs = pdfcheck.page_runs(state_pdf)[0]
    ubnd, xa = _find(runs, "ỦY BAN NHÂN DÂN"), _find(runs, "XÃ TÂN THÀNH")
    number = _find(runs, "Số: 05/TB-UBND")
    motto1, motto2 = _find(runs, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), _find(runs, "Độc lập - Tự do - Hạnh phúc")
    dateline = _find(runs, "Tân Thành, ngày 05 tháng 02 năm 2026")
    title = _find(runs, "THÔNG BÁO")
    subject = _starts(runs, "Kết luận của đồng chí Nguyễn Văn An")
    # Left column above the number, right column above the date, both above the title.
    assert ubnd.y > xa.y > number.y > title.y > subject.y
    assert motto1.y > motto2.y > dateline.y > title.y
    assert ubnd.y == pytest.approx(motto1.y, abs=0.5) and number.y == pytest.approx(dateline.y, abs=0.01)
    assert ubnd.right < motto1.x and number.right < dateline.x  # two columns
    assert all(r.bold for r in (ubnd, xa, motto1, motto2, title, subject))
    assert dateline.italic and not number.bold and not number.italic
    assert motto1.size == 13 and motto2.size == 14 and dateline.size == 14 and title.size == 14
    # Centred: each column's lines share a centre; the title is centred on the text area.
    centre = lambda r: (r.x + r.right) / 2  # noqa: E731
    assert centre(ubnd) == pytest.approx(centre(xa), abs=0.5) == pytest.approx(centre(number), abs=0.5)
    assert centre(motto1) == pytest.approx(centre(motto2), abs=0.5) == pytest.approx(centre(dateline), abs=0.5)
    assert centre(title) == pytest.approx((30 * mm + 595.28 - 15 * mm) / 2, abs=0.5)


def test_state_header_rules_are_drawn(state_pdf):
    """The short rule under the issuer (1/3–1/2 of its name) and the motto's rule (as long as its line)."""
    content = pdfcheck.reader(state_pdf).pages[0].get_contents().get_data().decode("latin-1")
    segments = [(float(x1), float(x2)) for x1, y1, x2, y2 in
                re.findall(r"n ([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l S", content) if y1 == y2]
    lengths = sorted(round(x2 - x1, 1) for x1, x2 in segments)
    runs = pdfcheck.page_runs(state_pdf)[0]
    motto2 = _find(runs, "Độc lập - Tự do - Hạnh phúc")
    ubnd = _find(runs, "ỦY BAN NHÂN DÂN")
    assert any(abs(length - motto2.width) < 0.5 for length in lengths)
    assert any(ubnd.width / 3 - 0.5 <= length <= ubnd.width / 2 + 0.5 for length in lengths)
    assert any(abs(length - STATE.title.rule.length_mm * mm) < 0.5 for length in lengths)


def test_body_text_is_the_nfc_input(state_pdf):
    text = pdfcheck.body_text(state_pdf)
    for piece in (samples.LONG_CONTENT, "Ghi nhận kiến nghị, đưa vào kế hoạch duy tu đường giao thông năm 2026.",
                  "ngày 04 tháng 02 năm 2026, tại Trụ sở tiếp công dân xã Tân Thành, đồng chí Nguyễn Văn An, "
                  "Chủ tịch Ủy ban nhân dân xã đã chủ trì buổi tiếp công dân định kỳ.",
                  "Cùng dự có: đồng chí Phạm Thị Lan, công chức Văn phòng - Thống kê; đồng chí Bùi Văn Minh, "
                  "công chức Địa chính - Nông nghiệp."):
        assert pdfcheck.flat(piece) in text


def test_nfd_input_prints_as_nfc():
    nfd = _nfd(samples.state_notice())
    assert unicodedata.normalize("NFD", samples.LONG_CONTENT) in nfd.cases[0].content  # really decomposed
    pdf = render_conclusion_notice(nfd, qr=False)
    text = pdfcheck.body_text(pdf)
    assert pdfcheck.flat(samples.LONG_CONTENT) in text
    assert "Tân Thành, ngày 05 tháng 02 năm 2026" in text and "ỦY BAN NHÂN DÂN XÃ TÂN THÀNH" in text
    assert not any(unicodedata.combining(ch) for ch in text)
    # Same document either way: the same glyph runs in the same places.
    nfc_runs = [(r.text, r.x, r.y) for r in pdfcheck.page_runs(render_conclusion_notice(samples.state_notice(),
                                                                                        qr=False))[0]]
    assert [(r.text, r.x, r.y) for r in pdfcheck.page_runs(pdf)[0]] == nfc_runs


def test_cases_assignments_and_the_duty_to_report(state_pdf):
    text = pdfcheck.body_text(state_pdf)
    assert "1. Vụ việc của ông (bà) Hoàng Văn Đức, địa chỉ: thôn Đông, xã Tân Thành" in text
    assert ("- Giao công chức Địa chính - Nông nghiệp: kiểm tra thực địa, đối chiếu hồ sơ địa chính, báo cáo đề "
            "xuất hướng giải quyết; thời hạn hoàn thành: trước ngày 20/02/2026.") in text
    assert "3. Vụ việc của ông (bà) Đặng Văn Giang, địa chỉ: thôn Nam, xã Tân Thành (đoàn 6 người)" in text
    assert ("báo cáo kết quả về Ủy ban nhân dân xã (qua công chức phụ trách tiếp công dân) trong thời hạn nêu trên; "
            "đồng thời thông báo kết quả giải quyết cho công dân biết theo quy định.") in text
    assert text.index("1. Vụ việc") < text.index("2. Vụ việc") < text.index("3. Vụ việc") < text.index("Yêu cầu")
    assert "Ủy ban nhân dân xã Tân Thành thông báo để các cơ quan, đơn vị, cá nhân có liên quan biết, thực hiện./." in text


def test_a_protected_citizen_is_masked(state_pdf):
    text = pdfcheck.body_text(state_pdf)
    assert "2. Vụ việc của [Danh tính được bảo vệ]" in text
    assert "Vũ Thị Hoa" not in text and "thôn Tây, xã Tân Thành" not in text
    metadata = pdfcheck.reader(state_pdf).metadata
    assert "Vũ Thị Hoa" not in " ".join(str(v) for v in metadata.values())


def test_delegated_session():
    pdf = render_conclusion_notice(samples.state_notice(
        presiding=Person("Trần Thị Bình", "Phó Chủ tịch Ủy ban nhân dân xã"), signer=samples.VICE,
        delegated_by=Person("Nguyễn Văn An", "Chủ tịch Ủy ban nhân dân xã"), kind="ad_hoc"), qr=False)
    text = pdfcheck.body_text(pdf)
    assert ("đồng chí Trần Thị Bình, Phó Chủ tịch Ủy ban nhân dân xã, được đồng chí Nguyễn Văn An, Chủ tịch Ủy ban "
            "nhân dân xã ủy quyền, đã chủ trì buổi tiếp công dân đột xuất.") in text
    assert "(được ủy quyền) tại buổi tiếp công dân đột xuất ngày 04/02/2026" in text
    last = pdfcheck.page_runs(pdf)[-1]
    tm, kt, title, name = (_find(last, t) for t in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                                                    "Trần Thị Bình"))
    assert tm.y > kt.y > title.y > name.y and all(r.bold for r in (tm, kt, title, name))
    assert title.y - name.y > STATE.signature.signing_space_mm * mm * 0.9  # room for the signature and seal


def test_signature_and_recipients(state_pdf):
    last = pdfcheck.page_runs(state_pdf)[-1]
    heading = _find(last, "Nơi nhận:")
    items = [r for r in last if r.text.startswith("- ") and r.x < heading.x + 1 and r.y < heading.y]
    assert [r.text for r in items] == ["- Chủ tịch, các Phó Chủ tịch UBND xã;",
                                       "- Các cơ quan, đơn vị được giao nhiệm vụ;", "- Công dân có liên quan;",
                                       "- Lưu: VT, TCD."]
    assert heading.bold and heading.italic and heading.size == 12 and all(r.size == 11 for r in items)
    tm = _find(last, "TM. ỦY BAN NHÂN DÂN")
    assert heading.y == pytest.approx(tm.y, abs=0.01)  # "Nơi nhận" on the line of the authority
    assert tm.x > 595.28 / 2 - 10 and _find(last, "Nguyễn Văn An").bold


def test_page_numbers_only_from_page_two():
    notice = samples.state_notice(cases=samples.state_notice().cases * 3)
    pdf = render_conclusion_notice(notice, qr=False)
    pages = pdfcheck.page_runs(pdf)
    assert len(pages) >= 3
    top = lambda runs: [r for r in runs if r.y > 841.89 - 20 * mm]  # noqa: E731
    assert top(pages[0]) == []
    for number, runs in enumerate(pages[1:], start=2):
        numbers = top(runs)
        assert [r.text for r in numbers] == [str(number)]
        r = numbers[0]
        assert (r.x + r.right) / 2 == pytest.approx((30 * mm + 595.28 - 15 * mm) / 2, abs=0.5)
        assert r.size == STATE.page_number.size and not r.bold


def test_three_page_summary_flows_in_order():
    parts = [f"Đoạn {i}: " + samples.LONG_CONTENT for i in range(1, 10)]
    notice = samples.state_notice(cases=(HeardCase(Citizen("Hoàng Văn Đức", "thôn Đông"), "\n".join(parts),
                                                   "Giao công chức Địa chính - Nông nghiệp kiểm tra."),))
    pdf = render_conclusion_notice(notice, qr=False)
    pages = pdfcheck.page_texts(pdf)
    assert len(pages) == 3
    text = pdfcheck.body_text(pdf)
    positions = [text.index(pdfcheck.flat(p)) for p in parts]
    assert positions == sorted(positions)
    assert "Nơi nhận:" in pages[2] and "Nguyễn Văn An" in pages[2]


def test_forty_recipients_fit():
    recipients = tuple(f"Trưởng thôn số {i:02d} của xã Tân Thành" for i in range(1, 41))
    pdf = render_conclusion_notice(samples.state_notice(recipients=recipients), qr=False)
    lines = [r.text for runs in pdfcheck.page_runs(pdf) for r in runs
             if r.text.startswith("- Trưởng thôn số") or r.text.startswith("- Lưu:")]
    assert lines == [f"- {r};" for r in recipients] + ["- Lưu: VT, TCD."]
    pages = pdfcheck.page_runs(pdf)
    for number, runs in enumerate(pages, start=1):
        m = pdfcheck.margins_mm(runs, pdfcheck.A4_PORTRAIT)
        assert m["bottom"] >= 20 - 0.3
        if number < len(pages):  # no page left half empty: the list goes on under the signature
            assert m["bottom"] < 20 + 30, number
    signature = [i for i, runs in enumerate(pages) if any(r.text == "TM. ỦY BAN NHÂN DÂN" for r in runs)]
    closing = [i for i, runs in enumerate(pages) if any(r.text.endswith("biết, thực hiện./.") for r in runs)]
    assert signature == closing


def test_a_long_recipients_list_continues_under_the_signature():
    recipients = tuple(f"Tổ chức, cá nhân liên quan số {i}" for i in range(1, 121))
    pdf = render_conclusion_notice(samples.state_notice(recipients=recipients), qr=False)
    pages = pdfcheck.page_runs(pdf)
    lines = [r.text for runs in pages for r in runs if r.text.startswith("- Tổ chức")]
    assert lines == [f"- {r};" for r in recipients]
    signature_pages = [i for i, runs in enumerate(pages) if any(r.text == "TM. ỦY BAN NHÂN DÂN" for r in runs)]
    assert len(signature_pages) == 1
    closing = [i for i, runs in enumerate(pages) if any(r.text.endswith("biết, thực hiện./.") for r in runs)]
    assert closing == signature_pages  # the text's last line stays with the signature


def test_party_format_differences(party_pdf):
    runs = pdfcheck.page_runs(party_pdf)[0]
    text = pdfcheck.body_text(party_pdf)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text and "Độc lập - Tự do - Hạnh phúc" not in text
    dcs = _find(runs, "ĐẢNG CỘNG SẢN VIỆT NAM")
    parent, name, star = _find(runs, "ĐẢNG BỘ TỈNH NINH BÌNH"), _find(runs, "ĐẢNG ỦY XÃ TÂN THÀNH"), _find(runs, "*")
    number = _find(runs, "Số 12-TB/ĐU")
    dateline = _find(runs, "Tân Thành, ngày 05 tháng 02 năm 2026")
    assert dcs.bold and dcs.size == 15 and dcs.x > number.right
    assert parent.y > name.y > star.y > number.y and not parent.bold and name.bold and parent.size == 14
    assert parent.y == pytest.approx(dcs.y, abs=0.01)
    assert dateline.y == pytest.approx(star.y, abs=0.01) and dateline.italic and dateline.size == 14
    assert "Số:" not in text
    title = _find(runs, "THÔNG BÁO")
    assert title.size == 16 and title.bold
    body = _starts(runs, "Thực hiện Quy định số 11-QĐi/TW")
    assert body.size == 14
    last = pdfcheck.page_runs(party_pdf)[-1]
    heading = _find(last, "Nơi nhận:")
    assert not heading.bold and not heading.italic and heading.size == 14
    assert _find(last, "T/M BAN THƯỜNG VỤ").y > _find(last, "BÍ THƯ").y > _find(last, "Lê Văn Cường").y
    items = [r for r in last if r.text.startswith("- ") and r.y < heading.y]
    assert items and all(r.size == 12 for r in items)
    assert [r.text for r in items][-3:] == ["- Thường trực Đảng ủy xã;", "- Các tổ chức, cá nhân được giao nhiệm vụ;",
                                            "- Lưu Văn phòng Đảng ủy."]
    content = pdfcheck.reader(party_pdf).pages[-1].get_contents().get_data().decode("latin-1")
    assert re.search(r"n ([\d.]+) ([\d.]+) m ([\d.]+) \2 l S", content)  # "Nơi nhận:" is underlined


def test_fonts_are_embedded_subsets(state_pdf, party_pdf):
    for pdf in (state_pdf, party_pdf):
        found = pdfcheck.embedded_fonts(pdf)
        assert found and all(found.values()), found
        assert all(re.fullmatch(r"/[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?", name) for name in found)


def test_missing_signer_or_unit_is_a_clear_error():
    from receptiondesk.documents.common import Issuer

    with pytest.raises(UserError) as caught:
        render_conclusion_notice(samples.state_notice(signer=None))
    assert caught.value.code == "document.signer_missing"
    assert "người ký" in caught.value.render("vi") and "signer" in caught.value.render("en")
    with pytest.raises(UserError) as caught:
        render_conclusion_notice(samples.state_notice(issuer=Issuer((" ",), "Tân Thành", "UBND")))
    assert caught.value.code == "document.unit_missing"
    with pytest.raises(UserError) as caught:
        render_conclusion_notice(samples.state_notice(cases=()))
    assert caught.value.code == "document.value_missing"


def _qr_texts(pdf: bytes) -> list[list[str]]:
    return [pdfcheck.decode_qr(png) for png in pdfcheck.render_pngs(pdf, dpi=200)]


@pytest.mark.parametrize("which, number", [("state_pdf", "05/TB-UBND"), ("party_pdf", "12-TB/ĐU")])
def test_qr_code_decodes_to_the_payload(request, which, number):
    pdf = request.getfixturevalue(which)
    notice = samples.state_notice() if which == "state_pdf" else samples.party_notice()
    expected = layout.qr_payload("00004", number, date(2026, 2, 5), notice)
    found = _qr_texts(pdf)
    assert found == [[expected]] * len(found)
    unit, no, day, digest = expected.split("|")[1:]
    assert (unit, no, day) == ("00004", number, "2026-02-05") and digest == layout.content_hash(notice)


def test_qr_is_one_form_object_and_can_be_turned_off(state_pdf):
    reader = pdfcheck.reader(state_pdf)
    refs = {page["/Resources"]["/XObject"].get_object().raw_get("/FormXob.ReceptionDeskQr").idnum
            for page in reader.pages}
    assert len(reader.pages) >= 2 and len(refs) == 1  # one XObject, placed on every page
    plain = render_conclusion_notice(samples.state_notice(), qr=False)
    assert _qr_texts(plain) == [[]] * len(pdfcheck.page_texts(plain))
    assert b"ReceptionDeskQr" not in plain


def test_the_content_hash_follows_the_content():
    changed = dataclasses.replace(samples.state_notice(), location="Hội trường Ủy ban nhân dân xã")
    assert layout.content_hash(changed) != layout.content_hash(samples.state_notice())

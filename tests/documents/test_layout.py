"""The shared pieces: dates, numbers, signature capacities, the QR payload, fonts, a letter's "V/v" line."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from receptiondesk.documents import fonts, layout
from receptiondesk.documents.common import DocumentNumber, Issuer, Signer, SignMode, normalised
from receptiondesk.documents.formats import load_format
from receptiondesk.errors import UserError
from tests.documents import pdfcheck
from receptiondesk.demo import document_examples as samples

STATE, PARTY = load_format("state"), load_format("party")


@pytest.mark.parametrize("day, expected", [
    (date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"),
    (date(2026, 1, 1), "ngày 01 tháng 01 năm 2026"),
    (date(2026, 3, 9), "ngày 09 tháng 3 năm 2026"),
    (date(2026, 9, 15), "ngày 15 tháng 9 năm 2026"),
    (date(2026, 10, 10), "ngày 10 tháng 10 năm 2026"),
    (date(2026, 12, 31), "ngày 31 tháng 12 năm 2026"),
])
def test_dates_pad_the_day_below_10_and_the_month_below_3(day, expected):
    assert layout.long_date(STATE, day) == expected


def test_date_line_has_the_place_first():
    assert (layout.date_line(STATE, "Phường Ba Đình", date(2026, 2, 5))
            == "Phường Ba Đình, ngày 05 tháng 02 năm 2026")
    assert samples.STATE_ISSUER.place == "Tân Thành"
    assert samples.WARD_ISSUER.place == "Phường Ba Đình"
    with pytest.raises(UserError) as caught:
        layout.date_line(STATE, " ", date(2026, 2, 5))
    assert caught.value.code == "document.place_missing"


def test_number_lines():
    state, party = samples.STATE_ISSUER, samples.PARTY_ISSUER
    assert layout.number_line(STATE, state, DocumentNumber(5, "TB")) == "Số: 05/TB-UBND"
    assert layout.number_line(STATE, state, DocumentNumber(123, "tb")) == "Số: 123/TB-UBND"
    assert layout.number_line(PARTY, party, DocumentNumber(12, "TB")) == "Số 12-TB/ĐU"
    assert layout.number_line(PARTY, party, DocumentNumber(5, "TB")) == "Số 05-TB/ĐU"
    blank = layout.number_line(STATE, state, DocumentNumber(None, "TB"))
    assert blank.startswith("Số:") and blank.endswith("/TB-UBND") and not any(c.isdigit() for c in blank)
    for bad in (0, -3):
        with pytest.raises(UserError) as caught:
            layout.number_line(STATE, state, DocumentNumber(bad, "TB"))
        assert caught.value.code == "document.bad_number"
    assert layout.bare_number("Số: 05/TB-UBND") == "05/TB-UBND"
    assert layout.bare_number("Số 12-TB/ĐU") == "12-TB/ĐU"


def test_party_issuer_lines():
    party = samples.PARTY_ISSUER
    assert party.parent == "Đảng bộ tỉnh Ninh Bình" and party.name == "Đảng ủy xã Tân Thành" and party.symbol == "ĐU"
    assert samples.STATE_ISSUER.name_lines == ("Ủy ban nhân dân", "xã Tân Thành")


@pytest.mark.parametrize("fmt, signer, lines", [
    (STATE, samples.CHAIRMAN, ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")),
    (STATE, samples.VICE, ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
    (STATE, Signer("Lê Thị Hà", "Chánh Văn phòng", mode=SignMode.TL, principal="Chủ tịch"),
     ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG")),
    (STATE, Signer("Lê Thị Hà", "Trưởng phòng Văn hóa - Xã hội", mode=SignMode.TUQ, principal="Chủ tịch"),
     ("TUQ. CHỦ TỊCH", "TRƯỞNG PHÒNG VĂN HÓA - XÃ HỘI")),
    (STATE, Signer("Nguyễn Văn An", "Chủ tịch"), ("CHỦ TỊCH",)),
    (PARTY, samples.SECRETARY, ("T/M BAN THƯỜNG VỤ", "BÍ THƯ")),
    (PARTY, Signer("Đỗ Văn Hùng", "Phó Bí thư", on_behalf_of="Ban Thường vụ", mode=SignMode.KT,
                   principal="Bí thư"), ("T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ", "PHÓ BÍ THƯ")),
])
def test_signature_capacities(fmt, signer, lines):
    spec = layout.signature_for(fmt, signer)
    assert spec.lines == lines and spec.name == signer.name


@pytest.mark.parametrize("signer, code", [
    (None, "document.signer_missing"),
    (Signer("  ", "Chủ tịch"), "document.signer_missing"),
    (Signer("Nguyễn Văn An", ""), "document.signer_title_missing"),
    (Signer("Trần Thị Bình", "Phó Chủ tịch", mode=SignMode.KT), "document.signer_principal_missing"),
])
def test_a_missing_signer_is_a_clear_error(signer, code):
    with pytest.raises(UserError) as caught:
        layout.signature_for(STATE, signer)
    assert caught.value.code == code
    assert caught.value.render("vi") != code and caught.value.render("en") != code


def _nfd(value):
    """Every string of a dataclass tree in NFD, as Windows' own Vietnamese keyboard types it."""
    import dataclasses

    if isinstance(value, str) and not hasattr(value, "value"):
        return unicodedata.normalize("NFD", value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _nfd(getattr(value, f.name)) for f in dataclasses.fields(value)})
    if isinstance(value, tuple):
        return tuple(_nfd(v) for v in value)
    return value


def test_content_hash_is_stable_and_ignores_the_unicode_form():
    notice = samples.state_notice()
    h = layout.content_hash(notice)
    assert len(h) == 12 and int(h, 16) >= 0
    assert layout.content_hash(_nfd(notice)) == h
    assert layout.content_hash(normalised(_nfd(notice))) == h
    assert layout.content_hash(samples.state_notice(location="Hội trường Ủy ban nhân dân xã")) != h
    payload = layout.qr_payload("00004", "05/TB-UBND", date(2026, 2, 5), notice)
    assert payload == f"RD1|00004|05/TB-UBND|2026-02-05|{h}"
    assert "Hoàng Văn Đức" not in payload


def test_fonts_register_once_with_the_family():
    from reportlab.lib.fonts import tt2ps
    from reportlab.pdfbase import pdfmetrics

    assert fonts.register_fonts() == fonts.register_fonts() == "LiberationSerif"
    assert tt2ps("LiberationSerif", 1, 1) == fonts.BOLD_ITALIC and tt2ps("LiberationSerif", 0, 1) == fonts.ITALIC
    for name in (fonts.REGULAR, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC):
        assert pdfmetrics.getFont(name).face.name  # a TrueType face, subset and embedded when used


def test_a_letter_shows_its_subject_under_the_number():
    """Letters (công văn) have no title: "V/v …" goes in the left column under the number."""
    story = [layout.Header(STATE, samples.STATE_ISSUER, "Số: 15/UBND-VP", "Tân Thành, ngày 05 tháng 02 năm 2026",
                           letter_subject="trả lời đơn kiến nghị của ông Hoàng Văn Đức"),
             *layout.body(STATE, "Ủy ban nhân dân xã nhận được đơn của ông.")]
    pdf = layout.render_pdf(STATE, story, title="Công văn")
    runs = pdfcheck.page_runs(pdf)[0]
    number = next(r for r in runs if r.text == "Số: 15/UBND-VP")
    subject = [r for r in runs if r.text.startswith("V/v trả lời đơn")]
    assert subject and subject[0].y < number.y and subject[0].size == 12 and not subject[0].bold
    assert subject[0].right < 30 * 72 / 25.4 + STATE.header.left_column_mm * 72 / 25.4 + 1


def test_header_refuses_a_missing_unit_name():
    with pytest.raises(UserError) as caught:
        layout.Header(STATE, Issuer(("", " "), "Tân Thành", "UBND"), "Số: 01/TB-UBND", None)
    assert caught.value.code == "document.unit_missing"
    with pytest.raises(UserError) as caught:
        layout.IssuerBlock(STATE, Issuer((), "Tân Thành", "UBND"))
    assert caught.value.code == "document.unit_missing"


def test_markup_characters_print_as_typed():
    from receptiondesk.documents.common import Citizen
    from receptiondesk.documents.conclusion_notice import HeardCase, render_conclusion_notice

    case = HeardCase(Citizen("Lê <Văn> & Con", "thôn Đông"), "Nội dung <b>không đậm</b> & ký hiệu “x” > y.",
                     "Kết luận: giữ nguyên.")
    pdf = render_conclusion_notice(samples.state_notice(cases=(case,)), qr=False)
    text = pdfcheck.body_text(pdf)
    assert "Nội dung <b>không đậm</b> & ký hiệu “x” > y." in text
    assert "1. Vụ việc của ông (bà) Lê <Văn> & Con, địa chỉ: thôn Đông" in text

"""The reception forms read back from their PDFs: receipt (02/TCD), refusal (01/TCD), logbook (03/TCD), oral record."""

from __future__ import annotations

import re
from datetime import date

import pytest
from reportlab.lib.units import mm

from receptiondesk.documents import layout
from receptiondesk.documents.common import Citizen, DocumentNumber
from receptiondesk.documents.formats import load_format
from receptiondesk.documents.logbook import render_logbook
from receptiondesk.documents.oral_statement import render_oral_statement
from receptiondesk.documents.receipt import render_receipt
from receptiondesk.documents.refusal_notice import render_refusal_notice
from receptiondesk.errors import UserError
from tests.documents import pdfcheck
from receptiondesk.demo import document_examples as samples
from tests.documents.test_layout import _nfd

STATE = load_format("state")
A4_LANDSCAPE = (841.89, 595.28)
MASK = "[Danh tính được bảo vệ]"


def _find(runs, text):
    hits = [r for r in runs if r.text == text]
    assert hits, f"{text!r} not in {[r.text for r in runs]}"
    return hits[0]


def _check_portrait_page(pdf: bytes) -> None:
    limits = STATE.page.margin_limits_mm
    for page, runs in zip(pdfcheck.reader(pdf).pages, pdfcheck.page_runs(pdf)):
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(pdfcheck.A4_PORTRAIT,
                                                                                         abs=0.1)
        m = pdfcheck.margins_mm(runs, pdfcheck.A4_PORTRAIT)
        assert limits.left[0] - 0.3 <= m["left"] <= limits.left[1]
        assert limits.top[0] - 0.3 <= m["top"] <= limits.top[1]
        assert m["right"] >= limits.right[0] - 0.3 and m["bottom"] >= limits.bottom[0] - 0.3
    assert all(pdfcheck.embedded_fonts(pdf).values())


# --- Mẫu 02/TCD ------------------------------------------------------------------------------------

def test_receipt():
    pdf = render_receipt(samples.receipt())
    _check_portrait_page(pdf)
    runs = pdfcheck.page_runs(pdf)[0]
    text = pdfcheck.body_text(pdf)
    code = _find(runs, "Mẫu số 02/TCD")
    assert code.y > _find(runs, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").y
    assert code.right == pytest.approx(595.28 - 15 * mm, abs=0.3)
    title, subject = _find(runs, "GIẤY BIÊN NHẬN"), _find(runs, "Thông tin, tài liệu, bằng chứng")
    assert title.bold and subject.bold and title.y > subject.y
    assert not any(r.text.startswith("Số:") for r in runs)  # the form has no number
    for piece in ("Vào hồi 9 giờ 05 phút, ngày 05 tháng 02 năm 2026, tại Trụ sở tiếp công dân xã Tân Thành.",
                  "Tôi là: Phạm Thị Lan; chức vụ: công chức Văn phòng - Thống kê, phụ trách tiếp công dân.",
                  "Đã nhận của ông (bà): Hoàng Văn Đức.",
                  "Số CCCD/Hộ chiếu (hoặc giấy tờ tùy thân): 037085001234; ngày cấp: 10/05/2021; nơi cấp: Cục "
                  "Cảnh sát quản lý hành chính về trật tự xã hội.",
                  "Địa chỉ: thôn Đông, xã Tân Thành, tỉnh Ninh Bình.",
                  "Giấy biên nhận được lập thành 02 bản, mỗi bên giữ 01 bản./."):
        assert piece in text
    for cells in (("1", "Đơn đề nghị xác định lại", "3", "Bản chính"), ("3", "Ảnh chụp hiện trạng thửa đất", "6",
                                                                        "Bản sao", "ảnh màu")):
        row = [r for r in runs if abs(r.y - _starts(runs, cells[1]).y) < 0.5]
        assert [r.text for r in sorted(row, key=lambda r: r.x)][:len(cells)][1].startswith(cells[1])
        assert {c for c in cells if c != cells[1]} <= {r.text for r in row}
    left, right = _find(runs, "NGƯỜI TIẾP NHẬN"), _find(runs, "TÀI LIỆU, BẰNG CHỨNG")
    citizen, officer = _find(runs, "Hoàng Văn Đức"), _find(runs, "Phạm Thị Lan")
    assert citizen.y == pytest.approx(officer.y, abs=0.01) and citizen.x < officer.x  # names on one line
    assert left.bold and right.bold and citizen.bold


def _starts(runs, prefix):
    hits = [r for r in runs if r.text.startswith(prefix)]
    assert hits, prefix
    return hits[0]


def test_receipt_masks_a_protected_provider():
    protected = Citizen("Vũ Thị Hoa", "thôn Tây", id_number="037190000111", protected=True)
    pdf = render_receipt(samples.receipt(provider=protected))
    text = pdfcheck.body_text(pdf)
    assert f"Đã nhận của ông (bà): {MASK}." in text
    assert "Vũ Thị Hoa" not in text and "037190000111" not in text and "thôn Tây" not in text


def test_receipt_needs_its_items_and_receiver():
    with pytest.raises(UserError) as caught:
        render_receipt(samples.receipt(items=()))
    assert caught.value.code == "document.value_missing"
    with pytest.raises(UserError) as caught:
        render_receipt(samples.receipt(issuer=samples.STATE_ISSUER.__class__(("",), "Tân Thành", "UBND")))
    assert caught.value.code == "document.unit_missing"


# --- Mẫu 01/TCD ------------------------------------------------------------------------------------

def test_refusal_notice():
    pdf = render_refusal_notice(samples.refusal())
    _check_portrait_page(pdf)
    runs = pdfcheck.page_runs(pdf)[0]
    text = pdfcheck.body_text(pdf)
    assert _find(runs, "Mẫu số 01/TCD").bold
    number, dateline = _find(runs, "Số: 07/TB-UBND"), _find(runs, "Tân Thành, ngày 09 tháng 3 năm 2026")
    assert number.y == pytest.approx(dateline.y, abs=0.01)
    assert _find(runs, "Về việc từ chối tiếp công dân").bold
    assert _find(runs, "Kính gửi: Ông (bà) Hoàng Văn Đức.")
    for piece in ("Vào hồi 14 giờ 30 phút, ngày 06 tháng 3 năm 2026, tại Trụ sở tiếp công dân xã Tân Thành, "
                  "ông (bà) Hoàng Văn Đức, số CCCD/Hộ chiếu (hoặc giấy tờ tùy thân): 037085001234",
                  "đến trình bày nội dung: khiếu nại Quyết định số 15/QĐ-UBND ngày 10/01/2025 về việc giải quyết "
                  "tranh chấp đất đai.",
                  "Căn cứ Điều 9 Luật Tiếp công dân năm 2013, Ủy ban nhân dân xã Tân Thành thông báo từ chối tiếp "
                  "công dân đối với ông (bà) Hoàng Văn Đức vì lý do: vụ việc đã được giải quyết đúng chính sách",
                  "Ủy ban nhân dân xã Tân Thành thông báo để ông (bà) Hoàng Văn Đức được biết./."):
        assert piece in text
    assert text.index("Nơi nhận:") < text.index("- Như trên;") < text.index("- Lưu: VT, TCD.")
    for line in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Bình"):
        assert _find(runs, line).bold


def test_refusal_lists_several_grounds():
    pdf = render_refusal_notice(samples.refusal(grounds=("Vụ việc đã có bản án, quyết định của Tòa án có hiệu lực "
                                                          "pháp luật", "Ghi âm, ghi hình trái phép tại nơi tiếp "
                                                                       "công dân")))
    text = pdfcheck.body_text(pdf)
    assert ("vì các lý do sau: - Vụ việc đã có bản án, quyết định của Tòa án có hiệu lực pháp luật; "
            "- Ghi âm, ghi hình trái phép tại nơi tiếp công dân.") in text


def test_refusal_needs_a_ground_and_a_signer():
    with pytest.raises(UserError) as caught:
        render_refusal_notice(samples.refusal(grounds=(" ",)))
    assert caught.value.code == "document.value_missing"
    with pytest.raises(UserError) as caught:
        render_refusal_notice(samples.refusal(signer=None))
    assert caught.value.code == "document.signer_missing"


# --- Mẫu 03/TCD ------------------------------------------------------------------------------------

HEADER_CELLS = ("STT", "Ngày tiếp", "Hướng xử lý", "(1)", "(13)")


def test_logbook_is_landscape_with_the_header_on_every_page():
    book = samples.logbook(rows=40)
    pdf = render_logbook(book)
    pages = pdfcheck.page_runs(pdf)
    assert len(pages) >= 3
    limits = STATE.page.margin_limits_mm
    for number, (page, runs) in enumerate(zip(pdfcheck.reader(pdf).pages, pages), start=1):
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4_LANDSCAPE, abs=0.1)
        texts = {r.text for r in runs}
        rows = [r for r in runs if re.fullmatch(r"\d\d/01/2026", r.text)]
        if rows or number < len(pages):
            assert set(HEADER_CELLS) <= texts, number
            header = [r for r in runs if r.text in ("STT", "(1)")]
            assert rows and max(r.y for r in rows) < min(r.y for r in header)  # the header is above the rows
        m = pdfcheck.margins_mm(runs, A4_LANDSCAPE)
        assert limits.left[0] - 0.3 <= m["left"] <= limits.left[1] and limits.top[0] - 0.3 <= m["top"] <= limits.top[1]
        assert m["right"] >= limits.right[0] - 0.3 and m["bottom"] >= limits.bottom[0] - 0.3
        page_numbers = [r.text for r in runs if r.text.isdigit() and r.y > 595.28 - 20 * mm]
        assert page_numbers == ([] if number == 1 else [str(number)])
    runs = pages[0]
    assert _find(runs, "SỔ TIẾP CÔNG DÂN").bold and _find(runs, "Mẫu số 03/TCD")
    assert _find(runs, "Từ ngày 05/01/2026 đến ngày 31/01/2026")
    assert all(pdfcheck.embedded_fonts(pdf).values())


def test_logbook_prints_every_row_once_and_masks_protected_people():
    book = samples.logbook(rows=40)
    pdf = render_logbook(book)
    text = pdfcheck.body_text(pdf)
    ids = re.findall(r"0370850\d{5}", text)
    shown = [r for r in book.rows if not r.citizen.protected]
    assert ids == [r.citizen.id_number for r in shown]
    for r in book.rows:
        if r.citizen.protected:
            assert not re.search(re.escape(r.citizen.name) + r"\b", text)
    assert text.count(MASK) == len(book.rows) - len(shown)
    assert "Tổng số: 40 lượt tiếp, 80 người." in text
    last = pdfcheck.page_runs(pdf)[-1]
    assert _find(last, "NGƯỜI LẬP SỔ").y > _find(last, "Phạm Thị Lan").y


def test_logbook_row_longer_than_a_page_splits():
    huge = samples.logbook(rows=2)
    row = huge.rows[0].__class__(**{**huge.rows[0].__dict__, "summary": "\n".join([samples.LONG_CONTENT] * 12)})
    pdf = render_logbook(huge.__class__(**{**huge.__dict__, "rows": (row, huge.rows[1])}), qr=False)
    assert len(pdfcheck.page_texts(pdf)) >= 2
    assert pdfcheck.body_text(pdf).count("Giấy chứng nhận quyền sử dụng đất.") >= 12


def test_logbook_period_must_be_ordered():
    with pytest.raises(UserError) as caught:
        render_logbook(samples.logbook(rows=1, date_from=date(2026, 2, 1), date_to=date(2026, 1, 1)))
    assert caught.value.code == "document.bad_range"


# --- Biên bản ghi nội dung trình bày trực tiếp -----------------------------------------------------

def test_oral_statement_read_back_and_signed():
    pdf = render_oral_statement(samples.statement(number=DocumentNumber(3, "BB")))
    _check_portrait_page(pdf)
    text = pdfcheck.body_text(pdf)
    first = pdfcheck.page_runs(pdf)[0]
    assert _find(first, "BIÊN BẢN").bold and _find(first, "Ghi nội dung kiến nghị trình bày trực tiếp").bold
    assert _find(first, "Số: 03/BB-UBND")
    for piece in ("Người tiếp công dân: ông (bà) Phạm Thị Lan, công chức Văn phòng - Thống kê",
                  "Người trình bày: ông (bà) Hoàng Văn Đức; số CCCD/Hộ chiếu (hoặc giấy tờ tùy thân): 037085001234",
                  "Cùng đi: bà Nguyễn Thị Mai (vợ).",
                  "Nội dung trình bày: " + samples.LONG_CONTENT,
                  "Biên bản đã được đọc lại cho người trình bày nghe; người trình bày xác nhận nội dung ghi trong "
                  "biên bản đúng với nội dung đã trình bày và cùng ký (hoặc điểm chỉ) vào biên bản.",
                  "Biên bản kết thúc vào hồi 9 giờ 50 phút cùng ngày, được lập thành 02 bản, mỗi bên giữ 01 bản./."):
        assert pdfcheck.flat(piece) in text
    last_runs = pdfcheck.page_runs(pdf)[-1]
    hint = _find(last_runs, "(Ký hoặc điểm chỉ, ghi rõ họ tên)")
    citizen, officer = _find(last_runs, "Hoàng Văn Đức"), _find(last_runs, "Phạm Thị Lan")
    assert hint.italic and citizen.y == pytest.approx(officer.y, abs=0.01)
    content = pdfcheck.reader(pdf).pages[-1].get_contents().get_data().decode("latin-1")
    boxes = [tuple(map(float, m)) for m in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re S", content)]
    assert any(w >= 30 * mm and h >= 15 * mm for _x, _y, w, h in boxes)  # the signature / thumbprint box


def test_long_oral_statement_flows_and_nfd_prints_as_nfc():
    long_text = "\n".join(f"Ý {i}: {samples.LONG_CONTENT}" for i in range(1, 8))
    pdf = render_oral_statement(_nfd(samples.statement(statement=long_text)), qr=False)
    assert len(pdfcheck.page_texts(pdf)) >= 2
    text = pdfcheck.body_text(pdf)
    for i in range(1, 8):
        assert pdfcheck.flat(f"Ý {i}: {samples.LONG_CONTENT}") in text
    last = pdfcheck.page_runs(pdf)[-1]
    assert _find(last, "NGƯỜI TRÌNH BÀY") and any(r.text.startswith("Biên bản kết thúc") for r in last)


def test_oral_statement_masks_and_requires():
    pdf = render_oral_statement(samples.statement(citizen=Citizen("Vũ Thị Hoa", "thôn Tây", protected=True)),
                                qr=False)
    text = pdfcheck.body_text(pdf)
    assert f"Người trình bày: {MASK}." in text and "Vũ Thị Hoa" not in text
    with pytest.raises(UserError) as caught:
        render_oral_statement(samples.statement(statement="  "))
    assert caught.value.code == "document.value_missing"


@pytest.mark.parametrize("render, data, reference, day", [
    (render_receipt, samples.receipt(), "", date(2026, 2, 5)),
    (render_refusal_notice, samples.refusal(), "07/TB-UBND", date(2026, 3, 9)),
    (render_oral_statement, samples.statement(), "", date(2026, 2, 5)),
    (render_logbook, samples.logbook(rows=4), "2026-01-05/2026-01-31", date(2026, 2, 2)),
])
def test_qr_codes_of_the_forms(render, data, reference, day):
    pdf = render(data)
    expected = layout.qr_payload("00004", reference, day, data)
    found = [pdfcheck.decode_qr(png) for png in pdfcheck.render_pngs(pdf)]
    assert found == [[expected]] * len(found)

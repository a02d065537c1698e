"""The minutes of a dialogue read back from the PDF: participants, opinions, conclusion, both sides' signatures."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

import pytest

from receptiondesk.documents.common import Citizen, Issuer, Person
from receptiondesk.documents.dialogue_minutes import Opinion, render_dialogue_minutes
from receptiondesk.documents.formats import load_format
from receptiondesk.errors import UserError
from tests.documents import checks, pdfcheck
from receptiondesk.demo import document_examples as samples
from receptiondesk.demo import letter_examples as ls
from tests.documents.checks import MASK, find
from tests.documents.test_layout import _nfd

PARTY = load_format("party")


def test_minutes_read_in_order():
    minutes = ls.dialogue()
    pdf = render_dialogue_minutes(minutes)
    pages = checks.pages(pdf)
    runs = pages[0]
    title = checks.state_header(runs, "Số: 04/BB-UBND", "Tân Thành, ngày 12 tháng 3 năm 2026", "BIÊN BẢN")
    assert title.y > checks.starts(runs, "Đối thoại với công dân về việc bồi thường").y
    text = pdfcheck.body_text(pdf)
    pieces = (
        "Đối thoại với công dân về việc bồi thường, hỗ trợ khi thu hồi đất thực hiện dự án đường liên xã Tân Thành "
        "- Gia Hòa",
        "Vào hồi 8 giờ 30 phút, ngày 12 tháng 3 năm 2026, tại Hội trường Ủy ban nhân dân xã Tân Thành, Ủy ban nhân "
        "dân xã Tân Thành tổ chức đối thoại với công dân về việc bồi thường",
        "I. THÀNH PHẦN THAM DỰ",
        "1. Người chủ trì: Nguyễn Văn An, Chủ tịch Ủy ban nhân dân xã.",
        "2. Đại diện các cơ quan, đơn vị: - Bùi Văn Minh, công chức Địa chính - Nông nghiệp; - Trần Văn Tuấn, Giám "
        "đốc Ban Quản lý dự án khu vực.",
        "3. Công dân tham gia đối thoại: - Ông (bà) Hoàng Văn Đức, địa chỉ: thôn Đông, xã Tân Thành, tỉnh Ninh Bình; "
        "- Ông (bà) Đặng Văn Giang, địa chỉ: thôn Nam, xã Tân Thành; - Bà Phạm Thị Nhung, địa chỉ: thôn Nam",
        "4. Người có quyền, nghĩa vụ liên quan và thành phần khác: Ông Phạm Văn Dũng",
        "5. Người ghi biên bản: Phạm Thị Lan, công chức Văn phòng - Thống kê",
        "II. NỘI DUNG ĐỐI THOẠI",
        "1. Nội dung do người chủ trì và đại diện cơ quan, đơn vị trình bày: " + samples.LONG_CONTENT,
        "2. Ý kiến của công dân: - Ông (bà) Hoàng Văn Đức: " + ls.CITIZEN_OPINION,
        "- Ông (bà) Đặng Văn Giang: Đồng ý với phương án",
        "3. Ý kiến của đại diện các cơ quan, đơn vị: - Bùi Văn Minh, công chức Địa chính - Nông nghiệp: Đơn giá",
        "III. KẾT LUẬN, KẾT QUẢ ĐỐI THOẠI " + ls.CONCLUSION,
        "Biên bản đã được đọc lại cho những người tham gia đối thoại nghe",
        "Buổi đối thoại kết thúc vào hồi 10 giờ 45 phút cùng ngày. Biên bản được lập thành 03 bản có giá trị như "
        "nhau và được lưu vào hồ sơ vụ việc./.",
        "XÁC NHẬN CỦA CÔNG DÂN THAM GIA ĐỐI THOẠI")
    positions = [text.index(pdfcheck.flat(p)) for p in pieces]
    assert positions == sorted(positions)
    assert find(runs, "I. THÀNH PHẦN THAM DỰ").bold
    # Three signatures on one line: the citizens' representative (with a thumbprint box), the recorder, the chair.
    signatures = [page for page in pages if any(r.text == "NGƯỜI CHỦ TRÌ" for r in page)]
    assert len(signatures) == 1
    sig = signatures[0]
    names = [[r for r in sig if r.text == n and r.bold][0] for n in ("Hoàng Văn Đức", "Phạm Thị Lan", "Nguyễn Văn An")]
    assert names[0].x < names[1].x < names[2].x and len({round(r.y, 2) for r in names}) == 1
    assert find(sig, "ĐẠI DIỆN").bold and find(sig, "NGƯỜI CHỦ TRÌ").y > names[2].y
    checks.qr_matches(pdf, "00004", "04/BB-UBND", date(2026, 3, 12), minutes)


def test_a_delegation_signs_a_table_repeated_over_pages():
    people = tuple(Citizen(f"Nguyễn Thị Hằng {i:02d}", "thôn Nam, xã Tân Thành") for i in range(1, 61))
    minutes = ls.dialogue(citizens=people, opinions=(Opinion(people[0], ls.CITIZEN_OPINION),))
    pdf = render_dialogue_minutes(minutes, qr=False)
    pages = checks.pages(pdf)
    assert len(pages) >= 3 and checks.page_numbers_from_two(pdf) == len(pages)
    in_table = lambda r: re.fullmatch(r"Nguyễn Thị Hằng \d\d", r.text) and not r.bold  # noqa: E731 (not the signature)
    signed = [r.text for page in pages for r in page if in_table(r)]
    assert signed == [p.name for p in people]
    for page in pages:
        rows = [r for r in page if in_table(r)]
        if rows and any(r.text == "Ký tên (hoặc điểm chỉ)" for r in page):
            assert find(page, "Ký tên (hoặc điểm chỉ)").y > max(r.y for r in rows)


def test_nfd_input_and_a_protected_citizen():
    hoa = ls.HOA
    minutes = ls.dialogue(citizens=(hoa, ls.GIANG), opinions=(Opinion(hoa, "Tôi là Vũ Thị Hoa, đề nghị xem xét."),),
                          ended_at=None, number=None)
    pdf = render_dialogue_minutes(_nfd(minutes), qr=False)
    text = pdfcheck.body_text(pdf)
    assert f"3. Công dân tham gia đối thoại: - {MASK}; - Ông (bà) Đặng Văn Giang" in text
    assert f"- {MASK}: Tôi là {MASK}, đề nghị xem xét." in text
    assert "Vũ Thị Hoa" not in text and "037190000111" not in text
    assert "Buổi đối thoại kết thúc vào hồi …… giờ …… phút cùng ngày." in text
    assert not any(r.text.startswith("Số") for r in pdfcheck.page_runs(pdf)[0])
    assert pdfcheck.flat(ls.CONCLUSION) in text and not any(unicodedata.combining(ch) for ch in text)


def test_party_dialogue():
    minutes = ls.dialogue(sector="party", issuer=samples.PARTY_ISSUER, presiding=Person("Lê Văn Cường",
                                                                                        "Bí thư Đảng ủy xã"))
    pdf = render_dialogue_minutes(minutes)
    runs = checks.pages(pdf, fmt=PARTY)[0]
    checks.party_header(runs, "Số 04-BB/ĐU", "Tân Thành, ngày 12 tháng 3 năm 2026")
    text = pdfcheck.body_text(pdf)
    assert "Đảng ủy xã Tân Thành tổ chức đối thoại trực tiếp với dân về việc bồi thường" in text
    assert "BIÊN BẢN Đối thoại trực tiếp với dân về" in text
    checks.qr_matches(pdf, "00004", "04-BB/ĐU", date(2026, 3, 12), minutes)


@pytest.mark.parametrize("changes, code", [
    (dict(presiding=Person(" ")), "document.value_missing"),
    (dict(recorder=Person("")), "document.value_missing"),
    (dict(issuer=Issuer(("",), "Tân Thành", "UBND")), "document.unit_missing"),
    (dict(citizens=()), "document.value_missing"),
    (dict(conclusion=""), "document.value_missing"),
    (dict(presented="", opinions=()), "document.value_missing"),
    (dict(ended_at=datetime(2026, 3, 12, 8, 0)), "document.date_order"),
])
def test_minutes_errors(changes, code):
    with pytest.raises(UserError) as caught:
        render_dialogue_minutes(ls.dialogue(**changes))
    assert caught.value.code == code

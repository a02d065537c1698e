"""The leaders' reception schedule read back from its PDF: table, weekdays, period, orientation, pages."""

from __future__ import annotations

import re
from datetime import date

import pytest

from receptiondesk.documents.common import Issuer, Person
from receptiondesk.documents.formats import load_format
from receptiondesk.documents.reception_schedule import (ScheduleEntry, WEEKDAYS, period_label,
                                                        render_reception_schedule)
from receptiondesk.errors import UserError
from tests.documents import checks, pdfcheck
from receptiondesk.demo import letter_examples as ls
from tests.documents.checks import find
from tests.documents.test_layout import _nfd

PARTY = load_format("party")
HEAD = ("STT", "Ngày", "Thứ", "Chức vụ", "Địa điểm")


@pytest.mark.parametrize("start, end, label", [
    (date(2026, 4, 1), date(2026, 4, 30), "tháng 4 năm 2026"),
    (date(2026, 2, 1), date(2026, 2, 28), "tháng 2 năm 2026"),
    (date(2026, 4, 1), date(2026, 6, 30), "quý II năm 2026"),
    (date(2026, 10, 1), date(2026, 12, 31), "quý IV năm 2026"),
    (date(2026, 4, 1), date(2026, 5, 31), "từ ngày 01/04/2026 đến ngày 31/05/2026"),
    (date(2026, 4, 6), date(2026, 4, 30), "từ ngày 06/04/2026 đến ngày 30/04/2026"),
])
def test_period_labels(start, end, label):
    assert period_label(start, end) == label


def test_month_schedule_fits_a_portrait_page():
    schedule = ls.month_schedule()
    pdf = render_reception_schedule(schedule)
    pages = checks.pages(pdf)
    runs = pages[0]
    title = checks.state_header(runs, "Số: 03/TB-UBND", "Tân Thành, ngày 25 tháng 3 năm 2026", "THÔNG BÁO")
    subject = find(runs, "Lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân xã Tân Thành")
    assert title.y > subject.y > find(runs, "tháng 4 năm 2026").y
    assert not any(r.text == "Thời gian" for r in runs)  # no entry has a time: no column for it
    text = pdfcheck.body_text(pdf)
    assert ("Căn cứ Luật Tiếp công dân năm 2013, Ủy ban nhân dân xã Tân Thành thông báo lịch tiếp công dân định kỳ "
            "của lãnh đạo Ủy ban nhân dân xã Tân Thành tháng 4 năm 2026 như sau:") in text
    # Every entry once, in date order, with its weekday; a date never broken across lines.
    dates = [r.text for page in pages for r in page if re.fullmatch(r"\d\d/04/2026", r.text)]
    assert dates == [e.day.strftime("%d/%m/%Y") for e in schedule.entries]
    row = [r for r in runs if abs(r.y - find(runs, "02/04/2026").y) < 0.5]
    assert [r.text for r in sorted(row, key=lambda r: r.x)][:4] == ["1", "02/04/2026", "Thứ Năm", "Nguyễn Văn An"]
    assert text.index("Trường hợp người tiếp công dân có lịch công tác đột xuất") < text.index("niêm yết công khai")
    last = pdfcheck.page_runs(pdf)[-1]
    assert find(last, "TM. ỦY BAN NHÂN DÂN") and [r for r in last if r.text == "Nguyễn Văn An" and r.bold]
    checks.qr_matches(pdf, "00004", "03/TB-UBND", date(2026, 3, 25), schedule)


def test_quarter_schedule_with_times_turns_landscape_and_repeats_its_header():
    schedule = ls.quarter_schedule()
    pdf = render_reception_schedule(schedule)
    pages = checks.pages(pdf, landscape=True)
    assert len(pages) >= 3 and checks.page_numbers_from_two(pdf, landscape=True) == len(pages)
    for number, runs in enumerate(pages, start=1):
        rows = [r for r in runs if re.fullmatch(r"\d\d/0[4-6]/2026", r.text)]
        if rows:
            head = [find(runs, h) for h in HEAD + ("Thời gian", "Người tiếp", "công dân")]
            assert max(r.y for r in rows) < min(h.y for h in head), number  # the header row is above the rows
    times = [r.text for page in pages for r in page if r.text in (ls.MORNING, ls.AFTERNOON)]
    assert len(times) == len(schedule.entries)  # each time on one line
    weekdays = [r.text for page in pages for r in page if r.text in WEEKDAYS]
    assert weekdays == [WEEKDAYS[e.day.weekday()] for e in schedule.entries]
    checks.qr_matches(pdf, "00004", "03/TB-UBND", date(2026, 3, 25), schedule)


def test_orientation_can_be_forced():
    pdf = render_reception_schedule(ls.month_schedule(landscape=True), qr=False)
    checks.pages(pdf, landscape=True)


def test_nfd_input_prints_as_nfc():
    schedule = ls.month_schedule(notes="Công dân đến liên hệ trước tại bộ phận tiếp công dân.")
    pdf = render_reception_schedule(_nfd(schedule), qr=False)
    text = pdfcheck.body_text(pdf)
    assert "Công dân đến liên hệ trước tại bộ phận tiếp công dân." in text
    assert "Trụ sở tiếp công dân xã Tân Thành" in text and "Phó Chủ tịch Ủy ban nhân dân xã" in text
    assert [(r.text, r.x, r.y) for r in pdfcheck.page_runs(pdf)[0]] == \
           [(r.text, r.x, r.y) for r in pdfcheck.page_runs(render_reception_schedule(schedule, qr=False))[0]]


def test_party_schedule():
    schedule = ls.party_schedule()
    pdf = render_reception_schedule(schedule)
    runs = checks.pages(pdf, fmt=PARTY)[0]
    checks.party_header(runs, "Số 08-TB/ĐU", "Tân Thành, ngày 25 tháng 3 năm 2026")
    assert find(runs, "THÔNG BÁO").size == 16 and find(runs, "Đồng chí") and find(runs, "tiếp dân")
    text = pdfcheck.body_text(pdf)
    assert "Lịch tiếp dân của Thường trực Đảng ủy xã Tân Thành tháng 4 năm 2026" in text
    assert text.startswith("ĐẢNG BỘ TỈNH NINH BÌNH") or "Thực hiện Quy định số 11-QĐi/TW" in text
    assert "10/04/2026 Thứ Sáu Lê Văn Cường Bí thư Đảng ủy xã Trụ sở Đảng ủy xã" in text
    last = pdfcheck.page_runs(pdf)[-1]
    assert find(last, "T/M BAN THƯỜNG VỤ").y > find(last, "BÍ THƯ").y
    checks.qr_matches(pdf, "00004", "08-TB/ĐU", date(2026, 3, 25), schedule)


@pytest.mark.parametrize("changes, code", [
    (dict(signer=None), "document.signer_missing"),
    (dict(issuer=Issuer(("",), "Tân Thành", "UBND")), "document.unit_missing"),
    (dict(entries=()), "document.value_missing"),
    (dict(entries=(ScheduleEntry(date(2026, 5, 4), ls.AN, ls.PLACE),)), "document.date_outside_period"),
    (dict(entries=(ScheduleEntry(date(2026, 4, 6), Person(""), ls.PLACE),)), "document.value_missing"),
    (dict(entries=(ScheduleEntry(date(2026, 4, 6), ls.AN, " "),)), "document.value_missing"),
    (dict(period_start=date(2026, 5, 1)), "document.bad_range"),
])
def test_schedule_errors(changes, code):
    with pytest.raises(UserError) as caught:
        render_reception_schedule(ls.month_schedule(**changes))
    assert caught.value.code == code
    assert caught.value.render("vi") != code and caught.value.render("en") != code

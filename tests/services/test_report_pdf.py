"""The report PDF: state and Party formats, the narrative as edited, every table's figures in the text, wide tables
on landscape pages, the charts drawn, and no protected identity anywhere in it."""

from __future__ import annotations

import io
import os
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from receptiondesk.demo.loader import generate_into
from receptiondesk.documents.report import _nice_ceiling
from receptiondesk.domain.report_periods import month_period, months_of_year
from receptiondesk.domain.text import fold
from tests.services.helpers import case, citizen, visit

#: Set to a folder to keep the PDFs for a look (pdftoppm).
KEEP = os.environ.get("RECEPTIONDESK_KEEP_REPORTS")


def _pages(pdf: bytes) -> list[tuple[str, float, float]]:
    reader = PdfReader(io.BytesIO(pdf))
    return [(page.extract_text(), float(page.mediabox.width), float(page.mediabox.height)) for page in reader.pages]


def _keep(name: str, pdf: bytes) -> None:
    if KEEP:
        Path(KEEP).mkdir(parents=True, exist_ok=True)
        (Path(KEEP) / name).write_bytes(pdf)


@pytest.fixture
def busy_desk(desk, clock):
    """600 generated visits up to 09/03/2026, then a protected denouncer; today is 10/03/2026."""
    generate_into(desk.context, "commune", visits=600, until=date(2026, 3, 9))
    desk.intake.register_visit(visit(when="2026-03-10", who=citizen("Lương Thị Kín", id_number="001190012345"),
                                     cases=[case("denunciation", "corruption", "Tố cáo cán bộ địa chính")]))
    return desk


def test_the_state_report_pdf(busy_desk):
    desk = busy_desk
    document = desk.report_builder.build(months_of_year(2025, 12), "state")
    edited = "Đoạn tổng hợp do cán bộ sửa: tình hình ổn định.\nĐoạn thứ hai."
    pdf = desk.report_builder.pdf(document, narrative=edited)
    _keep("state-2025.pdf", pdf)
    pages = _pages(pdf)
    text = "\n".join(t for t, _, _ in pages)
    first, width, height = pages[0]
    assert width < height  # the text pages are portrait
    assert "ỦY BAN NHÂN DÂN" in first and "BÁO CÁO" in first and "Đoạn thứ hai." in first
    flat = " ".join(first.split())
    assert "Kết quả công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo năm 2025" in flat
    assert "(từ ngày 01/01/2025 đến ngày 31/12/2025)" in flat
    landscape = [t for t, w, h in pages if w > h]
    assert landscape and any("Biểu 01/TCD" in t for t in landscape)
    # Every table's title is printed, and its total line's figures appear.
    for table in document.tables:
        assert table.title in " ".join(text.split()), table.title
    total = document.table("reception").rows[0]
    assert f"{total[2]:,}".replace(",", ".") in text
    assert "Lương Thị Kín" not in text and "luong thi kin" not in fold(text)


def test_the_party_report_pdf_uses_the_party_format(busy_desk):
    desk = busy_desk
    document = desk.report_builder.build(month_period(2026, 2), "party")
    pdf = desk.report_builder.pdf(document)
    _keep("party-2026-02.pdf", pdf)
    pages = _pages(pdf)
    first = pages[0][0]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in first and "ĐẢNG ỦY PHƯỜNG BA ĐÌNH" in first
    assert "-BC/ĐU" in first
    assert document.narrative.split(";")[0][:40] in " ".join(first.split())


def test_axis_ceilings_divide_in_four_whole_steps():
    assert [_nice_ceiling(n) for n in (0, 1, 4, 5, 9, 27, 130, 4001)] == [4, 4, 4, 8, 12, 40, 200, 8000]


def test_report_spreadsheets_hold_no_protected_identity_and_read_back(busy_desk, tmp_path):
    desk = busy_desk
    document = desk.report_builder.build(month_period(2026, 3), "state")
    xlsx = desk.report_builder.write(document, tmp_path / "báo cáo.xlsx", "xlsx")
    csv_file = desk.report_builder.write(document, tmp_path / "báo cáo.csv", "csv")
    with zipfile.ZipFile(xlsx) as archive:
        xml = " ".join(archive.read(name).decode("utf-8") for name in archive.namelist())
    for content in (xml, csv_file.read_text(encoding="utf-8-sig")):
        assert "Lương Thị Kín" not in content and "luong thi kin" not in fold(content)
        assert "001190012345" not in content
    book = load_workbook(xlsx, read_only=True)
    assert book.sheetnames[0] == "Tổng hợp" and len(book.sheetnames) == 1 + len(document.tables)
    reception = book.worksheets[1]
    rows = list(reception.iter_rows(values_only=True))
    assert rows[0] == document.table("reception").header
    # Plain numbers, the blank routine sessions cell empty, every line as the report has it.
    assert [tuple(r) for r in rows[1:]] == [tuple(r) for r in document.table("reception").rows]
    assert isinstance(rows[1][2], int)

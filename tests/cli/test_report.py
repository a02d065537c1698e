"""`receptiondesk report`: a report for a period and kind as JSON, PDF, XLSX or CSV, the narrative as edited, the
"submitted" mark, and clear refusals of a bad period, kind, cut-off day or missing output file."""

from __future__ import annotations

import csv
import json

from openpyxl import load_workbook
from pypdf import PdfReader

from receptiondesk.domain.report_periods import parse_period
from tests.cli.helpers import service


def test_json_to_standard_output_matches_the_service(run, desk_dir):
    spec = "2026-01-01..2099-12-31"  # a range still running whatever today is, holding the desk's records
    result = run("--data-dir", desk_dir, "report", "--period", spec, "--kind", "reception")
    assert result.code == 0, result.err
    printed = json.loads(result.out)
    assert printed["period"] == {"kind": "custom", "label": "Từ ngày 01/01/2026 đến ngày 31/12/2099",
                                 "start": "2026-01-01", "end": "2099-12-31", "cutoff_day": None}
    expected = service(desk_dir, lambda desk: desk.report_builder.build(parse_period(spec), "reception"))
    assert printed["tables"][0]["rows"] == [list(r) for r in expected.table("reception").rows]
    assert printed["tables"][0]["rows"][0][2] > 0  # the filled desk has visits in the range
    assert "Kỳ báo cáo chưa kết thúc" in result.err  # the range runs past today


def test_files_in_every_format_with_the_edited_narrative(run, desk_dir, tmp_path, write_file):
    narrative = write_file("narrative.txt", "Phần tổng hợp đã được cán bộ tiếp dân chỉnh sửa.\n")
    for file_format in ("pdf", "xlsx", "csv", "json"):
        out = tmp_path / f"report.{file_format}"
        result = run("--data-dir", desk_dir, "report", "--period", "2026-03", "--format", file_format, "--out", out,
                     "--narrative", narrative)
        assert result.code == 0, result.err
        assert out.exists() and str(out) in result.out
    pdf_text = " ".join(PdfReader(tmp_path / "report.pdf").pages[0].extract_text().split())
    assert "Phần tổng hợp đã được cán bộ tiếp dân chỉnh sửa." in pdf_text
    book = load_workbook(tmp_path / "report.xlsx", read_only=True)
    assert book.sheetnames[0] == "Tổng hợp"
    summary = [row[0] for row in book["Tổng hợp"].iter_rows(values_only=True)]
    assert "Phần tổng hợp đã được cán bộ tiếp dân chỉnh sửa." in summary
    with open(tmp_path / "report.csv", encoding="utf-8-sig", newline="") as handle:
        cells = [c for row in csv.reader(handle) for c in row]
    assert "Phần tổng hợp đã được cán bộ tiếp dân chỉnh sửa." in cells
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert data["narrative"] == "Phần tổng hợp đã được cán bộ tiếp dân chỉnh sửa."
    assert data["kind"] == "state" and [t["key"] for t in data["tables"]][:2] == ["reception", "classification"]


def test_submit_marks_the_report(run, desk_dir, tmp_path):
    result = run("--data-dir", desk_dir, "report", "--period", "2026-02", "--kind", "party", "--format", "pdf",
                 "--out", tmp_path / "party.pdf", "--submit")
    assert result.code == 0, result.err
    assert "Đã đánh dấu đã nộp" in result.err
    mark = service(desk_dir, lambda desk: desk.report_builder.submitted("party", parse_period("2026-02")))
    assert mark is not None and mark["uuid"] in result.err


def test_bad_arguments_are_refused_clearly(run, desk_dir, tmp_path):
    bad_period = run("--data-dir", desk_dir, "report", "--period", "tháng 3")
    assert bad_period.code != 0 and "không hiểu kỳ báo cáo “tháng 3”" in bad_period.err
    inverted = run("--data-dir", desk_dir, "report", "--period", "2026-03-31..2026-03-01")
    assert inverted.code != 0 and "ngày bắt đầu 31/03/2026 sau ngày kết thúc 01/03/2026" in inverted.err
    cutoff = run("--data-dir", desk_dir, "report", "--period", "2026-03", "--cutoff-day", "31")
    assert cutoff.code != 0 and "ngày chốt số liệu phải từ 1 đến 28" in cutoff.err
    no_file = run("--data-dir", desk_dir, "report", "--period", "2026-03", "--format", "xlsx")
    assert no_file.code != 0 and "--out" in no_file.err
    missing = run("--data-dir", desk_dir, "report", "--period", "2026-03", "--format", "pdf", "--out",
                  tmp_path / "no-such-folder" / "r.pdf")
    assert missing.code != 0 and "Traceback" not in missing.err and "no-such-folder" in missing.err
    unknown = run("--data-dir", desk_dir, "report", "--period", "2026-03", "--kind", "weekly")
    assert unknown.code == 2

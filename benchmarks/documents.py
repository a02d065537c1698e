"""Document figures: one conclusion notice beside a bare ReportLab canvas drawing the same text in the same fonts,
and a batch of 1000 notices with the process's resident memory before and after."""

from __future__ import annotations

import dataclasses
import io
import statistics
import time

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from benchmarks.measure import Figure, interleaved
from receptiondesk.demo import document_examples
from receptiondesk.documents.conclusion_notice import render_conclusion_notice
from receptiondesk.documents.fonts import register_fonts

NOTICE_CALLS = 50
WARMUPS = 3
BATCH = 1000
#: The batch's memory is "flat" when the process grows by less than this over the 1000 notices.
MAX_GROWTH_MIB = 30


def _notice_texts(notice) -> list[str]:
    """Every piece of text the notice prints, in order (what the bare canvas draws)."""
    texts = [*notice.issuer.name_lines, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             "THÔNG BÁO", notice.location, notice.presiding.name, notice.presiding.position]
    for heard in notice.cases:
        texts += [heard.citizen.name, heard.citizen.address, heard.content, heard.conclusion]
        texts += [f"{a.assignee}: {a.task}" for a in heard.assignments]
    texts += list(notice.recipients) + [notice.signer.name if notice.signer else ""]
    return [t for t in texts if t]


def bare_page(texts: list[str]) -> bytes:
    """The raw baseline: ReportLab's plainest document (SimpleDocTemplate) setting the same text as justified
    paragraphs in the same embedded font: what typesetting the text costs before any official layout."""
    out = io.BytesIO()
    style = ParagraphStyle("bare", fontName="LiberationSerif", fontSize=13, leading=16, alignment=TA_JUSTIFY)
    SimpleDocTemplate(out, pagesize=A4).build([Paragraph(text, style) for text in texts])
    return out.getvalue()


def bare_canvas(texts: list[str]) -> bytes:
    """A lower bound, reported: the same text drawn line by line on a canvas, no paragraphs."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    width, height = A4
    y = height - 25 * mm
    for text in texts:
        for line in simpleSplit(text, "LiberationSerif", 13, width - 50 * mm):
            if y < 25 * mm:
                page.showPage()
                y = height - 25 * mm
            page.setFont("LiberationSerif", 13)
            page.drawString(30 * mm, y, line)
            y -= 16
    page.showPage()
    page.save()
    return out.getvalue()


def _rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run() -> list[Figure]:
    register_fonts()
    notice = document_examples.state_notice()
    texts = _notice_texts(notice)
    notices, bare, lines = interleaved(lambda: render_conclusion_notice(notice), lambda: bare_page(texts),
                                       lambda: bare_canvas(texts), calls=NOTICE_CALLS, warmups=WARMUPS)
    single = Figure("one conclusion notice (2 pages, QR, embedded fonts)", notices,
                    "bare ReportLab page (SimpleDocTemplate, same text and font)", bare, max_median_ms=25.0,
                    max_ratio=2.0, notes=[f"the same text drawn line by line on a bare canvas: "
                                          f"{statistics.median(lines) / 1e6:.1f} ms"])
    before = _rss_mib()
    start = time.perf_counter_ns()
    for number in range(1, BATCH + 1):
        render_conclusion_notice(dataclasses.replace(notice, number=dataclasses.replace(notice.number, number=number)))
    batch_ns = time.perf_counter_ns() - start
    after = _rss_mib()
    start = time.perf_counter_ns()
    for _ in range(BATCH):
        bare_page(texts)
    bare_ns = time.perf_counter_ns() - start
    growth = after - before
    batch = Figure(f"{BATCH} notices in one batch", [batch_ns], f"{BATCH} bare ReportLab pages", [bare_ns],
                   max_median_ms=30_000.0 if growth <= MAX_GROWTH_MIB else 0.0,
                   notes=[f"resident memory {before:.0f} MiB before, {after:.0f} MiB after the batch "
                          f"(+{growth:.1f} MiB; flat means < {MAX_GROWTH_MIB} MiB)"])
    return [single, batch]


def main() -> int:
    for figure in run():
        print(f"{figure.name}: {figure.median_ms:.1f} ms (baseline {figure.baseline_name}: "
              f"{figure.baseline_median_ms:.1f} ms, {figure.ratio:.2f}×) target {figure.target}: "
              f"{'PASS' if figure.passed else 'FAIL'}")
        for note in figure.notes:
            print("   ", note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

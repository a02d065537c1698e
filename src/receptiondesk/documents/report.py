"""The periodic report as a PDF: the state or Party header, "BÁO CÁO" and its subject, the narrative as edited,
the charts (reportlab.graphics), the signature and recipients, then the tables (wide ones on landscape pages).
`render_report(ReportPrint(...)) -> bytes`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph

from receptiondesk.documents import fonts, layout
from receptiondesk.documents.common import DocumentNumber, Issuer, Signer, cap_first, normalised, short_date
from receptiondesk.documents.formats import DocumentFormat
from receptiondesk.domain.report_periods import PeriodKind
from receptiondesk.domain.report_tables import ChartSeries, ReportDocument, ReportTable, lower_first, report_title

#: The two bar colours: the period, and the previous comparable period (print well in grey too).
_BAR_COLOURS = (colors.HexColor("#1f4e79"), colors.HexColor("#a6a6a6"))
_CHART_HEIGHT_MM = 62


@dataclass(frozen=True)
class ReportPrint:
    """What the printed report needs besides its figures: who issues and signs it, and to whom it goes.
    `narrative` is the text as the officer edited it (None: the generated draft)."""

    document: ReportDocument
    issuer: Issuer
    signer: Signer | None = None
    recipients: tuple[str, ...] = ()
    archive: str = "VT"
    narrative: str | None = None


def render_report(report: ReportPrint, *, fmt: DocumentFormat | None = None) -> bytes:
    """The report as PDF bytes: text pages in portrait, wide tables on landscape pages."""
    r = normalised(report)
    doc = r.document
    fmt = layout.format_for(doc.kind.sector, fmt)
    st = layout.styles(fmt)
    number = layout.number_line(fmt, r.issuer, DocumentNumber(None, "BC"))
    period = doc.period
    # The kind on the first line, the period on the second, with the days a month, quarter… covered (cut-off).
    subject = cap_first(report_title(doc.kind, period).removeprefix("Báo cáo ").removesuffix(lower_first(
        period.label)).strip()) + "\n" + lower_first(period.label)
    if period.kind is not PeriodKind.CUSTOM:
        subject += f" (từ ngày {short_date(period.start)} đến ngày {short_date(period.end)})"
    story: list[Flowable] = [
        layout.Header(fmt, r.issuer, number, layout.date_line(fmt, r.issuer.place, doc.made_on)),
        layout.title_block(fmt, "Báo cáo", subject),
    ]
    narrative = doc.narrative if r.narrative is None else r.narrative
    if narrative.strip():
        story += layout.body(fmt, narrative)
    if doc.charts:
        story.append(layout.VSpace(4))
        story.append(_charts(fmt, doc.charts))
    signature = layout.signature_for(fmt, r.signer) if r.signer is not None else layout.SignatureSpec(
        ("NGƯỜI LẬP BÁO CÁO",), "")
    story.append(layout.Closing(fmt, signature, list(r.recipients), r.archive))
    # The figures follow as an annex, in the report's order: tables of lines on portrait pages, wide tables on
    # landscape pages (the page turns only where the orientation changes).
    if doc.tables:
        landscape_now = doc.tables[0].wide
        story += layout.turn_pages(True) if landscape_now else [PageBreak()]
        story += [Paragraph(layout.markup("PHỤ LỤC SỐ LIỆU"), st.kind),
                  Paragraph(layout.markup(f"(Kèm theo Báo cáo {lower_first(doc.title.removeprefix('Báo cáo '))})"),
                            st.subject)]
        for number, table in enumerate(doc.tables, start=1):
            if table.wide != landscape_now:
                story += layout.turn_pages(table.wide)
                landscape_now = table.wide
            story += _table_block(fmt, table, number, landscape_page=table.wide)
    return layout.render_pdf(fmt, story, title=f"Báo cáo – {doc.title}", author=r.issuer.name,
                             subject=period.label, mixed_pages=any(t.wide for t in doc.tables))


def _table_block(fmt: DocumentFormat, table: ReportTable, number: int, *, landscape_page: bool) -> list[Flowable]:
    st = layout.styles(fmt)
    heading = Paragraph(f"<b>{layout.markup(f'Biểu số {number}. {table.title}')}</b>", st.body_flush)
    heading.keepWithNext = True
    width = layout.text_width_mm(fmt, landscape_page=landscape_page) * mm
    weights = _weights(table)
    widths = [width * w / sum(weights) for w in weights]
    header = [layout.cell(fmt, title, header=True) for title in table.header]
    rows: list[list[object]] = [header]
    for index, row in enumerate(table.rows):
        bold = index in table.total_rows
        rows.append([_cell(fmt, value, bold=bold) for value in row])
    grid = layout.grid_table(fmt, rows, widths)
    parts: list[Flowable] = [layout.VSpace(6), heading, grid]
    if table.note:
        parts.append(Paragraph(layout.markup(f"Ghi chú: {table.note}"), st.cell))
    return parts


def _weights(table: ReportTable) -> list[float]:
    """Column weights: a label column wide enough for its words, numbers narrow; a long text column (the gaps of
    the compliance table) wide."""
    columns = len(table.header)
    if table.header[:2] == ("STT", "Chỉ tiêu"):
        return [7, 58] + [17.5] * (columns - 2)
    if table.header[:2] == ("STT", "Đơn vị"):  # a row per unit
        return [7, 40] + [15.0] * (columns - 2)
    weights = [3.0] + [1.0] * (columns - 1)
    if table.key == "reconciliation":
        weights = [3.0, 1.4, 1.8, 1.3, 2.2][:columns]
    if table.key.startswith("compliance"):
        weights = [1.4, 1.2, 1.2, 1.0, 1.0, 1.3, 1.3, 4.0][:columns]
    return weights


def _cell(fmt: DocumentFormat, value: object, *, bold: bool) -> Paragraph:
    """Words at the left, numbers centred (with the Vietnamese thousands dot); a total line in bold."""
    text = "" if value is None else (f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value))
    cell = layout.cell(fmt, text, align="left" if isinstance(value, str) else "center")
    return Paragraph(f"<b>{cell.text}</b>", cell.style) if bold else cell


def _charts(fmt: DocumentFormat, charts: Sequence[ChartSeries]) -> Flowable:
    """The charts side by side, two per row, each a bar chart of the period against the previous one."""
    width = layout.text_width_mm(fmt) * mm
    per_row = 2 if len(charts) > 1 else 1
    chart_width = width / per_row
    rows = []
    for start in range(0, len(charts), per_row):
        drawing = Drawing(width, _CHART_HEIGHT_MM * mm)
        for i, series in enumerate(charts[start:start + per_row]):
            _draw_chart(drawing, series, i * chart_width, chart_width)
        rows.append(drawing)
    return KeepTogether(rows)


def _draw_chart(drawing: Drawing, series: ChartSeries, x: float, width: float) -> None:
    height = _CHART_HEIGHT_MM * mm
    drawing.add(String(x + width / 2, height - 10, series.title, fontName=fonts.BOLD, fontSize=10,
                       textAnchor="middle"))
    chart = VerticalBarChart()
    chart.x, chart.y = x + 28, 30
    chart.width, chart.height = width - 44, height - 66
    chart.data = [list(series.current), list(series.previous)]
    chart.categoryAxis.categoryNames = list(series.categories)
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    top = max([*series.current, *series.previous, 1])
    chart.valueAxis.valueMax = _nice_ceiling(top)
    chart.valueAxis.valueStep = chart.valueAxis.valueMax / 4
    chart.valueAxis.labelTextFormat = lambda v: f"{int(v):,}".replace(",", ".")
    chart.barLabels.fontName = fonts.REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabelFormat = lambda v: f"{int(v):,}".replace(",", ".")
    chart.barLabels.nudge = 6
    for index, colour in enumerate(_BAR_COLOURS):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = colour
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = x + 28, 8
    legend.fontName, legend.fontSize = fonts.REGULAR, 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 70
    legend.dx = legend.dy = 7
    legend.colorNamePairs = [(_BAR_COLOURS[0], series.current_label), (_BAR_COLOURS[1], series.previous_label)]
    drawing.add(legend)


def _nice_ceiling(value: int) -> int:
    """The smallest of 4, 8, 12, 20, 40, 80… × 10^n not under `value`, so the four axis steps are whole numbers."""
    scale = 1
    while True:
        for step in (1, 2, 3, 5):
            if value <= 4 * step * scale:
                return 4 * step * scale
        scale *= 10

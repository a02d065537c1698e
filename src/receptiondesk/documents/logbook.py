"""Mẫu 03/TCD — Sổ tiếp công dân for a date range: landscape A4, the header rows repeated on every page.
`render_logbook(Logbook(...)) -> bytes` (PDF)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from receptiondesk.documents import layout
from receptiondesk.documents.common import Citizen, Issuer, Person, normalised, protect, require_value, short_date
from receptiondesk.documents.formats import DocumentFormat, load_format, load_forms
from receptiondesk.errors import UserError

#: Column titles of form 03/TCD (DOMAIN §3), in order; "Hướng xử lý" groups columns 9–11.
COLUMNS = (
    "STT", "Ngày tiếp", "Họ tên, địa chỉ của người được tiếp", "Số CCCD/ Hộ chiếu (giấy tờ tùy thân)",
    "Nội dung vụ việc", "Phân loại (nội dung)", "Số\nngười", "Cơ quan, đơn vị đã giải quyết",
    "Thuộc thẩm quyền", "Hướng dẫn (cơ quan, số văn bản)", "Chuyển đơn (cơ quan, số văn bản)",
    "Theo dõi kết quả giải quyết", "Ghi chú",
)
_HANDLING = (8, 10)  # 0-based columns under "Hướng xử lý"


@dataclass(frozen=True)
class LogbookRow:
    """One visit (one logbook row), already in words: the services map codes to labels."""

    number: int | str
    visit_date: date
    citizen: Citizen
    summary: str
    content_type: str = ""
    headcount: int = 1
    handled_by: str = ""
    in_competence: bool = False
    guided_to: str = ""
    transferred_to: str = ""
    follow_up: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Logbook:
    """The logbook extract: the unit, the period, its rows, and who prints it (optional)."""

    issuer: Issuer
    date_from: date
    date_to: date
    rows: tuple[LogbookRow, ...]
    printed_on: date | None = None
    officer: Person | None = None


def render_logbook(book: Logbook, *, fmt: DocumentFormat | None = None, qr: bool = True) -> bytes:
    """The logbook pages as PDF bytes (landscape A4); `qr=False` leaves out the QR code."""
    b = protect(normalised(book), load_forms().protected_identity)  # no protected identity in any text
    fmt = fmt or load_format("state")
    forms = load_forms()
    require_value(b.date_from, "ngày bắt đầu")
    require_value(b.date_to, "ngày kết thúc")
    if b.date_from > b.date_to:
        raise UserError("document.bad_range", start=short_date(b.date_from), end=short_date(b.date_to))
    st = layout.styles(fmt)
    story: list[Flowable] = [
        layout.IssuerBlock(fmt, b.issuer, forms.logbook.code if forms.show_form_codes else ""),
        layout.title_block(fmt, "Sổ tiếp công dân",
                           f"Từ ngày {short_date(b.date_from)} đến ngày {short_date(b.date_to)}"),
    ]
    story.append(_table(fmt, b.rows, forms.protected_identity))
    visits, persons = len(b.rows), sum(max(1, r.headcount) for r in b.rows)
    ending: list[Flowable] = [
        layout.VSpace(6), Paragraph(layout.markup(f"Tổng số: {visits} lượt tiếp, {persons} người."), st.body_flush)]
    if b.officer is not None and b.officer.name.strip():
        printed = b.printed_on or b.date_to
        ending.append(layout.SignatureRow(fmt, [
            layout.SignatureSpec(("",), ""),
            layout.SignatureSpec(("NGƯỜI LẬP SỔ",), b.officer.name.strip(),
                                 above=layout.date_line(fmt, b.issuer.place, printed)),
        ]))
    story.append(KeepTogether(ending))
    payload = (layout.qr_payload(b.issuer.unit_code, f"{b.date_from.isoformat()}/{b.date_to.isoformat()}",
                                 b.printed_on or b.date_to, b) if qr else None)
    return layout.render_pdf(fmt, story, title="Sổ tiếp công dân", author=b.issuer.name, landscape_page=True,
                             subject=f"Từ ngày {short_date(b.date_from)} đến ngày {short_date(b.date_to)}",
                             qr_payload=payload)


def _table(fmt: DocumentFormat, rows: tuple[LogbookRow, ...], mask: str) -> Flowable:
    m = fmt.page.landscape_margins_mm
    width = (297 - m.left - m.right) * mm
    weights = fmt.logbook.column_weights
    widths = [width * w / sum(weights) for w in weights]
    h = lambda text: layout.cell(fmt, text, header=True)  # noqa: E731
    first = [h(title) for title in COLUMNS]
    second = [""] * len(COLUMNS)
    for col in range(_HANDLING[0], _HANDLING[1] + 1):
        first[col] = h("Hướng xử lý") if col == _HANDLING[0] else ""
        second[col] = h(COLUMNS[col])
    numbers = [layout.cell(fmt, f"({i})", align="center") for i in range(1, len(COLUMNS) + 1)]
    data: list[list[object]] = [first, second, numbers]
    spans = [((c, 0), (c, 1)) for c in range(len(COLUMNS)) if not _HANDLING[0] <= c <= _HANDLING[1]]
    spans.append(((_HANDLING[0], 0), (_HANDLING[1], 0)))
    for r in rows:
        data.append(_row(fmt, r, mask))
    return layout.grid_table(fmt, data, widths, header_rows=3, spans=spans)


def _row(fmt: DocumentFormat, r: LogbookRow, mask: str) -> list[object]:
    c = r.citizen
    c_ = lambda text, align="left": layout.cell(fmt, text, align=align)  # noqa: E731
    who = mask if c.protected else "\n".join(x for x in (c.name.strip(), c.address.strip()) if x)
    return [
        c_(str(r.number), "center"), c_(short_date(r.visit_date), "center"), c_(who),
        c_("" if c.protected else c.id_number), c_(r.summary), c_(r.content_type),
        c_(str(r.headcount), "center"), c_(r.handled_by), c_("x" if r.in_competence else "", "center"),
        c_(r.guided_to), c_(r.transferred_to), c_(r.follow_up), c_(r.notes),
    ]

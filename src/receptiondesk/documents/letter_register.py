"""Sổ theo dõi đơn thư: the register of letters received in a date range — landscape A4, the header rows
repeated on every page; a protected sender is masked (name, address), an anonymous letter says so.
`render_letter_register(LetterRegister(...)) -> bytes` (PDF)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from receptiondesk.documents import fonts, layout
from receptiondesk.documents.common import (CONTENT_TYPES, Citizen, Issuer, Person, normalised, protect,
                                            require_value, short_date)
from receptiondesk.documents.formats import DocumentFormat, load_forms
from receptiondesk.errors import UserError

#: Column titles, in order (the widths are letter_register.column_weights in the format file).
COLUMNS = ("STT", "Ngày nhận", "Người gửi đơn", "Địa chỉ", "Tóm tắt nội dung đơn", "Loại đơn", "Lĩnh vực",
           "Hướng xử lý", "Kết quả giải quyết")


@dataclass(frozen=True)
class RegisterRow:
    """One letter. `sender=None` is a letter without a name; `content_type` a ContentType value ("complaint",
    …: printed as its label) or a label as printed; `field`, `direction` ("Chuyển Công an xã, Phiếu số
    12/PC-UBND") and `result` in words; `forwarded_by` the body that sent the letter here."""

    number: int | str
    received_on: date
    sender: Citizen | None
    summary: str
    content_type: str = ""
    field: str = ""
    direction: str = ""
    result: str = ""
    forwarded_by: str = ""


@dataclass(frozen=True)
class LetterRegister:
    """The register's pages for `date_from`–`date_to`; `officer` signs it when given."""

    issuer: Issuer
    date_from: date
    date_to: date
    rows: tuple[RegisterRow, ...]
    printed_on: date | None = None
    officer: Person | None = None
    sector: str = "state"


def render_letter_register(register: LetterRegister, *, fmt: DocumentFormat | None = None, qr: bool = True) -> bytes:
    """The register as PDF bytes (landscape A4); `qr=False` leaves out the QR code."""
    forms = load_forms()
    texts, mask = forms.letter_register, forms.protected_identity
    r = protect(normalised(register), mask)
    fmt = layout.format_for(r.sector, fmt)
    require_value(r.date_from, "ngày bắt đầu")
    require_value(r.date_to, "ngày kết thúc")
    if r.date_from > r.date_to:
        raise UserError("document.bad_range", start=short_date(r.date_from), end=short_date(r.date_to))
    period = f"Từ ngày {short_date(r.date_from)} đến ngày {short_date(r.date_to)}"
    story: list[Flowable] = [
        layout.IssuerBlock(fmt, r.issuer, texts.code if forms.show_form_codes else ""),
        layout.title_block(fmt, texts.title, period),
        _table(fmt, r.rows, mask, forms.anonymous_sender, forms.content_types),
    ]
    counts = Counter(_type_label(row.content_type, forms.content_types) for row in r.rows)
    split = "; ".join(f"{label}: {n}" for label, n in counts.items() if label)
    total = f"Tổng số: {len(r.rows)} đơn" + (f" ({split})" if split else "") + "."
    ending: list[Flowable] = [layout.VSpace(6), Paragraph(layout.markup(total), layout.styles(fmt).body_flush)]
    if r.officer is not None and r.officer.name.strip():
        ending.append(layout.SignatureRow(fmt, [
            layout.SignatureSpec(("",), ""),
            layout.SignatureSpec(("NGƯỜI LẬP SỔ",), r.officer.name.strip(),
                                 above=layout.date_line(fmt, r.issuer.place, r.printed_on or r.date_to)),
        ]))
    story.append(KeepTogether(ending))
    payload = (layout.qr_payload(r.issuer.unit_code, f"{r.date_from.isoformat()}/{r.date_to.isoformat()}",
                                 r.printed_on or r.date_to, r) if qr else None)
    return layout.render_pdf(fmt, story, title=texts.title, author=r.issuer.name, subject=period,
                             landscape_page=True, qr_payload=payload)


def _type_label(value: str, labels) -> str:
    code = str(value).strip()
    label = labels.get(code) if code in CONTENT_TYPES else code
    return label[:1].upper() + label[1:] if label else ""


def _table(fmt: DocumentFormat, rows: tuple[RegisterRow, ...], mask: str, anonymous: str, labels) -> Flowable:
    width = layout.text_width_mm(fmt, landscape_page=True) * mm
    weights = fmt.letter_register.column_weights
    pad = 2 * fmt.table.padding_pt + 2
    # No date or header word broken across lines: those columns keep at least that width.
    minimums = [max(fonts.text_width(w, size=fmt.table.header_size, bold=True) for w in title.split()) + pad
                for title in COLUMNS]
    minimums[1] = max(minimums[1], fonts.text_width("00/00/0000", size=fmt.table.size) + pad)
    widths = layout.fit_widths(width, weights, minimums) or [width * w / sum(weights) for w in weights]
    head = [layout.cell(fmt, title, header=True) for title in COLUMNS]
    numbers = [layout.cell(fmt, f"({i})", align="center") for i in range(1, len(COLUMNS) + 1)]
    data: list[list[object]] = [head, numbers]
    for row in rows:
        data.append(_row(fmt, row, mask, anonymous, labels))
    return layout.grid_table(fmt, data, widths, header_rows=2)


def _row(fmt: DocumentFormat, row: RegisterRow, mask: str, anonymous: str, labels) -> list[object]:
    c = row.sender
    if c is None or not c.name.strip():
        who, address = anonymous, ""
    elif c.protected:
        who, address = mask, ""
    else:
        who, address = c.name.strip(), c.address.strip()
    if row.forwarded_by.strip():
        who += f"\n(do {row.forwarded_by.strip()} chuyển đến)"
    cell = lambda text, align="left": layout.cell(fmt, text, align=align)  # noqa: E731
    return [cell(str(row.number), "center"), cell(short_date(row.received_on), "center"), cell(who), cell(address),
            cell(row.summary), cell(_type_label(row.content_type, labels)), cell(row.field), cell(row.direction),
            cell(row.result)]

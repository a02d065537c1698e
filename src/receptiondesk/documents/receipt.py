"""Mẫu 02/TCD — Giấy biên nhận thông tin, tài liệu, bằng chứng: what was handed in, pages, original or copy.
`render_receipt(Receipt(...)) -> bytes` (PDF, state format)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from receptiondesk.documents import layout
from receptiondesk.documents.common import (Citizen, DocumentNumber, Issuer, Person, clock_time, normalised, protect,
                                            require_value, short_date)
from receptiondesk.documents.formats import DocumentFormat, load_format, load_forms
from receptiondesk.errors import UserError


@dataclass(frozen=True)
class ReceivedItem:
    """One paper or object handed in: what it is, how many pages (None: not paged), original or copy."""

    description: str
    pages: int | None = None
    original: bool = False
    note: str = ""


@dataclass(frozen=True)
class Receipt:
    """The receipt's content. `number=None` prints no number line (the form has none by default)."""

    issuer: Issuer
    received_at: datetime
    location: str
    receiver: Person
    provider: Citizen
    items: tuple[ReceivedItem, ...]
    number: DocumentNumber | None = None
    copies: int = 2  # made in `copies` copies, each party keeps one


def render_receipt(receipt: Receipt, *, fmt: DocumentFormat | None = None, qr: bool = True) -> bytes:
    """The receipt as PDF bytes; `qr=False` leaves out the QR code."""
    r = protect(normalised(receipt), load_forms().protected_identity)  # no protected identity in any text
    fmt = fmt or load_format("state")
    forms = load_forms()
    require_value(r.receiver.name if r.receiver else "", "họ tên người tiếp nhận")
    require_value(r.location, "nơi tiếp nhận")
    if not r.items:
        raise UserError("document.value_missing", what="danh sách thông tin, tài liệu, bằng chứng đã nhận")
    mask = forms.protected_identity
    citizen = r.provider
    number = layout.number_line(fmt, r.issuer, r.number) if r.number is not None else None
    day = r.received_at.date()
    story: list[Flowable] = [
        layout.Header(fmt, r.issuer, number, layout.date_line(fmt, r.issuer.place, day),
                      form_code=forms.receipt.code if forms.show_form_codes else ""),
        layout.title_block(fmt, "Giấy biên nhận", "Thông tin, tài liệu, bằng chứng"),
    ]
    story += layout.body(fmt, f"Vào hồi {clock_time(r.received_at)}, {layout.long_date(fmt, day)}, "
                              f"tại {r.location.strip()}.")
    me = f"Tôi là: {r.receiver.name.strip()}" + (f"; chức vụ: {r.receiver.position.strip()}" if r.receiver.position.strip()
                                                else "") + "."
    story += layout.body(fmt, me)
    story += layout.body(fmt, f"Đã nhận của ông (bà): {mask if citizen.protected else citizen.name.strip()}.")
    if not citizen.protected:
        if citizen.id_number.strip():
            paper = f"Số CCCD/Hộ chiếu (hoặc giấy tờ tùy thân): {citizen.id_number.strip()}"
            if citizen.id_issued_on:
                paper += f"; ngày cấp: {short_date(citizen.id_issued_on)}"
            if citizen.id_issued_by.strip():
                paper += f"; nơi cấp: {citizen.id_issued_by.strip()}"
            story += layout.body(fmt, paper + ".")
        if citizen.address.strip():
            story += layout.body(fmt, f"Địa chỉ: {citizen.address.strip()}.")
    story += layout.body(fmt, "Các thông tin, tài liệu, bằng chứng sau:")
    story.append(_items_table(fmt, r.items))
    story.append(layout.VSpace(fmt.body.space_after_pt * 2))
    copies = max(2, r.copies)
    share = (f"mỗi bên giữ {copies // 2:02d} bản" if copies % 2 == 0
             else f"người cung cấp giữ 01 bản, cơ quan tiếp nhận giữ {copies - 1:02d} bản")
    story += layout.keep_with_next(layout.body(fmt, f"Giấy biên nhận được lập thành {copies:02d} bản, {share}./."))
    story.append(layout.SignatureRow(fmt, [
        layout.SignatureSpec(("Người cung cấp thông tin, tài liệu, bằng chứng".upper(),),
                             mask if citizen.protected else citizen.name.strip(), hint="(Ký, ghi rõ họ tên)"),
        layout.SignatureSpec(("NGƯỜI TIẾP NHẬN",), r.receiver.name.strip(), hint="(Ký, ghi rõ họ tên)"),
    ]))
    payload = layout.qr_payload(r.issuer.unit_code, layout.bare_number(number), day, r) if qr else None
    return layout.render_pdf(fmt, story, title="Giấy biên nhận thông tin, tài liệu, bằng chứng",
                             author=r.issuer.name, qr_payload=payload)


def _items_table(fmt: DocumentFormat, items: tuple[ReceivedItem, ...]) -> Flowable:
    width = 210 - fmt.page.margins_mm.left - fmt.page.margins_mm.right
    widths = [12 * mm, (width - 12 - 20 - 28 - 30) * mm, 20 * mm, 28 * mm, 30 * mm]
    head = [layout.cell(fmt, t, header=True, big=True) for t in ("STT", "Tên thông tin, tài liệu, bằng chứng", "Số trang",
                                                      "Bản chính / bản sao", "Ghi chú")]
    rows: list[list[object]] = [head]
    for i, item in enumerate(items, start=1):
        rows.append([layout.cell(fmt, str(i), align="center", big=True),
                     layout.cell(fmt, item.description, big=True),
                     layout.cell(fmt, str(item.pages) if item.pages else "", align="center", big=True),
                     layout.cell(fmt, "Bản chính" if item.original else "Bản sao", align="center", big=True),
                     layout.cell(fmt, item.note, big=True)])
    return layout.grid_table(fmt, rows, widths)

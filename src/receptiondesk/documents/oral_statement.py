"""Biên bản ghi nội dung trình bày trực tiếp: what a citizen without a written petition said, read back and
signed (a box for the signature or thumbprint). `render_oral_statement(OralStatement(...)) -> bytes` (PDF)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.platypus import Flowable

from receptiondesk.documents import layout
from receptiondesk.documents.common import (Citizen, DocumentNumber, Issuer, Person, clock_time, normalised, protect,
                                            require_value, short_date)
from receptiondesk.documents.formats import DocumentFormat, load_format, load_forms


@dataclass(frozen=True)
class OralStatement:
    """The record's content. `content_type` ("khiếu nại", "tố cáo", …) names the statement in the
    subject line; `ended_at=None` leaves the closing time to be written in by hand."""

    issuer: Issuer
    started_at: datetime
    location: str
    officer: Person
    citizen: Citizen
    statement: str
    ended_at: datetime | None = None
    number: DocumentNumber | None = None
    content_type: str = ""
    companions: tuple[str, ...] = ()
    requests: str = ""
    documents: tuple[str, ...] = ()
    copies: int = 2


def render_oral_statement(record: OralStatement, *, fmt: DocumentFormat | None = None, qr: bool = True) -> bytes:
    """The record as PDF bytes; `qr=False` leaves out the QR code."""
    r = protect(normalised(record), load_forms().protected_identity)  # no protected identity in any text
    fmt = fmt or load_format("state")
    forms = load_forms()
    require_value(r.officer.name if r.officer else "", "họ tên người tiếp công dân")
    require_value(r.location, "nơi tiếp công dân")
    require_value(r.statement, "nội dung công dân trình bày")
    c = r.citizen
    mask = forms.protected_identity
    number = layout.number_line(fmt, r.issuer, r.number) if r.number is not None else None
    day = r.started_at.date()
    subject = (f"Ghi nội dung {r.content_type.strip()} trình bày trực tiếp" if r.content_type.strip()
               else "Ghi nội dung trình bày trực tiếp của công dân")
    story: list[Flowable] = [
        layout.Header(fmt, r.issuer, number, layout.date_line(fmt, r.issuer.place, day),
                      form_code=forms.oral_statement.code if forms.show_form_codes else ""),
        layout.title_block(fmt, "Biên bản", subject),
    ]
    story += layout.body(fmt, f"Vào hồi {clock_time(r.started_at)}, {layout.long_date(fmt, day)}, "
                              f"tại {r.location.strip()}.")
    officer = f"ông (bà) {r.officer.name.strip()}" + (f", {r.officer.position.strip()}" if r.officer.position.strip()
                                                     else "")
    story += layout.body(fmt, f"Người tiếp công dân: {officer}.")
    if c.protected:
        story += layout.body(fmt, f"Người trình bày: {mask}.")
    else:
        who = f"Người trình bày: ông (bà) {c.name.strip()}"
        if c.id_number.strip():
            who += f"; số CCCD/Hộ chiếu (hoặc giấy tờ tùy thân): {c.id_number.strip()}"
            if c.id_issued_on:
                who += f", ngày cấp: {short_date(c.id_issued_on)}"
            if c.id_issued_by.strip():
                who += f", nơi cấp: {c.id_issued_by.strip()}"
        if c.address.strip():
            who += f"; địa chỉ: {c.address.strip()}"
        if c.phone.strip():
            who += f"; số điện thoại: {c.phone.strip()}"
        story += layout.body(fmt, who + ".")
    companions = [x.strip() for x in r.companions if x.strip()]
    if companions:
        story += layout.body(fmt, f"Cùng đi: {'; '.join(companions)}.")
    story += [layout.lines_ahead(fmt, 3), layout.body_markup(fmt, "<b>Nội dung trình bày:</b>")]
    story += layout.body(fmt, r.statement)
    if r.requests.strip():
        story += layout.body(fmt, r.requests, label="Đề nghị của người trình bày:")
    documents = [x.strip().rstrip(";.") for x in r.documents if x.strip()]
    if documents:
        story += layout.body(fmt, "", label="Thông tin, tài liệu, bằng chứng kèm theo:")
        story += layout.body(fmt, "\n".join(f"- {d}" + (";" if i < len(documents) - 1 else ".")
                                            for i, d in enumerate(documents)))
    story += layout.keep_with_next(layout.body(fmt, "Biên bản đã được đọc lại cho người trình bày nghe; người trình bày xác nhận nội dung "
                              "ghi trong biên bản đúng với nội dung đã trình bày và cùng ký (hoặc điểm chỉ) "
                              "vào biên bản."))
    ended = (f"{clock_time(r.ended_at)}" + ("" if r.ended_at.date() == day else f", {layout.long_date(fmt, r.ended_at.date())}")
             if r.ended_at else "…… giờ …… phút")
    copies = max(2, r.copies)
    share = f"mỗi bên giữ {copies // 2:02d} bản" if copies % 2 == 0 else "người trình bày giữ 01 bản"
    same_day = " cùng ngày" if not r.ended_at or r.ended_at.date() == day else ""
    story += layout.keep_with_next(layout.body(
        fmt, f"Biên bản kết thúc vào hồi {ended}{same_day}, được lập thành {copies:02d} bản, {share}./."))
    story.append(layout.SignatureRow(fmt, [
        layout.SignatureSpec(("NGƯỜI TRÌNH BÀY",), mask if c.protected else c.name.strip(),
                             hint="(Ký hoặc điểm chỉ, ghi rõ họ tên)", box=True),
        layout.SignatureSpec(("NGƯỜI TIẾP CÔNG DÂN",), r.officer.name.strip(), hint="(Ký, ghi rõ họ tên)"),
    ]))
    payload = layout.qr_payload(r.issuer.unit_code, layout.bare_number(number), day, r) if qr else None
    return layout.render_pdf(fmt, story, title="Biên bản ghi nội dung trình bày trực tiếp", author=r.issuer.name,
                             qr_payload=payload)

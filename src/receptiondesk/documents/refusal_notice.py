"""Mẫu 01/TCD — Thông báo về việc từ chối tiếp công dân, with the legal grounds of the refusal.
`render_refusal_notice(RefusalNotice(...)) -> bytes` (PDF, state format)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reportlab.platypus import Flowable

from receptiondesk.documents import layout
from receptiondesk.documents.common import (Citizen, DocumentNumber, Issuer, Signer, clock_time, normalised, protect,
                                            require_value, short_date)
from receptiondesk.documents.formats import DocumentFormat, load_format, load_forms
from receptiondesk.errors import UserError


@dataclass(frozen=True)
class RefusalNotice:
    """The refusal's content. `grounds` are the legal grounds as worded in resources/data/refusal-grounds.csv;
    `legal_basis` overrides forms.json ("Căn cứ Điều 9 Luật Tiếp công dân năm 2013")."""

    issuer: Issuer
    number: DocumentNumber
    issued_on: date
    signer: Signer | None
    citizen: Citizen
    came_at: datetime
    location: str
    content: str
    grounds: tuple[str, ...]
    guidance: str = ""  # what the citizen may do instead (optional)
    recipients: tuple[str, ...] = ("Như trên",)
    archive: str = ""  # the archive line: "VT, TCD"; default from the format
    legal_basis: str | None = None


def render_refusal_notice(notice: RefusalNotice, *, fmt: DocumentFormat | None = None, qr: bool = True) -> bytes:
    """The refusal notice as PDF bytes; `qr=False` leaves out the QR code."""
    n = protect(normalised(notice), load_forms().protected_identity)  # no protected identity in any text
    fmt = fmt or load_format("state")
    forms = load_forms()
    signature = layout.signature_for(fmt, n.signer)
    require_value(n.location, "nơi tiếp công dân")
    if not any(g.strip() for g in n.grounds):
        raise UserError("document.value_missing", what="lý do từ chối tiếp công dân")
    c = n.citizen
    mask = forms.protected_identity
    who = mask if c.protected else f"ông (bà) {c.name.strip()}"
    number = layout.number_line(fmt, n.issuer, n.number)
    story: list[Flowable] = [
        layout.Header(fmt, n.issuer, number, layout.date_line(fmt, n.issuer.place, n.issued_on),
                      form_code=forms.refusal_notice.code if forms.show_form_codes else ""),
        layout.title_block(fmt, "Thông báo", "Về việc từ chối tiếp công dân"),
        layout.addressee(fmt, (mask if c.protected else f"Ông (bà) {c.name.strip()}") + "."),
    ]
    came = f"Vào hồi {clock_time(n.came_at)}, {layout.long_date(fmt, n.came_at.date())}, tại {n.location.strip()}, {who}"
    if not c.protected:
        if c.id_number.strip():
            came += f", số CCCD/Hộ chiếu (hoặc giấy tờ tùy thân): {c.id_number.strip()}"
            if c.id_issued_on:
                came += f", ngày cấp: {short_date(c.id_issued_on)}"
            if c.id_issued_by.strip():
                came += f", nơi cấp: {c.id_issued_by.strip()}"
        if c.address.strip():
            came += f"; địa chỉ: {c.address.strip()}"
    content = n.content.strip().rstrip(".")
    came += f", đến trình bày nội dung: {content}." if content else ", đến đề nghị được tiếp."
    story += layout.body(fmt, came)
    basis = (forms.refusal_notice.legal_basis if n.legal_basis is None else n.legal_basis).strip().rstrip(".,;")
    lead = f"{basis}, {n.issuer.name}" if basis else n.issuer.name
    grounds = [g.strip().rstrip(".;") for g in n.grounds if g.strip()]
    if len(grounds) == 1:
        story += layout.body(fmt, f"{lead} thông báo từ chối tiếp công dân đối với {who} vì lý do: "
                                  f"{grounds[0][0].lower() + grounds[0][1:]}.")
    else:
        story += layout.body(fmt, f"{lead} thông báo từ chối tiếp công dân đối với {who} vì các lý do sau:")
        for i, g in enumerate(grounds):
            story += layout.body(fmt, f"- {g}" + ("." if i == len(grounds) - 1 else ";"))
    if n.guidance.strip():
        story += layout.body(fmt, n.guidance)
    story.append(layout.Closing(fmt, signature, n.recipients, n.archive,
                                lead=layout.body(fmt, f"{n.issuer.name} thông báo để {who} được biết./.")))
    payload = layout.qr_payload(n.issuer.unit_code, layout.bare_number(number), n.issued_on, n) if qr else None
    return layout.render_pdf(fmt, story, title=f"Thông báo về việc từ chối tiếp công dân – {number}",
                             author=n.issuer.name, qr_payload=payload)

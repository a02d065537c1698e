"""Thông báo về việc thụ lý / không thụ lý đơn: the notice to a letter's sender that it was accepted for
handling (from when, in what time limit) or not accepted (the reason and its legal basis, both required).
`render_acceptance_notice(AcceptanceNotice(...)) -> bytes` (PDF)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable

from receptiondesk.documents import layout
from receptiondesk.documents.common import (Citizen, DocumentNumber, Issuer, Signer, cap_first, citizen_ref,
                                            content_type_code, normalised, protect, require_order, require_value,
                                            short_date)
from receptiondesk.documents.formats import DocumentFormat, load_forms


@dataclass(frozen=True)
class AcceptanceNotice:
    """Everything the notice prints.

    `accepted` picks the notice. Accepted: `accepted_on` (default: the issue date), `time_limit` in words
    from the rules table ("30 ngày"), `handling` who verifies and how (optional), `basis` overrides the
    content type's basis in forms.json. Not accepted: `reason` and `legal_basis` ("Căn cứ khoản 4 Điều 11
    Luật Khiếu nại năm 2011") are required, `guidance` tells the citizen what they may do instead.
    `content_type` is a ContentType value; a protected citizen is printed as the masking label.
    """

    issuer: Issuer
    number: DocumentNumber
    issued_on: date
    signer: Signer | None
    citizen: Citizen
    content_type: str
    received_on: date
    content: str
    accepted: bool
    accepted_on: date | None = None
    time_limit: str = ""
    handling: str = ""
    reason: str = ""
    legal_basis: str = ""
    guidance: str = ""
    basis: str | None = None
    recipients: tuple[str, ...] = ("Như trên",)
    archive: str = ""  # the archive line: "VT, TCD"; default from the format
    sector: str = "state"


def render_acceptance_notice(notice: AcceptanceNotice, *, fmt: DocumentFormat | None = None, qr: bool = True) -> bytes:
    """The notice as PDF bytes. `fmt` overrides the sector's format; `qr=False` leaves out the QR code."""
    forms = load_forms()
    texts, mask = forms.acceptance_notice, forms.protected_identity
    n = protect(normalised(notice), mask)
    fmt = layout.format_for(n.sector, fmt)
    signature = layout.signature_for(fmt, n.signer)
    require_value(n.citizen.name if n.citizen else "", "họ tên người gửi đơn")
    require_value(n.content, "nội dung đơn")
    if not n.accepted:
        require_value(n.reason, "lý do không thụ lý")
        require_value(n.legal_basis, "căn cứ pháp lý của việc không thụ lý")
    code = content_type_code(n.content_type)
    require_order(n.received_on, n.issued_on, "ngày nhận đơn", "ngày ban hành thông báo")
    accepted_on = n.accepted_on or n.issued_on
    if n.accepted:
        require_order(n.received_on, accepted_on, "ngày nhận đơn", "ngày thụ lý")
    kind = forms.content_types.get(code)
    issuer = n.issuer.name
    citizen = citizen_ref(n.citizen, mask)

    number = layout.number_line(fmt, n.issuer, n.number)
    subject = (texts.subject_accept if n.accepted else texts.subject_reject).format(kind=kind)
    story: list[Flowable] = [
        layout.Header(fmt, n.issuer, number, layout.date_line(fmt, n.issuer.place, n.issued_on),
                      form_code=texts.code if forms.show_form_codes else ""),
        layout.title_block(fmt, "Thông báo", subject),
        layout.addressee_with(fmt, citizen_ref(n.citizen, mask, capital=True),
                              "" if n.citizen.protected or not n.citizen.address.strip()
                              else f"(Địa chỉ: {n.citizen.address.strip()})"),
    ]
    story += layout.body(fmt, texts.received.format(date=short_date(n.received_on), issuer=issuer, kind=kind,
                                                    citizen=citizen))
    story += [layout.lines_ahead(fmt, 2), *layout.labelled(fmt, texts.content_label, n.content)]
    if n.accepted:
        basis = (texts.basis_accept.get(code) if n.basis is None else n.basis).strip().rstrip(".,;")
        sentence = texts.accept.format(basis=basis, issuer=issuer, kind=kind, citizen=citizen,
                                       accepted_on=short_date(accepted_on))
        if not basis:
            sentence = cap_first(sentence.lstrip(", "))
        story += layout.body(fmt, sentence)
        if n.time_limit.strip():
            story += layout.body(fmt, texts.time_limit.format(limit=n.time_limit.strip().rstrip(".")))
        if n.handling.strip():
            story += layout.body(fmt, n.handling)
    else:
        reason = n.reason.strip().rstrip(".;")
        story += layout.body(fmt, texts.reject.format(basis=n.legal_basis.strip().rstrip(".,;"), issuer=issuer,
                                                      kind=kind, citizen=citizen, reason=reason))
        if n.guidance.strip():
            story += layout.body(fmt, n.guidance)
    lead = layout.body(fmt, texts.closing.format(issuer=issuer, citizen=citizen))
    story.append(layout.Closing(fmt, signature, n.recipients, n.archive, lead=lead))
    payload = layout.qr_payload(n.issuer.unit_code, layout.bare_number(number), n.issued_on, n) if qr else None
    title = "Thông báo thụ lý" if n.accepted else "Thông báo không thụ lý"
    return layout.render_pdf(fmt, story, title=f"{title} – {number}", author=issuer, qr_payload=payload)

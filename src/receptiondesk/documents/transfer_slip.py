"""Phiếu chuyển đơn: a complaint, denunciation, petition or report sent on to the competent body, state or
Party format. `render_transfer_slip(TransferSlip(...)) -> bytes` (PDF).

The slip leaves the commune, so a protected sender (a denouncer: Law on Denunciations 2018, arts. 8, 47) is
never identified in it: the masking label of forms.json stands for them, and their name, address, ID number
and phone are also taken out of every other text (the content, the attachments, the recipients), in any
Unicode form, case or spelling without diacritics. The QR code hashes the slip as printed."""

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
class TransferSlip:
    """Everything the slip prints.

    `receiver` is the competent body ("Công an xã Tân Thành"); `sender` the letter's author (protected=True
    for a denouncer); `content_type` a ContentType value ("complaint", "denunciation", "petition", "report");
    `content` the letter's content in summary; `forwarded_by` the body that sent the letter here, if any;
    `reason` optional sentences on why the matter is not the issuer's; `show_contact` also prints an
    unprotected sender's ID number and phone (never a protected one's); `inform_sender` adds an unprotected
    sender to "Nơi nhận" ("Ông (bà) … (để biết)"); `basis` overrides the content type's legal basis.
    """

    issuer: Issuer
    number: DocumentNumber
    issued_on: date
    signer: Signer | None
    receiver: str
    sender: Citizen
    content_type: str
    received_on: date
    content: str
    forwarded_by: str = ""
    reason: str = ""
    attachments: tuple[str, ...] = ()
    show_contact: bool = False
    inform_sender: bool = True
    report_back: bool = True
    recipients: tuple[str, ...] = ("Như trên",)
    archive: str = ""  # the archive line: "VT, TCD"; default from the format
    basis: str | None = None
    sector: str = "state"


def render_transfer_slip(slip: TransferSlip, *, fmt: DocumentFormat | None = None, qr: bool = True) -> bytes:
    """The slip as PDF bytes. `fmt` overrides the sector's format; `qr=False` leaves out the QR code."""
    forms = load_forms()
    texts, mask = forms.transfer_slip, forms.protected_identity
    s = protect(normalised(slip), mask)
    fmt = layout.format_for(s.sector, fmt)
    signature = layout.signature_for(fmt, s.signer)
    require_value(s.receiver, "cơ quan, đơn vị nhận đơn chuyển đến")
    require_value(s.sender.name if s.sender else "", "người gửi đơn")
    require_value(s.content, "nội dung đơn")
    code = content_type_code(s.content_type)
    require_order(s.received_on, s.issued_on, "ngày nhận đơn", "ngày ký phiếu chuyển")
    kind = forms.content_types.get(code)
    issuer = s.issuer.name
    sender = s.sender
    receiver = s.receiver.strip().rstrip(".;")

    number = layout.number_line(fmt, s.issuer, s.number)
    story: list[Flowable] = [
        layout.Header(fmt, s.issuer, number, layout.date_line(fmt, s.issuer.place, s.issued_on),
                      form_code=texts.code if forms.show_form_codes else ""),
        layout.title_block(fmt, texts.title),
        layout.addressee(fmt, cap_first(receiver) + "."),
    ]
    who = citizen_ref(sender, mask, address=True)
    if not sender.protected and s.show_contact:
        if sender.id_number.strip():
            who += f", số CCCD/Hộ chiếu (hoặc giấy tờ tùy thân): {sender.id_number.strip()}"
        if sender.phone.strip():
            who += f", số điện thoại: {sender.phone.strip()}"
    received = texts.received.format(date=short_date(s.received_on), issuer=issuer, kind=kind, sender=who)
    if s.forwarded_by.strip():
        received += " " + texts.forwarded.format(body=s.forwarded_by.strip().rstrip("."))
    story += layout.body(fmt, received)
    story += [layout.lines_ahead(fmt, 2), *layout.labelled(fmt, texts.content_label, s.content)]
    if s.reason.strip():
        story += layout.body(fmt, s.reason)
    basis = (texts.basis.get(code) if s.basis is None else s.basis).strip().rstrip(".,;")
    transfer = texts.transfer.format(basis=basis, issuer=issuer, receiver=receiver)
    if not basis:  # no basis: the sentence starts with the issuer
        transfer = cap_first(transfer.lstrip(", "))
    paragraphs = [transfer]
    if sender.protected:
        confidential = texts.confidential_denunciation if code == "denunciation" else texts.confidential_other
        paragraphs.append(confidential.format(receiver=receiver))
    if s.report_back:
        paragraphs.append(texts.report_back.format(receiver=receiver, issuer=issuer))
    attachments = [a for a in s.attachments if a.strip()]
    for text in paragraphs[:-1] if not attachments else paragraphs:
        story += layout.body(fmt, text)
    if attachments:
        label = layout.body_markup(fmt, f"<i>{layout.markup(texts.attachments_label)}</i>")
        story += [layout.lines_ahead(fmt, 2), label]
        items = layout.dash_list(fmt, attachments)
        story += items[:-1]
        lead = items[-1:]
    else:
        lead = layout.body(fmt, paragraphs[-1])
    recipients = list(s.recipients)
    if s.inform_sender and not sender.protected:
        recipients.append(texts.inform_sender.format(sender=citizen_ref(sender, mask, capital=True)))
    story.append(layout.Closing(fmt, signature, recipients, s.archive, lead=lead))
    payload = layout.qr_payload(s.issuer.unit_code, layout.bare_number(number), s.issued_on, s) if qr else None
    return layout.render_pdf(fmt, story, title=f"{texts.title} – {number}", author=issuer, qr_payload=payload)

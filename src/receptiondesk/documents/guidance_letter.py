"""Văn bản hướng dẫn / trả lời: a letter (công văn) to a citizen who sent a letter — guidance to the competent
body when the matter is not the issuer's, or the issuer's answer. State or Party format; the subject goes in
the "V/v …" line under the number. `render_guidance_letter(GuidanceLetter(...)) -> bytes` (PDF)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable

from receptiondesk.documents import layout
from receptiondesk.documents.common import (Citizen, DocumentNumber, Issuer, Signer, citizen_ref, content_type_code,
                                            normalised, protect, require_order, require_value, short_date)
from receptiondesk.documents.formats import DocumentFormat, load_forms
from receptiondesk.errors import UserError

KINDS = ("guidance", "answer")


@dataclass(frozen=True)
class GuidanceLetter:
    """Everything the letter prints.

    `number.type_code` is the drafting unit's symbol in a state letter ("TCD": "Số: 15/UBND-TCD"; the Party
    format writes "Số 15-CV/ĐU"); `kind` is "guidance" (the matter belongs to `guide_to`; `guidance` adds
    advice) or "answer" (`answer` holds the answer, one paragraph per line); `content_type` a ContentType
    value; `content` the letter's content in summary; `subject` overrides the generated "V/v" line (without
    "V/v "); a protected citizen is printed as the masking label.
    """

    issuer: Issuer
    number: DocumentNumber
    issued_on: date
    signer: Signer | None
    citizen: Citizen
    content_type: str
    received_on: date
    content: str
    kind: str = "guidance"
    guide_to: str = ""
    guidance: str = ""
    answer: str = ""
    subject: str = ""
    recipients: tuple[str, ...] = ("Như trên",)
    archive: str = ""  # the archive line: "VT, TCD"; default from the format
    sector: str = "state"


def render_guidance_letter(letter: GuidanceLetter, *, fmt: DocumentFormat | None = None, qr: bool = True) -> bytes:
    """The letter as PDF bytes. `fmt` overrides the sector's format; `qr=False` leaves out the QR code."""
    forms = load_forms()
    texts, mask = forms.guidance_letter, forms.protected_identity
    g = protect(normalised(letter), mask)
    fmt = layout.format_for(g.sector, fmt)
    signature = layout.signature_for(fmt, g.signer)
    if g.kind not in KINDS:
        raise UserError("document.bad_choice", value=g.kind, what="loại văn bản (hướng dẫn hoặc trả lời)",
                        allowed=list(KINDS))
    require_value(g.citizen.name if g.citizen else "", "họ tên công dân nhận văn bản")
    require_value(g.content, "nội dung đơn")
    if g.kind == "guidance":
        require_value(g.guide_to, "cơ quan có thẩm quyền mà công dân được hướng dẫn gửi đơn đến")
    else:
        require_value(g.answer, "nội dung trả lời")
    code = content_type_code(g.content_type)
    require_order(g.received_on, g.issued_on, "ngày nhận đơn", "ngày ban hành văn bản")
    kind = forms.content_types.get(code)
    issuer = g.issuer.name
    citizen = citizen_ref(g.citizen, mask)
    in_subject = forms.protected_in_subject if g.citizen.protected else citizen
    template = texts.subject_guidance if g.kind == "guidance" else texts.subject_answer
    subject = g.subject.strip() or template.format(citizen=in_subject, kind=kind)

    number = layout.letter_number_line(fmt, g.issuer, g.number)
    story: list[Flowable] = [
        layout.Header(fmt, g.issuer, number, layout.date_line(fmt, g.issuer.place, g.issued_on),
                      letter_subject=subject, form_code=texts.code if forms.show_form_codes else ""),
        layout.addressee_with(fmt, citizen_ref(g.citizen, mask, capital=True),
                              "" if g.citizen.protected or not g.citizen.address.strip()
                              else f"(Địa chỉ: {g.citizen.address.strip()})"),
    ]
    story += layout.body(fmt, texts.received.format(date=short_date(g.received_on), issuer=issuer, kind=kind,
                                                    citizen=citizen))
    story += [layout.lines_ahead(fmt, 2), *layout.labelled(fmt, texts.content_label, g.content)]
    if g.kind == "guidance":
        story += layout.body(fmt, texts.guidance.format(issuer=issuer, citizen=citizen,
                                                        receiver=g.guide_to.strip().rstrip(".;")))
        if g.guidance.strip():
            story += layout.body(fmt, g.guidance)
        closing = texts.closing_guidance
    else:
        story += [layout.lines_ahead(fmt, 3), *layout.body(fmt, texts.answer_lead.format(issuer=issuer,
                                                                                         citizen=citizen))]
        story += layout.body(fmt, g.answer)
        closing = texts.closing_answer
    lead = layout.body(fmt, closing.format(issuer=issuer, citizen=citizen))
    story.append(layout.Closing(fmt, signature, g.recipients, g.archive, lead=lead))
    payload = layout.qr_payload(g.issuer.unit_code, layout.bare_number(number), g.issued_on, g) if qr else None
    title = "Văn bản hướng dẫn" if g.kind == "guidance" else "Văn bản trả lời"
    return layout.render_pdf(fmt, story, title=f"{title} – {number}", author=issuer, qr_payload=payload)

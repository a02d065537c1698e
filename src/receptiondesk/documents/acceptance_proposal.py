"""Phiếu đề xuất thụ lý đơn: the officer proposes to the leader whether to accept a letter for handling — the
letter in summary, the check of the conditions for acceptance, the proposal, the officer's signature and a
box for the leader's opinion. `render_acceptance_proposal(AcceptanceProposal(...)) -> bytes` (PDF)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from receptiondesk.documents import fonts, layout
from receptiondesk.documents.common import (Citizen, DocumentNumber, Issuer, Person, cap_first, citizen_ref,
                                            content_type_code, normalised, protect, require_order, require_value,
                                            short_date, upper)
from receptiondesk.documents.formats import DocumentFormat, load_forms
from receptiondesk.documents.layout import markup
from receptiondesk.errors import UserError


@dataclass(frozen=True)
class ConditionCheck:
    """One condition for acceptance ("Đơn khiếu nại thuộc thẩm quyền giải quyết của Chủ tịch UBND xã"), whether
    the letter meets it, and a note (the fact that decides it)."""

    condition: str
    met: bool
    note: str = ""


@dataclass(frozen=True)
class AcceptanceProposal:
    """Everything the proposal prints.

    `officer` proposes and signs; `leader` is whom it goes to ("Chủ tịch Ủy ban nhân dân xã"); `sender` the
    letter's author (masked when protected); `content_type` a ContentType value; `accept` the proposal;
    `proposal` its details (who verifies, in what time); `analysis` further reasoning; `leader_opinion`
    fills the leader's box when the leader has decided (blank: dotted lines to write on); `basis` overrides
    the content type's legal basis (forms.json).
    """

    issuer: Issuer
    issued_on: date
    officer: Person
    leader: str
    sender: Citizen
    content_type: str
    received_on: date
    summary: str
    conditions: tuple[ConditionCheck, ...]
    accept: bool
    proposal: str = ""
    analysis: str = ""
    number: DocumentNumber | None = None
    basis: str | None = None
    leader_opinion: str = ""
    sector: str = "state"


def render_acceptance_proposal(proposal: AcceptanceProposal, *, fmt: DocumentFormat | None = None,
                               qr: bool = True) -> bytes:
    """The proposal as PDF bytes. `fmt` overrides the sector's format; `qr=False` leaves out the QR code."""
    forms = load_forms()
    texts, mask = forms.acceptance_proposal, forms.protected_identity
    p = protect(normalised(proposal), mask)
    fmt = layout.format_for(p.sector, fmt)
    require_value(p.officer.name if p.officer else "", "họ tên người đề xuất")
    require_value(p.leader, "lãnh đạo xem xét đề xuất")
    require_value(p.sender.name if p.sender else "", "người gửi đơn")
    require_value(p.summary, "tóm tắt nội dung đơn")
    conditions = [c for c in p.conditions if c.condition.strip()]
    if not conditions:
        raise UserError("document.value_missing", what="kết quả kiểm tra điều kiện thụ lý")
    code = content_type_code(p.content_type)
    require_order(p.received_on, p.issued_on, "ngày nhận đơn", "ngày lập phiếu")
    kind = forms.content_types.get(code)
    leader = p.leader.strip().rstrip(".")

    number = layout.number_line(fmt, p.issuer, p.number) if p.number is not None else None
    story: list[Flowable] = [
        layout.Header(fmt, p.issuer, number, layout.date_line(fmt, p.issuer.place, p.issued_on),
                      form_code=texts.code if forms.show_form_codes else ""),
        layout.title_block(fmt, texts.title),
        layout.addressee(fmt, cap_first(leader) + "."),
    ]
    story += layout.body(fmt, texts.received.format(date=short_date(p.received_on), issuer=p.issuer.name,
                                                    kind=kind, sender=citizen_ref(p.sender, mask, address=True)))
    story += layout.heading(fmt, "1. Tóm tắt nội dung đơn")
    story += layout.body(fmt, p.summary)
    story += layout.heading(fmt, "2. Kết quả kiểm tra điều kiện thụ lý")
    for i, c in enumerate(conditions):
        text = f"- {c.condition.strip().rstrip('.;:')}: {texts.met if c.met else texts.not_met}"
        if c.note.strip():
            text += f" ({c.note.strip().rstrip('.;')})"
        story += layout.body(fmt, text + ("." if i == len(conditions) - 1 else ";"))
    if p.analysis.strip():
        story += layout.body(fmt, p.analysis)
    story += layout.heading(fmt, "3. Đề xuất")
    basis = (texts.basis.get(code) if p.basis is None else p.basis).strip().rstrip(".,;")
    sentence = (texts.propose_accept if p.accept else texts.propose_reject).format(basis=basis, leader=leader,
                                                                                   kind=kind)
    if not basis:
        sentence = cap_first(sentence.lstrip(", "))
    body = layout.body(fmt, sentence)
    if p.proposal.strip():
        body += layout.body(fmt, p.proposal)
    story += body[:-1]
    story += layout.keep_with_next(body[-1:])
    story.append(_closing_row(fmt, texts.leader_box, leader, p.leader_opinion, p.officer.name.strip()))
    payload = layout.qr_payload(p.issuer.unit_code, layout.bare_number(number), p.issued_on, p) if qr else None
    return layout.render_pdf(fmt, story, title=texts.title, author=p.issuer.name, qr_payload=payload)


class DottedLines(Flowable):
    """`count` dotted lines across the width, to write on by hand."""

    def __init__(self, count: int, step: float) -> None:
        super().__init__()
        self.count, self.step = count, step

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = aw, self.count * self.step
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setLineWidth(0.5)
        c.setDash(1, 2)
        for i in range(self.count):
            y = self.height - (i + 1) * self.step + 3
            c.line(0, y, self.width, y)
        c.restoreState()


def _closing_row(fmt: DocumentFormat, heading: str, leader: str, opinion: str, officer: str) -> Flowable:
    """The leader's box at the left (heading, the opinion or dotted lines to write it, the leader's title and
    room to sign) beside the officer's signature at the right; kept on one page."""
    st = layout.styles(fmt)
    width = layout.text_width_mm(fmt) * mm
    box_w = width * 0.56
    pad = 5
    sign = fmt.signature.signing_space_mm * mm
    bold_center = lambda text: Paragraph(f"<b>{markup(text)}</b>", st.body_center)  # noqa: E731
    hint = lambda: Paragraph("<i>(Ký, ghi rõ họ tên)</i>", st.body_center)  # noqa: E731
    if opinion.strip():
        content: list[Flowable] = layout.body(fmt, opinion, indent=False)
    else:
        content = [DottedLines(3, fmt.body.leading_pt * 1.25)]
    left = [bold_center(upper(heading)), *content, layout.VSpace(4), bold_center(upper(leader)), hint(),
            layout.VSpace(sign * 0.8)]
    right = [bold_center("NGƯỜI ĐỀ XUẤT"), hint(), layout.VSpace(sign), bold_center(officer)]
    # One row never splits; a plain Table (not a KeepTogether) so the proposal's last paragraph keeps with it.
    row = Table([[left, "", right]], colWidths=[box_w, 4 * mm, width - box_w - 4 * mm], hAlign="LEFT",
                spaceBefore=fmt.signature.space_before_pt,
                style=TableStyle([("BOX", (0, 0), (0, 0), fmt.table.rule_pt, colors.black),
                                  ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                                  ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                                  ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
                                  ("LEFTPADDING", (2, 0), (2, 0), 0), ("RIGHTPADDING", (2, 0), (2, 0), 0)]))
    return row

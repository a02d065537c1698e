"""Biên bản đối thoại: the minutes of a dialogue meeting — time, place, who took part on each side, what was
presented, each participant's opinion and the conclusion — signed by both sides and the recorder (Law on
Complaints 2011, art. 30: the minutes record the participants' opinions and the result and carry their
signatures or thumbprints). State or Party format ("đối thoại trực tiếp với dân", Regulation 11-QĐi/TW).
`render_dialogue_minutes(DialogueMinutes(...)) -> bytes` (PDF)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from receptiondesk.documents import layout
from receptiondesk.documents.common import (Citizen, DocumentNumber, Issuer, Person, cap_first, citizen_ref,
                                            clock_time, normalised, protect, require_order, require_value)
from receptiondesk.documents.formats import DocumentFormat, load_forms
from receptiondesk.documents.layout import markup
from receptiondesk.errors import UserError

_ROMAN = ("I", "II", "III", "IV", "V")


@dataclass(frozen=True)
class Opinion:
    """What one participant said: an official (Person) or a citizen (Citizen, masked when protected)."""

    speaker: Person | Citizen
    text: str


@dataclass(frozen=True)
class DialogueMinutes:
    """Everything the minutes print.

    `matter` is what the dialogue is about ("việc bồi thường, hỗ trợ khi thu hồi đất …"); `presiding` chairs it
    and `recorder` writes the minutes; `citizens` are the citizen side (the first signs as its representative;
    with several, a table collects every signature); `officials` the authorities' other participants;
    `others` any further participants in words (persons with related rights and duties, observers);
    `presented` what the presiding side presented (the verification result, the policy); `opinions` each
    participant's opinion in order; `conclusion` the result of the dialogue; `ended_at=None` leaves the
    closing time to be written in by hand; `notes` e.g. a participant who would not sign, and why.
    """

    issuer: Issuer
    started_at: datetime
    location: str
    matter: str
    presiding: Person
    recorder: Person
    citizens: tuple[Citizen, ...]
    conclusion: str
    officials: tuple[Person, ...] = ()
    others: tuple[str, ...] = ()
    presented: str = ""
    opinions: tuple[Opinion, ...] = ()
    ended_at: datetime | None = None
    number: DocumentNumber | None = None
    notes: str = ""
    copies: int = 3
    sector: str = "state"


def render_dialogue_minutes(minutes: DialogueMinutes, *, fmt: DocumentFormat | None = None, qr: bool = True) -> bytes:
    """The minutes as PDF bytes. `fmt` overrides the sector's format; `qr=False` leaves out the QR code."""
    forms = load_forms()
    texts, mask = forms.dialogue_minutes, forms.protected_identity
    m = protect(normalised(minutes), mask)
    fmt = layout.format_for(m.sector, fmt)
    require_value(m.presiding.name if m.presiding else "", "người chủ trì đối thoại")
    require_value(m.recorder.name if m.recorder else "", "người ghi biên bản")
    require_value(m.location, "địa điểm đối thoại")
    require_value(m.matter, "nội dung (vụ việc) đối thoại")
    require_value(m.conclusion, "kết luận, kết quả đối thoại")
    citizens = [c for c in m.citizens if c.name.strip()]
    if not citizens:
        raise UserError("document.value_missing", what="công dân tham gia đối thoại")
    if m.ended_at is not None:
        require_order(m.started_at, m.ended_at, "giờ bắt đầu", "giờ kết thúc")
    day = m.started_at.date()
    matter = m.matter.strip().rstrip(".")

    number = layout.number_line(fmt, m.issuer, m.number) if m.number is not None else None
    story: list[Flowable] = [
        layout.Header(fmt, m.issuer, number, layout.date_line(fmt, m.issuer.place, day),
                      form_code=texts.code if forms.show_form_codes else ""),
        layout.title_block(fmt, texts.title, texts.subject.get(m.sector).format(matter=matter)),
    ]
    story += layout.body(fmt, texts.opening.get(m.sector).format(
        time=clock_time(m.started_at), date=layout.long_date(fmt, day), place=m.location.strip(),
        issuer=m.issuer.name, matter=matter))

    # I. Participants
    sections = iter(_ROMAN)
    story += layout.heading(fmt, f"{next(sections)}. THÀNH PHẦN THAM DỰ")
    parts: list[tuple[str, list[str]]] = [("Người chủ trì:", [m.presiding.described()])]
    if m.officials:
        parts.append(("Đại diện các cơ quan, đơn vị:", [p.described() for p in m.officials if p.name.strip()]))
    parts.append(("Công dân tham gia đối thoại:", [citizen_ref(c, mask, capital=True, address=True)
                                                  for c in citizens]))
    if any(o.strip() for o in m.others):
        parts.append(("Người có quyền, nghĩa vụ liên quan và thành phần khác:", list(m.others)))
    parts.append(("Người ghi biên bản:", [m.recorder.described()]))
    for i, (label, people) in enumerate(parts, start=1):
        story += _people(fmt, f"{i}. {label}", people)

    # II. The dialogue
    story += layout.heading(fmt, f"{next(sections)}. NỘI DUNG ĐỐI THOẠI")
    items: list[tuple[str, list[Flowable]]] = []
    if m.presented.strip():
        items.append(("Nội dung do người chủ trì và đại diện cơ quan, đơn vị trình bày:",
                      layout.body(fmt, m.presented)))
    said_by_citizens = [o for o in m.opinions if isinstance(o.speaker, Citizen) and o.text.strip()]
    said_by_officials = [o for o in m.opinions if not isinstance(o.speaker, Citizen) and o.text.strip()]
    if said_by_citizens:
        items.append(("Ý kiến của công dân:", [p for o in said_by_citizens for p in _opinion(fmt, o, mask)]))
    if said_by_officials:
        items.append(("Ý kiến của đại diện các cơ quan, đơn vị:",
                      [p for o in said_by_officials for p in _opinion(fmt, o, mask)]))
    if not items:
        raise UserError("document.value_missing", what="nội dung được trình bày hoặc ý kiến của những người tham gia")
    for i, (label, flowables) in enumerate(items, start=1):
        story += [layout.lines_ahead(fmt, 3), layout.body_markup(fmt, f"<i>{i}. {markup(label)}</i>")]
        story += flowables

    # III. Conclusion
    story += layout.heading(fmt, f"{next(sections)}. KẾT LUẬN, KẾT QUẢ ĐỐI THOẠI")
    story += layout.body(fmt, m.conclusion)
    if m.notes.strip():
        story += layout.body(fmt, m.notes)
    story += layout.keep_with_next(layout.body(fmt, texts.read_back))
    ended = clock_time(m.ended_at) if m.ended_at else "…… giờ …… phút"
    if m.ended_at and m.ended_at.date() != day:
        ended += f", {layout.long_date(fmt, m.ended_at.date())}"
    elif m.ended_at is None or m.ended_at.date() == day:
        ended += " cùng ngày"
    closing = layout.body(fmt, texts.ended.format(time=ended, copies=f"{max(1, m.copies):02d}"))
    story += layout.keep_with_next(closing)
    representative = citizens[0]
    rep_name = mask if representative.protected else representative.name.strip()
    story.append(layout.SignatureRow(fmt, [
        layout.SignatureSpec(("ĐẠI DIỆN CÔNG DÂN",), rep_name, hint="(Ký hoặc điểm chỉ, ghi rõ họ tên)", box=True),
        layout.SignatureSpec(("NGƯỜI GHI BIÊN BẢN",), m.recorder.name.strip(), hint="(Ký, ghi rõ họ tên)"),
        layout.SignatureSpec(("NGƯỜI CHỦ TRÌ",), m.presiding.name.strip(), hint="(Ký, ghi rõ họ tên)"),
    ], gap_mm=6, balance=True))
    if len(citizens) > 1:
        story += _signing_table(fmt, citizens, mask)
    payload = layout.qr_payload(m.issuer.unit_code, layout.bare_number(number), day, m) if qr else None
    return layout.render_pdf(fmt, story, title="Biên bản đối thoại", author=m.issuer.name, qr_payload=payload)


def _people(fmt: DocumentFormat, label: str, people: list[str]) -> list[Flowable]:
    people = [p.strip().rstrip(".;") for p in people if p.strip()]
    if len(people) == 1:
        return [layout.body_markup(fmt, f"<i>{markup(label)}</i> {markup(cap_first(people[0]))}.")]
    return [layout.lines_ahead(fmt, 2), layout.body_markup(fmt, f"<i>{markup(label)}</i>"),
            *layout.dash_list(fmt, [cap_first(p) for p in people])]


def _opinion(fmt: DocumentFormat, opinion: Opinion, mask: str) -> list[Flowable]:
    speaker = opinion.speaker
    who = citizen_ref(speaker, mask, capital=True) if isinstance(speaker, Citizen) else speaker.described()
    lines = layout.split_paragraphs(opinion.text)
    first = layout.body_markup(fmt, f"- {markup(who)}: {markup(lines[0])}")
    return [first] + [layout.body_markup(fmt, markup(line)) for line in lines[1:]]


def _signing_table(fmt: DocumentFormat, citizens: list[Citizen], mask: str) -> list[Flowable]:
    """Every citizen of the dialogue signs (or puts a thumbprint) against their name."""
    width = layout.text_width_mm(fmt)
    widths = [12 * mm, (width - 12 - 60) * mm, 60 * mm]
    head = [layout.cell(fmt, t, header=True, big=True) for t in ("STT", "Họ và tên", "Ký tên (hoặc điểm chỉ)")]
    rows: list[list[object]] = [head]
    for i, c in enumerate(citizens, start=1):
        rows.append([layout.cell(fmt, str(i), align="center", big=True),
                     layout.cell(fmt, mask if c.protected else c.name.strip(), big=True),
                     layout.VSpace(12 * mm)])
    return [layout.VSpace(fmt.body.space_after_pt * 2), layout.lines_ahead(fmt, 4),
            Paragraph("<b>XÁC NHẬN CỦA CÔNG DÂN THAM GIA ĐỐI THOẠI</b>", layout.styles(fmt).body_center),
            layout.grid_table(fmt, rows, widths)]

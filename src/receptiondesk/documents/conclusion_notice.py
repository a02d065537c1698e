"""Thông báo kết luận: a leader's conclusions after a reception session or dialogue, state or Party format.
`render_conclusion_notice(ConclusionNotice(...)) -> bytes` (PDF)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable

from receptiondesk.documents import layout
from receptiondesk.documents.common import (Citizen, DocumentNumber, Issuer, Person, Signer, normalised, protect,
                                            require_value, short_date)
from receptiondesk.documents.formats import DocumentFormat, load_format, load_forms
from receptiondesk.documents.layout import markup
from receptiondesk.errors import UserError

_ACTIVITY = {
    "scheduled": "buổi tiếp công dân định kỳ",
    "ad_hoc": "buổi tiếp công dân đột xuất",
    "dialogue": "buổi đối thoại với công dân",
}


@dataclass(frozen=True)
class Assignment:
    """A task the leader gave: who, what, by when (None: no fixed date)."""

    assignee: str
    task: str
    deadline: date | None = None


@dataclass(frozen=True)
class HeardCase:
    """One case heard in the session: the citizen (masked when protected), the content, the leader's
    conclusion and the assignments made."""

    citizen: Citizen
    content: str
    conclusion: str
    assignments: tuple[Assignment, ...] = ()
    persons: int = 1  # a delegation: how many persons came


@dataclass(frozen=True)
class ConclusionNotice:
    """Everything the notice prints. `sector` picks the format ("state": UBND; "party": Đảng ủy);
    `kind` is "scheduled", "ad_hoc" or "dialogue"; `delegated_by` is the head who delegated the
    session to `presiding` (None: the head presided in person)."""

    issuer: Issuer
    number: DocumentNumber
    issued_on: date
    signer: Signer | None
    session_date: date
    location: str
    presiding: Person
    cases: tuple[HeardCase, ...]
    sector: str = "state"
    kind: str = "scheduled"
    delegated_by: Person | None = None
    attendees: tuple[Person, ...] = ()
    report_to: str = ""          # who the assignees report back to; default: the issuer
    report_by: date | None = None  # one date to report back by; default: each assignment's deadline
    recipients: tuple[str, ...] = ()
    archive: str = ""            # the archive line: "VT, TCD"; default from the format
    subject: str = ""            # overrides the generated subject line
    basis: str | None = None     # overrides the opening "Thực hiện …" (forms.json); "" for none


def render_conclusion_notice(notice: ConclusionNotice, *, fmt: DocumentFormat | None = None,
                             qr: bool = True) -> bytes:
    """The notice as PDF bytes. `fmt` overrides the sector's format; `qr=False` leaves out the QR code."""
    n = protect(normalised(notice), load_forms().protected_identity)  # no protected identity in any text
    if n.sector not in ("state", "party"):
        raise UserError("document.format_unknown", name=n.sector, allowed=["state", "party"])
    fmt = fmt or load_format(n.sector)
    forms = load_forms()
    signature = layout.signature_for(fmt, n.signer)
    require_value(n.presiding.name if n.presiding else "", "người chủ trì buổi tiếp")
    require_value(n.location, "địa điểm tiếp công dân")
    if not n.cases:
        raise UserError("document.value_missing", what="các vụ việc đã nghe và kết luận")

    number = layout.number_line(fmt, n.issuer, n.number)
    story: list[Flowable] = [
        layout.Header(fmt, n.issuer, number, layout.date_line(fmt, n.issuer.place, n.issued_on),
                      form_code=forms.conclusion_notice.code if forms.show_form_codes else ""),
        layout.title_block(fmt, "Thông báo", n.subject or _subject(n)),
    ]
    story += _opening(fmt, n, forms.conclusion_notice.basis_party if n.sector == "party"
                      else forms.conclusion_notice.basis_state)
    for i, case in enumerate(n.cases, start=1):
        story += _case(fmt, i, case, forms.protected_identity)
    closing = _closing_text(fmt, n)
    story += closing[:-1]
    story.append(layout.Closing(fmt, signature, n.recipients, n.archive, lead=closing[-1:]))
    payload = layout.qr_payload(n.issuer.unit_code, layout.bare_number(number), n.issued_on, n) if qr else None
    return layout.render_pdf(fmt, story, title=f"Thông báo kết luận – {number}", author=n.issuer.name,
                             subject=n.subject or _subject(n), qr_payload=payload)


def _subject(n: ConclusionNotice) -> str:
    p = n.presiding
    who = f"đồng chí {p.name}" + (f", {p.position}" if p.position else "")
    if n.delegated_by is not None:
        who += " (được ủy quyền)"
    return f"Kết luận của {who} tại {_ACTIVITY.get(n.kind, _ACTIVITY['scheduled'])} ngày {short_date(n.session_date)}"


def _opening(fmt: DocumentFormat, n: ConclusionNotice, default_basis: str) -> list[Flowable]:
    basis = default_basis if n.basis is None else n.basis
    p = n.presiding
    when = layout.long_date(fmt, n.session_date)
    start = f"{basis.strip().rstrip('.,;')}, {when}" if basis.strip() else when[0].upper() + when[1:]
    who = f"đồng chí {p.name}" + (f", {p.position}" if p.position else "")
    if n.delegated_by is not None:
        d = n.delegated_by
        who += f", được đồng chí {d.name}" + (f", {d.position}" if d.position else "") + " ủy quyền,"
    activity = _ACTIVITY.get(n.kind, _ACTIVITY["scheduled"])
    out = layout.body(fmt, f"{start}, tại {n.location.strip()}, {who} đã chủ trì {activity}.")
    if n.attendees:
        people = "; ".join(f"đồng chí {a.described()}" for a in n.attendees)
        out += layout.body(fmt, f"Cùng dự có: {people}.")
    persons = sum(max(1, c.persons) for c in n.cases)
    heard = (f"Sau khi nghe {persons} công dân trình bày {len(n.cases)} vụ việc"
             + (" và ý kiến của các cơ quan, đơn vị tham dự" if n.attendees else "")
             + f", đồng chí {p.name} kết luận như sau:")
    out += layout.body(fmt, heard)
    return out


def _citizen(citizen: Citizen, persons: int, mask: str) -> str:
    if citizen.protected:
        who = mask
    else:
        who = f"ông (bà) {citizen.name.strip()}"
        if citizen.address.strip():
            who += f", địa chỉ: {citizen.address.strip()}"
    if persons > 1:
        who += f" (đoàn {persons} người)"
    return who


def _case(fmt: DocumentFormat, i: int, case: HeardCase, mask: str) -> list[Flowable]:
    heading = f"<b>{i}. Vụ việc của {markup(_citizen(case.citizen, case.persons, mask))}</b>"
    out: list[Flowable] = [layout.lines_ahead(fmt, 4), layout.body_markup(fmt, heading)]
    out += _labelled(fmt, "a) Nội dung công dân trình bày:", case.content)
    out += _labelled(fmt, "b) Ý kiến kết luận:", case.conclusion)
    if case.assignments:
        out += [layout.lines_ahead(fmt, 3), layout.body_markup(fmt, "<i>c) Giao nhiệm vụ:</i>")]
        for a in case.assignments:
            text = f"- Giao {a.assignee.strip()}: {a.task.strip().rstrip('.;')}"
            text += f"; thời hạn hoàn thành: trước ngày {short_date(a.deadline)}." if a.deadline else "."
            out += layout.body(fmt, text)
    return out


def _labelled(fmt: DocumentFormat, label: str, text: str) -> list[Flowable]:
    lines = layout.split_paragraphs(text) or [""]
    first = layout.body_markup(fmt, f"<i>{markup(label)}</i> {markup(lines[0])}")
    return [first] + [layout.body_markup(fmt, markup(line)) for line in lines[1:]]


def _closing_text(fmt: DocumentFormat, n: ConclusionNotice) -> list[Flowable]:
    report_to = n.report_to.strip() or n.issuer.name
    if n.report_by is not None:
        when = f"trước ngày {short_date(n.report_by)}"
    elif any(a.deadline for c in n.cases for a in c.assignments):
        when = "trong thời hạn nêu trên"
    else:
        when = "theo quy định"
    duty = (f"Yêu cầu các cơ quan, đơn vị, cá nhân được giao nhiệm vụ khẩn trương tổ chức thực hiện, báo cáo "
            f"kết quả về {report_to} {when}; đồng thời thông báo kết quả giải quyết cho công dân biết theo quy định.")
    final = f"{n.issuer.name} thông báo để các cơ quan, đơn vị, cá nhân có liên quan biết, thực hiện./."
    return layout.body(fmt, duty) + layout.body(fmt, final)

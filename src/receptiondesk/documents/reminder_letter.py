"""Văn bản đôn đốc: a letter (công văn) to an agency that has not reported on an assignment past its deadline —
the assignment, its source, its deadline, the days overdue and the date to report by. State or Party format.
`render_reminder_letter(ReminderLetter(...)) -> bytes` (PDF)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable

from receptiondesk.documents import layout
from receptiondesk.documents.common import (Citizen, DocumentNumber, Issuer, Signer, cap_first, citizen_ref,
                                            normalised, protect, require_order, require_value, short_date)
from receptiondesk.documents.formats import DocumentFormat, load_forms
from receptiondesk.errors import UserError


@dataclass(frozen=True)
class OverdueAssignment:
    """One overdue task: what, by when, where it was given ("Thông báo số 05/TB-UBND ngày 05/02/2026"), the
    citizen concerned (masked when protected) and the days overdue (None: calendar days from the deadline to
    the letter's date; the services pass working days from the holiday calendar when the rule counts them)."""

    task: str
    deadline: date
    source: str = ""
    citizen: Citizen | None = None
    days_overdue: int | None = None


@dataclass(frozen=True)
class ReminderLetter:
    """Everything the letter prints. `assignee` is the agency or official reminded (the addressee);
    `report_to` whom they report to (default: the issuer); `working_days` says the days overdue are working
    days; `number.type_code` is the drafting unit's symbol in a state letter ("TCD": "Số: 21/UBND-TCD")."""

    issuer: Issuer
    number: DocumentNumber
    issued_on: date
    signer: Signer | None
    assignee: str
    assignments: tuple[OverdueAssignment, ...]
    report_by: date
    report_to: str = ""
    working_days: bool = False
    subject: str = ""  # overrides the generated "V/v" line (without "V/v ")
    recipients: tuple[str, ...] = ("Như trên",)
    archive: str = ""  # the archive line: "VT, TCD"; default from the format
    sector: str = "state"


def days_overdue(item: OverdueAssignment, on: date) -> int:
    """The days `item` is overdue on `on`: its own figure, else calendar days after the deadline."""
    return item.days_overdue if item.days_overdue is not None else (on - item.deadline).days


def render_reminder_letter(letter: ReminderLetter, *, fmt: DocumentFormat | None = None, qr: bool = True) -> bytes:
    """The letter as PDF bytes. `fmt` overrides the sector's format; `qr=False` leaves out the QR code."""
    forms = load_forms()
    texts, mask = forms.reminder_letter, forms.protected_identity
    r = protect(normalised(letter), mask)
    fmt = layout.format_for(r.sector, fmt)
    signature = layout.signature_for(fmt, r.signer)
    require_value(r.assignee, "cơ quan, đơn vị được đôn đốc")
    if not r.assignments:
        raise UserError("document.value_missing", what="nhiệm vụ được giao đã quá hạn")
    for i, item in enumerate(r.assignments, start=1):
        require_value(item.task, f"nội dung nhiệm vụ thứ {i}")
        require_value(item.deadline, f"thời hạn của nhiệm vụ thứ {i}")
        if days_overdue(item, r.issued_on) <= 0:
            raise UserError("document.not_overdue", index=i, deadline=short_date(item.deadline))
    require_order(r.issued_on, r.report_by, "ngày ban hành văn bản", "hạn báo cáo")
    issuer = r.issuer.name
    assignee = r.assignee.strip().rstrip(".;")
    sources = {item.source.strip() for item in r.assignments}
    if r.subject.strip():
        subject = r.subject.strip()
    elif len(sources) == 1 and "" not in sources:
        subject = texts.subject_source.format(source=sources.pop())
    else:
        subject = texts.subject

    number = layout.letter_number_line(fmt, r.issuer, r.number)
    story: list[Flowable] = [
        layout.Header(fmt, r.issuer, number, layout.date_line(fmt, r.issuer.place, r.issued_on),
                      letter_subject=subject, form_code=texts.code if forms.show_form_codes else ""),
        layout.addressee(fmt, cap_first(assignee) + "."),
    ]
    story += layout.body(fmt, texts.opening.format(issuer=issuer, assignee=assignee))
    many = len(r.assignments) > 1
    for i, item in enumerate(r.assignments, start=1):
        text = (f"{i}. " if many else "- ") + cap_first(item.task.strip().rstrip(".;"))
        if item.citizen is not None and item.citizen.name.strip():
            text += f" (vụ việc của {citizen_ref(item.citizen, mask)})"
        if item.source.strip() and (many or not subject.endswith(item.source.strip())):
            text += f", theo {item.source.strip()}"
        # Only a figure the services computed from the calendar can be working days; a computed one is not.
        unit = "ngày làm việc" if r.working_days and item.days_overdue is not None else "ngày"
        text += ". " + texts.overdue.format(deadline=short_date(item.deadline),
                                            days=days_overdue(item, r.issued_on), unit=unit)
        story += [layout.lines_ahead(fmt, 2), *layout.body(fmt, text)]
    report_to = r.report_to.strip() or issuer
    story += layout.body(fmt, texts.request.format(issuer=issuer, assignee=assignee, report_to=report_to,
                                                   report_by=short_date(r.report_by)))
    story += layout.body(fmt, texts.if_late.format(issuer=issuer, assignee=assignee))
    lead = layout.body(fmt, texts.closing.format(issuer=issuer, assignee=assignee))
    story.append(layout.Closing(fmt, signature, r.recipients, r.archive, lead=lead))
    payload = layout.qr_payload(r.issuer.unit_code, layout.bare_number(number), r.issued_on, r) if qr else None
    return layout.render_pdf(fmt, story, title=f"Văn bản đôn đốc – {number}", author=issuer, qr_payload=payload)

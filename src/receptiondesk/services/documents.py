"""Documents from the desk's records: a draft built from a session, a visit or a case (conclusion notice, receipt,
oral statement, refusal notice, transfer slip, guidance letter), previewed without a number, edited, then issued
through the register (number and date fixed, the PDF kept, its hash and its QR payload in the audit chain).

A transfer slip leaves the commune: a denouncer (or any protected person) is never named in it, and a denunciation
is transferred once."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from receptiondesk.documents.common import (Citizen, DocumentNumber, Issuer, Person, Signer, SignMode, normalised,
                                            protect, redact)
from receptiondesk.documents.conclusion_notice import Assignment, ConclusionNotice, HeardCase, render_conclusion_notice
from receptiondesk.documents.formats import DocumentFormat, load_format, load_forms
from receptiondesk.documents.guidance_letter import GuidanceLetter, render_guidance_letter
from receptiondesk.documents.layout import bare_number, letter_number_line, number_line, qr_payload
from receptiondesk.documents.logbook import Logbook, LogbookRow, render_logbook
from receptiondesk.documents.oral_statement import OralStatement, render_oral_statement
from receptiondesk.documents.receipt import ReceivedItem, Receipt, render_receipt
from receptiondesk.documents.refusal_notice import RefusalNotice, render_refusal_notice
from receptiondesk.documents.transfer_slip import TransferSlip, render_transfer_slip
from receptiondesk.domain.accounts import MASKED_NAME, Permission
from receptiondesk.domain.cases import ContentType, Direction, refusal_grounds
from receptiondesk.errors import UserError
from receptiondesk.messages import enum_label, text
from receptiondesk.services.context import DeskContext
from receptiondesk.services.issuing import (MAX_NUMBER, DocumentRegister, IssuedDocument, IssueRequest,
                                            normalise_number)
from receptiondesk.storage import records
from receptiondesk.storage.listing import ListRequest

#: Why a permitted officer opens a protected name to print a document handed to that citizen.
REVEAL_FOR_PRINT = "In văn bản giao cho chính công dân"
#: What each signer role signs as: (on behalf of the body, mode, principal).
SIGNING = {
    "chairman": ("ỦY BAN NHÂN DÂN", SignMode.DIRECT, ""),
    "vice_chairman": ("ỦY BAN NHÂN DÂN", SignMode.KT, "CHỦ TỊCH"),
    "party_secretary": ("ĐẢNG ỦY", SignMode.DIRECT, ""),
    "deputy_party_secretary": ("ĐẢNG ỦY", SignMode.KT, "BÍ THƯ"),
}
SECTOR_SIGNERS = {"state": ("chairman", "vice_chairman"), "party": ("party_secretary", "deputy_party_secretary")}
#: Stands for the mask while a protected person's identity is taken out of a text (a private-use character).
_MASK_PLACEHOLDER = "\ue000"
#: The drafting unit's symbol in the number of a state letter (công văn): "Số: 15/UBND-TCD" (tiếp công dân).
LETTER_UNIT = "TCD"


@dataclass(frozen=True)
class DocumentDraft:
    """A document before it is issued: the engine's data (edited with `edit`) and where it goes in the register."""

    kind: str  # a key of KINDS: conclusion_notice, receipt, oral_statement, refusal_notice, transfer_slip, ...
    title: str
    data: Any  # the engine's frozen dataclass
    doc_type: str  # the register's type: "TB", "GBN", "BB", "PC", "CV"
    subject_entity: str
    subject_uuid: str
    fmt_name: str = "state"
    names_protected_person: bool = False
    #: The symbol printed in the number when it is not the register's type: a state letter's drafting unit
    #: ("TCD": "Số: 15/UBND-TCD", in the "CV" register).
    number_code: str = ""
    #: The number the record already gives the document (the transfer or guidance document number typed with
    #: the direction), used when `issue` is given none; None: the register's next.
    number: int | None = None
    #: Refuse a second live document of this type about the subject (a denunciation is transferred once).
    transfer_once: bool = False

    def edit(self, **changes: Any) -> DocumentDraft:
        """A copy with some of the document's fields changed (the officer's edits)."""
        return dataclasses.replace(self, data=dataclasses.replace(self.data, **changes))


@dataclass(frozen=True)
class DocumentKind:
    """How the engine renders a kind of document: its function, whether its number is a letter's
    ("Số: 15/UBND-TCD"), and which date its QR code carries."""

    render: Callable[..., bytes]
    letter: bool = False
    qr_day: Callable[[Any], date] = lambda data: data.issued_on


KINDS: dict[str, DocumentKind] = {
    "conclusion_notice": DocumentKind(render_conclusion_notice),
    "receipt": DocumentKind(render_receipt, qr_day=lambda data: data.received_at.date()),
    "oral_statement": DocumentKind(render_oral_statement, qr_day=lambda data: data.started_at.date()),
    "refusal_notice": DocumentKind(render_refusal_notice),
    "transfer_slip": DocumentKind(render_transfer_slip),
    "guidance_letter": DocumentKind(render_guidance_letter, letter=True),
}


def document_number_line(kind: str, fmt: DocumentFormat, issuer: Issuer, number: DocumentNumber) -> str:
    """The number line as the engine prints it for `kind`: 'Số: 05/TB-UBND', or a letter's 'Số: 15/UBND-TCD'."""
    return (letter_number_line if KINDS[kind].letter else number_line)(fmt, issuer, number)


def qr_payload_of(kind: str, data: Any, fmt: DocumentFormat) -> str:
    """The QR payload the engine prints on a document of `kind` rendered from `data` in `fmt`: the same masked,
    NFC copy of the data the renderer hashes, its number as printed and its date
    ('RD1|<unit>|<number>|<YYYY-MM-DD>|<hash>')."""
    shown = protect(normalised(data), load_forms().protected_identity)
    line = (document_number_line(kind, fmt, shown.issuer, shown.number)
            if getattr(shown, "number", None) is not None else None)
    return qr_payload(shown.issuer.unit_code, bare_number(line), KINDS[kind].qr_day(shown), shown)


class DocumentService:
    """Builds drafts from records, renders previews and issues through the register."""

    def __init__(self, context: DeskContext, register: DocumentRegister, sessions, logbook, privacy) -> None:
        self.context = context
        self.register = register
        self._sessions = sessions
        self._logbook = logbook
        self._privacy = privacy

    # -- who issues and signs --------------------------------------------------------------
    def issuer(self, sector: str = "state") -> Issuer:
        """The commune's People's Committee, or its Party committee for the Party side."""
        commune = self.context.require_setup().commune
        kind = commune.commune_type.strip()
        name = commune.commune_name
        if name.lower().startswith(kind.lower() + " "):
            name = name[len(kind) + 1:]
        if sector == "party":
            return Issuer.commune_party_committee(commune.province_name, kind, name, unit_code=commune.commune_code)
        return Issuer.commune_committee(kind, name, unit_code=commune.commune_code)

    def signer(self, sector: str = "state") -> Signer | None:
        """The sector's head if the desk has one as a signer, else the deputy; None if neither is set up."""
        by_role = {row["role"]: row for row in self.context.database.query(
            "SELECT full_name, title, role FROM signers WHERE voided = 0 ORDER BY id")}
        for role in SECTOR_SIGNERS.get(sector, ()):
            row = by_role.get(role)
            if row:
                on_behalf, mode, principal = SIGNING[role]
                return Signer(row["full_name"], row["title"].upper(), on_behalf, mode, principal)
        return None

    def _officer(self) -> Person:
        session = self.context.require_session()
        settings = self.context.require_setup()
        return Person(settings.officer_name or session.user.full_name, "Công chức tiếp công dân")

    # -- drafts ----------------------------------------------------------------------------
    def conclusion_notice(self, session_uuid: str) -> DocumentDraft:
        """The notice of a held session's conclusions; protected persons stay masked (it goes to agencies)."""
        self.context.require(Permission.PRINT)
        notice = self._sessions.notice_data(session_uuid)
        if notice.status != "held":
            raise UserError("document.session_not_held", "session")
        cases = tuple(HeardCase(
            Citizen(notice_case.citizen_name, notice_case.citizen_address, protected=notice_case.protected),
            notice_case.summary, notice_case.conclusion,
            tuple(Assignment(a.assignee, a.task, a.deadline) for a in notice_case.assignments))
            for notice_case in notice.cases)
        leader = Person(notice.leader_name, enum_label("leader_role", notice.leader_role, "vi"))
        presiding = Person(notice.delegate_name, notice.delegate_role) if notice.delegated else leader
        data = ConclusionNotice(
            issuer=self.issuer(notice.sector), number=DocumentNumber(None, "TB"), issued_on=self.context.today(),
            signer=self.signer(notice.sector), session_date=notice.session_date, location=notice.location,
            presiding=presiding, cases=cases, sector=notice.sector, kind=notice.kind,
            delegated_by=leader if notice.delegated else None,
            attendees=tuple(Person(name) for name in notice.attendees),
            recipients=(*dict.fromkeys(a.assignee for c in cases for a in c.assignments), "Công dân có liên quan"))
        return DocumentDraft("conclusion_notice", "Thông báo kết luận", data, "TB", "sessions", session_uuid,
                             "party" if notice.sector == "party" else "state")

    def _visit_citizen(self, visit: dict[str, Any]) -> tuple[Citizen, bool]:
        """The visitor as the document names them: a protected person's real identity only for a permitted user
        (the document is handed to that citizen), otherwise the mask."""
        session = self.context.require_session()
        protected = visit["full_name"] == MASKED_NAME
        if protected and session.user.can_see_protected:
            identity = self._privacy.reveal("visit", visit["uuid"], REVEAL_FOR_PRINT)
            return Citizen(identity.get("full_name", ""), identity.get("address", ""),
                           identity.get("id_number") or ""), True
        return Citizen(visit["full_name"], visit["address"] or "", visit["id_number"] or "",
                       protected=protected), False

    def receipt(self, visit_uuid: str) -> DocumentDraft:
        """The receipt (Mẫu 02/TCD) for the documents a visitor handed in."""
        self.context.require(Permission.PRINT)
        visit = self._logbook.get_visit(visit_uuid)
        items = tuple(ReceivedItem(a["title"], a["pages"], bool(a["original"])) for a in self.context.database.query(
            "SELECT title, pages, original FROM attachments WHERE visit_id = (SELECT id FROM visits WHERE uuid = ?) "
            "AND voided = 0 ORDER BY id", (visit_uuid,)))
        if not items:
            raise UserError("document.nothing_handed_in", "attachment_title")
        citizen, named = self._visit_citizen(visit)
        data = Receipt(issuer=self.issuer(), received_at=self._visit_time(visit), location=self._location(),
                       receiver=self._officer(), provider=citizen, items=items, number=DocumentNumber(None, "GBN"))
        return DocumentDraft("receipt", "Giấy biên nhận", data, "GBN", "visits", visit_uuid,
                             names_protected_person=named)

    def oral_statement(self, visit_uuid: str) -> DocumentDraft:
        """The record of what the citizen said (read back and signed)."""
        self.context.require(Permission.PRINT)
        visit = self._logbook.get_visit(visit_uuid)
        citizen, named = self._visit_citizen(visit)
        data = OralStatement(issuer=self.issuer(), started_at=self._visit_time(visit), location=self._location(),
                             officer=self._officer(), citizen=citizen, statement=visit["summary"],
                             number=DocumentNumber(None, "BB"),
                             content_type=", ".join(enum_label("content_type", t, "vi")
                                                    for t in (visit.get("content_types") or "").split(",") if t))
        return DocumentDraft("oral_statement", "Biên bản ghi nội dung trình bày", data, "BB", "visits", visit_uuid,
                             names_protected_person=named)

    def refusal_notice(self, visit_uuid: str) -> DocumentDraft:
        """The refusal notice (Mẫu 01/TCD) of a refused visit, with the legal ground recorded for it; it is handed
        to that citizen (named only for a permitted officer, as on a receipt)."""
        self.context.require(Permission.PRINT)
        visit = self._logbook.get_visit(visit_uuid)
        if visit["direction"] != Direction.REFUSED:
            raise UserError("document.visit_not_refused", "direction")
        ground = refusal_grounds().get(visit["refusal_ground"] or "")
        if ground is None:
            raise UserError("direction.ground_required", "refusal_ground")
        citizen, named = self._visit_citizen(visit)
        data = RefusalNotice(issuer=self.issuer(), number=DocumentNumber(None, "TB"), issued_on=self.context.today(),
                             signer=self.signer(), citizen=citizen, came_at=self._visit_time(visit),
                             location=self._location(), content=visit["summary"], grounds=(ground.name_vi,))
        return DocumentDraft("refusal_notice", "Thông báo từ chối tiếp công dân", data, "TB", "visits", visit_uuid,
                             names_protected_person=named)

    def guidance_letter(self, visit_uuid: str) -> DocumentDraft:
        """The letter guiding the citizen of a guided visit to the competent body (the direction's body); numbered
        in the letters' ("CV") register, proposed from the guidance document number recorded with the visit."""
        self.context.require(Permission.PRINT)
        visit = self._logbook.get_visit(visit_uuid)
        if visit["direction"] != Direction.GUIDED:
            raise UserError("document.visit_not_guided", "direction")
        if not (visit["direction_body"] or "").strip():
            raise UserError("direction.body_required", "direction_body", direction=Direction.GUIDED.value)
        citizen, named = self._visit_citizen(visit)
        types = [t for t in (visit.get("content_types") or "").split(",") if t]
        data = GuidanceLetter(issuer=self.issuer(), number=DocumentNumber(None, LETTER_UNIT),
                              issued_on=self.context.today(), signer=self.signer(), citizen=citizen,
                              content_type=types[0] if types else "",
                              received_on=date.fromisoformat(visit["visit_date"]), content=visit["summary"],
                              kind="guidance", guide_to=visit["direction_body"])
        draft = DocumentDraft("guidance_letter", "Văn bản hướng dẫn", data, "CV", "visits", visit_uuid,
                              names_protected_person=named, number_code=LETTER_UNIT)
        return dataclasses.replace(draft, number=self._recorded_number(draft, visit["direction_doc"]))

    def transfer_slip(self, case_uuid: str) -> DocumentDraft:
        """The slip that sends a transferred case to its direction's body, numbered from the transfer document
        number recorded with the direction when it reads as this register's and is free.

        The slip leaves the commune: the sender of a denunciation, of a confidential case or a protected person is
        passed masked (never revealed, whoever prints), and their name, address, ID and phone are also taken out
        of the content, the documents listed and the forwarding body. Such a case is transferred once: a second
        slip is refused while the first is not voided."""
        self.context.require(Permission.PRINT)
        case = self.context.database.one(
            "SELECT c.*, ct.uuid AS citizen_uuid, ct.full_name AS citizen_name, ct.address AS citizen_address, "
            "ct.id_number AS citizen_id_number, ct.phone AS citizen_phone, "
            "coalesce(ct.protected, 0) AS citizen_protected, ct.sealed_identity AS citizen_sealed "
            "FROM cases c LEFT JOIN citizens ct ON ct.id = c.citizen_id WHERE c.uuid = ?", (case_uuid,))
        if case is None:
            raise UserError("record.not_found", "case", uuid=case_uuid)
        if case["direction"] != Direction.TRANSFERRED:
            raise UserError("document.case_not_transferred", "direction")
        if not case["direction_body"].strip():
            raise UserError("direction.body_required", "direction_body", direction=Direction.TRANSFERRED.value)
        protected = bool(case["content_type"] == ContentType.DENUNCIATION or case["confidential"]
                         or case["citizen_protected"])
        letters = self.context.database.query(
            "SELECT uuid, full_name, address, channel, sender_body, forward_doc, sealed_identity FROM letters "
            "WHERE case_id = ? AND voided = 0 ORDER BY id", (case["id"],))
        if protected:
            self._refuse_second_transfer(case_uuid)
            people = self._identities_to_strip(case, letters)
            mask = load_forms().protected_identity

            def hide(value: str) -> str:
                # Through a placeholder: a name that is also a word of the mask ("Danh") would otherwise be found
                # again in each mask put in its place, for ever.
                return redact(value, people, _MASK_PLACEHOLDER).replace(_MASK_PLACEHOLDER, mask) if people else value
            # No name at all: the engine prints its mask, and has nothing of theirs to look for in texts that
            # already hold the mask (given the mask as a name it would keep replacing the mask with itself).
            sender = Citizen("", protected=True)
        else:
            def hide(value: str) -> str:
                return value

            first = letters[0] if letters else None
            sender = Citizen(case["citizen_name"] or (first["full_name"] if first else ""),
                             case["citizen_address"] or (first["address"] if first else "") or "")
        forwarded = next((f"{r['sender_body']} (văn bản số {r['forward_doc']})" if r["forward_doc"]
                          else r["sender_body"] for r in letters if r["channel"] == "forwarded" and r["sender_body"]),
                         "")
        attachments = tuple(hide(r["title"]) for r in self.context.database.query(
            "SELECT title FROM attachments WHERE case_id = ? AND voided = 0 ORDER BY id", (case["id"],)))
        data = TransferSlip(issuer=self.issuer(), number=DocumentNumber(None, "PC"), issued_on=self.context.today(),
                            signer=self.signer(), receiver=case["direction_body"], sender=sender,
                            content_type=case["content_type"], received_on=date.fromisoformat(case["received_on"]),
                            content=hide(case["summary"]), forwarded_by=hide(forwarded), attachments=attachments)
        draft = DocumentDraft("transfer_slip", "Phiếu chuyển đơn", data, "PC", "cases", case_uuid,
                              transfer_once=protected)
        return dataclasses.replace(draft, number=self._recorded_number(draft, case["direction_doc"]))

    def _refuse_second_transfer(self, case_uuid: str) -> None:
        earlier = self.context.database.one(
            "SELECT number_text, issued_on FROM documents WHERE subject_entity = 'cases' AND subject_uuid = ? "
            "AND doc_type = 'PC' AND voided = 0 ORDER BY id LIMIT 1", (case_uuid,))
        if earlier is not None:
            raise UserError("document.transferred_once", "document", number=earlier["number_text"],
                            date=date.fromisoformat(earlier["issued_on"]).strftime("%d/%m/%Y"))

    def _identities_to_strip(self, case: Any, letters: list[Any]) -> list[Citizen]:
        """The protected sender's identity, opened in memory only to take it out of the slip's texts: it is
        never put in the draft, shown or audited as a reveal."""
        identities: list[dict[str, Any]] = []
        cipher = self.context.require_session().identities
        if case["citizen_sealed"] is not None:
            identities.append(cipher.open(case["citizen_uuid"], case["citizen_sealed"]))
        elif case["citizen_name"] and case["citizen_name"] != MASKED_NAME:
            identities.append({"full_name": case["citizen_name"], "address": case["citizen_address"],
                               "id_number": case["citizen_id_number"], "phone": case["citizen_phone"]})
        for letter in letters:
            if letter["sealed_identity"] is not None:
                identities.append(cipher.open(letter["uuid"], letter["sealed_identity"]))
            elif letter["full_name"] and letter["full_name"] != MASKED_NAME:
                identities.append({"full_name": letter["full_name"], "address": letter["address"]})
        return [Citizen(i.get("full_name") or "", i.get("address") or "", i.get("id_number") or "",
                        phone=i.get("phone") or "", protected=True) for i in identities]

    def _recorded_number(self, draft: DocumentDraft, reference: str | None) -> int | None:
        """The number in the document number recorded with a direction ("01/PC-UBND") when it reads as this
        draft's number text and is still free in the register this year; else None (the register's next)."""
        found = re.match(r"\s*(?:số\s*:?\s*)?0*(\d{1,5})(?!\d)", reference or "", re.IGNORECASE)
        if found is None or not 1 <= int(found.group(1)) <= MAX_NUMBER:
            return None
        number = int(found.group(1))

        def unpadded(value: str) -> str:
            return re.sub(r"^0+(?=\d)", "", normalise_number(value))

        if unpadded(reference or "") != unpadded(self.number_text(draft, number)):
            return None
        used = self.context.database.one(
            "SELECT 1 FROM documents WHERE issuer = ? AND doc_type = ? AND year = ? AND number = ?",
            (draft.data.issuer.symbol, draft.doc_type, self.context.today().year, number))
        return None if used else number

    def _location(self) -> str:
        commune = self.context.require_setup().commune
        return f"Trụ sở tiếp công dân {commune.commune_name}"

    def _visit_time(self, visit: dict[str, Any]) -> datetime:
        """When the citizen came: now for today's visit, the start of the working day for an earlier one."""
        day = date.fromisoformat(visit["visit_date"])
        now = self.context.clock()
        return now.replace(tzinfo=None) if day == now.date() else datetime(day.year, day.month, day.day, 8, 0)

    # -- preview and issue -----------------------------------------------------------------
    def _numbered(self, draft: DocumentDraft, number: int | None, issued_on: date) -> Any:
        changes: dict[str, Any] = {"number": DocumentNumber(number, draft.number_code or draft.doc_type)}
        if "issued_on" in {f.name for f in dataclasses.fields(draft.data)}:
            changes["issued_on"] = issued_on
        return dataclasses.replace(draft.data, **changes)

    def preview(self, draft: DocumentDraft) -> bytes:
        """The PDF as it will print, its number left blank until it is issued."""
        self.context.require(Permission.PRINT)
        return KINDS[draft.kind].render(self._numbered(draft, None, self.context.today()),
                                        fmt=load_format(draft.fmt_name))

    def number_text(self, draft: DocumentDraft, number: int) -> str:
        """'05/TB-UBND', '12-TB/ĐU' or a letter's '15/UBND-TCD': the number as the format writes it, without 'Số'."""
        line = document_number_line(draft.kind, load_format(draft.fmt_name), draft.data.issuer,
                                    DocumentNumber(number, draft.number_code or draft.doc_type))
        return line.split(" ", 1)[1].strip() if line.lower().startswith("số") else line

    def issue(self, draft: DocumentDraft, number: int | None = None) -> IssuedDocument:
        """Issue the draft: the register fixes number and date (`number`, else the draft's recorded number, else
        the next), renders it with them, keeps the PDF and audits its hash and QR payload."""
        request = IssueRequest(draft.doc_type, draft.data.issuer.symbol, draft.subject_entity, draft.subject_uuid,
                               draft.title, draft.names_protected_person,
                               number if number is not None else draft.number, transfer_once=draft.transfer_once)
        fmt = load_format(draft.fmt_name)
        kind = KINDS[draft.kind]
        return self.register.issue(
            request, lambda n: self.number_text(draft, n),
            lambda n, day: kind.render(self._numbered(draft, n, day), fmt=fmt),
            lambda n, day: qr_payload_of(draft.kind, self._numbered(draft, n, day), fmt))

    # -- the logbook ---------------------------------------------------------------------------
    def logbook(self, date_from: date, date_to: date) -> bytes:
        """The logbook (Mẫu 03/TCD) for a date range, names as the list shows them; printing it is audited."""
        self.context.require(Permission.PRINT)
        if date_to < date_from:
            raise UserError("value.range_inverted", "date_to")
        request = ListRequest(filters={"date_from": date_from.isoformat(), "date_to": date_to.isoformat()},
                              sort="oldest")
        rows = []
        for visit in _all_pages(lambda offset: self._logbook.visits(request, limit=1000, offset=offset)):
            direction = visit["direction"]
            rows.append(LogbookRow(
                visit["logbook_no"], date.fromisoformat(visit["visit_date"]),
                Citizen(visit["full_name"], visit["address"] or "", visit["id_number"] or "",
                        protected=visit["full_name"] == MASKED_NAME),
                visit["summary"], ", ".join(enum_label("content_type", t, "vi")
                                            for t in (visit.get("content_types") or "").split(",") if t),
                visit["headcount"], in_competence=direction == Direction.ACCEPTED,
                guided_to=visit["direction_body"] if direction == Direction.GUIDED else "",
                transferred_to=visit["direction_body"] if direction == Direction.TRANSFERRED else "",
                notes=text(f"enum.direction.{direction}", "vi") if direction in (Direction.ANSWERED, Direction.FILED,
                                                                               Direction.REFUSED) else ""))
        pdf = render_logbook(Logbook(self.issuer(), date_from, date_to, tuple(rows), self.context.today(),
                                     self._officer()))
        with self.context.database.write() as conn:
            records.append_audit(conn, self.context.stamp(), "document.print", "visits", None,
                                 {"document": "logbook", "from": date_from.isoformat(), "to": date_to.isoformat(),
                                  "rows": len(rows)})
        return pdf


def _all_pages(page: Callable[[int], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    while True:
        rows = page(len(out))
        out.extend(rows)
        if len(rows) < 1000:
            return out

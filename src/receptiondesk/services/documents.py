"""Documents from the desk's records: a draft built from a session or a visit, previewed without a number, edited,
then issued through the register (number and date fixed, the PDF kept, its hash in the audit chain)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from receptiondesk.documents.common import Citizen, DocumentNumber, Issuer, Person, Signer, SignMode
from receptiondesk.documents.conclusion_notice import Assignment, ConclusionNotice, HeardCase, render_conclusion_notice
from receptiondesk.documents.formats import load_format
from receptiondesk.documents.layout import number_line
from receptiondesk.documents.logbook import Logbook, LogbookRow, render_logbook
from receptiondesk.documents.oral_statement import OralStatement, render_oral_statement
from receptiondesk.documents.receipt import ReceivedItem, Receipt, render_receipt
from receptiondesk.domain.accounts import MASKED_NAME, Permission
from receptiondesk.domain.cases import Direction
from receptiondesk.errors import UserError
from receptiondesk.messages import enum_label, text
from receptiondesk.services.context import DeskContext
from receptiondesk.services.issuing import DocumentRegister, IssuedDocument, IssueRequest
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


@dataclass(frozen=True)
class DocumentDraft:
    """A document before it is issued: the engine's data (edited with `edit`) and where it goes in the register."""

    kind: str  # conclusion_notice, receipt, oral_statement
    title: str
    data: Any  # the engine's frozen dataclass
    doc_type: str
    subject_entity: str
    subject_uuid: str
    fmt_name: str = "state"
    names_protected_person: bool = False

    def edit(self, **changes: Any) -> DocumentDraft:
        """A copy with some of the document's fields changed (the officer's edits)."""
        return dataclasses.replace(self, data=dataclasses.replace(self.data, **changes))


def _renderer(kind: str) -> Callable[..., bytes]:
    return {"conclusion_notice": render_conclusion_notice, "receipt": render_receipt,
            "oral_statement": render_oral_statement}[kind]


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
        changes: dict[str, Any] = {"number": DocumentNumber(number, draft.doc_type)}
        if "issued_on" in {f.name for f in dataclasses.fields(draft.data)}:
            changes["issued_on"] = issued_on
        return dataclasses.replace(draft.data, **changes)

    def preview(self, draft: DocumentDraft) -> bytes:
        """The PDF as it will print, its number left blank until it is issued."""
        self.context.require(Permission.PRINT)
        return _renderer(draft.kind)(self._numbered(draft, None, self.context.today()), fmt=load_format(draft.fmt_name))

    def number_text(self, draft: DocumentDraft, number: int) -> str:
        """'05/TB-UBND' or '12-TB/ĐU': the number as the format writes it, without 'Số'."""
        line = number_line(load_format(draft.fmt_name), draft.data.issuer, DocumentNumber(number, draft.doc_type))
        return line.split(" ", 1)[1].strip() if line.lower().startswith("số") else line

    def issue(self, draft: DocumentDraft, number: int | None = None) -> IssuedDocument:
        """Issue the draft: the register fixes number and date, renders it with them and keeps the PDF."""
        request = IssueRequest(draft.doc_type, draft.data.issuer.symbol, draft.subject_entity, draft.subject_uuid,
                               draft.title, draft.names_protected_person, number)
        fmt = load_format(draft.fmt_name)
        return self.register.issue(
            request, lambda n: self.number_text(draft, n),
            lambda n, day: _renderer(draft.kind)(self._numbered(draft, n, day), fmt=fmt))

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

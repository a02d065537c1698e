"""The register of issued documents: numbers per issuer, type and year, the PDF kept as issued (sealed when
it names a protected person), its SHA-256 in the audit chain, and reprints that refuse altered bytes."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.text import clean_line
from receptiondesk.errors import UserError
from receptiondesk.security import keys
from receptiondesk.services.backups import document_floor
from receptiondesk.services.context import DeskContext
from receptiondesk.storage import records

PURPOSE = "issued-documents"
MAX_NUMBER = 99_999
#: What a document may be about (its subject record's table).
SUBJECT_TABLES = frozenset({"sessions", "visits", "letters", "cases", "assignments"})


@dataclass(frozen=True)
class IssueRequest:
    """One document to issue: its register (issuer and type), what it is about, and an optional typed number."""

    doc_type: str  # the register's type code, e.g. "TB" (notice), "BN" (receipt)
    issuer: str  # the issuing body's register, e.g. "UBND" or "ĐU": a different issuer, a different register
    subject_entity: str
    subject_uuid: str
    title: str
    names_protected_person: bool = False
    number: int | None = None  # from the issuer's outgoing register; None: the desk proposes the next
    issued_on: date | None = None


@dataclass(frozen=True)
class IssuedDocument:
    uuid: str
    number: int
    number_text: str
    issued_on: date
    sha256: str
    pdf: bytes


def _next_number(conn: sqlite3.Connection, issuer: str, doc_type: str, year: int) -> int:
    """One after the highest number used, or after the floor a restore recorded (numbers issued after the
    backup was made, which the outside world has already seen)."""
    used = conn.execute("SELECT max(number) FROM documents WHERE issuer = ? AND doc_type = ? AND year = ?",
                        (issuer, doc_type, year)).fetchone()[0]
    return max(used or 0, document_floor(conn, issuer, doc_type, year)) + 1


class DocumentRegister:
    """Issues, lists and reprints documents; every issue, reprint and void is audited."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    def _key(self) -> bytes:
        return keys.purpose_key(self.context.require_session().data_key, PURPOSE)

    def next_number(self, doc_type: str, issuer: str, year: int) -> int:
        """The number the desk proposes: one after the highest used (a voided document keeps its number)."""
        self.context.require(Permission.READ)
        return _next_number(self.context.database.conn, issuer, doc_type, year)

    def issue(self, request: IssueRequest, number_text: Callable[[int], str],
              render: Callable[[int, date], bytes]) -> IssuedDocument:
        """Fix the number and date, render the PDF with them, and keep it as issued, all in one transaction."""
        session = self.context.require(Permission.PRINT)
        if request.names_protected_person and not session.user.can_see_protected:
            raise UserError("document.protected_name", "document")
        if request.subject_entity not in SUBJECT_TABLES:
            raise ValueError(f"not a document subject: {request.subject_entity}")
        title = clean_line(request.title)
        issuer, doc_type = clean_line(request.issuer), clean_line(request.doc_type)
        if not title or not issuer or not doc_type:
            raise UserError("value.required", "document_title" if not title else "issuer")
        issued_on = request.issued_on or self.context.today()
        if issued_on > self.context.today():
            raise UserError("value.date_in_future", "issued_on")
        with self.context.database.write() as conn:
            records.record_id_for(conn, request.subject_entity, request.subject_uuid, field="document")
            year = issued_on.year
            number = request.number
            if number is None:
                number = _next_number(conn, issuer, doc_type, year)
            elif not isinstance(number, int) or not 1 <= number <= MAX_NUMBER:
                raise UserError("document.number_range", "document_number", max=MAX_NUMBER)
            elif conn.execute("SELECT 1 FROM documents WHERE issuer = ? AND doc_type = ? AND year = ? AND number = ?",
                              (issuer, doc_type, year, number)).fetchone():
                raise UserError("document.number_used", "document_number", number=number_text(number))
            text = number_text(number)
            pdf = render(number, issued_on)
            digest = hashlib.sha256(pdf).hexdigest()
            document_uuid = records.new_uuid()
            content = keys.seal(self._key(), pdf, document_uuid.encode()) if request.names_protected_person else pdf
            stamp = self.context.stamp()
            records.insert_record(conn, "documents", stamp, {
                "doc_type": doc_type, "issuer": issuer, "year": year, "number": number, "number_text": text,
                "issued_on": issued_on.isoformat(), "subject_entity": request.subject_entity,
                "subject_uuid": request.subject_uuid, "title": title,
                "protected": int(request.names_protected_person), "sha256": digest, "content": content,
            }, record_uuid=document_uuid)
            records.append_audit(conn, stamp, "document.issue", "documents", document_uuid, {
                "number": text, "type": doc_type, "issuer": issuer, "sha256": digest,
                "subject": f"{request.subject_entity}:{request.subject_uuid}"})
        return IssuedDocument(document_uuid, number, text, issued_on, digest, pdf)

    def reprint(self, document_uuid: str) -> bytes:
        """The PDF exactly as issued: its bytes must match the SHA-256 kept with it and written in the audit chain."""
        session = self.context.require(Permission.PRINT)
        row = self.context.database.one("SELECT * FROM documents WHERE uuid = ?", (document_uuid,))
        if row is None:
            raise UserError("record.not_found", "document", uuid=document_uuid)
        if row["protected"] and not session.user.can_see_protected:
            raise UserError("document.protected_name", "document")
        pdf = row["content"]
        if row["protected"]:
            try:
                pdf = keys.open_sealed(self._key(), pdf, document_uuid.encode())
            except keys.WrongKey:
                raise UserError("document.altered", "document", number=row["number_text"]) from None
        issued = self.context.database.one(
            "SELECT detail FROM audit_log WHERE entity = 'documents' AND record_uuid = ? AND action = 'document.issue'",
            (document_uuid,))
        chained = json.loads(issued["detail"]).get("sha256") if issued else None
        if hashlib.sha256(pdf).hexdigest() != row["sha256"] or chained != row["sha256"]:
            raise UserError("document.altered", "document", number=row["number_text"])
        with self.context.database.write() as conn:
            records.append_audit(conn, self.context.stamp(), "document.reprint", "documents", document_uuid,
                                 {"number": row["number_text"]})
        return pdf

    def void(self, document_uuid: str, reason: str) -> None:
        """A document withdrawn: it stays in the register with its number, which is never given again."""
        self.context.require(Permission.PRINT)
        text = clean_line(reason)
        if len(text) < 5:
            raise UserError("void.reason_required", "void_reason", min=5)
        with self.context.database.write() as conn:
            document_id = records.record_id_for(conn, "documents", document_uuid, field="document")
            stamp = self.context.stamp()
            records.void_record(conn, "documents", document_id, stamp, text)
            records.append_audit(conn, stamp, "document.void", "documents", document_uuid,
                                 {"reason_length": len(text)})

    def of_subject(self, subject_entity: str, subject_uuid: str) -> list[dict[str, Any]]:
        """The documents issued about one record, newest first (without their bytes)."""
        self.context.require(Permission.READ)
        return [dict(r) for r in self.context.database.query(
            "SELECT uuid, doc_type, issuer, number, number_text, issued_on, title, protected, sha256, voided "
            "FROM documents WHERE subject_entity = ? AND subject_uuid = ? ORDER BY issued_on DESC, id DESC",
            (subject_entity, subject_uuid))]

    def find_by_number(self, number_text: str) -> list[dict[str, Any]]:
        """Documents whose number reads `number_text` (typed, or scanned from a printed QR code)."""
        self.context.require(Permission.READ)
        wanted = clean_line(number_text).upper().removeprefix("SỐ:").removeprefix("SỐ").strip()
        return [dict(r) for r in self.context.database.query(
            "SELECT uuid, doc_type, issuer, number, number_text, issued_on, title, subject_entity, subject_uuid, "
            "sha256, voided FROM documents WHERE upper(number_text) = ? ORDER BY issued_on DESC", (wanted,))]

"""The register of issued documents: numbers per issuer, type and year, the PDF kept as issued (sealed when
it names a protected person), its SHA-256 and its QR payload in the audit chain, reprints that refuse altered
bytes, and the check of a scanned QR code or a typed number against the register."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from receptiondesk.documents.layout import QR_VERSION

from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.text import clean_line
from receptiondesk.errors import UserError
from receptiondesk.messages import text as message_text
from receptiondesk.security import keys
from receptiondesk.services.backups import document_floor
from receptiondesk.services.context import DeskContext
from receptiondesk.storage import records

PURPOSE = "issued-documents"
#: The key that hides the QR hash of a document naming a protected person (see `_kept_qr`).
QR_PURPOSE = "document-qr"
#: How the audit keeps such a hash: "k:" and an HMAC of it, never the hash itself.
KEYED_HASH = "k:"
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
    #: A denunciation (or a protected case) is transferred once (Law on Denunciations 2018): refuse a second
    #: live document of this type about the same subject (a voided one does not count).
    transfer_once: bool = False


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

    def _qr_key(self) -> bytes:
        return keys.purpose_key(self.context.require_session().data_key, QR_PURPOSE)

    def _kept_qr(self, payload: str, protected: bool) -> str:
        """The QR payload as the audit keeps it. A document naming a protected person keeps an HMAC of its hash
        instead of the hash: the hash covers the name, and a plain one would let anyone who reads the file test
        guessed names against it."""
        if not protected:
            return payload
        head, _, digest = payload.rpartition("|")
        return f"{head}|{KEYED_HASH}{hmac.new(self._qr_key(), digest.encode(), hashlib.sha256).hexdigest()[:32]}"

    def issue(self, request: IssueRequest, number_text: Callable[[int], str],
              render: Callable[[int, date], bytes], qr: Callable[[int, date], str] | None = None) -> IssuedDocument:
        """Fix the number and date, render the PDF with them, and keep it as issued, all in one transaction.

        `qr(number, issued_on)` gives the document's QR payload (computed from the data the PDF is rendered
        from); it goes into the audit row of the issue, for `verify_scan`."""
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
            if request.transfer_once:
                earlier = conn.execute(
                    "SELECT number_text, issued_on FROM documents WHERE subject_entity = ? AND subject_uuid = ? "
                    "AND doc_type = ? AND voided = 0 ORDER BY id LIMIT 1",
                    (request.subject_entity, request.subject_uuid, doc_type)).fetchone()
                if earlier is not None:
                    raise UserError("document.transferred_once", "document", number=earlier["number_text"],
                                    date=date.fromisoformat(earlier["issued_on"]).strftime("%d/%m/%Y"))
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
            payload = qr(number, issued_on) if qr is not None else None
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
            detail = {"number": text, "type": doc_type, "issuer": issuer, "sha256": digest,
                      "subject": f"{request.subject_entity}:{request.subject_uuid}"}
            if payload:
                detail["qr"] = self._kept_qr(payload, request.names_protected_person)
            records.append_audit(conn, stamp, "document.issue", "documents", document_uuid, detail)
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
        return self._by_number(number_text)

    def _by_number(self, number_text: str) -> list[dict[str, Any]]:
        """Newest first: the same number comes back each year."""
        return [dict(r) for r in self.context.database.query(
            "SELECT uuid, doc_type, issuer, number, number_text, issued_on, title, subject_entity, subject_uuid, "
            "sha256, protected, voided FROM documents WHERE upper(number_text) = ? ORDER BY issued_on DESC, id DESC",
            (normalise_number(number_text),))]

    # -- checking a scanned QR code or a typed number ---------------------------------------------
    def verify_scan(self, scanned: str) -> ScanResult:
        """Which document a scanned QR code (`RD1|unit|number|YYYY-MM-DD|hash`) or a typed number ("05/TB-UBND",
        "Số 12-TB/ĐU") is, and whether it matches the register. A QR code matches when its unit, number, date and
        content hash are those kept when the document was issued and the document is not voided; a typed number
        matches when a document that is not voided carries it. A read: nothing is written."""
        self.context.require(Permission.READ)
        value = clean_line(scanned)
        if value.upper().startswith(QR_VERSION + "|"):
            return self._verify_payload(value)
        rows = self._by_number(value) if value else []
        if not rows:
            return ScanResult(None, False, "scan.not_found")
        document = next((r for r in rows if not r["voided"]), rows[0])
        if document["voided"]:
            return ScanResult(document, False, "scan.voided", count=len(rows))
        return ScanResult(document, True, "scan.number_found", count=len(rows))

    def _verify_payload(self, value: str) -> ScanResult:
        scanned = _QrParts.parse(value)
        if scanned is None:
            return ScanResult(None, False, "scan.malformed", from_qr=True)
        rows = self._by_number(scanned.number)
        if not rows:
            return ScanResult(None, False, "scan.not_found", from_qr=True)
        kept = self._kept_payloads([r["uuid"] for r in rows])

        def rank(row: dict[str, Any]) -> tuple[bool, bool, bool, bool]:
            stored = kept.get(row["uuid"])
            same_day = stored is not None and stored.day == scanned.day
            return (same_day and stored.unit == scanned.unit and self._same_hash(stored.digest, scanned.digest),
                    same_day, row["issued_on"][:4] == scanned.day[:4], not row["voided"])

        document = max(rows, key=rank)  # the first of equals: the newest
        stored = kept.get(document["uuid"])
        if stored is None:
            reason = "scan.not_recorded"
        elif stored.unit != scanned.unit:
            reason = "scan.unit_differs"
        elif stored.day != scanned.day:
            reason = "scan.date_differs"
        elif not self._same_hash(stored.digest, scanned.digest):
            reason = "scan.altered"
        elif document["voided"]:
            reason = "scan.voided"
        else:
            return ScanResult(document, True, "scan.matches", from_qr=True, count=len(rows))
        return ScanResult(document, False, reason, from_qr=True, count=len(rows))

    def _kept_payloads(self, document_uuids: list[str]) -> dict[str, _QrParts]:
        """The QR payloads the audit kept at issue, by document (documents issued before payloads were kept
        have none)."""
        if not document_uuids:
            return {}
        found: dict[str, _QrParts] = {}
        for row in self.context.database.query(
                "SELECT record_uuid, detail FROM audit_log WHERE entity = 'documents' AND action = 'document.issue' "
                f"AND record_uuid IN ({','.join('?' * len(document_uuids))})", document_uuids):
            parts = _QrParts.parse(json.loads(row["detail"]).get("qr") or "")
            if parts is not None:
                found[row["record_uuid"]] = parts
        return found

    def _same_hash(self, stored: str, scanned: str) -> bool:
        scanned = scanned.lower()
        if stored.startswith(KEYED_HASH):
            keyed = hmac.new(self._qr_key(), scanned.encode(), hashlib.sha256).hexdigest()[:32]
            return hmac.compare_digest(stored[len(KEYED_HASH):], keyed)
        return hmac.compare_digest(stored.lower().encode(), scanned.encode())


@dataclass(frozen=True)
class ScanResult:
    """What a scanned QR code or a typed number is: the register's document (None when none carries the number;
    its columns without the PDF), whether it matches, and why (`reason`, a message code: `explain` renders it).
    `count` is how many documents carry the number (a number comes back each year; the one shown is the best
    match, else the newest)."""

    document: dict[str, Any] | None
    matches: bool
    reason: str
    from_qr: bool = False
    count: int = 0

    def explain(self, lang: str = "vi") -> str:
        return message_text(self.reason, lang)


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class _QrParts:
    """A payload cut into its fields: `RD1|<unit>|<number>|<YYYY-MM-DD>|<hash>`."""

    unit: str
    number: str
    day: str
    digest: str

    @classmethod
    def parse(cls, payload: str) -> _QrParts | None:
        parts = [part.strip() for part in clean_line(payload).split("|")]
        if len(parts) != 5 or parts[0].upper() != QR_VERSION or not all(parts[1:]):
            return None
        _, unit, number, day, digest = parts
        if not _ISO_DAY.match(day):
            return None
        try:
            date.fromisoformat(day)
        except ValueError:
            return None
        return cls(unit, normalise_number(number), day, digest)


def normalise_number(number_text: str) -> str:
    """'05/TB-UBND' from 'Số: 05/tb-ubnd', '12-TB/ĐU' from 'Số 12-TB/ĐU': a number as the register compares it."""
    return clean_line(number_text).upper().removeprefix("SỐ:").removeprefix("SỐ").strip()

"""Voiding: records are never deleted; a void keeps the record, its number and its history, with a reason."""

from __future__ import annotations

from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.text import clean_paragraphs
from receptiondesk.errors import UserError
from receptiondesk.services.context import DeskContext
from receptiondesk.storage import records

#: What the user can void, by the name used in the GUI and the CLI.
VOIDABLE = {"visit": "visits", "letter": "letters", "case": "cases", "session": "sessions",
            "assignment": "assignments", "citizen": "citizens", "signer": "signers",
            "attachment": "attachments"}
MIN_REASON_LENGTH = 5


class VoidService:
    """Voids a record with a reason; the audit log keeps who, when and why."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    def void(self, kind: str, record_uuid: str, reason: str) -> None:
        self.context.require(Permission.RECORD)
        table = VOIDABLE.get(kind)
        if table is None:
            raise UserError("value.not_allowed", "record_kind", value=kind, allowed=sorted(VOIDABLE))
        text = clean_paragraphs(reason)
        if len(text) < MIN_REASON_LENGTH:
            raise UserError("void.reason_required", "void_reason", min=MIN_REASON_LENGTH)
        with self.context.database.write() as conn:
            record_id = records.record_id_for(conn, table, record_uuid, field=kind)
            stamp = self.context.stamp()
            records.void_record(conn, table, record_id, stamp, text)
            records.append_audit(conn, stamp, f"{kind}.void", table, record_uuid, {"reason_length": len(text)})

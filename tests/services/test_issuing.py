"""The register of issued documents: numbering per issuer, type and year; the PDF kept as issued, sealed when it
names a protected person; its hash and QR payload in the audit chain; reprints refuse altered bytes; a scanned QR
code or a typed number checked against the register."""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
import unicodedata
from datetime import date

import pytest

from receptiondesk.documents import layout
from receptiondesk.documents.common import DocumentNumber, normalised, protect
from receptiondesk.documents.formats import load_format, load_forms
from receptiondesk.domain.cases import DirectionDraft
from receptiondesk.errors import UserError
from receptiondesk.services.issuing import IssueRequest
from receptiondesk.services.setup import SignerDraft
from tests.services.helpers import assert_clear_error, audit, case, counts, no_paper, visit


def _state(number: int) -> str:
    return f"{number:02d}/TB-UBND"


def _party(number: int) -> str:
    return f"{number}-TB/ĐU"


def _render(number: int, day: date) -> bytes:
    return f"%PDF-1.7 notice {number} {day.isoformat()}".encode()


@pytest.fixture
def subject(desk):
    return desk.intake.register_visit(visit()).uuid


def _request(subject: str, **kw) -> IssueRequest:
    kw.setdefault("doc_type", "TB")
    kw.setdefault("issuer", "UBND")
    return IssueRequest(subject_entity="visits", subject_uuid=subject, title="Thông báo kết luận", **kw)


def test_numbers_follow_each_issuer_type_and_year(desk, subject):
    first = desk.documents.issue(_request(subject), _state, _render)
    second = desk.documents.issue(_request(subject), _state, _render)
    party = desk.documents.issue(_request(subject, issuer="ĐU"), _party, _render)
    receipt = desk.documents.issue(_request(subject, doc_type="BN"), lambda n: f"{n:02d}/BN-UBND", _render)
    assert [first.number_text, second.number_text, party.number_text, receipt.number_text] == \
        ["01/TB-UBND", "02/TB-UBND", "1-TB/ĐU", "01/BN-UBND"]
    assert desk.documents.next_number("TB", "UBND", 2026) == 3
    assert first.pdf == _render(1, date(2026, 3, 10))  # rendered with its number and date
    assert first.sha256 == hashlib.sha256(first.pdf).hexdigest()


def test_a_typed_number_is_used_once_and_a_voided_document_keeps_its_number(desk, subject):
    typed = desk.documents.issue(_request(subject, number=5), _state, _render)
    assert typed.number_text == "05/TB-UBND"
    before = counts(desk)
    with pytest.raises(UserError) as used:
        desk.documents.issue(_request(subject, number=5), _state, _render)
    assert used.value.code == "document.number_used" and "05/TB-UBND" in used.value.render("vi")
    assert_clear_error(used.value, "document_number")
    assert counts(desk) == before
    desk.documents.void(typed.uuid, "Ban hành nhầm nội dung")
    assert desk.documents.next_number("TB", "UBND", 2026) == 6
    with pytest.raises(UserError):
        desk.documents.issue(_request(subject, number=5), _state, _render)


def test_issue_and_reprint_are_in_the_audit_chain_with_the_hash(desk, subject):
    issued = desk.documents.issue(_request(subject), _state, _render)
    assert desk.documents.reprint(issued.uuid) == issued.pdf
    actions = [(e["action"], e["detail"].get("sha256")) for e in audit(desk, issued.uuid)]
    assert actions == [("document.issue", issued.sha256), ("document.reprint", None)]
    assert desk.audit.verify(full=True).sound


@pytest.mark.parametrize("tamper", [
    "UPDATE documents SET content = CAST('%PDF-1.7 forged' AS BLOB)",
    "UPDATE documents SET content = CAST('%PDF-1.7 forged' AS BLOB), "
    "sha256 = '" + hashlib.sha256(b"%PDF-1.7 forged").hexdigest() + "'",
])
def test_a_reprint_refuses_altered_bytes(desk, subject, tamper):
    issued = desk.documents.issue(_request(subject), _state, _render)
    shell = sqlite3.connect(desk.context.database.path)
    shell.execute(tamper)
    shell.commit()
    shell.close()
    with pytest.raises(UserError) as altered:
        desk.documents.reprint(issued.uuid)
    assert altered.value.code == "document.altered" and "01/TB-UBND" in altered.value.render("vi")


def test_a_document_naming_a_protected_person_is_sealed_and_printed_only_by_permitted_users(desk):
    came = desk.intake.register_visit(visit(who=no_paper("Hoàng Văn Tố"),
                                            cases=[case("denunciation", "corruption", "Tố cáo cán bộ")]))
    secret = b"%PDF-1.7 Hoang Van To denounces"
    issued = desk.documents.issue(_request(came.uuid, names_protected_person=True), _state, lambda *_: secret)
    stored = desk.context.database.scalar("SELECT content FROM documents WHERE uuid = ?", (issued.uuid,))
    assert secret not in stored and b"Hoang Van To" not in stored
    assert desk.documents.reprint(issued.uuid) == secret
    session = desk.context.session
    desk.accounts.add_user(session, "xem", "Người Xem", "officer", "mật khẩu xem 1")
    desk.logout()
    desk.login("xem", "mật khẩu xem 1")
    for attempt in (lambda: desk.documents.reprint(issued.uuid),
                    lambda: desk.documents.issue(_request(came.uuid, names_protected_person=True), _state,
                                                 lambda *_: secret)):
        with pytest.raises(UserError) as refused:
            attempt()
        assert refused.value.code == "document.protected_name"


def test_a_viewer_cannot_issue(desk, subject):
    desk.accounts.add_user(desk.context.session, "xem", "Người Xem", "viewer", "mật khẩu xem 1")
    desk.logout()
    desk.login("xem", "mật khẩu xem 1")
    with pytest.raises(UserError) as refused:
        desk.documents.issue(_request(subject), _state, _render)
    assert refused.value.code == "auth.not_permitted"


def test_bad_requests_are_refused_before_anything_is_written(desk, subject):
    before = counts(desk)
    for request, field in ((_request(subject, number=0), "document_number"),
                           (_request(subject, issued_on=date(2026, 3, 11)), "issued_on"),
                           (_request("00000000-0000-0000-0000-000000000000"), "document")):
        with pytest.raises(UserError) as refused:
            desk.documents.issue(request, _state, _render)
        assert refused.value.problems[0].field == field
    assert counts(desk) == before


def test_a_scanned_or_typed_number_finds_the_document(desk, subject):
    party = desk.documents.issue(_request(subject, issuer="ĐU"), _party, _render)
    assert [d["uuid"] for d in desk.documents.find_by_number("Số 1-tb/đu")] == [party.uuid]
    assert [d["uuid"] for d in desk.documents.of_subject("visits", subject)] == [party.uuid]


def test_after_a_restore_numbers_continue_after_those_already_issued(desk, subject):
    from receptiondesk.services.backups import document_floor_scope
    from receptiondesk.storage import records

    with desk.context.database.write() as conn:  # what a restore records: 12 notices went out after the backup
        records.reserve_number(conn, document_floor_scope("UBND", "TB"), "00004", 2026, 12)
    assert desk.documents.next_number("TB", "UBND", 2026) == 13
    assert desk.documents.issue(_request(subject), _state, _render).number_text == "13/TB-UBND"
    assert desk.documents.next_number("TB", "ĐU", 2026) == 1  # another register is not affected


# -- a scanned QR code or a typed number -------------------------------------------------------------------

HASH = "0123456789ab"


def _qr(number_text):
    return lambda number, day: f"RD1|00004|{number_text(number)}|{day.isoformat()}|{HASH}"


def _refused_visit(desk):
    return desk.intake.register_visit(visit(who=no_paper("Phạm Thị Lan", address="Thôn 4"),
                                            direction=DirectionDraft("refused", refusal_ground="court_judgment")))


def test_a_scanned_notice_matches_and_an_altered_one_does_not(desk):
    desk.setup.add_signer(SignerDraft("Trần Văn Hùng", "Chủ tịch", "chairman"))
    draft = desk.paperwork.refusal_notice(_refused_visit(desk).uuid)
    issued = desk.paperwork.issue(draft)
    # The payload as the engine prints it: the masked NFC copy of the data, its number line, its date.
    fmt = load_format("state")
    shown = protect(normalised(dataclasses.replace(draft.data, number=DocumentNumber(issued.number, "TB"),
                                                   issued_on=issued.issued_on)), load_forms().protected_identity)
    payload = layout.qr_payload("00004", layout.bare_number(layout.number_line(fmt, shown.issuer, shown.number)),
                                issued.issued_on, shown)
    assert payload.startswith("RD1|00004|01/TB-UBND|2026-03-10|")
    before = counts(desk)
    scan = desk.documents.verify_scan(payload + "\r\n")  # a scanner ends with Enter
    assert scan.matches and scan.reason == "scan.matches" and scan.from_qr
    assert scan.document["uuid"] == issued.uuid and scan.document["title"] == "Thông báo từ chối tiếp công dân"
    assert "content" not in scan.document and "khớp" in scan.explain("vi")
    head, digest = payload.rsplit("|", 1)
    altered = desk.documents.verify_scan(f"{head}|{digest[:-1]}{'0' if digest[-1] != '0' else '1'}")
    assert not altered.matches and altered.reason == "scan.altered" and altered.document["uuid"] == issued.uuid
    assert "sửa đổi" in altered.explain("vi")
    for changed, reason in ((payload.replace("|00004|", "|00007|"), "scan.unit_differs"),
                            (payload.replace("|2026-03-10|", "|2026-03-09|"), "scan.date_differs")):
        result = desk.documents.verify_scan(changed)
        assert (result.matches, result.reason) == (False, reason)
    unknown = desk.documents.verify_scan(payload.replace("|01/TB-UBND|", "|99/TB-UBND|"))
    assert (unknown.document, unknown.matches, unknown.reason) == (None, False, "scan.not_found")
    assert counts(desk) == before  # a read: nothing written, nothing audited


def test_a_typed_number_finds_the_document_in_any_spelling(desk, subject):
    state = desk.documents.issue(_request(subject), _state, _render, _qr(_state))
    party = desk.documents.issue(_request(subject, issuer="ĐU"), _party, _render, _qr(_party))
    for typed, wanted in (("01/TB-UBND", state), ("Số: 01/tb-ubnd", state), (" số 1-tb/đu ", party),
                          (unicodedata.normalize("NFD", "Số 1-TB/ĐU"), party)):
        scan = desk.documents.verify_scan(typed)
        assert (scan.matches, scan.reason, scan.document["uuid"], scan.from_qr) == \
            (True, "scan.number_found", wanted.uuid, False), typed
    assert desk.documents.verify_scan("RD1|00004|1-TB/ĐU|2026-03-10|" + HASH).matches
    missing = desk.documents.verify_scan("02/TB-UBND")
    assert (missing.document, missing.matches, missing.reason) == (None, False, "scan.not_found")


def test_a_voided_malformed_or_unrecorded_document_does_not_match(desk, subject):
    kept = desk.documents.issue(_request(subject), _state, _render, _qr(_state))
    payload = f"RD1|00004|01/TB-UBND|2026-03-10|{HASH}"
    assert audit(desk, kept.uuid, "document.issue")[0]["detail"]["qr"] == payload
    desk.documents.void(kept.uuid, "Ban hành nhầm nội dung")
    for scanned in (payload, "01/TB-UBND"):
        voided = desk.documents.verify_scan(scanned)
        assert (voided.matches, voided.reason, voided.document["uuid"]) == (False, "scan.voided", kept.uuid)
    for malformed in ("RD1|00004|01/TB-UBND", "RD1|00004|01/TB-UBND|10/03/2026|" + HASH,
                      "RD1|00004|01/TB-UBND|2026-02-30|" + HASH):
        assert desk.documents.verify_scan(malformed).reason == "scan.malformed"
    older = desk.documents.issue(_request(subject), _state, _render)  # issued without a payload kept
    result = desk.documents.verify_scan(f"RD1|00004|{older.number_text}|2026-03-10|{HASH}")
    assert (result.matches, result.reason, result.document["uuid"]) == (False, "scan.not_recorded", older.uuid)


def test_a_number_used_again_next_year_is_told_apart_by_the_date(desk, subject):
    last_year = desk.documents.issue(_request(subject, issued_on=date(2025, 12, 30)), _state, _render, _qr(_state))
    this_year = desk.documents.issue(_request(subject), _state, _render, _qr(_state))
    assert last_year.number_text == this_year.number_text == "01/TB-UBND"
    for day, wanted in (("2025-12-30", last_year), ("2026-03-10", this_year)):
        scan = desk.documents.verify_scan(f"RD1|00004|01/TB-UBND|{day}|{HASH}")
        assert scan.matches and scan.document["uuid"] == wanted.uuid and scan.count == 2
    assert desk.documents.verify_scan("01/TB-UBND").document["uuid"] == this_year.uuid  # typed: the newest


def test_the_qr_hash_of_a_document_naming_a_protected_person_is_kept_keyed(desk):
    came = desk.intake.register_visit(visit(who=no_paper("Hoàng Văn Tố"),
                                            cases=[case("denunciation", "corruption", "Tố cáo cán bộ")]))
    issued = desk.documents.issue(_request(came.uuid, names_protected_person=True), _state, _render, _qr(_state))
    kept = audit(desk, issued.uuid, "document.issue")[0]["detail"]["qr"]
    assert kept.startswith("RD1|00004|01/TB-UBND|2026-03-10|k:") and HASH not in kept
    assert desk.documents.verify_scan(f"RD1|00004|01/TB-UBND|2026-03-10|{HASH}").matches
    assert desk.documents.verify_scan(f"RD1|00004|01/TB-UBND|2026-03-10|{HASH[::-1]}").reason == "scan.altered"


def _slip(number: int) -> str:
    return f"{number:02d}/PC-UBND"


def test_a_second_live_transfer_of_a_subject_is_refused_by_the_register(desk, subject):
    slip = desk.documents.issue(_request(subject, doc_type="PC", transfer_once=True), _slip, _render)
    before = counts(desk)
    documents = desk.context.database.scalar("SELECT count(*) FROM documents")
    with pytest.raises(UserError) as refused:
        desk.documents.issue(_request(subject, doc_type="PC", transfer_once=True, number=7), _slip, _render)
    assert refused.value.code == "document.transferred_once" and "01/PC-UBND" in refused.value.render("en")
    assert counts(desk) == before and desk.context.database.scalar("SELECT count(*) FROM documents") == documents
    assert desk.documents.issue(_request(subject, transfer_once=True), _state, _render)  # another type: not a transfer
    desk.documents.void(slip.uuid, "Chuyển nhầm cơ quan")
    again = desk.documents.issue(_request(subject, doc_type="PC", transfer_once=True), _slip, _render)
    assert again.number_text == "02/PC-UBND"

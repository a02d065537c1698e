"""The register of issued documents: numbering per issuer, type and year; the PDF kept as issued, sealed when it
names a protected person; its hash in the audit chain; reprints refuse altered bytes."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date

import pytest

from receptiondesk.errors import UserError
from receptiondesk.services.issuing import IssueRequest
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

"""Scanned files of a case: PDF, JPEG, PNG or TIFF by their first bytes, at most 20 MB, sealed when the case is
protected, checked against their SHA-256 when opened; a refused file leaves nothing behind."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from receptiondesk.errors import UserError
from receptiondesk.services.cases import MAX_FILE_BYTES
from tests.services.helpers import assert_clear_error, audit, case, citizen, visit

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% scanned letter\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
TIFF = b"II*\x00" + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 64
#: A phrase only the protected person's letter holds: it must never be in the database file in plain.
SECRET = "Nguyễn Văn Bí Mật tố cáo ông Trưởng thôn 0987654321"


def _file(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def _complaint(desk) -> str:
    return desk.intake.register_visit(visit()).case_uuids[0]


def _denunciation(desk) -> str:
    return desk.intake.register_visit(visit(
        who=citizen("Lê Văn Tố"), summary="Tố cáo cán bộ",
        cases=[case("denunciation", "corruption", "Tố cáo cán bộ địa chính nhận tiền")])).case_uuids[0]


def _stored(desk) -> tuple[int, int, int]:
    db = desk.database
    return (db.scalar("SELECT count(*) FROM attachments"), db.scalar("SELECT count(*) FROM attachment_files"),
            db.scalar("SELECT count(*) FROM audit_log"))


def _file_bytes_on_disk(desk) -> bytes:
    """The database file and its WAL, as they lie on the disk."""
    path = desk.database.path
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


@pytest.mark.parametrize("name, content, mime", [
    ("don-khieu-nai.pdf", PDF, "application/pdf"), ("anh chup.JPG", JPEG, "image/jpeg"),
    ("scan.jpeg", JPEG, "image/jpeg"), ("trang1.png", PNG, "image/png"), ("ban-quet.tiff", TIFF, "image/tiff"),
    ("ban-quet.tif", b"MM\x00*" + b"\x00" * 16, "image/tiff"),
])
def test_a_scan_is_stored_and_opened_again(desk, tmp_path, name, content, mime):
    case_uuid = _complaint(desk)
    uuid = desk.cases.attach_file(case_uuid, _file(tmp_path, name, content), "Đơn  khiếu nại", pages=2)

    [document] = desk.cases.documents(case_uuid)
    assert (document["uuid"], document["title"], document["pages"], document["file_name"]) == (
        uuid, "Đơn khiếu nại", 2, name)
    assert (document["mime_type"], document["file_size"], document["sealed"]) == (mime, len(content), 0)
    assert document["sha256"] == hashlib.sha256(content).hexdigest()
    assert desk.cases.open_file(uuid) == (name, content)
    [added] = audit(desk, uuid)  # opening an unprotected case's file is not audited
    assert added["action"] == "attachment.add"
    assert added["detail"] == {"case": case_uuid, "file": True, "kind": "document", "mime_type": mime,
                               "size": len(content), "sealed": False}


def test_a_denunciations_scan_is_sealed_and_its_opening_audited(desk, tmp_path):
    case_uuid = _denunciation(desk)
    content = b"%PDF-1.7\n" + SECRET.encode("utf-8") * 50 + b"\n%%EOF\n"
    uuid = desk.cases.attach_file(case_uuid, _file(tmp_path, "to-cao-cua-Le-Van-To.pdf", content), "Đơn tố cáo")
    desk.database.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    on_disk = _file_bytes_on_disk(desk)
    assert SECRET.encode("utf-8") not in on_disk
    assert b"Le-Van-To" not in on_disk
    [document] = desk.cases.documents(case_uuid)
    assert document["sealed"] == 1 and document["file_name"] == f"{uuid}.pdf"  # the real name is sealed too
    assert desk.cases.open_file(uuid) == ("to-cao-cua-Le-Van-To.pdf", content)
    opened = audit(desk, uuid, "attachment.open")
    assert [r["detail"] for r in opened] == [{"case": case_uuid}]
    assert audit(desk, uuid, "attachment.add")[0]["detail"]["sealed"] is True


def test_a_confidential_case_and_a_protected_persons_other_case_are_sealed(desk, tmp_path):
    confidential = _complaint(desk)
    with desk.database.write() as conn:  # no service marks a case confidential yet
        conn.execute("UPDATE cases SET confidential = 1 WHERE uuid = ?", (confidential,))
    protected_person = desk.intake.register_visit(visit(who=citizen("Lê Văn Tố"))).case_uuids[0]
    _denunciation(desk)  # the same person denounces: every case of theirs is now protected
    for case_uuid in (confidential, protected_person):
        uuid = desk.cases.attach_file(case_uuid, _file(tmp_path, "don.pdf", PDF), "Đơn")
        assert desk.cases.documents(case_uuid)[0]["sealed"] == 1
        assert desk.cases.open_file(uuid) == ("don.pdf", PDF)


@pytest.mark.parametrize("sealed", [False, True], ids=["plain", "sealed"])
def test_a_changed_file_is_refused(desk, tmp_path, sealed):
    case_uuid = _denunciation(desk) if sealed else _complaint(desk)
    uuid = desk.cases.attach_file(case_uuid, _file(tmp_path, "don.pdf", PDF), "Đơn")
    conn = desk.database.conn
    stored = bytes(conn.execute("SELECT content FROM attachment_files").fetchone()[0])
    tampered = stored[:-1] + bytes([stored[-1] ^ 1])
    with desk.database.write():
        conn.execute("UPDATE attachment_files SET content = ?", (tampered,))
    with pytest.raises(UserError) as caught:
        desk.cases.open_file(uuid)
    assert caught.value.code == "attachment.file_tampered"
    assert "Đơn" in caught.value.render("vi")


def test_a_checksum_that_does_not_match_is_refused(desk, tmp_path):
    uuid = desk.cases.attach_file(_complaint(desk), _file(tmp_path, "don.pdf", PDF), "Đơn")
    with desk.database.write() as conn:
        conn.execute("UPDATE attachments SET sha256 = ? WHERE uuid = ?", ("0" * 64, uuid))
    with pytest.raises(UserError) as caught:
        desk.cases.open_file(uuid)
    assert caught.value.code == "attachment.file_tampered"


def _huge(tmp_path: Path) -> Path:
    path = tmp_path / "ban-quet-200MB.pdf"
    with open(path, "wb") as fh:  # sparse: 200 MB long, nothing written
        fh.write(b"%PDF-1.4\n")
        fh.truncate(200 * 1024 * 1024)
    return path


@pytest.mark.parametrize("make, code, name", [
    (_huge, "attachment.file_too_large", "ban-quet-200MB.pdf"),
    (lambda tmp: _file(tmp, "setup.exe", EXE), "attachment.file_type", "setup.exe"),
    (lambda tmp: _file(tmp, "don.pdf.exe", PDF), "attachment.file_type", "don.pdf.exe"),
    (lambda tmp: _file(tmp, "hoa-don.pdf", EXE), "attachment.file_type", "hoa-don.pdf"),
    (lambda tmp: _file(tmp, "anh.pdf", JPEG), "attachment.file_mismatch", "anh.pdf"),
    (lambda tmp: _file(tmp, "trong.pdf", b""), "attachment.file_empty", "trong.pdf"),
    (lambda tmp: tmp / "khong-co.pdf", "attachment.file_unreadable", "khong-co.pdf"),
], ids=["200 MB", "exe", "exe named like a pdf", "exe renamed pdf", "jpeg named pdf", "empty", "missing"])
def test_a_refused_file_is_named_and_leaves_no_row(desk, tmp_path, make, code, name):
    case_uuid = _complaint(desk)
    before = _stored(desk)
    with pytest.raises(UserError) as caught:
        desk.cases.attach_file(case_uuid, make(tmp_path), "Đơn khiếu nại")
    assert_clear_error(caught.value, "attachment_file", code)
    assert name in caught.value.render("vi") and name in caught.value.render("en")
    assert _stored(desk) == before


def test_the_size_limit_is_twenty_megabytes(desk, tmp_path):
    path = tmp_path / "vua-qua.pdf"
    with open(path, "wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(UserError) as caught:
        desk.cases.attach_file(_complaint(desk), path, "Đơn")
    assert MAX_FILE_BYTES == 20 * 1024 * 1024
    assert "20 MB" in caught.value.render("en")


@pytest.mark.parametrize("title, kind, field, code", [
    ("  ", "document", "attachment_title", "value.required"),
    ("Ảnh CCCD", "id_card", "attachment_kind", "attachment.id_images_off"),
    ("Ảnh", "photo", "attachment_kind", "value.not_allowed"),
], ids=["no title", "ID card images off", "unknown kind"])
def test_bad_title_or_kind_is_refused_before_the_file_is_read(desk, tmp_path, title, kind, field, code):
    case_uuid = _complaint(desk)
    before = _stored(desk)
    with pytest.raises(UserError) as caught:
        desk.cases.attach_file(case_uuid, _file(tmp_path, "anh.jpg", JPEG), title, kind)
    assert_clear_error(caught.value, field, code)
    assert _stored(desk) == before


def test_id_card_images_when_the_administrator_allows_them_are_always_sealed(desk, tmp_path):
    desk.context.settings.allow_id_images = True  # the setting DeskSettings does not have yet
    case_uuid = _complaint(desk)
    uuid = desk.cases.attach_file(case_uuid, _file(tmp_path, "cccd.jpg", JPEG), "Ảnh CCCD", "id_card")
    assert desk.cases.documents(case_uuid)[0]["sealed"] == 1
    assert audit(desk, uuid, "attachment.add")[0]["detail"]["kind"] == "id_card"
    assert desk.cases.open_file(uuid) == ("cccd.jpg", JPEG)


def test_files_need_an_open_case_and_the_right_to_record(desk, tmp_path):
    case_uuid = _complaint(desk)
    desk.voiding.void("case", case_uuid, "Nhập nhầm vụ việc")
    with pytest.raises(UserError) as caught:
        desk.cases.attach_file(case_uuid, _file(tmp_path, "don.pdf", PDF), "Đơn")
    assert caught.value.code == "record.voided"
    with pytest.raises(UserError) as caught:
        desk.cases.open_file("no-such-attachment")
    assert caught.value.code == "record.not_found"
    listed_only = desk.intake.register_visit(visit()).case_uuids[0]
    paper = desk.cases.add_attachment(listed_only, "Bản sao GCN")
    with pytest.raises(UserError) as caught:
        desk.cases.open_file(paper)
    assert caught.value.code == "attachment.no_file"
    desk.logout()
    with pytest.raises(UserError) as caught:
        desk.cases.attach_file(listed_only, _file(tmp_path, "don.pdf", PDF), "Đơn")
    assert caught.value.code == "auth.signed_out"

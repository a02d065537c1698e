"""The encrypted backup file: round trips, chunk boundaries, and every kind of bad file refused with a clear code."""

from __future__ import annotations

import json
import os
import sqlite3
import struct
from pathlib import Path

import pytest

from receptiondesk.errors import UserError
from receptiondesk.security import keys, passwords
from receptiondesk.storage import backup_files
from receptiondesk.storage.backup_files import BackupKey

SECRET = "Nguyễn Thị Bí Mật 0987654321"


def _database(path: Path, rows: int = 200, page_size: int = 4096) -> Path:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA page_size={page_size}")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
    conn.executemany("INSERT INTO t (body) VALUES (?)", [(f"{SECRET} {i} " + "x" * 300,) for i in range(rows)])
    conn.commit()
    conn.close()
    return path


def _recovery(data_key: bytes, recovery_key: str) -> dict:
    salt = passwords.new_salt()
    wrapped = keys.seal(passwords.derive_key(recovery_key, salt), data_key, b"recovery")
    return backup_files.recovery_wrap(salt, wrapped, json.dumps(passwords.key_parameters()).encode())


@pytest.fixture
def data_key() -> bytes:
    return keys.new_data_key()


@pytest.fixture
def recovery_key() -> str:
    return keys.new_recovery_key()


@pytest.fixture
def key(data_key, recovery_key) -> BackupKey:
    return BackupKey.from_data_key(data_key, _recovery(data_key, recovery_key))


def _backup(source: Path, target: Path, key: BackupKey, metadata: dict | None = None) -> backup_files.Header:
    conn = sqlite3.connect(source)
    try:
        backup_files.snapshot(conn, target)
    finally:
        conn.close()
    backup_files.seal_in_place(target, key, created_at="2026-03-10T09:00:00+07:00", kind="manual",
                               metadata=metadata or {"counts": {"t": 1}})
    return backup_files.read_header(target)


def _rows(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT * FROM t ORDER BY id").fetchall()
    finally:
        conn.close()


def _code(call) -> str:
    with pytest.raises(UserError) as caught:
        call()
    return caught.value.code


@pytest.mark.parametrize("rows, page_size, chunk", [(200, 4096, backup_files.CHUNK_SIZE), (200, 4096, 8192),
                                                     (0, 512, 8192), (3, 1024, 4096), (500, 65536, 65536)])
def test_round_trip_gives_back_the_same_database(tmp_path, key, monkeypatch, rows, page_size, chunk):
    monkeypatch.setattr(backup_files, "CHUNK_SIZE", chunk)
    source = _database(tmp_path / "source.sqlite3", rows, page_size)
    header = _backup(source, tmp_path / "copy.rdbackup", key, {"counts": {"t": rows}, "name": SECRET})
    assert header.chunk_size == chunk and header.file_size == header.expected_size
    sha256 = backup_files.verify(header, key)
    assert sha256 == backup_files.file_sha256(header.path)
    assert backup_files.open_metadata(header, key) == {"counts": {"t": rows}, "name": SECRET}
    restored = tmp_path / "restored.sqlite3"
    backup_files.decrypt_to(header, key, restored)
    assert restored.stat().st_size == header.plain_size
    assert _rows(restored) == _rows(source)
    conn = sqlite3.connect(restored)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_the_file_reveals_nothing_but_its_header(tmp_path, key):
    source = _database(tmp_path / "source.sqlite3")
    header = _backup(source, tmp_path / "copy.rdbackup", key, {"secret": SECRET})
    blob = header.path.read_bytes()
    for form in (SECRET, "Bí Mật", "0987654321", "CREATE TABLE", "SQLite format 3"):
        assert form.encode() not in blob
    assert blob.startswith(backup_files.MAGIC)
    fields = json.loads(blob[14:14 + struct.unpack(">I", blob[10:14])[0]])
    assert set(fields) == {"format", "version", "desk", "created_at", "kind", "plain_size", "chunk_size",
                           "metadata_size", "salt", "recovery"}
    assert fields["desk"] == key.desk


def test_the_recovery_key_alone_opens_a_backup(tmp_path, key, recovery_key, data_key):
    header = _backup(_database(tmp_path / "source.sqlite3"), tmp_path / "copy.rdbackup", key)
    opened = backup_files.key_from_recovery(header, recovery_key.lower().replace("-", " "))
    assert opened.desk == key.desk and opened.key == key.key
    assert backup_files.data_key_from_recovery(header, recovery_key) == data_key
    assert _code(lambda: backup_files.key_from_recovery(header, keys.new_recovery_key())) == "auth.bad_recovery_key"


def test_a_backup_of_another_desk_is_refused(tmp_path, key):
    header = _backup(_database(tmp_path / "source.sqlite3"), tmp_path / "copy.rdbackup", key)
    other = BackupKey.from_data_key(keys.new_data_key())
    assert _code(lambda: backup_files.open_metadata(header, other)) == "backup.other_desk"
    assert _code(lambda: backup_files.verify(header, other)) == "backup.other_desk"
    assert _code(lambda: backup_files.decrypt_to(header, other, tmp_path / "out")) == "backup.other_desk"
    assert not (tmp_path / "out").exists()


def test_files_that_are_not_backups_are_refused(tmp_path, key):
    plain = _database(tmp_path / "plain.sqlite3")
    empty = tmp_path / "empty.rdbackup"
    empty.write_bytes(b"")
    zip_file = tmp_path / "archive.rdbackup"
    zip_file.write_bytes(b"PK\x03\x04" + os.urandom(5000))
    for path in (plain, empty, zip_file, tmp_path):
        assert _code(lambda: backup_files.read_header(path)) == "backup.not_ours"
    assert _code(lambda: backup_files.read_header(tmp_path / "missing.rdbackup")) == "backup.not_found"


def test_a_backup_from_a_newer_version_is_refused(tmp_path, key):
    header = _backup(_database(tmp_path / "source.sqlite3"), tmp_path / "copy.rdbackup", key)
    blob = bytearray(header.path.read_bytes())
    struct.pack_into(">H", blob, 8, backup_files.FORMAT_VERSION + 1)
    header.path.write_bytes(bytes(blob))
    with pytest.raises(UserError) as caught:
        backup_files.read_header(header.path)
    assert caught.value.code == "backup.newer_version"
    assert "phiên bản ReceptionDesk mới hơn" in caught.value.render("vi")


@pytest.mark.parametrize("keep", [0.0, 0.3, 0.9999])
def test_a_truncated_backup_is_refused(tmp_path, key, monkeypatch, keep):
    monkeypatch.setattr(backup_files, "CHUNK_SIZE", 8192)
    header = _backup(_database(tmp_path / "source.sqlite3"), tmp_path / "copy.rdbackup", key)
    blob = header.path.read_bytes()
    header.path.write_bytes(blob[:max(20, int(len(blob) * keep))] if keep else blob[:backup_files.HEADER_BLOCK - 1])
    assert _code(lambda: backup_files.read_header(header.path)) == "backup.truncated"


def test_a_truncated_file_read_after_its_header_is_caught_too(tmp_path, key, monkeypatch):
    monkeypatch.setattr(backup_files, "CHUNK_SIZE", 8192)
    header = _backup(_database(tmp_path / "source.sqlite3"), tmp_path / "copy.rdbackup", key)
    with open(header.path, "r+b") as fh:
        fh.truncate(header.file_size - 100)
    assert _code(lambda: backup_files.verify(header, key)) in ("backup.truncated", "backup.damaged")


@pytest.mark.parametrize("where", ["chunk", "first_block", "tags", "metadata", "header_json", "padding"])
def test_any_changed_byte_is_caught(tmp_path, key, monkeypatch, where):
    monkeypatch.setattr(backup_files, "CHUNK_SIZE", 8192)
    header = _backup(_database(tmp_path / "source.sqlite3"), tmp_path / "copy.rdbackup", key)
    offset = {"chunk": backup_files.HEADER_BLOCK + 9000, "first_block": header.body_end + 10,
              "tags": header.tags_at + 20, "metadata": header.metadata_at + 3,
              "header_json": header.block.index(b'"kind":"manual"') + 9,
              "padding": backup_files.HEADER_BLOCK - 5}[where]
    blob = bytearray(header.path.read_bytes())
    blob[offset] ^= 0x01
    header.path.write_bytes(bytes(blob))
    changed = backup_files.read_header(header.path)

    def use() -> None:
        backup_files.open_metadata(changed, key)
        backup_files.verify(changed, key)

    assert _code(use) == "backup.damaged"
    if where != "metadata":  # (a restore opens the metadata first)
        assert _code(lambda: backup_files.decrypt_to(changed, key, tmp_path / "out.sqlite3")) == "backup.damaged"
        assert not (tmp_path / "out.sqlite3").exists()


def test_the_scratch_copy_is_in_wal_mode_and_opens_read_only_without_side_files(tmp_path, key):
    source = _database(tmp_path / "source.sqlite3")
    scratch = tmp_path / "scratch.part"
    conn = sqlite3.connect(source)
    backup_files.snapshot(conn, scratch)
    conn.close()
    reader = backup_files.open_snapshot(scratch)
    assert reader.execute("SELECT count(*) FROM t").fetchone()[0] == 200
    reader.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scratch.part", "source.sqlite3"]


def test_disk_errors_become_clear_messages(tmp_path):
    import errno

    assert backup_files.os_problem(OSError(errno.ENOSPC, "No space"), tmp_path).code == "backup.disk_full"
    assert backup_files.os_problem(OSError(errno.EROFS, "Read-only"), tmp_path).code == "backup.folder_read_only"
    assert backup_files.os_problem(OSError(errno.ENOENT, "gone"), tmp_path / "x").code == "backup.folder_missing"
    assert backup_files.os_problem(OSError(errno.EBUSY, "busy"), tmp_path).code == "backup.write_failed"

"""The encrypted backup file: a plain header naming the format, its version and the desk, then the database copy
sealed with AES-256-GCM in 1 MiB chunks, so that a copied backup reveals nothing.

Layout (all integers big-endian)::

    [0, 4096)              header block: b"RDBACKUP", format version (u16), header length (u32), header JSON,
                           zero padding. The JSON names the desk by a fingerprint of its data key, the date,
                           the kind, the sizes, a per-file salt, and the recovery-key wrap of the data key.
    [4096, P)              the database copy's bytes [4096, P), each 1 MiB chunk encrypted where it lies
    [max(P, 4096), +D)     the copy's first D = min(P, 4096) bytes, encrypted (the header took their place)
    then                   one 16-byte GCM tag per chunk (data chunks, then the displaced first block)
    then                   the sealed metadata JSON (date, counts, numbers used, restore epoch...)

The file key is HKDF(backup key, per-file salt); the backup key is derived from the desk's data key, which each
password and the recovery key unwrap — the header carries the recovery wrap, so the recovery sheet alone opens a
backup even when the desk file is lost. Every chunk is bound to the header (its SHA-256 is the associated data)
and to its index (the nonce), so a changed header, a swapped, altered or missing chunk, or a truncated file is
refused. The copy is made by SQLite's backup API into a scratch file beside the backup, which is then encrypted
in place: the data is written to the disk once, and the plain scratch never leaves the data directory.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import sqlite3
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from receptiondesk.errors import UserError
from receptiondesk.security import keys, passwords

MAGIC = b"RDBACKUP"
FORMAT_NAME = "receptiondesk-backup"
FORMAT_VERSION = 1
SUFFIX = ".rdbackup"
HEADER_BLOCK = 4096
CHUNK_SIZE = 1 << 20
TAG_BYTES = 16
SALT_BYTES = 32
_PREFIX = struct.Struct(">8sHI")
#: The metadata's nonce index: never a chunk's.
_METADATA_INDEX = (1 << 64) - 1
#: Ask the OS to start writing the encrypted bytes out every this many bytes (Linux), so the final fsync is short.
_WRITEBACK_BYTES = 32 << 20
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
_GONE = {errno.ENOENT, errno.ENOTDIR, errno.ENODEV, errno.ENXIO, errno.EIO}


# -- keys ----------------------------------------------------------------------------------------

def desk_fingerprint(data_key: bytes) -> str:
    """Names the desk in a backup's header without revealing anything about its key (HKDF, 128 bits)."""
    return keys.purpose_key(data_key, "desk-fingerprint")[:16].hex()


@dataclass(frozen=True)
class BackupKey:
    """What writing and reading a desk's backups needs: a key derived from the data key, the desk's fingerprint
    and the recovery wrap of the data key (copied into every header)."""

    key: bytes = field(repr=False)
    desk: str
    recovery: dict[str, Any] | None = field(default=None, repr=False)

    @classmethod
    def from_data_key(cls, data_key: bytes, recovery: dict[str, Any] | None = None) -> BackupKey:
        return cls(keys.purpose_key(data_key, "backup"), desk_fingerprint(data_key), recovery)


def recovery_wrap(salt: bytes | None, wrapped: bytes | None, parameters: bytes | None) -> dict[str, Any] | None:
    """The recovery-key wrap of the data key as stored in key_store, in the header's JSON form."""
    if not salt or not wrapped or not parameters:
        return None
    return {"salt": keys.encode(salt), "wrap": keys.encode(wrapped), "parameters": json.loads(parameters)}


def _file_key(key: BackupKey, salt: bytes) -> AESGCM:
    return AESGCM(HKDF(algorithm=hashes.SHA256(), length=32, salt=salt,
                       info=b"receptiondesk/backup-file").derive(key.key))


def _nonce(index: int) -> bytes:
    return index.to_bytes(8, "big") + b"\0\0\0\0"


# -- errors --------------------------------------------------------------------------------------

def os_problem(exc: OSError, folder: Path) -> UserError:
    """A clear message for a backup folder the disk refuses: full, read-only, gone, or another failure."""
    where = str(folder)
    if exc.errno in _DISK_FULL:
        return UserError("backup.disk_full", path=where)
    if exc.errno in _READ_ONLY:
        return UserError("backup.folder_read_only", path=where)
    if exc.errno in _GONE or not folder.exists():
        return UserError("backup.folder_missing", path=where)
    return UserError("backup.write_failed", path=where, reason=exc.strerror or str(exc))


def sqlite_problem(exc: sqlite3.Error, folder: Path) -> UserError:
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == sqlite3.SQLITE_FULL:
        return UserError("backup.disk_full", path=str(folder))
    if not folder.exists():
        return UserError("backup.folder_missing", path=str(folder))
    if primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN):
        return UserError("backup.folder_read_only", path=str(folder))
    return UserError("backup.write_failed", path=str(folder), reason=str(exc))


# -- the header ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Header:
    """A backup's plain header, as read from its file."""

    path: Path
    version: int
    desk: str
    created_at: str
    kind: str
    plain_size: int
    chunk_size: int
    metadata_size: int
    salt: bytes = field(repr=False)
    recovery: dict[str, Any] | None = field(repr=False)
    block: bytes = field(repr=False)
    file_size: int = 0

    @property
    def chunks(self) -> int:
        body = max(0, self.plain_size - HEADER_BLOCK)
        return -(-body // self.chunk_size)

    @property
    def body_end(self) -> int:
        return max(self.plain_size, HEADER_BLOCK)

    @property
    def displaced(self) -> int:
        return min(self.plain_size, HEADER_BLOCK)

    @property
    def tags_at(self) -> int:
        return self.body_end + self.displaced

    @property
    def metadata_at(self) -> int:
        return self.tags_at + TAG_BYTES * (self.chunks + 1)

    @property
    def expected_size(self) -> int:
        return self.metadata_at + self.metadata_size

    @property
    def associated(self) -> bytes:
        return hashlib.sha256(self.block).digest()


def _header_block(fields: dict[str, Any]) -> bytes:
    text = json.dumps(fields, ensure_ascii=True, sort_keys=True, separators=(",", ":")).encode("ascii")
    block = _PREFIX.pack(MAGIC, FORMAT_VERSION, len(text)) + text
    if len(block) > HEADER_BLOCK:
        raise ValueError("backup header too long")
    return block + b"\0" * (HEADER_BLOCK - len(block))


def read_header(path: Path) -> Header:
    """The header of a backup file; a UserError for a file that is not ours, damaged, truncated or newer."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            block = fh.read(HEADER_BLOCK)
            size = os.fstat(fh.fileno()).st_size
    except FileNotFoundError:
        raise UserError("backup.not_found", path=str(path)) from None
    except IsADirectoryError:
        raise UserError("backup.not_ours", path=str(path)) from None
    except OSError as exc:
        raise UserError("backup.unreadable", path=str(path), reason=exc.strerror or str(exc)) from exc
    if len(block) < _PREFIX.size or block[:len(MAGIC)] != MAGIC:
        raise UserError("backup.not_ours", path=str(path))
    _, version, length = _PREFIX.unpack_from(block)
    if version > FORMAT_VERSION:
        raise UserError("backup.newer_version", path=str(path), version=version)
    if len(block) < HEADER_BLOCK:
        raise UserError("backup.truncated", path=str(path))
    try:
        if _PREFIX.size + length > HEADER_BLOCK:
            raise ValueError("length")
        fields = json.loads(block[_PREFIX.size:_PREFIX.size + length].decode("ascii"))
        if fields.get("format") != FORMAT_NAME:
            raise ValueError("format")
        header = Header(path, version, str(fields["desk"]), str(fields["created_at"]), str(fields["kind"]),
                        int(fields["plain_size"]), int(fields["chunk_size"]), int(fields["metadata_size"]),
                        keys.decode(fields["salt"]), fields.get("recovery"), block, size)
        if header.chunk_size <= 0 or header.plain_size <= 0 or header.metadata_size <= TAG_BYTES:
            raise ValueError("sizes")
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise UserError("backup.damaged", path=str(path)) from None
    if size < header.expected_size:
        raise UserError("backup.truncated", path=str(path))
    if size > header.expected_size:
        raise UserError("backup.damaged", path=str(path))
    return header


def data_key_from_recovery(header: Header, recovery_key: str) -> bytes:
    """Open a backup with the recovery sheet alone: its header carries the recovery wrap of the data key."""
    wrap = header.recovery
    if not wrap:
        raise UserError("backup.no_recovery_wrap", path=str(header.path))
    try:
        kek = passwords.derive_key(keys.normalise_recovery_key(recovery_key), keys.decode(wrap["salt"]),
                                   wrap["parameters"])
        data_key = keys.open_sealed(kek, keys.decode(wrap["wrap"]), b"recovery")
    except keys.WrongKey:
        raise UserError("auth.bad_recovery_key", "recovery_key") from None
    except (KeyError, TypeError, ValueError):
        raise UserError("backup.damaged", path=str(header.path)) from None
    if desk_fingerprint(data_key) != header.desk:
        raise UserError("backup.damaged", path=str(header.path))
    return data_key


def key_from_recovery(header: Header, recovery_key: str) -> BackupKey:
    return BackupKey.from_data_key(data_key_from_recovery(header, recovery_key), header.recovery)


def check_desk(header: Header, key: BackupKey) -> None:
    if header.desk != key.desk:
        raise UserError("backup.other_desk", path=str(header.path))


def open_metadata(header: Header, key: BackupKey) -> dict[str, Any]:
    """The sealed metadata: date, kind, counts, numbers used, restore epoch... (the desk is checked first)."""
    check_desk(header, key)
    with open(header.path, "rb") as fh:
        fh.seek(header.metadata_at)
        sealed = fh.read(header.metadata_size)
    try:
        plain = _file_key(key, header.salt).decrypt(_nonce(_METADATA_INDEX), sealed, header.associated)
        return json.loads(plain.decode("utf-8"))
    except (InvalidTag, ValueError):
        raise UserError("backup.damaged", path=str(header.path)) from None


# -- writing -------------------------------------------------------------------------------------

def snapshot(source: sqlite3.Connection, scratch: Path) -> None:
    """A consistent copy of the database through SQLite's online backup API, into a scratch file.

    The scratch is not the desk's file and is encrypted in place right after, then fsynced: it needs neither a
    journal nor a sync of its own (a crash leaves a `.part` file, removed at the next backup)."""
    dest = sqlite3.connect(str(scratch))
    try:
        dest.execute("PRAGMA journal_mode=OFF")
        dest.execute("PRAGMA synchronous=OFF")
        source.backup(dest)
    finally:
        dest.close()


def open_snapshot(scratch: Path) -> sqlite3.Connection:
    """The scratch copy, read-only and unchanging (no lock or shared memory file next to it)."""
    conn = sqlite3.connect(f"{Path(scratch).resolve().as_uri()}?immutable=1", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def _pread_exact(fd: int, size: int, offset: int) -> bytes:
    data = os.pread(fd, size, offset)
    while len(data) < size:
        more = os.pread(fd, size - len(data), offset + len(data))
        if not more:
            raise EOFError(offset + len(data))
        data += more
    return data


def _pwrite_all(fd: int, data: bytes | memoryview, offset: int) -> None:
    view = memoryview(data)
    while view:
        written = os.pwrite(fd, view, offset)
        view = view[written:]
        offset += written


def _start_writeback(fd: int, offset: int, length: int) -> None:
    """Have the OS write these bytes out now and not keep them cached (Linux; elsewhere the final fsync does it)."""
    if length > 0 and hasattr(os, "posix_fadvise"):
        os.posix_fadvise(fd, offset, length, os.POSIX_FADV_DONTNEED)


def seal_in_place(scratch: Path, key: BackupKey, *, created_at: str, kind: str, metadata: dict[str, Any]) -> None:
    """Turn the plain scratch copy into the encrypted backup file, chunk by chunk where each lies (one chunk in
    memory at a time), then fsync it. The header is written last: an interrupted file is never mistaken for a
    backup."""
    salt = os.urandom(SALT_BYTES)
    fd = os.open(str(scratch), os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        plain_size = os.fstat(fd).st_size
        sealed_metadata_size = len(json.dumps(metadata, ensure_ascii=False).encode("utf-8")) + TAG_BYTES
        block = _header_block({
            "format": FORMAT_NAME, "version": FORMAT_VERSION, "desk": key.desk, "created_at": created_at,
            "kind": kind, "plain_size": plain_size, "chunk_size": CHUNK_SIZE, "metadata_size": sealed_metadata_size,
            "salt": keys.encode(salt), "recovery": key.recovery,
        })
        header = Header(scratch, FORMAT_VERSION, key.desk, created_at, kind, plain_size, CHUNK_SIZE,
                        sealed_metadata_size, salt, key.recovery, block)
        cipher = _file_key(key, salt)
        associated = header.associated
        first = _pread_exact(fd, header.displaced, 0)
        tags: list[bytes] = []
        buffer = bytearray(CHUNK_SIZE)
        view = memoryview(buffer)
        flushed = HEADER_BLOCK
        for index in range(header.chunks):
            offset = HEADER_BLOCK + index * CHUNK_SIZE
            length = min(CHUNK_SIZE, plain_size - offset)
            read = os.preadv(fd, [view[:length]], offset) if hasattr(os, "preadv") else None
            chunk = view[:length] if read == length else _pread_exact(fd, length, offset)
            sealed = cipher.encrypt(_nonce(index), chunk, associated)
            _pwrite_all(fd, memoryview(sealed)[:length], offset)
            tags.append(sealed[length:])
            if offset + length - flushed >= _WRITEBACK_BYTES:
                _start_writeback(fd, flushed, offset + length - flushed)
                flushed = offset + length
        sealed_first = cipher.encrypt(_nonce(header.chunks), first, associated)
        tags.append(sealed_first[len(first):])
        tail = sealed_first[:len(first)] + b"".join(tags)
        sealed_metadata = cipher.encrypt(_nonce(_METADATA_INDEX),
                                         json.dumps(metadata, ensure_ascii=False).encode("utf-8"), associated)
        assert len(sealed_metadata) == sealed_metadata_size
        _pwrite_all(fd, tail + sealed_metadata, header.body_end)
        os.ftruncate(fd, header.expected_size)
        _pwrite_all(fd, block, 0)
        os.fsync(fd)
    finally:
        os.close(fd)


# -- reading -------------------------------------------------------------------------------------

def _pieces(fd: int, header: Header, key: BackupKey) -> Iterator[tuple[int, bytes, bytes]]:
    """(plain offset, sealed bytes, plain bytes) of every piece in file order; a UserError at the first bad tag."""
    cipher = _file_key(key, header.salt)
    associated = header.associated
    try:
        tags = _pread_exact(fd, TAG_BYTES * (header.chunks + 1), header.tags_at)
        for index in range(header.chunks):
            offset = HEADER_BLOCK + index * header.chunk_size
            length = min(header.chunk_size, header.plain_size - offset)
            sealed = _pread_exact(fd, length, offset)
            tag = tags[index * TAG_BYTES:(index + 1) * TAG_BYTES]
            yield offset, sealed, cipher.decrypt(_nonce(index), sealed + tag, associated)
        sealed = _pread_exact(fd, header.displaced, header.body_end)
        tag = tags[header.chunks * TAG_BYTES:]
        yield 0, sealed, cipher.decrypt(_nonce(header.chunks), sealed + tag, associated)
    except InvalidTag:
        raise UserError("backup.damaged", path=str(header.path)) from None
    except EOFError:
        raise UserError("backup.truncated", path=str(header.path)) from None


def verify(header: Header, key: BackupKey) -> str:
    """Read the whole file back: every chunk and the metadata must open with their tags. Returns the file's
    SHA-256 (hex)."""
    open_metadata(header, key)
    digest = hashlib.sha256()
    fd = os.open(str(header.path), os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        digest.update(header.block)
        for _, sealed, _ in _pieces(fd, header, key):
            digest.update(sealed)
        remainder = header.expected_size - header.tags_at
        digest.update(_pread_exact(fd, remainder, header.tags_at))
    finally:
        os.close(fd)
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(CHUNK_SIZE):
            digest.update(block)
    return digest.hexdigest()


def decrypt_to(header: Header, key: BackupKey, target: Path) -> None:
    """Write the database copy a backup holds to `target` (a new file), one chunk in memory at a time; fsynced."""
    check_desk(header, key)
    fd = os.open(str(header.path), os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        out = os.open(str(target), os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        try:
            for offset, _, plain in _pieces(fd, header, key):
                _pwrite_all(out, plain, offset)
            os.fsync(out)
        except BaseException:
            os.close(out)
            os.unlink(target)  # never leave a half-written copy
            raise
        os.close(out)
    finally:
        os.close(fd)

"""The sync package: one file a commune sends up on a USB stick, safe to send twice, impossible to forge,
unreadable if lost, and checked bit for bit (docs/sync-format.md).

A package is a zip container (`container.py`, one canonical layout) holding, in this order:

- `payload.bin`: the records, as interchange JSON Lines, zlib-compressed, then encrypted (`crypto.py`);
- `documents.bin`, `reports.bin` (only when there are any): issued PDFs and submitted reports, each a framed
  sequence of (name, bytes), compressed and encrypted the same way;
- `manifest.json`: plain canonical JSON (unit, sequence, restore epoch, change range, counts, versions, the
  audit-chain head, the encryption parameters and each part's size and SHA-256);
- `signature.bin`: Ed25519 by the commune's signing key over the manifest's hash and every part's hash.

Writing streams (records may be a generator of a million) and ends by reading the file back and verifying it
before renaming it into place. Reading verifies the container, every hash and the signature before any
decryption, then decrypts on demand, one segment at a time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from receptiondesk import __version__
from receptiondesk.errors import UserError
from receptiondesk.sync import container
from receptiondesk.sync.container import ContainerError, ContainerWriter, Entry
from receptiondesk.sync.crypto import (
    DEFAULT_SEGMENT_SIZE,
    MAX_SEGMENT_SIZE,
    MIN_SEGMENT_SIZE,
    SCHEME,
    IdentityPolicy,
    SegmentError,
    SegmentWriter,
    open_identity,
    open_record,
    open_segments,
    part_key,
    seal_identity,
    seal_record,
    segment_lengths,
    shared_secret,
)
from receptiondesk.sync.files import Sink, write_atomically
from receptiondesk.sync.keys import (
    UNIT_CODE,
    CommuneKeys,
    CommunePublicKey,
    UpperLevelKeys,
    UpperLevelPublicKeys,
    decode_key,
    encode_key,
    key_id,
)

__all__ = [
    "FORMAT_NAME", "FORMAT_VERSION", "SUFFIX", "IdentityPolicy", "Manifest", "ManifestFields", "OpenedPackage",
    "PackageInfo", "PartInfo", "inspect_package", "open_identity", "open_record", "read_package", "seal_identity",
    "seal_record", "verify_package", "write_package",
]

FORMAT_NAME = "receptiondesk-sync-package"
FORMAT_VERSION = 1
SUFFIX = ".rdsync"
PAYLOAD = "payload.bin"
DOCUMENTS = "documents.bin"
REPORTS = "reports.bin"
MANIFEST = "manifest.json"
SIGNATURE = "signature.bin"
PART_CONTENT = {PAYLOAD: "records", DOCUMENTS: "documents", REPORTS: "reports"}
SIGNATURE_LABEL = b"receptiondesk-sync-package-signature/1\x00"
SIGNATURE_BYTES = 64
MAX_MANIFEST_BYTES = 1 << 20
MAX_TEXT = 200
MAX_INT = (1 << 63) - 1
COMPRESSION_LEVEL = 6
BATCH_BYTES = 256 << 10
READ_BLOCK = 1 << 20
MAX_ITEM_NAME = 255
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_ENTITY = re.compile(r"^[a-z_]{1,40}$")


class _Invalid(Exception):
    """The manifest (or a part's framing) is not what this format writes."""


class _Newer(Exception):
    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False).encode("utf-8")


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _line(obj: Any) -> bytes:
    return _ENCODER.encode(obj).encode("utf-8") + b"\n"


# -- the manifest --------------------------------------------------------------------------------

def _is_int(value: Any, low: int = 0, high: int = MAX_INT) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _is_text(value: Any, max_length: int = MAX_TEXT) -> bool:
    return isinstance(value, str) and len(value) <= max_length


def _is_timestamp(value: Any) -> bool:
    if not _is_text(value, 40):
        return False
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


@dataclass(frozen=True)
class ManifestFields:
    """What the caller states about a package (the library adds counts, keys and hashes).

    `change_from`/`change_to`: the inclusive range of the desk's local change sequence the package covers
    (empty when `change_from == change_to + 1`). `field_list_version`, `rules_version` and `audit_head` are opaque
    strings (at most 200 characters) carried as given; `created_at` is ISO 8601 with its offset."""

    unit_code: str
    sequence: int
    restore_epoch: int
    change_from: int
    change_to: int
    field_list_version: str
    rules_version: str
    audit_head: str
    created_at: str
    app_version: str = __version__

    def __post_init__(self) -> None:
        problems = []
        if not isinstance(self.unit_code, str) or not UNIT_CODE.match(self.unit_code):
            problems.append("unit_code")
        if not _is_int(self.sequence, 1):
            problems.append("sequence")
        if not _is_int(self.restore_epoch):
            problems.append("restore_epoch")
        if not _is_int(self.change_from) or not _is_int(self.change_to) or self.change_from > self.change_to + 1:
            problems.append("change range")
        for name in ("field_list_version", "rules_version", "audit_head", "app_version"):
            if not _is_text(getattr(self, name)):
                problems.append(name)
        if not _is_timestamp(self.created_at):
            problems.append("created_at")
        if problems:
            raise ValueError(f"manifest fields not valid: {', '.join(problems)}")


@dataclass(frozen=True)
class PartInfo:
    """One encrypted part as the manifest lists it."""

    name: str
    content: str
    items: int
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """A package's manifest, as written or as read (strictly) from `manifest.json`."""

    version: int
    app_version: str
    unit_code: str
    upper_unit_code: str
    sequence: int
    restore_epoch: int
    change_from: int
    change_to: int
    field_list_version: str
    rules_version: str
    audit_head: str
    created_at: str
    signer_key: str
    scheme: str
    ephemeral_public_key: bytes = field(repr=False)
    recipient_key: str = field(repr=False)
    confidential_key: str = field(repr=False)
    segment_size: int = field(repr=False)
    counts: Mapping[str, int] = field(default_factory=dict)
    parts: tuple[PartInfo, ...] = ()
    raw: bytes = field(default=b"", repr=False, compare=False)

    def core(self) -> dict[str, Any]:
        """Every manifest entry known before the parts are written (all but `counts` and `parts`)."""
        return {
            "format": FORMAT_NAME, "version": self.version, "app_version": self.app_version,
            "unit_code": self.unit_code, "upper_unit_code": self.upper_unit_code, "sequence": self.sequence,
            "restore_epoch": self.restore_epoch, "changes": {"from": self.change_from, "to": self.change_to},
            "field_list_version": self.field_list_version, "rules_version": self.rules_version,
            "audit_head": self.audit_head, "created_at": self.created_at, "signer_key": self.signer_key,
            "encryption": {"scheme": self.scheme, "ephemeral_public_key": encode_key(self.ephemeral_public_key),
                           "recipient_key": self.recipient_key, "confidential_key": self.confidential_key,
                           "segment_size": self.segment_size},
        }

    def core_hash(self) -> bytes:
        """SHA-256 of the canonical JSON of `core()`: every encrypted segment is bound to it."""
        return hashlib.sha256(_canonical(self.core())).digest()

    def to_dict(self) -> dict[str, Any]:
        document = self.core()
        document["counts"] = dict(self.counts)
        document["parts"] = [{"name": p.name, "content": p.content, "items": p.items, "size": p.size,
                              "sha256": p.sha256} for p in self.parts]
        return document

    def to_json(self) -> bytes:
        return _canonical(self.to_dict())

    def part(self, name: str) -> PartInfo | None:
        return next((p for p in self.parts if p.name == name), None)

    @classmethod
    def parse(cls, raw: bytes) -> Manifest:
        """The manifest in `raw`, which must be exactly its canonical JSON; _Invalid or _Newer otherwise."""
        try:
            obj = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise _Invalid("not JSON") from None
        if not isinstance(obj, dict) or obj.get("format") != FORMAT_NAME:
            raise _Invalid("another format")
        version = obj.get("version")
        if not _is_int(version, 1):
            raise _Invalid("version")
        if version > FORMAT_VERSION:
            raise _Newer(version)
        _keys(obj, {"format", "version", "app_version", "unit_code", "upper_unit_code", "sequence", "restore_epoch",
                    "changes", "field_list_version", "rules_version", "audit_head", "created_at", "signer_key",
                    "encryption", "counts", "parts"})
        changes, encryption, counts = obj["changes"], obj["encryption"], obj["counts"]
        _keys(changes, {"from", "to"})
        _keys(encryption, {"scheme", "ephemeral_public_key", "recipient_key", "confidential_key", "segment_size"})
        if not isinstance(counts, dict) or not all(_ENTITY.match(k) and _is_int(v, 1) for k, v in counts.items()):
            raise _Invalid("counts")
        if not isinstance(obj["parts"], list):
            raise _Invalid("parts")
        parts = []
        for part in obj["parts"]:
            _keys(part, {"name", "content", "items", "size", "sha256"})
            if PART_CONTENT.get(part["name"]) != part["content"] or not _is_int(part["items"]) or \
                    not _is_int(part["size"]) or not _is_text(part["sha256"]) or not _HEX64.match(part["sha256"]):
                raise _Invalid("part")
            parts.append(PartInfo(part["name"], part["content"], part["items"], part["size"], part["sha256"]))
        try:
            ephemeral = decode_key(encryption["ephemeral_public_key"])
        except ValueError:
            raise _Invalid("ephemeral key") from None
        try:
            manifest = cls(version, obj["app_version"], obj["unit_code"], obj["upper_unit_code"], obj["sequence"],
                           obj["restore_epoch"], changes["from"], changes["to"], obj["field_list_version"],
                           obj["rules_version"], obj["audit_head"], obj["created_at"], obj["signer_key"],
                           encryption["scheme"], ephemeral, encryption["recipient_key"],
                           encryption["confidential_key"], encryption["segment_size"], counts, tuple(parts), raw)
            ManifestFields(manifest.unit_code, manifest.sequence, manifest.restore_epoch, manifest.change_from,
                           manifest.change_to, manifest.field_list_version, manifest.rules_version,
                           manifest.audit_head, manifest.created_at, manifest.app_version)
        except (ValueError, TypeError):
            raise _Invalid("fields") from None
        keys_ok = all(_is_text(k) and _HEX64.match(k)
                      for k in (manifest.signer_key, manifest.recipient_key, manifest.confidential_key))
        if not keys_ok or not _is_text(manifest.upper_unit_code) or not UNIT_CODE.match(manifest.upper_unit_code) \
                or manifest.scheme != SCHEME or not _is_int(manifest.segment_size, MIN_SEGMENT_SIZE, MAX_SEGMENT_SIZE):
            raise _Invalid("fields")
        names = [p.name for p in parts]
        if not names or names[0] != PAYLOAD or names != sorted(set(names), key=list(PART_CONTENT).index):
            raise _Invalid("part order")
        if sum(counts.values()) != parts[0].items or any(p.items < 1 for p in parts[1:]):
            raise _Invalid("counts")
        if manifest.to_json() != raw:
            raise _Invalid("not canonical")
        return manifest


def _keys(obj: Any, expected: set[str]) -> None:
    if not isinstance(obj, dict) or set(obj) != expected:
        raise _Invalid("keys")


def signing_input(manifest_raw: bytes, part_hashes: Iterable[tuple[str, bytes]]) -> bytes:
    """What the commune signs: a label, the manifest's SHA-256, then each part's name, a zero byte and its
    SHA-256, in the manifest's order."""
    message = bytearray(SIGNATURE_LABEL + hashlib.sha256(manifest_raw).digest())
    for name, digest in part_hashes:
        message += name.encode("ascii") + b"\x00" + digest
    return bytes(message)


# -- writing -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PackageInfo:
    """A package file that was written or verified: where it is, its SHA-256 (hex) and size, its manifest."""

    path: Path
    sha256: str
    size: int
    manifest: Manifest


@dataclass(frozen=True)
class _Written:
    manifest: Manifest
    signature: bytes


class _PartWriter:
    """Compresses and encrypts one part into the open container entry, hashing the sealed bytes."""

    def __init__(self, writer: ContainerWriter, name: str, shared: bytes, ephemeral_public: bytes,
                 recipient_public: bytes, core_hash: bytes, segment_size: int) -> None:
        self._writer = writer
        self._digest = hashlib.sha256()
        self._compressor = zlib.compressobj(COMPRESSION_LEVEL)
        self._batch = bytearray()
        writer.begin(name)
        self._segments = SegmentWriter(part_key(shared, ephemeral_public, recipient_public, FORMAT_VERSION, name),
                                       core_hash, self._emit, segment_size)

    def _emit(self, sealed: bytes) -> None:
        self._digest.update(sealed)
        self._writer.write(sealed)

    def write_line(self, text: str) -> None:
        """One line of JSON text and its newline."""
        self._batch += text.encode("utf-8")
        self._batch += b"\n"
        if len(self._batch) >= BATCH_BYTES:
            self._drain()

    def write(self, data: bytes) -> None:
        if len(data) >= BATCH_BYTES:
            self._drain()
            self._segments.write(self._compressor.compress(data))
            return
        self._batch += data
        if len(self._batch) >= BATCH_BYTES:
            self._drain()

    def _drain(self) -> None:
        if self._batch:
            self._segments.write(self._compressor.compress(self._batch))
            self._batch = bytearray()

    def close(self) -> tuple[Entry, str]:
        self._drain()
        self._segments.write(self._compressor.flush())
        self._segments.close()
        return self._writer.end(), self._digest.hexdigest()


def _check_item(item: Any) -> tuple[str, bytes]:
    if not isinstance(item, tuple) or len(item) != 2:
        raise ValueError("documents and reports are (name, bytes) pairs")
    name, data = item
    if not isinstance(name, str) or not name or len(name) > MAX_ITEM_NAME or not name.isprintable():
        raise ValueError(f"not a document name: {name!r}")
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ValueError(f"the document {name!r} is not bytes")
    return name, bytes(data)


def write_package(path: Path | str, manifest_fields: ManifestFields, records: Iterable[Mapping[str, Any]], *,
                  documents: Iterable[tuple[str, bytes]] = (), reports: Iterable[tuple[str, bytes]] = (),
                  signing_key: CommuneKeys | Ed25519PrivateKey, upper_keys: UpperLevelPublicKeys,
                  identity_policy: IdentityPolicy | None = None,
                  segment_size: int = DEFAULT_SEGMENT_SIZE) -> PackageInfo:
    """Write a package to `path` (which must not exist yet) and return its SHA-256 and manifest.

    `records` are interchange records (dicts with an "entity" key), consumed once, one at a time; a record may
    also come already encoded, as (entity, JSON line), and is then written as given (the caller vouches that it
    is one interchange record carrying no protected identity). With an `identity_policy`, each dict record it
    calls protected has its identity keys sealed to the upper level's confidential key before it is written. The file is written under a temporary name in the same folder,
    fsynced, read back and verified (container, hashes, signature), then renamed; on any failure there is no
    file at `path` and no temporary file. Disk trouble is a UserError naming the folder."""
    target = Path(path)
    private = signing_key.signing if isinstance(signing_key, CommuneKeys) else signing_key
    if isinstance(signing_key, CommuneKeys) and signing_key.unit_code != manifest_fields.unit_code:
        raise ValueError("the signing key belongs to another unit than the manifest's")
    public = private.public_key()

    def produce(sink: Sink) -> _Written:
        return _produce(sink, manifest_fields, records, documents, reports, private, upper_keys, identity_policy,
                        segment_size)

    read_back: list[tuple[str, int]] = []

    def verify(written_path: Path, written: _Written) -> None:
        with open(written_path, "rb") as handle:
            manifest, signature, _, digest = _verify(handle, written_path, public)
        if manifest.raw != written.manifest.raw or signature != written.signature:
            raise UserError("sync.package_damaged", path=str(written_path))
        read_back.append(digest)

    written = write_atomically(target, produce, verify)
    sha, size = read_back[-1]
    return PackageInfo(target, sha, size, written.manifest)


def _produce(sink: Sink, fields: ManifestFields, records: Iterable[Mapping[str, Any]],
             documents: Iterable[tuple[str, bytes]], reports: Iterable[tuple[str, bytes]],
             signing_key: Ed25519PrivateKey, upper_keys: UpperLevelPublicKeys,
             policy: IdentityPolicy | None, segment_size: int) -> _Written:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    recipient_public = upper_keys.encryption.public_bytes_raw()
    shared = shared_secret(ephemeral, upper_keys.encryption)
    manifest = Manifest(
        FORMAT_VERSION, fields.app_version, fields.unit_code, upper_keys.unit_code, fields.sequence,
        fields.restore_epoch, fields.change_from, fields.change_to, fields.field_list_version, fields.rules_version,
        fields.audit_head, fields.created_at, key_id(signing_key.public_key()), SCHEME, ephemeral_public,
        key_id(upper_keys.encryption), key_id(upper_keys.confidential), segment_size)
    core_hash = manifest.core_hash()
    writer = ContainerWriter(sink)

    def part(name: str) -> _PartWriter:
        return _PartWriter(writer, name, shared, ephemeral_public, recipient_public, core_hash, segment_size)

    payload = part(PAYLOAD)
    counts: Counter[str] = Counter()
    for record in records:
        if isinstance(record, tuple):  # (entity, its JSON line) already encoded by the caller: written as given
            entity, line = record
        else:
            if policy is not None:
                record = seal_record(record, policy, upper_keys.confidential)
            entity = record.get("entity")
            line = None
        if type(entity) is not str or entity not in counts and not _ENTITY.match(entity):
            raise ValueError(f"a record without a valid entity: {entity!r}")
        counts[entity] += 1
        payload.write_line(line if line is not None else
                           _ENCODER.encode(record if isinstance(record, dict) else dict(record)))
    entry, digest = payload.close()
    parts = [PartInfo(PAYLOAD, PART_CONTENT[PAYLOAD], sum(counts.values()), entry.size, digest)]
    for name, items in ((DOCUMENTS, documents), (REPORTS, reports)):
        iterator = iter(items)
        first = next(iterator, None)
        if first is None:
            continue
        framed = part(name)
        count = 0
        for element in itertools.chain([first], iterator):
            item_name, data = _check_item(element)
            framed.write(_line({"name": item_name, "size": len(data)}))
            framed.write(data)
            count += 1
        framed.write(_line({"end": True, "items": count}))
        entry, digest = framed.close()
        parts.append(PartInfo(name, PART_CONTENT[name], count, entry.size, digest))
    manifest = dataclasses.replace(manifest, counts=dict(sorted(counts.items())), parts=tuple(parts))
    raw = manifest.to_json()
    manifest = dataclasses.replace(manifest, raw=raw)
    writer.add(MANIFEST, raw)
    signature = signing_key.sign(signing_input(raw, ((p.name, bytes.fromhex(p.sha256)) for p in parts)))
    writer.add(SIGNATURE, signature)
    writer.finish()
    return _Written(manifest, signature)


# -- reading -------------------------------------------------------------------------------------

def _open(path: Path) -> BinaryIO:
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise UserError("sync.package_not_found", path=str(path)) from None
    except IsADirectoryError:
        raise UserError("sync.package_not_ours", path=str(path)) from None
    except OSError as exc:
        raise UserError("sync.package_unreadable", path=str(path), reason=exc.strerror or str(exc)) from None


def _structure(handle: BinaryIO, path: Path) -> tuple[dict[str, Entry], Manifest, bytes]:
    """The container's entries, the parsed manifest and the signature bytes: the layout, the manifest's form
    and its agreement with the entries are checked; the parts' contents are not read."""
    size = handle.seek(0, 2)
    try:
        entries = container.read_entries(handle, size, PAYLOAD)
    except ContainerError as exc:
        if not exc.ours:
            raise UserError("sync.package_not_ours", path=str(path)) from None
        code = "sync.package_truncated" if exc.truncated else "sync.package_damaged"
        raise UserError(code, path=str(path)) from None
    names = [e.name for e in entries]
    if names[-2:] != [MANIFEST, SIGNATURE] or any(n not in PART_CONTENT for n in names[:-2]):
        raise UserError("sync.package_damaged", path=str(path))
    by_name = {e.name: e for e in entries}
    manifest_entry, signature_entry = by_name[MANIFEST], by_name[SIGNATURE]
    if manifest_entry.size > MAX_MANIFEST_BYTES or signature_entry.size != SIGNATURE_BYTES:
        raise UserError("sync.package_damaged", path=str(path))
    raw = _read_entry(handle, manifest_entry)
    signature = _read_entry(handle, signature_entry)
    if zlib.crc32(raw) != manifest_entry.crc or zlib.crc32(signature) != signature_entry.crc:
        raise UserError("sync.package_damaged", path=str(path))
    try:
        manifest = Manifest.parse(raw)
    except _Newer as exc:
        raise UserError("sync.package_newer_version", path=str(path), version=exc.version) from None
    except _Invalid:
        raise UserError("sync.package_damaged", path=str(path)) from None
    if [(p.name, p.size) for p in manifest.parts] != [(e.name, e.size) for e in entries[:-2]]:
        raise UserError("sync.package_damaged", path=str(path))
    return by_name, manifest, signature


def _read_entry(handle: BinaryIO, entry: Entry) -> bytes:
    handle.seek(entry.data_offset)
    data = handle.read(entry.size)
    if len(data) != entry.size:
        raise ContainerError("short read", truncated=True)
    return data


def _scan(handle: BinaryIO, entries: Iterable[Entry]) -> tuple[str, int, dict[str, bytes], bool]:
    """One sequential pass over the file: its SHA-256 and size, each part's SHA-256, and whether every
    entry's CRC-32 matches its directory."""
    ranges = [(e, e.data_offset, e.data_offset + e.size) for e in entries]
    digests = {e.name: hashlib.sha256() for e in entries}
    crcs = {e.name: 0 for e in entries}
    whole = hashlib.sha256()
    handle.seek(0)
    position = 0
    while block := handle.read(READ_BLOCK):
        whole.update(block)
        end = position + len(block)
        for entry, start, stop in ranges:
            if start < end and stop > position:
                piece = block[max(start - position, 0):min(stop, end) - position]
                digests[entry.name].update(piece)
                crcs[entry.name] = zlib.crc32(piece, crcs[entry.name])
        position = end
    crc_ok = all(crcs[e.name] == e.crc for e in entries)
    return whole.hexdigest(), position, {name: d.digest() for name, d in digests.items()}, crc_ok


def _verify(handle: BinaryIO, path: Path, public_key: Ed25519PublicKey,
            expected_unit: str | None = None) -> tuple[Manifest, bytes, dict[str, Entry], tuple[str, int]]:
    """Container, manifest, every hash and the signature; a UserError naming what is wrong. OSError passes."""
    try:
        entries, manifest, signature = _structure(handle, path)
        whole, size, digests, crc_ok = _scan(handle, entries.values())
    except ContainerError:
        raise UserError("sync.package_truncated", path=str(path)) from None
    unit = expected_unit or manifest.unit_code
    parts_ok = crc_ok and all(digests[p.name] == bytes.fromhex(p.sha256) for p in manifest.parts)
    message = signing_input(manifest.raw, ((p.name, digests[p.name]) for p in manifest.parts))
    try:
        public_key.verify(signature, message)
    except InvalidSignature:
        if parts_ok and manifest.signer_key != key_id(public_key):
            raise UserError("sync.package_other_signer", path=str(path), unit=unit) from None
        raise UserError("sync.package_damaged", path=str(path)) from None
    if not parts_ok or manifest.signer_key != key_id(public_key):
        raise UserError("sync.package_damaged", path=str(path))
    if expected_unit is not None and manifest.unit_code != expected_unit:
        raise UserError("sync.package_other_unit", path=str(path), unit=manifest.unit_code, expected=expected_unit)
    return manifest, signature, entries, (whole, size)


def _commune_key(commune_public_key: CommunePublicKey | Ed25519PublicKey) -> tuple[Ed25519PublicKey, str | None]:
    if isinstance(commune_public_key, CommunePublicKey):
        return commune_public_key.signing, commune_public_key.unit_code
    return commune_public_key, None


def verify_package(path: Path | str, *, commune_public_key: CommunePublicKey | Ed25519PublicKey) -> PackageInfo:
    """Check a package without decrypting it: container, manifest, every hash and the commune's signature
    (and, given a CommunePublicKey, that the package is that commune's). Needs no private key: the commune can
    check a file on a stick before handing it over."""
    return _verify_path(Path(path), commune_public_key)[0]


def _verify_path(path: Path, commune_public_key: CommunePublicKey | Ed25519PublicKey
                 ) -> tuple[PackageInfo, dict[str, Entry]]:
    public, unit = _commune_key(commune_public_key)
    with _open(path) as handle:
        try:
            manifest, _, entries, (sha, size) = _verify(handle, path, public, unit)
        except OSError as exc:
            raise UserError("sync.package_unreadable", path=str(path), reason=exc.strerror or str(exc)) from None
    return PackageInfo(path, sha, size, manifest), entries


def inspect_package(path: Path | str, *, check_hashes: bool = False) -> Manifest:
    """The manifest of a package, without any key (the commune's history screen). The container and the
    manifest are checked; with `check_hashes`, every part is also read and compared with its hash. The
    signature is not checked: use `verify_package` for that."""
    path = Path(path)
    with _open(path) as handle:
        try:
            entries, manifest, _ = _structure(handle, path)
            if check_hashes:
                _, _, digests, crc_ok = _scan(handle, entries.values())
                if not crc_ok or any(digests[p.name] != bytes.fromhex(p.sha256) for p in manifest.parts):
                    raise UserError("sync.package_damaged", path=str(path))
        except ContainerError:
            raise UserError("sync.package_truncated", path=str(path)) from None
        except OSError as exc:
            raise UserError("sync.package_unreadable", path=str(path), reason=exc.strerror or str(exc)) from None
    return manifest


def read_package(path: Path | str, *, commune_public_key: CommunePublicKey | Ed25519PublicKey,
                 upper_private_keys: UpperLevelKeys | X25519PrivateKey) -> OpenedPackage:
    """Open a package at the upper level: everything `verify_package` checks, and that it was encrypted to
    this upper level's key, before anything is decrypted. The records, documents and reports are then read on
    demand from the returned object, one segment at a time."""
    info, entries = _verify_path(Path(path), commune_public_key)
    private = upper_private_keys.encryption if isinstance(upper_private_keys, UpperLevelKeys) else upper_private_keys
    manifest = info.manifest
    if manifest.recipient_key != key_id(private.public_key()):
        raise UserError("sync.package_other_recipient", path=str(info.path))
    try:
        shared = shared_secret(private, X25519PublicKey.from_public_bytes(manifest.ephemeral_public_key))
    except ValueError:
        raise UserError("sync.package_damaged", path=str(info.path)) from None
    return OpenedPackage(info, shared, private.public_key().public_bytes_raw(), entries)


class OpenedPackage:
    """A verified package whose parts are decrypted on demand. Each iterator reads the file again, one segment
    at a time; when the file changed since it was verified, the segments no longer open and a UserError
    (`sync.package_damaged` or `_truncated`) is raised. A consumer that imports all or nothing reads to the end
    before committing: the entity counts are checked against the manifest after the last record."""

    def __init__(self, info: PackageInfo, shared: bytes, recipient_public: bytes, entries: dict[str, Entry]) -> None:
        self.info = info
        self._shared = shared
        self._recipient = recipient_public
        self._entries = entries

    @property
    def path(self) -> Path:
        return self.info.path

    @property
    def manifest(self) -> Manifest:
        return self.info.manifest

    @property
    def sha256(self) -> str:
        return self.info.sha256

    def _damaged(self) -> UserError:
        return UserError("sync.package_damaged", path=str(self.path))

    def _plain(self, name: str) -> Iterator[bytes]:
        """The decompressed plaintext of one part, in pieces of at most READ_BLOCK bytes."""
        entry = self._entries.get(name)
        if entry is None:
            return
        manifest = self.manifest
        key = part_key(self._shared, manifest.ephemeral_public_key, self._recipient, manifest.version, name)
        try:
            lengths = segment_lengths(entry.size, manifest.segment_size)
        except SegmentError:
            raise self._damaged() from None
        decompressor = zlib.decompressobj()
        try:
            with open(self.path, "rb") as handle:
                for segment in open_segments(self._sealed(handle, entry, lengths), key, manifest.core_hash(),
                                             len(lengths)):
                    if decompressor.eof:
                        raise self._damaged()
                    data = segment
                    while True:
                        out = decompressor.decompress(data, READ_BLOCK)
                        if out:
                            yield out
                        data = decompressor.unconsumed_tail
                        if not data and len(out) < READ_BLOCK:
                            break
            tail = decompressor.flush()
            if tail:
                yield tail
        except (SegmentError, zlib.error):
            raise self._damaged() from None
        except ContainerError:
            raise UserError("sync.package_truncated", path=str(self.path)) from None
        except OSError as exc:
            raise UserError("sync.package_unreadable", path=str(self.path), reason=exc.strerror or str(exc)) from None
        if not decompressor.eof or decompressor.unused_data:
            raise self._damaged()

    @staticmethod
    def _sealed(handle: BinaryIO, entry: Entry, lengths: list[int]) -> Iterator[bytes]:
        handle.seek(entry.data_offset)
        for length in lengths:
            segment = handle.read(length)
            if len(segment) != length:
                raise ContainerError("short read", truncated=True)
            yield segment

    def _lines(self) -> Iterator[bytearray]:
        buffer = bytearray()
        for chunk in self._plain(PAYLOAD):
            buffer += chunk
            start = 0
            while (end := buffer.find(b"\n", start)) >= 0:
                yield buffer[start:end]
                start = end + 1
            del buffer[:start]
        if buffer:
            raise self._damaged()

    def record_lines(self) -> Iterator[bytes]:
        """The payload's JSON Lines, each without its newline, as decrypted bytes."""
        return (bytes(line) for line in self._lines())

    def records(self) -> Iterator[dict[str, Any]]:
        """The records, in the order written; the entity counts are checked against the manifest at the end."""
        counts: Counter[str] = Counter()
        for line in self._lines():
            try:
                record = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                raise self._damaged() from None
            if not isinstance(record, dict) or not isinstance(record.get("entity"), str):
                raise self._damaged()
            counts[record["entity"]] += 1
            yield record
        if dict(counts) != dict(self.manifest.counts):
            raise self._damaged()

    def documents(self) -> Iterator[tuple[str, bytes]]:
        """The issued documents' (name, bytes), in the order written (none when the package has none)."""
        return self._items(DOCUMENTS)

    def reports(self) -> Iterator[tuple[str, bytes]]:
        """The submitted reports' (name, bytes), in the order written (none when the package has none)."""
        return self._items(REPORTS)

    def _items(self, name: str) -> Iterator[tuple[str, bytes]]:
        part = self.manifest.part(name)
        if part is None:
            return
        reader = _FrameReader(self._plain(name))
        count = 0
        try:
            while True:
                header = json.loads(reader.line().decode("utf-8"))
                if not isinstance(header, dict):
                    raise _Invalid("frame")
                if header.get("end") is True:
                    if set(header) != {"end", "items"} or not _is_int(header["items"]) or header["items"] != count \
                            or count != part.items:
                        raise _Invalid("count")
                    break
                if set(header) != {"name", "size"} or not _is_text(header["name"], MAX_ITEM_NAME) or \
                        not _is_int(header["size"]):
                    raise _Invalid("frame")
                yield header["name"], reader.exact(header["size"])
                count += 1
            if not reader.at_end():
                raise _Invalid("data after the end")
        except (_Invalid, UnicodeDecodeError, ValueError):
            raise self._damaged() from None


class _FrameReader:
    """Lines and exact byte counts out of a stream of byte chunks."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = bytearray()

    def _fill(self) -> bool:
        chunk = next(self._chunks, None)
        if chunk is None:
            return False
        self._buffer += chunk
        return True

    def line(self, limit: int = 4096) -> bytes:
        while (end := self._buffer.find(b"\n")) < 0:
            if len(self._buffer) > limit or not self._fill():
                raise _Invalid("no line")
        data = bytes(self._buffer[:end])
        del self._buffer[:end + 1]
        return data

    def exact(self, size: int) -> bytes:
        while len(self._buffer) < size:
            if not self._fill():
                raise _Invalid("cut short")
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def at_end(self) -> bool:
        return not self._buffer and not self._fill()

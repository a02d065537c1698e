"""The sync format's encryption, from the `cryptography` package's primitives only.

- Package parts: an ephemeral X25519 key per package; HKDF-SHA256 of the shared secret (salt: the ephemeral
  public key then the recipient's, info: the format version and the part's name) gives each part its own
  AES-256-GCM key and 4-byte nonce prefix. A part is a stream of segments of `segment_size` plaintext bytes
  (the last one shorter, possibly empty), each sealed on its own: nonce = prefix ‖ segment index (64-bit
  big-endian), associated data = SHA-256 of the manifest's core ‖ one byte, 1 on the last segment and 0 before.
  Memory stays at a segment or two whatever the size; a missing, reordered, cut or appended segment is refused.
- Protected identities: `seal_identity` seals a JSON object to the upper level's confidential key (a fresh
  X25519 key per blob, HKDF-SHA256, AES-256-GCM), so the general package key never reveals it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from receptiondesk.errors import UserError
from receptiondesk.security.keys import WrongKey, open_sealed, seal

SCHEME = "X25519-HKDF-SHA256-AES256GCM-STREAM"
KEY_BYTES = 32
PREFIX_BYTES = 4
TAG_BYTES = 16
DEFAULT_SEGMENT_SIZE = 1 << 20
MIN_SEGMENT_SIZE = 1 << 10
MAX_SEGMENT_SIZE = 1 << 24
IDENTITY_PREFIX = "rdsi1:"
IDENTITY_PADDING = 64
_IDENTITY_INFO = b"receptiondesk-sync/1/identity"


class SegmentError(Exception):
    """A part's segments do not open: altered, reordered, cut short, or another key."""


def raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes_raw()


def shared_secret(private: X25519PrivateKey, public: X25519PublicKey) -> bytes:
    """X25519; a public key of small order (an all-zero secret) is refused with ValueError."""
    return private.exchange(public)


@dataclass(frozen=True)
class PartKey:
    """One part's AES-256-GCM key and nonce prefix."""

    key: bytes
    prefix: bytes

    def nonce(self, index: int) -> bytes:
        return self.prefix + index.to_bytes(8, "big")


def part_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes, version: int, part: str) -> PartKey:
    """HKDF-SHA256(shared; salt = ephemeral ‖ recipient public key; info = "receptiondesk-sync/<v>/part/<name>")."""
    material = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES + PREFIX_BYTES,
                    salt=ephemeral_public + recipient_public,
                    info=f"receptiondesk-sync/{version}/part/{part}".encode("ascii")).derive(shared)
    return PartKey(material[:KEY_BYTES], material[KEY_BYTES:])


def segment_associated(core_hash: bytes, last: bool) -> bytes:
    return core_hash + (b"\x01" if last else b"\x00")


class SegmentWriter:
    """Encrypts a stream of plaintext into sealed segments, handed to `emit` as they are ready.

    A segment is emitted only once more plaintext follows it, so the last one (flagged in its associated data)
    is always known; `close` emits it, possibly empty."""

    def __init__(self, key: PartKey, core_hash: bytes, emit: Callable[[bytes], None],
                 segment_size: int = DEFAULT_SEGMENT_SIZE) -> None:
        if not MIN_SEGMENT_SIZE <= segment_size <= MAX_SEGMENT_SIZE:
            raise ValueError("segment size out of range")
        self._cipher = AESGCM(key.key)
        self._key = key
        self._core_hash = core_hash
        self._emit = emit
        self._size = segment_size
        self._buffer = bytearray()
        self._index = 0
        self._closed = False
        self.plain_bytes = 0

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if self._closed:
            raise ValueError("segment writer closed")
        self._buffer += data
        self.plain_bytes += len(data)
        while len(self._buffer) > self._size:
            segment = bytes(self._buffer[:self._size])
            del self._buffer[:self._size]
            self._seal(segment, last=False)

    def close(self) -> None:
        if self._closed:
            return
        self._seal(bytes(self._buffer), last=True)
        self._buffer = bytearray()
        self._closed = True

    def _seal(self, segment: bytes, *, last: bool) -> None:
        self._emit(self._cipher.encrypt(self._key.nonce(self._index), segment,
                                        segment_associated(self._core_hash, last)))
        self._index += 1


def segment_lengths(sealed_size: int, segment_size: int) -> list[int]:
    """The sealed length of every segment of a part of `sealed_size` bytes; SegmentError if none fits."""
    full = segment_size + TAG_BYTES
    if sealed_size < TAG_BYTES:
        raise SegmentError("part shorter than one tag")
    count = max(1, -(-sealed_size // full))
    last = sealed_size - (count - 1) * full
    if not TAG_BYTES <= last <= full:
        raise SegmentError("part size does not fit its segments")
    return [full] * (count - 1) + [last]


def open_segments(sealed: Iterable[bytes], key: PartKey, core_hash: bytes, count: int) -> Iterator[bytes]:
    """The plaintext of each sealed segment in order (`count` of them, the last flagged as last)."""
    cipher = AESGCM(key.key)
    index = -1
    for index, segment in enumerate(sealed):
        if index >= count:
            raise SegmentError("more segments than expected")
        try:
            yield cipher.decrypt(key.nonce(index), segment, segment_associated(core_hash, index == count - 1))
        except InvalidTag:
            raise SegmentError(f"segment {index} does not open") from None
    if index != count - 1:
        raise SegmentError("segments missing")


# -- protected identities ------------------------------------------------------------------------

def _identity_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=ephemeral_public + recipient_public,
                info=_IDENTITY_INFO).derive(shared)


def _identity_associated(bound_to: str) -> bytes:
    return _IDENTITY_INFO + b"\x00" + bound_to.encode("utf-8")


def seal_identity(fields: Mapping[str, Any], confidential_key_public: X25519PublicKey, *, bound_to: str = "") -> str:
    """A sealed blob of `fields` that only the upper level's confidential private key opens.

    `"rdsi1:" + base64(ephemeral public key (32) ‖ nonce (12) ‖ AES-256-GCM ciphertext and tag)`; the JSON
    plaintext is padded with spaces to a multiple of 64 bytes (a name's length shows only coarsely), and bound
    to `bound_to` (the record's UUID), so a blob moved to another record does not open."""
    plain = json.dumps(dict(fields), ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                       allow_nan=False).encode("utf-8")
    plain += b" " * (-len(plain) % IDENTITY_PADDING)
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    recipient = confidential_key_public.public_bytes_raw()
    key = _identity_key(shared_secret(ephemeral, confidential_key_public), ephemeral_public, recipient)
    blob = ephemeral_public + seal(key, plain, _identity_associated(bound_to))
    return IDENTITY_PREFIX + base64.b64encode(blob).decode("ascii")


def open_identity(blob: str, confidential_private: X25519PrivateKey, *, bound_to: str = "") -> dict[str, Any]:
    """The fields sealed by `seal_identity`; UserError `sync.identity_unreadable` with another key or an
    altered blob."""
    try:
        if not isinstance(blob, str) or not blob.startswith(IDENTITY_PREFIX):
            raise ValueError("not a sealed identity")
        raw = base64.b64decode(blob[len(IDENTITY_PREFIX):].encode("ascii"), validate=True)
        if len(raw) < 32 + 12 + TAG_BYTES:
            raise ValueError("too short")
        ephemeral_public = raw[:32]
        recipient = confidential_private.public_key().public_bytes_raw()
        shared = shared_secret(confidential_private, X25519PublicKey.from_public_bytes(ephemeral_public))
        plain = open_sealed(_identity_key(shared, ephemeral_public, recipient), raw[32:],
                            _identity_associated(bound_to))
        fields = json.loads(plain.decode("utf-8"))
        if not isinstance(fields, dict):
            raise ValueError("not an object")
        return fields
    except (WrongKey, ValueError, UnicodeError, binascii.Error):
        raise UserError("sync.identity_unreadable") from None


@dataclass(frozen=True)
class IdentityPolicy:
    """The caller's policy for protected identities in a package (the library decides nothing itself).

    `is_protected(record)` says whether a record carries a protected person's identity; `fields[entity]` names
    the keys of such a record to seal (a protected record of an entity not listed is refused: it would
    otherwise travel in clear). Each sealed key keeps `mask` in the plain record, and the blob goes to
    `sealed_key`, bound to the record's `uuid`."""

    is_protected: Callable[[Mapping[str, Any]], bool]
    fields: Mapping[str, tuple[str, ...]]
    mask: Any = None
    sealed_key: str = "sealed_identity"


def seal_record(record: Mapping[str, Any], policy: IdentityPolicy,
                confidential_key_public: X25519PublicKey) -> dict[str, Any]:
    """The record as it goes into a package: unchanged, or with its identity keys sealed per `policy`."""
    if not policy.is_protected(record):
        return dict(record)
    entity = record.get("entity")
    keys = policy.fields.get(entity) if isinstance(entity, str) else None
    if not keys:
        raise ValueError(f"a protected {entity!r} record, but the policy names no fields to seal for it")
    if policy.sealed_key in record:
        raise ValueError(f"the record already has a {policy.sealed_key!r} key")
    identity = {key: record.get(key) for key in keys}
    sealed = {key: (policy.mask if key in identity else value) for key, value in record.items()}
    sealed[policy.sealed_key] = seal_identity(identity, confidential_key_public, bound_to=str(record.get("uuid", "")))
    return sealed


def open_record(record: Mapping[str, Any], policy: IdentityPolicy,
                confidential_private: X25519PrivateKey) -> dict[str, Any]:
    """A record read from a package with its sealed identity put back (records without one are returned as
    they are). Keys the sealed identity holds but the record lacks are added at the end."""
    blob = record.get(policy.sealed_key)
    if blob is None:
        return dict(record)
    identity = open_identity(blob, confidential_private, bound_to=str(record.get("uuid", "")))
    opened = {key: identity.get(key, value) for key, value in record.items() if key != policy.sealed_key}
    for key, value in identity.items():
        opened.setdefault(key, value)
    return opened


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

"""Sync keys: the commune's Ed25519 signing key, and the upper level's X25519 encryption key, X25519 confidential-data
key and Ed25519 acknowledgement key; the public key files the two sides hand each other; fingerprints to compare
by phone; and sealing the private keys with the desk's data key for storage.

Keys are raw 32-byte values, base64 in JSON. A public key file is trusted only once its fingerprint has been read
over the phone and matched (docs/sync-format.md).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from receptiondesk.errors import UserError
from receptiondesk.security import keys as desk_keys
from receptiondesk.sync.files import Sink, read_small_file, write_atomically
from receptiondesk.sync.wordlist import WORDS

PUBLIC_FORMAT = "receptiondesk-sync-public-keys"
PRIVATE_FORMAT = "receptiondesk-sync-private-keys"
KEY_FILE_VERSION = 1
COMMUNE = "commune"
UPPER_LEVEL = "upper-level"
MAX_KEY_FILE_BYTES = 64 * 1024
MAX_UNIT_NAME = 200
FINGERPRINT_GROUPS = 8
FINGERPRINT_GROUP_DIGITS = 5
FINGERPRINT_WORDS = 8
UNIT_CODE = re.compile(r"^[0-9]{2,5}$")
_FINGERPRINT_LABEL = b"receptiondesk-sync-keys/1"
_SEAL_PURPOSE = "sync-private-keys"

PublicKey = Ed25519PublicKey | X25519PublicKey


# -- raw keys and fingerprints -------------------------------------------------------------------

def encode_key(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def decode_key(text: Any) -> bytes:
    """Strict base64 of exactly 32 bytes, in its one canonical spelling; ValueError otherwise."""
    if not isinstance(text, str):
        raise ValueError("not text")
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise ValueError("not base64") from None
    if len(raw) != 32 or encode_key(raw) != text:
        raise ValueError("not a 32-byte key")
    return raw


def key_id(public_key: PublicKey) -> str:
    """The SHA-256 of a raw public key, hex: how manifests and acknowledgements name the key involved."""
    return hashlib.sha256(public_key.public_bytes_raw()).hexdigest()


@dataclass(frozen=True)
class Fingerprint:
    """A key file's fingerprint: 32 bytes, shown as 8 groups of 5 digits and as 8 words to read aloud."""

    digest: bytes

    @property
    def hex(self) -> str:
        return self.digest.hex()

    @property
    def digits(self) -> str:
        """The digest as an integer, modulo 10^40, in 8 groups of 5 digits (about 133 bits)."""
        number = int.from_bytes(self.digest, "big") % 10 ** (FINGERPRINT_GROUPS * FINGERPRINT_GROUP_DIGITS)
        text = str(number).zfill(FINGERPRINT_GROUPS * FINGERPRINT_GROUP_DIGITS)
        return " ".join(text[i:i + FINGERPRINT_GROUP_DIGITS] for i in range(0, len(text), FINGERPRINT_GROUP_DIGITS))

    @property
    def words(self) -> tuple[str, ...]:
        """The digest's first 8 bytes, each as a word of the fixed list (64 bits)."""
        return tuple(WORDS[byte] for byte in self.digest[:FINGERPRINT_WORDS])

    def __str__(self) -> str:
        return f"{self.digits} ({' '.join(self.words)})"


def fingerprint(kind: str, unit_code: str, *public_keys: PublicKey) -> Fingerprint:
    """SHA-256 of "receptiondesk-sync-keys/1" ‖ 0 ‖ kind ‖ 0 ‖ unit code ‖ 0 ‖ the raw public keys in file order:
    it covers the whole key file that matters (which unit, which keys), so one comparison checks it all."""
    digest = hashlib.sha256()
    digest.update(_FINGERPRINT_LABEL + b"\x00" + kind.encode("ascii") + b"\x00" + unit_code.encode("ascii") + b"\x00")
    for key in public_keys:
        digest.update(key.public_bytes_raw())
    return Fingerprint(digest.digest())


# -- the key sets --------------------------------------------------------------------------------

def _check_unit(unit_code: str, unit_name: str) -> None:
    if not isinstance(unit_code, str) or not UNIT_CODE.match(unit_code):
        raise ValueError(f"not a unit code: {unit_code!r}")
    if not isinstance(unit_name, str) or not unit_name.strip() or len(unit_name) > MAX_UNIT_NAME:
        raise ValueError(f"not a unit name: {unit_name!r}")


@dataclass(frozen=True)
class CommunePublicKey:
    """What the commune hands up: its unit and its public signing key."""

    unit_code: str
    unit_name: str
    signing: Ed25519PublicKey = field(repr=False)

    def __post_init__(self) -> None:
        _check_unit(self.unit_code, self.unit_name)

    def fingerprint(self) -> Fingerprint:
        return fingerprint(COMMUNE, self.unit_code, self.signing)

    def to_json(self) -> bytes:
        return _dump({"format": PUBLIC_FORMAT, "version": KEY_FILE_VERSION, "kind": COMMUNE,
                      "unit_code": self.unit_code, "unit_name": self.unit_name,
                      "signing_key": encode_key(self.signing.public_bytes_raw())})

    @classmethod
    def from_json(cls, data: bytes, source: str = "-") -> CommunePublicKey:
        parsed = _KeyFile(data, source, PUBLIC_FORMAT, COMMUNE, ("signing_key",))
        return cls(parsed.unit_code, parsed.unit_name, parsed.key("signing_key", Ed25519PublicKey.from_public_bytes))

    def write(self, path: Path) -> None:
        write_key_file(path, self.to_json())

    @classmethod
    def read(cls, path: Path) -> CommunePublicKey:
        return cls.from_json(read_key_file(path), str(path))


@dataclass(frozen=True)
class CommuneKeys:
    """The commune's private signing key (made at setup; stored sealed with the desk's data key)."""

    unit_code: str
    unit_name: str
    signing: Ed25519PrivateKey = field(repr=False)

    def __post_init__(self) -> None:
        _check_unit(self.unit_code, self.unit_name)

    @classmethod
    def generate(cls, unit_code: str, unit_name: str) -> CommuneKeys:
        return cls(unit_code, unit_name, Ed25519PrivateKey.generate())

    def public(self) -> CommunePublicKey:
        return CommunePublicKey(self.unit_code, self.unit_name, self.signing.public_key())

    def to_json(self) -> bytes:
        return _dump({"format": PRIVATE_FORMAT, "version": KEY_FILE_VERSION, "kind": COMMUNE,
                      "unit_code": self.unit_code, "unit_name": self.unit_name,
                      "signing_key": encode_key(self.signing.private_bytes_raw())})

    @classmethod
    def from_json(cls, data: bytes, source: str = "-") -> CommuneKeys:
        parsed = _KeyFile(data, source, PRIVATE_FORMAT, COMMUNE, ("signing_key",))
        return cls(parsed.unit_code, parsed.unit_name,
                   parsed.key("signing_key", Ed25519PrivateKey.from_private_bytes))


@dataclass(frozen=True)
class UpperLevelPublicKeys:
    """What the upper level hands to its communes: its unit and three public keys."""

    unit_code: str
    unit_name: str
    encryption: X25519PublicKey = field(repr=False)
    confidential: X25519PublicKey = field(repr=False)
    ack: Ed25519PublicKey = field(repr=False)

    def __post_init__(self) -> None:
        _check_unit(self.unit_code, self.unit_name)

    def fingerprint(self) -> Fingerprint:
        return fingerprint(UPPER_LEVEL, self.unit_code, self.encryption, self.confidential, self.ack)

    def to_json(self) -> bytes:
        return _dump({"format": PUBLIC_FORMAT, "version": KEY_FILE_VERSION, "kind": UPPER_LEVEL,
                      "unit_code": self.unit_code, "unit_name": self.unit_name,
                      "encryption_key": encode_key(self.encryption.public_bytes_raw()),
                      "confidential_key": encode_key(self.confidential.public_bytes_raw()),
                      "ack_key": encode_key(self.ack.public_bytes_raw())})

    @classmethod
    def from_json(cls, data: bytes, source: str = "-") -> UpperLevelPublicKeys:
        names = ("encryption_key", "confidential_key", "ack_key")
        parsed = _KeyFile(data, source, PUBLIC_FORMAT, UPPER_LEVEL, names)
        return cls(parsed.unit_code, parsed.unit_name, parsed.key("encryption_key", _x25519_public),
                   parsed.key("confidential_key", _x25519_public),
                   parsed.key("ack_key", Ed25519PublicKey.from_public_bytes))

    def write(self, path: Path) -> None:
        write_key_file(path, self.to_json())

    @classmethod
    def read(cls, path: Path) -> UpperLevelPublicKeys:
        return cls.from_json(read_key_file(path), str(path))


@dataclass(frozen=True)
class UpperLevelKeys:
    """The upper level's private keys. `confidential` may be left out (None) of a copy kept where only the
    packages are read, so that PC never opens protected identities."""

    unit_code: str
    unit_name: str
    encryption: X25519PrivateKey = field(repr=False)
    confidential: X25519PrivateKey | None = field(repr=False)
    ack: Ed25519PrivateKey = field(repr=False)

    def __post_init__(self) -> None:
        _check_unit(self.unit_code, self.unit_name)

    @classmethod
    def generate(cls, unit_code: str, unit_name: str) -> UpperLevelKeys:
        return cls(unit_code, unit_name, X25519PrivateKey.generate(), X25519PrivateKey.generate(),
                   Ed25519PrivateKey.generate())

    def without_confidential(self) -> UpperLevelKeys:
        return UpperLevelKeys(self.unit_code, self.unit_name, self.encryption, None, self.ack)

    def public(self) -> UpperLevelPublicKeys:
        if self.confidential is None:
            raise ValueError("the public key file is made from the full key set (with the confidential key)")
        return UpperLevelPublicKeys(self.unit_code, self.unit_name, self.encryption.public_key(),
                                    self.confidential.public_key(), self.ack.public_key())

    def to_json(self) -> bytes:
        confidential = None if self.confidential is None else encode_key(self.confidential.private_bytes_raw())
        return _dump({"format": PRIVATE_FORMAT, "version": KEY_FILE_VERSION, "kind": UPPER_LEVEL,
                      "unit_code": self.unit_code, "unit_name": self.unit_name,
                      "encryption_key": encode_key(self.encryption.private_bytes_raw()),
                      "confidential_key": confidential,
                      "ack_key": encode_key(self.ack.private_bytes_raw())})

    @classmethod
    def from_json(cls, data: bytes, source: str = "-") -> UpperLevelKeys:
        names = ("encryption_key", "confidential_key", "ack_key")
        parsed = _KeyFile(data, source, PRIVATE_FORMAT, UPPER_LEVEL, names)
        return cls(parsed.unit_code, parsed.unit_name,
                   parsed.key("encryption_key", X25519PrivateKey.from_private_bytes),
                   parsed.key("confidential_key", X25519PrivateKey.from_private_bytes, optional=True),
                   parsed.key("ack_key", Ed25519PrivateKey.from_private_bytes))


def _x25519_public(raw: bytes) -> X25519PublicKey:
    """An X25519 public key that gives a usable shared secret (a small-order point gives none)."""
    key = X25519PublicKey.from_public_bytes(raw)
    X25519PrivateKey.generate().exchange(key)  # ValueError for a small-order point
    return key


# -- sealing private keys for storage ------------------------------------------------------------

def seal_private_keys(data_key: bytes, keys: CommuneKeys | UpperLevelKeys) -> bytes:
    """The private key set sealed (AES-256-GCM) with a purpose key derived from the desk's data key, for the
    caller to store in the desk's database (receptiondesk.security.keys)."""
    return desk_keys.seal(desk_keys.purpose_key(data_key, _SEAL_PURPOSE), keys.to_json(), _SEAL_PURPOSE.encode())


def open_private_keys(data_key: bytes, blob: bytes) -> CommuneKeys | UpperLevelKeys:
    try:
        plain = desk_keys.open_sealed(desk_keys.purpose_key(data_key, _SEAL_PURPOSE), blob, _SEAL_PURPOSE.encode())
    except desk_keys.WrongKey:
        raise UserError("sync.private_keys_unreadable") from None
    kind = json.loads(plain.decode("utf-8")).get("kind")
    return CommuneKeys.from_json(plain) if kind == COMMUNE else UpperLevelKeys.from_json(plain)


# -- key files -----------------------------------------------------------------------------------

def _dump(obj: dict[str, Any]) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_key_file(path: Path, content: bytes) -> None:
    """Write a key file atomically (temporary file, fsync, read back, rename); errors name the folder."""

    def produce(sink: Sink) -> None:
        sink.write(content)

    def verify(written: Path, _: None) -> None:
        if written.read_bytes() != content:
            raise UserError("sync.readback_failed", path=str(written.parent))

    write_atomically(Path(path), produce, verify)


def read_key_file(path: Path) -> bytes:
    return read_small_file(Path(path), MAX_KEY_FILE_BYTES, "sync.key_file")


class _KeyFile:
    """Strict parsing of one key file: the format, version and kind first, then exactly the expected entries."""

    def __init__(self, data: bytes, source: str, file_format: str, kind: str, key_names: tuple[str, ...]) -> None:
        self.source = source
        self.key_names = key_names
        try:
            obj = json.loads(bytes(data).decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError):
            raise UserError("sync.key_file_not_ours", path=source) from None
        if not isinstance(obj, dict) or obj.get("format") != file_format:
            raise UserError("sync.key_file_not_ours", path=source)
        version = obj.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise UserError("sync.key_file_bad_field", path=source, key="version")
        if version > KEY_FILE_VERSION:
            raise UserError("sync.key_file_newer_version", path=source, version=version)
        if obj.get("kind") != kind:
            raise UserError("sync.key_file_wrong_kind", path=source, kind=str(obj.get("kind")), expected=kind)
        expected = {"format", "version", "kind", "unit_code", "unit_name", *key_names}
        unexpected = sorted(set(obj) ^ expected)
        if unexpected:
            raise UserError("sync.key_file_bad_field", path=source, key=unexpected[0])
        self.obj = obj
        self.unit_code = self._text("unit_code")
        self.unit_name = self._text("unit_name")
        if not UNIT_CODE.match(self.unit_code):
            raise UserError("sync.key_file_bad_field", path=source, key="unit_code")
        if not self.unit_name.strip() or len(self.unit_name) > MAX_UNIT_NAME:
            raise UserError("sync.key_file_bad_field", path=source, key="unit_name")

    def _text(self, name: str) -> str:
        value = self.obj.get(name)
        if not isinstance(value, str):
            raise UserError("sync.key_file_bad_field", path=self.source, key=name)
        return value

    def key(self, name: str, build: Callable[[bytes], Any], optional: bool = False) -> Any:
        value = self.obj.get(name)
        if value is None and optional:
            return None
        try:
            return build(decode_key(value))
        except ValueError:
            raise UserError("sync.key_file_bad_field", path=self.source, key=name) from None

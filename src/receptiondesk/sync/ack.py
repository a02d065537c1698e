"""The acknowledgement the upper level sends back for a package: one small JSON file, signed (Ed25519) by the
upper level's acknowledgement key (docs/sync-format.md).

The file is exactly::

    {"format":"receptiondesk-sync-ack","version":1,"body":<body>,"signature":"<base64>"}\\n

where <body> is the canonical JSON of the acknowledgement (keys sorted, no spaces, UTF-8) and the signature is
over "receptiondesk-sync-ack/1" ‖ 0 ‖ <body>. A reader accepts only that exact spelling, so any changed byte is
refused. Replays are the caller's to refuse: the acknowledgement names the package (sequence and SHA-256), and
only the desk's history knows whether that package was sent and already acknowledged.
"""

from __future__ import annotations

import base64
import dataclasses
import binascii
import hashlib
import hmac
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from receptiondesk.domain.text import fold
from receptiondesk.errors import UserError
from receptiondesk.sync.files import Sink, read_small_file, write_atomically
from receptiondesk.sync.keys import UNIT_CODE, UpperLevelKeys, UpperLevelPublicKeys, key_id

FORMAT_NAME = "receptiondesk-sync-ack"
FORMAT_VERSION = 1
SUFFIX = ".rdack"
MAX_ACK_BYTES = 64 << 20
MAX_TEXT = 4000
MIN_PROVINCE_KEY_BYTES = 16
_PREFIX = b'{"format":"' + FORMAT_NAME.encode() + b'","version":'
_SIGNED_LABEL = f"{FORMAT_NAME}/{FORMAT_VERSION}".encode() + b"\x00"
_KNOWN_CASE_LABEL = b"receptiondesk-known-case/1\x00"
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_COUNT_KEY = re.compile(r"^[a-z_]{1,40}$")
_BODY_KEYS = {"upper_unit_code", "upper_unit_name", "unit_code", "package_sequence", "package_sha256", "accepted",
              "counts", "reasons", "messages", "known_cases", "issued_at", "signer_key"}


def keyed_hash(province_key: bytes, identity_key_text: str) -> str:
    """HMAC-SHA256 (hex) of a normalised identity key, with a key the province shares among its offices.

    The text is folded first (NFC/NFD alike, no diacritics, lower case, whitespace collapsed), so "Nguyễn Văn
    Đức|1970" and "nguyen  van duc|1970" hash the same. The caller chooses what an identity key is (an ID
    number, a name with a birth year...) and never sends one of a protected person."""
    if not isinstance(province_key, bytes) or len(province_key) < MIN_PROVINCE_KEY_BYTES:
        raise ValueError(f"the province key must be at least {MIN_PROVINCE_KEY_BYTES} bytes")
    return hmac.new(province_key, _KNOWN_CASE_LABEL + fold(identity_key_text).encode("utf-8"),
                    hashlib.sha256).hexdigest()


def _is_int(value: Any, low: int = 0) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value < (1 << 63)


def _texts(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(t, str) and len(t) <= MAX_TEXT for t in value)


@dataclass(frozen=True)
class Ack:
    """An acknowledgement: which package of which commune, accepted or not, with counts and reasons.

    `counts` maps an entity to outcome counts (e.g. {"case": {"new": 3, "updated": 1}}); `reasons` says why a
    package was refused (codes or text); `messages` are free text for the commune; `known_cases` are keyed
    hashes (`keyed_hash`) of cases other communes hold. `signer_key` (the SHA-256 of the acknowledgement key)
    is filled in when the acknowledgement is written."""

    upper_unit_code: str
    upper_unit_name: str
    unit_code: str
    package_sequence: int
    package_sha256: str
    accepted: bool
    issued_at: str
    counts: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()
    messages: tuple[str, ...] = ()
    known_cases: tuple[str, ...] = ()
    signer_key: str = ""

    def __post_init__(self) -> None:
        problems = []
        for name in ("upper_unit_code", "unit_code"):
            if not isinstance(getattr(self, name), str) or not UNIT_CODE.match(getattr(self, name)):
                problems.append(name)
        if not isinstance(self.upper_unit_name, str) or not 0 < len(self.upper_unit_name.strip()) <= 200:
            problems.append("upper_unit_name")
        if not _is_int(self.package_sequence, 1):
            problems.append("package_sequence")
        if not isinstance(self.package_sha256, str) or not _HEX64.match(self.package_sha256):
            problems.append("package_sha256")
        if not isinstance(self.signer_key, str) or self.signer_key and not _HEX64.match(self.signer_key):
            problems.append("signer_key")
        if not isinstance(self.accepted, bool):
            problems.append("accepted")
        if not _valid_time(self.issued_at):
            problems.append("issued_at")
        if not isinstance(self.counts, Mapping) or not all(
                isinstance(k, str) and _COUNT_KEY.match(k) and isinstance(v, Mapping)
                and all(isinstance(o, str) and _COUNT_KEY.match(o) and _is_int(n) for o, n in v.items())
                for k, v in self.counts.items()):
            problems.append("counts")
        for name in ("reasons", "messages"):
            if not _texts(getattr(self, name)):
                problems.append(name)
        if not isinstance(self.known_cases, (list, tuple)) or not all(
                isinstance(h, str) and _HEX64.match(h) for h in self.known_cases):
            problems.append("known_cases")
        if problems:
            raise ValueError(f"acknowledgement fields not valid: {', '.join(problems)}")
        object.__setattr__(self, "counts", {k: dict(v) for k, v in self.counts.items()})
        for name in ("reasons", "messages", "known_cases"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    def body(self) -> dict[str, Any]:
        return {"upper_unit_code": self.upper_unit_code, "upper_unit_name": self.upper_unit_name,
                "unit_code": self.unit_code, "package_sequence": self.package_sequence,
                "package_sha256": self.package_sha256, "accepted": self.accepted,
                "counts": {k: dict(v) for k, v in self.counts.items()}, "reasons": list(self.reasons),
                "messages": list(self.messages), "known_cases": list(self.known_cases), "issued_at": self.issued_at,
                "signer_key": self.signer_key}


def _valid_time(value: Any) -> bool:
    if not isinstance(value, str) or len(value) > 40:
        return False
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False).encode("utf-8")


def _envelope(body: bytes, signature: bytes) -> bytes:
    return (_PREFIX + str(FORMAT_VERSION).encode() + b',"body":' + body + b',"signature":"'
            + base64.b64encode(signature) + b'"}\n')


def encode_ack(ack: Ack, *, signing_key: UpperLevelKeys | Ed25519PrivateKey) -> bytes:
    """The acknowledgement file's bytes, signed with the upper level's acknowledgement key."""
    private = signing_key.ack if isinstance(signing_key, UpperLevelKeys) else signing_key
    if isinstance(signing_key, UpperLevelKeys) and signing_key.unit_code != ack.upper_unit_code:
        raise ValueError("the acknowledgement key belongs to another unit than the acknowledgement's")
    signed = dataclasses.replace(ack, signer_key=key_id(private.public_key()))
    body = _canonical(signed.body())
    return _envelope(body, private.sign(_SIGNED_LABEL + body))


def write_ack(path: Path | str, ack: Ack, *, signing_key: UpperLevelKeys | Ed25519PrivateKey) -> bytes:
    """Write the acknowledgement file atomically (temporary file, fsync, read back, rename; never over an
    existing file); returns its bytes. Disk trouble is a UserError naming the folder."""
    content = encode_ack(ack, signing_key=signing_key)

    def produce(sink: Sink) -> None:
        sink.write(content)

    def verify(written: Path, _: None) -> None:
        if written.read_bytes() != content:
            raise UserError("sync.ack_damaged", path=str(written))

    write_atomically(Path(path), produce, verify)
    return content


def read_ack(source: Path | str | bytes, *, upper_ack_public_key: UpperLevelPublicKeys | Ed25519PublicKey,
             expected_unit: str, name: str = "-") -> Ack:
    """Read and verify an acknowledgement (a file, or its bytes with `name` for messages).

    Refused with a UserError: not an acknowledgement, cut short, any changed byte, a newer format, signed by
    another key (or, given the key file, another upper level), for another unit than `expected_unit`. The caller
    refuses replays: `package_sequence` and `package_sha256` must name a package this desk sent and that is not
    acknowledged yet."""
    data, where = _load(source, name)
    if not data.startswith(_PREFIX):
        shown = data[:len(_PREFIX)]
        code = "sync.ack_truncated" if len(data) < len(_PREFIX) and _PREFIX.startswith(shown) else "sync.ack_not_ours"
        raise UserError(code, path=where)
    if not data.endswith(b"}\n"):
        raise UserError("sync.ack_truncated", path=where)
    try:
        envelope = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise UserError("sync.ack_damaged", path=where) from None
    if not isinstance(envelope, dict) or envelope.get("format") != FORMAT_NAME:
        raise UserError("sync.ack_damaged", path=where)
    version = envelope.get("version")
    if not _is_int(version, 1):
        raise UserError("sync.ack_damaged", path=where)
    if version > FORMAT_VERSION:
        raise UserError("sync.ack_newer_version", path=where, version=version)
    if set(envelope) != {"format", "version", "body", "signature"} or not isinstance(envelope["body"], dict) \
            or not isinstance(envelope["signature"], str):
        raise UserError("sync.ack_damaged", path=where)
    body = _canonical(envelope["body"])
    try:
        signature = base64.b64decode(envelope["signature"].encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise UserError("sync.ack_damaged", path=where) from None
    if len(signature) != 64 or _envelope(body, signature) != data:
        raise UserError("sync.ack_damaged", path=where)
    public, upper = ((upper_ack_public_key.ack, upper_ack_public_key) if isinstance(upper_ack_public_key,
                     UpperLevelPublicKeys) else (upper_ack_public_key, None))
    claimed = envelope["body"].get("signer_key")
    try:
        public.verify(signature, _SIGNED_LABEL + body)
    except InvalidSignature:
        if claimed != key_id(public):
            raise UserError("sync.ack_other_signer", path=where,
                            upper=upper.unit_name if upper else key_id(public)[:16]) from None
        raise UserError("sync.ack_damaged", path=where) from None
    fields = envelope["body"]
    if set(fields) != _BODY_KEYS or claimed != key_id(public):
        raise UserError("sync.ack_damaged", path=where)
    try:
        ack = Ack(**fields)
    except (TypeError, ValueError):
        raise UserError("sync.ack_damaged", path=where) from None
    if upper is not None and ack.upper_unit_code != upper.unit_code:
        raise UserError("sync.ack_other_signer", path=where, upper=upper.unit_name)
    if ack.unit_code != expected_unit:
        raise UserError("sync.ack_other_unit", path=where, unit=ack.unit_code, expected=expected_unit)
    return ack


def _load(source: Path | str | bytes, name: str) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > MAX_ACK_BYTES:
            raise UserError("sync.ack_not_ours", path=name)
        return data, name
    path = Path(source)
    return read_small_file(path, MAX_ACK_BYTES, "sync.ack"), str(path)

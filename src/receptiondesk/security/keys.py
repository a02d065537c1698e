"""The desk's data key: random, never stored in plain form; wrapped (AES-256-GCM) by each user's password key
and by the recovery key. Purpose keys (field encryption, blind index, audit chain) are derived from it."""

from __future__ import annotations

import base64
import os
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

NONCE_BYTES = 12
DATA_KEY_BYTES = 32
RECOVERY_GROUPS = 8
RECOVERY_GROUP_LENGTH = 4
_RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud and typed by hand


class WrongKey(Exception):
    """The wrapping key does not open this blob (wrong password or recovery key, or tampered data)."""


def new_data_key() -> bytes:
    return os.urandom(DATA_KEY_BYTES)


def seal(key: bytes, plaintext: bytes, associated: bytes = b"") -> bytes:
    """nonce ‖ AES-256-GCM(plaintext), bound to `associated` (e.g. the record's UUID)."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, associated)


def open_sealed(key: bytes, blob: bytes, associated: bytes = b"") -> bytes:
    try:
        return AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], associated)
    except (InvalidTag, ValueError) as exc:
        raise WrongKey() from exc


def purpose_key(data_key: bytes, purpose: str) -> bytes:
    """A separate 256-bit key for one purpose ("identity", "blind-index", "audit-chain"), by HKDF-SHA256."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=f"receptiondesk/{purpose}".encode()).derive(data_key)


def new_recovery_key() -> str:
    """A recovery key to print on the recovery sheet: 8 groups of 4 unambiguous characters (~158 bits)."""
    chars = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH))
    return "-".join(chars[i:i + RECOVERY_GROUP_LENGTH] for i in range(0, len(chars), RECOVERY_GROUP_LENGTH))


def normalise_recovery_key(typed: str) -> str:
    """What the user typed, in the printed form: spaces, dashes and case ignored."""
    chars = "".join(c for c in typed.upper() if c.isalnum())
    return "-".join(chars[i:i + RECOVERY_GROUP_LENGTH] for i in range(0, len(chars), RECOVERY_GROUP_LENGTH))


def encode(blob: bytes) -> str:
    return base64.b64encode(blob).decode("ascii")


def decode(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))

"""Passwords: Argon2id hashes for login (argon2-cffi) and Argon2id-derived keys that unwrap the desk's data key."""

from __future__ import annotations

import os

import argon2
from argon2.low_level import Type, hash_secret_raw

#: The floor set for this desk: 64 MiB of memory, 3 passes.
TIME_COST = 3
MEMORY_COST_KIB = 64 * 1024
PARALLELISM = 2
SALT_BYTES = 16
KEY_BYTES = 32
MIN_PASSWORD_LENGTH = 8

def _hasher() -> argon2.PasswordHasher:
    return argon2.PasswordHasher(time_cost=TIME_COST, memory_cost=MEMORY_COST_KIB, parallelism=PARALLELISM)


def hash_password(password: str) -> str:
    """A PHC-format Argon2id hash string to store."""
    return _hasher().hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """Whether `password` matches; the parameters come from the stored hash itself."""
    try:
        return _hasher().verify(stored_hash, password)
    except (argon2.exceptions.VerifyMismatchError, argon2.exceptions.InvalidHashError,
            argon2.exceptions.VerificationError):
        return False


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def key_parameters() -> dict[str, int]:
    """The Argon2id parameters new keys are derived with; stored beside each wrapped key, so that raising
    them later never locks out an older account."""
    return {"t": TIME_COST, "m": MEMORY_COST_KIB, "p": PARALLELISM}


def derive_key(secret: str, salt: bytes, parameters: dict[str, int] | None = None) -> bytes:
    """A 256-bit key-encryption key from a password or recovery key (Argon2id, the same floor)."""
    chosen = parameters or key_parameters()
    return hash_secret_raw(secret.encode("utf-8"), salt, time_cost=chosen["t"], memory_cost=chosen["m"],
                           parallelism=chosen["p"], hash_len=KEY_BYTES, type=Type.ID)


def password_problems(password: str) -> list[str]:
    """Codes of what is wrong with a new password (empty when acceptable)."""
    problems = []
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append("auth.password_too_short")
    if password.strip() != password or not password.strip():
        problems.append("auth.password_spaces")
    return problems

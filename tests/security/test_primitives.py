"""Password hashing, key wrapping, identity sealing, blind indexes and the audit chain."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from receptiondesk.security import audit_chain, keys, passwords
from receptiondesk.security.identities import IdentityCipher


def test_password_hash_verifies_only_the_right_password_and_meets_the_floor(production_argon2):
    stored = passwords.hash_password("Mật khẩu 2026")
    assert stored.startswith("$argon2id$")
    assert "m=65536,t=3" in stored
    assert passwords.verify_password(stored, "Mật khẩu 2026")
    assert not passwords.verify_password(stored, "mật khẩu 2026")
    assert not passwords.verify_password("not a hash", "x")


def test_password_problems():
    assert passwords.password_problems("ngắn") == ["auth.password_too_short"]
    assert passwords.password_problems(" khoảng trắng ") == ["auth.password_spaces"]
    assert passwords.password_problems("đủ dài rồi") == []


def test_derived_keys_depend_on_secret_and_salt():
    salt = passwords.new_salt()
    key = passwords.derive_key("mật khẩu", salt)
    assert len(key) == 32
    assert passwords.derive_key("mật khẩu", salt) == key
    assert passwords.derive_key("mật khẩu!", salt) != key
    assert passwords.derive_key("mật khẩu", passwords.new_salt()) != key


def test_sealed_data_opens_only_with_its_key_and_associated_data():
    data_key = keys.new_data_key()
    wrapping = keys.new_data_key()
    blob = keys.seal(wrapping, data_key, b"user:1")
    assert keys.open_sealed(wrapping, blob, b"user:1") == data_key
    with pytest.raises(keys.WrongKey):
        keys.open_sealed(keys.new_data_key(), blob, b"user:1")
    with pytest.raises(keys.WrongKey):
        keys.open_sealed(wrapping, blob, b"user:2")
    tampered = blob[:-1] + bytes([blob[-1] ^ 1])
    with pytest.raises(keys.WrongKey):
        keys.open_sealed(wrapping, tampered, b"user:1")


def test_recovery_key_format_and_normalisation():
    key = keys.new_recovery_key()
    groups = key.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    assert not set(key) & set("01OIL")
    typed = key.lower().replace("-", " ")
    assert keys.normalise_recovery_key(typed) == key


def test_purpose_keys_are_distinct():
    data_key = keys.new_data_key()
    derived = {keys.purpose_key(data_key, p) for p in ("identity", "blind-index", "audit-chain")}
    assert len(derived) == 3 and data_key not in derived


def test_identity_sealed_per_record_and_blind_index_matches_folded_forms():
    cipher = IdentityCipher(keys.new_data_key())
    identity = {"full_name": "Nguyễn Văn Đức", "id_number": "001085012345", "phone": "0912345678"}
    blob = cipher.seal("uuid-1", identity)
    assert b"Nguy" not in blob and b"001085012345" not in blob
    assert cipher.open("uuid-1", blob) == identity
    with pytest.raises(keys.WrongKey):
        cipher.open("uuid-2", blob)  # a sealed identity cannot be moved to another record
    assert cipher.blind("name", "Nguyễn Văn Đức") == cipher.blind("name", "nguyen van duc")
    assert cipher.blind("name", "Nguyễn Văn Đức") != cipher.blind("id", "Nguyễn Văn Đức")
    assert cipher.blind("name", "") is None
    other = IdentityCipher(keys.new_data_key())
    assert other.blind("name", "Nguyễn Văn Đức") != cipher.blind("name", "Nguyễn Văn Đức")


@settings(max_examples=50)
@given(st.text(min_size=1, max_size=60))
def test_blind_index_is_stable_and_hex(value):
    cipher = IdentityCipher(b"k" * 32)
    first = cipher.blind("name", value)
    assert first == cipher.blind("name", value)
    if first is not None:
        assert len(first) == 32 and int(first, 16) >= 0


def _chain(key, count):
    entries, previous = [], audit_chain.GENESIS
    for i in range(1, count + 1):
        entry = {"id": i, "at": f"2026-03-10T09:00:{i:02d}+07:00", "actor": "cán bộ", "action": "visit.register",
                 "entity": "visits", "record_uuid": f"u{i}", "detail": "{}"}
        entry["mac"] = previous = audit_chain.entry_mac(key, previous, entry)
        entries.append(entry)
    return entries


def test_audit_chain_verifies_and_names_the_first_broken_entry():
    key = keys.new_data_key()
    entries = _chain(key, 6)
    head = audit_chain.verify(key, entries)
    assert head == entries[-1]["mac"]
    edited = [dict(e) for e in entries]
    edited[2]["actor"] = "người khác"
    assert audit_chain.verify(key, edited) == audit_chain.ChainBreak(3, "mac")
    removed = entries[:3] + entries[4:]
    assert audit_chain.verify(key, removed) == audit_chain.ChainBreak(4, "gap")
    swapped = [dict(e) for e in entries]
    swapped[1], swapped[2] = dict(entries[2], id=2), dict(entries[1], id=3)
    assert audit_chain.verify(key, swapped) == audit_chain.ChainBreak(2, "mac")
    assert audit_chain.verify(keys.new_data_key(), entries) == audit_chain.ChainBreak(1, "mac")
    # Incremental: from a checkpoint in the middle.
    assert audit_chain.verify(key, entries[3:], start_mac=entries[2]["mac"], start_id=3) == head

"""Key sets, key files, fingerprints, the word list, sealed storage of private keys, and the message codes."""

from __future__ import annotations

import json
import re
import string
import unicodedata
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from receptiondesk.domain.text import fold
from receptiondesk.errors import UserError
from receptiondesk.messages.sync import MESSAGES
from receptiondesk.security.keys import new_data_key
from receptiondesk.sync.keys import (
    CommuneKeys,
    CommunePublicKey,
    UpperLevelKeys,
    UpperLevelPublicKeys,
    key_id,
    open_private_keys,
    seal_private_keys,
)
from receptiondesk.sync.wordlist import WORDS
from tests.sync.conftest import rendered

SOURCES = Path(__file__).resolve().parents[2] / "src" / "receptiondesk" / "sync"


def _fixed_commune() -> CommuneKeys:
    return CommuneKeys("00004", "Xã Tân Thành", Ed25519PrivateKey.from_private_bytes(bytes(range(32))))


def _fixed_upper() -> UpperLevelKeys:
    return UpperLevelKeys("01", "Ban", X25519PrivateKey.from_private_bytes(bytes([1]) * 32),
                          X25519PrivateKey.from_private_bytes(bytes([2]) * 32),
                          Ed25519PrivateKey.from_private_bytes(bytes([3]) * 32))


def _same_public(a, b) -> bool:
    return a.public_bytes_raw() == b.public_bytes_raw()


def test_key_files_round_trip(tmp_path, commune_keys, upper_keys):
    commune_file, upper_file = tmp_path / "xa-00004.json", tmp_path / "cap-tren-01.json"
    commune_keys.public().write(commune_file)
    upper_keys.public().write(upper_file)
    commune = CommunePublicKey.read(commune_file)
    upper = UpperLevelPublicKeys.read(upper_file)
    assert (commune.unit_code, commune.unit_name) == ("00004", "Xã Tân Thành")
    assert _same_public(commune.signing, commune_keys.signing.public_key())
    assert (upper.unit_code, upper.unit_name) == ("01", "Ban Tiếp công dân tỉnh")
    assert _same_public(upper.encryption, upper_keys.encryption.public_key())
    assert _same_public(upper.confidential, upper_keys.confidential.public_key())
    assert _same_public(upper.ack, upper_keys.ack.public_key())
    assert commune.fingerprint() == commune_keys.public().fingerprint()
    assert upper.fingerprint() == upper_keys.public().fingerprint()
    text = upper_file.read_text(encoding="utf-8")
    assert "Ban Tiếp công dân tỉnh" in text and "PRIVATE" not in text.upper()
    with pytest.raises(UserError) as caught:
        commune_keys.public().write(commune_file)
    assert caught.value.code == "sync.file_exists"


def test_private_key_sets_round_trip_and_seal_with_the_data_key(commune_keys, upper_keys):
    commune = CommuneKeys.from_json(commune_keys.to_json())
    assert commune.signing.private_bytes_raw() == commune_keys.signing.private_bytes_raw()
    upper = UpperLevelKeys.from_json(upper_keys.to_json())
    assert upper.confidential.private_bytes_raw() == upper_keys.confidential.private_bytes_raw()
    general = UpperLevelKeys.from_json(upper_keys.without_confidential().to_json())
    assert general.confidential is None
    assert general.encryption.private_bytes_raw() == upper_keys.encryption.private_bytes_raw()

    data_key = new_data_key()
    sealed = seal_private_keys(data_key, commune_keys)
    assert commune_keys.to_json() not in sealed and b"signing_key" not in sealed
    opened = open_private_keys(data_key, sealed)
    assert isinstance(opened, CommuneKeys) and opened.public().fingerprint() == commune_keys.public().fingerprint()
    assert isinstance(open_private_keys(data_key, seal_private_keys(data_key, upper_keys)), UpperLevelKeys)
    with pytest.raises(UserError) as caught:
        open_private_keys(new_data_key(), sealed)
    assert caught.value.code == "sync.private_keys_unreadable"
    assert "signing" not in repr(commune_keys) and "X25519" not in repr(upper_keys)  # keys never show in reprs


def test_fingerprints_are_deterministic_and_documented():
    commune, upper = _fixed_commune().public().fingerprint(), _fixed_upper().public().fingerprint()
    assert commune.hex == "ce14eb792aa41f2cd5e010e516754794477baeb576f88d4e58cb79eb2d703835"
    assert commune.digits == "91828 30862 84204 54418 24903 76407 81172 71605"
    assert commune.words == ("tuần", "cò", "neo", "thìa", "dừa", "ngói", "chuột", "mít")
    assert upper.digits == "25299 46126 60482 64151 35848 78754 44830 53623"
    assert upper.words == ("đèn", "truyện", "trăng", "chanh", "thuyền", "rễ", "lược", "gối")
    assert str(commune) == "91828 30862 84204 54418 24903 76407 81172 71605 (tuần cò neo thìa dừa ngói chuột mít)"
    assert re.fullmatch(r"(\d{5} ){7}\d{5}", commune.digits)
    assert commune.words == tuple(WORDS[b] for b in commune.digest[:8])
    assert int(commune.digits.replace(" ", "")) == int(commune.hex, 16) % 10 ** 40
    # Another unit code or another key gives another fingerprint.
    fixed = _fixed_commune()
    moved = CommunePublicKey("00007", fixed.unit_name, fixed.signing.public_key())
    assert moved.fingerprint() != fixed.public().fingerprint()
    assert CommuneKeys.generate("00004", "Xã Tân Thành").public().fingerprint() != fixed.public().fingerprint()
    assert key_id(fixed.signing.public_key()) != commune.hex  # the key id is the bare key's hash


def test_word_list_is_256_distinct_words_even_without_tone_marks():
    assert len(WORDS) == 256
    assert len({fold(w) for w in WORDS}) == 256
    for word in WORDS:
        assert word == unicodedata.normalize("NFC", word) and word == word.lower() and " " not in word
        assert set(fold(word)) <= set(string.ascii_lowercase)


def _upper_obj(upper_keys) -> dict:
    return json.loads(upper_keys.public().to_json())


@pytest.mark.parametrize("change, code, key", [
    (lambda o: o.update(format="other"), "sync.key_file_not_ours", None),
    (lambda o: o.update(version=2), "sync.key_file_newer_version", None),
    (lambda o: o.update(version="1"), "sync.key_file_bad_field", "version"),
    (lambda o: o.update(kind="commune"), "sync.key_file_wrong_kind", None),
    (lambda o: o.update(extra=1), "sync.key_file_bad_field", "extra"),
    (lambda o: o.pop("ack_key"), "sync.key_file_bad_field", "ack_key"),
    (lambda o: o.update(unit_code="1"), "sync.key_file_bad_field", "unit_code"),
    (lambda o: o.update(unit_name=" "), "sync.key_file_bad_field", "unit_name"),
    (lambda o: o.update(encryption_key="AAAA"), "sync.key_file_bad_field", "encryption_key"),
    (lambda o: o.update(encryption_key=o["encryption_key"][:-2] + "=="), "sync.key_file_bad_field", "encryption_key"),
    (lambda o: o.update(ack_key=o["ack_key"][:-1] + "*"), "sync.key_file_bad_field", "ack_key"),
    (lambda o: o.update(confidential_key="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="),  # a small-order point
     "sync.key_file_bad_field", "confidential_key"),
    (lambda o: o.update(confidential_key=None), "sync.key_file_bad_field", "confidential_key"),
])
def test_key_files_are_parsed_strictly(tmp_path, upper_keys, change, code, key):
    obj = _upper_obj(upper_keys)
    change(obj)
    path = tmp_path / "keys.json"
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(UserError) as caught:
        UpperLevelPublicKeys.read(path)
    assert caught.value.code == code
    if key:
        assert caught.value.problems[0].params["key"] == key
    assert str(path) in rendered(caught.value) and rendered(caught.value, "en")


def test_key_files_that_are_nothing_like_one(tmp_path, commune_keys, upper_keys):
    path = tmp_path / "k.json"
    for content in (b"", b"not json", b"[1, 2]", b"\xff\xfe", b"{" * 70_000):
        path.write_bytes(content)
        with pytest.raises(UserError) as caught:
            CommunePublicKey.read(path)
        assert caught.value.code == "sync.key_file_not_ours"
    path.write_bytes(upper_keys.public().to_json())
    with pytest.raises(UserError) as caught:
        CommunePublicKey.read(path)
    assert caught.value.code == "sync.key_file_wrong_kind"
    path.write_bytes(commune_keys.to_json())  # a private key file where a public one is expected
    with pytest.raises(UserError) as caught:
        CommunePublicKey.read(path)
    assert caught.value.code == "sync.key_file_not_ours"
    path.write_bytes(b"\xef\xbb\xbf" + commune_keys.public().to_json())  # saved by Notepad with a BOM
    assert CommunePublicKey.read(path).unit_code == "00004"
    for missing, code in ((tmp_path / "none.json", "sync.key_file_not_found"), (tmp_path, "sync.key_file_not_ours")):
        with pytest.raises(UserError) as caught:
            CommunePublicKey.read(missing)
        assert caught.value.code == code


def test_every_message_code_used_is_in_the_module_with_both_languages():
    used: dict[str, set[str]] = {}
    for source in SOURCES.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        for code, params in re.findall(r'UserError\(\s*"(sync\.[a-z_]+)"((?:[^()]|\([^()]*\))*)\)', text):
            used.setdefault(code, set()).update(re.findall(r"\b([a-z_]+)=", params))
    assert len(used) >= 20
    assert set(used) <= set(MESSAGES)
    for code, entry in MESSAGES.items():
        assert code.startswith(("sync.", "field.", "cli.")) and set(entry) == {"vi", "en"}
        vi_fields = {f for _, f, _, _ in string.Formatter().parse(entry["vi"]) if f}
        en_fields = {f for _, f, _, _ in string.Formatter().parse(entry["en"]) if f}
        assert vi_fields == en_fields, code
        if code in used:
            assert vi_fields <= used[code], code

"""The acknowledgement: round trip, every flipped bit, every cut, another signer, another unit, not an
acknowledgement at all; and the keyed hashes of known cases."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from receptiondesk.errors import UserError
from receptiondesk.sync.ack import Ack, encode_ack, keyed_hash, read_ack, write_ack
from receptiondesk.sync.keys import UpperLevelKeys, key_id
from receptiondesk.sync.package import write_package
from tests.sync.conftest import OTHER_UNIT, UNIT, UPPER, UPPER_NAME, fields, rendered, small_records

PROVINCE_KEY = bytes(range(32))
SHA = "5b" * 32


def _ack(**changes) -> Ack:
    values = {"upper_unit_code": UPPER, "upper_unit_name": UPPER_NAME, "unit_code": UNIT, "package_sequence": 3,
              "package_sha256": SHA, "accepted": True, "issued_at": "2026-03-12T14:30:00+07:00",
              "counts": {"case": {"new": 12, "updated": 3, "unchanged": 0, "rejected": 1},
                         "visit": {"new": 20}},
              "reasons": ["Dòng 17: phiên bản cũ hơn bản đã nhận"],
              "messages": ["Đề nghị xã rà soát vụ việc tồn đọng trước ngày 30/6."],
              "known_cases": [keyed_hash(PROVINCE_KEY, "079312345678"), keyed_hash(PROVINCE_KEY, "001156990570")]}
    values.update(changes)
    return Ack(**values)


def _read(source, upper_keys, unit: str = UNIT) -> Ack:
    return read_ack(source, upper_ack_public_key=upper_keys.public(), expected_unit=unit)


def test_round_trip(folder, upper_keys):
    ack = _ack()
    data = write_ack(folder / "ack-00004-03.rdack", ack, signing_key=upper_keys)
    assert (folder / "ack-00004-03.rdack").read_bytes() == data and len(list(folder.iterdir())) == 1
    read = _read(folder / "ack-00004-03.rdack", upper_keys)
    assert read.signer_key == key_id(upper_keys.ack.public_key())
    assert read == Ack(**{**ack.body(), "signer_key": read.signer_key})
    assert (read.package_sequence, read.package_sha256) == (3, SHA)  # what the caller checks against its history
    assert _read(data, upper_keys) == read
    assert read_ack(data, upper_ack_public_key=upper_keys.ack.public_key(), expected_unit=UNIT) == read
    envelope = json.loads(data)
    assert list(envelope) == ["format", "version", "body", "signature"] and envelope["version"] == 1
    assert data.endswith(b"}\n") and "Đề nghị xã" in data.decode("utf-8")


def test_a_refusal_and_an_ack_of_a_real_package(folder, commune_keys, upper_keys):
    info = write_package(folder / "p.rdsync", fields(), small_records(), signing_key=commune_keys,
                         upper_keys=upper_keys.public())
    ack = _ack(package_sha256=info.sha256, accepted=False, counts={}, reasons=["sync.package_damaged"],
               messages=[], known_cases=[])
    read = _read(encode_ack(ack, signing_key=upper_keys.ack), upper_keys)
    assert read.accepted is False and read.package_sha256 == info.sha256 and read.reasons == ("sync.package_damaged",)


def test_every_bit_flipped_is_refused(upper_keys):
    data = encode_ack(_ack(), signing_key=upper_keys)
    codes = set()
    for position in range(len(data)):
        for bit in range(8):
            flipped = bytearray(data)
            flipped[position] ^= 1 << bit
            with pytest.raises(UserError) as caught:
                _read(bytes(flipped), upper_keys)
            codes.add(caught.value.code)
    assert codes <= {"sync.ack_damaged", "sync.ack_truncated", "sync.ack_not_ours", "sync.ack_newer_version",
                     "sync.ack_other_signer", "sync.ack_other_unit"}
    assert "sync.ack_damaged" in codes


def test_every_cut_is_truncated(folder, upper_keys):
    data = encode_ack(_ack(), signing_key=upper_keys)
    for length in range(len(data)):
        with pytest.raises(UserError) as caught:
            _read(data[:length], upper_keys)
        assert caught.value.code == "sync.ack_truncated", length
    path = folder / "cut.rdack"
    path.write_bytes(data[:len(data) // 2])
    with pytest.raises(UserError) as caught:
        _read(path, upper_keys)
    assert str(path) in rendered(caught.value) and "thiếu phần cuối" in rendered(caught.value)


def test_signed_by_another_key(upper_keys):
    impostor = UpperLevelKeys.generate(UPPER, UPPER_NAME)
    with pytest.raises(UserError) as caught:
        _read(encode_ack(_ack(), signing_key=impostor), upper_keys)
    assert caught.value.code == "sync.ack_other_signer" and UPPER_NAME in rendered(caught.value)
    # A forger who copies the real key's id into the body is caught by the signature all the same.
    body = _ack(signer_key=key_id(upper_keys.ack.public_key())).body()
    raw = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    signature = Ed25519PrivateKey.generate().sign(b"receptiondesk-sync-ack/1\x00" + raw)
    forged = (b'{"format":"receptiondesk-sync-ack","version":1,"body":' + raw + b',"signature":"'
              + base64.b64encode(signature) + b'"}\n')
    with pytest.raises(UserError) as caught:
        _read(forged, upper_keys)
    assert caught.value.code == "sync.ack_damaged"
    # The right key, but the key file of another upper level.
    with pytest.raises(UserError) as caught:
        _read(encode_ack(_ack(upper_unit_code="02"), signing_key=upper_keys.ack), upper_keys)
    assert caught.value.code == "sync.ack_other_signer"


def test_for_another_commune(upper_keys):
    data = encode_ack(_ack(unit_code=OTHER_UNIT), signing_key=upper_keys)
    with pytest.raises(UserError) as caught:
        _read(data, upper_keys)
    assert caught.value.code == "sync.ack_other_unit"
    assert OTHER_UNIT in rendered(caught.value) and UNIT in rendered(caught.value)
    assert _read(data, upper_keys, unit=OTHER_UNIT).unit_code == OTHER_UNIT


def test_newer_version(upper_keys):
    data = encode_ack(_ack(), signing_key=upper_keys).replace(b'"version":1,', b'"version":2,', 1)
    with pytest.raises(UserError) as caught:
        _read(data, upper_keys)
    assert caught.value.code == "sync.ack_newer_version" and "2" in rendered(caught.value)


@pytest.mark.parametrize("content", [
    b"", b"{}", b"[]\n", b"PK\x03\x04" + b"\0" * 200, "Biên nhận".encode(),
    b'{"format":"receptiondesk-sync-public-keys","version":1}\n',
    b'{"format":"receptiondesk-interchange","version":1,"unit_code":"00004"}\n{"end":true,"records":0}\n',
])
def test_not_an_acknowledgement(upper_keys, content):
    with pytest.raises(UserError) as caught:
        _read(content, upper_keys)
    assert caught.value.code in ({"sync.ack_truncated"} if content == b"" else {"sync.ack_not_ours"})


def test_a_package_or_a_missing_file_is_not_an_acknowledgement(folder, commune_keys, upper_keys):
    info = write_package(folder / "p.rdsync", fields(), small_records(), signing_key=commune_keys,
                         upper_keys=upper_keys.public())
    for path, code in ((info.path, "sync.ack_not_ours"), (folder / "none.rdack", "sync.ack_not_found"),
                       (folder, "sync.ack_not_ours")):
        with pytest.raises(UserError) as caught:
            _read(path, upper_keys)
        assert caught.value.code == code


def test_bad_acknowledgements_are_programming_errors(upper_keys):
    for changes in ({"unit_code": "4"}, {"package_sha256": "xyz"}, {"package_sequence": 0},
                    {"issued_at": "2026-03-12"}, {"known_cases": ["not a hash"]}, {"counts": {"case": {"new": -1}}},
                    {"accepted": "yes"}, {"messages": "not a list"}):
        with pytest.raises(ValueError):
            _ack(**changes)
    with pytest.raises(ValueError):
        encode_ack(_ack(upper_unit_code="02"), signing_key=upper_keys)  # the key set is unit 01's


def test_keyed_hash_normalises_and_depends_on_the_key():
    first = keyed_hash(PROVINCE_KEY, "Nguyễn Văn Đức|1970")
    assert first == keyed_hash(PROVINCE_KEY, "  nguyen  van  duc|1970 ")
    assert first == keyed_hash(PROVINCE_KEY, "Nguye\u0302\u0303n Va\u0306n \u0110u\u031bc|1970")  # NFD
    assert len(first) == 64 and int(first, 16) >= 0
    assert first != keyed_hash(PROVINCE_KEY, "Nguyễn Văn Đức|1971")
    assert first != keyed_hash(bytes(32), "Nguyễn Văn Đức|1970")
    with pytest.raises(ValueError):
        keyed_hash(b"short", "x")


def test_write_never_overwrites(folder, upper_keys):
    path = folder / "a.rdack"
    write_ack(path, _ack(), signing_key=upper_keys)
    with pytest.raises(UserError) as caught:
        write_ack(path, _ack(accepted=False), signing_key=upper_keys)
    assert caught.value.code == "sync.file_exists"
    assert _read(path, upper_keys).accepted is True
    assert sorted(p.name for p in Path(folder).iterdir()) == ["a.rdack"]

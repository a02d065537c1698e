"""Protected identities in a package: sealed to the upper level's confidential key, so that the general package
key (which decrypts the payload) never reveals them."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from typing import Any

import pytest

from receptiondesk.domain.text import fold
from receptiondesk.errors import UserError
from receptiondesk.sync.crypto import IDENTITY_PADDING, IDENTITY_PREFIX
from receptiondesk.sync.keys import UpperLevelKeys
from receptiondesk.sync.package import (
    IdentityPolicy,
    open_identity,
    open_record,
    read_package,
    seal_identity,
    seal_record,
    write_package,
)
from tests.sync.conftest import UNIT, fields, rendered

MASK = "[Danh tính được bảo vệ]"
CITIZEN_FIELDS = ("full_name", "id_type", "id_number", "birth_year", "gender", "phone", "address")
UUID = "7d3c2a10-5b4e-4f6a-9c1d-2e8f0a7b6c5d"
DENOUNCER = {"entity": "citizen", "uuid": UUID, "unit_code": UNIT, "kind": "person",
             "full_name": "Lê Thị Ngọc Hân", "id_type": "citizen_id", "id_number": "079312345678",
             "birth_year": 1979, "gender": "female", "phone": "0912345678",
             "address": "Số 9 ngõ Hòe Nhai, thôn Đồng Kỵ", "protected": True}


def _policy() -> IdentityPolicy:
    """A policy as the sync service might state it: protected citizens, and the visits and letters that carry
    their identity (recognised by the citizen they refer to, met earlier in the stream)."""
    protected: set[str] = set()

    def is_protected(record: Mapping[str, Any]) -> bool:
        if record["entity"] == "citizen" and record.get("protected"):
            protected.add(record["uuid"])
            return True
        return record["entity"] in ("visit", "letter") and record.get("citizen") in protected

    return IdentityPolicy(is_protected, {"citizen": CITIZEN_FIELDS, "visit": ("full_name", "address", "id_number"),
                                         "letter": ("full_name", "address")}, mask=MASK)


def _forms(value: str) -> set[str]:
    """How a value could show up in a file: as typed (NFC), decomposed, folded, JSON-escaped."""
    return {value, unicodedata.normalize("NFD", value), fold(value), json.dumps(value)[1:-1],
            json.dumps(unicodedata.normalize("NFD", value))[1:-1]}


def test_seal_and_open_an_identity(upper_keys):
    identity = {k: DENOUNCER[k] for k in CITIZEN_FIELDS}
    blob = seal_identity(identity, upper_keys.public().confidential, bound_to=UUID)
    assert blob.startswith(IDENTITY_PREFIX)
    assert not any(form in blob for value in ("Lê Thị Ngọc Hân", "079312345678") for form in _forms(value))
    assert open_identity(blob, upper_keys.confidential, bound_to=UUID) == identity
    assert seal_identity(identity, upper_keys.public().confidential) != seal_identity(
        identity, upper_keys.public().confidential)  # a fresh key and nonce each time
    # The length shows only coarsely: names of different lengths give blobs of the same size.
    short = seal_identity({"full_name": "Lê Hân"}, upper_keys.public().confidential)
    longer = seal_identity({"full_name": "Lê Thị Ngọc Hân B"}, upper_keys.public().confidential)
    assert len(short) == len(longer) and IDENTITY_PADDING == 64


def test_an_identity_opens_only_with_the_confidential_key_and_its_record(upper_keys):
    blob = seal_identity({"full_name": "Lê Thị Ngọc Hân"}, upper_keys.public().confidential, bound_to=UUID)
    for key, bound in ((upper_keys.encryption, UUID), (UpperLevelKeys.generate("02", "Khác").confidential, UUID),
                       (upper_keys.confidential, "another-record")):
        with pytest.raises(UserError) as caught:
            open_identity(blob, key, bound_to=bound)
        assert caught.value.code == "sync.identity_unreadable"
        assert rendered(caught.value)
    tampered = blob[:-6] + ("A" if blob[-6] != "A" else "B") + blob[-5:]
    for broken in (tampered, blob[:40], "not a blob", IDENTITY_PREFIX + "!!!"):
        with pytest.raises(UserError):
            open_identity(broken, upper_keys.confidential, bound_to=UUID)


def test_seal_record_masks_and_open_record_restores(upper_keys):
    policy = _policy()
    sealed = seal_record(DENOUNCER, policy, upper_keys.public().confidential)
    assert list(sealed)[:-1] == list(DENOUNCER) and list(sealed)[-1] == "sealed_identity"
    assert all(sealed[k] == MASK for k in CITIZEN_FIELDS) and sealed["protected"] is True
    assert open_record(sealed, policy, upper_keys.confidential) == DENOUNCER
    assert list(open_record(sealed, policy, upper_keys.confidential)) == list(DENOUNCER)
    plain = {"entity": "case", "uuid": "c", "summary": "Tố cáo"}
    assert seal_record(plain, policy, upper_keys.public().confidential) == plain
    assert open_record(plain, policy, upper_keys.confidential) == plain


def test_a_protected_record_the_policy_cannot_seal_is_refused(upper_keys):
    policy = IdentityPolicy(lambda record: True, {"citizen": CITIZEN_FIELDS})
    with pytest.raises(ValueError):
        seal_record({"entity": "visit", "uuid": "v", "full_name": "Lê Thị Ngọc Hân"}, policy,
                    upper_keys.public().confidential)
    with pytest.raises(ValueError):
        seal_record({**DENOUNCER, "sealed_identity": "x"}, policy, upper_keys.public().confidential)


def test_the_general_key_never_reveals_a_protected_identity(folder, commune_keys, upper_keys, generated_records):
    visit = {"entity": "visit", "uuid": "8e4d3b21-6c5f-4a7b-8d2e-3f9a1b8c7d6e", "unit_code": UNIT,
             "citizen": UUID, "full_name": DENOUNCER["full_name"], "address": DENOUNCER["address"],
             "id_number": DENOUNCER["id_number"], "summary": "Tố cáo cán bộ địa chính nhận tiền"}
    records = [DENOUNCER, *generated_records, visit]
    protected = [r for r in generated_records if r["entity"] == "citizen" and r["protected"]]
    assert protected, "the generator makes some protected citizens"
    info = write_package(folder / "p.rdsync", fields(), records, signing_key=commune_keys,
                         upper_keys=upper_keys.public(), identity_policy=_policy())

    # The PC that holds only the general key decrypts the payload...
    general = upper_keys.without_confidential()
    opened = read_package(info.path, commune_public_key=commune_keys.public(), upper_private_keys=general)
    payload = b"\n".join(opened.record_lines()).decode("utf-8")
    # ...and finds no trace of the denouncer in any form,
    secrets = [DENOUNCER["full_name"], DENOUNCER["id_number"], DENOUNCER["phone"], DENOUNCER["address"]]
    assert not [s for s in secrets for form in _forms(s) if form in payload]
    # nor of the generator's protected citizens' ID papers and phones (unique to them).
    unique = [r[k] for r in protected for k in ("id_number", "phone") if r[k]]
    assert unique and not [value for value in unique if value in payload]
    assert payload.count(MASK) >= 7 * (len(protected) + 1)
    # The upper level's confidential key puts every identity back.
    back = [open_record(r, _policy(), upper_keys.confidential) for r in opened.records()]
    assert back == records


def test_upper_keys_without_the_confidential_key_cannot_make_a_key_file(upper_keys):
    with pytest.raises(ValueError):
        upper_keys.without_confidential().public()

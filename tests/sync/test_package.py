"""Packages that should work: round trips of records, documents and reports, the manifest, the zip layout."""

from __future__ import annotations

import hashlib
import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from receptiondesk import __version__
from receptiondesk.sync import crypto
from receptiondesk.sync.keys import key_id
from receptiondesk.sync.package import (
    FORMAT_VERSION,
    ManifestFields,
    inspect_package,
    read_package,
    verify_package,
    write_package,
)
from tests.sync.conftest import CREATED_AT, UNIT, UPPER, fields, small_records

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"


def test_round_trip_of_2000_records_with_documents_and_reports(folder, commune_keys, upper_keys,
                                                             generated_records):
    documents = [("05-TB-UBND.pdf", PDF), ("02-TCD-0017.pdf", PDF[::-1]), ("empty.pdf", b"")]
    reports = [("bieu-01-TCD-2026-Q1.xlsx", b"PK\x03\x04 report bytes" * 100)]
    info = write_package(folder / "goi-03.rdsync", fields(), iter(generated_records), documents=iter(documents),
                         reports=reports, signing_key=commune_keys, upper_keys=upper_keys.public())

    assert info.path == folder / "goi-03.rdsync" and sorted(p.name for p in folder.iterdir()) == ["goi-03.rdsync"]
    data = info.path.read_bytes()
    assert info.sha256 == hashlib.sha256(data).hexdigest() and info.size == len(data)
    opened = read_package(info.path, commune_public_key=commune_keys.public(), upper_private_keys=upper_keys)
    assert opened.sha256 == info.sha256
    records = list(opened.records())
    assert records == generated_records
    assert [list(r) for r in records] == [list(r) for r in generated_records]  # key order kept
    assert list(opened.documents()) == documents
    assert list(opened.reports()) == reports
    # The iterators read the file again each time.
    assert sum(1 for _ in opened.records()) == 2000


def test_manifest_says_what_the_package_holds(folder, commune_keys, upper_keys, generated_records):
    info = write_package(folder / "p.rdsync", fields(), generated_records, documents=[("a.pdf", PDF)],
                         signing_key=commune_keys, upper_keys=upper_keys.public())
    manifest = info.manifest
    expected_counts: dict[str, int] = {}
    for record in generated_records:
        expected_counts[record["entity"]] = expected_counts.get(record["entity"], 0) + 1
    assert dict(manifest.counts) == expected_counts
    assert (manifest.version, manifest.app_version, manifest.unit_code, manifest.upper_unit_code) == \
        (FORMAT_VERSION, __version__, UNIT, UPPER)
    assert (manifest.sequence, manifest.restore_epoch, manifest.change_from, manifest.change_to) == (3, 1, 1001, 3000)
    assert (manifest.field_list_version, manifest.rules_version, manifest.audit_head, manifest.created_at) == \
        ("fields:2026-01-05", "rules:2026-02-01", "4211:9f2c…e01a", CREATED_AT)
    assert manifest.signer_key == key_id(commune_keys.signing.public_key())
    assert manifest.recipient_key == key_id(upper_keys.encryption.public_key())
    assert manifest.confidential_key == key_id(upper_keys.confidential.public_key())
    assert [(p.name, p.content, p.items) for p in manifest.parts] == \
        [("payload.bin", "records", 2000), ("documents.bin", "documents", 1)]

    with zipfile.ZipFile(info.path) as archive:  # a standard zip: any zip tool lists and tests it
        assert archive.testzip() is None
        assert archive.namelist() == ["payload.bin", "documents.bin", "manifest.json", "signature.bin"]
        assert all(i.compress_type == zipfile.ZIP_STORED for i in archive.infolist())
        raw = archive.read("manifest.json")
        for part in manifest.parts:
            assert hashlib.sha256(archive.read(part.name)).hexdigest() == part.sha256
        assert len(archive.read("signature.bin")) == 64
    plain = json.loads(raw)
    assert plain["format"] == "receptiondesk-sync-package" and plain["encryption"]["scheme"] == crypto.SCHEME
    assert raw == manifest.raw
    assert inspect_package(info.path) == manifest
    assert inspect_package(info.path, check_hashes=True) == manifest
    assert verify_package(info.path, commune_public_key=commune_keys.public()).sha256 == info.sha256
    # Nothing of the records is readable in the file: not even their UUIDs.
    whole = info.path.read_bytes()
    assert not any(record["uuid"].encode() in whole for record in generated_records)


def test_without_documents_and_reports_their_parts_are_left_out(folder, commune_keys, upper_keys):
    info = write_package(folder / "p.rdsync", fields(), small_records(), documents=iter(()), reports=[],
                         signing_key=commune_keys, upper_keys=upper_keys.public())
    assert [p.name for p in info.manifest.parts] == ["payload.bin"]
    opened = read_package(info.path, commune_public_key=commune_keys.public(), upper_private_keys=upper_keys)
    assert list(opened.documents()) == [] and list(opened.reports()) == []
    assert list(opened.records()) == small_records()


def test_an_empty_package_still_carries_the_audit_head(folder, commune_keys, upper_keys):
    info = write_package(folder / "p.rdsync", fields(change_from=3001, change_to=3000), [],
                         signing_key=commune_keys, upper_keys=upper_keys.public())
    opened = read_package(info.path, commune_public_key=commune_keys.signing.public_key(),
                          upper_private_keys=upper_keys.encryption)
    assert list(opened.records()) == [] and dict(opened.manifest.counts) == {}
    assert opened.manifest.audit_head == "4211:9f2c…e01a"


def test_many_segments_round_trip(folder, commune_keys, upper_keys, generated_records):
    """A small segment size makes the payload span many segments, the last possibly full."""
    documents = [(f"d{i}.pdf", bytes([i]) * (1024 * i)) for i in range(1, 6)]
    info = write_package(folder / "p.rdsync", fields(), generated_records, documents=documents,
                         signing_key=commune_keys, upper_keys=upper_keys.public(), segment_size=1024)
    assert info.manifest.parts[0].size > 20 * 1024
    opened = read_package(info.path, commune_public_key=commune_keys.public(), upper_private_keys=upper_keys)
    assert list(opened.records()) == generated_records
    assert list(opened.documents()) == documents


def test_two_writes_of_the_same_records_differ_but_read_the_same(folder, commune_keys, upper_keys):
    """A fresh ephemeral key each time: the same content never gives the same ciphertext."""
    first = write_package(folder / "a.rdsync", fields(), small_records(), signing_key=commune_keys,
                          upper_keys=upper_keys.public())
    second = write_package(folder / "b.rdsync", fields(), small_records(), signing_key=commune_keys,
                           upper_keys=upper_keys.public())
    assert first.sha256 != second.sha256
    assert first.manifest.ephemeral_public_key != second.manifest.ephemeral_public_key
    for info in (first, second):
        opened = read_package(info.path, commune_public_key=commune_keys.public(), upper_private_keys=upper_keys)
        assert list(opened.records()) == small_records()


def test_bad_arguments_are_programming_errors(folder, commune_keys, other_commune_keys, upper_keys):
    with pytest.raises(ValueError):
        fields(unit_code="4")
    with pytest.raises(ValueError):
        fields(change_from=10, change_to=5)
    with pytest.raises(ValueError):
        fields(created_at="2026-03-10T09:00:00")  # no offset
    with pytest.raises(ValueError):
        fields(sequence=0)
    with pytest.raises(ValueError):
        write_package(folder / "p.rdsync", fields(), [], signing_key=other_commune_keys,
                      upper_keys=upper_keys.public())
    with pytest.raises(ValueError):
        write_package(folder / "p.rdsync", fields(), [{"uuid": "x"}], signing_key=commune_keys,
                      upper_keys=upper_keys.public())
    with pytest.raises(ValueError):
        write_package(folder / "p.rdsync", fields(), [], documents=[("a.pdf", "text, not bytes")],
                      signing_key=commune_keys, upper_keys=upper_keys.public())
    assert list(folder.iterdir()) == []


def test_segments_cut_swapped_or_from_another_part_do_not_open():
    """The streamed AEAD on its own: what the manifest hash and signature already stop before decryption."""
    shared, ephemeral, recipient, core = b"s" * 32, b"e" * 32, b"r" * 32, hashlib.sha256(b"core").digest()
    key = crypto.part_key(shared, ephemeral, recipient, 1, "payload.bin")
    sealed: list[bytes] = []
    writer = crypto.SegmentWriter(key, core, sealed.append, segment_size=1024)
    plain = bytes(range(256)) * 20
    writer.write(plain)
    writer.close()
    assert len(sealed) == 5 and [len(s) for s in sealed[:-1]] == [1024 + 16] * 4

    def opened(segments: list[bytes], *, part: str = "payload.bin", core_hash: bytes = core) -> bytes:
        part_key = crypto.part_key(shared, ephemeral, recipient, 1, part)
        return b"".join(crypto.open_segments(iter(segments), part_key, core_hash, len(segments)))

    assert opened(sealed) == plain
    for broken in (sealed[:-1], sealed[1:], [sealed[1], sealed[0], *sealed[2:]], sealed + [sealed[-1]]):
        with pytest.raises(crypto.SegmentError):
            opened(broken)
    with pytest.raises(crypto.SegmentError):
        opened(sealed, part="documents.bin")
    with pytest.raises(crypto.SegmentError):
        opened(sealed, core_hash=hashlib.sha256(b"another manifest").digest())
    with pytest.raises(crypto.SegmentError):
        list(crypto.open_segments(iter(sealed), key, core, len(sealed) + 1))  # the last one is not flagged last
    assert crypto.segment_lengths(5 * 1040, 1024) == [1040] * 5
    with pytest.raises(crypto.SegmentError):
        crypto.segment_lengths(15, 1024)


# -- property: any records survive the trip --------------------------------------------------------

_scalars = st.none() | st.booleans() | st.integers(-(2 ** 62), 2 ** 62) | st.text(max_size=40) | \
    st.floats(allow_nan=False, allow_infinity=False)
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4) |
                       st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)
_records = st.builds(lambda entity, rest: {"entity": entity, **{k: v for k, v in rest.items() if k != "entity"}},
                     st.sampled_from(["case", "visit", "citizen", "new_entity_kind"]),
                     st.dictionaries(st.text(min_size=1, max_size=12), _values, max_size=8))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(_records, max_size=25),
       documents=st.lists(st.tuples(st.text(min_size=1, max_size=20).filter(str.isprintable),
                                    st.binary(max_size=300)), max_size=3))
def test_any_records_and_documents_round_trip(commune_keys, upper_keys, records: list[dict[str, Any]],
                                              documents: list[tuple[str, bytes]]):
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "p.rdsync"
        write_package(path, fields(), records, documents=documents, signing_key=commune_keys,
                      upper_keys=upper_keys.public(), segment_size=1024)
        opened = read_package(path, commune_public_key=commune_keys.public(), upper_private_keys=upper_keys)
        back = list(opened.records())
        assert back == records
        assert [list(r.items()) for r in back] == [list(r.items()) for r in records]
        assert list(opened.documents()) == documents


def test_manifest_fields_keep_their_app_version_default():
    assert ManifestFields(UNIT, 1, 0, 0, 0, "", "", "", CREATED_AT).app_version == __version__

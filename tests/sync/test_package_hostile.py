"""Hostile and broken packages: every flipped bit or byte, every cut, another signer, another recipient, a newer
version, files that are not packages at all. Each is refused with a clear UserError before anything is
decrypted."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from receptiondesk.errors import UserError
from receptiondesk.sync import container
from receptiondesk.sync.files import Sink
from receptiondesk.sync.keys import CommunePublicKey, UpperLevelKeys
from receptiondesk.sync.package import (
    MANIFEST,
    SIGNATURE,
    Manifest,
    _Invalid,
    inspect_package,
    read_package,
    signing_input,
    write_package,
)
from tests.sync.conftest import OTHER_UNIT, UNIT_NAME, fields, rendered, small_records

REFUSALS = {"sync.package_damaged", "sync.package_truncated", "sync.package_not_ours",
            "sync.package_other_signer", "sync.package_newer_version"}


def _read(path: Path, commune_keys, upper_keys) -> Any:
    return read_package(path, commune_public_key=commune_keys.public(), upper_private_keys=upper_keys)


def _refusal(path: Path, commune_keys, upper_keys) -> str | None:
    """The refusal's code, or None if the package was accepted."""
    try:
        _read(path, commune_keys, upper_keys)
    except UserError as exc:
        return exc.code
    return None


def _flip_each(path: Path, positions: range, masks: tuple[int, ...], check) -> list[tuple[int, int]]:
    """Flip each bit (mask) of each byte position in place, call `check`, restore; the (position, mask) pairs
    `check` did not refuse."""
    missed = []
    fd = os.open(path, os.O_RDWR)
    try:
        for position in positions:
            original = os.pread(fd, 1, position)[0]
            for mask in masks:
                os.pwrite(fd, bytes([original ^ mask]), position)
                if check() is None:
                    missed.append((position, mask))
            os.pwrite(fd, bytes([original]), position)
    finally:
        os.close(fd)
    return missed


def test_every_bit_of_a_small_package_is_checked(folder, commune_keys, upper_keys):
    info = write_package(folder / "p.rdsync", fields(), small_records(2), documents=[("a.pdf", b"%PDF-1.7")],
                         signing_key=commune_keys, upper_keys=upper_keys.public())
    assert info.size < 3000
    codes: set[str] = set()

    def check() -> str | None:
        code = _refusal(info.path, commune_keys, upper_keys)
        if code is not None:
            codes.add(code)
        return code

    missed = _flip_each(info.path, range(info.size), (1, 2, 4, 8, 16, 32, 64, 128), check)
    assert missed == []
    assert codes <= REFUSALS
    assert list(_read(info.path, commune_keys, upper_keys).records()) == small_records(2)  # restored intact


def test_every_byte_of_a_larger_package_is_checked(folder, commune_keys, upper_keys, generated_records):
    info = write_package(folder / "p.rdsync", fields(), generated_records[:150],
                         documents=[("a.pdf", os.urandom(3000))], reports=[("r.xlsx", os.urandom(2000))],
                         signing_key=commune_keys, upper_keys=upper_keys.public())
    assert 15_000 < info.size < 30_000
    missed = _flip_each(info.path, range(info.size), (0xFF,), lambda: _refusal(info.path, commune_keys, upper_keys))
    assert missed == []


def test_cut_at_any_length_is_truncated(folder, commune_keys, upper_keys):
    info = write_package(folder / "p.rdsync", fields(), small_records(5), documents=[("a.pdf", b"%PDF" * 50)],
                         signing_key=commune_keys, upper_keys=upper_keys.public())
    data = info.path.read_bytes()
    cut = folder / "cut.rdsync"
    for length in range(len(data)):
        cut.write_bytes(data[:length])
        with pytest.raises(UserError) as caught:
            _read(cut, commune_keys, upper_keys)
        assert caught.value.code == "sync.package_truncated", length
        with pytest.raises(UserError):
            inspect_package(cut)
    assert "thiếu phần cuối" in rendered(caught.value)


def test_cut_inside_a_large_payload_is_truncated(folder, commune_keys, upper_keys, generated_records):
    info = write_package(folder / "p.rdsync", fields(), generated_records, signing_key=commune_keys,
                         upper_keys=upper_keys.public())
    data = info.path.read_bytes()
    cut = folder / "cut.rdsync"
    for length in range(1, len(data), 997):
        cut.write_bytes(data[:length])
        with pytest.raises(UserError) as caught:
            _read(cut, commune_keys, upper_keys)
        assert caught.value.code == "sync.package_truncated"


def test_signed_by_another_commune(folder, commune_keys, other_commune_keys, upper_keys):
    """A package made with another commune's key (even claiming this commune's unit) is refused."""
    impostor = Ed25519PrivateKey.generate()
    forged = write_package(folder / "forged.rdsync", fields(), small_records(), signing_key=impostor,
                           upper_keys=upper_keys.public())
    with pytest.raises(UserError) as caught:
        _read(forged.path, commune_keys, upper_keys)
    assert caught.value.code == "sync.package_other_signer"
    assert "00004" in rendered(caught.value) and str(forged.path) in rendered(caught.value)

    theirs = write_package(folder / "theirs.rdsync", fields(unit_code=OTHER_UNIT), small_records(),
                           signing_key=other_commune_keys, upper_keys=upper_keys.public())
    with pytest.raises(UserError) as caught:
        _read(theirs.path, commune_keys, upper_keys)
    assert caught.value.code == "sync.package_other_signer"
    # The right key, registered for another unit: the manifest names a unit the key was not given for.
    mislabelled = CommunePublicKey(OTHER_UNIT, UNIT_NAME, commune_keys.signing.public_key())
    ours = write_package(folder / "ours.rdsync", fields(), small_records(), signing_key=commune_keys,
                         upper_keys=upper_keys.public())
    with pytest.raises(UserError) as caught:
        read_package(ours.path, commune_public_key=mislabelled, upper_private_keys=upper_keys)
    assert caught.value.code == "sync.package_other_unit"


def test_encrypted_for_another_upper_level(folder, commune_keys, upper_keys):
    info = write_package(folder / "p.rdsync", fields(), small_records(), signing_key=commune_keys,
                         upper_keys=upper_keys.public())
    elsewhere = UpperLevelKeys.generate("02", "Ban Tiếp công dân tỉnh khác")
    with pytest.raises(UserError) as caught:
        _read(info.path, commune_keys, elsewhere)
    assert caught.value.code == "sync.package_other_recipient"


def _rebuild(source: Path, target: Path, signing_key: Ed25519PrivateKey, change) -> None:
    """A validly signed package whose manifest was changed by `change` (what a newer writer, or a buggy one,
    would produce): the parts are copied as they are."""
    with zipfile.ZipFile(source) as archive:
        parts = [(n, archive.read(n)) for n in archive.namelist() if n not in (MANIFEST, SIGNATURE)]
        manifest = json.loads(archive.read(MANIFEST))
    change(manifest)
    raw = json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        sink = Sink(fd)
        writer = container.ContainerWriter(sink)
        for name, data in parts:
            writer.add(name, data)
        writer.add(MANIFEST, raw)
        digests = [(p["name"], bytes.fromhex(p["sha256"])) for p in manifest["parts"]]
        writer.add(SIGNATURE, signing_key.sign(signing_input(raw, digests)))
        writer.finish()
        sink.flush()
    finally:
        os.close(fd)


def test_newer_version_and_bad_manifests_even_when_signed(folder, commune_keys, upper_keys):
    info = write_package(folder / "p.rdsync", fields(), small_records(), signing_key=commune_keys,
                         upper_keys=upper_keys.public())
    forged = folder / "forged.rdsync"

    def refused(change) -> UserError:
        _rebuild(info.path, forged, commune_keys.signing, change)
        with pytest.raises(UserError) as caught:
            _read(forged, commune_keys, upper_keys)
        return caught.value

    _rebuild(info.path, forged, commune_keys.signing, lambda m: None)
    assert list(_read(forged, commune_keys, upper_keys).records()) == small_records()  # the rebuild is faithful

    newer = refused(lambda m: m.update(version=2))
    assert newer.code == "sync.package_newer_version" and "2" in rendered(newer)
    for change in (lambda m: m.update(surprise=True), lambda m: m.update(version="1"),
                   lambda m: m["counts"].update(case=4), lambda m: m["encryption"].update(segment_size=7),
                   lambda m: m.update(created_at="yesterday"), lambda m: m["parts"][0].update(size=1),
                   lambda m: m.update(format="something-else")):
        assert refused(change).code == "sync.package_damaged"


def test_decryption_notices_a_file_changed_after_it_was_verified(folder, commune_keys, upper_keys,
                                                                   generated_records):
    info = write_package(folder / "p.rdsync", fields(), generated_records, signing_key=commune_keys,
                         upper_keys=upper_keys.public(), segment_size=1024)
    opened = _read(info.path, commune_keys, upper_keys)
    part = opened.manifest.parts[0]
    with zipfile.ZipFile(info.path) as archive:
        offset = archive.getinfo(part.name).header_offset + 30 + len(part.name) + 20
    with open(info.path, "r+b") as handle:
        handle.seek(offset + part.size // 2)
        byte = handle.read(1)
        handle.seek(-1, 1)
        handle.write(bytes([byte[0] ^ 1]))
    with pytest.raises(UserError) as caught:
        list(opened.records())
    assert caught.value.code == "sync.package_damaged"


@pytest.mark.parametrize("content", [
    b"", b"hello", b"PK\x05\x06" + b"\0" * 18, os.urandom(5000),
    b'{"format":"receptiondesk-interchange","version":1,"unit_code":"00004"}\n{"end":true,"records":0}\n',
])
def test_files_that_are_not_packages(folder, commune_keys, upper_keys, content):
    path = folder / "x.rdsync"
    path.write_bytes(content)
    with pytest.raises(UserError) as caught:
        _read(path, commune_keys, upper_keys)
    assert caught.value.code in ({"sync.package_truncated"} if content == b"" else {"sync.package_not_ours"})
    with pytest.raises(UserError):
        inspect_package(path)


def test_ordinary_zips_folders_and_missing_files_are_not_packages(folder, commune_keys, upper_keys, tmp_path):
    path = folder / "x.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("payload.bin", b"x" * 100)
        archive.writestr("manifest.json", b"{}")
    with pytest.raises(UserError) as caught:
        _read(path, commune_keys, upper_keys)
    assert caught.value.code == "sync.package_not_ours"
    for missing, code in ((folder / "none.rdsync", "sync.package_not_found"), (folder, "sync.package_not_ours")):
        with pytest.raises(UserError) as caught:
            _read(missing, commune_keys, upper_keys)
        assert caught.value.code == code


def test_a_package_with_an_extra_entry_or_trailing_bytes_is_refused(folder, commune_keys, upper_keys):
    info = write_package(folder / "p.rdsync", fields(), small_records(), signing_key=commune_keys,
                         upper_keys=upper_keys.public())
    data = info.path.read_bytes()
    for variant in (data + b"\0", b"\0" + data, data + data):
        path = folder / "v.rdsync"
        path.write_bytes(variant)
        assert _refusal(path, commune_keys, upper_keys) in REFUSALS
    with zipfile.ZipFile(info.path, "a") as archive:  # a zip tool adding a file rewrites the directory
        archive.writestr("extra.txt", b"added later")
    assert _refusal(info.path, commune_keys, upper_keys) == "sync.package_damaged"


def test_manifest_parse_is_strict_about_its_own_bytes(folder, commune_keys, upper_keys):
    info = write_package(folder / "p.rdsync", fields(), small_records(), signing_key=commune_keys,
                         upper_keys=upper_keys.public())
    raw = info.manifest.raw
    assert Manifest.parse(raw) == info.manifest
    pretty = json.dumps(json.loads(raw), indent=1).encode()
    with pytest.raises(_Invalid):
        Manifest.parse(pretty)

"""Hostile packages at the upper level, through `ConsolidationService.import_package`: every flipped bit of a small
package (as it is, and with its CRC-32s mended so that the later checks are reached), a newer format version, an
older package replayed after a newer one, a commune whose key was replaced, and a package claiming another enrolled
commune's unit. Each refusal raises a UserError with its own code, leaves every table of the upper desk byte for
byte as it was (records, search index, counters, audit log, keys) and is written to the package log only
(`received_packages`: status "rejected" and the reason's code).

The desks are the ones of tests/services/test_consolidation.py (a commune, 00004 Phường Ba Đình, and the upper
level's desk set up for 00008 Phường Ngọc Hà, Hà Nội), but the commune holds a single visit so that its package is
as small as a package can be. Already covered there, so not repeated here: a package signed by a key never
enrolled but claiming the enrolled unit ("other_signer"), a commune not enrolled, another upper level or its key,
one flipped byte, a truncated file, files that are not packages, crafted zips (bomb, '..', absolute names),
duplicate UUIDs and unknown entities. The same package imported twice ("duplicate") is covered there too; here it
is only repeated at the end of the replay test, against a snapshot of every table."""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from receptiondesk.errors import UserError
from receptiondesk.interchange.format import ENTITIES
from receptiondesk.services.desk import Desk
from receptiondesk.services.interchange import export_lines
from receptiondesk.sync import container
from receptiondesk.sync.keys import CommuneKeys, UpperLevelPublicKeys
from receptiondesk.sync.package import MANIFEST, PAYLOAD, SIGNATURE, ManifestFields, write_package
from tests.services.helpers import STAMP_AT, UNIT, no_paper, visit
from tests.services.test_consolidation import _folder, _records, upper  # noqa: F401 (fixture)
from tests.sync.test_package_hostile import _rebuild

NEIGHBOUR = "00025"  # Phường Giảng Võ, Hà Nội: a commune the upper level may enrol beside 00004
NEIGHBOUR_NAME = "Phường Giảng Võ"
#: What a damaged file may be refused as, depending on which byte was hit (the manifest's unit, upper unit or
#: encryption key changed by the flip give the consolidation's own refusals).
REFUSALS = {"sync.package_damaged", "sync.package_truncated", "sync.package_not_ours", "sync.package_other_signer",
            "sync.package_newer_version", "sync.package_other_recipient", "consolidation.not_enrolled",
            "consolidation.package_other_upper"}
#: Each bit of a byte, then the whole byte (xor 0xFF).
MASKS = (1, 2, 4, 8, 16, 32, 64, 128, 0xFF)


@pytest.fixture
def linked(desk: Desk, upper: Desk, tmp_path: Path) -> dict[str, Any]:
    """The upper level in consolidation mode, its keys at the commune, the commune enrolled (the same steps as
    test_consolidation's `linked`). The commune holds one visit (one citizen, one case); the upper desk one visit
    of its own, so that its record tables are not empty."""
    upper.consolidation.initialise(tmp_path / "khoa-cap-tren.json")
    desk.sync.import_upper_keys(tmp_path / "khoa-cap-tren.json")
    desk.sync.write_commune_public_key(tmp_path / "khoa-xa.json")
    upper.consolidation.enrol(tmp_path / "khoa-xa.json")
    upper.intake.register_visit(visit(when="2026-03-10", who=no_paper("Trịnh Văn Tỉnh", "Tổ 3")))
    one = desk.intake.register_visit(visit(when="2026-03-10", who=no_paper("Mai Văn Mới")))
    return {"visit": one, "keys": tmp_path / "khoa-cap-tren.json", "commune_key": tmp_path / "khoa-xa.json"}


# -- probes ------------------------------------------------------------------------------------------------------------

def _snapshot(desk: Desk, tables: list[str] | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the desk (or of `tables`) but the package log, values as stored: equal before
    and after means not a byte of a record, an index, a counter, an audit row or a key changed."""
    conn = desk.database.conn
    if tables is None:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name != 'received_packages' ORDER BY name")]
    return {t: sorted((tuple(r) for r in conn.execute(f'SELECT * FROM "{t}"')), key=repr) for t in tables}


def _record_tables(desk: Desk) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the record tables (the interchange entities' tables)."""
    return _snapshot(desk, [entity.table for entity in ENTITIES.values()])


def _last_log_id(desk: Desk) -> int:
    return int(desk.database.scalar("SELECT coalesce(max(id), 0) FROM received_packages"))


def _log_since(desk: Desk, last_id: int) -> list[dict[str, Any]]:
    """The package log rows written after `last_id`, oldest first."""
    return [dict(r) for r in desk.database.query("SELECT * FROM received_packages WHERE id > ? ORDER BY id",
                                                 (last_id,))]


def _commune_records(desk: Desk) -> list[dict[str, Any]]:
    """Everything the commune's desk holds (fields included), as interchange records: what its packages carry."""
    return [json.loads(line) for _, line in export_lines(desk.database.conn)]


def _refused(upper: Desk, path: Path, code: str) -> UserError:
    """Import `path`, which must be refused with `code` and a clean message naming the file."""
    with pytest.raises(UserError) as caught:
        upper.consolidation.import_package(path)
    assert caught.value.code == code, caught.value.render("en")
    for lang in ("vi", "en"):
        message = caught.value.render(lang)
        assert path.name in message and "{" not in message and "Traceback" not in message
    return caught.value


# -- 1. every bit ------------------------------------------------------------------------------------------------------

def _flips(data: bytes, start: int = 0, stop: int | None = None) -> Iterator[tuple[str, bytes]]:
    """`data` with one bit (then one whole byte) flipped at each position in [start, stop), with its label."""
    for position in range(start, len(data) if stop is None else stop):
        for mask in MASKS:
            yield f"{position}^{mask:#04x}", data[:position] + bytes([data[position] ^ mask]) + data[position + 1:]


def _assemble(parts: list[tuple[str, bytes]]) -> bytes:
    """A container in the canonical layout holding `parts` as given (the CRC-32s, headers and directory made to
    match them, as a careful forger would)."""
    body, entries = bytearray(), []
    for name, content in parts:
        entry = container.Entry(name, len(body), len(body) + container.local_header_size(name), len(content),
                                zlib.crc32(content))
        body += container.local_header(name, entry.size, entry.crc) + content
        entries.append(entry)
    directory = b"".join(container.central_record(e) for e in entries)
    return bytes(body + directory + container.trailer(entries, len(body), len(directory)))


def _all_refused(upper: Desk, target: Path, copies: Iterable[tuple[str, bytes]]) -> list[str]:
    """Write each copy to `target` and import it; every one must be refused with one of REFUSALS, logged as
    "rejected" with that code, and leave every table but the package log as it was. The codes, in order."""
    before, first_log = _snapshot(upper), _last_log_id(upper)
    codes: list[str] = []
    accepted: list[tuple[str, str]] = []
    crashed: list[tuple[str, str]] = []
    for label, content in copies:
        target.write_bytes(content)
        try:
            result = upper.consolidation.import_package(target)
        except UserError as error:
            codes.append(error.code)
        except Exception as error:  # noqa: BLE001 - a crash is what this looks for
            crashed.append((label, repr(error)))
        else:
            accepted.append((label, result.status))
    assert accepted == [] and crashed == []
    assert set(codes) <= REFUSALS, set(codes) - REFUSALS
    assert _snapshot(upper) == before
    log = _log_since(upper, first_log)
    assert [(r["status"], r["reason"]) for r in log] == [("rejected", code) for code in codes]
    assert len({r["sha256"] for r in log}) == len(log)  # each attempt logged with its own file's hash
    return codes


@pytest.mark.slow
def test_every_bit_and_every_byte_of_a_small_package_is_refused_and_changes_nothing(
        desk: Desk, upper: Desk, linked: dict[str, Any], tmp_path: Path) -> None:
    """Covered: the commune's real package (one visit: 9 fields, 1 citizen, 1 case, 1 visit; about 2.7 KB), every
    byte of the whole file (the local headers, the encrypted payload, the manifest, the signature, the central
    directory, the ZIP64 end records), each of its 8 bits flipped alone and then the whole byte inverted (xor 0xFF):
    about 24,000 imports of copies differing from the real package in one place, made before the real package was
    ever imported (an accepted copy would add records). Each must be refused with a UserError of REFUSALS (never
    accepted, never another exception), logged as "rejected" with its code, and leave every table but the package
    log as it was. A flip anywhere breaks the layout, a CRC-32 or a hash, so the file's own checks refuse them all
    (damaged, not a package when the first header is hit, truncated when the end records are); the next test
    mends the CRC-32s to reach the later checks. The real package, restored, is accepted afterwards. Not covered:
    dry runs (the same checks, nothing logged) and several flips in one copy."""
    info = desk.sync.export(_folder(tmp_path, "usb"))
    data = info.path.read_bytes()
    assert len(data) < 4000
    with open(info.path, "rb") as handle:
        assert [e.name for e in container.read_entries(handle, len(data), PAYLOAD)] == [PAYLOAD, MANIFEST, SIGNATURE]
    copy = tmp_path / f"{UNIT}-00001.rdsync"

    codes = _all_refused(upper, copy, _flips(data))
    assert len(codes) == len(data) * len(MASKS)
    assert set(codes) == {"sync.package_damaged", "sync.package_not_ours", "sync.package_truncated"}
    assert upper.consolidation.received(UNIT, limit=1)[0]["status"] == "rejected"

    copy.write_bytes(data)
    assert upper.consolidation.import_package(copy).status == "accepted"
    assert _records(upper) == _records(desk)


@pytest.mark.slow
def test_every_bit_of_the_manifest_and_signature_with_mended_crcs_is_refused(
        desk: Desk, upper: Desk, linked: dict[str, Any], tmp_path: Path) -> None:
    """Covered: every bit of the manifest and of the signature flipped alone (and each byte inverted), the
    container then rebuilt in its canonical layout with the CRC-32s, headers and directory made to match, the
    original signature kept: about 9,400 imports that pass the layout and CRC checks and meet the manifest's
    parsing (not canonical JSON, a newer version), the enrolment (a unit code digit changed), the upper level
    (its unit code, its encryption key id) and the signature. Each is refused as in the test above. Not covered:
    the payload with mended CRC-32s (its SHA-256 in the signed manifest refuses it: tests/sync)."""
    info = desk.sync.export(_folder(tmp_path, "usb"))
    data = info.path.read_bytes()
    with open(info.path, "rb") as handle:
        parts = [(e.name, data[e.data_offset:e.data_offset + e.size])
                 for e in container.read_entries(handle, len(data), PAYLOAD)]
    assert _assemble(parts) == data  # the rebuild is faithful
    (_, payload), (_, manifest), (_, signature) = parts

    def copies() -> Iterator[tuple[str, bytes]]:
        for label, flipped in _flips(manifest):
            yield f"manifest {label}", _assemble([(PAYLOAD, payload), (MANIFEST, flipped), (SIGNATURE, signature)])
        for label, flipped in _flips(signature):
            yield f"signature {label}", _assemble([(PAYLOAD, payload), (MANIFEST, manifest), (SIGNATURE, flipped)])

    codes = _all_refused(upper, tmp_path / f"{UNIT}-00001.rdsync", copies())
    assert len(codes) == (len(manifest) + len(signature)) * len(MASKS)
    assert {"sync.package_damaged", "sync.package_newer_version", "consolidation.not_enrolled",
            "consolidation.package_other_upper", "sync.package_other_recipient",
            "sync.package_other_signer"} <= set(codes)

    assert upper.consolidation.import_package(info.path).status == "accepted"
    assert _records(upper) == _records(desk)


# -- 2. a newer format -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("version", [2, 1000])
def test_a_newer_format_version_is_refused_with_its_message(desk: Desk, upper: Desk, linked: dict[str, Any],
                                                            tmp_path: Path, version: int) -> None:
    """The commune's package with the manifest's format version raised and signed again with the commune's own,
    enrolled key (what a newer program would write): refused before anything else, by the version."""
    info = desk.sync.export(_folder(tmp_path, "usb"))
    signing = desk.sync.commune_keys().signing
    newer = tmp_path / f"{UNIT}-00001-v{version}.rdsync"
    _rebuild(info.path, newer, signing, lambda manifest: manifest.update(version=version))
    before = _snapshot(upper)

    with pytest.raises(UserError) as caught:  # a dry run is refused alike and logs nothing
        upper.consolidation.import_package(newer, dry_run=True)
    assert caught.value.code == "sync.package_newer_version" and upper.consolidation.received() == []
    error = _refused(upper, newer, "sync.package_newer_version")
    assert f"phiên bản {version}" in error.render("vi") and "ReceptionDesk mới nhất" in error.render("vi")
    assert f"newer format (version {version})" in error.render("en")

    assert _snapshot(upper) == before
    [row] = upper.consolidation.received()
    assert (row["status"], row["reason"], row["reason_params"]["version"]) == \
        ("rejected", "sync.package_newer_version", version)
    # The manifest could not be read: the log keeps the file's hash and no unit.
    assert row["unit_code"] is None and row["sha256"] == hashlib.sha256(newer.read_bytes()).hexdigest()

    # The same rebuild without the change is accepted: the version alone was refused.
    same = tmp_path / f"{UNIT}-00001-ban-sao.rdsync"
    _rebuild(info.path, same, signing, lambda manifest: None)
    assert upper.consolidation.import_package(same).status == "accepted"
    assert _records(upper) == _records(desk)


# -- 4. replays --------------------------------------------------------------------------------------------------------

def test_a_replayed_older_package_never_overwrites_newer_versions(desk: Desk, upper: Desk, linked: dict[str, Any],
                                                                 tmp_path: Path) -> None:
    """Package 1 holds the visit and its case at version 1; the commune then voids the visit and concludes the
    case, and package 2 (no acknowledgement came: it carries everything again) holds both at version 2. The upper
    level gets 2, then 1 (an older package replayed): 1 is accepted out of order, its two older records are
    rejected one by one and the record tables stay byte for byte as package 2 left them. Then both again: each a
    duplicate that changes nothing at all (records, counters, audit log)."""
    one = linked["visit"]
    first = desk.sync.export(_folder(tmp_path, "usb-1"))
    desk.voiding.void("visit", one.uuid, "Ghi nhầm người đến, lập lại lượt khác")
    desk.cases.conclude(one.case_uuids[0], "Đã giải quyết xong theo quy định")
    second = desk.sync.export(_folder(tmp_path, "usb-2"))
    assert first.manifest.change_from == second.manifest.change_from == 1

    newer = upper.consolidation.import_package(second.path)
    assert newer.status == "accepted" and newer.counts["visit"]["new"] == 1
    assert _records(upper) == _records(desk)
    held, everything = _record_tables(upper), _snapshot(upper)

    older = upper.consolidation.import_package(first.path)
    assert older.status == "accepted" and older.out_of_order
    assert (older.totals()["new"], older.totals()["updated"], older.totals()["rejected"]) == (0, 0, 2)
    assert sorted(r["params"]["uuid"] for r in older.rejections) == sorted([one.uuid, one.case_uuids[0]])
    assert _record_tables(upper) == held
    kept = upper.database.one("SELECT voided, version, unit_code FROM visits WHERE uuid = ?", (one.uuid,))
    assert tuple(kept) == (1, 2, UNIT)
    assert upper.database.scalar("SELECT conclusion FROM cases WHERE uuid = ?", (one.case_uuids[0],)) == \
        "Đã giải quyết xong theo quy định"
    assert _records(upper) == _records(desk)
    changed = {t for t, rows in _snapshot(upper).items() if rows != everything[t]}
    assert changed <= {"audit_log"}, changed  # the import is audited; no record, index or counter moved

    settled = _snapshot(upper)
    for replay in (first, second):
        again = upper.consolidation.import_package(replay.path)
        assert again.status == "duplicate" and again.counts == {}
    assert _snapshot(upper) == settled
    assert [(r["sequence"], r["status"]) for r in upper.consolidation.received(UNIT)] == \
        [(2, "duplicate"), (1, "duplicate"), (1, "accepted"), (2, "accepted")]


# -- 5. a replaced key -------------------------------------------------------------------------------------------------

def test_once_a_communes_key_is_replaced_its_old_key_signs_nothing(desk: Desk, upper: Desk, linked: dict[str, Any],
                                                                    tmp_path: Path) -> None:
    """The commune is enrolled again with a new key (a leaked key revoked): a new package signed with the old key,
    and the package accepted before the change, are refused as another signer; the same records signed with the
    new key are accepted."""
    first = desk.sync.export(_folder(tmp_path, "usb-1"))
    assert upper.consolidation.import_package(first.path).status == "accepted"
    desk.intake.register_visit(visit(when="2026-03-10", who=no_paper("Hà Văn Sau")))
    second = desk.sync.export(_folder(tmp_path, "usb-2"))

    new_keys = CommuneKeys.generate(UNIT, "Phường Ba Đình")
    new_keys.public().write(tmp_path / "khoa-xa-moi.json")
    assert upper.consolidation.enrol(tmp_path / "khoa-xa-moi.json").status == "replaced"
    before, first_log = _snapshot(upper), _last_log_id(upper)

    for path in (second.path, first.path):
        error = _refused(upper, path, "sync.package_other_signer")
        assert UNIT in error.render("vi")
    assert _snapshot(upper) == before
    assert [(r["status"], r["reason"], r["unit_code"], r["sequence"]) for r in _log_since(upper, first_log)] == \
        [("rejected", "sync.package_other_signer", UNIT, 2), ("rejected", "sync.package_other_signer", UNIT, 1)]
    [row] = upper.consolidation.oversight()
    assert (row.last_status, row.last_reason, row.accepted_packages) == ("rejected", "sync.package_other_signer", 1)

    manifest = ManifestFields(UNIT, 3, 0, 1, second.manifest.change_to, "f", "r", "", STAMP_AT)
    resigned = write_package(tmp_path / f"{UNIT}-00003.rdsync", manifest, _commune_records(desk),
                             signing_key=new_keys, upper_keys=UpperLevelPublicKeys.read(linked["keys"])).path
    assert upper.consolidation.import_package(resigned).status == "accepted"
    assert _records(upper) == _records(desk)


# -- 6. another unit claimed -------------------------------------------------------------------------------------------

def test_a_package_claiming_another_enrolled_communes_unit_is_refused(desk: Desk, upper: Desk,
                                                                       linked: dict[str, Any],
                                                                       tmp_path: Path) -> None:
    """Two communes enrolled, 00004 and 00025. A package signed with 00025's enrolled key whose manifest claims
    00004 (carrying 00004's records), and one signed with 00004's enrolled key claiming 00025: each is checked
    with the key enrolled for the unit it claims, and refused as another signer. A key speaks only for its own
    unit."""
    neighbour = CommuneKeys.generate(NEIGHBOUR, NEIGHBOUR_NAME)
    neighbour.public().write(tmp_path / "khoa-giang-vo.json")
    assert upper.consolidation.enrol(tmp_path / "khoa-giang-vo.json").status == "new"
    upper_public = UpperLevelPublicKeys.read(linked["keys"])
    records = _commune_records(desk)
    claims = {
        UNIT: write_package(tmp_path / f"{UNIT}-00001.rdsync",
                            ManifestFields(UNIT, 1, 0, 1, 40, "f", "r", "", STAMP_AT), records,
                            signing_key=neighbour.signing, upper_keys=upper_public).path,
        NEIGHBOUR: write_package(tmp_path / f"{NEIGHBOUR}-00001.rdsync",
                                 ManifestFields(NEIGHBOUR, 1, 0, 1, 40, "f", "r", "", STAMP_AT),
                                 [{**r, "unit_code": NEIGHBOUR} if "unit_code" in r else r for r in records],
                                 signing_key=desk.sync.commune_keys().signing, upper_keys=upper_public).path,
    }
    before, first_log = _snapshot(upper), _last_log_id(upper)
    for unit, path in claims.items():
        error = _refused(upper, path, "sync.package_other_signer")
        assert f"xã {unit}" in error.render("vi")
    assert _snapshot(upper) == before
    assert [(r["status"], r["reason"], r["unit_code"]) for r in _log_since(upper, first_log)] == \
        [("rejected", "sync.package_other_signer", UNIT), ("rejected", "sync.package_other_signer", NEIGHBOUR)]
    assert _records(upper) == []
    # The commune's own package, signed with its own key, is accepted beside the neighbour's enrolment.
    assert upper.consolidation.import_package(desk.sync.export(_folder(tmp_path, "usb")).path).status == "accepted"
    assert _records(upper) == _records(desk)

"""Consolidation at the upper level, with two desks: a commune (00004, Phường Ba Đình) and the upper level's desk
(set up for 00008, Phường Ngọc Hà, in the same province, Hà Nội). The commune's packages arrive in any order, once
or twice, and leave the upper desk holding exactly the commune's records (protected identities sealed at rest);
every hostile file is refused with a clear reason and changes no record."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from receptiondesk.demo.loader import generate_into
from receptiondesk.domain.accounts import MASKED_NAME
from receptiondesk.domain.report_periods import month_period
from receptiondesk.domain.text import fold
from receptiondesk.errors import UserError
from receptiondesk.services.consolidation import ROLE_UPPER, ack_file_name
from receptiondesk.services.desk import Desk
from receptiondesk.services.interchange import export_lines
from receptiondesk.sync.keys import CommuneKeys, UpperLevelKeys, UpperLevelPublicKeys
from receptiondesk.sync.package import ManifestFields, inspect_package, write_package
from tests.services.helpers import OFFICER, case, citizen, counts, no_paper, visit

UNIT = "00004"
UPPER_DESK_UNIT = "00008"
PROTECTED_NAME = "Lương Thị Kín"
PROTECTED_ID = "001190012345"
REASON = "Kiểm tra hồ sơ tố cáo được chuyển lên"
NEW_PHONE = "0987654321"


@pytest.fixture
def upper(blank_desk: Desk) -> Desk:
    """The upper level's own reception desk, for commune 00008 of Hà Nội (province 01)."""
    blank_desk.setup.initialise(UPPER_DESK_UNIT, OFFICER)
    return blank_desk


@pytest.fixture
def linked(desk: Desk, upper: Desk, tmp_path: Path) -> dict[str, Any]:
    """The upper level in consolidation mode, its keys at the commune, the commune enrolled; the commune holds
    generated data and a protected denouncer."""
    upper.consolidation.initialise(tmp_path / "khoa-cap-tren.json")
    desk.sync.import_upper_keys(tmp_path / "khoa-cap-tren.json")
    desk.sync.write_commune_public_key(tmp_path / "khoa-xa.json")
    upper.consolidation.enrol(tmp_path / "khoa-xa.json")
    generate_into(desk.context, "commune", visits=150, until=date(2026, 3, 9))
    denouncer = desk.intake.register_visit(visit(
        when="2026-03-10", who=citizen(PROTECTED_NAME, id_number=PROTECTED_ID, birth_year=1990, gender="female"),
        cases=[case("denunciation", "corruption", "Tố cáo cán bộ địa chính")]))
    return {"denouncer": denouncer, "keys": tmp_path / "khoa-cap-tren.json", "commune_key": tmp_path / "khoa-xa.json"}


def _records(desk: Desk, *, opened: bool = False) -> list[dict[str, Any]]:
    """The commune's records as the desk's interchange export gives them (identities opened or withheld)."""
    opener = desk.context.require_session().identities.open if opened else None
    return [record for record in (json.loads(line) for _, line in export_lines(desk.database.conn, opener))
            if record.get("unit_code") == UNIT]


def _folder(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    return folder


def _plain_texts(desk: Desk) -> str:
    """Every text value of every table of the desk (search indexes included), joined."""
    conn = desk.database.conn
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    values = []
    for table in tables:
        for row in conn.execute(f'SELECT * FROM "{table}"'):
            values += [v for v in row if isinstance(v, str)]
    return "\n".join(values)


def test_the_upper_level_is_set_up_once_and_hands_out_its_public_keys(upper: Desk, tmp_path: Path) -> None:
    public = upper.consolidation.initialise()
    assert (public.unit_code, public.unit_name) == ("01", "Ủy ban nhân dân thành phố Hà Nội")
    assert upper.context.settings.desk_role == ROLE_UPPER and upper.consolidation.is_upper()
    stored = bytes(upper.database.scalar("SELECT value FROM key_store WHERE name = 'consolidation.upper_keys'"))
    assert b"encryption_key" not in stored and b"confidential" not in stored
    written = upper.consolidation.write_public_keys(tmp_path / "cap-tren.json")
    assert json.loads(written.read_text(encoding="utf-8"))["kind"] == "upper-level"
    with pytest.raises(UserError) as caught:
        upper.consolidation.initialise()
    assert caught.value.code == "consolidation.already_upper"
    audit = upper.database.query("SELECT detail FROM audit_log WHERE action = 'consolidation.initialise'")
    assert len(audit) == 1 and public.fingerprint().digits in audit[0]["detail"]


def test_nothing_is_made_when_the_public_key_file_cannot_be_written(upper: Desk, tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        upper.consolidation.initialise(tmp_path / "USB đã rút" / "cap-tren.json")
    assert "USB đã rút" in caught.value.render("vi")
    assert not upper.consolidation.is_upper()
    assert upper.database.scalar("SELECT count(*) FROM key_store WHERE name = 'consolidation.upper_keys'") == 0
    assert upper.consolidation.initialise().unit_code == "01"


def test_a_commune_desk_is_not_an_upper_level(desk: Desk, tmp_path: Path) -> None:
    assert not desk.consolidation.is_upper()
    with pytest.raises(UserError) as caught:
        desk.consolidation.import_package(tmp_path / "x.rdsync")
    assert caught.value.code == "consolidation.not_upper" and "upper-init" in caught.value.render("vi")


def test_enrolment_keeps_the_key_and_replacing_it_is_said(desk: Desk, upper: Desk, linked: dict[str, Any],
                                                          tmp_path: Path) -> None:
    enrolled = upper.consolidation.communes()
    assert [(c.unit_code, c.unit_name) for c in enrolled] == [(UNIT, "Phường Ba Đình")]
    assert enrolled[0].fingerprint == desk.sync.commune_public_key().fingerprint()
    assert upper.consolidation.enrol(linked["commune_key"]).status == "unchanged"
    new_key = CommuneKeys.generate(UNIT, "Phường Ba Đình").public()
    new_key.write(tmp_path / "khoa-moi.json")
    replaced = upper.consolidation.enrol(tmp_path / "khoa-moi.json")
    assert replaced.status == "replaced" and replaced.previous == enrolled[0].fingerprint
    assert upper.consolidation.communes()[0].fingerprint == new_key.fingerprint()
    audit = [json.loads(r["detail"]) for r in upper.database.query(
        "SELECT detail FROM audit_log WHERE action = 'consolidation.enrol' ORDER BY id")]
    assert [a["status"] for a in audit] == ["new", "replaced"]
    for unit, code in ((UPPER_DESK_UNIT, "consolidation.enrol_own_unit"), ("00007", "consolidation.enrol_outside")):
        CommuneKeys.generate(unit, "Xã Khác").public().write(tmp_path / f"{unit}.json")
        with pytest.raises(UserError) as caught:
            upper.consolidation.enrol(tmp_path / f"{unit}.json")
        assert caught.value.code == code


def test_packages_in_any_order_leave_the_upper_level_holding_the_communes_records(
        desk: Desk, upper: Desk, linked: dict[str, Any], tmp_path: Path) -> None:
    service = upper.consolidation
    own = upper.intake.register_visit(visit(when="2026-03-10", who=no_paper("Trịnh Văn Tỉnh", "Tổ 3")))
    first = desk.sync.export(_folder(tmp_path, "usb-1"))

    # A dry run counts, decrypts and writes nothing at all.
    before = counts(upper)
    trial = service.import_package(first.path, dry_run=True)
    assert trial.status == "accepted" and trial.dry_run and trial.totals()["new"] > 100
    assert counts(upper) == before and service.received() == []

    acks = _folder(tmp_path, "xac-nhan")
    done = service.import_package(first.path, ack_folder=acks)
    assert done.counts == trial.counts and not done.dry_run
    assert done.ack_path == acks / ack_file_name(UNIT, 1) and done.ack_path.exists()
    assert _records(upper) == _records(desk)
    assert upper.database.scalar("SELECT count(*) FROM visits WHERE unit_code = ?", (UNIT,)) == \
        desk.database.scalar("SELECT count(*) FROM visits")

    # The protected person's identity is sealed at rest with the upper desk's key, readable there with a reason.
    protected = linked["denouncer"].citizen_uuid
    held = upper.database.one("SELECT full_name, sealed_identity, unit_code FROM citizens WHERE uuid = ?",
                              (protected,))
    assert held["full_name"] == MASKED_NAME and held["sealed_identity"] is not None and held["unit_code"] == UNIT
    assert upper.privacy.reveal("citizen", protected, REASON)["full_name"] == PROTECTED_NAME
    assert upper.privacy.reveal("visit", linked["denouncer"].uuid, REASON)["id_number"] == PROTECTED_ID
    assert PROTECTED_NAME not in _plain_texts(upper) and PROTECTED_ID not in _plain_texts(upper)
    assert upper.logbook.search("Lương Thị Kín") == []

    # The commune takes the acknowledgement: its watermark moves.
    desk.sync.import_ack(done.ack_path)
    assert desk.sync.watermark() == first.manifest.change_to

    # Package 2 is "lost" on a stick; package 3 carries its changes again, and more. The upper level gets 3, then 2.
    desk.intake.register_visit(visit(when="2026-03-10", citizen_uuid=protected, summary="Bổ sung tài liệu tố cáo",
                                     who=citizen(PROTECTED_NAME, id_number=PROTECTED_ID, birth_year=1990,
                                                 gender="female", phone=NEW_PHONE),
                                     cases=[case("denunciation", "corruption", "Tố cáo bổ sung")]))
    land = desk.intake.register_visit(visit(when="2026-03-10", who=no_paper("Mai Văn Mới"))).case_uuids[0]
    second = desk.sync.export(_folder(tmp_path, "usb-2"))
    desk.cases.conclude(land, "Đã giải quyết xong theo quy định")
    desk.intake.register_visit(visit(when="2026-03-10", who=no_paper("Hà Văn Sau")))
    third = desk.sync.export(_folder(tmp_path, "usb-3"))
    assert third.manifest.change_from == second.manifest.change_from == first.manifest.change_to + 1

    later = service.import_package(third.path, ack_folder=acks)
    assert later.status == "accepted" and later.gaps == (2,) and not later.out_of_order
    earlier = service.import_package(second.path, ack_folder=acks)
    assert earlier.status == "accepted" and earlier.out_of_order and earlier.gaps == ()
    assert earlier.totals()["new"] == 0 and earlier.totals()["updated"] == 0
    # The case concluded after package 2 was made: package 2's copy is older and leaves the held one in place.
    assert earlier.counts["case"]["rejected"] == 1 and earlier.rejections[0]["params"]["uuid"] == land
    assert _records(upper) == _records(desk)
    assert _records(upper, opened=True) == _records(desk, opened=True)
    assert PROTECTED_NAME not in _plain_texts(upper) and NEW_PHONE not in _plain_texts(upper)
    for period in (month_period(2026, 3), month_period(2026, 2)):
        assert upper.reports.reception_results(period, unit_code=UNIT) == desk.reports.reception_results(period)

    # The upper level's own reception desk goes on beside the communes' records.
    assert upper.database.one("SELECT unit_code, logbook_no FROM visits WHERE uuid = ?", (own.uuid,))[:] == \
        (UPPER_DESK_UNIT, 1)
    mine = upper.intake.register_visit(visit(when="2026-03-10", who=no_paper("Đào Thị Huyện", "Tổ 4")))
    assert (mine.logbook_no, upper.reports.reception_results(month_period(2026, 3),
                                                              unit_code=UPPER_DESK_UNIT).current.total.visits) == (2, 2)

    desk.sync.import_ack(acks / ack_file_name(UNIT, 3))
    assert desk.sync.watermark() == third.manifest.change_to
    late_ack = desk.sync.import_ack(acks / ack_file_name(UNIT, 2))
    assert late_ack.accepted and land in late_ack.reasons[0] and "cũ hơn" in late_ack.reasons[0]
    assert desk.sync.watermark() == third.manifest.change_to
    [row] = service.oversight()
    assert (row.commune.unit_code, row.last_sequence, row.last_status) == (UNIT, 2, "accepted")
    assert row.gaps == () and row.missing_changes == () and row.accepted_packages == 3
    assert row.records == len(_records(desk))
    log = service.received(UNIT)
    assert [(r["sequence"], r["status"]) for r in log] == [(2, "accepted"), (3, "accepted"), (1, "accepted")]
    assert log[-1]["counts"] == done.counts
    actions = [r["action"] for r in upper.database.query("SELECT action FROM audit_log WHERE action LIKE "
                                                         "'consolidation.%' ORDER BY id")]
    assert actions == ["consolidation.initialise", "consolidation.enrol"] + ["consolidation.import"] * 3


def test_the_upper_desks_file_and_wal_hold_no_protected_identity(desk: Desk, upper: Desk, linked: dict[str, Any],
                                                                  tmp_path: Path) -> None:
    """Identities opened from the package are sealed again inside the import's transaction: not a byte of them
    reaches the database file or its write-ahead log, on the first import or on an update."""
    upper.consolidation.import_package(desk.sync.export(_folder(tmp_path, "usb-1")).path)
    protected = linked["denouncer"].citizen_uuid
    desk.intake.register_visit(visit(when="2026-03-10", citizen_uuid=protected, summary="Bổ sung tài liệu",
                                     who=citizen(PROTECTED_NAME, id_number=PROTECTED_ID, birth_year=1990,
                                                 gender="female", phone=NEW_PHONE),
                                     cases=[case("denunciation", "corruption", "Tố cáo bổ sung")]))
    upper.consolidation.import_package(desk.sync.export(_folder(tmp_path, "usb-2")).path)
    upper.database.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    path = upper.database.path
    wal = path.with_name(path.name + "-wal")
    blob = path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    for value in (PROTECTED_NAME, PROTECTED_ID, NEW_PHONE):
        for form in {unicodedata.normalize("NFC", value), unicodedata.normalize("NFD", value), fold(value),
                     json.dumps(value)[1:-1]}:
            assert form.encode("utf-8") not in blob, form
    assert upper.privacy.reveal("citizen", protected, REASON)["phone"] == NEW_PHONE


def test_the_same_package_twice_changes_nothing_and_can_be_acknowledged_again(
        desk: Desk, upper: Desk, linked: dict[str, Any], tmp_path: Path) -> None:
    info = desk.sync.export(_folder(tmp_path, "usb"))
    upper.consolidation.import_package(info.path)
    before = counts(upper), _records(upper)
    again = upper.consolidation.import_package(info.path, ack_folder=_folder(tmp_path, "acks"))
    assert again.status == "duplicate" and again.counts == {} and again.ack_path is not None
    assert (counts(upper), _records(upper)) == before
    assert [r["status"] for r in upper.consolidation.received(UNIT)] == ["duplicate", "accepted"]
    ack = desk.sync.import_ack(again.ack_path)  # the acknowledgement lost the first time, written again
    assert ack.accepted and ack.counts["visit"]["new"] > 0 and ack.messages
    assert desk.sync.watermark() == info.manifest.change_to
    assert upper.consolidation.import_package(info.path, dry_run=True).status == "duplicate"


def _other_commune_package(desk: Desk, tmp_path: Path, keys_file: Path) -> Path:
    """A package from commune 00025 (Phường Giảng Võ), which is not enrolled: fields only."""
    signer = CommuneKeys.generate("00025", "Phường Giảng Võ")
    fields = [{"entity": "field", "code": "land", "name_vi": "Đất đai", "name_en": "Land", "active": True}]
    manifest = ManifestFields("00025", 1, 0, 1, 1, "f", "r", "", "2026-03-10T09:00:00+07:00")
    return write_package(tmp_path / "00025-00001.rdsync", manifest, fields, signing_key=signer,
                         upper_keys=UpperLevelPublicKeys.read(keys_file)).path


def _spoiled(name: str, desk: Desk, tmp_path: Path, linked: dict[str, Any]) -> tuple[Path, str]:
    """A hostile file and the refusal it must meet."""
    good = desk.sync.export(_folder(tmp_path, "usb")).path
    data = good.read_bytes()
    spoil: dict[str, Callable[[], tuple[Path, str]]] = {
        "not_enrolled": lambda: (_other_commune_package(desk, tmp_path, linked["keys"]),
                                 "consolidation.not_enrolled"),
        "truncated": lambda: (_write(tmp_path / "cut.rdsync", data[:len(data) // 2]), "sync.package_truncated"),
        "flipped": lambda: (_write(tmp_path / "flip.rdsync", data[:300] + bytes([data[300] ^ 1]) + data[301:]),
                            "sync.package_damaged"),
        "not_a_package": lambda: (_write(tmp_path / "thu.rdsync", "Kính gửi UBND phường".encode()),
                                  "sync.package_not_ours"),
        "missing": lambda: (tmp_path / "khong-co.rdsync", "sync.package_not_found"),
        "other_upper": lambda: (_for_other_upper(desk, tmp_path, "02"), "consolidation.package_other_upper"),
        "other_upper_key": lambda: (_for_other_upper(desk, tmp_path, "01"), "sync.package_other_recipient"),
        "other_signer": lambda: (_resigned(desk, tmp_path, linked), "sync.package_other_signer"),
    }
    return spoil[name]()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _for_other_upper(desk: Desk, tmp_path: Path, unit: str) -> Path:
    other = UpperLevelKeys.generate(unit, "Ủy ban nhân dân tỉnh Khác")
    other.public().write(tmp_path / f"khac-{unit}.json")
    desk.sync.import_upper_keys(tmp_path / f"khac-{unit}.json")
    return desk.sync.export(_folder(tmp_path, f"usb-{unit}")).path


def _resigned(desk: Desk, tmp_path: Path, linked: dict[str, Any]) -> Path:
    """The commune's unit, but another signing key (a forger, or a new key never enrolled)."""
    forger = CommuneKeys.generate(UNIT, "Phường Ba Đình")
    manifest = ManifestFields(UNIT, 9, 0, 1, 1, "f", "r", "", "2026-03-10T09:00:00+07:00")
    fields = [{"entity": "field", "code": "land", "name_vi": "Đất đai", "name_en": "Land", "active": True}]
    return write_package(tmp_path / f"{UNIT}-00009.rdsync", manifest, fields, signing_key=forger,
                         upper_keys=UpperLevelPublicKeys.read(linked["keys"])).path


@pytest.mark.parametrize("name", ["not_enrolled", "truncated", "flipped", "not_a_package", "missing", "other_upper",
                                  "other_upper_key", "other_signer"])
def test_a_hostile_file_is_refused_clearly_and_changes_no_record(desk: Desk, upper: Desk, linked: dict[str, Any],
                                                                 tmp_path: Path, name: str) -> None:
    upper.consolidation.import_package(desk.sync.export(_folder(tmp_path, "usb-0")).path)
    path, code = _spoiled(name, desk, tmp_path, linked)
    before = counts(upper), _records(upper)
    for dry_run in (True, False):
        with pytest.raises(UserError) as caught:
            upper.consolidation.import_package(path, dry_run=dry_run, ack_folder=_folder(tmp_path, "acks"))
        assert caught.value.code == code
        message = caught.value.render("vi")
        assert path.name in message and "{" not in message and "Traceback" not in message
        assert "{" not in caught.value.render("en")
    assert (counts(upper), _records(upper)) == before
    assert list((tmp_path / "acks").iterdir()) == []
    log = upper.consolidation.received()
    assert [(r["status"], r["reason"]) for r in log[:1]] == [("rejected", code)]
    assert len(log) == 2  # the refusal (once: the dry run logs nothing) and the first, accepted package
    if name in ("truncated", "not_a_package"):  # no manifest could be read: the log keeps the file's hash
        assert log[0]["sha256"] is not None and log[0]["unit_code"] is None
    if name == "flipped":  # the manifest reads (the byte is in the payload), but the signature does not verify
        assert log[0]["unit_code"] == UNIT and log[0]["sha256"] is not None
    [row] = upper.consolidation.oversight()
    assert row.last_status == ("rejected" if log[0]["unit_code"] == UNIT else "accepted")


def test_records_that_do_not_fit_refuse_the_whole_package(desk: Desk, upper: Desk, linked: dict[str, Any],
                                                          tmp_path: Path) -> None:
    """A signed package whose records refer to a case the upper level never received (a commune desk restored
    from an old backup, say): refused whole by the interchange checks, logged, nothing written."""
    signer = desk.sync.commune_keys()
    record = {"entity": "assignment", "uuid": "0f0e0d0c-0b0a-4000-8000-000000000001", "unit_code": UNIT,
              "created_at": "2026-03-10T09:00:00+07:00", "updated_at": "2026-03-10T09:00:00+07:00", "epoch": 0,
              "version": 1, "voided": False, "void_reason": None, "voided_at": None,
              "session": "0f0e0d0c-0b0a-4000-8000-000000000002", "case": "0f0e0d0c-0b0a-4000-8000-000000000003",
              "assignee": "Công chức địa chính", "task": "Kiểm tra", "assigned_on": "2026-03-10",
              "deadline": "2026-03-20", "result": "", "result_on": None, "citizen_told_on": None,
              "citizen_told_how": ""}
    manifest = ManifestFields(UNIT, 5, 0, 1, 1, "f", "r", "", "2026-03-10T09:00:00+07:00")
    path = write_package(tmp_path / "00004-00005.rdsync", manifest, [record], signing_key=signer,
                         upper_keys=UpperLevelPublicKeys.read(linked["keys"])).path
    before = counts(upper)
    with pytest.raises(UserError) as caught:
        upper.consolidation.import_package(path)
    assert caught.value.code.startswith("interchange.")
    assert counts(upper) == before
    assert upper.consolidation.received()[0]["status"] == "rejected"
    assert inspect_package(path).sequence == 5


def _zip(path: Path, entries: list[tuple[str, bytes]], *, compress: bool = False) -> Path:
    import zipfile

    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(path, "w", compression=method) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return path


def _signed(desk: Desk, tmp_path: Path, linked: dict[str, Any], records: list[dict[str, Any]], name: str) -> Path:
    """A package signed with the commune's real, enrolled key, holding `records` as given."""
    manifest = ManifestFields(UNIT, 40, 0, 1, 1, "f", "r", "", "2026-03-10T09:00:00+07:00")
    return write_package(tmp_path / name, manifest, records, signing_key=desk.sync.commune_keys(),
                         upper_keys=UpperLevelPublicKeys.read(linked["keys"])).path


@pytest.mark.parametrize("name", ["zip_bomb", "dot_dot", "absolute", "duplicate_uuids", "unknown_entity"])
def test_crafted_packages_are_refused_and_change_no_record(desk: Desk, upper: Desk, linked: dict[str, Any],
                                                           tmp_path: Path, name: str) -> None:
    upper.consolidation.import_package(desk.sync.export(_folder(tmp_path, "usb-0")).path)
    good = json.loads(_zip_entry(desk.sync.export(_folder(tmp_path, "usb-1")).path, "manifest.json"))
    citizen_record = next(r for r in _records(desk) if r["entity"] == "citizen")
    crafted = {
        # 200 MB of zeros in a few hundred kilobytes: never inflated, a package's parts are stored, not deflated.
        "zip_bomb": lambda: _zip(tmp_path / "bom.rdsync", [("manifest.json", json.dumps(good).encode()),
                                                           ("payload.bin", bytes(200 * 2**20))], compress=True),
        "dot_dot": lambda: _zip(tmp_path / "cham.rdsync", [("../manifest.json", json.dumps(good).encode())]),
        "absolute": lambda: _zip(tmp_path / "tuyet-doi.rdsync", [("/etc/manifest.json", json.dumps(good).encode())]),
        "duplicate_uuids": lambda: _signed(desk, tmp_path, linked, [citizen_record, citizen_record], "trung.rdsync"),
        "unknown_entity": lambda: _signed(desk, tmp_path, linked, [{**citizen_record, "entity": "spaceship"}],
                                          "la.rdsync"),
    }
    path = crafted[name]()
    before = counts(upper), _records(upper)
    with pytest.raises(UserError) as caught:
        upper.consolidation.import_package(path, ack_folder=_folder(tmp_path, "acks"))
    message = caught.value.render("vi")
    assert "Traceback" not in message and "{" not in message
    if name in ("duplicate_uuids", "unknown_entity"):  # the record's place in the package and what is wrong
        assert ("UUID đã xuất hiện" if name == "duplicate_uuids" else "“spaceship”") in message
    else:
        assert path.name in message
    assert (counts(upper), _records(upper)) == before
    assert list((tmp_path / "acks").iterdir()) == []


def _zip_entry(path: Path, name: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def test_a_first_big_package_into_an_empty_upper_desk_takes_the_bulk_path(desk: Desk, upper: Desk, linked: dict,
                                                                           tmp_path: Path, monkeypatch) -> None:
    """The bulk path leaves WAL mode for its load and comes back to it; the checkpoint that follows (no old page
    keeps a protected name) must find the log open, and the acknowledgement must be written."""
    from receptiondesk.services import interchange

    monkeypatch.setattr(interchange, "BULK_MIN_RECORDS", 50)
    package = desk.sync.export(_folder(tmp_path, "usb"))
    result = upper.consolidation.import_package(package.path, ack_folder=_folder(tmp_path, "acks"))
    assert result.status == "accepted" and result.ack_path is not None and result.ack_path.exists()
    sent = package.manifest.counts
    assert result.totals()["new"] == sum(sent.values()) - sent["field"]  # the fields are the desk's own already
    assert upper.database.scalar("PRAGMA journal_mode") == "wal"
    assert upper.consolidation.received()[0]["counts"] == result.counts
    assert PROTECTED_NAME not in _plain_texts(upper)


def _search_index_bytes(desk: Desk) -> bytes:
    """Every block of the search indexes as stored (a deleted entry's tokens stay in them until a merge)."""
    from receptiondesk.storage.search import SEARCH_TABLES

    return b"".join(bytes(row[0] or b"") for fts, _ in SEARCH_TABLES.values()
                    for row in desk.database.query(f"SELECT block FROM {fts}_data"))


@pytest.mark.parametrize("bulk", [False, True])
def test_a_protected_identity_never_enters_the_upper_levels_search_index(desk: Desk, upper: Desk, linked: dict,
                                                                          tmp_path: Path, monkeypatch,
                                                                          bulk: bool) -> None:
    """The writer indexes an identity that arrives included (protected) without it, so no copy of its tokens is
    left in the search index's blocks, even before any merge; the protected person stays searchable by content."""
    from receptiondesk.services import interchange

    desk.intake.register_visit(visit(
        when="2026-03-10", summary="Tố cáo việc thu tiền sai quy định", who=citizen("Quách Thị Zuzu", id_number="001190054321", birth_year=1991,
                                      gender="female", address="Xóm Zoza, thôn Kẽm"),
        cases=[case("denunciation", "corruption", "Tố cáo việc thu tiền sai quy định")]))
    if bulk:
        monkeypatch.setattr(interchange, "BULK_MIN_RECORDS", 50)
    else:  # the upper desk already holds records of its own: the ordinary path
        upper.intake.register_visit(visit(when="2026-03-09", who=citizen("Phan Văn Đông")))
    package = desk.sync.export(_folder(tmp_path, "usb"))
    assert upper.consolidation.import_package(package.path).status == "accepted"
    stored = _search_index_bytes(upper)
    # Terms are stored prefix-compressed ("zoza", then "zuzu" as "z" + "uzu"): look for what is always written.
    assert b"oza" not in stored and b"uzu" not in stored
    found = upper.logbook.search("thu tiền sai quy định")
    assert found and all(row["full_name"] == MASKED_NAME for row in found if row["summary"].startswith("Tố cáo việc"))


def test_a_person_protected_after_a_package_is_merged_out_of_the_upper_levels_search_index(
        desk: Desk, upper: Desk, linked: dict, tmp_path: Path) -> None:
    """A citizen the upper level holds in plain (a complaint) who later denounces is protected at the commune; the
    next package replaces the held entries, and the index is merged so no old copy of the name's tokens stays."""
    upper.intake.register_visit(visit(when="2026-03-09", who=citizen("Phan Văn Đông")))  # the ordinary path
    someone = citizen("Quách Văn Zuzu", id_number="001090054321", birth_year=1990, address="Xóm Zoza, thôn Kẽm")
    first = desk.intake.register_visit(visit(when="2026-03-05", who=someone))
    assert upper.consolidation.import_package(desk.sync.export(_folder(tmp_path, "usb-1")).path).status == "accepted"
    assert b"oza" in _search_index_bytes(upper)  # held in plain, as the commune held it
    desk.intake.register_visit(visit(when="2026-03-10", citizen_uuid=first.citizen_uuid, who=someone,
                                     summary="Tố cáo cán bộ thu tiền",
                                     cases=[case("denunciation", "corruption", "Tố cáo cán bộ thu tiền")]))
    result = upper.consolidation.import_package(desk.sync.export(_folder(tmp_path, "usb-2")).path)
    assert result.counts["citizen"]["updated"] == 1
    stored = _search_index_bytes(upper)
    assert b"oza" not in stored and b"uzu" not in stored


def test_a_commune_that_restored_a_backup_starts_a_new_history_at_the_upper_level(desk: Desk, upper: Desk,
                                                                                  linked: dict, tmp_path: Path) -> None:
    """The commune sends two packages, then restores a backup taken before them (a new restore epoch: its package
    numbers start again, its records change in the new epoch). Its next package is accepted as its new history,
    not as out of order; what the upper level received before is kept; an old history's package handed in again
    changes nothing; the new history's acknowledgement has a name of its own and the restored commune takes it."""
    backup = desk.backups.back_up()
    acks = _folder(tmp_path, "acks")
    first = desk.sync.export(_folder(tmp_path, "usb-1"))
    desk.sync.import_ack(upper.consolidation.import_package(first.path, ack_folder=acks).ack_path)
    lost = desk.intake.register_visit(visit(when="2026-03-10", who=citizen("Hồ Văn Mất")))
    second = desk.sync.export(_folder(tmp_path, "usb-2"))
    assert upper.consolidation.import_package(second.path).sequence == 2

    desk.backups.restore(backup.path)
    assert desk.sync.watermark() == 0
    again = desk.intake.register_visit(visit(when="2026-03-10", who=citizen("Lê Thị Mới")))
    renewed = desk.sync.export(_folder(tmp_path, "usb-3"))
    assert renewed.manifest.sequence == 1 and renewed.manifest.restore_epoch == 1
    result = upper.consolidation.import_package(renewed.path, ack_folder=acks)
    assert result.status == "accepted" and result.new_history and not result.out_of_order
    assert result.restore_epoch == 1 and result.gaps == ()
    held = {r["uuid"] for r in upper.database.query("SELECT uuid FROM visits")}
    assert {lost.uuid, again.uuid} <= held  # nothing received is ever lost
    version = upper.database.one("SELECT epoch, version FROM visits WHERE uuid = ?", (again.uuid,))
    assert tuple(version) == (1, 1)
    log = upper.consolidation.received(UNIT)
    assert [(r["sequence"], r["restore_epoch"]) for r in log[:3]] == [(1, 1), (2, 0), (1, 0)]
    # The old history's second package, handed in again: seen before, nothing changes.
    copy = tmp_path / "ban-sao.rdsync"
    copy.write_bytes(second.path.read_bytes())
    late = upper.consolidation.import_package(copy)
    assert late.status == "duplicate"
    assert desk.sync.import_ack(result.ack_path).package_sequence == 1

"""Sync from the commune: a package holds every change since the last accepted one (a lost package loses
nothing), decrypts with the upper level's keys to the interchange records, never shows a protected identity with
the general key alone; acknowledgements move the watermark, and every bad one changes nothing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from receptiondesk.demo.loader import generate_into
from receptiondesk.domain.report_periods import month_period
from receptiondesk.domain.text import fold
from receptiondesk.errors import UserError
from receptiondesk.services.interchange import export_lines
from receptiondesk.services.sync import SEALED_FIELDS
from receptiondesk.sync.ack import Ack, encode_ack
from receptiondesk.sync.crypto import IdentityPolicy, open_record
from receptiondesk.sync.keys import UpperLevelKeys
from receptiondesk.sync.package import read_package
from tests.services.helpers import case, citizen, counts, no_paper, visit

PROTECTED_NAME = "Lương Thị Kín"
PROTECTED_ID = "001190012345"
POLICY = IdentityPolicy(is_protected=lambda r: r.get("identity") == "sealed", fields=SEALED_FIELDS)


@pytest.fixture
def upper(tmp_path) -> UpperLevelKeys:
    return UpperLevelKeys.generate("01", "Ủy ban nhân dân thành phố Hà Nội")


@pytest.fixture
def linked(desk, upper, tmp_path):
    """A desk with generated data, a protected denouncer, a voided visit, the upper level's public keys in."""
    generate_into(desk.context, "commune", visits=120, until=date(2026, 3, 9))
    saved = desk.intake.register_visit(visit(when="2026-03-10", who=citizen(PROTECTED_NAME, id_number=PROTECTED_ID, birth_year=1990, gender="female"),
                                             cases=[case("denunciation", "corruption", "Tố cáo cán bộ địa chính")]))
    wrong = desk.intake.register_visit(visit(when="2026-03-10", who=no_paper("Đỗ Văn Nhầm")))
    desk.voiding.void("visit", wrong.uuid, "Ghi nhầm người")
    public = tmp_path / "khoa-cap-tren.json"
    upper.public().write(public)
    desk.sync.import_upper_keys(public)
    return saved


def _open(desk, upper, path: Path, keys=None):
    return read_package(path, commune_public_key=desk.sync.commune_public_key(),
                        upper_private_keys=keys or upper)


def _ack(desk, upper, info, *, accepted=True, unit=None, sequence=None, sha=None, **extra) -> bytes:
    ack = Ack(upper.unit_code, upper.unit_name, unit or desk.context.settings.unit_code,
              sequence or info.manifest.sequence, sha or info.sha256, accepted, "2026-03-11T08:00:00+07:00", **extra)
    return encode_ack(ack, signing_key=upper)


@pytest.mark.parametrize("seed", [7, 20251231, 4242])
def test_the_package_decrypts_to_the_interchange_records(desk, upper, tmp_path, seed):
    """Random desk data (the generator's, by seed: voids, letters, sessions, assignments), a protected denouncer."""
    generate_into(desk.context, "commune", visits=80, until=date(2026, 3, 9), seed=seed)
    desk.intake.register_visit(visit(when="2026-03-10", who=citizen(PROTECTED_NAME, id_number=PROTECTED_ID,
                                                                      birth_year=1990, gender="female"),
                                     cases=[case("denunciation", "corruption", "Tố cáo cán bộ địa chính")]))
    upper.public().write(tmp_path / "upper.json")
    desk.sync.import_upper_keys(tmp_path / "upper.json")
    info = desk.sync.export(tmp_path)
    assert info.path.name == f"{desk.context.settings.unit_code}-00001.rdsync"
    opened = _open(desk, upper, info.path)
    got = [open_record(r, POLICY, upper.confidential) for r in opened.records()]
    expected = [json.loads(line) for _, line in export_lines(desk.database.conn, desk.context.session.identities.open)]
    for record in expected:
        if record.get("identity") == "included":
            record["identity"] = "sealed"
    order = {entity: position for position, entity in enumerate(("field", "signer", "citizen", "case", "session",
                                                                 "visit", "letter", "assignment", "attachment"))}

    def key(record):
        return order[record["entity"]], record.get("uuid") or record.get("code")

    # The package carries each entity's records in the order of their changes; the same records, byte for byte.
    assert [r["entity"] for r in got] == sorted((r["entity"] for r in got), key=order.__getitem__)
    assert sorted(got, key=key) == sorted(expected, key=key)
    assert any(r.get("identity") == "sealed" and r["full_name"] == PROTECTED_NAME for r in got)
    assert any(r.get("voided") for r in got) and {r["entity"] for r in got} >= {"citizen", "case", "visit",
                                                                                 "letter", "session", "assignment"}
    history = desk.sync.packages()
    assert [(p["sequence"], p["status"], p["change_from"]) for p in history] == [(1, "sent", 1)]
    assert history[0]["records"] == len(expected)


def test_no_protected_identity_with_the_general_key_alone(desk, upper, linked, tmp_path):
    desk.report_builder.mark_submitted(desk.report_builder.build(month_period(2026, 2), "state"))
    info = desk.sync.export(tmp_path, with_documents=True)
    opened = _open(desk, upper, info.path, keys=upper.without_confidential())
    texts = [json.dumps(r, ensure_ascii=False) for r in opened.records()]
    texts += [content.decode("latin-1") for _, content in opened.documents()]
    reports = list(opened.reports())
    assert [name.rsplit(".", 1)[1] for name, _ in reports] == ["json", "pdf"]
    texts += [content.decode("latin-1") for _, content in reports]
    blob = "\n".join(texts)
    for needle in (PROTECTED_NAME, PROTECTED_ID, json.dumps(PROTECTED_NAME)[1:-1]):
        assert needle not in blob
    assert fold(PROTECTED_NAME) not in fold(blob)


def test_a_lost_package_loses_nothing_and_an_acknowledged_one_moves_the_watermark(desk, upper, linked, tmp_path):
    lost_stick = tmp_path / "usb"
    lost_stick.mkdir()
    first = desk.sync.export(lost_stick)
    # The stick with package 1 is lost: package 2 carries everything again, and the new visit.
    desk.intake.register_visit(visit(when="2026-03-10", who=no_paper("Mai Văn Mới")))
    second = desk.sync.export(tmp_path)
    assert second.manifest.sequence == 2 and second.manifest.change_from == 1
    assert sum(second.manifest.counts.values()) > sum(first.manifest.counts.values())
    ack = tmp_path / "xac-nhan-2.json"
    ack.write_bytes(_ack(desk, upper, second, messages=("Đã nhận đủ.",), known_cases=("ab" * 32,)))
    desk.sync.import_ack(ack)
    assert desk.sync.watermark() == second.manifest.change_to
    assert desk.database.scalar("SELECT count(*) FROM known_case_hashes") == 1
    # Only what changed after the accepted package travels next.
    desk.intake.register_visit(visit(when="2026-03-10", who=no_paper("Hà Văn Sau")))
    third = desk.sync.export(tmp_path)
    assert third.manifest.change_from == second.manifest.change_to + 1
    entities = {r["entity"] for r in _open(desk, upper, third.path).records()} - {"field"}
    assert entities == {"citizen", "case", "visit"}
    names = {r.get("full_name") for r in _open(desk, upper, third.path).records() if r["entity"] == "visit"}
    assert names == {"Hà Văn Sau"}
    statuses = {p["sequence"]: p["status"] for p in desk.sync.packages()}
    assert statuses == {1: "sent", 2: "accepted", 3: "sent"}
    assert desk.sync.status().pending_changes > 0


@pytest.mark.parametrize("spoil", ["other_unit", "other_package", "other_sha", "flipped", "not_an_ack", "other_key",
                                   "replay"])
def test_a_bad_acknowledgement_changes_nothing(desk, upper, linked, tmp_path, spoil):
    info = desk.sync.export(tmp_path)
    good = _ack(desk, upper, info)
    content = {
        "other_unit": lambda: _ack(desk, upper, info, unit="00007"),
        "other_package": lambda: _ack(desk, upper, info, sequence=9),
        "other_sha": lambda: _ack(desk, upper, info, sha="0" * 64),
        "flipped": lambda: good[:40] + bytes([good[40] ^ 1]) + good[41:],
        "not_an_ack": lambda: b'{"hello": "world"}',
        "other_key": lambda: encode_ack(Ack(upper.unit_code, upper.unit_name, desk.context.settings.unit_code,
                                            1, info.sha256, True, "2026-03-11T08:00:00+07:00"),
                                        signing_key=UpperLevelKeys.generate(upper.unit_code, upper.unit_name)),
        "replay": lambda: good,
    }[spoil]()
    if spoil == "replay":
        (tmp_path / "lan-1.json").write_bytes(good)
        desk.sync.import_ack(tmp_path / "lan-1.json")
    before = counts(desk), desk.sync.packages(), desk.sync.watermark()
    path = tmp_path / "xac-nhan.json"
    path.write_bytes(content)
    with pytest.raises(UserError) as caught:
        desk.sync.import_ack(path)
    assert caught.value.render("vi") and "Traceback" not in caught.value.render("vi")
    assert (counts(desk), desk.sync.packages(), desk.sync.watermark()) == before


def test_the_policy_can_leave_protected_identities_out(desk, upper, linked, tmp_path):
    desk.setup.update_settings(sync_protected="omit")
    info = desk.sync.export(tmp_path)
    records = list(_open(desk, upper, info.path).records())
    assert not any("sealed_identity" in r for r in records)
    assert not any(r.get("full_name") == PROTECTED_NAME for r in records)
    assert any(r.get("identity") == "withheld" for r in records)
    with pytest.raises(UserError) as caught:
        desk.setup.update_settings(sync_protected="open")
    assert caught.value.code == "sync.policy_unknown"


def test_a_failed_export_marks_nothing_as_sent(desk, upper, linked, tmp_path):
    with pytest.raises(UserError) as caught:
        desk.sync.export(tmp_path / "USB đã rút")
    assert "USB đã rút" in caught.value.render("vi")
    assert desk.sync.packages() == [] and desk.sync.watermark() == 0


def test_export_needs_the_upper_levels_keys(desk, tmp_path):
    with pytest.raises(UserError) as caught:
        desk.sync.export(tmp_path)
    assert caught.value.code == "sync.no_upper_keys"


def test_the_communes_key_is_made_once_kept_sealed_and_audited(desk, tmp_path):
    first = desk.sync.commune_public_key().fingerprint()
    assert desk.sync.commune_public_key().fingerprint() == first
    stored = desk.database.scalar("SELECT value FROM key_store WHERE name = 'sync.commune_keys'")
    assert stored is not None and b"signing" not in bytes(stored)
    path = desk.sync.write_commune_public_key(tmp_path / "khoa-xa.json")
    assert json.loads(path.read_text(encoding="utf-8"))
    assert len(first.words) == 8 and len(first.digits.split()) == 8


def test_a_stopped_export_leaves_no_file_and_marks_nothing(desk, upper, linked, tmp_path, monkeypatch):
    monkeypatch.setattr("receptiondesk.services.sync.PROGRESS_STEP", 50)
    seen: list[int] = []
    with pytest.raises(UserError) as caught:
        desk.sync.export(tmp_path, progress=seen.append, cancelled=lambda: len(seen) >= 2)
    assert caught.value.code == "sync.export_cancelled" and seen == [50, 100]
    assert list(tmp_path.glob("*.rdsync")) == [] and not any(p.name.endswith(".part") for p in tmp_path.iterdir())
    assert desk.sync.packages() == []
    finished = desk.sync.export(tmp_path, progress=seen.append)
    assert finished.path.exists() and seen[-1] >= 150

"""`receptiondesk sync` at the upper level, end to end with two data directories: the commune's filled desk
(00004) and the upper level's desk (set up for 00008, Hà Nội): upper-init, enrol, export, import (dry run, for
real, again), the acknowledgement read back at the commune, the oversight table; refusals exit with code 3."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from receptiondesk import paths
from receptiondesk.interchange.jsonl import read_file
from receptiondesk.services.desk import Desk
from tests.services.helpers import PASSWORD, USERNAME, citizen, visit

UNIT = "00004"
PROTECTED_NAME = "Lê Thị Mai"  # brought a denunciation on the filled desk


def _records(path: Path) -> list[dict]:
    """The records of unit 00004 in an interchange file."""
    _, lines = read_file(path)
    return [record for _, record in lines if record.get("unit_code") == UNIT]


def test_the_upper_level_enrols_imports_and_acknowledges(run, desk_dir: Path, tmp_path: Path) -> None:
    upper = tmp_path / "cap-tren"
    made = run("--data-dir", upper, "init", "--commune", "00008", "--officer", "Phạm Thị Tổng")
    assert made.code == 0, made.err
    refused = run("--data-dir", upper, "sync", "import", tmp_path / "none.rdsync")
    assert refused.code == 3 and "upper-init" in refused.err

    init = run("--data-dir", upper, "sync", "upper-init", "--public-keys", tmp_path / "cap-tren.json")
    assert init.code == 0, init.err
    assert "Ủy ban nhân dân thành phố Hà Nội" in init.out and str(tmp_path / "cap-tren.json") in init.out
    again = run("--data-dir", upper, "sync", "upper-init")
    assert again.code == 3 and "chỉ được tạo một lần" in again.err

    keys = run("--data-dir", desk_dir, "sync", "keys", "--import-upper", tmp_path / "cap-tren.json",
               "--export-public", tmp_path / "xa.json", "--json")
    assert keys.code == 0, keys.err
    fingerprints = json.loads(keys.out)
    upper_keys = run("--data-dir", upper, "sync", "keys", "--json")
    assert json.loads(upper_keys.out)["fingerprint"] == fingerprints["upper"]["fingerprint"]

    enrol = run("--data-dir", upper, "sync", "enrol", tmp_path / "xa.json")
    assert enrol.code == 0, enrol.err
    assert "Đã đăng ký Phường Ba Đình (mã 00004)" in enrol.out
    assert fingerprints["commune_fingerprint"]["digits"] in enrol.out  # read out by phone, both sides

    usb = tmp_path / "usb"
    usb.mkdir()
    exported = run("--data-dir", desk_dir, "sync", "export", usb, "--json")
    assert exported.code == 0, exported.err
    package = json.loads(exported.out)["file"]

    trial = run("--data-dir", upper, "sync", "import", package, "--dry-run", "--json")
    assert trial.code == 0, trial.err
    counted = json.loads(trial.out)
    assert counted["dry_run"] and counted["totals"]["new"] > 10 and counted["ack"] is None
    acks = tmp_path / "xac-nhan"
    acks.mkdir()
    done = run("--data-dir", upper, "sync", "import", package, "--ack-folder", acks)
    assert done.code == 0, done.err
    assert "Đã nhận gói số 1 của Phường Ba Đình" in done.out and "00004-00001.rdack" in done.out
    twice = run("--data-dir", upper, "sync", "import", package)
    assert twice.code == 0 and "đã được nhận trước đây" in twice.out

    ack = run("--data-dir", desk_dir, "sync", "import-ack", acks / "00004-00001.rdack")
    assert ack.code == 0 and "Cấp trên đã nhận gói số 1" in ack.out

    status = run("--data-dir", upper, "sync", "status")
    assert status.code == 0, status.err
    assert "Phường Ba Đình" in status.out and "nhận lại (trùng)" in status.out
    oversight = json.loads(run("--data-dir", upper, "sync", "status", "--json").out)
    [commune] = oversight["communes"]
    assert commune["unit_code"] == UNIT and commune["accepted_packages"] == 1 and commune["gaps"] == []

    # The upper level holds exactly the commune's records; the protected person's name stays sealed.
    for folder, name in ((desk_dir, "xa.jsonl"), (upper, "cap-tren.jsonl")):
        written = run("--data-dir", folder, "export", tmp_path / name)
        assert written.code == 0, written.err
    assert _records(tmp_path / "cap-tren.jsonl") == _records(tmp_path / "xa.jsonl")
    found = run("--data-dir", upper, "search", PROTECTED_NAME, "--json")
    assert found.code == 0 and PROTECTED_NAME not in found.out

    not_a_package = tmp_path / "thu.rdsync"
    not_a_package.write_text("Kính gửi UBND phường", encoding="utf-8")
    bad = run("--data-dir", upper, "sync", "import", not_a_package)
    assert bad.code == 3 and "không phải là gói dữ liệu đồng bộ" in bad.err
    cut = tmp_path / "cut.rdsync"
    cut.write_bytes(Path(package).read_bytes()[:-200])
    truncated = run("--data-dir", upper, "sync", "import", cut, "--json")
    assert truncated.code == 3 and "bị thiếu phần cuối" in truncated.err
    assert _records(tmp_path / "cap-tren.jsonl") == _records(tmp_path / "xa.jsonl")
    after = json.loads(run("--data-dir", upper, "sync", "status", "--json").out)["communes"][0]
    assert after["records"] == commune["records"]


def _visit_dates(folder: Path) -> tuple[str, str]:
    with sqlite3.connect(folder / paths.DATABASE_FILE) as conn:
        return conn.execute("SELECT min(visit_date), max(visit_date) FROM visits WHERE voided = 0").fetchone()


def _add_visit(folder: Path, when: str, name: str) -> None:
    """The commune records one more visit (at its window, between two packages)."""
    with Desk.open(folder / paths.DATABASE_FILE) as desk:
        desk.login(USERNAME, PASSWORD)
        desk.intake.register_visit(visit(when=when, who=citizen(name)))


def test_lost_package_wrong_order_consolidated_report_locks_and_rebuild(run, desk_dir: Path, empty_dir: Path,
                                                                         tmp_path: Path) -> None:
    upper = tmp_path / "cap-tren"
    assert run("--data-dir", upper, "init", "--commune", "00008", "--officer", "Phạm Thị Tổng").code == 0
    assert run("--data-dir", upper, "sync", "upper-init", "--public-keys", tmp_path / "cap-tren.json").code == 0
    assert run("--data-dir", desk_dir, "sync", "keys", "--import-upper", tmp_path / "cap-tren.json",
               "--export-public", tmp_path / "xa.json").code == 0
    assert run("--data-dir", upper, "sync", "enrol", tmp_path / "xa.json").code == 0
    year = _visit_dates(desk_dir)[1][:4]
    submitted = run("--data-dir", desk_dir, "report", "--period", year, "--kind", "reception", "--submit")
    assert submitted.code == 0, submitted.err

    usbs = [tmp_path / f"usb-{n}" for n in (1, 2, 3)]
    for usb in usbs:
        usb.mkdir()
    first = json.loads(run("--data-dir", desk_dir, "sync", "export", usbs[0], "--json").out)["file"]  # lost
    _add_visit(desk_dir, f"{year}-06-15", "Hồ Văn Thất Lạc")
    second = json.loads(run("--data-dir", desk_dir, "sync", "export", usbs[1], "--json").out)["file"]
    acks = tmp_path / "xac-nhan"
    acks.mkdir()
    later = run("--data-dir", upper, "sync", "import", second, "--ack-folder", acks, "--json")
    assert later.code == 0, later.err
    assert json.loads(later.out)["gaps"] == [1] and json.loads(later.out)["reports"] == 1
    found = run("--data-dir", upper, "sync", "import", first, "--json")  # the stick turns up: wrong order
    assert found.code == 0, found.err
    earlier = json.loads(found.out)
    assert earlier["out_of_order"] and earlier["gaps"] == [] and earlier["totals"]["new"] == 0
    assert earlier["totals"]["updated"] == 0  # the older package never overwrites what the newer one brought
    assert run("--data-dir", desk_dir, "sync", "import-ack", acks / "00004-00002.rdack").code == 0

    # The consolidated report equals the sum of the units' own reports: the commune's, and the upper level's own.
    own = {d: json.loads(run("--data-dir", d, "report", "--period", year, "--kind", "reception").out)
           for d in (desk_dir, upper)}
    consolidated = run("--data-dir", upper, "report", "--period", year, "--kind", "reception", "--consolidated")
    assert consolidated.code == 0, consolidated.err
    total = json.loads(consolidated.out)
    for key, value in own[desk_dir]["figures"].items():
        if isinstance(value, list) and not key.startswith("compliance."):
            assert total["figures"][key] == [value[i] + own[upper]["figures"][key][i] for i in (0, 1)], key
    assert total["figures"]["reception.total.visits"][0] == own[desk_dir]["figures"]["reception.total.visits"][0] > 0
    one = json.loads(run("--data-dir", upper, "report", "--period", year, "--kind", "reception", "--unit",
                         UNIT).out)
    assert one["figures"] == own[desk_dir]["figures"]
    # The report submitted before the visit added: its difference is named.
    assert "khác số liệu tính lại" in consolidated.err and "Phường Ba Đình" in consolidated.err

    reports = json.loads(run("--data-dir", upper, "sync", "reports", "--json").out)
    assert [(r["unit_code"], r["kind"], r["accepted_at"]) for r in reports] == [(UNIT, "reception", None)]
    accepted = run("--data-dir", upper, "sync", "accept-report", reports[0]["id"])
    assert accepted.code == 0 and "kỳ báo cáo đã khóa" in accepted.out
    _add_visit(desk_dir, f"{year}-06-16", "Vũ Thị Sửa Đổi")
    third = json.loads(run("--data-dir", desk_dir, "sync", "export", usbs[2], "--json").out)["file"]
    assert run("--data-dir", upper, "sync", "import", third).code == 0
    amended = run("--data-dir", upper, "report", "--period", year, "--kind", "reception", "--consolidated")
    assert "kỳ báo cáo đã khóa" in amended.err and "1 lượt tiếp" in amended.err
    listed = run("--data-dir", upper, "sync", "reports")
    assert listed.code == 0 and UNIT in listed.out and "reception" in listed.out

    # The commune's PC dies: its desk is rebuilt on a new one from what the upper level holds.
    rebuilt = run("--data-dir", upper, "sync", "rebuild", "--unit", UNIT, "--out", tmp_path / "khoi-phuc.jsonl")
    assert rebuilt.code == 0 and "khoi-phuc.jsonl" in rebuilt.out
    assert run("--data-dir", empty_dir, "import", tmp_path / "khoi-phuc.jsonl").code == 0
    for folder, name in ((desk_dir, "xa.jsonl"), (empty_dir, "may-moi.jsonl")):
        assert run("--data-dir", folder, "export", tmp_path / name).code == 0
    assert _records(tmp_path / "may-moi.jsonl") == _records(tmp_path / "xa.jsonl")
    unknown = run("--data-dir", upper, "sync", "rebuild", "--unit", "00007", "--out", tmp_path / "x.jsonl")
    assert unknown.code == 3 and "chưa được đăng ký" in unknown.err

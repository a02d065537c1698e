"""`receptiondesk sync` at the upper level, end to end with two data directories: the commune's filled desk
(00004) and the upper level's desk (set up for 00008, Hà Nội): upper-init, enrol, export, import (dry run, for
real, again), the acknowledgement read back at the commune, the oversight table; refusals exit with code 3."""

from __future__ import annotations

import json
from pathlib import Path

from receptiondesk.interchange.jsonl import read_file

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

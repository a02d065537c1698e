"""`receptiondesk sync`: keys (import the upper level's, export ours), export a package, read an
acknowledgement, status; clear refusals."""

from __future__ import annotations

import json

from receptiondesk.sync.ack import Ack, encode_ack
from receptiondesk.sync.keys import CommunePublicKey, UpperLevelKeys
from receptiondesk.sync.package import read_package


def test_keys_export_ack_and_status(run, desk_dir, tmp_path):
    upper = UpperLevelKeys.generate("01", "Ủy ban nhân dân thành phố Hà Nội")
    upper.public().write(tmp_path / "cap-tren.json")
    missing = run("--data-dir", desk_dir, "sync", "export", tmp_path)
    assert missing.code == 3 and "Chưa có khóa công khai của cấp trên" in missing.err
    keys = run("--data-dir", desk_dir, "sync", "keys", "--import-upper", tmp_path / "cap-tren.json",
               "--export-public", tmp_path / "xa.json")
    assert keys.code == 0, keys.err
    assert upper.public().fingerprint().digits in keys.out and "Khóa ký của xã" in keys.out
    exported = run("--data-dir", desk_dir, "sync", "export", tmp_path, "--json")
    assert exported.code == 0, exported.err
    package = json.loads(exported.out)
    assert package["sequence"] == 1 and package["changes"][0] == 1
    commune = CommunePublicKey.read(tmp_path / "xa.json")
    opened = read_package(package["file"], commune_public_key=commune, upper_private_keys=upper)
    assert sum(1 for _ in opened.records()) == sum(package["counts"].values())
    ack = encode_ack(Ack(upper.unit_code, upper.unit_name, commune.unit_code, 1, package["sha256"], True,
                         "2026-03-11T08:00:00+07:00", messages=("Đã nhận đủ.",)), signing_key=upper)
    (tmp_path / "xac-nhan.json").write_bytes(ack)
    read = run("--data-dir", desk_dir, "sync", "import-ack", tmp_path / "xac-nhan.json")
    assert read.code == 0 and "Cấp trên đã nhận gói số 1" in read.out and "Đã nhận đủ." in read.out
    again = run("--data-dir", desk_dir, "sync", "import-ack", tmp_path / "xac-nhan.json")
    assert again.code == 3 and "đã được xác nhận trước đây" in again.err
    status = run("--data-dir", desk_dir, "sync", "status", "--json")
    data = json.loads(status.out)
    assert data["watermark"] == package["changes"][1] and data["packages"][0]["status"] == "accepted"
    text_status = run("--data-dir", desk_dir, "sync", "status")
    assert "cấp trên đã nhận" in text_status.out

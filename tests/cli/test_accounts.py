"""The command line signs in: unknown users and wrong passwords are refused, roles apply, nothing leaks."""

from __future__ import annotations

import json

import pytest

from receptiondesk.cli import PASSWORD_VARIABLE, USER_VARIABLE
from tests.cli.helpers import opened
from tests.interchange.sample import CCCD_2

PROTECTED_NAME = "Lê Thị Mai"  # the sample's denouncer


def test_an_unknown_user_is_refused_clearly(run, desk_dir, monkeypatch):
    monkeypatch.setenv(USER_VARIABLE, "ai-do")
    result = run("--data-dir", desk_dir, "visits")
    assert (result.code, result.out) == (3, "")
    assert "tên đăng nhập hoặc mật khẩu không đúng" in result.err


def test_a_wrong_password_is_refused_and_recorded(run, desk_dir, monkeypatch):
    monkeypatch.setenv(PASSWORD_VARIABLE, "sai mật khẩu")
    assert run("--data-dir", desk_dir, "visits").code == 3
    with opened(desk_dir) as desk:
        assert desk.database.scalar("SELECT count(*) FROM audit_log WHERE action = 'auth.login_failed'") == 1


def test_no_password_and_no_terminal_is_a_clear_refusal(run, desk_dir, monkeypatch):
    monkeypatch.delenv(PASSWORD_VARIABLE)
    result = run("--data-dir", desk_dir, "--lang", "en", "visits")
    assert result.code == 3 and PASSWORD_VARIABLE in result.err


@pytest.mark.parametrize(("role", "command", "allowed"), [
    ("viewer", ["visits"], True),
    ("viewer", ["export", "{tmp}/out.jsonl"], False),
    ("leader", ["cases"], True),
    ("officer", ["export", "{tmp}/out.jsonl"], True),
    ("officer", ["export", "{tmp}/out.jsonl", "--include-protected"], False),
])
def test_roles_apply_to_the_command_line(run, desk_dir, tmp_path, monkeypatch, role, command, allowed):
    with opened(desk_dir) as desk:
        desk.accounts.add_user(desk.context.session, f"u-{role}", "Người dùng", role, "mật khẩu tạm 1")
    monkeypatch.setenv(USER_VARIABLE, f"u-{role}")
    monkeypatch.setenv(PASSWORD_VARIABLE, "mật khẩu tạm 1")
    result = run("--data-dir", desk_dir, *[c.format(tmp=tmp_path) for c in command])
    assert result.code == (0 if allowed else 3), result.err
    if not allowed:
        assert "không có quyền" in result.err


def test_json_output_export_and_logs_hold_no_protected_identity(run, desk_dir, tmp_path):
    outputs = [run("--data-dir", desk_dir, command, "--json").out for command in ("visits", "cases", "letters")]
    outputs.append(run("--data-dir", desk_dir, "search", "le thi mai", "--json").out)
    assert run("--data-dir", desk_dir, "export", tmp_path / "out.jsonl").code == 0
    outputs.append((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    outputs += [p.read_text(encoding="utf-8") for p in (desk_dir / "logs").glob("*.log*")]
    for text in outputs:
        for form in (PROTECTED_NAME, "le thi mai", CCCD_2, json.dumps(PROTECTED_NAME)[1:-1]):
            assert form not in text


def test_citizen_data_request_prints_everything_held_and_is_audited(run, desk_dir, sample):
    with opened(desk_dir) as desk:
        citizen = desk.database.scalar("SELECT uuid FROM citizens WHERE protected = 1")
    refused = run("--data-dir", desk_dir, "citizen-data", citizen)
    assert refused.code == 3 and "lý do" in refused.err
    result = run("--data-dir", desk_dir, "citizen-data", citizen, "--reason", "Công dân yêu cầu dữ liệu")
    assert result.code == 0, result.err
    assert result.out.startswith(f"DỮ LIỆU ĐANG LƯU VỀ CÔNG DÂN: {PROTECTED_NAME}")
    assert CCCD_2 in result.out and "Lượt tiếp (1):" in result.out
    as_json = json.loads(run("--data-dir", desk_dir, "citizen-data", citizen, "--reason", "Kiểm tra lại",
                             "--json").out)
    assert as_json["citizen"]["full_name"] == PROTECTED_NAME
    with opened(desk_dir) as desk:
        assert desk.database.scalar("SELECT count(*) FROM audit_log WHERE action = 'citizen.data_request'") == 2


def test_check_gives_the_audit_chain_head_for_anchoring(run, desk_dir):
    report = json.loads(run("--data-dir", desk_dir, "check", "--json").out)
    assert report["ok"] and report["audit_head"]["id"] > 0 and len(report["audit_head"]["mac"]) == 64

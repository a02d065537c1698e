"""`receptiondesk --self-test`: every check passes on a working installation, and a failing check is named with its
reason and makes the exit code non-zero."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from receptiondesk import self_test
from receptiondesk.self_test import Check, SelfTestFailure, run_self_test

ROOT = Path(__file__).resolve().parents[1]
CHECK_NAMES = ("resources", "desk", "pdf", "window", "clean-up")


def run(checks: list[Check]) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = run_self_test(checks, out)
    return code, out.getvalue().splitlines()


@pytest.mark.gui
def test_self_test_command_passes_every_check(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "receptiondesk", "--self-test"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)

    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [f"OK {name}" for name in CHECK_NAMES]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines[2]
    assert "'DejaVu Sans'" in lines[3]
    assert lines[-1] == f"Self-test passed: {len(CHECK_NAMES)} checks."
    assert list(tmp_path.glob("receptiondesk-self-test-*")) == []  # the temporary desk is gone
    settings = tmp_path / "config" / "ReceptionDesk" / "ReceptionDesk.conf"
    assert not settings.exists() or "geometry" not in settings.read_text(encoding="utf-8")  # the layout left as it was


def test_checks_without_qt_pass_in_process():
    code, lines = run(self_test.core_checks())

    assert code == self_test.EXIT_PASSED
    assert [line.split(":")[0] for line in lines] == ["OK resources", "OK desk", "OK clean-up",
                                                     "Self-test passed"]


def test_a_failing_check_is_named_with_its_reason_and_the_others_still_run(capsys):
    def broken(state):
        raise RuntimeError("the printer driver is missing")

    def refused(state):
        raise SelfTestFailure("the window's picture is blank (one colour)")

    code, lines = run([Check("broken", broken), Check("refused", refused), Check("fine", lambda state: "all good")])

    assert code == self_test.EXIT_FAILED
    assert lines[:3] == ["FAILED broken: RuntimeError: the printer driver is missing",
                         "FAILED refused: the window's picture is blank (one colour)",
                         "OK fine: all good"]
    assert lines[3].startswith("OK clean-up: ")
    assert lines[-1] == "Self-test failed: 2 of 4 checks."
    assert "Traceback" in capsys.readouterr().err  # an unexpected error comes with its traceback, for the technician


def test_checks_needing_the_desk_fail_plainly_when_it_was_not_opened():
    code, lines = run([Check("pdf", self_test.render_document)])

    assert code == self_test.EXIT_FAILED
    assert lines[0] == "FAILED pdf: no temporary desk (the desk check failed)"


def test_the_temporary_folder_is_removed_even_after_a_failure(tmp_path, monkeypatch):
    monkeypatch.setattr(self_test.tempfile, "tempdir", str(tmp_path))

    def opens_then_fails(state):
        self_test.check_desk(state)
        raise SelfTestFailure("stop here")

    code, lines = run([Check("desk", opens_then_fails)])

    assert code == self_test.EXIT_FAILED
    assert lines[0] == "FAILED desk: stop here"
    assert lines[1].startswith("OK clean-up: ")
    assert list(tmp_path.iterdir()) == []

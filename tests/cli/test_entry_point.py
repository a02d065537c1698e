"""The installed entry point and `python -m receptiondesk` in real processes; CLI commands never import Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(sys.executable).with_name("receptiondesk")

PROBE = r'''
import json, sys
from receptiondesk import app
code = app.main(["--data-dir", sys.argv[1], "visits"])
loaded = sorted(m for m in sys.modules
                if m.split(".")[0] in ("PySide6", "shiboken6") or m.startswith("receptiondesk.ui"))
print(json.dumps({"code": code, "qt": loaded}))
'''


def _run(*command: object) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONUTF8="1")
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=60)


def test_the_installed_script_lists_visits_as_json(desk_dir, sample):
    assert SCRIPT.is_file(), f"{SCRIPT} is not installed"
    done = _run(SCRIPT, "--data-dir", desk_dir, "visits", "--json")
    assert (done.returncode, done.stderr) == (0, "")
    assert [v["uuid"] for v in json.loads(done.stdout)][-1] == sample.visit_first


def test_python_m_runs_the_same_command_line(desk_dir):
    done = _run(sys.executable, "-m", "receptiondesk", "--data-dir", desk_dir, "--lang", "en", "check")
    assert (done.returncode, done.stdout, done.stderr) == (0, "The data is sound: no problem found.\n", "")


def test_exit_codes_reach_the_shell(tmp_path, desk_dir):
    missing = _run(SCRIPT, "--data-dir", tmp_path / "missing", "visits")
    assert missing.returncode == 3 and "receptiondesk init" in missing.stderr
    assert not (tmp_path / "missing").exists()
    usage = _run(SCRIPT, "--data-dir", desk_dir, "visits", "--bogus")
    assert usage.returncode == 2 and usage.stderr.startswith("usage:")


def test_cli_commands_do_not_import_qt(desk_dir):
    done = _run(sys.executable, "-c", PROBE, desk_dir)
    assert done.returncode == 0, done.stderr
    *table, report = done.stdout.splitlines()
    assert json.loads(report) == {"code": 0, "qt": []}
    assert table[-1] == "(6 dòng)"

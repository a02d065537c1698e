"""`receptiondesk generate`: fills a desk just set up, prints counts and time, and refuses a desk with records."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.services.helpers import PASSWORD, USERNAME

from receptiondesk import paths
from receptiondesk.app import main
from receptiondesk.services.desk import Desk
from tests.demo.conftest import UNIT


@pytest.fixture
def data_dir(demo_templates: dict[str, Path], tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    folder.mkdir()
    shutil.copyfile(demo_templates["ready"], folder / paths.DATABASE_FILE)
    return folder


def run(capsys, *argv: object) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exit_:  # argparse leaves this way on a wrong command line
        code = exit_.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_generate_prints_the_counts_and_the_time(capsys, data_dir):
    code, out, err = run(capsys, "--data-dir", data_dir, "--lang", "en", "generate", "--scale", "commune",
                         "--visits", "150", "--seed", "4", "--until", "2025-12-31")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == ("Generating commune-scale demonstration data: 150 visits from 01/01/2025 to 31/12/2025 "
                        "(seed 4)…")
    assert lines[1].startswith("Generated ") and lines[1].endswith(" s:")
    assert "  visits: 150" in lines
    assert any(line.startswith("  sessions: ") for line in lines)
    with Desk.open(data_dir / paths.DATABASE_FILE) as desk:
        assert desk.database.scalar("SELECT count(*) FROM visits") == 150
        assert desk.database.scalar("SELECT max(visit_date) FROM visits") <= "2025-12-31"


def test_generate_json_and_vietnamese(capsys, data_dir):
    code, out, _ = run(capsys, "--data-dir", data_dir, "generate", "--scale", "commune", "--visits", "60",
                       "--until", "2025-06-30", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["records"]["visit"] == 60 and result["scale"] == "commune" and result["to"] == "2025-06-30"
    assert result["total"] == sum(result["records"].values())


def test_generate_refuses_a_desk_that_holds_records(capsys, data_dir):
    assert run(capsys, "--data-dir", data_dir, "generate", "--scale", "commune", "--visits", "30")[0] == 0
    code, out, err = run(capsys, "--data-dir", data_dir, "generate", "--scale", "commune", "--visits", "30")
    assert code == 3
    assert "đã có dữ liệu" in err and "dữ liệu không thay đổi" in err
    code, _, err = run(capsys, "--data-dir", data_dir, "--lang", "en", "generate", "--scale", "province")
    assert code == 3 and "already holds records" in err


def test_generate_needs_a_scale_and_a_desk(capsys, data_dir, tmp_path):
    assert run(capsys, "--data-dir", data_dir, "generate")[0] == 2
    assert run(capsys, "--data-dir", data_dir, "generate", "--scale", "district")[0] == 2
    code, _, err = run(capsys, "--data-dir", tmp_path / "nowhere", "generate", "--scale", "commune")
    assert code == 3 and "init" in err


def test_the_desk_unit_is_kept(capsys, data_dir):
    run(capsys, "--data-dir", data_dir, "generate", "--scale", "commune", "--visits", "20")
    with Desk.open(data_dir / paths.DATABASE_FILE) as desk:
        desk.login(USERNAME, PASSWORD)
        assert {r[0] for r in desk.database.query("SELECT DISTINCT unit_code FROM visits")} == {UNIT}

"""Fixtures of the CLI tests: data directories copied from templates, and the CLI run in-process."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from receptiondesk import paths
from receptiondesk.app import main
from receptiondesk.cli import PASSWORD_VARIABLE, USER_VARIABLE
from tests.services.helpers import PASSWORD, USERNAME
from tests.interchange.sample import Templates, copy_desk


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def _signed_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI signs in as the desks' administrator, as a script would (user and password in the environment)."""
    monkeypatch.setenv(USER_VARIABLE, USERNAME)
    monkeypatch.setenv(PASSWORD_VARIABLE, PASSWORD)


@pytest.fixture
def desk_dir(templates: Templates, tmp_path: Path) -> Path:
    """A data directory holding the filled desk."""
    copy_desk(templates.filled, tmp_path / "desk" / paths.DATABASE_FILE)
    return tmp_path / "desk"


@pytest.fixture
def empty_dir(templates: Templates, tmp_path: Path) -> Path:
    """A data directory holding a desk set up for the same commune, without records."""
    copy_desk(templates.ready, tmp_path / "empty" / paths.DATABASE_FILE)
    return tmp_path / "empty"


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """`receptiondesk ARGS...` in this process: the exit code (usage errors included) and what it printed."""
    def _run(*argv: object) -> Result:
        capsys.readouterr()
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)
    return _run


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write a file for the CLI to read into the test's folder; returns its path."""
    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="\n")
        return path
    return _write

"""Suite-wide settings: offscreen Qt, and with CI=true a skipped test counts as a failure."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


PRODUCTION_ARGON2 = {}


@pytest.fixture(autouse=True, scope="session")
def private_user_dirs(tmp_path_factory: pytest.TempPathFactory):
    """Drafts and the window's remembered layout go to a temporary folder, never the tester's own."""
    root = tmp_path_factory.mktemp("user-dirs")
    patch = pytest.MonkeyPatch()
    patch.setenv("RECEPTIONDESK_DRAFTS", str(root / "drafts"))
    patch.setenv("XDG_CONFIG_HOME", str(root / "config"))
    yield root
    patch.undo()


@pytest.fixture(autouse=True, scope="session")
def quick_argon2():
    """Argon2 at its production floor costs ~0.1 s a call: the suite uses tiny parameters (keys made with them
    open only with them), except tests that ask for `production_argon2`."""
    from receptiondesk.security import passwords

    patch = pytest.MonkeyPatch()
    for name, value in (("TIME_COST", 1), ("MEMORY_COST_KIB", 64), ("PARALLELISM", 1)):
        PRODUCTION_ARGON2[name] = getattr(passwords, name)
        patch.setattr(passwords, name, value)
    yield
    patch.undo()


@pytest.fixture
def production_argon2(monkeypatch):
    from receptiondesk.security import passwords

    for name, value in PRODUCTION_ARGON2.items():
        monkeypatch.setattr(passwords, name, value)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") == "true" and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true (a missing library or tool?): {report.longrepr}"


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory):
    """A filled desk, its export and an empty desk of the same commune, built once for the suite."""
    from tests.interchange.sample import build_templates

    return build_templates(tmp_path_factory.mktemp("templates"))


@pytest.fixture
def sample(templates):
    return templates.sample


@pytest.fixture(autouse=True)
def _close_log_files() -> Iterator[None]:
    """Each in-process command run adds a log file handler to the root logger: remove and close it afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)

"""Suite-wide settings: offscreen Qt, and with CI=true a skipped test counts as a failure."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


PRODUCTION_ARGON2 = {}


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

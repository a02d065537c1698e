"""Suite-wide settings: offscreen Qt, and with CI=true a skipped test counts as a failure."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def quick_argon2(request, monkeypatch):
    """Argon2 at its production floor costs ~0.1 s a call; tests use tiny parameters unless they check the floor."""
    if request.node.get_closest_marker("argon2_floor") is None:
        from receptiondesk.security import passwords

        monkeypatch.setattr(passwords, "TIME_COST", 1)
        monkeypatch.setattr(passwords, "MEMORY_COST_KIB", 64)
        monkeypatch.setattr(passwords, "PARALLELISM", 1)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") == "true" and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true (a missing library or tool?): {report.longrepr}"

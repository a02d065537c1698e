"""The layering rules: Qt only in ui/ and app.py, and the core runs with PySide6 refused outright."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "receptiondesk"


def _core_modules() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts[:1] and p.name != "app.py"]


def test_no_core_module_imports_qt():
    offenders = []
    for path in _core_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name.split(".")[0] in ("PySide6", "shiboken6") for name in names):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_every_module_has_a_docstring():
    missing = [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
               if ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None]
    assert missing == []


CORE_WITHOUT_QT = r'''
import importlib, pkgutil, sys, tempfile, datetime
from pathlib import Path

class RefuseQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError("PySide6 is refused in this test")
        return None

sys.meta_path.insert(0, RefuseQt())
import receptiondesk
for info in pkgutil.walk_packages(receptiondesk.__path__, "receptiondesk."):
    if info.name.startswith("receptiondesk.ui") or info.name in ("receptiondesk.app", "receptiondesk.__main__"):
        continue
    importlib.import_module(info.name)

from receptiondesk.services.desk import Desk
from receptiondesk.domain.values import VIETNAM_TZ
from receptiondesk.domain.visits import VisitDraft
from receptiondesk.domain.citizens import CitizenDraft
from receptiondesk.domain.cases import CaseDraft, DirectionDraft
clock = lambda: datetime.datetime(2026, 3, 10, 9, 0, tzinfo=VIETNAM_TZ)
with Desk.open(Path(tempfile.mkdtemp()) / "desk.sqlite3", clock=clock) as desk:
    desk.first_run("00004", "canbo", "Cán bộ", "mật khẩu 2026")
    desk.intake.register_visit(VisitDraft("2026-03-10", CitizenDraft("Nguyễn Văn Đức"), "Hỏi về đất",
                                          DirectionDraft("answered"), new_cases=[CaseDraft("petition", "land", "Hỏi")]))
    assert desk.logbook.search("nguyen van duc")[0]["full_name"] == "Nguyễn Văn Đức"
assert not any(m.startswith("PySide6") for m in sys.modules)
print("core ok without Qt")
'''


def test_core_imports_and_runs_with_pyside6_refused():
    result = subprocess.run([sys.executable, "-c", CORE_WITHOUT_QT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "core ok without Qt" in result.stdout

"""The installation self-test (`receptiondesk --self-test`): checks run in turn over a temporary desk, one line each
("OK …" or "FAILED …: reason"); the checks that need Qt live in ui/self_test_window.py."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import traceback
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from receptiondesk import paths
from receptiondesk.domain.cases import CaseDraft, DirectionDraft
from receptiondesk.domain.citizens import CitizenDraft
from receptiondesk.domain.visits import VisitDraft
from receptiondesk.errors import UserError
from receptiondesk.services.desk import Desk

EXIT_PASSED = 0
EXIT_FAILED = 1

#: The temporary desk: a commune of the 2025 list, its administrator, and one citizen's visit.
COMMUNE = "00004"
USERNAME = "kiemtra"
OFFICER = "Kiểm Tra Viên"
PASSWORD = "kiểm tra cài đặt 2026"
CITIZEN = "Nguyễn Thị Hồng Nhung"
CITIZEN_ID = "001190023456"  # a valid 12-digit citizen ID: Hà Nội, a woman born in 1990
PHONE = "0912345678"
SUMMARY = "Kiến nghị sửa chữa đường liên thôn bị sạt lở"
#: The same name typed without diacritics, as officers search.
FOLDED_QUERY = "nguyen thi hong nhung"
#: The state motto printed at the head of every state document: Vietnamese text the PDF must give back.
STATE_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#: Resource files the program cannot do without (fonts, the window's compiled translations, formats, data).
REQUIRED_RESOURCES = (
    ("fonts", "DejaVuSans.ttf"),
    ("fonts", "LiberationSerif-Regular.ttf"),
    ("translations", "receptiondesk_vi.qm"),
    ("translations", "qtbase_vi.qm"),
    ("formats", "state.json"),
    ("formats", "forms.json"),
    ("data", "admin-units-2025.csv"),
    ("data", "time-limits.csv"),
)


class SelfTestFailure(Exception):
    """A check found something wrong; the message is the reason printed after FAILED."""


@dataclass
class SelfTestDesk:
    """What the checks share: the temporary folder, the desk opened in it and the visit recorded there."""

    folder: Path
    desk: Desk | None = None
    visit_uuid: str | None = None

    @property
    def database_path(self) -> Path:
        return self.folder / paths.DATABASE_FILE

    def require_desk(self) -> Desk:
        if self.desk is None or self.desk.context.session is None:
            raise SelfTestFailure("no temporary desk (the desk check failed)")
        return self.desk

    def require_visit(self) -> str:
        self.require_desk()
        if self.visit_uuid is None:
            raise SelfTestFailure("no visit recorded (the desk check failed)")
        return self.visit_uuid

    def close(self) -> None:
        if self.desk is not None:
            self.desk.close()
            self.desk = None


@dataclass(frozen=True)
class Check:
    """One named check: it raises to fail, and returns a short detail printed after OK."""

    name: str
    run: Callable[[SelfTestDesk], str]


def same_text(text: str) -> str:
    """NFC with runs of white space made one space: how extracted and expected text are compared."""
    return " ".join(unicodedata.normalize("NFC", text).split())


# -- the checks without Qt ------------------------------------------------------------------------------------------

def check_resources(state: SelfTestDesk) -> str:
    """The bundled resources are where the program looks for them."""
    root = paths.resources_dir()
    missing = [str(Path(*parts)) for parts in REQUIRED_RESOURCES if not paths.resource(*parts).is_file()]
    if missing:
        raise SelfTestFailure(f"missing in {root}: {', '.join(missing)}")
    return str(root)


def check_desk(state: SelfTestDesk) -> str:
    """A new database in the temporary folder (migrated on open), the first administrator, a fresh sign-in, one visit
    recorded through the intake service (as the reception screen saves it), read back and found by search."""
    state.desk = desk = Desk.open(state.database_path)
    desk.first_run(COMMUNE, USERNAME, OFFICER, PASSWORD)
    desk.logout()
    desk.login(USERNAME, PASSWORD)
    draft = VisitDraft(
        visit_date=desk.context.today(),
        citizen=CitizenDraft(CITIZEN, id_type="citizen_id", id_number=CITIZEN_ID, birth_year=1990, gender="female",
                             phone=PHONE, address="Thôn Đông, xã Tân Thành"),
        summary=SUMMARY, direction=DirectionDraft("accepted"),
        new_cases=[CaseDraft("petition", "land", SUMMARY)])
    result = desk.intake.register_visit(draft)
    state.visit_uuid = result.uuid
    stored = desk.logbook.get_visit(result.uuid)
    different = [name for name, got, wanted in (
        ("citizen", same_text(stored["full_name"] or ""), same_text(CITIZEN)),
        ("summary", same_text(stored["summary"] or ""), same_text(SUMMARY)),
        ("logbook number", stored["logbook_no"], result.logbook_no),
        ("cases", stored["case_uuids"], result.case_uuids),
    ) if got != wanted]
    if different:
        raise SelfTestFailure(f"the visit read back differs in {', '.join(different)}")
    found = [row["uuid"] for row in desk.logbook.search(FOLDED_QUERY)]
    if result.uuid not in found:
        raise SelfTestFailure(f"searching {FOLDED_QUERY!r} did not find the visit")
    return f"visit {result.logbook_no}/{result.year} recorded, read back and found by search"


def render_document(state: SelfTestDesk) -> bytes:
    """The record of the visit's oral statement (a state-format document in Vietnamese) as PDF bytes."""
    desk = state.require_desk()
    return desk.paperwork.preview(desk.paperwork.oral_statement(state.require_visit()))


def core_checks() -> list[Check]:
    return [Check("resources", check_resources), Check("desk", check_desk)]


# -- running them ---------------------------------------------------------------------------------------------------

@contextmanager
def _private_drafts(folder: Path) -> Iterator[None]:
    """Drafts the window may keep go to the temporary folder, never the technician's own."""
    saved = os.environ.get("RECEPTIONDESK_DRAFTS")
    os.environ["RECEPTIONDESK_DRAFTS"] = str(folder / "drafts")
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("RECEPTIONDESK_DRAFTS", None)
        else:
            os.environ["RECEPTIONDESK_DRAFTS"] = saved


def _reason(error: BaseException) -> str:
    if isinstance(error, (SelfTestFailure, UserError)):
        return str(error)
    return f"{type(error).__name__}: {error}"


def _run_one(name: str, call: Callable[[], str], out: TextIO) -> bool:
    try:
        detail = call()
    except Exception as error:  # noqa: BLE001 - every failure is reported, named, and the next check runs
        print(f"FAILED {name}: {_reason(error)}", file=out, flush=True)
        if not isinstance(error, (SelfTestFailure, UserError)):
            traceback.print_exception(error, file=sys.stderr)
        return False
    print(f"OK {name}" + (f": {detail}" if detail else ""), file=out, flush=True)
    return True


def _clean_up(state: SelfTestDesk) -> str:
    state.close()
    shutil.rmtree(state.folder)
    return f"{state.folder} removed"


def run_self_test(checks: Sequence[Check], out: TextIO | None = None) -> int:
    """Run `checks` in turn over a temporary folder, then remove it; EXIT_PASSED only if every check and the clean-up
    passed. Lines go to `out` (standard output by default)."""
    out = out or sys.stdout
    state = SelfTestDesk(Path(tempfile.mkdtemp(prefix="receptiondesk-self-test-")))
    passed = []
    try:
        with _private_drafts(state.folder):
            for check in checks:
                passed.append(_run_one(check.name, lambda check=check: check.run(state), out))
    finally:
        passed.append(_run_one("clean-up", lambda: _clean_up(state), out))
    failed = passed.count(False)
    print(f"Self-test passed: {len(passed)} checks." if not failed else
          f"Self-test failed: {failed} of {len(passed)} checks.", file=out, flush=True)
    return EXIT_PASSED if not failed else EXIT_FAILED

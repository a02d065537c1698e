"""The audit chain over a real desk: sound after normal work, and tampering with the sqlite3 shell is reported."""

from __future__ import annotations

import datetime
import sqlite3

import pytest

from receptiondesk.domain.cases import CaseDraft, DirectionDraft
from receptiondesk.domain.citizens import CitizenDraft
from receptiondesk.domain.values import VIETNAM_TZ
from receptiondesk.domain.visits import VisitDraft
from receptiondesk.services.desk import Desk

CLOCK = lambda: datetime.datetime(2026, 3, 10, 9, 0, tzinfo=VIETNAM_TZ)  # noqa: E731
PASSWORD = "mật khẩu 2026"


@pytest.fixture
def desk(tmp_path):
    with Desk.open(tmp_path / "desk.sqlite3", clock=CLOCK) as opened:
        opened.first_run("00004", "hoa", "Trần Thị Hòa", PASSWORD, PASSWORD)
        for name in ("Nguyễn Văn An", "Lê Thị Bình", "Phạm Văn Cường"):
            opened.intake.register_visit(VisitDraft(
                "2026-03-10", CitizenDraft(name), "Hỏi về thủ tục đất đai", DirectionDraft("answered"),
                new_cases=[CaseDraft("petition", "land", "Hỏi thủ tục")]))
        yield opened


def _tamper(desk, sql, *params):
    shell = sqlite3.connect(desk.database.path)  # what someone with the sqlite3 shell could do
    shell.execute(sql, params)
    shell.commit()
    shell.close()


def test_normal_work_leaves_a_sound_chain_and_moves_the_checkpoint(desk):
    report = desk.audit.verify(full=True)
    count = desk.database.scalar("SELECT count(*) FROM audit_log")
    assert report.sound and report.checked_to == count and report.head == desk.audit.head()[1]
    desk.logout()
    desk.login("hoa", PASSWORD)
    assert desk.audit.verify().sound  # incremental, from the checkpoint


@pytest.mark.parametrize(("sql", "reason"), [
    ("UPDATE audit_log SET actor = 'người khác' WHERE id = 3", "mac"),
    ("UPDATE audit_log SET detail = '{}' WHERE id = 4", "mac"),
    ("DELETE FROM audit_log WHERE id = 2", "gap"),
    ("UPDATE audit_log SET at = (SELECT at FROM audit_log WHERE id = 2), action = (SELECT action FROM audit_log "
     "WHERE id = 2) WHERE id = 3", "mac"),
])
def test_edits_removals_and_reordering_are_named(desk, sql, reason):
    _tamper(desk, sql)
    report = desk.audit.verify(full=True)
    assert not report.sound and report.reason == reason
    assert report.broken_at in (2, 3, 4)


def test_truncation_after_a_checkpoint_is_reported(desk):
    assert desk.audit.verify().sound
    last = desk.database.scalar("SELECT max(id) FROM audit_log")
    _tamper(desk, "DELETE FROM audit_log WHERE id >= ?", last - 1)
    report = desk.audit.verify()
    assert not report.sound and report.reason == "truncated"


def test_re_chaining_from_scratch_is_caught_by_the_sealed_checkpoint(desk):
    assert desk.audit.verify().sound
    _tamper(desk, "UPDATE audit_log SET actor = 'người khác', mac = NULL WHERE id >= 2")
    report = desk.audit.verify(full=True)  # the pending rows get chained anew, but the checkpoint disagrees
    assert not report.sound

"""Consolidated reports on the upper level's desk: the total equals the sum of the units' own reports, the
commune's submitted report is stored and reconciled with its recomputed figures, and once accepted its period is
locked so that a later change arrives and is named as an amendment."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from receptiondesk.domain.report_periods import month_period
from receptiondesk.domain.sessions import PeriodStatus
from receptiondesk.errors import UserError
from receptiondesk.services.consolidated_reports import BY_UNIT_COLUMNS
from receptiondesk.services.desk import Desk
from receptiondesk.services.interchange import import_file
from receptiondesk.storage.listing import ListRequest
from tests.services.helpers import PASSWORD, USERNAME, citizen, visit
from tests.services.test_consolidation import UNIT, UPPER_DESK_UNIT, _records, linked, upper  # noqa: F401

FEBRUARY = month_period(2026, 2)


def _send(desk: Desk, upper: Desk, folder: Path) -> Any:
    folder.mkdir(exist_ok=True)
    package = desk.sync.export(folder)
    return upper.consolidation.import_package(package.path)


def _by_uuid(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(records, key=lambda r: (r["entity"], r["uuid"]))


def _additive_keys(figures: dict[str, Any]) -> list[str]:
    """Every figure that adds up over units (not the compliance counts, nor the respondent bodies, which are ranked
    within each report)."""
    return [k for k, v in figures.items() if isinstance(v, list)
            and not k.startswith(("compliance.", "classification.respondent."))]


def test_the_consolidated_report_is_the_sum_of_the_units_own_reports(desk: Desk, upper: Desk, linked: dict,
                                                                     tmp_path: Path) -> None:
    upper.intake.register_visit(visit(when="2026-02-12", who=citizen("Phan Văn Đông")))
    _send(desk, upper, tmp_path / "usb-1")
    document = upper.consolidated_reports.build(FEBRUARY, "state")
    commune_own = desk.report_builder.build(FEBRUARY, "state")
    upper_own = upper.report_builder.build(FEBRUARY, "state")
    # The upper level's own report counts only its own visit; the commune's, recomputed here, equals its own.
    assert upper_own.figures["reception.total.visits"][0] == 1
    by_unit = document.figures["by_unit"]
    assert set(by_unit) == {UPPER_DESK_UNIT, UNIT}
    assert {k: v for k, v in by_unit[UNIT].items() if not k.startswith("compliance.")} == \
        {k: v for k, v in commune_own.figures.items() if not k.startswith("compliance.")}
    keys = _additive_keys(document.figures)
    assert "reception.total.visits" in keys and "followup.assigned" in keys
    for key in keys:
        assert document.figures[key] == [sum(by_unit[u][key][i] for u in by_unit) for i in (0, 1)], key
    assert document.figures["reception.total.visits"][0] > 1
    # A table per unit for each table of the report, its last row the total; the compliance per unit.
    table = document.table("by_unit.reception")
    assert [row[1] for row in table.rows] == ["Phường Ngọc Hà (đơn vị mình)", "Phường Ba Đình", "Tổng cộng"]
    visits = table.header.index("Lượt")
    assert table.rows[-1][visits] == table.rows[0][visits] + table.rows[1][visits] == \
        document.figures["reception.total.visits"][0]
    assert {f"by_unit.{k}" for k in BY_UNIT_COLUMNS if k != "party"} | {"by_unit.compliance"} <= \
        {t.key for t in document.tables}
    assert document.reporter == "Ủy ban nhân dân thành phố Hà Nội"
    assert document.narrative.startswith("Trong tháng 2 năm 2026, các đơn vị thuộc thành phố Hà Nội (2 đơn vị)")
    # The commune sent no report: the reconciliation says so.
    assert document.table("reconciliation").rows[0][:2] == ("Phường Ba Đình", "Chưa nộp")
    pdf = upper.report_builder.pdf(document)
    assert pdf.startswith(b"%PDF")


def test_a_submitted_report_is_reconciled_then_locked_and_amendments_are_named(
        desk: Desk, upper: Desk, linked: dict, tmp_path: Path) -> None:
    submitted = desk.report_builder.build(FEBRUARY, "state")
    desk.report_builder.mark_submitted(submitted, "Báo cáo tháng 2 của phường.")
    result = _send(desk, upper, tmp_path / "usb-1")
    assert result.reports == 1
    [received] = upper.consolidation.commune_reports(UNIT)
    assert received["figures"] == submitted.figures and received["narrative"] == "Báo cáo tháng 2 của phường."
    assert received["accepted_at"] is None and received["has_pdf"]
    assert upper.consolidation.commune_report_pdf(received["id"]).startswith(b"%PDF")
    row = upper.consolidated_reports.build(FEBRUARY, "state").table("reconciliation").rows[0]
    assert row[0] == "Phường Ba Đình" and row[2:] == ("Chưa tiếp nhận", "Khớp", "Không")

    accepted = upper.consolidation.accept_report(received["id"])
    assert accepted["accepted_at"] and accepted["lock_seq"] > 0
    assert upper.consolidation.accept_report(received["id"])["accepted_at"] == accepted["accepted_at"]
    visits_before = submitted.figures["reception.total.visits"][0]
    # The commune records a forgotten February visit after the upper level accepted its report.
    desk.intake.register_visit(visit(when="2026-02-20", who=citizen("Đinh Thị Muộn")))
    _send(desk, upper, tmp_path / "usb-2")
    [lock] = upper.consolidation.locks(FEBRUARY.start.isoformat(), FEBRUARY.end.isoformat())
    assert lock["unit_code"] == UNIT and lock["amendments"]["visit"] == 1 and lock["amendments"]["case"] == 1
    document = upper.consolidated_reports.build(FEBRUARY, "state")
    row = document.table("reconciliation").rows[0]
    assert row[2].startswith("Đã tiếp nhận") and isinstance(row[3], int) and row[3] >= 1
    assert "1 lượt tiếp" in row[4] and "1 vụ việc" in row[4]
    warnings = "\n".join(document.warnings)
    assert "Phường Ba Đình: kỳ báo cáo đã khóa" in warnings and "1 lượt tiếp" in warnings
    assert f"(Tiếp công dân – Tổng cộng - Số lượt tiếp: báo cáo {visits_before}, tính lại {visits_before + 1};" \
        in warnings
    assert document.figures["by_unit"][UNIT]["reception.total.visits"][0] == visits_before + 1
    # A later period is not locked: no amendment is named there.
    assert upper.consolidation.locks("2026-03-01", "2026-03-31") == []
    audit = [r["action"] for r in upper.database.query("SELECT action FROM audit_log WHERE action LIKE "
                                                       "'consolidation.report%'")]
    assert audit == ["consolidation.report_view", "consolidation.report_accept"]


def test_a_package_whose_report_does_not_match_its_checksum_is_refused_whole(
        desk: Desk, upper: Desk, linked: dict, tmp_path: Path) -> None:
    desk.report_builder.mark_submitted(desk.report_builder.build(FEBRUARY, "state"))
    with desk.database.write() as conn:
        conn.execute("UPDATE report_submissions SET sha256 = ?", ("0" * 64,))
    before = upper.database.scalar("SELECT count(*) FROM visits")
    with pytest.raises(UserError) as caught:
        _send(desk, upper, tmp_path / "usb-1")
    assert caught.value.code == "consolidation.report_invalid"
    assert upper.database.scalar("SELECT count(*) FROM visits") == before
    assert upper.database.scalar("SELECT count(*) FROM commune_reports") == 0


def test_consolidated_reports_need_the_upper_level_mode(desk: Desk) -> None:
    with pytest.raises(UserError) as caught:
        desk.consolidated_reports.build(FEBRUARY)
    assert caught.value.code == "consolidation.not_upper"
    with pytest.raises(UserError) as caught:
        desk.consolidation.accept_report(1)
    assert caught.value.code == "consolidation.report_unknown"


def test_a_lost_commune_desk_is_rebuilt_from_what_the_upper_level_holds(
        desk: Desk, upper: Desk, linked: dict, tmp_path: Path, desk_templates: dict[str, Path], clock) -> None:
    upper.intake.register_visit(visit(when="2026-02-12", who=citizen("Phan Văn Đông")))  # the upper level's own
    _send(desk, upper, tmp_path / "usb-1")
    target = tmp_path / "khoi-phuc-00004.jsonl"
    counts = upper.consolidation.rebuild(UNIT, target, include_protected=True)
    assert counts["visit"] == desk.database.scalar("SELECT count(*) FROM visits")
    audit = upper.database.query("SELECT detail FROM audit_log WHERE action = 'consolidation.rebuild'")
    assert len(audit) == 1 and '"included"' in audit[0]["detail"] and UNIT in audit[0]["detail"]
    # The commune's new PC: a new desk for the same unit imports the file, and holds exactly its records again.
    shutil.copyfile(desk_templates["ready"], tmp_path / "new-pc.sqlite3")
    with Desk.open(tmp_path / "new-pc.sqlite3", clock=clock) as fresh:
        fresh.login(USERNAME, PASSWORD)
        import_file(fresh.context, target)
        assert _by_uuid(_records(fresh, opened=True)) == _by_uuid(_records(desk, opened=True))
        assert fresh.database.scalar("SELECT count(*) FROM visits WHERE unit_code <> ?", (UNIT,)) == 0
    with pytest.raises(UserError) as caught:
        upper.consolidation.rebuild("00007", tmp_path / "x.jsonl")
    assert caught.value.code == "consolidation.rebuild_unknown" and "00007" in caught.value.render("vi")


def test_oversight_shows_each_communes_overdue_assignments_and_leaders_reception(desk: Desk, upper: Desk,
                                                                                linked: dict, tmp_path: Path) -> None:
    _send(desk, upper, tmp_path / "usb-1")
    [row] = upper.consolidation.oversight()
    commune_today = desk.dashboard.summary()
    assert row.overdue_assignments == commune_today.overdue_assignments_total > 0
    february = desk.sessions.compliance(FEBRUARY.start)
    assert row.compliance_month == FEBRUARY.start
    assert row.chairman_missed == february.for_sector("state").count(PeriodStatus.MISSED)
    assert row.secretary_missed == february.for_sector("party").count(PeriodStatus.MISSED)
    assert row.as_dict()["compliance"] == {"month": "2026-02", "chairman_weeks_missed": row.chairman_missed,
                                           "secretary_months_missed": row.secretary_missed}


def test_the_upper_levels_own_lists_and_home_page_show_its_own_records(desk: Desk, upper: Desk, linked: dict,
                                                                        tmp_path: Path) -> None:
    own = upper.intake.register_visit(visit(when="2026-03-09", who=citizen("Phan Văn Đông")))
    _send(desk, upper, tmp_path / "usb-1")
    held = upper.database.scalar("SELECT count(*) FROM visits WHERE voided = 0")
    assert held > 1  # the commune's visits are held here too
    assert [v["uuid"] for v in upper.logbook.visits(limit=100)] == [own.uuid]
    assert upper.logbook.count_visits() == 1
    assert upper.cases.count(ListRequest()) == 1
    assert upper.followup.counts().overdue_assignments == 0
    summary = upper.dashboard.summary()
    assert summary.month_visits == 1 and summary.overdue_total == 0
    # Asked for explicitly, a commune's list is there; the commune's own desk is not limited at all.
    assert upper.logbook.count_visits(ListRequest(unit_code=UNIT)) == held - 1
    assert desk.logbook.count_visits() == desk.database.scalar("SELECT count(*) FROM visits WHERE voided = 0")
    assert upper.dashboard.summary().month_visits < upper.consolidated_reports.build(
        month_period(2026, 3), "reception").figures["reception.total.visits"][0]


def test_the_consolidated_pdf_is_the_upper_levels_own(desk: Desk, upper: Desk, linked: dict, tmp_path: Path) -> None:
    import io

    from pypdf import PdfReader

    _send(desk, upper, tmp_path / "usb-1")
    for kind, header, recipient in (("state", "THÀNH PHỐ HÀ NỘI", "Ban Tiếp công dân Trung ương"),
                                    ("party", "THÀNH ỦY HÀ NỘI", "Ban Nội chính Trung ương")):
        pdf = upper.report_builder.pdf(upper.consolidated_reports.build(FEBRUARY, kind))
        first = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
        assert header in first and "Hà Nội, ngày" in first and recipient in first, first[:400]
        assert "NGỌC HÀ" not in first  # not the office's own unit as a commune

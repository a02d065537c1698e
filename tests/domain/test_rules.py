"""Tests of the versioned rules table of legal time limits (resources/data/time-limits.csv)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from receptiondesk.domain.calendar import WorkingCalendar, default_calendar_days
from receptiondesk.domain.rules import COLUMNS, RulesTable, TimeLimit
from receptiondesk.errors import UserError
from receptiondesk.messages import CATALOGUE

HEADER = ",".join(COLUMNS)


@pytest.fixture(scope="module")
def table() -> RulesTable:
    return RulesTable.load()


@pytest.fixture(scope="module")
def calendar_2025() -> WorkingCalendar:
    return WorkingCalendar.from_days(default_calendar_days(2025))


def _write(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "time-limits.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_bundled_table_has_every_rule(table: RulesTable) -> None:
    assert table.codes() == sorted([
        "complaint.accept", "complaint.decide", "denunciation.classify",
        "denunciation.resolve", "denunciation.transfer", "leader.chairman_days_per_week",
        "leader.secretary_days_per_month", "letter.handle",
    ])
    assert len(table) == 10
    for limit in table:
        assert limit.source
        assert limit.unit in ("working", "calendar", "count")


def test_every_code_has_a_rule_for_historic_cases(table: RulesTable) -> None:
    for code in table.codes():
        if code == "leader.secretary_days_per_month":
            continue  # Regulation 11-QĐi/TW dates from 18/02/2019
        table.rule(code, date(2019, 1, 1))
    assert table.rule("leader.secretary_days_per_month", date(2019, 2, 18)).days == 2


def test_values(table: RulesTable) -> None:
    on = date(2026, 6, 1)
    classify = table.rule("denunciation.classify", on)
    assert (classify.days, classify.unit) == (7, "working")
    assert classify.days_for(extended=True) == 10
    assert table.rule("denunciation.transfer", on).days_for() == 5
    resolve = table.rule("denunciation.resolve", on)
    assert (resolve.days_for(), resolve.days_for(complex=True), resolve.unit) == (30, 60, "calendar")
    assert table.rule("complaint.accept", on).days_for() == 10
    assert table.rule("letter.handle", on).unit == "working"
    chairman = table.rule("leader.chairman_days_per_week", on)
    assert (chairman.days, chairman.unit, chairman.is_deadline) == (1, "count", False)
    assert table.rule("leader.secretary_days_per_month", on).days == 2


def test_remote_and_complex_variants(table: RulesTable) -> None:
    decide = table.rule("complaint.decide", date(2025, 3, 1))
    assert decide.days_for() == 30
    assert decide.days_for(complex=True) == 45
    assert decide.days_for(remote=True) == 45
    assert decide.days_for(remote=True, complex=True) == 60
    # A trait the rule has no value for does not change the limit.
    transfer = table.rule("denunciation.transfer", date(2025, 3, 1))
    assert transfer.days_for(complex=True, remote=True, extended=True) == 5


def test_doubtful_values_are_marked(table: RulesTable) -> None:
    assert "(cần đối chiếu văn bản gốc)" in table.rule("complaint.accept", date(2025, 1, 1)).note
    for limit in table.history("letter.handle"):
        assert "(cần đối chiếu văn bản gốc)" in limit.note
    latest = table.rule("leader.secretary_days_per_month", date(2026, 1, 1))
    assert latest.effective_from == date(2025, 11, 1)
    assert "215-KL/TW" in latest.source and "(cần đối chiếu văn bản gốc)" in latest.note


def test_rule_in_force_changes_with_the_received_date(table: RulesTable) -> None:
    old = table.rule("letter.handle", date(2021, 10, 14))
    new = table.rule("letter.handle", date(2021, 10, 15))
    assert "07/2014" in old.source
    assert "05/2021" in new.source
    assert new.effective_from == date(2021, 10, 15)
    secretary = table.rule("leader.secretary_days_per_month", date(2025, 10, 31))
    assert "11-QĐi/TW" in secretary.source


def test_no_rule_in_force(table: RulesTable) -> None:
    with pytest.raises(UserError) as caught:
        table.rule("denunciation.classify", date(2018, 12, 31))
    assert caught.value.code == "rules.no_rule"
    assert "31/12/2018" in caught.value.render("vi")
    with pytest.raises(UserError) as caught:
        table.rule("no.such_rule", date(2025, 1, 1))
    assert caught.value.code == "rules.no_rule"


def test_due_dates(table: RulesTable, calendar_2025: WorkingCalendar) -> None:
    # Denunciation received Friday 24/1/2025, just before Tết (28/1-1/2, substitute 3/2):
    # working days Mon 27/1, then 4/2, 5/2, 6/2, 7/2, 10/2, 11/2 (7th) ... 14/2 (10th).
    received = date(2025, 1, 24)
    assert table.due_date("denunciation.classify", received, received,
                          calendar_2025) == date(2025, 2, 11)
    assert table.due_date("denunciation.classify", received, received, calendar_2025,
                          extended=True) == date(2025, 2, 14)
    # Complaint accepted Wednesday 5/3/2025: 30 days → Friday 4/4; remote → 45 days → 19/4 (Sat)
    # → Monday 21/4; remote and complex → 60 days → Sunday 4/5 → Monday 5/5.
    accepted = date(2025, 3, 5)
    assert table.due_date("complaint.decide", accepted, accepted, calendar_2025) == date(2025, 4, 4)
    assert table.due_date("complaint.decide", accepted, accepted, calendar_2025,
                          remote=True) == date(2025, 4, 21)
    assert table.due_date("complaint.decide", accepted, accepted, calendar_2025,
                          remote=True, complex=True) == date(2025, 5, 5)


def test_due_date_uses_the_rule_of_the_received_date(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "letter.handle,10,working,,,,,Old,2019-01-01,",
        "letter.handle,15,calendar,,,,,New,2024-01-01,",
    )
    table = RulesTable.load(path)
    calendar = WorkingCalendar()
    start = date(2024, 3, 4)  # Monday
    # Received under the old rule, counted from a later start: still 10 working days.
    assert table.due_date("letter.handle", start, date(2023, 12, 29), calendar) == date(2024, 3, 18)
    # Received under the new rule: 15 calendar days → Tuesday 19/3.
    assert table.due_date("letter.handle", start, date(2024, 1, 1), calendar) == date(2024, 3, 19)


def test_due_date_of_a_count_is_an_error(table: RulesTable) -> None:
    with pytest.raises(ValueError):
        table.due_date("leader.chairman_days_per_week", date(2025, 1, 6), date(2025, 1, 6),
                       WorkingCalendar())


@pytest.mark.parametrize("row, column", [
    ("letter.handle,10,weeks,,,,,Source,2021-10-15,", "unit"),
    ("letter.handle,,working,,,,,Source,2021-10-15,", "days"),
    ("letter.handle,ten,working,,,,,Source,2021-10-15,", "days"),
    ("letter.handle,-3,working,,,,,Source,2021-10-15,", "days"),
    ("letter.handle,10,working,x,,,,Source,2021-10-15,", "complex_days"),
    ("letter.handle,10,working,,,,,Source,15/10/2021,", "effective_from"),
    ("letter.handle,10,working,,,,,Source,2021-02-30,", "effective_from"),
    ("letter.handle,10,working,,,,,,2021-10-15,", "source"),
    ("Letter handle,10,working,,,,,Source,2021-10-15,", "code"),
])
def test_malformed_file_names_the_line(tmp_path: Path, row: str, column: str) -> None:
    path = _write(tmp_path, "denunciation.transfer,5,working,,,,,Source,2019-01-01,", "", row)
    with pytest.raises(UserError) as caught:
        RulesTable.load(path)
    error = caught.value
    assert error.code == "rules.bad_file"
    params = error.problems[0].params
    assert params["line"] == 4  # header, one good row, a blank line, then the bad one
    assert params["column"] == column
    assert "dòng 4" in error.render("vi")
    assert "line 4" in error.render("en")


def test_wrong_number_of_cells(tmp_path: Path) -> None:
    path = _write(tmp_path, "letter.handle,10,working,Source,2021-10-15")
    with pytest.raises(UserError) as caught:
        RulesTable.load(path)
    assert caught.value.code == "rules.bad_row"
    assert caught.value.problems[0].params["line"] == 2


def test_wrong_header(tmp_path: Path) -> None:
    path = _write(tmp_path, header=HEADER.replace("remote_days", "remote"))
    with pytest.raises(UserError) as caught:
        RulesTable.load(path)
    assert caught.value.code == "rules.bad_columns"
    message = caught.value.render("vi")
    assert "remote_days" in message and "remote" in message


def test_duplicate_version(tmp_path: Path) -> None:
    row = "letter.handle,10,working,,,,,Source,2021-10-15,"
    with pytest.raises(UserError) as caught:
        RulesTable.load(_write(tmp_path, row, row))
    assert caught.value.code == "rules.duplicate"
    assert caught.value.problems[0].params["line"] == 3


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        RulesTable.load(tmp_path / "none.csv")
    assert caught.value.code == "rules.file_missing"


def test_file_saved_by_excel_with_bom_and_columns_reordered(tmp_path: Path) -> None:
    columns = list(reversed(COLUMNS))
    values = dict(zip(COLUMNS, ["letter.handle", "10", "working", "", "", "", "", "Nguồn",
                                "2021-10-15", "Ghi chú"]))
    path = tmp_path / "excel.csv"
    path.write_text(",".join(columns) + "\r\n" + ",".join(values[c] for c in columns) + "\r\n",
                    encoding="utf-8-sig")
    limit = RulesTable.load(path).rule("letter.handle", date(2022, 1, 1))
    assert limit == TimeLimit("letter.handle", 10, "working", None, None, None, None, "Nguồn",
                              date(2021, 10, 15), "Ghi chú")


def test_every_message_code_is_in_the_catalogue() -> None:
    source = Path(__file__).parents[2] / "src" / "receptiondesk" / "domain"
    used = set()
    for name in ("rules.py", "calendar.py"):
        used |= set(re.findall(r'UserError\(\s*"([a-z_.]+)"', (source / name).read_text("utf-8")))
    assert used
    for code in used:
        entry = CATALOGUE[code]
        assert entry["vi"] and entry["en"]

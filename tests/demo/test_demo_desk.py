"""The demonstration desk: made once in a folder of its own from the generator, signed in with its public account,
and marked DEMO on every page it prints; the real desk's file is never touched."""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from receptiondesk import paths
from receptiondesk.demo.demo_desk import DEMO_COMMUNE, DEMO_USER, demo_path, open_demo_desk
from receptiondesk.documents.layout import DEMO_FOOTNOTE, page_mark, set_page_mark
from receptiondesk.domain.report_periods import month_period
from receptiondesk.services.desk import Desk
from tests.services.helpers import PASSWORD, USERNAME

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture(autouse=True)
def unmarked():
    yield
    set_page_mark("")  # later tests print as ordinary desks


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_the_demo_desk_is_made_once_with_a_year_of_work_and_prints_demo_on_every_page(tmp_path):
    with open_demo_desk(tmp_path, clock=lambda: NOW) as desk:
        assert demo_path(tmp_path).exists() and not (tmp_path / paths.DATABASE_FILE).exists()
        settings = desk.context.settings
        assert settings.demo and settings.commune_code == DEMO_COMMUNE and len(settings.villages) == 5
        assert desk.context.session.user.username == DEMO_USER
        visits = desk.database.scalar("SELECT count(*) FROM visits")
        assert visits >= 4000
        assert desk.database.scalar("SELECT max(visit_date) FROM visits") == "2026-03-09"
        assert page_mark() == "DEMO"
        pdf = desk.report_builder.pdf(desk.report_builder.build(month_period(2026, 2), "state"))
        pages = _pages(pdf)
        assert len(pages) > 1 and all("DEMO" in page and DEMO_FOOTNOTE[:12] in page for page in pages)
    with open_demo_desk(tmp_path, clock=lambda: NOW) as again:  # opened as it is, not made again
        assert again.database.scalar("SELECT count(*) FROM visits") == visits


def test_an_ordinary_desk_prints_no_mark(tmp_path):
    with open_demo_desk(tmp_path, clock=lambda: NOW):
        pass
    with Desk.open(tmp_path / "real.sqlite3", clock=lambda: NOW) as desk:
        desk.first_run("00004", USERNAME, "Trần Văn Cán", PASSWORD, PASSWORD)
        assert page_mark() == ""
        pdf = desk.report_builder.pdf(desk.report_builder.build(month_period(2026, 2), "state"))
        assert not any("DEMO" in page for page in _pages(pdf))


def test_a_demo_desk_cut_short_is_made_again(tmp_path):
    building = demo_path(tmp_path).with_name(paths.DATABASE_FILE + ".building")
    building.parent.mkdir(parents=True)
    building.write_bytes(b"half a database")
    with open_demo_desk(tmp_path, clock=lambda: NOW) as desk:
        assert desk.context.settings.demo and not building.exists()

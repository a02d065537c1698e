"""The logbook as a list: every filter and sort on a small fixture, paging by ids, and search without diacritics."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from receptiondesk.domain.cases import DirectionDraft
from receptiondesk.errors import UserError
from receptiondesk.storage.listing import ListRequest
from receptiondesk.storage.visits import VISIT_LIST
from tests.services.helpers import CCCD, case, citizen, no_paper, session, visit


@pytest.fixture
def book(desk):
    """Five visits, registered out of date order so that logbook numbers and dates disagree.

    v5 2025-12-20 Phạm Văn Dũng   report/environment, transferred, outside competence   2025 no 1
    v2 2026-02-10 Lê Thị Bình     petition/social_policy, guided, online, delegation      2026 no 1
    v1 2026-01-05 Trần Văn An     complaint/land, accepted, citizen ID                    2026 no 2
    v3 2026-03-02 Nguyễn Thị Ánh  denunciation/corruption, in a session                   2026 no 3
    v4 2026-03-09 Trần Văn An     repeat visit on v1's case                               2026 no 4
    """
    held = desk.sessions.schedule(session("2026-03-02"))
    v5 = desk.intake.register_visit(visit(
        when="2025-12-20", who=no_paper("Phạm Văn Dũng", address="Xóm Đông"), summary="Phản ánh ô nhiễm",
        direction=DirectionDraft("transferred", direction_body="Phòng TN&MT", direction_doc="3/CV-UBND",
                                 in_competence=False),
        cases=[case("report", "environment", "Phản ánh ô nhiễm")]))
    v2 = desk.intake.register_visit(visit(
        when="2026-02-10", who=no_paper("Lê Thị Bình", address="Thôn Hòa Bình"), summary="Kiến nghị trợ cấp",
        channel="online", headcount=7, representatives=["Lê Thị Bình", "Lê Văn Cường"],
        direction=DirectionDraft("guided", direction_body="UBND tỉnh", in_competence=False),
        cases=[case("petition", "social_policy", "Kiến nghị trợ cấp")]))
    v1 = desk.intake.register_visit(visit(
        when="2026-01-05", who=citizen("Trần Văn An", address="Thôn 1"), summary="Khiếu nại cấp đất"))
    v3 = desk.intake.register_visit(visit(
        when="2026-03-02", who=no_paper("Nguyễn Thị Ánh", address="Thôn 4"), summary="Tố cáo cán bộ",
        session_uuid=held.uuid, cases=[case("denunciation", "corruption", "Tố cáo cán bộ")]))
    v4 = desk.intake.register_visit(visit(
        when="2026-03-09", who=citizen("Trần Văn An", address="Thôn 1"), citizen_uuid=v1.citizen_uuid,
        summary="Hỏi tiến độ", case_uuids=[v1.case_uuids[0]],
        direction=DirectionDraft("answered")))
    return SimpleNamespace(desk=desk, session=held.uuid, v1=v1, v2=v2, v3=v3, v4=v4, v5=v5)


def _names(book, request: ListRequest | None = None) -> list[str]:
    by_uuid = {getattr(book, n).uuid: n for n in ("v1", "v2", "v3", "v4", "v5")}
    return [by_uuid[v["uuid"]] for v in book.desk.logbook.visits(request)]


def test_fixture_numbers(book):
    got = {n: (getattr(book, n).year, getattr(book, n).logbook_no) for n in ("v1", "v2", "v3", "v4", "v5")}
    assert got == {"v5": (2025, 1), "v2": (2026, 1), "v1": (2026, 2), "v3": (2026, 3), "v4": (2026, 4)}


FILTER_CASES = {
    "date_from": ({"date_from": "2026-02-10"}, ["v4", "v3", "v2"]),
    "date_to": ({"date_to": "2026-02-10"}, ["v2", "v1", "v5"]),
    "year": ({"year": 2025}, ["v5"]),
    "reception_kind": ({"reception_kind": "session"}, ["v3"]),
    "channel": ({"channel": "online"}, ["v2"]),
    "direction": ({"direction": "transferred"}, ["v5"]),
    "in_competence": ({"in_competence": False}, ["v2", "v5"]),
    "is_delegation": ({"is_delegation": True}, ["v2"]),
    "first_time": ({"first_time": False}, ["v4"]),
    "id_number": ({"id_number": CCCD}, ["v4", "v1"]),
    "session": (None, ["v3"]),
    "citizen": (None, ["v4", "v1"]),
    "case": (None, ["v4", "v1"]),
    "content_type": ({"content_type": "complaint"}, ["v4", "v1"]),
    "field_code": ({"field_code": "environment"}, ["v5"]),
}


def _filters(book, name: str) -> dict:
    """The filters of a case; those naming a record get its uuid from the fixture."""
    given = FILTER_CASES[name][0]
    if given is not None:
        return given
    uuid = {"session": book.session, "citizen": book.v1.citizen_uuid, "case": book.v1.case_uuids[0]}[name]
    return {name: uuid}


def test_every_visit_filter_is_covered():
    assert set(FILTER_CASES) == set(VISIT_LIST.filters)


@pytest.mark.parametrize("name", FILTER_CASES)
def test_visit_filter(book, name):
    request = ListRequest(filters=_filters(book, name))
    assert _names(book, request) == FILTER_CASES[name][1]
    assert book.desk.logbook.count_visits(request) == len(FILTER_CASES[name][1])


def test_flag_filters_both_ways(book):
    assert _names(book, ListRequest(filters={"in_competence": True})) == ["v4", "v3", "v1"]
    assert _names(book, ListRequest(filters={"is_delegation": False})) == ["v4", "v3", "v1", "v5"]
    assert _names(book, ListRequest(filters={"first_time": True})) == ["v3", "v2", "v1", "v5"]


def test_filters_combine_and_empty_values_are_ignored(book):
    request = ListRequest(filters={"year": 2026, "content_type": "complaint", "first_time": True, "channel": "",
                                   "direction": None})
    assert _names(book, request) == ["v1"]


SORT_CASES = {
    "newest": ["v4", "v3", "v2", "v1", "v5"],
    "oldest": ["v5", "v1", "v2", "v3", "v4"],
    "logbook": ["v4", "v3", "v1", "v2", "v5"],
    # An, An, Bình, Dũng by given name in Vietnamese order; v3 (a denouncer, Ánh) is masked and sorts last
    "name": ["v1", "v4", "v2", "v5", "v3"],
}


def test_every_visit_sort_is_covered():
    assert set(SORT_CASES) == set(VISIT_LIST.sorts)


@pytest.mark.parametrize("sort", SORT_CASES)
def test_visit_sort(book, sort):
    assert _names(book, ListRequest(sort=sort)) == SORT_CASES[sort]


def test_default_sort_is_newest_first(book):
    assert _names(book) == SORT_CASES["newest"]


@pytest.mark.parametrize("request_", [
    ListRequest(),
    ListRequest(sort="name"),
    ListRequest(sort="logbook", filters={"year": 2026}),
    ListRequest(filters={"in_competence": False}, sort="oldest"),
], ids=["default", "name", "logbook 2026", "outside competence"])
def test_ids_then_rows_give_the_same_rows(book, request_):
    logbook = book.desk.logbook
    ids = logbook.visit_ids(request_)
    assert logbook.visits_by_ids(ids) == logbook.visits(request_)
    # A page fetched by ids keeps the order of the ids given.
    assert logbook.visits_by_ids(ids[1:3]) == logbook.visits(request_, limit=2, offset=1)
    assert logbook.visits_by_ids(list(reversed(ids))) == list(reversed(logbook.visits(request_)))


def test_paging_limits(book):
    logbook = book.desk.logbook
    assert [v["uuid"] for v in logbook.visits(limit=2)] == [book.v4.uuid, book.v3.uuid]
    assert [v["uuid"] for v in logbook.visits(limit=2, offset=4)] == [book.v5.uuid]
    assert logbook.visits_by_ids([]) == []
    for bad in (0, 1001):
        with pytest.raises(UserError) as caught:
            logbook.visits(limit=bad)
        assert caught.value.code == "list.page_size"


def test_unknown_filter_or_sort_is_a_user_error(book):
    with pytest.raises(UserError) as caught:
        book.desk.logbook.visits(ListRequest(filters={"colour": "red"}))
    assert caught.value.code == "list.unknown_filter"
    assert "colour" in caught.value.render("vi") and "date_from" in caught.value.render("vi")
    with pytest.raises(UserError) as caught:
        book.desk.logbook.visit_ids(ListRequest(sort="random"))
    assert caught.value.code == "list.unknown_sort"
    with pytest.raises(UserError):
        book.desk.logbook.count_visits(ListRequest(filters={"colour": "red"}))


def test_rows_show_what_the_logbook_prints(book):
    row = book.desk.logbook.get_visit(book.v2.uuid)
    assert (row["content_types"], row["field_codes"]) == ("petition", "social_policy")
    assert (row["headcount"], row["is_delegation"], row["direction_body"]) == (7, 1, "UBND tỉnh")
    assert row["citizen_uuid"] == book.v2.citizen_uuid and row["session_uuid"] is None
    assert book.desk.logbook.get_visit(book.v3.uuid)["session_uuid"] == book.session
    with pytest.raises(UserError) as caught:
        book.desk.logbook.get_visit("99999999-9999-9999-9999-999999999999")
    assert caught.value.code == "record.not_found"


# -- search ---------------------------------------------------------------------------------------

def test_search_without_diacritics_finds_the_name(desk):
    duc = desk.intake.register_visit(visit(who=no_paper("Nguyễn Văn Đức")))
    desk.intake.register_visit(visit(who=no_paper("Nguyễn Văn Dực")))  # folds the same: found too
    desk.intake.register_visit(visit(who=no_paper("Nguyễn Văn Được")))

    found = [v["uuid"] for v in desk.logbook.search("nguyen van duc")]
    assert duc.uuid in found and len(found) == 2
    assert [v["full_name"] for v in desk.logbook.search("Nguyễn Văn Đức")][-1] == "Nguyễn Văn Đức"
    assert [v["full_name"] for v in desk.logbook.search("NGUYEN VAN DUOC")] == ["Nguyễn Văn Được"]


@pytest.mark.parametrize("query, stored", [("hoà", "Lê Thị Hòa"), ("hòa", "Lê Thị Hoà"), ("hoa", "Lê Thị Hòa")])
def test_search_old_and_new_tone_placement(desk, query, stored):
    hoa = desk.intake.register_visit(visit(who=no_paper(stored)))
    desk.intake.register_visit(visit(who=no_paper("Lê Thị Hiền")))
    assert [v["uuid"] for v in desk.logbook.search(query)] == [hoa.uuid]


def test_search_covers_address_and_content_newest_first(desk):
    old = desk.intake.register_visit(visit(when="2026-01-15", who=no_paper("Lê Văn Một", address="Thôn Đồng Tâm")))
    new = desk.intake.register_visit(visit(when="2026-03-01", who=no_paper("Lê Văn Hai"),
                                           summary="Tranh chấp đất ở Đồng Tâm"))
    same_day = desk.intake.register_visit(visit(when="2026-03-01", who=no_paper("Lê Văn Ba", address="Đồng Tâm")))
    assert [v["uuid"] for v in desk.logbook.search("dong tam")] == [same_day.uuid, new.uuid, old.uuid]
    assert [v["uuid"] for v in desk.logbook.search("tranh chap")] == [new.uuid]
    assert [v["uuid"] for v in desk.logbook.search("dong tam", limit=1, offset=1)] == [new.uuid]


def test_search_needs_every_word_and_ignores_punctuation(desk):
    hit = desk.intake.register_visit(visit(who=no_paper("Trần Thị Mai", address="Xóm Chùa")))
    desk.intake.register_visit(visit(who=no_paper("Trần Văn Hùng")))
    assert [v["uuid"] for v in desk.logbook.search("tran mai")] == [hit.uuid]
    assert [v["uuid"] for v in desk.logbook.search('tran) "mai*')] == [hit.uuid]
    assert desk.logbook.search("   ") == []
    assert desk.logbook.search("!!!") == []

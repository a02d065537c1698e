"""Tests of receptiondesk.domain.addresses: completions, and pre-2025 addresses read into current units."""

from __future__ import annotations

import csv
import unicodedata
from collections import defaultdict

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from receptiondesk import paths
from receptiondesk.domain.addresses import CurrentUnitSuggestion, address_completions, current_unit_for
from receptiondesk.domain.text import fold
from receptiondesk.domain.units import communes


def _conversion_rows() -> list[dict[str, str]]:
    with open(paths.resource("data", "communes-2025-conversion.csv"), encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


CONVERSION = _conversion_rows()
# Current commune codes of each old commune, read straight from the data file.
NEW_CODES: dict[tuple[str, str, str], set[str]] = defaultdict(set)
# The same, by folded names (the data spells a few type words in several ways: "Thị Xã", "Thị xã").
NEW_CODES_FOLDED: dict[tuple[str, str, str], set[str]] = defaultdict(set)
for _row in CONVERSION:
    NEW_CODES[(_row["old_commune_name"], _row["old_district_name"], _row["old_province_name"])].add(
        _row["new_commune_code"])
    NEW_CODES_FOLDED[(fold(_row["old_commune_name"]), fold(_row["old_district_name"]),
                      _row["old_province_name"])].add(_row["new_commune_code"])


def _nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


# --- Completions -------------------------------------------------------------------------------

def test_completions_start_with_the_units_villages() -> None:
    result = address_completions("00004", ["Thôn 2", "  Tổ dân phố   5 ", "", "Thôn 2"])
    assert result[:2] == ["Thôn 2, Phường Ba Đình, Thành phố Hà Nội",
                          "Tổ dân phố 5, Phường Ba Đình, Thành phố Hà Nội"]
    assert not result[2].startswith("Thôn")


def test_completions_list_every_current_commune_once() -> None:
    result = address_completions("00004", ["Thôn 1"])
    national = result[1:]
    expected = {f"{c.commune_name}, {c.province_name}" for c in communes().values()}
    assert len(national) == len(expected) == 3321
    assert set(national) == expected


def test_completions_put_the_units_province_first() -> None:
    national = address_completions("24259", [])  # Xã Quảng Phú, Tỉnh Đắk Lắk
    own = sum(1 for c in communes().values() if c.province_code == "66")
    assert all(item.endswith(", Tỉnh Đắk Lắk") for item in national[:own])
    assert not any(item.endswith(", Tỉnh Đắk Lắk") for item in national[own:])
    # The Hà Nội desk gets Hà Nội first instead.
    hanoi = address_completions("00004", [])
    assert hanoi[0].endswith(", Thành phố Hà Nội")
    assert hanoi.index("Xã Quảng Phú, Tỉnh Đắk Lắk") > 100


def test_completions_are_in_vietnamese_alphabetical_order_of_the_names() -> None:
    hanoi = address_completions("00004", [])

    def at(name: str) -> int:
        return hanoi.index(f"{name}, Thành phố Hà Nội")

    # By the name without its type word; d before đ, â before ư, o before ô (code-point order
    # would put Đ and Ô after every Latin letter).
    assert at("Xã An Khánh") < at("Phường Ba Đình") < at("Xã Ba Vì") < at("Phường Bồ Đề")
    assert at("Xã Dân Hòa") < at("Xã Dương Hòa") < at("Phường Dương Nội") < at("Xã Đa Phúc")
    assert at("Xã Đa Phúc") < at("Xã Đông Anh") < at("Phường Hà Đông")
    assert at("Xã Ô Diên") < at("Xã Phù Đổng")
    # Other provinces follow, in the same order across provinces.
    rest = hanoi[sum(1 for c in communes().values() if c.province_code == "01"):]
    assert rest.index("Xã An Hòa, Tỉnh Đồng Tháp") < rest.index("Phường An Hội, Tỉnh Vĩnh Long")


def test_completions_for_an_unknown_unit_have_no_villages() -> None:
    result = address_completions("99999", ["Thôn 1"])
    assert len(result) == 3321
    assert not any(item.startswith("Thôn 1") for item in result)


def test_completions_are_cached_but_each_call_gets_its_own_list() -> None:
    first = address_completions("00004", ["Thôn 1"])
    first.clear()
    assert address_completions("00004", ["Thôn 1"])[0] == "Thôn 1, Phường Ba Đình, Thành phố Hà Nội"


# --- Old addresses -----------------------------------------------------------------------------

@pytest.mark.parametrize("address, code, commune, province, suggested", [
    # Hà Nội, with a house number and a street named like the ward.
    ("Số 5 Phố Quán Thánh, Phường Quán Thánh, Quận Ba Đình, Hà Nội", "00004", "Phường Ba Đình",
     "Thành phố Hà Nội", "Số 5 Phố Quán Thánh, Phường Ba Đình, Thành phố Hà Nội"),
    # Without diacritics, in lower case.
    ("phuong quan thanh, quan ba dinh, ha noi", "00004", "Phường Ba Đình", "Thành phố Hà Nội",
     "Phường Ba Đình, Thành phố Hà Nội"),
    # Without type words: each unit a comma-separated part.
    ("Quán Thánh, Ba Đình, Hà Nội", "00004", "Phường Ba Đình", "Thành phố Hà Nội",
     "Phường Ba Đình, Thành phố Hà Nội"),
    # Hồ Chí Minh City, numbered ward and district, abbreviated.
    ("Tổ 5, P.12, Q.10, TP.HCM", "27163", "Phường Hòa Hưng", "Thành phố Hồ Chí Minh",
     "Tổ 5, Phường Hòa Hưng, Thành phố Hồ Chí Minh"),
    # Quảng Nam, now part of Đà Nẵng.
    ("Thôn 4, Xã Tam Hiệp, Huyện Núi Thành, Tỉnh Quảng Nam", "20965", "Xã Núi Thành",
     "Thành phố Đà Nẵng", "Thôn 4, Xã Núi Thành, Thành phố Đà Nẵng"),
    # Tiền Giang, now part of Đồng Tháp: no diacritics, no commas.
    ("ap 2 xa tam hiep huyen chau thanh tien giang", "28537", "Xã Long Hưng", "Tỉnh Đồng Tháp",
     "ap 2, Xã Long Hưng, Tỉnh Đồng Tháp"),
    # Khánh Hòa: the data writes this ward's type in lower case.
    ("18 Phạm Văn Đồng, phường Vĩnh Hải, thành phố Nha Trang, tỉnh Khánh Hòa", "22333",
     "Phường Bắc Nha Trang", "Tỉnh Khánh Hòa",
     "18 Phạm Văn Đồng, Phường Bắc Nha Trang, Tỉnh Khánh Hòa"),
    # Thanh Hóa.
    ("Thôn 1, xã Yên Tâm, huyện Yên Định, tỉnh Thanh Hóa", "15409", "Xã Yên Phú", "Tỉnh Thanh Hóa",
     "Thôn 1, Xã Yên Phú, Tỉnh Thanh Hóa"),
    # Đắk Lắk: names with apostrophes, typed with ’ or ', and a township abbreviated "TT.".
    ("Buôn Ea Kmar, xã Ea H’đing, huyện Cư M’gar, tỉnh Đắk Lắk", "24280", "Xã Cư M’gar",
     "Tỉnh Đắk Lắk", "Buôn Ea Kmar, Xã Cư M’gar, Tỉnh Đắk Lắk"),
    ("buon ea kmar, xa ea h'ding, huyen cu m'gar, dak lak", "24280", "Xã Cư M’gar", "Tỉnh Đắk Lắk",
     "buon ea kmar, Xã Cư M’gar, Tỉnh Đắk Lắk"),
    ("TT. Ea Pốk, H. Cư M'gar, Đắk Lắk", "24259", "Xã Quảng Phú", "Tỉnh Đắk Lắk",
     "Xã Quảng Phú, Tỉnh Đắk Lắk"),
])
def test_old_addresses_get_their_current_unit(address: str, code: str, commune: str, province: str,
                                              suggested: str) -> None:
    suggestion = current_unit_for(address)
    assert suggestion is not None
    assert (suggestion.new_commune_code, suggestion.new_commune_name, suggestion.new_province_name) == (
        code, commune, province)
    assert suggestion.suggested_address == suggested
    # Decomposed (NFD) input, as Windows' Vietnamese keyboard types it, gives the same.
    assert current_unit_for(_nfd(address)) == suggestion


def test_the_suggestion_names_the_old_units() -> None:
    suggestion = current_unit_for("Số 5 Phố Quán Thánh, Phường Quán Thánh, Quận Ba Đình, Hà Nội")
    assert suggestion == CurrentUnitSuggestion(
        old_commune_name="Phường Quán Thánh", old_district_name="Quận Ba Đình",
        old_province_name="Thành phố Hà Nội", new_commune_code="00004",
        new_commune_name="Phường Ba Đình", new_province_name="Thành phố Hà Nội",
        suggested_address="Số 5 Phố Quán Thánh, Phường Ba Đình, Thành phố Hà Nội")


def test_same_named_communes_are_told_apart_by_their_district() -> None:
    # Hà Nội had a Xã Kim Chung in Hoài Đức and another in Đông Anh.
    hoai_duc = current_unit_for("Xóm 3, Xã Kim Chung, Huyện Hoài Đức, Thành phố Hà Nội")
    dong_anh = current_unit_for("xom 3, xa kim chung, huyen dong anh, ha noi")
    assert hoai_duc is not None and dong_anh is not None
    assert (hoai_duc.old_district_name, hoai_duc.new_commune_name) == ("Huyện Hoài Đức",
                                                                        "Xã Hoài Đức")
    assert (dong_anh.old_district_name, dong_anh.new_commune_name) == ("Huyện Đông Anh",
                                                                        "Xã Thiên Lộc")
    # Both were split, but one part took the whole population: that is where residents live now.
    assert {"09832", "00613"} == NEW_CODES[("Xã Kim Chung", "Huyện Hoài Đức", "Thành phố Hà Nội")]


def test_same_named_communes_are_told_apart_by_their_province() -> None:
    suggestion = current_unit_for("Xã Tam Hiệp, tỉnh Bến Tre")
    assert suggestion is not None
    assert suggestion.old_district_name == "Huyện Bình Đại"
    assert (suggestion.new_commune_name, suggestion.new_province_name) == ("Xã Phú Thuận", "Tỉnh Vĩnh Long")
    # An old address that names the current province works too.
    suggestion = current_unit_for("Xã Tam Hiệp, huyện Núi Thành, TP Đà Nẵng")
    assert suggestion is not None and suggestion.new_commune_code == "20965"


@pytest.mark.parametrize("address", [
    "Xã Kim Chung, Hà Nội",                           # Hoài Đức or Đông Anh?
    "xa tam hiep",                                    # five old communes of that name
    "Xã Tam Hiệp, huyện Phúc Thọ, tỉnh Quảng Nam",    # the district and the province disagree
    "Phường Kim Mã, Quận Ba Đình, Hà Nội",            # split into three wards: can't tell which
    "Xã Kỳ Lợi, Thị xã Kỳ Anh, Hà Tĩnh",              # residents split between two wards
])
def test_ambiguous_addresses_get_no_suggestion(address: str) -> None:
    assert current_unit_for(address) is None


@pytest.mark.parametrize("address", [
    "Phường Ba Đình, Thành phố Hà Nội",
    "Số 5 Phố Quán Thánh, Phường Ba Đình, Hà Nội",
    "Thôn 2, Phường Ngọc Hà, Hà Nội",          # also an old ward's name, but no old district given
    "Giảng Võ, Hà Nội",
    "Tổ 2 Xã Cư M’gar",
    "thon 1, xa quang phu, dak lak",
    "Xã Núi Thành, Thành phố Đà Nẵng",
])
def test_current_addresses_get_no_suggestion(address: str) -> None:
    assert current_unit_for(address) is None


@pytest.mark.parametrize("address", [
    "", "   ", "asdf qwer", ",,,;;;", "12345", "Hà Nội", "Quận Ba Đình", "Phố Quán Thánh",
    "Số 5 Quán Thánh", "Phường", "xã", "\u0301\u0300", "Phường 12",
    "Phường Quán Thánh, Quận Ba Đình, Hà Nội. " * 12,  # a pasted letter, not an address
])
def test_garbage_and_incomplete_addresses_get_no_suggestion(address: str) -> None:
    assert current_unit_for(address) is None


# --- Properties --------------------------------------------------------------------------------

# Text made of address-like pieces: type words, real names, punctuation and anything else.
_PIECES = st.sampled_from([
    "xã", "Xã", "phường", "P.", "thị trấn", "TT", "huyện", "quận", "Q.", "thị xã", "thành phố", "TP",
    "tỉnh", "Quán Thánh", "Ba Đình", "Hà Nội", "Kim Chung", "Tam Hiệp", "Tiền Giang", "Đắk Lắk",
    "Ea H'leo", "12", "10", ",", ", ", " - ", ";", "\n", " ", "'", "’", "Thôn 2", "Số 5",
])
_ADDRESSES = st.one_of(st.text(max_size=80),
                       st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=14).map("".join))


@settings(max_examples=300, deadline=None)
@given(_ADDRESSES)
@example("Xã Tam Hiệp, Huyện Núi Thành, Tỉnh Quảng Nam")
@example("P.12 Q.10 P.12 Q.10")
def test_any_text_never_raises_and_suggests_only_current_communes(address: str) -> None:
    suggestion = current_unit_for(address)
    if suggestion is not None:
        assert suggestion.new_commune_code in communes()
        assert suggestion.new_commune_name == communes()[suggestion.new_commune_code].commune_name
        assert suggestion.suggested_address.endswith(
            f"{suggestion.new_commune_name}, {suggestion.new_province_name}")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(CONVERSION), st.integers(1, 20), st.booleans(), st.booleans())
def test_a_full_old_address_gives_one_of_the_communes_the_data_lists(
        row: dict[str, str], village: int, fold_it: bool, nfd: bool) -> None:
    address = (f"Thôn {village}, {row['old_commune_name']}, {row['old_district_name']}, "
               f"{row['old_province_name']}")
    if fold_it:
        address = fold(address)
    if nfd:
        address = _nfd(address)
    suggestion = current_unit_for(address)
    key = (row["old_commune_name"], row["old_district_name"], row["old_province_name"])
    if suggestion is None:
        # Only an old commune split between several current ones is left unanswered.
        assert len(NEW_CODES_FOLDED[(fold(key[0]), fold(key[1]), key[2])]) > 1
    else:
        assert suggestion.new_commune_code in NEW_CODES[key]
        assert suggestion.suggested_address.startswith(f"{'thon' if fold_it else 'Thôn'} {village}, ")

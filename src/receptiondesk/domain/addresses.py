"""Addresses: what the intake form's address field completes from, and the current commune for an
address still written in the pre-2025 form ("xã X, huyện Y, tỉnh Z")."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from receptiondesk import paths
from receptiondesk.domain.text import clean_line, fold, fold_char, name_sort_key
from receptiondesk.domain.units import Commune, communes

__all__ = ["CurrentUnitSuggestion", "address_completions", "current_unit_for"]


@dataclass(frozen=True)
class CurrentUnitSuggestion:
    """The current commune of an address written with a pre-2025 commune, district and province."""

    old_commune_name: str
    old_district_name: str
    old_province_name: str
    new_commune_code: str
    new_commune_name: str
    new_province_name: str
    suggested_address: str  # the address with its old units replaced by "New commune, New province"


# --- Completions -------------------------------------------------------------------------------

def address_completions(commune_code: str, villages: list[str]) -> list[str]:
    """The address field's completions: "Village, Commune, Province" for each of the unit's
    villages (in the given order), then "Commune, Province" for every current commune of the
    country: the unit's own province first, then the others, each group in Vietnamese
    alphabetical order of the commune names.
    """
    unit = communes().get(commune_code)
    out: list[str] = []
    if unit is not None:
        seen: set[str] = set()
        for village in villages:
            name = clean_line(village)
            if name and name not in seen:
                seen.add(name)
                out.append(f"{name}, {unit.commune_name}, {unit.province_name}")
    out.extend(_national_completions(unit.province_code if unit else ""))
    return out


@lru_cache(maxsize=4)
def _national_completions(province_code: str) -> tuple[str, ...]:
    """Every current commune as "Commune, Province", those of `province_code` first."""
    ordered = _communes_in_name_order()
    own = [c for c in ordered if c.province_code == province_code]
    rest = [c for c in ordered if c.province_code != province_code]
    return tuple(f"{c.commune_name}, {c.province_name}" for c in own + rest)


@lru_cache(maxsize=1)
def _communes_in_name_order() -> tuple[Commune, ...]:
    """The current communes sorted by name without its type word ("Ba Đình" for "Phường Ba
    Đình"), then the full name, then the province's name."""
    def key(c: Commune) -> tuple[str, str, str]:
        return (_place_sort_key(_without_kind(c.commune_name, _COMMUNE_KINDS)),
                _place_sort_key(c.commune_name),
                _place_sort_key(_without_kind(c.province_name, _PROVINCE_KINDS)))
    return tuple(sorted(communes().values(), key=key))


def _place_sort_key(name: str) -> str:
    """Vietnamese alphabetical order of a place name, comparing its words in written order."""
    words = name.split()
    # name_sort_key compares a person's given name (the last word) first: moving the first word
    # to the end makes it compare the words of a place name in their written order.
    return name_sort_key(" ".join(words[1:] + words[:1]))


def _without_kind(name: str, kinds: dict[tuple[str, ...], str]) -> str:
    """`name` without its leading type word ("Phường Ba Đình" → "Ba Đình")."""
    words = name.split()
    for n in (2, 1):
        if len(words) > n and tuple(fold(" ".join(words[:n])).split()) in kinds:
            return " ".join(words[n:])
    return name


# --- Tokens ------------------------------------------------------------------------------------

# The type words of each level, folded, with the abbreviations people write ("P.", "Q.", "TP.").
_COMMUNE_KINDS = {("xa",): "xa", ("phuong",): "phuong", ("thi", "tran"): "thi tran",
                  ("dac", "khu"): "dac khu", ("x",): "xa", ("p",): "phuong", ("tt",): "thi tran"}
_DISTRICT_KINDS = {("huyen",): "huyen", ("quan",): "quan", ("thi", "xa"): "thi xa",
                   ("thanh", "pho"): "thanh pho", ("h",): "huyen", ("q",): "quan",
                   ("tx",): "thi xa", ("tp",): "thanh pho"}
_PROVINCE_KINDS = {("tinh",): "tinh", ("thanh", "pho"): "thanh pho", ("tp",): "thanh pho"}
# Short names of provinces that the official names do not contain (province codes).
_PROVINCE_ALIASES = {("hcm",): "79", ("tphcm",): "79", ("sai", "gon"): "79", ("brvt",): "77"}
# Characters that end a part of an address: the commune, district and province are usually
# written as comma-separated parts. (A dash is not one: "Phường Văn Miếu - Quốc Tử Giám".)
_PART_SEPARATORS = frozenset(",;|\n")
# Longer text is not one address (a whole letter pasted in): not read, so that the answer stays
# instant. The longest real addresses have about 30 words.
_MAX_WORDS = 80


@dataclass(frozen=True)
class _Token:
    text: str   # folded: no diacritics, lowercase; numbers without leading zeros
    start: int  # position in the cleaned address
    end: int
    part: int   # which comma-separated part of the address it is in


# A word: a run of digits or a run of letters ("P.12" → p, 12; "H'Leo" → h, leo).
_WORD = re.compile(r"\d+|[^\W\d_]+")


def _word(text: str) -> str:
    return (text.lstrip("0") or "0") if text.isdigit() else text


def _tokens(text: str) -> list[_Token]:
    """The words of `text` (already cleaned), folded, with where each is in `text`."""
    folded: list[str] = []
    origin: list[int] = []  # position in `text` of each folded character
    parts: list[int] = []
    part = 0
    for i, ch in enumerate(text):
        if ch in _PART_SEPARATORS:
            part += 1
            f = " "
        else:
            f = fold_char(ch) or (" " if ch.isspace() else "")
        folded.append(f)
        origin.extend([i] * len(f))
        parts.extend([part] * len(f))
    return [_Token(_word(m.group()), origin[m.start()], origin[m.end() - 1] + 1, parts[m.start()])
            for m in _WORD.finditer("".join(folded))]


@lru_cache(maxsize=None)  # the data repeats district and province names on every row
def _name_tokens(name: str) -> tuple[str, ...]:
    """The folded words of an official name; the same as _tokens() gives for it."""
    return tuple(_word(w) for w in _WORD.findall(fold(name)))


def _split_kind(name: str, kinds: dict[tuple[str, ...], str]) -> tuple[str, tuple[str, ...]]:
    """(folded type word, folded words of the bare name) of an official unit name."""
    words = _name_tokens(name)
    for n in (2, 1):
        if len(words) > n and words[:n] in kinds:
            return kinds[words[:n]], words[n:]
    return "", words


# --- Lookup tables (built once) ----------------------------------------------------------------

@dataclass(frozen=True)
class _OldCommune:
    """One pre-2025 commune, with the current commune(s) it went into."""

    name: str
    district_name: str
    province_name: str
    province_code: str
    kind: str                            # folded type word, "" when the data gives none
    district: tuple[str, ...]            # folded bare district name
    district_kind: str
    targets: tuple[tuple[str, str], ...]  # (current commune code, note of the conversion row)


@dataclass(frozen=True)
class _Tables:
    old_communes: dict[tuple[str, ...], tuple[_OldCommune, ...]]   # by folded bare name
    current_communes: dict[tuple[str, ...], tuple[Commune, ...]]    # by folded bare name
    districts: dict[tuple[str, ...], frozenset[tuple[str, str]]]     # → {(province code, kind)}
    provinces: dict[tuple[str, ...], frozenset[str]]                # → {province code}, old and new
    longest: int                                                   # words in the longest name


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    groups: dict[tuple[tuple[str, ...], tuple[str, ...], str], list[dict[str, str]]] = defaultdict(list)
    with open(paths.resource("data", "communes-2025-conversion.csv"), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            # One old commune is identified by its name, district and province: a few rows
            # share an old code by mistake, and the spelling of the type words varies.
            key = (_name_tokens(row["old_commune_name"]), _name_tokens(row["old_district_name"]),
                   row["old_province_code"])
            groups[key].append(row)

    old: dict[tuple[str, ...], list[_OldCommune]] = defaultdict(list)
    districts: dict[tuple[str, ...], set[tuple[str, str]]] = defaultdict(set)
    provinces: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for rows in groups.values():
        first = rows[0]
        kind, bare = _split_kind(first["old_commune_name"], _COMMUNE_KINDS)
        district_kind, district = _split_kind(first["old_district_name"], _DISTRICT_KINDS)
        targets = tuple(dict.fromkeys((r["new_commune_code"], r["note"]) for r in rows))
        if bare:
            old[bare].append(_OldCommune(
                clean_line(first["old_commune_name"]), clean_line(first["old_district_name"]),
                clean_line(first["old_province_name"]), first["old_province_code"], kind, district,
                district_kind, targets))
        if district:
            districts[district].add((first["old_province_code"], district_kind))
        provinces[_split_kind(first["old_province_name"], _PROVINCE_KINDS)[1]].add(first["old_province_code"])

    with open(paths.resource("data", "provinces-pre-2025.csv"), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            provinces[_split_kind(row["province_name"], _PROVINCE_KINDS)[1]].add(row["province_code"])
    current: dict[tuple[str, ...], list[Commune]] = defaultdict(list)
    for commune in communes().values():
        current[_split_kind(commune.commune_name, _COMMUNE_KINDS)[1]].append(commune)
        provinces[_split_kind(commune.province_name, _PROVINCE_KINDS)[1]].add(commune.province_code)
    for alias, code in _PROVINCE_ALIASES.items():
        provinces[alias].add(code)

    provinces.pop((), None)
    longest = max(len(k) for table in (old, current, districts, provinces) for k in table)
    return _Tables({k: tuple(v) for k, v in old.items()}, {k: tuple(v) for k, v in current.items()},
                   {k: frozenset(v) for k, v in districts.items()},
                   {k: frozenset(v) for k, v in provinces.items()}, longest)


# --- Reading an address ------------------------------------------------------------------------

@dataclass(frozen=True)
class _Match:
    """A phrase of the address that names a unit: words [first, end) of the token list."""

    first: int
    end: int
    written_kind: str  # the type word written before the name ("" for a bare name)
    key: tuple[str, ...]


@dataclass(frozen=True)
class _Candidate:
    """An old commune the address may mean, and what the rest of the address says for it."""

    match: _Match
    commune: _OldCommune
    district_named: int   # 0-2, see _district_named()
    province_named: bool  # the address names its province (old or current) after it


def _kind_at(words: list[str], i: int, kinds: dict[tuple[str, ...], str]) -> tuple[str, int]:
    """The type word of `kinds` that starts at word i, and its number of words."""
    for n in (2, 1):
        kind = kinds.get(tuple(words[i:i + n]))
        if kind is not None:
            return kind, n
    return "", 0


def _commune_matches(tokens: list[_Token], table: dict[tuple[str, ...], tuple], longest: int
                     ) -> list[_Match]:
    """The phrases naming a commune of `table`: a type word then the name, within one part of the
    address (every name that fits there: "xã Hòa Bình Thành phố Hạ Long" names both "Hòa Bình"
    and "Hòa Bình Thạnh"), or a whole part that is just the name."""
    words = [t.text for t in tokens]
    matches: list[_Match] = []
    for i in range(len(tokens)):
        for n in (2, 1):
            kind = _COMMUNE_KINDS.get(tuple(words[i:i + n]))
            if kind is None or i + n >= len(tokens) or tokens[i + n].part != tokens[i].part:
                continue
            if kind == "xa" and i > 0 and words[i - 1] == "thi":
                continue  # "thị xã": a district
            for j in range(i + n + 1, min(i + n + longest, len(tokens)) + 1):
                if tokens[j - 1].part != tokens[i].part:
                    break
                if tuple(words[i + n:j]) in table:
                    matches.append(_Match(i, j, kind, tuple(words[i + n:j])))
            break
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and tokens[j].part == tokens[i].part:
            j += 1
        if tuple(words[i:j]) in table:
            matches.append(_Match(i, j, "", tuple(words[i:j])))
        i = j
    return matches


@dataclass(frozen=True)
class _Mentions:
    """The districts and provinces an address names after some point."""

    typed_districts: frozenset[tuple[tuple[str, ...], str, str]]  # (bare name, province code, kind)
    districts: frozenset[tuple[tuple[str, ...], str, str]]        # typed or bare; kind "" when bare
    explicit_provinces: frozenset[str]  # after a type word, or a whole part of the address
    provinces: frozenset[str]           # also bare names within a part


def _mentions(tokens: list[_Token], start: int) -> _Mentions:
    """The districts and provinces named from word `start` on. Read left to right: at each place
    every district or province name that starts there (after a type word or not), then on from
    the end of the shortest one, so that the "Lắk" of "Đắk Lắk" is not read as a name too."""
    tables = _tables()
    words = [t.text for t in tokens]
    typed_districts: set[tuple[tuple[str, ...], str, str]] = set()
    districts: set[tuple[tuple[str, ...], str, str]] = set()
    explicit: set[str] = set()
    provinces: set[str] = set()
    i = start
    while i < len(tokens):
        district_kind, district_words = _kind_at(words, i, _DISTRICT_KINDS)
        province_kind, province_words = _kind_at(words, i, _PROVINCE_KINDS)
        commune_kind, commune_words = _kind_at(words, i, _COMMUNE_KINDS)
        kind_words = max(district_words, province_words)
        if commune_kind and not kind_words:
            i += commune_words + 1  # a commune's type word and name
            continue
        readings = [(i, "", "")]  # a bare name, and a name after its type word
        if kind_words:
            readings.append((i + kind_words, district_kind, province_kind))
        next_i = len(tokens) + 1
        for first, d_kind, p_kind in readings:
            if first >= len(tokens) or tokens[first].part != tokens[i].part:
                continue
            for end in range(first + 1, min(first + tables.longest, len(tokens)) + 1):
                if tokens[end - 1].part != tokens[first].part:
                    break
                key = tuple(words[first:end])
                in_districts = tables.districts.get(key, frozenset()) if d_kind or not p_kind else frozenset()
                in_provinces = tables.provinces.get(key, frozenset()) if p_kind or not d_kind else frozenset()
                if not (in_districts or in_provinces):
                    continue
                next_i = min(next_i, end)
                for code, kind in in_districts:
                    if d_kind == kind:
                        typed_districts.add((key, code, kind))
                        districts.add((key, code, kind))
                    else:
                        districts.add((key, code, ""))  # bare, or written with another type word
                provinces.update(in_provinces)
                whole_part = ((first == 0 or tokens[first - 1].part != tokens[first].part)
                              and (end == len(tokens) or tokens[end].part != tokens[first].part))
                if p_kind or whole_part:
                    explicit.update(in_provinces)
        i = next_i if next_i <= len(tokens) else i + 1
    return _Mentions(frozenset(typed_districts), frozenset(districts), frozenset(explicit),
                     frozenset(provinces))


def _district_named(commune: _OldCommune, mentions: _Mentions) -> int:
    """How surely the address names the commune's district after it: 2 with its type word or by
    a name no province has, 1 only by a name that is also a province's ("Thanh Hóa"), else 0."""
    key, code = commune.district, commune.province_code
    if (key, code, commune.district_kind) in mentions.typed_districts:
        return 2
    if (key, code, "") in mentions.districts or (key, code, commune.district_kind) in mentions.districts:
        return 1 if key in _tables().provinces else 2
    return 0


def _province_codes(commune: _OldCommune) -> set[str]:
    """The commune's old province and the current province(s) it is now in."""
    units = communes()
    return {commune.province_code} | {units[code].province_code
                                      for code, _ in commune.targets if code in units}


def _contradicted(commune: _OldCommune, mentions: _Mentions) -> bool:
    """Whether the address names another district or province than the commune's."""
    if mentions.typed_districts and not any(
            key == commune.district and code == commune.province_code and kind == commune.district_kind
            for key, code, kind in mentions.typed_districts):
        return True
    return bool(mentions.explicit_provinces) and not (_province_codes(commune) & mentions.explicit_provinces)


def _population_target(commune: _OldCommune) -> str | None:
    """The current commune the old one's residents went to, or None when it was split between
    several and the data does not say which took the people."""
    codes = list(dict.fromkeys(code for code, _ in commune.targets))
    if len(codes) == 1:
        return codes[0]
    whole_population = {code for code, note in commune.targets if "toàn bộ dân số" in note}
    if len(whole_population) == 1:
        return whole_population.pop()
    # Rows that moved only land ("Nhập một phần diện tích") took no residents.
    with_people = {code for code, note in commune.targets
                   if not ("diện tích" in note and "dân số" not in note)}
    return with_people.pop() if len(with_people) == 1 else None


def _names_current_commune(tokens: list[_Token], old_matches: list[_Match]) -> bool:
    """Whether the address names a current commune, followed by no old district and by its
    province if any: with its type word, unless an old commune's longer name starts there; or
    as a whole part of the address before any old commune's name ("Giảng Võ, Hà Nội", but not
    the "Ba Đình" of "Quán Thánh, Ba Đình, Hà Nội")."""
    tables = _tables()
    for match in _commune_matches(tokens, tables.current_communes, tables.longest):
        if match.written_kind:
            if any(m.first == match.first and m.end > match.end for m in old_matches):
                continue
        elif any(m.first < match.first for m in old_matches):
            continue
        mentions = _mentions(tokens, match.end)
        if any(key not in tables.provinces
               and (not mentions.explicit_provinces or code in mentions.explicit_provinces)
               for key, code, _ in mentions.districts):
            continue  # followed by an old district ("Giảng Võ, Ba Đình, Hà Nội")
        for commune in tables.current_communes[match.key]:
            if not mentions.explicit_provinces or commune.province_code in mentions.explicit_provinces:
                return True
    return False


def current_unit_for(address: str) -> CurrentUnitSuggestion | None:
    """The current commune for an address written with pre-2025 units, or None.

    The old commune must be named as a whole phrase, with its type word ("phường Quán Thánh",
    "xã Kim Chung", "P.12", "TT. ...") or as a whole comma-separated part followed by its district
    or province ("Quán Thánh, Ba Đình, Hà Nội"); with or without diacritics. Same-named old
    communes are told apart by the district and province named after the commune. None when:
    nothing is recognised; the address already names a current commune and no old district;
    several old communes remain possible; the old commune was split between current communes
    and the data does not say which took its residents; or the text is too long to be one
    address (over 80 words).
    """
    text = clean_line(address)
    tokens = _tokens(text)
    if not tokens or len(tokens) > _MAX_WORDS:
        return None
    tables = _tables()
    matches = _commune_matches(tokens, tables.old_communes, tables.longest)
    if not _mentions(tokens, 0).typed_districts and _names_current_commune(tokens, matches):
        return None

    candidates: list[_Candidate] = []
    mentions_after: dict[int, _Mentions] = {}
    for match in matches:
        if match.end not in mentions_after:
            mentions_after[match.end] = _mentions(tokens, match.end)
        mentions = mentions_after[match.end]
        for commune in tables.old_communes[match.key]:
            if _contradicted(commune, mentions):
                continue
            district = _district_named(commune, mentions)
            province = bool(_province_codes(commune) & mentions.provinces)
            if match.written_kind or district or province:  # a bare name needs one of them
                candidates.append(_Candidate(match, commune, district, province))
    most = max((c.district_named for c in candidates), default=0)
    candidates = [c for c in candidates if c.district_named == most]
    for preferred in (
        lambda c: c.province_named,
        lambda c: bool(c.match.written_kind),
        lambda c: c.match.written_kind == c.commune.kind,
    ):
        if any(preferred(c) for c in candidates):
            candidates = [c for c in candidates if preferred(c)]
    # Of names starting at the same word, the longest ("xã Xuân Quang 3", not "xã Xuân Quang").
    longest_end: dict[int, int] = {}
    for c in candidates:
        longest_end[c.match.first] = max(longest_end.get(c.match.first, 0), c.match.end)
    candidates = [c for c in candidates if c.match.end == longest_end[c.match.first]]
    if len({c.commune for c in candidates}) != 1:
        return None

    first = min(candidates, key=lambda c: c.match.first)
    match, commune = first.match, first.commune
    code = _population_target(commune)
    if code is None or code not in communes():
        return None
    new = communes()[code]
    before = text[:tokens[match.first].start].rstrip(" ,;|-–—:.")
    current = f"{new.commune_name}, {new.province_name}"
    return CurrentUnitSuggestion(
        commune.name, commune.district_name, commune.province_name, new.commune_code,
        new.commune_name, new.province_name, f"{before}, {current}" if before else current)


def prepare(commune_code: str) -> None:
    """Build the lookup tables and the completion list ahead of use (a program may call it on a spare thread)."""
    _tables()
    unit = communes().get(commune_code)
    _national_completions(unit.province_code if unit else "")

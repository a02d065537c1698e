"""What demonstration records are made of: Vietnamese names, ID numbers, phones, addresses in real communes,
and plausible matters per content type and field, drawn from one seeded random generator.

The words live in `resources/data/generator/vocabulary.json`; the communes in `admin-units-2025.csv`.
"""

from __future__ import annotations

import bisect
import csv
import json
import random
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from receptiondesk import paths
from receptiondesk.domain.text import nfc
from receptiondesk.domain.units import communes

#: Positions written with a capital inside a sentence ("tố cáo Chủ tịch UBND xã", but "tố cáo kế toán xã").
TITLES = ("Chủ tịch", "Phó Chủ tịch", "Trưởng", "Bí thư", "Phó Bí thư")
#: Share of citizens whose ID was issued by one of the pre-2025 provinces the desk's province was made of.
HOME_ID_SHARE = 0.92


def pick(rng: random.Random, values):
    """One of `values`, each as likely (random.choice, without its per-call overhead)."""
    return values[int(rng.random() * len(values))]


def between(rng: random.Random, low: int, high: int) -> int:
    """A whole number from `low` to `high` inclusive, each as likely (random.randint, cheaper)."""
    return low + int(rng.random() * (high - low + 1))


class Weighted:
    """Draw values with given relative weights (bisect over cumulative weights)."""

    def __init__(self, pairs) -> None:
        pairs = list(pairs)
        if not pairs:
            raise ValueError("nothing to draw from")
        self.values = [value for value, _ in pairs]
        self.cumulative: list[float] = []
        total = 0.0
        for _, weight in pairs:
            total += weight
            self.cumulative.append(total)
        self.total = total

    def draw(self, rng: random.Random):
        return self.values[bisect.bisect_right(self.cumulative, rng.random() * self.total)]


@dataclass(frozen=True)
class Unit:
    """A commune as the records write it."""

    code: str
    name: str  # "Xã Xuân Lương"
    kind: str  # "xã", "phường", "đặc khu"
    place: str  # as in an address or a title: "xã Xuân Lương", "phường Đa Mai"
    hamlet: str  # "Thôn" or "Tổ dân phố"
    body: str  # "UBND xã Xuân Lương"


def unit_of(code: str) -> Unit:
    """The commune `code` (2025 list) as the records write it."""
    commune = communes()[code]
    kind = commune.commune_type
    name = commune.commune_name
    bare = name.split(" ", 1)[1] if name.lower().startswith(kind) else name
    place = f"{kind} {bare}"
    hamlet = "Tổ dân phố" if kind == "phường" else "Thôn"
    return Unit(code, name, kind, place, hamlet, f"UBND {place}")


def province_units(province_code: str) -> list[Unit]:
    """Every commune of a province, in code order."""
    return [unit_of(c.commune_code) for c in sorted(communes().values(), key=lambda c: c.commune_code)
            if c.province_code == province_code]


@lru_cache(maxsize=1)
def load_words() -> dict[str, Any]:
    """The generator's vocabulary file, NFC throughout."""
    with open(paths.resource("data", "generator", "vocabulary.json"), encoding="utf-8") as fh:
        return json.loads(nfc(fh.read()))


@lru_cache(maxsize=64)
def id_prefixes(province_code: str) -> tuple[tuple[str, float], ...]:
    """Citizen-ID prefixes with weights: mostly the pre-2025 provinces this province was made of
    (weighted by how many of their communes it took, from communes-2025-conversion.csv), sometimes any other."""
    with open(paths.resource("data", "provinces-pre-2025.csv"), encoding="utf-8-sig", newline="") as fh:
        prefix_of = {row["province_code"]: row["citizen_id_prefix"] for row in csv.DictReader(fh)}
    codes = {c.commune_code for c in communes().values() if c.province_code == province_code}
    home: Counter[str] = Counter()
    with open(paths.resource("data", "communes-2025-conversion.csv"), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["new_commune_code"] in codes and row["old_province_code"] in prefix_of:
                home[prefix_of[row["old_province_code"]]] += 1
    if not home:
        return tuple((p, 1.0) for p in sorted(prefix_of.values()))
    total = sum(home.values())
    pairs = [(p, HOME_ID_SHARE * n / total) for p, n in sorted(home.items())]
    others = sorted(set(prefix_of.values()) - home.keys())
    pairs += [(p, (1 - HOME_ID_SHARE) / len(others)) for p in others]
    return tuple(pairs)


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:] if text else text


def _weighted(pairs) -> Weighted:
    return Weighted((value, float(weight)) for value, weight in pairs)


class Vocabulary:
    """Realistic people, papers, addresses and matters for the communes of one province."""

    def __init__(self, rng: random.Random, province_code: str) -> None:
        words = load_words()
        self.words = words
        self.rng = rng
        self.province_code = province_code
        self.units = province_units(province_code)
        province_name = next(c.province_name for c in communes().values() if c.province_code == province_code)
        self.province_name = province_name
        short = province_name.split(" ", 1)[1] if province_name.startswith("Tỉnh ") else province_name
        self.province_short = short.removeprefix("phố ")
        self.surnames = _weighted(words["surnames"])
        self.middle = {g: _weighted(pairs) for g, pairs in words["middle_names"].items()}
        self.given = {g: _weighted(pairs) for g, pairs in words["given_names"].items()}
        self.mobile_prefixes = words["mobile_prefixes"]
        self.content_types = _weighted(words["content_types"])
        self.fields = _weighted(words["fields"])
        self.subjects = words["subjects"]
        self.templates = words["templates"]
        self.positions = words["respondent_positions"]
        self.directions = {kind: _weighted(pairs) for kind, pairs in words["directions"].items()}
        self.refusal_grounds = _weighted(words["refusal_grounds"])
        self.bodies = [b.format(p=self.province_short) for b in words["bodies"]]
        self.came_as = _weighted(words["came_as"])
        self.proof_papers = words["proof_papers"]
        self.prefixes = Weighted(id_prefixes(province_code))
        self.used_ids: set[str] = set()
        #: Summaries of the same matter recur constantly; fold() and sort keys are memoised by their users.
        self._matters: dict[tuple, str] = {}

    # -- people ------------------------------------------------------------------------------
    def person(self) -> tuple[str, str, int]:
        """(full name, gender, birth year)."""
        rng = self.rng
        gender = "male" if rng.random() < 0.56 else "female"
        name = f"{self.surnames.draw(rng)} {self.middle[gender].draw(rng)} {self.given[gender].draw(rng)}"
        return name, gender, int(rng.triangular(1940, 2006, 1968))

    def name(self) -> str:
        return self.person()[0]

    def organisation(self, unit: Unit) -> str:
        rng = self.rng
        template = pick(rng, self.words["organisations"])
        return template.format(given=self.given["male"].draw(rng), given2=self.given["female"].draw(rng),
                               commune=unit.name.split(" ", 1)[1])

    def citizen_id(self, gender: str, birth_year: int) -> str:
        """A 12-digit citizen ID consistent with gender and birth year, unique in this data."""
        rng = self.rng
        digit = (0 if birth_year < 2000 else 2) + (1 if gender == "female" else 0)
        head = f"{self.prefixes.draw(rng)}{digit}{birth_year % 100:02d}"
        while True:
            number = f"{head}{int(rng.random() * 1_000_000):06d}"
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    def cmnd(self) -> str:
        """An old 9-digit identity card number, unique in this data."""
        while True:
            number = f"{between(self.rng, 10_000_000, 399_999_999):09d}"
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    def phone(self) -> str:
        return f"{pick(self.rng, self.mobile_prefixes)}{int(self.rng.random() * 10_000_000):07d}"

    def address(self, unit: Unit, hamlets: list[str] | None = None) -> str:
        if hamlets:
            return f"{pick(self.rng, hamlets)}, {unit.place}"
        return f"{unit.hamlet} {between(self.rng, 1, 15)}, {unit.place}"

    # -- matters -----------------------------------------------------------------------------
    def matter(self, unit: Unit, content_type: str | None = None, field_code: str | None = None,
               allow_denunciation: bool = True) -> tuple[str, str, str, str]:
        """(content type, field, summary, respondent position or "") of a matter raised in `unit`."""
        rng = self.rng
        content_type = content_type or self.content_types.draw(rng)
        while content_type == "denunciation" and not allow_denunciation:
            content_type = self.content_types.draw(rng)
        field_code = field_code or self.fields.draw(rng)
        position = ""
        if content_type in ("denunciation", "complaint"):
            position = pick(rng, self.positions).format(kind=unit.kind, hamlet=unit.hamlet.lower())
        template = pick(rng, self.templates[content_type])
        subject = pick(rng, self.subjects[field_code])
        key = (template, subject, position)
        summary = self._matters.get(key)
        if summary is None:
            actor = position if position.startswith(TITLES) else _lower_first(position) if position else "cán bộ xã"
            summary = self._matters[key] = template.format(s=subject, r=actor)
        if content_type == "complaint" and "{r}" not in template and rng.random() < 0.6:
            position = ""
        return content_type, field_code, summary, position

    def direction(self, kind: str = "first") -> tuple[str, str, str, str | None, bool]:
        """(direction, body, document number, refusal ground, in competence) as the desk records them."""
        rng = self.rng
        direction = self.directions[kind].draw(rng)
        if direction == "guided":
            doc = f"{between(rng, 1, 480)}/HD-UBND" if rng.random() < 0.3 else ""
            return direction, pick(rng, self.bodies), doc, None, False
        if direction == "transferred":
            return direction, pick(rng, self.bodies), f"{between(rng, 1, 480)}/PC-UBND", None, False
        if direction == "refused":
            return direction, "", "", self.refusal_grounds.draw(rng), True
        return direction, "", "", None, True

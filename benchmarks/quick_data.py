"""Quick, deterministic province-scale benchmark data: one province's communes, five years of visits.

Rows go straight into the desk's tables in large transactions; the services write one visit at a time.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import json
import multiprocessing
import os
import queue
import random
import sqlite3
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

from receptiondesk import paths
from receptiondesk.domain.calendar import HOLIDAY, WorkingCalendar, default_calendar_days
from receptiondesk.domain.cases import STATUS_AFTER_DIRECTION, CaseStatus, ContentType, Direction, DueFacts, due_date
from receptiondesk.domain.rules import RulesTable
from receptiondesk.domain.text import fold, name_sort_key
from receptiondesk.services.desk import Desk
from receptiondesk.storage.database import open_database

#: Bump when the generated data changes, so `--reuse` does not pick up an older file.
GENERATOR_VERSION = 2
DEFAULT_SEED = 20251231
DEFAULT_VISITS = 1_000_000
#: Tỉnh Bắc Ninh (merged with Bắc Giang in 2025): 99 communes.
PROVINCE_CODE = "24"
#: Pre-2025 citizen-ID prefixes of the provinces the new one was made of.
HOME_ID_PREFIXES = (("024", 47), ("027", 45))
HOME_SHARE = 0.92
FIRST_YEAR, LAST_YEAR = 2021, 2025
#: Cases received this long before the end of the data have mostly been concluded and closed.
AGED_AFTER_DAYS = 120
OFFICER_NAME = "Cán bộ"
CHUNK_VISITS = 50_000
TABLES_WITH_DROPPED_INDEXES = ("citizens", "cases", "visits", "visit_cases")


class Weighted:
    """Draw values with given relative weights (bisect over cumulative weights)."""

    def __init__(self, pairs) -> None:
        pairs = list(pairs)
        self.values = [value for value, _ in pairs]
        self.cumulative = []
        total = 0.0
        for _, weight in pairs:
            total += weight
            self.cumulative.append(total)
        self.total = total

    def draw(self, rng: random.Random):
        return self.values[bisect.bisect_right(self.cumulative, rng.random() * self.total)]


# --- Names --------------------------------------------------------------------------------------

SURNAMES = Weighted([
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 4), ("Huỳnh", 1), ("Phan", 4.5),
    ("Vũ", 3), ("Võ", 1), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1),
    ("Lý", 0.5), ("Đào", 1.1), ("Đoàn", 0.9), ("Trịnh", 0.8), ("Trương", 0.8), ("Đinh", 0.8), ("Thân", 0.9),
    ("Lương", 0.6), ("Mai", 0.6), ("Cao", 0.6), ("Hà", 0.7), ("Tạ", 0.5), ("Phùng", 0.5), ("Chu", 0.5),
    ("Nghiêm", 0.4), ("Lâm", 0.4), ("Vương", 0.3), ("Tô", 0.4), ("Kiều", 0.3), ("Quách", 0.3), ("Giáp", 0.4),
    ("Ngọ", 0.2),
])
MIDDLE_NAMES = {
    "male": Weighted([("Văn", 45), ("Đức", 8), ("Hữu", 7), ("Minh", 7), ("Quang", 5), ("Thanh", 5), ("Ngọc", 4),
                      ("Xuân", 4), ("Công", 4), ("Đình", 5), ("Mạnh", 2), ("Trọng", 2), ("Tiến", 2)]),
    "female": Weighted([("Thị", 60), ("Thu", 7), ("Ngọc", 6), ("Thanh", 6), ("Minh", 4), ("Hồng", 5), ("Thúy", 3),
                        ("Phương", 3), ("Kim", 3), ("Bích", 3)]),
}
GIVEN_NAMES = {
    "male": Weighted([
        ("Đức", 4), ("Hùng", 5), ("Dũng", 5), ("Tuấn", 5), ("Minh", 4), ("Nam", 4), ("Hải", 4), ("Long", 3),
        ("Sơn", 4), ("Thắng", 4), ("Cường", 4), ("Quang", 3), ("Huy", 3), ("Hiếu", 3), ("Trung", 3), ("Bình", 3),
        ("Thành", 4), ("Phong", 2), ("Khánh", 2), ("Tùng", 3), ("Hoàng", 2), ("Việt", 2), ("Toàn", 2), ("Hưng", 3),
        ("Tài", 2), ("Vinh", 2), ("Chiến", 3), ("Hòa", 2), ("Lâm", 2), ("Quân", 2), ("Thịnh", 2), ("Kiên", 2),
    ]),
    "female": Weighted([
        ("Lan", 5), ("Hoa", 5), ("Hương", 5), ("Mai", 4), ("Hạnh", 4), ("Hằng", 4), ("Thảo", 4), ("Linh", 3),
        ("Ngọc", 2), ("Trang", 3), ("Nga", 4), ("Thủy", 4), ("Hà", 3), ("Dung", 3), ("Yến", 3), ("Huyền", 3),
        ("Loan", 3), ("Nhung", 3), ("Phương", 2), ("Vân", 3), ("Oanh", 2), ("Liên", 3), ("Tâm", 2), ("Thu", 2),
        ("Hiền", 3), ("Nhàn", 2), ("Tuyết", 2), ("Xuân", 2), ("Quyên", 1), ("Thơm", 2),
    ]),
}
MOBILE_PREFIXES = ("032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098", "091",
                   "094", "088", "083", "084", "085", "081", "082", "070", "076", "077", "078", "079", "090",
                   "093", "056", "058", "059")


# --- Content ------------------------------------------------------------------------------------

CONTENT_TYPES = Weighted([("complaint", 25), ("denunciation", 7), ("petition", 38), ("report", 30)])
FIELDS = Weighted([("land", 45), ("housing_construction", 10), ("social_policy", 12), ("finance_fees", 6),
                   ("environment", 8), ("justice", 6), ("party_mass", 2), ("corruption", 3), ("other", 8)])

#: What a matter is about, per field (lĩnh vực).
SUBJECTS = {
    "land": (
        "việc cấp giấy chứng nhận quyền sử dụng đất cho gia đình",
        "việc thu hồi đất nông nghiệp và bồi thường, hỗ trợ tái định cư",
        "tranh chấp ranh giới thửa đất với hộ liền kề",
        "việc lấn chiếm đất công, đất hành lang giao thông tại thôn",
        "việc đo đạc, chỉnh lý biến động đất đai sai diện tích",
        "giá bồi thường đất ở khi giải phóng mặt bằng khu công nghiệp",
        "việc chuyển mục đích sử dụng đất vườn sang đất ở",
        "việc giao đất dịch vụ cho hộ bị thu hồi đất",
    ),
    "housing_construction": (
        "việc hộ liền kề xây dựng nhà ở không có giấy phép",
        "công trình xây dựng làm nứt tường, lún nền nhà dân",
        "việc cấp phép xây dựng nhà ở riêng lẻ",
        "chất lượng thi công đường giao thông nông thôn",
        "việc xây dựng tường rào lấn sang lối đi chung",
    ),
    "social_policy": (
        "việc bình xét hộ nghèo, hộ cận nghèo năm nay",
        "chế độ trợ cấp cho người có công với cách mạng",
        "việc chi trả trợ cấp xã hội cho người cao tuổi",
        "việc cấp thẻ bảo hiểm y tế cho hộ cận nghèo",
        "chế độ cho người bị ảnh hưởng chất độc hóa học",
    ),
    "finance_fees": (
        "việc thu các khoản đóng góp tại thôn",
        "việc thu phí vệ sinh môi trường",
        "việc quản lý quỹ xây dựng nhà văn hóa thôn",
        "việc thu thuế sử dụng đất phi nông nghiệp",
    ),
    "environment": (
        "tiếng ồn, khói bụi từ xưởng sản xuất gần khu dân cư",
        "việc xả nước thải chưa qua xử lý ra kênh mương nội đồng",
        "việc tập kết rác thải gây ô nhiễm tại đầu thôn",
        "mùi hôi từ trang trại chăn nuôi lợn",
        "việc khai thác cát trái phép trên sông Cầu",
    ),
    "justice": (
        "việc chứng thực hợp đồng chuyển nhượng quyền sử dụng đất",
        "việc đăng ký khai sinh, cải chính hộ tịch",
        "việc hòa giải tranh chấp thừa kế tại thôn",
        "việc xác nhận tình trạng hôn nhân",
    ),
    "party_mass": (
        "việc kết nạp đảng viên tại chi bộ thôn",
        "hoạt động của chi hội cựu chiến binh",
        "việc quản lý quỹ hội nông dân",
        "việc bầu trưởng thôn nhiệm kỳ mới",
    ),
    "corruption": (
        "việc sử dụng kinh phí xây dựng nông thôn mới",
        "việc nhận tiền của dân khi giải quyết hồ sơ đất đai",
        "việc đấu thầu công trình nhà văn hóa thôn",
        "việc quản lý tiền bồi thường giải phóng mặt bằng",
    ),
    "other": (
        "việc cấp điện sinh hoạt chập chờn",
        "trật tự an toàn giao thông trên tỉnh lộ qua thôn",
        "việc quản lý, sắp xếp chợ nông thôn",
        "tình trạng mất an ninh trật tự tại khu dân cư",
    ),
}

#: How each content type puts the matter; {s} is the subject, {r} the respondent's position.
TEMPLATES = {
    "complaint": (
        "Khiếu nại {s}",
        "Khiếu nại quyết định hành chính liên quan đến {s}",
        "Không đồng ý với kết quả giải quyết {s}, đề nghị xem xét lại",
    ),
    "denunciation": (
        "Tố cáo {r} có sai phạm trong {s}",
        "Tố cáo {r} lợi dụng chức vụ trong {s}",
    ),
    "petition": (
        "Kiến nghị xem xét, giải quyết {s}",
        "Đề nghị chính quyền sớm giải quyết {s}",
        "Kiến nghị làm rõ {s}",
    ),
    "report": (
        "Phản ánh {s}",
        "Phản ánh tình trạng chậm trễ trong {s}",
        "Phản ánh về {s} ảnh hưởng đến đời sống nhân dân",
    ),
}
RESPONDENT_POSITIONS = ("Trưởng thôn", "Công chức địa chính - xây dựng", "Chủ tịch UBND xã", "Kế toán xã",
                        "Công chức tư pháp - hộ tịch", "Phó Chủ tịch UBND xã", "Công an viên")

DIRECTIONS = Weighted([("guided", 35), ("transferred", 15), ("accepted", 20), ("answered", 15), ("filed", 10),
                       ("refused", 5)])
REFUSAL_GROUNDS = Weighted([("already_resolved", 40), ("handled_elsewhere", 20), ("court_judgment", 15),
                            ("threatening", 8), ("incapacitated", 5), ("unproven_representative", 7),
                            ("weapons", 1), ("unauthorised_recording", 2), ("other_legal_ground", 2)])
#: Bodies citizens are guided or letters transferred to; {p} is the province's short name.
BODIES = ("Tòa án nhân dân khu vực 1 - {p}", "Văn phòng Đăng ký đất đai tỉnh {p}", "Sở Nông nghiệp và Môi trường",
          "Bảo hiểm xã hội tỉnh {p}", "Công an tỉnh {p}", "Sở Xây dựng tỉnh {p}", "Thanh tra tỉnh {p}",
          "Sở Nội vụ tỉnh {p}", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh {p}", "Điện lực {p}")
CAME_AS = Weighted([("self", 95.5), ("authorised", 3), ("lawyer", 1), ("legal_aid", 0.5)])
PROOF_PAPERS = {"authorised": "Giấy ủy quyền có chứng thực", "lawyer": "Thẻ luật sư và giấy giới thiệu",
                "legal_aid": "Quyết định cử người thực hiện trợ giúp pháp lý",
                "group_representative": "Văn bản cử người đại diện"}


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    place: str  # how the commune appears in an address: "xã Xuân Lương", "phường Đa Mai"
    hamlet: str  # "Thôn" or "Tổ dân phố"
    body: str  # "UBND xã Xuân Lương"


def province_units(province_code: str = PROVINCE_CODE) -> tuple[str, list[Unit]]:
    """The province's name and its communes, from resources/data/admin-units-2025.csv."""
    units: list[Unit] = []
    province_name = ""
    with open(paths.resource("data", "admin-units-2025.csv"), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["province_code"] != province_code:
                continue
            province_name = row["province_name"]
            kind = row["commune_type"]
            name = row["commune_name"]
            bare = name.split(" ", 1)[1] if name.lower().startswith(kind) else name
            place = f"{kind} {bare}"
            hamlet = "Tổ dân phố" if kind == "phường" else "Thôn"
            units.append(Unit(row["commune_code"], name, place, hamlet, f"UBND {place}"))
    if not units:
        raise ValueError(f"no communes for province {province_code}")
    return province_name, units


def _id_prefixes() -> Weighted:
    """Mostly this province's pre-2025 prefixes, sometimes a citizen born elsewhere."""
    with open(paths.resource("data", "provinces-pre-2025.csv"), encoding="utf-8-sig", newline="") as fh:
        others = [row["citizen_id_prefix"] for row in csv.DictReader(fh)]
    home = dict(HOME_ID_PREFIXES)
    home_total = sum(home.values())
    pairs = [(p, HOME_SHARE * w / home_total) for p, w in home.items()]
    rest = [p for p in others if p not in home]
    pairs += [(p, (1 - HOME_SHARE) / len(rest)) for p in rest]
    return Weighted(pairs)


class Vocabulary:
    """Realistic Vietnamese people, addresses and matters, drawn from one seeded random generator."""

    def __init__(self, rng: random.Random, province_code: str = PROVINCE_CODE, *, seed: int | None = None) -> None:
        self.rng = rng
        self.seed = seed
        self.province_code = province_code
        self.province_name, self.units = province_units(province_code)
        short = self.province_name.split(" ", 1)[1] if self.province_name.startswith("Tỉnh ") else self.province_name
        short = short.removeprefix("phố ")
        self.bodies = [b.format(p=short) for b in BODIES]
        self.prefixes = _id_prefixes()
        self.used_ids: set[str] = set()

    def person(self) -> tuple[str, str, int]:
        """(full name, gender, birth year)."""
        rng = self.rng
        gender = "male" if rng.random() < 0.56 else "female"
        name = f"{SURNAMES.draw(rng)} {MIDDLE_NAMES[gender].draw(rng)} {GIVEN_NAMES[gender].draw(rng)}"
        return name, gender, int(rng.triangular(1940, 2006, 1968))

    def citizen_id(self, gender: str, birth_year: int) -> str:
        """A 12-digit citizen ID consistent with gender and birth year, unique in this data."""
        rng = self.rng
        century = 0 if birth_year < 2000 else 2
        digit = century + (1 if gender == "female" else 0)
        head = f"{self.prefixes.draw(rng)}{digit}{birth_year % 100:02d}"
        while True:
            number = f"{head}{rng.randrange(1_000_000):06d}"
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    def phone(self) -> str:
        return f"{self.rng.choice(MOBILE_PREFIXES)}{self.rng.randrange(10_000_000):07d}"

    def address(self, unit: Unit) -> str:
        return f"{unit.hamlet} {self.rng.randint(1, 15)}, {unit.place}"

    def matter(self, content_type: str | None = None, field_code: str | None = None) -> tuple[str, str, str, str]:
        """(content type, field, summary, respondent position or "")."""
        rng = self.rng
        content_type = content_type or CONTENT_TYPES.draw(rng)
        field_code = field_code or FIELDS.draw(rng)
        position = rng.choice(RESPONDENT_POSITIONS) if content_type in ("denunciation", "complaint") else ""
        template = rng.choice(TEMPLATES[content_type])
        actor = position[0].lower() + position[1:] if position else "cán bộ xã"
        summary = template.format(s=rng.choice(SUBJECTS[field_code]), r=actor)
        if content_type == "complaint" and "{r}" not in template and rng.random() < 0.6:
            position = ""
        return content_type, field_code, summary, position

    def direction(self) -> tuple[str, str, str, str | None, int]:
        """(direction, body, document number, refusal ground, in competence)."""
        rng = self.rng
        direction = DIRECTIONS.draw(rng)
        if direction == "guided":
            return direction, rng.choice(self.bodies), "", None, 0
        if direction == "transferred":
            return direction, rng.choice(self.bodies), f"{rng.randint(1, 480)}/PC-UBND", None, 0
        if direction == "refused":
            return direction, "", "", REFUSAL_GROUNDS.draw(rng), 1
        return direction, "", "", None, 1


# --- The bulk writer ----------------------------------------------------------------------------

CITIZEN_SQL = (
    "INSERT INTO citizens (id, uuid, unit_code, created_at, updated_at, epoch, version, seq, voided, kind, full_name,"
    " name_folded, name_sort, id_type, id_number, birth_year, gender, phone, address, address_folded, protected)"
    " VALUES (?, ?, ?, ?, ?, 0, 1, ?, 0, 'person', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
CASE_SQL = (
    "INSERT INTO cases (id, uuid, unit_code, created_at, updated_at, epoch, version, seq, voided, received_on, source,"
    " citizen_id, content_type, field_code, summary, respondent_name, respondent_position, respondent_body,"
    " in_competence, direction, direction_body, direction_doc, refusal_ground, flag_bypass, flag_long_running,"
    " flag_complex, needs_verification, status, step_started_on, due_date, concluded_on, conclusion, informed_on,"
    " closed_on) VALUES (?, ?, ?, ?, ?, 0, 1, ?, 0, ?, 'visit', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
    " ?, ?, ?, ?, ?)"
)
VISIT_SQL = (
    "INSERT INTO visits (id, uuid, unit_code, created_at, updated_at, epoch, version, seq, voided, year, logbook_no,"
    " visit_date, citizen_id, full_name, name_sort, address, id_number, came_as, proof_paper, channel,"
    " reception_kind, session_id, headcount, is_delegation, representatives, summary, prior_handler, in_competence,"
    " direction, direction_body, direction_doc, refusal_ground, first_time, followup, notes)"
    " VALUES (?, ?, ?, ?, ?, 0, 1, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'routine', NULL, ?, ?, ?, ?, ?, ?, ?, ?,"
    " ?, ?, ?, '', '')"
)
VISIT_CASE_SQL = "INSERT INTO visit_cases (visit_id, case_id, first_time) VALUES (?, ?, ?)"
VISIT_SEARCH_SQL = "INSERT INTO visit_search (rowid, name, address, content) VALUES (?, ?, ?, ?)"
CASE_SEARCH_SQL = "INSERT INTO case_search (rowid, name, respondent, content) VALUES (?, ?, ?, ?)"

_UUID_MASK = ~(0xF000 << 64) & ~(0xC000 << 48) & ((1 << 128) - 1)
_UUID_BITS = (0x4000 << 64) | (0x8000 << 48)


def _uuid(rng: random.Random) -> str:
    """A version-4 UUID from the seeded generator (deterministic, unlike uuid.uuid4)."""
    h = f"{(rng.getrandbits(128) & _UUID_MASK) | _UUID_BITS:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class _Memo(dict):
    """fold() and name_sort_key() of repeated strings, computed once."""

    def __init__(self, function) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, key: str) -> str:
        value = self[key] = self.function(key)
        return value


def working_days(first_year: int = FIRST_YEAR, last_year: int = LAST_YEAR) -> list[date]:
    """Weekdays that are not default public holidays."""
    holidays = {d.day for y in range(first_year, last_year + 1) for d in default_calendar_days(y) if d.kind == HOLIDAY}
    day, end, days = date(first_year, 1, 1), date(last_year, 12, 31), []
    while day <= end:
        if day.weekday() < 5 and day not in holidays:
            days.append(day)
        day += timedelta(days=1)
    return days


@dataclass
class GenerationReport:
    path: str
    visits: int
    seed: int
    generator: int
    seconds: float
    counts: dict[str, int] = field(default_factory=dict)
    desk_unit: str = ""

    @property
    def sidecar(self) -> Path:
        return sidecar_path(Path(self.path))


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def data_file_name(visits: int, seed: int) -> str:
    return f"province-{PROVINCE_CODE}-{visits}-visits-seed{seed}.sqlite3"


def reusable(path: Path, visits: int, seed: int) -> GenerationReport | None:
    """The report of an earlier complete generation of the same size and seed at `path`, if any."""
    sidecar = sidecar_path(path)
    if not path.exists() or not sidecar.exists():
        return None
    try:
        stored = json.loads(sidecar.read_text(encoding="utf-8"))
        report = GenerationReport(**stored)
    except (ValueError, TypeError):
        return None
    if (report.visits, report.seed, report.generator) != (visits, seed, GENERATOR_VERSION):
        return None
    if path.stat().st_size == 0:
        return None
    return report


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock", ".json"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.unlink()


def generate(path: Path, visits: int = DEFAULT_VISITS, seed: int = DEFAULT_SEED, *,
             progress=lambda message: None) -> GenerationReport:
    """Write a fresh desk file at `path` with `visits` visits; returns what was written and how long it took."""
    path = Path(path)
    _remove(path)
    started = time.perf_counter()
    vocabulary = Vocabulary(random.Random(seed), seed=seed)
    units = vocabulary.units
    database = open_database(path)
    try:
        conn = database.conn
        counts = _bulk_load(conn, vocabulary, visits, progress)
        desk_unit = units[0].code
        desk = Desk(database)
        desk.setup.initialise(desk_unit, OFFICER_NAME)
    finally:
        database.close()
    seconds = time.perf_counter() - started
    report = GenerationReport(str(path), visits, seed, GENERATOR_VERSION, round(seconds, 1), counts, desk_unit)
    sidecar_path(path).write_text(json.dumps(asdict(report), indent=2), encoding="utf-8")
    return report


def _bulk_load(conn: sqlite3.Connection, vocabulary: Vocabulary, visits: int, progress) -> dict[str, int]:
    """Every table's rows, CHUNK_VISITS visits per transaction; secondary indexes rebuilt at the end."""
    marks = ",".join("?" * len(TABLES_WITH_DROPPED_INDEXES))
    indexes = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks}) "
        "ORDER BY rowid", TABLES_WITH_DROPPED_INDEXES).fetchall()
    if conn.in_transaction:
        conn.execute("COMMIT")
    # Bulk-load settings: no journal on disk and no fsync. A failed generation writes no .json marker,
    # so its file is never reused, and the next generation starts by deleting it.
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("PRAGMA journal_mode=MEMORY")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-1000000")
    conn.execute("BEGIN")
    for name, _ in indexes:
        conn.execute(f"DROP INDEX {name}")
    conn.execute("COMMIT")

    context = multiprocessing.get_context("spawn")
    chunks = context.Queue(maxsize=3)
    producer = context.Process(target=_produce, args=(vocabulary.seed, vocabulary.province_code, visits, chunks),
                               name="quick-data-rows", daemon=True)
    producer.start()
    done = 0
    last_report = 0
    try:
        while True:
            kind, payload = _next_chunk(chunks, producer)
            if kind == "error":
                raise RuntimeError(f"the row generator failed:\n{payload}")
            if kind == "end":
                summary = payload
                break
            rows = payload
            conn.execute("BEGIN")
            conn.executemany(CITIZEN_SQL, rows.citizens)
            conn.executemany(CASE_SQL, rows.cases)
            conn.executemany(VISIT_SQL, rows.visits)
            conn.executemany(VISIT_CASE_SQL, rows.visit_cases)
            conn.executemany(VISIT_SEARCH_SQL, rows.visit_search)
            conn.executemany(CASE_SEARCH_SQL, rows.case_search)
            conn.execute("COMMIT")
            done += len(rows.visits)
            if done * 10 // visits > last_report:
                last_report = done * 10 // visits
                progress(f"  {done:,} visits written")
    finally:
        producer.join(timeout=10)
        if producer.is_alive():
            producer.terminate()

    conn.execute("BEGIN")
    for _, sql in indexes:
        conn.execute(sql)
    conn.executemany(
        "INSERT INTO number_counters (scope, unit_code, year, last) VALUES ('logbook', ?, ?, ?) "
        "ON CONFLICT (scope, unit_code, year) DO UPDATE SET last = max(last, excluded.last)",
        [(unit, year, last) for (unit, year), last in sorted(summary["logbook"])])
    conn.execute("UPDATE counters SET value = ? WHERE name = 'change_seq'", (summary["seq"],))
    conn.execute("COMMIT")
    progress("  secondary indexes rebuilt")

    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA cache_size=-65536")
    return summary["counts"]


def _next_chunk(chunks, producer, poll_seconds: float = 5.0):
    """The next message of the row generator, or an error if that process died without one."""
    while True:
        try:
            return chunks.get(timeout=poll_seconds)
        except queue.Empty:
            if not producer.is_alive():
                return "error", f"the process exited with code {producer.exitcode}"


def _produce(seed: int, province_code: str, visits: int, chunks) -> None:
    """Build the rows in a second process (the writing process is busy in SQLite meanwhile).

    Only this process draws random numbers, so the data depends on the seed alone.
    """
    try:
        vocabulary = Vocabulary(random.Random(seed), province_code)
        writer = _Writer(vocabulary)
        day_list = working_days()
        rng = vocabulary.rng
        day_of_visit = sorted(int(rng.random() * len(day_list)) for _ in range(visits))
        per_day = Counter(day_of_visit)
        for start in range(0, visits, CHUNK_VISITS):
            chunks.put(("rows", writer.rows(day_list, day_of_visit, per_day, start,
                                            min(visits, start + CHUNK_VISITS))))
        chunks.put(("end", {
            "logbook": list(writer.logbook.items()),
            "seq": writer.seq,
            "counts": {"citizens": writer.citizen_id, "cases": writer.case_id, "visits": writer.visit_id,
                       "repeat_visits": writer.repeats, "delegations": writer.delegations},
        }))
    except BaseException:
        chunks.put(("error", traceback.format_exc()))


@dataclass
class _Rows:
    citizens: list = field(default_factory=list)
    cases: list = field(default_factory=list)
    visits: list = field(default_factory=list)
    visit_cases: list = field(default_factory=list)
    visit_search: list = field(default_factory=list)
    case_search: list = field(default_factory=list)


class _Writer:
    """Turns visit slots (a day, a unit) into rows of every table, keeping ids, seq and logbook numbers."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.v = vocabulary
        self.rng = vocabulary.rng
        self.unit_weights = Weighted((i, self.rng.uniform(0.4, 1.8)) for i in range(len(vocabulary.units)))
        self.folded = _Memo(fold)
        self.sort_keys = _Memo(name_sort_key)
        self.citizen_id = self.case_id = self.visit_id = self.seq = 0
        self.repeats = self.delegations = 0
        self.logbook: dict[tuple[str, int], int] = {}
        #: First visits that later visits may come back to: (unit index, citizen, cases, summary).
        self.pool: list[tuple] = []
        self.end = date(LAST_YEAR, 12, 31)
        self.rules = RulesTable.load()
        holidays = [d for y in range(FIRST_YEAR, LAST_YEAR + 2) for d in default_calendar_days(y)]
        self.calendar = WorkingCalendar.from_days(holidays)
        self.due_dates: dict[tuple, str | None] = {}

    def _next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def _due(self, content_type: str, status: str, direction: str, in_competence: int, received: date,
             needs_verification: int, complex_: int) -> str | None:
        key = (content_type, status, direction, in_competence, received, needs_verification, complex_)
        if key not in self.due_dates:
            facts = DueFacts(ContentType(content_type), CaseStatus(status), Direction(direction), bool(in_competence),
                             received, received, complex=bool(complex_), needs_verification=bool(needs_verification))
            due = due_date(facts, self.rules, self.calendar, remote=False)
            self.due_dates[key] = due.isoformat() if due else None
        return self.due_dates[key]

    def rows(self, day_list: list[date], day_of_visit: list[int], per_day: Counter, start: int, end: int) -> _Rows:
        rows = _Rows()
        rng, v, units, folded = self.rng, self.v, self.v.units, self.folded
        position_in_day = 0
        previous_day = day_of_visit[start - 1] if start else -1
        if start:
            position_in_day = start - bisect.bisect_left(day_of_visit, day_of_visit[start])
        for index in range(start, end):
            day_index = day_of_visit[index]
            if day_index != previous_day:
                position_in_day, previous_day = 0, day_index
            day = day_list[day_index]
            day_iso = day.isoformat()
            seconds = 27_000 + int((position_in_day + rng.random()) * 32_400 / per_day[day_index])
            position_in_day += 1
            at = f"{day_iso}T{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}+07:00"
            direction, body, doc, ground, competence = v.direction()

            if self.pool and rng.random() < 0.30:
                self.repeats += 1
                back = min(int(rng.expovariate(1 / 30_000)), len(self.pool) - 1)
                unit_index, citizen, case_ids, case_summary = self.pool[-1 - back]
                unit = units[unit_index]
                citizen_id, full_name, sort_key, address, id_number = citizen
                summary = f"Công dân tiếp tục {case_summary[0].lower()}{case_summary[1:]}"
                first_time = 0
                prior = unit.body if rng.random() < 0.4 else ""
                links = [(case_id, 0) for case_id in case_ids]
            else:
                unit_index = self.unit_weights.draw(rng)
                unit = units[unit_index]
                full_name, gender, birth_year = v.person()
                sort_key = self.sort_keys[full_name]
                address = v.address(unit)
                has_id = rng.random() < 0.92
                id_number = v.citizen_id(gender, birth_year) if has_id else None
                phone = v.phone() if rng.random() < 0.75 else None
                matters = [v.matter()]
                if rng.random() < 0.04:
                    other = v.matter()
                    if other[0] != matters[0][0]:
                        matters.append(other)
                protected = int(any(m[0] == "denunciation" for m in matters))
                self.citizen_id += 1
                citizen_id = self.citizen_id
                rows.citizens.append((
                    citizen_id, _uuid(rng), unit.code, at, at, self._next_seq(), full_name, folded[full_name],
                    sort_key, "citizen_id" if has_id else "none", id_number, birth_year, gender, phone, address,
                    folded[address], protected))
                case_ids = []
                for content_type, field_code, case_summary, position in matters:
                    case_ids.append(self._case(rows, unit, at, day, citizen_id, full_name, content_type, field_code,
                                               case_summary, position, direction, body, doc, ground, competence))
                case_summary = "; ".join(m[2] if i == 0 else m[2][0].lower() + m[2][1:]
                                         for i, m in enumerate(matters))
                summary = case_summary
                first_time = 1
                prior = ""
                links = [(case_id, 1) for case_id in case_ids]
                self.pool.append((unit_index, (citizen_id, full_name, sort_key, address, id_number), case_ids,
                                  case_summary))

            if rng.random() < 0.02:
                self.delegations += 1
                headcount, delegation, came_as = rng.randint(5, 40), 1, "group_representative"
                representatives = json.dumps([v.person()[0] for _ in range(rng.randint(2, 5))], ensure_ascii=False)
            else:
                headcount = 1 if rng.random() < 0.95 else rng.randint(2, 4)
                delegation, came_as, representatives = 0, CAME_AS.draw(rng), "[]"
            channel = "online" if day.year == LAST_YEAR and day.month >= 7 and rng.random() < 0.05 else "in_person"
            key = (unit.code, day.year)
            number = self.logbook[key] = self.logbook.get(key, 0) + 1
            self.visit_id += 1
            visit_id = self.visit_id
            rows.visits.append((
                visit_id, _uuid(rng), unit.code, at, at, self._next_seq(), day.year, number, day_iso, citizen_id,
                full_name, sort_key, address, id_number, came_as, PROOF_PAPERS.get(came_as, ""), channel, headcount,
                delegation, representatives, summary, prior, competence, direction, body, doc, ground, first_time))
            rows.visit_cases.extend((visit_id, case_id, first) for case_id, first in links)
            rows.visit_search.append((visit_id, folded[full_name], folded[address], folded[summary]))
        return rows

    def _case(self, rows: _Rows, unit: Unit, at: str, day: date, citizen_id: int, full_name: str, content_type: str,
              field_code: str, summary: str, position: str, direction: str, body: str, doc: str, ground: str | None,
              competence: int) -> int:
        rng = self.rng
        respondent_name = self.v.person()[0] if position and rng.random() < 0.7 else ""
        respondent_body = unit.body if position else ""
        complex_ = int(rng.random() < 0.05)
        verification = int(content_type == "denunciation" and rng.random() < 0.2)
        status = STATUS_AFTER_DIRECTION[Direction(direction)].value
        day_iso = day.isoformat()
        concluded = informed = closed = None
        conclusion = ""
        if status == "informed":
            concluded = informed = day_iso
        elif status == "closed":
            closed = day_iso
        elif (self.end - day).days > AGED_AFTER_DAYS and rng.random() < 0.92:
            status = "closed"
            concluded = (day + timedelta(days=rng.randint(20, 60))).isoformat()
            informed = (date.fromisoformat(concluded) + timedelta(days=rng.randint(1, 10))).isoformat()
            closed = informed
            conclusion = "Đã giải quyết và trả lời công dân bằng văn bản"
        due = None
        if status in ("received", "in_progress"):
            due = self._due(content_type, status, direction, competence, day, verification, complex_)
        self.case_id += 1
        case_id = self.case_id
        rows.cases.append((
            case_id, _uuid(rng), unit.code, at, at, self._next_seq(), day_iso, citizen_id, content_type, field_code,
            summary, respondent_name, position, respondent_body, competence, direction, body, doc, ground,
            int(rng.random() < 0.02), int(rng.random() < 0.03), complex_, verification, status, day_iso, due,
            concluded, conclusion, informed, closed))
        respondent = " ".join(p for p in (respondent_name, position, respondent_body) if p)
        rows.case_search.append((case_id, self.folded[full_name], self.folded[respondent], self.folded[summary]))
        return case_id


# --- Checks -------------------------------------------------------------------------------------

def schema_of(conn: sqlite3.Connection) -> list[tuple]:
    """The schema as sqlite_master lists it (without root page numbers), plus user_version."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    return [tuple(r) for r in rows] + [("user_version", conn.execute("PRAGMA user_version").fetchone()[0])]


def check_schema(path: Path) -> list[str]:
    """Differences between the file's schema and that of a freshly migrated file (empty when they match)."""
    with tempfile.TemporaryDirectory(dir=path.parent) as scratch:
        fresh = open_database(Path(scratch) / "fresh.sqlite3")
        try:
            expected = schema_of(fresh.conn)
        finally:
            fresh.close()
    conn = sqlite3.connect(path)
    try:
        actual = schema_of(conn)
    finally:
        conn.close()
    missing = [row for row in expected if row not in actual]
    extra = [row for row in actual if row not in expected]
    return [f"missing: {row}" for row in missing] + [f"unexpected: {row}" for row in extra]


def check_integrity(path: Path) -> list[str]:
    """Foreign keys, numbering and counters of a generated file; an empty list when all is well."""
    conn = sqlite3.connect(path)
    problems: list[str] = []
    try:
        broken = conn.execute("PRAGMA foreign_key_check").fetchmany(5)
        if broken:
            problems.append(f"foreign keys: {broken}")
        seq = conn.execute("SELECT value FROM counters WHERE name = 'change_seq'").fetchone()[0]
        top = max(conn.execute(f"SELECT coalesce(max(seq), 0) FROM {t}").fetchone()[0]
                  for t in ("citizens", "cases", "visits", "signers"))
        if seq < top:
            problems.append(f"change_seq {seq} is below the highest seq {top}")
        behind = conn.execute(
            "SELECT v.unit_code, v.year, max(v.logbook_no), n.last FROM visits v LEFT JOIN number_counters n "
            "ON n.scope = 'logbook' AND n.unit_code = v.unit_code AND n.year = v.year "
            "GROUP BY v.unit_code, v.year HAVING n.last IS NULL OR n.last < max(v.logbook_no)").fetchmany(5)
        if behind:
            problems.append(f"logbook counters behind: {behind}")
        for table, fts in (("visits", "visit_search"), ("cases", "case_search")):
            rows, indexed = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (table, fts))
            if rows != indexed:
                problems.append(f"{fts} has {indexed} rows for {rows} {table}")
    finally:
        conn.close()
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quick_data", description=__doc__)
    parser.add_argument("--visits", type=int, default=DEFAULT_VISITS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parent / "data")
    args = parser.parse_args(argv)
    args.data_dir.mkdir(parents=True, exist_ok=True)
    path = args.data_dir / data_file_name(args.visits, args.seed)
    report = generate(path, args.visits, args.seed, progress=print)
    print(f"{report.visits:,} visits in {report.seconds:.1f} s → {path} ({os.path.getsize(path) / 2**20:,.0f} MiB)")
    print(json.dumps(report.counts))
    problems = check_schema(path) + check_integrity(path)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

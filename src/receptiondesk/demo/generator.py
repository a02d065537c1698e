"""A deterministic generator of realistic desk data, as interchange records (docs/interchange.md).

Same seed, scale, size, unit and last day → the same records, byte for byte once written. Every record
comes after the records it refers to, so the stream can be written in batches of any size.
"""

from __future__ import annotations

import bisect
import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from receptiondesk.demo.vocabulary import Unit, Vocabulary, Weighted, between, pick, unit_of
from receptiondesk.domain.calendar import WorkingCalendar, default_calendar_days
from receptiondesk.domain.cases import STATUS_AFTER_DIRECTION, CaseStatus, ContentType, Direction, DueFacts, due_date
from receptiondesk.domain.rules import RulesTable
from receptiondesk.domain.units import DEFAULT_DELEGATION_THRESHOLD, communes

DEFAULT_SEED = 20251231
#: The day the 2025 amendment let citizens be received online, and the new communes started.
ONLINE_FROM = date(2025, 7, 1)

#: Shares of the mix (per visit, letter or case as named).
REPEAT_VISIT_SHARE = 0.30
NEW_MATTER_ON_RETURN_SHARE = 0.10
TWO_MATTERS_SHARE = 0.04
#: Who sat with the leader at a held session (the officials the law asks to attend).
HELD_SESSION_ATTENDEES = "Công chức Văn phòng - Thống kê\nCông chức Địa chính - Xây dựng\nCông chức Tư pháp - Hộ tịch"
DELEGATION_SHARE = 0.02
SMALL_GROUP_SHARE = 0.05
DUPLICATE_VISIT_SHARE = 0.003
LETTERS_PER_VISIT = 0.12
DUPLICATE_LETTER_SHARE = 0.005
REPEAT_LETTER_SHARE = 0.15
ANONYMOUS_LETTER_SHARE = 0.06
ONLINE_SHARE = 0.05
HEARD_LATER_SHARE = 0.08  # accepted cases put on the chairman's next session list
VISIT_ATTACHMENT_SHARE = 0.18
LETTER_ATTACHMENT_SHARE = 0.30
VOID_ASSIGNMENT_SHARE = 0.02
VOID_ATTACHMENT_SHARE = 0.005
MISSED_WEEK_SHARE = 0.03
DELEGATED_SHARE = {"state": 0.12, "party": 0.10}
CANCELLED_SHARE = 0.015
#: Repeat visitors come back to recent matters: how far back in the unit's list, on average.
RETURN_DISTANCE = 120
POOL_KEEP = 1000

CLOSE_TIME = 60_300  # 16:45, after the last visitor: when the day's changes are typed
WORK_START, WORK_SPAN = 27_000, 32_400  # 07:30, nine hours


@dataclass(frozen=True)
class Scale:
    """How much data: one commune for a year, or a whole province for five."""

    name: str
    years: int
    visits: int
    whole_province: bool


SCALES = {
    "commune": Scale("commune", 1, 5_000, False),
    "province": Scale("province", 5, 1_000_000, True),
}

_UUID_MASK = ~(0xF000 << 64) & ~(0xC000 << 48) & ((1 << 128) - 1)
_UUID_BITS = (0x4000 << 64) | (0x8000 << 48)


def _uuid(rng: random.Random) -> str:
    """A version-4 UUID from the seeded generator (deterministic, unlike uuid.uuid4)."""
    h = f"{(rng.getrandbits(128) & _UUID_MASK) | _UUID_BITS:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_CLOCK = [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}" for s in range(86_400)]


def _at(day: date, seconds: int) -> str:
    return f"{day.isoformat()}T{_CLOCK[seconds]}+07:00"


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:] if text else text


def _vn(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def period(scale: Scale, until: date) -> tuple[date, date]:
    """First and last day of the generated data: `scale.years` years ending on `until`."""
    try:
        start = until.replace(year=until.year - scale.years) + timedelta(days=1)
    except ValueError:  # 29 February
        start = until.replace(year=until.year - scale.years, day=28) + timedelta(days=1)
    return start, until


@dataclass
class _Hearing:
    """A case on a session's list: the leader's conclusion, and the assignment it gives."""

    case: str
    kind: str
    conclusion: str
    assignment: dict[str, Any] | None = None


@dataclass
class _Session:
    uuid: str
    day: date
    sector: str
    kind: str
    status: str
    delegated: bool
    subject: str = ""
    notes: str = ""
    heard: list[_Hearing] = field(default_factory=list)


@dataclass
class _Entry:
    """A matter someone may come back about: the citizen, their cases, and whether any visit was made yet."""

    citizen: str
    full_name: str
    address: str
    id_number: str | None
    protected: bool
    organisation: bool
    cases: list[str]
    summary: str
    content_type: str
    field_code: str
    visited: bool


class _UnitState:
    def __init__(self, unit: Unit, weight: float) -> None:
        self.unit = unit
        self.weight = weight
        self.leaders: dict[str, str] = {}
        self.pool: list[_Entry] = []
        self.sessions: dict[date, list[_Session]] = defaultdict(list)
        self.hearing_days: list[date] = []  # held scheduled state sessions, for cases heard later
        self.hearings: dict[date, list[_Hearing]] = defaultdict(list)
        self.logbook: Counter[int] = Counter()
        self.letter_numbers: Counter[int] = Counter()
        self.letters: list[tuple[str, str, str | None, str, str, str]] = []  # for duplicates
        self.hamlets: list[str] | None = None


class Generator:
    """Records of one desk's history (commune scale) or of a province's communes (province scale).

    `records()` yields dicts in the interchange format, each after the records it refers to. `counts`
    holds the number of records per entity once the stream is exhausted.
    """

    def __init__(self, unit_code: str, scale: str | Scale = "commune", *, visits: int | None = None,
                 seed: int = DEFAULT_SEED, until: date, calendar: WorkingCalendar | None = None,
                 rules: RulesTable | None = None, remote: bool = False,
                 delegation_threshold: int = DEFAULT_DELEGATION_THRESHOLD,
                 signers: list[dict[str, str]] | None = None, villages: list[str] | None = None) -> None:
        self.scale = SCALES[scale] if isinstance(scale, str) else scale
        if unit_code not in communes():
            raise ValueError(f"unknown commune code {unit_code!r}")
        self.unit_code = unit_code
        self.visits = self.scale.visits if visits is None else int(visits)
        if self.visits < 0:
            raise ValueError("visits must not be negative")
        self.seed = seed
        self.start, self.until = period(self.scale, until)
        if calendar is None:
            calendar = WorkingCalendar.from_days(
                d for y in range(self.start.year - 1, self.until.year + 3) for d in default_calendar_days(y))
        self.calendar = calendar
        self.rules = rules or RulesTable.load()
        self.remote = remote
        self.threshold = delegation_threshold
        self.desk_signers = list(signers or [])
        self.villages = [v for v in (villages or []) if v]
        self.counts: Counter[str] = Counter()
        self.rng = random.Random(seed)
        province = communes()[unit_code].province_code
        self.v = Vocabulary(self.rng, province)
        words = self.v.words
        self.words = words
        units = self.v.units if self.scale.whole_province else [unit_of(unit_code)]
        self._due_memo: dict[tuple, str | None] = {}
        self._letter_channels = Weighted((c, float(w)) for c, w in words["letter_channels"])
        self._told_how = Weighted([("letter", 50.0), ("in_person", 30.0), ("phone", 15.0), ("online", 5.0)])
        self.units = [_UnitState(u, self.rng.uniform(0.4, 1.8)) for u in units]
        self.seen: Counter[str] = Counter()
        self.today = self.start
        self.halfway = self.start + (self.until - self.start) / 2
        for state in self.units:
            if state.unit.code == unit_code and self.villages:
                state.hamlets = self.villages

    # -- the stream ----------------------------------------------------------------------------
    def records(self) -> Iterator[dict[str, Any]]:
        """Every record, in an order where references always point backwards."""
        yield from self._count(self._signers())
        days = self._working_days()
        for state in self.units:
            self._plan_sessions(state, days)
        visit_slots = self._slots(days, self.visits)
        letter_slots = self._slots(days, round(self.visits * LETTERS_PER_VISIT))
        for index, day in enumerate(days):
            self.today = day
            units = sorted(set(visit_slots[index]) | set(letter_slots[index])
                           | {i for i, s in enumerate(self.units) if day in s.sessions})
            for unit_index in units:
                yield from self._count(self._unit_day(self.units[unit_index], day, visit_slots[index][unit_index],
                                                      letter_slots[index][unit_index]))
        for state in self.units:  # next week's schedule, planned
            for day in sorted(d for d in state.sessions if d > self.until):
                for session in state.sessions[day]:
                    yield from self._count([self._session_record(state, session, [])])

    def _rare(self, kind: str, share: float) -> bool:
        """True with probability `share`; and once anyway at the first chance after half the period, so that even
        a small data set shows every kind of thing."""
        if self.rng.random() < share or (not self.seen[kind] and self.today >= self.halfway):
            self.seen[kind] += 1
            return True
        return False

    def _count(self, records) -> Iterator[dict[str, Any]]:
        for record in records:
            self.counts[record["entity"]] += 1
            yield record

    def _working_days(self) -> list[date]:
        days, day = [], self.start
        while day <= self.until:
            if self.calendar.is_working_day(day):
                days.append(day)
            day += timedelta(days=1)
        return days

    def _slots(self, days: list[date], total: int) -> list[Counter[int]]:
        """How many of `total` events fall on each working day, per unit (units weighted by size)."""
        rng = self.rng
        per_day = [Counter() for _ in days]
        if not days or not total:
            return per_day
        weights = Weighted((i, s.weight) for i, s in enumerate(self.units))
        count = len(days)
        for _ in range(total):
            per_day[int(rng.random() * count)][weights.draw(rng)] += 1
        return per_day

    # -- signers and the leaders' schedule -------------------------------------------------------
    def _signers(self) -> Iterator[dict[str, Any]]:
        titles = self.words["signer_titles"]
        roles = ("chairman", "vice_chairman", "party_secretary", "deputy_party_secretary")
        for state in self.units:
            if state.unit.code == self.unit_code:  # the desk's own signers lead its sessions
                for signer in self.desk_signers:
                    state.leaders.setdefault(signer["role"], signer["full_name"])
            for role in roles:
                if role in state.leaders:
                    continue
                state.leaders[role] = self.v.name()
                at = _at(self.start, 28_800)
                yield {"entity": "signer", **self._envelope(state.unit.code, at), "full_name": state.leaders[role],
                       "title": titles[role], "role": role}

    def _envelope(self, unit_code: str, created: str, updated: str | None = None, version: int = 1,
                  void: tuple[str, str] | None = None, uuid: str | None = None) -> dict[str, Any]:
        return {"uuid": uuid or _uuid(self.rng), "unit_code": unit_code, "created_at": created,
                "updated_at": updated or created, "epoch": 0, "version": version, "voided": void is not None,
                "void_reason": void[0] if void else None, "voided_at": void[1] if void else None}

    def _plan_sessions(self, state: _UnitState, days: list[date]) -> None:
        """The chairman weekly, the Party secretary twice a month, a few dialogues and ad hoc sessions."""
        rng, calendar = self.rng, self.calendar
        weekday = pick(rng, (1, 2, 3))  # the unit's reception day: Tuesday to Thursday
        horizon = self.until + timedelta(days=7)
        monday = self.start - timedelta(days=self.start.weekday())
        while monday <= horizon:
            week = [monday + timedelta(days=i) for i in range(5)]
            order = week[weekday:] + week[:weekday][::-1]
            day = next((d for d in order if calendar.is_working_day(d)), None)
            if day is not None and self.start <= day <= horizon and rng.random() >= MISSED_WEEK_SHARE:
                self._add_session(state, day, "state", "scheduled")
            monday += timedelta(days=7)
        month = date(self.start.year, self.start.month, 1)
        while month <= horizon:
            for target in (10, 25):
                day = calendar.next_working_day(month.replace(day=target))
                if self.start <= day <= horizon and day.month == month.month:
                    self._add_session(state, day, "party", "scheduled")
            month = (month + timedelta(days=32)).replace(day=1)
        years = max(1, round(len(days) / 250))
        for _ in range(years):
            for kind, count in (("dialogue", pick(rng, (1, 2, 2, 3))), ("ad_hoc", pick(rng, (0, 1, 2)))):
                for _ in range(count):
                    self._add_session(state, days[int(rng.random() * len(days))], "state", kind)
        state.hearing_days = sorted(d for d, sessions in state.sessions.items()
                                    if any(s.sector == "state" and s.kind == "scheduled" and s.status == "held"
                                           for s in sessions))

    def _add_session(self, state: _UnitState, day: date, sector: str, kind: str) -> None:
        rng = self.rng
        self.today = day
        if day > self.until:
            status = "planned"
        elif kind == "scheduled" and self._rare("cancelled session", CANCELLED_SHARE):
            status = "cancelled"
        else:
            status = "held"
        delegated = kind == "scheduled" and self._rare(f"delegated {sector} session", DELEGATED_SHARE[sector])
        subject = notes = ""
        if kind == "dialogue":
            project = pick(rng, self.words["projects"]).format(n=between(rng, 1, 12))
            subject = pick(rng, self.words["dialogue_subjects"]).format(project=project)
        elif kind == "ad_hoc":
            subject = pick(rng, self.words["ad_hoc_subjects"]).format(s=pick(rng, self.v.subjects["land"]))
        if status == "cancelled":
            notes = pick(rng, self.words["cancel_notes"])
        state.sessions[day].append(_Session(_uuid(rng), day, sector, kind, status, delegated, subject, notes))

    def _session_record(self, state: _UnitState, session: _Session, links: list[dict[str, Any]]) -> dict[str, Any]:
        unit, words = state.unit, self.words
        head, deputy = ("chairman", "vice_chairman") if session.sector == "state" else \
            ("party_secretary", "deputy_party_secretary")
        scheduled = session.day - timedelta(days=7) if session.kind == "scheduled" else session.day
        created = _at(min(scheduled, self.until), 28_800)
        if session.status == "held":
            version = 2 + len(session.heard)
            updated = _at(session.day, 61_200)
        elif session.status == "cancelled":
            version, updated = 2, _at(min(session.day - timedelta(days=1), self.until), 57_600)
        else:
            version, updated = 1, created
        record = {"entity": "session", **self._envelope(unit.code, created, updated, version, uuid=session.uuid)}
        record.update({
            "session_date": session.day.isoformat(), "sector": session.sector, "kind": session.kind,
            "leader_name": state.leaders[head], "leader_role": head, "delegated": session.delegated,
            "delegate_name": state.leaders[deputy] if session.delegated else None,
            "delegate_role": f"{words['leaders'][deputy]} {unit.place}" if session.delegated else None,
            "location": words["session_locations"][session.sector].format(place=unit.place),
            "subject": session.subject, "status": session.status, "notes": session.notes,
            "attendees": HELD_SESSION_ATTENDEES if session.status == "held" else "",
            "cases": sorted(links, key=lambda link: link["case"]),
        })
        return record

    # -- one commune's working day ---------------------------------------------------------------
    def _unit_day(self, state: _UnitState, day: date, visit_count: int, letter_count: int) -> list[dict[str, Any]]:
        rng = self.rng
        out: dict[str, list[dict[str, Any]]] = {"citizen": [], "case": [], "session": [], "visit": [], "letter": [],
                                                 "assignment": [], "attachment": []}
        held = [s for s in state.sessions.get(day, ()) if s.status == "held"]
        for session in held:  # cases put on this session's list earlier are heard first
            if session.kind == "scheduled" and session.sector == "state":
                session.heard.extend(state.hearings.pop(day, []))
        # The morning belongs to the leaders' sessions, the rest of the day to routine reception.
        plan: list[_Session | None] = []
        remaining = visit_count
        for session in held:
            if session.kind == "scheduled":
                wanted = 1 + int(rng.expovariate(1 / 1.8))
            else:
                wanted = 1 + int(rng.expovariate(1 / 1.0))
            taken = min(remaining, wanted)
            plan.extend([session] * taken)
            remaining -= taken
        plan.extend([None] * remaining)
        previous: dict[str, Any] | None = None
        for position, session in enumerate(plan):
            seconds = WORK_START + int((position + rng.random()) * WORK_SPAN / len(plan))
            at = _at(day, seconds)
            if previous is not None and self._rare("duplicate visit", DUPLICATE_VISIT_SHARE):
                out["visit"].append(self._duplicate_visit(state, day, at, previous))
                continue
            previous = self._visit(state, day, at, session, out)
        for session in held:
            links = [{"case": h.case, "position": position, "conclusion_kind": h.kind, "conclusion": h.conclusion}
                     for position, h in enumerate(session.heard)]
            out["session"].append(self._session_record(state, session, links))
            for hearing in session.heard:
                if hearing.assignment is not None:
                    out["assignment"].extend(self._assignments(state, session, hearing))
        for session in state.sessions.get(day, ()):
            if session.status == "cancelled":
                out["session"].append(self._session_record(state, session, []))
        for _ in range(letter_count):
            self._letter(state, day, out)
        return [record for records in out.values() for record in records]

    # -- visits -----------------------------------------------------------------------------------
    def _visit(self, state: _UnitState, day: date, at: str, session: _Session | None,
               out: dict[str, list]) -> dict[str, Any]:
        rng, v = self.rng, self.v
        unit = state.unit
        pool = state.pool
        reception_kind = "session" if session is not None else "routine"
        delegation = session is not None and session.kind != "scheduled" and not session.heard
        returning = pool and not delegation and rng.random() < REPEAT_VISIT_SHARE
        links: list[dict[str, Any]] = []
        prior = ""
        if returning:
            back = min(int(rng.expovariate(1 / RETURN_DISTANCE)), len(pool) - 1)
            entry = pool[-1 - back]
            citizen, full_name, address, id_number = entry.citizen, entry.full_name, entry.address, entry.id_number
            organisation = entry.organisation
            if rng.random() < NEW_MATTER_ON_RETURN_SHARE:
                matter = v.matter(unit, allow_denunciation=entry.protected)
                case, direction = self._visit_case(state, day, at, citizen, matter, v.direction("first"), session,
                                                   out)
                links.append({"case": case, "first_time": True})
                summary = matter[2]
                new_matters = [(case, matter)]
                self._remember(state, entry.citizen, full_name, address, id_number, entry.protected, organisation,
                               [case], summary, matter[0], matter[1], True)
            else:
                direction = v.direction("repeat")
                new_matters = []
                first = not entry.visited
                entry.visited = True
                links.extend({"case": case, "first_time": first} for case in entry.cases)
                template = pick(rng, self.words["repeat_templates"])
                summary = template.format(s=_lower_first(entry.summary))
                if not first and rng.random() < 0.4:
                    prior = pick(rng, self.words["prior_handlers"]).format(place=unit.place, p=v.province_short)
                if session is not None:
                    kind = "resolve_now" if rng.random() < 0.6 else "pending"
                    for case in entry.cases:
                        if all(h.case != case for h in session.heard):
                            session.heard.append(_Hearing(case, kind, pick(rng, self.words["conclusions"][kind])))
        else:
            organisation = rng.random() < 0.005
            citizen_record = self._citizen(state, day, at, organisation)
            out["citizen"].append(citizen_record)
            citizen, full_name = citizen_record["uuid"], citizen_record["full_name"]
            address, id_number = citizen_record["address"], citizen_record["id_number"]
            field_code = None
            if session is not None and session.kind == "dialogue":
                field_code = "land"
            matters = [v.matter(unit, field_code=field_code)]
            if rng.random() < TWO_MATTERS_SHARE:
                other = v.matter(unit)
                if other[0] != matters[0][0]:
                    matters.append(other)
            protected = any(m[0] == "denunciation" for m in matters)
            citizen_record["protected"] = protected
            drawn = v.direction("first")
            cases, new_matters, direction = [], [], None
            for matter in matters:
                case, effective = self._visit_case(state, day, at, citizen, matter, drawn, session, out)
                direction = direction or effective
                cases.append(case)
                new_matters.append((case, matter))
                links.append({"case": case, "first_time": True})
            summary = "; ".join(m[2] if i == 0 else _lower_first(m[2]) for i, m in enumerate(matters))
            if session is not None and session.kind != "scheduled" and session.subject:
                summary = f"{session.subject}: {_lower_first(summary)}"
            self._remember(state, citizen, full_name, address, id_number, protected, organisation, cases,
                           matters[0][2], matters[0][0], matters[0][1], True)
        direction_value, body, doc, ground, competence = direction
        if delegation or (session is None and not returning and self._rare("delegation", DELEGATION_SHARE)):
            high = 80 if session is not None and session.kind == "dialogue" else 40
            headcount = between(rng, self.threshold, max(self.threshold, high))
            came_as = "group_representative"
            representatives = [full_name] + [v.name() for _ in range(between(rng, 1, 4))]
        else:
            small_group = self.threshold > 2 and rng.random() < SMALL_GROUP_SHARE
            headcount = between(rng, 2, self.threshold - 1) if small_group else 1
            came_as = "organisation_representative" if organisation else v.came_as.draw(rng)
            representatives = []
        channel = "online" if (day >= ONLINE_FROM and session is None and headcount == 1
                               and rng.random() < ONLINE_SHARE) else "in_person"
        followup, version, updated = "", 1, at
        if direction_value in ("guided", "transferred") and rng.random() < 0.3:
            later = day + timedelta(days=between(rng, 20, 90))
            if later <= self.until:
                followup = pick(rng, self.words["followups"])
                version, updated = 2, _at(later, CLOSE_TIME)
        year = day.year
        state.logbook[year] += 1
        record = {"entity": "visit", **self._envelope(unit.code, at, updated, version),
                  "year": year, "logbook_no": state.logbook[year], "visit_date": day.isoformat(),
                  "citizen": citizen, "full_name": full_name, "address": address, "id_number": id_number,
                  "came_as": came_as, "proof_paper": self.v.proof_papers.get(came_as, ""), "channel": channel,
                  "reception_kind": reception_kind, "session": session.uuid if session is not None else None,
                  "headcount": headcount, "is_delegation": headcount >= self.threshold,
                  "representatives": representatives, "summary": summary, "prior_handler": prior,
                  "in_competence": competence, "direction": direction_value, "direction_body": body,
                  "direction_doc": doc, "refusal_ground": ground,
                  "first_time": any(link["first_time"] for link in links), "followup": followup, "notes": "",
                  "cases": sorted(links, key=lambda link: link["case"])}
        out["visit"].append(record)
        if new_matters and rng.random() < VISIT_ATTACHMENT_SHARE:
            case, matter = new_matters[0]
            self._attachments(state, at, case, record["uuid"], matter[0], matter[1], out)
        return record

    def _duplicate_visit(self, state: _UnitState, day: date, at: str, original: dict[str, Any]) -> dict[str, Any]:
        """The same visit typed twice, then voided: it keeps its logbook number."""
        year = day.year
        state.logbook[year] += 1
        voided_at = _at(day, CLOSE_TIME)
        record = dict(original)  # same keys in the same order
        record.update(self._envelope(state.unit.code, at, voided_at, 2,
                                     (pick(self.rng, self.words["void_reasons"]["visit"]), voided_at)))
        record.update({"logbook_no": state.logbook[year], "first_time": False, "followup": "",
                       "cases": [{"case": link["case"], "first_time": False} for link in original["cases"]]})
        return record

    def _remember(self, state: _UnitState, citizen: str, full_name: str, address: str, id_number: str | None,
                  protected: bool, organisation: bool, cases: list[str], summary: str, content_type: str,
                  field_code: str, visited: bool) -> None:
        pool = state.pool
        pool.append(_Entry(citizen, full_name, address, id_number, protected, organisation, cases, summary,
                           content_type, field_code, visited))
        if len(pool) > 2 * POOL_KEEP:
            del pool[:POOL_KEEP]

    def _citizen(self, state: _UnitState, day: date, at: str, organisation: bool = False) -> dict[str, Any]:
        rng, v = self.rng, self.v
        unit = state.unit
        address = v.address(unit, state.hamlets)
        phone = v.phone() if rng.random() < 0.75 else None
        if organisation:
            return {"entity": "citizen", **self._envelope(unit.code, at), "kind": "organisation",
                    "full_name": v.organisation(unit), "id_type": "none", "id_number": None, "birth_year": None,
                    "gender": None, "phone": phone, "address": address, "protected": False}
        full_name, gender, birth_year = v.person()
        paper = rng.random()
        if paper < 0.87:
            id_type, id_number = "citizen_id", v.citizen_id(gender, birth_year)
        elif paper < 0.90 and day.year < 2025:
            id_type, id_number = "cmnd", v.cmnd()
        elif paper < 0.903:
            id_type, id_number = "passport", f"C{int(rng.random() * 10_000_000):07d}"
        else:
            id_type, id_number = "none", None
        return {"entity": "citizen", **self._envelope(unit.code, at), "kind": "person", "full_name": full_name,
                "id_type": id_type, "id_number": id_number, "birth_year": birth_year, "gender": gender,
                "phone": phone, "address": address, "protected": False}

    # -- cases ------------------------------------------------------------------------------------
    def _visit_case(self, state: _UnitState, day: date, at: str, citizen: str, matter: tuple,
                    direction: tuple, session: _Session | None, out: dict[str, list]) -> tuple[str, tuple]:
        """A case opened at a visit, with the direction it got: at a session it is heard there (answered on the
        spot, or accepted and assigned or left pending); an accepted case may be put on a later session's list."""
        rng = self.rng
        hearing_kind = None
        if session is not None:
            draw = rng.random()
            hearing_kind = "assign" if draw < 0.45 else "resolve_now" if draw < 0.8 else "pending"
            if hearing_kind == "resolve_now":
                direction = ("answered", "", "", None, True)
            elif direction[0] != "accepted":
                direction = ("accepted", "", "", None, True)
        hearing_day = day if session is not None else None
        if session is None and direction[0] == "accepted" and rng.random() < HEARD_LATER_SHARE:
            index = bisect.bisect_right(state.hearing_days, day)
            if index < len(state.hearing_days) and state.hearing_days[index] <= self.until:
                hearing_day = state.hearing_days[index]
                hearing_kind = "assign" if rng.random() < 0.6 else "pending"
        case_uuid = _uuid(rng)
        assignment = None
        if hearing_kind is not None:
            if hearing_kind == "assign":
                assignment = self._assignment_plan(state, hearing_day, session.sector if session else "state",
                                                   matter[2])
                conclusion = self.words["conclusions"]["assign"][int(rng.random() * 3)].format(
                    assignee=assignment["assignee"], deadline=_vn(assignment["deadline"]))
            else:
                conclusion = pick(rng, self.words["conclusions"][hearing_kind])
            hearing = _Hearing(case_uuid, hearing_kind, conclusion, assignment)
            if session is not None:
                session.heard.append(hearing)
            else:
                state.hearings[hearing_day].append(hearing)
        out["case"].append(self._case(state, case_uuid, day, at, "visit", citizen, matter, direction, day,
                                      assignment))
        return case_uuid, direction

    def _case(self, state: _UnitState, case_uuid: str, day: date, at: str, source: str, citizen: str | None,
              matter: tuple, direction: tuple | None, direction_on: date | None,
              assignment: dict[str, Any] | None) -> dict[str, Any]:
        """A case with the status, dates and due date its history has reached by the last day of the data."""
        rng = self.rng
        content_type, field_code, summary, position = matter
        unit = state.unit
        complex_ = rng.random() < 0.05
        verification = content_type == "denunciation" and rng.random() < 0.2
        status, step = "received", day
        concluded = informed = closed = None
        conclusion = ""
        changes: list[date] = []
        if direction is not None and direction_on is not None and direction_on <= self.until:
            if direction_on != day:
                changes.append(direction_on)
            status, step = STATUS_AFTER_DIRECTION[Direction(direction[0])].value, direction_on
            if status == "informed":
                concluded = informed = direction_on
            elif status == "closed":
                closed = direction_on
            until = self.until
            if status == "informed":
                end = direction_on + timedelta(days=between(rng, 5, 60))
                if rng.random() < 0.6 and end <= until:
                    status, step, closed = "closed", end, end
                    changes.append(end)
            elif direction[0] in ("guided", "transferred"):
                end = direction_on + timedelta(days=between(rng, 15, 90))
                if rng.random() < 0.75 and end <= until:
                    status, step, closed = "closed", end, end
                    changes.append(end)
            elif direction[0] == "accepted":
                steps: list[tuple[str, date]] = []
                if assignment is not None:
                    if assignment["told_on"] is not None:
                        steps.append(("informed", assignment["told_on"]))
                        if rng.random() < 0.5:
                            steps.append(("closed", assignment["told_on"] + timedelta(days=between(rng, 5, 40))))
                elif rng.random() < 0.88:
                    done = direction_on + timedelta(days=between(rng, 10, 48))
                    steps.append(("concluded", done))
                    if rng.random() < 0.9:
                        told = done + timedelta(days=between(rng, 1, 10))
                        steps.append(("informed", told))
                        if rng.random() < 0.7:
                            steps.append(("closed", told + timedelta(days=between(rng, 0, 30))))
                for target, on in steps:
                    if on > until:
                        break
                    status, step = target, on
                    changes.append(on)
                    if target == "concluded":
                        concluded = on
                        conclusion = pick(rng, self.words["case_conclusions"][content_type])
                    elif target == "informed":
                        informed = on
                        concluded = concluded or on
                    else:
                        closed = on
        direction_value = direction[0] if direction is not None and status != "received" else None
        body, doc, ground, competence = ("", "", None, True) if direction_value is None else direction[1:]
        due = None
        if status in ("received", "in_progress"):
            due = self._due(content_type, status, direction_value, competence, day, step, complex_, verification)
        respondent_name = self.v.name() if position and rng.random() < 0.7 else ""
        updated = _at(changes[-1], CLOSE_TIME) if changes else at
        return {"entity": "case", **self._envelope(unit.code, at, updated, 1 + len(changes), uuid=case_uuid),
                "received_on": day.isoformat(), "source": source, "citizen": citizen, "content_type": content_type,
                "field_code": field_code, "summary": summary, "respondent_name": respondent_name,
                "respondent_position": position, "respondent_body": unit.body if position else "",
                "in_competence": competence, "direction": direction_value, "direction_body": body,
                "direction_doc": doc, "refusal_ground": ground, "flag_bypass": rng.random() < 0.02,
                "flag_long_running": rng.random() < 0.03, "flag_complex": complex_,
                "needs_verification": verification, "status": status, "step_started_on": step.isoformat(),
                "due_date": due, "concluded_on": concluded.isoformat() if concluded else None,
                "conclusion": conclusion, "informed_on": informed.isoformat() if informed else None,
                "closed_on": closed.isoformat() if closed else None, "closed_reason": ""}

    def _due(self, content_type: str, status: str, direction: str | None, competence: bool, received: date,
             step: date, complex_: bool, verification: bool) -> str | None:
        key = (content_type, status, direction, competence, received, step, complex_, verification)
        if key not in self._due_memo:
            facts = DueFacts(ContentType(content_type), CaseStatus(status), Direction(direction) if direction else None,
                             competence, received, step, complex=complex_, needs_verification=verification)
            due = due_date(facts, self.rules, self.calendar, remote=self.remote)
            self._due_memo[key] = due.isoformat() if due else None
        return self._due_memo[key]

    # -- assignments ------------------------------------------------------------------------------
    def _assignment_plan(self, state: _UnitState, assigned_on: date, sector: str, summary: str) -> dict[str, Any]:
        """Who must do what by when, and what has happened by the last day: result, citizen told, or neither."""
        rng, words = self.rng, self.words
        assignee = pick(rng, words["assignees"][sector]).format(place=state.unit.place, n=between(rng, 1, 12),
                                                                 hamlet=state.unit.hamlet.lower())
        deadline = self.calendar.add_working_days(assigned_on, pick(rng, (10, 15, 15, 20, 30)))
        result_on = told_on = None
        if not self._rare("assignment without result", 0.15):
            result_on = max(assigned_on + timedelta(days=1), deadline + timedelta(days=between(rng, -12, 8)))
            if result_on > self.until:
                result_on = None
        if result_on is not None and not self._rare("citizen not told", 0.2):
            told_on = result_on + timedelta(days=between(rng, 0, 10))
            if told_on > self.until:
                told_on = None
        return {"assignee": assignee, "task": pick(rng, words["tasks"]).format(s=_lower_first(summary)),
                "assigned_on": assigned_on, "deadline": deadline, "result_on": result_on, "told_on": told_on,
                "result": pick(rng, words["results"]).format(n=between(rng, 10, 900)) if result_on else "",
                "told_how": self._told_how.draw(rng) if told_on else ""}

    def _assignments(self, state: _UnitState, session: _Session, hearing: _Hearing) -> list[dict[str, Any]]:
        rng = self.rng
        plan = hearing.assignment
        created = _at(plan["assigned_on"], 62_000)
        records = []
        if self._rare("voided assignment", VOID_ASSIGNMENT_SHARE):
            voided_at = _at(plan["assigned_on"], 63_000)
            records.append({"entity": "assignment", **self._envelope(
                state.unit.code, created, voided_at, 2, (pick(rng, self.words["void_reasons"]["assignment"]),
                                                         voided_at)),
                "session": session.uuid, "case": hearing.case, "assignee": plan["assignee"], "task": plan["task"],
                "assigned_on": plan["assigned_on"].isoformat(), "deadline": plan["deadline"].isoformat(),
                "result": "", "result_on": None, "citizen_told_on": None, "citizen_told_how": ""})
        changes = [d for d in (plan["result_on"], plan["told_on"]) if d is not None]
        updated = _at(changes[-1], CLOSE_TIME) if changes else created
        records.append({"entity": "assignment", **self._envelope(state.unit.code, created, updated,
                                                                 1 + len(changes)),
                        "session": session.uuid, "case": hearing.case, "assignee": plan["assignee"],
                        "task": plan["task"], "assigned_on": plan["assigned_on"].isoformat(),
                        "deadline": plan["deadline"].isoformat(), "result": plan["result"],
                        "result_on": plan["result_on"].isoformat() if plan["result_on"] else None,
                        "citizen_told_on": plan["told_on"].isoformat() if plan["told_on"] else None,
                        "citizen_told_how": plan["told_how"]})
        return records

    # -- letters ----------------------------------------------------------------------------------
    def _letter(self, state: _UnitState, day: date, out: dict[str, list]) -> None:
        rng, v = self.rng, self.v
        unit = state.unit
        at = _at(day, WORK_START + int(rng.random() * WORK_SPAN))
        year = day.year
        if state.letters and self._rare("duplicate letter", DUPLICATE_LETTER_SHARE):
            citizen, full_name, case, address, summary, channel = state.letters[-1]
            reason = pick(rng, self.words["void_reasons"]["letter"])
            voided_at = _at(day, CLOSE_TIME)
            state.letter_numbers[year] += 1
            out["letter"].append(self._letter_record(unit, at, year, state.letter_numbers[year], day, channel, citizen,
                                                     full_name, address, summary, case, (reason, voided_at)))
            return
        channel = self._letter_channels.draw(rng)
        if day >= ONLINE_FROM and rng.random() < ONLINE_SHARE:
            channel = "online"
        if state.pool and rng.random() < REPEAT_LETTER_SHARE:
            entry = state.pool[-1 - min(int(rng.expovariate(1 / RETURN_DISTANCE)), len(state.pool) - 1)]
            citizen, full_name, address, case = entry.citizen, entry.full_name, entry.address, entry.cases[0]
            summary = pick(rng, self.words["repeat_letter_templates"]).format(s=_lower_first(entry.summary))
            content_type, field_code = entry.content_type, entry.field_code
        else:
            anonymous = rng.random() < ANONYMOUS_LETTER_SHARE
            if anonymous:
                citizen, full_name, address = None, "", ""
                matter = v.matter(unit, content_type=pick(rng, ("denunciation", "report")))
                direction = ("filed", "", "", None, True)
            else:
                citizen_record = self._citizen(state, day, at)
                out["citizen"].append(citizen_record)
                citizen, full_name = citizen_record["uuid"], citizen_record["full_name"]
                address = citizen_record["address"]
                matter = v.matter(unit)
                citizen_record["protected"] = matter[0] == "denunciation"
                direction = v.direction("letter")
            summary, content_type, field_code = matter[2], matter[0], matter[1]
            decided = self.calendar.add_working_days(day, between(rng, 0, 7)) if rng.random() < 0.97 else None
            case = _uuid(rng)
            out["case"].append(self._case(state, case, day, at, "letter", citizen, matter, direction, decided, None))
            if citizen is not None:
                self._remember(state, citizen, full_name, address, citizen_record["id_number"],
                               content_type == "denunciation", False, [case], summary, content_type, field_code, False)
        state.letter_numbers[year] += 1
        state.letters.append((citizen, full_name, case, address, summary, channel))
        if len(state.letters) > 50:
            del state.letters[:25]
        record = self._letter_record(unit, at, year, state.letter_numbers[year], day, channel, citizen, full_name,
                                     address, summary, case, None)
        out["letter"].append(record)
        if rng.random() < LETTER_ATTACHMENT_SHARE:
            self._attachments(state, at, case, None, content_type, field_code, out)

    def _letter_record(self, unit: Unit, at: str, year: int, number: int, day: date, channel: str,
                       citizen: str | None, full_name: str, address: str, summary: str, case: str,
                       void: tuple[str, str] | None) -> dict[str, Any]:
        rng = self.rng
        sender = forward_doc = ""
        if channel == "forwarded":
            body, symbol = pick(rng, self.words["forwarding_bodies"])
            sender = body.format(p=self.v.province_short)
            forward_doc = f"{between(rng, 1, 1500)}/{symbol}"
        return {"entity": "letter", **self._envelope(unit.code, at, void[1] if void else None, 2 if void else 1, void),
                "year": year, "letter_no": number, "received_on": day.isoformat(), "channel": channel,
                "sender_body": sender, "forward_doc": forward_doc, "citizen": citizen, "full_name": full_name,
                "address": address, "summary": summary, "case": case, "notes": ""}

    # -- attachments ------------------------------------------------------------------------------
    def _attachments(self, state: _UnitState, at: str, case: str, visit: str | None, content_type: str,
                     field_code: str, out: dict[str, list]) -> None:
        """The papers handed in: the petition itself (original) and a few copies of supporting documents."""
        rng = self.rng
        words = self.words["attachments"]
        titles = [(words["petition"][content_type], True)]
        supporting = words["supporting"].get(field_code, []) + words["supporting"]["any"]
        for _ in range(int(rng.random() * 3)):
            titles.append((pick(rng, supporting), False))
        for title, original in titles:
            void = None
            version, updated = 1, at
            if self._rare("voided attachment", VOID_ATTACHMENT_SHARE):
                void = (self.words["void_reasons"]["attachment"][0], at)
                version = 2
            out["attachment"].append({
                "entity": "attachment", **self._envelope(state.unit.code, at, updated, version, void), "case": case,
                "visit": visit, "title": title, "pages": 1 + int(rng.random() * (4 if original else 12)),
                "original": original})

"""Periodic reports, read only, on SQL aggregates: Biểu 01/TCD, the reception results of the state side (DOMAIN §5).

Counting rules (DOMAIN §5, applied by the queries below):
- a visit (lượt) is one logbook row; persons (người) are the sum of the visits' headcounts; online receptions
  count like visits in person;
- the column groups: routine reception (tiếp thường xuyên: no session), the head receiving in person (a state
  session not delegated) and delegated reception (a state session delegated to a deputy); only the two leader
  groups have sessions (kỳ): held, not voided, scheduled or ad hoc state sessions dated in the period;
- a case (vụ việc) counts once per column group in which it had a visit in the period: first time when one of
  those visits was its first ever (the flag on the visit–case link), repeat otherwise;
- delegations (đoàn đông người): visits flagged as a delegation, with their persons, first time / repeat by the
  visit's own flag;
- the totals are the sums of the three groups (visits, persons, cases, delegations); cases are also split by
  content type;
- dialogue meetings are counted separately and stay out of the totals; visits at the Party committee's sessions
  are left out (they belong to the Party report);
- voided visits, cases and sessions are never counted.
Each figure comes with the same figure for the previous comparable period (`Period.previous`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.cases import ContentType, Direction
from receptiondesk.domain.report_periods import Period
from receptiondesk.errors import UserError
from receptiondesk.messages import text as message_text
from receptiondesk.services.context import DeskContext

if TYPE_CHECKING:
    from receptiondesk.services.report_resolution import FollowupReport, LetterHandling, Resolution

#: The column groups of Biểu 01/TCD, in the form's order (the totals are their sums).
GROUPS = ("routine", "in_person", "delegated")
#: Counted apart, outside the totals.
DIALOGUE = "dialogue"
_CONTENT_TYPES = frozenset(t.value for t in ContentType)
#: How many respondent bodies the classification names by default (the rest summed as "Khác").
DEFAULT_TOP_BODIES = 10
MAX_TOP_BODIES = 1000

#: The column group of a visit (`v`) by its session (`s`, left joined): Party sessions fall in 'party', which no
#: table of this form counts. A visit recorded as a session visit without a session counts as routine.
_VISIT_GROUP = """CASE
    WHEN v.reception_kind = 'routine' OR s.id IS NULL THEN 'routine'
    WHEN s.sector <> 'state' THEN 'party'
    WHEN s.kind = 'dialogue' THEN 'dialogue'
    WHEN s.delegated = 1 THEN 'delegated'
    ELSE 'in_person' END"""

#: Visits, persons and delegations per column group.
VISIT_FIGURES = f"""SELECT {_VISIT_GROUP} AS grp, count(*) AS visits, sum(v.headcount) AS persons,
    sum(v.channel = 'online') AS online_visits,
    sum(v.is_delegation <> 0) AS delegations,
    sum(CASE WHEN v.is_delegation <> 0 THEN v.headcount ELSE 0 END) AS delegation_persons,
    sum(v.is_delegation <> 0 AND v.first_time <> 0) AS delegations_first
FROM visits v LEFT JOIN sessions s ON s.id = v.session_id
WHERE v.visit_date BETWEEN ? AND ? AND v.voided = 0{{unit}}
GROUP BY grp"""

#: Cases per column group and content type: each case once per group, first time if any of its visits in that
#: group and period was its first ever.
CASE_FIGURES = f"""SELECT grp, content_type, count(*) AS cases, sum(first) AS cases_first
FROM (SELECT {_VISIT_GROUP} AS grp, vc.case_id, c.content_type, max(vc.first_time <> 0) AS first
      FROM visits v LEFT JOIN sessions s ON s.id = v.session_id
      JOIN visit_cases vc ON vc.visit_id = v.id
      JOIN cases c ON c.id = vc.case_id
      WHERE v.visit_date BETWEEN ? AND ? AND v.voided = 0 AND c.voided = 0{{unit}}
      GROUP BY grp, vc.case_id)
GROUP BY grp, content_type"""

#: Held state sessions per column group (dialogues apart).
SESSION_FIGURES = """SELECT CASE WHEN kind = 'dialogue' THEN 'dialogue' WHEN delegated = 1 THEN 'delegated'
    ELSE 'in_person' END AS grp, count(*) AS sessions
FROM sessions
WHERE sector = 'state' AND status = 'held' AND voided = 0 AND session_date BETWEEN ? AND ?{unit}
GROUP BY grp"""


@dataclass(frozen=True)
class GroupFigures:
    """The figures of one column group of Biểu 01/TCD (or of the totals, or of the dialogue meetings)."""

    sessions: int = 0
    visits: int = 0
    persons: int = 0
    online_visits: int = 0
    cases: int = 0
    cases_first: int = 0
    cases_repeat: int = 0
    complaint_cases: int = 0
    denunciation_cases: int = 0
    petition_cases: int = 0
    report_cases: int = 0
    delegations: int = 0
    delegation_persons: int = 0
    delegations_first: int = 0
    delegations_repeat: int = 0

    def cases_of(self, content_type: ContentType | str) -> int:
        """Cases of one content type."""
        return int(getattr(self, f"{ContentType(content_type).value}_cases"))

    def __add__(self, other: GroupFigures) -> GroupFigures:
        return GroupFigures(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


@dataclass(frozen=True)
class ReceptionFigures:
    """Biểu 01/TCD for one period: the three column groups, their totals, and the dialogue meetings apart."""

    period: Period
    routine: GroupFigures
    in_person: GroupFigures
    delegated: GroupFigures
    dialogue: GroupFigures

    @property
    def total(self) -> GroupFigures:
        """The totals of the form: the sums of its three groups (dialogues not included)."""
        return self.routine + self.in_person + self.delegated

    def group(self, name: str) -> GroupFigures:
        if name not in (*GROUPS, DIALOGUE, "total"):
            raise KeyError(name)
        return getattr(self, name)


@dataclass(frozen=True)
class ReportRow:
    """One line of a report table: its Vietnamese label, the figure, and the figure of the previous period."""

    label_vi: str
    value: int
    previous: int
    key: str  # "<group>.<figure>": stable, for exports and tests


#: The figures of a group in the form's order, with their Vietnamese labels.
_FIGURE_LABELS: tuple[tuple[str, str], ...] = (
    ("sessions", "Số kỳ tiếp"),
    ("visits", "Số lượt tiếp"),
    ("persons", "Số người được tiếp"),
    ("online_visits", "Trong đó: tiếp trực tuyến (lượt)"),
    ("cases", "Số vụ việc"),
    ("cases_first", "Vụ việc tiếp lần đầu"),
    ("cases_repeat", "Vụ việc tiếp nhiều lần"),
    ("complaint_cases", "Vụ việc khiếu nại"),
    ("denunciation_cases", "Vụ việc tố cáo"),
    ("petition_cases", "Vụ việc kiến nghị"),
    ("report_cases", "Vụ việc phản ánh"),
    ("delegations", "Số đoàn đông người"),
    ("delegation_persons", "Số người trong đoàn đông người"),
    ("delegations_first", "Đoàn đông người lần đầu"),
    ("delegations_repeat", "Đoàn đông người nhiều lần"),
)

#: The column groups in the form's order, with their Vietnamese headings; sessions are shown only where they exist.
_GROUP_LABELS: tuple[tuple[str, str, bool], ...] = (
    ("total", "Tổng cộng", True),
    ("routine", "Tiếp thường xuyên", False),
    ("in_person", "Thủ trưởng trực tiếp tiếp", True),
    ("delegated", "Tiếp theo ủy quyền", True),
    ("dialogue", "Đối thoại (thống kê riêng)", True),
)


@dataclass(frozen=True)
class Compared:
    """A table's figures for a period (`current`) and for its previous comparable period (`previous`); both
    figure objects carry their `period`."""

    current: Any
    previous: Any

    @property
    def period(self) -> Period:
        return self.current.period


@dataclass(frozen=True)
class ReceptionResults(Compared):
    """Biểu 01/TCD (reception results, state side) for a period, with the previous comparable period beside it."""

    current: ReceptionFigures
    previous: ReceptionFigures

    @property
    def is_empty(self) -> bool:
        """Nothing was received in the period (the report says so; the figures are zeros)."""
        figures = self.current
        return not any(figures.group(g).visits or figures.group(g).sessions for g in (*GROUPS, DIALOGUE))

    def rows(self) -> list[ReportRow]:
        """(label_vi, value, previous) in the form's order: the totals, then each group, then the dialogues; the
        total row's sessions are the sessions of the two leader groups."""
        result: list[ReportRow] = []
        for group, heading, has_sessions in _GROUP_LABELS:
            now, before = self.current.group(group), self.previous.group(group)
            for figure, label in _FIGURE_LABELS:
                if figure == "sessions" and not has_sessions:
                    continue
                result.append(ReportRow(f"{heading} - {label}", getattr(now, figure), getattr(before, figure),
                                        f"{group}.{figure}"))
        return result


class ReportService:
    """The periodic report tables, computed by SQL aggregates; reads only."""

    def __init__(self, context: DeskContext) -> None:
        self.context = context

    def reception_results(self, period: Period, *, unit_code: str | None = None) -> ReceptionResults:
        """Biểu 01/TCD for `period` and its previous comparable period; a period with no data gives zeros.
        `unit_code` limits it to one commune's records (a consolidated file holds several)."""
        self.context.require(Permission.READ)
        return ReceptionResults(self._figures(period, unit_code), self._figures(period.previous(), unit_code))

    def classification(self, period: Period, *, top_bodies: int = DEFAULT_TOP_BODIES,
                       unit_code: str | None = None) -> Classification:
        """The cases received in `period` classified by type × field, competence, direction and respondent body
        (the `top_bodies` bodies with most cases named, the rest summed), with the previous comparable period."""
        return _classification(self, period, top_bodies, unit_code)

    # The tables below live in report_resolution, which builds on this module: imported when called.
    def letters(self, period: Period, *, unit_code: str | None = None) -> LetterHandling:
        """Letters received and handled in `period` (channel, content type, eligibility, direction, competence),
        with the previous comparable period."""
        from receptiondesk.services import report_resolution
        return report_resolution.letter_handling(self.context, period, unit_code)

    def complaint_resolution(self, period: Period, *, unit_code: str | None = None) -> Resolution:
        """Complaint resolution in `period` (carried over, new, resolved, ended, pending), with the previous
        comparable period."""
        from receptiondesk.services import report_resolution
        return report_resolution.resolution(self.context, period, ContentType.COMPLAINT, unit_code)

    def denunciation_resolution(self, period: Period, *, unit_code: str | None = None) -> Resolution:
        """Denunciation resolution in `period`, by the same rules as complaint resolution."""
        from receptiondesk.services import report_resolution
        return report_resolution.resolution(self.context, period, ContentType.DENUNCIATION, unit_code)

    def followup(self, period: Period, *, unit_code: str | None = None) -> FollowupReport:
        """The follow-up of assignments given in `period` and their state at its end, with the previous
        comparable period."""
        from receptiondesk.services import report_resolution
        return report_resolution.followup(self.context, period, unit_code)

    def _figures(self, period: Period, unit_code: str | None = None) -> ReceptionFigures:
        db = self.context.database
        bounds: tuple[str, ...] = (period.start.isoformat(), period.end.isoformat())
        visit_unit, session_unit = unit_condition("v.unit_code", unit_code), unit_condition("unit_code", unit_code)
        if unit_code is not None:
            bounds += (unit_code,)
        values: dict[str, dict[str, int]] = {g: {} for g in (*GROUPS, DIALOGUE)}

        for row in db.query(VISIT_FIGURES.format(unit=visit_unit), bounds):
            target = values.get(row["grp"])
            if target is None:  # Party sessions: not in this form
                continue
            target.update(visits=row["visits"], persons=row["persons"], online_visits=row["online_visits"],
                          delegations=row["delegations"], delegation_persons=row["delegation_persons"],
                          delegations_first=row["delegations_first"],
                          delegations_repeat=row["delegations"] - row["delegations_first"])
        for row in db.query(CASE_FIGURES.format(unit=visit_unit), bounds):
            target = values.get(row["grp"])
            if target is None:
                continue
            _add(target, "cases", row["cases"])
            _add(target, "cases_first", row["cases_first"])
            _add(target, "cases_repeat", row["cases"] - row["cases_first"])
            if row["content_type"] in _CONTENT_TYPES:
                _add(target, f"{row['content_type']}_cases", row["cases"])
        for row in db.query(SESSION_FIGURES.format(unit=session_unit), bounds):
            values[row["grp"]]["sessions"] = row["sessions"]

        groups = {name: GroupFigures(**figures) for name, figures in values.items()}
        return ReceptionFigures(period=period, **groups)


def _add(target: dict[str, Any], key: str, value: int) -> None:
    target[key] = target.get(key, 0) + int(value or 0)


# -- classification (phân loại vụ việc) ------------------------------------------------------------------------
#
# Counting rules (DOMAIN §5 "Classification"): the cases received in the period (by `cases.received_on`, whatever
# their source: visit, letter or import); voided cases are never counted. Each case counts once in each table:
# - by content type × field: every active field is listed (zeros too), in the fields' order, then any retired or
#   unknown field that has cases in the period or in the previous one;
# - by competence: within / outside the commune's competence;
# - by direction: the six directions, then "not yet directed" (no direction recorded);
# - by respondent body: the `top_bodies` named bodies with the most cases in the period (ties by name), the other
#   named bodies summed as "Khác", and the cases naming no body apart. The previous period is shown for the same
#   bodies; its "Khác" is every other named body of the previous period.
# Every table sums to the same total: the cases received in the period.

#: Competence groups in the table's order.
COMPETENCE = ("in", "out")
#: Directions in the table's order; "none": not yet directed.
DIRECTIONS = (*(d.value for d in Direction), "none")
#: The respondent-body lines that are not a body: the other bodies summed, and cases naming no body.
OTHER_BODIES = "Khác"
NO_BODY = "Không xác định cơ quan, đơn vị"

#: The cases received in a period grouped by every dimension the four tables need, in one pass over the covering
#: index cases_received_cover; each table then sums these groups (a few hundred rows, not the cases).
CLASSIFICATION_GROUPS = """SELECT content_type, field_code, in_competence <> 0 AS inside,
    coalesce(direction, 'none') AS direction, respondent_body AS body, count(*) AS cases
FROM cases WHERE received_on BETWEEN ? AND ? AND voided = 0{unit}
GROUP BY content_type, field_code, inside, direction, respondent_body"""

_COMPETENCE_LABELS = {"in": "Thuộc thẩm quyền", "out": "Không thuộc thẩm quyền"}
_DIRECTION_NONE_LABEL = "Chưa có hướng xử lý"


@dataclass(frozen=True)
class ClassificationFigures:
    """The classification counts of one period. Each mapping holds the non-zero counts only (`Classification`
    lists the lines with their zeros); respondent bodies are all there, the top ones are picked for display."""

    period: Period
    by_type_field: Mapping[tuple[str, str], int]  # (content type, field code) -> cases
    by_competence: Mapping[str, int]  # "in" / "out" -> cases
    by_direction: Mapping[str, int]  # direction or "none" -> cases
    by_respondent: Mapping[str, int]  # respondent body ("" for none) -> cases

    @property
    def total(self) -> int:
        """The cases received in the period: the sum of the type × field table (every other table sums to it)."""
        return sum(self.by_type_field.values())

    def type_field(self, content_type: str, field_code: str) -> int:
        return self.by_type_field.get((content_type, field_code), 0)

    def of_type(self, content_type: str) -> int:
        return sum(n for (t, _), n in self.by_type_field.items() if t == content_type)

    def of_field(self, field_code: str) -> int:
        return sum(n for (_, f), n in self.by_type_field.items() if f == field_code)


@dataclass(frozen=True)
class Classification(Compared):
    """The classification of the cases received in a period, with the previous comparable period beside it.

    `fields` are the field lines in order (code, Vietnamese name); `bodies` the named respondent bodies shown."""

    current: ClassificationFigures
    previous: ClassificationFigures
    fields: tuple[tuple[str, str], ...]
    bodies: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        """No case was received in the period (the report says so; the figures are zeros)."""
        return self.current.total == 0

    def respondent_lines(self, figures: ClassificationFigures) -> list[tuple[str, int]]:
        """(body, cases) for the shown bodies, then "Khác" (other named bodies), then cases naming no body."""
        shown = [(body, figures.by_respondent.get(body, 0)) for body in self.bodies]
        named = sum(n for body, n in figures.by_respondent.items() if body)
        return [*shown, (OTHER_BODIES, named - sum(n for _, n in shown)), (NO_BODY, figures.by_respondent.get("", 0))]

    def rows(self) -> list[ReportRow]:
        """The four tables in order, each line with the previous period: type × field (per field its four types
        and its total, then per type its total, then the total), competence, direction, respondent body."""
        now, before = self.current, self.previous
        result: list[ReportRow] = []

        def add(key: str, label: str, value: int, previous: int) -> None:
            result.append(ReportRow(label, int(value), int(previous), key))

        types = [(t.value, _enum_vi("content_type", t.value)) for t in ContentType]
        for code, name in self.fields:
            for kind, kind_vi in types:
                add(f"type_field.{code}.{kind}", f"{name} - {kind_vi}", now.type_field(kind, code),
                    before.type_field(kind, code))
            add(f"type_field.{code}.total", f"{name} - Tổng số", now.of_field(code), before.of_field(code))
        for kind, kind_vi in types:
            add(f"type_field.total.{kind}", f"Tổng số - {kind_vi}", now.of_type(kind), before.of_type(kind))
        add("type_field.total.total", "Tổng số vụ việc", now.total, before.total)
        for group in COMPETENCE:
            add(f"competence.{group}", _COMPETENCE_LABELS[group], now.by_competence.get(group, 0),
                before.by_competence.get(group, 0))
        for direction in DIRECTIONS:
            label = _DIRECTION_NONE_LABEL if direction == "none" else _enum_vi("direction", direction)
            add(f"direction.{direction}", label, now.by_direction.get(direction, 0),
                before.by_direction.get(direction, 0))
        lines_before = self.respondent_lines(before)
        for position, ((body, value), (_, previous)) in enumerate(zip(self.respondent_lines(now), lines_before)):
            key = ("respondent.other" if position == len(self.bodies)
                   else "respondent.none" if position == len(self.bodies) + 1 else f"respondent.{position + 1}")
            add(key, body, value, previous)
        return result


def _enum_vi(kind: str, value: str) -> str:
    return message_text(f"enum.{kind}.{value}", "vi")


def unit_condition(column: str, unit_code: str | None, *, named: bool = False) -> str:
    """The SQL that limits a report query to one unit's records (`unit_code`; None: every record in the file):
    " AND <column> = ?" (or ":unit" for named parameters), else nothing."""
    if unit_code is None:
        return ""
    return f" AND {column} = {':unit' if named else '?'}"


def _classification_figures(db: Any, period: Period, unit_code: str | None) -> ClassificationFigures:
    bounds: tuple[str, ...] = (period.start.isoformat(), period.end.isoformat())
    if unit_code is not None:
        bounds += (unit_code,)
    by_type_field: Counter[tuple[str, str]] = Counter()
    by_competence: Counter[str] = Counter()
    by_direction: Counter[str] = Counter()
    by_respondent: Counter[str] = Counter()
    for r in db.query(CLASSIFICATION_GROUPS.format(unit=unit_condition("unit_code", unit_code)), bounds):
        n = int(r["cases"])
        by_type_field[(r["content_type"], r["field_code"])] += n
        by_competence["in" if r["inside"] else "out"] += n
        by_direction[r["direction"]] += n
        by_respondent[r["body"]] += n
    return ClassificationFigures(period, dict(by_type_field), dict(by_competence), dict(by_direction),
                                 dict(by_respondent))


def _classification(service: ReportService, period: Period, top_bodies: int,
                    unit_code: str | None = None) -> Classification:
    service.context.require(Permission.READ)
    if isinstance(top_bodies, bool) or not isinstance(top_bodies, int) or not 0 <= top_bodies <= MAX_TOP_BODIES:
        raise UserError("report.top_bodies_range", "top_bodies", value=top_bodies, max=MAX_TOP_BODIES)
    db = service.context.database
    current = _classification_figures(db, period, unit_code)
    previous = _classification_figures(db, period.previous(), unit_code)
    listed = [(r["code"], r["name_vi"], bool(r["active"]))
              for r in db.query("SELECT code, name_vi, active FROM fields ORDER BY position, code")]
    used = {f for figures in (current, previous) for (_, f) in figures.by_type_field}
    fields_shown = [(code, name) for code, name, active in listed if active or code in used]
    known = {code for code, _, _ in listed}
    fields_shown += [(code, code) for code in sorted(used - known)]
    ranked = sorted(((n, body) for body, n in current.by_respondent.items() if body), key=lambda p: (-p[0], p[1]))
    bodies = tuple(body for _, body in ranked[:top_bodies])
    return Classification(current, previous, tuple(fields_shown), bodies)

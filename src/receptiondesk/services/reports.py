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

from dataclasses import dataclass, fields
from typing import Any

from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.cases import ContentType
from receptiondesk.domain.report_periods import Period
from receptiondesk.services.context import DeskContext

#: The column groups of Biểu 01/TCD, in the form's order (the totals are their sums).
GROUPS = ("routine", "in_person", "delegated")
#: Counted apart, outside the totals.
DIALOGUE = "dialogue"
_CONTENT_TYPES = frozenset(t.value for t in ContentType)

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
WHERE v.visit_date BETWEEN ? AND ? AND v.voided = 0
GROUP BY grp"""

#: Cases per column group and content type: each case once per group, first time if any of its visits in that
#: group and period was its first ever.
CASE_FIGURES = f"""SELECT grp, content_type, count(*) AS cases, sum(first) AS cases_first
FROM (SELECT {_VISIT_GROUP} AS grp, vc.case_id, c.content_type, max(vc.first_time <> 0) AS first
      FROM visits v LEFT JOIN sessions s ON s.id = v.session_id
      JOIN visit_cases vc ON vc.visit_id = v.id
      JOIN cases c ON c.id = vc.case_id
      WHERE v.visit_date BETWEEN ? AND ? AND v.voided = 0 AND c.voided = 0
      GROUP BY grp, vc.case_id)
GROUP BY grp, content_type"""

#: Held state sessions per column group (dialogues apart).
SESSION_FIGURES = """SELECT CASE WHEN kind = 'dialogue' THEN 'dialogue' WHEN delegated = 1 THEN 'delegated'
    ELSE 'in_person' END AS grp, count(*) AS sessions
FROM sessions
WHERE sector = 'state' AND status = 'held' AND voided = 0 AND session_date BETWEEN ? AND ?
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
class ReceptionResults:
    """Biểu 01/TCD (reception results, state side) for a period, with the previous comparable period beside it."""

    current: ReceptionFigures
    previous: ReceptionFigures

    @property
    def period(self) -> Period:
        return self.current.period

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

    def reception_results(self, period: Period) -> ReceptionResults:
        """Biểu 01/TCD for `period` and its previous comparable period; a period with no data gives zeros."""
        self.context.require(Permission.READ)
        return ReceptionResults(self._figures(period), self._figures(period.previous()))

    def _figures(self, period: Period) -> ReceptionFigures:
        db = self.context.database
        bounds = (period.start.isoformat(), period.end.isoformat())
        values: dict[str, dict[str, int]] = {g: {} for g in (*GROUPS, DIALOGUE)}

        for row in db.query(VISIT_FIGURES, bounds):
            target = values.get(row["grp"])
            if target is None:  # Party sessions: not in this form
                continue
            target.update(visits=row["visits"], persons=row["persons"], online_visits=row["online_visits"],
                          delegations=row["delegations"], delegation_persons=row["delegation_persons"],
                          delegations_first=row["delegations_first"],
                          delegations_repeat=row["delegations"] - row["delegations_first"])
        for row in db.query(CASE_FIGURES, bounds):
            target = values.get(row["grp"])
            if target is None:
                continue
            _add(target, "cases", row["cases"])
            _add(target, "cases_first", row["cases_first"])
            _add(target, "cases_repeat", row["cases"] - row["cases_first"])
            if row["content_type"] in _CONTENT_TYPES:
                _add(target, f"{row['content_type']}_cases", row["cases"])
        for row in db.query(SESSION_FIGURES, bounds):
            values[row["grp"]]["sessions"] = row["sessions"]

        groups = {name: GroupFigures(**figures) for name, figures in values.items()}
        return ReceptionFigures(period=period, **groups)


def _add(target: dict[str, Any], key: str, value: int) -> None:
    target[key] = target.get(key, 0) + int(value or 0)

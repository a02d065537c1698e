"""The standard report tables after Biểu 01/TCD, read only, on SQL aggregates (DOMAIN §5): letters received and
handled, complaint resolution, denunciation resolution, and the follow-up of assignments.

Every table is computed for the period and for its previous comparable period (`Period.previous`). Voided
records are never counted, and neither is anything of a voided case. A case's content type, direction and
competence are the ones recorded now (as in the classification of cases), not as they stood at the period's end.

Counting rules:

1. Letters received and handled (tiếp nhận, xử lý đơn): the letters not voided with `received_on` in the period
   whose case is not voided (a letter registered on a case voided since is left out, as that case is left out of
   the classification). Each letter counts once, classified by its case:
   - total letters; and, apart, the number of distinct cases they concern (several letters on one matter are one
     case);
   - by channel: by post, forwarded by a body, organisation or person, online;
   - by the case's content type: complaint, denunciation, petition, report;
   - by eligibility, from the case's direction: eligible for handling (accepted, guided, transferred, answered),
     not eligible (filed — duplicate, anonymous, already resolved — or refused), not handled yet (no direction);
   - by the case's direction: the six directions, then "not handled yet";
   - by the case's competence: within / outside the commune's competence.
   Each breakdown sums to the total letters.

2. Complaint resolution (giải quyết khiếu nại) and denunciation resolution (giải quyết tố cáo), the same rules for
   content type 'complaint' and 'denunciation'. The cases to resolve are the commune's accepted cases: not voided,
   direction 'accepted', within competence, received by the period's end and not finished before the period
   starts, where a case is finished on coalesce(concluded_on, closed_on). The acceptance date is not stored
   apart: the day the case was received stands for it.
   - to resolve = carried over (received before the period starts) + newly accepted (received in the period);
   - resolved: concluded (decision or conclusion issued) in the period;
   - ended without a conclusion: no conclusion, closed in the period (withdrawn, suspended, closed for a reason);
   - still being resolved at the period's end: the rest (not finished, or finished after the period's end);
     of which overdue: the case's stored due date has passed by the period's end, or by today when the period
     has not ended yet: due_date < min(period end, today). The stored due date is the one of the case's current
     step, so for a past period only the cases still open now can be counted overdue (a case concluded since
     has no due date any more);
   - citizens informed of the result in the period (informed_on in the period), among all the commune's accepted
     cases of the type whatever the period they were resolved in (a case is informed after it is received, so it
     was received by the period's end); not part of the identity.
   Identity: to resolve = carried over + new = resolved + ended without a conclusion + still being resolved.

3. Follow-up (theo dõi, đôn đốc): assignments not voided, of cases not voided.
   - assigned in the period (assigned_on in the period): total; with a result by the period's end
     (result_on <= end), of which on time (result_on <= deadline) and late; without a result by the period's end,
     of which overdue (deadline < min(period end, today): the deadline day itself is not overdue yet) and not yet
     due; of the results in by the period's end, those the citizen was told of by then (citizen_told_on <= end)
     and those not told yet. Identities: total = with + without a result; with a result = on time + late =
     told + not told; without a result = overdue + not yet due;
   - the state at the period's end of every assignment given by then (assigned_on <= end, whatever the period
     it was given in): still without a result, of which overdue (same rule), and results in but the citizen not
     told yet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.cases import ContentType, Direction
from receptiondesk.domain.letters import LetterChannel
from receptiondesk.domain.report_periods import Period
from receptiondesk.services.context import DeskContext
from receptiondesk.services.reports import (
    _COMPETENCE_LABELS,
    COMPETENCE,
    DIRECTIONS,
    Compared,
    ReportRow,
    _enum_vi,
    unit_condition,
)

# -- letters (tiếp nhận, xử lý đơn) -------------------------------------------------------------------------------

#: Channels in the table's order, with the report's wording.
CHANNELS = tuple(c.value for c in LetterChannel)
_CHANNEL_LABELS = {
    "post": "Qua dịch vụ bưu chính",
    "forwarded": "Do cơ quan, tổ chức, cá nhân chuyển đến",
    "online": "Qua môi trường mạng",
}
CONTENT_TYPES = tuple(t.value for t in ContentType)
#: Eligibility groups and the directions in each ("none": no direction yet).
ELIGIBILITY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("eligible", tuple(d.value for d in (Direction.ACCEPTED, Direction.GUIDED, Direction.TRANSFERRED,
                                         Direction.ANSWERED))),
    ("not_eligible", (Direction.FILED.value, Direction.REFUSED.value)),
    ("unhandled", ("none",)),
)
_ELIGIBILITY_LABELS = {
    "eligible": "Đơn đủ điều kiện xử lý",
    "not_eligible": "Đơn không đủ điều kiện xử lý (lưu đơn, từ chối)",
    "unhandled": "Đơn chưa xử lý",
}
_LETTER_NONE_LABEL = "Chưa xử lý"


def _direction_test(direction: str) -> str:
    return "c.direction IS NULL" if direction == "none" else f"c.direction = '{direction}'"


def _count(condition: str, name: str) -> str:
    return f"coalesce(sum({condition}), 0) AS {name}"


#: One row: every figure of the letters table (the column names are "<breakdown>_<line>").
LETTER_FIGURES = "SELECT count(*) AS total, count(DISTINCT l.case_id) AS cases,\n    " + ",\n    ".join([
    *(_count(f"l.channel = '{c}'", f"channel_{c}") for c in CHANNELS),
    *(_count(f"c.content_type = '{t}'", f"content_type_{t}") for t in CONTENT_TYPES),
    *(_count(_direction_test(d), f"direction_{d}") for d in DIRECTIONS),
    _count("c.in_competence <> 0", "competence_in"),
    _count("c.in_competence = 0", "competence_out"),
]) + """
FROM letters l JOIN cases c ON c.id = l.case_id
WHERE l.received_on BETWEEN :start AND :end AND l.voided = 0 AND c.voided = 0"""


@dataclass(frozen=True)
class LetterFigures:
    """The letters table of one period; each mapping lists every line of its breakdown (zeros too)."""

    period: Period
    total: int
    cases: int
    by_channel: Mapping[str, int]
    by_content_type: Mapping[str, int]
    by_direction: Mapping[str, int]  # direction or "none" -> letters
    by_competence: Mapping[str, int]  # "in" / "out" -> letters

    @property
    def by_eligibility(self) -> dict[str, int]:
        """Eligible, not eligible, not handled yet: the directions grouped (see the module's docstring)."""
        return {group: sum(self.by_direction[d] for d in directions) for group, directions in ELIGIBILITY}


@dataclass(frozen=True)
class LetterHandling(Compared):
    """Letters received and handled in a period, with the previous comparable period beside it."""

    current: LetterFigures
    previous: LetterFigures

    @property
    def is_empty(self) -> bool:
        """No letter was received in the period (the figures are zeros)."""
        return self.current.total == 0

    def rows(self) -> list[ReportRow]:
        """The total, the distinct cases, then the breakdowns by channel, content type, eligibility, direction and
        competence (each summing to the total), each line with the previous period."""
        now, before = self.current, self.previous
        result = [ReportRow("Tổng số đơn tiếp nhận trong kỳ", now.total, before.total, "total"),
                  ReportRow("Số vụ việc (nhiều đơn cùng một vụ việc tính một)", now.cases, before.cases, "cases")]

        def add(prefix: str, lines: list[tuple[str, str]], values: Mapping[str, int],
                previous: Mapping[str, int]) -> None:
            result.extend(ReportRow(label, int(values[line]), int(previous[line]), f"{prefix}.{line}")
                          for line, label in lines)

        add("channel", [(c, _CHANNEL_LABELS[c]) for c in CHANNELS], now.by_channel, before.by_channel)
        add("content_type", [(t, f"Phân loại theo nội dung - {_enum_vi('content_type', t)}") for t in CONTENT_TYPES],
            now.by_content_type, before.by_content_type)
        add("eligibility", list(_ELIGIBILITY_LABELS.items()), now.by_eligibility, before.by_eligibility)
        add("direction", [(d, "Kết quả xử lý - " + (_LETTER_NONE_LABEL if d == "none" else _enum_vi("direction", d)))
                          for d in DIRECTIONS], now.by_direction, before.by_direction)
        add("competence", [(g, _COMPETENCE_LABELS[g]) for g in COMPETENCE], now.by_competence, before.by_competence)
        return result


def _bounds(period: Period, unit_code: str | None = None) -> dict[str, str | None]:
    return {"start": period.start.isoformat(), "end": period.end.isoformat(), "unit": unit_code}


def _letter_figures(db: Any, period: Period, unit_code: str | None) -> LetterFigures:
    row = db.one(LETTER_FIGURES + unit_condition("l.unit_code", unit_code, named=True), _bounds(period, unit_code))

    def part(prefix: str, lines: tuple[str, ...]) -> dict[str, int]:
        return {line: int(row[f"{prefix}_{line}"]) for line in lines}

    return LetterFigures(period=period, total=int(row["total"]), cases=int(row["cases"]),
                         by_channel=part("channel", CHANNELS), by_content_type=part("content_type", CONTENT_TYPES),
                         by_direction=part("direction", DIRECTIONS), by_competence=part("competence", COMPETENCE))


def letter_handling(context: DeskContext, period: Period, unit_code: str | None = None) -> LetterHandling:
    """The letters table for `period` and its previous comparable period (one unit's, or every record's)."""
    context.require(Permission.READ)
    db = context.database
    return LetterHandling(_letter_figures(db, period, unit_code), _letter_figures(db, period.previous(), unit_code))


# -- complaint and denunciation resolution (giải quyết khiếu nại, tố cáo) -----------------------------------------

#: The content types with a resolution table.
RESOLVED_TYPES = (ContentType.COMPLAINT.value, ContentType.DENUNCIATION.value)

_FINISHED = "coalesce(concluded_on, closed_on)"
_NOT_FINISHED_BY_END = f"({_FINISHED} IS NULL OR {_FINISHED} > :end)"
_LIVE_AT_START = f"({_FINISHED} IS NULL OR {_FINISHED} >= :start)"

#: One row per content type and period: the commune's accepted cases received by the period's end (read from the
#: covering index cases_accepted_cover alone), each figure a conditional count over them.
RESOLUTION_FIGURES = "SELECT " + ",\n    ".join([
    _count(f"received_on < :start AND {_LIVE_AT_START}", "carried_over"),
    _count(f"received_on >= :start AND {_LIVE_AT_START}", "new"),
    _count("concluded_on BETWEEN :start AND :end", "resolved"),
    _count("concluded_on IS NULL AND closed_on BETWEEN :start AND :end", "ended_without_conclusion"),
    _count(f"{_NOT_FINISHED_BY_END} AND {_LIVE_AT_START}", "pending"),
    _count(f"{_NOT_FINISHED_BY_END} AND {_LIVE_AT_START} AND due_date IS NOT NULL AND due_date < :cutoff",
           "pending_overdue"),
    _count("informed_on BETWEEN :start AND :end", "informed"),
]) + """
FROM cases
WHERE content_type = :content_type AND received_on <= :end AND voided = 0 AND direction = 'accepted'
    AND in_competence <> 0"""


@dataclass(frozen=True)
class ResolutionFigures:
    """The resolution table of one content type for one period."""

    period: Period
    content_type: str
    carried_over: int = 0
    new: int = 0
    resolved: int = 0
    ended_without_conclusion: int = 0
    pending: int = 0
    pending_overdue: int = 0
    informed: int = 0

    @property
    def total(self) -> int:
        """The cases to resolve in the period: carried over + newly accepted."""
        return self.carried_over + self.new


#: The lines of a resolution table in order: key, figure, label (`{kind}`: the content type, lower case;
#: `{resolved}`, `{ended}`: the wording of each content type).
_RESOLUTION_LINES: tuple[tuple[str, str, str], ...] = (
    ("to_resolve", "total", "Tổng số vụ việc {kind} phải giải quyết"),
    ("to_resolve.carried_over", "carried_over", "Kỳ trước chuyển sang"),
    ("to_resolve.new", "new", "Thụ lý mới trong kỳ"),
    ("outcome.resolved", "resolved", "Đã giải quyết ({resolved})"),
    ("outcome.ended_without_conclusion", "ended_without_conclusion", "{ended}"),
    ("outcome.pending", "pending", "Đang giải quyết (chuyển kỳ sau)"),
    ("pending.overdue", "pending_overdue", "Trong đó: quá thời hạn giải quyết"),
    ("informed", "informed", "Đã thông báo kết quả giải quyết cho công dân trong kỳ"),
)
_RESOLUTION_WORDING = {
    "complaint": {"resolved": "đã ban hành quyết định giải quyết khiếu nại",
                  "ended": "Kết thúc không ban hành quyết định giải quyết (rút đơn, đình chỉ)"},
    "denunciation": {"resolved": "đã ban hành kết luận nội dung tố cáo",
                     "ended": "Kết thúc không ban hành kết luận (rút tố cáo, đình chỉ)"},
}


@dataclass(frozen=True)
class Resolution(Compared):
    """Complaint or denunciation resolution in a period, with the previous comparable period beside it."""

    current: ResolutionFigures
    previous: ResolutionFigures

    @property
    def content_type(self) -> str:
        return self.current.content_type

    @property
    def is_empty(self) -> bool:
        """Nothing to resolve and nobody informed in the period (the figures are zeros)."""
        return self.current.total == 0 and self.current.informed == 0

    def rows(self) -> list[ReportRow]:
        """To resolve (carried over, new), the outcome (resolved, ended without a conclusion, pending: they sum to
        the total), the overdue pending cases, the citizens informed; each line with the previous period."""
        words = {"kind": _enum_vi("content_type", self.content_type).lower(),
                 **_RESOLUTION_WORDING[self.content_type]}
        return [ReportRow(label.format(**words), int(getattr(self.current, figure)),
                          int(getattr(self.previous, figure)), key) for key, figure, label in _RESOLUTION_LINES]


def _cutoff(context: DeskContext, period: Period) -> str:
    """The day before which a due date or deadline has passed (ISO): the period's end, or today if earlier."""
    return min(period.end, context.today()).isoformat()


def _resolution_figures(context: DeskContext, period: Period, content_type: str,
                        unit_code: str | None) -> ResolutionFigures:
    row = context.database.one(RESOLUTION_FIGURES + unit_condition("unit_code", unit_code, named=True),
                               {**_bounds(period, unit_code), "cutoff": _cutoff(context, period),
                                "content_type": content_type})
    values = {f.name: int(row[f.name]) for f in fields(ResolutionFigures) if f.name not in ("period", "content_type")}
    return ResolutionFigures(period=period, content_type=content_type, **values)


def resolution(context: DeskContext, period: Period, content_type: ContentType | str,
               unit_code: str | None = None) -> Resolution:
    """The resolution table of `content_type` (complaint or denunciation) for `period` and the previous one."""
    context.require(Permission.READ)
    kind = ContentType(content_type).value
    if kind not in RESOLVED_TYPES:
        raise ValueError(f"no resolution table for {kind!r}")
    return Resolution(_resolution_figures(context, period, kind, unit_code),
                      _resolution_figures(context, period.previous(), kind, unit_code))


# -- follow-up (theo dõi, đôn đốc) ----------------------------------------------------------------------------------

_LIVE_ASSIGNMENT = "FROM assignments a JOIN cases c ON c.id = a.case_id"
_RESULT_BY_END = "a.result_on <= :end"
_NO_RESULT_BY_END = "(a.result_on IS NULL OR a.result_on > :end)"
_TOLD_BY_END = f"{_RESULT_BY_END} AND a.citizen_told_on <= :end"
_NOT_TOLD_BY_END = f"{_RESULT_BY_END} AND (a.citizen_told_on IS NULL OR a.citizen_told_on > :end)"

#: The assignments given in the period (range of index assignments_assigned).
ASSIGNED_FIGURES = "SELECT count(*) AS assigned,\n    " + ",\n    ".join([
    _count(_RESULT_BY_END, "with_result"),
    _count(f"{_RESULT_BY_END} AND a.result_on <= a.deadline", "on_time"),
    _count(f"{_RESULT_BY_END} AND a.result_on > a.deadline", "late"),
    _count(_NO_RESULT_BY_END, "without_result"),
    _count(f"{_NO_RESULT_BY_END} AND a.deadline < :cutoff", "overdue"),
    _count(f"{_NO_RESULT_BY_END} AND a.deadline >= :cutoff", "not_yet_due"),
    _count(_TOLD_BY_END, "told"),
    _count(_NOT_TOLD_BY_END, "not_told"),
]) + f"""
{_LIVE_ASSIGNMENT}
WHERE a.assigned_on BETWEEN :start AND :end AND a.voided = 0 AND c.voided = 0"""

#: Every assignment given by the period's end, as it stood then (range of index assignments_assigned).
STATE_FIGURES = "SELECT " + ",\n    ".join([
    _count(_NO_RESULT_BY_END, "open_at_end"),
    _count(f"{_NO_RESULT_BY_END} AND a.deadline < :cutoff", "overdue_at_end"),
    _count(_NOT_TOLD_BY_END, "not_told_at_end"),
]) + f"""
{_LIVE_ASSIGNMENT}
WHERE a.assigned_on <= :end AND a.voided = 0 AND c.voided = 0"""


@dataclass(frozen=True)
class FollowupFigures:
    """The follow-up table of one period: the assignments given in it, then the state at its end of all."""

    period: Period
    assigned: int = 0
    with_result: int = 0
    on_time: int = 0
    late: int = 0
    without_result: int = 0
    overdue: int = 0
    not_yet_due: int = 0
    told: int = 0
    not_told: int = 0
    open_at_end: int = 0
    overdue_at_end: int = 0
    not_told_at_end: int = 0


_AT_END = "Đến cuối kỳ (mọi nhiệm vụ đã giao)"
#: The lines of the follow-up table in order: key, figure, label.
_FOLLOWUP_LINES: tuple[tuple[str, str, str], ...] = (
    ("assigned", "assigned", "Tổng số nhiệm vụ được giao trong kỳ"),
    ("with_result", "with_result", "Đã có kết quả báo cáo"),
    ("with_result.on_time", "on_time", "Đã có kết quả - đúng hạn"),
    ("with_result.late", "late", "Đã có kết quả - quá hạn"),
    ("without_result", "without_result", "Chưa có kết quả"),
    ("without_result.overdue", "overdue", "Chưa có kết quả - đã quá hạn"),
    ("without_result.not_yet_due", "not_yet_due", "Chưa có kết quả - chưa đến hạn"),
    ("citizen.told", "told", "Đã thông báo kết quả cho công dân"),
    ("citizen.not_told", "not_told", "Chưa thông báo kết quả cho công dân"),
    ("at_end.open", "open_at_end", f"{_AT_END} - Nhiệm vụ chưa có kết quả"),
    ("at_end.overdue", "overdue_at_end", f"{_AT_END} - Nhiệm vụ quá hạn chưa có kết quả"),
    ("at_end.not_told", "not_told_at_end", f"{_AT_END} - Kết quả chưa thông báo cho công dân"),
)


@dataclass(frozen=True)
class FollowupReport(Compared):
    """The follow-up of assignments in a period, with the previous comparable period beside it."""

    current: FollowupFigures
    previous: FollowupFigures

    @property
    def is_empty(self) -> bool:
        """Nothing assigned in the period and nothing open or untold at its end (the figures are zeros)."""
        return not any(getattr(self.current, f.name) for f in fields(FollowupFigures) if f.name != "period")

    def rows(self) -> list[ReportRow]:
        """The assignments given in the period (with / without a result, told / not told), then the state at
        the period's end of every assignment; each line with the previous period."""
        return [ReportRow(label, int(getattr(self.current, figure)), int(getattr(self.previous, figure)), key)
                for key, figure, label in _FOLLOWUP_LINES]


def _followup_figures(context: DeskContext, period: Period, unit_code: str | None) -> FollowupFigures:
    db = context.database
    params = {**_bounds(period, unit_code), "cutoff": _cutoff(context, period)}
    values: dict[str, int] = {}
    for sql in (ASSIGNED_FIGURES, STATE_FIGURES):
        row = db.one(sql + unit_condition("a.unit_code", unit_code, named=True), params)
        values.update({name: int(row[name]) for name in row.keys()})
    return FollowupFigures(period=period, **values)


def followup(context: DeskContext, period: Period, unit_code: str | None = None) -> FollowupReport:
    """The follow-up table for `period` and its previous comparable period (one unit's, or every record's)."""
    context.require(Permission.READ)
    return FollowupReport(_followup_figures(context, period, unit_code),
                          _followup_figures(context, period.previous(), unit_code))


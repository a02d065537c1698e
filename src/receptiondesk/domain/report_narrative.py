"""The narrative draft of a report, in the register of the reports sent upward, written from the figures only:
every number in it is a figure of the tables; a zero says so in words and a clause about nothing is left out."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from receptiondesk.domain.report_periods import Period, PeriodKind
from receptiondesk.domain.report_tables import change, count, lower_first

#: key -> (value in the period, value in the previous comparable period)
Figures = Mapping[str, tuple[int, int]]


def _getter(figures: Figures) -> Callable[[str], int]:
    return lambda key: int(figures.get(key, (0, 0))[0])


def previous_name(period: Period) -> str:
    """How the reports name the previous comparable period: the same months of last year, or the period before."""
    return "cùng kỳ năm trước" if period.kind is PeriodKind.MONTHS else "kỳ trước"


def _comparison(figures: Figures, key: str, what: str, period: Period) -> str:
    now, before = figures.get(key, (0, 0))
    if now == 0 and before == 0:
        return ""
    return f"So với {previous_name(period)}, {what} {change(now, before)}."


def _joined(parts: list[str]) -> str:
    return "; ".join(p for p in parts if p)


def party_narrative(figures: Figures, period: Period, commune_type: str) -> str:
    """"Trong 6 tháng đầu năm 2026, đồng chí Bí thư Đảng ủy xã đã tiếp 6 kỳ, 8 vụ việc với 27 lượt công dân; …".

    Keys: party.sessions, party.visits, party.persons, party.cases, party.notices (the secretary in person),
    party.delegated_sessions, party.delegated_visits; compliance.party.missed (months below the minimum)."""
    f = _getter(figures)
    who = f"đồng chí Bí thư Đảng ủy {commune_type.strip().lower() or 'xã'}"
    lead = f"Trong {lower_first(period.label)}, {who}"
    sessions, visits = f("party.sessions"), f("party.visits")
    if sessions == 0:
        text = f"{lead} không có kỳ tiếp công dân nào."
    elif visits == 0:
        text = f"{lead} đã tổ chức {count(sessions, 'kỳ')} tiếp công dân nhưng không có công dân đến."
    else:
        persons = f("party.persons")
        people = f" ({count(persons, 'người')})" if persons != visits else ""
        notices = f("party.notices")
        issued = (f"đã ban hành {count(notices, 'thông báo kết luận')}" if notices
                  else "chưa ban hành thông báo kết luận nào")
        text = (f"{lead} đã tiếp {count(sessions, 'kỳ')}, {count(f('party.cases'), 'vụ việc')} với "
                f"{count(visits, 'lượt công dân')}{people}; {issued}.")
    delegated = f("party.delegated_sessions")
    if delegated:
        text += (f" Ngoài ra, đồng chí đã ủy quyền tiếp {count(delegated, 'kỳ')} với "
                 f"{count(f('party.delegated_visits'), 'lượt công dân')}.")
    missed = f("compliance.party.missed")
    if missed:
        text += f" Có {count(missed, 'tháng')} chưa bảo đảm số ngày tiếp công dân tối thiểu theo quy định."
    comparison = _comparison(figures, "party.visits", "số lượt công dân được tiếp", period)
    return f"{text} {comparison}".strip()


def state_narrative(figures: Figures, period: Period, reporter: str, chairman: str) -> str:
    """The state side's paragraph: reception (Biểu 01/TCD), classification, letters, resolution, follow-up.

    `reporter` is "Ủy ban nhân dân xã Tân Thành"; `chairman` is "Chủ tịch Ủy ban nhân dân xã"."""
    f = _getter(figures)
    lead = f"Trong {lower_first(period.label)}, {reporter}"
    visits = f("reception.total.visits")
    sentences: list[str] = []
    if visits == 0:
        sentences.append(f"{lead} không tiếp công dân nào.")
    else:
        persons, cases = f("reception.total.persons"), f("reception.total.cases")
        head = (f"{lead} đã tiếp {count(visits, 'lượt')} với {count(persons, 'người')}, "
                f"{count(cases, 'vụ việc')}")
        parts = []
        if f("reception.routine.visits"):
            parts.append(f"tiếp thường xuyên {count(f('reception.routine.visits'), 'lượt')}")
        if f("reception.in_person.sessions") or f("reception.in_person.visits"):
            parts.append(f"{chairman} trực tiếp tiếp {count(f('reception.in_person.sessions'), 'kỳ')}, "
                         f"{count(f('reception.in_person.visits'), 'lượt')}")
        if f("reception.delegated.sessions") or f("reception.delegated.visits"):
            parts.append(f"tiếp theo ủy quyền {count(f('reception.delegated.sessions'), 'kỳ')}, "
                         f"{count(f('reception.delegated.visits'), 'lượt')}")
        sentences.append(f"{head} (trong đó: {_joined(parts)})." if parts else f"{head}.")
        delegations = f("reception.total.delegations")
        if delegations:
            sentences.append(f"Có {count(delegations, 'đoàn đông người')} với "
                             f"{count(f('reception.total.delegation_persons'), 'người')}.")
        online = f("reception.total.online_visits")
        if online:
            sentences.append(f"Tiếp trực tuyến {count(online, 'lượt')}.")
    kinds = [(f(f"classification.type_field.total.{k}"), word) for k, word in (
        ("complaint", "khiếu nại"), ("denunciation", "tố cáo"), ("petition", "kiến nghị"), ("report", "phản ánh"))]
    received = f("classification.type_field.total.total")
    if received:
        listed = ", ".join(f"{count(n, word)}" for n, word in kinds if n)
        sentences.append(f"Tiếp nhận mới {count(received, 'vụ việc')}, gồm: {listed}.")
    letters = f("letters.total")
    if letters:
        waiting = f("letters.direction.none")
        sentence = f"Tiếp nhận {count(letters, 'đơn')}; đã xử lý {count(letters - waiting, 'đơn')}"
        sentences.append(sentence + (f", chưa xử lý {count(waiting, 'đơn')}." if waiting else "."))
    elif visits:
        sentences.append("Không tiếp nhận đơn qua đường bưu chính, chuyển đến hoặc qua môi trường mạng.")
    for prefix, word in (("complaints", "khiếu nại"), ("denunciations", "tố cáo")):
        total = f(f"{prefix}.to_resolve")
        if total:
            resolved, pending = f(f"{prefix}.outcome.resolved"), f(f"{prefix}.outcome.pending")
            sentence = (f"Về giải quyết {word}: phải giải quyết {count(total, 'vụ việc')}, "
                        f"đã giải quyết {count(resolved, 'vụ việc')}")
            sentence += f", đang giải quyết {count(pending, 'vụ việc')}." if pending else "."
            sentences.append(sentence)
    assigned = f("followup.assigned")
    if assigned:
        overdue = f("followup.at_end.overdue")
        sentence = (f"Đã giao {count(assigned, 'nhiệm vụ')} theo kết luận tiếp công dân, "
                    f"có kết quả {count(f('followup.with_result'), 'nhiệm vụ')}")
        sentence += f"; {count(overdue, 'nhiệm vụ')} quá hạn chưa có kết quả." if overdue else "."
        sentences.append(sentence)
    missed = f("compliance.state.missed")
    if missed:
        sentences.append(f"Có {count(missed, 'tuần')} {chairman} chưa bảo đảm tiếp công dân định kỳ theo quy định.")
    sentences.append(_comparison(figures, "reception.total.visits", "số lượt tiếp công dân", period))
    return " ".join(s for s in sentences if s)

"""Lịch tiếp công dân của lãnh đạo: the notice publishing the leaders' reception days for a month, a quarter or
any period — a table of date, weekday, (time), leader, position and place whose header row repeats on every
page; landscape when the table does not fit across a portrait page. State format (the People's Committee's
leaders) or Party format (the Party committee's standing members, "tiếp dân").
`render_reception_schedule(ReceptionSchedule(...)) -> bytes` (PDF)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from receptiondesk.documents import fonts, layout
from receptiondesk.documents.common import (DocumentNumber, Issuer, Person, Signer, normalised, require_value,
                                            short_date)
from receptiondesk.documents.formats import DocumentFormat, load_forms
from receptiondesk.errors import UserError

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
_ROMAN = ("I", "II", "III", "IV")
_TIME = 3  # the time column, left out when no entry gives a time
_TEXT_MIN_MM = 28  # position and place: narrower than this, they wrap every word or two


@dataclass(frozen=True)
class ScheduleEntry:
    """One reception day: the date, who receives (name and position) and where; `time` is optional
    ("Sáng: 7 giờ 30 – 11 giờ 30")."""

    day: date
    leader: Person
    place: str
    time: str = ""


@dataclass(frozen=True)
class ReceptionSchedule:
    """Everything the notice prints. The period runs from `period_start` to `period_end` (a whole month prints
    "tháng 3 năm 2026", a whole quarter "quý II năm 2026"); every entry's day must lie in it. `landscape=None`
    turns the page only when the table needs it; `notes` adds paragraphs after the standard ones; `subject`
    overrides the generated subject line."""

    issuer: Issuer
    number: DocumentNumber
    issued_on: date
    signer: Signer | None
    period_start: date
    period_end: date
    entries: tuple[ScheduleEntry, ...]
    landscape: bool | None = None
    notes: str = ""
    subject: str = ""
    recipients: tuple[str, ...] = ()
    archive: str = ""  # the archive line: "VT, TCD"; default from the format
    sector: str = "state"


def period_label(start: date, end: date) -> str:
    """'tháng 3 năm 2026', 'quý II năm 2026', or 'từ ngày 01/03/2026 đến ngày 15/04/2026'."""
    last = calendar.monthrange(end.year, end.month)[1]
    if start.day == 1 and end.day == last and start.year == end.year:
        if start.month == end.month:
            return f"tháng {start.month} năm {start.year}"
        if start.month % 3 == 1 and end.month == start.month + 2:
            return f"quý {_ROMAN[start.month // 3]} năm {start.year}"
    return f"từ ngày {short_date(start)} đến ngày {short_date(end)}"


def render_reception_schedule(schedule: ReceptionSchedule, *, fmt: DocumentFormat | None = None,
                              qr: bool = True) -> bytes:
    """The schedule as PDF bytes. `fmt` overrides the sector's format; `qr=False` leaves out the QR code."""
    forms = load_forms()
    texts = forms.reception_schedule
    s = normalised(schedule)
    fmt = layout.format_for(s.sector, fmt)
    signature = layout.signature_for(fmt, s.signer)
    require_value(s.period_start, "ngày bắt đầu")
    require_value(s.period_end, "ngày kết thúc")
    if s.period_start > s.period_end:
        raise UserError("document.bad_range", start=short_date(s.period_start), end=short_date(s.period_end))
    if not s.entries:
        raise UserError("document.value_missing", what="các ngày tiếp công dân của lịch")
    for i, entry in enumerate(s.entries, start=1):
        require_value(entry.leader.name if entry.leader else "", f"người tiếp ở dòng {i}")
        require_value(entry.place, f"địa điểm ở dòng {i}")
        if not s.period_start <= entry.day <= s.period_end:
            raise UserError("document.date_outside_period", index=i, date=short_date(entry.day),
                            start=short_date(s.period_start), end=short_date(s.period_end))
    issuer = s.issuer.name
    period = period_label(s.period_start, s.period_end)
    entries = sorted(s.entries, key=lambda e: e.day)  # stable: a day's sessions keep their order
    with_time = any(e.time.strip() for e in entries)
    landscape = _needs_landscape(fmt, entries, with_time) if s.landscape is None else s.landscape

    number = layout.number_line(fmt, s.issuer, s.number)
    story: list[Flowable] = [
        layout.Header(fmt, s.issuer, number, layout.date_line(fmt, s.issuer.place, s.issued_on),
                      form_code=texts.code if forms.show_form_codes else ""),
        layout.title_block(fmt, texts.title, s.subject or texts.subject.get(s.sector).format(issuer=issuer,
                                                                                             period=period)),
    ]
    basis = texts.basis.get(s.sector).strip().rstrip(".,;")
    story += layout.body(fmt, texts.announce.get(s.sector).format(basis=basis, issuer=issuer, period=period))
    story.append(_table(fmt, entries, with_time, landscape, s.sector))
    story.append(layout.VSpace(fmt.body.space_after_pt))
    story += layout.body(fmt, texts.substitute.get(s.sector).format(issuer=issuer))
    story += layout.body(fmt, texts.publish.get(s.sector).format(issuer=issuer))
    if s.notes.strip():
        story += layout.body(fmt, s.notes)
    lead = layout.body(fmt, texts.closing.get(s.sector).format(issuer=issuer))
    story.append(layout.Closing(fmt, signature, s.recipients, s.archive, lead=lead))
    payload = layout.qr_payload(s.issuer.unit_code, layout.bare_number(number), s.issued_on, s) if qr else None
    return layout.render_pdf(fmt, story, title=f"Lịch tiếp công dân {period} – {number}", author=issuer,
                             landscape_page=landscape, qr_payload=payload)


def _headers(sector: str) -> tuple[str, ...]:
    who = "Đồng chí\ntiếp dân" if sector == "party" else "Người tiếp\ncông dân"  # two even lines, not "dân" alone
    return ("STT", "Ngày", "Thứ", "Thời gian", who, "Chức vụ", "Địa điểm")


def _columns(fmt: DocumentFormat, entries: list[ScheduleEntry], with_time: bool,
             landscape: bool) -> tuple[list[int], list[float] | None]:
    """The columns shown and their widths in points: the format's weights over the text width, but a date, a
    weekday, a time and a leader's name each on one line and no header word broken (None: that cannot fit)."""
    shown = [c for c in range(7) if with_time or c != _TIME]
    weights = [fmt.reception_schedule.column_weights[c] for c in shown]
    size, pad = fmt.body.size - 1, 2 * fmt.table.padding_pt + 3
    need = {1: fonts.text_width("00/00/0000", size=size),
            2: max(fonts.text_width(w, size=size) for w in WEEKDAYS),
            _TIME: max(fonts.text_width(e.time.strip(), size=size) for e in entries),
            4: max(fonts.text_width(e.leader.name.strip(), size=size) for e in entries)}
    for c, values in ((5, [e.leader.position for e in entries]), (6, [e.place for e in entries])):
        words = [w for v in values for w in v.split()] or [""]
        need[c] = max(_TEXT_MIN_MM * mm, max(fonts.text_width(w, size=size) for w in words))
    minimums = []
    for c in shown:
        words = _headers("state")[c].split() + _headers("party")[c].split()
        longest = max(fonts.text_width(w, size=size, bold=True) for w in words)
        minimums.append(max(longest, need.get(c, 0.0)) + pad)
    width = layout.text_width_mm(fmt, landscape_page=landscape) * mm
    return shown, layout.fit_widths(width, weights, minimums)


def _needs_landscape(fmt: DocumentFormat, entries: list[ScheduleEntry], with_time: bool) -> bool:
    """Portrait unless a date, weekday, time, name or header word would not fit its column on one line."""
    return _columns(fmt, entries, with_time, landscape=False)[1] is None


def _table(fmt: DocumentFormat, entries: list[ScheduleEntry], with_time: bool, landscape: bool,
           sector: str) -> Flowable:
    shown, widths = _columns(fmt, entries, with_time, landscape)
    if widths is None:  # portrait asked for, but the columns cannot fit: share the width evenly
        weights = [fmt.reception_schedule.column_weights[c] for c in shown]
        total = layout.text_width_mm(fmt, landscape_page=landscape) * mm
        widths = [total * w / sum(weights) for w in weights]
    head = [layout.cell(fmt, _headers(sector)[c], header=True, big=True) for c in shown]
    rows: list[list[object]] = [head]
    for i, e in enumerate(entries, start=1):
        values = (str(i), short_date(e.day), WEEKDAYS[e.day.weekday()], e.time, e.leader.name, e.leader.position,
                  e.place)
        rows.append([layout.cell(fmt, values[c], align="center" if c < 3 else "left", big=True) for c in shown])
    return layout.grid_table(fmt, rows, widths)

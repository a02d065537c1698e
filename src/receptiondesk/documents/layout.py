"""What every document shares: header, number and date lines, title, body, signature, recipients, tables, and
pages (margins, page numbers from page 2, the optional QR code); `render_pdf` lays a story out on A4."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.shapes import Drawing, Path
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Flowable, Frame, KeepTogether, NextPageTemplate,
                                PageBreak, PageTemplate, Paragraph, Table, TableStyle)

from receptiondesk.documents import fonts
from receptiondesk.documents.common import Citizen, DocumentNumber, Issuer, SignMode, Signer, nfc, require, upper
from receptiondesk.documents.formats import FORMAT_NAMES, DocumentFormat, Text, load_format
from receptiondesk.errors import UserError

#: Version tag of the QR payload: "RD1|<unit code>|<number>|<ISO date>|<content hash>".
QR_VERSION = "RD1"
_QR_FORM = "ReceptionDeskQr"
_LINE_SPACING = 1.15  # single spacing of Liberation Serif (ascent + descent = 1.107)


# --- Text helpers -----------------------------------------------------------------------------

def format_for(sector: str, fmt: DocumentFormat | None = None) -> DocumentFormat:
    """The format of a document's sector ("state": UBND, Decree 30; "party": Đảng ủy, Guide 36), unless
    `fmt` overrides it; an unknown sector is a UserError."""
    if sector not in FORMAT_NAMES:
        raise UserError("document.format_unknown", name=sector, allowed=list(FORMAT_NAMES))
    return fmt or load_format(sector)


def two_digits_below(value: int, limit: int) -> str:
    return f"{value:02d}" if value < limit else str(value)


def long_date(fmt: DocumentFormat, d: date) -> str:
    """'ngày 05 tháng 02 năm 2026' with the format's zero-padding rule (day < 10, month < 3)."""
    spec = fmt.header.date
    return (f"ngày {two_digits_below(d.day, spec.pad_day_below)} tháng "
            f"{two_digits_below(d.month, spec.pad_month_below)} năm {d.year}")


def date_line(fmt: DocumentFormat, place: str, d: date) -> str:
    """'Phường Ba Đình, ngày 05 tháng 02 năm 2026' (the format's template)."""
    require(place, "document.place_missing")
    spec = fmt.header.date
    return nfc(spec.template.format(place=place.strip(), day=two_digits_below(d.day, spec.pad_day_below),
                                    month=two_digits_below(d.month, spec.pad_month_below), year=d.year))


def number_line(fmt: DocumentFormat, issuer: Issuer, number: DocumentNumber) -> str:
    """'Số: 05/TB-UBND' (state) or 'Số 12-TB/ĐU' (Party); a blank number leaves room to write it in."""
    spec = fmt.header.number
    if number.number is None:
        text = " " * 8
    elif isinstance(number.number, bool) or not isinstance(number.number, int) or number.number < 1:
        raise UserError("document.bad_number", value=number.number)
    else:
        text = str(number.number).zfill(spec.min_digits)
    return nfc(spec.template.format(number=text, type=upper(number.type_code.strip()), issuer=issuer.symbol.strip()))


def letter_number_line(fmt: DocumentFormat, issuer: Issuer, number: DocumentNumber) -> str:
    """A letter's (công văn's) number: 'Số: 15/UBND-TCD' (state: `type_code` is the drafting unit's symbol)
    or 'Số 15-CV/ĐU' (Party); a blank number leaves room to write it in."""
    spec = fmt.header.number
    if number.number is None:
        text = " " * 8
    elif isinstance(number.number, bool) or not isinstance(number.number, int) or number.number < 1:
        raise UserError("document.bad_number", value=number.number)
    else:
        text = str(number.number).zfill(spec.min_digits)
    line = spec.letter_template.format(number=text, issuer=issuer.symbol.strip(), unit=upper(number.type_code.strip()))
    return nfc(line.rstrip("-/ "))


def text_width_mm(fmt: DocumentFormat, *, landscape_page: bool = False) -> float:
    """The width of the text area in mm (A4 portrait or landscape, the format's margins)."""
    m = fmt.page.landscape_margins_mm if landscape_page else fmt.page.margins_mm
    return (297 if landscape_page else 210) - m.left - m.right


def markup(text: str) -> str:
    """Plain text made safe for a Paragraph (NFC, &, <, > escaped)."""
    return escape(nfc(text))


def split_paragraphs(text: str) -> list[str]:
    """Non-empty lines of a multi-line field, each one paragraph."""
    return [" ".join(line.split()) for line in nfc(text).splitlines() if line.strip()]


# --- Paragraph styles, built once per format -------------------------------------------------

@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    body_flush: ParagraphStyle
    body_center: ParagraphStyle
    kind: ParagraphStyle
    subject: ParagraphStyle
    addressee: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    head_cell: ParagraphStyle
    big_cell: ParagraphStyle  # tables inside a portrait document: one size under the body
    big_cell_center: ParagraphStyle
    big_head_cell: ParagraphStyle


def _font(spec: Text) -> str:
    return fonts.face(bold=spec.bold, italic=spec.italic)


@lru_cache(maxsize=16)
def styles(fmt: DocumentFormat) -> Styles:
    """The paragraph styles of a format (cached: formats are frozen and hashable)."""
    fonts.register_fonts()
    b = fmt.body
    body = ParagraphStyle(
        "body", fontName=fonts.REGULAR, fontSize=b.size, leading=b.leading_pt,
        alignment=TA_JUSTIFY if b.align == "justify" else TA_LEFT, firstLineIndent=b.first_line_indent_mm * mm,
        spaceAfter=b.space_after_pt)
    kind, subject = fmt.title.kind, fmt.title.subject
    t = fmt.table
    cell = ParagraphStyle("cell", fontName=fonts.REGULAR, fontSize=t.size, leading=t.leading_pt, alignment=TA_LEFT)
    big = ParagraphStyle("big_cell", fontName=fonts.REGULAR, fontSize=b.size - 1, leading=(b.size - 1) * 1.25,
                         alignment=TA_LEFT)
    return Styles(
        body=body,
        body_flush=ParagraphStyle("body_flush", parent=body, firstLineIndent=0),
        body_center=ParagraphStyle("body_center", parent=body, firstLineIndent=0, alignment=TA_CENTER),
        kind=ParagraphStyle("kind", fontName=_font(kind), fontSize=kind.size, leading=kind.size * 1.2,
                            alignment=TA_CENTER, spaceBefore=kind.space_before_pt),
        subject=ParagraphStyle("subject", fontName=_font(subject), fontSize=subject.size,
                               leading=subject.size * 1.2, alignment=TA_CENTER),
        addressee=ParagraphStyle("addressee", fontName=_font(fmt.addressee), fontSize=fmt.addressee.size,
                                 leading=b.leading_pt, alignment=TA_CENTER, spaceAfter=fmt.addressee.space_after_pt),
        cell=cell,
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        head_cell=ParagraphStyle("head_cell", parent=cell, fontName=fonts.BOLD, fontSize=t.header_size,
                                 alignment=TA_CENTER),
        big_cell=big,
        big_cell_center=ParagraphStyle("big_cell_center", parent=big, alignment=TA_CENTER),
        big_head_cell=ParagraphStyle("big_head_cell", parent=big, fontName=fonts.BOLD, alignment=TA_CENTER),
    )


def body(fmt: DocumentFormat, text: str, *, indent: bool = True, label: str = "") -> list[Paragraph]:
    """Body paragraphs, one per line of `text`; `label` (bold) starts the first one."""
    style = styles(fmt).body if indent else styles(fmt).body_flush
    lines = split_paragraphs(text)
    if label:
        first = f"<b>{markup(label)}</b>" + (f" {markup(lines[0])}" if lines else "")
        return [Paragraph(first, style)] + [Paragraph(markup(line), style) for line in lines[1:]]
    return [Paragraph(markup(line), style) for line in lines]


def body_markup(fmt: DocumentFormat, xml: str, *, indent: bool = True) -> Paragraph:
    """One body paragraph from Paragraph markup (the caller escapes user text with `markup`)."""
    return Paragraph(xml, styles(fmt).body if indent else styles(fmt).body_flush)


def labelled(fmt: DocumentFormat, label: str, text: str, *, italic: bool = True) -> list[Paragraph]:
    """'<i>a) Label:</i> first line', then the text's further lines as paragraphs."""
    lines = split_paragraphs(text) or [""]
    tag = ("<i>", "</i>") if italic else ("<b>", "</b>")
    first = body_markup(fmt, f"{tag[0]}{markup(label)}{tag[1]} {markup(lines[0])}".rstrip())
    return [first] + [body_markup(fmt, markup(line)) for line in lines[1:]]


def heading(fmt: DocumentFormat, text: str, *, lines: int = 3) -> list[Flowable]:
    """A bold section heading ("I. THÀNH PHẦN THAM DỰ") that never stands alone at the foot of a page."""
    return [lines_ahead(fmt, lines), body_markup(fmt, f"<b>{markup(text)}</b>")]


def dash_list(fmt: DocumentFormat, items: Sequence[str]) -> list[Paragraph]:
    """'- item;' paragraphs, the last one ending with '.'."""
    clean = [item.strip().lstrip("-–• ").rstrip(";,. ").strip() for item in items]
    clean = [item for item in clean if item]
    return [body_markup(fmt, markup(f"- {item}" + ("." if i == len(clean) - 1 else ";")))
            for i, item in enumerate(clean)]


def title_block(fmt: DocumentFormat, kind: str, subject: str = "", *, rule: bool = True) -> KeepTogether:
    """Document type in capitals ("THÔNG BÁO"), the subject under it and a short centred rule."""
    st = styles(fmt)
    parts: list[Flowable] = [Paragraph(markup(upper(kind)), st.kind)]
    for line in split_paragraphs(subject):
        parts.append(Paragraph(markup(line), st.subject))
    r = fmt.title.rule
    if rule:
        parts.append(HRule(r.length_mm * mm, r.thickness_pt, r.space_before_pt, r.space_after_pt))
    else:
        parts.append(VSpace(r.space_after_pt))
    return KeepTogether(parts)


def addressee(fmt: DocumentFormat, text: str) -> Paragraph:
    """'Kính gửi: …' centred under the title."""
    return Paragraph(markup(fmt.addressee.prefix + text.strip()), styles(fmt).addressee)


def addressee_with(fmt: DocumentFormat, text: str, detail: str = "") -> Flowable:
    """'Kính gửi: Ông …' with a second centred line under it (the address), kept together."""
    if not detail.strip():
        return addressee(fmt, text)
    style = styles(fmt).addressee
    first = Paragraph(markup(fmt.addressee.prefix + text.strip()), ParagraphStyle("addressee_1", parent=style,
                                                                                 spaceAfter=0))
    return KeepTogether([first, Paragraph(markup(detail.strip()), style)])


# --- Flowables --------------------------------------------------------------------------------

class VSpace(Flowable):
    """Vertical space that, unlike Spacer, is kept at the top of a page (a fixed gap in a block)."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.height = height

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return aw, self.height

    def draw(self) -> None:
        pass


class HRule(Flowable):
    """A short horizontal rule, centred in the frame."""

    def __init__(self, length: float, thickness: float, space_before: float = 0, space_after: float = 0) -> None:
        super().__init__()
        self.length, self.thickness = length, thickness
        self.space_before, self.space_after = space_before, space_after

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.space_before + self.thickness + self.space_after

    def draw(self) -> None:
        c = self.canv
        y = self.space_after + self.thickness / 2
        c.setLineWidth(self.thickness)
        c.line((self.width - self.length) / 2, y, (self.width + self.length) / 2, y)


@dataclass
class _Item:
    """One positioned line of a column: text, or a rule (text empty), or a box."""

    top: float  # from the top of the block, downwards
    text: str = ""
    font: str = ""
    size: float = 0.0
    underline: bool = False
    rule: float = 0.0  # rule length
    thickness: float = 0.0
    box: tuple[float, float] | None = None  # (width, height)

    @property
    def baseline(self) -> float:
        return self.top + fonts.ASCENT * self.size


def balanced_split(text: str, font: str, size: float, width: float) -> list[str]:
    """`text` wrapped into as few lines as at `width`, but with the lines as even as possible (no single
    word left alone on the last line of a centred block)."""
    lines = simpleSplit(text, font, size, width)
    if len(lines) < 2:
        return lines
    lo, hi = width / 3, width
    for _ in range(20):
        mid = (lo + hi) / 2
        if len(simpleSplit(text, font, size, mid)) > len(lines):
            lo = mid
        else:
            hi = mid
    return simpleSplit(text, font, size, hi)


class _Column:
    """Lines stacked from the top of a column, each centred in it (or left-aligned)."""

    def __init__(self, width: float, spacing: float = _LINE_SPACING) -> None:
        self.width, self.spacing = width, spacing
        self.items: list[_Item] = []
        self.y = 0.0

    def text(self, text: str, spec: Text | None = None, *, size: float | None = None, bold: bool = False,
             italic: bool = False, underline: bool = False, gap: float = 0.0, wrap: bool = True,
             balance: bool = False) -> list[_Item]:
        if spec is not None:
            size, bold, italic, underline = spec.size, spec.bold, spec.italic, spec.underline
        assert size is not None
        font = fonts.face(bold=bold, italic=italic)
        if not wrap:
            lines = [text]
        elif balance:
            lines = balanced_split(text, font, size, self.width)
        else:
            lines = simpleSplit(text, font, size, self.width)
        added = []
        for line in lines or [""]:
            added.append(_Item(self.y + gap, line, font, size, underline))
            self.y += gap + size * self.spacing
            gap = 0.0
        self.items.extend(added)
        return added

    def rule(self, length: float, thickness: float, gap: float) -> None:
        self.items.append(_Item(self.y + gap, rule=length, thickness=thickness))
        self.y += gap + thickness

    def box(self, width: float, height: float, gap: float) -> None:
        self.items.append(_Item(self.y + gap, box=(width, height)))
        self.y += gap + height

    def space(self, height: float) -> None:
        self.y += height

    def shift(self, start: int, delta: float) -> None:
        for item in self.items[start:]:
            item.top += delta
        self.y += delta

    def draw(self, canv: Any, x0: float, top: float, *, centred: bool = True) -> None:
        """Draw the column with its left edge at x0 and its top at `top` (canvas coordinates)."""
        xc = x0 + self.width / 2
        for item in self.items:
            if item.box is not None:
                w, h = item.box
                canv.setLineWidth(0.6)
                canv.rect(xc - w / 2, top - item.top - h, w, h)
            elif item.rule:
                y = top - item.top - item.thickness / 2
                canv.setLineWidth(item.thickness)
                canv.line(xc - item.rule / 2, y, xc + item.rule / 2, y)
            elif item.text:
                y = top - item.baseline
                canv.setFont(item.font, item.size)
                width = canv.stringWidth(item.text, item.font, item.size)
                x = xc - width / 2 if centred else x0
                canv.drawString(x, y, item.text)
                if item.underline:
                    canv.setLineWidth(max(0.5, item.size / 20))
                    canv.line(x, y - item.size * 0.12, x + width, y - item.size * 0.12)


class Header(Flowable):
    """The two-column header: issuer, its rule or star and the number at left; motto, its rule and
    the place and date at right; optionally "V/v …" under the number and a form code above."""

    def __init__(self, fmt: DocumentFormat, issuer: Issuer, number: str | None, dateline: str | None,
                 *, letter_subject: str = "", form_code: str = "") -> None:
        super().__init__()
        if not issuer or not any(line.strip() for line in issuer.name_lines):
            raise UserError("document.unit_missing")
        self.fmt, self.issuer, self.number, self.dateline = fmt, issuer, number, dateline
        self.letter_subject, self.form_code = letter_subject, form_code

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        h = self.fmt.header
        left_w = min(h.left_column_mm * mm, aw * 0.6)
        left, right = _Column(left_w, h.line_spacing), _Column(aw - left_w, h.line_spacing)
        top = 0.0
        if self.form_code:
            top = h.form_code.size * h.line_spacing + 4
        # Both columns' first baselines on one line (e.g. 14 pt "ĐẢNG BỘ TỈNH …" beside 15 pt "ĐẢNG CỘNG SẢN …").
        first_left = h.parent.size if self.issuer.parent.strip() else h.issuer.size
        first_right = h.motto[0].size
        left.y = top + max(0.0, fonts.ASCENT * (first_right - first_left))
        right.y = top + max(0.0, fonts.ASCENT * (first_left - first_right))
        # Left: parent body, issuer name, rule or star, number, "V/v" subject.
        if self.issuer.parent.strip():
            left.text(upper(self.issuer.parent.strip()), h.parent)
        name_items = []
        for line in self.issuer.name_lines:
            if line.strip():
                name_items += left.text(upper(line.strip()), h.issuer)
        mark = h.issuer_mark
        mark_index = len(left.items)
        if mark.kind == "rule":
            longest = max(fonts.text_width(i.text, size=i.size, bold=h.issuer.bold, italic=h.issuer.italic)
                          for i in name_items)
            left.rule(longest * mark.length_ratio, mark.thickness_pt, mark.gap_pt)
        elif mark.kind == "star":
            left.text(mark.text, size=mark.size, gap=mark.gap_pt)
        number_index = len(left.items)
        if self.number is not None:
            left.text(self.number, h.number, gap=h.number.gap_pt, wrap=False)
        if self.letter_subject:
            spec = h.letter_subject
            left.text(h.letter_subject.prefix + self.letter_subject.strip(), spec, gap=spec.gap_pt, balance=True)
        # Right: motto lines and rule, then the place and date.
        for i, line in enumerate(h.motto, start=1):
            item = right.text(line.text, line, wrap=False)[0]
            if i == h.motto_rule.under_line:
                width = fonts.text_width(item.text, size=line.size, bold=line.bold, italic=line.italic)
                right.rule(width * h.motto_rule.length_ratio, h.motto_rule.thickness_pt, h.motto_rule.gap_pt)
        if self.dateline is not None:
            date_start = len(right.items)
            items = right.text(self.dateline, h.date, gap=h.number.gap_pt)
            anchor_index = mark_index if (h.date.align_with == "mark" and mark.kind == "star") else number_index
            if anchor_index < len(left.items) and left.items[anchor_index].text:
                anchor = left.items[anchor_index]
                # Align the first date line's baseline with the anchor's: move whichever column is higher.
                delta = (anchor.baseline - items[0].baseline)
                if delta > 0:
                    right.shift(date_start, delta)
                elif delta < 0:
                    left.shift(anchor_index, -delta)
        self._left, self._right, self._top = left, right, top
        self.width = aw
        self.height = max(left.y, right.y) + h.gap_after_mm * mm
        return aw, self.height

    def draw(self) -> None:
        c, h = self.canv, self.fmt.header
        top = self.height
        if self.form_code:
            c.setFont(_font(h.form_code), h.form_code.size)
            c.drawRightString(self.width, top - fonts.ASCENT * h.form_code.size, self.form_code)
        self._left.draw(c, 0, top)
        self._right.draw(c, self._left.width, top)


class IssuerBlock(Flowable):
    """The issuer's name with its rule or star, alone at the left (logbook pages), optionally with a
    line at the right such as the form code."""

    def __init__(self, fmt: DocumentFormat, issuer: Issuer, right_text: str = "") -> None:
        super().__init__()
        if not issuer or not any(line.strip() for line in issuer.name_lines):
            raise UserError("document.unit_missing")
        self.fmt, self.issuer, self.right_text = fmt, issuer, right_text

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        h = self.fmt.header
        col = _Column(min(h.left_column_mm * mm, aw * 0.6), h.line_spacing)
        if self.issuer.parent.strip():
            col.text(upper(self.issuer.parent.strip()), h.parent)
        names = [i for line in self.issuer.name_lines if line.strip() for i in col.text(upper(line.strip()), h.issuer)]
        if h.issuer_mark.kind == "rule":
            longest = max(fonts.text_width(i.text, size=i.size, bold=h.issuer.bold) for i in names)
            col.rule(longest * h.issuer_mark.length_ratio, h.issuer_mark.thickness_pt, h.issuer_mark.gap_pt)
        elif h.issuer_mark.kind == "star":
            col.text(h.issuer_mark.text, size=h.issuer_mark.size, gap=h.issuer_mark.gap_pt)
        self._col, self.width = col, aw
        self.height = col.y + 4
        return aw, self.height

    def draw(self) -> None:
        self._col.draw(self.canv, 0, self.height)
        if self.right_text:
            spec = self.fmt.header.form_code
            self.canv.setFont(_font(spec), spec.size)
            self.canv.drawRightString(self.width, self.height - fonts.ASCENT * spec.size, self.right_text)


# --- Signatures and recipients ----------------------------------------------------------------

@dataclass(frozen=True)
class SignatureSpec:
    """A signature column: capacity lines (capitals), an optional hint, room to sign (or a box), the name."""

    lines: tuple[str, ...]
    name: str
    hint: str = ""
    box: bool = False
    above: str = ""  # an italic line over the capacity lines (e.g. the place and date)


def signature_for(fmt: DocumentFormat, signer: Signer | None) -> SignatureSpec:
    """The capacity lines for `signer` in this format: TM./KT./TL./TUQ. (state) or T/M, K/T… (Party)."""
    if signer is None or not signer.name or not signer.name.strip():
        raise UserError("document.signer_missing")
    require(signer.title, "document.signer_title_missing")
    prefixes = fmt.signature.prefixes
    lines = []
    if signer.on_behalf_of.strip():
        lines.append(f"{prefixes.tm} {upper(signer.on_behalf_of.strip())}")
    mode = SignMode(signer.mode)
    if mode is not SignMode.DIRECT:
        require(signer.principal, "document.signer_principal_missing")
        lines.append(f"{getattr(prefixes, mode.value)} {upper(signer.principal.strip())}")
    lines.append(upper(signer.title.strip()))
    return SignatureSpec(tuple(lines), signer.name.strip())


def _signature_column(fmt: DocumentFormat, spec: SignatureSpec, width: float, head: float = 0.0, *,
                      balance: bool = False) -> _Column:
    """The column's lines; `head` pads the part above the signing room so names in a row line up."""
    s = fmt.signature
    col = _Column(width)
    if spec.above:
        col.text(spec.above, size=s.hint.size, italic=True)
    for i, line in enumerate(spec.lines):
        is_title = i == len(spec.lines) - 1
        col.text(line, size=s.size, bold=s.title_bold if is_title else s.authority_bold, balance=balance)
    if spec.hint:
        col.text(spec.hint, s.hint, balance=balance)
    col.space(max(0.0, head - col.y))
    room = s.signing_space_mm * mm
    if spec.box:
        col.box(min(width * 0.8, 40 * mm), room - 8, 4)
        col.space(4)
    else:
        col.space(room)
    col.text(spec.name, size=s.size, bold=s.name_bold)
    return col


@dataclass(frozen=True)
class _RecipientLine:
    text: str
    spec: Text
    indent: float


def recipient_lines(fmt: DocumentFormat, recipients: Sequence[str], archive: str, width: float) -> list[_RecipientLine]:
    """'Nơi nhận:' then '- …;' lines (wrapped with a hanging indent) and the archive line last
    ('- Lưu: VT, TCD.' in the state format, '- Lưu Văn phòng Đảng ủy.' in the Party format)."""
    r = fmt.recipients
    out = [_RecipientLine(r.heading.text, r.heading, 0.0)]
    items = [item.strip().lstrip("-–• ").rstrip(";,. ").strip() for item in recipients]
    items = [f"- {item};" for item in items if item]
    archive = archive.strip().rstrip(".;, ") or r.archive_default
    items.append("- " + r.archive_template.format(archive=archive))
    font = _font(r.item)
    indent = fonts.text_width("- ", size=r.item.size, bold=r.item.bold, italic=r.item.italic)
    for item in items:
        lines = simpleSplit(item, font, r.item.size, width)
        out.append(_RecipientLine(lines[0], r.item, 0.0))
        rest = item[len(lines[0]):].strip()
        if rest:
            out.extend(_RecipientLine(line, r.item, indent) for line in simpleSplit(rest, font, r.item.size,
                                                                                   width - indent))
    return out


class Closing(Flowable):
    """The text's last paragraph(s) (`lead`), then 'Nơi nhận' at the left and the signature at the right,
    from the same top line. The signature never leaves the lead's page; a long recipients list goes on
    over the next pages."""

    def __init__(self, fmt: DocumentFormat, signature: SignatureSpec | None, recipients: Sequence[str] = (),
                 archive: str = "", *, lead: Sequence[Flowable] = (), _lines: list[_RecipientLine] | None = None,
                 _first: bool = True) -> None:
        super().__init__()
        self.fmt, self.signature = fmt, signature
        self.recipients, self.archive = tuple(recipients), archive
        self.lead = list(lead)
        self._lines, self._first = _lines, _first
        self._aw = -1.0

    def _prepare(self, aw: float) -> None:
        if aw == self._aw:
            return
        self._aw = aw
        self._sig_w = aw * self.fmt.signature.column_ratio
        self._rec_w = aw - self._sig_w - 4 * mm
        if self._lines is None:
            self._lines = recipient_lines(self.fmt, self.recipients, self.archive, self._rec_w)
        self._sig = (_signature_column(self.fmt, self.signature, self._sig_w, balance=True) if self.signature
                     else None)
        self._space = self.fmt.signature.space_before_pt if self._first else 0.0
        # "Nơi nhận:" stands on the baseline of the signature's first line (TM. …).
        self._rec_dy = self._sig_dy = 0.0
        if self._sig is not None and self._lines:
            diff = fonts.ASCENT * (self._sig.items[0].size - self._lines[0].spec.size)
            self._rec_dy, self._sig_dy = max(0.0, diff), max(0.0, -diff)
        self._rec_h = self._rec_dy + sum(line.spec.size * _LINE_SPACING for line in self._lines)
        self._sig_h = self._sig_dy + (self._sig.y if self._sig else 0.0)
        self._lead_h = 0.0
        self._lead_sizes = []
        for i, flowable in enumerate(self.lead):
            _, h = flowable.wrap(aw, 1e6)
            before = flowable.getSpaceBefore() if i else 0.0
            self._lead_sizes.append((before, h))
            self._lead_h += before + h + flowable.getSpaceAfter()

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self._prepare(aw)
        self.width = aw
        self.height = self._lead_h + self._space + max(self._rec_h, self._sig_h)
        return aw, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        self._prepare(aw)
        if self._lead_h + self._space + max(self._rec_h, self._sig_h) <= ah:
            return [self]
        room = ah - self._lead_h - self._space
        lines = self._lines or []
        if self._sig_h > room:
            at_top = getattr(getattr(self, "_frame", None), "_atTop", False)
            if at_top and self.lead:  # cannot be kept together even on an empty page: let the lead flow
                return [*self.lead, Closing(self.fmt, self.signature, _lines=lines, _first=self._first)]
            return []
        used, count = self._rec_dy, 0
        for line in lines:
            step = line.spec.size * _LINE_SPACING
            if used + step > room:
                break
            used += step
            count += 1
        if count == 0 and self._sig is None:
            return []
        return [Closing(self.fmt, self.signature, lead=self.lead, _lines=lines[:count], _first=self._first),
                Closing(self.fmt, None, _lines=lines[count:], _first=False)]

    def draw(self) -> None:
        c = self.canv
        y = self.height
        for flowable, (before, h) in zip(self.lead, self._lead_sizes):
            y -= before
            flowable.drawOn(c, 0, y - h)
            y -= h + flowable.getSpaceAfter()
        top = y - self._space
        y = top - self._rec_dy
        for line in self._lines or []:
            spec = line.spec
            font = _font(spec)
            y_base = y - fonts.ASCENT * spec.size
            c.setFont(font, spec.size)
            c.drawString(line.indent, y_base, line.text)
            if spec.underline:
                w = c.stringWidth(line.text, font, spec.size)
                c.setLineWidth(max(0.5, spec.size / 20))
                c.line(line.indent, y_base - spec.size * 0.12, line.indent + w, y_base - spec.size * 0.12)
            y -= spec.size * _LINE_SPACING
        if self._sig is not None:
            self._sig.draw(c, self.width - self._sig_w, top - self._sig_dy)


class SignatureRow(Flowable):
    """Signature columns side by side (e.g. the citizen and the officer on a receipt). `gap_mm` separates the
    columns; `balance` wraps long capacity lines into even lines (three columns on a portrait page)."""

    def __init__(self, fmt: DocumentFormat, columns: Sequence[SignatureSpec], *, gap_mm: float = 2.0,
                 balance: bool = False) -> None:
        super().__init__()
        self.fmt, self.columns = fmt, tuple(columns)
        self.gap, self.balance = gap_mm * mm, balance

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        w = aw / len(self.columns)
        inner = w - self.gap
        cols = [_signature_column(self.fmt, spec, inner, balance=self.balance) for spec in self.columns]
        room = self.fmt.signature.signing_space_mm * mm
        name_size = self.fmt.signature.size * _LINE_SPACING
        head = max(col.y - room - name_size for col in cols)
        self._cols = [_signature_column(self.fmt, spec, inner, head, balance=self.balance) for spec in self.columns]
        self._w = w
        self.width = aw
        self.height = self.fmt.signature.space_before_pt + max(col.y for col in self._cols)
        return aw, self.height

    def draw(self) -> None:
        top = self.height - self.fmt.signature.space_before_pt
        for i, col in enumerate(self._cols):
            col.draw(self.canv, i * self._w + self.gap / 2, top)


# --- QR code ----------------------------------------------------------------------------------

def _plain(value: Any) -> Any:
    if isinstance(value, Citizen) and value.protected:
        return {"protected": True}  # the hash must not let anyone test a guessed name against the code
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, str):
        return nfc(value)
    return value


def content_hash(data: Any, length: int = 12) -> str:
    """A short SHA-256 (hex) of a document's content fields: canonical JSON of the NFC data."""
    canonical = json.dumps(_plain(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:length]


def bare_number(number_line_text: str | None) -> str:
    """'05/TB-UBND' from 'Số: 05/TB-UBND', '12-TB/ĐU' from 'Số 12-TB/ĐU' (the label is the first word)."""
    if not number_line_text:
        return ""
    parts = number_line_text.split(None, 1)
    return parts[1].strip() if len(parts) == 2 else ""


def qr_payload(unit_code: str, reference: str, issued_on: date, data: Any) -> str:
    """'RD1|<unit>|<reference>|<YYYY-MM-DD>|<hash>' — the reference is the bare document number (or a
    period for the logbook); the hash covers every content field. No personal data in clear."""
    return "|".join((QR_VERSION, unit_code.strip(), nfc(reference.strip()), issued_on.isoformat(),
                     content_hash(data)))


#: Any of the eight mask patterns gives a valid code; a fixed one spares the pure-Python search for the "best"
#: (the code is printed at 12 mm in black on white, where every mask scans alike).
QR_MASK_PATTERN = 0


def qr_drawing(payload: str, size: float) -> Drawing:
    """The QR code as a Drawing of `size` points (no quiet zone: it stands in the white margin).

    Encoded once, with a fixed mask; each row's dark runs become rectangles of one filled path, so the page
    draws a single shape."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.version = code.calculate_version()
    code.makeImpl(False, QR_MASK_PATTERN)
    count = code.getModuleCount()
    box = size / count
    modules = Path(fillColor=colors.black, strokeColor=None, strokeWidth=0)
    for r, row in enumerate(code.modules):
        c = 0
        for dark, run in itertools.groupby(bool(m) for m in row):
            length = len(list(run))
            if dark:
                x, y = c * box, size - (r + 1) * box
                modules.moveTo(x, y)
                modules.lineTo(x + length * box, y)
                modules.lineTo(x + length * box, y + box)
                modules.lineTo(x, y + box)
                modules.closePath()
            c += length
    drawing = Drawing(size, size)
    drawing.add(modules)
    drawing.initialFontName = fonts.REGULAR  # else the renderer selects (and references) Times-Roman
    return drawing


# --- Pages ------------------------------------------------------------------------------------

#: What the demonstration desk prints across every page, and in a line at its foot.
DEMO_MARK = "DEMO"
DEMO_FOOTNOTE = "BẢN DÙNG THỬ (DEMO) — dữ liệu mẫu, không có giá trị pháp lý"
#: The mark printed on every page of this process's documents ("" for none): set when a desk is opened.
_page_mark = ""


def set_page_mark(mark: str) -> None:
    """Print `mark` across every page from now on ("" for none): the demonstration desk's "DEMO"."""
    global _page_mark
    _page_mark = mark


def page_mark() -> str:
    return _page_mark


def _draw_page_mark(canv: Any, width: float, height: float) -> None:
    """The mark, large and light across the page, and the demo footnote along its foot."""
    canv.saveState()
    canv.setFillColorRGB(0.82, 0.82, 0.82)
    canv.setFont(fonts.BOLD, 110)
    canv.translate(width / 2, height / 2)
    canv.rotate(35)
    canv.drawCentredString(0, -40, _page_mark)
    canv.restoreState()
    canv.saveState()
    canv.setFillColorRGB(0.45, 0.45, 0.45)
    canv.setFont(fonts.REGULAR, 8)
    canv.drawCentredString(width / 2, 3.5 * mm, DEMO_FOOTNOTE)
    canv.restoreState()


class _PageFurniture:
    """Per-page drawing: the page number from the format's first numbered page, and the QR code
    (drawn once into a PDF form XObject, then placed on every page)."""

    def __init__(self, fmt: DocumentFormat, pagesize: tuple[float, float], margins: Any,
                 qr: Drawing | None) -> None:
        self.fmt, self.pagesize, self.margins, self.qr = fmt, pagesize, margins, qr

    def __call__(self, canv: Any, doc: Any) -> None:
        width, height = self.pagesize
        m = self.margins
        if _page_mark:
            _draw_page_mark(canv, width, height)
        n = canv.getPageNumber()
        pn = self.fmt.page_number
        if n >= pn.first_page:
            canv.setFont(fonts.REGULAR, pn.size)
            x = (m.left * mm + width - m.right * mm) / 2
            y = height - m.top * mm / 2 - pn.size * 0.35
            canv.drawCentredString(x, y, str(n))
        if self.qr is not None:
            if not getattr(canv, "_qr_form_ready", False):  # one form per PDF, whichever page template draws first
                canv.beginForm(_QR_FORM)
                renderPDF.draw(self.qr, canv, 0, 0)
                canv.endForm()
                canv._qr_form_ready = True
            size = self.qr.width
            canv.saveState()
            # Bottom right, clear of the printer's unprintable edge (~5 mm) and of the text area.
            canv.translate(width - m.right * mm - size, min(5 * mm, max(0.0, m.bottom * mm - size - 2 * mm)))
            canv.doForm(_QR_FORM)
            canv.restoreState()


#: The page templates of a document that mixes portrait text with landscape tables (`mixed_pages=True`).
PORTRAIT_PAGES, LANDSCAPE_PAGES = "page", "landscape"


def render_pdf(fmt: DocumentFormat, story: Iterable[Flowable], *, title: str, author: str = "", subject: str = "",
               landscape_page: bool = False, qr_payload: str | None = None, mixed_pages: bool = False) -> bytes:
    """Lay `story` out on A4 pages (landscape if asked) with the format's margins; return the PDF bytes.

    With `mixed_pages`, the story may switch between portrait and landscape pages (`turn_pages`)."""
    fonts.register_fonts()
    pagesize = landscape(A4) if landscape_page else A4
    m = fmt.page.landscape_margins_mm if landscape_page else fmt.page.margins_mm
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=pagesize, leftMargin=m.left * mm, rightMargin=m.right * mm, topMargin=m.top * mm,
        bottomMargin=m.bottom * mm, title=nfc(title), author=nfc(author), subject=nfc(subject),
        creator="ReceptionDesk", lang="vi-VN", initialFontName=fonts.REGULAR, initialFontSize=fmt.body.size)
    qr = qr_drawing(qr_payload, fmt.qr.size_mm * mm) if qr_payload else None
    templates = [_page_template(PORTRAIT_PAGES, fmt, pagesize, m, qr)]
    if mixed_pages:
        templates.append(_page_template(LANDSCAPE_PAGES, fmt, landscape(A4), fmt.page.landscape_margins_mm, qr))
    doc.addPageTemplates(templates)
    doc.build(list(story))
    return buffer.getvalue()


def _page_template(name: str, fmt: DocumentFormat, pagesize: tuple[float, float], m: Any,
                   qr: Drawing | None) -> PageTemplate:
    frame = Frame(m.left * mm, m.bottom * mm, pagesize[0] - (m.left + m.right) * mm,
                  pagesize[1] - (m.top + m.bottom) * mm, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id=f"text-{name}")
    return PageTemplate(id=name, frames=[frame], onPage=_PageFurniture(fmt, pagesize, m, qr), pagesize=pagesize)


def turn_pages(landscape_pages: bool) -> list[Flowable]:
    """Continue on a new landscape (or portrait) page, in a document rendered with `mixed_pages=True`."""
    return [NextPageTemplate(LANDSCAPE_PAGES if landscape_pages else PORTRAIT_PAGES), PageBreak()]


def lines_ahead(fmt: DocumentFormat, lines: int) -> CondPageBreak:
    """A page break unless `lines` body lines still fit: no heading alone at the foot of a page."""
    return CondPageBreak(lines * fmt.body.leading_pt + fmt.body.space_after_pt)


def keep_with_next(flowables: list[Flowable]) -> list[Flowable]:
    """Mark the last flowable to stay on the page of what follows (the body's end with the signature)."""
    if flowables:
        flowables[-1].keepWithNext = True
    return flowables


# --- Tables -----------------------------------------------------------------------------------

def cell(fmt: DocumentFormat, text: str, *, align: str = "left", header: bool = False, big: bool = False) -> Paragraph:
    """A table cell paragraph (wraps; NFC; escaped); `align` is "left" or "center"; `big`: body size - 1."""
    st = styles(fmt)
    if big:
        style = st.big_head_cell if header else (st.big_cell_center if align == "center" else st.big_cell)
    else:
        style = st.head_cell if header else (st.cell_center if align == "center" else st.cell)
    lines = split_paragraphs(text)
    return Paragraph("<br/>".join(markup(line) for line in lines), style)


def fit_widths(total: float, weights: Sequence[float], minimums: Sequence[float]) -> list[float] | None:
    """Column widths summing to `total`, shared by `weights`, but none under its minimum (a column held at its
    minimum gives its share to the others); None when the minimums alone exceed `total`."""
    fixed: dict[int, float] = {}
    while True:
        free = total - sum(fixed.values())
        flex = [i for i in range(len(weights)) if i not in fixed]
        if free < -0.01 or (flex and free <= 0):
            return None
        share = sum(weights[i] for i in flex) or 1.0
        widths = [fixed[i] if i in fixed else free * weights[i] / share for i in range(len(weights))]
        short = [i for i in flex if widths[i] < minimums[i] - 0.01]
        if not short:
            return widths
        for i in short:
            fixed[i] = minimums[i]


class GridTable(Table):
    """ReportLab's Table, but the rest of a table split at a page's foot is not cut again on that page: else
    ReportLab fills the foot with the repeated header and a sliver of the next row, shifted to the centre (its
    in-row split forgets the table's alignment). A row is still cut when it cannot fit whole: a row taller than
    a page, or the first row of a table that starts down a page."""

    _continued = False

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", True))
        self._calc(availWidth, availHeight)
        parts = self._splitRows(availHeight, doInRowSplit=False)
        if not parts and self.splitInRow and (at_top or not self._continued):
            parts = self._splitRows(availHeight, doInRowSplit=True)
        for part in parts:
            part.hAlign, part.vAlign = self.hAlign, self.vAlign
        if len(parts) == 2:
            parts[1]._continued = True
        return parts


def grid_table(fmt: DocumentFormat, rows: list[list[Any]], widths: Sequence[float], *, header_rows: int = 1,
               spans: Sequence[tuple[tuple[int, int], tuple[int, int]]] = ()) -> Table:
    """A ruled table whose first `header_rows` rows repeat on every page; rows may split across pages."""
    t = fmt.table
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), t.rule_pt, colors.black),
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),  # else Table selects (and references) Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), t.padding_pt),
        ("RIGHTPADDING", (0, 0), (-1, -1), t.padding_pt),
        ("TOPPADDING", (0, 0), (-1, -1), t.padding_pt),
        ("BOTTOMPADDING", (0, 0), (-1, -1), t.padding_pt + 1),
    ]
    commands += [("SPAN", a, b) for a, b in spans]
    return GridTable(rows, colWidths=list(widths), repeatRows=header_rows, splitByRow=1, splitInRow=1,
                     style=TableStyle(commands), hAlign="LEFT")

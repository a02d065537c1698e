"""Document formats (state: Decree 30/2020; Party: Guide 36-HD/VPTW) loaded from resources/formats/*.json and
checked: a typo, a missing key, a wrong type or a value out of range is a UserError naming the file and key."""

from __future__ import annotations

import dataclasses
import json
import string
import threading
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from receptiondesk import paths
from receptiondesk.errors import UserError

FORMAT_NAMES = ("state", "party")


def _spec(default: Any = dataclasses.MISSING, *, lo: float | None = None, hi: float | None = None) -> Any:
    """A dataclass field with an allowed numeric range (checked when a file is loaded)."""
    return field(default=default, metadata={"lo": lo, "hi": hi})


def _tpl(*names: str, required: bool = True) -> Any:
    """A text field (or a section of texts) that may use only the placeholders `names` ("{issuer}"); a
    required text must not be blank. The rule applies to every text inside a section."""
    return field(metadata={"fields": frozenset(names), "required": required})


# --- The shape of a format file --------------------------------------------------------------

@dataclass(frozen=True)
class Text:
    """The look of one text element."""

    size: float = _spec(lo=6, hi=30)
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True)
class Margins:
    top: float = _spec(lo=5, hi=60)
    bottom: float = _spec(lo=5, hi=60)
    left: float = _spec(lo=5, hi=60)
    right: float = _spec(lo=5, hi=60)


@dataclass(frozen=True)
class MarginLimits:
    """The legal range of each margin, in mm: (smallest, largest)."""

    top: tuple[float, float]
    bottom: tuple[float, float]
    left: tuple[float, float]
    right: tuple[float, float]


@dataclass(frozen=True)
class Page:
    margins_mm: Margins
    margin_limits_mm: MarginLimits
    landscape_margins_mm: Margins


@dataclass(frozen=True)
class IssuerMark:
    """What stands under the issuer's name: a short rule (state) or a star (Party)."""

    kind: Literal["rule", "star", "none"]
    text: str = "*"
    size: float = _spec(13, lo=6, hi=30)
    length_ratio: float = _spec(0.4, lo=0.1, hi=1.0)
    thickness_pt: float = _spec(0.6, lo=0.1, hi=3)
    gap_pt: float = _spec(2, lo=0, hi=30)


@dataclass(frozen=True)
class MottoLine(Text):
    text: str = ""


@dataclass(frozen=True)
class MottoRule:
    under_line: int = _spec(lo=0, hi=5)  # 0: no rule
    length_ratio: float = _spec(1.0, lo=0.1, hi=1.0)
    thickness_pt: float = _spec(0.6, lo=0.1, hi=3)
    gap_pt: float = _spec(2, lo=0, hi=30)


@dataclass(frozen=True)
class NumberLine(Text):
    template: str = ""
    min_digits: int = _spec(2, lo=1, hi=6)
    gap_pt: float = _spec(6, lo=0, hi=40)
    #: A letter's (công văn's) number: "Số: {number}/{issuer}-{unit}" (state), "Số {number}-CV/{issuer}" (Party).
    letter_template: str = ""


@dataclass(frozen=True)
class DateLine(Text):
    template: str = ""
    pad_day_below: int = _spec(10, lo=0, hi=32)
    pad_month_below: int = _spec(3, lo=0, hi=13)
    align_with: Literal["number", "mark"] = "number"


@dataclass(frozen=True)
class LetterSubject(Text):
    prefix: str = "V/v "
    gap_pt: float = _spec(3, lo=0, hi=40)


@dataclass(frozen=True)
class Header:
    left_column_mm: float = _spec(lo=30, hi=120)
    line_spacing: float = _spec(lo=1.0, hi=2.0)
    gap_after_mm: float = _spec(lo=0, hi=40)
    form_code: Text = _spec()
    parent: Text = _spec()
    issuer: Text = _spec()
    issuer_mark: IssuerMark = _spec()
    motto: tuple[MottoLine, ...] = _spec()
    motto_rule: MottoRule = _spec()
    number: NumberLine = _spec()
    date: DateLine = _spec()
    letter_subject: LetterSubject = _spec()


@dataclass(frozen=True)
class SpacedText(Text):
    space_before_pt: float = _spec(0, lo=0, hi=72)


@dataclass(frozen=True)
class TitleRule:
    length_mm: float = _spec(lo=5, hi=120)
    thickness_pt: float = _spec(0.6, lo=0.1, hi=3)
    space_before_pt: float = _spec(3, lo=0, hi=72)
    space_after_pt: float = _spec(12, lo=0, hi=72)


@dataclass(frozen=True)
class Title:
    kind: SpacedText
    subject: Text
    rule: TitleRule


@dataclass(frozen=True)
class Addressee(Text):
    prefix: str = "Kính gửi: "
    space_after_pt: float = _spec(6, lo=0, hi=72)


@dataclass(frozen=True)
class Body:
    size: float = _spec(lo=10, hi=16)
    leading_pt: float = _spec(lo=10, hi=36)
    first_line_indent_mm: float = _spec(lo=0, hi=30)
    space_after_pt: float = _spec(lo=0, hi=36)
    align: Literal["justify", "left"] = "justify"


@dataclass(frozen=True)
class SignPrefixes:
    tm: str
    kt: str
    tl: str
    tuq: str


@dataclass(frozen=True)
class Signature:
    hint: Text
    prefixes: SignPrefixes
    size: float = _spec(lo=10, hi=16)
    authority_bold: bool = True
    title_bold: bool = True
    name_bold: bool = True
    space_before_pt: float = _spec(12, lo=0, hi=72)
    signing_space_mm: float = _spec(24, lo=10, hi=60)
    column_ratio: float = _spec(0.5, lo=0.3, hi=0.7)


@dataclass(frozen=True)
class Heading(Text):
    text: str = ""


@dataclass(frozen=True)
class Recipients:
    heading: Heading
    item: Text
    archive_template: str  # the last line without its dash: "Lưu: {archive}." / "Lưu {archive}."
    archive_default: str   # when the document names no archive: "VT" / "Văn phòng Đảng ủy"


@dataclass(frozen=True)
class PageNumber:
    size: float = _spec(lo=8, hi=16)
    first_page: int = _spec(2, lo=1, hi=3)


@dataclass(frozen=True)
class Table:
    size: float = _spec(lo=7, hi=14)
    header_size: float = _spec(lo=7, hi=14)
    leading_pt: float = _spec(lo=8, hi=20)
    padding_pt: float = _spec(lo=0, hi=10)
    rule_pt: float = _spec(lo=0.1, hi=2)


@dataclass(frozen=True)
class Columns:
    """Relative widths of a ruled table's columns, in order."""

    column_weights: tuple[float, ...]


Logbook = Columns  # the logbook's section kept its name


@dataclass(frozen=True)
class Qr:
    size_mm: float = _spec(lo=8, hi=30)


@dataclass(frozen=True)
class DocumentFormat:
    """One document format: page, header, title, body, signature, recipients, page numbers, tables."""

    format: Literal["state", "party"]
    page: Page
    header: Header
    title: Title
    addressee: Addressee
    body: Body
    signature: Signature
    recipients: Recipients
    page_number: PageNumber
    table: Table
    logbook: Columns
    letter_register: Columns
    reception_schedule: Columns
    qr: Qr
    source: str = ""  # the file it was read from (set by the loader, not read from the file)

    @property
    def is_party(self) -> bool:
        return self.format == "party"


# --- The forms' fixed texts ----------------------------------------------------------------------

@dataclass(frozen=True)
class FormText:
    code: str


@dataclass(frozen=True)
class RefusalText(FormText):
    legal_basis: str = ""


@dataclass(frozen=True)
class NoticeText(FormText):
    basis_state: str = ""
    basis_party: str = ""


@dataclass(frozen=True)
class ByContentType:
    """One text per legal content type (the domain's ContentType values)."""

    complaint: str
    denunciation: str
    petition: str
    report: str

    def get(self, content_type: str) -> str:
        """The text for a content type (a ContentType or its value; the caller has checked it)."""
        return getattr(self, str(content_type))


@dataclass(frozen=True)
class BySector:
    """One text for the state format (UBND) and one for the Party format (Đảng ủy)."""

    state: str
    party: str

    def get(self, sector: str) -> str:
        return self.party if sector == "party" else self.state


@dataclass(frozen=True)
class TransferSlipText(FormText):
    title: str = _tpl()
    received: str = _tpl("date", "issuer", "kind", "sender")
    forwarded: str = _tpl("body")
    content_label: str = _tpl()
    basis: ByContentType = _tpl()
    transfer: str = _tpl("basis", "issuer", "receiver")
    confidential_denunciation: str = _tpl("receiver")
    confidential_other: str = _tpl("receiver")
    report_back: str = _tpl("receiver", "issuer")
    attachments_label: str = _tpl()
    inform_sender: str = _tpl("sender")


@dataclass(frozen=True)
class GuidanceLetterText(FormText):
    subject_guidance: str = _tpl("citizen", "kind")
    subject_answer: str = _tpl("citizen", "kind")
    received: str = _tpl("date", "issuer", "kind", "citizen")
    content_label: str = _tpl()
    guidance: str = _tpl("issuer", "citizen", "receiver")
    answer_lead: str = _tpl("issuer", "citizen")
    closing_guidance: str = _tpl("issuer", "citizen")
    closing_answer: str = _tpl("issuer", "citizen")


@dataclass(frozen=True)
class ReminderLetterText(FormText):
    subject: str = _tpl()
    subject_source: str = _tpl("source")
    opening: str = _tpl("issuer", "assignee")
    overdue: str = _tpl("deadline", "days", "unit")
    request: str = _tpl("issuer", "assignee", "report_to", "report_by")
    if_late: str = _tpl("issuer", "assignee")
    closing: str = _tpl("issuer", "assignee")


@dataclass(frozen=True)
class ScheduleText(FormText):
    title: str = _tpl()
    subject: BySector = _tpl("issuer", "period")
    basis: BySector = _tpl()
    announce: BySector = _tpl("basis", "issuer", "period")
    substitute: BySector = _tpl("issuer")
    publish: BySector = _tpl("issuer")
    closing: BySector = _tpl("issuer")


@dataclass(frozen=True)
class DialogueText(FormText):
    title: str = _tpl()
    subject: BySector = _tpl("matter")
    opening: BySector = _tpl("time", "date", "place", "issuer", "matter")
    read_back: str = _tpl()
    ended: str = _tpl("time", "copies")


@dataclass(frozen=True)
class RegisterText(FormText):
    title: str = _tpl()


@dataclass(frozen=True)
class ProposalText(FormText):
    title: str = _tpl()
    received: str = _tpl("date", "issuer", "kind", "sender")
    basis: ByContentType = _tpl()
    propose_accept: str = _tpl("basis", "leader", "kind")
    propose_reject: str = _tpl("basis", "leader", "kind")
    met: str = _tpl()
    not_met: str = _tpl()
    leader_box: str = _tpl()


@dataclass(frozen=True)
class AcceptanceText(FormText):
    subject_accept: str = _tpl("kind")
    subject_reject: str = _tpl("kind")
    received: str = _tpl("date", "issuer", "kind", "citizen")
    content_label: str = _tpl()
    basis_accept: ByContentType = _tpl()
    accept: str = _tpl("basis", "issuer", "kind", "citizen", "accepted_on")
    time_limit: str = _tpl("limit")
    reject: str = _tpl("basis", "issuer", "kind", "citizen", "reason")
    closing: str = _tpl("issuer", "citizen")


@dataclass(frozen=True)
class FormTexts:
    """resources/formats/forms.json: form codes ("Mẫu số 01/TCD"), legal bases, standard sentences, the masking
    labels. Texts may use only their placeholders ("{issuer}"); the loader names a wrong one with its key."""

    show_form_codes: bool
    protected_identity: str
    refusal_notice: RefusalText
    receipt: FormText
    logbook: FormText
    oral_statement: FormText
    conclusion_notice: NoticeText
    protected_in_subject: str = _tpl()   # a protected person in a letter's subject line: "công dân"
    anonymous_sender: str = _tpl()       # a letter without a name: "Không rõ họ tên, địa chỉ"
    content_types: ByContentType = _tpl()  # "khiếu nại", "tố cáo", "kiến nghị", "phản ánh"
    transfer_slip: TransferSlipText
    guidance_letter: GuidanceLetterText
    reminder_letter: ReminderLetterText
    reception_schedule: ScheduleText
    dialogue_minutes: DialogueText
    letter_register: RegisterText
    acceptance_proposal: ProposalText
    acceptance_notice: AcceptanceText
    source: str = ""


#: The four legal content types, as the domain names them (ContentType values).
CONTENT_TYPES = ("complaint", "denunciation", "petition", "report")


LOGBOOK_COLUMNS = 13
LETTER_REGISTER_COLUMNS = 9
SCHEDULE_COLUMNS = 7
_NUMBER_FIELDS = {"number", "type", "issuer"}
_DATE_FIELDS = {"place", "day", "month", "year"}


# --- Loading ----------------------------------------------------------------------------------

_cache: dict[tuple[str, type], tuple[tuple[int, int], Any]] = {}
_cache_lock = threading.Lock()


def load_format(name: str) -> DocumentFormat:
    """The named format ("state" or "party") from resources/formats/; re-read when the file changes."""
    if name not in FORMAT_NAMES:
        raise UserError("document.format_unknown", name=name, allowed=list(FORMAT_NAMES))
    return _cached(paths.resource("formats", f"{name}.json"), DocumentFormat)


def load_forms() -> FormTexts:
    """The reception forms' fixed texts from resources/formats/forms.json; re-read when the file changes."""
    return _cached(paths.resource("formats", "forms.json"), FormTexts)


def read_format(path: Path | str) -> DocumentFormat:
    """Read and check one format file (no cache)."""
    return _read(Path(path), DocumentFormat)


def read_forms(path: Path | str) -> FormTexts:
    """Read and check one forms file (no cache)."""
    return _read(Path(path), FormTexts)


def _cached(path: Path, kind: type) -> Any:
    try:
        st = path.stat()
    except OSError as exc:
        raise UserError("document.format_missing", file=str(path)) from exc
    stamp = (st.st_mtime_ns, st.st_size)
    key = (str(path), kind)
    hit = _cache.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    value = _read(path, kind)
    with _cache_lock:
        _cache[key] = (stamp, value)
    return value


def _read(path: Path, kind: type) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError("document.format_missing", file=str(path)) from exc
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise UserError("document.format_bad_encoding", file=path.name) from exc
    except json.JSONDecodeError as exc:
        raise UserError("document.format_bad_json", file=path.name, line=exc.lineno, column=exc.colno,
                        reason=exc.msg) from exc
    value = _build(kind, data, path.name, "")
    value = dataclasses.replace(value, source=str(path))
    if isinstance(value, DocumentFormat):
        _check_format(value, path.name)
    return value


def _build(kind: Any, data: Any, file: str, key: str, texts: dict[str, Any] | None = None) -> Any:
    """Turn parsed JSON into `kind` (a dataclass, tuple, Literal, float, int, bool or str), or raise.
    `texts` is the rule for the strings below a `_tpl` field: allowed placeholders, not blank."""
    origin = typing.get_origin(kind)
    if dataclasses.is_dataclass(kind):
        if not isinstance(data, dict):
            raise UserError("document.format_not_section", file=file, key=key or "/")
        hints = typing.get_type_hints(kind)
        fields = {f.name: f for f in dataclasses.fields(kind) if f.name != "source"}
        unknown = [k for k in data if k not in fields and not k.startswith("_")]
        if unknown:
            raise UserError("document.format_unknown_key", file=file, key=_join(key, unknown[0]),
                            allowed=sorted(fields))
        values = {}
        for name, f in fields.items():
            sub = _join(key, name)
            if name not in data:
                if f.default is dataclasses.MISSING:
                    raise UserError("document.format_missing_key", file=file, key=sub)
                continue
            rule = {"fields": f.metadata["fields"], "required": f.metadata["required"]} if "fields" in f.metadata \
                else texts
            values[name] = _build(hints[name], data[name], file, sub, rule)
            lo, hi = f.metadata.get("lo"), f.metadata.get("hi")
            if lo is not None and not (lo <= values[name] <= hi):
                raise UserError("document.format_out_of_range", file=file, key=sub, value=values[name], min=lo, max=hi)
        return kind(**values)
    if origin is tuple:
        args = typing.get_args(kind)
        if not isinstance(data, list):
            raise UserError("document.format_not_list", file=file, key=key)
        if len(args) == 2 and args[1] is Ellipsis:
            if not data:
                raise UserError("document.format_not_list", file=file, key=key)
            return tuple(_build(args[0], item, file, f"{key}[{i + 1}]", texts) for i, item in enumerate(data))
        if len(data) != len(args):
            raise UserError("document.format_list_length", file=file, key=key, count=len(args))
        return tuple(_build(a, item, file, f"{key}[{i + 1}]", texts) for i, (a, item) in enumerate(zip(args, data)))
    if origin is Literal:
        allowed = typing.get_args(kind)
        if data not in allowed:
            raise UserError("document.format_not_choice", file=file, key=key, value=data, allowed=list(allowed))
        return data
    if kind is bool:
        if not isinstance(data, bool):
            raise UserError("document.format_not_bool", file=file, key=key)
        return data
    if kind in (float, int):
        if isinstance(data, bool) or not isinstance(data, (int, float)) or (kind is int and not isinstance(data, int)):
            raise UserError("document.format_not_number", file=file, key=key)
        return kind(data)
    if kind is str:
        if not isinstance(data, str):
            raise UserError("document.format_not_text", file=file, key=key)
        if texts is not None:
            if texts["required"] and not data.strip():
                raise UserError("document.format_missing_key", file=file, key=key)
            used = _template_fields(data)
            if not used <= texts["fields"]:
                raise UserError("document.format_template_fields", file=file, key=key,
                                fields=["{" + f + "}" for f in sorted(texts["fields"])] or ["—"])
        return data
    if isinstance(kind, types.UnionType):  # pragma: no cover - no unions in the schema today
        raise TypeError(kind)
    raise TypeError(f"unsupported type in the format schema: {kind!r}")


def _join(key: str, name: str) -> str:
    return f"{key}.{name}" if key else name


def _template_fields(template: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError:
        return {"?"}


def _check_format(fmt: DocumentFormat, file: str) -> None:
    """Rules across keys: margins inside their limits, templates with the right fields, column count."""
    limits = fmt.page.margin_limits_mm
    for which in ("margins_mm", "landscape_margins_mm"):
        margins = getattr(fmt.page, which)
        for side in ("top", "bottom", "left", "right"):
            lo, hi = getattr(limits, side)
            value = getattr(margins, side)
            if lo > hi:
                raise UserError("document.format_bad_limits", file=file, key=f"page.margin_limits_mm.{side}")
            if not lo <= value <= hi:
                raise UserError("document.format_margin_outside", file=file, key=f"page.{which}.{side}",
                                value=value, min=lo, max=hi)
    for key, template, wanted in (("header.number.template", fmt.header.number.template, _NUMBER_FIELDS),
                                  ("header.date.template", fmt.header.date.template, _DATE_FIELDS),
                                  ("recipients.archive_template", fmt.recipients.archive_template, {"archive"})):
        if _template_fields(template) != wanted:
            raise UserError("document.format_bad_template", file=file, key=key,
                            fields=["{" + f + "}" for f in sorted(wanted)])
    if fmt.header.motto_rule.under_line > len(fmt.header.motto):
        raise UserError("document.format_out_of_range", file=file, key="header.motto_rule.under_line",
                        value=fmt.header.motto_rule.under_line, min=0, max=len(fmt.header.motto))
    if any(not line.text.strip() for line in fmt.header.motto):
        raise UserError("document.format_missing_key", file=file, key="header.motto[].text")
    letter = _template_fields(fmt.header.number.letter_template)
    if not {"number", "issuer"} <= letter <= {"number", "issuer", "unit"}:
        raise UserError("document.format_bad_template", file=file, key="header.number.letter_template",
                        fields=["{number}", "{issuer}", "({unit})"])
    for section, count in (("logbook", LOGBOOK_COLUMNS), ("letter_register", LETTER_REGISTER_COLUMNS),
                           ("reception_schedule", SCHEDULE_COLUMNS)):
        weights = getattr(fmt, section).column_weights
        if len(weights) != count or any(w <= 0 for w in weights):
            raise UserError("document.format_list_length", file=file, key=f"{section}.column_weights", count=count)

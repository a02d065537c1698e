"""The format files: loaded and checked, corrected without code, and a bad file named with its key."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from receptiondesk import paths
from receptiondesk.documents import formats
from receptiondesk.documents.conclusion_notice import render_conclusion_notice
from receptiondesk.errors import UserError
from tests.documents import pdfcheck
from receptiondesk.demo import document_examples as samples


@pytest.mark.parametrize("name", formats.FORMAT_NAMES)
def test_bundled_formats_load_and_keep_their_margins_inside_the_limits(name):
    fmt = formats.load_format(name)
    assert fmt.format == name
    limits = fmt.page.margin_limits_mm
    for side in ("top", "bottom", "left", "right"):
        lo, hi = getattr(limits, side)
        assert lo <= getattr(fmt.page.margins_mm, side) <= hi
    assert (limits.top, limits.bottom, limits.left, limits.right) == ((20, 25), (20, 25), (30, 35), (15, 20))
    assert 13 <= fmt.body.size <= 15
    assert 10 <= fmt.body.first_line_indent_mm <= 12.7
    assert fmt.body.space_after_pt >= 6
    assert fmt.page_number.first_page == 2


def test_state_and_party_differ_where_the_guides_differ():
    state, party = formats.load_format("state"), formats.load_format("party")
    assert [m.text for m in state.header.motto] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert [m.text for m in party.header.motto] == ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert party.header.motto[0].size == 15 and party.header.motto_rule.under_line == 1
    assert state.header.motto_rule.under_line == 2
    assert (state.header.issuer_mark.kind, party.header.issuer_mark.kind) == ("rule", "star")
    assert state.header.number.template == "Số: {number}/{type}-{issuer}"
    assert party.header.number.template == "Số {number}-{type}/{issuer}"
    assert state.signature.prefixes.tm == "TM." and party.signature.prefixes.tm == "T/M"
    assert state.recipients.heading.bold and state.recipients.heading.italic and state.recipients.heading.size == 12
    assert state.recipients.item.size == 11
    assert party.recipients.heading.underline and not party.recipients.heading.bold
    assert 15 <= party.title.kind.size <= 16 and 13 <= state.title.kind.size <= 14


def test_forms_file_loads():
    forms = formats.load_forms()
    assert forms.protected_identity == "[Danh tính được bảo vệ]"
    assert forms.refusal_notice.code == "Mẫu số 01/TCD"
    assert forms.receipt.code == "Mẫu số 02/TCD"
    assert forms.logbook.code == "Mẫu số 03/TCD"


def _state_json() -> dict:
    return json.loads(paths.resource("formats", "state.json").read_text(encoding="utf-8"))


def _write(tmp_path: Path, data) -> Path:
    path = tmp_path / "state.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _edit(change) -> dict:
    data = _state_json()
    change(data)
    return data


@pytest.mark.parametrize("data, code, key", [
    ("{\n  \"format\": \"state\",\n  \"page\": {,}\n}", "document.format_bad_json", None),
    (_edit(lambda d: d["body"].update(sise=14)), "document.format_unknown_key", "body.sise"),
    (_edit(lambda d: d["body"].pop("leading_pt")), "document.format_missing_key", "body.leading_pt"),
    (_edit(lambda d: d["body"].update(size="14")), "document.format_not_number", "body.size"),
    (_edit(lambda d: d["body"].update(size=40)), "document.format_out_of_range", "body.size"),
    (_edit(lambda d: d["header"]["issuer"].update(bold="yes")), "document.format_not_bool", "header.issuer.bold"),
    (_edit(lambda d: d["header"]["issuer_mark"].update(kind="wave")), "document.format_not_choice",
     "header.issuer_mark.kind"),
    (_edit(lambda d: d["page"]["margins_mm"].update(left=25)), "document.format_margin_outside",
     "page.margins_mm.left"),
    (_edit(lambda d: d["header"]["number"].update(template="Số: {number}/{type}")), "document.format_bad_template",
     "header.number.template"),
    (_edit(lambda d: d["logbook"].update(column_weights=[1, 2, 3])), "document.format_list_length",
     "logbook.column_weights"),
    (_edit(lambda d: d.update(page=[])), "document.format_not_section", "page"),
])
def test_a_bad_format_file_names_the_file_and_the_key(tmp_path, data, code, key):
    path = _write(tmp_path, data)
    with pytest.raises(UserError) as caught:
        formats.read_format(path)
    assert caught.value.code == code
    params = caught.value.problems[0].params
    assert params["file"] == "state.json"
    if key:
        assert params["key"] == key
    for lang in ("vi", "en"):
        message = caught.value.render(lang)
        assert "state.json" in message and (key is None or key in message)
    if code == "document.format_bad_json":
        assert params["line"] == 3


def test_missing_file_and_unknown_format():
    with pytest.raises(UserError) as caught:
        formats.read_format("/nonexistent/state.json")
    assert caught.value.code == "document.format_missing"
    with pytest.raises(UserError) as caught:
        formats.load_format("province")
    assert caught.value.code == "document.format_unknown"


def test_a_correction_in_the_file_needs_no_code(tmp_path, monkeypatch):
    """Edit the bundled file's copy: a wider left margin and a 13 pt body show in the next PDF."""
    resources = tmp_path / "resources"
    shutil.copytree(paths.resources_dir(), resources, ignore=shutil.ignore_patterns("data", "translations"))
    monkeypatch.setenv("RECEPTIONDESK_RESOURCES", str(resources))
    path = resources / "formats" / "state.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["page"]["margins_mm"]["left"] = 35
    data["body"]["size"] = 13
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    pdf = render_conclusion_notice(samples.state_notice(), qr=False)
    runs = pdfcheck.page_runs(pdf)[0]
    assert pdfcheck.margins_mm(runs, pdfcheck.A4_PORTRAIT)["left"] == pytest.approx(35, abs=0.05)
    body = [r for r in runs if r.text.startswith("Thực hiện Luật Tiếp công dân")]
    assert body and body[0].size == 13

"""forms.json's new sections (checked templates, corrected without code), letter numbers, the identity masking
helpers, column fitting and the table that splits only at row boundaries."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from receptiondesk import paths
from receptiondesk.documents import formats, layout
from receptiondesk.documents.common import Citizen, DocumentNumber, protect, redact
from receptiondesk.documents.formats import load_format
from receptiondesk.documents.transfer_slip import render_transfer_slip
from receptiondesk.errors import UserError
from tests.documents import pdfcheck
from receptiondesk.demo import document_examples as samples
from receptiondesk.demo import letter_examples as ls

STATE, PARTY = load_format("state"), load_format("party")


# --- forms.json -------------------------------------------------------------------------------------------

def test_forms_file_has_every_document():
    forms = formats.load_forms()
    assert forms.content_types.get("denunciation") == "tố cáo"
    assert forms.transfer_slip.title == "Phiếu chuyển đơn"
    assert forms.transfer_slip.basis.get("complaint") == "Căn cứ Luật Khiếu nại năm 2011"
    assert forms.reception_schedule.subject.get("party").startswith("Lịch tiếp dân")
    assert forms.acceptance_notice.basis_accept.get("denunciation") == "Căn cứ Điều 29 Luật Tố cáo năm 2018"
    for section in ("transfer_slip", "guidance_letter", "reminder_letter", "reception_schedule", "dialogue_minutes",
                    "letter_register", "acceptance_proposal", "acceptance_notice"):
        assert isinstance(getattr(forms, section).code, str)  # may stay blank until checked


def _forms_json() -> dict:
    return json.loads(paths.resource("formats", "forms.json").read_text(encoding="utf-8"))


def _edit(change) -> dict:
    data = _forms_json()
    change(data)
    return data


@pytest.mark.parametrize("data, code, key", [
    (_edit(lambda d: d["transfer_slip"].update(transfer="{basis}, {issuer} chuyển đơn đến {reciever}.")),
     "document.format_template_fields", "transfer_slip.transfer"),
    (_edit(lambda d: d["reminder_letter"].update(overdue="Quá hạn {0} ngày.")),
     "document.format_template_fields", "reminder_letter.overdue"),
    (_edit(lambda d: d["guidance_letter"].update(closing_answer="{issuer trả lời.")),
     "document.format_template_fields", "guidance_letter.closing_answer"),
    (_edit(lambda d: d["reception_schedule"]["subject"].update(party="Lịch {period} của {leader}")),
     "document.format_template_fields", "reception_schedule.subject.party"),
    (_edit(lambda d: d["transfer_slip"]["basis"].update(denunciation="Căn cứ {law}")),
     "document.format_template_fields", "transfer_slip.basis.denunciation"),
    (_edit(lambda d: d["acceptance_notice"].update(reject="  ")), "document.format_missing_key",
     "acceptance_notice.reject"),
    (_edit(lambda d: d["dialogue_minutes"].pop("read_back")), "document.format_missing_key",
     "dialogue_minutes.read_back"),
    (_edit(lambda d: d.pop("letter_register")), "document.format_missing_key", "letter_register"),
    (_edit(lambda d: d["content_types"].update(complaint=5)), "document.format_not_text", "content_types.complaint"),
    (_edit(lambda d: d["acceptance_proposal"].update(metx="x")), "document.format_unknown_key",
     "acceptance_proposal.metx"),
])
def test_a_bad_forms_file_names_the_key(tmp_path: Path, data, code, key):
    path = tmp_path / "forms.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(UserError) as caught:
        formats.read_forms(path)
    assert caught.value.code == code and caught.value.problems[0].params["key"] == key
    for lang in ("vi", "en"):
        assert key in caught.value.render(lang) and "forms.json" in caught.value.render(lang)


def test_a_code_may_stay_blank_and_a_real_brace_is_written_twice(tmp_path):
    data = _edit(lambda d: d["transfer_slip"].update(code="", report_back="Đề nghị {receiver} báo cáo {{kết quả}}."))
    path = tmp_path / "forms.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert formats.read_forms(path).transfer_slip.report_back.format(receiver="X") == "Đề nghị X báo cáo {kết quả}."


def test_a_legal_change_in_forms_json_needs_no_code(tmp_path, monkeypatch):
    resources = tmp_path / "resources"
    shutil.copytree(paths.resources_dir(), resources, ignore=shutil.ignore_patterns("data", "translations"))
    monkeypatch.setenv("RECEPTIONDESK_RESOURCES", str(resources))
    path = resources / "formats" / "forms.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["transfer_slip"]["code"] = "Mẫu số 02/XLĐ"
    data["transfer_slip"]["basis"]["denunciation"] = "Căn cứ Điều 24 Luật Tố cáo năm 2018"
    data["protected_identity"] = "[Đã ẩn danh tính]"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    pdf = render_transfer_slip(ls.transfer_slip(), qr=False)
    runs = pdfcheck.page_runs(pdf)[0]
    code = [r for r in runs if r.text == "Mẫu số 02/XLĐ"]
    assert code and code[0].bold and code[0].right == pytest.approx(595.28 - 15 * mm, abs=0.3)
    text = pdfcheck.body_text(pdf)
    assert "Căn cứ Điều 24 Luật Tố cáo năm 2018, Ủy ban nhân dân xã Tân Thành chuyển đơn" in text
    assert "nhận được đơn tố cáo của [Đã ẩn danh tính]." in text


@pytest.mark.parametrize("change, key", [
    (lambda d: d["header"]["number"].update(letter_template="Số: {number}"), "header.number.letter_template"),
    (lambda d: d["header"]["number"].update(letter_template="Số: {number}/{issuer}-{type}"),
     "header.number.letter_template"),
    (lambda d: d["letter_register"].update(column_weights=[1, 2, 3]), "letter_register.column_weights"),
    (lambda d: d["reception_schedule"].update(column_weights=[1, 1, 1, 1, 1, 1, 0]),
     "reception_schedule.column_weights"),
])
def test_new_format_keys_are_checked(tmp_path, change, key):
    data = json.loads(paths.resource("formats", "state.json").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "state.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(UserError) as caught:
        formats.read_format(path)
    assert caught.value.problems[0].params["key"] == key


def test_letter_numbers():
    assert layout.letter_number_line(STATE, samples.STATE_ISSUER, DocumentNumber(15, "tcd")) == "Số: 15/UBND-TCD"
    assert layout.letter_number_line(STATE, samples.STATE_ISSUER, DocumentNumber(123, "VP")) == "Số: 123/UBND-VP"
    assert layout.letter_number_line(STATE, samples.STATE_ISSUER, DocumentNumber(3, "")) == "Số: 03/UBND"
    assert layout.letter_number_line(PARTY, samples.PARTY_ISSUER, DocumentNumber(7, "TCD")) == "Số 07-CV/ĐU"
    blank = layout.letter_number_line(STATE, samples.STATE_ISSUER, DocumentNumber(None, "TCD"))
    assert blank.startswith("Số:") and blank.endswith("/UBND-TCD") and not any(c.isdigit() for c in blank)
    with pytest.raises(UserError):
        layout.letter_number_line(STATE, samples.STATE_ISSUER, DocumentNumber(-1, "TCD"))


# --- Masking ----------------------------------------------------------------------------------------------

HOA = ls.HOA


@pytest.mark.parametrize("text", [
    "Người tố cáo là Vũ Thị Hoa.", "người tố cáo là VŨ THỊ HOA.", "ký tên: vu thi hoa",
    unicodedata.normalize("NFD", "Bà Vũ Thị Hoa"), "Vũ  Thị\nHoa", "Vu Thi Hoa, số nhà 17",
    "ĐT: 0987654321", "ĐT: 0987 654 321", "ĐT: +84 987 654 321", "ĐT: 84987654321", "ĐT: 098.765.4321",
    "CCCD 037190000111", "CCCD 0371-9000-0111", "ở số 17 ngõ Chùa Cả, thôn Tây, xã Tân Thành",
    "ở SO 17 NGO CHUA CA, THON TAY, XA TAN THANH",
])
def test_redact_finds_every_form(text):
    out = redact(text, [HOA], "[X]")
    assert "[X]" in out
    assert "hoa" not in out.lower().replace("khoa", "") and "0987" not in out and "654" not in out
    assert "0371" not in out and "chùa cả" not in out.lower() and "chua ca" not in out.lower()


@pytest.mark.parametrize("text", [
    "bà Hoàng Thị Hoa", "Vũ Thị Hoan", "Số tiền 10987654321 đồng", "thôn Tây, xã Tân Thành", "Hoa",
    "mã 0371900001112",
])
def test_redact_leaves_other_people_and_numbers(text):
    assert redact(text, [HOA], "[X]") == text


def test_protect_masks_the_tree_but_not_other_citizens():
    slip = ls.transfer_slip(content=f"Đơn của Vũ Thị Hoa, ĐT {HOA.phone}.", recipients=("Bà Vu Thi Hoa",))
    protected = protect(slip, "[X]")
    assert protected.sender == Citizen("[X]", protected=True)
    assert protected.content == "Đơn của [X], ĐT [X]." and protected.recipients == ("Bà [X]",)
    assert protected.issuer == slip.issuer and protected.signer == slip.signer
    neighbour = Citizen("Lê Văn Tám", HOA.address.split(", ", 1)[1])  # same village, not protected
    minutes = ls.dialogue(citizens=(HOA, neighbour))
    assert protect(minutes, "[X]").citizens == (Citizen("[X]", protected=True), neighbour)
    assert protect(samples.state_notice(cases=samples.state_notice().cases[:1]), "[X]") == \
        samples.state_notice(cases=samples.state_notice().cases[:1])  # nobody protected: unchanged


def test_the_content_hash_ignores_a_protected_identity():
    a = ls.transfer_slip()
    b = ls.transfer_slip(sender=Citizen("Ngô Thị Lý", protected=True))
    assert layout.content_hash(a) == layout.content_hash(b)
    named = [layout.content_hash(ls.transfer_slip(sender=c)) for c in (ls.DUC, ls.GIANG)]
    assert named[0] != named[1]  # an unprotected sender is part of the content


# --- Layout helpers ---------------------------------------------------------------------------------------

def test_fit_widths():
    assert layout.fit_widths(100, [1, 1, 2], [0, 0, 0]) == [25, 25, 50]
    widths = layout.fit_widths(100, [1, 1, 8], [30, 0, 0])
    assert widths[0] == 30 and widths[1] == pytest.approx(70 / 9) and sum(widths) == pytest.approx(100)
    assert layout.fit_widths(100, [1, 1], [60, 60]) is None


def test_balanced_split_leaves_no_word_alone():
    from receptiondesk.documents import fonts

    text = "V/v đôn đốc thực hiện nhiệm vụ được giao"
    width = fonts.text_width(text, size=12) - 5
    lines = layout.balanced_split(text, fonts.REGULAR, 12, width)
    assert len(lines) == 2 and min(len(line.split()) for line in lines) >= 3


def test_a_table_split_at_a_page_foot_is_not_cut_again_on_that_page():
    """ReportLab would fill the foot of the page with the repeated header and a sliver of the next row."""
    rows = [[layout.cell(STATE, label, header=True, big=True) for label in ("TT", "B", "C")]]
    for i in range(1, 40):
        rows.append([layout.cell(STATE, str(i), big=True),
                     layout.cell(STATE, "Phó Chủ tịch Ủy ban nhân dân xã", big=True),
                     layout.cell(STATE, "Trụ sở tiếp công dân xã Tân Thành", big=True)])
    for width in (14, 20, 28):
        table = layout.grid_table(STATE, rows, [12 * mm, width * mm, width * mm])
        pdf = layout.render_pdf(STATE, [layout.VSpace(100), table], title="t")
        pages = pdfcheck.page_runs(pdf)
        for runs in pages:
            headers = [r for r in runs if r.text == "TT"]
            assert len(headers) == 1
            assert 30 * mm < headers[0].x < 30 * mm + 12 * mm  # in the first column: not shifted
        numbers = [r.text for runs in pages for r in runs if r.text.isdigit() and r.x < 30 * mm + 12 * mm]
        assert numbers == [str(i) for i in range(1, 40)]


def test_a_row_taller_than_a_page_still_splits():
    tall = layout.cell(STATE, "\n".join(f"dòng {i}" for i in range(120)))
    table = layout.grid_table(STATE, [[layout.cell(STATE, "Tiêu đề", header=True)], [tall]], [100 * mm])
    pdf = layout.render_pdf(STATE, [layout.VSpace(200), table], title="t")
    text = pdfcheck.body_text(pdf)
    assert len(pdfcheck.page_texts(pdf)) >= 2 and all(f"dòng {i}" in text for i in range(120))


def test_content_types_are_the_domain_values():
    from receptiondesk.documents.common import CONTENT_TYPES, content_type_code
    from receptiondesk.domain.cases import ContentType

    assert CONTENT_TYPES == tuple(c.value for c in ContentType) == formats.CONTENT_TYPES
    assert content_type_code(ContentType.DENUNCIATION) == "denunciation" and content_type_code(" Complaint ") == "complaint"
    text = pdfcheck.body_text(render_transfer_slip(ls.transfer_slip(content_type=ContentType.REPORT), qr=False))
    assert "nhận được đơn phản ánh của" in text
    with pytest.raises(UserError) as caught:
        content_type_code("tố cáo")  # a label is not a code
    assert caught.value.code == "document.content_type_unknown"


def test_a_protected_name_that_is_a_word_of_the_mask_is_masked_once_and_the_mask_kept_whole():
    from receptiondesk.documents.common import Citizen, redact

    mask = "[Danh tính được bảo vệ]"
    text = redact(f"Ông Danh nói; {mask} cũng nói; Danh.", [Citizen("Danh", protected=True)], mask)
    assert text == f"Ông {mask} nói; {mask} cũng nói; {mask}."

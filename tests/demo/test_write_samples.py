"""`make samples` writes every document, in the Party format too where the Party issues it."""

from __future__ import annotations

from pypdf import PdfReader

from receptiondesk.demo.write_samples import DOCUMENTS, write_samples


def test_every_document_is_written_and_the_party_variants_say_so(tmp_path):
    written = write_samples(tmp_path / "samples")
    names = {path.name for path in written}
    assert {f"{name}-state.pdf" for name, _, _ in DOCUMENTS} <= names
    party = [path for path in written if path.name.endswith("-party.pdf")]
    assert len(party) >= 8 and "01-conclusion-notice-party.pdf" in names
    for path in written:
        reader = PdfReader(path)
        first = reader.pages[0].extract_text()
        assert len(reader.pages) >= 1 and first.strip()
        register = "logbook" in path.name or "register" in path.name  # books carry no national motto
        if path in party:
            assert ("ĐẢNG ỦY" if register else "ĐẢNG CỘNG SẢN VIỆT NAM") in first, path.name
        else:
            assert ("ỦY BAN NHÂN DÂN" if register else "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") in first, path.name

"""Tests of receptiondesk.domain.legacy_text: TCVN3/VNI conversion and detection, Windows-1258 CSV bytes."""

from __future__ import annotations

import codecs
import string
import unicodedata

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from receptiondesk.domain.legacy_text import (
    Encoding,
    FontEncoding,
    convert_cell,
    decode_cp1258,
    detect,
    encoding_of_font,
    from_unicode,
    sniff_csv_encoding,
    to_unicode,
)
from receptiondesk.domain.text import nfc

LEGACY = (Encoding.TCVN3, Encoding.VNI)

# --- The Vietnamese letters, built from Unicode data alone (not from the module's tables) -----------------

_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
BASES = ("a", "a" + _BREVE, "a" + _CIRCUMFLEX, "e", "e" + _CIRCUMFLEX, "i",
         "o", "o" + _CIRCUMFLEX, "o" + _HORN, "u", "u" + _HORN, "y")
# No tone, huyền (grave), sắc (acute), hỏi (hook above), ngã (tilde), nặng (dot below).
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
SMALL_D = unicodedata.lookup("LATIN SMALL LETTER D WITH STROKE")
CAPITAL_D = unicodedata.lookup("LATIN CAPITAL LETTER D WITH STROKE")

SMALL_VOWELS = [unicodedata.normalize("NFC", base + tone) for base in BASES for tone in TONES]
CAPITAL_VOWELS = [unicodedata.normalize("NFC", base[0].upper() + base[1:] + tone)
                  for base in BASES for tone in TONES]
ALL_LETTERS = [*SMALL_VOWELS, *CAPITAL_VOWELS, SMALL_D, CAPITAL_D]
TONED_CAPITALS = [letter for letter in CAPITAL_VOWELS
                  if any(tone in unicodedata.normalize("NFD", letter) for tone in TONES[1:])]


def test_the_independent_letter_list_is_the_vietnamese_alphabet():
    assert len(SMALL_VOWELS) == len(CAPITAL_VOWELS) == 72
    assert len(set(ALL_LETTERS)) == 146
    assert all(len(letter) == 1 for letter in ALL_LETTERS)  # every one has a precomposed code point
    assert len([letter for letter in ALL_LETTERS if not letter.isascii()]) == 134
    assert "ự" in SMALL_VOWELS and "Ỵ" in CAPITAL_VOWELS and "ẵ" in SMALL_VOWELS


# --- Full tables --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", LEGACY)
@pytest.mark.parametrize("letter", ALL_LETTERS)
def test_every_letter_round_trips(letter, encoding):
    legacy = from_unicode(letter, encoding)
    assert to_unicode(legacy, encoding) == letter
    assert all(ord(ch) <= 0xFF for ch in legacy)  # legacy fonts live in the 8-bit range
    # A few legacy codes happen to be the Latin-1 letter itself: TCVN3 ý, VNI ì and í.
    same = {Encoding.TCVN3: "ý", Encoding.VNI: "ìíÌÍ"}[encoding]
    assert (legacy == letter) == (letter.isascii() or letter in same)


@pytest.mark.parametrize("letter", [*SMALL_VOWELS, SMALL_D])
def test_tcvn3_small_letters_are_one_code_each_and_all_distinct(letter):
    legacy = from_unicode(letter, Encoding.TCVN3)
    assert len(legacy) == 1
    if not letter.isascii():
        assert 0xA1 <= ord(legacy) <= 0xFE


def test_legacy_forms_are_all_distinct():
    for encoding in LEGACY:
        forms = [from_unicode(letter, encoding) for letter in ALL_LETTERS]
        assert len(set(forms)) == len(ALL_LETTERS), encoding


def test_vni_forms_are_a_base_letter_and_one_diacritic_or_a_single_character():
    for letter in ALL_LETTERS:
        legacy = from_unicode(letter, Encoding.VNI)
        assert 1 <= len(legacy) <= 2
        if len(legacy) == 2:
            assert legacy[1] not in string.ascii_letters
            assert legacy[0] in "aeouyAEOUY" or legacy[0] in "ôöÔÖ"  # ơ and ư are single VNI characters
            assert legacy[1].isupper() == letter.isupper()


@pytest.mark.parametrize("letter", CAPITAL_VOWELS + [CAPITAL_D])
def test_tcvn3_capitals_in_an_uppercase_font(letter):
    legacy = from_unicode(letter, Encoding.TCVN3, uppercase_font=True)
    assert len(legacy) == 1
    assert to_unicode(legacy, Encoding.TCVN3, uppercase_font=True) == letter
    # The uppercase font draws the small letter's code as the capital.
    assert legacy in (letter, from_unicode(letter.lower(), Encoding.TCVN3)) or letter in "ĂÂÊÔƠƯĐ"


@pytest.mark.parametrize("letter", TONED_CAPITALS)
def test_tcvn3_toned_capitals_in_a_lowercase_font_are_base_then_small_toned_letter(letter):
    legacy = from_unicode(letter, Encoding.TCVN3)
    assert len(legacy) == 2
    decomposed = unicodedata.normalize("NFD", letter)
    untoned = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONES))
    assert to_unicode(legacy[0], Encoding.TCVN3) == untoned
    assert to_unicode(legacy[1], Encoding.TCVN3) == letter.lower()


# Codes known from the standards and from real files, written out independently of the module's tables.
TCVN3_CODES = {
    "µ": "à", "¸": "á", "¶": "ả", "·": "ã", "¹": "ạ", "¨": "ă", "¾": "ắ", "Æ": "ặ", "©": "â", "Ê": "ấ",
    "Ë": "ậ", "ª": "ê", "Õ": "ế", "Ö": "ệ", "×": "ì", "Ý": "í", "Ü": "ĩ", "Þ": "ị", "ß": "ò", "ã": "ó",
    "«": "ô", "è": "ố", "é": "ộ", "¬": "ơ", "í": "ớ", "î": "ợ", "ï": "ù", "ó": "ú", "ñ": "ủ", "\xad": "ư",
    "ø": "ứ", "ù": "ự", "ý": "ý", "þ": "ỵ", "®": "đ", "¡": "Ă", "¢": "Â", "£": "Ê", "¤": "Ô", "¥": "Ơ",
    "¦": "Ư", "§": "Đ",
}
VNI_CODES = {
    "aø": "à", "aù": "á", "aû": "ả", "aõ": "ã", "aï": "ạ", "aê": "ă", "aé": "ắ", "aë": "ặ", "aâ": "â",
    "aá": "ấ", "aä": "ậ", "eâ": "ê", "eá": "ế", "eä": "ệ", "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
    "oâ": "ô", "oä": "ộ", "ô": "ơ", "ôù": "ớ", "ö": "ư", "öù": "ứ", "yù": "ý", "î": "ỵ", "ñ": "đ", "Ñ": "Đ",
    "AÙ": "Á", "OÄ": "Ộ", "Ô": "Ơ", "ÖØ": "Ừ", "Î": "Ỵ",
}


@pytest.mark.parametrize(("legacy", "expected"), TCVN3_CODES.items())
def test_known_tcvn3_codes(legacy, expected):
    assert to_unicode(legacy, Encoding.TCVN3) == expected


@pytest.mark.parametrize(("legacy", "expected"), VNI_CODES.items())
def test_known_vni_codes(legacy, expected):
    assert to_unicode(legacy, Encoding.VNI) == expected


@pytest.mark.parametrize(("legacy", "encoding", "expected"), [
    # The typist moved the tone onto the y: TCVN3 fonts have no "Ủ". The result is the old-style spelling.
    ("Uû ban nh©n d©n", Encoding.TCVN3, "Uỷ ban nhân dân"),
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", Encoding.TCVN3, "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", Encoding.TCVN3, "Độc lập - Tự do - Hạnh phúc"),
    ("NguyÔn V¨n §øc, th«n 2, x· T©n Thµnh", Encoding.TCVN3, "Nguyễn Văn Đức, thôn 2, xã Tân Thành"),
    ("M\xadêng Kh\xad¬ng", Encoding.TCVN3, "Mường Khương"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", Encoding.VNI, "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("UÛy ban nhaân daân", Encoding.VNI, "Ủy ban nhân dân"),
    ("Nguyeãn Vaên Ñöùc, thoân 2, xaõ Taân Thaønh", Encoding.VNI, "Nguyễn Văn Đức, thôn 2, xã Tân Thành"),
    ("Tröôøng hoïc", Encoding.VNI, "Trường học"),
    ("Xin chaøo caùc baïn", Encoding.VNI, "Xin chào các bạn"),
])
def test_real_world_strings(legacy, encoding, expected):
    assert to_unicode(legacy, encoding) == expected


def test_uppercase_tcvn3_font_shows_every_letter_as_a_capital():
    assert to_unicode("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", Encoding.TCVN3, uppercase_font=True) == (
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert to_unicode("uû ban nh©n d©n", Encoding.TCVN3, uppercase_font=True) == "UỶ BAN NHÂN DÂN"


def test_unicode_is_only_normalised():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn Đức")
    assert to_unicode(decomposed, Encoding.UNICODE) == "Nguyễn Văn Đức"
    assert from_unicode(decomposed, Encoding.UNICODE) == "Nguyễn Văn Đức"


def test_from_unicode_refuses_what_the_encoding_cannot_hold():
    with pytest.raises(ValueError, match="TCVN3"):
        from_unicode("© 2026", Encoding.TCVN3)  # © is TCVN3's â
    with pytest.raises(ValueError, match="VNI"):
        from_unicode("España", Encoding.VNI)  # ñ is VNI's đ
    with pytest.raises(ValueError, match="one capital"):
        from_unicode("Aà", Encoding.TCVN3)  # would read back as "À"
    with pytest.raises(ValueError, match="uppercase font"):
        from_unicode("Ủy ban", Encoding.TCVN3, uppercase_font=True)
    assert from_unicode("Aà", Encoding.VNI) == "Aaø"


# --- Realistic text -----------------------------------------------------------------------------------------

NAMES = [
    "Nguyễn Văn Đức", "Trần Thị Hồng Nhung", "Lê Văn Tám", "Phạm Minh Tuấn", "Hoàng Thị Thu Hà",
    "Huỳnh Ngọc Ánh", "Phan Thanh Bình", "Vũ Đình Khoa", "Võ Thị Sáu", "Đặng Quốc Việt", "Bùi Thị Xuân",
    "Đỗ Mạnh Cường", "Hồ Văn Lợi", "Ngô Thị Yến", "Dương Quang Huy", "Lý Thị Thuỷ", "Trương Công Định",
    "Đinh Tiến Dũng", "Mai Anh Tuấn", "Châu Thị Kiều Oanh", "Tạ Quang Khải", "Lưu Thị Ngọc Diệp",
    "Quách Văn Được", "Kiều Thị Huyền Trang", "Âu Dương Phong",
]
ADDRESSES = [
    "Thôn 2, xã Tân Thành, huyện Hàm Thuận Nam, tỉnh Bình Thuận",
    "Số 15 đường Lê Lợi, phường Bến Nghé, quận 1",
    "Ấp Phú Hoà, xã Phú Hữu, huyện Châu Thành",
    "Khu phố 3, thị trấn Đức Trọng, tỉnh Lâm Đồng",
    "Xóm Đông, xã Nghĩa Hưng, huyện Nghĩa Đàn, tỉnh Nghệ An",
    "Tổ 7, phường Quang Trung, thành phố Thái Nguyên",
    "Bản Nà Khoang, xã Mường Phăng, huyện Điện Biên",
    "Thôn Yên Thượng, xã Quỳnh Hưng, huyện Quỳnh Lưu",
    "Số nhà 42, ngõ 128 phố Hoàng Quốc Việt, quận Cầu Giấy, Hà Nội",
    "Xã Ea Tu, thành phố Buôn Ma Thuột, tỉnh Đắk Lắk",
    "Thôn Đông Yên, xã Ngọc Liên, huyện Cẩm Giàng, tỉnh Hải Dương",
    "Ấp 4, xã Long Hựu Tây, huyện Cần Đước, tỉnh Long An",
]
SUMMARIES = [
    "Khiếu nại về việc thu hồi đất", "Ủy ban nhân dân xã Tân Thành", "Đơn tố cáo cán bộ địa chính",
    "Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
    "Kiến nghị về việc bồi thường, hỗ trợ tái định cư",
    "Phản ánh tình trạng ô nhiễm môi trường tại khu dân cư",
    "Tranh chấp ranh giới đất giữa hai hộ gia đình",
    "Hỏi về chế độ chính sách đối với người có công",
    "Đề nghị xem xét lại quyết định xử phạt vi phạm hành chính",
    "Khiếu nại việc chậm chi trả trợ cấp bảo trợ xã hội",
    "Tố cáo hành vi lấn chiếm đất công",
    "Kiến nghị sửa chữa đường giao thông nông thôn bị hư hỏng",
    "Đề nghị giải quyết chế độ hưu trí cho ông Nguyễn Văn Khuyến",
    "Công dân trình bày về việc cấp đổi căn cước",
    "Phản ánh việc thu phí không đúng quy định",
    "Cộng hoà xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc",
    "Người dân kiến nghị hỗ trợ khắc phục hậu quả lũ lụt",
    "Yêu cầu công khai danh sách hộ nghèo năm 2025",
    "Hướng dẫn thủ tục đăng ký khai sinh",
    "Ý kiến về việc điều chỉnh quy hoạch sử dụng đất",
    "Tiếp công dân định kỳ ngày 15 hằng tháng",
    "Ông Lê Bá Hà hỏi về trợ cấp khuyết tật",
]
REALISTIC = NAMES + ADDRESSES + SUMMARIES
ALL_CAPS = ["ỦY BAN NHÂN DÂN XÃ TÂN THÀNH", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỔ TIẾP CÔNG DÂN",
            "ĐƠN KHIẾU NẠI", "NGUYỄN THỊ ÁNH NGUYỆT"]


def test_there_are_enough_realistic_samples():
    assert len(REALISTIC) >= 50


@pytest.mark.parametrize("encoding", LEGACY)
@pytest.mark.parametrize("text", REALISTIC)
def test_realistic_text_round_trips_and_is_detected(text, encoding):
    legacy = from_unicode(text, encoding)
    assert to_unicode(legacy, encoding) == text
    if legacy == text:  # VNI writes ì and í as themselves: "Phan Thanh Bình" is the same in both
        assert convert_cell(legacy) == (text, Encoding.UNICODE)
    else:
        assert detect(legacy) is encoding
        assert convert_cell(legacy) == (text, encoding)
    assert detect(text) is Encoding.UNICODE
    assert convert_cell(text) == (text, Encoding.UNICODE)


@pytest.mark.parametrize("text", ALL_CAPS)
def test_all_caps_text_in_an_uppercase_tcvn3_font(text):
    legacy = from_unicode(text, Encoding.TCVN3, uppercase_font=True)
    assert to_unicode(legacy, Encoding.TCVN3, uppercase_font=True) == text
    assert convert_cell(legacy, ".VnTimeH") == (text, Encoding.TCVN3)
    # Without the font, all-capital ASCII letters around small-letter codes give the uppercase font away.
    assert convert_cell(legacy) == (text, Encoding.TCVN3)
    # In a lowercase font the toned capitals take two characters; that reads back too.
    assert convert_cell(from_unicode(text, Encoding.TCVN3)) == (text, Encoding.TCVN3)
    assert convert_cell(from_unicode(text, Encoding.VNI)) == (text, Encoding.VNI)


@pytest.mark.parametrize("text", [
    "", "Nguyen Van Duc", "UBND xa Tan Thanh", "12/03/2026", "café", "Café au lait", "Hà Nội", "Hà", "Lê",
    "Lê Bá Hà", "Tô Hoài", "Bà Rịa", "Crème brûlée à la française", "Müller", "naïve", "São Paulo", "résumé",
    "Hôtel de ville", "Zoë", "© 2026", "Nguyễn Văn Đức", unicodedata.normalize("NFD", "Nguyễn Văn Đức"),
])
def test_unicode_ascii_and_foreign_words_stay_unicode(text):
    assert detect(text) is Encoding.UNICODE
    assert convert_cell(text) == (nfc(text), Encoding.UNICODE)


def test_mixed_cells_are_handled_one_by_one():
    cells = [
        "Nguyễn Văn Đức",
        "Lª ThÞ Hoa",
        "Traàn Thò Hoàng",
        "Tổ 5",
        "Thon 3, xa Tan Thanh",
        "th«n §«ng, x· T©n Thµnh",
        "xaõ Phuù Höõu",
    ]
    assert [convert_cell(cell) for cell in cells] == [
        ("Nguyễn Văn Đức", Encoding.UNICODE),
        ("Lê Thị Hoa", Encoding.TCVN3),
        ("Trần Thị Hồng", Encoding.VNI),
        ("Tổ 5", Encoding.UNICODE),
        ("Thon 3, xa Tan Thanh", Encoding.UNICODE),
        ("thôn Đông, xã Tân Thành", Encoding.TCVN3),
        ("xã Phú Hữu", Encoding.VNI),
    ]


def test_the_font_decides_unless_the_text_is_plainly_unicode():
    assert convert_cell("Lª", ".VnTime") == ("Lê", Encoding.TCVN3)
    assert convert_cell("Lê", ".VnTime") == ("Lờ", Encoding.TCVN3)  # what the old font showed
    assert convert_cell("Thò", "VNI-Times") == ("Thị", Encoding.VNI)
    assert convert_cell("Thò", "Times New Roman") == ("Thò", Encoding.UNICODE)
    # Typed in Unicode into a cell that kept its old font.
    assert convert_cell("Hà Nội", ".VnTime") == ("Hà Nội", Encoding.UNICODE)
    assert convert_cell("Bà Hà", ".VnTime") == ("Bà Hà", Encoding.UNICODE)
    assert convert_cell("Nguyen Van A", "VNI-Times") == ("Nguyen Van A", Encoding.UNICODE)
    assert convert_cell("ubnd xa", ".VnTimeH") == ("UBND XA", Encoding.TCVN3)
    assert convert_cell("", ".VnTime") == ("", Encoding.UNICODE)


# --- Fonts --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("font", "expected"), [
    (".VnTime", FontEncoding(Encoding.TCVN3)),
    (".VnTimeH", FontEncoding(Encoding.TCVN3, uppercase=True)),
    (".VnArial", FontEncoding(Encoding.TCVN3)),
    (".VnArialH", FontEncoding(Encoding.TCVN3, uppercase=True)),
    (".VnArial NarrowH", FontEncoding(Encoding.TCVN3, uppercase=True)),
    (".VnCentury Schoolbook", FontEncoding(Encoding.TCVN3)),
    (".vntime", FontEncoding(Encoding.TCVN3)),
    ("VNtimes new roman", FontEncoding(Encoding.TCVN3)),
    (" .VnTime ", FontEncoding(Encoding.TCVN3)),
    ("VNI-Times", FontEncoding(Encoding.VNI)),
    ("VNI-Helve", FontEncoding(Encoding.VNI)),
    ("VNI-Aptima", FontEncoding(Encoding.VNI)),
    ("vni-times", FontEncoding(Encoding.VNI)),
    ("Times New Roman", None),
    ("Arial", None),
    ("Calibri", None),
    ("SVN-Times New Roman", None),
    ("", None),
    (None, None),
])
def test_font_names(font, expected):
    assert encoding_of_font(font) == expected


# --- Windows-1258 -------------------------------------------------------------------------------------------

def windows_1258(text: str) -> bytes:
    """`text` as Windows writes it in code page 1258: letters with breve, circumflex and horn precomposed
    (ă â ê ô ơ ư; đ), tones as separate combining marks after them. Plain NFD cannot be encoded: U+0302
    and the other letter-forming marks have no cp1258 byte."""
    clusters: list[list[str]] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and clusters:
            clusters[-1].append(ch)
        else:
            clusters.append([ch])
    out = []
    for base, *marks in clusters:
        tones = "".join(m for m in marks if m in TONES)
        out.append(unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in TONES)) + tones)
    return "".join(out).encode("cp1258")


def test_windows_1258_helper_writes_tones_apart():
    data = windows_1258("Nguyễn Văn Đức")
    assert data == b"Nguy\xea\xden V\xe3n \xd0\xfd\xecc"
    with pytest.raises(UnicodeEncodeError):
        unicodedata.normalize("NFD", "Nguyễn").encode("cp1258")


@pytest.mark.parametrize("text", [
    "Nguyễn Văn Đức", "Khiếu nại về việc thu hồi đất", "Ủy ban nhân dân xã Tân Thành", "Lê Bá Hà", "Trường học",
    "Mặt trận, lặng lẽ, ợ, ự, ậ",
])
def test_decode_cp1258_composes_tones(text):
    data = windows_1258(text)
    assert data.decode("cp1258") != text  # the plain codec leaves the tones decomposed
    assert decode_cp1258(data) == text


def test_decode_cp1258_errors():
    with pytest.raises(UnicodeDecodeError):
        decode_cp1258(b"abc\x81")
    assert decode_cp1258(b"abc\x81", errors="replace") == "abc\ufffd"


@pytest.mark.parametrize("text", [*REALISTIC[:20], "Lê Bá Hà", "Hà"])
def test_sniffing_tells_utf8_from_cp1258(text):
    assert sniff_csv_encoding(text.encode("utf-8")) == "utf-8"
    assert sniff_csv_encoding(codecs.BOM_UTF8 + text.encode("utf-8")) == "utf-8-sig"
    assert sniff_csv_encoding(windows_1258(text)) == "cp1258"


def test_sniffing_plain_and_foreign_text():
    assert sniff_csv_encoding(b"ho_ten,dia_chi\nNguyen Van A,Thon 2\n") == "utf-8"
    assert sniff_csv_encoding(b"") == "utf-8"
    assert sniff_csv_encoding("café, naïve".encode("utf-8")) == "utf-8"
    csv_file = "STT;Họ và tên;Địa chỉ\n1;Nguyễn Văn Đức;Thôn 2, xã Tân Thành\n"
    assert sniff_csv_encoding(windows_1258(csv_file)) == "cp1258"
    assert decode_cp1258(windows_1258(csv_file)) == csv_file
    with pytest.raises(ValueError, match="neither"):
        sniff_csv_encoding(b"\x81\x8d\x8f\x90")


# --- Property -----------------------------------------------------------------------------------------------

VIETNAMESE_TEXT = st.text(
    alphabet=st.sampled_from([*ALL_LETTERS, *"bcdghklmnpqrstvxBCDGHKLMNPQRSTVX", " ", *string.punctuation]),
    max_size=40,
)


def _untoned(letter: str) -> str:
    return unicodedata.normalize("NFC", "".join(ch for ch in unicodedata.normalize("NFD", letter) if ch not in TONES))


def _same_letter_pair(text: str) -> bool:
    """An untoned capital vowel then a small toned form of itself ("Aà", "Âấ"): TCVN3 in a lowercase font
    writes that like the single toned capital, so it cannot round-trip. No Vietnamese word has it."""
    return any(
        first in CAPITAL_VOWELS and first == _untoned(first) and second in SMALL_VOWELS
        and second != _untoned(second) and _untoned(second) == first.lower()
        for first, second in zip(text, text[1:])
    )


@given(VIETNAMESE_TEXT)
@example("Ủy ban nhân dân xã Tân Thành!")
@example("ƯỚC-ĐỊNH: Ơ ơ Ư ư")
def test_vni_round_trips_any_vietnamese_text(text):
    assert to_unicode(from_unicode(text, Encoding.VNI), Encoding.VNI) == nfc(text)


@given(VIETNAMESE_TEXT)
@example("Ủy ban nhân dân xã Tân Thành!")
@example("Ăn Ấy Ở Ừ")
def test_tcvn3_round_trips_any_vietnamese_text(text):
    assume(not _same_letter_pair(text))
    assert to_unicode(from_unicode(text, Encoding.TCVN3), Encoding.TCVN3) == nfc(text)


@given(VIETNAMESE_TEXT)
def test_tcvn3_uppercase_font_round_trips_any_capitals(text):
    text = text.upper()
    assert to_unicode(from_unicode(text, Encoding.TCVN3, uppercase_font=True), Encoding.TCVN3,
                      uppercase_font=True) == nfc(text)


@given(VIETNAMESE_TEXT)
def test_tcvn3_refuses_only_the_ambiguous_pair(text):
    if _same_letter_pair(text):
        with pytest.raises(ValueError):
            from_unicode(text, Encoding.TCVN3)
    else:
        from_unicode(text, Encoding.TCVN3)

"""Tests of receptiondesk.domain.text: cleaning, search folding and Vietnamese name order."""

from __future__ import annotations

import sqlite3
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from receptiondesk.domain.text import (
    VIETNAMESE_ALPHABET,
    clean_line,
    clean_paragraphs,
    fold,
    name_sort_key,
    nfc,
)

NFD = "NFD"

# --- Strategies ------------------------------------------------------------------------------

# Each alphabet letter as base + letter mark (decomposed), so tests build names independently of
# the code under test.
LETTER_PARTS = {
    "a": "a", "ă": "a\u0306", "â": "a\u0302", "b": "b", "c": "c", "d": "d", "đ": "đ",
    "e": "e", "ê": "e\u0302", "f": "f", "g": "g", "h": "h", "i": "i", "j": "j", "k": "k",
    "l": "l", "m": "m", "n": "n", "o": "o", "ô": "o\u0302", "ơ": "o\u031b", "p": "p",
    "q": "q", "r": "r", "s": "s", "t": "t", "u": "u", "ư": "u\u031b", "v": "v", "w": "w",
    "x": "x", "y": "y", "z": "z",
}
VOWELS = frozenset("aăâeêioôơuưy")
# Tone marks in collation order: none, huyền, hỏi, ngã, sắc, nặng.
TONE_MARKS = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
ALPHABET_INDEX = {letter: i for i, letter in enumerate(VIETNAMESE_ALPHABET)}


@st.composite
def letters(draw):
    """(letter, tone index, uppercase) for one letter of a name."""
    letter = draw(st.sampled_from(VIETNAMESE_ALPHABET))
    tone = draw(st.integers(0, 5)) if letter in VOWELS else 0
    return letter, tone, draw(st.booleans())


def render_letter(letter: str, tone: int, upper: bool) -> str:
    text = LETTER_PARTS[letter] + TONE_MARKS[tone]
    return text.upper() if upper else text


word_specs = st.lists(letters(), min_size=1, max_size=5)
name_specs = st.lists(word_specs, min_size=1, max_size=4)


@st.composite
def names(draw):
    """(name as typed, reference key) pairs; the name is NFC or NFD, maybe with extra spaces."""
    spec = draw(name_specs)
    words = ["".join(render_letter(*letter) for letter in word) for word in spec]
    sep = draw(st.sampled_from([" ", "  ", "\u00a0", "\t"]))
    text = sep.join(words)
    text = unicodedata.normalize(draw(st.sampled_from(["NFC", NFD])), text)
    if draw(st.booleans()):
        text = f"  {text} "
    return text, reference_key(spec)


def reference_key(spec):
    """The documented order, spelled out: given name first, then the other words; letters by
    alphabet, then tones in the same order."""
    ordered = [spec[-1], *spec[:-1]]
    primary = tuple(tuple(ALPHABET_INDEX[letter] for letter, _, _ in word) for word in ordered)
    tones = tuple(tone for word in ordered for _, tone, _ in word)
    return primary, tones


vietnamese_letters = st.sampled_from(
    sorted({unicodedata.normalize("NFC", render_letter(letter, tone, upper))
            for letter in VIETNAMESE_ALPHABET for tone in range(6) for upper in (False, True)
            if tone == 0 or letter in VOWELS})
)
vietnamese_text = st.lists(st.one_of(vietnamese_letters, st.sampled_from([" ", "\t", "\u00a0"])),
                           max_size=30).map("".join)


def sign(x) -> int:
    return (x > 0) - (x < 0)


def cmp(a, b) -> int:
    return sign((a > b) - (a < b))


# --- nfc, clean_line, clean_paragraphs -------------------------------------------------------

def test_nfc_composes_decomposed_text():
    decomposed = unicodedata.normalize(NFD, "Nguyễn Thị Hường")
    assert decomposed != "Nguyễn Thị Hường"
    assert nfc(decomposed) == "Nguyễn Thị Hường"


@pytest.mark.parametrize("raw, expected", [
    (None, ""),
    ("", ""),
    ("   ", ""),
    ("  Nguyễn   Văn\tAn \n", "Nguyễn Văn An"),
    ("Trần\u00a0Thị\u2003Bình", "Trần Thị Bình"),
    ("Thôn\r\nĐông", "Thôn Đông"),
    (unicodedata.normalize(NFD, " Lê  Đức "), "Lê Đức"),
    ("Hoàng\u200b Anh\ufeff", "Hoàng Anh"),
    ("Phạm\x00 Long", "Phạm Long"),
])
def test_clean_line_examples(raw, expected):
    assert clean_line(raw) == expected


@given(st.text())
def test_clean_line_is_one_clean_nfc_line(raw):
    line = clean_line(raw)
    assert line == line.strip()
    assert "  " not in line
    assert not any(ch.isspace() and ch != " " for ch in line)
    assert unicodedata.is_normalized("NFC", line)
    assert clean_line(line) == line


def test_clean_paragraphs_examples():
    raw = ("\n\n  Ông A  trình bày:\t\n\n\n\n - tranh chấp   đất\u00a0đai \r\n\r\n  \n"
           " Kết thúc.  \n\n")
    assert clean_paragraphs(raw) == "Ông A trình bày:\n\n- tranh chấp đất đai\n\nKết thúc."
    assert clean_paragraphs(None) == ""
    assert clean_paragraphs(" \n \n") == ""
    assert clean_paragraphs(unicodedata.normalize(NFD, "Đơn khiếu nại")) == "Đơn khiếu nại"


@given(st.text())
def test_clean_paragraphs_properties(raw):
    text = clean_paragraphs(raw)
    lines = text.split("\n")
    assert unicodedata.is_normalized("NFC", text)
    assert text == "" or (lines[0] != "" and lines[-1] != "")
    assert "\n\n\n" not in text
    for line in lines:
        assert line == clean_line(line)
    assert clean_paragraphs(text) == text


# --- fold ------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("Nguyễn Văn Đức", "nguyen van duc"),
    ("ĐẶNG THỊ HƯỜNG", "dang thi huong"),
    ("  Trương   Mỹ\tLan ", "truong my lan"),
    ("hoà", "hoa"),
    ("hòa", "hoa"),
    ("Xã Ea Tiêu, Krông Ana", "xa ea tieu, krong ana"),
])
def test_fold_examples(raw, expected):
    assert fold(raw) == expected


def test_fold_finds_names_typed_either_way():
    assert fold("hoà") == fold("hòa") == fold(unicodedata.normalize(NFD, "hoà"))
    assert fold("nguyen van duc") == fold("Nguyễn Văn Đức")
    assert "duc" in fold(unicodedata.normalize(NFD, "Lê Minh Đức"))


@given(st.text())
@example("İstanbul")
@example("Ǆ")
def test_fold_is_idempotent(raw):
    assert fold(fold(raw)) == fold(raw)


@given(st.text())
def test_fold_nfc_and_nfd_inputs_fold_equal(raw):
    assert fold(unicodedata.normalize("NFC", raw)) == fold(unicodedata.normalize(NFD, raw))


@given(vietnamese_text)
def test_fold_of_vietnamese_letters_is_plain_ascii(raw):
    folded = fold(raw)
    assert folded.isascii()
    assert folded == folded.lower()
    assert folded == " ".join(folded.split())
    assert len(folded.replace(" ", "")) == len("".join(raw.split()))


@given(vietnamese_text)
def test_fold_ignores_case_and_form(raw):
    assert fold(raw.upper()) == fold(raw.lower()) == fold(unicodedata.normalize(NFD, raw))


# --- name_sort_key ---------------------------------------------------------------------------

def sort_names(names_):
    return sorted(names_, key=name_sort_key)


@pytest.mark.parametrize("ordered", [
    ["An", "Anh", "Ăn", "Bình"],
    ["Nguyễn Văn An", "Trần Thị An", "Lê Bình"],
    ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"],
    ["Lê An", "Lê Anh"],
    ["Lê An Nam", "Lê Anh Nam"],
    ["Lê Văn An", "Trần An"],  # same given name: "Lê Văn" before "Trần"
    ["Lê An", "Lê Văn An"],  # a name that is a prefix of another comes first
    ["Dung", "Dũng", "Đông", "Em", "Ếch"],
    ["Ca", "Cà", "Cả", "Cá", "Cạ", "Cam"],  # tones break ties only: "Cạ" before "Cam"
    ["Oanh", "Ôn", "Ơn", "Phúc"],
    ["Uyên", "Ưng", "Vân", "Xuân", "Yến"],
    ["Ê", "Fan", "Giang"],  # f between ê and g
    ["Ích", "Jan", "Khánh"],  # j between i and k
    ["Vy", "Wendy", "Xuân"],  # w between v and x
    ["Yên", "Zoe"],  # z after y
    ["An 2", "An A"],  # digits before letters
    ["Nguyễn Thị Hà", "Nguyễn Thị Hạ", "Trần Thị Hà"],
])
def test_name_order_examples(ordered):
    keys = [name_sort_key(n) for n in ordered]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    assert sort_names(reversed(ordered)) == ordered


def test_alphabet_order_of_single_letters():
    keys = [name_sort_key(letter) for letter in VIETNAMESE_ALPHABET]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


def test_name_sort_key_ignores_case_form_and_spacing():
    key = name_sort_key("Nguyễn Văn Đức")
    assert name_sort_key("NGUYỄN VĂN ĐỨC") == key
    assert name_sort_key("  nguyễn\u00a0 văn\tđức ") == key
    assert name_sort_key(unicodedata.normalize(NFD, "Nguyễn Văn Đức")) == key


def test_name_sort_key_of_empty_name():
    assert name_sort_key("") == ""
    assert name_sort_key("   ") == ""
    assert name_sort_key("") < name_sort_key("A")


def test_name_sort_key_is_stable():
    # Stored in a database column: a change here needs a migration that recomputes the column.
    assert name_sort_key("Lê Văn Ấn") == "CR\x02PI\x02]BR\x014000000"


def test_name_sort_key_handles_other_characters():
    # Punctuation, foreign letters and other scripts get a deterministic place, and no NUL.
    samples = ["H'Hen Niê", "Y-Moan Ênuôl", "Müller", "Søren", "Ким", "李明", "Ann\x00a",
               "O\u0300\u0308"]
    for sample in samples:
        key = name_sort_key(sample)
        assert "\x00" not in key
        assert key == name_sort_key(unicodedata.normalize(NFD, sample))
        key.encode("utf-8")
    assert name_sort_key("Mu") < name_sort_key("Mü") < name_sort_key("Mua")
    assert name_sort_key("Y Moan") < name_sort_key("Y-Moan") < name_sort_key("YMoan")
    assert name_sort_key("Szz") < name_sort_key("Søren") < name_sort_key("Ta")
    assert name_sort_key("Zoe") < name_sort_key("Ким")


@given(names(), names())
def test_name_sort_key_agrees_with_the_documented_order(a, b):
    (name_a, ref_a), (name_b, ref_b) = a, b
    assert cmp(name_sort_key(name_a), name_sort_key(name_b)) == cmp(ref_a, ref_b)


@given(st.lists(names(), max_size=20))
def test_sorting_by_key_equals_sorting_by_given_name_then_rest(items):
    by_key = sorted(items, key=lambda item: name_sort_key(item[0]))
    by_reference = sorted(items, key=lambda item: item[1])
    assert [ref for _, ref in by_key] == [ref for _, ref in by_reference]


@given(names())
def test_name_sort_key_is_deterministic_and_form_independent(item):
    name, _ = item
    key = name_sort_key(name)
    assert key == name_sort_key(name)
    assert key == name_sort_key(unicodedata.normalize("NFC", name))
    assert key == name_sort_key(unicodedata.normalize(NFD, name).upper())
    assert "\x00" not in key


@given(st.text())
def test_name_sort_key_never_contains_nul_and_encodes(raw):
    key = name_sort_key(raw)
    assert "\x00" not in key
    key.encode("utf-8")
    assert key == name_sort_key(unicodedata.normalize(NFD, raw))


@given(st.lists(names(), min_size=1, max_size=30))
def test_sqlite_binary_collation_orders_keys_like_python(items):
    with sqlite3.connect(":memory:") as db:
        db.execute("CREATE TABLE citizen (name TEXT, sort_key TEXT)")
        db.executemany("INSERT INTO citizen VALUES (?, ?)",
                       [(name, name_sort_key(name)) for name, _ in items])
        from_sql = [row[0] for row in db.execute("SELECT sort_key FROM citizen ORDER BY sort_key")]
    db.close()
    assert from_sql == sorted(name_sort_key(name) for name, _ in items)

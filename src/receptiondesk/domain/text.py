"""Vietnamese text: NFC normalisation, whitespace cleaning, search folding and name collation.

Pure functions, no I/O. See DOMAIN.md §6 for the rules they implement.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = [
    "VIETNAMESE_ALPHABET",
    "clean_line",
    "clean_paragraphs",
    "fold",
    "name_sort_key",
    "nfc",
]

# Invisible characters that only get in the way in names, addresses and summaries: zero-width
# space, word joiner, byte-order mark, soft hyphen. (Whitespace is handled separately.)
_INVISIBLE = frozenset("\u200b\u2060\ufeff\u00ad")

# Letters without a canonical decomposition that fold to plain "d". U+00D0/U+00F0 (eth) look
# like Đ/đ and turn up in text decoded with the wrong code page.
_D_LETTERS = {"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"}


def nfc(s: str) -> str:
    """`s` in Unicode normalisation form C (composed), the form everything is stored in."""
    return unicodedata.normalize("NFC", s)


def _drop_invisible(s: str) -> str:
    """Remove control characters (except whitespace), lone surrogates and zero-width characters."""
    return "".join(
        ch for ch in s
        if ch not in _INVISIBLE and (ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cs"))
    )


def clean_line(s: str | None) -> str:
    """A one-line field (name, address...): NFC, trimmed, every whitespace run made one space.

    Tabs, newlines and non-breaking spaces count as whitespace; control and zero-width
    characters are removed. None gives "".
    """
    if not s:
        return ""
    return nfc(" ".join(_drop_invisible(s).split()))


def clean_paragraphs(s: str | None) -> str:
    """A multi-line field (case summary): NFC, each line's whitespace collapsed and trimmed,
    runs of blank lines collapsed to one, no blank lines at either end. None gives "".
    """
    if not s:
        return ""
    lines: list[str] = []
    for raw in _drop_invisible(s).splitlines():
        line = " ".join(raw.split())
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return nfc("\n".join(lines))


def fold(s: str) -> str:
    """The search form of `s`: no diacritics, đ→d, lowercase, whitespace collapsed.

    "Nguyễn Văn Đức" → "nguyen van duc"; "hoà" and "hòa" fold equal; NFC and NFD input fold
    the same. The result is stable: fold(fold(s)) == fold(s).
    """
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFD", s).lower())
    out = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            continue
        out.append(_D_LETTERS.get(ch, ch))
    return " ".join("".join(out).split())


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """One character as `fold` folds it ("" for a space or a lone combining mark)."""
    return fold(ch)


def fold_with_index(text: str) -> tuple[str, list[int]]:
    """`text` folded (whitespace runs made one space), and for each folded character its index in `text`: a
    match found in the folded form maps back to the words as written."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
                index.append(i)
            continue
        for folded in fold_char(ch):
            out.append(folded)
            index.append(i)
    return "".join(out), index


# --- Name collation ---------------------------------------------------------------------------

#: The alphabet in collation order: the 29 Vietnamese letters, with f, j, w, z where the Latin
#: alphabet puts them.
VIETNAMESE_ALPHABET: tuple[str, ...] = (
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
)

# Combining marks that make a letter of the alphabet out of a base letter.
_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
_LETTER_WITH_MARK = {
    ("a", _BREVE): "ă", ("a", _CIRCUMFLEX): "â", ("e", _CIRCUMFLEX): "ê",
    ("o", _CIRCUMFLEX): "ô", ("o", _HORN): "ơ", ("u", _HORN): "ư",
}

# Tone marks, in collation order after "no tone" (0): huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}

# Key layout. Levels (letters, then tones, then any other diacritics) are separated by
# _LEVEL_SEP; words by _WORD_SEP. Both sort below every other key character, so a shorter
# word or name sorts before a longer one that starts the same way. Punctuation and symbols
# are _PUNCT + the character (after word boundaries, before digits); digits are "0"-"9";
# alphabet letters are one character each from "A" upwards in alphabet order; letters of
# other scripts are _OTHER_LETTER + the character (after "z").
_LEVEL_SEP = "\x01"
_WORD_SEP = "\x02"
_PUNCT = "\x03"
_LETTER_CODE = {letter: chr(0x41 + i) for i, letter in enumerate(VIETNAMESE_ALPHABET)}
_LETTER_CODE.update({"ð": _LETTER_CODE["đ"]})
_OTHER_LETTER = chr(0x41 + len(VIETNAMESE_ALPHABET))
_MARK_END = "\x01"
_DIGITS = frozenset("0123456789")


def _clusters(word: str) -> list[tuple[str, str]]:
    """Split an NFD word into (base character, following combining marks) pairs."""
    clusters: list[tuple[str, str]] = []
    for ch in word:
        if unicodedata.combining(ch) and clusters:
            base, marks = clusters[-1]
            clusters[-1] = (base, marks + ch)
        else:
            clusters.append((ch, ""))
    return clusters


def _encode_word(word: str, tones: list[str], extra: list[str]) -> str:
    """The letters level of one word; appends the tone of each letter to `tones` and the
    other diacritics of each letter or digit (often none) to `extra`."""
    primary: list[str] = []
    for base, marks in _clusters(word):
        if base in _DIGITS:
            primary.append(base)
            extra.append(marks)
        elif base in _LETTER_CODE:
            letter, tone, other_marks = base, "0", ""
            for mark in marks:
                if letter == base and (base, mark) in _LETTER_WITH_MARK:
                    letter = _LETTER_WITH_MARK[(base, mark)]
                elif tone == "0" and mark in _TONES:
                    tone = _TONES[mark]
                else:
                    other_marks += mark
            primary.append(_LETTER_CODE[letter])
            tones.append(tone)
            extra.append(other_marks)
        else:
            marker = _OTHER_LETTER if unicodedata.category(base).startswith("L") else _PUNCT
            primary.extend(marker + ch for ch in unicodedata.normalize("NFC", base + marks))
    return "".join(primary)


def name_sort_key(full_name: str) -> str:
    """A key whose plain code-point (SQLite BINARY) order is Vietnamese name order.

    Names compare by the given name (the last word), then the other words in order; letters in
    Vietnamese alphabet order, case-insensitively; tones (none, huyền, hỏi, ngã, sắc, nặng)
    only break ties, after all letters. The key is deterministic and contains no NUL: it may
    be stored in a database column and compared there.
    """
    words = unicodedata.normalize("NFD", clean_line(full_name).lower()).split(" ")
    words = [w for w in words if w]
    if not words:
        return ""
    ordered = [words[-1], *words[:-1]]
    tones: list[str] = []
    extra: list[str] = []
    primary = _WORD_SEP.join(_encode_word(w, tones, extra) for w in ordered)
    key = primary + _LEVEL_SEP + "".join(tones)
    if any(extra):
        key += _LEVEL_SEP + "".join(m + _MARK_END for m in extra)
    return key

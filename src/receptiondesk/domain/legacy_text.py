"""Legacy Vietnamese encodings: TCVN3 (ABC) and VNI text in spreadsheet cells, Windows-1258 in CSV files.

Old commune logbooks were typed with legacy fonts. In an .xlsx cell the text is Unicode, but its characters
are the Latin-1 characters whose code points the legacy font drew as Vietnamese letters:

* **TCVN3** (ABC, TCVN 5712:1993 VN3; fonts ".VnTime", ".VnArial", ...): one character per letter, e.g.
  "Uû ban nh©n d©n" = "Uỷ ban nhân dân". The lowercase fonts have codes for every small letter and for the
  untoned capitals Ă Â Ê Ô Ơ Ư Đ, but none for toned capitals: typists used the uppercase fonts (".VnTimeH",
  ".VnArialH", ...), which draw the small-letter codes as capitals (``uppercase_font=True``), or moved the
  tone to another letter ("Uû" for "Ủy"). Some converters write a toned capital in a lowercase font as the
  capital base letter followed by the small toned letter ("A¸" for "Á"); that form is read back too.
* **VNI** (VNI Windows; fonts "VNI-Times", "VNI-Helve", ...): a base letter followed by one diacritic
  character, e.g. "Coäng hoøa" = "Cộng hòa"; capitals take the capital diacritic ("UÛy" = "Ủy"). A few
  letters are single characters: ơ "ô", ư "ö", đ "ñ", the toned i's "ì í æ ó ò" and ỵ "î".
* **Windows-1258** (CSV files saved by Excel on a Vietnamese Windows): real bytes, decoded by Python's
  ``cp1258`` codec into letters with separate combining tone marks, which `decode_cp1258` composes (NFC).

`convert_cell` is the importer's entry point: the cell's font name decides the encoding when it is a legacy
font, otherwise `detect` guesses from the text. `from_unicode` writes Unicode text in a legacy encoding, to
build test workbooks. Everything is pure: no I/O, no Qt.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from receptiondesk.domain.text import nfc

__all__ = [
    "Encoding",
    "FontEncoding",
    "convert_cell",
    "decode_cp1258",
    "detect",
    "encoding_of_font",
    "from_unicode",
    "sniff_csv_encoding",
    "to_unicode",
]


class Encoding(StrEnum):
    """How the Vietnamese letters of a text are encoded."""

    UNICODE = "unicode"
    TCVN3 = "tcvn3"
    VNI = "vni"


# --- Mapping tables ----------------------------------------------------------------------------------------
# One row per vowel: the letter with no tone, huyền, sắc, hỏi, ngã, nặng. The Unicode rows and the two
# legacy tables are in the same order, so the tables pair up column by column.

_UNICODE_ROWS = (
    "a à á ả ã ạ",
    "ă ằ ắ ẳ ẵ ặ",
    "â ầ ấ ẩ ẫ ậ",
    "e è é ẻ ẽ ẹ",
    "ê ề ế ể ễ ệ",
    "i ì í ỉ ĩ ị",
    "o ò ó ỏ õ ọ",
    "ô ồ ố ổ ỗ ộ",
    "ơ ờ ớ ở ỡ ợ",
    "u ù ú ủ ũ ụ",
    "ư ừ ứ ử ữ ự",
    "y ỳ ý ỷ ỹ ỵ",
)

# TCVN3 (VN3), small letters: one code each (U+00AD, the soft hyphen, is ư).
_TCVN3_ROWS = (
    "a µ ¸ ¶ · ¹",
    "¨ » ¾ ¼ ½ Æ",
    "© Ç Ê È É Ë",
    "e Ì Ð Î Ï Ñ",
    "ª Ò Õ Ó Ô Ö",
    "i × Ý Ø Ü Þ",
    "o ß ã á â ä",
    "« å è æ ç é",
    "¬ ê í ë ì î",
    "u ï ó ñ ò ô",
    "\xad õ ø ö ÷ ù",
    "y ú ý û ü þ",
)
# TCVN3 capitals that have a code of their own: the untoned Ă Â Ê Ô Ơ Ư Đ (plain capitals are ASCII).
_TCVN3_CAPITALS = {"Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§"}
_TCVN3_SMALL_D = "®"

# VNI Windows, small letters. Capitals are the same sequences in capitals: every character used here is a
# Latin-1 small letter whose capital is the character VNI uses for capitals ("aø" → "AØ", "ô" → "Ô").
_VNI_ROWS = (
    "a aø aù aû aõ aï",
    "aê aè aé aú aü aë",
    "aâ aà aá aå aã aä",
    "e eø eù eû eõ eï",
    "eâ eà eá eå eã eä",
    "i ì í æ ó ò",
    "o oø où oû oõ oï",
    "oâ oà oá oå oã oä",
    "ô ôø ôù ôû ôõ ôï",
    "u uø uù uû uõ uï",
    "ö öø öù öû öõ öï",
    "y yø yù yû yõ î",
)
_VNI_SMALL_D = "ñ"


def _rows(rows: tuple[str, ...]) -> list[list[str]]:
    return [row.split(" ") for row in rows]


def _build_tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(TCVN3 small letter → code, TCVN3 toned capital → two-character form, VNI letter → sequence)."""
    tcvn3: dict[str, str] = {"đ": _TCVN3_SMALL_D}
    tcvn3_pairs: dict[str, str] = {}
    vni: dict[str, str] = {"đ": _VNI_SMALL_D, "Đ": _VNI_SMALL_D.upper()}
    for uni_row, tcvn_row, vni_row in zip(_rows(_UNICODE_ROWS), _rows(_TCVN3_ROWS), _rows(_VNI_ROWS), strict=True):
        base = uni_row[0]
        capital_base = _TCVN3_CAPITALS.get(base.upper(), base.upper())
        for tone, (letter, tcvn_code, vni_code) in enumerate(zip(uni_row, tcvn_row, vni_row, strict=True)):
            tcvn3[letter] = tcvn_code
            vni[letter] = vni_code
            vni[letter.upper()] = vni_code.upper()
            if tone:
                tcvn3_pairs[letter.upper()] = capital_base + tcvn_code
    return tcvn3, tcvn3_pairs, vni


_TCVN3_ENCODE, _TCVN3_PAIR_ENCODE, _VNI_ENCODE = _build_tables()

# Decoding tables. TCVN3: one code → letter; the two-character capital forms; VNI: one or two characters.
_TCVN3_DECODE: dict[str, str] = {code: letter for letter, code in _TCVN3_ENCODE.items() if not code.isascii()}
_TCVN3_DECODE.update({code: letter for letter, code in _TCVN3_CAPITALS.items()})
_TCVN3_PAIR_DECODE: dict[str, str] = {pair: letter for letter, pair in _TCVN3_PAIR_ENCODE.items()}
_TCVN3_SMALL_CODES = frozenset(code for code in _TCVN3_ENCODE.values() if not code.isascii())
_VNI_DECODE: dict[str, str] = {code: letter for letter, code in _VNI_ENCODE.items() if not code.isascii()}
# Be lenient about the case of a VNI diacritic: "Aù" and "aÙ" read as "Á" and "á" (the base letter decides).
for _code, _letter in list(_VNI_DECODE.items()):
    if len(_code) == 2:
        _VNI_DECODE.setdefault(_code[0] + _code[1].swapcase(), _letter)

# The characters each legacy encoding gives a meaning of its own: text holding them cannot be written in it.
_TCVN3_CODE_CHARS = frozenset(_TCVN3_DECODE)
_VNI_CODE_CHARS = frozenset(ch for code in _VNI_DECODE for ch in code if not ch.isascii())


# --- Conversion --------------------------------------------------------------------------------------------

def _read_tcvn3(text: str, *, uppercase_font: bool = False) -> tuple[str, int]:
    """`text` decoded from TCVN3, and how many non-ASCII characters were left as they were (not codes)."""
    out: list[str] = []
    strays = 0
    i = 0
    while i < len(text):
        pair = None if uppercase_font else _TCVN3_PAIR_DECODE.get(text[i:i + 2])
        if pair is not None:
            out.append(pair)
            i += 2
            continue
        letter = _TCVN3_DECODE.get(text[i])
        if letter is None:
            letter = text[i]
            strays += not letter.isascii()
        out.append(letter)
        i += 1
    decoded = "".join(out)
    return (decoded.upper() if uppercase_font else decoded), strays


def _read_vni(text: str) -> tuple[str, int]:
    """`text` decoded from VNI, and how many non-ASCII characters were left as they were (stray diacritics,
    characters VNI does not use)."""
    out: list[str] = []
    strays = 0
    i = 0
    while i < len(text):
        two = text[i:i + 2]
        if len(two) == 2 and two in _VNI_DECODE:
            out.append(_VNI_DECODE[two])
            i += 2
            continue
        letter = _VNI_DECODE.get(text[i])
        if letter is None:
            letter = text[i]
            strays += not letter.isascii()
        out.append(letter)
        i += 1
    return "".join(out), strays


def to_unicode(text: str, encoding: Encoding, *, uppercase_font: bool = False) -> str:
    """`text`, written in `encoding`, as NFC Unicode.

    `uppercase_font` says the text was shown in an uppercase-only TCVN3 font (".VnTimeH"): every letter
    comes out as a capital. UNICODE text is only normalised. The conversion is applied to every character:
    deciding whether a text is legacy at all is `detect`'s or `convert_cell`'s job.
    """
    if encoding is Encoding.TCVN3:
        return nfc(_read_tcvn3(text, uppercase_font=uppercase_font)[0])
    if encoding is Encoding.VNI:
        return nfc(_read_vni(text)[0])
    return nfc(text)


def _unwritable(ch: str, encoding: Encoding, why: str) -> ValueError:
    return ValueError(f"{ch!r} (U+{ord(ch):04X}) cannot be written in {encoding.name}: {why}")


def _encode_tcvn3(text: str, *, uppercase_font: bool) -> str:
    out: list[str] = []
    for ch in text:
        if uppercase_font:
            if ch != ch.upper():
                raise _unwritable(ch, Encoding.TCVN3, "an uppercase font has no small letters")
            small = ch.lower()
            if ch in _TCVN3_CAPITALS:
                out.append(_TCVN3_CAPITALS[ch])
            elif small in _TCVN3_ENCODE and not ch.isascii():
                out.append(_TCVN3_ENCODE[small])
            elif ch in _TCVN3_CODE_CHARS:
                raise _unwritable(ch, Encoding.TCVN3, "TCVN3 uses that character for a Vietnamese letter")
            else:
                out.append(ch)
            continue
        if ch in _TCVN3_ENCODE:
            code = _TCVN3_ENCODE[ch]
            if out and (out[-1] + code) in _TCVN3_PAIR_DECODE:
                raise _unwritable(ch, Encoding.TCVN3, f"after {out[-1]!r} it would read as one capital letter")
            out.append(code)
        elif ch in _TCVN3_CAPITALS:
            out.append(_TCVN3_CAPITALS[ch])
        elif ch in _TCVN3_PAIR_ENCODE:
            out.append(_TCVN3_PAIR_ENCODE[ch])
        elif ch in _TCVN3_CODE_CHARS:
            raise _unwritable(ch, Encoding.TCVN3, "TCVN3 uses that character for a Vietnamese letter")
        else:
            out.append(ch)
    return "".join(out)


def _encode_vni(text: str) -> str:
    out: list[str] = []
    for ch in text:
        if ch in _VNI_ENCODE:
            out.append(_VNI_ENCODE[ch])
        elif ch in _VNI_CODE_CHARS:
            raise _unwritable(ch, Encoding.VNI, "VNI uses that character for a Vietnamese letter or diacritic")
        else:
            out.append(ch)
    return "".join(out)


def from_unicode(text: str, encoding: Encoding, *, uppercase_font: bool = False) -> str:
    """`text` written in `encoding`, as a legacy font would store it: the inverse of `to_unicode`.

    For TCVN3, `uppercase_font` writes for an uppercase font (".VnTimeH"): ASCII letters stay capitals, the
    other letters take their small-letter codes, and small letters are refused. In a lowercase TCVN3 font a
    toned capital is written as its capital base letter followed by the small toned letter ("Á" → "A¸").
    Raises ValueError for a character the encoding cannot represent: a Latin-1 character the encoding uses
    for something else (TCVN3 "©" is â), or a capital vowel followed by a small toned form of itself in
    TCVN3 ("Aà"), which would read back as one letter. `uppercase_font` is ignored for VNI and UNICODE.
    """
    text = nfc(text)
    if encoding is Encoding.TCVN3:
        return _encode_tcvn3(text, uppercase_font=uppercase_font)
    if encoding is Encoding.VNI:
        return _encode_vni(text)
    return text


# --- Font names --------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class FontEncoding:
    """What a cell's font says about its text: the encoding, and whether the font draws only capitals."""

    encoding: Encoding
    uppercase: bool = False


# TCVN3 fonts: ".VnTime", ".VnArial NarrowH", ...; a few ABC fonts lack the dot ("VNtimes new roman").
_TCVN3_FONT = re.compile(r"^\s*(\.vn|vn(times?|arial|helvetica)\b)", re.IGNORECASE)
_VNI_FONT = re.compile(r"^\s*vni[-_ ]", re.IGNORECASE)


def encoding_of_font(font_name: str | None) -> FontEncoding | None:
    """The legacy encoding a font name implies, or None when the name says nothing (a Unicode or unknown
    font, or no name: the text may still be legacy if the file lost its fonts, so detect it).

    TCVN3 fonts start with ".Vn" (".VnTime", ".VnArial") and their uppercase variants end with a capital
    "H" (".VnTimeH", ".VnArialH"); VNI fonts start with "VNI-" ("VNI-Times", "VNI-Helve").
    """
    if not font_name:
        return None
    name = font_name.strip()
    if _VNI_FONT.match(name):
        return FontEncoding(Encoding.VNI)
    if _TCVN3_FONT.match(name):
        return FontEncoding(Encoding.TCVN3, uppercase=name.endswith("H"))
    return None


# --- Detection ---------------------------------------------------------------------------------------------

# Characters only Unicode text has: Vietnamese letters outside Latin-1 and the combining diacritics (NFD).
_UNICODE_ONLY = frozenset(
    "ăĂđĐĩĨũŨơƠưƯ\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323"
    + "".join(chr(cp) for cp in range(0x1EA0, 0x1EFA))
)

# A token: a run of ASCII letters, Latin-1 characters from U+00A1 (TCVN3 codes include "©", "§" and the
# soft hyphen) and letters or marks beyond Latin-1. Spaces, digits and punctuation separate tokens.
_TOKEN = re.compile(r"[A-Za-z\u00a1-\u00ff\u0100-\u024f\u0300-\u036f\u1e00-\u1eff]+")

_CAPITAL_INSIDE = re.compile(r"[a-z\u00df-\u00ff][A-Z\u00c0-\u00de]")
_TONE_MARKS = frozenset("\u0300\u0301\u0309\u0303\u0323")  # huyền, sắc, hỏi, ngã, nặng
_SYLLABLE_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzăâđêôơư")
_VOWELS = frozenset("aăâeêioôơuưy")
_INITIALS = ("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
             "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x")
_FINALS = ("", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t")  # "k" for Central Highlands names: Đắk Lắk
# Only these vowel groups take the finals "nh" and "ch" (anh, ênh, inh, ynh, oanh, uênh, uynh; ach, ...).
_BEFORE_NH_CH = frozenset(("a", "ê", "i", "y", "oa", "uê", "uy"))
_OPEN, _CLOSED, _EITHER = "open", "closed", "either"
_RHYME_VOWELS: dict[str, str] = {
    **dict.fromkeys(("a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy"), _EITHER),
    **dict.fromkeys(("ă", "â", "oă", "uâ", "iê", "yê", "uô", "ươ", "uyê"), _CLOSED),
    **dict.fromkeys(("ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui",
                     "ưa", "ưi", "ưu", "uơ", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "iêu",
                     "yêu", "uya", "uyu"), _OPEN),
}


def _tone_positions(vowels: str, closed: bool) -> frozenset[int]:
    """Where a tone may sit in a vowel group, old style ("hoà", "uỷ") or new ("hòa", "ủy")."""
    marked = [i for i, v in enumerate(vowels) if v in "ăâêôơư"]
    if marked:
        return frozenset({marked[-1]})
    if closed:
        return frozenset({len(vowels) - 1})
    if len(vowels) == 3:
        return frozenset({1})
    if vowels in ("oa", "oe", "uy"):
        return frozenset({0, 1})
    return frozenset({0})


@lru_cache(maxsize=8192)
def _word_kind(word: str) -> int:
    """+1 if `word` is a well-formed Vietnamese syllable, 0 if it has no vowel (an abbreviation such as
    "Đ"), -1 otherwise (including any character that is not a Vietnamese or ASCII letter)."""
    letters: list[str] = []
    tone_at: int | None = None
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch in _TONE_MARKS:
            if tone_at is not None or not letters:
                return -1
            tone_at = len(letters) - 1
        elif unicodedata.combining(ch):
            if not letters:
                return -1
            letters[-1] += ch
        else:
            letters.append(ch)
    bare_letters = [unicodedata.normalize("NFC", letter) for letter in letters]
    if any(letter not in _SYLLABLE_LETTERS for letter in bare_letters):
        return -1
    bare = "".join(bare_letters)
    if not any(letter in _VOWELS for letter in bare):
        return 0 if tone_at is None else -1
    for initial in _INITIALS:
        if not bare.startswith(initial):
            continue
        rest = bare[len(initial):]
        for final in _FINALS:
            if final and not rest.endswith(final):
                continue
            vowels = rest[:len(rest) - len(final)]
            kind = _RHYME_VOWELS.get(vowels)
            if kind is None or (kind == _OPEN and final) or (kind == _CLOSED and not final):
                continue
            if (initial == "qu" and vowels.startswith("u")) or (final in ("nh", "ch") and vowels not in _BEFORE_NH_CH):
                continue
            if vowels[0] in "eêiy":
                if initial in ("c", "ng") or (initial == "g" and vowels[0] != "i"):
                    continue
            elif initial in ("k", "gh", "ngh"):
                continue
            if tone_at is None or tone_at - len(initial) in _tone_positions(vowels, bool(final)):
                return 1
    return -1


def _has_unicode_vietnamese(text: str) -> bool:
    return any(ch in _UNICODE_ONLY for ch in text)


def _score(tokens: list[str], encoding: Encoding) -> tuple[int, int, int]:
    """(well-formed syllables, ill-formed words, tone marks) among `tokens` read in `encoding`."""
    good = bad = tones = 0
    for token in tokens:
        if encoding is Encoding.TCVN3:
            word, strays = _read_tcvn3(token)
        elif encoding is Encoding.VNI:
            word, strays = _read_vni(token)
        else:
            # A capital after a small letter ("TuÊn", "ViÖt") is not how Unicode words are written; it is how
            # TCVN3 words look, since many TCVN3 codes are Latin-1 capitals.
            word, strays = token, int(_CAPITAL_INSIDE.search(token) is not None)
        kind = -1 if strays else _word_kind(nfc(word))
        good += kind > 0
        bad += kind < 0
        tones += sum(ch in _TONE_MARKS for ch in unicodedata.normalize("NFD", word))
    return good, bad, tones


def _legacy_tokens(text: str) -> list[str]:
    """The words of `text` that hold a non-ASCII character: the only ones that tell encodings apart."""
    return [token for token in _TOKEN.findall(text) if not token.isascii()]


def _best_encoding(text: str) -> tuple[Encoding, dict[Encoding, int]]:
    """The best reading of `text` and each reading's score (well-formed minus ill-formed words)."""
    tokens = _legacy_tokens(text)
    scores: dict[Encoding, int] = {}
    ranks: dict[Encoding, tuple[int, int, int]] = {}
    for encoding in Encoding:
        good, bad, tones = _score(tokens, encoding)
        scores[encoding] = good - bad
        # Higher ranks better: the score, then more syllables, then fewer tones (a misread legacy code
        # usually adds a tone: VNI "ñi" "đi" reads as TCVN3 "ủi").
        ranks[encoding] = (good - bad, good, -tones)
    best = Encoding.UNICODE
    for encoding in (Encoding.TCVN3, Encoding.VNI):
        if ranks[encoding][1] and ranks[encoding][:2] > ranks[Encoding.UNICODE][:2] and ranks[encoding] > ranks[best]:
            best = encoding
    return best, scores


def detect(text: str) -> Encoding:
    """The encoding `text` is most likely in, judged from the text alone (when the cell's font is unknown).

    Heuristic: text with a Vietnamese letter or combining mark outside Latin-1 (ă đ ơ ư ạ ế ...) is Unicode,
    and so is ASCII. Otherwise every word holding a non-ASCII character is read three ways — as it is, as
    TCVN3 and as VNI — and each reading scores one point per well-formed Vietnamese syllable (a known initial
    consonant, vowel group and final consonant, spelling rules such as "ngh" only before e ê i, and one tone
    mark where a tone may sit, old or new style) and loses one per malformed word (a stray Latin-1 character,
    or in the text as it is a capital after a small letter, as in TCVN3 "ViÖt"). A legacy reading wins only
    with a strictly better score than the text as it is; ties go to Unicode, then between TCVN3 and VNI to
    the reading with more syllables, then fewer tones, then TCVN3.

    Limits: many legacy codes are themselves Latin-1 Vietnamese letters, so a one- or two-word cell can be
    valid in two readings — Unicode "Lê" is also TCVN3 for "Lờ", VNI "Thò" (Thị) is also the Unicode word
    "thò", TCVN3 "sö" (sử) is also VNI "sư" — and is then taken as Unicode, or as the reading with fewer
    tones. Sentences, full names and addresses are decided reliably. A foreign word that happens to read as
    a Vietnamese syllable in a legacy encoding could be misread; loanwords and names that are not Vietnamese
    syllables count against every reading alike. Prefer the cell's font when there is one (`convert_cell`).
    """
    if text.isascii() or _has_unicode_vietnamese(text):
        return Encoding.UNICODE
    return _best_encoding(text)[0]


def _looks_uppercase_font(text: str) -> bool:
    """TCVN3 text with no font that was surely shown in an uppercase font: its ASCII letters are all
    capitals (at least two), it uses small-letter codes for other letters, and no two-character capitals."""
    ascii_letters = [ch for ch in text if ch.isascii() and ch.isalpha()]
    if len(ascii_letters) < 2 or any(ch.islower() for ch in ascii_letters):
        return False
    if any(text[i:i + 2] in _TCVN3_PAIR_DECODE for i in range(len(text) - 1)):
        return False
    return any(ch in _TCVN3_SMALL_CODES for ch in text)


def convert_cell(text: str, font_name: str | None = None) -> tuple[str, Encoding]:
    """A spreadsheet cell's text as NFC Unicode, and the encoding it was read in (for "converted from
    TCVN3" warnings).

    A legacy font (`encoding_of_font`) decides, unless the text is plainly Unicode anyway: a Unicode-only
    character, or a better `detect` score as Unicode than in the font's encoding (text typed in Unicode in a
    cell that kept its old font). Without a legacy font, `detect` decides; TCVN3 text whose ASCII letters
    are all capitals is read as shown in an uppercase font ("CéNG HOµ" → "CỘNG HOÀ").
    """
    if not text:
        return "", Encoding.UNICODE
    font = encoding_of_font(font_name)
    if font is not None and font.encoding is not Encoding.UNICODE:
        if font.uppercase and text.isascii():
            return text.upper(), Encoding.TCVN3
        if text.isascii() or _has_unicode_vietnamese(text):
            return nfc(text), Encoding.UNICODE
        scores = _best_encoding(text)[1]
        if scores[Encoding.UNICODE] > scores[font.encoding]:
            return nfc(text), Encoding.UNICODE
        return to_unicode(text, font.encoding, uppercase_font=font.uppercase), font.encoding
    encoding = detect(text)
    uppercase = encoding is Encoding.TCVN3 and _looks_uppercase_font(text)
    return to_unicode(text, encoding, uppercase_font=uppercase), encoding


# --- Windows-1258 ------------------------------------------------------------------------------------------

def decode_cp1258(data: bytes, errors: str = "strict") -> str:
    """Windows-1258 bytes as NFC text: the codec leaves tones as separate combining marks ("e" + U+0301),
    which are composed here. `errors` is passed to the codec."""
    return nfc(data.decode("cp1258", errors))


def sniff_csv_encoding(data: bytes) -> str:
    """The codec to read a CSV file with: "utf-8-sig" (UTF-8 with a byte-order mark), "utf-8" or "cp1258".

    UTF-8 is taken when the bytes decode as UTF-8 and either hold Vietnamese (or are ASCII) or read no better
    as Windows-1258; Windows-1258 when UTF-8 fails to decode, or decodes without Vietnamese while
    Windows-1258 gives Vietnamese words. Raises ValueError when the bytes are neither.
    """
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        as_utf8: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = None
    try:
        as_cp1258: str | None = decode_cp1258(data)
    except UnicodeDecodeError:
        as_cp1258 = None
    if as_utf8 is not None:
        if as_utf8.isascii() or _has_unicode_vietnamese(as_utf8) or as_cp1258 is None:
            return "utf-8"
        utf8_good, utf8_bad, _ = _score(_legacy_tokens(nfc(as_utf8)), Encoding.UNICODE)
        cp_good, cp_bad, _ = _score(_legacy_tokens(as_cp1258), Encoding.UNICODE)
        if cp_good and cp_good - cp_bad > utf8_good - utf8_bad:
            return "cp1258"
        return "utf-8"
    if as_cp1258 is not None:
        return "cp1258"
    raise ValueError("the file is neither UTF-8 nor Windows-1258 (Vietnamese Windows) text")

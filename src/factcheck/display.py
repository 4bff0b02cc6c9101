"""Text from articles, file names and model answers made safe to show on a terminal.

``visible`` replaces what a terminal would act on instead of showing (control characters, so
every escape sequence; direction overrides and isolates, which reorder what follows; line and
paragraph separators; invisible spaces) with a visible stand-in: C0 controls as their control
pictures (ESC as ``␛``, so ``\\x1b[2J`` shows as ``␛[2J``), the rest as ``‹U+202E›``. Joiners,
soft hyphens and variation selectors stay: text in many scripts and emoji need them. In a word
that mixes Latin with look-alike letters of another script, those letters are shown by code
point too, so a spoofed name cannot pass for the real one. The report renderers and the names
of input files in messages use it.
"""

from __future__ import annotations

import re

from .comparable import rewrite_mixed_script_words, script_of

BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
INVISIBLE = "\u200b\u2060\u180e\ufeff\u2028\u2029\u0085"
_SHOWN = re.compile(rf"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI}{INVISIBLE}]")
_LINE_BREAKS = re.compile(r"\r\n|\r|\n")


def _stand_in(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟, ␛ for ESC
    if code == 0x7F:
        return "␡"
    return f"‹U+{code:04X}›"


def visible(text: str, *, one_line: bool = False) -> str:
    """``text`` with every character a terminal would act on shown instead; with
    ``one_line``, line breaks become spaces (a name, a title, a table cell)."""
    text = _LINE_BREAKS.sub(" " if one_line else "\n", text)
    text = text.replace("\t", " ") if one_line else text
    return _SHOWN.sub(_stand_in, _lookalikes_shown(text))


def _lookalikes_shown(text: str) -> str:
    """In a word that mixes Latin with another script (a spoofed name), the foreign letters
    shown by code point: 'M‹U+0430›ria'."""
    return rewrite_mixed_script_words(text, _foreign_letters_shown)


def _foreign_letters_shown(word: str) -> str:
    return "".join(c if script_of(c) in ("LATIN", None) else f"‹U+{ord(c):04X}›" for c in word)

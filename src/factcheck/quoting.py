"""Quoting: never put words inside quotation marks that the cited source does not quote.

``quoted(text)`` finds the passages inside quotation marks: curly (“…”), straight ("…"),
single (‘…’, told from apostrophes), low (‚…‘, „…“) and guillemets («…»); a quotation left
open runs to the end of its paragraph, as multi-paragraph quotes do. In a sentence, a closing
mark with no opening one quotes from the sentence's start (the sentence ends a quote begun
earlier), and an opening mark never closed quotes to its end.

``unquoted(sentence, source)`` lists the sentence's quoted passages that the source does not
have inside quotation marks (compared without case, spacing, quote styles and edge
punctuation; a passage cut with an ellipsis must have each piece in one quotation of the
source). ``quotes_hold`` is true when that list is empty.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CLOSERS = {"“": '”“"', "„": "“”", "‚": "‘’", "«": "»", "‘": "’", '"': '"'}
_ELLIPSIS = re.compile(r"\s*(?:\.\s?\.\s?\.|…|\[\s*(?:\.\.\.|…)\s*\])\s*")
_EDGES = " \t\n.,;:!?-–—'\"“”‘’„‚«»()[]"


def quotes_hold(sentence: str, source: str) -> bool:
    """Whether every passage quoted in ``sentence`` is quoted in ``source``."""
    return not unquoted(sentence, source)


def unquoted(sentence: str, source: str) -> list[str]:
    """The passages quoted in ``sentence`` that ``source`` does not quote."""
    quoted_there = _quoted_normal(source)
    missing = []
    for passage in quoted(sentence, open_start=True):
        pieces = [p for p in (_normal(x) for x in _ELLIPSIS.split(passage)) if p]
        if pieces and not any(all(p in q for p in pieces) for q in quoted_there):
            missing.append(passage)
    return missing


@lru_cache(maxsize=256)
def _quoted_normal(source: str) -> tuple[str, ...]:
    return tuple(_normal(q) for q in quoted(source))


def quoted(text: str, open_start: bool = False) -> list[str]:
    """Passages inside quotation marks; with ``open_start``, a closing mark with no opening
    one quotes from the start of ``text``."""
    passages = []
    for paragraph in text.split("\n"):
        passages += _paragraph(paragraph, open_start)
    return [p for p in passages if _normal(p)]


def _paragraph(text: str, open_start: bool) -> list[str]:
    passages, opener, start = [], None, 0
    for i, ch in enumerate(text):
        if opener is None:
            if _closes(text, i, '”“"»') and open_start and not passages and _no_open(text, i):
                passages.append(text[:i])
            elif ch in _CLOSERS and _opens(text, i):
                opener, start = ch, i + 1
        elif ch in _CLOSERS[opener] and _closes(text, i, _CLOSERS[opener]):
            passages.append(text[start:i])
            opener = None
    if opener is not None:
        passages.append(text[start:])
    return passages


def _opens(text: str, i: int) -> bool:
    """An opening mark: at the start or after a space or bracket, before a non-space (so an
    apostrophe in "’90s" or "rock ’n’ roll" is taken for one only rarely)."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


def _closes(text: str, i: int, marks: str) -> bool:
    """A closing mark: not followed by a letter (so "don’t" and "Ruiz’s" are apostrophes)."""
    if text[i] not in marks:
        return False
    after = text[i + 1] if i + 1 < len(text) else " "
    before = text[i - 1] if i else " "
    return not after.isalnum() and not before.isspace()


def _no_open(text: str, i: int) -> bool:
    return not any(ch in _CLOSERS and _opens(text, j) for j, ch in enumerate(text[:i]))


def _normal(text: str) -> str:
    text = text.casefold().replace("’", "'").replace("‘", "'").replace("–", "-")
    return " ".join(text.replace("—", "-").split()).strip(_EDGES)

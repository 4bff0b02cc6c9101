"""Segment: split an article's text into sentences with character offsets.

Rules, in order: a blank line always ends a sentence; a single newline ends one after terminal
punctuation or after a heading-like line (short, capitalised, unpunctuated), and is otherwise a
hard wrap; inside a line, ``.``, ``!`` or ``?`` (with closing quotes or brackets) ends a sentence
when an uppercase letter, a digit or an opening quote follows and the word before is not an
abbreviation ("Mr.", "U.S.", "Jan.", initials).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right

from .models import Article, Sentence

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen sen rep gov lt col sgt capt cmdr adm maj st jr sr mt ft rev hon inc
    ltd co corp bros plc llc vs etc al approx dept est fig no nos vol pp jan feb mar apr jun jul
    aug sep sept oct nov dec""".split()
)
SENTENCE_STARTERS = frozenset(
    """the a an he she it they we i this that these those but and however in on at after before
    when while his her their its there some many officials""".split()
)
_CLOSERS = "\"'”’)]»“"
_OPENERS = "\"'“‘([«„"
_END = re.compile(rf"[.!?…]+[{re.escape(_CLOSERS)}]*(?=\s)")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_NEXT_WORD = re.compile(rf"[{re.escape(_OPENERS)}]*([\w’']+)")
_TERMINAL = re.compile(rf"[.!?…:][{re.escape(_CLOSERS)}]*\s*$")
_STRIP_LEAD = " \t\r\n\f.,;:"
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def segment(article: Article) -> list[Sentence]:
    """Sentences of ``article.text`` in order, furniture and headings flagged."""
    text = article.text
    furniture = sorted((s.start, s.end) for s in article.furniture)
    sentences = []
    for start, end in _sentence_spans(text, {start for start, _ in furniture}):
        heading = _looks_like_heading(text[start:end])
        is_furniture = _inside(furniture, start, end)
        sentences.append(
            Sentence(
                start=start, end=end, text=text[start:end], heading=heading, furniture=is_furniture
            )
        )
    return sentences


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside one of the sorted, disjoint ``spans``."""
    index = bisect_right(spans, (start, math.inf)) - 1
    return index >= 0 and spans[index][0] <= start and end <= spans[index][1]


def _sentence_spans(text: str, breaks: set[int]) -> list[tuple[int, int]]:
    spans = []
    for block_start, block_end in _blocks(text, breaks):
        cut = block_start
        for match in _END.finditer(text, block_start, block_end):
            if _is_boundary(text, match, block_end):
                spans.append((cut, match.end()))
                cut = match.end()
        spans.append((cut, block_end))
    return [span for span in (_trim(text, s, e) for s, e in spans) if span]


def _blocks(text: str, breaks: set[int]) -> list[tuple[int, int]]:
    """Runs of text that no sentence crosses: paragraphs, lines that end a sentence, and
    lines that start at one of ``breaks`` (page furniture)."""
    blocks = []
    start = None
    lines = list(re.finditer(r"[^\n]*(?:\n|$)", text))
    for index, match in enumerate(lines):
        line = match.group().rstrip("\r\n")
        if not line.strip():
            if start is not None:
                blocks.append((start, match.start()))
                start = None
            continue
        if start is None:
            start = match.start()
        following = lines[index + 1] if index + 1 < len(lines) else None
        next_line = following.group().strip() if following else ""
        at_break = _starts_at(line, match.start(), breaks) or (
            following is not None and _starts_at(following.group(), following.start(), breaks)
        )
        if at_break or _line_ends_block(line, next_line):
            blocks.append((start, match.start() + len(line)))
            start = None
    if start is not None:
        blocks.append((start, len(text)))
    return blocks


def _starts_at(line: str, offset: int, breaks: set[int]) -> bool:
    return offset + len(line) - len(line.lstrip()) in breaks


def _line_ends_block(line: str, next_line: str) -> bool:
    if not next_line or _TERMINAL.search(line) or _looks_like_heading(line):
        return True
    return next_line[0] in "#*-•>" or line.rstrip().endswith(("”", '"'))


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    if not words or len(words) > 20 or _TERMINAL.search(line):
        return False
    if len(words) <= 3:
        return True
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised / len(words) >= 0.6


def _is_boundary(text: str, match: re.Match, limit: int) -> bool:
    """Whether the punctuation ``match`` ends a sentence. Looks only at the word before and the
    text right after it, so segmenting is linear in the length of the text."""
    after = _NEXT_CHAR.match(text, match.end(), limit)
    if after is None:
        return False
    first = after.group(1)
    if not (first.isupper() or first.isdigit() or first in _OPENERS):
        return False
    if "." not in match.group() or match.group().startswith(("..", "…")):
        return True
    token = _word_before(text, match.start())
    if not token:
        return True
    if token.lower().rstrip(".") in ABBREVIATIONS:
        return False
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", token + ".") or len(token) == 1:
        next_word = _NEXT_WORD.match(text, after.start(1), limit)
        return bool(next_word) and next_word.group(1).lower() in SENTENCE_STARTERS
    return True


def _word_before(text: str, end: int) -> str:
    """The run of ASCII letters and dots that ends at ``end`` and starts with a letter
    ("U.S", "Mr", "J")."""
    start = end
    while start > 0 and text[start - 1] in _WORD_CHARS:
        start -= 1
    while start < end and text[start] == ".":
        start += 1
    return text[start:end]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (text[start] in _STRIP_LEAD or text[start].isspace()):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None

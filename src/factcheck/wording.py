"""Wording: how likely a sentence's wording carries the marks of spinning or machine translation.

``assess(sentence, article=None)`` finds marks, each with the stretch of text, a weight and a
reason an editor can read, and combines them into a score in [0, 1] (``1 - prod(1 - weight)``):

- ``stray_capital``: a capitalised function word mid-sentence that is not part of a name
  ("the minister Also said"); with the article, a capitalised common word that the article
  otherwise writes in lower case;
- ``punctuation``: doubled or misplaced punctuation (",,", ". .", ",.", ",”,", a full stop
  followed by a lower-case word, an opening quotation mark used as a closing one);
- ``missing_word``: a fixed phrase with its preposition missing ("according the report"), a
  reporting verb or preposition straight before a bare event noun ("said joint briefing"), a
  quantity word without its "of" ("most the votes");
- ``collocation``: an odd phrase where news English has a fixed one (``data/collocations.txt``),
  or two forms of one word side by side ("concerned concerning");
- ``numeral``: numerals written oddly ("the 3 ministers", "11.000 homes", "4,50").

A score at or above ``ARTIFACT`` counts as carrying an artifact. Offline, no dependencies.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

ARTIFACT = 0.4

FUNCTION_WORDS = frozenset(
    """a about above across after against along also although among an and another any are as
    at be because been before behind being below beneath beside besides between beyond both but
    by can could did do does during each either even every few for from had has have having he
    her here hers him his how however if in including into is it its itself just least less
    many might more most much must neither nor not of off on once only onto or other our ours
    out over per several shall she should since so some such than that the their theirs them
    then there these they this those though through throughout thus to too toward towards under
    unless until upon us very via was we were what whatever when whenever where whereas which
    while who whom whose why with within without would yet you your said says told added
    according reportedly allegedly also still already almost nearly""".split()
)
_DETERMINERS = r"(?:the|a|an|his|her|its|their|this|that|these|those|our|my|your)"
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*\d|\d|[^\sA-Za-z\d]")
_TITLE = re.compile(r"[A-Z][a-z'’-]+")
_WORDLIKE = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|,")
_CALENDAR = frozenset(
    """may march june august sunday monday tuesday wednesday thursday friday saturday jan feb
    mar apr jun jul aug sep sept oct nov dec""".split()
)
_ADJECTIVE_OR_ADVERB = re.compile(r"..(?:ly|ness|ful|less|able|ible)$")
_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million"


@dataclass(frozen=True)
class Mark:
    """One sign of spun or machine-translated wording."""

    signal: str  # stray_capital, punctuation, missing_word, collocation, numeral, swap
    text: str  # the stretch of the sentence that shows it
    weight: float
    reason: str


@dataclass(frozen=True)
class Wording:
    score: float
    marks: tuple[Mark, ...]

    @property
    def artifact(self) -> bool:
        return self.score >= ARTIFACT


def assess(sentence: str, article: str | None = None) -> Wording:
    """Score ``sentence``; ``article``, the text it comes from, lets capitals be judged by how
    the rest of the article writes the same word."""
    marks = _punctuation(sentence) + _missing(sentence) + _collocations(sentence)
    marks += _echoes(sentence)
    marks += _numerals(sentence) + _stray_capitals(sentence, article)
    return combine(marks)


def combine(marks: list[Mark] | tuple[Mark, ...]) -> Wording:
    """One score from several marks: the chance that at least one of them is real."""
    clean = 1.0
    for mark in marks:
        clean *= 1.0 - mark.weight
    return Wording(round(1.0 - clean, 4), tuple(marks))


def _found(pattern: re.Pattern, sentence: str, signal: str, weight: float, reason: str):
    return [Mark(signal, m.group().strip(), weight, reason) for m in pattern.finditer(sentence)]


_ABBREVIATION = re.compile(r"(?:etc|approx|incl|vs|esp|dept|govt|corp|misc|nos?|ca)\.", re.I)
_PUNCTUATION = [
    (re.compile(r",\s*,|;\s*;|,;|;,"), 0.55, "doubled punctuation"),
    (re.compile(r"[,;:]\s*\.(?!\.)"), 0.55, "a comma or colon before a full stop"),
    (re.compile(r"(?<![.\s])\s*\.\s+[,;.](?![.\s]*\.)"), 0.55, "a full stop followed by more"),
    (re.compile(r"[,.][”\"’»][,.]"), 0.5, "punctuation doubled around a closing quote"),
    (re.compile(r"[A-Za-z]“(?=[\s,.;:!?]|$)"), 0.4, "an opening quotation mark used to close"),
    (re.compile(r"(?<=\w)\s+[,;](?=\s)"), 0.3, "a space before a comma"),
]
_STOP_LOWER = re.compile(r"(?<![\w.’'-])([a-z]{3,})\.\s+[a-z]{2,}")
_DOUBLED_WORD = re.compile(r"\b([a-z]{2,})\s+\1\b")
_LEGIT_DOUBLES = frozenset(["had", "that", "is", "do", "bye", "no", "very", "so", "far"])


_INFLECTIONS = frozenset(["", *"s es d ed ing ingly ly er ers ion ions ment ments al ally".split()])
_PAIR = re.compile(r"\b([a-z]{4,})\s+(?=([a-z]{4,})\b)")  # overlapping pairs of words


def _echoes(sentence: str) -> list[Mark]:
    """Two forms of one word side by side ("concerned concerning"): a spinner's synonym for a
    small word ("about") that happens to echo the word before it."""
    marks = []
    for match in _PAIR.finditer(sentence):
        a, b = match.group(1), match.group(2)
        shared = len(os.path.commonprefix([a, b]))
        if a != b and shared >= 5 and {a[shared:], b[shared:]} <= _INFLECTIONS:
            marks.append(
                Mark("collocation", f"{a} {b}", 0.45, "a word next to another form of itself")
            )
    return marks


def _punctuation(sentence: str) -> list[Mark]:
    marks = []
    for pattern, weight, reason in _PUNCTUATION:
        marks += _found(pattern, sentence, "punctuation", weight, reason)
    for match in _STOP_LOWER.finditer(sentence):
        if not _ABBREVIATION.fullmatch(match.group(1) + "."):
            marks.append(Mark("punctuation", match.group(), 0.45, "a full stop inside a sentence"))
    for match in _DOUBLED_WORD.finditer(sentence):
        if match.group(1).lower() not in _LEGIT_DOUBLES:
            marks.append(Mark("punctuation", match.group(), 0.4, "a word written twice"))
    return marks


_EVENT_NOUNS = (
    r"(?:news conference|press conference|conference|interview|statement|briefing|speech|"
    r"summit|ceremony|hearing|press release)"
)
_MODIFIERS = rf"(?:(?!{_DETERMINERS}\b|one\b|each\b|every\b|another\b|any\b)[a-z]+\s+){{0,2}}"
_MISSING = [
    (r"\baccording\s+(?!to\b|as\b)(?=[A-Za-z\d“\"])\S+", 0.5, "'according' without 'to'"),
    (rf"\b(?:due|prior|owing|thanks)\s+{_DETERMINERS}\b", 0.45, "a fixed phrase missing 'to'"),
    (r"\b(?:on behalf|in spite|in front)\s+(?!of\b)[a-z]+", 0.4, None),
    (rf"\bin response\s+{_DETERMINERS}\b", 0.4, "'in response' without 'to'"),
    (rf"\bahead\s+{_DETERMINERS}\s+[a-z]+", 0.35, "'ahead' without 'of'"),
    (
        r"\b(?:want|wants|wanted|going|trying|tried|able|unable|planned|hoped|"
        r"decided|agreed|refused|failed|expected|seeks?|sought|attempted|allowed|"
        r"forced|purport|ought|used)\s+(?:be|have|do|make|get|go|take|see|give|keep|find|say|"
        r"use|pay|stop|leave|become|bring|build|buy|send|show|start|win|meet|sell|reach|remain|"
        r"provide|create|join|visit|return|spend|hold|raise|announce)\b",
        0.45,
        "a verb missing 'to' before the next verb",
    ),
    (
        r"(?<!\bthe )(?<!\bthat )(?<!\bthis )(?<!\bevery )\b(?i:one|some|many|most|none|several"
        r"|part|lot|couple|plenty|rest|majority)\s+(?:the|his|her|their|its|these|those)\b",
        0.4,
        "a quantity word without 'of'",
    ),
    (
        rf"\b(?:said|told|added|announced|stated|confirmed)\s+{_MODIFIERS}{_EVENT_NOUNS}\b",
        0.45,
        "a reporting verb straight before a bare event noun",
    ),
    (
        rf"\b(?:at|in|during|from|on|via)\s+{_MODIFIERS}{_EVENT_NOUNS}\b",
        0.4,
        "an event noun without an article",
    ),
]
_MISSING = [
    (re.compile(p), w, r or "a fixed phrase missing 'of'") for p, w, r in _MISSING
]  # fmt: skip


def _missing(sentence: str) -> list[Mark]:
    marks = []
    for pattern, weight, reason in _MISSING:
        marks += _found(pattern, sentence, "missing_word", weight, reason)
    return marks


@cache
def _lexicon() -> tuple[re.Pattern, dict[str, str]]:
    raw = resources.files("factcheck").joinpath("data/collocations.txt").read_text("utf-8")
    usual, patterns = {}, []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if "=>" not in line:
            continue
        odd, normal = (part.strip().lower() for part in line.split("=>", 1))
        usual[odd] = normal
        pieces = [re.escape(w) if w != "<num>" else _NUM for w in odd.split()]
        patterns.append(r"\s+".join(pieces))
    patterns.sort(key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(patterns)})\b", re.I), usual


_NUM = rf"(?:\d[\d,.]*|(?:{_NUMBER_WORDS}))"
_NUM_RE = re.compile(rf"^{_NUM}$", re.I)


def _collocations(sentence: str) -> list[Mark]:
    pattern, usual = _lexicon()
    marks = []
    for match in pattern.finditer(sentence):
        found = match.group()
        key = " ".join("<num>" if _NUM_RE.match(w) else w.lower() for w in found.split())
        normal = usual.get(key, "a common phrase")
        weight = 0.45 if "<num>" in key else 0.5
        marks.append(Mark("collocation", found, weight, f"usually '{normal}'"))
    return marks


_UNITS = (
    r"(?:percent|per|points?|goals?|runs?|seconds?|minutes?|hours?|days?|weeks?|months?|"
    r"years?|miles?|km|kg|pounds|dollars|euros|degrees|games|sets|stars|votes|seats|wickets|"
    r"met(?:er|re)s|feet|inches|inch|times|[a-z]+-old|am|pm|a\.m|p\.m|th|st|nd|rd)"
)
_NUMERALS = [
    (
        rf"\b(?i:the|these|those|its|their|his|her|our|all|both|other)\s+[2-9]\s+(?!{_UNITS}\b)"
        r"[a-z]+s\b",
        0.4,
        "a small number written as a digit",
    ),
    (rf"\b\d{{1,3}}(?:\.\d{{3}})+\s+(?!{_UNITS}\b)[a-z]+", 0.4, "a full stop as thousands mark"),
    (r"(?<![\d.,])\d{1,3},\d{1,2}(?![\d.,])|\b\d{1,3},\d{4,}\b", 0.35, "a misplaced comma"),
    (r"\b\d+\s+(?:thousand|hundred)\b", 0.25, "digits with a number word"),
]
_NUMERALS = [(re.compile(p), w, r) for p, w, r in _NUMERALS]


def _numerals(sentence: str) -> list[Mark]:
    marks = []
    for pattern, weight, reason in _NUMERALS:
        marks += _found(pattern, sentence, "numeral", weight, reason)
    return marks


def _stray_capitals(sentence: str, article: str | None) -> list[Mark]:
    tokens = _TOKEN.findall(sentence)
    here = _case_counts(sentence)
    there = _case_counts(article) if article else None
    marks = []
    for i in range(1, len(tokens)):
        word, prev = tokens[i], tokens[i - 1]
        if not _TITLE.fullmatch(word) or not _WORDLIKE.fullmatch(prev):
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        before = tokens[i - 2] if i > 1 else "."
        if following[:1].isupper() or _in_name(word.lower(), prev, following, before):
            continue
        reason = _why_stray(word.lower(), here, there)
        if reason:
            marks.append(Mark("stray_capital", f"{prev} {word}", reason[1], reason[0]))
    return marks


def _in_name(lower: str, prev: str, following: str, before: str) -> bool:
    """Whether a capitalised word reads as part of a name: after a capitalised word (unless
    it is a function word that runs on into lower case, "Smith According to"), or after a
    function word inside a name ("Library of Medicine")."""
    if prev[:1].isupper() and prev.lower() not in FUNCTION_WORDS:
        return lower not in FUNCTION_WORDS or following.lower() not in FUNCTION_WORDS
    return prev in FUNCTION_WORDS and before[:1].isupper() and lower not in FUNCTION_WORDS


def _why_stray(lower: str, here, there) -> tuple[str, float] | None:
    if lower in _CALENDAR:
        return None
    if lower in FUNCTION_WORDS:
        return f"'{lower}' capitalised mid-sentence", 0.55
    if _ADJECTIVE_OR_ADVERB.search(lower):
        return f"'{lower}' capitalised mid-sentence, and it reads as no name", 0.3
    if there is None:
        return None
    lower_elsewhere = there[0][lower] - here[0][lower]
    title_elsewhere = there[1][lower] - here[1][lower]
    if lower_elsewhere > 0 and title_elsewhere <= 0:
        return f"'{lower}' capitalised here, lower case elsewhere in the article", 0.3
    return None


@lru_cache(maxsize=256)
def _case_counts(text: str) -> tuple[Counter, Counter]:
    """How often each word appears in lower case, and capitalised mid-sentence."""
    lower, title = Counter(), Counter()
    tokens = _TOKEN.findall(text)
    for prev, word in zip(["."] + tokens, tokens, strict=False):
        if word.islower():
            lower[word] += 1
        elif _TITLE.fullmatch(word) and _WORDLIKE.fullmatch(prev):
            title[word.lower()] += 1
    return lower, title

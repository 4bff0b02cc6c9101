"""Reading: one sentence taken apart for comparison with another.

A reading lists the sentence's tokens with their concept (``lexicon.concept``: base form, stem,
synonym group) and position, its content terms, the words it writes with a capital inside the
sentence (candidate names), its figures and years, its time expressions, and the terms that a
negation ("not", "no", "never", "n't") or a hedge ("may", "reportedly", "plans") governs: the
first content word after it, an adverb in -ly skipped ("did not immediately respond"). Tokenised
text is repaired first ("30, 000" → "30,000"). ``compare.py`` compares readings; nothing here
decides what a difference is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .lexical import STOPWORDS
from .lexicon import HEDGES, NEGATORS, PRONOUNS, concept, join_phrases
from .models import Quantity, TimeExpr
from .quantities import WORD_NUMBERS, parse_quantities
from .times import parse_times

STOP = (
    STOPWORDS
    | HEDGES
    | NEGATORS
    | PRONOUNS
    | frozenset(
        """mr mrs ms dr st like just well whose whether yet got get gets make makes made
    including include includes included become became including say saying""".split()
    )
)
FIGURE_WORDS = frozenset(
    """hundred hundreds thousand thousands million millions billion billions trillion m bn mn k
    percent per cent pound pounds dollar dollars euro euros sterling pence cents least""".split()
)
CLAUSE_WORDS = frozenset(
    "and but while whereas after before when as because although though which who where".split()
)
SCOPE = 4  # a negation or hedge governs content words up to this many tokens after it
NOT_ONLY = frozenset("just only merely simply solely exclusively".split())  # "not only": more
_TOKEN = re.compile(
    r"(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:st|nd|rd|th|s)?)|"
    r"(?P<word>U\.[SK]\.|[^\W\d_](?:[\w’']*[^\W_])?)|(?P<punct>[.,;:!?\"“”()])"
)
_NEGATED_CONTRACTION = re.compile(r"(?i)(?<=\w)n[’']t$")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_REPAIRS = (  # tokenised text: "30, 000" → "30,000", "1. 5 million" → "1.5 million"
    (re.compile(r"(?<![\d,.])(\d{1,3}), (?=\d{3}\b)"), r"\1,"),
    (re.compile(r"(?<![\d,.])(\d{1,3})\. (?=\d{1,2}\b)"), r"\1."),
    (re.compile(r"([$£€]) (?=\d)"), r"\1"),
)


def normalise(text: str) -> str:
    """Undo the spacing that tokenised text puts inside figures."""
    for pattern, replacement in _REPAIRS:
        text = pattern.sub(replacement, text)
    return text


@dataclass
class Token:
    text: str  # as written
    low: str  # lower case, possessive dropped
    position: int
    capital: bool  # written with a capital letter where a sentence would not need one
    number: float | None = None

    @cached_property
    def concept(self) -> str:
        return concept(self.low)

    content: bool = False  # a word that carries content: not a stopword, figure or scale word
    clause: bool = False  # a new clause starts here (after a comma, "and", "while", …)


@dataclass
class Reading:
    text: str
    tokens: list[Token] = field(default_factory=list)

    @cached_property
    def terms(self) -> dict[str, list[Token]]:
        """Content tokens by concept, in order."""
        out: dict[str, list[Token]] = {}
        for token in self.tokens:
            if token.content:
                out.setdefault(token.concept, []).append(token)
        return out

    @cached_property
    def content_positions(self) -> dict[str, list[int]]:
        """Concept → indexes among the content words (so 'near' skips function words)."""
        out: dict[str, list[int]] = {}
        for index, token in enumerate(t for t in self.tokens if t.content):
            out.setdefault(token.concept, []).append(index)
        return out

    @cached_property
    def capitals(self) -> set[str]:
        return {t.low for t in self.tokens if t.capital and t.content}

    @cached_property
    def quantities(self) -> list[Quantity]:
        return parse_quantities(self.text)

    @cached_property
    def times(self) -> list[TimeExpr]:
        return parse_times(self.text)

    @cached_property
    def numbers(self) -> dict[float, Token]:
        """Figures written in digits or as number words, years excluded."""
        return {t.number: t for t in self.tokens if t.number is not None and not _is_year(t)}

    @cached_property
    def years(self) -> set[str]:
        return {t.low for t in self.tokens if _is_year(t)}

    @cached_property
    def values(self) -> set[float]:
        """Every value a figure here stands for: numbers, and quantities' values and bounds."""
        found = set(self.numbers)
        for q in self.quantities:
            found.add(q.value)
            if q.value_max is not None:
                found.add(q.value_max)
        return found

    @cached_property
    def negated(self) -> set[str]:
        return self._governed(NEGATORS)

    @cached_property
    def hedged(self) -> set[str]:
        return self._governed(HEDGES)

    @cached_property
    def pronoun(self) -> bool:
        return any(t.low in PRONOUNS and t.low not in ("it", "its") for t in self.tokens)

    def _governed(self, markers: frozenset[str]) -> set[str]:
        governed = set()
        for index, token in enumerate(self.tokens):
            if token.low in markers and not token.text[:1].isupper():  # "In May": a month
                after = self.tokens[index + 1 : index + 2]
                if markers is NEGATORS and after and after[0].low in NOT_ONLY:
                    continue  # "not only X": X and more, not a denial of X
                following = [t for t in self.tokens[index + 1 : index + 1 + SCOPE] if t.content]
                heads = [t for t in following if not t.low.endswith("ly")] or following
                governed.update(t.concept for t in heads[:1])
        return governed


def read(text: str) -> Reading:
    """The reading of one sentence."""
    reading = Reading(text)
    raw = list(_TOKEN.finditer(text))
    lows = join_phrases([_low(m) for m in raw])
    matches = _merge_phrases(raw, lows)
    start, clause = True, False
    for match, low in zip(matches, lows, strict=True):
        if match.group("punct"):
            start = match.group() in '.:;!?"“”('
            clause = True
            continue
        clause = clause or low in CLAUSE_WORDS
        for part in _split_negation(match.group(), low):
            reading.tokens.append(_token(part, len(reading.tokens), start))
        if reading.tokens and reading.tokens[-1].content:
            reading.tokens[-1].clause, clause = clause, False
        start = False
    _mark_figure_words(reading.tokens)
    if _title_case(reading.tokens):
        for token in reading.tokens:
            token.capital = token.text.isupper() and len(token.text) > 1
    return reading


def _mark_figure_words(tokens: list[Token]) -> None:
    """Scale and currency words after a number belong to the figure ("4 million pounds")."""
    figure = False
    for previous, token in zip(tokens, tokens[1:], strict=False):
        figure = token.low in FIGURE_WORDS and (previous.number is not None or figure)
        if figure:
            token.content = False


def _title_case(tokens: list[Token]) -> bool:
    """A headline written in title case: its capitals do not mark names."""
    words = [t for t in tokens[1:] if t.number is None and len(t.low) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) > 0.6 * len(words)


def _merge_phrases(raw: list[re.Match], lows: list[str]) -> list[re.Match]:
    """The matches lined up with ``lows`` once two-word places are joined."""
    if len(raw) == len(lows):
        return raw
    out, index = [], 0
    for low in lows:
        out.append(raw[index])
        index += 2 if "_" in low and "_" not in _low(raw[index]) else 1
    return out


def _low(match: re.Match) -> str:
    text = match.group()
    if text in ("US", "U.S."):
        return "usa"
    if text in ("UK", "U.K."):
        return "uk"
    low = text.lower()
    if "'" in low or "’" in low:
        low = re.sub(r"['’]s$", "", low).strip("'’")
    return low


def _split_negation(text: str, low: str) -> list[tuple[str, str]]:
    if _NEGATED_CONTRACTION.search(text):
        stem_low = {"won": "will", "can": "can", "ca": "can", "sha": "shall"}
        head = low[:-3]
        return [(text[:-3], stem_low.get(head, head)), (text[-3:], "n't")]
    return [(text, low)]


def _token(part: tuple[str, str], position: int, start: bool) -> Token:
    text, low = part
    number = _number(low)
    capital = (text[:1].isupper() and not start) or (text.isupper() and len(text) > 1)
    content = number is None and len(low) > 1 and low not in STOP
    return Token(text, low, position, capital and number is None, number, content)


def _number(low: str) -> float | None:
    if low[:1].isdigit():
        digits = re.match(r"[\d,]*(?:\.\d+)?", low).group().replace(",", "")
        try:
            return float(digits)
        except ValueError:
            return None
    value = WORD_NUMBERS.get(low)
    return float(value) if value is not None and low not in ("hundred",) else None


def _is_year(token: Token) -> bool:
    return token.number is not None and _YEAR.fullmatch(token.low.rstrip("s")) is not None

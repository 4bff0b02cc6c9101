"""Rewording: whether two quoted passages are one quotation, and which words differ.

``compare_quotes`` tells whether two passages are one quotation (most of the shorter one's
content words found in the other: an excerpt counts, placed where it sits in the longer one)
and, if so, whether its words differ beyond punctuation, case and spelling
(``word_spelling.same_word``; a capitalised word misspelled is a name's spelling). An omission mark
("…", "[…]") or an editor's insertion in brackets stands for words and is never a difference;
a difference in function words only ("the", "and", "he's"/"he") is ``minor``, not ``altered``.
The differing words of each side are character spans of its passage, for display (``mark``).

``altered_quotes`` compares the quotations two texts credit to one named speaker. A paraphrase
(no quotation marks) is never compared, so a quotation one source gives as paraphrase is not
altered.

How the stage uses it: for each pair of sources, each altered pair is one ``altered_quote``
finding citing the claims whose evidence holds the two passages, with both versions and the
changed words marked; the speaker test can be widened with ``variants`` (one person named two
ways by a rewrite).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from .lexical import STOPWORDS
from .names import is_alias, name_key, variant_kind
from .quotes import Quote, find_quotes
from .word_spelling import plain, same_word

MAX_HELD = 20  # occurrences of one wording looked at to find two texts that carry a pair
MIN_COMPARED = 4  # passages compared with another have at least this many words
SAME_QUOTATION = 0.6  # share of the shorter passage's words found in the other
MIN_RUN = 4  # words in a row two wordings of one quotation share, at least
EXCERPT_SLACK = 3  # words around the shorter passage's place in the longer one
NAME_SPELLING = 80  # capitalised words this alike (rapidfuzz ratio) are one name misspelled
FUNCTION_WORDS = STOPWORDS | {"is", "are", "do", "does", "did", "'s", "too", "so", "really"}
_PRONOUN_IS = re.compile(r"^(he|she|it|that|there|what|who|here|where)'s$")
_EDITORIAL = r"\[[^\]]*\]|\((?:[^()\s]+\s?){1,3}\)|…|\.\.\."  # "[the union]", "(She)", "…"
_OMISSION = re.compile(_EDITORIAL)
_TOKEN = re.compile(rf"{_EDITORIAL}|[^\W_][\w’'-]*")


@dataclass
class QuoteMatch:
    """Two passages that are one quotation, and the words that differ."""

    altered: bool  # content words differ
    minor: bool = False  # only function words differ ("the", "and", "he's"/"he")
    changed_a: list[tuple[int, int]] = field(default_factory=list)  # spans in passage a
    changed_b: list[tuple[int, int]] = field(default_factory=list)
    overlap: float = 0.0


def compare_quotes(a: str, b: str) -> QuoteMatch | None:
    """Whether passages ``a`` and ``b`` are one quotation (None if not) and how they differ."""
    tokens_a, tokens_b = _tokens(a), _tokens(b)
    if min(len(tokens_a), len(tokens_b)) < MIN_COMPARED:
        return None
    swapped = len(tokens_a) > len(tokens_b)
    short, long = (tokens_b, tokens_a) if swapped else (tokens_a, tokens_b)
    long = _window(short, long)
    words_s, words_l = [t for t, *_ in short], [t for t, *_ in long]
    overlap = max(_content_overlap(short, long), _in_order(words_s, words_l))
    if overlap < SAME_QUOTATION:
        return None
    result = QuoteMatch(altered=False, overlap=round(overlap, 3))
    changed_s, changed_l = [], []
    for tag, i1, i2, j1, j2 in _inner(_matcher(words_s, words_l).get_opcodes()):
        part_s, part_l = short[i1:i2], long[j1:j2]
        if tag == "equal" or _spelling_only(part_s, part_l):
            continue
        if _omission(part_s) or _omission(part_l):  # "…" or "[the union]" stands for words
            continue
        changed_s += [(t[1], t[2]) for t in part_s]
        changed_l += [(t[1], t[2]) for t in part_l]
        content = [t for t, *_ in part_s + part_l if t not in FUNCTION_WORDS]
        result.altered = result.altered or bool(content)
        result.minor = True
    result.minor = result.minor and not result.altered
    result.changed_a, result.changed_b = (
        (changed_l, changed_s) if swapped else (changed_s, changed_l)
    )
    return result


def _matcher(a: list[str], b: list[str]) -> SequenceMatcher:
    return SequenceMatcher(a=a, b=b, autojunk=False)


def _in_order(short: list[str], long: list[str]) -> float:
    """Share of the shorter passage's words found in order in the other, when they share a run
    of ``MIN_RUN`` words (a reworded quotation keeps stretches of its wording)."""
    blocks = _matcher(short, long).get_matching_blocks()
    if max(b.size for b in blocks) < MIN_RUN:
        return 0.0
    return sum(b.size for b in blocks) / len(short)


def _content_overlap(short: list, long: list) -> float:
    content = [t for t, *_ in short if t not in FUNCTION_WORDS]
    if len(content) < 2:
        return 0.0
    pool = {t for t, *_ in long}
    return sum(1 for t in content if t in pool or any(same_word(t, p) for p in pool)) / len(content)


def _window(short: list, long: list) -> list:
    """The stretch of the longer passage where the shorter one sits (an excerpt's place)."""
    words_s, words_l = [t for t, *_ in short], [t for t, *_ in long]
    block = _matcher(words_s, words_l).find_longest_match(0, len(words_s), 0, len(words_l))
    first = max(0, block.b - block.a - EXCERPT_SLACK)
    last = block.b + (len(words_s) - block.a) + EXCERPT_SLACK
    return long[first:last]


def _tokens(text: str) -> list[tuple[str, int, int, str]]:
    """Words (folded) with their spans and as written; contractions expanded."""
    out = []
    for match in _TOKEN.finditer(text):
        written = match.group().rstrip("’'")
        if _OMISSION.fullmatch(written):  # "[the union]", "(She)", "…": one token
            out.append((written, match.start(), match.end(), written))
            continue
        for word in _PRONOUN_IS.sub(r"\1 's", plain(written)).split():
            out.append((word, match.start(), match.start() + len(written), written))
    return out


def _inner(opcodes: list) -> list:
    """Leave out words before or after the stretch both share: one side quotes an excerpt."""
    while opcodes and opcodes[0][0] in ("delete", "insert"):
        opcodes = opcodes[1:]
    while opcodes and opcodes[-1][0] in ("delete", "insert"):
        opcodes = opcodes[:-1]
    return opcodes


def _spelling_only(part_a: list, part_b: list) -> bool:
    words_a, words_b = [t for t, *_ in part_a], [t for t, *_ in part_b]
    if len(words_a) == len(words_b):
        return all(_one_word(x, y) for x, y in zip(part_a, part_b, strict=True))
    return "".join(words_a) == "".join(words_b)  # "co operation" / "cooperation"


def _one_word(a: tuple, b: tuple) -> bool:
    if same_word(a[0], b[0]):
        return True
    capitalised = a[3][:1].isupper() and b[3][:1].isupper()
    return capitalised and fuzz.ratio(a[0], b[0]) >= NAME_SPELLING  # a name misspelled


def _omission(part: list) -> bool:
    """The stretch holds an omission mark or an editor's bracketed words."""
    return any(_OMISSION.fullmatch(t) for t, *_ in part)


def same_speaker(a: str, b: str) -> bool:
    """One speaker named two ways: same name, a spelling of it, or its surname alone."""
    if name_key(a) == name_key(b):
        return True
    return variant_kind(a, b) is not None or is_alias(a, b) or is_alias(b, a)


def altered_quotes(
    text_a: str, text_b: str, speaker: Callable[[str, str], bool] = same_speaker
) -> list[tuple[Quote, Quote, QuoteMatch]]:
    """Quotations credited to one named speaker in both texts whose words differ."""
    found = []
    quotes_b = [q for q in find_quotes(text_b) if q.named]
    for quote_a in find_quotes(text_a):
        if not quote_a.named:
            continue
        for quote_b in quotes_b:
            if not speaker(quote_a.speaker, quote_b.speaker):
                continue
            match = compare_quotes(quote_a.text, quote_b.text)
            if match is not None and match.altered:
                found.append((quote_a, quote_b, match))
    return found


def altered_in(
    texts: list[str], speaker: Callable[[str, str], bool] = same_speaker
) -> list[tuple[int, int, Quote, Quote, QuoteMatch]]:
    """``altered_quotes`` over many texts at once, as ``(i, j, quote in i, quote in j, match)``
    with i < j: each pair of distinct wordings whose speakers share a name word is compared
    once, on the first two texts that carry them, so the work grows with the distinct
    quotations, not with the pairs of texts."""
    wordings: dict[str, list[tuple[int, Quote]]] = {}
    for i, text in enumerate(texts):
        for quote in find_quotes(text):
            if quote.named:
                wordings.setdefault(" ".join(quote.text.split()), []).append((i, quote))
    found = []
    for first, second in _speaking_pairs(wordings):
        pair = _first_pair(wordings[first], wordings[second], speaker)
        if pair is None:
            continue
        (i, quote_a), (j, quote_b) = pair
        match = compare_quotes(quote_a.text, quote_b.text)
        if match is not None and match.altered:
            found.append((i, j, quote_a, quote_b, match))
    return sorted(found, key=lambda item: (item[0], item[1], item[2].start))


def _speaking_pairs(wordings: dict[str, list[tuple[int, Quote]]]) -> list[tuple[str, str]]:
    """Pairs of wordings whose first speakers share a word of their name (blocking)."""
    by_word: dict[str, list[str]] = {}
    for wording, held in wordings.items():
        for word in set(held[0][1].speaker.lower().replace("-", " ").split()):
            by_word.setdefault(word, []).append(wording)
    pairs: dict[frozenset, tuple[str, str]] = {}
    for block in by_word.values():
        for k, first in enumerate(block):
            for second in block[k + 1 :]:
                pairs.setdefault(frozenset((first, second)), (first, second))
    return list(pairs.values())


def _first_pair(held_a: list, held_b: list, speaker: Callable[[str, str], bool]):
    """The earliest two occurrences, in two texts, whose speakers are one person (i < j)."""
    options = [
        ((i, a), (j, b)) if i < j else ((j, b), (i, a))
        for i, a in held_a[:MAX_HELD]
        for j, b in held_b[:MAX_HELD]
        if i != j and speaker(a.speaker, b.speaker)
    ]
    return min(options, key=lambda o: (o[0][0], o[1][0]), default=None)


def mark(text: str, spans: list[tuple[int, int]], opening: str = "[", closing: str = "]") -> str:
    """``text`` with each span wrapped in the given marks (for plain-text display)."""
    out, last = [], 0
    for start, end in sorted(spans):
        out += [text[last:start], opening, text[start:end], closing]
        last = end
    return "".join(out + [text[last:]])

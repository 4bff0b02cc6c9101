"""Cover: the source sentences that best account for one claim sentence.

A ``Document`` holds the readings of every source sentence with an index from concept to
sentence. ``Document.cover`` picks, greedily, the sentence that accounts for most of the claim's
terms, then up to two more while each adds enough that the first lacked (a claim may join two
sentences of its source). A sentence with a pronoun ("he", "they") also accounts for the names
of the two sentences before it in the same text, where the pronoun fills the name's slot, so
"He resigned" covers "Lee resigned" when Lee was named just before. Every word weighs the
same: a name swapped in from elsewhere must not pull the cover away from the sentence that says
what the claim says.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .lexicon import PRONOUNS
from .models import Article
from .names import is_place
from .reading import Reading, Token, normalise, read
from .segment import segment

MAX_SENTENCES = 3
CONTEXT = 2  # sentences before a pronoun whose names it may stand for
MIN_GAIN = 2.5  # words a further sentence must add to join the cover
WINDOW = 3  # content words apart that still read as said together
SLOT = 1  # content words either side that make two words fill the same slot


@dataclass
class Cover:
    """The chosen source sentences for one claim sentence."""

    sentences: list[Reading]
    terms: set[str]  # concepts they hold
    context: set[str]  # names of the sentences just before, for their pronouns
    best_share: float  # share of the claim's terms the single best sentence holds

    def stands_for(self, claim: Reading, token: Token) -> bool:
        """Whether a pronoun of the cover fills the slot of the name ``token`` ("She did not
        say" for "Calder did not say", Calder named just before)."""
        if token.concept not in self.context:
            return False
        left, right = _neighbours(claim, token.position)
        for reading in self.sentences:
            for other in reading.tokens:
                if other.low in PRONOUNS:
                    their_left, their_right = _neighbours(reading, other.position)
                    if left & their_left or right & their_right:
                        return True
        return False

    @cached_property
    def words(self) -> set[str]:
        return {t.low for r in self.sentences for t in r.tokens if t.content}

    def family(self, low: str) -> bool:
        """Whether a covering word is ``low`` with an ending added, or the reverse
        ('legend' / 'legendary', 'president' / 'presidential'), six letters at least."""
        return any(
            (len(low) >= 6 and w.startswith(low)) or (len(w) >= 6 and low.startswith(w))
            for w in self.words
        )

    def counterpart(self, claim: Reading, token: Token, kind: str | None) -> Token | None:
        """The source word in the slot ``token`` fills: between the words the claim has either
        side of it (one side is enough for a name or a number), not in the claim, and a name
        when ``token`` is one."""
        left, right = _neighbours(claim, token.position)
        for reading in self.sentences:
            for other in reading.tokens:
                if other.concept in claim.terms or (other.number is None) != (token.number is None):
                    continue
                if (not other.content and other.number is None) or (kind and not other.capital):
                    continue
                their_left, their_right = _neighbours(reading, other.position)
                sides = bool(left & their_left) + bool(right & their_right)
                if sides == 2 or (sides and (kind or token.number is not None)):
                    return other
        return None


class Document:
    """The source texts, read sentence by sentence and indexed once for many claims."""

    def __init__(self, texts: list[str]):
        self.sentences: list[Reading] = []
        self.context: list[set[str]] = []
        for text in texts:
            readings = [read(s) for s in sentences(normalise(text))]
            for index, reading in enumerate(readings):
                before = readings[max(0, index - CONTEXT) : index] if reading.pronoun else []
                self.context.append({c for r in before for c in _name_concepts(r)})
            self.sentences += readings
        self.index: dict[str, set[int]] = {}
        self.holds: list[set[str]] = []  # each sentence's concepts, with its pronouns' names
        for number, reading in enumerate(self.sentences):
            for term in reading.terms:
                self.index.setdefault(term, set()).add(number)
            self.holds.append(set(reading.terms) | self.context[number])

    @cached_property
    def capitals(self) -> set[str]:
        """Lower-case words the sources write with a capital inside a sentence (names)."""
        counts = Counter(low for r in self.sentences for low in r.capitals)
        return set(counts)

    @cached_property
    def words(self) -> list[str]:
        return sorted(self.lows)

    @cached_property
    def lows(self) -> set[str]:
        return {t.low for r in self.sentences for t in r.tokens if t.content}

    @cached_property
    def values(self) -> set[float]:
        return {v for r in self.sentences for v in r.values}

    @cached_property
    def times(self) -> list:
        return [t for r in self.sentences for t in r.times]

    @cached_property
    def years(self) -> set[str]:
        return {y.rstrip("s") for r in self.sentences for y in r.years}

    def has(self, concept: str) -> bool:
        return concept in self.index

    @cached_property
    def pairs(self) -> set[tuple[str, str]]:
        """Concepts of neighbouring content words, in order."""
        out = set()
        for reading in self.sentences:
            content = [t.concept for t in reading.tokens if t.content]
            out.update(zip(content, content[1:], strict=False))
        return out

    def adjacent(self, a: str, b: str) -> bool:
        return (a, b) in self.pairs or (b, a) in self.pairs

    def near(self, a: str, b: str) -> bool:
        """Whether one source sentence has concepts ``a`` and ``b`` within ``WINDOW`` content
        words of each other."""
        for number in self.index.get(a, set()) & self.index.get(b, set()):
            where = self.sentences[number].content_positions
            if min(abs(i - j) for i in where[a] for j in where[b]) <= WINDOW:
                return True
        return False

    def kind(self, token: Token) -> str | None:
        """'place', 'name' or None: capitalised in the claim or in the sources, or a country."""
        named = token.capital or token.low in self.capitals or token.concept.startswith("@")
        if not named:
            return None
        if token.concept.startswith("@") or is_place(token.text.title()):
            return "place"
        return "name"

    def spelled_like(self, word: str) -> str | None:
        """A source word that is a spelling variant of ``word`` ('travelled' / 'traveled')."""
        if len(word) < 7:
            return None
        limit = 1 if len(word) < 10 else 2
        found = process.extractOne(
            word, self.words, scorer=Levenshtein.distance, score_cutoff=limit
        )
        return found[0] if found and found[0][:1] == word[:1] else None

    def cover(self, claim: Reading) -> Cover:
        """The sentences that best account for ``claim``'s terms."""
        weights = dict.fromkeys(claim.terms, 1.0)
        candidates = {n for c in weights for n in self.index.get(c, ())}
        chosen: list[int] = []
        held: set[str] = set()  # with the names pronouns may stand for, to choose sentences
        for _ in range(MAX_SENTENCES):
            number, gain = self._best(candidates - set(chosen), weights, held)
            if number is None or (chosen and gain < MIN_GAIN):
                break
            chosen.append(number)
            held |= self.holds[number]
        terms = {c for n in chosen for c in self.sentences[n].terms}
        context = {c for n in chosen for c in self.context[n]}
        found = Cover([self.sentences[n] for n in chosen], terms, context, 0.0)
        if chosen:
            best = Cover([self.sentences[chosen[0]]], set(self.sentences[chosen[0]].terms),
                         self.context[chosen[0]], 0.0)  # fmt: skip
            held = {c for c, toks in claim.terms.items()
                    if c in best.terms or best.stands_for(claim, toks[0])}  # fmt: skip
            found.best_share = _share(held, weights)
        return found

    def _best(
        self, candidates: set[int], weights: dict[str, float], held: set[str]
    ) -> tuple[int | None, float]:
        best, best_gain = None, 0.0
        for number in sorted(candidates):
            holds = self.holds[number]
            gain = sum(w for c, w in weights.items() if c not in held and c in holds)
            if gain > best_gain:
                best, best_gain = number, gain
        return best, best_gain


def _share(held: set[str], weights: dict[str, float]) -> float:
    total = sum(weights.values())
    return sum(w for c, w in weights.items() if c in held) / total if total else 1.0


def _name_concepts(reading: Reading) -> set[str]:
    return {t.concept for t in reading.tokens if t.capital and t.content}


def _neighbours(reading: Reading, position: int) -> tuple[set[str], set[str]]:
    """The concepts of the content words just before and just after ``position``."""
    before = [t.concept for t in reading.tokens[:position] if t.content][-SLOT:]
    after = [t.concept for t in reading.tokens[position + 1 :] if t.content][:SLOT]
    return set(before), set(after)


def sentences(text: str) -> list[str]:
    article = Article(id="x", source="-", text=text)
    return [s.text for s in segment(article) if not s.furniture]

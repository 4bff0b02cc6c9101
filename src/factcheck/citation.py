"""Citation: does one source, on its own, state a brief sentence?

``states(sentence, evidence)`` is the brief stage's per-source check: ``evidence`` is what one
source says (the quotes of its claims), and the source may be cited for ``sentence`` only when
the evidence carries

- every figure of the sentence (same unit, values that can both stand: rounding and bounds
  allowed, so "nearly 5mn shells" backs "5 million shells" and "twenty years" backs "24 years");
- every date and time (same normalised value), and "first", "last" or "only";
- the same polarity: a word of the sentence that the source negates, or the reverse ("no
  threats were made" against "threatened"), fails;
- every name: each capitalised run ("Jens Stoltenberg", "North Korea"), compared without case,
  accents, hyphens or a possessive; a word of the run before its last may be missing
  ("Putin" backs "Vladimir Putin") unless it is a qualifier that changes the place ("South
  Korea");
- at least ``MIN_SHARE`` of the sentence's content words outside its names and light verbs
  ("made", "took"), compared as stems; a demonym meets its country ("Korean", "Korea") and a
  word the others of its set in ``data/equivalents.txt`` ("pact", "treaty"). So a source that
  only shares a word, or only names the same people, is not cited.

The answer is a ``SourceCheck`` with what the source lacks (only the content share when that
already falls short), for tests and for an editor. Any scorer with the same signature
(``Checker``) can stand in for it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .lexical import STOPWORDS, content_terms, stem
from .models import Quantity, TimeExpr
from .quantities import compatible, parse_quantities
from .times import parse_times
from .wording import FUNCTION_WORDS

MIN_SHARE = 0.6
PREFILTER = 0.4  # share of content words a passage must share before the full check
SINGLES_TRIED = 3  # passages tried, those sharing most words first
PAIRS_TRIED = 2  # pairs of adjacent passages tried when no one passage states the sentence
_RUN = re.compile(r"(?<![\w’'])[A-Z][\w’'-]*(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\w’'-]*)*")
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|denied|denies|deny|denying)\b|n[’']t\b",
    re.IGNORECASE,
)
NEGATION_SCOPE = 3
KEPT = frozenset(["first", "last", "only"])  # stopwords that change what a sentence states
_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}")  # "U.S." is "US"
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
QUALIFIERS = frozenset(
    "north south east west northern southern eastern western new upper lower central greater "
    "great little old saint st united democratic republic".split()
)
_LINKS = frozenset(["of", "de", "the"])
LIGHT_VERBS = (
    "make makes made take takes took taken give gives gave given get gets got go goes went \
gone come comes came do done put puts keep keeps kept let lets become becomes became"
)
_COMMON = STOPWORDS | FUNCTION_WORDS  # a sentence's first word that is no name
DEMONYM_ENDINGS = frozenset(["n", "an", "ian", "ese", "i", "ish", "ic", "ern"])


@dataclass(frozen=True)
class SourceCheck:
    """Whether one source states a sentence, and what it lacks when it does not."""

    ok: bool
    missing: tuple[str, ...] = ()
    share: float = 0.0  # share of the sentence's content words the source has


Checker = Callable[[str, Sequence[str]], SourceCheck]


def states(sentence: str, evidence: Sequence[str]) -> SourceCheck:
    """Whether ``evidence`` (one source's quotes) states ``sentence`` on its own."""
    said = _Features.of(" \n ".join(evidence))
    wanted = _Features.of(sentence)
    share = round(_share(wanted.terms - wanted.name_terms, said.terms), 3)
    if share < MIN_SHARE:  # the cheapest test first; the rest is not looked at
        return SourceCheck(False, (f"{round(share * 100)}% of the content words",), share)
    flipped = _flipped(wanted, said) or _flipped(said, wanted)
    missing = ["the same polarity"] if flipped else []
    missing += [q.text for q in wanted.quantities if not _has_quantity(q, said.quantities)]
    missing += [n for n in wanted.loose_numbers if n not in said.numbers]
    missing += sorted(wanted.kept - said.kept)
    missing += [t.text for t in wanted.times if not _has_time(t, said.times)]
    missing += [" ".join(run) for run in wanted.names if not _has_name(run, said.tokens)]
    return SourceCheck(not missing, tuple(missing), share)


def stating(sentence: str, passages: Sequence[str], checker: Checker | None = None) -> list[int]:
    """Where one source states ``sentence``: the index of the passage (one of its claims, in
    reading order) sharing most words with it that states it; else two adjacent passages (a
    fact told over two sentences) that together state it; [] when none does."""
    check = checker or states
    terms = _terms(sentence)
    if not terms:
        return []
    shared = [len(terms & _terms(p)) for p in passages]
    for i in sorted(range(len(passages)), key=lambda i: -shared[i])[:SINGLES_TRIED]:
        if shared[i] < PREFILTER * len(terms):
            break
        if check(sentence, [passages[i]]).ok:
            return [i]
    pairs = sorted(range(len(passages) - 1), key=lambda i: -(shared[i] + shared[i + 1]))
    for i in pairs[:PAIRS_TRIED]:
        if check(sentence, [passages[i], passages[i + 1]]).ok:
            return [i, i + 1]
    return []


@lru_cache(maxsize=50_000)
def _terms(text: str) -> frozenset[str]:
    return frozenset(content_terms(text))


def overlap(a: str, b: str) -> tuple[float, int]:
    """How much two sentences say the same, names aside: the share of the smaller one's other
    content words that the larger one has (a word's equivalents count), and how many."""
    words_a, words_b = (_Features.of(t).terms - _Features.of(t).name_terms for t in (a, b))
    if len(words_a) > len(words_b):
        words_a, words_b = words_b, words_a
    if not words_a:
        return 0.0, 0
    found = round(_share(words_a, words_b) * len(words_a))
    return found / len(words_a), found


@dataclass(frozen=True)
class _Features:
    quantities: tuple[Quantity, ...]
    loose_numbers: tuple[str, ...]  # figures outside any quantity (a year, a count)
    numbers: frozenset[str]
    times: tuple[TimeExpr, ...]
    names: tuple[tuple[str, ...], ...]
    tokens: frozenset[str]
    terms: frozenset[str]
    name_terms: frozenset[str]  # content terms that are part of a name
    denied: frozenset[str]  # content terms right after a negation ("no threats", "not signed")
    kept: frozenset[str]  # "first", "last", "only": small words that change what is stated

    @staticmethod
    @lru_cache(maxsize=20_000)
    def of(text: str) -> _Features:
        text = _ACRONYM.sub(lambda m: m.group().replace(".", ""), text)
        quantities = tuple(parse_quantities(text))
        inside = {n for q in quantities for n in _DIGITS.findall(q.text)}
        numbers = [n.rstrip(",") for n in _DIGITS.findall(text)]
        names = tuple(_names(text))
        return _Features(
            quantities=quantities,
            loose_numbers=tuple(n for n in dict.fromkeys(numbers) if n not in inside),
            numbers=frozenset(numbers),
            times=tuple(parse_times(text)),
            names=names,
            tokens=frozenset(fold(t) for t in _TOKEN.findall(text)),
            terms=frozenset(content_terms(text)) - _light_verbs(),
            kept=_kept(text),
            name_terms=frozenset(content_terms(" ".join(" ".join(run) for run in names))),
            denied=_denied(text),
        )


def fold(word: str) -> str:
    """A word compared without case, accents or a possessive."""
    plain = unicodedata.normalize("NFKD", word)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
    return re.sub(r"['’]s?$", "", plain)


def _names(text: str) -> list[tuple[str, ...]]:
    """Capitalised runs, as folded tokens; a sentence's first word counts only when it is no
    common word (a stopword) — "Stoltenberg said" is checked, "The minister said" is not."""
    runs = []
    first = _first_letter(text)
    for match in _RUN.finditer(text):
        tokens = [fold(t) for t in _TOKEN.findall(match.group())]
        tokens = [t for t in tokens if t and not t.isdigit()]
        if match.start() == first and tokens and tokens[0] in _COMMON:
            tokens = tokens[1:]
        tokens = [t for t in tokens if t not in _LINKS]
        if tokens:
            runs.append(tuple(tokens))
    return runs


def _first_letter(text: str) -> int:
    match = re.search(r"[^\W\d_]", text)
    return match.start() if match else -1


def _has_name(run: tuple[str, ...], tokens: frozenset[str]) -> bool:
    present = [_has_word(t, tokens) for t in run]
    if all(present):
        return True
    missing = {t for t, found in zip(run, present, strict=True) if not found}
    return len(run) >= 2 and present[-1] and not missing & QUALIFIERS


def _has_word(word: str, tokens: frozenset[str]) -> bool:
    """``word`` or a form of it: a demonym and its country ("korean", "korea")."""
    return word in tokens or word in _stripped(tokens) or bool(_without_ending(word) & tokens)


@lru_cache(maxsize=50_000)
def _without_ending(word: str) -> frozenset[str]:
    """The word with a demonym ending taken off, where at least four letters are left."""
    return _stripped(frozenset([word]))


@lru_cache(maxsize=4096)
def _stripped(words: frozenset[str]) -> frozenset[str]:
    """The words with a demonym ending taken off ("korean" → "korea", "ukrainian" → "ukrain"),
    where at least four letters are left."""
    return frozenset(
        w[: -len(e)]
        for w in words
        for e in DEMONYM_ENDINGS
        if w.endswith(e) and len(w) - len(e) >= 4
    )


def _has_quantity(wanted: Quantity, said: tuple[Quantity, ...]) -> bool:
    return any(q.unit == wanted.unit and compatible(q, wanted) for q in said)


def _has_time(wanted: TimeExpr, said: tuple[TimeExpr, ...]) -> bool:
    values = {t.value for t in said} | {t.resolved for t in said if t.resolved}
    return wanted.value in values or (wanted.resolved is not None and wanted.resolved in values)


def _share(wanted: frozenset[str], said: frozenset[str]) -> float:
    """Share of the content words that the source has, each matched by itself, a demonym of it
    or a word of its set in ``data/equivalents.txt``."""
    if not wanted:
        return 1.0
    sets = _equivalents()
    stripped, said_sets = _stripped(said), _sets_of(said)
    found = sum(
        1
        for t in wanted
        if t in said
        or t in stripped
        or any(n in said_sets for n in sets.get(t, ()))
        or _without_ending(t) & said
    )
    return found / len(wanted)


@lru_cache(maxsize=4096)
def _sets_of(words: frozenset[str]) -> frozenset[int]:
    sets = _equivalents()
    return frozenset(n for t in words for n in sets.get(t, ()))


def _flipped(one: _Features, other: _Features) -> bool:
    """Whether ``other`` negates a word ``one`` states without negation (a word or a form of
    it: "threat", "threaten")."""
    stated = one.terms - one.denied
    return any(
        t == d or (min(len(t), len(d)) >= 5 and (t.startswith(d) or d.startswith(t)))
        for t in stated
        for d in other.denied
    )


def _denied(text: str) -> frozenset[str]:
    """Stems of the words a negation or denial governs: the next three words after it."""
    found: set[str] = set()
    for match in _NEGATION.finditer(text):
        found.update(content_terms(" ".join(text[match.end() :].split()[:NEGATION_SCOPE])))
    return frozenset(found) - _light_verbs()


def _kept(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]+", text.casefold()) if w in KEPT)


@cache
def _light_verbs() -> frozenset[str]:
    """Verbs that carry little of a sentence's content ("made a visit", "took part")."""
    return frozenset(stem(w) for w in LIGHT_VERBS.split())


@cache
def _equivalents() -> dict[str, tuple[int, ...]]:
    """Stem → the numbers of the sets of words that report the same thing it does."""
    raw = resources.files("factcheck").joinpath("data/equivalents.txt").read_text("utf-8")
    found: dict[str, tuple[int, ...]] = {}
    for number, line in enumerate(raw.splitlines()):
        line = line.split("#", 1)[0].strip()
        for word in line.split():
            found[stem(word)] = (*found.get(stem(word), ()), number)
    return found

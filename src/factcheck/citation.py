"""Citation: does one source, on its own, state a brief sentence?

Two per-source checks share one signature (``Checker``); ``evidence`` is what one source says
(the quotes of its claims), and the source may be cited for ``sentence`` only when it passes.

``carries(sentence, evidence)``, the one the brief uses, reads the typed differences of the
support scorer (``verify.verify``): the source fails when a name, place, figure, date, negation,
predicate, role or hedge of the sentence is missing from it or said otherwise, when the
scorer's support is below ``MIN_SUPPORT``, or when it carries less than ``MIN_CARRIED`` of the
sentence's content words outside its names. This module's own equivalences are forgiven first
(``_accounted``): a word of the same set in ``data/equivalents.txt`` ("pact", "treaty"), a
figure rounded or bounded ("nearly 5mn tonnes" backs "5 million tonnes"), a date the source
gives, a name written otherwise.

``states(sentence, evidence)``, the earlier word-level check, wants

- every figure of the sentence (same unit, values that can both stand: rounding and bounds
  allowed, so "twenty years" backs "21 years");
- every date and time (same normalised value), and "first", "last" or "only";
- the same polarity: a word of the sentence that the source negates, or the reverse ("no
  threats were made" against "threatened"), fails;
- every name: each capitalised run ("Ana Ruiz", "West Velmar"), compared without case,
  accents, hyphens or a possessive; a word of the run before its last may be missing
  ("Ruiz" backs "Ana Ruiz") unless it is a qualifier that changes the place ("West Velmar");
- at least ``MIN_SHARE`` of the sentence's content words outside its names and light verbs
  ("made", "took"), compared as stems; a demonym meets its country ("Velmarian", "Velmar") and
  a word the others of its set in ``data/equivalents.txt``. So a source that only shares a
  word, or only names the same people, is not cited.

The answer is a ``SourceCheck`` with what the source lacks (only the content share when that
already falls short), for tests and for an editor. Any scorer with the same signature can stand
in for either.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from importlib import resources

from .difference import Difference, ranked
from .lexical import content_terms, stem
from .models import Quantity, TimeExpr
from .name_match import (
    TOKEN,
    fold,
    has_name,
    has_word,
    name_runs,
    other_bearer,
    strip_endings,
    without_ending,
)
from .quantities import compatible, parse_quantities
from .times import parse_times
from .verify import Sources, verify

MIN_SHARE = 0.6
MIN_SUPPORT = 0.5  # the typed check (``carries``): the scorer's "supported" threshold, and
MIN_COVERAGE = 0.6  # the share of the sentence's words one source sentence holds, and
MIN_CARRIED = 0.6  # of its content words (names aside) the source carries; chosen on QAGS dev
TYPED_PREFILTER = 0.3  # share of content words below which the typed check does not run
PREFILTER = 0.4  # share of content words a passage must share before the full check
SINGLES_TRIED = 3  # passages tried, those sharing most words first
PAIRS_TRIED = 2  # pairs of passages tried when no one passage states the sentence
_NEGATION = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|nor|denied|denies|deny|denying)\b|n[’']t\b",
    re.IGNORECASE,
)
NEGATION_SCOPE = 3
KEPT = frozenset(["first", "last", "only"])  # stopwords that change what a sentence states
_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}")  # "U.S." is "US"
_PREFIX = re.compile(
    r"(?<![\w-])([A-Z][a-z]+)-(?=[A-Z])"
)  # "Anglo-" in "Anglo-Velmarian": never optional
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
LIGHT_VERBS = (
    "make makes made take takes took taken give gives gave given get gets got go goes went \
gone come comes came do done put puts keep keeps kept let lets become becomes became"
)


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
    missing += [" ".join(run) for run in wanted.names if not has_name(run, said.tokens)]
    missing += _other_bearers(wanted, said)
    return SourceCheck(not missing, tuple(missing), share)


def _other_bearers(wanted: _Features, said: _Features) -> list[str]:
    """The sentence's names whose last word the source gives to someone else."""
    return [
        " ".join(run) + " is someone else in the source"
        for run in wanted.names
        if not all(t in said.tokens for t in run) and other_bearer(run, said.names)
    ]


def carries(sentence: str, evidence: Sequence[str]) -> SourceCheck:
    """Whether ``evidence`` (one source's quotes) carries ``sentence`` on its own, read from the
    typed differences of the support scorer (``verify``): no fact it lacks or says otherwise
    (a name, place, figure, date, negation, reversed predicate, swapped roles, a hedge), a
    support score of at least ``MIN_SUPPORT``, every name of the sentence and "first", "last"
    or "only". This check's own equivalences are forgiven first (``_accounted``)."""
    said, wanted = _Features.of(" \n ".join(evidence)), _Features.of(sentence)
    share = round(_share(wanted.terms - wanted.name_terms, said.terms), 3)
    if share < TYPED_PREFILTER:  # too little in common for the scorer to find it carried
        return SourceCheck(False, (f"{round(share * 100)}% of the content words",), share)
    forgive = partial(_accounted, said=said, wanted=wanted, told=len(evidence) > 1)
    support = verify(_sources(tuple(evidence)), sentence, forgive=forgive)
    missing = [d.explanation for d in ranked(support.differences) if d.factual]
    flagged = {w.casefold() for d in support.differences for w in TOKEN.findall(d.claim)}
    missing += [
        " ".join(run) + " is not in the source"
        for run in wanted.names
        if not has_name(run, said.tokens) and flagged & set(run)
    ]
    missing += _other_bearers(wanted, said)
    missing += [f"'{w}' is not in the source" for w in sorted(wanted.kept - said.kept)]
    missing += [f"'{w}' is not in the source" for w in _PREFIX.findall(sentence)
                if not has_word(fold(w), said.tokens)]  # fmt: skip
    carried = _carried(wanted, support.differences)
    low = support.score < MIN_SUPPORT or support.coverage < MIN_COVERAGE
    if not missing and (low or carried < MIN_CARRIED):
        missing = support.why()[:3] or [f"support {support.score:.2f}"]
    return SourceCheck(not missing, tuple(missing), carried)


def _carried(wanted: _Features, differences: list[Difference]) -> float:
    """Share of the sentence's content words outside its names that the source carries: all
    but those a difference says it never uses or uses elsewhere (after ``_accounted``)."""
    terms = wanted.terms - wanted.name_terms
    lacking = {
        t
        for d in differences
        if d.type in ("wording", "link") and d.scope in ("absent", "elsewhere")
        for t in content_terms(d.claim)
    }
    return 1.0 - len(terms & lacking) / len(terms) if terms else 1.0


@lru_cache(maxsize=4096)
def _sources(evidence: tuple[str, ...]) -> Sources:
    return Sources(list(evidence))


def _accounted(
    difference: Difference, said: _Features, wanted: _Features, told: bool = False
) -> bool:
    """A difference this check's own rules account for: a word whose set of equivalents
    (``data/equivalents.txt``) or whose country the source has; a figure the source gives
    rounded or bounded; a date the source gives; a name the source writes otherwise (accents,
    hyphens, a demonym)."""
    kind, words = difference.type, difference.claim
    if told and difference.scope == "elsewhere":
        return True
    if difference.scope not in ("absent", "elsewhere", "conflict"):
        return False
    if kind == "wording":
        terms = frozenset(content_terms(words))
        return bool(terms) and _share(terms, said.terms) == 1.0
    if kind in ("figure", "bound"):
        numbers = [n.rstrip(",") for n in _DIGITS.findall(words)]
        quantities = [q for q in wanted.quantities if any(n in q.text for n in numbers)]
        if quantities:
            return all(_has_quantity(q, said.quantities) for q in quantities)
        return bool(numbers) and all(n in said.numbers for n in numbers)
    if kind == "date":
        times = parse_times(words)
        return bool(times) and all(_has_time(t, said.times) for t in times)
    if kind in ("name", "place"):
        tokens = {fold(t) for t in TOKEN.findall(words)}
        found = all(has_word(t, said.tokens) for t in tokens)
        runs = [r for r in wanted.names if tokens <= set(r)]  # a title or given name left out
        return bool(tokens) and (found or any(has_name(r, said.tokens) for r in runs))
    return False


def stating(sentence: str, passages: Sequence[str], checker: Checker | None = None) -> list[int]:
    """Where one source states ``sentence``: the index of the passage (one of its claims, in
    reading order) sharing most words with it that states it; else two passages (a fact told
    over two sentences: adjacent ones, or two of those sharing most words) that together state
    it; [] when none does."""
    check = checker or states
    terms = _terms(sentence)
    if not terms:
        return []
    shared = [len(terms & _terms(p)) for p in passages]
    best = sorted(range(len(passages)), key=lambda i: -shared[i])[:SINGLES_TRIED]
    for i in best:
        if shared[i] < PREFILTER * len(terms):
            break
        if check(sentence, [passages[i]]).ok:
            return [i]
    for i, j in _pairs(terms, passages, best)[:PAIRS_TRIED]:
        if check(sentence, [passages[i], passages[j]]).ok:
            return [i, j]
    return []


def _pairs(
    terms: frozenset[str], passages: Sequence[str], best: list[int]
) -> list[tuple[int, int]]:
    """Pairs of passages that may state a sentence together, those holding most of its words
    between them first (adjacent before apart on a tie)."""
    pairs = {(i, i + 1) for i in range(len(passages) - 1)}
    pairs |= {(min(i, j), max(i, j)) for i in best for j in best if i != j}
    held = {
        pair: len(terms & (_terms(passages[pair[0]]) | _terms(passages[pair[1]]))) for pair in pairs
    }
    return sorted(pairs, key=lambda pair: (-held[pair], pair[1] - pair[0], pair))


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
        names = tuple(name_runs(text))
        return _Features(
            quantities=quantities,
            loose_numbers=tuple(n for n in dict.fromkeys(numbers) if n not in inside),
            numbers=frozenset(numbers),
            times=tuple(parse_times(text)),
            names=names,
            tokens=frozenset(fold(t) for t in TOKEN.findall(text)),
            terms=frozenset(content_terms(text)) - _light_verbs(),
            kept=_kept(text),
            name_terms=frozenset(content_terms(" ".join(" ".join(run) for run in names))),
            denied=_denied(text),
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
    stripped, said_sets = strip_endings(said), _sets_of(said)
    found = sum(
        1
        for t in wanted
        if t in said
        or t in stripped
        or any(n in said_sets for n in sets.get(t, ()))
        or without_ending(t) & said
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

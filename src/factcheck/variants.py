"""Variants: one organisation or person named differently in two sources by a rewrite.

Automatic rewriting ("spinning") swaps words for synonyms, names included: an organisation's
word becomes an ordinary word ("X Foundation" → "X Basis"), a word inside a name becomes
another ("National Weather Service" → "National Climate Service"), a surname that is also a
word becomes a synonym ("Karen Field" → "Karen Meadow"). ``damaged_names`` compares the names of
two texts and reports a pair when the names have the same number of words and differ in exactly
one, both differing words are ordinary dictionary words (frequent in an English word list, not
places, not one word spelled two ways, inflected or shortened), neither text uses the other's
form, at least one name is an organisation's (not a place, not a post such as "Egyptian
President"), and one of these ties them to one thing:

- the organisation word at the end of the name was replaced by a word that is none
  ("Foundation" → "Basis");
- the words they share hold an organisation word ("... Service") and the mentions stand among
  the same words in both texts (at least ``MIN_SHARED_CONTEXT`` content words within
  ``CONTEXT_WORDS`` of them; ``MIN_SHARED_MEDIA`` for news outlets, which differ between
  sources as a rule), so both sources say the same thing about it;
- for a person, the same role at the same organisation ("Karen Field, a senior fellow at the
  Marlow Institute" / "Karen Meadow, a senior fellow at the Marlow Institute").

Genuinely different bodies that share words ("World Trade Organization" and "World Health
Organization") differ in a word in the middle, stand in different contexts or are both named by
one source, and are not reported.

How the stage uses it: each pair is a ``name_variant`` finding marked as likely rewriting
damage (type ``rewriting_damage``, medium severity so it is seen), citing the claims whose
evidence holds the first mention on each side, with ``reason`` as the explanation and the two
names as ``variants``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .lexical import STOPWORDS, content_terms, stem
from .names import ORG_WORDS, TITLES, is_org, is_place
from .word_spelling import same_word

MAX_TRIES = 3  # pairs of texts a pair of names is tried on
ORDINARY_FREQUENCY = 1000  # count in the English word list above which a word is ordinary
CONTEXT_WORDS = 12  # words either side of a mention that make its context
MIN_SHARED_CONTEXT = 2
MIN_SHARED_MEDIA = 3  # outlets differ between sources as a rule: ask for more
MEDIA_WORDS = frozenset(
    """news times post journal tribune herald press daily mail express star online radio tv
    television network magazine gazette chronicle telegraph observer guardian independent sun
    mirror standard today weekly review report""".split()
)
ORGANISATION_WORDS = ORG_WORDS | frozenset(
    """board bureau trust society federation union guild chamber tribunal panel unit division
    directorate secretariat observatory laboratory lab museum library hospital clinic company
    firm bank institute centre center""".split()
)
_TITLE_WORDS = frozenset(w for t in TITLES for w in t.split()) | {"adviser", "advisor"}
_LEADING = STOPWORDS | {"perhaps", "although", "though", "while", "meanwhile", "however", "yes"}
_JOINERS = r"(?: (?:of|for|and|on|the) | )"
_CAP = r"(?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*|[A-Z]{2,6})"
_NAME = re.compile(rf"{_CAP}(?:{_JOINERS}{_CAP})*")
_DAYS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday januari februari march april may
    june juli august septemb octob novemb decemb""".split()
)
_ROLE = re.compile(
    rf"(?P<name>{_CAP}(?:\s+{_CAP}){{1,3}}),\s+(?:(?:a|an|the)\s+)?(?P<role>[a-z][\w\s-]{{2,40}}?)"
    rf"\s+(?:at|of|for|on|with|from)\s+(?:the\s+)?(?P<org>{_CAP}(?:{_JOINERS}{_CAP})*)"
)


@dataclass
class Variant:
    """Two names of one thing, one in each text, and why they are thought one."""

    first: str  # as the first text writes it
    second: str
    reason: str
    kind: str  # organisation | person
    spans_first: list[tuple[int, int]] = field(default_factory=list)  # mentions in text a
    spans_second: list[tuple[int, int]] = field(default_factory=list)
    tie: str = "context"  # head (organisation word replaced) | context | role (same post)


def damaged_names(text_a: str, text_b: str) -> list[Variant]:
    """Names of one organisation or person that a rewrite changed between the two texts."""
    return [variant for _, _, variant in damaged_in([text_a, text_b])]


def damaged_in(texts: list[str]) -> list[tuple[int, int, Variant]]:
    """``damaged_names`` over many texts at once, as ``(i, j, variant)`` with ``variant.first``
    written in ``texts[i]`` (i < j). Only names one word apart are compared, and each such pair
    on at most ``MAX_TRIES`` pairs of texts (one using each form, neither the other's), so the
    work grows with the distinct names, not with the pairs of texts."""
    names = [_names(text) for text in texts]
    found = _people_in(texts)
    seen = {frozenset((v.first, v.second)) for _, _, v in found}
    holders: dict[str, list[int]] = {}
    for i, found_names in enumerate(names):
        for name in found_names:
            holders.setdefault(name, []).append(i)
    for x, y in _one_apart(holders):
        if frozenset((x, y)) in seen or not _organisations(x, y):
            continue
        for i, j, first, second in _text_pairs(x, y, holders, names)[:MAX_TRIES]:
            variant = _organisation(first, second, texts[i], texts[j])
            if variant is not None:
                found.append((i, j, variant))
                seen.add(frozenset((x, y)))
                break
    return found


def _one_apart(holders: dict[str, list[int]]) -> list[tuple[str, str]]:
    """Pairs of names with as many words that differ in one place (blocked on the rest)."""
    buckets: dict[tuple, list[str]] = {}
    for name in holders:
        words = name.split()
        for at in range(len(words)):
            buckets.setdefault((len(words), at, *words[:at], *words[at + 1 :]), []).append(name)
    pairs: dict[frozenset, tuple[str, str]] = {}
    for bucket in buckets.values():
        for k, x in enumerate(bucket):
            for y in bucket[k + 1 :]:
                pairs.setdefault(frozenset((x, y)), (x, y))
    return list(pairs.values())


def _text_pairs(x: str, y: str, holders: dict, names: list[dict]) -> list[tuple]:
    """``(i, j, name in i, name in j)`` for texts i < j using one form each and not the
    other's, earliest first."""
    out = []
    for first, second in ((x, y), (y, x)):
        for i in holders[first]:
            if second in names[i]:
                continue
            out += [
                (i, j, first, second) for j in holders[second] if j > i and first not in names[j]
            ]
    return sorted(out)[: MAX_TRIES * 4]


def _names(text: str) -> dict[str, list[tuple[int, int]]]:
    """Capitalised names of two words or more, a leading "The" dropped, with their spans."""
    names: dict[str, list[tuple[int, int]]] = {}
    for match in _NAME.finditer(text):
        name, start = match.group(), match.start()
        while " " in name and name.split()[0].lower() in _LEADING:  # "But", "The", "If"
            cut = name.index(" ") + 1
            name, start = name[cut:], start + cut
        if len(name.split()) >= 2 and not text.startswith(("'s", "’s"), start + len(name)):
            names.setdefault(name, []).append((start, start + len(name)))
    return names


def _one_word_apart(a: str, b: str) -> int | None:
    """The position of the one word in which two names differ (None if not exactly one)."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b) or len(words_a) < 2:
        return None
    differ = [i for i, (x, y) in enumerate(zip(words_a, words_b, strict=True)) if x != y]
    if len(differ) != 1:
        return None
    x, y = words_a[differ[0]], words_b[differ[0]]
    if not (ordinary(x) and ordinary(y)) or same_word(x, y) or _inflected(x, y):
        return None
    return differ[0]


def _inflected(x: str, y: str) -> bool:
    """One word in two forms or shortened: "Crab"/"Crabs", "Jews"/"Jewish", "Intel"/"Intel…"."""
    x, y = x.lower(), y.lower()
    stems = stem(x), stem(y)
    return (
        x.startswith(y)
        or y.startswith(x)
        or stems[0].startswith(stems[1])
        or stems[1].startswith(stems[0])
    )


def _organisation(name_a: str, name_b: str, text_a: str, text_b: str) -> Variant | None:
    position = _one_word_apart(name_a, name_b)
    if position is None:
        return None
    x, y = name_a.split()[position], name_b.split()[position]
    media = any(w.lower() in MEDIA_WORDS for w in (name_a + " " + name_b).split())
    reason = None if media else _head_changed(name_a, x, y, position)
    if reason is None:
        common = [w for i, w in enumerate(name_a.split()) if i != position]
        if not any(w.lower() in ORGANISATION_WORDS for w in common):  # "X Manson": no body
            return None
        shared = _shared_context(name_a, name_b, position, text_a, text_b)
        if len(shared) < (MIN_SHARED_MEDIA if media else MIN_SHARED_CONTEXT):
            return None
        reason = (
            f"“{name_a}” and “{name_b}” differ in one ordinary word (“{x}”/“{y}”) and stand "
            f"among the same words ({', '.join(sorted(shared)[:4])}): likely one body renamed "
            "by rewriting"
        )
    spans_a, spans_b = _names(text_a)[name_a], _names(text_b)[name_b]
    tie = "head" if reason.startswith("the organisation word") else "context"
    return Variant(name_a, name_b, reason, "organisation", spans_a, spans_b, tie)


def _organisations(name_a: str, name_b: str) -> bool:
    """At least one looks like an organisation; neither is a place or a post."""
    if not any(_organisation_like(n) for n in (name_a, name_b)):
        return False
    return not any(is_place(n) or n.split()[-1].lower() in _TITLE_WORDS for n in (name_a, name_b))


def _organisation_like(name: str) -> bool:
    return is_org(name) or any(w.lower() in ORGANISATION_WORDS for w in name.split())


def _head_changed(name: str, x: str, y: str, position: int) -> str | None:
    if position != len(name.split()) - 1:
        return None
    heads = [w for w in (x, y) if w.lower() in ORGANISATION_WORDS]
    if len(heads) != 1:
        return None
    other = y if heads[0] == x else x
    return (
        f"the organisation word “{heads[0]}” and the ordinary word “{other}” end otherwise equal "
        "names: likely one organisation renamed by rewriting"
    )


def _shared_context(name_a: str, name_b: str, position: int, text_a: str, text_b: str) -> set:
    """Content words near the mentions of both names (of the part from the changed word on,
    when that part has two words or more: "Security Council" in "UN Security Council")."""
    core_a, core_b = name_a.split()[position:], name_b.split()[position:]
    core_a = " ".join(core_a) if len(core_a) >= 2 else name_a
    core_b = " ".join(core_b) if len(core_b) >= 2 else name_b
    name_terms = set(content_terms(name_a + " " + name_b))
    near_a = _context(core_a, text_a) - name_terms
    near_b = _context(core_b, text_b) - name_terms
    return {t for t in near_a & near_b if t not in _DAYS and not t[0].isdigit()}


def _context(name: str, text: str) -> set[str]:
    terms: set[str] = set()
    for match in re.finditer(re.escape(name), text):
        before = text[: match.start()].split()[-CONTEXT_WORDS:]
        after = text[match.end() :].split()[:CONTEXT_WORDS]
        terms.update(content_terms(" ".join(before + after)))
    return terms


def _people_in(texts: list[str]) -> list[tuple[int, int, Variant]]:
    """People whose names differ in one ordinary word and who hold the same role at the same
    organisation in two texts."""
    posts: dict[tuple[str, str], list[tuple[int, re.Match]]] = {}
    for i, text in enumerate(texts):
        for role in _ROLE.finditer(text):
            posts.setdefault((role["role"].lower(), role["org"]), []).append((i, role))
    found, seen = [], set()
    for held in posts.values():
        for k, (i, role_a) in enumerate(held):
            for j, role_b in held[k + 1 :]:
                pair = frozenset((role_a["name"], role_b["name"]))
                if (
                    j == i
                    or pair in seen
                    or _one_word_apart(role_a["name"], role_b["name"]) is None
                ):
                    continue
                seen.add(pair)
                found.append((i, j, _person(role_a, role_b)))
    return found


def _person(role_a: re.Match, role_b: re.Match) -> Variant:
    reason = (
        f"“{role_a['name']}” and “{role_b['name']}” are both {role_a['role']} at "
        f"{role_a['org']} and differ in one ordinary word: likely one person renamed by rewriting"
    )
    return Variant(
        role_a["name"], role_b["name"], reason, "person",
        [role_a.span("name")], [role_b.span("name")], "role",
    )  # fmt: skip


def ordinary(word: str) -> bool:
    """A common English word (not a place): "Heart", "Basis", "Field"; not "Larkin"."""
    if not word.isalpha() or word.isupper() or is_place(word):
        return False
    return _frequencies()[word.lower()] >= ORDINARY_FREQUENCY


@cache
def _frequencies():
    from spellchecker import SpellChecker  # its English word list with frequencies

    return SpellChecker(language="en", distance=1).word_frequency

"""Spellings of one name compared: the same, a style difference, a misspelling or
transliteration, a look-alike spelling in another script, or two different people; and
whether two sets of titles for one person contradict each other.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from .comparable import fold_lookalikes, strip_invisible

GENERIC_TITLES = frozenset(
    {"leader", "chief", "head", "official", "expert", "analyst", "striker", "midfielder",
     "defender", "goalkeeper"}
)  # fmt: skip


def name_key(name: str) -> str:
    """Folded form used to compare spellings: accents, case, hyphens, spaces and invisible
    characters removed."""
    decomposed = unicodedata.normalize("NFKD", strip_invisible(name))
    letters = "".join(ch for ch in decomposed if ch.isalnum())
    return letters.casefold()


def name_tokens(name: str) -> list[str]:
    """Lower-case words of a name, accents and invisible characters removed."""
    decomposed = unicodedata.normalize("NFKD", strip_invisible(name))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return [t for t in re.split(r"[\s\-’']+", plain.casefold()) if t]


def variant_kind(a: str, b: str) -> str | None:
    """How two spellings of a full name relate: 'same', 'style' (hyphens, spacing, accents),
    'script' (the same letters, some written with look-alikes from another script, as a
    spoofed name is), 'spelling' (a transliteration or typo of the same name), or None
    (different people)."""
    if a == b:
        return "same"
    if name_key(a) == name_key(b):
        plain_a, plain_b = strip_invisible(a), strip_invisible(b)
        return "same" if plain_a.casefold() == plain_b.casefold() else "style"
    if name_key(fold_lookalikes(a)) == name_key(fold_lookalikes(b)):
        return "script"
    tokens_a, tokens_b = name_tokens(a), name_tokens(b)
    if len(tokens_a) != len(tokens_b) or len(tokens_a) < 2:
        return None
    scores = [fuzz.ratio(x, y) for x, y in zip(tokens_a, tokens_b, strict=True)]
    exact = sum(1 for x, y in zip(tokens_a, tokens_b, strict=True) if x == y)
    if exact >= 1 and min(scores) >= 50 and fuzz.ratio(name_key(a), name_key(b)) >= 75:
        return "spelling"
    return None


def is_alias(short: str, full: str) -> bool:
    """'Ortiz' is an alias of 'Ana Ortiz'; 'Moreau' of 'Jean-Luc Moreau'."""
    short_tokens, full_tokens = name_tokens(short), name_tokens(full)
    if len(short_tokens) >= len(full_tokens) or not short_tokens:
        return False
    return short_tokens in (full_tokens[: len(short_tokens)], full_tokens[-len(short_tokens) :])


def titles_conflict(titles_a: set[str], titles_b: set[str]) -> float | None:
    """Confidence that two sets of titles for one person contradict each other, or None.

    Titles agree when the sets share one; two generic words ('leader', 'chief') never clash;
    two different offices clash strongly; a generic word against an office clashes less."""
    if not titles_a or not titles_b or titles_a & titles_b:
        return None
    offices_a, offices_b = titles_a - GENERIC_TITLES, titles_b - GENERIC_TITLES
    if not offices_a and not offices_b:
        return None
    if offices_a and offices_b:
        if any(_nested(x, y) for x in offices_a for y in offices_b):
            return None
        return 0.85
    return 0.7


def _nested(a: str, b: str) -> bool:
    """'minister' and 'defence minister' describe the same office at two levels of detail."""
    return a.endswith(" " + b) or b.endswith(" " + a)

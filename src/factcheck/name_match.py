"""Name match: whether a name of a sentence is in a source's words.

The names of a text are its capitalised runs ("Ana Ruiz", "West Velmar", "Bank of Velmar"), as
folded tokens: compared without case, accents, hyphens, full stops of acronyms or a possessive.
A sentence's first word counts only when it is no common word ("Okafor said" is a name, "The
minister said" is not). A run is in a source when each of its words is, or a form of it (a
demonym and its country, "Velmarian" / "Velmar"); a word before the last may be missing
("Ruiz" for "Ana Ruiz", "Mayor Okafor" for "Jude Okafor") unless it is a qualifier that changes
the place ("West Velmar"), or the source gives that last word to someone else: a name of the
source ending in it whose words before are neither the run's nor a title ("Lena Ruiz" in the
source does not back "Ana Ruiz", ``other_bearer``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .lexical import STOPWORDS
from .names import TITLES
from .wording import FUNCTION_WORDS

_RUN = re.compile(r"(?<![\w’'])[A-Z][\w’'-]*(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\w’'-]*)*")
TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
QUALIFIERS = frozenset(
    "north south east west northern southern eastern western new upper lower central greater "
    "great little old saint st united democratic republic".split()
)
_LINKS = frozenset(["of", "de", "the"])
_COMMON = STOPWORDS | FUNCTION_WORDS  # a sentence's first word that is no name
DEMONYM_ENDINGS = frozenset(["n", "an", "ian", "ese", "i", "ish", "ic", "ern"])


def fold(word: str) -> str:
    """A word compared without case, accents or a possessive."""
    plain = unicodedata.normalize("NFKD", word)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
    return re.sub(r"['’]s?$", "", plain)


def name_runs(text: str) -> list[tuple[str, ...]]:
    """Capitalised runs, as folded tokens; a sentence's first word counts only when it is no
    common word (a stopword) — "Okafor said" is checked, "The minister said" is not."""
    runs = []
    first = _first_letter(text)
    for match in _RUN.finditer(text):
        tokens = [fold(t) for t in TOKEN.findall(match.group())]
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


def has_name(run: tuple[str, ...], tokens: frozenset[str]) -> bool:
    present = [has_word(t, tokens) for t in run]
    if all(present):
        return True
    missing = {t for t, found in zip(run, present, strict=True) if not found}
    return len(run) >= 2 and present[-1] and not missing & QUALIFIERS


def has_word(word: str, tokens: frozenset[str]) -> bool:
    """``word`` or a form of it: a demonym and its country ("velmarian", "velmar")."""
    return word in tokens or word in strip_endings(tokens) or bool(without_ending(word) & tokens)


@lru_cache(maxsize=50_000)
def without_ending(word: str) -> frozenset[str]:
    """The word with a demonym ending taken off, where at least four letters are left."""
    return strip_endings(frozenset([word]))


@lru_cache(maxsize=4096)
def strip_endings(words: frozenset[str]) -> frozenset[str]:
    """The words with a demonym ending taken off ("velmarian" → "velmar", "brazilian" → "brazil"),
    where at least four letters are left."""
    return frozenset(
        w[: -len(e)]
        for w in words
        for e in DEMONYM_ENDINGS
        if w.endswith(e) and len(w) - len(e) >= 4
    )


def other_bearer(run: tuple[str, ...], said: tuple[tuple[str, ...], ...]) -> bool:
    """Whether the source's names ``said`` give the last word of ``run`` (a name of two words or
    more) to someone else: one ends in it, and of the words before, neither has one the other
    has, and each has one that is no title ("Lena Ruiz" for "Ana Ruiz"; "Mayor Ruiz" or "Ruiz"
    for "Ana Ruiz" is the same bearer)."""
    own = _given(run)
    if not own:
        return False
    return any(
        other[-1] == run[-1] and (given := _given(other)) and not given & set(run[:-1])
        and not own & set(other[:-1])
        for other in said
    )  # fmt: skip


def _given(run: tuple[str, ...]) -> set[str]:
    """The words before a name's last that are no title."""
    return {t for t in run[:-1] if t not in _TITLE_WORDS}


HONORIFICS = frozenset("mr mrs ms miss dr sir dame lady lord".split())
_TITLE_WORDS = HONORIFICS | {w for title in TITLES for w in title.casefold().split()}

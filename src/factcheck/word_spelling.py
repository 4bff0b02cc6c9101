"""Word spelling: whether two written words are one word spelled two ways.

British and American forms ("programme"/"program", "centre"/"center", "organise"/"organize",
"colour"/"color", "travelled"/"traveled", "defence"/"defense"), hyphenation ("co-operation"/
"cooperation"), curly and straight apostrophes, and small numbers written as words or digits
("four"/"4") are the same word; anything else is a different word. Contractions are expanded
("won't" → "will not") before words are compared, so "we will not" and "we won't" read alike.

The irregular pairs are data (``data/lexicon/spellings.txt``); the regular endings are rules.
``same_word`` compares two words; ``spelling_key`` gives one word the spelling its British and
American forms share, for the lexicon's concepts ('organised' → 'organized').
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from .quantities import WORD_NUMBERS

_SUFFIXES = (  # (British ending, American ending), tried on two words compared
    ("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"),
    ("ising", "izing"), ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"), ("our", "or"),
    ("ours", "ors"), ("oured", "ored"), ("ouring", "oring"), ("ourite", "orite"),
    ("ourable", "orable"), ("re", "er"), ("res", "ers"), ("ence", "ense"), ("ences", "enses"),
    ("ogue", "og"), ("ogues", "ogs"), ("lled", "led"), ("lling", "ling"), ("ller", "ler"),
    ("llers", "lers"),
)  # fmt: skip
_BRITISH = (  # rewrites of one word to one spelling, narrower: no second word to check
    (re.compile(r"(?<=\w{3})is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"(?<=\w{3})our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"(?<=\w{3})tre(s)?$"), r"ter\1"),
    (re.compile(r"^(defen|offen|licen|preten)ce(s)?$"), r"\1se\2"),
)
_DOUBLED_L_STEM = re.compile(r"\w{3,}[ae]$")  # "travel-led", not "fi-lled"/"filed"
_CONTRACTIONS = {
    "won't": "will not", "can't": "can not", "cannot": "can not", "shan't": "shall not",
    "n't": " not", "'re": " are", "'ll": " will", "'ve": " have", "'m": " am", "'d": " would",
}  # fmt: skip
_CONTRACTION = re.compile(
    r"\b(?:won't|can't|cannot|shan't)\b|(?<=\w)(?:n't|'re|'ll|'ve|'m|'d)\b", re.IGNORECASE
)
_DIGIT_WORDS = {str(v): w for w, v in WORD_NUMBERS.items() if " " not in w and v < 100}


@cache
def _pairs() -> dict[str, str]:
    """British → American form of the irregular pairs."""
    path = resources.files("factcheck").joinpath("data/lexicon/spellings.txt")
    rows = (line.split("#", 1)[0].split() for line in path.read_text("utf-8").splitlines())
    return {row[0]: row[1] for row in rows if row}


def spelling_key(word: str) -> str:
    """One spelling for the British and American forms of a lower-case word: 'organised' →
    'organized', 'programme' → 'program'."""
    word = _pairs().get(word, word)
    for pattern, replacement in _BRITISH:
        word = pattern.sub(replacement, word)
    return word


def plain(text: str) -> str:
    """Curly apostrophes made straight and contractions expanded, lower-cased."""
    text = text.replace("’", "'").replace("‘", "'").lower()
    return _CONTRACTION.sub(lambda m: _CONTRACTIONS.get(m.group(), m.group()), text)


def same_word(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one word spelled two ways (case and hyphens aside)."""
    a, b = _fold(a), _fold(b)
    if a == b or _pairs().get(a) == b or _pairs().get(b) == a:
        return True
    if _DIGIT_WORDS.get(a) == b or _DIGIT_WORDS.get(b) == a:
        return True
    if min(len(a), len(b)) < 5:  # "four"/"for", "acre"/"acer": too short to tell
        return False
    return any(_swap(a, b, british, american) for british, american in _SUFFIXES)


def _fold(word: str) -> str:
    return word.casefold().replace("’", "'").replace("-", "")


def _swap(a: str, b: str, british: str, american: str) -> bool:
    for first, second in ((a, b), (b, a)):
        stem = first[: -len(british)]
        if first.endswith(british) and second == stem + american:
            return not british.startswith("ll") or bool(_DOUBLED_L_STEM.match(stem))
    return False

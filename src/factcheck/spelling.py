"""Spelling: whether two written words are one word spelled two ways.

British and American forms ("programme"/"program", "centre"/"center", "organise"/"organize",
"colour"/"color", "travelled"/"traveled", "defence"/"defense"), hyphenation ("co-operation"/
"cooperation"), curly and straight apostrophes, and small numbers written as words or digits
("four"/"4") are the same word; anything else is a different word. Contractions are expanded
("won't" → "will not") before words are compared, so "we will not" and "we won't" read alike.
"""

from __future__ import annotations

import re

from .quantities import WORD_NUMBERS

_PAIRS = {  # irregular pairs the suffix rules below do not cover
    "programme": "program", "programmes": "programs", "grey": "gray", "tyre": "tire",
    "tyres": "tires", "kerb": "curb", "cheque": "check", "aluminium": "aluminum",
    "plough": "plow", "mould": "mold", "judgement": "judgment", "ageing": "aging",
    "whilst": "while", "amongst": "among", "towards": "toward", "afterwards": "afterward",
    "practise": "practice", "licence": "license", "pyjamas": "pajamas", "draught": "draft",
    "mum": "mom", "mums": "moms", "sceptical": "skeptical", "sceptic": "skeptic",
    "sceptics": "skeptics", "scepticism": "skepticism", "storey": "story", "storeys": "stories",
}  # fmt: skip
_SUFFIXES = (  # (British ending, American ending), tried at the end of the longer stem
    ("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"),
    ("ising", "izing"), ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"), ("our", "or"),
    ("ours", "ors"), ("oured", "ored"), ("ouring", "oring"), ("ourite", "orite"),
    ("ourable", "orable"), ("re", "er"), ("res", "ers"), ("ence", "ense"), ("ences", "enses"),
    ("ogue", "og"), ("ogues", "ogs"), ("lled", "led"), ("lling", "ling"), ("ller", "ler"),
    ("llers", "lers"),
)  # fmt: skip
_DOUBLED_L_STEM = re.compile(r"\w{3,}[ae]$")  # "travel-led", not "fi-lled"/"filed"
_CONTRACTIONS = {
    "won't": "will not", "can't": "can not", "cannot": "can not", "shan't": "shall not",
    "n't": " not", "'re": " are", "'ll": " will", "'ve": " have", "'m": " am", "'d": " would",
}  # fmt: skip
_CONTRACTION = re.compile(
    r"\b(?:won't|can't|cannot|shan't)\b|(?<=\w)(?:n't|'re|'ll|'ve|'m|'d)\b", re.IGNORECASE
)
_DIGIT_WORDS = {str(v): w for w, v in WORD_NUMBERS.items() if " " not in w and v < 100}


def plain(text: str) -> str:
    """Curly apostrophes made straight and contractions expanded, lower-cased."""
    text = text.replace("’", "'").replace("‘", "'").lower()
    return _CONTRACTION.sub(lambda m: _CONTRACTIONS.get(m.group(), m.group()), text)


def same_word(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one word spelled two ways (case and hyphens aside)."""
    a, b = _fold(a), _fold(b)
    if a == b or _PAIRS.get(a) == b or _PAIRS.get(b) == a:
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

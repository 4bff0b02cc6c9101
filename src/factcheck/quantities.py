"""Quantities: numbers with their unit, scale and bound, parsed from text and compared.

"more than 3,400 households" → 3400 household, more_than; "nearly 2mn plastic bottles"
→ 2000000 bottle, about; "dozens of fishing boats" → 24–99 boat, range; "about two
hours" → 2 hour, about. Two quantities of one unit conflict only when the ranges they allow
cannot overlap, so rounding and bounds are never contradictions. Round tens written as words
("twenty years") are read as approximate.
"""

from __future__ import annotations

import math
import re

from .comparable import strip_invisible
from .models import Quantity

WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "a hundred": 100,
    "a thousand": 1000, "half a dozen": 6, "a couple of": 2,
}  # fmt: skip
VAGUE_NUMBERS = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "millions": (2e6, 9.99e6), "billions": (2e9, 9.99e9),
}  # fmt: skip
SCALES = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6,
    "b": 1e9, "bn": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12,
}  # fmt: skip
BOUNDS = {
    "more than": "more_than", "greater than": "more_than", "over": "more_than",
    "upwards of": "more_than", "in excess of": "more_than", "above": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least", "less than": "less_than", "fewer than": "less_than",
    "under": "less_than", "below": "less_than", "up to": "at_most", "at most": "at_most",
    "no more than": "at_most", "as many as": "at_most", "a maximum of": "at_most",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "nearly": "about", "almost": "about", "practically": "about",
    "close to": "about", "an estimated": "about", "estimated": "about", "approx.": "about",
    "just over": "about", "just under": "about", "some estimated": "about",
}  # fmt: skip
CURRENCIES = {"$": "usd", "us$": "usd", "€": "eur", "£": "gbp", "¥": "jpy"}
UNIT_STOP = frozenset(
    """of the a an and or to in on at for by with from as than that which who is are was were them
    they it its their his her these those other others more most times has have had will would
    could may might be been said says more less per each""".split()
)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True))
_VAGUE = "|".join(sorted((re.escape(w) for w in VAGUE_NUMBERS), key=len, reverse=True))
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
_BOUND = "|".join(sorted((re.escape(b) for b in BOUNDS), key=len, reverse=True))
_CUR = r"US\$|\$|€|£|¥"
_QUANTITY = re.compile(
    rf"""(?<![\w.,-])
    (?:(?P<bound>{_BOUND})\s+)?
    (?:
        (?P<between>between)\s+(?P<lo>{_NUM})\s+and\s+(?P<hi>{_NUM})
      | (?P<cur>{_CUR})?\s?(?P<num>{_NUM})(?:\s?(?:-|–|to)\s?(?:{_CUR})?(?P<num2>{_NUM}))?
        (?:\s?(?P<scale>{_SCALE})\b)?
      | (?P<vague>{_VAGUE})(?=\s+of\b)
      | (?P<word>(?:{_WORDS})(?:[-\s](?:{_WORDS}))?)\b
    )
    (?P<percent>\s?(?:%|per\s?cent\b|percent\b))?
    (?P<hyphen>-)?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_YEAR = re.compile(r"1[89]\d\d|20\d\d|21\d\d")
_GAP = re.compile(r"\s*(?:of\s+)?")
_UNIT_WORD = re.compile(r"[a-z][a-z-]*[a-z]")
_NEXT_UNIT_WORD = re.compile(r" [a-z]")


def parse_quantities(text: str) -> list[Quantity]:
    """Every quantity with a unit in ``text``; years and bare ordinals are left alone.
    Invisible characters are removed first: a direction-wrapped "40" is 40."""
    text = strip_invisible(text)
    found = []
    for match in _QUANTITY.finditer(text):
        quantity = _to_quantity(text, match)
        if quantity is not None:
            found.append(quantity)
    return found


def _to_quantity(text: str, match: re.Match) -> Quantity | None:
    groups = match.groupdict()
    if groups["num"] and _is_year(groups["num"], groups["cur"], groups["scale"]):
        return None
    value, value_max, bound = _value(groups)
    if value is None or (value_max is not None and value_max < value):
        return None  # "2-0", "3-1": a score, not a range
    if groups["word"] and value >= 20 and value % 10 == 0:
        bound = "about"  # "twenty years", "a hundred": round numbers in words are approximate
    if groups["bound"]:
        bound = BOUNDS[groups["bound"].lower()]
        if bound == "more_than" and groups["bound"].lower() == "over" and not groups["num"]:
            return None
    unit, unit_end = _unit(text, match, groups)
    if not unit:
        return None
    return Quantity(
        text=text[match.start() : unit_end].strip(),
        value=value,
        value_max=value_max,
        unit=unit,
        bound="range" if value_max is not None and bound == "exact" else bound,
    )


def _is_year(number: str, currency: str | None, scale: str | None) -> bool:
    return not currency and not scale and _YEAR.fullmatch(number) is not None


def _value(groups: dict) -> tuple[float | None, float | None, str]:
    if groups["between"]:
        return _number(groups["lo"]), _number(groups["hi"]), "range"
    if groups["num"]:
        scale = SCALES.get((groups["scale"] or "").lower(), 1.0)
        value_max = _number(groups["num2"]) * scale if groups["num2"] else None
        return _number(groups["num"]) * scale, value_max, "exact"
    if groups["vague"]:
        low, high = VAGUE_NUMBERS[groups["vague"].lower()]
        return float(low), float(high), "range"
    if groups["word"]:
        return _word_value(groups["word"].lower()), None, "exact"
    return None, None, "exact"


def _number(raw: str) -> float:
    return float(raw.replace(",", ""))


def _word_value(words: str) -> float | None:
    if words in WORD_NUMBERS:
        return float(WORD_NUMBERS[words])
    parts = re.split(r"[-\s]", words)
    if len(parts) == 2 and parts[0] in WORD_NUMBERS and parts[1] in WORD_NUMBERS:
        first, second = WORD_NUMBERS[parts[0]], WORD_NUMBERS[parts[1]]
        if second == 100:
            return float(first * 100)
        if first >= 20 and first % 10 == 0 and second < 10:
            return float(first + second)
    return None


def _unit(text: str, match: re.Match, groups: dict) -> tuple[str | None, int]:
    """The counted noun after the number: the last word of a short lowercase noun phrase,
    which ends at its first plural ("2mn plastic bottles" → bottle); after a hyphen, the one
    word that follows ("two-day trip" → day)."""
    if groups["percent"]:
        return "percent", match.end()
    if groups["cur"]:
        return CURRENCIES[groups["cur"].lower()], match.end()
    position = match.end()
    if not groups["hyphen"]:
        position = _GAP.match(text, position).end()
    words: list[str] = []
    while len(words) < (1 if groups["hyphen"] else 3):
        word = _UNIT_WORD.match(text, position)  # matched in place: never copy the rest
        if word is None or word.group() in UNIT_STOP:
            break
        words.append(word.group())
        position = word.end()
        if word.group().endswith("s") or not _NEXT_UNIT_WORD.match(text, position):
            break
        position += 1
    if not words:
        return None, match.end()
    return singular(words[-1]), position


def singular(word: str) -> str:
    """A plain English singular: 'shells' → 'shell', 'countries' → 'country'."""
    word = word.lower().strip("-")
    irregular = {"people": "person", "men": "man", "women": "woman", "children": "child"}
    if word in irregular:
        return irregular[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def interval(quantity: Quantity) -> tuple[float, float]:
    """The range of true values the quantity allows."""
    value = quantity.value
    if quantity.bound == "range" and quantity.value_max is not None:
        return value, quantity.value_max
    if quantity.bound == "about":
        return value * 0.8, value * 1.2
    if quantity.bound == "more_than":
        return math.nextafter(value, math.inf), math.inf
    if quantity.bound == "at_least":
        return value, math.inf
    if quantity.bound == "less_than":
        return 0.0, math.nextafter(value, -math.inf)
    if quantity.bound == "at_most":
        return 0.0, value
    return value * 0.995, value * 1.005


def compatible(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities of the same unit can both stand: their ranges overlap, and two
    open bounds of the same direction ("more than 3,000" / "more than 3,400") state the same
    threshold, since a report of a different threshold is a different figure."""
    if a.bound == b.bound and a.bound in ("more_than", "at_least", "less_than", "at_most"):
        return abs(a.value - b.value) <= 0.02 * max(a.value, b.value)
    low_a, high_a = interval(a)
    low_b, high_b = interval(b)
    return low_a <= high_b and low_b <= high_a


def describe(quantity: Quantity) -> str:
    """A short normalised reading, e.g. 'more than 3,400 household'."""
    words = {"exact": "", "about": "about ", "more_than": "more than ", "at_least": "at least ",
             "less_than": "less than ", "at_most": "at most ", "range": ""}  # fmt: skip
    number = f"{quantity.value:,.0f}" if quantity.value.is_integer() else f"{quantity.value:,}"
    if quantity.bound == "range" and quantity.value_max is not None:
        number = f"{number}–{quantity.value_max:,.0f}"
    return f"{words[quantity.bound]}{number} {quantity.unit}"

"""Names: people with their titles, organisations and places, found by rules, and compared.

People are found where a title introduces them ("Finance Minister Ana Ortiz", "Chilean
minister, Ana Ortiz"), where an apposition gives one ("Tom Reyes, a senior fellow at the
institute"), where a speech verb follows or precedes them ("…,” Reyes said"), or as a run of two to
four capitalised words that is neither a place nor an organisation. Places come from a small
gazetteer of countries, regions and capitals (``data/places.txt``) and from locative phrases
("talks in Lisbon"). Spellings of one person are compared with ``variant_kind``.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .comparable import fold_lookalikes, strip_invisible
from .models import Entity
from .name_spelling import (
    GENERIC_TITLES,
    is_alias,
    name_key,
    name_tokens,
    titles_conflict,
    variant_kind,
)

__all__ = [
    "GENERIC_TITLES",
    "is_alias",
    "name_key",
    "name_tokens",
    "titles_conflict",
    "variant_kind",
]  # comparing spellings lives in name_spelling; kept importable here

TITLES = (
    "president", "vice president", "senior vice president", "senior vp", "vp", "prime minister",
    "deputy prime minister", "foreign minister", "defence minister", "defense minister",
    "interior minister", "finance minister", "minister", "secretary of state",
    "secretary general", "general secretary", "defense secretary", "defence secretary",
    "secretary", "chancellor", "king", "queen", "crown prince", "prince", "supreme leader",
    "leader", "chairman", "chairwoman", "chairperson", "spokesman", "spokeswoman",
    "spokesperson", "ambassador", "governor", "mayor", "senator", "congressman",
    "congresswoman", "general", "admiral", "commander", "chief", "head", "director", "ceo",
    "professor", "senior fellow", "fellow", "analyst", "expert", "official", "envoy", "pope",
    "premier", "dictator", "emperor", "founder", "editor", "correspondent", "researcher",
    "coach", "manager", "captain", "striker", "midfielder", "defender", "goalkeeper",
)  # fmt: skip
TITLE_ALIASES = {
    "vp": "vice president", "senior vp": "senior vice president", "secretary-general":
    "secretary general", "defense minister": "defence minister", "defense secretary":
    "defence secretary", "spokeswoman": "spokesperson", "spokesman": "spokesperson",
    "chairwoman": "chairperson", "chairman": "chairperson", "congresswoman": "congressman",
}  # fmt: skip
ORG_WORDS = frozenset(
    """ministry department agency institute institution center centre council committee university
    college school party association commission bank fund endowment organization organisation
    office court parliament congress senate assembly army navy forces force corporation corp inc
    ltd group press news times post journal tribune herald network foundation league alliance
    service services authority administration house kremlin pentagon reuters bloomberg cnbc bbc
    cnn tass yonhap xinhua guardian""".split()
)
PLACE_WORDS = frozenset(
    """peninsula sea ocean island islands river mountains province region city county state square
    strait gulf bay coast valley republic kingdom federation union emirates""".split()
)
NOT_NAMES = frozenset(
    """the a an this that these those he she it they we i his her their its our my in on at for
    from with by as of and or but if when while after before during upon since despite however
    although though meanwhile earlier later today yesterday tomorrow according following amid
    amidst among there here what who why how where which accusations western eastern northern
    southern russian korean american chinese european soviet ukrainian japanese british french
    german western war cold new old first last next monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september october november
    december president minister secretary leader mr mrs ms dr prime state general chief vice
    senior""".split()
)
SPEECH_VERBS = (
    "said", "says", "told", "added", "noted", "warned", "stated", "explained", "argued",
    "wrote", "insisted", "mentioned", "claimed", "asked", "replied", "agreed", "announced",
)  # fmt: skip
INVERTED_SPEECH = ("said", "says", "added", "noted", "wrote", "asked", "mentioned", "according to")
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"  # Latin letters with accents too: "Mbappé", "Jürgen", "Łukasz"
_LOWER = "a-zß-öø-ÿā-ž"
_TOKEN = rf"[{_UPPER}][{_LOWER}]+(?:[-’'][{_UPPER}{_LOWER}]+)*"
_NAME = rf"{_TOKEN}(?:\s+(?:[A-Z]\.\s+)?{_TOKEN}){{0,3}}"
_TITLE = "|".join(sorted((re.escape(t) for t in TITLES), key=len, reverse=True))
_TITLE = _TITLE.replace(r"secretary\ general", r"secretary[\s-]general")
_QUAL = r"(?:[A-Z][\w.-]*(?:’s|'s)?\s+){0,4}"
_TITLE_NAME = re.compile(rf"(?P<qual>{_QUAL})(?P<title>\b(?i:{_TITLE}))\b,?\s+(?P<name>{_NAME})")
_NAME_TITLE = re.compile(
    rf"(?P<name>{_NAME}),\s+(?:(?:a|an|the)\s+)?(?P<qual>(?:[\w’'-]+\s+){{0,3}}?)"
    rf"(?P<title>\b(?i:{_TITLE}))\b",
)
_SPEECH = "|".join(re.escape(v) for v in SPEECH_VERBS)
_INVERTED = "|".join(re.escape(v) for v in INVERTED_SPEECH)
_SAID_NAME = re.compile(rf"\b(?:{_INVERTED})\s+(?P<name>{_NAME})(?=\s*[,.;:]|\s*$)")
_NAME_SAID = re.compile(rf"(?P<name>{_NAME})\s+(?:has\s+|had\s+|also\s+)?(?:{_SPEECH})\b")
_CAPITALISED = re.compile(rf"{_NAME}")
_ORG_RUN = re.compile(rf"{_NAME}(?:\s+(?:for|of|on|and)\s+(?:the\s+)?{_NAME})*")
_LOCATIVE = re.compile(
    rf"\b(?:in|at|near|outside|inside)\s+(?:the\s+)?(?P<place>U\.S\.|U\.K\.|{_NAME}|[A-Z]{{2,4}}\b)"
)
_WORD_SPAN = re.compile(r"\S+")
PLACE_ALIASES = {
    "us": "United States", "u.s.": "United States", "usa": "United States",
    "america": "United States", "united states of america": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "dprk": "North Korea", "rok": "South Korea",
    "uae": "United Arab Emirates", "holland": "Netherlands", "the netherlands": "Netherlands",
    "burma": "Myanmar", "ivory coast": "Côte d'Ivoire", "czechia": "Czech Republic",
    "kiev": "Kyiv", "peking": "Beijing", "bombay": "Mumbai",
}  # fmt: skip


@dataclass(frozen=True)
class PersonMention:
    """A person named in a sentence, with the title given there."""

    name: str
    title: str | None
    qualifier: str | None
    start: int
    end: int


@cache
def gazetteer() -> frozenset[str]:
    """Lower-cased place names shipped with factcheck."""
    raw = resources.files("factcheck").joinpath("data/places.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in raw.splitlines())
    return frozenset(line.lower() for line in lines if line and not line.startswith("#"))


def is_place(name: str) -> bool:
    words = name.lower().replace("’s", "").replace("'s", "").split()
    return " ".join(words) in gazetteer() or bool(words) and words[-1] in PLACE_WORDS


def is_org(name: str) -> bool:
    words = name.replace("-", " ").split()
    if any(w.lower() in ORG_WORDS for w in words):
        return True
    return len(words) == 1 and words[0].isupper() and len(words[0]) >= 2 and not is_place(name)


def normalize_title(title: str) -> str:
    """'Secretary-General' → 'secretary general', 'spokeswoman' → 'spokesperson'."""
    text = " ".join(title.lower().replace("-", " ").split())
    return TITLE_ALIASES.get(text, TITLE_ALIASES.get(title.lower(), text))


def find_people(text: str, *, headline: bool = False) -> list[PersonMention]:
    """People named in ``text``: titled ones first, then speakers and plain names (not in a
    headline, where every word is capitalised)."""
    found = _Mentions()
    blocked = [(start, end) for _, start, end in _org_spans(text)]
    for match in _TITLE_NAME.finditer(text):
        _add_titled(found, match, text)
    for match in _NAME_TITLE.finditer(text):
        _add_titled(found, match, text)
    patterns = (_SAID_NAME, _NAME_SAID) if headline else (_SAID_NAME, _NAME_SAID, _CAPITALISED)
    for pattern in patterns:
        for match in pattern.finditer(text):
            group = "name" if "name" in pattern.groupindex else 0
            cleaned = _name_span(text, *match.span(group))
            if cleaned and _plausible_person(cleaned[0], plain=pattern is _CAPITALISED):
                found.add(PersonMention(cleaned[0], None, None, cleaned[1], cleaned[2]))
    return [p for p in found.items if not _covers(blocked, p.start)]


class _Mentions:
    """People found so far: disjoint spans kept in order, so adding one is a binary search
    (the text can be a megabyte with thousands of names). A titled mention or a longer one
    wins over the mentions it overlaps."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.items: list[PersonMention] = []

    def add(self, mention: PersonMention) -> None:
        first = bisect_left(self.starts, mention.start)
        if first and self.items[first - 1].end > mention.start:
            first -= 1
        last = bisect_left(self.starts, mention.end)
        length = mention.end - mention.start
        for other in self.items[first:last]:
            if other.title is not None or other.end - other.start >= length:
                return
        self.starts[first:last] = [mention.start]
        self.items[first:last] = [mention]


def _covers(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether one of the ordered, disjoint ``spans`` contains ``position``."""
    index = bisect_right(spans, (position, math.inf)) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _org_spans(text: str) -> list[tuple[str, int, int]]:
    """Organisation names: capitalised runs, joined by 'for', 'of', 'on', 'and', with an
    organisation word ("Center for Strategic and International Studies")."""
    spans = []
    for match in _ORG_RUN.finditer(text):
        runs = list(_CAPITALISED.finditer(match.group()))
        first = next((r for r in runs if is_org(r.group()) and " " in r.group()), None)
        first = first or next((r for r in runs if is_org(r.group())), None)
        if first is None:
            continue
        cleaned = _name_span(text, match.start() + first.start(), match.end())
        if cleaned:
            spans.append(cleaned)
    return spans


def _add_titled(found: _Mentions, match: re.Match, text: str) -> None:
    cleaned = _name_span(text, *match.span("name"))
    if not cleaned:
        return
    name, start, end = cleaned
    if is_place(name) or is_org(name) or name.split()[0].lower() in NOT_NAMES:
        return
    qualifier_words = match.group("qual").split()
    title = match.group("title")
    if qualifier_words and f"{qualifier_words[-1]} {title}".lower() in TITLES:
        title = f"{qualifier_words.pop()} {title}"  # "Defense Secretary", not "Secretary"
    qualifier = " ".join(qualifier_words) or None
    title = normalize_title(title)
    found.add(PersonMention(name, title, qualifier, start, end))


def _name_span(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The name inside ``text[start:end]`` with its offsets: leading and trailing function words
    and a possessive dropped, whitespace inside it written as single spaces. The offsets are
    computed from the words' own positions, never searched for again."""
    words = [m.span() for m in _WORD_SPAN.finditer(text, start, end)]
    low, high = 0, len(words)
    while low < high and text[slice(*words[low])].lower() in NOT_NAMES:
        low += 1
    while high > low and text[slice(*words[high - 1])].lower() in NOT_NAMES:
        high -= 1
    if low == high:
        return None
    first, last = words[low][0], words[high - 1][1]
    if text[last - 2 : last] in ("’s", "'s"):
        last -= 2
    if last <= first:
        return None
    return " ".join(text[first:last].split()), first, last


def _clean_name(raw: str) -> str:
    cleaned = _name_span(raw, 0, len(raw))
    return cleaned[0] if cleaned else ""


def _plausible_person(name: str, *, plain: bool) -> bool:
    words = name.split()
    if is_place(name) or is_org(name):
        return False
    if any(w.split("-")[0].lower() in NOT_NAMES for w in words):
        return False
    if any(is_place(part) for part in name.split("-")):
        return False
    if any(is_place(w) for w in words):
        return False
    return not plain or 2 <= len(words) <= 4


def find_places(text: str) -> list[tuple[str, int, int]]:
    """Places in ``text`` with offsets: gazetteer names and locative phrases."""
    named = []  # in text order and disjoint, like the locatives below
    for match in _CAPITALISED.finditer(text):
        for name, start in _place_parts(match.group(), match.start()):
            named.append((name, start, start + len(name)))
    orgs = [(start, end) for _, start, end in _org_spans(text)]
    spans = [(start, end) for _, start, end in named]
    locatives = []
    for match in _LOCATIVE.finditer(text):
        cleaned = _name_span(text, *match.span("place"))
        if cleaned is None or _covers(orgs, match.start("place")) or is_org(cleaned[0]):
            continue
        if not _covers(spans, cleaned[1]):
            locatives.append(cleaned)
    return sorted(named + locatives, key=lambda p: p[1])


def _place_parts(run: str, offset: int) -> list[tuple[str, int]]:
    """Gazetteer names inside a run of capitalised words, longest first."""
    words = list(re.finditer(r"\S+", run))
    parts, index = [], 0
    while index < len(words):
        for size in range(min(4, len(words) - index), 0, -1):
            chunk = run[words[index].start() : words[index + size - 1].end()]
            chunk = re.sub(r"(?:’s|'s)$", "", chunk)
            if chunk.lower() in gazetteer():
                parts.append((chunk, offset + words[index].start()))
                index += size
                break
        else:
            index += 1
    return parts


def canonical_place(name: str) -> str:
    """One name per place: 'US', 'U.S.' and 'America' are 'United States'; 'Kiev' is 'Kyiv'."""
    return PLACE_ALIASES.get(name.casefold().strip(), name)


def place_mentioned(place: str, text: str) -> bool:
    """Whether ``text`` names ``place`` (a canonical name) in any of its spellings."""
    text = fold_lookalikes(strip_invisible(text))
    forms = [place] + [alias for alias, name in PLACE_ALIASES.items() if name == place]
    for form in forms:
        short = form in PLACE_ALIASES and len(form) <= 4  # "us", "uk": the capitals, a word
        pattern = rf"(?<![\w.]){re.escape(form.upper() if short else form)}(?![\w])"
        if re.search(pattern, text, 0 if short else re.IGNORECASE):
            return True
    return False


def locative_places(text: str) -> list[str]:
    """Places that say where something happened: 'in Lisbon', 'at Nairobi', 'in the US'
    (canonical names)."""
    text = fold_lookalikes(strip_invisible(text))
    places = []
    for match in _LOCATIVE.finditer(text):
        raw = match.group("place")
        if raw.isupper() or raw in ("U.S.", "U.K."):
            if raw.casefold() in PLACE_ALIASES:
                places.append(canonical_place(raw))
            continue  # other acronyms are organisations, not places
        name = _clean_name(raw)
        plausible = name and (is_place(name) or name.split()[0].lower() not in NOT_NAMES)
        if plausible and not is_org(name):
            places.append(canonical_place(name))
    return places


def find_orgs(text: str) -> list[str]:
    """Organisations named in ``text``."""
    orgs = []
    for name, _, _ in _org_spans(text):
        if name not in orgs:
            orgs.append(name)
    for match in re.finditer(r"\b[A-Z]{2,6}\b", text):
        if is_org(match.group()) and match.group() not in orgs:
            orgs.append(match.group())
    return orgs


def find_entities(text: str, *, headline: bool = False) -> list[Entity]:
    """People (with titles), organisations and places named in ``text``, read with invisible
    characters removed and look-alike letters folded; a person keeps the spelling the text
    uses, so a name written with look-alike letters shows as a variant of the real one."""
    text = strip_invisible(text)
    folded = fold_lookalikes(text)
    entities = [
        Entity(name=_own_spelling(text, folded, p.name, p.start, p.end), type="person",
               title=p.title, qualifier=p.qualifier)
        for p in find_people(folded, headline=headline)
    ]  # fmt: skip
    entities += [Entity(name=o, type="organization") for o in find_orgs(folded)]
    seen = {e.name.lower() for e in entities}
    for name, _, _ in find_places(folded):
        if name.lower() not in seen:
            seen.add(name.lower())
            entities.append(Entity(name=name, type="place"))
    return entities


def _own_spelling(text: str, folded: str, name: str, start: int, end: int) -> str:
    """``name`` as ``text`` spells it (``folded`` is ``text`` with look-alikes folded)."""
    if text is folded:
        return name
    return " ".join(text[start:end].split())


def speaker(text: str) -> str | None:
    """Who a sentence attributes its content to: "…, Cha said" → 'Cha' (as the text spells
    it, invisible characters removed)."""
    text = strip_invisible(text)
    folded = fold_lookalikes(text)
    for pattern in (_NAME_SAID, _SAID_NAME):
        for match in pattern.finditer(folded):
            cleaned = _name_span(folded, *match.span("name"))
            if cleaned and cleaned[0].split()[0].lower() not in NOT_NAMES:
                return _own_spelling(text, folded, *cleaned)
    return None

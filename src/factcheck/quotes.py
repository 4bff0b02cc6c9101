"""Quotes: passages in quotation marks and who they are credited to.

``find_quotes`` finds passages between quotation marks (“…”, "…", ‘…’, «…», „…“) with their
speaker: named after the passage (“…,” X said / said X / X told Y / according to X / Y quoted X
as saying) or before it (X said: “…” / X told Y: “…” / According to X, “…” / X said that he was
“…”); a pronoun ("she said") is the speaker of the last named quotation before it, or the one
person named just before; a passage with no speaker of its own right after a credited one (the
same paragraph, or the next with nothing else between) continues it. A speaker with no name
("experts", "a spokesman", "the FSA official") is kept with ``named=False``.

How the stage uses it: a claim whose evidence lies inside a credited passage is attributed to
its speaker ("attributed", never "unattributed"; a ``named=False`` speaker such as "experts"
keeps the claim unattributed); ``rewording.altered_quotes`` compares the quotations of two
sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .names import TITLES, find_people
from .segment import ABBREVIATIONS

MIN_WORDS = 3  # shorter passages are scare quotes and titles, not statements
PRONOUN_REACH = 800  # "he said" is the last named speaker this many characters back
# opening marks, the marks that close them, and the marks a passage may not hold: curly double
# marks pair loosely (“…”, „…“, „…”, and a sloppy “…“)
_PAIRS = (("“„", "”“", "“”„"), ("«", "»", "«»"), ('"', '"', '"'), ("‘", "’", "‘’"))
_SPEECH = (
    "said", "says", "say", "told", "tells", "added", "adds", "noted", "warned", "stated",
    "explained", "argued", "wrote", "writes", "insisted", "asked", "replied", "recalled",
    "remarked", "declared", "announced", "admitted", "acknowledged", "conceded", "continued",
    "concluded", "claimed", "observed", "commented", "confirmed", "stressed", "emphasised",
    "emphasized", "predicted", "urged", "vowed", "promised", "mentioned", "tweeted", "posted",
    "saying", "pledged", "disclosed", "revealed", "reported", "reiterated", "responded",
)  # fmt: skip
_VERB = "|".join(_SPEECH)
_REPORTED = _VERB + "|predicts|predicted|expects|expected|believes|believe|believed|estimates|"
_REPORTED += "estimated|warns|warn|argues|argue|insists|insist|thinks|think|fears|fear|suggests|"
_REPORTED += r"agree[ds](?!\s+(?:to|on|with)\b)|underscored|underlined|highlighted|hinted|"
_REPORTED += "cautioned|contended|forecast"
_SENTENCE_AFTER = re.compile(
    rf",\s*(?P<who>[^,;“”\"]{{1,60}}(?:,\s*[^,;“”\"]{{1,70}},)?)\s+(?:has\s+|had\s+|also\s+)?"
    rf"(?:{_VERB})\b[^,;“”\"]{{0,60}}[.!]?\s*$"
)
_SENTENCE_SAID_AFTER = re.compile(
    rf",\s*(?:{_VERB})\s+(?P<who>[^,;“”\"]{{1,60}})(?:,[^;“”\"]*)?[.!]?\s*$"
)
_SENTENCE_ACCORDING = re.compile(r"^(?:[^,]{0,40},\s*)?according\s+to\s+(?P<who>[^,]{1,70}),", re.I)
_OPENING = r"(?:[A-Z][\w ]{0,24},\s+)?"  # "However, Lee said …", "On Monday, Lee said …"
_SENTENCE_SUBJECT = re.compile(
    rf"^{_OPENING}(?P<who>[^,;:“”\"]{{1,60}}?)\s+(?:has\s+|have\s+|had\s+|also\s+)?"
    rf"(?:{_REPORTED})\b"
)
_SENTENCE_APPOSITIVE = re.compile(  # "Ann Lee, a professor at Velt, said …"
    rf"^{_OPENING}(?P<who>[A-Z][^,;“”\"]{{1,40}}),\s+[^;“”\"]{{2,110}}?,\s+"
    rf"(?:has\s+|have\s+|had\s+|also\s+)?(?:{_REPORTED})\b"
)
_TITLE_WORDS = frozenset(w for t in TITLES for w in t.split()) | frozenset(
    """mr mrs ms dr prof sir dame lord lady judge justice treasurer master officer resident
    executive spokesman spokeswoman economist lawyer attorney inspector superintendent
    constable sergeant detective deputy acting interim former staff front-runner candidate
    colonel lieutenant captain major private corporal commissioner rep sen gov gen col lt sgt
    capt adm canon rabbi imam bishop father reverend rev transport health finance
    foreign interior defence defense education justice trade labour labor energy""".split()
)
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
GENERIC_SPEAKERS = frozenset(  # a claimant with no name: "experts say" stays unattributed
    """experts analysts observers officials scientists researchers sources critics
    residents witnesses doctors economists diplomats investigators reports many
    some others people commentators insiders campaigners activists""".split()
)
_LEADING = frozenset(  # a phrase starting so is a circumstance, not the speaker
    """in on at with after before during when while as for from by asked speaking writing""".split()
)
_SENTENCE_ADVERBS = frozenset("however meanwhile also still yet instead later earlier".split())
_PREPOSITIONS = frozenset("for of at from with in by".split())
_NOT_SUBJECTS = frozenset("and but or which who that as while when if because so then".split())
_DESCRIBED = frozenset(  # words that may follow a name without being what the speaker is
    """on in at of for from to who which and but with as after before during when last this
    yesterday today earlier later also has had was is told said says""".split()
)
_NOT_SPEAKERS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december the a an this that""".split()
)
_RUN = re.compile(
    r"[A-ZÀ-Ý][\w’'.-]*(?:\s+(?:(?:de|del|da|van|von|al|bin|le|la)\s+)?[A-ZÀ-Ý][\w’'.-]*)*"
)
_AFTER_VERB_FIRST = re.compile(rf"^\s*[,;:]?\s*(?:{_VERB})\s+(?P<who>[^“”\"\n;!?]{{1,80}})")
_AFTER_SUBJECT = re.compile(
    rf"^\s*[,;:]?\s*(?P<who>[^“”\"\n;!?]{{1,90}}?)\s+(?:has\s+|had\s+|also\s+)?(?:{_VERB})\b"
)
_AFTER_ACCORDING = re.compile(r"^\s*[,;:]?\s*according\s+to\s+(?P<who>[^“”\"\n.;!?]{1,80})")
_QUOTED_AS = re.compile(
    r"^\s*[,;:]?\s*[^“”\"\n.;!?]{0,60}?\bquoted\s+(?P<who>.{1,60}?)\s+as\s+saying"
)
_BEFORE_COLON = re.compile(
    rf"(?P<who>[^“”\"\n.;!?]{{1,90}}?)\s+(?:has\s+|had\s+|also\s+)?(?:{_VERB})"
    r"(?:\s+[^“”\"\n.;:!?]{0,40}?)?\s*:\s*$"
)
_BEFORE = re.compile(
    rf"(?P<who>[^“”\"\n.;!?]{{1,90}}?)\s+(?:has\s+|had\s+|also\s+)?(?:{_VERB})"
    r"(?:\s+[^“”\"\n.;:!?]{0,60}?)?\s*(?:,|\bthat\b[^“”\"\n.;:!?]{0,60}|\bto\b)\s*$"
)
_BEFORE_ACCORDING = re.compile(r"according\s+to\s+(?P<who>[^“”\"\n.;!?]{1,80}?),?\s*$", re.I)
_TOKEN = re.compile(r"[^\W_][\w’'-]*")


@dataclass(frozen=True)
class Quote:
    """A passage in quotation marks and who it is credited to."""

    text: str  # the words between the marks
    start: int  # offset of ``text`` in the article text
    end: int
    speaker: str | None = None  # "Petra Voss", "police", or None when no one is named
    named: bool = False  # the speaker is a name, not "experts" or "a spokesman"
    how: str | None = None  # after | before | according_to | quoted_as | pronoun | continued


def find_quotes(text: str) -> list[Quote]:
    """Quoted passages of ``text`` in order, each with its speaker where the text names one."""
    return list(_find_quotes(text))


@lru_cache(maxsize=4096)  # the stages read one article's quotations more than once
def _find_quotes(text: str) -> tuple[Quote, ...]:
    quotes: list[Quote] = []
    for start, end in _passages(text):
        credit = _credit(text, start, end)
        if credit is None:
            quote = Quote(text[start:end], start, end)
            quote = _continued(text, quotes[-1], quote) if quotes else quote
            quote = quote if quote.speaker else _after_reported(text, quote)
        else:
            last = max(_last_named(quotes, start), _last_reported(text, start), key=_position)
            quote = _with_speaker(text, start, end, *credit, previous=last and last[1])
        quotes.append(quote)
    return tuple(quotes)


def _last_named(quotes: list[Quote], start: int) -> tuple[int, str] | None:
    """Where the last named quotation ending shortly before ``start`` ends, and its speaker."""
    named = [q for q in quotes if q.named and start - q.end <= PRONOUN_REACH]
    return (named[-1].end, named[-1].speaker) if named else None


def _last_reported(text: str, start: int) -> tuple[int, str] | None:
    """The named speaker of reported speech in the two sentences before ``start`` ("However,
    Lee said the plan could fail. “…,” he said."), and where that sentence ends."""
    head = text[max(0, start - 400) : start]
    offset = start - len(head)
    ends = [m.end() for m in re.finditer(r"[.!?][”\"’]?(?=\s)|\n", head)]
    bounds = sorted({0, *ends, len(head)})
    pieces = [
        (b, e) for b, e in zip(bounds, bounds[1:], strict=False) if len(head[b:e].split()) > 2
    ]
    for begin, end in pieces[::-1][:2]:
        credited = sentence_speaker(head[begin:end])
        if credited is not None and credited[1]:
            return offset + end, credited[0]
    return None


def _after_reported(text: str, quote: Quote) -> Quote:
    """A passage with no speaker that opens right after a sentence of reported speech with a
    named speaker ("…, Ann Lee told the Courier. “…”") continues it."""
    before = text[max(0, quote.start - 4) : quote.start].rstrip(' “„"«')
    if before and before[-1] not in ".!?\n":  # a title inside a sentence, not a new one
        return quote
    reported = _last_reported(text, quote.start)
    if reported is None or text[reported[0] : quote.start].strip(' .“„"«\n'):
        return quote
    return Quote(quote.text, quote.start, quote.end, reported[1], True, "continued")


def _position(found: tuple[int, str] | None) -> int:
    return -1 if found is None else found[0]


def _passages(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for opening, closing, excluded in _PAIRS:
        inner = "[^" + re.escape(excluded) + "\n]+"
        pattern = f"[{re.escape(opening)}]({inner})[{re.escape(closing)}]"
        for match in re.finditer(pattern, text):
            if opening == "‘" and not _is_single_quote(text, match):
                continue
            if len(_TOKEN.findall(match.group(1))) >= MIN_WORDS:
                spans.append(match.span(1))
    spans.sort()
    kept: list[tuple[int, int]] = []
    for span in spans:  # a passage inside another (nested marks) is part of it
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _is_single_quote(text: str, match: re.Match) -> bool:
    """‘…’ is a quotation when the marks stand outside words (not "don’t … ’til")."""
    before = text[match.start() - 1] if match.start() else " "
    after = text[match.end()] if match.end() < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _credit(text: str, start: int, end: int) -> tuple[str, str, bool] | None:
    """The speaker phrase of a passage, how it is credited, and whether the verb comes first."""
    after = _sentence_after(text, end + 1)
    before = _sentence_before(text, start - 1)
    colon = _BEFORE_COLON.search(before)  # "X said: “…”" outranks what follows the passage
    if colon and _subject(colon.group("who")):
        return colon.group("who"), "before", False
    for pattern, how in ((_QUOTED_AS, "quoted_as"), (_AFTER_ACCORDING, "according_to"),
                         (_AFTER_VERB_FIRST, "after"), (_AFTER_SUBJECT, "after")):  # fmt: skip
        match = pattern.match(after)
        if match and (pattern is not _AFTER_SUBJECT or _subject(match.group("who"))):
            return match.group("who"), how, pattern is _AFTER_VERB_FIRST
    for pattern, how in ((_BEFORE_ACCORDING, "according_to"), (_BEFORE, "before")):
        match = pattern.search(before)
        if match and (pattern is _BEFORE_ACCORDING or _subject(match.group("who"))):
            return match.group("who"), how, False
    return None


def sentence_speaker(sentence: str) -> tuple[str, bool] | None:
    """Who a sentence of reported speech is credited to, and whether by name: "…, Hana Kovac,
    an analyst, told the Ledger." → ("Hana Kovac", True); "According to Pavel Dost, …";
    "The Harwell Institute predicts …"; "Experts say …" → ("experts", False); None when no one
    is credited ("It is widely believed …")."""
    text = sentence.strip()
    patterns = (
        (_SENTENCE_ACCORDING, False),
        (_SENTENCE_AFTER, False),
        (_SENTENCE_SAID_AFTER, True),
        (_SENTENCE_SUBJECT, False),
        (_SENTENCE_APPOSITIVE, False),
    )
    for pattern, verb_first in patterns:
        match = pattern.search(text)
        if match and (verb_first or _subject(match.group("who"))):
            speaker, named = speaker_name(match.group("who"), verb_first=verb_first)
            if speaker and speaker.lower() not in _PRONOUNS:
                return speaker, named
    return None


def _subject(phrase: str) -> bool:
    """A plausible speaker phrase: not a clause starting with a conjunction, not too long."""
    words = _core(phrase).split()
    named = re.split(r"\s+(?:of|at|from|for|with|in)\s+", " ".join(words))[0].split()
    return bool(words) and words[0].lower() not in _NOT_SUBJECTS and len(named) <= 8


def _core(phrase: str) -> str:
    """The part of a speaker phrase that names the speaker: "Lena Brandt, an analyst at X" →
    "Lena Brandt"; "In a short statement, Ms Lawrence" → "Ms Lawrence"."""
    parts = [p.strip() for p in phrase.strip(" ,").split(",") if p.strip()]
    if not parts:
        return ""
    first = parts[0].split()
    if first[0].lower() in _LEADING or len(first) > 6:
        return parts[-1]
    return parts[0]


def _sentence_after(text: str, index: int) -> str:
    rest = text[index : index + 200]
    for stop in re.finditer(r"[.!?](?=\s+[A-Z“\"‘])|\n|[“\"]", rest):
        if stop.group() == "." and _abbreviation(rest[: stop.start()]):
            continue
        return rest[: stop.start()]
    return rest


def _abbreviation(head: str) -> bool:
    """The word before a full stop is a title or an initial ("Gen.", "J.")."""
    word = re.search(r"([A-Za-z]+)$", head)
    return word is not None and (word.group(1).lower() in ABBREVIATIONS or len(word.group(1)) == 1)


def _sentence_before(text: str, index: int) -> str:
    head = text[max(0, index - 200) : index]
    cuts = [
        m.end() for m in re.finditer(r"[.!?]\s|\n|”", head) if not _abbreviation(head[: m.start()])
    ]
    return head[cuts[-1] :] if cuts else head


def _with_speaker(
    text: str, start: int, end: int, phrase: str, how: str, verb_first: bool, previous: str | None
) -> Quote:
    speaker, named = speaker_name(phrase, verb_first=verb_first)
    if speaker in _PRONOUNS:
        person = previous or _only_person(text, start)
        if person is not None:
            speaker, named, how = person, True, "pronoun"
    return Quote(text[start:end], start, end, speaker, named, how)


def speaker_name(phrase: str, *, verb_first: bool = False) -> tuple[str | None, bool]:
    """The name in a speaker phrase ("harbour master Petra Voss" → "Petra Voss"); a phrase with
    no name gives its words ("a company spokesman" → "company spokesman", not named)."""
    part = _core(phrase)
    last = part.split()[-1].lower() if part.split() else ""
    if last in _PRONOUNS:  # "he", "Writing on her website she"
        return last, False
    runs = [r for r in _RUN.finditer(part) if _runs_a_name(part, r)]
    if runs:
        run = runs[0] if verb_first else runs[-1]
        following = part[run.end() :].split()
        described = following and following[0].islower() and following[0] not in _DESCRIBED
        name = _strip_titles(run.group()).strip(".,;:")
        descriptor = run.group().split()[-1].lower() in _TITLE_WORDS  # "the US President"
        generic = " " not in name and name.lower() in GENERIC_SPEAKERS  # "Experts say"
        if name and not (described or descriptor or generic):  # "the FSA official": no name
            return name, True
    words = [w for w in part.lower().split() if w not in ("a", "an", "the")]
    return (" ".join(words[-4:]) or None), False


def _runs_a_name(part: str, run: re.Match) -> bool:
    """Not a weekday or article, and not an affiliation ("a spokesman for the Navy")."""
    before = [w for w in part[: run.start()].lower().split() if w not in ("the", "a", "an")]
    words = run.group().split()
    first = words[1] if len(words) > 1 and words[0] in ("The", "A", "An") else words[0]
    first = first.lower().strip(".")
    # "Chief of Staff Ann Lee": a title, then a name (not "for Labour Studies")
    titled = first in _TITLE_WORDS and len(_strip_titles(run.group()).split()) >= 2
    affiliation = bool(before) and before[-1] in _PREPOSITIONS and not titled
    return first not in _NOT_SPEAKERS and first not in _LEADING and not affiliation


def _strip_titles(run: str) -> str:
    """The words after the last title word: "Turkish Prime Minister Ahmet Kaya" → "Ahmet Kaya"."""
    words = run.split()
    titled = [i for i, w in enumerate(words) if w.lower().strip(".") in _TITLE_WORDS]
    rest = words[titled[-1] + 1 :] if titled else words
    while rest and rest[0].lower() in _NOT_SUBJECTS | _SENTENCE_ADVERBS | {"the", "a", "an"}:
        rest.pop(0)
    return " ".join(rest)


def _only_person(text: str, index: int) -> str | None:
    """The one person named in the 400 characters before ``index`` (None if none or several)."""
    window = re.sub(r"\s+", " ", text[max(0, index - 400) : index])  # one space between words
    people = {p.name for p in find_people(window)}
    return people.pop() if len(people) == 1 else None


def _continued(text: str, previous: Quote, quote: Quote) -> Quote:
    """A passage with no speaker right after a credited one (its paragraph, or the next one
    when nothing but the credit stands between them)."""
    between = text[previous.end : quote.start]
    sentences = len(re.findall(r"[.!?](?:\s|$)", between))
    if previous.speaker is None or len(between) > 150 or sentences > 1:
        return quote
    return Quote(quote.text, quote.start, quote.end, previous.speaker, previous.named, "continued")

"""Fragments: text that cannot stand alone as a sentence of the brief.

``fragment(text)`` gives the reason a sentence would read badly on its own, or None:

- ``not a sentence``: no closing full stop or exclamation mark (headlines, captions, credits,
  sign-offs, page furniture), a question, a heading in capitals or title case, a caption's
  label ("Pictured: ..."), link texts run together ("RelatedPhones ... shareTablets"), markup or
  an address, or fewer than ``MIN_WORDS`` words;
- ``part of a longer quotation``: a quotation mark opened and not closed, or closed and never
  opened (the sentence is one piece of a quote that runs over several sentences);
- ``a quotation without its speaker``: nothing outside the quotation marks;
- ``leans on an earlier sentence``: it opens with a pronoun or demonstrative ("He said",
  "This marks", "These remarks"), with a connective that answers an earlier sentence ("But",
  "However", "In return", "First,"), has "also" among its first words ("The minister also
  said"), refers back ("these remarks", "the same"), quotes someone it names only as "he" or
  "she", has a pronoun among its first words with no name before it ("Five days later, he
  ..."), or speaks in the first person outside quotation marks ("I think it is a hoax.").

General English signals only; nothing about any story.
"""

from __future__ import annotations

import re

MIN_WORDS = 5
HEADING_SHARE = 0.9  # of the longer words capitalised: a heading in title case
_END = re.compile(r"[.!…][”\"’'»)\]]*\s*$")
_LEANS_OPENING = re.compile(
    r"^[“\"‘'„«]?(?:(?:He|She|They|It|This|That|These|Those|His|Her|Their|Its|Such|Both|"
    r"Neither|But|And|Or|So(?! far)|Yet|Also|However|Meanwhile|Moreover|Furthermore|Still|Then|"
    r"Instead|Nevertheless|Nonetheless|Besides|Likewise|Similarly|Thus|Therefore|Hence|"
    r"Otherwise|Indeed|Again|Afterwards|Now|Here|Because(?![^,]*,))\b(?![’'-])|(?:The latter|"
    r"The former|First|Second|Third|Firstly|Secondly|Finally|Lastly|Next|By the way|Further|"
    r"In return|In addition|In turn|In response|As a result|By contrast|Even so|On the other "
    r"hand|At the same time|For (?:his|her|their|its) part|Not only that),)"
)
_REFERS_BACK = re.compile(
    r"\b(?:these|those|such|the same|the latter|the former|the aforementioned) (?:remarks?|"
    r"comments?|words|statements?|claims?|reports?|moves?|measures?|figures?|developments?|"
    r"allegations?|accusations?|concerns?|talks|events?|incidents?|steps?|actions?|decisions?|"
    r"plans?|findings|results|efforts|threats?|warnings?|criticism|questions?)\b",
    re.IGNORECASE,
)
_ALSO = re.compile(r"^(?:[\w’'-]+,?\s+){1,4}(?:also|too)\s+[a-z]", re.IGNORECASE)
_PRONOUN_SPEAKER = re.compile(
    r"[,”\"’]\s+(?:he|she|they)\s+(?:said|says|added|told|explained|noted|mentioned|continued|"
    r"wrote|insisted|warned|stressed)\b|^[“\"„«].*[”\"»]\s*,?\s*(?:he|she|they)\s+\w+",
    re.IGNORECASE,
)
_EARLY_PRONOUN = re.compile(r"^(?:[\w’'-]+,?\s+){0,3}(?:he|him|his|she|her|they|them|their)\b")
_FIRST_PERSON = re.compile(r"\bI\b|\b[Ww]e\b|\b[Mm]y\b|\b[Oo]ur\b|\bme\b|\bus\b")
_LABEL = re.compile(r"^[A-Z][\w’'-]*(?:\s+[A-Za-z][\w’'-]*)?:\s")  # "Pictured: ...", "MORE: ..."
_QUOTED = re.compile(
    r"“[^”]*”|\"[^\"]*\"|„[^”“]*[”“]|«[^»]*»|‘[^’]*’(?!\w)"
    r"|(?:^|(?<=[\s(:]))'(?=\S)[^']*(?:'\w[^']*)*'(?=[\s.,;:!?)]|$)"  # 'single straight quotes'
)
_GLUED = re.compile(r"\b[A-Z]?[a-z]{3,}[A-Z][a-z]{2,}")  # "shareApple": link texts run together
_MARKUP = re.compile(r"[{}<>]|@\w|https?://|www\.|\.com\b|#\w")
_OPENERS, _CLOSERS = "“„«", "”»"


def fragment(text: str) -> str | None:
    """Why ``text`` cannot stand alone in the brief, or None when it can."""
    text = text.strip()
    if _not_a_sentence(text):
        return "not a sentence"
    if _open_quotation(text):
        return "part of a longer quotation"
    if not _outside_quotes(text).strip(" .,;:!?…—–-"):
        return "a quotation without its speaker"
    if any(p.search(text) for p in (_LEANS_OPENING, _REFERS_BACK, _PRONOUN_SPEAKER, _ALSO)):
        return "leans on an earlier sentence"
    if _unnamed_person(text):
        return "leans on an earlier sentence"
    return None


def _unnamed_person(text: str) -> bool:
    """Someone the sentence does not name: a pronoun among its first words with no name before
    it ("Five days later, he ..."), or a first person outside quotation marks ("I think ...":
    the speaker is named elsewhere, if at all)."""
    early = _EARLY_PRONOUN.search(text)
    if early and not re.search(r"\s[A-Z]", text[: early.end()]):
        return True
    return bool(_FIRST_PERSON.search(_outside_quotes(text)))


def _outside_quotes(text: str) -> str:
    return _QUOTED.sub(" ", text)


def _not_a_sentence(text: str) -> bool:
    words = text.split()
    if len(words) < MIN_WORDS or not _END.search(text) or _MARKUP.search(text):
        return True
    if _LABEL.search(text) or len(_GLUED.findall(text)) >= 2:
        return True
    long_words = [w for w in words if len(w.strip("“”\"'‘’(),.:;")) >= 4]
    capitalised = [w for w in long_words if w.lstrip("“\"‘'(")[:1].isupper()]
    return bool(long_words) and len(capitalised) >= HEADING_SHARE * len(long_words)


def _open_quotation(text: str) -> bool:
    """A quotation that the sentence opens and does not close, or closes and did not open."""
    opened = sum(text.count(ch) for ch in _OPENERS)
    closed = sum(text.count(ch) for ch in _CLOSERS)
    return opened != closed or text.count('"') % 2 == 1

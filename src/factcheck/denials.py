"""Denials: sentences that deny, refute or call false a reported event, and what they deny.

``find_denial`` reads one sentence. It recognises:

- a denial verb: "X denied that …", "denies reports that …", "refuted claims that …",
  "dismissed the reports as …", "debunked …";
- a verdict on a report: "the report is a hoax", "the photo is fake", "claims … are false",
  "… has been proved a hoax", "classified the story as false", "… is not true", "it is not
  true that …", "… never happened", "a satirical site";
- missing evidence: "there is no evidence that …", "no evidence to suggest …";
- a plain negation of an event ("the mayor was not arrested"): kind ``negation``, weaker, to be
  trusted only when it matches another source's claim closely.

It returns the cue and what is denied: the words after the cue ("that it planned to close the
mine"), or the subject of the verdict ("reports of a bear in the town centre"), with their
content stems (``terms``) and capitalised names, so a stage can match them against another
source's claim with ``denies``. "Denied any wrongdoing" denies no event and is not a denial;
"did not comment" or "declined to confirm" is not either.

How the stage uses it: for each sentence of one source that ``find_denial`` marks, look up the
claims of the other sources that ``denies`` scores at ``MATCH`` or more (``MATCH_NEGATION`` for
a plain negation); each such pair is a contradiction of type ``denial`` quoting both sentences,
the cue and the denied words marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexical import content_terms

MATCH = 0.4  # share of a claim's content words the denial must meet (tuned on FNC-1 dev)
MATCH_NEGATION = 0.7
DEICTIC_MATCH = 0.5  # "this is a hoax" meets whatever the story is: the stage pairs it with the
# other sources' lead claims only
_REPORTING = frozenset(
    content_terms(
        "report reports reported claim claims claimed rumour rumor rumours rumors story stories "
        "news article allegation allegations suggestion suggestions say says said told according"
    )
)
_DEICTIC = frozenset(
    content_terms(
        "this that it story photo photos picture pictures image images video videos "
        "tale item piece post tweet viral"
    )
)
_OBJECTS = r"(?:(?:the|these|those|such|any|all|media|press|news|earlier|recent|widespread)\s+)*"
_OBJECT_NOUNS = (
    r"(?:reports?|claims?|rumou?rs?|allegations?|suggestions?|stor(?:y|ies)|accounts?|speculation)"
)
_VERB = re.compile(
    r"\b(?P<cue>den(?:y|ies|ied|ying)|refut(?:e|es|ed|ing)|rebut(?:s|ted|ting)?|debunk(?:s|ed|ing)?"
    r"|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|disput(?:e|es|ed|ing)|contradict(?:s|ed|ing)?)\b"
    r"(?P<rest>.*)",
    re.IGNORECASE,
)
_VERDICT = re.compile(
    r"^(?P<subject>.{3,240}?)(?:[’']s|\s+(?:(?:is|was|are|were|has\s+been|have\s+been|had\s+been)"
    r"\s+)?(?:is|was|are|were|been|turned\s+out\s+to\s+be|appears\s+to\s+be|"
    r"(?:proved|proven|shown|exposed|revealed|outed|debunked)(?:\s+(?:to\s+be|as))?))\s+[\"“‘']?"
    r"(?:(?:a|an|just|merely|simply|completely|totally|entirely|all|in\s+fact)\s+)*(?P<cue>hoax(?:es)?|fakes?|false|untrue|fabricated|fabrication|"
    r"made[\s-]up(?!\s+of)|baseless|bogus|unfounded|satire|satirical|a\s+myth|myths?|not\s+true|"
    r"not\s+real|"
    r"nonsense|fiction|fictional|photoshopped|doctored|a\s+prank|bunk|a\s+rumou?r|rumou?rs)\b",
    re.IGNORECASE,
)
_NOT_TRUE_THAT = re.compile(
    r"\b(?P<cue>(?:it\s+is|it\s+was|it's|this\s+is|that\s+is)\s+(?:not\s+true|untrue|false))"
    r"\s+(?:that\s+)?(?P<rest>.+)",
    re.IGNORECASE,
)
_LABELLED = re.compile(  # "Snopes classified the story as false", "dismissed the reports as a hoax"
    r"\b(?:classified|rated|labell?ed|branded|called|described|dismissed|debunked|denounced)\s+"
    r"(?P<rest>.{1,80}?)\s+as\s+[\"“‘']?(?:(?:a|an|just|complete|total|pure)\s+)*"
    r"(?P<cue>hoax(?:es)?|fakes?|false|untrue|fabricated|fabrication|made[\s-]up|baseless|bogus|"
    r"unfounded|satire|a\s+myth|myths?|nonsense|fiction|rumou?rs?|lies|a\s+lie|fake\s+news)\b",
    re.IGNORECASE,
)
_NOT_TRUE = re.compile(  # "… not even remotely true", "there is no truth in the report"
    r"(?P<cue>\bnot\s+(?:\w+\s+){0,2}true\b|\bno\s+truth\s+(?:in|to)\b)(?P<rest>.*)",
    re.IGNORECASE,
)
_NO_EVIDENCE = re.compile(
    r"\b(?P<cue>(?:there\s+(?:is|was|are|were|has\s+been|have\s+been)\s+)?(?:absolutely\s+)?no\s+"
    r"(?:credible\s+|hard\s+|real\s+|scientific\s+)?(?:evidence|proof|indication|sign|association|"
    r"link|connection|basis|truth|confirmation|credible\s+reports?)"
    r"|(?:did|does|do)\s+not\s+find\s+any\s+evidence)\s+(?:to\s+suggest\s+|to\s+support\s+)?"
    r"(?:that\s+|of\s+)?(?P<rest>.+)",
    re.IGNORECASE,
)
_NEVER = re.compile(r"^(?P<subject>.{3,160}?)\s+(?P<cue>never\s+happened|did\s+not\s+happen|"
                    r"didn't\s+happen|never\s+took\s+place)", re.IGNORECASE)  # fmt: skip
_SATIRE = re.compile(
    r"\b(?P<cue>(?:satirical|satire|parody|spoof|fake|bogus)\s+(?:news\s+)?"
    r"(?:site|website|story|article|report))",
    re.I,
)
_NEGATION = re.compile(
    r"^(?P<subject>.{3,120}?)\s+(?P<cue>(?:was|were|is|are|has|have|had|did|does|do|will|would)"
    r"\s*(?:not|n't)|never)\s+(?P<rest>[a-z]\w+.*)",
    re.IGNORECASE,
)
_NOT_EVENTS = re.compile(  # negations and denial verbs that deny no reported event
    r"\b(?:wrongdoing|any\s+comment|to\s+comment|comment\s+on|immediately|respond|return(?:ed)?"
    r"\s+(?:calls|requests)|give\s+a\s+reason|say\s+(?:how|why|when|whether|what)|know|clear"
    r"|confirm|disclose|elaborate|identify|name|specify|reveal)\b",
    re.IGNORECASE,
)


@dataclass
class Denial:
    """What a sentence denies, and how."""

    kind: str  # verb | labelled | verdict | not_true | no_evidence | never | satire | negation
    cue: str
    target: str  # the denied words as written
    sentence: str = ""
    terms: set[str] = field(default_factory=set)  # content stems of the denied proposition
    names: list[str] = field(default_factory=list)  # capitalised names in the sentence
    deictic: bool = False  # denies "this", "the story", "the photo": the report itself


def find_denial(sentence: str) -> Denial | None:
    """The denial a sentence makes, or None."""
    text = sentence.strip()
    for kind, pattern, part in _PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        target = match.group(part) if part in pattern.groupindex else text
        if kind in ("verb", "negation") and _NOT_EVENTS.search(_head(target)):
            continue
        if kind == "verb" and not _denies_something(match.group("cue"), match.group("rest")):
            continue
        if kind in ("verdict", "never"):  # "I think this is a hoax": the subject is "this"
            target = _verdict_subject(target)
        if kind == "negation":  # "the mayor was not arrested": the event without the "not"
            subject = re.split(r";|\bsaid\b|\bsays\b", match.group("subject"))[-1]
            target = subject + " " + _clause(match.group("rest"))
        return _denial(kind, match.group("cue"), target.strip(" ,.;:"), text)
    return None


def _verdict_subject(subject: str) -> str:
    """What a verdict judges: the last clause of its subject ("I think this is a hoax": "this"),
    or, for a pronoun that points back ("…, if anyone tells you that the tea is safe, it's not
    true"), the clause before it."""
    parts = re.split(
        r",|\b(?:think|believe|says?|said|that|thinks|believes|tells?|told)\b", subject
    )
    last = parts[-1]
    if last.strip().lower() in _BACK and len(parts) > 1:
        before = parts[-2]
        if len(content_terms(before)) >= 2:
            return before
    return last


_BACK = frozenset({"it", "that", "this", "which"})


def _clause(rest: str) -> str:
    """The negated clause alone: up to a semicolon or a trailing "…, police said"."""
    return re.split(r";|,\s+(?:\w+\s+){0,3}(?:said|says|told)\b", rest)[0]


def _head(target: str) -> str:
    """The first words after the cue: what is denied starts there ("denied any wrongdoing")."""
    return " ".join(target.split()[:4])


def _denies_something(cue: str, rest: str) -> bool:
    """'denied that …', 'denied reports …', 'denied having …', 'denied the claim': a proposition
    or a report follows, not just a person ("denied him entry"); 'rejected', 'dismissed',
    'disputed' deny only a report or a proposition ("rejected the offer" denies nothing)."""
    rest = rest.strip(" ,")
    if not re.match(r"den|refut|rebut|debunk", cue, re.IGNORECASE):
        lead = rf"(?:that\b|{_OBJECTS}{_OBJECT_NOUNS}\b|(?:the\s+)?(?:\w+\s+)?(?:reports?|claims?))"
        return re.match(lead, rest, re.IGNORECASE) is not None
    starts = re.match(
        rf"(?:(?:on|in|late|earlier|this|last)\s+\w+\s+)?(?:that\b|having\b|being\b|{_OBJECTS}"
        rf"{_OBJECT_NOUNS}\b|it\b|the\s+\w+|this\b|any\s+(?:involvement|role|link|plans?)\b|"
        r"ever\b|knowing\b|[a-z]+ing\b)",
        rest,
        re.IGNORECASE,
    )
    return starts is not None


def _names_report(target: str) -> bool:
    """The denied words name the report itself: "this", "the story", "the photo"."""
    words = set(content_terms(target)) | {w.lower() for w in target.split()}
    return bool(words & (_DEICTIC | _REPORTING | {"this"}))


def _denial(kind: str, cue: str, target: str, sentence: str) -> Denial:
    terms = set(content_terms(target)) - _REPORTING - _DEICTIC
    names = re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*", sentence)
    deictic = kind not in ("negation", "never") and not terms
    deictic = kind == "satire" or deictic and (not target.strip() or _names_report(target))
    return Denial(kind, cue, target, sentence, terms, names, deictic)


_PATTERNS = (
    ("not_true", _NOT_TRUE_THAT, "rest"),
    ("no_evidence", _NO_EVIDENCE, "rest"),
    ("labelled", _LABELLED, "rest"),
    ("verdict", _VERDICT, "subject"),
    ("not_true", _NOT_TRUE, "rest"),
    ("never", _NEVER, "subject"),
    ("verb", _VERB, "rest"),
    ("satire", _SATIRE, "cue"),
    ("negation", _NEGATION, "rest"),
)


def denies(denial: Denial, claim: str) -> float:
    """How closely the denial meets ``claim`` (0..1): the larger of the share of the claim's
    content words (reporting words aside) found in the denying sentence and the share of the
    denied words found in the claim (only the latter for a plain negation)."""
    wanted = set(content_terms(claim)) - _REPORTING
    if not wanted:
        return 0.0
    if denial.deictic:
        return DEICTIC_MATCH
    if not denial.terms:
        return 0.0
    denied = len(denial.terms & wanted) / len(denial.terms)
    if denial.kind == "negation":  # the sentence may state the claim and negate a detail
        return denied
    said = set(content_terms(denial.sentence)) - _REPORTING
    return max(len(wanted & said) / len(wanted), denied)


def denied_share(denial: Denial, claim: str) -> float:
    """How much of what the sentence denies the claim states: the share of the denied words
    found in ``claim`` (``DEICTIC_MATCH`` for a denial of "this" or "the story"). Stricter than
    ``denies``, which also counts the rest of the denying sentence: a stage pairing one denial
    with many claims needs the denied words themselves to meet the claim."""
    wanted = set(content_terms(claim)) - _REPORTING
    if not wanted:
        return 0.0
    if denial.deictic:
        return DEICTIC_MATCH
    return len(denial.terms & wanted) / len(denial.terms) if denial.terms else 0.0


def meets(denial: Denial, claim: str) -> float:
    """``denied_share``, less two readings where the claim states something else than what is
    denied: it shares one word with a denial of two or more (the story's topic, not its event:
    "there is no link between the two rituals" / "a ritual held every spring"), or it lacks the
    manner the denial is about ("denied the supplies were mistakenly dropped" / "planes dropped
    supplies": the dropping is not denied)."""
    share = denied_share(denial, claim)
    if denial.deictic or not share:
        return share
    stated = set(content_terms(claim))
    if len(denial.terms & stated) < min(2, len(denial.terms)):
        return 0.0
    return 0.0 if _manners(denial.target) - stated else share


def _manners(target: str) -> set[str]:
    """Stems of the manner adverbs of the denied words ("mistakenly", "secretly")."""
    found = re.findall(r"\b[a-z]{4,}ly\b", target)
    return {term for word in found if word not in _NOT_MANNER for term in content_terms(word)}


_NOT_MANNER = frozenset(
    """only early really actually reportedly allegedly apparently likely nearly recently currently
    previously initially finally originally family supply apply reply assembly rally daily weekly
    monthly yearly fully widely""".split()
)

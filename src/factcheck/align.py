"""Align: group claims from different articles that speak about the same thing.

Not all pairs. Each claim is described by weighted keys: its content stems, the people it names
(resolved through ``PersonIndex``, so spellings and aliases meet), the units it counts and the
times it gives; a key's weight is its inverse document frequency over the cluster's claims.
Claims are taken article by article; a claim looks up candidate groups through an inverted
index of its rarer keys (blocking), scores each candidate against the group's first few members
(a group that already holds a claim of the same article scores a little lower), and joins the
best one above ``threshold``, or starts a new group. Cost grows with claims × candidates × a
bounded number of members, not with claims².
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from .models import Claim, ClaimGroup
from .paraphrase import numbers, terms
from .people import PersonIndex

THRESHOLD = 0.3
SAME_ARTICLE_PENALTY = 0.1
MAX_COMPARED = 3
MAX_CANDIDATES = 30
MAX_POSTINGS = 300  # claims looked at per key when finding who else states a claim
COMMON_SHARE = 0.5
MIN_COMMON = 8
_DIGITS = re.compile(r"\d[\d,.]*")


def claim_keys(claim: Claim, people: PersonIndex) -> Counter:
    """The weighted-by-count keys that describe a claim: content stems (synonyms folded), the
    values of its figures whatever their form, people and places, units and times."""
    keys = Counter(f"w:{t}" for t in terms(claim.text))
    keys.update(f"n:{v:g}" for v in set(numbers(claim.text)) if v > 2)  # "the two sides": no figure
    for entity in claim.entities:
        person = people.key(entity.name) if entity.type == "person" else None
        keys[f"e:{person or entity.name.lower()}"] += 1
    keys.update(f"u:{q.unit}" for q in claim.quantities)
    keys.update(f"t:{t.value}" for t in claim.times)
    return keys


def align(
    claims: list[Claim], people: PersonIndex, threshold: float = THRESHOLD
) -> list[ClaimGroup]:
    """Groups of claims, in order of their canonical claims."""
    vectors, common = _vectors(claims, people)
    groups: list[ClaimGroup] = []
    index: dict[str, list[int]] = defaultdict(list)
    verbatim: dict[str, int] = {}  # claim text -> group holding it (syndicated copy)
    for claim in claims:
        vector = vectors[claim.id]
        same = verbatim.get(_shape(claim.text))
        if same is not None and not groups[same].has_article(claim.article):
            groups[same].add(claim, 1.0)
            continue
        best, best_score = None, threshold
        for position in _candidates(vector, common, index):
            group = groups[position]
            score = max(similarity(vector, vectors[m.id]) for m in group.members[:MAX_COMPARED])
            if group.has_article(claim.article):
                score -= SAME_ARTICLE_PENALTY
            if score >= best_score:
                best, best_score = position, score
        if best is None:
            verbatim.setdefault(_shape(claim.text), len(groups))
            groups.append(ClaimGroup(members=[claim], scores={claim.id: 1.0}))
            for key in vector:
                if key not in common:
                    index[key].append(len(groups) - 1)
        else:
            groups[best].add(claim, best_score)
    return groups


def _vectors(claims: list[Claim], people: PersonIndex) -> tuple[dict[str, dict], set[str]]:
    """Each claim's normalised key vector, and the keys too common to block on (most claims
    share them; in a small cluster no key is)."""
    keys = {c.id: claim_keys(c, people) for c in claims}
    frequency = _frequency(keys.values())
    weights = _idf(frequency, len(keys))
    common = {k for k, n in frequency.items() if n > COMMON_SHARE * len(keys) and n >= MIN_COMMON}
    return {cid: _vector(k, weights) for cid, k in keys.items()}, common


def stated_by(
    claims: list[Claim],
    people: PersonIndex,
    wanted: set[str] | None = None,
    threshold: float = THRESHOLD,
) -> dict[str, set[str]]:
    """For each claim (of ``wanted``, else all), the other articles with a claim as alike as
    two members of one group. A sentence that states two facts joins one group only; this finds
    who else states either. Candidates come from the inverted index of the claim's 12 rarest
    keys (``MAX_POSTINGS`` claims each), the ``MAX_CANDIDATES`` sharing most of them."""
    vectors, common = _vectors(claims, people)
    article = {c.id: c.article for c in claims}
    index: dict[str, list[str]] = defaultdict(list)
    for claim in claims:
        for key in vectors[claim.id]:
            if key not in common:
                index[key].append(claim.id)
    found: dict[str, set[str]] = {}
    for claim in claims:
        if wanted is not None and claim.id not in wanted:
            continue
        vector = vectors[claim.id]
        shared: Counter = Counter()
        for key in sorted((k for k in vector if k not in common), key=lambda k: -vector[k])[:12]:
            shared.update(o for o in index[key][:MAX_POSTINGS] if article[o] != claim.article)
        found[claim.id] = {
            article[other]
            for other, _ in shared.most_common(MAX_CANDIDATES)
            if similarity(vector, vectors[other]) >= threshold
        }
    return found


def _shape(text: str) -> str:
    """A sentence with its figures blanked: copies that differ only in a number meet at once
    (and the judge then compares their figures)."""
    return _DIGITS.sub("#", text)


def _candidates(vector: dict, common: set, index: dict) -> list[int]:
    counts: Counter = Counter()
    rare = sorted((k for k in vector if k not in common), key=lambda k: -vector[k])
    for key in rare[:12]:
        counts.update(index.get(key, ())[-MAX_CANDIDATES:])
    return [position for position, _ in counts.most_common(MAX_CANDIDATES)]


def _frequency(all_keys) -> Counter:
    """In how many claims each key occurs."""
    frequency: Counter = Counter()
    for keys in all_keys:
        frequency.update(set(keys))
    return frequency


def _idf(frequency: Counter, total: int) -> dict[str, float]:
    return {k: math.log((1 + total) / (1 + n)) + 1 for k, n in frequency.items()}


def _vector(keys: Counter, weights: dict[str, float]) -> dict[str, float]:
    vector = {k: (1 + math.log(n)) * weights[k] for k, n in keys.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {k: v / norm for k, v in vector.items()}


def similarity(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of two normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())

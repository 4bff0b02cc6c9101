"""Lead: how much a claim reads like what a news lead carries.

``lead_score(claim, position)`` is higher for an event or a figure than for attributed
commentary, a quote, speculation or opinion; for a claim that names who acted (a person or an
organisation), where and when; and for a claim early in its article (``position`` 0 for the
first claim, 1 for the last), where reporters put the news. A claim that is mostly a quotation
or that the article hedges scores lower. The brief orders facts with the same number of
independent sources by this score.
"""

from __future__ import annotations

from .models import Claim
from .quoting import quoted

KIND_WEIGHT = {
    "event": 1.0, "quantity": 1.0, "attribution": 0.7, "quote": 0.45, "speculation": 0.35,
    "opinion": 0.25,
}  # fmt: skip
ACTOR, PLACE, TIME = 0.2, 0.1, 0.15
EARLY = 0.5  # the first claim of an article gets this much more than the last
QUOTED, HEDGED = 0.3, 0.15


def lead_score(claim: Claim, position: float) -> float:
    """Higher for what a lead carries; ``position`` in [0, 1] within the claim's article."""
    types = {entity.type for entity in claim.entities}
    score = KIND_WEIGHT.get(claim.kind, 0.5)
    score += ACTOR * bool(types & {"person", "organization"}) + PLACE * ("place" in types)
    score += TIME * bool(claim.times) + EARLY * (1.0 - min(max(position, 0.0), 1.0))
    if quote_share(claim.text) > 0.5:
        score -= QUOTED
    if claim.hedged:
        score -= HEDGED
    return round(score, 4)


def quote_share(text: str) -> float:
    """Share of the text's characters inside quotation marks."""
    inside = sum(len(passage) for passage in quoted(text, open_start=True))
    return inside / len(text) if text else 0.0

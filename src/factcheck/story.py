"""Story: what the brief stage knows about the articles it writes about, computed once.

The claims of each article in reading order and where each stands in its article, the
independent source behind each article, a short label per article ("[2]", its number in the
report), the article texts (for the quotation-marks guard and the wording score), the claims
that come from a heading or page furniture, each claim's wording score with its cross-source
swaps (``swaps.Cluster``), cached, and how much of each article carries such marks.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from .damage import SPUN, Damage
from .models import Article, Claim
from .rewrites import independent_source
from .segment import segment
from .swaps import Cluster
from .wording import Wording, assess


@dataclass
class Story:
    claims: dict[str, Claim]
    derived: dict[str, str]
    total: int
    articles: list[Article] = field(default_factory=list)  # in report order, when known
    damage: Damage = field(default_factory=Damage)  # names garbled by a rewrite (``damage``)
    _wording: dict[tuple[str, str], Wording] = field(default_factory=dict, repr=False)
    _spin: dict[str, float] = field(default_factory=dict, repr=False)

    @cached_property
    def texts(self) -> dict[str, str]:
        """Each article's text; without the articles, its claims' evidence joined."""
        if self.articles:
            return {a.id: a.text for a in self.articles}
        return {a: "\n".join(c.evidence.quote for c in cs) for a, cs in self.by_article.items()}

    @cached_property
    def labels(self) -> dict[str, str]:
        """ "[n]": the article's number in the report (its order among the claims without it)."""
        order = [a.id for a in self.articles] or list(self.by_article)
        return {aid: f"[{n}]" for n, aid in enumerate(order, start=1)}

    @cached_property
    def outlets(self) -> dict[str, str]:
        return {a.id: a.outlet for a in self.articles if a.outlet}

    @cached_property
    def by_article(self) -> dict[str, list[Claim]]:
        grouped: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.claims.values():
            grouped[claim.article].append(claim)
        return {a: sorted(cs, key=lambda c: c.evidence.start) for a, cs in grouped.items()}

    @cached_property
    def position(self) -> dict[str, float]:
        """0 for an article's first claim, 1 for its last."""
        found = {}
        for claims in self.by_article.values():
            last = max(1, len(claims) - 1)
            found.update({c.id: i / last for i, c in enumerate(claims)})
        return found

    @cached_property
    def headings(self) -> set[str]:
        """Ids of claims whose evidence lies in a heading or in page furniture."""
        found = set()
        for article in self.articles:
            spans = [(s.start, s.end) for s in segment(article) if s.heading or s.furniture]
            for claim in self.by_article.get(article.id, []):
                start, end = claim.evidence.start, claim.evidence.end
                if any(s <= start and end <= e for s, e in spans):
                    found.add(claim.id)
        return found

    @cached_property
    def cluster(self) -> Cluster:
        return Cluster(self.texts, self.derived)

    def wording(self, claim: Claim, text: str | None = None) -> Wording:
        """The wording score of the claim's text (or of ``text``, a part of it)."""
        text = claim.text if text is None else text
        key = (claim.id, text)
        if key not in self._wording:
            self._wording[key] = self.cluster.assess(text, claim.article)
        return self._wording[key]

    def spin(self, article_id: str) -> float:
        """Share of the article's claims whose wording carries an artifact: a source spun or
        machine-translated in places is likely so throughout, even where no mark shows; at
        least ``damage.SPUN`` for an article with a name a rewrite damaged."""
        if article_id not in self._spin:
            claims = self.by_article.get(article_id, [])
            marked = sum(assess(c.text, self.texts.get(article_id)).artifact for c in claims)
            share = round(marked / len(claims), 3) if claims else 0.0
            self._spin[article_id] = max(share, SPUN * (article_id in self.damage.spun))
        return self._spin[article_id]

    def root(self, article_id: str) -> str:
        return independent_source(article_id, self.derived)

    def support(self, article_ids) -> tuple[int, str]:
        """How many independent sources the articles are, and "k of n sources"."""
        roots = {self.root(a) for a in article_ids}
        return len(roots), f"{len(roots)} of {self.total} sources"

    def cite(self, article_ids) -> str:
        """ "[1][3]": the articles' labels in report order."""
        order = list(self.labels)
        ids = sorted(set(article_ids), key=lambda a: order.index(a) if a in order else len(order))
        return "".join(self.labels.get(a, "[?]") for a in ids)

    def note(self) -> str | None:
        """How sources are counted, in plain words, when some article is a copy of another."""
        copies = [(a, o) for a, o in self.derived.items() if a in self.labels and o in self.labels]
        if not copies:
            return None
        pairs = "; ".join(
            f"{self.labels[a]} is likely rewritten from {self.labels[o]}" for a, o in copies
        )
        return (
            "“k of n sources” counts independent sources: a copy counts with its original "
            f"({pairs})."
        )

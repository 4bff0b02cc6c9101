"""Cross-check: altered quotations and names damaged by rewriting, read from two sources' texts.

Both rules compare the texts of each pair of sources (exact duplicates aside), not aligned
groups, so they hold for every engine:

- **rewriting damage** (``variants.damaged_names``): one organisation or person named in two
  ways that differ in one ordinary word, tied to one body by its organisation word, its context
  or a shared role ("X Center" / "X Heart"). A ``name_variant`` finding of type
  ``rewriting_damage``, high severity (a garbled name would be printed), both names marked.
- **altered quotes** (``rewording.altered_quotes``): a passage in quotation marks credited to
  one speaker in both sources whose words differ beyond punctuation, spelling and function
  words; the speaker test also accepts the two names of one person that rewriting changed.
  A quotation one source gives as paraphrase is never compared. An ``altered_quote`` finding,
  high severity, both versions shown with the differing words marked.

Each finding cites the claims whose evidence holds the names or passages; a side no claim
covers (an llm engine's claims are fewer) is shown by its excerpt alone.
"""

from __future__ import annotations

from collections.abc import Callable

from .excerpts import covering, side
from .judge import finding_id
from .models import Article, Claim, Excerpt, Finding
from .quotes import Quote
from .rewording import QuoteMatch, altered_quotes, same_speaker
from .variants import Variant, damaged_names

MAX_SHOWN_CHANGES = 4


def cross_check(
    articles: list[Article], claims: list[Claim], labels: dict[str, str]
) -> list[Finding]:
    """Rewriting damage and altered quotes between every pair of sources."""
    by_article: dict[str, list[Claim]] = {a.id: [] for a in articles}
    for claim in claims:
        by_article.setdefault(claim.article, []).append(claim)
    unique = [a for a in articles if a.duplicate_of is None]
    findings = []
    for i, first in enumerate(unique):
        for second in unique[i + 1 :]:
            pair = (first, second, by_article[first.id], by_article[second.id])
            variants = damaged_names(first.text, second.text)
            findings += [_damage(v, pair, labels) for v in variants]
            speaker = _speaker_test(variants)
            for quote_a, quote_b, match in altered_quotes(first.text, second.text, speaker):
                findings.append(_altered(quote_a, quote_b, match, pair, labels))
    return findings


Pair = tuple[Article, Article, list[Claim], list[Claim]]


def _speaker_test(variants: list[Variant]) -> Callable[[str, str], bool]:
    """One speaker: the same name, or the two names of one person that rewriting changed."""
    people = [(v.first, v.second) for v in variants if v.kind == "person"]

    def same(a: str, b: str) -> bool:
        return same_speaker(a, b) or any(
            same_speaker(a, x) and same_speaker(b, y) for x, y in people
        )

    return same


def _damage(variant: Variant, pair: Pair, labels: dict[str, str]) -> Finding:
    first, second, claims_a, claims_b = pair
    shown = [
        _name_side(first, claims_a, variant.spans_first),
        _name_side(second, claims_b, variant.spans_second),
    ]
    cited = _cited(shown, claims_a + claims_b)
    label_a, label_b = labels[first.id], labels[second.id]
    return Finding(
        id=finding_id("name_variant", [*cited, variant.first, variant.second]),
        kind="name_variant",
        type="rewriting_damage",
        severity="high",
        confidence=0.8 if variant.tie == "head" else 0.7,
        claims=cited,
        variants=[variant.first, variant.second],
        explanation=f"Likely rewriting damage: {label_a} has “{variant.first}” where {label_b} "
        f"has “{variant.second}” ({_TIES[variant.tie]}). Check the name before publishing.",
        excerpts=shown,
    )


_TIES = {
    "head": "an organisation's word swapped for an ordinary word",
    "context": "one ordinary word swapped, the same words around both",
    "role": "one person's name with one word swapped, the same post at the same body",
}


def _name_side(article: Article, claims: list[Claim], spans: list[tuple[int, int]]) -> Excerpt:
    start, end = spans[0]
    return side(article, claims, start, end, spans)


def _cited(shown: list[Excerpt], claims: list[Claim]) -> list[str]:
    """Ids of the claims whose evidence lies in the excerpts, in excerpt order."""
    ids: list[str] = []
    for part in shown:
        own = [c for c in claims if c.article == part.article]
        ids += [c.id for c in covering(own, part.start, part.end) if c.id not in ids]
    return ids


def _altered(
    quote_a: Quote, quote_b: Quote, match: QuoteMatch, pair: Pair, labels: dict[str, str]
) -> Finding:
    first, second, claims_a, claims_b = pair
    shown = [
        _quote_side(first, claims_a, quote_a, match.changed_a),
        _quote_side(second, claims_b, quote_b, match.changed_b),
    ]
    cited = _cited(shown, claims_a + claims_b)
    words_a, words_b = _changed_words(shown[0]), _changed_words(shown[1])
    return Finding(
        id=finding_id("altered_quote", [*cited, f"{quote_a.start}:{quote_b.start}"]),
        kind="altered_quote",
        severity="high",
        confidence=round(min(0.9, max(0.6, match.overlap)), 2),
        claims=cited,
        variants=[quote_a.text.strip(" ,."), quote_b.text.strip(" ,.")],
        explanation=f"{quote_a.speaker} is quoted in different words: {labels[first.id]} has "
        f"{words_a}, {labels[second.id]} has {words_b}. Check the original wording before "
        "quoting.",
        excerpts=shown,
    )


def _quote_side(
    article: Article, claims: list[Claim], quote: Quote, changed: list[tuple[int, int]]
) -> Excerpt:
    """The sentence(s) holding the quotation, the changed words marked."""
    marks = [(quote.start + s, quote.start + e) for s, e in changed]
    return side(article, claims, quote.start, quote.end, marks)


def _changed_words(part: Excerpt) -> str:
    """“port … safe … every vessel”, or "no words" where one side leaves words out."""
    if not part.marks:
        return "no words there"
    words = " … ".join(m.quote for m in part.marks[:MAX_SHOWN_CHANGES])
    return f"“{words}{' …' if len(part.marks) > MAX_SHOWN_CHANGES else ''}”"


def without_repeats(found: list[Finding], known: list[Finding]) -> list[Finding]:
    """``found`` less what ``known`` already says: a finding whose claims are all cited by one
    known finding of the same kind (an altered quote the engine's sweep proposes again)."""
    cited = [(f.kind, set(f.claims)) for f in known]
    return [f for f in found if not any(k == f.kind and set(f.claims) <= ids for k, ids in cited)]

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
from .rewording import QuoteMatch, altered_in, same_speaker
from .variants import Variant, damaged_in

MAX_SHOWN_CHANGES = 4
MAX_VERSIONS = 6  # wordings of one quotation shown


def cross_check(
    articles: list[Article], claims: list[Claim], labels: dict[str, str]
) -> list[Finding]:
    """Rewriting damage and altered quotes between the sources (each pair of names or of
    quotations compared once, on the first two sources that carry them)."""
    by_article: dict[str, list[Claim]] = {a.id: [] for a in articles}
    for claim in claims:
        by_article.setdefault(claim.article, []).append(claim)
    unique = [a for a in articles if a.duplicate_of is None]
    texts = [a.text for a in unique]

    def pair(i: int, j: int) -> Pair:
        return unique[i], unique[j], by_article[unique[i].id], by_article[unique[j].id]

    damaged = damaged_in(texts)
    findings = [_damage(variant, pair(i, j), labels) for i, j, variant in damaged]
    speaker = _speaker_test([variant for _, _, variant in damaged])
    for versions in _versions(altered_in(texts, speaker)):
        shown = [
            _quote_side(unique[i], by_article[unique[i].id], quote, changed)
            for i, quote, changed in versions[:MAX_VERSIONS]
        ]
        pool = [c for i, _, _ in versions[:MAX_VERSIONS] for c in by_article[unique[i].id]]
        findings.append(_altered(versions, shown, _cited(shown, pool), unique, labels))
    return findings


Version = tuple[int, Quote, list[tuple[int, int]]]  # text, quotation, words that differ


def _versions(altered: list[tuple[int, int, Quote, Quote, QuoteMatch]]) -> list[list[Version]]:
    """The wordings of each quotation that differ, one list per quotation (pairs that share a
    wording joined), in text order, each with the words that differ from the others."""
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def root(key: tuple[int, int]) -> tuple[int, int]:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    quotes: dict[tuple[int, int], Quote] = {}
    changed: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for i, j, quote_a, quote_b, match in altered:
        a, b = (i, quote_a.start), (j, quote_b.start)
        quotes[a], quotes[b] = quote_a, quote_b
        changed.setdefault(a, []).extend(match.changed_a)
        changed.setdefault(b, []).extend(match.changed_b)
        parent[root(a)] = root(b)
    groups: dict[tuple[int, int], list[Version]] = {}
    for key in sorted(quotes):
        groups.setdefault(root(key), []).append((key[0], quotes[key], changed[key]))
    return list(groups.values())


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
    versions: list[Version],
    shown: list[Excerpt],
    cited: list[str],
    unique: list[Article],
    labels: dict[str, str],
) -> Finding:
    """One finding for every wording of one quotation, the words that differ marked."""
    speaker = versions[0][1].speaker
    if len(versions) == 2:
        (i, _, _), (j, _, _) = versions
        words_a, words_b = _changed_words(shown[0]), _changed_words(shown[1])
        said = f"{labels[unique[i].id]} has {words_a}, {labels[unique[j].id]} has {words_b}"
    else:
        sources = ", ".join(dict.fromkeys(labels[unique[i].id] for i, _, _ in versions))
        said = f"{len(versions)} wordings across {sources}"
    return Finding(
        id=finding_id("altered_quote", [*cited, *(f"{i}:{q.start}" for i, q, _ in versions)]),
        kind="altered_quote",
        severity="high",
        confidence=0.8,
        claims=cited,
        variants=[quote.text.strip(" ,.") for _, quote, _ in versions[:MAX_VERSIONS]],
        explanation=f"{speaker} is quoted in different words: {said}. Check the original "
        "wording before quoting.",
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

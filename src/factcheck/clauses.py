"""Clauses: negation, hedges and who did what, between a claim sentence and its cover."""

from __future__ import annotations

from .cover import Cover, Document
from .difference import Difference
from .lexicon import DISPUTES, HEDGES, NEGATORS
from .reading import SCOPE, Reading, Token


def negation_differences(claim: Reading, cover: Cover) -> list[Difference]:
    source_negated = {c for r in cover.sentences for c in r.negated}
    source_terms = {c for r in cover.sentences for c in r.terms}
    words = _words_of(claim)
    for concept in sorted(claim.negated - source_negated):
        if concept in source_terms:
            return [Difference("negation", f"not {words[concept]}", words[concept], "conflict",
                               f"the claim says not '{words[concept]}'; the source says it "
                               "did")]  # fmt: skip
    for concept in sorted(source_negated - claim.negated):
        if concept in claim.terms:
            return [Difference("negation", words[concept], f"not {words[concept]}", "conflict",
                               f"the source says not '{words[concept]}'; the claim says it "
                               "did")]  # fmt: skip
    return _negative_sentence(claim, cover)


def _negative_sentence(claim: Reading, cover: Cover) -> list[Difference]:
    """The best covering sentence is negative ('there is no evidence that …') where the claim
    is not, though not about the claim's own words: a weaker sign."""
    if not cover.sentences or any(t.low in NEGATORS for t in claim.tokens):
        return []
    best = cover.sentences[0]
    for index, token in enumerate(best.tokens):
        if token.low in NEGATORS:
            phrase = " ".join(t.text for t in best.tokens[index : index + 3])
            return [
                Difference(
                    "negation",
                    claim.text,
                    phrase,
                    "near",
                    f"the source's sentence is negative ('{phrase}')",
                )
            ]
    return []


def modality_differences(claim: Reading, cover: Cover) -> list[Difference]:
    """The source hedges what the claim states, or calls it false ('hoax', 'denied'); or the
    claim hedges what the source states."""
    if not any(t.low in DISPUTES for t in claim.tokens):
        for token in (t for r in cover.sentences for t in r.tokens):
            if token.low in DISPUTES:
                return [
                    Difference(
                        "modality",
                        claim.text,
                        token.text,
                        "disputed",
                        f"the source calls it into question ('{token.text}')",
                    )
                ]
    source_hedged = {c for r in cover.sentences for c in r.hedged}
    source_terms = {c for r in cover.sentences for c in r.terms}
    words = _words_of(claim)
    stated = [c for c in claim.terms if c in source_hedged and c not in claim.hedged]
    if stated:
        word, hedge = words[stated[0]], _hedge(cover.sentences, stated[0])
        said = f"the source hedges '{word}' ('{hedge}'); the claim states it"
        return [Difference("modality", word, hedge, "conflict", said)]
    hedged = [c for c in claim.terms if c in claim.hedged & source_terms - source_hedged]
    if hedged:
        word, hedge = words[hedged[0]], _hedge([claim], hedged[0])
        said = f"the claim hedges '{word}' ('{hedge}'); the source states it"
        return [Difference("modality", hedge, word, "weaker", said)]
    return []


def _hedge(readings: list[Reading], concept: str) -> str:
    """The words from a hedge to the word it governs ('may close', 'reportedly plans to
    close'), as written."""
    for reading in readings:
        tokens = reading.tokens
        for index, token in enumerate(tokens):
            if token.low not in HEDGES or token.text[:1].isupper():
                continue
            for end in range(index + 1, min(len(tokens), index + 1 + SCOPE)):
                if tokens[end].concept == concept:
                    return " ".join(t.text for t in tokens[index : end + 1])
    return concept


def _words_of(reading: Reading) -> dict[str, str]:
    return {concept: tokens[0].text for concept, tokens in reading.terms.items()}


def role_differences(claim: Reading, document: Document, cover: Cover) -> list[Difference]:
    """Two names and a word between them in both sentences, with the doer swapped ('A beat B'
    against 'B beat A'; 'B was beaten by A' is the same as 'A beat B')."""
    mentions = _mentions(claim, document)
    for first, second in zip(mentions, mentions[1:], strict=False):
        between = [t for t in claim.tokens[first[-1].position + 1 : second[0].position]
                   if t.content and t not in first + second]  # fmt: skip
        claim_doer = second if _passive(claim, second[0].position) else first
        for reading in cover.sentences:
            for verb in between:
                doer = _source_doer(reading, first, second, verb)
                if doer is not None and doer is not claim_doer:
                    return [_swap(first, second, verb)]
    return []


def _mentions(claim: Reading, document: Document) -> list[list[Token]]:
    """Runs of name tokens in the claim."""
    runs: list[list[Token]] = []
    for token in claim.tokens:
        if not token.content or document.kind(token) != "name":
            continue
        if runs and runs[-1][-1].position == token.position - 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


def _source_doer(
    reading: Reading, first: list[Token], second: list[Token], verb: Token
) -> list[Token] | None:
    where = {c: toks[0].position for c, toks in reading.terms.items()}
    a = min((where[t.concept] for t in first if t.concept in where), default=None)
    b = min((where[t.concept] for t in second if t.concept in where), default=None)
    v = where.get(verb.concept)
    if a is None or b is None or v is None or max(a, b) - min(a, b) > 10:
        return None
    if a < v < b:
        return second if _passive(reading, b) else first
    if b < v < a:
        return first if _passive(reading, a) else second
    return None


def _passive(reading: Reading, position: int) -> bool:
    before = [t.low for t in reading.tokens[max(0, position - 2) : position]]
    return bool(before) and (before[-1] == "by" or before[:1] == ["by"])


def _swap(first: list[Token], second: list[Token], verb: Token) -> Difference:
    a, b = " ".join(t.text for t in first), " ".join(t.text for t in second)
    return Difference("roles", f"{a} {verb.text} {b}", f"{b} {verb.text} {a}", "conflict",
                      f"the claim has {a} '{verb.text}' {b}; in the source it is the other "
                      "way round")  # fmt: skip

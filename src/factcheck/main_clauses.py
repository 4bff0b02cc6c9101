"""Main clauses: the main clause of a long sentence, as a shorter wording of the same fact.

News sentences often hang a second thought on the first after a comma: "The museum reopened
on Friday, as critics questioned the cost of the new wing." The main clause ("The museum
reopened on Friday.") states less, so more sources state it on their own, and it leaves out a
subordinate clause that may carry commentary, a disputed detail or a spinner's wording.

``main_clauses(text)`` cuts at each comma (or dash) that opens a subordinate or participial
clause ("as", "while", "which", "amid", "after", "just hours after", a word ending in -ing),
at an "and" that joins such a clause to the sentence ("... in 30 years and amid fears
that ..."), and before "during ..." (no comma needed: it only says when), outside any
quotation and brackets, and returns the parts before them as sentences, shortest first,
leaving out those too short to be a sentence (``main_clause``: the shortest, or None), and
those longer than ``MAX_HEAD`` characters (no shorter wording a reader would want; the bound
keeps a sentence that runs for pages linear). Words are never changed, only left out from a
cut to the end.
``split_clause(text)`` gives the main clause and the rest after the first cut, for a source
that states the two in different sentences (``parts``).
"""

from __future__ import annotations

import re

MIN_WORDS = 7
MAX_HEAD = 600  # characters: a longer main clause is no shorter wording worth printing
_OPENS_CLAUSE = re.compile(
    r"(?:,|\s[—–])\s+(?=(?:as|while|whereas|which|who|whom|whose|where|when|although|though|"
    r"amid|amidst|after|before|following|despite|with|according|but|because|since|"
    r"[a-z]+ing)\b"
    r"|(?:(?:just|shortly|soon|only|even|right|long|hours|days|weeks|months|years|minutes)\s+)"
    r"{1,2}(?:after|before|as|when|since|following)\b)"
    r"|\s+and\s+(?=(?:amid|amidst|despite|while|whereas|although|though|following)\b)"
    r"|\s+(?=during\b)"
)
_OPENERS, _CLOSERS = "“„«(", "”»)"


def main_clause(text: str) -> str | None:
    """The sentence cut before its first subordinate clause, or None."""
    found = main_clauses(text)
    return found[0] if found else None


def main_clauses(text: str) -> list[str]:
    """The sentence cut before each subordinate clause it opens, shortest first."""
    return [head + "." for head, _ in _cuts(text.strip())]


def split_clause(text: str) -> tuple[str, str] | None:
    """The sentence as its main clause and the rest after the first cut ("The clubs signed a
    merger, pledging to share one ground." → "The clubs signed a merger." and "pledging to share
    one ground."), or None where there is no cut."""
    text = text.strip()
    cuts = _cuts(text)
    if not cuts:
        return None
    head, end = cuts[0]
    tail = text[end:].lstrip(" ,;:—–")
    return (head + ".", tail) if tail else None


def _cuts(text: str) -> list[tuple[str, int]]:
    """Each main clause (without its closing stop) and where the clause it leaves out starts."""
    found = []
    for match in _OPENS_CLAUSE.finditer(text, 0, MAX_HEAD + 1):
        head = text[: match.start()].rstrip()
        if _interrupts(match, text) or _inside_quotation(head) or len(head.split()) < MIN_WORDS:
            continue
        found.append((head.rstrip(",;:"), match.end()))
    return found


def _interrupts(match: re.Match, text: str) -> bool:
    """A dash that another dash closes later in the sentence sets off an aside ("the bear —
    frightened by the noise — fled"): the sentence goes on after it, so cutting there leaves
    a piece without its verb."""
    dash = next((ch for ch in match.group() if ch in "—–"), None)
    return dash is not None and dash in text[match.end() :]


def _inside_quotation(head: str) -> bool:
    """Whether a quotation or bracket opened in ``head`` is still open at its end (single
    marks are left out: they double as apostrophes)."""
    opened = sum(head.count(ch) for ch in _OPENERS)
    closed = sum(head.count(ch) for ch in _CLOSERS)
    return opened > closed or head.count('"') % 2 == 1

"""Figures and dates: numbers, bounds, years and time expressions of a claim sentence against
the source sentences that cover it.

A figure is forgiven when the sources give its value anywhere (as digits, a number word, or a
scaled quantity: "1.5 million" / "1,500,000"); a quantity that the covering sentences give with
the same unit and a value that cannot be the same is a conflict; the same value with a bound
turned ("more than 40" / "fewer than 40") is a ``bound`` difference. A time expression
conflicts when the covering sentences give one of the same kind that cannot be the same (a
weekday, a date, a month), and is new when the sources never give it.
"""

from __future__ import annotations

from .cover import Cover, Document
from .difference import Difference
from .lexicon import concept
from .models import Quantity
from .quantities import compatible
from .reading import Reading

UPWARD, DOWNWARD = {"more_than", "at_least"}, {"less_than", "at_most"}


def figure_differences(claim: Reading, document: Document, cover: Cover) -> list[Difference]:
    found = _quantity_differences(claim, cover)
    settled = {d.claim for d in found}
    present = _present_values(claim, document)
    for value, token in claim.numbers.items():
        if value in present or any(token.text in text for text in settled):
            continue
        other = cover.counterpart(claim, token, None)
        scope = "elsewhere" if value in document.values else "absent"
        found.append(_figure(token.text, other.text if other else None, scope))
    return found


def _present_values(claim: Reading, document: Document) -> set[float]:
    """Claim values the sources give, counting a quantity's number as given when its scaled
    value is ('1.5' in '1.5 million')."""
    present = {v for v in claim.numbers if v in document.values}
    for quantity in claim.quantities:
        if quantity.value in document.values:
            present |= {v for v, t in claim.numbers.items() if t.text in quantity.text}
    return present


def _quantity_differences(claim: Reading, cover: Cover) -> list[Difference]:
    found = []
    theirs = [q for r in cover.sentences for q in r.quantities]
    for mine in claim.quantities:
        same_unit = [q for q in theirs if _same_unit(mine, q)]
        if not same_unit or any(_agree(mine, q) for q in same_unit):
            continue
        other = same_unit[0]
        if any(q.value == mine.value for q in same_unit):
            other = next(q for q in same_unit if q.value == mine.value)
            found.append(Difference("bound", mine.text, other.text, "conflict",
                                    f"'{mine.text}': the source says '{other.text}'"))  # fmt: skip
        else:
            found.append(_figure(mine.text, other.text, "conflict"))
    return found


def _same_unit(a: Quantity, b: Quantity) -> bool:
    return a.unit == b.unit or concept(a.unit) == concept(b.unit)


def _agree(a: Quantity, b: Quantity) -> bool:
    return compatible(a, b) and _direction(a) == _direction(b) or (
        a.value == b.value and {_direction(a), _direction(b)} <= {"", "up"}
        and a.bound not in UPWARD
    )  # fmt: skip


def _direction(quantity: Quantity) -> str:
    return "up" if quantity.bound in UPWARD else "down" if quantity.bound in DOWNWARD else ""


def _figure(mine: str, theirs: str | None, scope: str) -> Difference:
    where = "is in the source, but not where it says this" if scope == "elsewhere" else (
        "is not in the source" if scope == "absent" else "differs from the source"
    )  # fmt: skip
    said = f"; it says '{theirs}'" if theirs else ""
    return Difference("figure", mine, theirs, scope, f"'{mine}' {where}{said}")


def date_differences(claim: Reading, document: Document, cover: Cover) -> list[Difference]:
    found = []
    known = {t.value for t in document.times}
    theirs = [t for r in cover.sentences for t in r.times]
    for mine in claim.times:
        if mine.kind in ("relative", "year") or mine.value in known:
            continue
        same_kind = [t for t in theirs if t.kind == mine.kind]
        if same_kind:
            found.append(Difference("date", mine.text, same_kind[0].text, "conflict",
                                    f"'{mine.text}' is not in the source; it says "
                                    f"'{same_kind[0].text}'"))  # fmt: skip
        else:
            found.append(Difference("date", mine.text, None, "absent",
                                    f"'{mine.text}' is not in the source"))  # fmt: skip
    for year in sorted(claim.years):
        if year.rstrip("s") not in document.years:
            found.append(Difference("date", year, None, "absent",
                                    f"the year '{year}' is not in the source"))  # fmt: skip
    return found

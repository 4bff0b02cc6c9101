"""A name spelled with look-alike letters of another script is a high-severity name variant
whose explanation says so; other variants keep their severities. And the title check reads a
claim that names thousands of people once, not once per person."""

from __future__ import annotations

import time

import pytest

from factcheck.judge import judge_people
from factcheck.models import Claim, Entity, Span
from factcheck.people import PersonIndex
from factcheck.pipeline import run
from factcheck.settings import Settings

REAL = "Ilse Marwick"


def _pair(folder, first: str, second: str) -> None:
    for name, who in (("a.txt", first), ("b.txt", second)):
        (folder / name).write_text(f"Mayor {who} said the canal bridge will reopen in May.\n")


@pytest.mark.parametrize(
    "spoof",
    ["Ils\u0435 Marwick", "Ilse M\u0430rwick", "\u0406lse Marwick", "Ilse Marw\u0456ck",
     "Ilse Marwi\u0441k",
     "Il\u0455e Marwick", "Ilse \u039carwick", "\u0406l\u0455\u0435 M\u0430rwi\u0441k"],
)  # fmt: skip
def test_a_spoofed_name_is_a_high_severity_variant_that_says_why(tmp_path, spoof):
    _pair(tmp_path, REAL, spoof)
    report = run([str(tmp_path)], Settings(engine="local"))
    variant = next(f for f in report.findings if f.kind == "name_variant")
    assert set(variant.variants) == {REAL, spoof}
    assert variant.severity == "high"
    assert "look-alike letters of another script" in variant.explanation
    assert report.findings[0] is variant or report.findings[0].severity == "high"


@pytest.mark.parametrize(
    ("other", "severity"),
    [("Ilse Marwik", "medium"), ("Ilze Marwick", "medium"), ("Ilse Mar-wick", "low"),
     ("Ilsé Marwick", "low")],
)  # fmt: skip
def test_other_variants_keep_their_severity(tmp_path, other, severity):
    _pair(tmp_path, REAL, other)
    report = run([str(tmp_path)], Settings(engine="local"))
    variants = [f for f in report.findings if f.kind == "name_variant"]
    assert [v.severity for v in variants] == [severity]
    assert "another script" not in variants[0].explanation


def _crowd(people: int) -> dict[str, Claim]:
    """One claim per article naming ``people`` people with titles (a one-sentence article)."""
    claims = {}
    for n, title in enumerate(("mayor", "senator")):
        entities = [Entity(name=f"Person{i} Surname{i}", type="person", title=title)
                    for i in range(people)]  # fmt: skip
        quote = "x" * 10
        claim = Claim(id=f"c{n}", article=f"a{n}", text=quote, kind="event",
                      evidence=Span(start=0, end=10, quote=quote), entities=entities)  # fmt: skip
        claims[claim.id] = claim
    return claims


def test_titles_of_a_crowded_claim_are_read_once():
    timings = []
    for people in (500, 4000):
        claims = _crowd(people)
        index = PersonIndex(list(claims.values()))
        started = time.process_time()
        findings = judge_people(index, claims)
        timings.append(time.process_time() - started)
        assert sum(f.type == "role_title" for f in findings) == people
    assert timings[1] < 8 * 6 * max(timings[0], 0.01)  # 8 x people; quadratic would be 64 x

"""Damage: a name a rewrite garbled is never brief text, and its article counts as spun."""

from __future__ import annotations

from factcheck.damage import Damage
from factcheck.models import Finding


def _variant(first: str, second: str) -> Finding:
    return Finding(id=f"v-{first}", kind="name_variant", type="rewriting_damage", severity="high",
                   confidence=0.8, claims=[], explanation="Likely rewriting damage.",
                   variants=[first, second])  # fmt: skip


TEXTS = {
    "a": "Lena Voss, a fellow at the Marlow Institute, said the port would reopen.",
    "b": "Lena Voss, a fellow at the Marlow Establishment, mentioned the port would reopen.",
    "c": "The port authority said repairs would take a week.",
}


def test_the_side_whose_organisation_word_was_swapped_is_the_damaged_one():
    damage = Damage.read([_variant("Marlow Institute", "Marlow Establishment")], TEXTS)
    assert damage.spun == {"b"}
    assert damage.carried_by("A fellow at the Marlow Establishment said so.")
    assert damage.carried_by("A fellow at the Marlow Establishment said so.", "b")
    assert not damage.carried_by("A fellow at the Marlow Institute said so.")
    assert not damage.carried_by("The Establishment awards were held.")  # the word alone


def test_undecided_pairs_mark_both_sides_unless_one_article_is_known_spun():
    texts = {**TEXTS, "a": TEXTS["a"] + " The Orlen Harbour Board met.",
             "b": TEXTS["b"] + " The Orlen Harbour Committee met."}  # fmt: skip
    pairs = [_variant("Marlow Institute", "Marlow Establishment"),
             _variant("Orlen Harbour Board", "Orlen Harbour Committee")]  # fmt: skip
    damage = Damage.read(pairs, texts)
    assert damage.carried_by("The Orlen Harbour Committee met.")
    assert not damage.carried_by("The Orlen Harbour Board met.")
    alone = Damage.read(pairs[1:], texts)  # neither side known: both count as damaged
    assert alone.carried_by("The Orlen Harbour Board met.")
    assert alone.carried_by("The Orlen Harbour Committee met.")
    assert alone.spun == set()

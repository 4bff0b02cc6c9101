"""Names changed by rewriting (``variants``)."""

import pytest

from factcheck.variants import damaged_names, ordinary


def pairs(a, b):
    return [(v.first, v.second, v.kind) for v in damaged_names(a, b)]


def test_organisation_word_replaced_by_an_ordinary_word():
    a = "The survey was run by the Corrin Foundation, a charity in Harlow."
    b = "The survey, run by the Corrin Basis in Harlow, found rents rose."
    (variant,) = damaged_names(a, b)
    assert (variant.first, variant.second, variant.kind) == (
        "Corrin Foundation", "Corrin Basis", "organisation")  # fmt: skip
    assert "Foundation" in variant.reason and "Basis" in variant.reason
    assert a[slice(*variant.spans_first[0])] == "Corrin Foundation"
    assert b[slice(*variant.spans_second[0])] == "Corrin Basis"


def test_word_inside_a_name_swapped_in_the_same_context():
    a = "The Regional Water Board banned garden hoses across the valley because of the drought."
    b = "Because of the drought, the Regional Liquid Board banned garden hoses in the valley."
    assert pairs(a, b) == [("Regional Water Board", "Regional Liquid Board", "organisation")]


def test_person_tied_by_role_and_organisation():
    a = "Wages will fall, said Lucy Hill, chief economist at Marrow Bank."
    b = "Lucy Mound, chief economist at Marrow Bank, said wages would fall."
    assert pairs(a, b) == [("Lucy Hill", "Lucy Mound", "person")]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # different bodies sharing words, in different contexts
        ("The World Trade Organization ruled against the export ban on Monday.",
         "The World Health Organization said vaccine stocks were sufficient."),
        # both names in one source: two bodies
        ("The Budget Committee and the Housing Committee met on Monday about rents.",
         "The Housing Committee met on Monday about rents."),
        # one word spelled two ways
        ("The Weston Research Centre found bus use fell.",
         "Bus use fell, the Weston Research Center found."),
        # an inflected or shortened word
        ("The SITE Intelligence Group monitors jihadist websites.",
         "The SITE Intel Group, which monitors jihadist websites, found the video."),
        # news outlets differ between sources as a rule
        ("The fire was first reported by the Daily News on Monday.",
         "The fire was first reported by the Daily Star on Monday."),
        # people, not organisations
        ("Alex Nash was invited to the birthday party.",
         "Derek Nash said the birthday party was cancelled."),
        # a post, not an organisation
        ("The Egyptian President denied the report.",
         "The Palestinian President denied the report."),
        # different people at one organisation
        ("Ana Ruiz, an economist at Marrow Bank, expects a rise.",
         "Peter Holm, an economist at Marrow Bank, expects a fall."),
    ],
)  # fmt: skip
def test_look_alikes_are_not_damage(a, b):
    assert damaged_names(a, b) == []


def test_ordinary_words():
    assert ordinary("Heart") and ordinary("Basis") and ordinary("Field")
    assert not ordinary("Corrin") and not ordinary("UN") and not ordinary("London")

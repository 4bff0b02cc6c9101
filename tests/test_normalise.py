import pytest

from factcheck.names import find_people, titles_conflict, variant_kind
from factcheck.quantities import compatible, parse_quantities
from factcheck.times import conflicting, parse_times


@pytest.mark.parametrize(
    ("text", "value", "unit", "bound"),
    [
        ("more than 11,000 containers of ammunition", 11000, "container", "more_than"),
        ("greater than 11,000 containers", 11000, "container", "more_than"),
        ("practically 5mn artillery shells", 5e6, "shell", "about"),
        ("dozens of ballistic missiles", 24, "missile", "range"),
        ("about two hours", 2, "hour", "about"),
        ("at least 40 people", 40, "person", "at_least"),
        ("a two-day trip", 2, "day", "exact"),
        ("between 3 and 5 ships", 3, "ship", "range"),
        ("$5 billion", 5e9, "usd", "exact"),
    ],
)
def test_quantities(text, value, unit, bound):
    (quantity,) = parse_quantities(text)
    assert (quantity.value, quantity.unit, quantity.bound) == (value, unit, bound)


def test_years_and_model_numbers_are_not_quantities():
    assert parse_quantities("In 1961 they flew F-16 jets") == []


def test_bounds_and_rounding_are_not_conflicts_but_different_figures_are():
    q = lambda t: parse_quantities(t)[0]  # noqa: E731
    assert compatible(q("more than 11,000 boxes"), q("greater than 11,000 boxes"))
    assert compatible(q("about 5mn shells"), q("4.8 million shells"))
    assert not compatible(q("7 deaths"), q("11 deaths"))
    assert not compatible(q("more than 11,000 boxes"), q("7,000 boxes"))


def test_times():
    (wednesday,) = parse_times("signed on Wednesday")
    (friday,) = parse_times("signed on Friday")
    assert conflicting(wednesday, friday)
    (june,) = parse_times("on June 19")
    (dated,) = parse_times("on 19 June 2024")
    assert not conflicting(june, dated)
    assert parse_times("it may rain") == []


def test_people_with_titles():
    people = find_people(
        "North Korean leader Kim Jong Un met Russian President, Vladimir Putin, today."
    )
    assert [(p.name, p.title) for p in people] == [
        ("Kim Jong Un", "leader"),
        ("Vladimir Putin", "president"),
    ]
    (cha,) = find_people("Victor Cha, senior vp for Asia at the Center for Policy, agreed.")
    assert (cha.name, cha.title) == ("Victor Cha", "senior vice president")


def test_name_variants():
    assert variant_kind("Kim Jong Un", "Kim Jong-un") == "style"
    assert variant_kind("Yoon Sun", "Yun Sun") == "spelling"
    assert variant_kind("Jens Stoltenberg", "Jens Stoltenburg") == "spelling"
    assert variant_kind("Kim Jong Un", "Kim Yo Jong") is None
    assert variant_kind("Anna Smith", "Peter Jones") is None


def test_titles():
    assert titles_conflict({"leader"}, {"president"}) is not None
    assert titles_conflict({"prime minister"}, {"president"}) > 0.8
    assert titles_conflict({"leader"}, {"chief"}) is None
    assert titles_conflict({"minister"}, {"defence minister"}) is None
    assert titles_conflict({"president", "leader"}, {"leader"}) is None


def test_relative_dates_are_pinned_by_the_publication_day():
    from factcheck.times import conflicting, parse_times, resolve

    published = "2025-03-04T10:00:00Z"  # a Tuesday
    yesterday, monday, sunday = (
        resolve(parse_times(t), published)[0]
        for t in ("It burst yesterday.", "It burst on Monday.", "It burst on Sunday.")
    )
    assert yesterday.resolved == monday.resolved == "2025-03-03"
    assert sunday.resolved == "2025-03-02"
    assert not conflicting(yesterday, monday) and conflicting(yesterday, sunday)
    [last_year] = resolve(parse_times("Prices fell last year."), published)
    assert last_year.resolved == "2024"
    [undated] = resolve(parse_times("It opens on 14 March."), published)
    assert undated.resolved == "2025-03-14"
    assert resolve(parse_times("It burst yesterday."), None)[0].resolved is None


def test_relative_and_weekday_dates_meet_across_articles(tmp_path):
    import json

    from factcheck.pipeline import run
    from factcheck.settings import Settings

    def findings(a: str, b: str):
        for name, text in (("a", a), ("b", b)):
            record = {"text": text, "published": "2025-03-04T10:00:00Z"}
            (tmp_path / f"{name}.json").write_text(json.dumps(record))
        report = run([str(tmp_path / "a.json"), str(tmp_path / "b.json")], Settings("local"))
        return [(f.kind, f.type) for f in report.findings if f.kind == "contradiction"]

    base = "The dam near Ferrow burst {}, flooding 300 homes, officials said."
    assert findings(base.format("yesterday"), base.format("on Monday")) == []
    assert findings(base.format("yesterday"), base.format("on Sunday")) == [
        ("contradiction", "date")
    ]


def test_place_aliases_are_one_place():
    from factcheck.names import canonical_place, locative_places, place_mentioned

    assert locative_places("The talks were held in the US on Monday.") == ["United States"]
    assert locative_places("They met in the United States.") == ["United States"]
    assert locative_places("He spoke in Kiev.") == [canonical_place("Kyiv")]
    assert locative_places("They met at NATO headquarters.") == []
    assert place_mentioned("United Kingdom", "ministers in Britain said")
    assert not place_mentioned("United States", "the user said")


def test_aliased_places_do_not_conflict_but_different_ones_do(tmp_path):
    from factcheck.pipeline import run
    from factcheck.settings import Settings

    def conflicts(a: str, b: str):
        (tmp_path / "a.txt").write_text(a)
        (tmp_path / "b.txt").write_text(b)
        report = run([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], Settings("local"))
        return [f.type for f in report.findings if f.kind == "contradiction"]

    base = "The two ministers signed the grain deal in {} on Monday, officials said."
    assert conflicts(base.format("the US"), base.format("the United States")) == []
    assert conflicts(base.format("Britain"), base.format("the UK")) == []
    assert conflicts(base.format("Vienna"), base.format("Geneva")) == ["place"]

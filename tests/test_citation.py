"""The brief's per-source check: a source is cited only when it states the sentence on its own."""

from __future__ import annotations

from factcheck.citation import carries, overlap, states, stating

HARBOUR = "The port authority of Velmar said 1,200 containers were stranded on Monday."


def test_a_source_that_states_the_sentence_passes():
    check = states("Velmar's port authority said 1,200 containers were stranded on Monday.",
                   [HARBOUR])  # fmt: skip
    assert check.ok and check.missing == () and check.share == 1.0


def test_figures_may_be_rounded_but_not_changed():
    assert states("Nearly 1,200 containers were stranded in Velmar.", [HARBOUR]).ok
    assert states("About 1,150 containers were stranded in Velmar.", [HARBOUR]).ok
    changed = states("The port authority of Velmar said 1,900 containers were stranded.", [HARBOUR])
    assert not changed.ok and "1,900 containers" in changed.missing


def test_dates_must_match():
    check = states("The port authority of Velmar said containers were stranded on Friday.",
                   [HARBOUR])  # fmt: skip
    assert not check.ok and "Friday" in check.missing


def test_names_allow_spelling_variants_but_not_another_place():
    evidence = ["Ana-Lucía Pérez’s ferry left Port Ellis for South Tarvik on Tuesday."]
    plain = "Ana Lucia Perez's ferry left Port Ellis for South Tarvik on Tuesday."
    assert states(plain, evidence).ok
    assert states("The ferry of Pérez left Port Ellis for South Tarvik on Tuesday.", evidence).ok
    assert not states("Perez's ferry left Port Ellis for North Tarvik on Tuesday.", evidence).ok
    assert not states("Perez's ferry left Port Ellis for South Tarvik, Vosk said.", evidence).ok


def test_a_leading_given_name_may_be_missing_and_a_demonym_meets_its_country():
    evidence = ["Mayor Okafor opened the Tarvikan bridge, which links Tarvik with the coast."]
    assert states("Jude Okafor opened the bridge linking Tarvik with the coast.", evidence).ok
    assert states("The mayor opened a Tarvik bridge to the coast.", evidence).ok


def test_a_source_that_only_shares_a_word_or_a_name_is_not_cited():
    evidence = ["Mayor Okafor attended a football match in Tarvik."]
    check = states("Mayor Okafor opened the new bridge linking Tarvik with the coast.", evidence)
    assert not check.ok and check.share < 0.6


def test_words_that_report_the_same_thing_count():
    evidence = ["The two ministers inked a trade accord and pledged military aid."]
    assert states("The ministers signed a trade agreement and promised defence assistance.",
                  evidence).ok  # fmt: skip


def test_acronyms_with_full_stops_are_the_same_name():
    evidence = ["U.S. officials confirmed the ransom demand on Sunday."]
    assert states("US officials confirmed the ransom demand on Sunday.", evidence).ok
    assert not states("UK officials confirmed the ransom demand on Sunday.", evidence).ok


def test_stating_finds_one_passage_or_two_adjacent_ones():
    passages = [
        "The storm reached Velmar late on Sunday.",
        "Harbour cranes were shut down for the night.",
        "Officials said 1,200 containers were stranded.",
        "The port reopened on Wednesday after repairs.",
    ]
    assert stating("Officials said 1,200 containers were stranded.", passages) == [2]
    both = "Officials said 1,200 containers were stranded and the port reopened on Wednesday."
    assert stating(both, passages) == [2, 3]
    assert stating("Officials said 1,200 cars were stolen in Velmar.", passages) == []


def test_overlap_leaves_names_aside():
    share, count = overlap(
        "Mayor Okafor opened the new bridge to the coast.",
        "The new bridge to the coast was opened by Jude Okafor on Monday.",
    )
    assert share == 1.0 and count == 3
    assert overlap("Okafor opened the bridge.", "Okafor lost the election.")[0] == 0.0


def test_a_source_that_denies_the_sentence_is_not_cited():
    denial = ["The harbour master said no containers were stranded on Monday."]
    check = states("Containers were stranded in the harbour on Monday.", denial)
    assert not check.ok and "the same polarity" in check.missing
    assert not states("The port did not reopen on Monday.", ["The port reopened on Monday."]).ok
    unrelated = ["The port reopened on Monday, but no ferries sailed that week."]
    assert states("The port reopened on Monday.", unrelated).ok


def test_first_and_only_are_part_of_what_a_sentence_states():
    evidence = ["The council adopted a new flag for the town of Velmar on Monday."]
    assert states("The council adopted a new flag for Velmar on Monday.", evidence).ok
    assert not states("The council adopted its first flag for Velmar on Monday.", evidence).ok


def test_a_surname_the_source_gives_someone_else_backs_no_other_bearer():
    sentence = "Ana Ruiz opened the new bridge across the river on Monday."
    other = ["Lena Ruiz opened the new bridge across the river on Monday."]
    for check in (carries, states):
        assert not check(sentence, other).ok
        assert check(sentence, ["Mayor Ruiz opened the new bridge across the river on Monday."]).ok
        assert check(sentence, ["Ruiz opened the new bridge across the river on Monday."]).ok
        assert check(sentence, ["Ms Ruiz opened the new bridge across the river on Monday."]).ok

"""Altered quotes, rewriting damage and denials between sources (``crosscheck``, ``rebuttals``),
and the excerpts that show what differs (``excerpts``)."""

from factcheck.ingest import ingest_records
from factcheck.pipeline import run_ingested
from factcheck.settings import Settings


def report_of(*texts):
    records = [{"text": t} for t in texts]
    return run_ingested(ingest_records(records, "case"), Settings(engine="local"))


def found(report, kind, type_=None):
    return [f for f in report.findings if f.kind == kind and type_ in (None, f.type)]


def marked(finding):
    return [[m.quote for m in part.marks] for part in finding.excerpts]


def test_a_reworded_quotation_is_an_altered_quote_with_both_versions_marked():
    report = report_of(
        "The river Auden burst its banks on Sunday. “We evacuated every house on the "
        "riverside before midnight,” fire chief Mara Olsen said.",
        "Fire chief Mara Olsen said the river Auden had burst its banks. “We cleared every "
        "home on the riverside before dawn,” Mara Olsen told the Gazette.",
    )
    (finding,) = found(report, "altered_quote")
    assert finding.severity == "high" and "Mara Olsen" in finding.explanation
    first, second = marked(finding)
    assert "evacuated" in first and "cleared" in second
    assert {"midnight", "dawn"} <= set(first) | set(second)
    texts = {a.id: a.text for a in report.articles}
    for part in finding.excerpts:
        assert texts[part.article][part.start : part.end] == part.quote
        assert all(texts[part.article][m.start : m.end] == m.quote for m in part.marks)
    assert set(finding.claims) <= {c.id for c in report.claims}


def test_a_quotation_given_as_paraphrase_is_not_altered():
    report = report_of(
        "“We evacuated every house on the riverside before midnight,” fire chief Mara Olsen said.",
        "Fire chief Mara Olsen said every house on the riverside was evacuated before midnight.",
    )
    assert not found(report, "altered_quote")


def test_an_organisation_renamed_by_rewriting_is_damage_with_both_names():
    report = report_of(
        "The Halden Foundation gave 2 million crowns to the flood appeal on Monday.",
        "The Halden Basis gave 2 million crowns to the flood appeal on Monday.",
    )
    (finding,) = found(report, "name_variant", "rewriting_damage")
    assert finding.severity == "high"
    assert finding.variants == ["Halden Foundation", "Halden Basis"]
    assert marked(finding) == [["Halden Foundation"], ["Halden Basis"]]


def test_two_different_organisations_are_not_damage():
    report = report_of(
        "The Baltic Shipping Agency fined the ferry operator on Monday.",
        "The Baltic Fishing Agency closed the cod season on Friday.",
    )
    assert not found(report, "name_variant", "rewriting_damage")


def test_a_source_that_denies_a_reported_event_is_a_denial_contradiction():
    report = report_of(
        "The mayor of Tollund resigned on Friday after a row over the harbour budget.",
        "The mayor's office denied that the mayor of Tollund had resigned over the harbour budget.",
    )
    (finding,) = found(report, "contradiction", "denial")
    denying, reported = finding.excerpts
    assert [m.quote for m in denying.marks] == ["denied"]
    assert any("resigned" in m.quote for m in reported.marks)
    assert len(finding.claims) == 2


def test_a_denial_of_wrongdoing_is_not_a_denial_of_the_event():
    report = report_of(
        "The mayor of Tollund resigned on Friday after a row over the harbour budget.",
        "The mayor of Tollund resigned on Friday and denied any wrongdoing over the budget.",
    )
    assert not found(report, "contradiction", "denial")


def test_a_source_that_reports_both_sides_is_not_contradicted():
    report = report_of(
        "Reports said the mayor of Tollund resigned on Friday. The mayor's office denied that "
        "the mayor of Tollund had resigned.",
        "The mayor's office denied that the mayor of Tollund had resigned on Friday.",
    )
    assert not found(report, "contradiction", "denial")


def test_a_judged_contradiction_marks_the_figures_that_differ():
    report = report_of(
        "Floods cut power to 4,000 homes in the Auden valley on Sunday.",
        "Floods cut power to 9,000 homes in the Auden valley on Sunday.",
    )
    (finding,) = found(report, "contradiction", "quantity")
    assert marked(finding) == [["4,000 homes"], ["9,000 homes"]]


def test_single_source_facts_are_one_finding_per_source():
    report = report_of(
        "Floods cut power to homes in the Auden valley on Sunday. The dam held. Schools shut.",
        "Floods cut power to homes in the Auden valley on Sunday. Trains stopped at Velt.",
    )
    singles = found(report, "single_source")
    assert len(singles) == 2 and all(f.severity == "low" for f in singles)
    first = next(f for f in singles if "2 facts" in f.explanation)
    assert len(first.claims) == 2


def test_one_article_reports_no_single_source_findings():
    report = report_of("Floods cut power to homes on Sunday. The dam held. Schools shut.")
    assert not found(report, "single_source")

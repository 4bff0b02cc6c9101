"""End to end on the seeds and on a perturbed copy: findings must follow the text."""

import json
from pathlib import Path

import jsonschema
import pytest

from factcheck.brief import supported_by
from factcheck.pipeline import run
from factcheck.settings import Settings
from factcheck.vetting import core

from .conftest import ROOT, SEEDS


def report_for(path: Path):
    return run([str(path)], Settings(engine="local"))


def contradictions(report, type_):
    return [f for f in report.findings if f.kind == "contradiction" and f.type == type_]


def quotes(report, finding):
    claims = {c.id: c for c in report.claims}
    return " ".join(claims[c].evidence.quote for c in finding.claims)


@pytest.fixture(scope="module")
def seeds_report():
    return report_for(SEEDS)


def test_offsets_round_trip_against_independently_decoded_files(seeds_report):
    by_source = {Path(a.source).name: a for a in seeds_report.articles}
    texts = {}
    for path in sorted(SEEDS.glob("*.txt")):
        with open(path, encoding="utf-8-sig", newline="") as handle:
            texts[path.name] = handle.read()
        assert by_source[path.name].text == texts[path.name]
    articles = {a.id: Path(a.source).name for a in seeds_report.articles}
    assert seeds_report.claims
    for claim in seeds_report.claims:
        text = texts[articles[claim.article]]
        assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.quote


def test_title_conflict_found(seeds_report):
    (finding,) = contradictions(seeds_report, "role_title")
    assert set(finding.variants) == {"leader", "president"}
    assert "president, Kim Jong Un" in quotes(seeds_report, finding)


def test_different_measures_are_not_contradictions(seeds_report):
    for finding in contradictions(seeds_report, "quantity"):
        text = quotes(seeds_report, finding)
        assert not ("containers" in text and "shells" in text)


def test_name_variants_not_contradictions(seeds_report):
    variants = [set(f.variants) for f in seeds_report.findings if f.kind == "name_variant"]
    assert {"Kim Jong Un", "Kim Jong-un"} in variants
    assert {"Yoon Sun", "Yun Sun"} in variants
    for finding in seeds_report.findings:
        if finding.kind == "contradiction":
            assert finding.type != "role_title" or "Kim Jong-un" not in (finding.variants or [])


def test_rewrite_detected_and_its_additions_flagged(seeds_report):
    derived = [a for a in seeds_report.articles if a.derived_from]
    assert len(derived) == 1
    additions = [
        f
        for f in seeds_report.findings
        if f.kind == "unsupported_addition" and f.claims[0].startswith(derived[0].id)
    ]
    # one finding for the rewrite, listing every statement it adds
    assert len(additions) == 1 and len(additions[0].claims) >= 3


def test_brief_cites_and_every_sentence_is_backed(seeds_report):
    claims = {c.id: c for c in seeds_report.claims}
    assert len(seeds_report.brief.sentences) >= 5
    for sentence in seeds_report.brief.sentences:
        assert sentence.sources and sentence.support.endswith("of 4 sources")
        evidence = [claims[c].evidence.quote for c in sentence.claims]
        assert supported_by(core(sentence.text), evidence)
    assert any(s.disputed for s in seeds_report.brief.sentences)


def test_brief_check_drops_changed_number_or_name():
    evidence = ["Officials said more than 11,000 containers were sent to Moscow on Tuesday."]
    assert supported_by("Officials said more than 11,000 containers were sent to Moscow.", evidence)
    assert not supported_by("Officials said more than 12,000 containers were sent.", evidence)
    assert not supported_by("Officials said containers were sent to Beijing.", evidence)
    assert not supported_by("Containers were sent on Friday.", evidence)


PERTURBATIONS = {
    # file prefix: (old, new)
    "001": ("more than 11,000 containers", "more than 7,000 containers"),
    "003": ("North Korean president, Kim Jong Un", "North Korean leader, Kim Jong Un"),
    "000": ("US Secretary of State Antony Blinken", "US Defense Secretary Antony Blinken"),
    "002": ("Nato secretary-general Jens Stoltenberg", "Nato secretary-general Jens Stoltenburg"),
    "004": ("arrival in Pyongyang", "arrival in Vladivostok"),
}


@pytest.fixture(scope="module")
def perturbed_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("perturbed")
    for path in SEEDS.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        old, new = PERTURBATIONS.get(path.name[:3], ("", ""))
        if old:
            assert old in text
            text = text.replace(old, new)
        (folder / path.name).write_text(text, encoding="utf-8")
    return report_for(folder)


def test_perturbed_number_becomes_a_quantity_conflict(seeds_report, perturbed_report):
    assert not contradictions(seeds_report, "quantity")
    (finding,) = [
        f
        for f in contradictions(perturbed_report, "quantity")
        if "7,000" in quotes(perturbed_report, f)
    ]
    assert "11,000" in quotes(perturbed_report, finding)


def test_perturbed_titles_move_the_title_conflict(perturbed_report):
    conflicts = contradictions(perturbed_report, "role_title")
    assert not any("Kim Jong Un" in f.explanation for f in conflicts)
    (blinken,) = [f for f in conflicts if "Antony Blinken" in f.explanation]
    assert {"defence secretary", "secretary of state"} == set(blinken.variants)


def test_perturbed_name_becomes_a_variant(perturbed_report):
    variants = [set(f.variants) for f in perturbed_report.findings if f.kind == "name_variant"]
    assert {"Jens Stoltenberg", "Jens Stoltenburg"} in variants


def test_perturbed_place_becomes_a_place_conflict(seeds_report, perturbed_report):
    assert not contradictions(seeds_report, "place")
    (finding,) = contradictions(perturbed_report, "place")
    text = quotes(perturbed_report, finding)
    assert "Vladivostok" in text and "Pyongyang" in text


def test_json_output_validates_against_committed_schema(cli, tmp_path):
    out = tmp_path / "report.json"
    result = cli("check", str(SEEDS), "--format", "json", "-o", str(out))
    assert result.exit_code == 0
    schema = json.loads((ROOT / "schema" / "report.schema.json").read_text())
    report = json.loads(out.read_text())
    jsonschema.validate(report, schema)
    assert report["schema_version"] == "1"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temp file left


def test_shared_contract_checker_accepts_the_report(cli, tmp_path):
    checker = ROOT.parent / "shared" / "tools" / "check_report.py"
    if not checker.exists():
        pytest.skip("shared contract checker not present beside the checkout")
    import subprocess
    import sys

    out = tmp_path / "report.json"
    cli("check", str(SEEDS), "--format", "json", "-o", str(out))
    done = subprocess.run([sys.executable, str(checker), str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout

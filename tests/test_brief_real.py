"""The brief's rules hold on real news: FNC-1 bodies grouped by headline (dev clusters only),
and on the seeds. Skipped when the shared benchmark data is not there."""

from __future__ import annotations

import importlib.util
import json

import pytest

from factcheck.choose import ancestors
from factcheck.facts import same_fact
from factcheck.fragments import fragment
from factcheck.parts import carried
from factcheck.pipeline import run
from factcheck.quoting import quotes_hold
from factcheck.settings import Settings
from factcheck.swaps import Cluster
from factcheck.vetting import core
from tests.conftest import ROOT, SEEDS

CLUSTERS = 8  # the first dev story clusters


def _clusters() -> list[dict]:
    spec = importlib.util.spec_from_file_location("rc", ROOT / "benchmarks" / "real_clusters.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not (module.FNC1 / "competition_test_bodies.csv").exists():
        pytest.skip("the shared FNC-1 data is not here")
    return module.fnc1_clusters("story", "dev")[:CLUSTERS]


def _report(folder) -> dict:
    report = run([str(folder)], Settings(engine="local", max_bytes=10**7))
    return json.loads(report.model_dump_json())


def assert_publishable(report: dict) -> None:
    """Every citation states its sentence and quotes what it quotes; no artifact, fragment,
    repeat or copy's wording without its original; agreed, then disputes, then single."""
    articles = {a["id"]: a for a in report["articles"]}
    claims = {c["id"]: c for c in report["claims"]}
    derived = {a: v["derived_from"] for a, v in articles.items() if v["derived_from"]}
    cluster = Cluster({a: v["text"] for a, v in articles.items()}, derived)
    sentences = report["brief"]["sentences"]
    sections = [1 if s["disputed"] else 2 if s["support"].startswith("1 of") else 0
                for s in sentences]  # fmt: skip
    assert sections == sorted(sections)
    stated = [s for s in sentences if not s["disputed"]]
    for sentence in stated:
        text, origin = core(sentence["text"]), claims[sentence["claims"][0]]
        assert fragment(text) is None, text
        assert not cluster.assess(text, origin["article"]).artifact, text
        originals = ancestors(origin["article"], derived) & set(articles)
        assert not originals or originals & set(sentence["sources"]), text
        for source in sentence["sources"]:
            evidence = [claims[c]["evidence"]["quote"] for c in sentence["claims"]
                        if claims[c]["article"] == source]  # fmt: skip
            assert carried(text, evidence).ok, (text, evidence)
            assert quotes_hold(text, articles[source]["text"]), text
    for i, a in enumerate(stated):
        for b in stated[i + 1 :]:
            assert not same_fact(core(a["text"]), core(b["text"]), carried), (a["text"], b["text"])


@pytest.fixture(scope="module")
def real_reports(tmp_path_factory) -> list[dict]:
    reports = []
    for cluster in _clusters():
        folder = tmp_path_factory.mktemp(cluster["id"])
        for n, item in enumerate(cluster["articles"]):
            (folder / f"{n}.txt").write_text(item["text"], encoding="utf-8")
        reports.append(_report(folder))
    return reports


def test_real_cluster_briefs_are_publishable(real_reports):
    assert sum(len(r["brief"]["sentences"]) for r in real_reports) >= 3 * len(real_reports)
    for report in real_reports:
        assert_publishable(report)


def test_the_seeds_brief_opens_with_what_most_sources_state_and_is_publishable():
    report = _report(SEEDS)
    assert_publishable(report)
    supports = [s["support"] for s in report["brief"]["sentences"]]
    assert supports[0] == "3 of 4 sources" and sum(s.startswith("1 of") for s in supports) <= 3
    assert report["brief"]["note"].startswith("“k of n sources” counts independent sources")

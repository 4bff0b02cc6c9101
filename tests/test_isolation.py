"""A bug in one article, one group or one step is that item's problem; the run goes on.

Failures are injected: an engine that raises for one article or one group (wrapping either
real engine), and monkeypatched rules that raise. Every run ends with a report that names the
item ("internal error: …"), is partial (exit 3 at the CLI), and keeps everything else.
"""

from __future__ import annotations

import json

import httpx2
import pytest

import factcheck.extract
import factcheck.judge
import factcheck.pipeline
from factcheck.pipeline import run, run_extract
from factcheck.settings import Settings
from tests.stub.server import Answers
from tests.test_llm_units import WILDFIRE, llm_settings

ARTICLES = ("valley_a.txt", "valley_b.txt", "valley_c.txt")


def _stub_client():
    stub = Answers()

    def handle(request):
        status, headers, payload = stub.answer(json.loads(request.content))
        return httpx2.Response(status, headers=headers, json=payload)

    return httpx2.AsyncClient(transport=httpx2.MockTransport(handle))


def _run(engine: str, runner=run):
    if engine == "local":
        return runner([str(WILDFIRE)], Settings(engine="local"))
    return runner([str(WILDFIRE)], llm_settings(), http_client=_stub_client())


class Faulty:
    """Either engine, raising ``error`` whenever it is handed ``article`` or ``group``."""

    def __init__(self, engine, article=None, group_number=None, error=RuntimeError):
        self.engine, self.article, self.group_number, self.error = (
            engine,
            article,
            group_number,
            error,
        )
        self.target = None

    def __getattr__(self, name):
        return getattr(self.engine, name)

    def extract_claims(self, items):
        if any(item.article.source.endswith(str(self.article)) for item in items):
            raise self.error("injected failure in extraction")
        return self.engine.extract_claims(items)

    def judge_groups(self, groups, articles):
        if self.group_number is not None and self.target is None and groups:
            self.target = groups[min(self.group_number, len(groups) - 1)].id
        if any(group.id == self.target for group in groups):
            raise self.error("injected failure in judging")
        return self.engine.judge_groups(groups, articles)


@pytest.fixture
def faulty(monkeypatch):
    made = []

    def install(**fault):
        real = factcheck.pipeline.get_engine

        def get_engine(settings, **options):
            made.append(Faulty(real(settings, **options), **fault))
            return made[-1]

        monkeypatch.setattr(factcheck.pipeline, "get_engine", get_engine)
        return made

    return install


@pytest.mark.parametrize("engine", ["local", "llm"])
@pytest.mark.parametrize("article", ARTICLES)
@pytest.mark.parametrize("error", [RuntimeError, KeyError, ZeroDivisionError, RecursionError])
def test_an_article_that_breaks_extraction_is_a_problem(faulty, engine, article, error):
    faulty(article=article, error=error)
    report = _run(engine)
    assert report.run.partial
    assert [(p.where, p.error.split(":")[:2]) for p in report.run.problems] == [
        (article, ["internal error", f" {error.__name__}"])
    ]
    failed = next(a.id for a in report.articles if a.source.endswith(article))
    assert report.claims and failed not in {c.article for c in report.claims}
    assert len({c.article for c in report.claims}) == 2


@pytest.mark.parametrize("engine", ["local", "llm"])
@pytest.mark.parametrize("runner", [run, run_extract], ids=["run", "run_extract"])
def test_run_and_run_extract_both_isolate_articles(faulty, engine, runner):
    faulty(article="valley_c.txt")
    report = _run(engine, runner)
    assert report.run.partial and [p.where for p in report.run.problems] == ["valley_c.txt"]


@pytest.mark.parametrize("engine", ["local", "llm"])
@pytest.mark.parametrize("number", [0, 1, 99])
def test_a_group_that_breaks_judging_is_a_problem(faulty, engine, number):
    clean = _run(engine)
    made = faulty(group_number=number)
    report = _run(engine)
    target = made[-1].target
    assert target is not None
    assert [p.where for p in report.run.problems] == [f"group {target}"]
    assert (
        "internal error: RuntimeError: injected failure in judging" in report.run.problems[0].error
    )
    assert {g.id for g in report.groups} == {g.id for g in clean.groups} - {target}


def _raising_for(original, match):
    def patched(*args, **kwargs):
        if match(*args):
            raise ValueError("injected failure in a rule")
        return original(*args, **kwargs)

    return patched


@pytest.mark.parametrize("engine", ["local", "llm"])
@pytest.mark.parametrize(
    ("module", "name", "match", "where"),
    [
        (factcheck.extract, "segment", lambda a: a.source.endswith("valley_b.txt"),
         "valley_b.txt"),
        (factcheck.extract, "claims_of", lambda a, _: a.source.endswith("valley_a.txt"),
         "valley_a.txt"),
        (factcheck.extract, "_anchor", lambda text, _: text.startswith("Carrow Vale fire"),
         "valley_b.txt"),
        (factcheck.judge, "report_group", lambda group, *_: True, None),
        (factcheck.pipeline, "judge_people", lambda *_: True, "people"),
        (factcheck.pipeline, "sweep", lambda *_: True, "cluster sweep"),
        (factcheck.pipeline, "find_unsupported", lambda *_: True, "unsupported additions"),
        (factcheck.pipeline, "compose", lambda *_: True, "brief"),
        (factcheck.pipeline, "_derived", lambda *_: True, "rewrites"),
        (factcheck.pipeline, "attribute", lambda *_: True, "attribution"),
        (factcheck.pipeline, "cross_check", lambda *_: True, "cross-check"),
        (factcheck.pipeline, "rebuttals", lambda *_: True, "rebuttals"),
    ],
)  # fmt: skip
def test_a_rule_that_raises_makes_its_item_a_problem(monkeypatch, engine, module, name, match,
                                                     where):  # fmt: skip
    monkeypatch.setattr(module, name, _raising_for(getattr(module, name), match))
    report = _run(engine)
    assert report.run.partial and report.run.problems
    for problem in report.run.problems:
        assert problem.error == "internal error: ValueError: injected failure in a rule"
        assert problem.where == where or (where is None and problem.where.startswith("group "))
    if name == "compose":
        assert report.brief.sentences == []
    if where in ARTICLES:
        assert len({c.article for c in report.claims}) == 2


def test_a_bug_inside_the_llm_engine_marks_only_that_article(monkeypatch):
    from factcheck.engines.llm import extract as llm_extract

    original = llm_extract.draft

    def draft(out):
        if "Nordic scheme" in out.quote:
            raise TypeError("injected failure in the llm engine")
        return original(out)

    monkeypatch.setattr(llm_extract, "draft", draft)
    report = _run("llm")
    assert [p.where for p in report.run.problems] == ["valley_b.txt"]
    assert report.run.problems[0].error.startswith("internal error: TypeError")
    assert len({c.article for c in report.claims}) == 2


@pytest.mark.parametrize("engine", ["local", "llm"])
def test_the_cli_exits_3_and_names_the_article(cli, monkeypatch, faulty, engine, tmp_path):
    faulty(article="valley_a.txt")
    args = ["check", str(WILDFIRE), "-f", "json", "-o", str(tmp_path / "r.json")]
    if engine == "llm":
        monkeypatch.setattr(
            factcheck.pipeline, "get_engine", _with_stub(factcheck.pipeline.get_engine)
        )
        args += ["--model", "stub", "--base-url", "http://llm.invalid/v1", "--no-cache"]
    result = cli(*args)
    assert result.exit_code == 3, result.output
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["run"]["problems"][0]["where"] == "valley_a.txt"


def _with_stub(get_engine):
    def wrapped(settings, **options):
        return get_engine(settings, **{**options, "http_client": _stub_client()})

    return wrapped

"""The pipeline: ingest → segment → extract → align → judge → sweep → unsupported → brief →
report.

``check`` (the library's entry point, exported as ``factcheck.check``) and ``run`` return a
``Report``; ``check_texts`` does the same for texts in memory, ``run_ingested`` for articles
already read; ``run_extract`` stops after extraction. None of them prints or exits. The
stages get the engine the settings choose and call it; the pipeline only passes results from
one stage to the next.

A bug met in one article, one group or one later step (the people, the cluster sweep, unsupported
additions, the brief) makes it a problem of the report (``isolation``): the step's findings are
left out and the run goes on, partial (exit 3). ``settings.deadline`` starts when the run does.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import UTC, datetime
from os import PathLike
from typing import BinaryIO

from .align import align
from .attribution import attribute
from .brief import compose, contested_claims
from .crosscheck import cross_check, without_repeats
from .deadline import Deadline
from .engines import Engine, get_engine
from .engines.local import LocalEngine
from .excerpts import with_excerpts
from .extract import extract
from .ingest import Ingested, ingest, ingest_records
from .isolation import FAILED, attempt
from .judge import as_updates, judge, judge_people
from .labels import file_name, source_label
from .lexical import looks_english
from .models import (
    Article,
    Brief,
    Claim,
    ClaimGroup,
    Composed,
    Extraction,
    ExtractReport,
    Problem,
    Report,
    RunInfo,
)
from .people import PersonIndex
from .rebuttals import rebuttals
from .rewrites import find_derived, independent_source
from .settings import Settings
from .sweep import Swept, sweep
from .unsupported import find_unsupported, rank


def check(
    paths: str | PathLike | Iterable[str | PathLike], settings: Settings | None = None
) -> Report:
    """Check the articles named by ``paths`` (one path or several: files, folders, globs) and
    return the report. ``settings`` default to ``Settings()``: the local engine unless a model
    is named. Raises ``InputError`` when nothing can be read, ``ConfigError`` or
    ``EngineError`` when the engine cannot run; articles that fail alone are listed in
    ``report.run.problems``."""
    if isinstance(paths, str | PathLike):
        paths = [paths]
    return run([str(p) for p in paths], settings or Settings())


def check_texts(
    articles: Iterable[str | dict], settings: Settings | None = None, where: str = "text"
) -> Report:
    """Check articles given in memory: plain strings, or records ``{"text": …, "title"?,
    "outlet"?, "published"?, "url"?}``; each is named ``text[n]`` unless it has a ``source``."""
    records = [{"text": a} if isinstance(a, str) else a for a in articles]
    settings = settings or Settings()
    return run_ingested(ingest_records(records, where, max_bytes=settings.max_bytes), settings)


def run(
    paths: list[str], settings: Settings, stdin: BinaryIO | None = None, **engine_options
) -> Report:
    """Check the articles named by ``paths`` and return the full report."""
    return _with_engine(_run, paths, settings, stdin, engine_options)


def _with_engine(step, paths, settings: Settings, stdin: BinaryIO | None, engine_options: dict):
    """``step(engine, ingested, started, clock)`` on the articles named by ``paths``, with the
    engine the settings choose, closed afterwards."""
    deadline = Deadline(settings.deadline)
    started, clock = _now(), time.perf_counter()
    ingested = ingest(paths, stdin=stdin, max_bytes=settings.max_bytes)
    engine = get_engine(settings, deadline=deadline, **engine_options)
    try:
        return step(engine, ingested, started, clock)
    finally:
        engine.close()


def run_ingested(ingested: Ingested, settings: Settings, **engine_options) -> Report:
    """Check articles already read (a batch line's records)."""
    started, clock = _now(), time.perf_counter()
    engine = get_engine(settings, deadline=Deadline(settings.deadline), **engine_options)
    try:
        return _run(engine, ingested, started, clock)
    finally:
        engine.close()


def _run(engine: Engine, ingested: Ingested, started: str, clock: float) -> Report:
    extraction = _extract(ingested, engine)
    problems = extraction.problems
    claims = {c.id: c for c in extraction.claims}
    people = PersonIndex(extraction.claims)
    groups = align(extraction.claims, people)
    derived = _guarded(problems, "rewrites", {}, _derived, engine, ingested.unique,
                       extraction.claims, groups)  # fmt: skip
    articles = [a.model_copy(update={"derived_from": derived.get(a.id)}) for a in ingested.articles]
    by_id = {a.id: a for a in articles}
    judged = judge(groups, by_id, engine)
    problems += judged.problems
    labels = source_labels(articles)
    about_people = _guarded(problems, "people", [], judge_people, people, claims)
    compared = _guarded(problems, "cross-check", [], cross_check, articles, extraction.claims,
                        labels)  # fmt: skip
    compared += _guarded(problems, "rebuttals", [], rebuttals, articles, extraction.claims)
    swept = _guarded(problems, "cluster sweep", Swept(), sweep, claims, by_id, judged.groups,
                     judged.findings + about_people, engine)  # fmt: skip
    swept.findings = without_repeats(swept.findings, compared)
    findings = as_updates(judged.findings + swept.findings, claims, by_id) + about_people
    findings += compared
    contested = contested_claims(findings)
    findings += _guarded(problems, "unsupported additions", [], find_unsupported, groups,
                         derived, contested, labels, people, by_id)  # fmt: skip
    findings = rank(with_excerpts(findings, claims, by_id))
    independent = {independent_source(a.id, derived) for a in ingested.unique}
    composed = _guarded(problems, "brief", Composed(Brief(), 0), compose, groups, findings,
                        claims, derived, len(independent), engine, articles)  # fmt: skip
    usage = engine.usage().model_copy(
        update={
            "dropped_claims": extraction.dropped,
            "dropped_brief_sentences": composed.dropped,
            "dropped_sweep_findings": swept.dropped,
        }
    )
    return Report(
        run=_run_info(engine, started, clock, ingested, extraction.claims, problems),
        usage=usage,
        articles=articles,
        claims=extraction.claims,
        groups=judged.groups,
        findings=findings,
        brief=composed.brief,
    )


def _guarded(problems: list[Problem], where: str, empty, step, *args):
    """``step(*args)``; a bug in it is a problem of ``where`` and ``empty`` stands in."""
    result = attempt(problems, where, step, *args)
    return empty if result is FAILED else result


def run_extract(
    paths: list[str], settings: Settings, stdin: BinaryIO | None = None, **engine_options
) -> ExtractReport:
    """Ingest and extract only: the articles and their claims."""
    return _with_engine(_run_extract, paths, settings, stdin, engine_options)


def _run_extract(engine: Engine, ingested: Ingested, started: str, clock: float) -> ExtractReport:
    extraction = _extract(ingested, engine)
    return ExtractReport(
        run=_run_info(engine, started, clock, ingested, extraction.claims, extraction.problems),
        usage=engine.usage().model_copy(update={"dropped_claims": extraction.dropped}),
        articles=ingested.articles,
        claims=extraction.claims,
    )


def _extract(ingested: Ingested, engine: Engine) -> Extraction:
    """Claims of every article, each credited from its evidence (``attribution``)."""
    extraction = extract(ingested.articles, engine)
    by_id = {a.id: a for a in ingested.articles}
    extraction.claims = _guarded(extraction.problems, "attribution", extraction.claims,
                                 attribute, extraction.claims, by_id)  # fmt: skip
    return extraction


def _derived(
    engine: Engine, articles: list[Article], claims: list[Claim], groups: list[ClaimGroup]
) -> dict[str, str]:
    """Which article is rewritten from which. Rewriting is a property of the text, so it is
    measured on the local engine's sentence claims whatever the engine: a model's claims are
    fewer and chosen, and their overlap says little about how much text was reused."""
    if engine.name != "local":
        claims = extract(articles, LocalEngine()).claims
        groups = align(claims, PersonIndex(claims))
    return find_derived(articles, claims, groups)


def source_labels(articles) -> dict[str, str]:
    """'[n] Outlet: Title' (or the file name) for each article id, numbered in report order,
    short enough for an explanation."""
    return {a.id: f"[{n}] {source_label(a, limit=50)}" for n, a in enumerate(articles, start=1)}


def _run_info(
    engine,
    started: str,
    clock: float,
    ingested: Ingested,
    claims: list | None = None,
    stage_problems: list[Problem] = (),
) -> RunInfo:
    notes = list(ingested.notes)
    duplicates = len(ingested.articles) - len(ingested.unique)
    if len(ingested.unique) == 1:
        notes.append("only one distinct article: claims extracted, nothing to compare them with")
    if duplicates:
        notes.append(f"{duplicates} exact duplicate(s) counted once")
    if claims is not None:
        with_claims = {c.article for c in claims}
        empty = [file_name(a) for a in ingested.unique if a.id not in with_claims]
        if empty:
            notes.append("no checkable sentence in " + ", ".join(empty[:5]))
    if engine.name == "local":
        foreign = [file_name(a) for a in ingested.unique if not looks_english(a.text)]
        if foreign:
            notes.append(
                "may not be English (the local engine's rules are for English; use the llm "
                "engine): " + ", ".join(foreign[:5])
            )
    problems = ingested.problems + engine.problems() + list(stage_problems)
    return RunInfo(
        notes=notes,
        engine=engine.name,
        model=engine.model,
        prompt_version=engine.prompt_version,
        started=started,
        seconds=round(time.perf_counter() - clock, 3),
        partial=bool(problems),
        problems=problems,
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

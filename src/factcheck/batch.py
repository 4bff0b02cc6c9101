"""``factcheck batch``: many story clusters, one JSON line in and one out per cluster.

Input lines: ``{"id": "...", "articles": [{"text": ..., "title"?, "outlet"?, "published"?} or
{"path": "..."}]}`` (paths relative to the input file). Output lines: ``{"id": "...", "status":
"ok|error", "report": {...} | null, "error": null | "..."}``.

Clusters run in parallel: worker processes for the local engine, worker threads for the llm
engine (each cluster's calls are async; a limiter shared by all threads caps requests per
minute), or a Dask cluster (``executor="dask"``). One writer appends each finished line with a
single write to a file opened for appending, so the file only ever ends in whole lines or one
torn line; ``resume`` drops a torn last line, keeps every finished cluster and runs the rest. A
cluster that fails is written with its error and the run goes on.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from . import results_file
from .errors import FactcheckError, InputError
from .ingest import regular_file, shown
from .safejson import loads, text_field
from .settings import Settings


@dataclass
class Cluster:
    id: str
    articles: list | None
    error: str | None = None
    fingerprint: str = ""  # of its input line: ties its result to this clusters file


@dataclass
class Summary:
    total: int = 0
    skipped: int = 0  # finished in an earlier run
    ok: int = 0
    failed: int = 0
    findings: int = 0
    calls: int = 0
    cost: float = 0.0
    seconds: float = 0.0
    torn: bool = False  # a torn last line was dropped


def read_clusters(path: Path) -> list[Cluster]:
    """Every line of the input; a line that is not a cluster becomes one that fails, and the
    others go on (bad JSON, deep nesting, huge numbers, bytes that are not UTF-8, bad ids)."""
    regular_file(Path(path), shown(path))
    clusters: list[Cluster] = []
    seen: set[str] = set()
    try:
        with open(path, "rb") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    clusters.append(_cluster(line, number, seen))
    except OSError as exc:
        raise InputError(f"{shown(path)}: cannot read ({exc.strerror or exc})") from None
    if not clusters:
        raise InputError(f"{shown(path)}: no clusters")
    return clusters


def _cluster(line: bytes, number: int, seen: set[str]) -> Cluster:
    fingerprint = results_file.fingerprint(line)
    try:
        record = loads(line.decode("utf-8"))
        named = isinstance(record, dict) and isinstance(record.get("id"), str)
        cid = text_field(record, "id", f"line {number}") if named else None
    except UnicodeDecodeError:
        return Cluster(f"line-{number}", None, "not UTF-8 text", fingerprint)
    except InputError as exc:
        return Cluster(f"line-{number}", None, str(exc).removeprefix(f"line {number}: "),
                       fingerprint)  # fmt: skip
    if not cid:
        return Cluster(f"line-{number}", None, "expected an object with a string 'id'",
                       fingerprint)  # fmt: skip
    if cid in seen:
        return Cluster(f"{cid}#line-{number}", None, f"duplicate id on line {number}", fingerprint)
    seen.add(cid)
    articles = record.get("articles")
    if not isinstance(articles, list) or not articles:
        return Cluster(cid, None, "expected a non-empty 'articles' list", fingerprint)
    return Cluster(cid, articles, None, fingerprint)


def article_paths(clusters: list[Cluster], base: Path) -> list[Path]:
    """The files the clusters name (``{"path": ...}``), as the run will read them."""
    paths = []
    for cluster in clusters:
        for record in cluster.articles or []:
            if isinstance(record, dict) and isinstance(record.get("path"), str):
                paths.append(base / record["path"])
    return paths


def check_cluster(
    cluster: Cluster,
    base: str,
    settings: Settings,
    engine_options: dict | None = None,
    confined: bool = False,
) -> dict:
    """One result line for one cluster; never raises for a cluster's own failure."""
    from .ingest import ingest_records
    from .pipeline import run_ingested

    if cluster.error is not None:
        return _line(cluster, error=cluster.error)
    try:
        ingested = ingest_records(cluster.articles, cluster.id, base=Path(base),
                                  max_bytes=settings.max_bytes, confined=confined)  # fmt: skip
        report = run_ingested(ingested, settings, **(engine_options or {}))
    except FactcheckError as exc:
        return _line(cluster, error=str(exc))
    except Exception as exc:  # a bug must not stop the other clusters; keep its name
        return _line(cluster, error=f"internal error: {type(exc).__name__}: {exc}")
    return _line(cluster, report=report.model_dump(mode="json"))


def _line(cluster: Cluster, report: dict | None = None, error: str | None = None) -> dict:
    return {"id": cluster.id, "status": "error" if error else "ok", "report": report,
            "error": error, results_file.FINGERPRINT: cluster.fingerprint}  # fmt: skip


def run_batch(
    clusters_path: Path,
    output: Path,
    settings: Settings,
    *,
    workers: int,
    resume: bool = False,
    executor: str = "auto",
    scheduler: str | None = None,
    progress: Callable[[Summary], None] | None = None,
    confined: bool = False,
) -> Summary:
    """Check every cluster of ``clusters_path`` not yet in ``output``, appending a line each.
    ``workers`` is an upper bound: never more than there are clusters to check. With
    ``confined`` (a clusters file from someone else), ``{"path": …}`` records may only name
    files inside the clusters file's folder."""
    clusters = read_clusters(clusters_path)
    base = Path(clusters_path).resolve().parent
    inputs = [Path(clusters_path), *article_paths(clusters, base)]
    results = results_file.ResultsFile(Path(output), resume=resume, inputs=inputs)
    try:
        results.check_source({c.id: c.fingerprint for c in clusters}, clusters_path)
        done = results.finished.fingerprints
        summary = Summary(total=len(clusters), skipped=sum(c.id in done for c in clusters),
                          torn=results.finished.torn)  # fmt: skip
        todo = [c for c in clusters if c.id not in done]
        workers = max(1, min(workers, len(todo)))
        started = time.perf_counter()
        job = partial(check_cluster, base=str(base), settings=settings, confined=confined)
        try:
            for line in _results(todo, job, settings, workers, executor, scheduler):
                results.append(line)
                _count(summary, line)
                if progress:
                    progress(summary)
        finally:
            summary.seconds = round(time.perf_counter() - started, 2)
    finally:
        results.close()
    return summary


def _count(summary: Summary, line: dict) -> None:
    if line["status"] != "ok":
        summary.failed += 1
        return
    summary.ok += 1
    report = line["report"]
    summary.findings += len(report["findings"])
    summary.calls += report["usage"]["llm_calls"]
    summary.cost += report["usage"]["cost_usd"] or 0.0


def _results(todo, job, settings, workers, executor, scheduler) -> Iterator[dict]:
    """Result lines as clusters finish; ``job`` checks one cluster (``check_cluster`` with the
    run's folder, settings and confinement bound)."""
    engine = settings.engine
    uses_llm = engine == "llm" or (engine == "auto" and settings.model)
    if executor == "dask":
        yield from _dask(todo, job, settings, workers, scheduler)
    elif workers <= 1:
        for cluster in todo:
            yield job(cluster)
    elif uses_llm:
        yield from _threads(todo, job, settings, workers)
    else:
        yield from _processes(todo, job, workers)


def _processes(todo, job, workers) -> Iterator[dict]:
    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=_die_with_parent, initargs=(os.getpid(),)
    )
    try:
        futures = [pool.submit(job, c) for c in todo]
        yield from _as_done(futures, todo)
    finally:  # on an error or Ctrl-C too: cancel what has not started, stop the workers
        pool.shutdown(wait=False, cancel_futures=True)
        for process in list((pool._processes or {}).values()):
            process.terminate()


def _die_with_parent(parent: int) -> None:
    """In each worker: end when the parent process ends, however it ends (SIGKILL included).
    Linux delivers a signal when the parent dies; elsewhere a watcher thread notices that the
    parent is gone."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _threads(todo, job, settings, workers) -> Iterator[dict]:
    limiter = RateLimiter(settings.rpm) if settings.rpm else None
    options = {"rate_limiter": limiter} if limiter is not None else {}
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(job, c, engine_options=options) for c in todo]
        yield from _as_done(futures, todo)


def _as_done(futures: list[Future], todo: list[Cluster]) -> Iterator[dict]:
    clusters = {id(f): c for f, c in zip(futures, todo, strict=True)}
    for future in as_completed(futures):
        try:
            yield future.result()
        except Exception as exc:  # a worker process died: record it, go on
            yield _line(clusters[id(future)], error=f"worker failed: {type(exc).__name__}: {exc}")


def _dask(todo, job, settings, workers, scheduler) -> Iterator[dict]:
    try:
        from distributed import Client, LocalCluster
        from distributed import as_completed as dask_completed
    except ImportError:
        raise FactcheckError(
            "the dask executor needs the dask extra: pip install 'factcheck[dask]'"
        ) from None
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                               processes=workers > 1, dashboard_address=":0",
                               protocol="tcp://", host="127.0.0.1")  # fmt: skip
        client = Client(cluster)
    try:
        local = partial(job, settings=replace(settings, workers=1))
        futures = [client.submit(local, c, pure=False) for c in todo]
        clusters = {f.key: c for f, c in zip(futures, todo, strict=True)}
        for future in dask_completed(futures):
            try:
                yield future.result()
            except Exception as exc:
                error = f"worker failed: {type(exc).__name__}: {exc}"
                yield _line(clusters[future.key], error=error)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


class RateLimiter:
    """At most ``per_minute`` requests a minute across every thread (a token bucket)."""

    def __init__(self, per_minute: int):
        self.interval = 60.0 / per_minute
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self.interval
        if start > now:
            time.sleep(start - now)

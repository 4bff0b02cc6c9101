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

import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import FactcheckError, InputError
from .settings import Settings


@dataclass
class Cluster:
    id: str
    articles: list | None
    error: str | None = None


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
    """Every line of the input; a line that is not a cluster becomes one that fails."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    clusters, seen = [], set()
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            clusters.append(Cluster(f"line-{number}", None, f"invalid JSON: {exc.msg}"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            clusters.append(
                Cluster(f"line-{number}", None, "expected an object with a string 'id'")
            )
            continue
        cid = record["id"]
        articles = record.get("articles")
        if cid in seen:
            error = f"duplicate id on line {number}"
            clusters.append(Cluster(f"{cid}#line-{number}", None, error))
            continue
        seen.add(cid)
        if not isinstance(articles, list) or not articles:
            clusters.append(Cluster(cid, None, "expected a non-empty 'articles' list"))
            continue
        clusters.append(Cluster(cid, articles))
    if not clusters:
        raise InputError(f"{path}: no clusters")
    return clusters


def finished(output: Path, resume: bool) -> tuple[set[str], bool]:
    """Ids already written to ``output`` (with ``resume``), dropping a torn last line."""
    output = Path(output)
    if not output.exists():
        return set(), False
    if not resume:
        raise InputError(f"{output} already exists: pass --resume to continue it")
    data = output.read_bytes()
    ids, good_end, torn = set(), 0, False
    position = 0
    for line in data.splitlines(keepends=True):
        end = position + len(line)
        complete = line.endswith(b"\n")
        try:
            record = json.loads(line) if complete else None
        except ValueError:
            record = None
        if record is None or not isinstance(record, dict) or "id" not in record:
            if end < len(data):
                raise InputError(
                    f"{output}: line at byte {position} is not a result; fix or remove it"
                )
            torn = True
            break
        ids.add(record["id"])
        good_end = end
        position = end
    if torn:
        with output.open("r+b") as handle:
            handle.truncate(good_end)
    return ids, torn


def check_cluster(
    cluster: Cluster, base: str, settings: Settings, engine_options: dict | None = None
) -> dict:
    """One result line for one cluster; never raises for a cluster's own failure."""
    from .ingest import ingest_records
    from .pipeline import run_ingested

    if cluster.error is not None:
        return _line(cluster.id, error=cluster.error)
    try:
        ingested = ingest_records(
            cluster.articles, cluster.id, base=Path(base), max_bytes=settings.max_bytes
        )
        report = run_ingested(ingested, settings, **(engine_options or {}))
    except FactcheckError as exc:
        return _line(cluster.id, error=str(exc))
    except Exception as exc:  # a bug must not stop the other clusters; keep its name
        return _line(cluster.id, error=f"internal error: {type(exc).__name__}: {exc}")
    return _line(cluster.id, report=report.model_dump(mode="json"))


def _line(cid: str, report: dict | None = None, error: str | None = None) -> dict:
    return {"id": cid, "status": "error" if error else "ok", "report": report, "error": error}


class Appender:
    """Appends whole lines, each with one write; safe to kill at any moment."""

    def __init__(self, path: Path):
        try:
            self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        except OSError as exc:
            raise InputError(f"{path}: cannot write results ({exc.strerror or exc})") from None

    def write(self, record: dict) -> None:
        data = (json.dumps(record, ensure_ascii=False) + "\n").encode()
        written = os.write(self._fd, data)
        while written < len(data):  # only on a full disk or a signal mid-write
            written += os.write(self._fd, data[written:])

    def close(self) -> None:
        os.fsync(self._fd)
        os.close(self._fd)


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
) -> Summary:
    clusters = read_clusters(clusters_path)
    done, torn = finished(output, resume)
    summary = Summary(total=len(clusters), skipped=sum(c.id in done for c in clusters), torn=torn)
    todo = [c for c in clusters if c.id not in done]
    base = str(Path(clusters_path).resolve().parent)
    started = time.perf_counter()
    appender = Appender(output)
    try:
        for line in _results(todo, base, settings, workers, executor, scheduler):
            appender.write(line)
            _count(summary, line)
            if progress:
                progress(summary)
    finally:
        appender.close()
        summary.seconds = round(time.perf_counter() - started, 2)
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


def _results(todo, base, settings, workers, executor, scheduler) -> Iterator[dict]:
    engine = settings.engine
    uses_llm = engine == "llm" or (engine == "auto" and settings.model)
    if executor == "dask":
        yield from _dask(todo, base, settings, workers, scheduler)
    elif workers <= 1:
        for cluster in todo:
            yield check_cluster(cluster, base, settings)
    elif uses_llm:
        yield from _threads(todo, base, settings, workers)
    else:
        yield from _processes(todo, base, settings, workers)


def _processes(todo, base, settings, workers) -> Iterator[dict]:
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(check_cluster, c, base, settings) for c in todo]
        yield from _as_done(futures, todo)


def _threads(todo, base, settings, workers) -> Iterator[dict]:
    limiter = RateLimiter(settings.rpm) if settings.rpm else None
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_check_llm_cluster, c, base, settings, limiter) for c in todo]
        yield from _as_done(futures, todo)


def _check_llm_cluster(cluster, base, settings, limiter) -> dict:
    options = {"rate_limiter": limiter} if limiter is not None else {}
    return check_cluster(cluster, base, settings, options)


def _as_done(futures: list[Future], todo: list[Cluster]) -> Iterator[dict]:
    ids = {id(f): c.id for f, c in zip(futures, todo, strict=True)}
    for future in as_completed(futures):
        try:
            yield future.result()
        except Exception as exc:  # a worker process died: record it, go on
            yield _line(ids[id(future)], error=f"worker failed: {type(exc).__name__}: {exc}")


def _dask(todo, base, settings, workers, scheduler) -> Iterator[dict]:
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
        local = replace(settings, workers=1)
        futures = [client.submit(check_cluster, c, base, local, pure=False) for c in todo]
        ids = {f.key: c.id for f, c in zip(futures, todo, strict=True)}
        for future in dask_completed(futures):
            try:
                yield future.result()
            except Exception as exc:
                yield _line(ids[future.key], error=f"worker failed: {type(exc).__name__}: {exc}")
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

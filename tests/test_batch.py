"""factcheck batch: every cluster once, failures recorded, killed runs resumed, Dask locally."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.batch import RateLimiter, run_batch
from factcheck.settings import Settings
from tests.conftest import ROOT

STORY = "The council approved {n} new buses on Monday, the mayor said. They arrive in May."


def write_lines(path: Path, records: list) -> None:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n")


def results(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_batch_records_failures_and_goes_on(cli, tmp_path):
    (tmp_path / "a.txt").write_text(STORY.format(n=40))
    clusters = [
        {"id": "good", "articles": [{"text": STORY.format(n=40)}, {"path": "a.txt"},
                                    {"text": STORY.format(n=60), "published": "2025-01-02"}]},
        {"id": "missing-file", "articles": [{"path": "nope.txt"}]},
        "{not json",
        {"id": "good", "articles": [{"text": "dup"}]},
        {"id": "no-articles", "articles": []},
        {"id": "single", "articles": [{"text": STORY.format(n=7)}]},
    ]  # fmt: skip
    source = tmp_path / "clusters.jsonl"
    write_lines(source, clusters)
    out = tmp_path / "results.jsonl"
    result = cli("batch", str(source), "-o", str(out), "--workers", "1")
    assert result.exit_code == 3, result.output  # partial: some clusters failed
    lines = {r["id"]: r for r in results(out)}
    assert set(lines) == {"good", "missing-file", "line-3", "good#line-4", "no-articles", "single"}
    assert lines["good"]["status"] == "ok" and lines["single"]["status"] == "ok"
    report = lines["good"]["report"]
    assert report["schema_version"] == "1" and len(report["articles"]) == 3
    assert {f["kind"] for f in report["findings"]} >= {"contradiction"}
    assert "nope.txt" in lines["missing-file"]["error"]
    assert lines["line-3"]["error"].startswith("invalid JSON")
    assert "duplicate id" in lines["good#line-4"]["error"]
    assert all(r["report"] is None for r in lines.values() if r["status"] == "error")
    assert "6 clusters: 2 ok, 4 failed" in result.stderr


def test_killed_batch_resumes_without_losing_or_repeating(tmp_path):
    source, out = tmp_path / "clusters.jsonl", tmp_path / "results.jsonl"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "batch", "200",
                    "-o", str(source), "--size", "5"], check=True)  # fmt: skip
    ids = [json.loads(line)["id"] for line in source.read_text().splitlines()]
    command = [sys.executable, "-m", "factcheck", "batch", str(source), "-o", str(out),
               "--workers", "2"]  # fmt: skip
    run = subprocess.Popen(command, start_new_session=True, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if out.exists() and out.read_bytes().count(b"\n") >= 3:
            break
        time.sleep(0.01)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    before = out.read_bytes()
    finished = before.count(b"\n")
    assert 1 <= finished < len(ids), "the run must be killed part-way"
    kept = before[: before.rfind(b"\n") + 1]
    with out.open("ab") as handle:  # a line torn by the kill (or add one)
        handle.write(b'{"id": "cluster-0199", "status": "o')
    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    after = out.read_bytes()
    assert after.startswith(kept)  # finished clusters were kept as they were...
    lines = [json.loads(line) for line in after.splitlines()]
    assert sorted(r["id"] for r in lines) == sorted(ids)  # ...and every id is there once
    assert all(r["status"] == "ok" for r in lines)
    earlier = kept.count(b"\n")
    assert f"{earlier} finished earlier" in resumed.stderr  # ...and not recomputed
    assert "a torn last line dropped" in resumed.stderr


def test_batch_on_dask_in_local_mode(tmp_path):
    pytest.importorskip("distributed")
    source, out = tmp_path / "clusters.jsonl", tmp_path / "results.jsonl"
    write_lines(source, [{"id": f"c{n}", "articles": [{"text": STORY.format(n=n)},
                                                     {"text": STORY.format(n=n + 1)}]}
                         for n in range(3)])  # fmt: skip
    summary = run_batch(source, out, Settings(engine="local"), workers=1, executor="dask")
    assert summary.ok == 3 and summary.failed == 0
    lines = results(out)
    assert sorted(r["id"] for r in lines) == ["c0", "c1", "c2"]
    assert all(r["report"]["findings"] for r in lines)


def test_batch_with_the_llm_engine_shares_a_rate_limit(tmp_path):
    from tests.stub.server import StubServer

    source, out = tmp_path / "clusters.jsonl", tmp_path / "results.jsonl"
    write_lines(source, [{"id": f"c{n}", "articles": [{"text": STORY.format(n=n)},
                                                     {"text": STORY.format(n=n + 5)}]}
                         for n in range(3)])  # fmt: skip
    stub = StubServer().start()
    try:
        settings = Settings(engine="llm", model="stub", base_url=stub.url, api_key="k",
                            cache=False, rpm=6000)  # fmt: skip
        summary = run_batch(source, out, settings, workers=2)
    finally:
        stub.stop()
    assert summary.ok == 3 and summary.calls == len(stub.requests) > 3
    assert all(r["report"]["run"]["engine"] == "llm" for r in results(out))


def test_rate_limiter_spaces_requests():
    limiter = RateLimiter(per_minute=1200)  # one every 50 ms
    start = time.monotonic()
    for _ in range(5):
        limiter.wait()
    assert time.monotonic() - start >= 0.19


def test_existing_output_needs_resume(cli, tmp_path):
    source, out = tmp_path / "clusters.jsonl", tmp_path / "results.jsonl"
    write_lines(source, [{"id": "c", "articles": [{"text": STORY.format(n=1)}]}])
    out.write_text("")
    result = cli("batch", str(source), "-o", str(out))
    assert result.exit_code == 2 and "pass --resume" in result.stderr


def test_unwritable_output_and_missing_input_are_one_line(cli, tmp_path):
    source = tmp_path / "clusters.jsonl"
    write_lines(source, [{"id": "c", "articles": [{"text": STORY.format(n=1)}]}])
    result = cli("batch", str(source), "-o", str(tmp_path / "no" / "such" / "r.jsonl"))
    assert result.exit_code == 2 and "output directory does not exist" in result.stderr
    result = cli("batch", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "r.jsonl"))
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1

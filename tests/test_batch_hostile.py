"""factcheck batch against hostile input and misuse: no lost file, no run sunk by one line,
no second writer, no results from another clusters file, no worker left behind."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck import batch as batch_module
from factcheck.batch import read_clusters, run_batch
from factcheck.errors import InputError, OutputError
from factcheck.results_file import FINGERPRINT
from factcheck.settings import Settings
from tests.conftest import ROOT

STORY = "The harbour board approved {n} new cranes on Friday, the chair said. They arrive in July."


def cluster(cid: str, n: int = 3) -> dict:
    return {"id": cid, "articles": [{"text": STORY.format(n=n)}, {"text": STORY.format(n=n + 2)}]}


def write_lines(path: Path, lines: list) -> None:
    raw = [line if isinstance(line, bytes) else (line if isinstance(line, str) else
           json.dumps(line)).encode("utf-8", "surrogatepass") for line in lines]  # fmt: skip
    path.write_bytes(b"\n".join(raw) + b"\n")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


BAD_LINES = {
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "deep object": '{"id": "x", "articles": ' + '{"a":' * 20_000 + "1" + "}" * 20_001,
    "huge integer": '{"id": "x", "articles": [' + "8" * 5000 + "]}",
    "huge integer id": '{"id": ' + "8" * 5000 + ', "articles": []}',
    "lone surrogate id": '{"id": "a\\ud800b", "articles": [{"text": "fine"}]}',
    "not UTF-8": b'{"id": "caf\xe9", "articles": [{"text": "x"}]}',
    "number id": '{"id": 7, "articles": [{"text": "x"}]}',
    "list line": "[1, 2, 3]",
    "invalid JSON": "{nope",
    "NUL bytes": b"\x00\x00\x00",
}


@pytest.mark.parametrize("name", list(BAD_LINES))
def test_one_bad_cluster_line_fails_alone(name, tmp_path):
    source, out = tmp_path / "clusters.jsonl", tmp_path / "results.jsonl"
    write_lines(source, [cluster("first"), BAD_LINES[name], cluster("last", 9)])
    summary = run_batch(source, out, Settings(engine="local"), workers=1)
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert summary.ok == 2 and summary.failed == 1, lines
    bad = [r for r in lines if r["status"] == "error"]
    assert bad[0]["id"] == "line-2" and "\n" not in bad[0]["error"]
    assert all(isinstance(r[FINGERPRINT], str) and len(r[FINGERPRINT]) == 64 for r in lines)


@pytest.mark.parametrize(
    "article",
    [{"text": "x \ud800"}, {"text": "ok", "title": {"deep": [[[]]]}}, {"text": "\u200b" * 50},
     {"path": "/dev/zero"}, {"text": 12345}],
)  # fmt: skip
def test_one_bad_article_in_a_cluster_is_a_problem_of_that_cluster(article, tmp_path):
    source, out = tmp_path / "clusters.jsonl", tmp_path / "results.jsonl"
    good = cluster("c")
    good["articles"].append(article)
    source.write_text(json.dumps(good) + "\n")
    summary = run_batch(source, out, Settings(engine="local"), workers=1)
    report = json.loads(out.read_text())["report"]
    assert summary.ok == 1 and report["run"]["problems"]


NOT_RESULTS = {
    "notes": b"my notes about the story\nsecond line\n",
    "notes without a newline": b"draft paragraph, unfinished",
    "a JSON array": b"[1, 2]\n",
    "a cluster line": json.dumps(cluster("c")).encode() + b"\n",
    "a result without a fingerprint": b'{"id": "c", "status": "ok", "report": null}\n',
    "binary": bytes(range(256)),
    "deep nesting": b"[" * 50_000 + b"\n",
    "huge number": b'{"id": ' + b"1" * 6000 + b"}\n",
    "UTF-16": '{"id": "c"}\n'.encode("utf-16"),
}


@pytest.mark.parametrize("name", list(NOT_RESULTS))
def test_resume_refuses_a_file_that_is_not_results_and_keeps_it(name, cli, tmp_path):
    source, out = tmp_path / "clusters.jsonl", tmp_path / "notes.txt"
    write_lines(source, [cluster("c")])
    out.write_bytes(NOT_RESULTS[name])
    before = sha(out)
    result = cli("batch", str(source), "-o", str(out), "--resume")
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "not a factcheck batch results file" in result.stderr or "do not answer" in (
        result.stderr
    )
    assert sha(out) == before


def test_a_bad_line_after_good_results_is_named_and_nothing_is_cut(tmp_path):
    source, out = tmp_path / "clusters.jsonl", tmp_path / "results.jsonl"
    write_lines(source, [cluster("a"), cluster("b")])
    run_batch(source, out, Settings(engine="local"), workers=1)
    with out.open("ab") as handle:
        handle.write(b"garbage in the middle\n" + b'{"id": "tail"')
    before = sha(out)
    with pytest.raises(OutputError, match="line at byte"):
        run_batch(source, out, Settings(engine="local"), workers=1, resume=True)
    assert sha(out) == before


def test_resume_with_another_clusters_file_is_refused(tmp_path):
    first, second, out = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "r.jsonl"
    write_lines(first, [cluster("c1"), cluster("c2")])
    write_lines(second, [cluster("c1", 40), cluster("c2")])  # same ids, c1 changed
    run_batch(first, out, Settings(engine="local"), workers=1)
    before = sha(out)
    with pytest.raises(InputError, match="1 of its 2 results do not answer"):
        run_batch(second, out, Settings(engine="local"), workers=1, resume=True)
    assert sha(out) == before
    summary = run_batch(first, out, Settings(engine="local"), workers=1, resume=True)
    assert summary.skipped == 2 and sha(out) == before


@pytest.mark.parametrize("target", ["clusters", "article", "device", "read-only", "folder"])
def test_results_never_replace_an_input_a_device_or_a_read_only_file(target, cli, tmp_path):
    source = tmp_path / "clusters.jsonl"
    (tmp_path / "a.txt").write_text(STORY.format(n=1))
    write_lines(source, [{"id": "c", "articles": [{"path": "a.txt"}, {"text": "x y z."}]}])
    out = {"clusters": source, "article": tmp_path / "a.txt", "device": Path("/dev/full"),
           "read-only": tmp_path / "r.jsonl", "folder": tmp_path}[target]  # fmt: skip
    if target == "read-only":
        out.write_text("")
        out.chmod(0o444)
    kept = {p: sha(p) for p in tmp_path.iterdir() if p.is_file()}
    result = cli("batch", str(source), "-o", str(out), "--resume")
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert {p: sha(p) for p in tmp_path.iterdir() if p.is_file()} == kept


def test_a_second_writer_is_refused_while_the_first_holds_the_file(tmp_path):
    fcntl = pytest.importorskip("fcntl")
    source, out = tmp_path / "clusters.jsonl", tmp_path / "results.jsonl"
    write_lines(source, [cluster("a"), cluster("b")])
    run_batch(source, out, Settings(engine="local"), workers=1)
    before = sha(out)
    with open(out, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        with pytest.raises(OutputError, match="another factcheck batch is writing it"):
            run_batch(source, out, Settings(engine="local"), workers=1, resume=True)
    assert sha(out) == before


def test_two_runs_at_once_write_every_cluster_once(tmp_path):
    source, out = tmp_path / "clusters.jsonl", tmp_path / "results.jsonl"
    write_lines(source, [cluster(f"c{n}", n) for n in range(40)])
    command = [sys.executable, "-m", "factcheck", "batch", str(source), "-o", str(out),
               "--resume", "--workers", "1"]  # fmt: skip
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outcomes = [(run.returncode, run.communicate(timeout=120)[1]) for run in runs]
    outcomes = [(run.returncode, error) for run, (_, error) in zip(runs, outcomes, strict=True)]
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert sorted(ids) == sorted(f"c{n}" for n in range(40))  # each once
    refused = [e for code, e in outcomes if code == 2]
    assert all("another factcheck batch" in e for e in refused)


def test_workers_never_outnumber_the_clusters(tmp_path, monkeypatch):
    seen = []

    def fake_processes(todo, job, workers):
        seen.append(workers)
        yield from (job(c) for c in todo)

    monkeypatch.setattr(batch_module, "_processes", fake_processes)
    source, out = tmp_path / "clusters.jsonl", tmp_path / "results.jsonl"
    write_lines(source, [cluster(f"c{n}", n) for n in range(3)])
    run_batch(source, out, Settings(engine="local"), workers=64)
    assert seen == [3]
    assert Settings(engine="local").processes <= (os.cpu_count() or 1)


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc (Linux)")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL, signal.SIGINT])
def test_workers_die_with_their_parent(sig, tmp_path):
    source, out = tmp_path / "clusters.jsonl", tmp_path / "results.jsonl"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "batch", "120",
                    "-o", str(source), "--size", "5"], check=True)  # fmt: skip
    parent = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "batch", str(source), "-o", str(out), "--workers",
         "2"], stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while time.monotonic() < deadline and len(workers) < 2:
            workers = _children(parent.pid)
            time.sleep(0.05)
        assert workers, "the batch never started its workers"
        parent.send_signal(sig)
        parent.wait(timeout=120)  # generous: a loaded machine may be slow to unwind
    finally:
        if parent.poll() is None:  # never leave the process behind, whatever failed
            parent.kill()
            parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_running(w) for w in workers):
        time.sleep(0.1)
    assert not any(_running(w) for w in workers)


def test_confined_paths_stay_inside_the_clusters_folder(tmp_path):
    inside, outside = tmp_path / "in", tmp_path / "secret.txt"
    inside.mkdir()
    outside.write_text("A secret paragraph about the budget, the treasurer said.")
    (inside / "a.txt").write_text(STORY.format(n=4))
    (inside / "link.txt").symlink_to(outside)
    records = [{"path": "a.txt"}, {"path": "../secret.txt"}, {"path": str(outside)},
               {"path": "link.txt"}]  # fmt: skip
    source, out = inside / "clusters.jsonl", tmp_path / "r.jsonl"
    write_lines(source, [{"id": "c", "articles": records}])
    run_batch(source, out, Settings(engine="local"), workers=1, confined=True)
    report = json.loads(out.read_text())["report"]
    assert len(report["articles"]) == 1 and "secret" not in json.dumps(report["articles"])
    assert [p["error"].count("outside") for p in report["run"]["problems"]] == [1, 1, 1]
    out.unlink()
    run_batch(source, out, Settings(engine="local"), workers=1)  # trusted: any readable path
    assert len(json.loads(out.read_text())["report"]["articles"]) == 4


def test_a_clusters_path_that_is_not_a_regular_file_is_one_line(tmp_path):
    os.mkfifo(tmp_path / "pipe.jsonl")
    for path in (tmp_path / "pipe.jsonl", Path("/dev/zero"), tmp_path):
        with pytest.raises(InputError, match="not a regular file"):
            read_clusters(path)

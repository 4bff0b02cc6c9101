"""The command line under hostile conditions: an output that names an input, standard output
that cannot be written, a bug (exit 5, never 1), hostile text in every echoed line, --top and
--deadline at the option, and --confine-paths for a clusters file from someone else."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

STORY = "The harbour board approved 30 new cranes on Friday, its chairman said.\n"
OTHER = "The harbour board approved 45 new cranes on Friday, officials said.\n"
FACTCHECK = str(Path(sys.executable).parent / "factcheck")


def _pair(folder: Path) -> tuple[Path, Path]:
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_text(STORY, encoding="utf-8")
    b.write_text(OTHER, encoding="utf-8")
    return a, b


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- an output may not replace an input --------------------------------------------------------


@pytest.mark.parametrize("command", [["check"], ["check", "-f", "json"], ["brief"],
                                     ["brief", "-f", "html"], ["extract"]])  # fmt: skip
@pytest.mark.parametrize("named", ["as given", "by its folder", "by a glob", "hard link",
                                   "symbolic link"])  # fmt: skip
def test_an_output_that_is_an_input_is_refused(cli, tmp_path, monkeypatch, command, named):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "d"
    folder.mkdir()
    a, b = _pair(folder)
    before = {p: _digest(p) for p in (a, b)}
    inputs = {"as given": ["d/a.txt", "d/b.txt"], "by its folder": ["d"],
              "by a glob": ["d/*.txt"]}.get(named, ["d/a.txt", "d/b.txt"])  # fmt: skip
    target = "d/b.txt"
    if named == "hard link":
        os.link(b, tmp_path / "same.txt")
        target = "same.txt"
    elif named == "symbolic link":
        (tmp_path / "same.txt").symlink_to(b)
        target = "same.txt"
    result = cli(*command, *inputs, "-o", target)
    assert result.exit_code == 2, result.output
    assert "is one of the inputs" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert {p: _digest(p) for p in (a, b)} == before


def test_eval_may_not_replace_its_cases(cli, tmp_path):
    cases = tmp_path / "cases.jsonl"
    cases.write_text('{"id": "x"}\n', encoding="utf-8")
    result = cli("eval", str(cases), "-o", str(cases))
    assert result.exit_code == 2 and "is one of the inputs" in result.output
    assert cases.read_text(encoding="utf-8") == '{"id": "x"}\n'


# -- standard output ---------------------------------------------------------------------------


def _run(args, **options):
    return subprocess.run([FACTCHECK, *args], capture_output=True, timeout=120,
                          **{"text": True, **options})  # fmt: skip


COMMANDS = [["check"], ["check", "-f", "json"], ["check", "-f", "md"], ["check", "-f", "html"],
            ["brief"], ["extract"]]  # fmt: skip


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [*COMMANDS, ["schema"]])
def test_standard_output_on_a_full_device_is_one_line(tmp_path, command):
    a, b = _pair(tmp_path)
    args = command if command == ["schema"] else [*command, str(a), str(b)]
    with open("/dev/full", "w") as full:
        done = subprocess.run([FACTCHECK, *args], stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=120)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == (
        "factcheck: error: standard output: cannot write (No space left on device)\n"
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_a_reader_that_went_away_is_one_line(tmp_path, command):
    a, b = _pair(tmp_path)
    process = subprocess.Popen([FACTCHECK, *command, str(a), str(b)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)  # fmt: skip
    process.stdout.close()  # before factcheck writes a byte
    _, err = process.communicate(timeout=120)
    assert process.returncode == 2
    assert err == (
        "factcheck: error: standard output: cannot write (the program reading it has stopped)\n"
    )


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp437"])
@pytest.mark.parametrize("fmt", ["text", "json", "md"])
def test_text_the_terminal_cannot_encode_is_escaped(tmp_path, encoding, fmt):
    a, b = _pair(tmp_path)
    a.write_text("Caf\u00e9 owners in Ko\u0161ice said 30 new cranes cost \u20ac12 million.\n")
    b.write_text("Caf\u00e9 owners in Ko\u0161ice said 45 new cranes cost \u20ac12 million.\n")
    done = _run(["check", "-f", fmt, str(a), str(b)], encoding=encoding,
                env={**os.environ, "PYTHONIOENCODING": encoding})  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and done.stderr == ""
    assert "\\u0161" in done.stdout  # the letter the terminal cannot show, escaped


# -- a bug is exit 5, one line -----------------------------------------------------------------


def _patch_for(command: str):
    import factcheck.batch
    import factcheck.evaluation
    import factcheck.pipeline
    import factcheck.schema

    return {"check": (factcheck.pipeline, "run"), "brief": (factcheck.pipeline, "run"),
            "extract": (factcheck.pipeline, "run_extract"),
            "batch": (factcheck.batch, "run_batch"),
            "eval": (factcheck.evaluation, "run_eval"),
            "schema": (factcheck.schema, "report_schema")}[command]  # fmt: skip


@pytest.mark.parametrize("command", ["check", "brief", "extract", "batch", "eval", "schema"])
@pytest.mark.parametrize(
    "error", [RuntimeError("boom"), KeyError("claim-7"), ZeroDivisionError("division by zero"),
              RecursionError("too deep"), ValueError("two\nlines \x1b[2J"), AssertionError()],
)  # fmt: skip
def test_a_bug_is_one_line_and_exit_5(cli, tmp_path, monkeypatch, command, error):
    module, name = _patch_for(command)

    def broken(*_args, **_kwargs):
        raise error

    monkeypatch.setattr(module, name, broken)
    a, b = _pair(tmp_path)
    args = {
        "batch": ["batch", str(a), "-o", str(tmp_path / "r.jsonl")],
        "eval": ["eval", str(a)],
        "schema": ["schema"],
    }.get(command, [command, str(a), str(b)])
    result = cli(*args)  # fmt: skip
    assert result.exit_code == 5
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "\x1b" not in lines[0]
    assert lines[0].startswith(f"factcheck: internal error: {type(error).__name__}")
    assert lines[0].endswith("(--debug for the traceback)")


def test_debug_shows_the_traceback_of_a_bug(cli, tmp_path, monkeypatch):
    import factcheck.pipeline

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(factcheck.pipeline, "run", broken)
    a, b = _pair(tmp_path)
    with pytest.raises(RuntimeError, match="boom"):
        cli("check", str(a), str(b), "--debug")


# -- hostile text in echoed lines --------------------------------------------------------------

HOSTILE = ["\x1b[2J", "\u202e", "\x1b]8;;x.invalid\x07", "\r", "\x9b31m", "\x07", "\u2028"]


def _clean(text: str) -> bool:
    return not any(c in text for c in ("\x1b", "\u202e", "\x07", "\r", "\x9b", "\u2028"))


@pytest.mark.parametrize("hostile", HOSTILE)
def test_an_error_line_shows_a_hostile_file_name(cli, tmp_path, hostile):
    result = cli("check", str(tmp_path / f"no{hostile}such.txt"))
    assert result.exit_code == 2 and _clean(result.output)
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_usage_error_shows_a_hostile_value(cli, tmp_path, hostile):
    a, b = _pair(tmp_path)
    result = cli("check", str(a), "--format", f"pdf{hostile}")
    assert result.exit_code == 2 and _clean(result.output)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_problem_line_shows_a_hostile_name(cli, tmp_path, hostile):
    name = tmp_path / f"bad{hostile}.jsonl"
    name.write_text(json.dumps({"text": STORY}) + "\n{broken\n", encoding="utf-8")
    a, _ = _pair(tmp_path)
    result = cli("check", str(a), str(name), "-f", "json", "-o", str(tmp_path / "r.json"))
    assert result.exit_code == 3
    assert "not checked" in result.output and _clean(result.output)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_the_batch_summary_shows_a_hostile_output_name(cli, tmp_path, hostile):
    clusters = tmp_path / "c.jsonl"
    clusters.write_text(json.dumps({"id": "one", "articles": [{"text": STORY}, {"text": OTHER}]})
                        + "\n", encoding="utf-8")  # fmt: skip
    result = cli("batch", str(clusters), "-o", str(tmp_path / f"r{hostile}.jsonl"))
    assert result.exit_code == 0, result.output
    assert "1 ok" in result.output and _clean(result.output)


# -- option values -----------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "brief"])
@pytest.mark.parametrize("fmt", ["text", "json", "md", "html"])
@pytest.mark.parametrize("top", ["-1", "-20", "-999999999999"])
def test_a_negative_top_is_refused_at_the_option(cli, tmp_path, command, fmt, top):
    a, b = _pair(tmp_path)
    result = cli(command, str(a), str(b), "-f", fmt, "--top", top)
    assert result.exit_code == 2
    assert result.output.startswith("factcheck: error: --top must be at least 0")


@pytest.mark.parametrize("command", ["check", "brief", "extract"])
def test_a_deadline_that_passes_leaves_a_partial_report(cli, tmp_path, command):
    a, b = _pair(tmp_path)
    out = tmp_path / "r.json"
    args = [command, str(a), str(b), "--deadline", "0.000001", "-o", str(out)]
    result = cli(*args, *(["-f", "json"] if command != "extract" else []))
    assert result.exit_code == 3, result.output
    problems = json.loads(out.read_text())["run"]["problems"]
    assert {p["where"] for p in problems} == {"a.txt", "b.txt"}
    assert all("--deadline" in p["error"] for p in problems)


def test_a_generous_deadline_changes_nothing(cli, tmp_path):
    a, b = _pair(tmp_path)
    result = cli("check", str(a), str(b), "--deadline", "600", "-f", "json")
    assert result.exit_code == 0 and not json.loads(result.stdout)["run"]["problems"]


# -- batch --confine-paths ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "inside"),
    [("a.txt", True), ("sub/../a.txt", True), ("../outside.txt", False),
     ("/etc/hostname", False), ("link.txt", False)],
)  # fmt: skip
def test_confine_paths_keeps_records_inside_the_clusters_folder(cli, tmp_path, path, inside):
    folder = tmp_path / "clusters"
    (folder / "sub").mkdir(parents=True)
    _pair(folder)
    (tmp_path / "outside.txt").write_text(OTHER, encoding="utf-8")
    (folder / "link.txt").symlink_to(tmp_path / "outside.txt")
    if path.startswith("/") and not Path(path).is_file():
        pytest.skip(f"{path} is not on this system")
    clusters = folder / "c.jsonl"
    record = {"id": "one", "articles": [{"path": "b.txt"}, {"path": path}]}
    clusters.write_text(json.dumps(record) + "\n", encoding="utf-8")
    results = tmp_path / "r.jsonl"
    confined = cli("batch", str(clusters), "-o", str(results), "--confine-paths")
    line = json.loads(results.read_text().splitlines()[0])
    if inside:
        assert confined.exit_code == 0 and line["status"] == "ok"
        assert not line["report"]["run"]["problems"]
    else:
        problems = line["report"]["run"]["problems"] if line["report"] else []
        assert "paths are confined to that folder" in (line["error"] or "") + json.dumps(problems)
    results.unlink()
    free = cli("batch", str(clusters), "-o", str(results))
    assert free.exit_code == 0 and json.loads(results.read_text())["status"] == "ok"

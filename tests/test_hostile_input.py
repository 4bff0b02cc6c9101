"""Hostile input at the unit level: decoding, JSON limits, option ranges, output targets.
Each class has cases beyond the ones in the CLI table (``tests/robustness_cases.py``)."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from factcheck.decoding import blank, decode
from factcheck.errors import InputError, OutputError, UsageError
from factcheck.ingest import ingest_records, shown
from factcheck.output import write_atomic
from factcheck.safejson import MAX_DEPTH, loads, text_field
from factcheck.settings import Settings, parse_price

from .conftest import SEEDS

TEXT = "Ferry fares in Porto rose 7% on Tuesday, the operator said. Ünïcödé stays."

# -- decoding ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"),
        b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"),
        b"\xff\xfe" + TEXT.encode("utf-16-le"),
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        b"\xef\xbb\xbf" + TEXT.encode(),
        TEXT.encode(),
    ],
    ids=[
        "utf32le",
        "utf32be",
        "utf16le",
        "utf16be",
        "utf16le-nobom",
        "utf16be-nobom",
        "utf8-bom",
        "utf8",
    ],  # fmt: skip
)
def test_every_unicode_encoding_decodes_to_the_same_text(data):
    assert decode(data, "a.txt") == TEXT


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff\xfe" + TEXT.encode("utf-16-le") + b"!", "not valid UTF-16"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be")[:-1], "not valid UTF-16"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le") + b"\x00\xdc", "not valid UTF-16"),  # low alone
        (b"\xff\xfe" + TEXT.encode("utf-16-le") + b"\x3d\xd8", "not valid UTF-16"),  # cut pair
        (b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le") + b"\x00", "not valid UTF-32"),
        (b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le") + b"\x00\xd8\x00\x00", "UTF-32"),
        (b"\x00\x00\xfe\xff" + b"\x00\x11\x00\x00", "not valid UTF-32"),  # past U+10FFFF
        (b"\xef\xbb\xbf" + "Caf\xe9 au lait".encode("latin-1"), "not valid UTF-8"),
        (b"\xef\xbb\xbf" + b"ok \xed\xa0\x80 surrogate", "not valid UTF-8"),
        (b"\xef\xbb\xbf" + b"cut \xe2\x82", "not valid UTF-8"),
        (bytes(range(256)) * 4, "not a text file"),
    ],
)
def test_what_cannot_be_decoded_is_refused_by_name(data, reason):
    with pytest.raises(InputError, match=reason) as caught:
        decode(data, "a.txt")
    assert "\n" not in str(caught.value) and str(caught.value).startswith("a.txt: ")


@pytest.mark.parametrize(
    "text",
    ["\u200b" * 10, "\ufeff", " \u200e\u200f \n", "\u202a\u202c\u2066\u2069", "\u2060\u00ad",
     "\u00a0\u200b\t\r\n", "\x00\x01\x7f", "\u2028\u2029"],
)  # fmt: skip
def test_invisible_only_text_is_blank(text):
    assert blank(text)


@pytest.mark.parametrize("text", ["a", "\u200bx", "40", "ж", "東", "\u0301e", "😀"])
def test_visible_text_is_not_blank(text):
    assert not blank(text)


def test_non_utf8_and_long_file_names_are_shown_safely():
    assert shown(os.fsdecode(b"d/caf\xe9.txt")) == "d/caf\\xe9.txt"
    long = shown("x" * 500)
    assert len(long) <= 160 and "…" in long
    shown(os.fsdecode(b"\xff" * 300)).encode("utf-8")  # always writable as UTF-8


# -- JSON within limits --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested more than"),
        ('{"a":' * 50_000 + "1" + "}" * 50_000, "nested more than"),
        ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "nested more than"),
        ("[" * 100_000, "nested more than"),  # and never closed
        ("9" * 4301, "4,300 digits"),
        ('{"n": -' + "1" * 50_000 + "}", "4,300 digits"),
        ('[1, 2, {"x": [' + "5" * 9000 + "]}]", "4,300 digits"),
        ('{"text": ', "invalid JSON at line 1"),
        ("\n\n{bad", "invalid JSON at line 3"),
    ],
)
def test_json_outside_limits_is_one_error(raw, reason):
    with pytest.raises(InputError, match=reason) as caught:
        loads(raw, "x.json")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "raw",
    ["[" * MAX_DEPTH + "]" * MAX_DEPTH, '{"text": "' + "[" * 5000 + '"}', '"\\"[[[["',
     "9" * 4300, '{"t": "\\ud800"}'],
)  # fmt: skip
def test_json_within_limits_parses(raw):
    loads(raw, "x.json")


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"text": "a \ud800 b"}, "lone surrogate U\\+D800"),
        ({"text": "\udfff"}, "lone surrogate U\\+DFFF"),
        ({"text": "ok", "title": "x\udbff"}, "'title' is not valid Unicode"),
        ({"text": "ok", "title": ["list"]}, "'title' must be a string"),
        ({"text": "ok", "outlet": {"a": 1}}, "'outlet' must be a string"),
        ({"text": "ok", "published": True}, "'published' must be a string"),
    ],
)
def test_record_fields_must_be_valid_unicode_text(record, reason):
    with pytest.raises(InputError, match=reason):
        for key in record:
            text_field(record, key, "c[0]")


def test_one_bad_record_among_good_ones_is_a_problem_only():
    ingested = ingest_records(
        [{"text": TEXT}, {"text": "bad \ud800"}, {"text": TEXT + " More."}, {"title": "x"}], "c"
    )
    assert len(ingested.articles) == 2
    assert [p.where for p in ingested.problems] == ["c[1]", "c[3]"]


def test_a_path_record_that_is_not_a_regular_file_is_named(tmp_path):
    os.mkfifo(tmp_path / "p.txt")
    ingested = ingest_records(
        [{"text": TEXT}, {"path": "p.txt"}, {"path": "/dev/zero"}], "c", base=tmp_path
    )
    errors = [p.error for p in ingested.problems]
    assert "named pipe" in errors[0] and "character device" in errors[1]


# -- option ranges -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [{"max_bytes": 0}, {"max_bytes": -1}, {"max_bytes": 2**63}, {"max_bytes": 10**30},
     {"workers": -3}, {"workers": 10**6}, {"concurrency": 0}, {"concurrency": -1},
     {"rpm": 0}, {"rpm": -60}, {"timeout": 0}, {"timeout": float("inf")},
     {"timeout": float("nan")}, {"price": (float("inf"), 1.0)}, {"price": (1.0, float("nan"))},
     {"price": (-0.5, 1.0)}, {"engine": "quantum"}, {"mode": "xml"}, {"max_bytes": 5.5},
     {"workers": True}, {"max_output_tokens": 0}, {"context_tokens": -1}],
)  # fmt: skip
def test_settings_out_of_range_are_usage_errors(options):
    with pytest.raises(UsageError) as caught:
        Settings(**options)
    assert caught.value.exit_code == 2 and "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("environ", "reason"),
    [
        ({"FACTCHECK_MAX_BYTES": "0"}, "--max-bytes"),
        ({"FACTCHECK_MAX_BYTES": "lots"}, "--max-bytes takes a whole number, not 'lots' (from "
         "FACTCHECK_MAX_BYTES)"),
        ({"FACTCHECK_MAX_BYTES": "9" * 5000}, "--max-bytes"),
        ({"FACTCHECK_WORKERS": "-3"}, "--workers"),
        ({"FACTCHECK_PRICE": "inf,1"}, "finite"),
        ({"FACTCHECK_PRICE": "NaN,NaN"}, "finite"),
        ({"FACTCHECK_CONCURRENCY": "0"}, "--concurrency"),
    ],
)  # fmt: skip
def test_environment_out_of_range_is_a_usage_error(cli, monkeypatch, environ, reason):
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    result = cli("batch", str(SEEDS / "none.jsonl"), "-o", "unused.jsonl")
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and reason in lines[0] and len(lines[0]) < 300, lines


def test_a_flag_wins_over_a_bad_environment_value(cli, monkeypatch, tmp_path):
    monkeypatch.setenv("FACTCHECK_CONCURRENCY", "0")
    result = cli("check", str(SEEDS), "--concurrency", "2", "-o", str(tmp_path / "r.txt"))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("text", ["inf,1", "1,inf", "nan,0", "-inf,2", "1e999,1", "1,2,3", ""])
def test_bad_prices_are_refused(text):
    with pytest.raises(UsageError):
        parse_price(text)


# -- output targets ------------------------------------------------------------------------------


def test_output_onto_an_input_is_refused_and_the_input_kept(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("the article")
    link = tmp_path / "link.txt"
    link.symlink_to(source)
    for target in (source, link, tmp_path / "." / "a.txt"):
        with pytest.raises(OutputError, match="one of the inputs"):
            write_atomic(target, "report", inputs=[str(source)])
    assert source.read_text() == "the article" and link.is_symlink()


@pytest.mark.parametrize("device", ["/dev/full", "/dev/null", "/dev/zero"])
def test_output_onto_a_device_is_refused_and_the_device_kept(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    with pytest.raises(OutputError, match="character device"):
        write_atomic(device, "report")
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_output_through_a_symlink_writes_the_target(tmp_path):
    target, link = tmp_path / "report.md", tmp_path / "latest.md"
    target.write_text("old")
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink() and target.read_text() == "new"


def test_a_full_disk_is_one_line_and_the_old_file_stays(tmp_path, monkeypatch):
    from factcheck import output

    target = tmp_path / "report.json"
    target.write_text("old report")
    real_fdopen = output.os.fdopen

    def full(*args, **kwargs):
        handle = real_fdopen(*args, **kwargs)

        def write(text):
            raise OSError(errno.ENOSPC, "No space left on device")

        handle.write = write
        return handle

    monkeypatch.setattr(output.os, "fdopen", full)
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic(target, "new report")
    assert target.read_text() == "old report" and len(list(tmp_path.iterdir())) == 1


def test_an_existing_report_keeps_its_permissions(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_text() == "new"


def test_a_lone_surrogate_in_a_report_is_escaped_not_a_crash(tmp_path):
    target = tmp_path / "r.md"
    write_atomic(target, "model said \ud800 here")
    assert target.read_text(encoding="utf-8") == "model said \\ud800 here"


def test_input_files_lists_what_an_output_may_not_replace(tmp_path):
    from factcheck.ingest import input_files

    (tmp_path / "d").mkdir()
    for name in ("d/a.txt", "d/b.md", "c.json"):
        (tmp_path / name).write_text(TEXT)
    found = input_files([str(tmp_path / "d"), str(tmp_path / "*.json"), "-"])
    assert sorted(p.name for p in found) == ["a.txt", "b.md", "c.json"]
    with pytest.raises(OutputError, match="one of the inputs"):
        write_atomic(tmp_path / "d" / "a.txt", "report", inputs=found)

"""The Python API: the README's example runs as written, and the public names exist."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import factcheck

from .conftest import ROOT


def readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    found = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert found, "the Python API section has no python example"
    return found.group(1)


def test_the_readme_example_runs_from_the_repository_root():
    done = subprocess.run(
        [sys.executable, "-c", readme_example()], cwd=ROOT, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert re.fullmatch(r"5 articles, \d+ findings", lines[0])
    assert sum(line.startswith("[") for line in lines) == 3
    assert sum(line.startswith("- ") and line.endswith(" sources)") for line in lines) == 3


def test_every_public_name_resolves_and_import_stays_light():
    assert set(factcheck.__all__) == {"SCHEMA_VERSION", "Settings", "__version__"} | set(
        factcheck._LAZY
    )
    for name in factcheck.__all__:
        assert getattr(factcheck, name) is not None, name
    done = subprocess.run(
        [sys.executable, "-c", "import sys, factcheck; print('factcheck.pipeline' in sys.modules)"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.stdout.strip() == "False"
    with pytest.raises(AttributeError):
        factcheck.no_such_name  # noqa: B018


def test_check_texts_and_errors():
    report = factcheck.check_texts(
        [
            "The council approved 40 new buses for the northern district on Monday.",
            {"text": "The council approved 45 new buses for the northern district on Monday.",
             "outlet": "Valley Post", "title": "Bus fleet grows"},
        ]
    )  # fmt: skip
    assert [f.kind for f in report.findings if f.kind == "contradiction"] == ["contradiction"]
    assert report.articles[1].outlet == "Valley Post"
    with pytest.raises(factcheck.InputError):
        factcheck.check([str(ROOT / "no-such-folder")])

"""Real text never breaks a run: a deterministic sample of the shared benchmarks' source texts
through ``factcheck extract``, ``check`` (every format) and ``batch`` (``benchmarks/real_text.py``
runs all of them)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SHARED = ROOT.parent / "shared" / "benchmarks"
pytestmark = pytest.mark.skipif(
    not (SHARED / "fnc1" / "raw").is_dir(), reason="../shared/benchmarks is not beside the checkout"
)


def _benchmark():
    spec = importlib.util.spec_from_file_location("real_text", ROOT / "benchmarks" / "real_text.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["real_text"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus():
    bench = _benchmark()
    texts = bench.sample(bench.source_texts(SHARED), 300)
    return bench, texts, bench.clusters(texts, SHARED)


def _factcheck() -> str:
    return str(Path(sys.executable).parent / "factcheck")


def test_the_sample_covers_every_origin(corpus):
    _, texts, groups = corpus
    assert set(texts.values()) >= {"anli", "fnc1", "qags", "xsumfaith"}
    assert len(texts) >= 280 and any(len(g) >= 3 for g in groups)


def test_real_texts_extract_without_failure(corpus, tmp_path):
    bench, texts, _ = corpus
    outcome = bench.extract_all(_factcheck(), list(texts), tmp_path, jobs=2)
    assert outcome.failures == [] and outcome.items == len(texts)


def test_real_clusters_check_in_every_format(corpus, tmp_path):
    bench, _, groups = corpus
    chosen = bench.spread(groups, 8)  # two of each format
    outcome = bench.check_all(_factcheck(), chosen, tmp_path, jobs=2)
    assert outcome.failures == [] and outcome.runs == 8


def test_real_clusters_batch(corpus, tmp_path):
    bench, _, groups = corpus
    outcome = bench.batch_all(_factcheck(), groups, tmp_path)
    assert outcome.failures == []

"""The seeds' JSON report is identical to the committed golden copy apart from run times.

``tests/data/golden/seeds_check.json`` is ``factcheck check seeds/ --format json`` (local
engine) as it was before the stages and engines were restructured; a change to the report of
the seeds has to be deliberate: regenerate the file and say why in the commit.
"""

from __future__ import annotations

import json

from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "data" / "golden" / "seeds_check.json"
RUN_TIMES = ("started", "seconds")


def _without_run_times(report: dict) -> dict:
    report["run"] = {k: v for k, v in report["run"].items() if k not in RUN_TIMES}
    return report


def test_seeds_report_matches_the_golden_copy(cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = cli("check", "seeds/", "--format", "json")
    assert result.exit_code == 0, result.output
    produced = _without_run_times(json.loads(result.stdout))
    golden = _without_run_times(json.loads(GOLDEN.read_text(encoding="utf-8")))
    assert produced == golden

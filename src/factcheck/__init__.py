"""factcheck: compare several articles on one story and write a cited brief.

    from factcheck import Settings, check

    report = check("articles/", Settings(engine="local"))
    for finding in report.findings:
        print(finding.severity, finding.kind, finding.explanation)

``check`` (paths) and ``check_texts`` (texts in memory) return a ``Report``: its ``articles``,
``claims``, ``groups``, ``findings``, ``brief`` and ``run``, a pydantic model whose
``model_dump_json()`` is the JSON report. ``render(report, "md")`` writes it as text, json, md
or html. ``extract`` stops after the claims; ``run_batch`` checks many clusters and
``run_eval`` measures an engine on labelled cases. Every error raised on purpose is a
``FactcheckError``. The names are imported when first used, so ``import factcheck`` stays light.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from .models import SCHEMA_VERSION
from .settings import Settings

if TYPE_CHECKING:
    from .batch import run_batch
    from .errors import ConfigError, EngineError, FactcheckError, InputError
    from .evaluation import run_eval
    from .models import Article, Brief, BriefSentence, Claim, ExtractReport, Finding, Report
    from .pipeline import check, check_texts
    from .pipeline import run_extract as extract
    from .report import render

try:
    __version__ = version("factcheck")
except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
    __version__ = "0+unknown"

_LAZY = {  # public name → (module, name in it)
    "check": ("pipeline", "check"),
    "check_texts": ("pipeline", "check_texts"),
    "extract": ("pipeline", "run_extract"),
    "render": ("report", "render"),
    "run_batch": ("batch", "run_batch"),
    "run_eval": ("evaluation", "run_eval"),
    "Report": ("models", "Report"),
    "ExtractReport": ("models", "ExtractReport"),
    "Article": ("models", "Article"),
    "Claim": ("models", "Claim"),
    "Finding": ("models", "Finding"),
    "Brief": ("models", "Brief"),
    "BriefSentence": ("models", "BriefSentence"),
    "FactcheckError": ("errors", "FactcheckError"),
    "InputError": ("errors", "InputError"),
    "ConfigError": ("errors", "ConfigError"),
    "EngineError": ("errors", "EngineError"),
}

__all__ = [
    "SCHEMA_VERSION", "Settings", "__version__", "check", "check_texts", "extract", "render",
    "run_batch", "run_eval", "Report", "ExtractReport", "Article", "Claim", "Finding", "Brief",
    "BriefSentence", "FactcheckError", "InputError", "ConfigError", "EngineError",
]  # fmt: skip


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    module, attribute = _LAZY[name]
    value = getattr(import_module(f".{module}", __name__), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))

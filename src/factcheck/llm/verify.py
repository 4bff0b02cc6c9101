"""The llm engine on claim-vs-source cases, for ``factcheck eval``: one check call per claim
and source (the ``check`` prompt: is this sentence supported by these quotes?)."""

from __future__ import annotations

from typing import Any

from ..settings import Settings
from .responses import BriefCheck

MAX_SOURCE_CHARS = 24_000  # a longer source is cut to fit one call's context


class LLMPredictor:
    """Callable on a case; returns ``{"support", "contra"}`` like the local predictor."""

    def __init__(self, settings: Settings, *, http_client: Any = None):
        from ..engines.llm import LLMEngine

        self.engine = LLMEngine(settings, http_client=http_client)

    def __call__(self, case) -> dict[str, float]:
        if case.task == "body_pair":
            verdicts = [self._supported(case.claim, [body]) for body in case.sources[:2]]
            gap = 1.0 if verdicts[0] != verdicts[1] else 0.0
            return {"support": gap, "contra": gap}
        supported = self._supported(case.claim, case.sources)
        return {"support": 1.0 if supported else 0.0, "contra": 0.0}

    def _supported(self, claim: str, sources: list[str]) -> bool:
        quotes = [s[:MAX_SOURCE_CHARS] for s in sources]
        rendered = self.engine.prompts.render(
            "check", sentences=[{"index": 0, "sentence": claim, "quotes": quotes}]
        )
        answer = self.engine._runner.run(self.engine._ask(rendered, BriefCheck, "check"))
        return any(r.index == 0 and r.supported for r in answer.results)

    def usage(self):
        return self.engine.usage()

    def close(self) -> None:
        self.engine.close()


def llm_predictor(settings: Settings, **options: Any) -> LLMPredictor:
    return LLMPredictor(settings, **options)

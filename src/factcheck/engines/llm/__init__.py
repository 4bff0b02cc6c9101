"""The llm engine: extraction, judging, the cluster sweep and the brief by a model behind any
OpenAI-compatible endpoint.

``engine`` (the protocol's methods) calls one module per stage — ``extract``, ``judge``,
``sweep``, ``brief`` — through ``calls`` (event loop, concurrency, problems) and ``client``
(instructor for structured answers, tenacity for retries, the disk ``cache``, usage and
``prices``); ``prompts`` renders the templates, ``responses`` holds the answer models, and
``batch_api`` prefetches a stage's answers through the OpenAI Batch API.
"""

from .engine import LLMEngine

__all__ = ["LLMEngine"]

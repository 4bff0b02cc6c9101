"""The local engine: offline and deterministic, built from rules and small libraries.

``claims`` reads one claim per sentence; ``compare`` judges a group member against the
canonical claim slot by slot; the brief restates each offered fact as it stands.
"""

from .engine import LocalEngine

__all__ = ["LocalEngine"]

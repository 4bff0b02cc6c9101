"""Settings: one value object built by the CLI (flags > FACTCHECK_* environment > defaults)
and passed down; the library never reads the environment on its own."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

from .ingest import DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class Settings:
    """How a run is configured."""

    engine: str = "auto"
    model: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES

    @classmethod
    def from_env(cls, environ: Mapping[str, str], **overrides: object) -> Settings:
        """Defaults, then ``FACTCHECK_*`` variables, then the given overrides (None skipped)."""
        settings = cls()
        env = {
            "engine": environ.get("FACTCHECK_ENGINE"),
            "model": environ.get("FACTCHECK_MODEL"),
            "max_bytes": environ.get("FACTCHECK_MAX_BYTES"),
        }
        for source in (env, overrides):
            values = {k: v for k, v in source.items() if v is not None and k in _names()}
            if "max_bytes" in values:
                values["max_bytes"] = int(values["max_bytes"])
            settings = replace(settings, **values)
        return settings


def _names() -> set[str]:
    return {f.name for f in fields(Settings)}

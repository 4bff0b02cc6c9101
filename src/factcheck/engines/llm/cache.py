"""On-disk cache of model answers.

One JSON file per call, named by the sha256 of everything that decides the answer: endpoint,
model, mode, the prompt template's hash, the answer's JSON schema and the rendered messages.
The API key is not part of the key and is never written. An entry is written to a temp file and
renamed into place, so it is whole or absent; an unreadable entry is treated as a miss.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ...output import replace_atomic

FORMAT = 1


def default_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck")) / "llm"


def cache_key(**material: object) -> str:
    blob = json.dumps({"format": FORMAT, **material}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


class Cache:
    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict | None:
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return entry if isinstance(entry, dict) and entry.get("key") == key else None

    def put(self, key: str, answer: dict) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # a cache that cannot be written only costs calls
        entry = json.dumps({"key": key, "answer": answer}, ensure_ascii=False)
        try:
            replace_atomic(path, entry)
        except OSError:
            return

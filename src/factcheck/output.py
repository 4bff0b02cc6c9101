"""Output files: written whole or not at all.

``write_atomic`` writes to a temporary file beside the target and renames it over the target,
so a reader (or a crash) never sees half a file. The report writer and the llm cache use it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import FactcheckError


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all: a temp file beside it, then a rename."""
    path = Path(path)
    if path.is_dir():
        raise FactcheckError(f"{path}: is a directory; give a file name to --output")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise FactcheckError(f"{directory}: output directory does not exist")
    replace_atomic(path, text, mode=0o666 & ~_umask())


def replace_atomic(path: Path, text: str, mode: int | None = None) -> None:
    """Put ``text`` at ``path`` through a temp file in the same folder and a rename."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        if mode is not None:
            os.chmod(temp, mode)  # what a plain open() would have given
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

"""Output files: written whole or not at all, and only where a report belongs.

``write_atomic`` writes to a temporary file beside the target and renames it over the target,
so a reader (or a crash) never sees half a file. It writes only to a new path or over a regular
file that is writable and is not one of the run's inputs: a device (``/dev/full``), a pipe, a
read-only file or an input is refused with one line, never replaced. The report writer and the
llm cache use it.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError

_KINDS = {stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFSOCK: "a socket"}  # fmt: skip


def write_atomic(path: Path, text: str, *, inputs: Iterable[str | Path] = ()) -> None:
    """Write ``text`` to ``path`` whole or not at all: a temp file beside it, then a rename.
    ``inputs`` are the files the run read; the report may not replace any of them."""
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    existing = check_target(target, shown=str(path), inputs=inputs)
    mode = stat.S_IMODE(existing.st_mode) if existing else 0o666 & ~_umask()
    try:
        replace_atomic(target, text, mode=mode)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None


def check_target(
    path: Path, *, shown: str | None = None, inputs: Iterable[str | Path] = ()
) -> os.stat_result | None:
    """The target's status when it is a regular file that may be replaced, None when it does
    not exist yet (its folder does); ``OutputError`` for anything else."""
    shown = shown or str(path)
    existing = _stat(path, shown)
    if existing is not None:
        if stat.S_ISDIR(existing.st_mode):
            raise OutputError(f"{shown}: is a directory; give a file name to --output")
        if not stat.S_ISREG(existing.st_mode):
            kind = _KINDS.get(stat.S_IFMT(existing.st_mode), "not a regular file")
            raise OutputError(
                f"{shown}: is {kind}; reports are written only to regular files "
                "(leave out --output to print to standard output)"
            )
        if not existing.st_mode & 0o222 or not os.access(path, os.W_OK):
            raise OutputError(f"{shown}: is read-only; it is left as it is")
        if any(_same(existing, source) for source in inputs):
            raise OutputError(f"{shown}: is one of the inputs; write the output elsewhere")
    _check_folder(path, shown)
    return existing


def _check_folder(path: Path, shown: str) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    folder = _stat(directory, str(directory))
    if folder is None or not stat.S_ISDIR(folder.st_mode):
        raise OutputError(f"{directory}: output directory does not exist")
    if not folder.st_mode & 0o222 or not os.access(directory, os.W_OK | os.X_OK):
        raise OutputError(f"{shown}: cannot write in {directory} (the folder is read-only)")


def _stat(path: Path, shown: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise OutputError(f"{shown}: {exc.strerror or exc}") from None
    except ValueError:
        raise OutputError(f"{shown}: not a valid file name") from None


def _same(existing: os.stat_result, source: str | Path) -> bool:
    try:
        other = os.stat(source)
    except (OSError, ValueError):
        return False
    return (other.st_dev, other.st_ino) == (existing.st_dev, existing.st_ino)


def replace_atomic(path: Path, text: str, mode: int | None = None) -> None:
    """Put ``text`` at ``path`` through a temp file in the same folder and a rename."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=path.parent)
    try:
        # a lone surrogate (from a model's answer) is written as its \\udXXX escape, not a crash
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as handle:
            handle.write(text)
        if mode is not None:
            os.chmod(temp, mode)  # what a plain open() would have given, or the old file's
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

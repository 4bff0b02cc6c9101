"""The results file of ``factcheck batch``: one JSON line per cluster, appended, locked, and
tied to the clusters that made it.

Every line carries ``cluster_sha256``, the fingerprint of the input line it answers, so
``--resume`` can tell results of this clusters file from results of another (refused) and a
factcheck results file from any other file (refused, never truncated). The file is held with an
exclusive lock while a run writes it: a second run on the same file is refused at once. Each
line is appended with one write to a file opened with ``O_APPEND``, so a killed run leaves at
most one torn last line, which ``--resume`` drops.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, OutputError
from .output import check_target
from .safejson import loads

try:  # advisory locks: POSIX only; elsewhere a second writer is not detected
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

FINGERPRINT = "cluster_sha256"
TORN_START = b'{"id": "'  # how every line this module writes begins


def fingerprint(line: bytes | str) -> str:
    """The fingerprint of one clusters-file line (surrounding whitespace ignored)."""
    raw = line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line
    return hashlib.sha256(raw.strip()).hexdigest()


@dataclass
class Finished:
    """What an earlier run left in the results file."""

    fingerprints: dict[str, str] = field(default_factory=dict)  # id -> cluster_sha256
    torn: bool = False


class ResultsFile:
    """An open, locked results file that lines are appended to."""

    def __init__(self, path: Path, *, resume: bool, inputs: list[Path]):
        self.path = Path(path)
        existing = check_target(self.path, inputs=inputs)
        if existing is not None and not resume:
            raise OutputError(f"{path} already exists: pass --resume to continue it")
        try:
            self._fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o666)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write results ({exc.strerror or exc})") from None
        try:
            self._lock()
            self.finished = self._read_finished() if existing is not None else Finished()
        except BaseException:
            os.close(self._fd)
            raise

    def _lock(self) -> None:
        if fcntl is None:
            return
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise OutputError(
                f"{self.path}: another factcheck batch is writing it; wait for it to finish "
                "or write to another file"
            ) from None

    def _read_finished(self) -> Finished:
        data = os.pread(self._fd, os.fstat(self._fd).st_size, 0)
        finished, position = Finished(), 0
        for line in data.splitlines(keepends=True):
            if not line.endswith(b"\n") and line.startswith(TORN_START):
                os.ftruncate(self._fd, position)  # a line torn by a killed run
                finished.torn = True
                break
            record = _result(line)
            if record is None:
                raise OutputError(self._not_results(position))
            finished.fingerprints[record["id"]] = record[FINGERPRINT]
            position += len(line)
        return finished

    def _not_results(self, position: int) -> str:
        if position == 0:
            return (
                f"{self.path}: not a factcheck batch results file; it is left as it is "
                "(give --output a new file)"
            )
        return f"{self.path}: line at byte {position:,} is not a result; fix or remove it"

    def check_source(self, fingerprints: dict[str, str], clusters: Path) -> None:
        """Refuse to go on when finished results do not answer these clusters."""
        stale = [cid for cid, fp in self.finished.fingerprints.items()
                 if fingerprints.get(cid) != fp]  # fmt: skip
        if stale:
            total = len(self.finished.fingerprints)
            raise InputError(
                f"{self.path}: {len(stale)} of its {total} results do not answer the clusters "
                f"in {clusters} (another clusters file, or lines changed since, e.g. "
                f"{stale[0]!r}); resume with the clusters file that made them, or write to a "
                "new output"
            )

    def append(self, record: dict) -> None:
        """Write one line with one call (a lone surrogate is escaped, never a crash)."""
        try:
            data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        except UnicodeEncodeError:
            data = (json.dumps(record) + "\n").encode("ascii")
        written = os.write(self._fd, data)
        while written < len(data):  # only on a full disk or a signal mid-write
            written += os.write(self._fd, data[written:])

    def close(self) -> None:
        try:
            os.fsync(self._fd)
        finally:
            os.close(self._fd)  # closing releases the lock


def _result(line: bytes) -> dict | None:
    """The record of one complete results line, or None when it is not one."""
    if not line.endswith(b"\n"):
        return None
    try:
        record = loads(line)
    except InputError:
        return None
    valid = (
        isinstance(record, dict)
        and isinstance(record.get("id"), str)
        and record.get("status") in ("ok", "error")
        and isinstance(record.get(FINGERPRINT), str)
    )
    return record if valid else None

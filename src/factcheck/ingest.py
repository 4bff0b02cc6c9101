"""Ingest: turn paths (files, directories, globs, ``-``, web addresses) into ``Article`` records.

Every offset in the report indexes ``Article.text``: for .txt/.md the decoded file (BOM removed,
no newline translated), for .html files and web pages the article ``webpage`` extracts (one
paragraph per line), for .json/.jsonl the ``text`` value. Web addresses are fetched together
(``web_input``) and keep their place among the other inputs. Page furniture is marked, never
cut out, so offsets stay valid.
"""

from __future__ import annotations

import errno
import glob
import hashlib
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .decoding import blank, decode
from .display import visible
from .errors import InputError
from .fetch import FetchLimits, display_url, looks_like_url
from .layout import furniture_lines
from .models import Article, Problem, Span
from .safejson import loads, text_field
from .settings import DEFAULT_MAX_BYTES
from .web_input import WebRead, WebText, read_web

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES

METADATA_KEYS = ("title", "outlet", "published", "url")

_FURNITURE_LINE = re.compile(
    r"""^\s*(?:
        leave\ a\ (?:reply|comment) | add\ (?:a\ )?comment | post\ a\ comment | comments?
      | share(?:\ this(?:\ article)?)? | advertisement | related(?:\ articles|\ posts|\ stories)?
      | read\ more | subscribe(?:\ now)? | sign\ up.* | click\ here.*
      | (?:image|photo|picture)\ (?:credit|source)\s*:.* | (?:image|photo)s?\s*:\s*\S+
      | </?[a-z][a-z0-9]{0,9}\s*/?>? | [a-z][a-z0-9]{0,9}> | &nbsp;
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass
class Ingested:
    """Articles read from the input, and what could not be read."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def unique(self) -> list[Article]:
        """Articles that are not exact duplicates of an earlier one."""
        return [a for a in self.articles if a.duplicate_of is None]


def article_id(text: str) -> str:
    """First 12 hex digits of the sha256 of the text: the article's id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def furniture_spans(text: str) -> list[Span]:
    """Lines of page furniture ("Leave a Reply", "image credit : …", stray ``p>``)."""
    spans = []
    for match in re.finditer(r"[^\r\n]+", text):
        line = match.group()
        if _FURNITURE_LINE.match(line):
            start = match.start() + len(line) - len(line.lstrip())
            end = match.start() + len(line.rstrip())
            spans.append(Span(start=start, end=end, quote=text[start:end]))
    # and headings, bylines, captions, prompts (``layout``)
    spans += [Span(start=s, end=e, quote=text[s:e]) for s, e, _ in furniture_lines(text)]
    return sorted({(s.start, s.end): s for s in spans}.values(), key=lambda s: s.start)


def make_article(text: str, source: str, **metadata: str | None) -> Article:
    """Build an ``Article`` with its deterministic id and furniture marked."""
    meta = {k: _clean_meta(metadata.get(k)) for k in METADATA_KEYS}
    return Article(
        id=article_id(text), source=source, text=text, furniture=furniture_spans(text), **meta
    )


def ingest(
    paths: Iterable[str], *, stdin: BinaryIO | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Ingested:
    """Read every article named by ``paths``; raise ``InputError`` when nothing is usable."""
    result, paths = Ingested(), list(paths)
    web = _read_web([p for p in paths if looks_like_url(p)], max_bytes, result)
    for source, reader in _expand(paths, stdin, web):
        try:
            result.articles.extend(reader(max_bytes, result.problems))
        except InputError as exc:
            result.problems.append(Problem(where=source, error=str(exc)))
    return _finished(result)


def _finished(result: Ingested) -> Ingested:
    """Duplicates marked; an error when nothing at all could be read."""
    _mark_duplicates(result.articles)
    if not result.articles:
        detail = "; ".join(p.error for p in result.problems[:3]) or "no articles found"
        raise InputError(f"nothing to check: {detail}")
    return result


def ingest_records(
    records: list[object],
    where: str,
    *,
    base: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    confined: bool = False,
) -> Ingested:
    """Articles given as records (``{"text": …, "title"?, "outlet"?, "published"?}`` or
    ``{"path": …}``, relative to ``base``), as a batch line carries them. A record can name any
    file the user may read; with ``confined`` (for a clusters file from someone else) a path
    must lead, links followed, to a file inside ``base``."""
    result = Ingested()
    for n, record in enumerate(records):
        name = f"{where}[{n}]"
        try:
            if isinstance(record, dict) and isinstance(record.get("path"), str):
                raw = text_field(record, "path", name)
                path = Path(raw) if base is None or Path(raw).is_absolute() else base / raw
                regular_file(path, f"{name}: {shown(raw)}")
                if confined:
                    _inside(path, base, f"{name}: {shown(raw)}")
                result.articles.extend(_read_file(path, max_bytes, result.problems))
            else:
                result.articles.append(_from_record(record, name))
        except InputError as exc:
            result.problems.append(Problem(where=name, error=str(exc)))
    return _finished(result)


def _inside(path: Path, base: Path | None, name: str) -> None:
    root = Path(base or ".").resolve()
    if not path.resolve().is_relative_to(root):
        raise InputError(f"{name}: outside {shown(root)}; paths are confined to that folder")


Reader = Callable[[int, list[Problem]], list[Article]]


def _read_web(urls: list[str], max_bytes: int, result: Ingested) -> WebRead:
    """Every web address fetched at once; what failed goes to ``result.problems``."""
    if not urls:
        return WebRead()
    web = read_web(urls, FetchLimits(max_bytes=max_bytes))
    result.problems.extend(web.problems)
    result.notes.extend(web.notes)
    return web


def _expand(paths: list[str], stdin: BinaryIO | None, web: WebRead) -> Iterator[tuple[str, Reader]]:
    for raw, path in _files(paths):
        if path is None and raw != "-":  # a web address, fetched already
            texts = web.texts.get(str(raw), [])
            yield display_url(str(raw)), lambda limit, problems, t=texts: [_from_web(x) for x in t]
        elif path is None:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield "-", lambda limit, _, s=stream: [_from_bytes(_read_limited(s, "-", limit), "-")]
        else:
            yield shown(raw), lambda limit, problems, f=path: _read_file(f, limit, problems)


def input_files(paths: list[str]) -> list[Path]:
    """The files ``paths`` name (folders and globs expanded; ``-`` is not a file), as ``ingest``
    would read them: what an output may not replace."""
    return [path for _, path in _files(list(paths)) if path is not None]


def _files(paths: list[str]) -> Iterator[tuple[str | Path, Path | None]]:
    """Each file to read, as named and as a path (None for ``-``, standard input, and for a web
    address)."""
    if not paths:
        raise InputError(
            "no input given: name files, a directory, a glob, web addresses, or - for stdin"
        )
    for raw in paths:
        if raw == "-" or looks_like_url(raw):
            yield raw, None
            continue
        path = Path(raw)
        kind = _kind(path, raw)
        if kind == "directory":
            files = sorted(p for p in path.rglob("*") if _is_article_file(p, path))
            if not files:
                raise InputError(f"{shown(raw)}: directory has no articles ({_suffix_list()})")
            yield from ((file, file) for file in files)
        elif kind == "file":
            yield raw, path
        elif kind is None and glob.has_magic(raw):
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True))
            files = [m for m in matches if _kind(m, str(m)) == "file"]
            if not files:
                raise InputError(f"{shown(raw)}: pattern matches no files")
            yield from ((file, file) for file in files)
        elif kind is None:
            raise InputError(f"{shown(raw)}: no such file or directory")
        else:
            raise InputError(f"{shown(raw)}: {_not_regular(kind)}")


KINDS = {stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFCHR: "a character device",
         stat.S_IFBLK: "a block device", stat.S_IFSOCK: "a socket"}  # fmt: skip


def _kind(path: Path, raw: str) -> str | None:
    """'file', 'directory', what else the path is ('a socket'…), or None when it does not
    exist. Symbolic links are followed; a name the system refuses is an ``InputError``."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return None
        raise InputError(f"{shown(raw)}: {exc.strerror or exc}") from None
    except ValueError:  # a NUL character in the name
        raise InputError(f"{shown(raw)}: not a valid file name") from None
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISREG(mode):
        return "file"
    return KINDS.get(stat.S_IFMT(mode), "not a regular file")


def _not_regular(kind: str) -> str:
    return f"not a regular file ({kind}); save it to a file, or pass - to read standard input"


def regular_file(path: Path, name: str) -> None:
    kind = _kind(path, name)
    if kind is None:
        raise InputError(f"{name}: no such file")
    if kind != "file":
        raise InputError(f"{name}: {_not_regular(kind)}")


def shown(path: str | Path) -> str:
    """A path as it can be printed and written as UTF-8: bytes of a file name that are not
    UTF-8 appear as ``\\xNN``, control characters and direction overrides as visible stand-ins
    (``␛``, ``‹U+202E›``); a name longer than 160 characters is shortened in the middle."""
    text = visible(os.fsencode(str(path)).decode("utf-8", "backslashreplace"), one_line=True)
    return text if len(text) <= 160 else f"{text[:80]}…{text[-79:]}"


def _is_article_file(path: Path, root: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    if hidden or path.suffix.lower() not in SUFFIXES:
        return False
    try:
        return _kind(path, str(path)) == "file"
    except InputError:
        return False


def _suffix_list() -> str:
    return ", ".join(sorted(SUFFIXES))


def _read_limited(stream: BinaryIO, name: str, limit: int) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(
            f"{name}: larger than the {limit:,}-byte limit (raise it with --max-bytes)"
        )
    return data


def _read_file(path: Path, limit: int, problems: list[Problem]) -> list[Article]:
    name = shown(path)
    try:
        with path.open("rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped since listed
                raise InputError(f"{name}: {_not_regular('not a regular file')}")
            data = _read_limited(handle, name, limit)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return [_from_html(decode(data, name), name)]
    if suffix in JSON_SUFFIXES:
        return _from_json(decode(data, name), name, problems, lines=suffix != ".json")
    return [_from_bytes(data, name)]


def _from_bytes(data: bytes, name: str) -> Article:
    return _checked(make_article(decode(data, name), name), name)


def _checked(article: Article, name: str) -> Article:
    if blank(article.text):
        raise InputError(f"{name}: empty (no text to check)")
    return article


def _from_html(html: str, name: str) -> Article:
    """A saved page: its article, title, outlet and date, as for a fetched page."""
    from .webpage import extract_article

    web = extract_article(html, name=name)
    return _checked(make_article(web.text, name, **web.metadata()), name)


def _from_web(web: WebText) -> Article:
    return _checked(make_article(web.text, web.source, **web.metadata), web.source)


def _from_json(raw: str, name: str, problems: list[Problem], *, lines: bool) -> list[Article]:
    if not lines:
        data = loads(raw, name)
        records = data if isinstance(data, list) else [data]
        items = [(f"{name}[{i}]", r) for i, r in enumerate(records)]
    else:
        items = []
        for number, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                items.append((f"{name}:{number}", loads(line, first_line=number)))
            except InputError as exc:
                problems.append(Problem(where=f"{name}:{number}", error=str(exc)))
    articles = []
    for where, record in items:
        try:
            articles.append(_from_record(record, where))
        except InputError as exc:
            problems.append(Problem(where=where, error=str(exc)))
    return articles


def _from_record(record: object, where: str) -> Article:
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f"{where}: expected an object with a string 'text'")
    text = text_field(record, "text", where)
    source = text_field(record, "source", where) or text_field(record, "id", where) or where
    meta = {k: text_field(record, k, where) for k in METADATA_KEYS}
    return _checked(make_article(text, source, **meta), where)


def _clean_meta(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _mark_duplicates(articles: list[Article]) -> None:
    seen: dict[str, int] = {}
    for index, article in enumerate(articles):
        if article.id in seen:
            count = seen[article.id] = seen[article.id] + 1
            articles[index] = article.model_copy(
                update={"duplicate_of": article.id, "id": f"{article.id}-dup{count}"}
            )
        else:
            seen[article.id] = 0

"""Ingest: turn paths (files, directories, globs, ``-``) into ``Article`` records.

Every offset in the report indexes ``Article.text``: for .txt/.md the decoded file (BOM removed,
no newline translated), for .html the text a real HTML parser extracts, for .json/.jsonl the
``text`` value. Page furniture is marked, never cut out, so offsets stay valid.
"""

from __future__ import annotations

import glob
import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .errors import InputError
from .layout import furniture_lines
from .models import Article, Problem, Span
from .settings import DEFAULT_MAX_BYTES

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
    result = Ingested()
    for source, reader in _expand(list(paths), stdin):
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
) -> Ingested:
    """Articles given as records (``{"text": …, "title"?, "outlet"?, "published"?}`` or
    ``{"path": …}``, relative to ``base``), as a batch line carries them."""
    result = Ingested()
    for n, record in enumerate(records):
        name = f"{where}[{n}]"
        try:
            if isinstance(record, dict) and isinstance(record.get("path"), str):
                path = Path(record["path"])
                path = path if path.is_absolute() or base is None else base / path
                if not path.is_file():
                    raise InputError(f"{name}: {record['path']}: no such file")
                result.articles.extend(_read_file(path, max_bytes, result.problems))
            else:
                result.articles.append(_from_record(record, name))
        except InputError as exc:
            result.problems.append(Problem(where=name, error=str(exc)))
    return _finished(result)


Reader = Callable[[int, list[Problem]], list[Article]]


def _expand(paths: list[str], stdin: BinaryIO | None) -> Iterator[tuple[str, Reader]]:
    if not paths:
        raise InputError("no input given: name files, a directory, a glob, or - for stdin")
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield "-", lambda limit, _, s=stream: [_from_bytes(_read_limited(s, "-", limit), "-")]
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if _is_article_file(p, path))
            if not files:
                raise InputError(f"{raw}: directory has no articles ({_suffix_list()})")
            for file in files:
                yield str(file), lambda limit, problems, f=file: _read_file(f, limit, problems)
        elif path.is_file():
            yield raw, lambda limit, problems, f=path: _read_file(f, limit, problems)
        elif glob.has_magic(raw):
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True))
            files = [m for m in matches if m.is_file()]
            if not files:
                raise InputError(f"{raw}: pattern matches no files")
            for file in files:
                yield str(file), lambda limit, problems, f=file: _read_file(f, limit, problems)
        else:
            raise InputError(f"{raw}: no such file or directory")


def _is_article_file(path: Path, root: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return path.is_file() and not hidden and path.suffix.lower() in SUFFIXES


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
    name = str(path)
    try:
        with path.open("rb") as handle:
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
    if not article.text.strip():
        raise InputError(f"{name}: empty (no text to check)")
    return article


def decode(data: bytes, name: str) -> str:
    """Decode bytes to text: BOM honoured and removed, UTF-8 first, then detection."""
    if not data.strip():
        raise InputError(f"{name}: empty (no text to check)")
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec).lstrip("\ufeff")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: not a text file (binary data)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    best = matches[0] if matches else None
    if best is not None:  # short texts are ambiguous: prefer the web's usual legacy encoding
        near = [m for m in matches if m.chaos <= best.chaos + 0.1]
        best = next((m for m in near if m.encoding == "cp1252"), best)
    if best is None:
        raise InputError(f"{name}: not a text file (no text encoding fits)")
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise InputError(f"{name}: not a text file (mostly control characters)")
    return text


def _control_ratio(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
    return controls / max(len(text), 1)


_BLOCK_TAGS = (
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section",
    "article", "header", "footer", "blockquote", "figcaption", "pre", "title", "dd", "dt",
)  # fmt: skip


def _from_html(html: str, name: str) -> Article:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    meta = _html_metadata(soup)
    for tag in soup(["script", "style", "noscript", "template", "head", "nav", "svg"]):
        tag.decompose()
    body = soup.find("article") or soup.body or soup
    for tag in body.find_all(_BLOCK_TAGS):
        tag.insert_after("\n")
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in body.get_text().splitlines())
    text = "\n".join(line for line in lines if line)
    return _checked(make_article(text, name, **meta), name)


def _html_metadata(soup) -> dict[str, str | None]:
    def meta(*names: str) -> str | None:
        for key in names:
            tag = soup.find("meta", attrs={"property": key}) or soup.find(
                "meta", attrs={"name": key}
            )
            if tag and tag.get("content"):
                return tag["content"]
        return None

    title = meta("og:title", "twitter:title")
    if title is None and soup.title and soup.title.string:
        title = soup.title.string
    link = soup.find("link", attrs={"rel": "canonical"})
    return {
        "title": title,
        "outlet": meta("og:site_name", "publisher"),
        "published": meta("article:published_time", "datePublished", "date", "pubdate"),
        "url": meta("og:url") or (link.get("href") if link else None),
    }


def _from_json(raw: str, name: str, problems: list[Problem], *, lines: bool) -> list[Article]:
    if not lines:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}: invalid JSON at line {exc.lineno}: {exc.msg}") from exc
        records = data if isinstance(data, list) else [data]
        items = [(f"{name}[{i}]", r) for i, r in enumerate(records)]
    else:
        items = []
        for number, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                items.append((f"{name}:{number}", json.loads(line)))
            except json.JSONDecodeError as exc:
                problems.append(
                    Problem(
                        where=f"{name}:{number}", error=f"invalid JSON at line {number}: {exc.msg}"
                    )
                )
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
    source = record.get("source") or record.get("id") or where
    meta = {k: record.get(k) for k in METADATA_KEYS}
    return _checked(make_article(record["text"], str(source), **meta), where)


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

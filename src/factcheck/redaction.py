"""Secrets kept out of every message: credentials in a URL and API keys echoed back.

``public_url`` drops the ``user:password@`` part of a URL (``http://user:key@host/v1`` is shown
as ``http://host/v1``). ``Redactor`` removes secrets from text a server or a library wrote: the
whole secret, any run of ``PIECE`` or more of its characters (a server that echoes part of the
key), and either of those broken up by spaces or line breaks (``sk-ab cd…``), which are skipped
while looking and removed with the secret. It also takes out anything shaped like a key.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit, urlunsplit

PIECE = 8  # the shortest run of a secret's characters that counts as a piece of it
MIN_SECRET = 4  # shorter "secrets" (a placeholder like "x") are not looked for
REDACTED = "[redacted]"
_KEYLIKE = re.compile(r"\b(sk|key|token)-[A-Za-z0-9_\-*]{6,}", re.IGNORECASE)
_USERINFO = re.compile(r"(?<=://)[^/@\s]*@")


def public_url(url: str) -> str:
    """``url`` without its user name and password."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return _USERINFO.sub("", url)
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=host))


def url_secrets(url: str | None) -> list[str]:
    """The password a URL carries, and its whole ``user:password`` part."""
    if not url:
        return []
    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    if "@" not in parts.netloc:
        return []
    userinfo = parts.netloc.rsplit("@", 1)[0]
    return [userinfo, *userinfo.split(":", 1)[1:]]


class Redactor:
    """Takes the given secrets, pieces of them and key-shaped words out of text."""

    def __init__(self, secrets: list[str | None]):
        kept = {s for s in secrets if s and len(s) >= MIN_SECRET}
        self._secrets = sorted(kept)
        self._pieces = {s[i : i + PIECE] for s in kept for i in range(max(1, len(s) - PIECE + 1))}

    def __call__(self, text: str) -> str:
        if self._secrets:
            text = self._without_secrets(text)
        return _USERINFO.sub("", _KEYLIKE.sub(REDACTED, text))

    def _without_secrets(self, text: str) -> str:
        """``text`` with every stretch that, whitespace skipped, is a secret or a piece of one
        replaced by ``[redacted]``."""
        kept = [i for i, char in enumerate(text) if not char.isspace()]
        compact = "".join(text[i] for i in kept)
        hidden = [False] * len(compact)
        for size in {min(PIECE, len(secret)) for secret in self._secrets}:
            for start in range(len(compact) - size + 1):
                if compact[start : start + size] in self._pieces:
                    hidden[start : start + size] = [True] * size
        return _splice(text, kept, hidden)


def _splice(text: str, kept: list[int], hidden: list[bool]) -> str:
    """``text`` with each run of hidden characters (and the whitespace inside it) replaced."""
    pieces, last, n = [], 0, 0
    while n < len(kept):
        if not hidden[n]:
            n += 1
            continue
        end = n
        while end + 1 < len(kept) and hidden[end + 1]:
            end += 1
        pieces += [text[last : kept[n]], REDACTED]
        last = kept[end] + 1
        n = end + 1
    pieces.append(text[last:])
    return "".join(pieces)


class RedactingFilter(logging.Filter):
    """A logging filter that redacts each record's message (for the HTTP and SDK loggers)."""

    def __init__(self, redact: Redactor):
        super().__init__()
        self.redact = redact

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        record.msg, record.args = self.redact(message), ()
        return True

"""Layout: lines of an article that are page furniture or headings, not statements.

``line_kind`` reads one line (without its line break) and says what it is, or None for text:

- ``heading``: a section heading or headline: capitals ("A WAY OUT OF THE CRISIS"), title case
  ("Talks Resume After Long Pause"), a numbered title ("3. Prices Fall Again"), or a short
  sentence-case line with no sentence punctuation ("Possible outcomes");
- ``byline``: "By Ann Lee", "By Ann Lee and Tom Berg, Reuters", "Reporting by …; Editing by
  …", "Written by …", "Posted by …", "— Ann Lee (@annlee) May 4, 2021" (an embedded post's
  signature);
- ``caption``: "Photo: …", "Image: …", "Source: Getty", "[Image via …]", "(Getty Images)" at the
  end of a short line, "Pictured: …", "File photo";
- ``prompt``: share and follow prompts and links to other pages: "Share this", "Follow us on
  Twitter", "Sign up for our newsletter", "Read more", "Scroll down for video", "RELATED: …",
  "MORE: …", "Click here …", "Advertisement", "This is a developing story …", "Refresh the page
  …", "Check back …", "More details to come";
- ``embed``: a bare address, markup or a style rule, hashtags and links of an embedded post;
- ``timestamp``: a date and time alone ("Updated 8:08 AM, May 4, 2021").

Sentence-case lines longer than ``SHORT_HEADING`` words without final punctuation are left as
text: without layout they could as well be a statement that lost its full stop.

``without_dateline(text)`` leaves out the dateline a wire story's first sentence opens with
("LISBON (Reuters) - ", "SAN JOSE, Calif. -- ", "(AP) — "): where the story was filed, not
what it says.

How the stage uses it: the segmenter marks each line ``line_kind`` names as furniture (a
heading keeps ``heading=True``), offsets kept, so no claim, finding or brief sentence comes from
it; the article's first line, when a heading, can stand as its title.
"""

from __future__ import annotations

import re

MAX_HEADING_WORDS = 14
SHORT_HEADING = 5  # a sentence-case heading has at most this many words
TITLE_SHARE = 0.7
MAX_CAPTION_WORDS = 12  # share of capitalised words (small words aside) in a title-case line
_SMALL = frozenset(
    """a an the and or but nor of in on at to for from by with as vs via into onto over under
    is are was were be not no up out off per than that this its it's his her their our""".split()
)
_TERMINAL = re.compile(r"[.!?…:;,\"”’)]\s*$")
_BYLINE = re.compile(  # "By Ann Lee", "Reporting by Ann Lee; Editing by Tom Berg": names follow
    r"^(?i:by|written\s+by|posted\s+by|words\s+by|reporting\s+by|additional\s+reporting\s+by|"
    r"editing\s+by|compiled\s+by|story\s+by)\s+(?:[A-Z][\w.'’-]*|@\w+)"
    r"(?:[\s,;|&–—-]+(?:[A-Z][\w.'’-]*|@\w+|and|in|for|of|the|by|editing|reporting|writing))*"
    r"[\s.]*$"
)
_SIGNATURE = re.compile(
    r"^[—–-]\s*[A-Z][^.!?]{0,60}(?:\(@\w+\))?(?:\s+\w+\s+\d{1,2},\s+\d{4})?\s*$"
)
_CAPTION = re.compile(
    r"^(?:photo|photos|photograph|image|images|picture|pictures|video|credit|source|pictured|"
    r"file\s+photo|caption|illustration|graphic|gallery|watch|warning)\s*(?:\([^)]*\))?\s*[:|]"
    r"|^\[(?:image|photo|picture|video|via)[^\]]*\]$"
    r"|\((?:getty(?:\s+images)?|ap|afp|reuters|epa|shutterstock|file|pictured)[^)]*\)\s*$"
    r"|\b(?:photo|image|picture)\s*:\s*\S+(?:\s+\S+){0,4}\s*$"
    r"|\b(?:getty\s+images|ap\s+photo|reuters/\w+)\b",
    re.IGNORECASE,
)
_PROMPT = re.compile(
    r"^(?:>+\s*)?(?:share(?:\s+(?:this|on)\b.*)?|tweet|email|print|pin\s+it|like\s+us\s+on\b.*|"
    r"follow\s+(?:us|me|@?\w+)\s+on\b.*|follow\s+@\w+.*|sign\s+up\b.*|subscribe\b.*|"
    r"read\s+more\b.*|see\s+also\b.*|related\b.*|more\s*:.*|click\s+here\b.*|"
    r"scroll\s+down\b.*|advertisement|sponsored(?:\s+content)?|comments?|"
    r"(?:leave|add|post)\s+a\s+(?:comment|reply)|add\s+comment|"
    r"watch\s+the\s+(?:full\s+)?(?:video|interview)\b.*|continue\s+reading\b.*|"
    r"(?:this\s+is\s+a\s+)?(?:developing|breaking)\s+(?:news\s+)?story\b.*|"
    r"(?:please\s+)?(?:refresh|reload)\s+(?:the\s+|this\s+)?page\b.*|"
    r"(?:check|stay)\s+(?:back|tuned)\b.*|(?:more|further)\s+details\s+to\s+(?:come|follow)\b.*|"
    r"(?:facebook|twitter|linkedin|whatsapp|reddit|email|print)(?:\s+(?:facebook|twitter|"
    r"linkedin|whatsapp|reddit|email|print))*)$",
    re.IGNORECASE,
)
_EMBED = re.compile(
    r"^(?:https?://\S+|www\.\S+|pic\.twitter\.com/\S+|<[^>]+>|@media\b.*|[.#]?[\w-]+\s*\{.*\}|"
    r"(?:#\w+\s*)+)$"
    r"|pic\.twitter\.com/\w+|https?://t\.co/\w+",
    re.IGNORECASE,
)
_TIMESTAMP = re.compile(
    r"^(?:(?:updated|published|posted|last\s+updated|at)\s*:?\s*)?[\w ,:.]*\b\d{1,2}[:.]\d{2}\s*"
    r"(?:am|pm|a\.m\.|p\.m\.)?[\w ,:.]*\b(?:19|20)\d{2}\s*$",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+")


def line_kind(line: str) -> str | None:
    """What a line is: heading, byline, caption, prompt, embed, timestamp, or None (text)."""
    text = line.strip()
    if not text or not any(ch.isalpha() for ch in text):
        return None
    for kind, pattern in (("embed", _EMBED), ("prompt", _PROMPT), ("byline", _BYLINE),
                          ("timestamp", _TIMESTAMP)):  # fmt: skip
        if pattern.search(text):
            return kind
    if _SIGNATURE.match(text) and len(text.split()) <= 10:
        return "byline"
    if len(text.split()) <= MAX_CAPTION_WORDS and _CAPTION.search(text):
        return "caption"
    return "heading" if is_heading(text) else None


def is_heading(text: str) -> bool:
    """A short line in capitals or title case, or a very short sentence-case line, with no
    sentence punctuation at its end."""
    text = _NUMBERED.sub("", text.strip())
    words = re.findall(r"[^\W\d_][\w’'-]*", text)
    if not words or len(text.split()) > MAX_HEADING_WORDS or _TERMINAL.search(text):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= 4 and sum(ch.isupper() for ch in letters) / len(letters) >= 0.8:
        return True
    if not words[0][0].isupper():
        return False
    content = [w for w in words if w.lower() not in _SMALL]
    capitalised = sum(w[0].isupper() for w in content) / max(1, len(content))
    if len(content) >= 2 and capitalised >= TITLE_SHARE:
        return True
    return len(text.split()) <= SHORT_HEADING and "," not in text


def furniture_lines(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of every line of ``text`` that ``line_kind`` names. A heading
    must stand alone: inside a hard-wrapped paragraph (the line before runs on without sentence
    punctuation, or the next line goes on in lower case) a short capitalised line is text."""
    found = []
    lines = [m.group() for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text)]
    offset, marked = 0, False  # marked: the line before is furniture
    for n, raw in enumerate(lines):
        line = raw.rstrip("\r\n")
        kind = line_kind(line)
        if kind == "heading":
            before = lines[n - 1].strip() if n else ""
            after = lines[n + 1].lstrip() if n + 1 < len(lines) else ""
            ends = marked or not before or _TERMINAL.search(before) is not None
            kind = kind if ends and not after[:1].islower() else None
        if kind is not None:
            start = offset + len(line) - len(line.lstrip())
            found.append((start, offset + len(line.rstrip()), kind))
        marked = kind is not None
        offset += len(raw)
    return found


_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3}(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s*"
    r"(?:\((?:[A-Z][\w.&]*)(?:\s+[A-Z][\w.&]*){0,2}\))?|\((?:[A-Z][\w.&]*)(?:\s+[A-Z][\w.&]*){0,2}\))"
    r"\s*(?:--|—|–|-)\s+(?=[A-Z0-9“\"‘'])"
)


def without_dateline(text: str) -> str:
    """``text`` without the dateline it opens with, if any."""
    match = _DATELINE.match(text)
    if match is None:
        return text
    place = re.match(r"[A-Z]{3,}|\(", match.group())  # "US - China talks" opens no dateline
    return text[match.end() :] if place else text

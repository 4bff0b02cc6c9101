"""Times: weekdays, dates, months, years and relative expressions, parsed and normalised.

Values are comparable strings: 'wednesday', '2024-06-19' or 'XXXX-06-19' (no year), '2024-06' or
'XXXX-06', '1961', and relative phrases in lower case ('last year'). Two expressions can only
conflict when they have the same kind.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .comparable import strip_invisible
from .models import TimeExpr

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
RELATIVE = (
    "yesterday", "today", "tonight", "tomorrow", "last night", "this morning", "this week",
    "last week", "next week", "this month", "last month", "next month", "this year",
    "last year", "next year", "earlier this year", "early last year", "late last year",
    "earlier this month", "later this month", "later this year",
)  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
_RELATIVE = "|".join(sorted((re.escape(r) for r in RELATIVE), key=len, reverse=True))
_PATTERN = re.compile(
    rf"""\b(?:
        (?P<md>(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?)
      | (?P<dm>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})\.?
          (?:,?\s+(?P<y2>\d{{4}}))?)
      | (?P<iso>(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))
      | (?P<my>(?P<m4>{_MONTH})(?:\s+(?P<y4>\d{{4}}))?)
      | (?P<weekday>{_WEEKDAY})
      | (?P<relative>{_RELATIVE})
      | (?P<year>(?<=\bin\s)(?:1[89]|20)\d\d|(?:1[89]|20)\d\d(?=\s*,?\s*(?:when|after|before)\b))
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
_MONTH_NAMES_NEED_CAPITAL = {"may", "march", "mar", "jan", "sept", "dec", "oct", "nov"}


def parse_times(text: str) -> list[TimeExpr]:
    """Every time expression in ``text``, normalised (invisible characters removed first)."""
    text = strip_invisible(text)
    found = []
    for match in _PATTERN.finditer(text):
        expression = _to_time(match)
        if expression is not None:
            found.append(expression)
    return found


def _to_time(match: re.Match) -> TimeExpr | None:
    g = match.groupdict()
    surface = match.group()
    if g["md"] or g["dm"] or g["iso"]:
        month = _month(g["m1"] or g["m2"] or g["m3"])
        day = int(g["d1"] or g["d2"] or g["d3"])
        year = g["y1"] or g["y2"] or g["y3"]
        if not 1 <= day <= 31 or month is None:
            return None
        return TimeExpr(text=surface, kind="date", value=f"{year or 'XXXX'}-{month:02d}-{day:02d}")
    if g["my"]:
        word = g["m4"]
        if word.lower() in _MONTH_NAMES_NEED_CAPITAL and not word[0].isupper():
            return None
        month = _month(word)
        return TimeExpr(text=surface, kind="month", value=f"{g['y4'] or 'XXXX'}-{month:02d}")
    if g["weekday"]:
        return TimeExpr(text=surface, kind="weekday", value=g["weekday"].lower())
    if g["relative"]:
        return TimeExpr(text=surface, kind="relative", value=" ".join(surface.lower().split()))
    return TimeExpr(text=surface, kind="year", value=g["year"])


def _month(word: str) -> int | None:
    if word.isdigit():
        month = int(word)
        return month if 1 <= month <= 12 else None
    return MONTHS.get(word.lower().rstrip("."))


def resolve(times: list[TimeExpr], published: str | None) -> list[TimeExpr]:
    """Pin relative expressions and weekdays to the calendar using the publication time:
    'yesterday' in an article of 2024-06-20 is 2024-06-19; 'on Wednesday' is the last Wednesday
    up to the publication day; 'last year' is 2023. Dates and months without a year take it."""
    day = _publication_day(published)
    if day is None:
        return times
    return [t.model_copy(update={"resolved": _resolved(t, day)}) for t in times]


def _publication_day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


_OFFSETS = {"yesterday": -1, "today": 0, "tonight": 0, "this morning": 0, "last night": -1,
            "tomorrow": 1}  # fmt: skip


def _resolved(time: TimeExpr, day: date) -> str | None:
    if time.kind == "relative":
        if time.value in _OFFSETS:
            return (day + timedelta(days=_OFFSETS[time.value])).isoformat()
        years = {"last year": -1, "this year": 0, "next year": 1, "earlier this year": 0,
                 "later this year": 0}  # fmt: skip
        if time.value in years:
            return str(day.year + years[time.value])
        months = {"last month": -1, "this month": 0, "next month": 1, "earlier this month": 0,
                  "later this month": 0}  # fmt: skip
        if time.value in months:
            index = day.year * 12 + day.month - 1 + months[time.value]
            return f"{index // 12}-{index % 12 + 1:02d}"
        return None
    if time.kind == "weekday":
        back = (day.weekday() - WEEKDAYS.index(time.value)) % 7
        return (day - timedelta(days=back)).isoformat()
    if time.kind in ("date", "month") and time.value.startswith("XXXX"):
        return str(day.year) + time.value[4:]
    return time.value


def conflicting(a: TimeExpr, b: TimeExpr) -> bool:
    """Whether two expressions name different times: by calendar when both are pinned down to
    the same granularity, else only when they are of the same kind."""
    if a.resolved and b.resolved and len(a.resolved) == len(b.resolved):
        return a.resolved != b.resolved
    if a.kind != b.kind or a.kind == "relative":
        return False
    if a.kind in ("date", "month"):
        return not _same_calendar(a.value, b.value)
    return a.value != b.value


def _same_calendar(a: str, b: str) -> bool:
    """'XXXX-06-19' matches '2024-06-19': a missing year matches any year."""
    year_a, rest_a = a.split("-", 1)
    year_b, rest_b = b.split("-", 1)
    return rest_a == rest_b and ("XXXX" in (year_a, year_b) or year_a == year_b)


_REPORTING = (
    r"(?i:said|says|told|tells|reported|reports|revealed|announced|confirmed|stated|wrote|"
    r"added|tweeted|posted|disclosed)"
)
_ADDRESSEE = r"(?:(?i:the\s+)?(?:[A-Z][\w.’'&-]*\s+){1,3}|in\s+an?\s+(?:statement|interview)\s+)?"


def of_report(text: str, time_text: str) -> bool:
    """Whether ``time_text`` in ``text`` dates the report rather than the event: it follows a
    reporting verb and its addressee ("the Ledger reported Wednesday", "it was revealed on
    Friday", "told the Ledger on Monday") or opens a sentence of reported speech ("On Monday,
    police said …"). "The bridge closed on Monday, police said" dates the closure."""
    time = re.escape(time_text)
    after_verb = rf"\b{_REPORTING}\s+{_ADDRESSEE}(?i:on\s+|late\s+|early\s+)?(?i:{time})\b"
    opening = rf"^\W*(?i:on\s+)?(?i:{time}),?\s+(?:[\w.’'-]+\s+){{1,3}}?{_REPORTING}\b"
    return bool(re.search(after_verb, text) or re.search(opening, text))

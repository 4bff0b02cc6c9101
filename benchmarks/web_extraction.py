"""Article extraction from web pages, measured on real news text in generated page layouts.

Real FNC-1 bodies (``../shared/benchmarks/fnc1/cases.jsonl``) are wrapped in five page
layouts with the usual furniture around and inside them (navigation, cookie notice, share
buttons, advertising, related links, newsletter box, comments, footer), and pages that hold no
article (section fronts listing headlines, consent-only pages) are added. Each extractor is
scored on: body paragraphs recovered (recall), furniture snippets that leak into the text, and
how often it refuses a page (it should refuse every non-article page and no article).

    python benchmarks/web_extraction.py --split dev [--limit 150]

Extractors: ``soup`` (the BeautifulSoup path of ``ingest`` for .html files), ``trafilatura``
(its defaults, comments excluded) and ``webpage`` (``factcheck.webpage.extract_article``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections.abc import Callable
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT.parent / "shared" / "benchmarks" / "fnc1" / "cases.jsonl"

FURNITURE = {
    "nav": "Front page Local news Politics Sport Culture Weather",
    "cookie": "We use cookies to personalise content and to analyse our traffic. Accept all",
    "share": "Share on Facebook Share on X Send by email",
    "ad": "Advertisement Get 40% off garden furniture this weekend only",
    "related": "Related: Council tax bills to rise again next spring",
    "newsletter": "Sign up to our evening newsletter for the day's top stories",
    "comments": "You need to be logged in to comment. Reader Harbourgull wrote: shocking.",
    "footer": "Copyright 2024 Example Media Group. All rights reserved. Terms Privacy",
}


def bodies(split: str, limit: int) -> list[str]:
    seen, out = set(), []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if split != "all" and case["split"] != split:
            continue
        for text in case["sources"]:
            key = text[:200]
            if key not in seen and len(_paragraphs(text)) >= 2:
                seen.add(key)
                out.append(text)
    return out[:limit]


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


def _ps(paragraphs: list[str], inserts: dict[int, str] | None = None) -> str:
    out = []
    for n, paragraph in enumerate(paragraphs):
        out.append(f"<p>{escape(paragraph)}</p>")
        if inserts and n in inserts:
            out.append(inserts[n])
    return "\n".join(out)


def _layout(n: int, headline: str, paragraphs: list[str]) -> str:
    f = {k: escape(v) for k, v in FURNITURE.items()}
    mid = max(1, len(paragraphs) // 2)
    head = f"<html><head><title>{escape(headline)} | Example</title></head><body>"
    if n == 0:  # semantic HTML5
        return (
            f"{head}<div class='cookie-banner'><p>{f['cookie']}</p></div>"
            f"<header><nav><a href='/'>{f['nav']}</a></nav></header><main><article>"
            f"<h1>{escape(headline)}</h1><div class='share'>{f['share']}</div>"
            + _ps(paragraphs, {mid: f"<div class='ad'>{f['ad']}</div>"})
            + f"<aside class='related'><a href='/r'>{f['related']}</a></aside></article>"
            f"<section class='comments'><p>{f['comments']}</p></section></main>"
            f"<footer>{f['footer']}</footer></body></html>"
        )
    if n == 1:  # div soup
        return (
            f"{head}<div class='topbar'><a href='/'>{f['nav']}</a></div><div id='main'>"
            f"<div class='title'>{escape(headline)}</div><div class='content'>"
            + _ps(paragraphs)
            + f"</div><div class='sidebar'><a href='/r'>{f['related']}</a></div>"
            f"<div class='comments'>{f['comments']}</div></div>"
            f"<div class='footer'>{f['footer']}</div><div id='consent'>{f['cookie']}</div>"
            "</body></html>"
        )
    if n == 2:  # CMS blocks inside the body
        inserts = {
            0: f"<p class='read-more'><a href='/r'>{f['related']}</a></p>",
            mid: f"<div class='newsletter'><p>{f['newsletter']}</p></div>",
        }
        return (
            f"{head}<nav>{f['nav']}</nav><h1>{escape(headline)}</h1>"
            + _ps(paragraphs, inserts)
            + f"<p class='share'>{f['share']}</p><div id='footer'>{f['footer']}</div></body></html>"
        )
    if n == 3:  # a table layout
        return (
            f"{head}<table><tr><td class='menu'><a href='/'>{f['nav']}</a></td><td>"
            f"<h2>{escape(headline)}</h2>" + _ps(paragraphs) + f"</td><td class='ads'>{f['ad']}"
            f"</td></tr></table><p class='copyright'>{f['footer']}</p></body></html>"
        )
    return f"{head}{_ps(paragraphs)}</body></html>"  # bare paragraphs


def _front(headlines: list[str]) -> str:
    links = "".join(f"<li><a href='/s/{n}'>{escape(h)}</a></li>" for n, h in enumerate(headlines))
    return (
        f"<html><head><title>News | Example</title></head><body><nav>{FURNITURE['nav']}</nav>"
        f"<h1>News</h1><ul>{links}</ul><footer>{FURNITURE['footer']}</footer></body></html>"
    )


def _consent() -> str:
    notice = " ".join([FURNITURE["cookie"]] * 4)
    return f"<html><body><div class='consent-wall'><p>{notice}</p></div></body></html>"


Extractor = Callable[[str], str | None]  # page -> text, or None when refused


def extractors(workdir: Path) -> dict[str, Extractor]:
    import trafilatura

    from factcheck.errors import InputError
    from factcheck.ingest import ingest
    from factcheck.webpage import extract_article

    def soup(html: str) -> str | None:
        path = workdir / "page.html"
        path.write_text(html, encoding="utf-8")
        try:
            return ingest([str(path)]).articles[0].text
        except InputError:
            return None

    def plain(html: str) -> str | None:
        return trafilatura.extract(html, include_comments=False)

    def ours(html: str, **options) -> str | None:
        try:
            return extract_article(html, **options).text
        except InputError:
            return None

    return {"soup": soup, "trafilatura": plain, "webpage": ours}


def measure(split: str, limit: int) -> dict[str, dict[str, float]]:
    rng = random.Random(7)
    texts = bodies(split, limit)
    headlines = [_paragraphs(t)[0][:90] for t in texts]
    articles = [(_layout(n % 5, headlines[n], _paragraphs(t)), _paragraphs(t))
                for n, t in enumerate(texts)]  # fmt: skip
    others = [_front(rng.sample(headlines, 8)) for _ in range(20)] + [_consent()] * 5
    with tempfile.TemporaryDirectory() as tmp:
        return {name: _score(run, articles, others) for name, run in extractors(Path(tmp)).items()}


def _score(run: Extractor, articles: list[tuple[str, list[str]]], others: list[str]) -> dict:
    found = total = leaked = refused = 0
    for html, paragraphs in articles:
        text = run(html)
        if text is None:
            refused += 1
            text = ""
        flat = " ".join(text.split())
        found += sum(p in flat for p in paragraphs)
        total += len(paragraphs)
        leaked += sum(snippet in flat for snippet in FURNITURE.values())
    kept = sum(run(html) is not None for html in others)
    return {
        "paragraph_recall": round(found / max(total, 1), 3),
        "furniture_per_page": round(leaked / max(len(articles), 1), 2),
        "articles_refused": round(refused / max(len(articles), 1), 3),
        "non_articles_accepted": round(kept / max(len(others), 1), 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--limit", type=int, default=150)
    args = parser.parse_args(argv)
    results = measure(args.split, args.limit)
    json.dump({"split": args.split, "limit": args.limit, "results": results}, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())

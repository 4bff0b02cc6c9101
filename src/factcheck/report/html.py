"""HTML report: one self-contained page (CSS and a small script inline, no network request).

The page is built from a view of the report prepared here and a Jinja2 template with
autoescaping on, so article text (which may hold markup or scripts) always shows as text. Every
value the template prints passes through ``display.visible`` first (``finalize``), so control
characters, direction overrides and look-alike letters from an article, a file name or a model
show as visible stand-ins instead of reordering or disguising the page. A
Content-Security-Policy allows no network source at all and only the page's own script (by
hash), as a second line of defence. Everything is readable without JavaScript: the script only
adds a filter for the grid and findings.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from importlib import resources

from ..display import visible
from ..labels import file_name, source_label
from ..models import Article, Claim, Finding, Report
from .common import anchor, grid_rows, label, numbers, usage_line
from .sides import first, sides

SHOWN_PER_KIND = 5  # findings of one kind shown before "N more" (folded)
KIND_WORDS = {  # page order, most serious first: (one, many)
    "contradiction": ("contradiction", "contradictions"),
    "altered_quote": ("altered quote", "altered quotes"),
    "update": ("update", "updates"),
    "name_variant": ("name variant", "name variants"),
    "unsupported_addition": ("unsupported addition", "unsupported additions"),
    "single_source": ("single-source claim", "single-source claims"),
}
FINDING_CLASS = {
    "contradiction": "conflict",
    "update": "update",
    "altered_quote": "conflict",
    "unsupported_addition": "addition",
    "name_variant": "variant",
    "single_source": "single",
}


@dataclass
class Segment:
    text: str
    css: str = ""  # "" plain, else highlight class
    anchors: list[str] = field(default_factory=list)  # claim ids starting here
    title: str = ""


def render_html(report: Report) -> str:
    import jinja2

    folder = resources.files("factcheck.report") / "templates"
    script = (folder / "report.js").read_text(encoding="utf-8")
    style = (folder / "report.css").read_text(encoding="utf-8")
    env = jinja2.Environment(
        loader=jinja2.DictLoader({"page": (folder / "report.html.j2").read_text("utf-8")}),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_shown,
    )
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    return env.get_template("page").render(csp=csp, style=style, script=script, **view(report))


def _shown(value: object) -> object:
    """A printed value as a reader should see it (the page's own markup is left alone)."""
    from markupsafe import Markup

    return visible(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def view(report: Report) -> dict:
    """Everything the template shows, in plain values."""
    claims = {c.id: c for c in report.claims}
    index = numbers(report)
    columns = [a for a in report.articles if a.duplicate_of is None]
    marks = _claim_marks(report.findings)
    findings = [_finding(n, f, report, claims) for n, f in enumerate(report.findings, start=1)]
    return {
        "report": report,
        "sources": [_source(report, a, index) for a in report.articles],
        "columns": [{"n": index[a.id], "id": a.id, "name": source_label(a)} for a in columns],
        "brief": [_sentence(s, claims, index) for s in report.brief.sentences],
        "brief_note": report.brief.note,
        "rows": grid_rows(report, columns, claims, index),
        "findings": findings,
        "finding_groups": _finding_groups([f for f in findings if f["first"]]),
        "other_groups": _finding_groups([f for f in findings if not f["first"]]),
        "usage": usage_line(report),
        "texts": [_text(a, claims, marks, index) for a in columns],
    }


def _source(report: Report, article: Article, index: dict[str, int]) -> dict:
    note = ""
    if article.duplicate_of:
        note = f"exact duplicate of [{index[article.duplicate_of]}]"
    elif article.derived_from:
        note = f"likely rewritten from [{index[article.derived_from]}]"
    return {
        "n": index[article.id],
        "id": article.id,
        "name": source_label(article),
        "path": article.source,
        "outlet": article.outlet,
        "published": article.published,
        "url": article.url if (article.url or "").startswith(("http://", "https://")) else None,
        "note": note,
        "claims": sum(c.article == article.id for c in report.claims),
    }


def _citations(claim_ids: list[str], claims: dict[str, Claim], index) -> list[dict]:
    """One citation per source, pointing at its first cited claim, with every quote."""
    by_article: dict[str, list[Claim]] = {}
    for cid in claim_ids:
        if cid in claims:
            by_article.setdefault(claims[cid].article, []).append(claims[cid])
    return [
        {
            "n": index[article],
            "target": anchor(cited[0].id),
            "quotes": [c.evidence.quote for c in cited],
        }
        for article, cited in sorted(by_article.items(), key=lambda kv: index[kv[0]])
    ]


def _sentence(sentence, claims, index) -> dict:
    return {
        "text": sentence.text,
        "support": sentence.support,
        "disputed": sentence.disputed,
        "citations": _citations(sentence.claims, claims, index),
    }


def _finding(n: int, finding: Finding, report: Report, claims) -> dict:
    return {
        "n": n,
        "id": finding.id,
        "kind": finding.kind,
        "css": FINDING_CLASS[finding.kind],
        "label": label(finding),
        "severity": finding.severity,
        "confidence": f"{finding.confidence:.2f}",
        "explanation": finding.explanation,
        "variants": finding.variants if finding.kind == "name_variant" else None,
        "first": first(finding),  # what to check first: shown open at the top of the page
        "sides": [
            {"n": side.n, "target": side.target, "pieces": side.pieces}
            for side in sides(report, finding, claims)
        ],
    }


def _finding_groups(findings: list[dict]) -> list[dict]:
    """Findings by kind, most serious kind first; the first few of each shown, the rest folded."""
    groups = []
    kinds = list(KIND_WORDS) + sorted({f["kind"] for f in findings} - set(KIND_WORDS))
    for kind in kinds:
        name = kind.replace("_", " ")
        one, many = KIND_WORDS.get(kind, (name, f"{name}s"))
        items = [f for f in findings if f["kind"] == kind]
        if items:
            groups.append(
                {"kind": kind, "count": len(items), "words": one if len(items) == 1 else many,
                 "plural": many, "shown": items[:SHOWN_PER_KIND],
                 "more": items[SHOWN_PER_KIND:]}
            )  # fmt: skip
    return groups


def _claim_marks(findings: list[Finding]) -> dict[str, tuple[str, str]]:
    """Claim id → (highlight class, finding label) for the most serious finding on it."""
    order = ["contradiction", "altered_quote", "update", "unsupported_addition", "name_variant",
             "single_source"]  # fmt: skip
    marks: dict[str, tuple[str, str]] = {}
    for kind in reversed(order):
        for finding in findings:
            if finding.kind == kind:
                for cid in finding.claims:
                    marks[cid] = (FINDING_CLASS[kind], label(finding))
    return marks


def _text(article: Article, claims: dict[str, Claim], marks, index) -> dict:
    """The article text cut into segments at every evidence and furniture boundary."""
    own = [c for c in claims.values() if c.article == article.id]
    cuts = {0, len(article.text)}
    for claim in own:
        cuts |= {claim.evidence.start, claim.evidence.end}
    for span in article.furniture:
        cuts |= {span.start, span.end}
    points = sorted(cuts)
    starts: dict[int, list[str]] = {}
    for claim in own:
        starts.setdefault(claim.evidence.start, []).append(anchor(claim.id))
    segments = []
    for begin, end in zip(points, points[1:], strict=False):
        covering = [c for c in own if c.evidence.start <= begin and end <= c.evidence.end]
        furniture = any(s.start <= begin and end <= s.end for s in article.furniture)
        css, title = "", ""
        if covering:
            found = [marks[c.id] for c in covering if c.id in marks]
            css = "hl-" + (found[0][0] if found else "claim")
            title = found[0][1] if found else f"claim ({covering[0].kind})"
        elif furniture:
            css, title = "furniture", "page furniture, ignored"
        segments.append(Segment(article.text[begin:end], css, starts.get(begin, []), title))
    return {
        "n": index[article.id],
        "name": source_label(article),
        "path": file_name(article),
        "claims": len(own),
        "segments": segments,
    }

"""Brief quality: what an editor would have to fix before publishing factcheck's brief.

Runs ``factcheck`` (``python -m factcheck``, local engine) over the seed articles and over real
FNC-1 story clusters (``real_clusters.py story``; dev and test reported apart) and counts, over
the briefs' sentences:

- ``empty``: briefs without a sentence;
- ``from copies``: sentences whose wording is taken from an article with ``derived_from`` set;
- ``citation fails``: citations whose source does not, on its own, carry the sentence's names,
  figures and dates (``brief.supported_by`` over that source's cited claims); ``strict`` also
  counts a capitalised opening word that the source lacks, which ``supported_by`` passes over;
  ``check`` counts citations that fail the brief stage's own per-source check
  (``parts.carried``: the typed differences of the support scorer, ``citation.carries``, over
  that source's cited claims, a main clause and its trailing clause possibly apart; a
  dispute's sides are left out, each source stating its own version); ``words``
  those that fail the earlier word-level check (``citation.states``);
- ``quotes``: citations whose source does not have inside quotation marks every passage the
  sentence puts inside them (``quoting.unquoted``);
- ``artifacts``: sentences whose wording score (own marks plus cross-source swaps) is at or
  above ``wording.ARTIFACT``; ``damaged``: sentences that print a name the report flags as
  damaged by a rewrite (``damage.Damage``);
- ``repeats``: pairs of sentences stating one fact (most content words shared, or a shared
  claim and a third of them; disputes, which cite the claims of the facts they qualify, are
  left out); ``words`` counts those found by their words alone (a source sentence that backs
  two different facts is a shared claim, not a repeat unless their words meet too);
- ``fragments``: sentences that lean on an earlier one ("these remarks", an opening "He said")
  and headings or page furniture used as sentences.

For the seeds it also checks the three lead facts every seed article reports (the partnership
signed, its mutual-assistance clause, the first visit in 24 years): stated or not, and how many
cited sources state it on their own.

    python benchmarks/brief_quality.py [--limit N] [--show K] [--src PATH] [--save DIR]

``--src`` runs factcheck from another checkout's ``src`` (e.g. a worktree of main, for the
figures before a change); the measures are always this checkout's.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from real_clusters import fnc1_clusters  # noqa: E402

from factcheck.brief import supported_by  # noqa: E402
from factcheck.citation import states  # noqa: E402
from factcheck.damage import Damage  # noqa: E402
from factcheck.lexical import content_terms  # noqa: E402
from factcheck.models import Finding  # noqa: E402
from factcheck.parts import carried  # noqa: E402
from factcheck.quoting import unquoted  # noqa: E402
from factcheck.swaps import Cluster  # noqa: E402
from factcheck.vetting import core  # noqa: E402
from factcheck.wording import FUNCTION_WORDS  # noqa: E402

PREFIX = re.compile(r"^(?:One source reports|According to [^:]{1,60}):\s+")
QUOTED_VALUE = re.compile(r"“[^”]*”|\([^)]*\bvs\b[^)]*\)")
LEANS_BACK = re.compile(
    r"^(?:He|She|They|It|This|That|These|Those|His|Her|Their|Its|Such)\b|\b(?:these|those|"
    r"such|the same) (?:remarks|comments|words|statements|claims|reports|moves|measures|"
    r"figures|developments|allegations|accusations|concerns|talks)\b",
)
REPEAT_SHARE = 0.6  # overlap coefficient of content words
SOURCE_SHARE = 1 / 3  # ... of two sentences citing one source sentence, to count as a repeat
RARE_SHARE = 0.05  # a word in at most this share of the report's claims is distinctive
LEAD_FACTS = {  # read from the seed articles; checked here, never in product code
    "partnership signed": (r"partnership", r"\bsign|finalis|struck|agreement"),
    "mutual-assistance clause": (r"mutual", r"assistance|defen[cs]e|aid|help"),
    "first visit in 24 years": (r"\bfirst\b", r"\b24 years|two decades"),
}


@dataclass
class Tally:
    reports: int = 0
    failed: int = 0
    empty: int = 0
    sentences: int = 0
    from_copies: int = 0
    citations: int = 0
    citation_fails: int = 0
    strict_fails: int = 0
    check_fails: int = 0
    word_fails: int = 0
    damaged: int = 0
    quote_fails: int = 0
    artifacts: int = 0
    repeats: int = 0
    worded_repeats: int = 0
    fragments: int = 0
    examples: list[str] = field(default_factory=list)

    def row(self, name: str) -> str:
        return (
            f"{name:<11} {self.reports:>4} {self.failed:>4} {self.empty:>5} {self.sentences:>6} "
            f"{self.from_copies:>7} {self.citation_fails:>5}/{self.citations:<5} "
            f"{self.strict_fails:>6} {self.check_fails:>5} {self.word_fails:>5} "
            f"{self.quote_fails:>6} {self.artifacts:>9} {self.damaged:>7} {self.repeats:>7} "
            f"{self.worded_repeats:>5} {self.fragments:>9}"
        )


HEADER = (
    "set         runs fail empty briefs  copies  cite fails  strict check words quotes "
    "artifacts damaged repeats words fragments\n"
    "                              sent.           (of all)"
)


def measure(report: dict, tally: Tally) -> None:
    """Add one report's brief to ``tally``."""
    articles = {a["id"]: a for a in report["articles"]}
    claims = {c["id"]: c for c in report["claims"]}
    derived = {a["id"]: a["derived_from"] for a in articles.values() if a["derived_from"]}
    cluster = Cluster({aid: a["text"] for aid, a in articles.items()}, derived)
    findings = [Finding.model_validate(f) for f in report["findings"]]
    damage = Damage.read(findings, {aid: a["text"] for aid, a in articles.items()})
    sentences = report["brief"]["sentences"]
    tally.reports += 1
    tally.empty += not sentences
    tally.sentences += len(sentences)
    for sentence in sentences:
        text = PREFIX.sub("", sentence["text"])
        cited = [claims[c] for c in sentence["claims"] if c in claims]
        origin = _origin(text, cited)
        if origin is not None and articles[origin["article"]]["derived_from"]:
            tally.from_copies += 1
        for article_id in sentence["sources"]:
            tally.citations += 1
            supported = _source_supports(sentence, text, article_id, cited)
            strict = supported and _opening_name_found(text, article_id, cited)
            tally.citation_fails += not supported
            if not sentence.get("disputed") and unquoted(text, articles[article_id]["text"]):
                tally.quote_fails += 1
                tally.examples.append(f"quote not in [{article_id}]: {text[:100]}")
            tally.strict_fails += not strict
            if not strict:
                tally.examples.append(f"cite [{article_id}] fails: {text[:110]}")
            if not _stage_check(sentence, text, article_id, cited):
                tally.check_fails += 1
                tally.examples.append(f"check [{article_id}] fails: {text[:110]}")
            tally.word_fails += not _stage_check(sentence, text, article_id, cited, states)
        if not sentence.get("disputed") and origin is not None:
            wording = cluster.assess(text, origin["article"])
            if wording.artifact:
                tally.artifacts += 1
                marks = "; ".join(f"{m.text!r} ({m.reason})" for m in wording.marks)
                tally.examples.append(f"artifact: {marks} | {text[:90]}")
        if not sentence.get("disputed") and damage.carried_by(text):
            tally.damaged += 1
            tally.examples.append(f"damaged name: {text[:110]}")
        if _fragment(text):
            tally.fragments += 1
            tally.examples.append(f"fragment: {text[:110]}")
    for a, b, worded in _repeats(sentences, claims):
        tally.repeats += 1
        tally.worded_repeats += worded
        tally.examples.append(f"repeat{' (words)' if worded else ''}: {a[:70]} || {b[:70]}")


def _origin(text: str, cited: list[dict]) -> dict | None:
    """The cited claim whose wording the sentence uses."""
    for claim in cited:
        if text in (claim["text"], claim["evidence"]["quote"]):
            return claim
    scored = [(len(set(content_terms(text)) & set(content_terms(c["text"]))), c) for c in cited]
    best = max(scored, key=lambda x: x[0], default=(0, None))
    return best[1] if best[0] else None


def _source_supports(sentence: dict, text: str, article_id: str, cited: list[dict]) -> bool:
    evidence = [c["evidence"]["quote"] for c in cited if c["article"] == article_id]
    if sentence.get("disputed"):  # each source states its own version
        text = core(QUOTED_VALUE.sub("", text)).split(":")[0]
    return bool(evidence) and supported_by(text, evidence)


def _stage_check(
    sentence: dict, text: str, article_id: str, cited: list[dict], checker=carried
) -> bool:
    evidence = [c["evidence"]["quote"] for c in cited if c["article"] == article_id]
    if sentence.get("disputed"):
        return bool(evidence)  # each side is its own sources' version
    return bool(evidence) and checker(core(text), evidence).ok


def _opening_name_found(text: str, article_id: str, cited: list[dict]) -> bool:
    """``supported_by`` passes over a sentence's first word; the strict check also wants a
    capitalised opening word that is no function word ("Okafor made ...") in the source."""
    first = re.match(r"[“\"]?([A-Z][\w’'-]+)", text)
    if not first or first.group(1).lower() in FUNCTION_WORDS | {"sources", "one"}:
        return True
    evidence = " ".join(c["evidence"]["quote"] for c in cited if c["article"] == article_id)
    return first.group(1).lower() in {w.lower() for w in re.findall(r"[\w’'-]+", evidence)}


def _fragment(text: str) -> bool:
    heading = not re.search(r"[.!?…][”\"’)]?$", text.strip())
    return heading or bool(LEANS_BACK.search(text))


def _repeats(sentences: list[dict], claims: dict[str, dict]) -> list[tuple[str, str, bool]]:
    """Pairs of sentences stating one fact: they share most of the shorter one's content
    words, or two words that few of the story's claims use and a quarter of them, or a claim
    and a third of them (one long source sentence backs different facts: a claim shared by
    two sentences that share few words is no repeat). Disputes are left out: they cite the
    claims of the facts they qualify by design."""
    frequency = Counter(t for c in claims.values() for t in set(content_terms(c["text"])))
    rare = max(2, RARE_SHARE * len(claims))
    sentences = [s for s in sentences if not s.get("disputed")]
    terms = [set(content_terms(PREFIX.sub("", s["text"]))) for s in sentences]
    found = []
    for i, a in enumerate(sentences):
        for j in range(i + 1, len(sentences)):
            shared, smaller = terms[i] & terms[j], min(len(terms[i]), len(terms[j]))
            overlap = len(shared) / max(1, smaller)
            distinctive = [t for t in shared if frequency[t] <= rare]
            worded = (overlap >= REPEAT_SHARE and smaller >= 4) or (
                len(distinctive) >= 2 and overlap >= 0.25
            )
            shares_source = bool(set(a["claims"]) & set(sentences[j]["claims"]))
            if worded or (shares_source and overlap >= SOURCE_SHARE):
                found.append((a["text"], sentences[j]["text"], worded))
    return found


def lead_facts(report: dict) -> dict[str, tuple[bool, int]]:
    """For each seed lead fact: whether a brief sentence states it, and how many of that
    sentence's cited sources state it in their cited claims."""
    claims = {c["id"]: c for c in report["claims"]}
    found = {}
    for fact, patterns in LEAD_FACTS.items():
        best = (False, 0)
        for sentence in report["brief"]["sentences"]:
            if not _says(sentence["text"], patterns):
                continue
            cited = [claims[c] for c in sentence["claims"] if c in claims]
            saying = {c["article"] for c in cited if _says(c["evidence"]["quote"], patterns)}
            best = max(best, (True, len(saying & set(sentence["sources"]))))
        found[fact] = best
    return found


def _says(text: str, patterns: tuple[str, ...]) -> bool:
    return all(re.search(p, text, re.I) for p in patterns)


ENV: dict[str, str] | None = None  # the environment factcheck runs in (``--src``)


def run_seeds(seeds: Path) -> dict:
    command = [sys.executable, "-m", "factcheck", "brief", str(seeds), "-f", "json"]
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=ENV)
    return json.loads(done.stdout)


def run_clusters(split: str, limit: int | None) -> tuple[list[dict], int]:
    clusters = fnc1_clusters("story", split)[:limit]
    with tempfile.TemporaryDirectory() as folder:
        source, output = Path(folder) / "in.jsonl", Path(folder) / "out.jsonl"
        source.write_text("".join(json.dumps(c) + "\n" for c in clusters), encoding="utf-8")
        command = [sys.executable, "-m", "factcheck", "batch", str(source), "-o", str(output)]
        subprocess.run(command, capture_output=True, text=True, check=False, env=ENV)
        lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    reports = [line["report"] for line in lines if line["status"] == "ok"]
    return reports, len(lines) - len(reports)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default=str(ROOT / "seeds"))
    parser.add_argument("--limit", type=int, default=None, help="clusters per split")
    parser.add_argument("--show", type=int, default=0, help="examples printed per set")
    parser.add_argument("--src", help="run factcheck from this src folder (another checkout)")
    parser.add_argument("--save", help="write each split's reports here (SPLIT.jsonl)")
    args = parser.parse_args(argv)
    if args.src:
        global ENV
        ENV = {**os.environ, "PYTHONPATH": str(Path(args.src).resolve())}
    seeds = run_seeds(Path(args.seeds))
    tallies = {"seeds": Tally()}
    measure(seeds, tallies["seeds"])
    for split in ("dev", "test"):
        reports, failed = run_clusters(split, args.limit)
        if args.save:
            Path(args.save).mkdir(parents=True, exist_ok=True)
            lines = "".join(json.dumps(r) + "\n" for r in reports)
            (Path(args.save) / f"{split}.jsonl").write_text(lines, encoding="utf-8")
        tallies[f"fnc1 {split}"] = tally = Tally(failed=failed)
        for report in reports:
            measure(report, tally)
    print(HEADER)
    for name, tally in tallies.items():
        print(tally.row(name))
    print("\nseed lead facts (stated, cited sources that state it):")
    for fact, (stated, sources) in lead_facts(seeds).items():
        print(f"  {fact:<26} {'yes' if stated else 'NO ':<4} {sources} sources")
    for name, tally in tallies.items():
        for example in tally.examples[: args.show]:
            print(f"  [{name}] {example}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""No prompt template and no answer-schema description carries text from the seed articles.

Examples shown to a model come from other stories: an example taken from ``seeds/`` shows the
model the answer on the seeds and says nothing about other stories. The check looks for three
kinds of seed text in every template of ``prompts/`` and in every description and docstring of
the answer models the model is sent as a schema:

- any sequence of four words of a seed article (case, punctuation and quote styles aside);
- a distinctive name: a person, place or organisation the project's name finder reads in the
  seeds, or a word the seeds capitalise mid-sentence and never write in lower case (all-capital
  headline words and calendar words left out);
- a figure with its unit ("24 years"), or a figure with a thousands separator on its own;
- a thing the seeds count (the unit of a seed figure, time units aside: "containers").

The tests below prove the check is not vacuous: the seed material is large, every template and
answer model is read, and a seed phrase, name or figure injected into a prompt is caught.
"""

from __future__ import annotations

import inspect
import json
import random
import re
from functools import cache

from pydantic import BaseModel

from factcheck import names
from factcheck.engines.llm import responses
from factcheck.engines.llm.prompts import TASKS, prompts_dir
from factcheck.quantities import parse_quantities, singular
from tests.conftest import SEEDS

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_FIGURE = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(mn|bn|million|billion|thousand)?\s+"
    r"([a-z]{3,})",
    re.IGNORECASE,
)
_CALENDAR = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
}  # fmt: skip


def words(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in _WORD.findall(text)]


def grams(text: str, n: int = 4) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


@cache
def seed_texts() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


@cache
def seed_grams() -> frozenset[tuple[str, ...]]:
    return frozenset(g for text in seed_texts() for g in grams(text))


_MID_SENTENCE = r"(?<=[a-z,;] )"  # a capital after a lower-case word: not a sentence start


@cache
def seed_names() -> frozenset[str]:
    """People, places and organisations the name finder reads in the seeds."""
    found = {e.name for text in seed_texts() for e in names.find_entities(text)}
    return frozenset(n for n in found if not n.isupper() and n not in _CALENDAR)


@cache
def seed_capitalised() -> frozenset[str]:
    """Words the seeds capitalise mid-sentence and never write in lower case."""
    lower = {w.casefold() for text in seed_texts() for w in _WORD.findall(text) if w.islower()}
    found = {
        match.group(1)
        for text in seed_texts()
        for match in re.finditer(_MID_SENTENCE + r"([A-Z][a-z][\w-]{2,})", text)
        if match.group(1).casefold() not in lower
    }
    return frozenset(found - _CALENDAR)


def _figure_key(number: str, scale: str | None, unit: str) -> str:
    """'11,000 containers' → '11000 container'; '5mn shells' → '5 mn shell'."""
    parts = [number.replace(",", ""), (scale or "").casefold(), singular(unit.casefold())]
    return " ".join(p for p in parts if p)


@cache
def seed_figures() -> frozenset[str]:
    found = set()
    for text in seed_texts():
        for number, scale, unit in _FIGURE.findall(text):
            if unit.casefold() not in ("and", "the", "for", "with", "from", "per"):
                found.add(_figure_key(number, scale, unit))
        found |= set(re.findall(r"\d{1,3}(?:,\d{3})+", text))
    return frozenset(found)


_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}


@cache
def seed_counted() -> frozenset[str]:
    """What the seeds count ('containers', 'shells'), as the quantity reader reads units."""
    units = {q.unit for text in seed_texts() for q in parse_quantities(text)}
    return frozenset(u for u in units if u not in _TIME_UNITS)


def seed_text_in(text: str) -> list[str]:
    """What of the seeds ``text`` carries: shared four-word sequences, names and figures."""
    hits = [" ".join(g) for g in sorted(grams(text) & seed_grams())]
    hits += sorted(n for n in seed_names() if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text))
    hits += sorted(
        w for w in seed_capitalised() if re.search(rf"{_MID_SENTENCE}{re.escape(w)}(?!\w)", text)
    )
    figures = {_figure_key(*m) for m in _FIGURE.findall(text)}
    figures |= set(re.findall(r"\d{1,3}(?:,\d{3})+", text))
    hits += sorted(figures & seed_figures())
    hits += sorted({singular(w) for w in words(text)} & seed_counted())
    return hits


def prompt_texts() -> dict[str, str]:
    return {f"{task}.j2": (prompts_dir() / f"{task}.j2").read_text("utf-8") for task in TASKS}


def answer_models() -> list[type[BaseModel]]:
    return [
        obj
        for obj in vars(responses).values()
        if inspect.isclass(obj)
        and issubclass(obj, BaseModel)
        and obj.__module__ == responses.__name__
    ]


def schema_texts() -> dict[str, str]:
    """Every description and title in each answer model's JSON schema (what the model sees)."""
    texts = {}
    for model in answer_models():
        schema = json.dumps(model.model_json_schema(), ensure_ascii=False)
        found = re.findall(r'"description": "((?:[^"\\]|\\.)*)"', schema)
        texts[model.__name__] = "\n".join(json.loads(f'"{d}"') for d in found)
    return texts


def test_no_prompt_template_carries_seed_text():
    offending = {name: seed_text_in(text) for name, text in prompt_texts().items()}
    assert not {k: v for k, v in offending.items() if v}


def test_no_answer_schema_description_carries_seed_text():
    offending = {name: seed_text_in(text) for name, text in schema_texts().items()}
    assert not {k: v for k, v in offending.items() if v}


def test_the_check_reads_enough_to_mean_something():
    assert len(seed_texts()) == 5 and len(seed_grams()) > 3000
    assert {"Kim Jong Un", "Pyongyang", "Stoltenberg"} <= seed_names()
    assert {"Aurus", "Stimson"} <= seed_capitalised()
    assert {"11000 container", "24 year", "5 mn artillery", "11,000"} <= seed_figures()
    assert {"container", "shell"} <= seed_counted() and "year" not in seed_counted()
    assert set(prompt_texts()) == {f"{t}.j2" for t in TASKS} and len(TASKS) == 5
    assert all(len(text) > 400 for text in prompt_texts().values())
    schemas = schema_texts()
    assert {"ClaimList", "GroupVerdict", "SweepAnswer", "BriefDraft", "BriefCheck"} <= set(schemas)
    assert sum(text.count("\n") + 1 for text in schemas.values()) >= 30


def test_the_check_catches_an_injected_seed_phrase_name_and_figure():
    rng = random.Random(17)
    prompt = prompt_texts()["judge.j2"]
    assert not seed_text_in(prompt)
    seeds = seed_texts()
    for _ in range(25):  # any four running words of any seed, wherever they land
        tokens = _WORD.findall(rng.choice(seeds))
        start = rng.randrange(len(tokens) - 4)
        phrase = " ".join(tokens[start : start + 4])
        at = rng.randrange(len(prompt))
        assert seed_text_in(prompt[:at] + f" {phrase} " + prompt[at:]), phrase
    for injected in ("ask Stoltenberg", "in Pyongyang", "an Aurus car", "some 11,000 containers",
                     "for 24 years", "5mn artillery pieces", 'e.g. "11,000"',
                     "(containers and shells)"):  # fmt: skip
        assert seed_text_in(prompt + f"\nFor example {injected}.\n"), injected
    for own in ("for 25 years", "about 40,000 spectators", "ask Okafor"):
        assert not seed_text_in(f"For example {own}."), own

"""Prompt templates: load the Jinja2 files of ``prompts/``, render them into chat messages.

Every template has a ``system`` and a ``user`` block. Article text enters a prompt only through
the ``data`` and ``tojson_data`` filters, which escape the tags that delimit data, so an article
cannot close its own delimiter and talk to the model as the prompt does.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from ...errors import PromptError

TASKS = ("extract", "judge", "sweep", "brief", "check")
DATA_TAGS = ("article", "claims", "findings", "facts", "sentences")
_TAG_NAMES = "|".join(DATA_TAGS)
_TAG = re.compile(rf"<(?=/?\s*(?:{_TAG_NAMES})\b)", re.IGNORECASE)
_ESCAPED = re.compile(rf"&lt;(?=/?\s*(?:{_TAG_NAMES})\b)", re.IGNORECASE)
_VERSION = re.compile(r"version:\s*([\w.-]+)")


@dataclass(frozen=True)
class Rendered:
    """Messages for one call, and the hash of the template they came from."""

    task: str
    messages: list[dict[str, str]]
    template_hash: str


def escape_data(text: str) -> str:
    """Article text made safe to place between data tags."""
    return _TAG.sub("&lt;", text)


def unescape_data(text: str) -> str:
    """Undo ``escape_data`` on a quote the model copied from an escaped article."""
    return _ESCAPED.sub("<", text)


def prompts_dir() -> Path:
    """Where the templates are: inside the installed package, else the source checkout."""
    packaged = resources.files("factcheck") / "prompts"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[4] / "prompts"
    if checkout.is_dir():
        return checkout
    raise PromptError("prompt templates not found: reinstall factcheck")


class Prompts:
    """The templates of one prompts folder, one per task."""

    def __init__(self, directory: Path | None = None):
        import jinja2

        self.directory = Path(directory) if directory else prompts_dir()
        self._sources: dict[str, str] = {}
        for task in TASKS:
            path = self.directory / f"{task}.j2"
            try:
                self._sources[task] = path.read_text(encoding="utf-8")
            except OSError as exc:
                raise PromptError(f"{path}: cannot read prompt template ({exc.strerror})") from None
        self._env = jinja2.Environment(
            loader=jinja2.DictLoader(self._sources),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=False,
        )
        self._env.filters["data"] = lambda value: escape_data(str(value))
        self._env.filters["tojson_data"] = lambda value: escape_data(
            json.dumps(value, ensure_ascii=False, indent=1)
        )

    def hash(self, task: str) -> str:
        return hashlib.sha256(self._sources[task].encode()).hexdigest()

    @property
    def version(self) -> str:
        """Versions of the templates and a short hash of all of them."""
        versions = []
        for task in TASKS:
            match = _VERSION.search(self._sources[task].split("\n", 1)[0])
            versions.append(f"{task}@{match.group(1) if match else '?'}")
        digest = hashlib.sha256("".join(self.hash(t) for t in TASKS).encode()).hexdigest()[:8]
        return " ".join(versions) + f" #{digest}"

    def render(self, task: str, **values: object) -> Rendered:
        import jinja2

        try:
            template = self._env.get_template(task)
            context = template.new_context(dict(values))
            parts = {
                name: "".join(template.blocks[name](context)).strip() for name in ("system", "user")
            }
        except KeyError as exc:
            raise PromptError(f"{task}.j2: missing block {exc}") from None
        except jinja2.TemplateError as exc:
            raise PromptError(f"{task}.j2: {exc}") from None
        messages = [
            {"role": "system", "content": parts["system"]},
            {"role": "user", "content": parts["user"]},
        ]
        return Rendered(task, messages, self.hash(task))


@cache
def default_prompts() -> Prompts:
    return Prompts()

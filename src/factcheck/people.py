"""People across a cluster: one identity per person, whatever the spelling.

Full names (two words or more) that are the same name spelled differently ("Jean-Luc Moreau",
"Jean Luc Moreau"; "Mohammed Salah", "Mohamed Salah") share one identity and are reported as
variants; a single word that starts or ends exactly one full name ("Moreau") is an alias of it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .comparable import fold_lookalikes
from .models import Claim
from .spellings import is_alias, name_key, name_tokens, variant_kind


@dataclass
class Person:
    """One person and every spelling the cluster uses for them."""

    key: str
    spellings: dict[str, str] = field(default_factory=dict)  # spelling -> variant_kind
    claims: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    @property
    def name(self) -> str:
        return next(iter(self.spellings))


class PersonIndex:
    """Resolves any spelling or alias in the cluster to one ``Person``."""

    def __init__(self, claims: list[Claim]):
        self.people: list[Person] = []
        self._by_spelling: dict[str, Person] = {}
        self._by_token: dict[str, list[Person]] = defaultdict(list)
        mentions = [(c, e.name) for c in claims for e in c.entities if e.type == "person"]
        for claim, name in mentions:
            if len(name_tokens(name)) >= 2:
                self._add_full(name).claims[name].append(claim.id)
        for claim, name in mentions:
            if len(name_tokens(name)) < 2:
                person = self.resolve(name)
                if person is not None:
                    person.claims[name].append(claim.id)

    def _add_full(self, name: str) -> Person:
        if name in self._by_spelling:
            return self._by_spelling[name]
        for person in self._candidates(name):
            kind = variant_kind(person.name, name)
            if kind is not None:
                person.spellings[name] = kind
                self._by_spelling[name] = person
                return person
        person = Person(key=name_key(name), spellings={name: "same"})
        self.people.append(person)
        self._by_spelling[name] = person
        for token in set(name_tokens(fold_lookalikes(name))):
            self._by_token[token].append(person)
        return person

    def _candidates(self, name: str) -> list[Person]:
        seen: dict[int, Person] = {}
        for token in name_tokens(fold_lookalikes(name)):  # a look-alike spelling meets its name
            for person in self._by_token.get(token, []):
                seen[id(person)] = person
        return list(seen.values())

    def resolve(self, name: str) -> Person | None:
        """The person a spelling or a one-word alias refers to, if exactly one fits."""
        if name in self._by_spelling:
            return self._by_spelling[name]
        tokens = name_tokens(name)
        if len(tokens) >= 2:
            return None
        matches = [p for p in self._by_token.get(tokens[0], []) if is_alias(name, p.name)]
        return matches[0] if len(matches) == 1 else None

    def key(self, name: str) -> str | None:
        person = self.resolve(name)
        return person.key if person else None

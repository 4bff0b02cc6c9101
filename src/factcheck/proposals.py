"""What an engine proposes when it looks over a whole cluster: findings the sweep stage checks.

The cluster sweep (``sweep``) asks the engine, after group judging, for conflicts, altered
quotes and attribution changes that the aligned groups did not show. The engine answers with
``Proposal`` records citing claim ids as it read them; nothing in a proposal is trusted until
the sweep stage has checked its ids, quotes, sources and look-alike rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .models import ConflictType

ProposalKind = Literal["contradiction", "altered_quote"]


@dataclass
class Proposal:
    """One finding an engine proposes: the claims it cites (ids as given, unchecked), the
    passages it says differ (verbatim, as given) and how sure it is."""

    kind: ProposalKind
    claims: list[str]
    type: ConflictType | None = None
    quotes: list[str] = field(default_factory=list)
    confidence: float = 0.0
    reason: str = ""

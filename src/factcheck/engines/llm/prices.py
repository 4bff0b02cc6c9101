"""Known list prices, USD per million tokens (input, output); ``--price`` overrides.

Prices change; these are list prices for a few common hosted models and are only used to
estimate a run's cost. Models not listed (local servers, fine-tunes) have no cost shown.
"""

from __future__ import annotations

PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
}


def price_of(model: str | None, override: tuple[float, float] | None = None):
    if override is not None:
        return override
    if model is None:
        return None
    return PRICES.get(model) or PRICES.get(model.split("/")[-1])


def cost(price: tuple[float, float] | None, input_tokens: int, output_tokens: int):
    if price is None:
        return None
    return round((input_tokens * price[0] + output_tokens * price[1]) / 1_000_000, 6)

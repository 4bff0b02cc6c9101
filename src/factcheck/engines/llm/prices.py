"""Model prices, USD per million tokens (input, output), to estimate a run's cost.

``--price`` overrides; otherwise genai-prices (a maintained price list that ships its data and
works offline; its optional auto-update, which would fetch, is never started) gives the price
for the endpoint's provider, recognised by its address (the OpenAI API when none is given). An
endpoint genai-prices does not know (a proxy, a local server) is priced as the OpenAI API only
for a model name OpenAI lists, so a local model never gets a hosted price. Otherwise no cost is
shown. Prices tiered by prompt length are taken at their first tier.
"""

from __future__ import annotations

from functools import cache

OPENAI_API = "https://api.openai.com/v1"
_PER = 1_000  # tokens priced at once (below every tier threshold), scaled to a million


def price_of(
    model: str | None, override: tuple[float, float] | None = None, base_url: str | None = None
) -> tuple[float, float] | None:
    if override is not None:
        return override
    if model is None:
        return None
    return _listed(model, base_url or OPENAI_API)


@cache
def _listed(model: str, base_url: str) -> tuple[float, float] | None:
    from genai_prices import Usage, calc_price

    usage = Usage(input_tokens=_PER, output_tokens=_PER)
    for where in ({"provider_api_url": base_url}, {"provider_id": "openai"}):
        try:
            found = calc_price(usage, model, **where)
        except LookupError:
            continue
        scale = 1_000_000 // _PER
        return float(found.input_price * scale), float(found.output_price * scale)
    return None


def cost(price: tuple[float, float] | None, input_tokens: int, output_tokens: int):
    if price is None:
        return None
    return round((input_tokens * price[0] + output_tokens * price[1]) / 1_000_000, 6)

"""Model prices come from genai-prices, offline, for the endpoint's provider; --price wins."""

from __future__ import annotations

import pytest

from factcheck.engines.llm.prices import cost, price_of


def test_a_listed_model_on_the_default_endpoint_or_a_proxy_has_its_price():
    assert price_of("gpt-4o-mini") == pytest.approx((0.15, 0.60))
    assert price_of("gpt-4o-mini", base_url="http://127.0.0.1:8787/v1") == pytest.approx(
        (0.15, 0.60)
    )


def test_a_provider_is_recognised_by_its_address():
    price = price_of("claude-3-5-sonnet-latest", base_url="https://api.anthropic.com/v1")
    assert price == pytest.approx((3.0, 15.0))


def test_a_local_model_gets_no_hosted_price_and_an_override_always_wins():
    assert price_of("llama3.1", base_url="http://localhost:11434/v1") is None
    assert price_of(None) is None
    assert price_of("llama3.1", (0.1, 0.2), "http://localhost:11434/v1") == (0.1, 0.2)
    assert cost((0.15, 0.60), 1_000_000, 500_000) == pytest.approx(0.45)

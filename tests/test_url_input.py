"""`factcheck check URL URL …`, mixed with files: pages fetched from a loopback server, their
articles extracted and checked; a failing address is one line and the rest goes on (exit 3)."""

from __future__ import annotations

import json

from tests.web_server import story


def report_of(result) -> dict:
    return json.loads(result.stdout)


def test_two_pages_are_fetched_extracted_and_compared(cli, web):
    coast = web.page("/coast/ferry", story("coast.html"))
    island = web.page("/island/berth", story("island.html"))
    result = cli("check", coast, island, "--format", "json")
    assert result.exit_code == 0, result.output
    report = report_of(result)
    assert [a["source"] for a in report["articles"]] == [coast, island]
    assert [a["url"] for a in report["articles"]] == [coast, island]
    assert [a["outlet"] for a in report["articles"]] == ["Coast Daily", "Island Post"]
    assert not any("cookies" in a["text"] or "newsletter" in a["text"] for a in report["articles"])
    kinds = {f["kind"] for f in report["findings"]}
    assert kinds & {"contradiction", "update"}  # 14 million pounds, then 16 million


def test_a_failing_address_among_good_ones_is_one_line_and_exit_3(cli, web, tmp_path):
    coast = web.page("/coast/ferry", story("coast.html"))
    missing = web.url("/gone")
    wire = tmp_path / "wire.txt"
    wire.write_text("The second ferry berth at Port Halloran cost 14 million pounds, the harbour "
                    "authority said on Monday.\n", encoding="utf-8")  # fmt: skip
    result = cli("check", coast, missing, str(wire), "--format", "json")
    assert result.exit_code == 3, result.output
    assert result.stderr.splitlines() == [f"factcheck: not checked: {missing}: HTTP 404 Not Found"]
    report = report_of(result)
    assert [a["source"] for a in report["articles"]] == [coast, str(wire)]  # argument order
    assert report["run"]["problems"] == [
        {"where": missing, "error": f"{missing}: HTTP 404 Not Found"}
    ]


def test_a_page_with_no_article_is_a_problem(cli, web):
    coast = web.page("/coast/ferry", story("coast.html"))
    front = web.page("/coast/news", story("front.html"))
    result = cli("brief", coast, front)
    assert result.exit_code == 3
    assert f"factcheck: not checked: {front}: no article text found on this page" in (result.stderr)


def test_nothing_readable_is_exit_2(cli, web):
    result = cli("check", web.url("/gone"), "http://127.0.0.1:9/closed")
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "nothing to check" in lines[0] and "HTTP 404" in lines[0]


def test_a_feed_stands_for_its_articles_and_labels_name_outlet_and_title(cli, web):
    coast = web.page("/coast/ferry", story("coast.html"))
    island = web.page("/island/berth", story("island.html"))
    items = "".join(f"<item><title>t</title><link>{u}</link></item>" for u in (coast, island))
    feed = web.page(
        "/story.rss",
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Ferry</title>{items}'
        "</channel></rss>",
        "application/rss+xml",
    )
    result = cli("check", feed)
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "Coast Daily: Second ferry berth opens at Port Halloran" in text
    assert "Island Post: New berth doubles loading at the port" in text

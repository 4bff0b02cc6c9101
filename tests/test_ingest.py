import hashlib
import json

import pytest

from factcheck.errors import InputError
from factcheck.ingest import article_id, ingest


def write(path, data: bytes):
    path.write_bytes(data)
    return str(path)


def test_id_is_sha256_prefix_of_text(tmp_path):
    path = write(tmp_path / "a.txt", "Café opened on Monday.\r\nIt rained.".encode())
    article = ingest([path]).articles[0]
    assert article.id == hashlib.sha256(article.text.encode()).hexdigest()[:12]
    assert article.text == "Café opened on Monday.\r\nIt rained."  # newline kept as is


def test_bom_removed_and_latin1_detected(tmp_path):
    bom = write(tmp_path / "bom.txt", b"\xef\xbb\xbfHello there. Second one.")
    latin = write(tmp_path / "latin.txt", "Le café était fermé à Paris, dit-il.".encode("latin-1"))
    articles = ingest([bom, latin]).articles
    assert articles[0].text.startswith("Hello")
    assert "café était fermé" in articles[1].text


def test_binary_file_is_a_clear_error(tmp_path):
    path = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="image.txt: not a text file"):
        ingest([path])


def test_empty_and_missing(tmp_path):
    with pytest.raises(InputError, match="empty"):
        ingest([write(tmp_path / "e.txt", b"  \n ")])
    with pytest.raises(InputError, match="no such file"):
        ingest([str(tmp_path / "nope.txt")])


def test_one_bad_file_among_good_ones_is_a_problem_not_a_failure(tmp_path):
    good = write(tmp_path / "good.txt", b"The council met on Monday.")
    empty = write(tmp_path / "empty.txt", b"")
    result = ingest([good, empty])
    assert len(result.articles) == 1
    assert result.problems[0].where.endswith("empty.txt")


def test_html_files_go_through_the_article_extractor_and_read_metadata(tmp_path):
    html = b"""<html><head><title>T</title><meta property="og:site_name" content="Daily">
    <meta property="article:published_time" content="2024-06-19T10:00:00Z">
    <script>alert('x')</script></head><body><nav><a href="/">Home</a> <a href="/n">News</a></nav>
    <article><h1>Big news</h1><p>The mayor said <b>7 people</b> were hurt when the roof of the
    market hall gave way on Tuesday morning.</p><p>Rain &amp; wind followed in the afternoon,
    and the hall will stay closed until engineers have checked it.</p></article>
    <footer>Daily, all rights reserved</footer></body></html>"""
    article = ingest([write(tmp_path / "a.html", html)]).articles[0]
    lines = article.text.splitlines()
    assert lines[0] == "Big news" and lines[1].startswith("The mayor said 7 people were hurt")
    assert lines[2].startswith("Rain & wind followed") and len(lines) == 3  # no menu, no footer
    assert (article.title, article.outlet) == ("Big news", "Daily")
    assert article.published == "2024-06-19T10:00:00+00:00"


def test_a_saved_page_without_an_article_is_a_problem(tmp_path):
    front = b"<html><body><ul><li><a href='/a'>Bridge repairs delayed</a></li></ul></body></html>"
    good = write(tmp_path / "b.txt", b"The council approved 40 new buses on Monday.")
    result = ingest([write(tmp_path / "a.html", front), good])
    assert [p.error for p in result.problems] == [
        f"{tmp_path / 'a.html'}: no article text found on this page"
    ]


def test_json_and_jsonl_records(tmp_path):
    records = [{"text": "First story text.", "title": "One"}, {"text": "Second story text."}]
    jl = write(tmp_path / "a.jsonl", "\n".join(json.dumps(r) for r in records).encode())
    js = write(tmp_path / "b.json", json.dumps({"text": "Third.", "outlet": "X"}).encode())
    articles = ingest([jl, js]).articles
    assert [a.title for a in articles] == ["One", None, None]
    assert articles[2].outlet == "X"


def test_bad_jsonl_line_is_reported_with_its_number(tmp_path):
    path = write(tmp_path / "a.jsonl", b'{"text": "Good one."}\n{broken\n{"text": "Also good."}\n')
    result = ingest([path])
    assert len(result.articles) == 2
    assert result.problems[0].where.endswith("a.jsonl:2")


def test_furniture_is_marked_not_removed(tmp_path):
    text = "Real sentence here.\nimage credit : example.com\nLeave a Reply\np>\n"
    article = ingest([write(tmp_path / "a.txt", text.encode())]).articles[0]
    assert article.text == text
    assert [f.quote for f in article.furniture] == [
        "image credit : example.com",
        "Leave a Reply",
        "p>",
    ]
    assert all(article.text[f.start : f.end] == f.quote for f in article.furniture)


def test_duplicates_counted_once_and_reported(tmp_path):
    a = write(tmp_path / "a.txt", b"Same text.")
    b = write(tmp_path / "b.txt", b"Same text.")
    result = ingest([a, b])
    assert result.articles[1].duplicate_of == article_id("Same text.")
    assert len(result.unique) == 1


def test_directory_glob_and_stdin(tmp_path):
    (tmp_path / "d").mkdir()
    write(tmp_path / "d" / "x.txt", b"One.")
    write(tmp_path / "d" / "y.md", b"Two.")
    write(tmp_path / "d" / "skip.png", b"\x89PNG")
    assert len(ingest([str(tmp_path / "d")]).articles) == 2
    assert len(ingest([str(tmp_path / "d" / "*.md")]).articles) == 1
    import io

    assert ingest(["-"], stdin=io.BytesIO(b"From stdin.")).articles[0].source == "-"


def test_size_limit(tmp_path):
    path = write(tmp_path / "big.txt", b"word " * 1000)
    with pytest.raises(InputError, match="--max-bytes"):
        ingest([path], max_bytes=100)

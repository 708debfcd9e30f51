"""Ingest on real files in tmp_path: every input kind and every way a document can be bad."""
from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.ingest import read_inputs
from sitrep.model import Article, DocumentError

ENGLISH = ("Islamic State fighters attacked the village of Bghailiye on Saturday and killed "
           "at least 50 soldiers, the Syrian Observatory for Human Rights said. State media "
           "reported that 300 people were killed in the attack.")
FRENCH = ("Les combattants de l'Etat islamique ont attaqué le village samedi et ont tué au "
          "moins cinquante soldats, selon les autorités locales qui ont été citées par la presse.")
DEFAULT = date(2016, 1, 18)


def read(*paths: Path | str, **options) -> list[Article | DocumentError]:
    return list(read_inputs([str(p) for p in paths], published=options.pop("published", DEFAULT),
                            **options))


def one_error(items: list) -> DocumentError:
    assert len(items) == 1 and isinstance(items[0], DocumentError), items
    assert items[0].stage == "ingest"
    return items[0]


# --- plain text ---------------------------------------------------------------------------

def test_txt_id_is_path_and_date_is_callers(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    [article] = read(path)
    assert article == Article(id=str(path), text=ENGLISH, published=DEFAULT)
    [undated] = read(path, published=None)
    assert undated.published is None


def test_cp1252_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    text = "\u201cThe Daesh terrorists carried out a massacre\u201d \u2013 " + ENGLISH
    path.write_bytes(text.encode("cp1252"))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    [article] = read(path)
    assert article.text == text


def test_latin1_fallback_and_utf8_bom(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes(ENGLISH.encode("latin-1") + b" caf\xe9 \x81")  # 0x81 is undefined in cp1252
    [article] = read(latin)
    assert article.text.endswith("café \x81")
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"))
    assert read(bom)[0].text == ENGLISH


def test_utf8_with_a_stray_byte_stays_utf8(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("\u201cMassacre\u201d in Al-Baghaliyeh \u2013 ".encode() + b"\x96 " + ENGLISH.encode())
    text = read(path)[0].text
    assert text.startswith("\u201cMassacre\u201d in Al-Baghaliyeh \u2013 \ufffd ")


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
                                  bytes(range(1, 32)) * 200])
def test_binary_file_is_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(data)
    error = one_error(read(path))
    assert error.document == str(path)
    assert "binary" in error.reason


@pytest.mark.parametrize("content, reason", [(b"", "empty"), (b"  \n\t\n", "empty"),
                                             (b"12 345 -- 6,789\n2016-01-18\n", "no letters")])
def test_empty_and_letterless_files(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert reason in one_error(read(path)).reason


@pytest.mark.parametrize("text", [FRENCH, "Силы безопасности убили десять человек в городе, сообщили "
                                          "местные власти в субботу вечером после нападения."])
def test_non_english_is_reported(tmp_path: Path, text: str) -> None:
    path = tmp_path / "foreign.txt"
    path.write_text(text, encoding="utf-8")
    assert one_error(read(path)).reason.startswith("not English")
    [article] = read(path, check_language=False)
    assert article.text == text


def test_short_terse_english_notes_pass_the_language_check(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Looting: On 9 May 2020, opposition rebels under OPS looted civilians' wheat "
                    "and barley crops in Tall Sakhr in rural Ras al Ain in al-Hasakeh.")
    assert isinstance(read(path)[0], Article)


def test_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = (ENGLISH + "\n").encode()
    with path.open("wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    assert path.stat().st_size > 50 * 1024 * 1024
    error = one_error(read(path))
    assert "50.0 MB" in error.reason and "10.0 MB limit" in error.reason


def test_missing_file(tmp_path: Path) -> None:
    error = one_error(read(tmp_path / "nope.txt"))
    assert error.reason == "no such file or directory"


# --- HTML ---------------------------------------------------------------------------------

PAGE = """<html><head><title>Attack in Deir ez-Zor</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2016-01-17T10:00:00Z">
<link rel="canonical" href="https://news.example.com/deir">
</head><body><nav>Home | World | Sport</nav><article><h1>Attack in Deir ez-Zor</h1>
<p>{text}</p><p>{text}</p></article><footer>Copyright Example News</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(text=ENGLISH), encoding="utf-8")
    [article] = read(path)
    assert ENGLISH in article.text and "Copyright" not in article.text
    assert article.id == str(path)
    assert article.title == "Attack in Deir ez-Zor"
    assert article.source == "Example News"
    assert article.url == "https://news.example.com/deir"
    assert article.published == date(2016, 1, 17)  # the page's date beats the caller's


def test_html_without_date_takes_the_callers(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(f"<html><body><article><p>{ENGLISH}</p><p>{ENGLISH}</p></article></body></html>")
    assert read(path)[0].published == DEFAULT


def test_html_without_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>x</title></head><body><div></div></body></html>")
    assert "no main text" in one_error(read(path)).reason


# --- JSON Lines -----------------------------------------------------------------------------

def test_jsonl_bad_lines_are_named_and_good_lines_still_come_out(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": ENGLISH, "published": "2016-01-17", "title": "T",
                    "url": "https://x.org/a", "source": "SANA", "events": [{"ignored": 1}]}),
        '{"id": "b", "text": "unterminated',
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": ENGLISH, "published": "last Tuesday"}),
        json.dumps({"id": 7, "text": ENGLISH + " More.", "published": None}),
        json.dumps({"text": ENGLISH + " Again."}),
        json.dumps({"id": "fr", "text": FRENCH}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)
    articles = [i for i in items if isinstance(i, Article)]
    errors = {i.document: i.reason for i in items if isinstance(i, DocumentError)}
    assert articles[0] == Article(id="a", text=ENGLISH, published=date(2016, 1, 17), title="T",
                                  url="https://x.org/a", source="SANA")
    assert articles[1].id == "7" and articles[1].published == DEFAULT  # null -> caller's date
    assert articles[2].id == Article.content_id(ENGLISH + " Again.")  # no id -> content id
    assert len(articles) == 3
    assert errors[f"{path}:2"].startswith("invalid JSON")
    assert errors[f"{path}:4"] == "expected a JSON object, got list"
    assert "text: Field required" in errors[f"{path}:5"]
    assert "published" in errors[f"{path}:6"] and "last Tuesday" in errors[f"{path}:6"]
    assert errors[f"{path}:9 (fr)"].startswith("not English")
    assert len(errors) == 5


def test_jsonl_streams_past_the_limit_and_refuses_only_an_oversized_line(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    good = [json.dumps({"id": str(n), "text": ENGLISH + f" ({n})"}) for n in range(5)]
    huge = json.dumps({"id": "huge", "text": ENGLISH * 20})
    path.write_text("\n".join([good[0], good[1], huge, *good[2:]]) + "\n")
    assert path.stat().st_size > 1500
    items = read(path, max_bytes=1000)
    assert [i.id for i in items if isinstance(i, Article)] == ["0", "1", "2", "3", "4"]
    error = [i for i in items if isinstance(i, DocumentError)]
    assert len(error) == 1 and error[0].document == f"{path}:3" and "limit" in error[0].reason


def test_gold_files_feed_directly(shared_dir: Path) -> None:
    items = read(shared_dir / "gold" / "seed.jsonl", published=None)
    [article] = items
    assert article.id == "seed:deir-ez-zor-2016"
    assert article.published == date(2016, 1, 18)


# --- feeds ----------------------------------------------------------------------------------

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example</link>
<item><title>Attack in Deir ez-Zor</title><link>https://wire.example/1</link>
<guid>wire-1</guid><pubDate>Sun, 17 Jan 2016 09:00:00 GMT</pubDate>
<description>&lt;p&gt;{ENGLISH}&lt;/p&gt;</description></item>
<item><title>Second report on the attack</title><link>https://wire.example/2</link>
<description>{ENGLISH} It was the second report.</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>Clashes</title><id>urn:atom:1</id><link href="https://atom.example/1"/>
<updated>2016-01-16T12:00:00Z</updated>
<content type="html">&lt;div&gt;&lt;b&gt;Fighting&lt;/b&gt; {ENGLISH}&lt;/div&gt;</content></entry>
</feed>"""


def test_rss_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS)
    first, second = read(path)
    assert first.id == "wire-1" and first.url == "https://wire.example/1"
    assert first.text == f"Attack in Deir ez-Zor\n\n{ENGLISH}"  # title + summary, tags stripped
    assert first.published == date(2016, 1, 17) and first.source == "Example Wire"
    assert second.id == "https://wire.example/2" and second.published == DEFAULT


def test_atom_content_and_date(tmp_path: Path) -> None:
    path = tmp_path / "news.atom"
    path.write_text(ATOM)
    [entry] = read(path)
    assert entry.id == "urn:atom:1" and entry.published == date(2016, 1, 16)
    assert entry.text == f"Clashes\n\nFighting {ENGLISH}"


def test_invalid_feed(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("this is <not a feed")
    assert "feed" in one_error(read(path)).reason


# --- directories and stdin --------------------------------------------------------------------

def test_directory_is_recursive_sorted_and_skips_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "two.txt").write_text(ENGLISH + " Two.")
    (tmp_path / "a.txt").write_text(ENGLISH + " One.")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "three", "text": ENGLISH}) + "\n")
    (tmp_path / "notes.md").write_text("# not an article")
    (tmp_path / "gold.json").write_text("{}")
    (tmp_path / ".hidden" / "x.txt").write_text(ENGLISH)
    ids = [item.id for item in read(tmp_path)]
    assert ids == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.txt"), "three"]


def test_explicit_file_of_unknown_kind_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "batch.data"
    path.write_text(json.dumps({"id": "x", "text": ENGLISH}) + "\n")
    assert read(path)[0].id == "x"


@pytest.mark.parametrize("data, expected", [
    (ENGLISH.encode(), Article.content_id(ENGLISH)),
    ((json.dumps({"id": "s1", "text": ENGLISH}) + "\n").encode(), "s1"),
])
def test_stdin(data: bytes, expected: str) -> None:
    [article] = read("-", stdin=io.BytesIO(data))
    assert article.id == expected and article.text == ENGLISH


def test_stdin_errors_name_stdin() -> None:
    error = one_error(read("-", stdin=io.BytesIO(b"")))
    assert error.document == "<stdin>" and "empty" in error.reason


def test_empty_directory_is_reported(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("nothing to read")
    assert "no readable files" in one_error(read(tmp_path)).reason


def test_paths_may_be_path_objects(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(ENGLISH)
    assert list(read_inputs([path]))[0].id == str(path)
    assert list(read_inputs([tmp_path / "missing.txt"]))[0].document == str(tmp_path / "missing.txt")

"""Readers: each format on small files of our own, then on the shared samples when present."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest

from archive.importing.encoding import decode
from archive.importing.readers import READERS, read_input, reader_for
from archive.importing.records import RawDocument, ReadError, ReadProblem, parse_date

DATA = Path(__file__).resolve().parent / "data" / "import"


def read(name: str, data: bytes | None = None) -> list:
    return list(read_input(name, DATA.joinpath(name).read_bytes() if data is None else data))


def documents(results: list) -> list[RawDocument]:
    return [item for item in results if isinstance(item, RawDocument)]


def problems(results: list) -> list[ReadProblem]:
    return [item for item in results if isinstance(item, ReadProblem)]


def only_document(results: list) -> RawDocument:
    assert problems(results) == [], problems(results)
    [document] = documents(results)
    return document


def only_problem(results: list) -> str:
    assert documents(results) == []
    [problem] = problems(results)
    assert "\n" not in problem.reason
    return problem.reason


# Decoding ---------------------------------------------------------------------------------------


def test_decode_prefers_utf8_and_falls_back_to_windows_1252():
    assert decode("café".encode()) == ("café", "utf-8")
    assert decode(b"caf\xe9 \x93quoted\x94") == ("café “quoted”", "windows-1252")
    assert decode("\ufeffhi".encode()) == ("hi", "utf-8 (with BOM)")
    assert decode("hi é".encode("utf-16")) == ("hi é", "utf-16-le (with BOM)")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n ", "empty file"),
        (b"PK\x03\x04\x00\x00binary", "binary"),
        (bytes(range(32)) * 4, "binary"),
    ],
)
def test_decode_refuses_empty_and_binary(data, reason):
    with pytest.raises(ReadError, match=reason):
        decode(data)


def test_parse_date_accepts_iso_forms_and_rejects_impossible_dates():
    assert parse_date("1987-02-26T15:01:01.790") == dt.date(1987, 2, 26)
    assert parse_date("20020225T143000-0500") == dt.date(2002, 2, 25)
    assert parse_date("2024-11-21T11:13:20+01:00") == dt.date(2024, 11, 21)
    assert parse_date("Fri, 07 Jan 2022 10:00:00 GMT") == dt.date(2022, 1, 7)
    assert parse_date("2022-02-30") is None
    assert parse_date("") is None
    assert parse_date("soon") is None


# Recognising formats ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("seed.txt", "seed-text"),
        ("plain.txt", "text"),
        ("stories.jsonl", "jsonl"),
        ("stories.json", "json"),
        ("stories.csv", "csv"),
        ("story.nitf", "nitf"),
        ("newsml.xml", "newsml"),
        ("page_no_charset.html", "html"),
    ],
)
def test_reader_for_recognises_our_files(name, expected):
    reader = reader_for(name, DATA.joinpath(name).read_bytes()[:8192])
    assert reader is not None and reader.name == expected


def test_reader_for_prefers_content_to_extension():
    assert reader_for("misnamed.txt", b'<?xml version="1.0"?>\n<nitf><body/></nitf>').name == "nitf"
    assert reader_for("page.txt", b"<!DOCTYPE html><html><body>x</body></html>").name == "html"
    assert reader_for("dump.json", b'{"body": "a"}\n{"body": "b"}\n').name == "jsonl"
    assert reader_for("story.bin", b"no idea what this is") is None
    assert len({reader.name for reader in READERS}) == len(READERS)


def test_unknown_format_is_one_problem():
    assert "unknown format" in only_problem(list(read_input("notes.docx", b"some bytes")))


# Text -------------------------------------------------------------------------------------------


def test_seed_format_gives_headline_as_title_and_the_rest_as_text():
    document = only_document(read("seed.txt"))
    assert document.format == "seed-text"
    assert document.title == "BRITISH, FRENCH MINISTERS DISCUSS PUBLIC SPENDING"
    assert document.date == dt.date(1987, 3, 26)
    assert document.text.startswith("LONDON, March 26 - French Finance Minister")
    assert document.text.count("\n\n") == 1
    assert "MINISTERS DISCUSS" not in document.text
    assert document.location == "seed.txt"


def test_seed_format_keeps_impossible_and_missing_dates_as_none():
    impossible = only_document(read("seed_impossible_date.txt"))
    assert impossible.date is None and impossible.date_text == "2022-02-30"
    assert impossible.title == ""  # no upper-case headline line: the dateline paragraph stays text
    missing = only_document(read("seed_no_date.txt"))
    assert missing.date is None and missing.date_text == ""


def test_seed_file_of_the_project():
    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_1385e5d573d3216b.txt"
    document = only_document(list(read_input(seed.name, seed.read_bytes())))
    assert document.date == dt.date(2022, 1, 7)
    assert document.text.startswith("TOKYO / WASHINGTON, Jan. 7 (Reuters)")
    assert "\n\n\n" not in document.text


def test_corpus_text_files_read_with_their_headlines(corpus_dir):
    for path in sorted((corpus_dir / "diplomatic").glob("*.txt"))[:40]:
        document = only_document(list(read_input(path.name, path.read_bytes())))
        assert document.title and document.date and document.text, path.name


def test_a_stray_blank_line_inside_a_sentence_does_not_cut_the_paragraph():
    from archive.importing.readers.base import paragraphs

    body = (
        "<Starrex Mining Corp Ltd> said a sharp\n\nrise in its share price is based on\nspeculation.\n"
        "    Its shares rose."
    )
    assert paragraphs(body) == [
        "<Starrex Mining Corp Ltd> said a sharp rise in its share price is based on speculation.",
        "Its shares rose.",
    ]
    assert paragraphs("The talks ended.\n\nthe next round opens in June.") == [
        "The talks ended.",
        "the next round opens in June.",
    ]


def test_plain_text_takes_the_first_line_as_title_and_joins_wrapped_lines():
    document = only_document(read("plain.txt"))
    assert document.title == "Ministers agree to resume talks"
    assert document.text == (
        "BRUSSELS, May 3 - Foreign ministers agreed on Tuesday to resume talks on the trade pact, "
        "officials said.\n\nThe next round opens in June."
    )


def test_windows_1252_text_is_decoded_and_reported():
    document = only_document(read("cp1252.txt"))
    assert document.encoding == "windows-1252"
    assert document.title == "Minister’s visit"
    assert "“we will return” to the café talks" in document.text


@pytest.mark.parametrize("name", ["utf16.txt", "utf16be.txt"])
def test_utf16_with_bom(name):
    document = only_document(read(name))
    assert document.encoding.startswith("utf-16")
    assert "GEN" in document.text and "\x00" not in document.text


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty.txt: empty file"),
        ("blank.jsonl", b"\n\n  \n", "blank.jsonl: empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "image.txt: binary file"),
        ("title-only.txt", b"Just a title\n", "title-only.txt: only one line"),
    ],
)
def test_unusable_text_files_are_one_clear_problem(name, data, reason):
    assert only_problem(list(read_input(name, data))).startswith(reason)


# JSON Lines, JSON, CSV --------------------------------------------------------------------------


def test_json_lines_reads_good_lines_and_reports_bad_ones_by_line_number():
    results = read("stories.jsonl")
    assert [item.location for item in results] == [f"stories.jsonl:{n}" for n in (1, 2, 4, 5, 6, 7)]
    reasons = [problem.reason for problem in problems(results)]
    assert reasons[0].startswith("stories.jsonl:2: not valid JSON")
    assert reasons[1] == "stories.jsonl:4: no body (story text) in the record"
    assert reasons[2].startswith("stories.jsonl:5: expected an object")

    reuters, exported, impossible = documents(results)
    assert reuters.title == "ENVOYS MEET IN VIENNA" and reuters.source_id == "7"
    assert reuters.date == dt.date(1987, 2, 26) and reuters.date_text == "1987-02-26T15:01:01.790"
    assert reuters.dateline == "VIENNA, Feb 26" and reuters.byline == "By Jane Doe, Reuters"
    # the wire's wrapped lines and indented paragraphs become one line per paragraph
    assert reuters.text == (
        "Envoys of the two countries met in Vienna today, officials said.\n\nThe talks will resume on Monday."
    )
    assert reuters.given is None  # Reuters tags ("people": ["shultz"]) are not export data
    assert reuters.extra["people"] == ["shultz"] and reuters.extra["topics"] == []

    assert exported.given is not None
    assert set(exported.given) == {
        "credits",
        "countries",
        "people",
        "organisations",
        "statements",
        "tags",
        "file",
    }
    assert exported.given["statements"][0]["speaker"] == {"person": "Fumio Kishida"}
    assert exported.given["file"] == "2024/x1.txt"
    assert exported.text == "First paragraph.\n\nSecond paragraph."

    assert impossible.date is None and impossible.date_text == "2022-02-30"


def test_json_lines_streams_from_a_file_object_and_reports_windows_1252_lines():
    lines = [json.dumps({"title": f"T{n}", "body": f"Body {n}"}).encode() for n in range(1000)]
    lines[500] = b'{"title": "caf\xe9", "body": "Body"}'
    stream = io.BufferedReader(io.BytesIO(b"\n".join(lines)))
    results = list(read_input("big.jsonl", stream))
    assert len(documents(results)) == 1000
    assert results[500].title == "café" and results[500].encoding == "windows-1252"
    assert results[501].encoding == "utf-8"


def test_json_lines_in_utf16():
    data = '{"title": "Genève", "body": "Texte."}\n{"title": "Two", "body": "B"}\n'.encode("utf-16")
    results = list(read_input("dump.jsonl", data))
    assert [document.title for document in documents(results)] == ["Genève", "Two"]


def test_reuters_dump_streams_with_flat_memory(corpus_dir):
    import tracemalloc

    tracemalloc.start()
    count = 0
    with open(corpus_dir / "all.jsonl", "rb") as stream:
        for result in read_input("all.jsonl", stream):
            assert isinstance(result, RawDocument), result
            count += 1
            if count == 300:
                break
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 300
    assert peak < 5_000_000  # a few records, never the 21 MB file


def test_json_file_with_a_list_and_with_one_object():
    results = read("stories.json")
    first = documents(results)[0]
    assert first.location == "stories.json#1" and first.byline == ["A. Writer", "B. Writer"]
    assert first.url == "https://example.org/1"
    assert problems(results)[0].reason == "stories.json#2: no body (story text) in the record"
    single = only_document(list(read_input("one.json", b'{"title": "T", "date": "2024-01-01", "body": "B"}')))
    assert single.location == "one.json" and single.date == dt.date(2024, 1, 1)
    wrapped = list(read_input("feed.json", b'{"articles": [{"title": "A", "body": "x"}, {"title": "B", "body": "y"}]}'))
    assert [document.title for document in documents(wrapped)] == ["A", "B"]


def test_json_file_errors_name_the_line():
    reason = only_problem(list(read_input("bad.json", b'[\n{"title": "a",\n "body": }\n]')))
    assert reason.startswith("bad.json: not valid JSON") and "line 3" in reason
    assert "found a string" in only_problem(list(read_input("str.json", b'"just a string"')))


def test_csv_reads_rows_with_line_numbers_and_reports_bad_rows():
    results = read("stories.csv")
    first, second = documents(results)
    assert first.location == "stories.csv:2" and second.location == "stories.csv:5"
    assert first.text == "BERLIN, March 1 - Ministers met.\n\nThey agreed to meet again."
    assert first.source == "dpa" and first.source_id == "c1" and first.date == dt.date(2024, 3, 1)
    assert [problem.reason for problem in problems(results)] == [
        "stories.csv:6: 2 fields, but the header has 5",
        "stories.csv:7: no body (story text) in the record",
    ]


def test_csv_without_needed_columns_is_one_problem_naming_them():
    reason = only_problem(read("bad_columns.csv"))
    assert reason.startswith("bad_columns.csv: CSV header lacks the column(s) body and title or date")


def test_csv_with_export_columns_and_semicolons():
    data = 'title;body;tags;countries\nT;Text;security; [{"code": "JP", "mentions": 1, "in_dateline": false}]\n'
    document = only_document(list(read_input("export.csv", data.encode())))
    assert document.given["countries"][0]["code"] == "JP"
    assert document.given["tags"] == ["security"]


# HTML -------------------------------------------------------------------------------------------


def test_html_page_without_charset_decodes_and_gives_metadata():
    document = only_document(read("page_no_charset.html"))
    assert document.format == "html" and document.encoding == "windows-1252"
    assert document.title == "Talks collapse in Vienna"
    assert document.date == dt.date(2019, 11, 20)
    assert document.byline == ["Maria Schmidt"]
    assert document.text.startswith("VIENNA - Talks between")  # headline not repeated in the text
    assert "“We came with an open hand,”" in document.text and "café" in document.text
    assert "Home | World" not in document.text
    assert document.text.count("\n\n") == 2


def test_html_without_an_article_is_a_problem():
    reason = only_problem(list(read_input("empty.html", b"<html><head></head><body></body></html>")))
    assert reason.startswith("empty.html: no article text")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def overlap(expected: str, found: str) -> float:
    expected_words, found_words = words(expected), set(words(found))
    return sum(word in found_words for word in expected_words) / max(1, len(expected_words))


AEB_NEWS = ["04a6711caa7c", "4a44ab3e4c41", "5fa3154ec031", "702d1da63b8e", "82b6d780c792", "c90731f051d0"]
READABILITY_NEWS = ["bbc-1", "nytimes-1", "wapo-1", "herald-sun-1", "la-nacion", "schema-org-context-object"]


@pytest.mark.parametrize("page", AEB_NEWS)
def test_sample_news_pages_give_the_expected_article_text(samples_dir, page):
    html = samples_dir / "html" / f"aeb-{page}.html"
    expected = json.loads(html.with_suffix(".expected.json").read_text())
    document = only_document(list(read_input(html.name, html.read_bytes())))
    assert overlap(expected["articleBody"], document.text) >= 0.8
    assert document.title and document.date is not None


@pytest.mark.parametrize("page", READABILITY_NEWS)
def test_sample_news_pages_give_expected_titles(samples_dir, page):
    html = samples_dir / "html" / f"readability-{page}.html"
    metadata = json.loads((samples_dir / "html" / f"readability-{page}.expected.metadata.json").read_text())
    expected_text = re.sub(r"<[^>]+>", " ", (samples_dir / "html" / f"readability-{page}.expected.html").read_text())
    document = only_document(list(read_input(html.name, html.read_bytes())))
    assert document.title == metadata["title"]
    assert overlap(expected_text, document.text) >= 0.8
    if metadata.get("lang"):
        assert document.language.lower().startswith(metadata["lang"].lower()[:2])


# XML: NITF and NewsML-G2 ------------------------------------------------------------------------


def test_nitf_without_namespace():
    document = only_document(read("story.nitf"))
    assert document.format == "nitf"
    assert document.title == "Envoys meet in Geneva"
    assert document.byline == ["Jane Doe"]
    assert document.dateline == "GENEVA, March 15"
    assert document.date == dt.date(2024, 3, 15)
    assert (document.source, document.source_id) == ("AP", "ap-0001")
    assert document.text == (
        'Envoys from both sides met in Geneva on Friday.\n\n"We made progress," one envoy said.\nTalks resume Monday.'
    )


def test_newsml_message_with_a_text_item_and_a_picture():
    text, picture = read("newsml.xml")
    assert isinstance(text, RawDocument) and text.location == "newsml.xml#1"
    assert text.title == "Ministers sign accord" and text.date == dt.date(2024, 4, 1)
    assert text.dateline == "Nairobi" and text.byline == "By John Roe" and text.source == "Example Wire"
    assert text.source_id == "urn:newsml:example.org:1" and text.language == "en"
    assert text.text == "NAIROBI - Ministers signed the accord on Monday.\n\nReaction\n\nOfficials welcomed it."
    assert isinstance(picture, ReadProblem)
    assert picture.reason.startswith("newsml.xml#2: no text content (picture/package")


def test_malformed_xml_names_the_parser_line():
    assert only_problem(read("malformed.xml")).startswith("malformed.xml: not well-formed XML at line 4")


def test_billion_laughs_is_refused_quickly():
    reason = only_problem(read("billion_laughs.xml"))
    assert reason == "billion_laughs.xml: refused: the XML declares entities (possible entity-expansion attack)"


def test_xml_of_another_kind_is_a_problem():
    assert "unknown kind (root element <rss>" in only_problem(list(read_input("feed.xml", b"<rss><channel/></rss>")))


NEWSML_TEXT = {
    "dpa-eil.xml": ("Grünen-Spitze tritt nach Wahlniederlagen ab", "de"),
    "dpa-embargoed.xml": ("Steinmeier: Russland zerstört kulturelles Erbe der Ukraine", "de"),
    "dpa-no_notepad.xml": (
        "Shares in India's Adani Group plunge 20% after US bribery, fraud indictments",
        "en",
    ),
    "dpa-rubix_multimedia_real.xml": ("Israel greift erneut südliche Vororte Beiruts an", "de"),
    "dpa-tvo_pol.xml": ("dpa-Tagesvorschau Politik Deutschland für Dienstag, 24. September 2024", "de"),
    "iptc-LISTING_2_NewsML-G2_Text_Document.xml": ('Fed to halt QE to avert "bubble"', "en-US"),
    "iptc-Receiver_View.xml": ('Fed to halt QE to avert "bubble"', "en-US"),
}
NEWSML_NO_TEXT = [
    "dpa-image.xml",
    "iptc-LISTING_1_A_NewsML-G2_News_Item.xml",
    "iptc-LISTING_3_Photo_in_NewsML-G2.xml",
    "iptc-LISTING_6_Simple_NewsML-G2_Package.xml",
    "iptc-LISTING_29_Hop_History.xml",
]


@pytest.mark.parametrize("name", sorted(NEWSML_TEXT))
def test_sample_newsml_text_items(samples_dir, name):
    path = samples_dir / "newsml-g2" / name
    document = only_document(list(read_input(name, path.read_bytes())))
    assert (document.title, document.language) == NEWSML_TEXT[name]
    assert document.date is not None and document.source_id.startswith("urn:newsml:")
    assert document.text and document.title not in document.text.split("\n\n")[0]


def test_sample_newsml_inline_nitf_and_xhtml_bodies(samples_dir):
    listing = samples_dir / "newsml-g2" / "iptc-LISTING_2_NewsML-G2_Text_Document.xml"
    document = only_document(list(read_input(listing.name, listing.read_bytes())))
    assert document.text.startswith("(New York, NY - October 21) Et, sent luptat")
    assert document.byline == ["Meredith Jameson"] and document.dateline == "New York, NY"
    adani = samples_dir / "newsml-g2" / "dpa-no_notepad.xml"
    document = only_document(list(read_input(adani.name, adani.read_bytes())))
    assert document.text.startswith("One of Asia’s richest men")
    assert "By ASHOK SHARMA" not in document.text  # the XHTML header is not the story


@pytest.mark.parametrize("name", NEWSML_NO_TEXT)
def test_sample_newsml_without_text_is_a_problem_not_a_crash(samples_dir, name):
    path = samples_dir / "newsml-g2" / name
    assert "no text content (picture/package" in only_problem(list(read_input(name, path.read_bytes())))


@pytest.mark.parametrize(
    "name",
    [
        "guardian-nitf-example-3.3.xml",
        "guardian-nitf-example-3.5.xml",
        "nitfr-simple_article.xml",
        "nitfr-full_featured.xml",
        "nitfr-with_footnotes.xml",
        "nitfr-with_slugline.xml",
    ],
)
def test_sample_nitf(samples_dir, name):
    path = samples_dir / "nitf" / name
    document = only_document(list(read_input(name, path.read_bytes())))
    assert document.format == "nitf" and document.title and document.text


def test_sample_nitf_details(samples_dir):
    path = samples_dir / "nitf" / "guardian-nitf-example-3.5.xml"
    document = only_document(list(read_input(path.name, path.read_bytes())))
    assert document.title == "Weather and Tide Updates for Norfolk"
    assert document.date == dt.date(2002, 2, 25) and document.source_id == "iptc.321656141.b"
    full = samples_dir / "nitf" / "nitfr-full_featured.xml"
    document = only_document(list(read_input(full.name, full.read_bytes())))
    assert document.byline == ["John Author"] and document.dateline == "NEW YORK, Dec 15"
    assert "Test caption" not in document.text and "List item 1" in document.text


# WARC -------------------------------------------------------------------------------------------


def test_sample_warc_gives_a_document_or_a_clear_problem(samples_dir):
    pytest.importorskip("warcio")
    path = samples_dir / "warc" / "warcio-example.warc.gz"
    results = list(read_input(path.name, path.open("rb")))
    assert results
    for result in results:
        assert result.location.startswith("warcio-example.warc.gz")
        if isinstance(result, RawDocument):
            assert result.format == "warc" and result.url == "http://example.com/"
            assert result.title == "Example Domain" and "illustrative examples" in result.text
        else:
            assert "\n" not in result.reason


def test_warc_without_pages_is_a_problem():
    pytest.importorskip("warcio")
    record = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\nabcd\r\n\r\n"
    assert "no HTML pages" in only_problem(list(read_input("empty.warc", record)))

"""Reader fidelity on real files (issue 15, item 7): credits only from bylines and credit lines,
site names out of titles, a language for every story (detected when the file does not say it).
The tests on ../shared/samples skip, saying why, when it is absent (conftest.samples_dir)."""

from __future__ import annotations

import json
import re

import pytest

from archive.importing.credits import credit_names
from archive.importing.language import checked_language, detect_language, story_language
from archive.importing.pipeline import Importer
from archive.importing.readers import read_input
from archive.importing.readers.html import title_without_site
from archive.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def samples(samples_dir):
    """Every sample story file imported; {file name: article}."""
    paths = [str(path) for path in sorted(samples_dir.glob("*/*"))
             if path.suffix in (".html", ".xml", ".gz") and ".expected" not in path.name]  # fmt: skip
    Importer(workers=1).import_paths(paths)
    return {article.original_file: article for article in Article.objects.all()}


ROLE_WORDS = re.compile(r"\b(writer|editor|correspondent|by|von|username)\b", re.IGNORECASE)


def test_sample_credits_are_names_from_bylines(samples):
    for name, article in samples.items():
        for credit in article.credits["reporting"] + article.credits["editing"]:
            assert not ROLE_WORDS.search(credit), (name, credit)
            assert credit == credit.strip(" ,.;") and "." != credit[-1:], (name, credit)
            assert " " in credit or credit.isupper() or credit in ("dpa",), (name, credit)  # no logins
    credits = {name: article.credits["reporting"] for name, article in samples.items()}
    assert credits["readability-wapo-1.html"] == []  # "Username" was a placeholder
    assert credits["aeb-ef4e67b66d63.html"] == ["Chris Cillizza"]  # "Analysis by …, CNN Editor-at-large"
    assert credits["aeb-db6b0816c612.html"] == ["ROBERT BURNS"]  # "…, AP National Security Writer"
    assert credits["aeb-82b6d780c792.html"] == ["LISA MASCARO", "MARY CLARE JALONICK", "ERIC TUCKER"]
    assert credits["readability-nytimes-1.html"] == ["Jeffrey Gettleman"]  # once, not in two cases
    assert credits["dpa-no_notepad.xml"] == ["ASHOK SHARMA"]  # "By ASHOK SHARMA"
    assert credits["dpa-eil.xml"] == []  # the content system's login "kunigkeit.sebastian"
    assert credits["guardian-nitf-example-3.3.xml"] == ["Alan Karben"]


def test_sample_titles_lose_the_site_name_the_page_states(samples):
    titles = {name: article.title for name, article in samples.items()}
    assert titles["aeb-dc7ccccc1f34.html"] == (
        "Sweden Drops Its Investigation Into Rape Allegation Against Julian Assange"  # "| Al Bawaba" gone
    )
    assert titles["readability-guardian-1.html"] == (
        "'What is the sea telling us?': Māori tribes fearful over whale strandings"  # "| Eleanor Ainge Roy" gone
    )
    for name, article in samples.items():
        if article.source:
            assert not article.title.endswith(f"| {article.source.name}"), (name, article.title)


def test_sample_texts_keep_the_expected_paragraphs(samples, samples_dir):
    """The ground truth of the benchmark pages: their paragraphs are in the stored body."""
    for expected_file in sorted(samples_dir.glob("html/aeb-*.expected.json")):
        name = expected_file.name.replace(".expected.json", ".html")
        if name not in samples:
            continue  # a duplicate of another page (the same story twice)
        expected = json.loads(expected_file.read_text(encoding="utf-8"))["articleBody"]
        paragraphs = [" ".join(p.split()) for p in expected.split("\n") if len(p.split()) > 12]
        body = " ".join(samples[name].body.split())
        kept = sum(paragraph[:60] in body for paragraph in paragraphs)
        assert kept >= 0.7 * len(paragraphs), (name, kept, len(paragraphs))


def test_sample_languages_are_the_pages_own(samples):
    languages = {name: article.language for name, article in samples.items()}
    assert languages["readability-la-nacion.html"] == "es"  # says nothing: detected
    assert languages["readability-liberation-1.html"] == "fr"  # its template says lang="en"
    assert languages["readability-folha.html"] == "pt"  # as the page says (pt-BR), by its language subtag
    assert languages["dpa-eil.xml"] == "de"
    assert languages["aeb-c90731f051d0.html"] == "en"  # says nothing: detected


CLAIM_PAGE = """<!doctype html><html><head><title>Fact check: no, the bridge was not bombed | Check News</title>
<meta property="og:site_name" content="Check News">
<meta property="og:title" content="Fact check: no, the bridge was not bombed | Check News">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "ClaimReview",
 "author": {"@type": "Organization", "name": "Check News Desk"},
 "claimReviewed": "The bridge was bombed",
 "itemReviewed": {"@type": "Claim", "author": [{"@type": "Organization", "name": "The Russian"},
                                               {"@type": "Organization", "name": "Syrian defense ministries"}]},
 "reviewRating": {"@type": "Rating", "ratingValue": 1, "alternateName": "False"}}</script>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Fact check: no, the bridge was not bombed", "author": {"@type": "Person", "name": "Amira Haddad"}}
</script></head><body><article><h1>Fact check: no, the bridge was not bombed</h1>
<p class="byline">By Amira Haddad</p>
<p>DAMASCUS - Claims that the bridge over the river was bombed last week spread quickly on social media,
but satellite images taken on Friday show it standing, officials and independent analysts said.</p>
<p>The claim was repeated by two ministries in statements on Thursday, without any picture or other evidence
of the damage they described, and was shared thousands of times before it was removed.</p>
<p>Engineers who crossed the bridge on Saturday said traffic was flowing normally in both directions.</p>
</article></body></html>"""


def test_a_fact_checks_claimant_and_checker_are_not_the_storys_credits():
    [document] = list(read_input("check.html", CLAIM_PAGE.encode()))
    assert "The Russian" not in str(document.byline) and "Syrian" not in str(document.byline)
    assert "Check News Desk" not in str(document.byline)
    assert document.title == "Fact check: no, the bridge was not bombed"
    Importer(workers=1).import_uploads([("check.html", CLAIM_PAGE.encode())])
    article = Article.objects.get()
    assert article.credits["reporting"] == ["Amira Haddad"]


CHINESE_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>外交部：中美会谈将在北京继续</title></head>
<body><article><h1>外交部：中美会谈将在北京继续</h1>
<p>新华社北京1月7日电 外交部发言人今天在例行记者会上表示，
中美双方将于下周在北京继续就贸易问题举行会谈，双方就关税和市场准入交换了意见。</p>
<p>发言人说，双方同意保持沟通，并希望通过对话解决分歧。日本和韩国的官员也表示欢迎这一进展。</p>
<p>分析人士认为，这次会谈对地区经济稳定具有重要意义，各方都在密切关注会谈的结果。</p>
</article></body></html>"""

MULTI_SCRIPT_NITF = """<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><title>Переговоры в Москве</title></head><body><body.head><hedline><hl1>Переговоры в Москве
</hl1></hedline></body.head><body.content>
<p>МОСКВА, 7 января - Министр иностранных дел России встретился сегодня с послом Китая, чтобы обсудить торговое
соглашение между двумя странами, сообщили официальные лица.</p>
<p>Стороны договорились продолжить переговоры на следующей неделе в Пекине, заявил представитель министерства.</p>
<p>北京：会谈继续。</p><p>The talks went on, officials said.</p>
<p>По словам дипломатов, обе стороны надеются подписать соглашение до конца года.</p>
</body.content></body></nitf>"""


def test_a_chinese_page_and_a_multi_script_nitf_are_not_stored_as_english():
    run = Importer(workers=1).import_uploads([("page.html", CHINESE_PAGE.encode()),
                                              ("talks.xml", MULTI_SCRIPT_NITF.encode())])  # fmt: skip
    assert run.failed == 0, list(run.outcomes.values_list("message", flat=True))
    languages = dict(Article.objects.values_list("original_file", "language"))
    assert languages == {"page.html": "zh", "talks.xml": "ru"}


@pytest.mark.parametrize(("text", "language"), [
    ("Переговоры в Москве продолжатся завтра, сообщил министр иностранных дел.", "ru"),
    ("Οι συνομιλίες συνεχίζονται αύριο στην Αθήνα, δήλωσε ο υπουργός Εξωτερικών.", "el"),
    ("قال وزير الخارجية إن المفاوضات ستستأنف الأسبوع المقبل في القاهرة", "ar"),
    ("Die Verhandlungen über das Handelsabkommen werden nächste Woche fortgesetzt.", "de"),
    ("Ministers met in Tokyo on Tuesday to discuss the trade agreement, officials said.", "en"),
    ("Talks", ""),  # too short to tell
])  # fmt: skip
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_a_declared_language_is_kept_unless_a_page_template_contradicts_its_text():
    french = "Les négociations reprendront la semaine prochaine à Genève, a indiqué le porte-parole du ministère. " * 3
    assert checked_language("en", french) == "fr"
    assert checked_language("fr-FR", french) == "fr-FR"
    assert checked_language("en", "Trop court.") == "en"
    assert story_language("de", "Talks", "Ministers met in Tokyo on Tuesday to discuss trade.") == "de"
    assert story_language("", "Talks", "Ministers met in Tokyo on Tuesday to discuss trade, officials said.") == "en"


@pytest.mark.parametrize(("byline", "names"), [
    ("By Alan Karben, .", ["Alan Karben"]),
    (["Username"], []),
    (["Analysis by Chris Cillizza", "CNN Editor-at-large"], ["Chris Cillizza"]),
    ("LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER Associated Press", ["LISA MASCARO", "MARY CLARE JALONICK",
                                                                          "ERIC TUCKER"]),
    (["Jeffrey Gettleman", "JEFFREY GETTLEMAN"], ["Jeffrey Gettleman"]),
    (["kunigkeit.sebastian", "load"], []),
    ("Von dpa", ["dpa"]),
    ("Par Sébastien Farcis", ["Sébastien Farcis"]),
    (["Reuters Staff"], []),
    (["Editorial"], []),  # a section, not a name
])  # fmt: skip
def test_credit_names(byline, names):
    assert credit_names(byline) == names


@pytest.mark.parametrize(("title", "names", "expected"), [
    ("Sweden Drops Its Investigation | Al Bawaba", ["Al Bawaba"], "Sweden Drops Its Investigation"),
    ("BBC News - Talks resume in Geneva", ["BBC News"], "Talks resume in Geneva"),
    ("Talks resume - again - in Geneva | The Guardian", ["Guardian"], "Talks resume - again - in Geneva"),
    ("Al Bawaba", ["Al Bawaba"], "Al Bawaba"),  # nothing else: kept
    ("Trade talks: China - US", ["Reuters"], "Trade talks: China - US"),  # no site name: untouched
])  # fmt: skip
def test_title_without_site(title, names, expected):
    assert title_without_site(title, names) == expected


def test_without_its_model_detection_is_off_and_imports_go_on(monkeypatch, caplog):
    from archive.importing import language

    def unloadable(*args, **kwargs):
        raise OSError(27, "File too large")  # py3langid unpacks its model into a temporary file

    monkeypatch.setattr(language, "_identifier", None)
    monkeypatch.setattr("py3langid.langid.LanguageIdentifier.from_model_file", unloadable)
    assert detect_language("Переговоры в Москве продолжатся завтра, сообщил министр иностранных дел.") == ""
    assert "language detection is off" in caplog.text
    run = Importer(workers=1).import_uploads([("talks.xml", MULTI_SCRIPT_NITF.encode())])
    assert run.failed == 0 and Article.objects.get().language == "en"  # the default, as before detection

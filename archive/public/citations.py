"""Citing what the archive holds: one `Citation` per article (or per statement, which cites as its
article with the speaker and the paragraph), written as RIS, BibTeX and CSL-JSON, as the Highwire
`citation_*` meta tags and the schema.org `NewsArticle` JSON-LD of the article page.

The title for citing is computed here once, by `citing_title`, and every format uses it: wire
headlines are mostly in capitals ("JAPAN SAYS GATT TALKS TO RESUME"), which reference managers
would print as such. It is put in sentence case, each word taking the case the story's own text
gives it where the text shows it mid-sentence ("Japan says GATT talks to resume"), and is never cut
mid-word. It is computed, not stored: it reads the body, and stays right when an editor corrects
the title or the body, with no migration or import step to keep it in step.

Keys are stable: `archive{id}` for an article, `archive{id}-s{statement id}` for a statement.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

SITE_NAME = "Diplomatic news archive"
MAX_TITLE_CHARS = 250
_WORD = re.compile(r"[^\W\d_][\w'’.&/-]*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$|^\s*$")


# --- the title ---------------------------------------------------------------------------------


def _is_shouting(title: str) -> bool:
    letters = [ch for ch in title if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.8


def _case_evidence(body: str) -> dict[str, str]:
    """For each word (lower-cased), the form the text gives it most often where a sentence does not
    start: 'japan' -> 'Japan', 'gatt' -> 'GATT', 'talks' -> 'talks'."""
    forms: dict[str, Counter] = {}
    for match in _WORD.finditer(body):
        before = body[max(0, match.start() - 3) : match.start()]
        if _SENTENCE_END.search(before):
            continue  # the first word of a sentence (or of the text) is capitalised whatever it is
        word = match.group().rstrip(".'’-")
        if word:
            forms.setdefault(word.lower(), Counter())[word] += 1
    evidence = {}
    for lower, counts in forms.items():
        form = counts.most_common(1)[0][0]
        if form.isupper() and len(form) > 1 and counts[form] < 2 and form.lower() in counts:
            form = form.lower()  # one shouted word against ordinary ones
        evidence[lower] = form
    return evidence


_ORDINAL = re.compile(r"^(\d+)(ST|ND|RD|TH)\b")
# Capitalised in English wherever they stand, and often written only in the headline.
_ALWAYS_CAPITALISED = {name.lower(): name for name in (
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec January February March April May June July August "
    "September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
).split() if name != "May"}  # fmt: skip


def _recase(token: str, evidence: dict[str, str], first: bool) -> str:
    if token.startswith("<"):
        return token  # tickers: <SRD>
    if any(ch.isdigit() for ch in token):
        return _ORDINAL.sub(lambda m: m.group(1) + m.group(2).lower(), token)  # figures; 3RD -> 3rd
    match = _WORD.search(token)
    if not match:
        return token
    word = match.group().rstrip(".'’-")
    if not word:
        return token
    lower = word.lower()
    form = evidence.get(lower) or _ALWAYS_CAPITALISED.get(lower)
    if form is None and lower.endswith(("'s", "’s")) and lower[:-2] in evidence:
        form = evidence[lower[:-2]] + word[-2:].lower()  # CHINA'S: as the text writes China
    if form is None:
        if "." in word:  # U.S., U.K.: abbreviations
            form = word
        elif "-" in word or "/" in word:
            separator = "-" if "-" in word else "/"
            form = separator.join(_recase(part, evidence, False) for part in word.split(separator))
        else:
            form = lower
    if first and form[:1].islower():
        form = form[:1].upper() + form[1:]
    return token[: match.start()] + form + token[match.start() + len(word) :]


def cut_at_word(text: str, limit: int = MAX_TITLE_CHARS) -> str:
    """`text` of at most `limit` characters, cut (with an ellipsis) between words, never inside one."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > 0:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–") + "…"


@lru_cache(maxsize=512)  # a statements list cites each article once per statement, one after the other
def citing_title(title: str, body: str = "") -> str:
    """The title to cite: spaces tidied, sentence case when the headline is in capitals (each word as
    the story's text writes it), at most MAX_TITLE_CHARS and never cut mid-word."""
    text = " ".join((title or "").split())
    if _is_shouting(text):
        evidence = _case_evidence(body or "")
        text = " ".join(_recase(token, evidence, index == 0) for index, token in enumerate(text.split(" ")))
    return cut_at_word(text) or "Untitled"


# --- one citation ------------------------------------------------------------------------------


@dataclass
class Person:
    family: str
    given: str = ""

    @classmethod
    def parse(cls, name: str) -> Person:
        """'Tom Smith' -> Smith, Tom; 'Smith, Tom' as it is; one word is a family name."""
        name = " ".join(name.split())
        if "," in name:
            family, _, given = name.partition(",")
            return cls(family.strip(), given.strip())
        given, _, family = name.rpartition(" ")
        return cls(family, given)

    def inverted(self) -> str:
        return f"{self.family}, {self.given}" if self.given else self.family


@dataclass
class Citation:
    key: str
    title: str
    url: str
    publication: str  # the source: the newspaper or agency
    date: object | None  # datetime.date
    language: str = "en"
    authors: list[Person] = field(default_factory=list)
    dateline: str = ""
    note: str = ""  # a statement: who said it, where
    quote: str = ""
    source_ref: str = ""

    @property
    def date_parts(self) -> list[int] | None:
        return [self.date.year, self.date.month, self.date.day] if self.date else None


def credited_authors(credits) -> list[Person]:
    """The reporters a story credits (its byline), as authors."""
    names = (credits or {}).get("reporting") if isinstance(credits, dict) else None
    return [Person.parse(name) for name in names or [] if isinstance(name, str) and name.strip()]


def article_citation(article, url: str) -> Citation:
    return Citation(
        key=f"archive{article.pk}",
        title=citing_title(article.title, article.body),
        url=url,
        publication=article.source.name if article.source else SITE_NAME,
        date=article.published_on,
        language=article.language or "en",
        authors=credited_authors(article.credits),
        dateline=article.dateline,
        source_ref=article.source_ref,
    )


def statement_citation(statement, url: str) -> Citation:
    """A statement cites as its article, with the speaker and the paragraph."""
    citation = article_citation(statement.article, f"{url}#statement-{statement.pk}")
    citation.key = f"{citation.key}-s{statement.pk}"
    kind = "Quoted" if statement.kind == "direct" else "Reported"
    citation.note = f"{kind} statement by {statement.speaker_name}, paragraph {statement.paragraph + 1}"
    citation.quote = statement.text
    return citation


# --- formats -----------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def ris(citation: Citation) -> str:
    """One RIS record (type NEWS), as Zotero, EndNote and Mendeley read it."""
    lines = [("TY", "NEWS"), ("ID", citation.key), ("TI", citation.title)]
    lines += [("AU", author.inverted()) for author in citation.authors]
    if citation.date:
        lines += [("PY", str(citation.date.year)), ("DA", citation.date.strftime("%Y/%m/%d/"))]
    lines += [("T2", citation.publication), ("UR", citation.url), ("LA", citation.language), ("DB", SITE_NAME)]
    if citation.dateline:
        lines.append(("CY", citation.dateline))
    if citation.note:
        lines.append(("N1", f"{citation.note}: “{citation.quote}”"))
    body = "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines if _one_line(value))
    return body + "ER  - \r\n\r\n"


_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
                   "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}  # fmt: skip


def bibtex_escape(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in _one_line(text))


def bibtex(citation: Citation) -> str:
    """One BibTeX entry (@article in a newspaper, as biblatex and BibTeX both read it)."""
    fields = [("title", "{" + bibtex_escape(citation.title) + "}")]  # braces keep the case as it is
    if citation.authors:
        fields.append(("author", " and ".join(bibtex_escape(a.inverted()) for a in citation.authors)))
    fields.append(("journal", bibtex_escape(citation.publication)))
    if citation.date:
        fields += [("year", str(citation.date.year)), ("month", str(citation.date.month)),
                   ("date", citation.date.isoformat())]  # fmt: skip
    fields += [("url", citation.url), ("language", bibtex_escape(citation.language))]
    fields.append(("entrysubtype", "newspaper"))
    if citation.note:
        fields.append(("note", bibtex_escape(f"{citation.note}: “{citation.quote}”")))
    inner = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@article{{{citation.key},\n{inner}\n}}\n\n"


def csl(citation: Citation) -> dict:
    """One CSL-JSON item (type article-newspaper), as Zotero and citeproc read it."""
    item = {
        "id": citation.key,
        "type": "article-newspaper",
        "title": citation.title,
        "container-title": citation.publication,
        "URL": citation.url,
        "language": citation.language,
        "source": SITE_NAME,
    }
    if citation.authors:
        item["author"] = [{"family": a.family, **({"given": a.given} if a.given else {})} for a in citation.authors]
    if citation.date:
        item["issued"] = {"date-parts": [citation.date_parts]}
    if citation.dateline:
        item["publisher-place"] = citation.dateline
    if citation.note:
        item["note"] = f"{citation.note}: “{citation.quote}”"
    return item


def csl_lines(citations: Iterable[Citation]) -> Iterator[str]:
    yield "["
    first = True
    for citation in citations:
        yield ("\n" if first else ",\n") + json.dumps(csl(citation), ensure_ascii=False)
        first = False
    yield "\n]\n"


FORMATS = {
    # name: (content type, file extension, lines from citations)
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris", lambda cs: (ris(c) for c in cs)),
    "bib": ("application/x-bibtex; charset=utf-8", "bib", lambda cs: (bibtex(c) for c in cs)),
    "csl": ("application/vnd.citationstyles.csl+json; charset=utf-8", "csl.json", csl_lines),
}


# --- the article page ----------------------------------------------------------------------------


def highwire_tags(citation: Citation) -> list[tuple[str, str]]:
    """(name, content) of the Highwire Press meta tags Zotero's and Google Scholar's readers look for."""
    tags = [("citation_title", citation.title)]
    tags += [("citation_author", author.inverted()) for author in citation.authors]
    if citation.date:
        tags += [("citation_publication_date", citation.date.strftime("%Y/%m/%d")),
                 ("citation_date", citation.date.strftime("%Y/%m/%d"))]  # fmt: skip
    tags += [
        ("citation_publisher", citation.publication),
        ("citation_public_url", citation.url),
        ("citation_fulltext_html_url", citation.url),
        ("citation_language", citation.language),
    ]
    return tags


def json_ld(citation: Citation, headline: str) -> str:
    """The schema.org NewsArticle, as JSON safe inside a <script type="application/ld+json">: no
    '<', '>' or '&' in it (escaped as \\u003c...), so no text can close the element."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": citation.title,
        "alternativeHeadline": headline,
        "url": citation.url,
        "mainEntityOfPage": citation.url,
        "inLanguage": citation.language,
        "publisher": {"@type": "Organization", "name": citation.publication},
        "isPartOf": {"@type": "WebSite", "name": SITE_NAME},
        "identifier": citation.key,
    }
    if citation.date:
        data["datePublished"] = citation.date.isoformat()
    if citation.authors:
        data["author"] = [{"@type": "Person", "name": f"{a.given} {a.family}".strip()} for a in citation.authors]
    if citation.dateline:
        data["dateline"] = citation.dateline
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

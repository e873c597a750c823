"""Saved web pages of news sites: the article found by trafilatura, with its metadata."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from ..encoding import decode
from ..language import checked_language
from ..records import RawDocument, ReadError, parse_date
from .base import Reader, Result, Source, as_bytes, body_text, collapse, head_text

DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
HTML_LANG = re.compile(r"""<html[^>]*?\slang\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
# Where a page without <html lang> may say its language: <meta http-equiv="content-language">,
# <meta property="og:locale" content="fr_FR">, <meta name="language">, JSON-LD's "inLanguage".
META_LANG = re.compile(
    r"""<meta\b(?=[^>]*\b(?:http-equiv\s*=\s*["']?content-language|property\s*=\s*["']?og:locale["'\s>]"""
    r"""|name\s*=\s*["']?(?:dc\.)?language))[^>]*\bcontent\s*=\s*["']?([\w-]+)"""
    r"""|"inLanguage"\s*:\s*"([\w-]+)["]""",
    re.IGNORECASE,
)
JSON_LD = re.compile(
    r"""(<script[^>]*\btype\s*=\s*["']?application/ld\+json["']?[^>]*>)(.*?)(</script\s*>)""", re.IGNORECASE | re.DOTALL
)
# Structured data about something other than the story: a fact-check's ClaimReview names the
# checker as its author and the claim's author (the claimant: "The Russian", "Syrian defense
# ministries") as the author of the item reviewed. Neither wrote the story.
NOT_THE_STORY = {"ClaimReview", "Claim", "Review", "CriticReview", "UserReview", "Rating", "AggregateRating",
                 "Comment", "Question", "Answer", "Quotation"}  # fmt: skip
SITE_NAME = re.compile(
    r"""<meta[^>]+(?:property|name)\s*=\s*["'](?:og:site_name|application-name|twitter:site)["'][^>]*>""", re.IGNORECASE
)
CONTENT = re.compile(r"""\scontent\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|»)\s+")
HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b", re.IGNORECASE | re.DOTALL
)


def decode_html(data: bytes) -> tuple[str, str]:
    """(text, encoding): as encoding.decode, with the charset the page declares, lenient to a page
    whose text contradicts its byte-order mark."""
    declared = DECLARED_CHARSET.search(data[:4096])
    return decode(data, declared=declared.group(1).decode("ascii", "ignore") if declared else None, lenient_bom=True)


class HtmlReader(Reader):
    name = "html"
    one_story = True
    extensions = ("html", "htm", "xhtml", "shtml")

    def sniff(self, head: bytes, name: str) -> bool:
        return bool(HTML_START.match(head_text(head)))

    def read(self, source: Source, name: str) -> Iterator[Result]:
        html, encoding = decode_html(as_bytes(source))
        yield document_from_html(html, location=name, encoding=encoding, format=self.name)


def document_from_html(html: str, *, location: str, encoding: str, format: str, url: str = "") -> RawDocument:
    from trafilatura import bare_extraction  # slow to import: only when a page comes

    article = bare_extraction(without_claims(html), url=url or None, with_metadata=True, include_comments=False)
    text = getattr(article, "text", None) if article is not None else None
    if not text or not text.strip():
        raise ReadError("no article text found in the page")
    date_text = article.date or ""
    author = article.author or ""
    language = HTML_LANG.search(html[:20000]) or META_LANG.search(html[:20000])
    site_names = stated_site_names(html) + [collapse(article.sitename)]
    authors = [collapse(name) for name in author.split(";") if name.strip()]
    title = title_without_site(collapse(article.title), site_names + authors)
    # trafilatura puts one block (paragraph, list item, heading) per line
    blocks = [collapse(line) for line in text.splitlines() if line.strip()]
    if blocks and title and blocks[0].casefold() == title.casefold():
        blocks.pop(0)  # the headline again: the story text has none
    if not blocks:
        raise ReadError("no article text found in the page (only a headline)")
    return RawDocument(
        text=body_text(blocks),
        title=title,
        date=parse_date(date_text),
        date_text=date_text,
        source=collapse(article.sitename),
        url=article.url or url,
        # What the page says, unless its text is confidently in another language (templates keep
        # lang="en"); a page that says nothing is detected when the story is written (stories.py).
        language=checked_language(
            next(filter(None, language.groups()), "") if language else (article.language or ""), text
        ),
        byline=authors,
        location=location,
        format=format,
        encoding=encoding,
    )


def without_claims(html: str) -> str:
    """The page with its structured data (JSON-LD) about things other than the story taken out
    (NOT_THE_STORY), so that no claimant or fact-checker is taken for the story's author."""

    def clean(value):
        if isinstance(value, dict):
            kinds = value.get("@type")
            kinds = set(kinds) if isinstance(kinds, list) else {kinds}
            if kinds & NOT_THE_STORY:
                return None
            return {key: cleaned for key, item in value.items() if (cleaned := clean(item)) is not None}
        if isinstance(value, list):
            return [cleaned for item in value if (cleaned := clean(item)) is not None]
        return value

    def replace(match: re.Match) -> str:
        if not any(kind in match.group(2) for kind in NOT_THE_STORY):
            return match.group(0)
        try:
            data = json.loads(match.group(2))
        except ValueError:
            return ""  # unreadable and about a claim: not worth the risk
        cleaned = clean(data)
        if not cleaned:
            return ""
        return match.group(1) + json.dumps(cleaned).replace("</", "<\\/") + match.group(3)

    return JSON_LD.sub(replace, html)


def stated_site_names(html: str) -> list[str]:
    """The names a page gives its site (og:site_name, application-name, twitter:site)."""
    names = []
    for tag in SITE_NAME.findall(html[:200_000]):
        content = CONTENT.search(tag)
        if content:
            name = collapse(content.group(1) or content.group(2)).lstrip("@")
            if name:
                names.append(name)
    return names


def title_without_site(title: str, names: list[str]) -> str:
    """The title without the site's name (or the author's) that pages add before or after it:
    "Sweden Drops Its Investigation ... | Al Bawaba" -> "Sweden Drops Its Investigation ...".
    Only a whole part between separators that is one of `names` goes; the story's own words stay."""
    known = {name.casefold().removeprefix("the ") for name in names if name}
    known |= {name.replace(" ", "") for name in known}
    if not known or not title:
        return title
    parts = TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title

    def is_name(part: str) -> bool:
        part = part.strip().casefold().removeprefix("the ")
        return part in known or part.replace(" ", "") in known

    while len(parts) > 1 and is_name(parts[-1]):
        parts.pop()
    while len(parts) > 1 and is_name(parts[0]):
        parts.pop(0)
    if len(parts) == len(TITLE_SEPARATOR.split(title)):
        return title
    # Put the rest back with the separators it had.
    pieces = TITLE_SEPARATOR.split(title)
    start = next(i for i in range(len(pieces)) if pieces[i : i + len(parts)] == parts)
    separators = TITLE_SEPARATOR.findall(title)
    rebuilt = parts[0]
    for offset, part in enumerate(parts[1:], start=start):
        rebuilt += separators[offset] + part
    return rebuilt.strip()

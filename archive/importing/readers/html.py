"""Saved web pages of news sites: the article found by trafilatura, with its metadata."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..encoding import decode
from ..records import RawDocument, ReadError, parse_date
from .base import Reader, Result, Source, as_bytes, body_text, collapse, head_text

DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
HTML_LANG = re.compile(r"""<html[^>]*?\slang\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
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
    extensions = ("html", "htm", "xhtml", "shtml")

    def sniff(self, head: bytes, name: str) -> bool:
        return bool(HTML_START.match(head_text(head)))

    def read(self, source: Source, name: str) -> Iterator[Result]:
        html, encoding = decode_html(as_bytes(source))
        yield document_from_html(html, location=name, encoding=encoding, format=self.name)


def document_from_html(html: str, *, location: str, encoding: str, format: str, url: str = "") -> RawDocument:
    from trafilatura import bare_extraction  # slow to import: only when a page comes

    article = bare_extraction(html, url=url or None, with_metadata=True, include_comments=False)
    text = getattr(article, "text", None) if article is not None else None
    if not text or not text.strip():
        raise ReadError("no article text found in the page")
    date_text = article.date or ""
    author = article.author or ""
    language = HTML_LANG.search(html[:20000])
    title = collapse(article.title)
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
        language=language.group(1) if language else (article.language or ""),
        byline=[collapse(name) for name in author.split(";") if name.strip()],
        location=location,
        format=format,
        encoding=encoding,
    )

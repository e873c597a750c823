"""Agency XML: NITF (any namespace or none) and NewsML-G2 (newsItem, or newsMessage of items).

Parsed with defusedxml: entity declarations are refused outright (no billion-laughs expansion),
and nothing external is ever fetched. Elements are matched by local name, ignoring namespaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException, EntitiesForbidden
from defusedxml.ElementTree import fromstring

from ..encoding import bom_encoding
from ..records import RawDocument, ReadError, ReadProblem, parse_date
from .base import Reader, Result, Source, as_bytes, body_text, collapse, head_text

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NEWSML_ROOTS = {"newsMessage", "newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem"}
# Elements whose text is one paragraph of the story.
BLOCKS = {"p", "li", "block", "hl2", "h2", "h3", "h4", "h5", "h6", "pre"}
# Elements whose text is not the story: the headline again, captions, tables, page furniture.
NOT_STORY = {
    "hl1",
    "h1",
    "header",
    "media",
    "table",
    "figure",
    "figcaption",
    "nav",
    "script",
    "style",
    "head",
}
_PROLOG = re.compile(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>", re.DOTALL | re.IGNORECASE)
_FIRST_TAG = re.compile(r"<(?:[\w.-]+:)?([\w.-]+)")
_BR = "\x00"  # stands for <br/> while whitespace is collapsed (NUL cannot occur in XML text)


def root_name(head: bytes) -> str:
    """Local name of the first element in the file's head ("" when none shows)."""
    match = _FIRST_TAG.search(_PROLOG.sub("", head_text(head)))
    return match.group(1) if match else ""


def parse_xml(data: bytes) -> Element:
    try:
        return fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden:
        raise ReadError("refused: the XML declares entities (possible entity-expansion attack)") from None
    except DefusedXmlException as error:
        raise ReadError(f"refused: unsafe XML ({type(error).__name__})") from None
    except ParseError as error:
        line, column = error.position
        message = str(error).split(":", 1)[0]
        raise ReadError(f"not well-formed XML at line {line}, column {column + 1} ({message})") from None


# Navigation by local name ---------------------------------------------------------------------


def local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def child(element: Element | None, *path: str) -> Element | None:
    """The first element down `path` of local names, or None."""
    for name in path:
        if element is None:
            return None
        element = next((item for item in element if local(item.tag) == name), None)
    return element


def children(element: Element | None, name: str) -> list[Element]:
    return [item for item in element if local(item.tag) == name] if element is not None else []


def descendants(element: Element | None, name: str) -> list[Element]:
    return [item for item in element.iter() if local(item.tag) == name] if element is not None else []


def text_of(element: Element | None, skip: frozenset[str] = frozenset()) -> str:
    """The element's text, whitespace collapsed, <br/> kept as a line break."""
    if element is None:
        return ""
    parts: list[str] = []

    def walk(node: Element) -> None:
        if local(node.tag) == "br":
            parts.append(_BR)
        parts.append(node.text or "")
        for item in node:
            if local(item.tag) not in skip:
                walk(item)
            parts.append(item.tail or "")

    walk(element)
    lines = (collapse(line) for line in "".join(parts).split(_BR))
    return "\n".join(line for line in lines if line)


def story_paragraphs(container: Element | None) -> list[str]:
    """Paragraphs of a body (NITF body.content, XHTML body), in document order."""
    found: list[str] = []

    def walk(node: Element) -> None:
        for item in node:
            name = local(item.tag)
            if name in NOT_STORY:
                continue
            is_innermost_block = name in BLOCKS and not any(
                local(inner.tag) in BLOCKS for inner in item.iter() if inner is not item
            )
            if is_innermost_block:
                found.append(text_of(item))
            else:
                walk(item)

    if container is not None:
        walk(container)
        if not any(found):  # bare text without paragraph elements
            found = [text_of(container)]
    return [paragraph for paragraph in found if paragraph]


def attribute(element: Element | None, name: str) -> str:
    return (element.get(name) or "").strip() if element is not None else ""


# Readers ----------------------------------------------------------------------------------------


class XmlReader(Reader):
    one_story = True

    """Parses, then reads by the root element, so a .xml file of either kind is read right."""

    roots: frozenset[str] = frozenset()

    def sniff(self, head: bytes, name: str) -> bool:
        return root_name(head) in self.roots

    def read(self, source: Source, name: str) -> Iterator[Result]:
        data = as_bytes(source)
        if not data.strip():
            raise ReadError("empty file")
        root = parse_xml(data)
        encoding = declared_encoding(data)
        kind = local(root.tag)
        if kind == "nitf":
            yield nitf_document(root, location=name, encoding=encoding)
        elif kind in NEWSML_ROOTS:
            yield from newsml_documents(root, location=name, encoding=encoding)
        else:
            raise ReadError(f"XML of an unknown kind (root element <{kind}>; expected NITF or NewsML-G2)")


class NitfReader(XmlReader):
    name = "nitf"
    extensions = ("nitf",)
    roots = frozenset({"nitf"})


class NewsMLReader(XmlReader):
    name = "newsml"
    extensions = ("xml", "newsml", "nml")  # plain .xml goes here; both kinds are read anyway
    roots = frozenset(NEWSML_ROOTS)


def declared_encoding(data: bytes) -> str:
    """How the parser decoded the file (for reports): the BOM, else the declaration, else UTF-8."""
    found = bom_encoding(data)
    if found:
        return found[1]
    match = re.match(rb"""\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)""", data[:200].lstrip(b"\xef\xbb\xbf"))
    return match.group(1).decode("ascii").lower() if match else "utf-8"


def nitf_document(nitf: Element, *, location: str, encoding: str) -> RawDocument | ReadProblem:
    fields = nitf_fields(nitf)
    if not fields["paragraphs"]:
        return ReadProblem(location, f"{location}: no text content (NITF body.content is empty)")
    return raw_document(fields, location=location, encoding=encoding, format="nitf")


def nitf_fields(nitf: Element) -> dict:
    head, body = child(nitf, "head"), child(nitf, "body")
    docdata = child(head, "docdata")
    body_head = child(body, "body.head")
    headline = (
        next((item for item in body_head if local(item.tag) in ("hedline", "headline")), None)
        if body_head is not None
        else None
    )
    bylines = children(body_head, "byline")
    doc_id = child(docdata, "doc-id")
    date_text = (
        attribute(child(docdata, "date.issue"), "norm")
        or attribute(child(docdata, "date.release"), "norm")
        or attribute(child(body_head, "dateline", "story.date"), "norm")
    )
    return {
        "title": text_of(child(headline, "hl1")) or text_of(child(head, "title")),
        "date_text": date_text,
        "dateline": collapse(text_of(child(body_head, "dateline"))),
        "byline": nitf_byline(bylines),
        "source": attribute(doc_id, "regsrc") or attribute(child(docdata, "doc.copyright"), "holder"),
        "source_id": attribute(doc_id, "id-string"),
        # NITF says it on its root, or on the body (some feeds), xml:lang or a bare lang
        "language": attribute(nitf, XML_LANG)
        or attribute(nitf, "lang")
        or attribute(body, XML_LANG)
        or attribute(child(body, "body.content"), XML_LANG),
        "paragraphs": story_paragraphs(child(body, "body.content")),
    }


def nitf_byline(bylines: list[Element]) -> list[str] | str:
    """Names when the bylines mark them up as <person>, else the byline text without the job title."""
    people = [text_of(person) for byline in bylines for person in descendants(byline, "person")]
    if people:
        return [name for name in people if name]
    return "; ".join(collapse(text_of(byline, skip=frozenset({"byttl"}))) for byline in bylines).strip(" ,;")


def newsml_documents(root: Element, *, location: str, encoding: str) -> Iterator[Result]:
    if local(root.tag) == "newsMessage":
        item_set = child(root, "itemSet")
        items = [item for item in item_set if local(item.tag) in NEWSML_ROOTS] if item_set is not None else []
        if not items:
            yield ReadProblem(location, f"{location}: the newsMessage holds no items")
    else:
        items = [root]
    for number, item in enumerate(items, start=1):
        item_location = location if len(items) == 1 else f"{location}#{number}"
        yield newsml_item(item, location=item_location, encoding=encoding)


def newsml_item(item: Element, *, location: str, encoding: str) -> RawDocument | ReadProblem:
    kind = local(item.tag)
    item_meta, content_meta = child(item, "itemMeta"), child(item, "contentMeta")
    item_class = attribute(child(item_meta, "itemClass"), "qcode")
    if kind != "newsItem":
        return ReadProblem(location, f"{location}: no text content (picture/package: a {kind})")
    fields, content_type = newsml_body(child(item, "contentSet"))
    if not fields.get("paragraphs"):
        what = f"item class {item_class.split(':')[-1] or 'unknown'}{content_type or ', no text body'}"
        return ReadProblem(location, f"{location}: no text content (picture/package or metadata only: {what})")
    creators = [text_of(child(creator, "name")) for creator in children(content_meta, "creator")]
    located = child(content_meta, "located")
    provider = child(item_meta, "provider")
    info_source = child(content_meta, "infoSource")
    date_text = (
        text_of(child(item_meta, "firstCreated"))
        or text_of(child(content_meta, "contentCreated"))
        or text_of(child(item_meta, "versionCreated"))
        or fields.get("date_text", "")
    )
    merged = {
        "title": newsml_headline(content_meta) or fields.get("title", ""),
        "date_text": date_text,
        "dateline": text_of(child(content_meta, "dateline")).strip(" -–")
        or text_of(child(located, "name"))
        or fields.get("dateline", ""),
        "byline": text_of(child(content_meta, "by")) or [name for name in creators if name] or fields.get("byline", ""),
        "source": text_of(child(info_source, "name"))
        or text_of(child(content_meta, "creditline"))
        or text_of(child(provider, "name"))
        or attribute(provider, "qcode").split(":")[-1]
        or text_of(child(item, "rightsInfo", "copyrightHolder", "name")),
        "source_id": attribute(item, "guid") or fields.get("source_id", ""),
        "language": attribute(item, XML_LANG) or attribute(child(content_meta, "language"), "tag"),
        "paragraphs": fields["paragraphs"],
    }
    return raw_document(merged, location=location, encoding=encoding, format="newsml")


def newsml_headline(content_meta: Element | None) -> str:
    headlines = children(content_meta, "headline")
    main = [h for h in headlines if attribute(h, "role") in ("", "hdl:main")] or headlines
    return text_of(main[0]) if main else ""


def newsml_body(content_set: Element | None) -> tuple[dict, str]:
    """(fields found in the first text rendition, description of what was there instead)."""
    if content_set is None:
        return {}, ""
    kinds = []
    for content in content_set:
        name, content_type = local(content.tag), attribute(content, "contenttype")
        kinds.append(content_type or name)
        if name == "inlineXML":
            nitf = next((item for item in content.iter() if local(item.tag) == "nitf"), None)
            if nitf is not None:
                return nitf_fields(nitf), ""
            html_body = next((item for item in content.iter() if local(item.tag) == "body"), None)
            found = story_paragraphs(html_body if html_body is not None else content)
            if found:
                return {"paragraphs": found}, ""
        elif name == "inlineData" and (content.text or "").strip():
            lines = (content.text or "").replace("\r\n", "\n").split("\n\n")
            return {"paragraphs": [collapse(line) for line in lines if line.strip()]}, ""
    return {}, f", {', '.join(kinds)}" if kinds else ""


def raw_document(fields: dict, *, location: str, encoding: str, format: str) -> RawDocument:
    return RawDocument(
        text=body_text(fields["paragraphs"]),
        title=collapse(fields["title"]),
        date=parse_date(fields["date_text"]),
        date_text=fields["date_text"],
        dateline=fields["dateline"],
        source=fields["source"],
        source_id=fields["source_id"],
        language=fields["language"],
        byline=fields["byline"],
        location=location,
        format=format,
        encoding=encoding,
    )

"""Template helpers: highlighted snippets, result lists, the date facet's bar chart, links."""

from __future__ import annotations

import html
import re

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from archive.public import reader_formats
from archive.public.links import url_around, url_of
from archive.search.speakers import Speaker

from .languages import lang_attribute

register = template.Library()

_MARK = re.compile("[\x02\x03]")


@register.filter
def highlight(text) -> str:
    """Escape archive text, then turn the search's \\x02…\\x03 markers into <mark>…</mark>.

    Escaping comes first, so nothing in the text can become markup; the marks are always balanced.
    """
    if not text:
        return ""
    parts, open_mark = [], False
    # Walk the markers in order, keeping track of whether a <mark> is open.
    position = 0
    for match in _MARK.finditer(str(text)):
        parts.append(escape(str(text)[position : match.start()]))
        if match.group() == "\x02" and not open_mark:
            parts.append("<mark>")
            open_mark = True
        elif match.group() == "\x03" and open_mark:
            parts.append("</mark>")
            open_mark = False
        position = match.end()
    parts.append(escape(str(text)[position:]))
    if open_mark:
        parts.append("</mark>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of archive text above is escaped


@register.filter
def speaker_param(speaker) -> str:
    """The speaker facet's value for a Person ("p12") or an Organisation ("o5")."""
    return Speaker.encode(speaker)


@register.inclusion_tag("includes/date_chart.html", takes_context=True)
def date_chart(context, facet, width=288, height=64):
    """The year (or month) facet as an inline SVG bar chart; every bar links like the list would.

    Years without results (and all twelve months) keep their place, so the chart shows time honestly.
    Each bar's link covers its whole column (a transparent target rect), so a month with one story
    is as easy to click as the busiest: up to twelve values, a column is at least 24 px wide and
    52 px high (the chart is drawn at its own size, 288 px, the facet column's width). Beyond that
    the list under the chart is the equivalent control.
    """
    by_number = {int(value.value): value for value in facet.values}
    if not by_number:
        numbers = []
    elif facet.span:
        numbers = list(range(facet.span[0], facet.span[1] + 1))
    else:
        low, high = min(by_number), max(by_number)
        numbers = list(range(low, high + 1)) if high - low < 200 else sorted(by_number)
    top = facet.max_count or 1
    slot = min(width / max(len(numbers), 1), 28)  # a few years should not make fat bars
    bar_width = max(slot - 2, 1)
    bars = []
    for index, number in enumerate(numbers):
        value = by_number.get(number)
        if value is None:
            continue
        bar_height = max(round(value.count / top * (height - 14), 1), 1)
        x = round(index * slot, 1)
        bars.append({"value": value, "x": x, "y": round(height - 12 - bar_height, 1), "width": round(bar_width, 1),
                     "height": bar_height, "slot_x": x, "slot": round(slot, 1),
                     "target_height": height - 12})  # fmt: skip
    return {
        "facet": facet,
        "bars": bars,
        "width": width,
        "height": height,
        "first": bars[0] if bars else None,
        "last": bars[-1] if len(bars) > 1 else None,
        "last_x": round(bars[-1]["x"] + bar_width, 1) if bars else 0,
        "search": context.get("search"),
        "request": context.get("request"),
    }


# get_absolute_url() of the objects a result list links to: (URL name, how the argument is made).
_LINKED = {
    "Article": ("archive:article", lambda obj: obj.pk),
    "Person": ("archive:person", lambda obj: obj.pk),
    "Organisation": ("archive:organisation", lambda obj: obj.pk),
    "Country": ("archive:country", lambda obj: obj.code.lower()),
}


@register.filter
def href(obj) -> str:
    """obj.get_absolute_url() for the objects of a result list, with one reverse() per kind of object
    (and script prefix) rather than one per link: a page of results holds about a hundred links.
    The arguments are ids and country codes, which need no quoting."""
    name, argument = _LINKED[type(obj).__name__]
    return url_of(name, argument(obj))


@register.simple_tag
def result_items(articles, level=3) -> str:
    """The <li> of each article of a result list (title, date, dateline, source, the search's snippet,
    and the speakers and countries that listings.named gives it), written here like facet_items: a
    page shows twenty, and the template engine spent some 200 µs on each (the page's largest part
    after its SQL), a third of it asking for the URL prefix and the language again for each link and
    date. Everything from the archive is escaped; the URLs are ids and country codes."""
    level = int(level)
    links = _ListLinks()
    date_lang = reader_lang()
    items = []
    for article in articles:
        lang = lang_attribute(article.language)
        if day := article.published_on:
            date = f'<time datetime="{day.isoformat()}"{date_lang}>{html.escape(day_month_year(day))}</time>'
        else:
            date = "<span>date unknown</span>"
        dateline = f" · {html.escape(article.dateline)}" if article.dateline else ""
        source = f" · {html.escape(str(article.source))}" if article.source else ""
        snippet = getattr(article, "snippet", "")
        snippet = f'\n  <p class="snippet"{lang}>{highlight(snippet)}</p>' if snippet else ""
        tags = []
        if article.listed_speakers:
            tags.append(f"<div><dt>Speakers</dt><dd>{links.join(article.listed_speakers)}</dd></div>")
        if article.listed_countries:
            tags.append(f"<div><dt>Countries</dt><dd>{links.join(article.listed_countries)}</dd></div>")
        tags = '\n  <dl class="tags">' + "".join(tags) + "</dl>" if tags else ""
        title = f'<a href="{links.url("article", article.pk)}"{lang}>{html.escape(article.title)}</a>'
        items.append(
            f'<li class="result">\n  <h{level}>{title}</h{level}>\n'
            f'  <p class="meta">{date}{dateline}{source}</p>{snippet}{tags}\n</li>'
        )
    return mark_safe("\n".join(items))  # noqa: S308 - every value from the archive above is escaped


class _ListLinks:
    """Links of one list, each kind's URL pattern read once (see url_around)."""

    def __init__(self):
        kinds = ("article", "person", "organisation", "country")
        self.patterns = {kind: url_around(f"archive:{kind}") for kind in kinds}

    def url(self, kind: str, key) -> str:
        before, after = self.patterns[kind]
        return f"{before}{key}{after}"

    def join(self, listed) -> str:
        """Links to the names beside an article (listings.Listed), comma-separated."""
        return ", ".join(f'<a href="{self.url(kind, key)}">{html.escape(label)}</a>' for kind, key, label in listed)


# A chosen value's <li> class, its link's attributes, the mark before its label.
_SELECTED = (
    ' class="selected"',
    ' aria-current="true" title="Remove this filter"',
    '<span aria-hidden="true">✓ </span>',
)
_UNSELECTED = ("", "", "")


@register.simple_tag(takes_context=True)
def facet_items(context, facet):
    """The <li> of each value of a facet, written here: a page shows up to a hundred values, and the
    template engine (or format_html) spent some hundred function calls on each. Everything from the
    archive or the request is escaped."""
    path = html.escape(context["request"].path)
    about = "about " if getattr(facet, "estimated", False) else ""  # counted from a sample (facet_keys.py)
    items = []
    for item in facet.values:
        li, link, tick = _SELECTED if item.selected else _UNSELECTED
        href, label, count = html.escape(item.href), html.escape(str(item.label)), f"{about}{int(item.count):,}"
        items.append(f'<li{li}><a href="{path}{href}"{link}>{tick}{label}</a> <span class="count">{count}</span></li>')
    return mark_safe("\n    ".join(items))  # noqa: S308 - every value above is escaped


@register.filter
def day_month_year(day) -> str:
    """A date in a list: 7 Jan 2022, or in the reader's language (public/reader_formats.py)."""
    return reader_formats.day_month_year(day)


@register.filter
def day_month_year_time(moment) -> str:
    return reader_formats.day_month_year_time(moment)


@register.filter
def month_year(day) -> str:
    return reader_formats.month_year(day)


@register.simple_tag
def reader_lang() -> str:
    """` lang="de"` on a date written in the reader's language (none for English)."""
    return reader_formats.lang_attribute()


@register.simple_tag(takes_context=True)
def page_link(context, param: str, number: int) -> str:
    """The page's query string with page `param` (page, apage, bpage: a page has several lists) set;
    from the page's bounded query (`page_query`, see page_state.py) where the view gives one."""
    bounded = context.get("page_query")
    query = (context["request"].GET if bounded is None else bounded).copy()
    query[param] = str(number)
    return "?" + query.urlencode()


@register.inclusion_tag("includes/relation_matrix.html", takes_context=True)
def relation_matrix(context, matrix, query, cell=34, label_width=150, head_height=110):
    """The relations matrix as an inline SVG: a row per speakers' country, a column per country
    spoken about, each cell shaded by its count and linked to the pair's page (with `query`)."""
    suffix = f"?{query.urlencode()}" if query else ""
    codes = [country.code for country in matrix.countries]
    cells = []
    for row, speaker in enumerate(codes):
        for column, about in enumerate(codes):
            count = matrix.cells.get((speaker, about), 0)
            if speaker == about or not count:
                continue
            cells.append({
                "x": label_width + column * cell, "y": head_height + row * cell, "count": count,
                "shade": matrix.shade(count), "speaker": matrix.countries[row], "about": matrix.countries[column],
                "href": url_of_pair(speaker, about) + suffix,
            })  # fmt: skip
    size = len(codes) * cell
    return {
        "matrix": matrix,
        "cells": cells,
        "cell": cell,
        "rows": [{"country": c, "y": head_height + i * cell + cell / 2} for i, c in enumerate(matrix.countries)],
        "columns": [{"country": c, "x": label_width + i * cell + cell / 2} for i, c in enumerate(matrix.countries)],
        "label_width": label_width,
        "head_height": head_height,
        "width": label_width + size + head_height // 2,  # room for the last column's slanted name
        "height": head_height + size,
        "inner": cell - 2,
    }


def url_of_pair(speaker: str, about: str) -> str:
    return reverse("archive:relation_pair", args=[speaker.lower(), about.lower()])

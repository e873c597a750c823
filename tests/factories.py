"""Small builders for test records (named, readable, no magic)."""

from __future__ import annotations

import datetime as dt
import itertools

from archive.importing.writer import fingerprint
from archive.models import Article, ArticleCountry, Person, Source, Statement

_numbers = itertools.count(1)


def make_article(title="Talks on trade", body="TOKYO, Jan 7 - Ministers met.", *, countries=(), **fields):
    number = next(_numbers)
    source = fields.pop("source", None) or Source.objects.get_or_create(name="Reuters")[0]
    article = Article.objects.create(
        title=title,
        body=body,
        source=source,
        source_ref=fields.pop("source_ref", f"test-{number}"),
        published_on=fields.pop("published_on", dt.date(2022, 1, 7)),
        fingerprint=fingerprint(f"{body} {number}"),
        **fields,
    )
    for code in countries:
        ArticleCountry.objects.create(article=article, country_id=code)
    return article


def make_person(name="Antony Blinken", **fields):
    return Person.objects.create(name=name, **fields)


def make_statement(article, speaker=None, text="We will work together", **fields):
    paragraph = fields.pop("paragraph", 0)
    return Statement.objects.create(
        article=article,
        speaker_person=speaker,
        kind=fields.pop("kind", "direct"),
        text=text,
        paragraph=paragraph,
        start=fields.pop("start", 0),
        end=fields.pop("end", len(text)),
        **fields,
    )


def make_organisation(name="Foreign Ministry", **fields):
    from archive.models import Organisation

    return Organisation.objects.create(name=name, **fields)


def mention(article, *entities, dateline=()):
    """Link people, organisations and countries (codes) to an article; `dateline` codes are in its dateline."""
    from archive.models import ArticleOrganisation, ArticlePerson, Organisation

    for entity in entities:
        if isinstance(entity, Person):
            ArticlePerson.objects.get_or_create(article=article, person=entity)
        elif isinstance(entity, Organisation):
            ArticleOrganisation.objects.get_or_create(article=article, organisation=entity)
        else:
            ArticleCountry.objects.get_or_create(article=article, country_id=entity)
    for code in dateline:
        ArticleCountry.objects.update_or_create(article=article, country_id=code, defaults={"in_dateline": True})
    return article


def tag(article, name):
    from archive.models import Tag, Tagging

    tag_row = Tag.objects.get_or_create(name=name)[0]
    Tagging.objects.get_or_create(article=article, tag=tag_row)
    return tag_row


def make_source(name):
    return Source.objects.get_or_create(name=name)[0]

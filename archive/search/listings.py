"""The queries of result lists that are not searches: the speakers a list shows with each article,
the articles of an entity's or tag's page, and what is mentioned together with an entity."""

from __future__ import annotations

import functools
from typing import NamedTuple

from django.db import connections
from django.db.models import BooleanField, Count, Exists, Expression, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL

from archive.models import Article, ArticleCountry, ArticlePerson, Statement

from .speakers import speaker_label


class AmongMany(Expression):
    """`<column>` among many `ids` (an Ids of fulltext.expressions), for a list in date order that
    stops at its page: the database walks the date index and checks each row against the ids,
    hashed, instead of looking up every id and sorting them all (the API's newest 50 of 150,000
    articles holding "said": 920 ms looked up, a few ms walked). PostgreSQL hashes a constant
    array for `= ANY` (14 and later); `+ 0` keeps the planner from weighing each id against the
    column's statistics. SQLite's unary plus keeps it from looking the ids up in the primary key."""

    output_field = BooleanField()

    def __init__(self, column, ids):
        super().__init__()
        self.column, self.ids = column, ids

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, expressions):
        (self.column,) = expressions

    def as_sql(self, compiler, connection):
        column, params = compiler.compile(self.column)
        if connection.vendor == "postgresql":
            return f"({column} + 0) = ANY(%s::bigint[])", [*params, self.ids.as_array()]
        return f"+{column} IN (SELECT value FROM json_each(%s))", [*params, self.ids.as_json()]


class PagedBySortKey:
    """A list in date order that a page slices in two steps, inside one query: the page's ids from
    the ordered rows' ids alone (their sort key and filters, no other column and no other join),
    then the full rows of those ids, ordered again. Sorting every row with its joined rows (a
    statement with its article, source, speaker and organisation) to show twenty cost SQLite 1.6 s
    over 10x the corpus's statements; the ids alone come from the sort key's index, or are sorted
    narrow. `rows` is the same rows' queryset with what the list shows (select_related, prefetch,
    defer) and no filter: the ids choose them. Given to a Paginator with its count.

    `walk`, when given, makes a page's ids instead of slicing `lean` (same rows, same order): a
    function of (offset, limit) returning an expression (statements_by_article_date)."""

    ordered = True  # a Paginator warns about unordered lists

    def __init__(self, lean: QuerySet, rows: QuerySet, walk=None):
        self.lean, self.rows, self.walk = lean.values("pk"), rows, walk

    def count(self) -> int:
        return self.lean.order_by().count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        if self.walk is not None and key.step is None and key.start is not None and key.stop is not None:
            page = self.rows.filter(pk__in=self.walk(key.start, max(key.stop - key.start, 0)))
        else:
            page = self.rows.filter(pk__in=self.lean[key])
        return page.order_by(*self.lean.query.order_by)

    def __iter__(self):
        return iter(self.rows.filter(pk__in=self.lean).order_by(*self.lean.query.order_by))


class PagedByRank:
    """A ranked list whose order is known already: its ids in order (read with the matching ids, see
    ArchiveSearch.searched_ids). A page is the full rows of its twenty ids (`rows`: what the list
    shows, with the search's snippets), put in that order; nothing is matched or ranked again.
    Given to a Paginator with its count."""

    ordered = True  # a Paginator warns about unordered lists

    def __init__(self, ids, rows: QuerySet):
        self.ids, self.rows = ids, rows

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        chosen = list(self.ids[key])
        if not chosen:
            return []
        found = {row.pk: row for row in self.rows.filter(pk__in=chosen).order_by()}
        return [found[pk] for pk in chosen if pk in found]

    def __iter__(self):
        return iter(self[:])


def statements_by_article_date(newest_first: bool):
    """Every statement's ids by its article's date (newest or oldest first, undated last), then its
    own id, as StatementSearch orders them: for SQLite, a page of them walking the articles' date
    index and each article's statements (the article_id index). SQLite's planner, left to itself,
    reads every statement and sorts them all by their article's date (1x: 17 ms for a page of ids,
    walked 0.2 ms); `CROSS JOIN` is SQLite's documented way to fix the order of a join."""
    direction = "DESC" if newest_first else "ASC"
    statement, article = Statement._meta.db_table, Article._meta.db_table

    def walk(offset: int, limit: int) -> RawSQL:
        return RawSQL(
            f'SELECT s."id" FROM "{article}" a CROSS JOIN "{statement}" s ON s."article_id" = a."id" '
            f'ORDER BY a."published_on" {direction} NULLS LAST, s."id" {direction} LIMIT %s OFFSET %s',
            (limit, offset),
        )

    return walk


@functools.cache
def _first_speaking_statements() -> QuerySet:
    """Each speaker's first statement in each article, with the speaker only: built once per
    process (composing it took a millisecond a page), cloned for each use by listing_speakers."""
    same_speaker = Q(speaker_person_id=OuterRef("speaker_person_id")) | Q(
        speaker_person__isnull=True, speaker_organisation_id=OuterRef("speaker_organisation_id")
    )
    before = Q(paragraph__lt=OuterRef("paragraph")) | Q(paragraph=OuterRef("paragraph"), start__lt=OuterRef("start"))
    earlier = Statement.objects.filter(same_speaker, before, article_id=OuterRef("article_id"))
    return (
        Statement.objects.filter(Q(speaker_person__isnull=False) | Q(speaker_organisation__isnull=False))
        .exclude(Exists(earlier))
        .select_related("speaker_person", "speaker_organisation")
        .only(
            "id",
            "article_id",
            "speaker_person__id",
            "speaker_person__name",
            "speaker_organisation__id",
            "speaker_organisation__name",
            "speaker_organisation__kind",
            "speaker_organisation__country_id",
        )
        .order_by("paragraph", "start")
    )


def listing_speakers():
    """Prefetch for a result list: each speaker's first statement in each article (the list names
    each speaker once, in the order they first speak). Every speaking statement was fetched before:
    a page of twenty articles built some 150 statements and their 150 speakers to name 50."""
    return Prefetch("statements", queryset=_first_speaking_statements().all(), to_attr="speaking")


def article_listing(article_ids):
    """Articles by id, newest first, with what a result list shows of each but the names beside it
    (entity and tag pages; see named)."""
    return (
        Article.objects.filter(pk__in=article_ids)
        .select_related("source")
        .defer("body", "search_names")
        .order_by(F("published_on").desc(nulls_last=True), "-pk")
    )


class Listed(NamedTuple):
    """A speaker or a country named beside an article in a result list."""

    kind: str  # what it links to: "person", "organisation" or "country"
    key: int | str  # its id, or its country code
    label: str


# What a result list names beside its articles, in one query (named): their countries (part 0, by
# name) and the speakers of their statements (part 1, in the order they speak: each speaker's
# first statement decides, see named). A person's name is looked up by id for each statement:
# joined, PostgreSQL hashed the whole people table for some eighty statements.
NAMES_SQL = """
SELECT 0 AS part, ac.article_id, ac.country_id AS code, c.name AS label, c.name AS by_name,
       NULL AS person_id, NULL AS organisation_id, NULL AS kind, NULL AS country_id,
       0 AS paragraph, 0 AS start
FROM archive_articlecountry ac JOIN archive_country c ON c.code = ac.country_id
WHERE ac.article_id IN ({ids})
UNION ALL
SELECT 1, s.article_id, NULL,
       coalesce((SELECT p.name FROM archive_person p WHERE p.id = s.speaker_person_id), o.name), NULL,
       s.speaker_person_id, s.speaker_organisation_id, o.kind, o.country_id, s.paragraph, s.start
FROM archive_statement s LEFT JOIN archive_organisation o ON o.id = s.speaker_organisation_id
WHERE s.article_id IN ({ids}) AND (s.speaker_person_id IS NOT NULL OR s.speaker_organisation_id IS NOT NULL)
ORDER BY part, by_name, code, paragraph, start
"""


def named(page):
    """A page of articles (a Paginator's) with what a result list names beside each article:
    `listed_speakers`, each once in the order they first speak, and `listed_countries`, by name.
    Read as plain values in one query (NAMES_SQL): prefetched, the countries and the speaking
    statements with their speakers were some 150 model instances a page (3 ms of Python)."""
    articles = list(page.object_list)
    by_id = {article.pk: article for article in articles}
    for article in articles:
        article.listed_speakers, article.listed_countries = [], []
    if not articles:
        return page
    seen = set()
    with connections[articles[0]._state.db].cursor() as cursor:  # where the page was read
        cursor.execute(NAMES_SQL.format(ids=", ".join(["%s"] * len(by_id))), [*by_id, *by_id])
        for part, article_id, code, label, _, person_id, organisation_id, kind, country_id, *_ in cursor:
            if part == 0:
                by_id[article_id].listed_countries.append(Listed("country", code.lower(), label))
            elif (article_id, person_id, organisation_id) not in seen:
                seen.add((article_id, person_id, organisation_id))
                if person_id is not None:
                    listed = Listed("person", person_id, label)
                else:
                    listed = Listed(
                        "organisation",
                        organisation_id,
                        speaker_label(None, None, organisation_id, label, kind, country_id),
                    )
                by_id[article_id].listed_speakers.append(listed)
    page.object_list = articles
    return page


def mentioned_with(article_ids, *, exclude_person=None, exclude_country=None, limit=8):
    """The people and countries most often mentioned in the given articles: one grouped query each."""
    people = ArticlePerson.objects.filter(article_id__in=article_ids)
    if exclude_person is not None:
        people = people.exclude(person_id=exclude_person)
    countries = ArticleCountry.objects.filter(article_id__in=article_ids)
    if exclude_country is not None:
        countries = countries.exclude(country_id=exclude_country)
    return {
        "people": list(
            people.values("person_id", "person__name")
            .annotate(n=Count("article_id"))
            .order_by("-n", "person__name")[:limit]
        ),
        "countries": list(
            countries.values("country_id", "country__name")
            .annotate(n=Count("article_id"))
            .order_by("-n", "country__name")[:limit]
        ),
    }

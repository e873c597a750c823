"""The archive's records: articles, the entities they mention, statements, tags and import runs.

Entity rows (Country, Person, Organisation) are shared by all articles; the link rows
(ArticleCountry, ArticlePerson, ArticleOrganisation) say how often and where an article mentions
them. Rows an editor touched carry `corrected=True` so that re-import and re-extraction keep them.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import unicodedata

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify


def name_key(name: str) -> str:
    """The form under which names are matched: no diacritics, lower case, single spaces."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(folded.replace(".", " ").casefold().split())


def name_lines(text: str) -> list[str]:
    """The names of a one-name-per-line field (alternative names): stripped, blank lines skipped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class Country(models.Model):
    # The code is the key, so an article's country links carry the code without a join.
    code = models.CharField(
        max_length=2, primary_key=True, help_text="ISO 3166-1 alpha-2; former states keep their ISO 3166-3 code."
    )
    name = models.CharField(max_length=100)
    official_name = models.CharField(max_length=200, blank=True)
    historic = models.BooleanField(default=False, help_text="A state that no longer exists (e.g. SU, DD).")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("archive:country", args=[self.code.lower()])


class Named(models.Model):
    """A record known by a unique name, linked to by a slug made from it (sources, tags)."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    slug_fallback: str  # the slug of a name with no letters or digits

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:100] or self.slug_fallback
        super().save(*args, **kwargs)


class Source(Named):
    """A news agency or outlet (Reuters, dpa, a newspaper's site)."""

    slug_fallback = "source"


class Entity(models.Model):
    """What people and organisations share: a country, other names, an editor's mark."""

    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.SET_NULL)
    corrected = models.BooleanField(default=False, help_text="Edited by an editor: re-extraction keeps it.")

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def alternative_name_list(self) -> list[str]:
        return name_lines(self.alternative_names)


class Organisation(Entity):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", "Government body or ministry"
        CENTRAL_BANK = "central_bank", "Central bank"
        AGENCY = "agency", "Agency"
        PARTY = "party", "Political party"
        COMPANY = "company", "Company"
        THINK_TANK = "think_tank", "Think tank or institute"
        INTERNATIONAL = "international", "International organisation"
        MEDIA = "media", "News agency or media"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    # Matching key: the folded name plus the country, so China's and Japan's Foreign Ministry differ.
    key = models.CharField(max_length=220, unique=True, editable=False)
    abbreviation = models.CharField(max_length=40, blank=True)
    alternative_names = models.TextField(blank=True, help_text="Other names, one per line.")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)

    class Meta(Entity.Meta):
        indexes = [models.Index(fields=["kind"])]

    def __str__(self) -> str:
        # "Foreign Ministry (CN)": government bodies are told apart by their country.
        if self.country_id and self.kind == self.Kind.GOVERNMENT:
            return f"{self.name} ({self.country_id})"
        return self.name

    def save(self, *args, **kwargs):
        if not self.key:
            self.key = self.make_key(self.name, self.country_id)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("archive:organisation", args=[self.pk])

    @staticmethod
    def make_key(name: str, country_code: str | None) -> str:
        return f"{name_key(name)}|{(country_code or '').upper()}"


class Person(Entity):
    name = models.CharField(max_length=200, help_text="Fullest form of the name found.")
    key = models.CharField(max_length=200, unique=True, editable=False)
    alternative_names = models.TextField(blank=True, help_text="Other forms of the name, one per line.")
    role = models.CharField(max_length=200, blank=True, help_text="Role or title, e.g. Foreign Minister.")
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta(Entity.Meta):
        verbose_name_plural = "people"

    def save(self, *args, **kwargs):
        if not self.key:
            self.key = name_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("archive:person", args=[self.pk])


class Tag(Named):
    description = models.TextField(blank=True)
    slug_fallback = "tag"

    def get_absolute_url(self) -> str:
        return reverse("archive:tag", args=[self.slug])


class ImportRunQuerySet(models.QuerySet):
    def mark_abandoned(self) -> int:
        """Runs still "running" whose process on this machine is gone (killed with SIGKILL, out of
        memory, a power cut) were interrupted: say so. Runs of other machines cannot be checked."""
        here = socket.gethostname()[:255]
        running = self.filter(status=ImportRun.Status.RUNNING, host=here, pid__isnull=False)
        gone = [pk for pk, pid in running.values_list("pk", "pid") if not process_exists(pid)]
        return self.filter(pk__in=gone, status=ImportRun.Status.RUNNING).update(
            status=ImportRun.Status.INTERRUPTED, finished_at=timezone.now()
        )


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


class ImportRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for the import worker"
        RUNNING = "running", "Running"
        FINISHED = "finished", "Finished"
        FAILED = "failed", "Finished with failures"
        INTERRUPTED = "interrupted", "Interrupted"

    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    origin = models.CharField(max_length=200, help_text="Command line or upload, and from where.")
    inputs = models.TextField(blank=True, help_text="The paths or uploaded file names.")
    dry_run = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RUNNING)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    # Which process runs the import, so that a run its killed process left "running" is found.
    host = models.CharField(max_length=255, blank=True, editable=False)
    pid = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Progress, recorded as the run goes: stories written of those counted up front (importing/estimate.py).
    stories_total = models.PositiveIntegerField(null=True, blank=True, help_text="Stories counted before the run.")
    stories_done = models.PositiveIntegerField(default=0, help_text="Stories read and written so far.")
    progress_at = models.DateTimeField(null=True, blank=True, help_text="When the progress was last recorded.")

    objects = ImportRunQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        permissions = [("import_files", "Can import files from the admin")]

    def __str__(self) -> str:
        return f"Import #{self.pk} of {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    def progress(self) -> dict:
        """Stories done of the total, rate and time left, as the run page and its JSON show them."""
        done = self.stories_done
        total = max(self.stories_total or 0, done) or None
        elapsed = ((self.progress_at or timezone.now()) - self.started_at).total_seconds()
        rate = done / elapsed if self.status == self.Status.RUNNING and elapsed > 0 and done else 0.0
        left = round((total - done) / rate) if rate and total else None
        return {
            "status": self.status,
            "status_label": self.get_status_display(),
            "active": self.is_active,
            "done": done,
            "total": total,
            "percent": round(100 * done / total) if total else None,
            "rate": round(rate, 1),
            "seconds_left": left,
            "time_left": "" if left is None else f"{left} s" if left < 90 else f"{round(left / 60)} min",
        }


class ImportOutcome(models.Model):
    """What happened to one file or record in an import run."""

    class Result(models.TextChoices):
        CREATED = "created", "Created"
        UPDATED = "updated", "Updated"
        UNCHANGED = "unchanged", "Unchanged"
        DUPLICATE = "duplicate", "Duplicate"
        FAILED = "failed", "Failed"

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="outcomes")
    location = models.CharField(max_length=500, help_text="File name, and line for JSON Lines/CSV.")
    result = models.CharField(max_length=20, choices=Result.choices)
    article = models.ForeignKey("Article", null=True, blank=True, on_delete=models.SET_NULL)
    message = models.CharField(max_length=500, blank=True)
    # Kept for duplicates, so that the next run recognises them without extracting them again.
    input_hash = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["run", "id"]
        indexes = [
            models.Index(fields=["run", "result"]),
            models.Index(fields=["input_hash"], condition=Q(result="duplicate"), name="outcome_duplicate_hash"),
        ]

    def __str__(self) -> str:
        return f"{self.location}: {self.get_result_display()}"


class ArticleQuerySet(models.QuerySet):
    def for_listing(self):
        """What a result list shows, in a constant number of queries."""
        return self.select_related("source").prefetch_related("countries")


class Article(models.Model):
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.PROTECT)
    # The source's own identifier ("source_id" in imports and exports; that name is the FK column's).
    source_ref = models.CharField(max_length=200, blank=True, verbose_name="source identifier")
    title = models.CharField(max_length=500)
    published_on = models.DateField(null=True, blank=True, help_text="Publication date.")
    date_flagged = models.BooleanField(default=False, help_text="The date was missing or impossible.")
    dateline = models.CharField(max_length=200, blank=True)
    body = models.TextField(help_text="Paragraphs separated by blank lines.")
    language = models.CharField(
        max_length=16,
        default="en",
        help_text="ISO 639-1 code of the language the story is written in (en, fr, es, de ...). After changing "
        "it, re-extract the article (the list's action) so its people and statements are read in that language.",
    )
    url = models.URLField(max_length=1000, blank=True)
    credits = models.JSONField(default=dict, blank=True, help_text='{"reporting": [...], "editing": [...]}')
    fingerprint = models.CharField(max_length=64, unique=True, help_text="Hash of the normalised text.")
    input_hash = models.CharField(max_length=64, blank=True, help_text="Hash of the input as last imported.")
    original_file = models.CharField(max_length=500, blank=True)
    import_run = models.ForeignKey(ImportRun, null=True, blank=True, on_delete=models.SET_NULL)
    # Names of the people, organisations and countries linked, kept for the search index.
    search_names = models.TextField(blank=True, editable=False)
    corrected_fields = models.JSONField(
        default=list, blank=True, help_text="Fields an editor changed; imports leave them alone."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    extracted_at = models.DateTimeField(null=True, blank=True)

    countries = models.ManyToManyField(Country, through="ArticleCountry", related_name="articles")
    people = models.ManyToManyField(Person, through="ArticlePerson", related_name="articles")
    organisations = models.ManyToManyField(Organisation, through="ArticleOrganisation", related_name="articles")
    tags = models.ManyToManyField(Tag, through="Tagging", related_name="articles")

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_ref"], condition=~Q(source_ref=""), name="article_unique_source_id"
            )
        ]
        indexes = [
            models.Index(fields=["published_on", "id"]),
            models.Index(fields=["source", "published_on"]),
            # The importer looks stories up by these, a batch at a time.
            models.Index(fields=["input_hash"]),
            models.Index(fields=["source_ref"]),
            # The language facet and its filter.
            models.Index(fields=["language", "published_on"], name="article_language_index"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("archive:article", args=[self.pk])

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p.strip()]


class ArticleVector(models.Model):
    """An article's search vectors in a narrow table of their own, kept by the database (PostgreSQL
    only: archive/search/schema/article_vectors.py). Not managed by Django: a copy of Article's
    generated columns, which matching and ranking many matches read from here instead of the wide
    article rows. The searches read it; nothing writes it but the triggers."""

    article_id = models.BigIntegerField(primary_key=True)
    published_on = models.DateField(null=True)
    language = models.CharField(max_length=16)

    class Meta:
        managed = False
        db_table = "archive_articlevectors"
        ordering = ["-published_on", "-article_id"]

    def __str__(self) -> str:
        return f"vectors of article {self.article_id}"


class ArticleLink(models.Model):
    """An article's link to what it mentions (a country, a person, an organisation), once per article."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    mentions = models.PositiveIntegerField(default=1)
    corrected = models.BooleanField(default=False, help_text="Added or edited by an editor.")
    linked: str  # the name of the field linked to

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{getattr(self, self.linked)} in {self.article}"


class ArticleCountry(ArticleLink):
    country = models.ForeignKey(Country, on_delete=models.CASCADE)
    in_dateline = models.BooleanField(default=False)
    linked = "country"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "country"], name="unique_article_country")]
        indexes = [models.Index(fields=["country", "article"]), models.Index(fields=["in_dateline", "country"])]
        verbose_name = "country mentioned"
        verbose_name_plural = "countries mentioned"


class ArticlePerson(ArticleLink):
    person = models.ForeignKey(Person, on_delete=models.CASCADE)
    role = models.CharField(max_length=200, blank=True, help_text="The role the article gives.")
    linked = "person"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "person"], name="unique_article_person")]
        indexes = [models.Index(fields=["person", "article"])]
        verbose_name = "person mentioned"
        verbose_name_plural = "people mentioned"


class ArticleOrganisation(ArticleLink):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    linked = "organisation"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "organisation"], name="unique_article_organisation")]
        indexes = [models.Index(fields=["organisation", "article"])]
        verbose_name = "organisation mentioned"
        verbose_name_plural = "organisations mentioned"


class Statement(models.Model):
    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct quote"
        INDIRECT = "indirect", "Reported speech"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="statements")
    speaker_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    speaker_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements"
    )
    speaker_label = models.CharField(
        max_length=200, blank=True, help_text='How the text names an unresolved speaker, e.g. "he".'
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.TextField()
    paragraph = models.PositiveIntegerField(help_text="Index of the paragraph in the body, from 0.")
    start = models.PositiveIntegerField(help_text="Offset of the words within the paragraph.")
    end = models.PositiveIntegerField()
    verb = models.CharField(max_length=40, blank=True)
    corrected = models.BooleanField(default=False, help_text="Edited by an editor: re-extraction keeps it.")
    # Who speaks as what, and about whom (extraction/relations.py).
    speaker_role = models.CharField(
        max_length=200, blank=True, help_text="The speaker's role as of the article's date, e.g. Foreign Minister."
    )
    speaker_country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements_by_speakers",
        help_text="The country of the speaker's office when the article says it, else the speaker's country.",
    )
    about = models.ManyToManyField(
        Country,
        through="StatementCountry",
        related_name="statements_about",
        blank=True,
        help_text="The countries the statement's words or its sentence mention.",
    )

    class Meta:
        ordering = ["article", "paragraph", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(speaker_person__isnull=True) | Q(speaker_organisation__isnull=True),
                name="statement_one_speaker",
            ),
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="statement_span_ordered"),
        ]
        indexes = [
            models.Index(fields=["speaker_person", "article"]),
            models.Index(fields=["speaker_organisation", "article"]),
            # The speaker facet and result lists read an article's speakers from the index alone.
            models.Index(
                fields=["article", "speaker_person", "speaker_organisation"], name="statement_article_speakers"
            ),
            models.Index(fields=["speaker_country", "article"]),
            models.Index(fields=["speaker_role"]),
        ]

    def __str__(self) -> str:
        words = self.text if len(self.text) <= 60 else self.text[:59] + "…"
        return f"{self.speaker_name}: {words}"

    @property
    def speaker(self):
        return self.speaker_person or self.speaker_organisation

    @property
    def speaker_name(self) -> str:
        speaker = self.speaker
        return str(speaker) if speaker else (self.speaker_label or "unattributed")

    @property
    def is_resolved(self) -> bool:
        return self.speaker_person_id is not None or self.speaker_organisation_id is not None


class StatementCountry(models.Model):
    """A country a statement is about: its words, or the sentence it sits in, mention it."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE)
    country = models.ForeignKey(Country, on_delete=models.CASCADE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["statement", "country"], name="unique_statement_country")]
        indexes = [models.Index(fields=["country", "statement"])]
        verbose_name = "country spoken about"
        verbose_name_plural = "countries spoken about"

    def __str__(self) -> str:
        return f"{self.statement} (about {self.country_id})"


class PersonRoleQuerySet(models.QuerySet):
    def timeline(self) -> list[PersonRole]:
        """The roles in date order, the forms of one role that differ only in case as one ("President"
        in 339 articles and "president" in 4: "President", 343), each an unsaved PersonRole with the
        widest dates and its most frequent form; a row an editor corrected stays apart, as it is."""
        groups: dict[object, list[PersonRole]] = {}
        for row in self.order_by("first_seen", "role"):
            groups.setdefault(row.pk if row.corrected else (row.person_id, row.role.casefold()), []).append(row)
        merged = []
        for rows in groups.values():
            if len(rows) == 1:
                merged.append(rows[0])
                continue
            firsts = [r.first_seen for r in rows if r.first_seen]
            lasts = [r.last_seen for r in rows if r.last_seen]
            merged.append(
                PersonRole(
                    person_id=rows[0].person_id,
                    role=max(rows, key=lambda r: r.articles).role,
                    first_seen=min(firsts, default=None),
                    last_seen=max(lasts, default=None),
                    articles=sum(r.articles for r in rows),
                )
            )
        return sorted(merged, key=lambda r: (r.first_seen is None, r.first_seen or dt.date.min, r.role))


class PersonRole(models.Model):
    """A role the articles gave a person, from the first to the last date an article did."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(max_length=200)
    first_seen = models.DateField(null=True, blank=True)
    last_seen = models.DateField(null=True, blank=True)
    articles = models.PositiveIntegerField(default=0, help_text="Articles that give the person this role.")
    corrected = models.BooleanField(
        default=False, help_text="Edited by an editor: kept as it is when the articles are read again."
    )

    objects = PersonRoleQuerySet.as_manager()

    class Meta:
        ordering = ["person", "first_seen", "role"]
        constraints = [
            models.UniqueConstraint(fields=["person", "role"], name="unique_person_role"),
            models.CheckConstraint(
                condition=Q(first_seen__isnull=True)
                | Q(last_seen__isnull=True)
                | Q(last_seen__gte=models.F("first_seen")),
                name="person_role_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.role}"


class Tagging(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE)
    tagged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    tagged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "tag"], name="unique_article_tag")]
        indexes = [models.Index(fields=["tag", "article"])]

    def __str__(self) -> str:
        return f"{self.tag} on {self.article}"


class RemovedLinkQuerySet(models.QuerySet):
    def keys(self):
        """What extraction must not add back, as sets: country codes, person and organisation ids,
        (paragraph, start) spans of statements."""
        removed = {"countries": set(), "people": set(), "organisations": set(), "spans": set()}
        for country, person, organisation, paragraph, start in self.values_list(
            "country_id", "person_id", "organisation_id", "paragraph", "start"
        ):
            if country:
                removed["countries"].add(country)
            elif person:
                removed["people"].add(person)
            elif organisation:
                removed["organisations"].add(organisation)
            elif paragraph is not None and start is not None:
                removed["spans"].add((paragraph, start))
        return removed


class RemovedLink(models.Model):
    """An editor removed a link (or a statement) from an article: re-import and re-extraction
    must not add it back. Exactly one of country, person, organisation or the statement's span."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="removed_links")
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.CASCADE)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.CASCADE)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.CASCADE)
    paragraph = models.PositiveIntegerField(null=True, blank=True, help_text="A removed statement's paragraph.")
    start = models.PositiveIntegerField(null=True, blank=True, help_text="A removed statement's offset.")
    label = models.CharField(max_length=300, blank=True, help_text="What was removed, as the editor saw it.")
    removed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    removed_at = models.DateTimeField(auto_now_add=True)

    objects = RemovedLinkQuerySet.as_manager()

    class Meta:
        ordering = ["article", "id"]
        verbose_name = "link removed by an editor"
        verbose_name_plural = "links removed by editors"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "country"], condition=Q(country__isnull=False), name="removed_unique_country"
            ),
            models.UniqueConstraint(
                fields=["article", "person"], condition=Q(person__isnull=False), name="removed_unique_person"
            ),
            models.UniqueConstraint(
                fields=["article", "organisation"],
                condition=Q(organisation__isnull=False),
                name="removed_unique_organisation",
            ),
            models.UniqueConstraint(
                fields=["article", "paragraph", "start"],
                condition=Q(paragraph__isnull=False),
                name="removed_unique_statement",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label or 'link'} removed from {self.article}"


class MergedKey(models.Model):
    """The matching key of a person or organisation an editor merged into another: extraction
    finds the kept record under the old key instead of creating the merged one again."""

    key = models.CharField(max_length=220)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.CASCADE, related_name="merged_keys")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="merged_keys"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key"], condition=Q(person__isnull=False), name="merged_person_key"),
            models.UniqueConstraint(
                fields=["key"], condition=Q(organisation__isnull=False), name="merged_organisation_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.key} → {self.person or self.organisation}"

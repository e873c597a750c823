"""The editors' and librarians' admin (roles: docs/roles.md).

Thin on purpose: what editors do to the archive is in archive.editing; bulk actions are in
archive.admin.actions, forms in archive.admin.forms. Every editor's change is marked so that
re-import and re-extraction keep it (see archive.editing).
"""

from __future__ import annotations

import copy

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from archive.curation import corrections, tags
from archive.models import (
    Article,
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    Country,
    ImportOutcome,
    ImportRun,
    Organisation,
    Person,
    RemovedLink,
    Source,
    Statement,
    Tag,
    Tagging,
)

from . import actions as admin_actions
from .forms import ArticleAdminForm, ImportUploadForm, SpeakerForm

admin.site.site_header = "Diplomatic news archive: editors"
admin.site.site_title = "Archive admin"
admin.site.index_title = "Editing and imports"


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "historic"]
    list_filter = ["historic"]
    search_fields = ["code", "name", "official_name"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


# People and organisations ---------------------------------------------------------------


class EntityAdmin(admin.ModelAdmin):
    """What people and organisations share: counts, a link to their statements, merge."""

    speaker_field = ""
    actions = [admin_actions.merge_into]
    ordering = ["name"]  # Meta.ordering does not apply to the annotated (grouped) queryset
    show_facets = admin.ShowFacets.ALWAYS

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                statement_count=Count("statements", distinct=True), article_count=Count("articles", distinct=True)
            )
        )

    @admin.display(description="statements", ordering="statement_count")
    def statements_column(self, obj):
        return obj.statement_count

    @admin.display(description="articles", ordering="article_count")
    def articles_column(self, obj):
        return obj.article_count

    @admin.display(description="statements")
    def statements_link(self, obj):
        if obj.pk is None:
            return "—"
        url = reverse("admin:archive_statement_changelist")
        return format_html(
            '<a href="{}?{}__id__exact={}&amp;review=all">{} statements</a>',
            url,
            self.speaker_field,
            obj.pk,
            Statement.objects.filter(**{self.speaker_field: obj}).count(),
        )

    def save_model(self, request, obj, form, change):
        obj.corrected = True  # an editor's record: extraction no longer fills its gaps
        super().save_model(request, obj, form, change)


@admin.register(Organisation)
class OrganisationAdmin(EntityAdmin):
    speaker_field = "speaker_organisation"
    list_display = ["name", "abbreviation", "kind", "country", "statements_column", "articles_column", "corrected"]
    list_filter = ["kind", "corrected", ("country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["country"]
    search_fields = ["name", "abbreviation", "alternative_names"]
    autocomplete_fields = ["country"]
    fields = ["name", "abbreviation", "alternative_names", "kind", "country", "corrected", "statements_link"]
    readonly_fields = ["corrected", "statements_link"]


@admin.register(Person)
class PersonAdmin(EntityAdmin):
    speaker_field = "speaker_person"
    list_display = ["name", "role", "country", "organisation", "statements_column", "articles_column", "corrected"]
    list_filter = ["corrected", ("country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["country", "organisation"]
    search_fields = ["name", "alternative_names", "role"]
    autocomplete_fields = ["country", "organisation"]
    fields = ["name", "alternative_names", "role", "country", "organisation", "corrected", "statements_link"]
    readonly_fields = ["corrected", "statements_link"]


# Tags -------------------------------------------------------------------------------------


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "article_count", "public_page"]
    search_fields = ["name"]
    ordering = ["name"]  # Meta.ordering does not apply to the annotated (grouped) queryset
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj):
        url = reverse("admin:archive_article_changelist")
        return format_html('<a href="{}?tags__id__exact={}">{}</a>', url, obj.pk, obj.article_count)

    @admin.display(description="public page")
    def public_page(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.get_absolute_url())


# Articles ---------------------------------------------------------------------------------


class CorrectedInline(admin.TabularInline):
    extra = 0
    readonly_fields = ["corrected"]


class StatementInline(CorrectedInline):
    model = Statement
    fields = ["kind", "speaker_person", "speaker_organisation", "speaker_label", "text", "paragraph", "start", "end",
              "corrected"]
    autocomplete_fields = ["speaker_person", "speaker_organisation"]


class CountryLinkInline(CorrectedInline):
    model = ArticleCountry
    autocomplete_fields = ["country"]


class PersonLinkInline(CorrectedInline):
    model = ArticlePerson
    autocomplete_fields = ["person"]


class OrganisationLinkInline(CorrectedInline):
    model = ArticleOrganisation
    autocomplete_fields = ["organisation"]


class TaggingInline(admin.TabularInline):
    model = Tagging
    extra = 0
    autocomplete_fields = ["tag"]
    readonly_fields = ["tagged_by", "tagged_at"]


class RemovedLinkInline(admin.TabularInline):
    model = RemovedLink
    extra = 0
    can_delete = True  # deleting a removal lets extraction add the link again
    fields = ["label", "removed_by", "removed_at"]
    readonly_fields = fields
    verbose_name_plural = "links removed by editors (extraction will not add them again)"

    def has_add_permission(self, request, obj=None):
        return False


class HasStatementsFilter(admin.SimpleListFilter):
    title = "statements"
    parameter_name = "has_statements"

    def lookups(self, request, model_admin):
        return [("yes", "With statements"), ("no", "Without statements")]

    def queryset(self, request, queryset):
        has = Exists(Statement.objects.filter(article=OuterRef("pk")))
        if self.value() == "yes":
            return queryset.filter(has)
        if self.value() == "no":
            return queryset.filter(~has)
        return queryset


class UnresolvedSpeakersFilter(admin.SimpleListFilter):
    title = "unresolved speakers"
    parameter_name = "unresolved"

    def lookups(self, request, model_admin):
        return [("yes", "Some speakers unresolved"), ("no", "All speakers resolved")]

    def queryset(self, request, queryset):
        unresolved = Exists(
            Statement.objects.filter(
                article=OuterRef("pk"), speaker_person__isnull=True, speaker_organisation__isnull=True
            )
        )
        if self.value() == "yes":
            return queryset.filter(unresolved)
        if self.value() == "no":
            return queryset.filter(~unresolved)
        return queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ["published_on", "title", "source", "country_list", "tag_list"]
    list_select_related = ["source"]
    list_filter = [
        ("countries", admin.RelatedOnlyFieldListFilter),
        "source",
        ("tags", admin.RelatedOnlyFieldListFilter),
        HasStatementsFilter,
        UnresolvedSpeakersFilter,
        "date_flagged",
    ]
    show_facets = admin.ShowFacets.ALWAYS
    date_hierarchy = "published_on"
    search_fields = ["title", "body"]
    autocomplete_fields = ["source"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ["fingerprint", "input_hash", "original_file", "import_run", "corrected_fields",
                       "created_at", "updated_at", "extracted_at"]
    fieldsets = [
        (None, {"fields": ["title", "published_on", "date_flagged", "dateline", "source", "source_ref", "body"]}),
        ("Tags", {"fields": ["add_tags"]}),
        ("More", {"classes": ["collapse"], "fields": ["language", "url", "credits"]}),
        ("Import", {"classes": ["collapse"], "fields": readonly_fields}),
    ]
    inlines = [TaggingInline, StatementInline, PersonLinkInline, OrganisationLinkInline, CountryLinkInline,
               RemovedLinkInline]
    actions = [admin_actions.add_tag, admin_actions.remove_tag, admin_actions.reextract]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("countries", "tags")

    @admin.display(description="countries")
    def country_list(self, obj):
        return ", ".join(country.code for country in obj.countries.all())

    @admin.display(description="tags")
    def tag_list(self, obj):
        return ", ".join(tag.name for tag in obj.tags.all())

    def save_model(self, request, obj, form, change):
        if change:
            corrections.mark_corrected_fields(obj, form.changed_data)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is RemovedLink:
            super().save_formset(request, form, formset, change)
            return
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            if formset.model is Tagging:
                obj.delete()
            else:
                corrections.delete_editor_row(obj, request.user)
        for row_form in formset.forms:
            obj = row_form.instance
            if obj not in instances:
                continue
            if formset.model is Tagging:
                obj.tagged_by = obj.tagged_by or request.user
                obj.save()
                continue
            corrections.save_editor_row(obj, request.user, replaced=self._as_it_was(row_form))
        formset.save_m2m()

    @staticmethod
    def _as_it_was(row_form):
        """The row before the editor's change (None for a new row)."""
        if row_form.instance._state.adding or not row_form.changed_data:
            return None
        before = copy.copy(row_form.instance)
        for name in row_form.changed_data:
            field = before._meta.get_field(name)
            setattr(before, field.attname, row_form.initial.get(name))
        return before

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        names = form.tag_names()
        if names:
            added = [tag.name for tag in (tags.tag_named(name) for name in names)
                     if tags.add_tag([article], tag, request.user)]
            if added:
                self.message_user(request, f"Tagged: {', '.join(added)}.", messages.SUCCESS)
        corrections.refresh_search_names([article.pk])

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        names = form.tag_names() if form.is_valid() else []
        if names:
            message.append({"changed": {"fields": [f"tags (added {', '.join(names)})"]}})
        return message


# The statements review queue --------------------------------------------------------------


def _doubtful():
    """The speaker is known but the article does not link them: a guess worth checking."""
    person_linked = Exists(
        ArticlePerson.objects.filter(article=OuterRef("article"), person=OuterRef("speaker_person"))
    )
    organisation_linked = Exists(
        ArticleOrganisation.objects.filter(article=OuterRef("article"), organisation=OuterRef("speaker_organisation"))
    )
    return (Q(speaker_person__isnull=False) & ~person_linked) | (
        Q(speaker_organisation__isnull=False) & ~organisation_linked
    )


def _unresolved():
    return Q(speaker_person__isnull=True, speaker_organisation__isnull=True)


class ReviewFilter(admin.SimpleListFilter):
    """The review queue by default: statements an editor has not settled whose speaker is
    unresolved or doubtful."""

    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("needed", "Needs review"),
            ("unresolved", "Speaker unresolved"),
            ("doubtful", "Speaker doubtful (not linked to the article)"),
            ("all", "All statements"),
        ]

    def value(self):
        return super().value() or "needed"

    def queryset(self, request, queryset):
        value = self.value()
        if value == "needed":
            return queryset.filter(_unresolved() | _doubtful(), corrected=False)
        if value == "unresolved":
            return queryset.filter(_unresolved())
        if value == "doubtful":
            return queryset.filter(_doubtful())
        return queryset

    def choices(self, changelist):
        for choice in super().choices(changelist):
            if choice["display"] != "All":  # "All statements" is one of the lookups
                yield choice


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["in_context", "article_link", "speaker_label", "speaker_person", "speaker_organisation"]
    list_display_links = None
    list_editable = ["speaker_person", "speaker_organisation"]
    list_filter = [ReviewFilter, "kind", "corrected"]
    list_select_related = ["article", "speaker_person", "speaker_organisation"]
    list_per_page = 25
    show_facets = admin.ShowFacets.ALWAYS
    search_fields = ["text", "speaker_label", "article__title"]
    autocomplete_fields = ["speaker_person", "speaker_organisation"]
    fields = ["article", "kind", "speaker_person", "speaker_organisation", "speaker_label", "text", "paragraph",
              "start", "end", "verb", "corrected", "in_context"]
    readonly_fields = ["article", "corrected", "in_context"]

    def get_changelist_form(self, request, **kwargs):
        kwargs.setdefault("form", SpeakerForm)
        return super().get_changelist_form(request, **kwargs)

    def has_add_permission(self, request):
        return False  # statements are added on their article's page

    @admin.display(description="statement in its paragraph")
    def in_context(self, obj):
        paragraphs = obj.article.paragraphs
        if obj.paragraph >= len(paragraphs):
            return obj.text
        paragraph = paragraphs[obj.paragraph]
        start, end = min(obj.start, len(paragraph)), min(obj.end, len(paragraph))
        return format_html(
            '<div class="statement-context">{}<mark>{}</mark>{}</div>',
            paragraph[:start],
            paragraph[start:end],
            paragraph[end:],
        )

    @admin.display(description="article", ordering="article__published_on")
    def article_link(self, obj):
        return format_html(
            '<a href="{}">{}</a><br><small>{}</small>',
            reverse("admin:archive_article_change", args=[obj.article_id]),
            obj.article.title,
            obj.article.published_on or "",
        )

    def save_model(self, request, obj, form, change):
        obj.corrected = True
        super().save_model(request, obj, form, change)
        if change and {"speaker_person", "speaker_organisation"} & set(form.changed_data):
            admin_actions.log(
                request,
                [obj.article],
                f"Statement #{obj.pk}: speaker set to {obj.speaker_name} (review queue).",
            )

    def delete_model(self, request, obj):
        corrections.delete_editor_row(obj, request.user)


# Imports ----------------------------------------------------------------------------------


class FailedOutcomeInline(admin.TabularInline):
    model = ImportOutcome
    extra = 0
    can_delete = False
    fields = ["location", "result", "article", "message"]
    readonly_fields = fields
    verbose_name_plural = "failures (every outcome: the links above)"
    max_num = 0

    def get_queryset(self, request):
        return super().get_queryset(request).filter(result=ImportOutcome.Result.FAILED).select_related("article")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "created", "updated", "unchanged", "duplicates", "failed", "started_by",
                    "origin"]
    list_filter = ["status", "dry_run", "outcomes__result"]
    list_select_related = ["started_by"]
    show_facets = admin.ShowFacets.ALWAYS
    readonly_fields = [f.name for f in ImportRun._meta.fields] + ["outcome_links"]
    inlines = [FailedOutcomeInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # a run is a record of what happened

    def changelist_view(self, request, extra_context=None):
        ImportRun.objects.mark_abandoned()  # a run whose process was killed shows as interrupted
        return super().changelist_view(request, extra_context)

    @admin.display(description="outcomes")
    def outcome_links(self, obj):
        url = reverse("admin:archive_importoutcome_changelist")
        counts = obj.outcomes.values("result").annotate(n=Count("id")).order_by("result")
        links = [
            format_html('<a href="{}?run__id__exact={}&amp;result__exact={}">{} {}</a>', url, obj.pk, row["result"],
                        row["n"], row["result"])
            for row in counts
        ]
        return format_html("{}", ", ".join(str(link) for link in links)) if links else "—"

    def get_urls(self):
        return [
            path("upload/", self.admin_site.admin_view(self.upload_view), name="archive_importrun_upload"),
            *super().get_urls(),
        ]

    def upload_view(self, request):
        if not request.user.has_perm("archive.import_files"):
            raise PermissionDenied
        form = ImportUploadForm(request.POST, request.FILES) if request.method == "POST" else ImportUploadForm()
        if request.method == "POST" and form.is_valid():
            from archive.importing.pipeline import Importer

            uploads = [(upload.name, upload.read()) for upload in form.cleaned_data["files"]]
            importer = Importer(origin=f"admin upload by {request.user.get_username()}", started_by=request.user,
                                workers=1)
            run = importer.import_uploads(uploads)
            level = messages.WARNING if run.failed else messages.SUCCESS
            self.message_user(
                request,
                f"{run}: {run.created} created, {run.updated} updated, {run.unchanged} unchanged, "
                f"{run.duplicates} duplicates, {run.failed} failed.",
                level,
            )
            return redirect("admin:archive_importrun_change", run.pk)
        return TemplateResponse(
            request,
            "admin/archive/importrun/upload.html",
            {
                **self.admin_site.each_context(request),
                "title": "Import files",
                "opts": self.model._meta,
                "form": form,
                "max_upload": settings.IMPORT_MAX_UPLOAD_BYTES,
            },
        )


@admin.register(ImportOutcome)
class ImportOutcomeAdmin(admin.ModelAdmin):
    list_display = ["location", "result", "article", "message", "run"]
    list_filter = ["result", "run"]
    list_select_related = ["article", "run"]
    search_fields = ["location", "message"]
    show_facets = admin.ShowFacets.ALWAYS

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

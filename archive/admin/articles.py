"""Articles in the admin: editors correct the fields, links, statements and tags the importer
wrote. Every change goes through archive.curation, which marks it as the editor's so that
re-import and re-extraction keep it."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.db import models
from django.db.models import Exists, OuterRef

from archive.curation import corrections, tags
from archive.models import (
    Article,
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    RemovedLink,
    Statement,
    Tagging,
)

from . import actions as admin_actions
from .forms import ArticleAdminForm, StatementInlineForm, as_it_was


class CorrectedInline(admin.TabularInline):
    extra = 0
    readonly_fields = ["corrected"]


def plain_pickers(formfield):
    """A related-record picker without its add/edit/delete/view icons: beside every statement they
    doubled the width of the page, and people and organisations are edited on their own pages."""
    if isinstance(getattr(formfield, "widget", None), RelatedFieldWidgetWrapper):
        widget = formfield.widget
        widget.can_add_related = widget.can_change_related = False
        widget.can_delete_related = widget.can_view_related = False
    return formfield


class StatementInline(admin.StackedInline):
    """An article's statements, each a card whose fields wrap to the width of the window
    (static/css/admin.css): as a table row, nine columns made the page 2,400 px wide."""

    model = Statement
    extra = 0
    form = StatementInlineForm
    fields = [
        "kind",
        "speaker_person",
        "speaker_organisation",
        "speaker_label",
        "text",
        "position",
        "paragraph",
        "start",
        "end",
        "corrected",
    ]
    readonly_fields = ["position", "corrected"]
    autocomplete_fields = ["speaker_person", "speaker_organisation"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return plain_pickers(super().formfield_for_dbfield(db_field, request, **kwargs))

    @admin.display(description="where in the text")
    def position(self, obj):
        if obj is None or obj.pk is None:
            return "found from the words when saved"
        return f"paragraph {obj.paragraph + 1}"


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
    readonly_fields = [
        "fingerprint",
        "input_hash",
        "original_file",
        "import_run",
        "corrected_fields",
        "created_at",
        "updated_at",
        "extracted_at",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "published_on",
                    "date_flagged",
                    "dateline",
                    "source",
                    "source_ref",
                    "language",
                    "body",
                ]
            },
        ),
        ("Tags", {"fields": ["add_tags"]}),
        ("More", {"classes": ["collapse"], "fields": ["url", "credits"]}),
        ("Import", {"classes": ["collapse"], "fields": readonly_fields}),
    ]
    inlines = [
        TaggingInline,
        StatementInline,
        PersonLinkInline,
        OrganisationLinkInline,
        CountryLinkInline,
        RemovedLinkInline,
    ]
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
            corrections.save_editor_row(obj, request.user, replaced=as_it_was(row_form))
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        names = form.tag_names()
        if names:
            added = [
                tag.name
                for tag in (tags.tag_named(name) for name in names)
                if tags.add_tag([article], tag, request.user)
            ]
            if added:
                self.message_user(request, f"Tagged: {', '.join(added)}.", messages.SUCCESS)
        corrections.refresh_search_names([article.pk])

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        names = form.tag_names() if form.is_valid() else []
        if names:
            message.append({"changed": {"fields": [f"tags (added {', '.join(names)})"]}})
        return message

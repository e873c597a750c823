"""The statements review queue: statements whose speaker is unresolved or doubtful, set one by
one in the list (archive.curation.corrections.set_speaker)."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html

from archive.curation import corrections
from archive.models import (
    ArticleOrganisation,
    ArticlePerson,
    Statement,
)

from . import actions as admin_actions
from .articles import plain_pickers
from .forms import SpeakerForm, as_it_was

SPEAKER_FIELDS = {"speaker_person", "speaker_organisation"}


def _doubtful():
    """The speaker is known but the article does not link them: a guess worth checking."""
    person_linked = Exists(ArticlePerson.objects.filter(article=OuterRef("article"), person=OuterRef("speaker_person")))
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
    fields = [
        "article",
        "kind",
        "speaker_person",
        "speaker_organisation",
        "speaker_label",
        "text",
        "paragraph",
        "start",
        "end",
        "verb",
        "corrected",
        "in_context",
    ]
    readonly_fields = ["article", "corrected", "in_context"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return plain_pickers(super().formfield_for_dbfield(db_field, request, **kwargs))

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
            date_format(obj.article.published_on, "SHORT_DATE_FORMAT") if obj.article.published_on else "",
        )

    def save_model(self, request, obj, form, change):
        if change and set(form.changed_data) <= SPEAKER_FIELDS:  # the review queue's one change
            corrections.set_speaker(obj, obj.speaker_person or obj.speaker_organisation)
        else:
            corrections.save_editor_row(obj, request.user, replaced=as_it_was(form) if change else None)
        if change and SPEAKER_FIELDS & set(form.changed_data):
            admin_actions.log(
                request,
                [obj.article],
                f"Statement #{obj.pk}: speaker set to {obj.speaker_name} (review queue).",
            )

    def delete_model(self, request, obj):
        corrections.delete_editor_row(obj, request.user)

"""People, organisations, tags, countries and sources in the admin: searched, filtered and
autocompleted; people and organisations merged when two records are one (actions.merge_into)."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html

from archive.curation import corrections
from archive.models import (
    Country,
    Organisation,
    Person,
    PersonRole,
    Source,
    Statement,
    Tag,
)

from . import actions as admin_actions


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


class PersonRoleInline(admin.TabularInline):
    """The person's roles over time, as the articles give them; an editor's row is kept as it is."""

    model = PersonRole
    extra = 0
    fields = ["role", "first_seen", "last_seen", "articles", "corrected"]
    readonly_fields = ["articles", "corrected"]
    verbose_name_plural = "roles over time (from the articles; edit to correct)"


@admin.register(Person)
class PersonAdmin(EntityAdmin):
    speaker_field = "speaker_person"
    inlines = [PersonRoleInline]
    list_display = ["name", "role", "country", "organisation", "statements_column", "articles_column", "corrected"]
    list_filter = ["corrected", ("country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["country", "organisation"]
    search_fields = ["name", "alternative_names", "role"]
    autocomplete_fields = ["country", "organisation"]
    fields = ["name", "alternative_names", "role", "country", "organisation", "corrected", "statements_link"]
    readonly_fields = ["corrected", "statements_link"]

    def save_formset(self, request, form, formset, change):
        if formset.model is not PersonRole:
            return super().save_formset(request, form, formset, change)
        for role in formset.save(commit=False):
            corrections.save_editor_role(role)
        for role in formset.deleted_objects:
            role.delete()


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

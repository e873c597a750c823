"""The editors' and librarians' admin."""

from django.contrib import admin

from .models import (
    Article,
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    Country,
    ImportOutcome,
    ImportRun,
    Organisation,
    Person,
    Source,
    Statement,
    Tag,
    Tagging,
)


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "historic"]
    list_filter = ["historic"]
    search_fields = ["code", "name", "official_name"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "abbreviation", "kind", "country"]
    list_filter = ["kind"]
    list_select_related = ["country"]
    search_fields = ["name", "abbreviation", "alternative_names"]
    autocomplete_fields = ["country"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "country", "organisation"]
    list_select_related = ["country", "organisation"]
    search_fields = ["name", "alternative_names", "role"]
    autocomplete_fields = ["country", "organisation"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class StatementInline(admin.TabularInline):
    model = Statement
    extra = 0
    fields = ["kind", "speaker_person", "speaker_organisation", "speaker_label", "text", "paragraph"]
    autocomplete_fields = ["speaker_person", "speaker_organisation"]


class CountryLinkInline(admin.TabularInline):
    model = ArticleCountry
    extra = 0
    autocomplete_fields = ["country"]


class PersonLinkInline(admin.TabularInline):
    model = ArticlePerson
    extra = 0
    autocomplete_fields = ["person"]


class OrganisationLinkInline(admin.TabularInline):
    model = ArticleOrganisation
    extra = 0
    autocomplete_fields = ["organisation"]


class TaggingInline(admin.TabularInline):
    model = Tagging
    extra = 0
    autocomplete_fields = ["tag"]
    readonly_fields = ["tagged_by", "tagged_at"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["published_on", "title", "source"]
    list_select_related = ["source"]
    list_filter = ["source", "date_flagged"]
    date_hierarchy = "published_on"
    search_fields = ["title", "source_ref"]
    readonly_fields = ["fingerprint", "input_hash", "original_file", "import_run", "created_at", "updated_at"]
    inlines = [StatementInline, CountryLinkInline, PersonLinkInline, OrganisationLinkInline, TaggingInline]


class ImportOutcomeInline(admin.TabularInline):
    model = ImportOutcome
    extra = 0
    can_delete = False
    fields = ["location", "result", "article", "message"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "created", "updated", "unchanged", "duplicates", "failed", "started_by"]
    list_filter = ["status", "dry_run"]
    readonly_fields = [f.name for f in ImportRun._meta.fields]
    inlines = [ImportOutcomeInline]

    def has_add_permission(self, request):
        return False

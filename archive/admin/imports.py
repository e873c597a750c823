"""Import runs in the admin: what each import did, file by file, and the librarians' upload page."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from archive.models import (
    ImportOutcome,
    ImportRun,
)

from .forms import ImportUploadForm, size_words

# Shown as the progress line above a run's fields (templates/admin/archive/importrun/change_form.html).
PROGRESS_FIELDS = ["stories_done", "stories_total", "progress_at"]


class FailedOutcomeInline(admin.TabularInline):
    """The run's first failures only: a run of 20,000 failures must not make a page of 20,000 rows.
    All of them are on the outcomes list, paginated, through the counts above."""

    SHOWN = 100
    model = ImportOutcome
    extra = 0
    can_delete = False
    fields = ["location", "result", "article", "message"]
    readonly_fields = fields
    verbose_name_plural = f"failures (the first {SHOWN}; every outcome, page by page: the counts above)"
    max_num = 0

    def get_queryset(self, request):
        failed = super().get_queryset(request).filter(result=ImportOutcome.Result.FAILED)
        run_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
        if run_id is not None:
            first = failed.filter(run_id=run_id).order_by("id").values("id")[: self.SHOWN]
            failed = failed.filter(id__in=first)
        return failed.select_related("article")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "status",
        "created",
        "updated",
        "unchanged",
        "duplicates",
        "failed",
        "started_by",
        "origin",
    ]
    list_filter = ["status", "dry_run", "outcomes__result"]
    list_select_related = ["started_by"]
    show_facets = admin.ShowFacets.ALWAYS
    exclude = PROGRESS_FIELDS
    readonly_fields = [f.name for f in ImportRun._meta.fields if f.name not in PROGRESS_FIELDS] + ["outcome_links"]
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
        rows = [(url, obj.pk, row["result"], intcomma(row["n"]), row["result"]) for row in counts]
        if not rows:
            return "—"
        links = format_html_join(", ", '<a href="{}?run__id__exact={}&amp;result__exact={}">{} {}</a>', rows)
        failed = sum(row["n"] for row in counts if row["result"] == ImportOutcome.Result.FAILED)
        if failed > FailedOutcomeInline.SHOWN:
            links = format_html("{} (below: the first {} of {} failures)", links, FailedOutcomeInline.SHOWN,
                                intcomma(failed))  # fmt: skip
        return links

    def get_urls(self):
        return [
            path("upload/", self.admin_site.admin_view(self.upload_view), name="archive_importrun_upload"),
            path(
                "<int:pk>/progress/", self.admin_site.admin_view(self.progress_view), name="archive_importrun_progress"
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        ImportRun.objects.mark_abandoned()
        run = self.get_object(request, object_id)
        extra = {"run": run, "progress": run.progress() if run else None} | (extra_context or {})
        return super().change_view(request, object_id, form_url, extra)

    def progress_view(self, request, pk: int):
        """The run's progress as JSON, for the run page's poller (static/js/import_progress.js)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        ImportRun.objects.mark_abandoned()
        return JsonResponse(get_object_or_404(ImportRun, pk=pk).progress())

    def upload_view(self, request):
        if not request.user.has_perm("archive.import_files"):
            return TemplateResponse(
                request,
                "admin/archive/importrun/forbidden.html",
                {**self.admin_site.each_context(request), "title": "Import files", "opts": self.model._meta},
                status=403,
            )
        form = ImportUploadForm(request.POST, request.FILES) if request.method == "POST" else ImportUploadForm()
        if request.method == "POST" and form.is_valid():
            from archive.importing.tasks import queue_upload

            run = queue_upload(form.cleaned_data["files"], user=request.user)
            self.message_user(
                request, f"{run}: the files are stored and queued; this page shows how it goes.", messages.SUCCESS
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
                "max_upload": size_words(settings.IMPORT_MAX_UPLOAD_BYTES),
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

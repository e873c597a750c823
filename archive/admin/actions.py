"""Bulk actions of the admin: tag, untag, re-run extraction, merge. Each logs what it did in the
admin history (LogEntry) of every record it changed; the work itself is in archive.curation."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.template.response import TemplateResponse
from django.utils.text import capfirst

from archive.curation import merging, reextraction, tags
from archive.models import Article

from .forms import MergeForm, TagChoiceForm


def log(request, queryset_or_objects, message: str, flag=CHANGE) -> None:
    """One history entry per record, in one query."""
    if not isinstance(queryset_or_objects, list):
        queryset_or_objects = list(queryset_or_objects)
    if queryset_or_objects:
        LogEntry.objects.log_actions(request.user.pk, queryset_or_objects, flag, change_message=message)


def _intermediate(modeladmin, request, queryset, *, template, title, action, context):
    opts = modeladmin.model._meta
    return TemplateResponse(
        request,
        template,
        {
            **modeladmin.admin_site.each_context(request),
            "title": title,
            "opts": opts,
            "queryset": queryset,
            "action": action,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": modeladmin.media,
            **context,
        },
    )


def _tag_action(modeladmin, request, queryset, *, adding: bool):
    action = "add_tag" if adding else "remove_tag"
    form = TagChoiceForm(request.POST if "apply" in request.POST else None, allow_new=adding)
    if form.is_bound and form.is_valid():
        tag = form.cleaned_data["tag"] or tags.tag_named(form.cleaned_data["new_tag"])
        if adding:
            changed = tags.add_tag(queryset, tag, request.user)
            message = f'Added tag "{tag}" (bulk action on {queryset.count()} articles).'
        else:
            changed = tags.remove_tag(queryset, tag)
            message = f'Removed tag "{tag}" (bulk action on {queryset.count()} articles).'
        log(request, Article.objects.filter(pk__in=changed), message)
        verb = "Tagged" if adding else "Untagged"
        modeladmin.message_user(
            request,
            f'{verb} {len(changed)} of {queryset.count()} articles "{tag}"'
            + ("" if len(changed) == queryset.count() else f" ({'had' if adding else 'lacked'} it already: the rest)")
            + ".",
            messages.SUCCESS,
        )
        return None
    return _intermediate(
        modeladmin,
        request,
        queryset,
        template="admin/archive/article/tag_action.html",
        title="Add a tag to articles" if adding else "Remove a tag from articles",
        action=action,
        context={"form": form, "adding": adding},
    )


@admin.action(description="Add a tag to the selected articles", permissions=["change"])
def add_tag(modeladmin, request, queryset):
    return _tag_action(modeladmin, request, queryset, adding=True)


@admin.action(description="Remove a tag from the selected articles", permissions=["change"])
def remove_tag(modeladmin, request, queryset):
    return _tag_action(modeladmin, request, queryset, adding=False)


@admin.action(description="Run extraction again on the selected articles", permissions=["change"])
def reextract(modeladmin, request, queryset):
    from archive.importing.writer import ExtractionWriter

    writer = ExtractionWriter()
    done, failed = [], []
    for article in queryset.select_related("source"):
        try:
            reextraction.reextract(article, writer)
        except Exception as error:  # one bad story does not stop the rest
            failed.append(f"#{article.pk} ({type(error).__name__}: {error})")
        else:
            done.append(article)
    log(request, done, "Ran extraction again (editors' corrections kept).")
    modeladmin.message_user(request, f"Ran extraction again on {len(done)} articles.", messages.SUCCESS)
    if failed:
        modeladmin.message_user(request, f"Extraction failed on {', '.join(failed)}.", messages.ERROR)


@admin.action(description="Merge the selected records into one", permissions=["change", "delete"])
def merge_into(modeladmin, request, queryset):
    records = list(queryset)
    opts = modeladmin.model._meta
    if len(records) < 2:
        modeladmin.message_user(request, "Choose at least two records to merge.", messages.WARNING)
        return None
    form = MergeForm(request.POST if "apply" in request.POST else None, records=records)
    if form.is_bound and form.is_valid():
        keep = next(r for r in records if r.pk == form.cleaned_data["keep"])
        others = [r for r in records if r.pk != keep.pk]
        # History first: the merged records' entries must be written while they exist.
        log(request, others, f"Merged into {opts.verbose_name} #{keep.pk} ({keep}).", DELETION)
        summary = merging.merge(keep, others)
        log(request, [keep], summary.describe())
        log(
            request,
            Article.objects.filter(pk__in=summary.articles),
            f"{capfirst(opts.verbose_name)} {', '.join(summary.merged)} merged into {keep} (#{keep.pk}).",
        )
        modeladmin.message_user(request, f"{summary.describe()[:-1]} ({keep}).", messages.SUCCESS)
        return None
    preview = merging.merge_preview(records)
    return _intermediate(
        modeladmin,
        request,
        queryset,
        template="admin/archive/merge_confirmation.html",
        title=f"Merge {opts.verbose_name_plural}",
        action="merge_into",
        context={"form": form, "preview": preview, "fullest": merging.fullest(preview).pk},
    )

"""Editors' tags: made by name, added to and removed from many articles at once."""

from __future__ import annotations

from django.utils.text import slugify

from archive.models import Tag, Tagging


def tag_named(name: str) -> Tag:
    """The tag of that name (case-insensitive), created when there is none."""
    name = " ".join(name.split())[:100]
    if not name:
        raise ValueError("a tag needs a name")
    existing = Tag.objects.filter(name__iexact=name).first()
    if existing:
        return existing
    base, number = slugify(name)[:90] or "tag", 1
    slug = base
    while Tag.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    tag = Tag(name=name, slug=slug)
    tag.save()
    return tag


def add_tag(articles, tag: Tag, user=None) -> list[int]:
    """Tag the articles; returns the ids of those that did not have the tag yet."""
    ids = set(articles.values_list("pk", flat=True)) if hasattr(articles, "values_list") else {a.pk for a in articles}
    already = set(Tagging.objects.filter(tag=tag, article_id__in=ids).values_list("article_id", flat=True))
    new = sorted(ids - already)
    Tagging.objects.bulk_create([Tagging(article_id=pk, tag=tag, tagged_by=user) for pk in new], ignore_conflicts=True)
    return new


def remove_tag(articles, tag: Tag) -> list[int]:
    """Untag the articles; returns the ids of those that had the tag."""
    ids = set(articles.values_list("pk", flat=True)) if hasattr(articles, "values_list") else {a.pk for a in articles}
    taggings = Tagging.objects.filter(tag=tag, article_id__in=ids)
    had = sorted(taggings.values_list("article_id", flat=True))
    taggings.delete()
    return had

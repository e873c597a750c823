"""Facet filters for result lists (django-filter), and the counts shown beside each facet."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Count

from .models import Article, Country, Person


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label="Search")
    country = django_filters.ModelMultipleChoiceFilter(
        field_name="countries", queryset=Country.objects.all(), label="Country", distinct=True
    )
    speaker = django_filters.ModelMultipleChoiceFilter(
        field_name="statements__speaker_person", queryset=Person.objects.all(), label="Speaker", distinct=True
    )
    date_from = django_filters.DateFilter(
        field_name="published_on", lookup_expr="gte", label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = django_filters.DateFilter(
        field_name="published_on", lookup_expr="lte", label="To", widget=forms.DateInput(attrs={"type": "date"})
    )

    class Meta:
        model = Article
        fields = ["q", "country", "speaker", "date_from", "date_to"]

    def filter_text(self, queryset, name, value):
        from django.db.models import Q

        for word in value.split():
            queryset = queryset.filter(Q(title__icontains=word) | Q(body__icontains=word))
        return queryset


def facet_counts(articles) -> dict[str, list]:
    """Top values of each facet over the given articles, one grouped query each."""
    ids = articles.values("pk")
    countries = (
        Country.objects.filter(articles__in=ids).annotate(n=Count("articles")).order_by("-n", "name")[:15]
    )
    speakers = (
        Person.objects.filter(statements__article__in=ids)
        .annotate(n=Count("statements__article", distinct=True))
        .order_by("-n", "name")[:15]
    )
    return {"country": list(countries), "speaker": list(speakers)}

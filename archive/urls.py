from django.contrib import admin
from django.urls import include, path, re_path

from .health import health
from .public import feeds, relations, views

archive_patterns = [
    path("", views.search, name="search"),
    path("feed/", feeds.ArticleFeed(), name="search_feed"),
    re_path(r"^export\.(?P<fmt>csv|json|ris|bib|csl)$", views.export, {"kind": "articles"}, name="search_export"),
    path("statements/", views.statements, name="statements"),
    path("statements/feed/", feeds.StatementFeed(), name="statements_feed"),
    re_path(
        r"^statements/export\.(?P<fmt>csv|json|ris|bib|csl)$",
        views.export,
        {"kind": "statements"},
        name="statements_export",
    ),
    path("help/", views.help_page, name="help"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    re_path(
        r"^articles/(?P<pk>[0-9]{1,18})/cite\.(?P<fmt>ris|bib|csl)$", views.article_citation, name="article_citation"
    ),
    path("opensearch.xml", views.opensearch, name="opensearch"),
    path("people/", views.browse, {"kind": "people"}, name="people"),
    path("organisations/", views.browse, {"kind": "organisations"}, name="organisations"),
    path("countries/", views.browse, {"kind": "countries"}, name="countries"),
    path("people/<int:pk>/", views.person_detail, name="person"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation"),
    path("countries/<str:code>/", views.country_detail, name="country"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
    path("relations/", relations.relations, name="relations"),
    path("relations/<str:speaker>/<str:about>/", relations.relation_pair, name="relation_pair"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("health/", health, name="health"),
    path("api/", include("archive.api.urls")),
    path("", include((archive_patterns, "archive"))),
]

handler500 = "archive.public.errors.server_error"

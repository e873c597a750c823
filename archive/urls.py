from django.contrib import admin
from django.urls import include, path, re_path

from .public import feeds, views

archive_patterns = [
    path("", views.search, name="search"),
    path("feed/", feeds.ArticleFeed(), name="search_feed"),
    re_path(r"^export\.(?P<fmt>csv|json)$", views.export, {"kind": "articles"}, name="search_export"),
    path("statements/", views.statements, name="statements"),
    path("statements/feed/", feeds.StatementFeed(), name="statements_feed"),
    re_path(r"^statements/export\.(?P<fmt>csv|json)$", views.export, {"kind": "statements"}, name="statements_export"),
    path("help/", views.help_page, name="help"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("people/", views.browse, {"kind": "people"}, name="people"),
    path("organisations/", views.browse, {"kind": "organisations"}, name="organisations"),
    path("countries/", views.browse, {"kind": "countries"}, name="countries"),
    path("people/<int:pk>/", views.person_detail, name="person"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation"),
    path("countries/<str:code>/", views.country_detail, name="country"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include((archive_patterns, "archive"))),
]

handler500 = "archive.public.errors.server_error"

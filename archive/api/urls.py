"""The API's URLs, mounted under /api/ (archive/urls.py). No trailing slashes: /api/articles?q=..."""

from django.urls import path, re_path

from . import views

app_name = "api"
urlpatterns = [
    path("", views.guide, name="guide"),
    path("schema", views.schema, name="schema"),
    path("articles", views.search_list, {"kind": "articles"}, name="articles"),
    path("articles/<str:pk>", views.article_detail, name="article"),
    path("statements", views.search_list, {"kind": "statements"}, name="statements"),
    path("statements/<str:pk>", views.statement_detail, name="statement"),
    path("people", views.entity_list, {"kind": "people"}, name="people"),
    path("people/<str:pk>", views.person_detail, name="person"),
    path("organisations", views.entity_list, {"kind": "organisations"}, name="organisations"),
    path("organisations/<str:pk>", views.organisation_detail, name="organisation"),
    path("countries", views.entity_list, {"kind": "countries"}, name="countries"),
    path("countries/<str:code>", views.country_detail, name="country"),
    path("tags", views.entity_list, {"kind": "tags"}, name="tags"),
    path("tags/<str:slug>", views.tag_detail, name="tag"),
    re_path(r"^(?P<rest>.*)$", views.not_found),
]

from django.contrib import admin
from django.urls import include, path

from . import views

archive_patterns = [
    path("", views.search, name="search"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("people/<int:pk>/", views.person_detail, name="person"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation"),
    path("countries/<str:code>/", views.country_detail, name="country"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include((archive_patterns, "archive"))),
]

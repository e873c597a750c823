"""Who may do what: the editors' and librarians' roles (groups and their permissions,
docs/roles.md), and admin sign-in throttling (django-axes: too many failed sign-ins from one
address lock it out for a while)."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.db import models

# Roles ------------------------------------------------------------------------------------

_LINKS = ["articlecountry", "articleperson", "articleorganisation"]
_EDITED = ["tag", "tagging", "statement", "person", "organisation", *_LINKS]
_BROWSED = ["article", "source", "country", "tag", "tagging", "statement", "person", "organisation", *_LINKS]

#: Group name -> permissions ("app_label.codename"). Migration 0004 made the groups with a frozen
#: copy of this; `python manage.py setup_roles` brings existing groups in line with it.
ROLES: dict[str, list[str]] = {
    "Editors": sorted(
        {f"archive.{action}_{model}" for model in _EDITED for action in ("view", "add", "change", "delete")}
        | {
            "archive.view_article",
            "archive.change_article",
            "archive.view_country",
            "archive.view_source",
            "archive.view_removedlink",
        }
    ),
    "Librarians": sorted(
        {f"archive.view_{model}" for model in _BROWSED}
        | {"archive.import_files", "archive.view_importrun", "archive.view_importoutcome"}
    ),
}


def setup_roles(group_model, permission_model) -> dict[str, int]:
    """Create or update the groups of ROLES (idempotent). Works with real or historical models."""
    counts = {}
    for name, wanted in ROLES.items():
        group, _ = group_model.objects.get_or_create(name=name)
        query = models.Q(pk__in=[])
        for codename in wanted:
            app_label, code = codename.split(".")
            query |= models.Q(content_type__app_label=app_label, codename=code)
        permissions = list(permission_model.objects.filter(query))
        missing = set(wanted) - {f"{p.content_type.app_label}.{p.codename}" for p in permissions}
        if missing:
            raise LookupError(f"permissions not found (run migrate first): {', '.join(sorted(missing))}")
        group.permissions.set(permissions)
        counts[name] = len(permissions)
    return counts


# Sign-in throttle -------------------------------------------------------------------------


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' lockout check for sign-ins through the web (the admin's form). A sign-in without a
    request (the test client's login(), a script) has no address to count and is not throttled;
    plain Axes would refuse it with an error."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """Axes' answer to a locked-out address: the 429 page, saying when to try again."""
    from django.shortcuts import render

    response = render(request, "429.html", status=429)
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response


def client_ip(request) -> str:
    """The visitor's address. Behind our proxy, REMOTE_ADDR is the proxy's: the visitor's is the
    last one the proxy appended to X-Forwarded-For (earlier entries come from the client and may lie)."""
    if getattr(settings, "BEHIND_PROXY", False):
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if forwarded[-1]:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")

"""Admin sign-in throttling (django-axes): too many failed sign-ins from one address lock it out
for a while."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from django.conf import settings


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' lockout check for sign-ins through the web (the admin's form). A sign-in without a
    request (the test client's login(), a script) has no address to count and is not throttled;
    plain Axes would refuse it with an error."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request) -> str:
    """The visitor's address. Behind our proxy, REMOTE_ADDR is the proxy's: the visitor's is the
    last one the proxy appended to X-Forwarded-For (earlier entries come from the client and may lie)."""
    if getattr(settings, "BEHIND_PROXY", False):
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if forwarded[-1]:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")

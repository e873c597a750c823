"""Error pages: a friendly page for the visitor, the trace for the log (Django logs it to
`django.request` before calling these), and a 503 while the database is unreachable."""

from __future__ import annotations

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 10
API_PREFIX = "/api/"


def plain_page(template: str, status: int) -> HttpResponse:
    """Rendered without the request, so no context processor looks up a user or a session:
    the page shows even when the database does not answer."""
    return HttpResponse(loader.render_to_string(template), status=status)


def database_unavailable() -> HttpResponse:
    response = plain_page("503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request):
    """handler500. A lost database connection is no bug of ours and passes: 503, try again.
    The API answers in JSON."""
    down = isinstance(sys.exc_info()[1], DATABASE_DOWN)
    if request.path_info.startswith(API_PREFIX):
        from archive.api.responses import error

        if down:
            return error(503, "The database is not answering: try again shortly", Retry_After=str(RETRY_AFTER_SECONDS))
        return error(500, "Something went wrong on our side; it has been logged")
    if down:
        return database_unavailable()
    return plain_page("500.html", 500)


class RequestSizeLimitMiddleware:
    """Refuses a request body larger than the biggest upload allowed before anything reads it
    (the CSRF check reads a form's whole body). Django's own limits leave out uploaded files."""

    MULTIPART_ALLOWANCE = 1024 * 1024  # form fields and part headers around the files

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if content_length(request) > settings.IMPORT_MAX_UPLOAD_BYTES + self.MULTIPART_ALLOWANCE:
            return plain_page("413.html", 413)
        return self.get_response(request)


def content_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0

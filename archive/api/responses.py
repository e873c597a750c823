"""How the API answers: JSON with an ETag (304 to a matching If-None-Match) and Cache-Control,
errors as {"status", "message"}, and the rate limit per client address.

The rate limit counts requests per address (archive.auth.client_ip, so the visitor's behind our
proxy) in fixed windows, in Django's cache: API_RATE_LIMIT requests per API_RATE_WINDOW seconds,
then 429 with Retry-After until the window ends. The default cache (local memory) counts per
process; production with several workers sets CACHE_URL to a shared cache (Redis) so that the
limit holds for the site as a whole (README "Configuration").
"""

from __future__ import annotations

import functools
import hashlib
import json
import time

from django.conf import settings
from django.core.cache import caches
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.utils.http import parse_etags

from archive.auth import client_ip

from .pagination import BadRequest

JSON_TYPE = "application/json; charset=utf-8"
CACHE_CONTROL = "public, max-age=60"


def error(status: int, message: str, **headers) -> HttpResponse:
    body = json.dumps({"status": status, "message": message}, ensure_ascii=False)
    response = HttpResponse(body, status=status, content_type=JSON_TYPE)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    response["Cache-Control"] = "no-store"
    return response


def json_response(request, data, *, cache_control: str = CACHE_CONTROL, links: dict | None = None) -> HttpResponse:
    """`data` as JSON, with a strong ETag of its bytes: a client that has them gets 304."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if etag in parse_etags(request.headers.get("If-None-Match", "")) or request.headers.get("If-None-Match") == "*":
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type=JSON_TYPE)
    response["ETag"] = etag
    response["Cache-Control"] = cache_control
    if links:
        response["Link"] = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items())
    return response


def over_limit(request) -> int | None:
    """Seconds to wait when this address has used up its requests in the current window, else None."""
    limit, window = settings.API_RATE_LIMIT, settings.API_RATE_WINDOW
    if limit <= 0 or window <= 0:
        return None
    now = time.time()
    number = int(now // window)
    key = f"api-rate:{number}:{client_ip(request)}"
    cache = caches[settings.API_RATE_CACHE]
    cache.add(key, 0, timeout=window + 1)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr: a new window
        cache.add(key, 1, timeout=window + 1)
        used = 1
    if used > limit:
        return max(1, int((number + 1) * window - now + 0.999))
    return None


def api_view(view):
    """An API view: GET and HEAD only, rate limited, bad parameters and missing records as JSON errors."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return error(405, "The API is read-only: GET or HEAD", Allow="GET, HEAD")
        wait = over_limit(request)
        if wait is not None:
            return error(429, f"Too many requests from your address: try again in {wait} s", Retry_After=str(wait))
        try:
            return view(request, *args, **kwargs)
        except BadRequest as problem:
            return error(400, str(problem))
        except Http404 as missing:
            return error(404, str(missing) or "Not found")

    return wrapped

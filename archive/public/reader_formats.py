"""Dates and numbers in the reader's language; every word of the interface stays English.

The pages are written in English (`<html lang="en">`), but a reader whose browser asks for French,
German, Spanish ... (Accept-Language) reads the dates and numbers as their language writes them:
"5 mars 1987", "5. März 1987", "5 de marzo de 1987"; "12 345" or "12.345". Django's localisation
does this: its format file per locale and its own translations of the month names, under the
language activated here for the request. English readers (any English variant) get the site's own
British formats (`archive/formats/en_GB`), as before.

Not localised, whatever the browser asks:
- the admin and the API (`/admin/`, `/api/`, `/health/`): the editors' interface stays one language,
  and JSON is a machine format;
- the machine formats of the public site (feeds, CSV/JSON/RIS/BibTeX/CSL exports, citations,
  OpenSearch): they are written for programs, whose readers' languages do not matter;
- the citation printed on an article page, which follows its style's language (templates say so
  with {% language %}).

Pages that are localised say `Vary: Accept-Language`, so no cache between the site and its readers
gives one reader's formats to another. `Content-Language` is not set: the words are English.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import formats, timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.html import format_html

NOT_LOCALISED_PREFIXES = ("/admin/", "/api/", "/health/")
# The public site's machine formats, by URL name (archive/urls.py).
MACHINE_FORMATS = frozenset(
    {"search_feed", "statements_feed", "search_export", "statements_export", "article_citation", "opensearch"}
)


def reader_language(request) -> str | None:
    """The language whose formats the page uses, or None when the page is not localised."""
    path = request.path_info
    if path.startswith(NOT_LOCALISED_PREFIXES):
        return None
    try:
        if resolve(path).url_name in MACHINE_FORMATS:
            return None
    except Resolver404:
        pass  # the 404 page is a page like the others
    # Accept-Language (or the language cookie) among settings.LANGUAGES, else LANGUAGE_CODE:
    # "en-US" and "en" find "en-gb", "fr-CA" finds "fr".
    return translation.get_language_from_request(request)


class ReaderFormatsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = reader_language(request)
        if language is None:
            return self.get_response(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language",))
        return response


def is_english(language: str | None = None) -> bool:
    """Whether the formats in use are the site's own English ones."""
    return (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0] == "en"


# Dates as the pages write them: the site's own English forms exactly as before, else the reader's
# language's long forms (its short forms are numeric, "05/03/1987", which an English page's other
# readers would take for 3 May).


def day_month_year(day) -> str:
    """A date in a list: "5 Mar 1987" in English (`j M Y`, without a DateFormat for each one),
    "5 mars 1987", "5. März 1987", "5 de marzo de 1987"."""
    if not day:
        return ""
    if is_english():
        return f"{day.day} {MONTHS_3[day.month].title()} {day.year}"
    return formats.date_format(day, "DATE_FORMAT")


def day_month_year_time(moment) -> str:
    """A moment (UTC on the pages): "5 Mar 1987 14:30" in English, else the language's own."""
    if not moment:
        return ""
    moment = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    return formats.date_format(moment, "j M Y H:i" if is_english() else "DATETIME_FORMAT")


def month_year(day) -> str:
    """ "Mar 1987" in English, "mars 1987", "März 1987", "marzo de 1987"."""
    if not day:
        return ""
    return formats.date_format(day, "M Y" if is_english() else "YEAR_MONTH_FORMAT")


def month_name(number: int, short: bool = False) -> str:
    """A month's name: English as the calendar writes it ("March", short "Mar"); in another
    language its full name always (French "jui" would be June and July)."""
    if is_english():
        return str(MONTHS_3[number]).title() if short else str(MONTHS[number])
    return str(MONTHS[number])


def lang_attribute() -> str:
    """` lang="fr"` for a date written in the reader's language when that is not the page's English."""
    if is_english():
        return ""
    return format_html(' lang="{}"', translation.get_language())

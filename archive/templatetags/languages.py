"""A story's language on the pages: its name, and the `lang` attribute of what is written in it.

{% load languages %}
<h1{{ article.language|lang_attribute }}>…</h1>   -> <h1 lang="fr" dir="ltr">… for a French story, nothing for English
{{ article.language|language_name }}              -> "French (français)"
"""

from __future__ import annotations

import re

from django import template
from django.conf.locale import LANG_INFO
from django.utils.html import format_html

register = template.Library()

PAGE_LANGUAGE = "en"  # the language the pages themselves are written in (base.html)
RIGHT_TO_LEFT = frozenset("ar fa he ur yi ps dv ku sd ug".split())
_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


@register.filter
def language_name(code: str) -> str:
    """ "fr" -> "French (français)"; an unknown code is shown as it is."""
    info = LANG_INFO.get(code or "")
    if info and "name" not in info:
        info = LANG_INFO.get(info.get("fallback", [""])[0], {})
    if not info:
        return code or "unknown"
    local = info.get("name_local", "")
    return f"{info['name']} ({local})" if local and local != info["name"] else info["name"]


@register.filter
def lang_attribute(code: str):
    """` lang="xx"` (and `dir`) for text in another language than the page's, else nothing. A code
    that is no language tag (an editor's typo) gives nothing rather than a wrong attribute."""
    code = (code or "").strip()
    if not _TAG.fullmatch(code) or code.split("-")[0] == PAGE_LANGUAGE:
        return ""
    direction = "rtl" if code.split("-")[0] in RIGHT_TO_LEFT else "ltr"
    return format_html(' lang="{}" dir="{}"', code, direction)

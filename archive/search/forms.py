"""Form fields of the search lists that drop bad values instead of failing: a researcher's typo or
a stale link gives results and a hint, never an error page."""

from __future__ import annotations

from django import forms

MAX_QUERY_CHARS = 500
MAX_VALUES = 20  # values of one facet honoured per request


class LenientTextField(forms.CharField):
    """Free text, stripped and cut to a sane length (10 KB queries are cut, not refused)."""

    def to_python(self, value):
        value = super().to_python(value)
        self.was_cut = len(value) > MAX_QUERY_CHARS
        return value[:MAX_QUERY_CHARS]


class FacetField(forms.Field):
    """Several values of one facet (OR). Cleans to [(value, label)]; remembers the values it dropped."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, resolve=None, **kwargs):
        kwargs.setdefault("required", False)
        self.resolve = resolve
        self.dropped: list[str] = []
        super().__init__(**kwargs)

    def to_python(self, value):
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        seen: list[str] = []
        for item in value:
            item = str(item).strip()[:100]
            # A NUL cannot even be sent to PostgreSQL; no real value holds a control character.
            if item and item not in seen and item.isprintable():
                seen.append(item)
        self.dropped = seen[MAX_VALUES:]
        return seen[:MAX_VALUES]

    def clean(self, value):
        raw = self.to_python(value)
        labels = self.resolve(raw) if raw else {}
        self.dropped += [item for item in raw if item not in labels]
        return [(item, labels[item]) for item in raw if item in labels]

"""Forms of the editors' and librarians' admin: intermediate pages, uploads, the review queue."""

from __future__ import annotations

import copy

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from archive.models import Article, Statement, Tag


class TagChoiceForm(forms.Form):
    """Which tag a bulk action adds or removes: an existing one, or (when adding) a new name."""

    tag = forms.ModelChoiceField(queryset=Tag.objects.all(), required=False, empty_label="— choose a tag —")
    new_tag = forms.CharField(
        max_length=100, required=False, label="or a new tag", help_text="Created if no tag has this name."
    )

    def __init__(self, *args, allow_new: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_new:
            del self.fields["new_tag"]

    def clean(self):
        data = super().clean()
        new = " ".join((data.get("new_tag") or "").split())
        if data.get("tag") and new:
            raise forms.ValidationError("Choose a tag or type a new one, not both.")
        if not data.get("tag") and not new:
            raise forms.ValidationError("Choose a tag" + (" or type a new one." if "new_tag" in self.fields else "."))
        data["new_tag"] = new
        return data


class MergeForm(forms.Form):
    keep = forms.TypedChoiceField(coerce=int, widget=forms.RadioSelect, label="Keep this record")

    def __init__(self, *args, records=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].choices = [(record.pk, str(record)) for record in records]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if not data and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else single(data, initial)


def size_words(size: int) -> str:
    """A size as people write it: "100 MB", "1.5 GB" (filesizeformat without a trailing ".0")."""
    return filesizeformat(size).replace(".0\xa0", "\xa0")


class ImportUploadForm(forms.Form):
    files = MultipleFileField(
        label="Files",
        help_text="Several files, or one .zip or .tar.gz archive: text, JSON Lines/JSON, CSV, HTML, NITF, NewsML-G2.",
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        total = sum(upload.size for upload in files)
        limit = settings.IMPORT_MAX_UPLOAD_BYTES
        if total > limit:
            raise forms.ValidationError(
                f"These files come to {size_words(total)}, more than the {size_words(limit)} one upload may hold. "
                "Upload them in several parts, or ask an administrator to import them on the server."
            )
        return files


class ArticleAdminForm(forms.ModelForm):
    # A URL typed without a scheme is taken as https (Django 6's default, stated now).
    url = forms.URLField(required=False, max_length=1000, assume_scheme="https", label="URL")
    add_tags = forms.CharField(
        required=False,
        label="Add tags",
        help_text="Names separated by commas; a tag that does not exist yet is created.",
        widget=forms.TextInput(attrs={"size": 60}),
    )

    class Meta:
        model = Article
        # The admin's fieldsets choose what is shown; these are the fields an editor may change.
        fields = [
            "title",
            "published_on",
            "date_flagged",
            "dateline",
            "source",
            "source_ref",
            "body",
            "language",
            "url",
            "credits",
        ]

    def clean_language(self) -> str:
        """The language as the importer stores it ("pt-BR" -> "pt"); anything else is refused."""
        from archive.importing.language import normalised_language

        typed = self.cleaned_data.get("language", "")
        language = normalised_language(typed)
        if not language:
            raise forms.ValidationError(
                "Give the language as an ISO 639-1 code, such as en, fr, es or de (%(typed)s is none).",
                params={"typed": typed},
            )
        return language

    def tag_names(self) -> list[str]:
        names = [" ".join(name.split()) for name in self.cleaned_data.get("add_tags", "").split(",")]
        return [name[:100] for name in names if name]


class StatementInlineForm(forms.ModelForm):
    """A statement on its article's page. Where it stands in the body (paragraph, start, end) is found
    from its text, not typed as character offsets: hidden, and set again when the text changes."""

    POSITION = ("paragraph", "start", "end")

    class Meta:
        model = Statement
        fields = [
            "kind",
            "speaker_person",
            "speaker_organisation",
            "speaker_label",
            "text",
            "paragraph",
            "start",
            "end",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2, "cols": 36}),
            "speaker_label": forms.TextInput(attrs={"size": 12}),
            "paragraph": forms.HiddenInput,
            "start": forms.HiddenInput,
            "end": forms.HiddenInput,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.POSITION:
            self.fields[name].required = False
        self.moved: list[str] = []

    def clean(self):
        data = super().clean()
        text = data.get("text")
        if not text or "text" in self._errors:
            return data
        try:
            article = self.instance.article  # set by the inline formset, new rows included
        except Article.DoesNotExist:
            return data
        if not self.instance._state.adding and text == self.initial.get("text"):
            return data  # where it stands is unchanged
        position = locate(article.paragraphs, text)
        if position is None:
            self.add_error("text", "These words are not in the article's text: copy them from the body.")
            return data
        for name, value in zip(self.POSITION, position, strict=True):
            if self.initial.get(name) != value:
                self.moved.append(name)
            data[name] = value
        return data

    @property
    def changed_data(self):
        """The fields changed, the position found from a changed text included (as_it_was reads them)."""
        changed = super().changed_data  # a cached_property of BaseForm, computed afresh here
        return [*changed, *(name for name in self.moved if name not in changed)]


def locate(paragraphs: list[str], text: str) -> tuple[int, int, int] | None:
    """(paragraph, start, end) of the first place `text` stands in the paragraphs, else None."""
    for number, paragraph in enumerate(paragraphs):
        start = paragraph.find(text)
        if start >= 0:
            return number, start, start + len(text)
    return None


class SpeakerForm(forms.ModelForm):
    """One row of the review queue: one speaker, a person or an organisation."""

    class Meta:
        model = Statement
        fields = ["speaker_person", "speaker_organisation"]

    def clean(self):
        data = super().clean()
        if data.get("speaker_person") and data.get("speaker_organisation"):
            raise forms.ValidationError("A statement has one speaker: a person or an organisation, not both.")
        return data


def as_it_was(form):
    """The instance of a model form as it was before the editor's change (None for a new one), so
    that a row pointed at another entity or span counts the old one as removed."""
    if form.instance._state.adding or not form.changed_data:
        return None
    before = copy.copy(form.instance)
    for name in form.changed_data:
        field = before._meta.get_field(name)
        setattr(before, field.attname, form.initial.get(name))
    return before

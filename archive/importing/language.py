"""A story's language when its file does not say it (or a web page's template says another).

    detect_language("Переговоры в Москве продолжатся завтра ...")  -> "ru"
    detect_language("Talks")                                       -> ""  (too short to tell)

py3langid (a maintained fork of langid.py, which ships its model) rather than
lingua-language-detector, measured by `python -m bench.language_detection` on the sample files,
Reuters stories and short wire sentences in 14 languages (369 titles and 369 openings of 300
characters): py3langid limited to NEWS_LANGUAGES was right on 99.5% of openings and 87% of titles
at 0.12 ms a text and about 70 MiB (with all its 97 languages: 95.4% and 72%, short English
headlines taken for Nigerian Pidgin or Latin); lingua in its accurate mode was right on 98.6% and
93% but took 18 ms a text, a minute to load and 1.25 GiB (too much for an import worker), and in
its low-accuracy mode 98.4% and 73% at 1.5 ms. The importer detects on a story's title and opening
paragraphs together, never on a title alone, which is where py3langid is at its best; every opening
it gave a confidence of 0.5 or more was right.
"""

from __future__ import annotations

import logging
import re
import threading
from itertools import islice

# The languages a news archive meets (ISO 639-1, as py3langid names them). Leaving out the
# model's rarer languages (Latin, Nigerian Pidgin, Bikol, Volapük ...) keeps short English wire
# headlines from being taken for them.
NEWS_LANGUAGES = (
    "af ar bg bn ca cs cy da de el en es et eu fa fi fr ga gl gu he hi hr hu hy id is it ja ka kk ko lt lv mk ml "
    "mr ms mt nl no pa pl pt ro ru sk sl sq sr sv sw ta te th tl tr uk ur vi zh"
).split()
MIN_LETTERS = 20  # fewer letters than this say too little
MIN_CONFIDENCE = 0.5  # below, the text's language is left unknown
TEXT_CHARS = 1500  # how much of a story is looked at

_identifier = None
_lock = threading.Lock()
logger = logging.getLogger(__name__)
UNAVAILABLE = object()  # the model could not be loaded: no detection (stories keep "" and default to "en")


def load():
    """The detector, loaded once per process (about 3 s and 100 MiB, when a story first needs it:
    preparing.py, outside any transaction). Detection is best effort: a model that cannot be loaded
    (py3langid unpacks it into a temporary file: a full disk) is logged once and detection is off."""
    global _identifier
    with _lock:
        if _identifier is None:
            try:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                identifier.set_languages(NEWS_LANGUAGES)
                _identifier = identifier
            except (ImportError, OSError, ValueError) as error:
                logger.warning("language detection is off: its model could not be loaded (%s)", error)
                _identifier = UNAVAILABLE
    return _identifier


def has_letters(text: str, count: int) -> bool:
    """Whether `text` holds at least `count` letters, read only as far as needed: counting all of a
    story's 1,500 characters one by one in Python cost the importer a fifth of its detection."""
    if count <= 0:
        return True
    return next(islice((char for char in text if char.isalpha()), count - 1, None), None) is not None


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language `text` is written in, or "" when it is too short or the
    detector is unsure."""
    text = text[:TEXT_CHARS]
    if not has_letters(text, MIN_LETTERS):
        return ""
    identifier = load()
    if identifier is UNAVAILABLE:
        return ""
    language, confidence = identifier.classify(text)
    return language if confidence >= MIN_CONFIDENCE else ""


def checked_language(declared: str, text: str) -> str:
    """A web page's declared language (`<html lang>`), unless its text is confidently in another:
    page templates often keep lang="en" whatever the story's language."""
    found = detect_language(text) if len(text) >= 200 else ""
    if found and normalised_language(declared) != found:
        return found
    return declared


def story_language(declared: str, title: str, text: str) -> str:
    """What a story's language is stored as: what its file said, else what its text says."""
    return declared or detect_language(f"{title}\n\n{text}")


def stored_language(raw) -> str:
    """The language an imported story is stored (and extracted) in: what its file says, else what
    the importer detected (RawDocument.extra["detected_language"]), else English."""
    return normalised_language(raw.language) or raw.extra.get("detected_language") or "en"


LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def normalised_language(tag: str) -> str:
    """A file's language tag as the archive stores it: its primary language subtag in lower case
    ("pt-BR" -> "pt", "EN" -> "en", "de_DE" -> "de"); "" for what is no language tag ("x", "und")."""
    tag = (tag or "").strip()
    if not LANGUAGE_TAG.fullmatch(tag):
        return ""
    primary = re.split(r"[-_]", tag)[0].lower()
    return "" if primary in ("und", "mul", "zxx", "mis") else primary

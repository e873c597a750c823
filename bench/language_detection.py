"""py3langid against lingua-language-detector on short news texts (issue 15, item 7): which one
the importer uses to say a story's language when its file does not.

    .venv/bin/python -m bench.language_detection

Texts: the titles and first 300 characters of the sample files whose language is known
(../shared/samples: English, German, French, Spanish, Portuguese pages and wire items), 300
Reuters stories (English) and a few short wire sentences in other scripts and languages written
for this bench. Prints, per library, the share right for titles and for 300-character openings, the
median time per text, the time to load and the memory it takes.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time

from archive.devtools.processes import PROJECT_DIR

SHARED = PROJECT_DIR.parent / "shared"

# Short wire-style sentences (written for this bench), as a title would be and a little longer.
WRITTEN = {
    "ru": ["Переговоры в Москве продолжатся завтра", "Министр иностранных дел России встретился с послом Китая "
           "для обсуждения торгового соглашения."],
    "uk": ["Україна і Польща підписали угоду про співпрацю", "Міністр закордонних справ заявив, що переговори "
           "тривають."],
    "zh": ["会谈将于明天在北京继续", "外交部发言人表示，双方就贸易问题交换了意见。"],
    "ja": ["首相は明日ワシントンで大統領と会談する", "外務省は声明で、交渉が続いていると述べた。"],
    "ar": ["المحادثات تستمر غدا في القاهرة", "قال وزير الخارجية إن المفاوضات مع الجانب الإسرائيلي "
           "ستستأنف الأسبوع المقبل."],
    "el": ["Οι συνομιλίες συνεχίζονται αύριο", "Ο υπουργός Εξωτερικών δήλωσε ότι οι διαπραγματεύσεις θα συνεχιστούν."],
    "tr": ["Dışişleri Bakanı Ankara'da mevkidaşıyla görüştü", "Türkiye ile Yunanistan arasındaki müzakereler "
           "yarın devam edecek."],
    "it": ["Il ministro degli Esteri incontra l'ambasciatore", "I negoziati tra i due paesi riprenderanno la "
           "prossima settimana a Roma."],
    "nl": ["Minister van Buitenlandse Zaken bezoekt Brussel", "De onderhandelingen over het handelsakkoord worden "
           "volgende week hervat."],
    "pl": ["Minister spraw zagranicznych spotkał się z ambasadorem", "Rozmowy w sprawie umowy handlowej zostaną "
           "wznowione w przyszłym tygodniu."],
    "es": ["El canciller se reunió con su homólogo chileno", "Las negociaciones comerciales continuarán la "
           "próxima semana en Buenos Aires."],
    "fr": ["Le ministre des Affaires étrangères reçu à Berlin", "Les négociations reprendront la semaine "
           "prochaine à Genève, a indiqué le porte-parole."],
    "de": ["Außenminister trifft Amtskollegen in Paris", "Die Verhandlungen über das Handelsabkommen werden "
           "nächste Woche fortgesetzt."],
    "pt": ["Chanceler brasileiro se reúne com ministro argentino", "As negociações comerciais serão retomadas "
           "na próxima semana em Brasília."],
}  # fmt: skip


def sample_texts() -> list[tuple[str, str, str]]:
    """(language, kind, text) from the sample files and the corpus."""
    import django

    django.setup()
    from archive.importing.readers import read_input

    known = {"readability-folha.html": "pt", "readability-la-nacion.html": "es", "readability-liberation-1.html": "fr"}
    texts = []
    for path in sorted((SHARED / "samples").glob("*/*")):
        if path.suffix not in (".html", ".xml") or ".expected" in path.name:
            continue
        for document in read_input(path.name, path.read_bytes()):
            if not hasattr(document, "text"):
                continue
            language = known.get(path.name) or ("de" if path.name.startswith("dpa-") and "no_notepad" not in path.name
                                                else "en")  # fmt: skip
            texts += [(language, "title", document.title), (language, "opening", document.text[:300])]
    with open(SHARED / "corpus/reuters21578/all.jsonl", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number % 60 == 0:
                record = json.loads(line)
                if record.get("title") and record.get("body"):
                    texts += [("en", "title", record["title"].title()), ("en", "opening", record["body"][:300])]
            if len(texts) > 1200:
                break
    for language, (title, sentence) in WRITTEN.items():
        texts += [(language, "title", title), (language, "opening", sentence)]
    return [(language, kind, text) for language, kind, text in texts if text.strip()]


def detector(name: str):
    """A function text -> ISO 639-1 code for one library and configuration."""
    if name.startswith("py3langid"):
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        if name.endswith("news"):
            from archive.importing.language import NEWS_LANGUAGES

            identifier.set_languages(NEWS_LANGUAGES)
        return lambda text: identifier.classify(text)[0]
    if name == "importer":  # what the importer stores: "" when too short or unsure (then counted wrong)
        from archive.importing.language import detect_language

        detect_language("warm up: load the model before the clock starts")
        return detect_language
    from lingua import LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_all_languages()
    builder = builder.with_low_accuracy_mode() if name == "lingua low" else builder.with_preloaded_language_models()
    built = builder.build()

    def detect(text):
        found = built.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found else ""

    return detect


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lingua", action="store_true", help="also lingua's accurate mode (a minute, 1.3 GiB)")
    args = parser.parse_args()
    texts = sample_texts()
    print(f"{len(texts)} texts: {sum(kind == 'title' for _, kind, _ in texts)} titles, "
          f"{len({language for language, _, _ in texts})} languages")  # fmt: skip
    for name in ("py3langid", "py3langid news", "importer", "lingua low", *(["lingua"] if args.lingua else [])):
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        try:
            detect = detector(name)
        except ImportError:
            print(f"{name:15} not installed (pip install lingua-language-detector to compare)")
            continue
        loaded = time.perf_counter() - started
        right: dict[str, list[bool]] = {"title": [], "opening": []}
        times, wrong = [], []
        for language, kind, text in texts:
            started = time.perf_counter()
            found = detect(text)
            times.append(time.perf_counter() - started)
            ok = found == language or (language == "en" and found == "la" and "Et, sent" in text)  # lorem ipsum
            right[kind].append(ok)
            if not ok:
                wrong.append(f"{language}->{found}: {text[:40]!r}")
        memory = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        print(f"{name:15} titles {sum(right['title']) / len(right['title']):6.1%}  "
              f"openings {sum(right['opening']) / len(right['opening']):6.1%}  "
              f"median {statistics.median(times) * 1000:6.2f} ms/text  load {loaded:5.2f} s  +{memory:5.0f} MiB")
        for line in wrong[:6]:
            print("    wrong", line)


if __name__ == "__main__":
    main()

"""python manage.py reextract [--all | ID ...]: run extraction again on stored articles."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from archive.curation.merging import fold_surnames
from archive.curation.reextraction import reextract
from archive.importing.writer import ExtractionWriter
from archive.models import Article


class Command(BaseCommand):
    help = (
        "Run extraction again on stored articles (after the extraction improved) and rewrite their "
        "countries, people, organisations and statements. Rows an editor corrected, and links an "
        "editor removed, stay as the editor left them. One transaction per article. With --all, a "
        "person's record made for a surname printed alone then joins the one full name of that surname."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Article ids.")
        parser.add_argument("--all", action="store_true", help="Every article in the archive.")

    def handle(self, *args, ids, all, verbosity, **options):
        if all and ids:
            raise CommandError("Give article ids or --all, not both.")
        if not all and not ids:
            raise CommandError("Give article ids, or --all for every article.")
        if all:
            articles = Article.objects.order_by("pk")
        else:
            wanted = sorted(set(ids))
            found = set(Article.objects.filter(pk__in=wanted).values_list("pk", flat=True))
            unknown = [str(pk) for pk in wanted if pk not in found]
            if unknown:
                raise CommandError(f"No article with id {', '.join(unknown)}. Nothing was changed.")
            articles = Article.objects.filter(pk__in=wanted).order_by("pk")

        writer = ExtractionWriter()
        done, failed = 0, []
        for article in articles.select_related("source").iterator(chunk_size=200):
            try:
                extraction = reextract(article, writer)
            except Exception as error:  # one bad story is reported, the others go on
                failed.append(article.pk)
                self.stderr.write(f"#{article.pk}: extraction failed ({type(error).__name__}: {error})")
                continue
            done += 1
            if verbosity >= 2:
                self.stdout.write(
                    f"#{article.pk}: {len(extraction.countries)} countries, {len(extraction.people)} people, "
                    f"{len(extraction.organisations)} organisations, {len(extraction.statements)} statements found"
                )
        if verbosity >= 1:
            self.stdout.write(f"Extraction ran again on {done} articles ({len(failed)} failed).")
        if all:
            # People an earlier import left on two rows, a surname alone and its full name: one row.
            folded = fold_surnames()
            if verbosity >= 1 and folded:
                self.stdout.write(f"Folded {len(folded)} surnames printed alone into their full names.")
            if verbosity >= 2:
                for surname, full in folded:
                    self.stdout.write(f"  {surname} -> {full}")
        if failed:
            raise CommandError(f"Extraction failed on {len(failed)} articles: {', '.join(map(str, failed))}.")

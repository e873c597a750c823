"""python manage.py export_archive [--output FILE]: the whole archive as JSON Lines."""

import sys

from django.core.management.base import BaseCommand, CommandError

from archive.exporting import export_lines


class Command(BaseCommand):
    help = (
        "Write the archive as JSON Lines, one article a line, with its extracted countries, people, "
        "organisations, statements, tags and editors' marks. `import_documents FILE` reads it back."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write (default: standard output).")

    def handle(self, *args, output, verbosity, **options):
        try:
            stream = open(output, "w", encoding="utf-8") if output else None
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}") from error
        count = 0
        try:
            for line in export_lines():
                (stream or self.stdout).write(line, ending="") if stream is None else stream.write(line)
                count += 1
        finally:
            if stream:
                stream.close()
        if output and verbosity >= 1:
            self.stdout.write(f"Exported {count} articles to {output}.")
        elif verbosity >= 2:
            sys.stderr.write(f"Exported {count} articles.\n")

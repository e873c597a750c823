"""python manage.py export_archive [--output FILE]: the whole archive as JSON Lines."""

import os
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.backup.dump import export_lines


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
            self.note_import_limit(output)
        elif verbosity >= 2:
            sys.stderr.write(f"Exported {count} articles.\n")

    def note_import_limit(self, output: str) -> None:
        """A big archive makes a file over the import's size limit: say how to read it back."""
        size = os.path.getsize(output)
        if size > settings.IMPORT_MAX_FILE_BYTES:
            self.stdout.write(
                f"The file ({size:,} bytes) is over IMPORT_MAX_FILE_BYTES ({settings.IMPORT_MAX_FILE_BYTES:,}); "
                f"restore it with: IMPORT_MAX_FILE_BYTES={size} python manage.py import_documents {output} "
                "(JSON Lines is read one line at a time)."
            )

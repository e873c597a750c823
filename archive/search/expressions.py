"""A piece of SQL whose slots are Django expressions, so table aliases follow Django's relabelling.

RawSQL cannot name the outer table safely: in a subquery (`pk__in=articles.values("pk")`) Django
renames archive_article to U0. Here `{pk}` is compiled from F("pk") wherever the SQL ends up.
"""

from __future__ import annotations

from string import Formatter

from django.db.models import Expression


class SqlTemplate(Expression):
    def __init__(self, template: str, output_field, **slots):
        super().__init__(output_field=output_field)
        self.template = template
        self.names = [name for _, name, _, _ in Formatter().parse(template) if name]
        self.slots = dict(slots)

    def get_source_expressions(self):
        return list(self.slots.values())

    def set_source_expressions(self, expressions):
        self.slots = dict(zip(self.slots, expressions, strict=True))

    def as_sql(self, compiler, connection):
        compiled = {name: compiler.compile(expression) for name, expression in self.slots.items()}
        sql = self.template.format(**{name: part[0] for name, part in compiled.items()})
        params = [param for name in self.names for param in compiled[name][1]]
        return sql, params

    def __repr__(self):
        return f"SqlTemplate({self.template!r}, {self.slots!r})"

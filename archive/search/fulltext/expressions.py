"""A piece of SQL whose slots are Django expressions, so table aliases follow Django's relabelling.

RawSQL cannot name the outer table safely: in a subquery (`pk__in=articles.values("pk")`) Django
renames archive_article to U0. Here `{pk}` is compiled from F("pk") wherever the SQL ends up.
"""

from __future__ import annotations

import copy
from functools import cached_property
from string import Formatter

from django.db import connections
from django.db.models import BooleanField, Expression


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


class InIds(Expression):
    """`<column> IN <ids>` with all the ids as ONE parameter, however many there are.

    For a set of ids fetched once per request and used by several queries of the page (count,
    facets): SQLite reads a JSON array with json_each, PostgreSQL unnests a bigint[] literal. Django's
    `pk__in=[...]` would send one parameter per id. (`= ANY(array)` would cost PostgreSQL's planner
    a selectivity estimate per element: 10 ms and more for 10,000 ids.)

    `walk=True`, for many ids, keeps the database from looking each id up in the column's index:
    it scans instead and checks each row against the ids. SQLite then walks another index, in the
    order a GROUP BY or ORDER BY wants; PostgreSQL hashes the ids (it cannot tell how many distinct
    ids an array holds, assumes 200 and would otherwise look up each id: twice as slow for 15,000).
    """

    output_field = BooleanField()

    def __init__(self, column, ids, *, walk: bool = False):
        super().__init__()
        self.column = column
        self.ids = ids
        self.walk = walk

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, expressions):
        (self.column,) = expressions

    def __deepcopy__(self, memo):
        clone = copy.copy(self)  # the ids never change: share them
        clone.column = copy.deepcopy(self.column, memo)
        return clone

    def as_sql(self, compiler, connection):
        column, params = compiler.compile(self.column)
        if connection.vendor == "postgresql":
            column = f"({column} + 0)" if self.walk else column
            return f"{column} IN (SELECT unnest(%s::bigint[]))", [*params, self.ids.as_array()]
        if connection.vendor == "sqlite":
            plus = "+" if self.walk else ""
            return f"{plus}{column} IN (SELECT value FROM json_each(%s))", [*params, self.ids.as_json()]
        raise NotImplementedError(f"no id lists for {connection.vendor}")


class Ids(tuple):
    """A tuple of integer ids that spells itself as a SQL parameter once, however often it is sent."""

    @cached_property
    def _joined(self) -> str:
        return ",".join(map(str, self))

    def as_json(self) -> str:
        return f"[{self._joined}]"

    def as_array(self) -> str:
        return f"{{{self._joined}}}"


def fetch_ids(queryset, *, in_order: bool = False) -> Ids:
    """The primary keys of a queryset as plain tuples (thousands of them: not the ORM's iterator);
    in the queryset's order when `in_order`, else in none."""
    found = (queryset if in_order else queryset.order_by()).values("pk")
    connection = connections[found.db]
    sql, params = found.query.get_compiler(connection=connection).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return Ids([row[0] for row in cursor.fetchall()])

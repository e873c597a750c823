"""/health/: whether the archive can serve, for load balancers and monitors.

200 with {"database": "ok", "replicas": {alias: "ok" or why it is skipped}, "reads_from": the
replica this request read from, or "primary", and on PostgreSQL "reads_in_recovery": whether that
server is a standby}; 503 when the primary does not answer."""

from __future__ import annotations

from django.db import DatabaseError, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from .replicas import health as replica_health
from .replicas import reading_from, replica_aliases


@never_cache
def health(request):
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"database": "unreachable"}, status=503, headers={"Retry-After": "10"})
    usable = replica_health.usable()
    replicas = {alias: "ok" if alias in usable else replica_health.problems.get(alias) for alias in replica_aliases()}
    state = {"database": "ok", "replicas": replicas, "reads_from": reading_from() or "primary"}
    reads = connections[reading_from() or "default"]
    if reads.vendor == "postgresql":  # proof of where reads go: a replica is in recovery
        with reads.cursor() as cursor:
            cursor.execute("SELECT pg_is_in_recovery()")
            state["reads_in_recovery"] = cursor.fetchone()[0]
    return JsonResponse(state)

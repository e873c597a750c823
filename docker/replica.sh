#!/bin/sh
# The replica service: on its first start, a copy of the db service (pg_basebackup -R writes the
# settings that make it follow the primary); then PostgreSQL as a hot standby that serves reads.
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -q -h db -U "$POSTGRES_USER"; do sleep 1; done
  mkdir -p "$PGDATA" && chown postgres "$PGDATA" && chmod 700 "$PGDATA"
  gosu postgres env PGPASSWORD="$REPLICATION_PASSWORD" \
    pg_basebackup -h db -U replicator -D "$PGDATA" -R -X stream
fi
exec docker-entrypoint.sh postgres -c hot_standby=on -c shared_buffers=1GB -c effective_cache_size=3GB

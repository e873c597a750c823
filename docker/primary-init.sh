#!/bin/sh
# Run once by the postgres image when the db service's data folder is made (docker-entrypoint-initdb.d):
# a role the replica copies and follows the primary with, allowed to connect for replication.
set -e
psql -v ON_ERROR_STOP=1 -v password="$REPLICATION_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"

#!/bin/sh
# Start a local PostgreSQL for the store tests (SITREP_TEST_PG) and create the sitrep role
# and the sitrep_test database. Idempotent: every step is skipped when already done.
# Needs root (apt-get, su postgres). Usage: scripts/start-postgres.sh
set -eu

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
fi

version=$(ls /etc/postgresql | sort -n | tail -n 1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online" {found=1} END {exit !found}'; then
    pg_ctlcluster "$version" main start
fi

# wait until it accepts connections (start returns before that on slow machines)
tries=0
until su postgres -c "pg_isready -q"; do
    tries=$((tries + 1))
    if [ "$tries" -ge 30 ]; then
        echo "start-postgres: PostgreSQL $version did not come up" >&2
        exit 1
    fi
    sleep 1
done

if [ "$(su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'sitrep'\"")" != "1" ]; then
    su postgres -c "psql -c \"CREATE ROLE sitrep LOGIN PASSWORD 'sitrep' SUPERUSER\""
fi
if [ "$(su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = 'sitrep_test'\"")" != "1" ]; then
    su postgres -c "createdb -O sitrep sitrep_test"
fi
echo "start-postgres: PostgreSQL $version ready: postgresql://sitrep:sitrep@127.0.0.1:5432/sitrep_test"

#!/usr/bin/env bash
# Start Debian's PostgreSQL and make a role and database for the knowledge base.
# Prints the DATABASE_URL to use and nothing else on stdout (progress and
# PostgreSQL's own messages go to stderr). Installs the server if it is missing.
set -euo pipefail
cd /  # the postgres user may not be allowed into the checkout

DB_NAME=${DB_NAME:-polarkb}
DB_USER=${DB_USER:-polarkb}
DB_PASSWORD=${DB_PASSWORD:-polarkb}

as_postgres() { su postgres -c "$*"; }

install_server() {
  if ! command -v pg_lsclusters >/dev/null || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    echo "Installing PostgreSQL from Debian packages…" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null
  fi
}

start_cluster() {
  local version cluster status
  read -r version cluster _port status _rest < <(pg_lsclusters -h | head -n 1)
  if [ "$status" != "online" ]; then
    pg_ctlcluster "$version" "$cluster" start
  fi
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 && return 0
    sleep 1
  done
  echo "PostgreSQL did not become ready" >&2
  return 1
}

create_role_and_database() {
  # CREATEDB lets the test runner create and drop its test database.
  as_postgres "psql -q -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'\"" | grep -q 1 ||
    as_postgres "psql -q -c \"CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD'\""
  as_postgres "psql -q -tAc \"SELECT 1 FROM pg_database WHERE datname='$DB_NAME'\"" | grep -q 1 ||
    as_postgres "createdb -O $DB_USER $DB_NAME"
}

{
  install_server
  start_cluster
  create_role_and_database
} >&2
echo "postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:5432/$DB_NAME"

#!/usr/bin/env bash
# Creates the database of the intake platform and one role and one schema per service, the same
# way scripts/up does for the native stack: database `intake`; roles contact, document, search,
# notification (login, no other rights), each owning the schema of its name, which is also its
# search_path; nobody else may connect or use the public schema. Flyway in each service then
# creates its tables in its own schema.
#
# Run by the one-shot `postgres-init` job of deploy/compose.yaml on every `up`, once PostgreSQL
# is healthy. It is idempotent and sets the passwords again each time, so changing one in
# deploy/.env and running `up` again changes it in the database too.
#
# Environment: PGHOST, PGUSER, PGPASSWORD (the superuser, as libpq reads them), DB_NAME (default
# intake) and CONTACT_DB_PASSWORD, DOCUMENT_DB_PASSWORD, SEARCH_DB_PASSWORD,
# NOTIFICATION_DB_PASSWORD. Passwords never appear on a command line: psql reads them from the
# environment with \getenv and quotes them as SQL literals.
set -euo pipefail

DB_NAME="${DB_NAME:-intake}"
SERVICES=(contact document search notification)

[[ "$DB_NAME" =~ ^[a-z_][a-z0-9_]*$ ]] || {
  echo "init.sh: DB_NAME must be a plain lower-case identifier, got '$DB_NAME'" >&2
  exit 1
}
for svc in "${SERVICES[@]}"; do
  var="${svc^^}_DB_PASSWORD"
  [ -n "${!var:-}" ] || {
    echo "init.sh: $var is not set" >&2
    exit 1
  }
done

# Warnings only: the second run would otherwise print a NOTICE per existing schema.
psql_super() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$@"; }

if [ -z "$(psql_super -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" ]; then
  psql_super -d postgres -c "CREATE DATABASE $DB_NAME"
  echo "init.sh: created database $DB_NAME"
fi

sql="REVOKE ALL ON DATABASE $DB_NAME FROM PUBLIC;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
REVOKE CONNECT ON DATABASE postgres FROM PUBLIC;
"
for svc in "${SERVICES[@]}"; do
  sql+="SELECT 'CREATE ROLE $svc' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$svc')
\\gexec
\\getenv role_password ${svc^^}_DB_PASSWORD
ALTER ROLE $svc WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'role_password';
GRANT CONNECT, TEMPORARY ON DATABASE $DB_NAME TO $svc;
CREATE SCHEMA IF NOT EXISTS $svc AUTHORIZATION $svc;
ALTER SCHEMA $svc OWNER TO $svc;
ALTER ROLE $svc SET search_path = $svc;
"
done
printf '%s' "$sql" | psql_super -d "$DB_NAME"
echo "init.sh: roles and schemas ready in $DB_NAME: ${SERVICES[*]}"

# shellcheck shell=bash
# shellcheck disable=SC2034  # the variables are used by the scripts that source this file
# Shared helpers for the scripts in this folder (deps, up, down, status, smoke, test).
# Source it, do not run it. Everything here is about the NATIVE local stack: real servers
# started from this repository on 127.0.0.1, with their data under .run/ and tools under .tools/.

# No job control: `(cd dir && exec server ...) &` must leave $! = the server's own pid.
set +m

INTAKE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
SCRIPTS_DIR="$INTAKE_ROOT/scripts"
RUN_DIR="$INTAKE_ROOT/.run"
TOOLS_DIR="$INTAKE_ROOT/.tools"
NPM_TOOLS_DIR="$INTAKE_ROOT/tools"
PID_DIR="$RUN_DIR/pids"
LOG_DIR="$RUN_DIR/logs"
SECRETS_FILE="$RUN_DIR/secrets.env"
PG_DATA="$RUN_DIR/postgres"

LOCALHOST=127.0.0.1
PG_PORT=55432
S3_PORT=9000
MEILI_PORT=7700
SES_PORT=8005
TIKA_PORT=9998
CADDY_PORT=8080
PROMETHEUS_PORT=9090
ALERTMANAGER_PORT=9093
BLACKBOX_PORT=9115
S3_BUCKET=intake-documents
S3_REGION=us-east-1
DB_NAME=intake

SERVICES=(contact document search notification)
INFRA=(postgres s3proxy meilisearch ses tika)
EDGE=(caddy prometheus alertmanager blackbox)
COMPONENTS=("${INFRA[@]}" "${SERVICES[@]}" "${EDGE[@]}")

# Service-to-service calls (event deliveries, /internal reads) as caller:callee, each with a token of its
# own, SERVICE_TOKEN_<CALLER>_TO_<CALLEE>: the caller presents it, the callee knows it, no other service
# gets it. Keep in step with the services' application.properties and deploy/compose.yaml.
SERVICE_TOKEN_PAIRS=(
  contact:notification contact:search contact:document
  document:search document:contact document:notification
  search:document
)

# SERVICE_TOKEN_<CALLER>_TO_<CALLEE> of a caller:callee pair.
service_token_var() {
  local caller="${1%%:*}" callee="${1##*:}"
  printf 'SERVICE_TOKEN_%s_TO_%s\n' "${caller^^}" "${callee^^}"
}

# Secrets generated once into .run/secrets.env (random hex); missing ones are added later (an older
# file's INTAKE_SERVICE_TOKEN, the one token all services shared, is left there unused).
SECRET_KEYS=(
  PG_SUPERUSER_PASSWORD
  CONTACT_DB_PASSWORD DOCUMENT_DB_PASSWORD SEARCH_DB_PASSWORD NOTIFICATION_DB_PASSWORD
  UPLOAD_TOKEN_SECRET
  S3_ACCESS_KEY S3_SECRET_KEY
  MEILI_MASTER_KEY
  SES_ACCESS_KEY_ID SES_SECRET_ACCESS_KEY
  ADMIN_PASSWORD
  FORM_API_KEY SEARCH_API_KEY SCRIPT_API_KEY
  ALTCHA_HMAC_KEY
)
for _pair in "${SERVICE_TOKEN_PAIRS[@]}"; do
  SECRET_KEYS+=("$(service_token_var "$_pair")")
done
unset _pair
ADMIN_USER_DEFAULT="admin"

SCRIPT_NAME="${0##*/}"

log() { printf '%s: %s\n' "$SCRIPT_NAME" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Prints the comment block at the top of the running script (its help).
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Run a command as root (sudo when not root).
as_root() {
  if is_root; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root for: $* (install sudo or run as root)"
  fi
}

now_ms() { date +%s%3N; }
now_us() { date +%s%6N; }

# Elapsed seconds since a now_ms stamp, with one decimal.
elapsed_since() {
  local ms=$(($(now_ms) - $1))
  printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100))
}

rand_hex() { od -An -tx1 -N"${1:-32}" /dev/urandom | tr -d ' \n'; }

# ---------------------------------------------------------------- tool locations

pg_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then
    printf '%s\n' "$PG_BINDIR"
    return 0
  fi
  local d best
  # Debian's layout; the highest major version wins.
  best="$(for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && printf '%s\n' "$d"; done | sort -V | tail -n 1)"
  if [ -z "$best" ] && command -v pg_ctl >/dev/null 2>&1; then
    best="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"
  fi
  [ -n "$best" ] || return 1
  printf '%s\n' "$best"
}

meilisearch_bin() {
  if [ -n "${MEILISEARCH_BIN:-}" ]; then
    printf '%s\n' "$MEILISEARCH_BIN"
  elif command -v meilisearch >/dev/null 2>&1; then
    command -v meilisearch
  else
    printf '%s\n' "$TOOLS_DIR/bin/meilisearch"
  fi
}

s3proxy_jar() { printf '%s\n' "${S3PROXY_JAR:-$TOOLS_DIR/s3proxy/s3proxy.jar}"; }

tika_jar() { printf '%s\n' "${TIKA_SERVER_JAR:-$TOOLS_DIR/tika/tika-server.jar}"; }

# Apache Tika server's settings (the forked child's heap cap, timeouts), shared with compose.
TIKA_CONFIG="$INTAKE_ROOT/deploy/tika/tika-config.xml"

ses_cli() { printf '%s\n' "${SES_EMULATOR_CLI:-$NPM_TOOLS_DIR/node_modules/aws-ses-v2-local/dist/cli.js}"; }

service_jar() { printf '%s\n' "$INTAKE_ROOT/$1-service/target/quarkus-app/quarkus-run.jar"; }

# ---------------------------------------------------------------- components

component_port() {
  case "$1" in
    postgres) echo "$PG_PORT" ;;
    s3proxy) echo "$S3_PORT" ;;
    meilisearch) echo "$MEILI_PORT" ;;
    ses) echo "$SES_PORT" ;;
    tika) echo "$TIKA_PORT" ;;
    contact) echo 8081 ;;
    document) echo 8082 ;;
    search) echo 8083 ;;
    notification) echo 8084 ;;
    caddy) echo "$CADDY_PORT" ;;
    prometheus) echo "$PROMETHEUS_PORT" ;;
    alertmanager) echo "$ALERTMANAGER_PORT" ;;
    blackbox) echo "$BLACKBOX_PORT" ;;
    *) return 1 ;;
  esac
}

# The URL that tells whether a component is ready (empty for PostgreSQL: pg_isready).
component_ready_url() {
  local port
  port="$(component_port "$1")"
  case "$1" in
    postgres) echo "" ;;
    s3proxy) echo "http://$LOCALHOST:$port/" ;;
    meilisearch) echo "http://$LOCALHOST:$port/health" ;;
    ses) echo "http://$LOCALHOST:$port/store" ;;
    tika) echo "http://$LOCALHOST:$port/version" ;;
    contact | document | search | notification) echo "http://$LOCALHOST:$port/q/health/ready" ;;
    caddy) echo "http://$LOCALHOST:$port/" ;;
    prometheus | alertmanager) echo "http://$LOCALHOST:$port/-/ready" ;;
    blackbox) echo "http://$LOCALHOST:$port/-/healthy" ;;
  esac
}

# A string that the command line of the component's process contains (guards against pid reuse).
component_marker() {
  case "$1" in
    postgres) echo "postgres" ;;
    s3proxy) echo "s3proxy" ;;
    meilisearch) echo "meilisearch" ;;
    ses) echo "aws-ses-v2-local" ;;
    tika) echo "tika-server" ;;
    contact | document | search | notification) service_jar "$1" ;;
    caddy) echo "caddy" ;;
    prometheus) echo "prometheus.local.yml" ;;
    alertmanager) echo "alertmanager" ;;
    blackbox) echo "blackbox" ;;
  esac
}

pid_file() { printf '%s\n' "$PID_DIR/$1.pid"; }
log_file() { printf '%s\n' "$LOG_DIR/$1.log"; }

# True when the process exists and is not a zombie.
pid_running() {
  local pid="$1" state
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  state="$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)"
  [ "$state" != "Z" ]
}

# Prints the pid of a running component started by scripts/up, or fails.
component_pid() {
  local name="$1" pid marker
  if [ "$name" = postgres ]; then
    [ -r "$PG_DATA/postmaster.pid" ] || return 1
    pid="$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)"
  else
    [ -r "$(pid_file "$name")" ] || return 1
    pid="$(head -n 1 "$(pid_file "$name")" 2>/dev/null || true)"
  fi
  case "$pid" in '' | *[!0-9]*) return 1 ;; esac
  pid_running "$pid" || return 1
  marker="$(component_marker "$name")"
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker" || return 1
  printf '%s\n' "$pid"
}

# HTTP status of a GET (000 when nothing answers).
http_status() {
  local url="$1"
  shift
  curl -s -o /dev/null -m 5 -w '%{http_code}' "$@" "$url" 2>/dev/null || true
}

port_in_use() { (exec 3<>"/dev/tcp/$LOCALHOST/$1") 2>/dev/null; }

# The cluster's directory with symlinks resolved (see scripts/up: it may live under /var/tmp).
pg_data_dir() { readlink -f "$PG_DATA" 2>/dev/null || printf '%s\n' "$PG_DATA"; }

# Run a command as the owner of the PostgreSQL cluster (the postgres user when root).
as_pg() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Run a PostgreSQL server binary (initdb, pg_ctl, ...) as the owner of the cluster.
pg_run() {
  local bindir
  bindir="$(pg_bindir)" || die "PostgreSQL binaries not found (run scripts/deps or set PG_BINDIR)"
  local cmd="$1"
  shift
  as_pg "$bindir/$cmd" "$@"
}

# psql as the cluster's superuser (after load_secrets), unaligned and without headers; the password
# travels by environment.
psql_admin() {
  PGPASSWORD="$PG_SUPERUSER_PASSWORD" PGCONNECT_TIMEOUT=5 PGOPTIONS='-c client_min_messages=warning' "$(pg_bindir)/psql" -X -q -A -t \
    -h "$LOCALHOST" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"
}

# One query in the database `intake` as the superuser (it reads every service's schema); fields
# separated by a space.
psql_q() { psql_admin -F ' ' -d "$DB_NAME" -c "$1"; }

component_ready() {
  local name="$1" url code
  case "$name" in
    postgres)
      "$(pg_bindir)/pg_isready" -q -h "$LOCALHOST" -p "$PG_PORT" -t 2 >/dev/null 2>&1
      return
      ;;
  esac
  url="$(component_ready_url "$name")"
  code="$(http_status "$url")"
  case "$name" in
    s3proxy) [ "$code" != 000 ] ;;        # answers 403 without credentials
    caddy) [[ "$code" =~ ^[234] ]] ;;      # the static page (404 if web/ is empty)
    *) [ "$code" = 200 ] ;;
  esac
}

print_log_tail() {
  local name="$1" f
  f="$(log_file "$name")"
  if [ -s "$f" ]; then
    log "last lines of ${f#"$INTAKE_ROOT"/}:"
    tail -n "${LOG_TAIL_LINES:-40}" "$f" | sed 's/^/    /' >&2
  else
    log "no log output in ${f#"$INTAKE_ROOT"/}"
  fi
}

# Wait until every named component is ready. Fails early when a process dies.
# Usage: wait_ready TIMEOUT_SECONDS name...
wait_ready() {
  local timeout="$1"
  shift
  local pending=("$@") deadline name still
  deadline=$(($(date +%s) + timeout))
  while [ "${#pending[@]}" -gt 0 ]; do
    still=()
    for name in "${pending[@]}"; do
      if component_ready "$name"; then
        continue
      fi
      if ! component_pid "$name" >/dev/null; then
        log "$name exited before it was ready"
        print_log_tail "$name"
        return 1
      fi
      still+=("$name")
    done
    pending=("${still[@]+"${still[@]}"}")
    [ "${#pending[@]}" -eq 0 ] && break
    if [ "$(date +%s)" -ge "$deadline" ]; then
      for name in "${pending[@]}"; do
        log "$name not ready after ${timeout}s ($(component_ready_url "$name"))"
        print_log_tail "$name"
      done
      return 1
    fi
    sleep 0.2
  done
}

# Stop a process: TERM, wait, KILL after a timeout.
stop_pid() {
  local name="$1" pid="$2" timeout="${3:-${DOWN_TIMEOUT:-20}}" i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < timeout * 10; i++)); do
    pid_running "$pid" || return 0
    sleep 0.1
  done
  log "$name (pid $pid) did not stop after ${timeout}s: KILL"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    pid_running "$pid" || return 0
    sleep 0.1
  done
  log "$name (pid $pid) is still there after KILL"
  return 1
}

# ---------------------------------------------------------------- secrets

ensure_secrets() {
  mkdir -p "$RUN_DIR"
  if [ ! -f "$SECRETS_FILE" ]; then
    (
      umask 077
      printf '# Generated once by scripts/up; reused by later runs. Never commit this file.\n' >"$SECRETS_FILE"
    )
    log "generated ${SECRETS_FILE#"$INTAKE_ROOT"/}"
  fi
  chmod 600 "$SECRETS_FILE"
  local key
  for key in "${SECRET_KEYS[@]}"; do
    if ! grep -q "^${key}=" "$SECRETS_FILE"; then
      printf '%s=%s\n' "$key" "$(rand_hex 32)" >>"$SECRETS_FILE"
    fi
  done
  grep -q '^ADMIN_USERNAME=' "$SECRETS_FILE" || printf 'ADMIN_USERNAME=%s\n' "$ADMIN_USER_DEFAULT" >>"$SECRETS_FILE"
  if ! grep -q '^ADMIN_PASSWORD_HASH=' "$SECRETS_FILE"; then
    local pw hash
    pw="$(sed -n 's/^ADMIN_PASSWORD=//p' "$SECRETS_FILE" | tail -n 1)"
    hash="$(bcrypt_hash "$pw")" || die "could not hash the admin password (bcryptjs in tools/node_modules?)"
    # Single quotes: the hash contains '$'.
    printf "ADMIN_PASSWORD_HASH='%s'\n" "$hash" >>"$SECRETS_FILE"
  fi
}

# bcrypt ($2a$, cost 10) of a password, with the pinned bcryptjs from tools/; the password
# travels by environment, not on a command line.
bcrypt_hash() {
  local hash
  hash="$(INTAKE_PW="$1" node -e 'process.stdout.write(require(process.argv[1]).hashSync(process.env.INTAKE_PW, 10))' \
    "$NPM_TOOLS_DIR/node_modules/bcryptjs")" || return 1
  [[ "$hash" =~ ^\$2a\$10\$[./A-Za-z0-9]{53}$ ]] || return 1
  printf '%s\n' "$hash"
}

load_secrets() {
  [ -r "$SECRETS_FILE" ] || die "${SECRETS_FILE#"$INTAKE_ROOT"/} is missing: run scripts/up first"
  # Not exported: each component gets only the secrets it needs.
  # shellcheck disable=SC1090
  . "$SECRETS_FILE"
}

# Environment of a service (called inside the subshell that starts it).
service_env() {
  local svc="$1" port upper pw_var
  port="$(component_port "$svc")"
  upper="$(printf '%s' "$svc" | tr '[:lower:]' '[:upper:]')"
  pw_var="${upper}_DB_PASSWORD"
  export QUARKUS_HTTP_HOST="$LOCALHOST"
  export QUARKUS_HTTP_PORT="$port"
  export LOG_JSON="${LOG_JSON:-false}"
  # glibc keeps up to 8 malloc arenas per core: on a small host two give back most of that native memory
  export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
  # the tokens of the pairs this service takes part in, as caller or as callee
  local pair token_var
  for pair in "${SERVICE_TOKEN_PAIRS[@]}"; do
    if [ "${pair%%:*}" = "$svc" ] || [ "${pair##*:}" = "$svc" ]; then
      token_var="$(service_token_var "$pair")"
      [ -n "${!token_var:-}" ] || die "$token_var is missing from ${SECRETS_FILE#"$INTAKE_ROOT"/} (scripts/up adds it)"
      export "${token_var?}"
    fi
  done
  # Admin credentials (HTTP basic), by the env names Quarkus maps to intake.admin.*.
  export INTAKE_ADMIN_USERNAME="$ADMIN_USERNAME" INTAKE_ADMIN_PASSWORD_HASH="$ADMIN_PASSWORD_HASH"
  export DB_HOST="$LOCALHOST" DB_PORT="$PG_PORT" DB_NAME="$DB_NAME" DB_USER="$svc"
  export DB_PASSWORD="${!pw_var}"
  export CONTACT_SERVICE_URL="http://$LOCALHOST:8081"
  export DOCUMENT_SERVICE_URL="http://$LOCALHOST:8082"
  export SEARCH_SERVICE_URL="http://$LOCALHOST:8083"
  export NOTIFICATION_SERVICE_URL="http://$LOCALHOST:8084"
  INTAKE_API_KEYS="$(api_keys_config)"
  export INTAKE_API_KEYS
  case "$svc" in
    contact)
      export UPLOAD_TOKEN_SECRET ALTCHA_HMAC_KEY
      ;;
    document)
      export S3_ENDPOINT="http://$LOCALHOST:$S3_PORT" S3_BUCKET="$S3_BUCKET" S3_REGION="$S3_REGION"
      export S3_ACCESS_KEY S3_SECRET_KEY
      export TIKA_URL="http://$LOCALHOST:$TIKA_PORT"
      ;;
    search)
      MEILI_API_KEY="$(meili_service_key)" || die "could not get search-service's Meilisearch key"
      export MEILI_URL="http://$LOCALHOST:$MEILI_PORT" MEILI_API_KEY
      ;;
    notification)
      export SES_ENDPOINT="http://$LOCALHOST:$SES_PORT" AWS_REGION="$S3_REGION"
      # shellcheck disable=SC2153  # from .run/secrets.env
      export AWS_ACCESS_KEY_ID="$SES_ACCESS_KEY_ID" AWS_SECRET_ACCESS_KEY="$SES_SECRET_ACCESS_KEY"
      export MAIL_FROM="${MAIL_FROM:-intake@intake.test}" ADMIN_EMAIL="${ADMIN_EMAIL:-admin@intake.test}"
      ;;
  esac
}

# search-service's own Meilisearch key (not the master key): created once with a fixed uid (a second
# create answers 409), then read back. "indexes" must be "*" for the index swap of a rebuild.
MEILI_SERVICE_KEY_UID="6062abda-a5aa-4414-ac91-ecd7944c0f8d"
meili_service_key() {
  local base="http://$LOCALHOST:$MEILI_PORT" auth="Authorization: Bearer $MEILI_MASTER_KEY"
  curl -s -o /dev/null -X POST "$base/keys" -H "$auth" -H 'Content-Type: application/json' --data \
    "{\"uid\":\"$MEILI_SERVICE_KEY_UID\",\"name\":\"search-service\",\"actions\":[\"search\",\"documents.add\",\"documents.get\",\"documents.delete\",\"indexes.create\",\"indexes.get\",\"indexes.update\",\"indexes.delete\",\"indexes.swap\",\"settings.get\",\"settings.update\",\"tasks.get\",\"stats.get\",\"version\"],\"indexes\":[\"*\"],\"expiresAt\":null}"
  curl -sf "$base/keys/$MEILI_SERVICE_KEY_UID" -H "$auth" | sed -n 's/.*"key":"\([0-9a-f]*\)".*/\1/p' | grep .
}

# API keys as the services read them (name:sha256:scopes): the web form's key may only submit, and only
# with a proof of work (ALTCHA_KEYS, default web-form); the operator's may only search; the scripts' and
# tests' own key (smoke, bench-*, e2e-kill, e2e fixtures) submits without one.
api_keys_config() {
  printf 'web-form:%s:submit,operator:%s:search,scripts:%s:submit' \
    "$(printf '%s' "$FORM_API_KEY" | sha256sum | cut -d' ' -f1)" \
    "$(printf '%s' "$SEARCH_API_KEY" | sha256sum | cut -d' ' -f1)" \
    "$(printf '%s' "$SCRIPT_API_KEY" | sha256sum | cut -d' ' -f1)"
}

# Java options for the service JVMs (override with INTAKE_JAVA_OPTS). The heap starts at 32 MB and grows
# only as needed (a service's live set is 20-30 MB; without -Xms the JVM commits the whole -Xmx at once on a
# large host); a young generation of 24 MB keeps minor pauses short (bench-e2e: same throughput as 59 MB).
service_java_opts() {
  printf '%s\n' "${INTAKE_JAVA_OPTS:--XX:+UseSerialGC -Xms32m -Xmx128m -Xmn24m -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -Xss512k -XX:MaxDirectMemorySize=64m -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=10000}"
}

#!/usr/bin/env bash
# Fault drill: PostgreSQL restarts while readers are reading.
#
#   bash scripts/drills.sh            # about two minutes; exit status 0 = the drill passed
#
# Starts a throwaway PostgreSQL (scripts/services.sh, its own SERVICES_DIR), the demo content,
# and gunicorn with the production settings on 127.0.0.1:$DRILL_PORT (page cache off, so every
# request reaches the database). Readers request pages in a loop while the database stops
# and starts again. Requests during the outage may fail (503 from /healthz and the "back in a moment" page);
# the drill fails if any request after the database is back fails: with CONN_HEALTH_CHECKS
# the workers drop their dead connections and reconnect at once.
#
# The other drills run in the test suite: mail server down (tests/test_submissions_emails.py),
# task worker stopped (tests/test_fault_drills.py).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
GUNICORN="$(dirname "$PY")/gunicorn"
DRILL_PORT="${DRILL_PORT:-8104}"
export SERVICES_DIR="${SERVICES_DIR:-/tmp/halles-drills}"
export PG_PORT="${PG_PORT:-54349}"
WORK="$SERVICES_DIR/drill"
mkdir -p "$WORK"
log() { printf '[drill] %s\n' "$*" >&2; }

cd "$ROOT"
# The drill stops and starts its database: it must be a cluster of its own, never a server
# that happens to answer on the port (another checkout's, a real one).
if (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null && [ ! -f "$SERVICES_DIR/pg/data/postmaster.pid" ]; then
  log "something else answers on 127.0.0.1:$PG_PORT: choose a free PG_PORT"; exit 2
fi
DATABASE_URL="$(bash scripts/services.sh postgres-start)"
export DATABASE_URL
export DJANGO_SETTINGS_MODULE=portal.settings.production
SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(64))')"
export SECRET_KEY
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false SECURE_HSTS_SECONDS=0
export STATIC_ROOT="$WORK/static" PORTAL_PAGE_CACHE_SECONDS=0 LOG_LEVEL=CRITICAL
export PORTAL_DEMO=true  # the drill serves the demo content
export GUNICORN_BIND="127.0.0.1:$DRILL_PORT" GUNICORN_WORKERS=2 GUNICORN_THREADS=2

log "migrate, demo content, static files"
"$PY" manage.py migrate -v0
"$PY" manage.py load_demo --no-admin -v0 >/dev/null
"$PY" manage.py collectstatic --noinput -v0

"$GUNICORN" -c portal/gunicorn.py portal.wsgi >"$WORK/gunicorn.log" 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true
  [ -n "${READERS:-}" ] && kill "$READERS" 2>/dev/null || true
  bash scripts/services.sh postgres-stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

URLS=("/healthz" "/fr/" "/fr/annuaire/" "/fr/programme/")
for _ in $(seq 60); do
  curl -fsS -o /dev/null "http://127.0.0.1:$DRILL_PORT/healthz" && break
  sleep 0.5
done

# Readers: one line per request, "<epoch seconds> <status>" (000 = no answer).
read_loop() {
  while true; do
    for url in "${URLS[@]}"; do
      code="$(curl -s -o /dev/null -m 10 -w '%{http_code}' "http://127.0.0.1:$DRILL_PORT$url" || true)"
      printf '%s %s %s\n' "$(date +%s.%N)" "$code" "$url"
    done
  done
}
read_loop >"$WORK/requests.log" &
READERS=$!

sleep 5
log "stopping PostgreSQL while readers read"
bash scripts/services.sh postgres-stop >/dev/null
sleep 3
log "starting PostgreSQL again"
bash scripts/services.sh postgres-start >/dev/null
BACK="$(date +%s.%N)"
sleep 8
kill "$READERS"; READERS=""

total="$(wc -l <"$WORK/requests.log")"
during="$(awk -v back="$BACK" '$1 < back && $2 != "200"' "$WORK/requests.log" | wc -l)"
after_failed="$(awk -v back="$BACK" '$1 >= back && $2 != "200"' "$WORK/requests.log" | wc -l)"
after="$(awk -v back="$BACK" '$1 >= back' "$WORK/requests.log" | wc -l)"
log "requests: $total; failed during the outage: $during; after restart: $after_failed of $after"
awk -v back="$BACK" '$1 < back && $2 != "200" {print "  during outage:", $2, $3}' \
  "$WORK/requests.log" | sort | uniq -c >&2
if [ "$during" -eq 0 ]; then
  log "FAILED: no request failed while the database was stopped: it never went down"
  exit 1
fi
if [ "$after_failed" -ne 0 ] || [ "$after" -eq 0 ]; then
  log "FAILED: requests failed after the database came back"
  awk -v back="$BACK" '$1 >= back && $2 != "200"' "$WORK/requests.log" | head >&2
  exit 1
fi
log "passed: every request after the restart answered 200"

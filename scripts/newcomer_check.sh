#!/usr/bin/env bash
# A newcomer's first run, checked: a fresh clone of this repository, the README's run command
# (`make run`) in the background, then
#   1. the first page answers (seconds from the run command are printed),
#   2. the task worker runs what loading the demo queued (/healthz: nothing pending, a live
#      worker),
#   3. directory search finds demo content: /fr/annuaire/?q=citoyen lists an entry,
# then one SIGINT to the run's process group (a Ctrl-C) stops everything, and no process of
# the run may be left. Exits non-zero on the first step that fails.
#
#   bash scripts/newcomer_check.sh            # NEWCOMER_PORT (default 8765), NEWCOMER_TIMEOUT
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PORT="${NEWCOMER_PORT:-8765}"
TIMEOUT="${NEWCOMER_TIMEOUT:-600}"  # seconds for each step (the first one installs everything)
WORK="$(mktemp -d /tmp/halles-newcomer.XXXXXX)"
CLONE="$WORK/portal"
LOG="$WORK/run.log"
BASE="http://127.0.0.1:$PORT"
RUN_PID=""

say() { printf 'newcomer: %s\n' "$*"; }
fail() {
  say "FAILED: $*" >&2
  say "last lines of the run's log ($LOG):" >&2
  tail -n 40 "$LOG" >&2 || true
  exit 1
}

leftovers() {
  # Any process still running in the clone (the web server, the worker, the scheduler, their
  # reloaders), found by working directory: honcho starts each in a session of its own.
  local pid
  for pid in $(ls /proc | grep -E '^[0-9]+$'); do
    [ "$pid" = "$$" ] && continue
    if [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$CLONE" ]; then echo "$pid"; fi
  done
}

cleanup() {
  if [ -n "$RUN_PID" ] && kill -0 "$RUN_PID" 2>/dev/null; then kill -KILL -- "-$RUN_PID" || true; fi
  local pid
  for pid in $(leftovers); do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

if curl -s -o /dev/null "$BASE/"; then fail "port $PORT is already in use"; fi

say "fresh clone of $(git -C "$ROOT" rev-parse --short HEAD) in $CLONE"
git clone --quiet --no-hardlinks "$ROOT" "$CLONE"

now() { echo "$EPOCHREALTIME"; }
elapsed() { awk -v start="$1" -v end="$(now)" 'BEGIN { printf "%.1f", end - start }'; }

cd "$CLONE"
START="$(now)"
# Its own session and process group, as a terminal gives a foreground command.
setsid make run PORT="$PORT" >"$LOG" 2>&1 </dev/null &
RUN_PID=$!
cd "$WORK"  # so that this script is not taken for a process of the run

wait_until() {  # wait_until DESCRIPTION COMMAND...: poll every second, up to TIMEOUT
  local what="$1"; shift
  local deadline=$(( $(date +%s) + TIMEOUT ))
  until "$@"; do
    kill -0 "$RUN_PID" 2>/dev/null || fail "make run exited before $what"
    [ "$(date +%s)" -lt "$deadline" ] || fail "no $what after $TIMEOUT s"
    sleep 1
  done
}

page_answers() { curl -fsS -o /dev/null "$BASE/fr/"; }
wait_until "first page" page_answers
FIRST_PAGE="$(elapsed "$START")"
say "first page answered ${FIRST_PAGE} s after 'make run'"

queue_drained() {
  curl -sS "$BASE/healthz" 2>/dev/null | "$CLONE/.venv/bin/python" -c '
import json, sys
queue = json.load(sys.stdin)["checks"]["task_queue"]
sys.exit(0 if queue["pending"] == 0 and queue["workers_alive"] >= 1 else 1)'
}
wait_until "drained task queue with a live worker (/healthz)" queue_drained
say "the worker ran every queued task $(elapsed "$START") s after 'make run'"

search_finds() { curl -fsS "$BASE/fr/annuaire/?q=citoyen" | grep -q 'directory-card'; }
wait_until "entry for /fr/annuaire/?q=citoyen" search_finds
say "directory search found demo content $(elapsed "$START") s after 'make run'"

say "Ctrl-C (SIGINT to the run's process group)"
kill -INT -- "-$RUN_PID"
for _ in $(seq 1 30); do kill -0 "$RUN_PID" 2>/dev/null || break; sleep 1; done
kill -0 "$RUN_PID" 2>/dev/null && fail "make run still running 30 s after SIGINT"
sleep 1
grep -q "web.1 stopped" "$LOG" || fail "the web server did not stop"
grep -q "worker.1 stopped" "$LOG" || fail "the worker did not stop"
left="$(leftovers)"
[ -z "$left" ] || fail "processes left running: $(ps -o pid=,cmd= -p ${left//$'\n'/,})"
curl -s -o /dev/null "$BASE/" && fail "something still answers on port $PORT"
say "stopped cleanly: web server, worker and scheduler gone"
say "first page: ${FIRST_PAGE} s"

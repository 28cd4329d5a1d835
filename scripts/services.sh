#!/usr/bin/env bash
# Throwaway test services for the portal: PostgreSQL and Elasticsearch 8.
#
#   scripts/services.sh install              apt-get install postgresql chromium (+ tools this script uses)
#   scripts/services.sh postgres-start       prints the DATABASE_URL on stdout
#   scripts/services.sh postgres-stop
#   scripts/services.sh elasticsearch-start  prints the Elasticsearch URL on stdout
#   scripts/services.sh elasticsearch-check  _analyze checks (french/english, elision, asciifolding, ...)
#   scripts/services.sh elasticsearch-stop
#   scripts/services.sh status
#   scripts/services.sh clean                stop both, delete their data (keeps the unpacked ES cache)
#
# Only the URL goes to stdout; progress and errors go to stderr, so that
#   export DATABASE_URL="$(scripts/services.sh postgres-start)"
#   export ELASTICSEARCH_URL="$(scripts/services.sh elasticsearch-start)"
# works in CI.
#
# Environment (defaults):
#   SERVICES_DIR=/tmp/halles-services   PIDs, data, logs, unpacked Elasticsearch
#   PG_PORT=54329 PG_USER=portal PG_PASSWORD=portal PG_DB=portal
#   PG_START_TIMEOUT=30
#   ES_VERSION=<elasticsearch.version in scripts/elasticsearch-analysis/pom.xml>
#   ES_PORT=59200 ES_TRANSPORT_PORT=59300 ES_HEAP=512m
#   ES_START_TIMEOUT=120 ES_USER=esrunner (only used when run as root)
#   ES_JAVA_HOME=<detected from java on PATH>   M2_REPO=~/.m2/repository
#   ES_ANALYSIS_LITE=1   build + install the small analysis module (see below); 0 = stock zip
#
# Why an extra analysis module: the Elasticsearch distribution published on Maven Central is the
# integration-test zip, which ships just the transport-netty4, x-pack-core/security and apm
# modules. It has no `analysis-common` module, so the `french`/`english` analyzers and the
# elision/asciifolding/snowball/stemmer/ngram/edge_ngram filters do not exist, and the index
# settings Wagtail (modelsearch) creates fail. scripts/elasticsearch-analysis/ is a small module,
# `halles-analysis-lite`, that registers those components under the same names, on the same
# Lucene classes; this script builds it with Maven (its tests included) and installs it. CI only:
# a standard Elasticsearch, as production runs, ships analysis-common.
set -euo pipefail

SERVICES_DIR="${SERVICES_DIR:-/tmp/halles-services}"
PG_PORT="${PG_PORT:-54329}"
PG_USER="${PG_USER:-portal}"
PG_PASSWORD="${PG_PASSWORD:-portal}"
PG_DB="${PG_DB:-portal}"
PG_START_TIMEOUT="${PG_START_TIMEOUT:-30}"
ANALYSIS_SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/elasticsearch-analysis"
# One place says which Elasticsearch the tests run: the module's pom, pinned with its Lucene.
ES_VERSION="${ES_VERSION:-$(sed -n 's:.*<elasticsearch.version>\(.*\)</elasticsearch.version>.*:\1:p' "$ANALYSIS_SRC/pom.xml")}"
ES_PORT="${ES_PORT:-59200}"
ES_TRANSPORT_PORT="${ES_TRANSPORT_PORT:-59300}"
ES_HEAP="${ES_HEAP:-512m}"
ES_START_TIMEOUT="${ES_START_TIMEOUT:-120}"
ES_USER="${ES_USER:-esrunner}"
ES_ANALYSIS_LITE="${ES_ANALYSIS_LITE:-1}"
M2_REPO="${M2_REPO:-$HOME/.m2/repository}"

PG_DIR="$SERVICES_DIR/pg"
PG_DATA="$PG_DIR/data"
PG_LOG="$PG_DIR/server.log"
ES_STATE="$SERVICES_DIR/es"          # pid + startup log of the running server
ES_DATA="$ES_STATE/$ES_VERSION"      # data + logs, per version (an index cannot be downgraded)
ES_HOME="$SERVICES_DIR/elasticsearch-$ES_VERSION"
ES_PIDFILE="$ES_STATE/elasticsearch.pid"
ES_URL="http://127.0.0.1:$ES_PORT"

log() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" -eq 0 ]; }

ensure_services_dir() {
  mkdir -p "$SERVICES_DIR"
  # The postgres and esrunner users must be able to traverse it.
  chmod 755 "$SERVICES_DIR" 2>/dev/null || true
}

# Run a command as another user when we are root, else as ourselves.
as_user() {
  local user="$1"; shift
  if is_root; then
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

# ---------------------------------------------------------------- install
pg_bindir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5 -n | tail -n1 || true)"
  [ -n "$d" ] && [ -x "$d/initdb" ] || return 1
  printf '%s\n' "$d"
}

apt_lists_fresh() {
  # Fresh = package lists exist and are less than a day old.
  [ -n "$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -mmin -1440 2>/dev/null | head -n1)" ]
}

cmd_install() {
  local pkgs=()
  pg_bindir >/dev/null || pkgs+=(postgresql)
  [ -x /usr/bin/chromium ] || pkgs+=(chromium)
  command -v xgettext >/dev/null || pkgs+=(gettext)  # catalogue freshness test
  command -v unzip >/dev/null || pkgs+=(unzip)
  command -v curl >/dev/null || pkgs+=(curl)
  command -v mvn >/dev/null || pkgs+=(maven)
  command -v javac >/dev/null || pkgs+=(openjdk-17-jdk-headless)
  if [ "${#pkgs[@]}" -eq 0 ]; then
    log "install: everything already present (postgresql $(basename "$(dirname "$(pg_bindir)")"), chromium, gettext, unzip, curl, maven, javac)"
    return 0
  fi
  local sudo=()
  if ! is_root; then
    command -v sudo >/dev/null || die "need root (or sudo) to apt-get install: ${pkgs[*]}"
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! apt_lists_fresh; then
    log "install: apt-get update"
    "${sudo[@]}" apt-get update -q >&2
  fi
  log "install: apt-get install -y ${pkgs[*]}"
  if ! "${sudo[@]}" apt-get install -y -q --no-install-recommends "${pkgs[@]}" >&2; then
    log "install: retrying after apt-get update"
    "${sudo[@]}" apt-get update -q >&2
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${pkgs[@]}" >&2
  fi
  # Debian's postgresql package creates and starts a system cluster on 5432; we do not use it.
  log "install: done"
}

# ---------------------------------------------------------------- postgres
pg_url() { printf 'postgres://%s:%s@127.0.0.1:%s/%s\n' "$PG_USER" "$PG_PASSWORD" "$PG_PORT" "$PG_DB"; }

pg_ready() { "$1/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 1 >/dev/null 2>&1; }

pg_psql() { # superuser psql over our unix socket
  as_user postgres "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres "$@"
}

pg_ensure_role_db() {
  local exists
  exists="$(pg_psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")"
  if [ "$exists" != 1 ]; then
    pg_psql -c "CREATE ROLE \"$PG_USER\" LOGIN CREATEDB PASSWORD '$PG_PASSWORD'"
  else
    pg_psql -c "ALTER ROLE \"$PG_USER\" LOGIN CREATEDB PASSWORD '$PG_PASSWORD'"
  fi
  exists="$(pg_psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")"
  if [ "$exists" != 1 ]; then
    pg_psql -c "CREATE DATABASE \"$PG_DB\" OWNER \"$PG_USER\" ENCODING 'UTF8' TEMPLATE template0"
  fi
}

cmd_postgres_start() {
  BIN="$(pg_bindir)" || die "PostgreSQL not installed (no /usr/lib/postgresql/*/bin/initdb): run '$0 install'"
  ensure_services_dir
  if pg_ready "$BIN"; then
    if [ -f "$PG_DATA/postmaster.pid" ]; then
      log "postgres: already running on 127.0.0.1:$PG_PORT ($PG_DATA)"
      pg_ensure_role_db
    else
      log "postgres: something already answers on 127.0.0.1:$PG_PORT (not our cluster in $PG_DATA)"
    fi
    pg_url
    return 0
  fi
  mkdir -p "$PG_DIR"
  is_root && chown postgres: "$PG_DIR"
  chmod 700 "$PG_DIR"
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    log "postgres: initdb $PG_DATA ($BIN)"
    rm -rf "$PG_DATA"
    local pwfile="$PG_DIR/.pw"
    as_user postgres sh -c "umask 077; printf '%s\n' postgres > '$pwfile'"
    # host (TCP) connections need the password (scram); the local socket, used only by this
    # script, is trusted.
    as_user postgres "$BIN/initdb" -D "$PG_DATA" -U postgres --pwfile="$pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
      || { tail -n 30 "$PG_DIR/initdb.log" >&2; die "postgres: initdb failed"; }
    rm -f "$pwfile"
  fi
  log "postgres: starting on 127.0.0.1:$PG_PORT"
  # fsync off & co: a throwaway test cluster, speed over durability.
  if ! as_user postgres "$BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$PG_START_TIMEOUT" \
      -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >"$PG_DIR/pg_ctl.log" 2>&1; then
    log "postgres: pg_ctl start failed:"; tail -n 20 "$PG_DIR/pg_ctl.log" >&2 || true
    log "postgres: server log tail ($PG_LOG):"; tail -n 40 "$PG_LOG" >&2 || true
    die "postgres failed to start on 127.0.0.1:$PG_PORT within ${PG_START_TIMEOUT}s (server log above)"
  fi
  local i
  for ((i = 0; i < PG_START_TIMEOUT; i++)); do
    pg_ready "$BIN" && break
    sleep 1
  done
  if ! pg_ready "$BIN"; then
    log "postgres: server log tail ($PG_LOG):"; tail -n 40 "$PG_LOG" >&2 || true
    die "postgres: pg_isready does not answer on 127.0.0.1:$PG_PORT after ${PG_START_TIMEOUT}s"
  fi
  head -n1 "$PG_DATA/postmaster.pid" >"$SERVICES_DIR/postgres.pid"
  pg_ensure_role_db
  log "postgres: ready (pid $(cat "$SERVICES_DIR/postgres.pid"), log $PG_LOG)"
  pg_url
}

cmd_postgres_stop() {
  local bin
  rm -f "$SERVICES_DIR/postgres.pid"
  if [ ! -f "$PG_DATA/postmaster.pid" ]; then
    log "postgres: not running"
    return 0
  fi
  bin="$(pg_bindir)" || die "PostgreSQL binaries not found"
  log "postgres: stopping"
  as_user postgres "$bin/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >&2 || {
    # stale pid file (e.g. after a crash) or a hung server
    local pid
    pid="$(head -n1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" || true
    fi
    rm -f "$PG_DATA/postmaster.pid"
  }
  log "postgres: stopped"
}

# ---------------------------------------------------------------- elasticsearch
# Not `GET /`: the integ-test zip has no rest-root module, so `/` answers 405.
es_up() { curl -fsS -m 2 "$ES_URL/_cluster/health" >/dev/null 2>&1; }

es_pid() {
  local pid
  [ -f "$ES_PIDFILE" ] || return 1
  pid="$(cat "$ES_PIDFILE" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  printf '%s\n' "$pid"
}

detect_java_home() {
  if [ -n "${ES_JAVA_HOME:-}" ]; then printf '%s\n' "$ES_JAVA_HOME"; return 0; fi
  if [ -x "$ES_HOME/jdk/bin/java" ]; then printf '%s\n' "$ES_HOME/jdk"; return 0; fi
  local j
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then j="$JAVA_HOME/bin/java"
  else j="$(command -v java || true)"; fi
  [ -n "$j" ] || die "no Java found: install openjdk-17-jdk-headless or set ES_JAVA_HOME"
  dirname "$(dirname "$(readlink -f "$j")")"
}

es_log_tail() {
  local f
  for f in "$ES_STATE/startup.log" "$ES_DATA/logs/halles-test.log"; do
    if [ -s "$f" ]; then log "--- tail of $f"; tail -n 40 "$f" | cut -c1-400 >&2; fi
  done
}

# The analysis module: Maven project in scripts/elasticsearch-analysis/ (see its README), built
# against the Elasticsearch and Lucene versions of the distribution just unpacked; `mvn package`
# runs its tests on the way. Rebuilt when its source changes.
analysis_lite_fingerprint() {
  (cd "$ANALYSIS_SRC" && find pom.xml src -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}

build_analysis_lite() {
  local java_home="$1" mod="$ES_HOME/modules/halles-analysis-lite" build="$SERVICES_DIR/build-analysis-lite-$ES_VERSION"
  local fingerprint lucene
  fingerprint="$(analysis_lite_fingerprint)"
  [ "$(cat "$mod/.source-sha256" 2>/dev/null)" = "$fingerprint" ] && return 0
  command -v mvn >/dev/null || die "mvn not found: run '$0 install'"
  lucene="$(find "$ES_HOME/lib" -maxdepth 1 -name 'lucene-core-*.jar' | sed -n 's:.*/lucene-core-\(.*\)\.jar$:\1:p')"
  [ -n "$lucene" ] || die "elasticsearch: no lib/lucene-core-*.jar in $ES_HOME"
  log "elasticsearch: building the halles-analysis-lite module (mvn package: Elasticsearch $ES_VERSION, Lucene $lucene)"
  rm -rf "$build" "$mod" "$mod.tmp"
  mkdir -p "$build"
  cp -R "$ANALYSIS_SRC/pom.xml" "$ANALYSIS_SRC/src" "$build/"
  JAVA_HOME="$java_home" mvn -B -Dstyle.color=never -Dmaven.repo.local="$M2_REPO" -f "$build/pom.xml" package \
    -Delasticsearch.version="$ES_VERSION" -Dlucene.version="$lucene" >"$build/mvn.log" 2>&1 \
    || { grep -E '^\[(ERROR|WARNING)\]|Tests run:|expected' "$build/mvn.log" | head -n 60 >&2
         die "elasticsearch: could not build halles-analysis-lite for $ES_VERSION (log: $build/mvn.log)"; }
  log "elasticsearch: halles-analysis-lite $(grep -E '^\[(INFO|WARNING)\] Tests run:' "$build/mvn.log" | tail -n1 | sed 's/^\[[A-Z]*\] //')"
  cp -R "$build/target/module/halles-analysis-lite" "$mod.tmp"
  printf '%s\n' "$fingerprint" >"$mod.tmp/.source-sha256"
  mv "$mod.tmp" "$mod"
}

es_fetch_and_unpack() {
  local java_home zip="$M2_REPO/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"
  if [ ! -f "$ES_HOME/.halles-unpacked" ]; then
    if [ ! -f "$zip" ]; then
      command -v mvn >/dev/null || die "mvn not found: run '$0 install'"
      log "elasticsearch: mvn dependency:get org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip"
      mkdir -p "$ES_STATE"
      mvn -B -q -Dstyle.color=never -Dmaven.repo.local="$M2_REPO" dependency:get -Dtransitive=false \
        -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
        >"$ES_STATE/mvn.log" 2>&1 \
        || { tail -n 20 "$ES_STATE/mvn.log" >&2
             die "elasticsearch: could not resolve the integ-test-zip for $ES_VERSION from Maven Central"; }
      [ -f "$zip" ] || die "elasticsearch: mvn succeeded but $zip is missing"
    fi
    command -v unzip >/dev/null || die "unzip not found: run '$0 install'"
    log "elasticsearch: unpacking into $ES_HOME"
    rm -rf "$ES_HOME" "$ES_HOME.tmp"
    mkdir -p "$ES_HOME.tmp"
    unzip -q "$zip" -d "$ES_HOME.tmp"
    mv "$ES_HOME.tmp/elasticsearch-$ES_VERSION" "$ES_HOME"
    rmdir "$ES_HOME.tmp"
    touch "$ES_HOME/.halles-unpacked"
  fi
  java_home="$(detect_java_home)"
  if [ "$ES_ANALYSIS_LITE" = 1 ]; then
    build_analysis_lite "$java_home"
  else
    rm -rf "$ES_HOME/modules/halles-analysis-lite"
  fi
}

ensure_es_user() {
  is_root || return 0
  if ! id "$ES_USER" >/dev/null 2>&1; then
    log "elasticsearch: creating system user $ES_USER (Elasticsearch refuses to run as root)"
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$ES_USER"
  fi
  chown -R "$ES_USER": "$ES_HOME" "$ES_STATE"
}

cmd_elasticsearch_start() {
  ensure_services_dir
  if es_up; then
    log "elasticsearch: already answering on $ES_URL"
    printf '%s\n' "$ES_URL"
    return 0
  fi
  rm -f "$ES_PIDFILE"
  local t0 java_home
  es_fetch_and_unpack
  # ES_START_TIMEOUT is for the server: downloads and the module's Maven build come before.
  t0=$(date +%s)
  java_home="$(detect_java_home)"
  mkdir -p "$ES_DATA/data" "$ES_DATA/logs"
  ensure_es_user
  log "elasticsearch: starting $ES_VERSION on $ES_URL (java $java_home, heap $ES_HEAP)"
  local launcher=(env ES_JAVA_HOME="$java_home" ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP ${ES_EXTRA_JAVA_OPTS:-}"
    ES_PATH_CONF="$ES_HOME/config"
    ./bin/elasticsearch -d -p "$ES_PIDFILE"
    -Ecluster.name=halles-test -Enode.name=halles-test-node
    -Ediscovery.type=single-node
    -Enetwork.host=127.0.0.1 -Ehttp.port="$ES_PORT" -Etransport.port="$ES_TRANSPORT_PORT"
    -Epath.data="$ES_DATA/data" -Epath.logs="$ES_DATA/logs"
    -Expack.security.enabled=false
    -Ecluster.routing.allocation.disk.threshold_enabled=false
    -Eaction.destructive_requires_name=false)
  is_root && launcher=(runuser -u "$ES_USER" -- "${launcher[@]}")
  local deadline=$(( t0 + ES_START_TIMEOUT )) rc=0 status=""
  # `elasticsearch -d` returns once the node has started (or failed), so it is what we time out.
  (cd "$ES_HOME" && exec timeout -k 10 "$(( deadline - $(date +%s) > 5 ? deadline - $(date +%s) : 5 ))" "${launcher[@]}") \
    >"$ES_STATE/startup.log" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then
    es_log_tail
    local pid
    if pid="$(es_pid)"; then kill -KILL "$pid" 2>/dev/null || true; fi
    rm -f "$ES_PIDFILE"
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
      die "elasticsearch: did not start within ${ES_START_TIMEOUT}s (ES_START_TIMEOUT)"
    fi
    die "elasticsearch: bin/elasticsearch -d failed (exit $rc)"
  fi
  while :; do
    status="$(curl -fsS -m 5 "$ES_URL/_cluster/health?wait_for_status=yellow&timeout=2s" 2>/dev/null \
      | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' || true)"
    case "$status" in green|yellow) break ;; esac
    if ! es_pid >/dev/null; then
      es_log_tail; die "elasticsearch: the server process exited during startup"
    fi
    [ "$(date +%s)" -lt "$deadline" ] || break
    sleep 1
  done
  case "$status" in
    green|yellow) ;;
    *) es_log_tail; die "elasticsearch: cluster health not yellow/green after ${ES_START_TIMEOUT}s (got '${status:-no answer}')" ;;
  esac
  log "elasticsearch: $status after $(( $(date +%s) - t0 ))s (pid $(es_pid || echo '?'), logs $ES_DATA/logs)"
  if [ "$ES_ANALYSIS_LITE" = 1 ]; then
    cmd_elasticsearch_check || die "elasticsearch: started, but the analysis check failed (server left running)"
  fi
  printf '%s\n' "$ES_URL"
}

es_analyze() { # $1 = JSON body; prints the tokens joined by spaces, or the error
  local out
  out="$(curl -sS -m 10 -H 'Content-Type: application/json' "$ES_URL/_analyze" -d "$1")" || return 1
  if printf '%s' "$out" | grep -q '"tokens"'; then
    printf '%s' "$out" | grep -o '"token":"[^"]*"' | sed 's/"token":"\(.*\)"/\1/' | tr '\n' ' '
    return 0
  fi
  printf '%s' "$out" | sed -n 's/.*"reason":"\([^"]*\)".*/\1/p' | head -n1
  return 1
}

cmd_elasticsearch_check() {
  es_up || die "elasticsearch: nothing answers on $ES_URL"
  local failed=0 name body out
  while IFS='|' read -r name body; do
    if out="$(es_analyze "$body")"; then
      log "check ok   $name -> $out"
    else
      log "check FAIL $name -> $out"; failed=1
    fi
  done <<'EOF'
french analyzer|{"analyzer":"french","text":"Les citoyennes de l'Hôtel"}
english analyzer|{"analyzer":"english","text":"The citizens were running"}
elision+asciifolding|{"tokenizer":"standard","filter":["elision","lowercase","asciifolding"],"text":"L'Élève d'été"}
snowball French|{"tokenizer":"standard","filter":["lowercase",{"type":"snowball","language":"French"}],"text":"citoyennes nationales"}
stemmer light_french|{"tokenizer":"standard","filter":["lowercase",{"type":"stemmer","language":"light_french"}],"text":"citoyennes nationales"}
stemmer english|{"tokenizer":"standard","filter":["lowercase",{"type":"stemmer","language":"english"}],"text":"citizens running"}
edge_ngram|{"tokenizer":"standard","filter":["lowercase",{"type":"edge_ngram","min_gram":2,"max_gram":4}],"text":"Halles"}
EOF
  # The index settings Wagtail's (modelsearch) Elasticsearch backend creates.
  local idx="halles-services-selfcheck"
  curl -sS -m 10 -X DELETE "$ES_URL/$idx" >/dev/null 2>&1 || true
  out="$(curl -sS -m 20 -X PUT -H 'Content-Type: application/json' "$ES_URL/$idx" -d '{
    "settings": {"number_of_replicas": 0, "index": {"max_ngram_diff": 12}, "analysis": {
      "analyzer": {
        "ngram_analyzer": {"type": "custom", "tokenizer": "standard", "filter": ["asciifolding", "lowercase", "ngram"]},
        "edgengram_analyzer": {"type": "custom", "tokenizer": "standard", "filter": ["asciifolding", "lowercase", "edgengram"]}},
      "tokenizer": {
        "ngram_tokenizer": {"type": "ngram", "min_gram": 3, "max_gram": 15},
        "edgengram_tokenizer": {"type": "edge_ngram", "min_gram": 2, "max_gram": 15, "side": "front"}},
      "filter": {
        "ngram": {"type": "ngram", "min_gram": 3, "max_gram": 15},
        "edgengram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 15}}}},
    "mappings": {"properties": {
      "title_fr": {"type": "text", "analyzer": "french"},
      "title_en": {"type": "text", "analyzer": "english"},
      "title_ac": {"type": "text", "analyzer": "edgengram_analyzer", "search_analyzer": "standard"}}}}' 2>&1 || true)"
  if printf '%s' "$out" | grep -q '"acknowledged":true'; then
    log "check ok   index with Wagtail's analysis settings + french/english fields created"
  else
    log "check FAIL index with Wagtail's analysis settings: $out"; failed=1
  fi
  curl -sS -m 10 -X DELETE "$ES_URL/$idx" >/dev/null 2>&1 || true
  return "$failed"
}

cmd_elasticsearch_stop() {
  local pid i
  if ! pid="$(es_pid)"; then
    rm -f "$ES_PIDFILE"
    if es_up; then
      log "elasticsearch: something answers on $ES_URL but it was not started by this script (no live pid in $ES_PIDFILE); left alone"
    else
      log "elasticsearch: not running"
    fi
    return 0
  fi
  log "elasticsearch: stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "elasticsearch: still running after 30s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$ES_PIDFILE"
  log "elasticsearch: stopped"
}

# ---------------------------------------------------------------- status / clean
cmd_status() {
  local bin
  if bin="$(pg_bindir)" && pg_ready "$bin"; then
    echo "postgres:      running   $(pg_url)  (data $PG_DATA, pid $(head -n1 "$PG_DATA/postmaster.pid" 2>/dev/null || echo '?'))"
  else
    echo "postgres:      stopped   (port $PG_PORT)"
  fi
  if es_up; then
    local ver health
    ver="$(curl -fsS -m 5 "$ES_URL/_cat/nodes?h=version" | head -n1 | tr -d ' ')"
    health="$(curl -fsS -m 5 "$ES_URL/_cluster/health" | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p')"
    echo "elasticsearch: running   $ES_URL  (version ${ver:-?}, health ${health:-?}, pid $(es_pid || echo 'not ours'))"
  else
    echo "elasticsearch: stopped   (port $ES_PORT)"
  fi
}

cmd_clean() {
  cmd_postgres_stop
  cmd_elasticsearch_stop
  log "clean: removing $PG_DIR $ES_STATE"
  rm -rf "$PG_DIR" "$ES_STATE" "$SERVICES_DIR/postgres.pid"
}

usage() {
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

case "${1:-}" in
  install) cmd_install ;;
  postgres-start) cmd_postgres_start ;;
  postgres-stop) cmd_postgres_stop ;;
  elasticsearch-start) cmd_elasticsearch_start ;;
  elasticsearch-check) cmd_elasticsearch_check ;;
  elasticsearch-stop) cmd_elasticsearch_stop ;;
  status) cmd_status ;;
  clean) cmd_clean ;;
  *) usage ;;
esac

#!/usr/bin/env bash
# API and dashboard under load (issue 13): for each size (10k, 100k, 1M reservations, bench/data.sql)
# the packaged service runs as its own JVM on a loaded database, and wrk (Debian's package, installed
# if missing) drives each endpoint with 4 and 32 connections; prints p50/p90/p99 and requests per second.
#
# Usage: bench/api.sh                       (from the repository root; PostgreSQL at localhost:5432)
#   SIZES="10000 100000 1000000"  CONNS="4 32"  DURATION=15s  WARMUP=10s  BENCH_NO_BUILD=1  KEEP_DB=1
# A database per size (oc_bench_api_<n>) is loaded once and kept with KEEP_DB=1 for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"10000 100000 1000000"}
CONNS=${CONNS:-"4 32"}
DURATION=${DURATION:-15s}
PORT=${PORT:-18074}
PW=clave-de-bench-123
PSQL=(psql -h localhost -U postgres -v ON_ERROR_STOP=1 -q -X)

command -v wrk >/dev/null || { echo "instalando wrk" >&2; apt-get install -y -q wrk >/dev/null; }
[ -n "${BENCH_NO_BUILD:-}" ] || mvn -B -q package -DskipTests -Dfuzz.skip=true >/dev/null

service_pid=
stop_service() { [ -z "$service_pid" ] || { kill "$service_pid" 2>/dev/null; wait "$service_pid" 2>/dev/null || true; }; service_pid=; }
trap stop_service EXIT

start_service() { # $1 = database
  local data; data=$(mktemp -d)
  DATABASE_URL="postgresql://postgres@localhost:5432/$1" DATA_DIR="$data" WEB_PORT=$PORT ADMIN_PASSWORD=$PW \
    LOG_LEVEL=WARN OC_TEST_CLOCK=true OC_TEST_CLOCK_AT=2026-07-06T14:00:00Z LADDER_FIRST_RUN_DELAY_MS=86400000 \
    DAILY_SUMMARY_ENABLED=false WEB_LOGIN_MAX_FAILURES=100000 \
    java ${BENCH_JAVA_OPTS:-} -jar target/seguimiento-oc.jar run >"$data/servicio.log" 2>&1 &
  service_pid=$!
  for _ in $(seq 600); do
    curl -fs "http://127.0.0.1:$PORT/observe/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$service_pid" 2>/dev/null || { cat "$data/servicio.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "el servicio no quedó listo" >&2; exit 1
}

# wrk's latency lines ("50%    1.23ms") in milliseconds
ms() { awk -v p="$1" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }; printf "%.1f", v }'; }

echo "size | endpoint | connections | p50 ms | p90 ms | p99 ms | req/s | non-2xx | socket errors"
echo "---|---|---|---|---|---|---|---|---"
for n in $SIZES; do
  db=oc_bench_api_$n
  loaded=$("${PSQL[@]}" -d "$db" -Atc "SELECT count(*) FROM reservation" 2>/dev/null || echo 0)
  if [ "$loaded" != "$n" ]; then
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
    start_service "$db" # creates the schema
    t0=$(date +%s)
    sed "s/{{n}}/$n/g" bench/data.sql | "${PSQL[@]}" -d "$db"
    # a bulk load leaves no visibility map; autovacuum builds it in production, here it is done at once
    "${PSQL[@]}" -d "$db" -c "VACUUM ANALYZE"
    echo "cargadas $n reservas en $(( $(date +%s) - t0 )) s" >&2
    stop_service
  fi
  start_service "$db"
  token=$(curl -fs -u "admin:$PW" -H 'Content-Type: application/json' -d '{"nombre":"bench"}' \
    "http://127.0.0.1:$PORT/api/cuenta/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
  loc="L$(( n * 7 / 9 ))"
  endpoints=("/api/stats" "/api/reservas?estado=pendiente" "/api/reservas?q=$loc" "/")
  # warm-up: every endpoint, twice, before any is measured (on 2 cores the JIT needs about a minute)
  for _ in 1 2; do
    for endpoint in "${endpoints[@]}"; do
      wrk -t2 -c32 -d"${WARMUP:-10s}" -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT$endpoint" >/dev/null
    done
  done
  for endpoint in "${endpoints[@]}"; do
    url="http://127.0.0.1:$PORT$endpoint"
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url")" = 200 ] \
      || { echo "$endpoint no responde 200" >&2; exit 1; }
    for c in $CONNS; do
      out=$(wrk -t2 -c"$c" -d"$DURATION" --latency -H "Authorization: Bearer $token" "$url")
      p50=$(ms "50%" <<<"$out"); p90=$(ms "90%" <<<"$out"); p99=$(ms "99%" <<<"$out")
      rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
      bad=$(awk '/Non-2xx/ { print $5 }' <<<"$out"); bad=${bad:-0}
      err=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out"); err=${err:-0}
      echo "$n | \`$endpoint\` | $c | $p50 | $p90 | $p99 | $rps | $bad | $err"
    done
  done
  stop_service
  [ -n "${KEEP_DB:-}" ] || "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
done

#!/usr/bin/env bash
# Side by side: Aantoonbaar against Fides (ethyca-fides, its open-source
# consent API), on this machine, with wrk on loopback. A person runs this; it
# is not part of the tests. It prints requests per second and p99 for:
#   - a consent read: Aantoonbaar's publication check for 30 pupils against
#     Fides' preference read for one person;
#   - a durable consent write: a decision against Fides' preference save.
#
# Needs: python3.13 (Fides 2.79 and later), wrk, psql, a PostgreSQL server on
# 127.0.0.1:5432 with trust authentication, redis-server, and a release build
# of aantoonbaar (cargo build --release). Fides comes from PyPI into a virtual
# environment under target/fides-bench.
#
#   bench/fides/compare.sh [rounds]     # default 3 alternating rounds of 15 s
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${1:-3}
FIDES_VERSION=${FIDES_VERSION:-2.86.2}
PYTHON=${PYTHON:-python3.13}
WORK=target/fides-bench
PG=postgres://postgres@127.0.0.1:5432
AANTOONBAAR_PORT=18480
FIDES_PORT=18481
REDIS_PORT=18482
mkdir -p "$WORK"

FIDES=1
if ! command -v "$PYTHON" >/dev/null; then
  echo "NOTE: $PYTHON is missing (Fides from 2.79 needs Python 3.13): measuring Aantoonbaar alone" >&2
  FIDES=0
fi
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
[ -x target/release/aantoonbaar ] || cargo build --release

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# --- Fides: a virtual environment, its own PostgreSQL database and Redis.
start_fides() {
if [ ! -x "$WORK/venv/bin/fides" ]; then
  "$PYTHON" -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install -q "ethyca-fides==$FIDES_VERSION"
fi
psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS fides_bench WITH (FORCE)" -qc "CREATE DATABASE fides_bench"
redis-server --port "$REDIS_PORT" --save '' --appendonly no --daemonize no >"$WORK/redis.log" 2>&1 &
pids+=($!)
# The wheel lacks data/saas/config; empty folders in the working directory let it start.
mkdir -p "$WORK/run/data/saas/config" "$WORK/run/data/saas/icon" "$WORK/run/data/saas/dataset"
export FIDES__DATABASE__SERVER=127.0.0.1 FIDES__DATABASE__PORT=5432 FIDES__DATABASE__USER=postgres \
  FIDES__DATABASE__PASSWORD=postgres FIDES__DATABASE__DB=fides_bench \
  FIDES__REDIS__ENABLED=true FIDES__REDIS__HOST=127.0.0.1 FIDES__REDIS__PORT=$REDIS_PORT FIDES__REDIS__PASSWORD= \
  FIDES__SECURITY__APP_ENCRYPTION_KEY=aantoonbaarbenchaantoonbaarbench \
  FIDES__SECURITY__OAUTH_ROOT_CLIENT_ID=bench FIDES__SECURITY__OAUTH_ROOT_CLIENT_SECRET=bench-secret \
  FIDES__EXECUTION__SUBJECT_IDENTITY_VERIFICATION_REQUIRED=false DISABLE_CONSENT_IDENTITY_VERIFICATION=true
(cd "$WORK/run" && exec ../venv/bin/fides webserver --port "$FIDES_PORT") >"$WORK/fides.log" 2>&1 &
pids+=($!)
}
[ "$FIDES" = 1 ] && start_fides

# --- Aantoonbaar: the demo board on SQLite, a token of its IBP manager.
rm -f "$WORK/aantoonbaar.sqlite"*
target/release/aantoonbaar demo --addr "127.0.0.1:$AANTOONBAAR_PORT" \
  --database-url "sqlite://$PWD/$WORK/aantoonbaar.sqlite" >"$WORK/aantoonbaar.log" 2>&1 &
pids+=($!)

wait_for() { for _ in $(seq 1 120); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 1; done; echo "$1 did not answer" >&2; exit 1; }
wait_for "http://127.0.0.1:$AANTOONBAAR_PORT/readyz"
[ "$FIDES" = 1 ] && wait_for "http://127.0.0.1:$FIDES_PORT/health"

A="http://127.0.0.1:$AANTOONBAAR_PORT"
F="http://127.0.0.1:$FIDES_PORT"
fides_token= consent_id=
token=$(target/release/aantoonbaar token create --database-url "sqlite://$PWD/$WORK/aantoonbaar.sqlite" \
  --email ibp@demo.aantoonbaar.nl --name fides-bench)
group=$(curl -fs -H "Authorization: Bearer $token" "$A/api/v1/groups" | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
pupils=$(curl -fs -H "Authorization: Bearer $token" "$A/api/v1/pupils?group_id=$group&limit=30" |
  "$PYTHON" -c 'import json,sys; print(json.dumps([p["id"] for p in json.load(sys.stdin)["pupils"]][:30]))')
pupil=$(echo "$pupils" | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)[0])')
pair=$(curl -fs -H "Authorization: Bearer $token" "$A/api/v1/pupils/$pupil/guardians" |
  "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')

if [ "$FIDES" = 1 ]; then
fides_token=$(curl -fs -X POST "$F/api/v1/oauth/token" -d grant_type=client_credentials -d client_id=bench \
  -d client_secret=bench-secret | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
consent_id=$(curl -fs -X POST "$F/api/v1/consent-request" -H 'Content-Type: application/json' \
  -d '{"email": "ouder@bench.example"}' | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["consent_request_id"])')

fi

cat >"$WORK/check.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"purpose": "website", "pupil_ids": $pupils}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
LUA
cat >"$WORK/decide.lua" <<LUA
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
counter = 0
request = function()
  counter = counter + 1
  local choice = (counter % 2 == 0) and "granted" or "refused"
  local body = string.format('{"pupil_id":"$pupil","guardian_id":"$pair","purpose":"newsletter","decision":"%s","decided_at":"2026-11-20T10:00:00+01:00","channel":"paper"}', choice)
  return wrk.format("POST", nil, nil, body)
end
LUA
cat >"$WORK/fides-read.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"email": "ouder@bench.example"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $fides_token"
LUA
# Fides skips the write when the value is unchanged: alternate it.
cat >"$WORK/fides-save.lua" <<LUA
wrk.headers["Content-Type"] = "application/json"
counter = 0
request = function()
  counter = counter + 1
  local opt_in = (counter % 2 == 0) and "true" or "false"
  local body = string.format('{"identity": {"email": "ouder@bench.example"}, "consent": [{"data_use": "marketing.advertising", "opt_in": %s}]}', opt_in)
  return wrk.format("PATCH", nil, nil, body)
end
LUA

run() { wrk -t1 -c16 -d15s --latency -s "$1" "$2" | awk -v name="$3" '/Requests\/sec/ {rate=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$NF} END {printf "%-40s %10s req/s  p99 %-8s %s\n", name, rate, p99, (bad ? bad " non-2xx" : "")}'; }
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round"
  run "$WORK/check.lua" "$A/api/v1/publication-check" "Aantoonbaar publication check (30 pupils)"
  [ "$FIDES" = 1 ] && run "$WORK/fides-read.lua" "$F/api/v1/consent-request/preferences" "Fides preference read (1 person)"
  run "$WORK/decide.lua" "$A/api/v1/consent-decisions" "Aantoonbaar durable decision"
  [ "$FIDES" = 1 ] && run "$WORK/fides-save.lua" "$F/api/v1/consent-request/$consent_id/preferences" "Fides preference save"
done
for name in aantoonbaar fides redis-server postgres; do
  printf "%-12s resident %s MiB\n" "$name" "$(ps -C "$name" -o rss= 2>/dev/null | awk '{s+=$1} END {print int(s/1024)}')"
done

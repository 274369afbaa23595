#!/usr/bin/env bash
# Runs every example against a fresh built server and fails when one does not behave as
# documented (`npm run examples`, also in CI).
#
# Needs: dist/server/main.js (npx nx build server), dist/libs/sync-client
# (npx nx build sync-client), and a Python 3 with python-socketio and websocket-client
# (Debian: apt-get install python3-socketio python3-websocket). PYTHON=... picks the interpreter.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
if [[ ! -f dist/server/main.js ]]; then
  echo "dist/server/main.js is missing: run \"npx nx build server\" first" >&2
  exit 1
fi

DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/finwise-examples-XXXXXX")
LOG="$DATA_DIR/server.log"
SERVER_PID=''
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null
  fi
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

# A throwaway server on a free loopback port with its own embedded database, whatever the
# caller's environment says about DATABASE_URL or REDIS_URL.
env -u DATABASE_URL -u REDIS_URL -u NODE_OPTIONS PORT=0 HOST=127.0.0.1 DATA_DIR="$DATA_DIR/data" LOG_LEVEL=warn \
  node dist/server/main.js >"$LOG" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 240); do
  grep -q '^FINWISE_READY ' "$LOG" && break
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "the server exited before it was ready:" >&2
    cat "$LOG" >&2
    exit 1
  fi
  sleep 0.5
done
URL=$(sed -n 's/^FINWISE_READY //p' "$LOG" | head -n 1)
if [[ -z "$URL" ]]; then
  echo "the server did not print FINWISE_READY within 120 s" >&2
  cat "$LOG" >&2
  exit 1
fi
# The server binds 127.0.0.1 only; "localhost" may resolve to ::1 first.
export FINWISE_URL=${URL/localhost/127.0.0.1}
echo "server ready at $FINWISE_URL"

pick_python() {
  local candidate
  for candidate in ${PYTHON:-} python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import socketio, websocket' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

passed=0
failed=0
run() {
  local name=$1
  shift
  echo
  echo "=== $name"
  if "$@"; then
    echo "=== $name: passed"
    passed=$((passed + 1))
  else
    echo "=== $name: FAILED" >&2
    failed=$((failed + 1))
  fi
}

# Two processes of one household: the listener must print the writer's new account live.
live_sync() {
  local email="live-$$-$RANDOM@example.com" out="$DATA_DIR/live-sync.out" listener status
  node examples/live-sync.mjs "$email" 'a long password' --exit >"$out" 2>&1 &
  listener=$!
  for _ in $(seq 1 100); do
    grep -q 'listening for changes' "$out" && break
    sleep 0.2
  done
  node examples/live-sync.mjs "$email" 'a long password' 'Giro' --exit || { kill "$listener" 2>/dev/null; return 1; }
  wait "$listener"
  status=$?
  cat "$out"
  [[ $status -eq 0 ]] && grep -q '"name":"Giro"' "$out"
}

run "curl walkthrough" bash examples/curl-walkthrough.sh
run "node: @finwise/sync-client" node examples/node-sync-client.mjs
run "node: live sync between two processes (socket.io-client)" live_sync
if PY=$(pick_python); then
  run "python: python-socketio" "$PY" examples/python_sync.py
else
  echo "no Python 3 with python-socketio and websocket-client (apt-get install python3-socketio python3-websocket)" >&2
  failed=$((failed + 1))
fi

if ! kill -0 "$SERVER_PID" 2>/dev/null; then
  echo "the server died while the examples ran:" >&2
  cat "$LOG" >&2
  failed=$((failed + 1))
fi
echo
echo "examples: $passed passed, $failed failed"
[[ $failed -eq 0 ]]

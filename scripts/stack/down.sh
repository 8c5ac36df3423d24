#!/usr/bin/env bash
# Stop the infrastructure of a stack (data is kept). Usage: scripts/stack/down.sh <dev|test>
source "$(dirname "$0")/../lib/common.sh"
load_stack "${1:-dev}"
PG_BIN="/usr/lib/postgresql/$PG_MAJOR/bin"
for name in temporal minio mailpit; do
  pidfile="$STACK_DIR/run/$name.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    kill "$(cat "$pidfile")" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$(cat "$pidfile")" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$(cat "$pidfile")" 2>/dev/null || true
  fi
  rm -f "$pidfile"
done
if [ -f "$PG_DATA/postmaster.pid" ]; then
  if is_root; then runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true
  else "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true; fi
fi
ok "$STACK stack stopped"

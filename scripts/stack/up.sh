#!/usr/bin/env bash
# Start the infrastructure of a stack in the background: PostgreSQL, MinIO, the Temporal dev server.
# Usage: scripts/stack/up.sh <dev|test|soak>. Idempotent: what already runs is left alone, data is reused.
# Writes .local/<stack>/env.sh with every variable the processes need.
source "$(dirname "$0")/../lib/common.sh"
load_stack "${1:-dev}"
PG_BIN="/usr/lib/postgresql/$PG_MAJOR/bin"
as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

step "PostgreSQL ($STACK) on 127.0.0.1:$PG_PORT"
if [ ! -f "$PG_DATA/PG_VERSION" ]; then
  mkdir -p "$PG_DATA"
  is_root && chown -R postgres:postgres "$PG_DATA" "$STACK_DIR/run" "$STACK_DIR/log"
  chmod 700 "$PG_DATA"
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Small, fast, local: no fsync in the test stack (data there is disposable).
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $PG_PORT"
    echo "unix_socket_directories = '$STACK_DIR/run'"
    echo "max_connections = 200"
    echo "shared_buffers = 256MB"
    [ "$STACK" = test ] && echo "fsync = off" && echo "synchronous_commit = off" && echo "full_page_writes = off"
  } >>"$PG_DATA/postgresql.conf"
  info "initialised cluster in .local/$STACK/pg"
fi
if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
  ok "already running"
else
  port_in_use "$PG_PORT" && die "port $PG_PORT is taken by another process; stop it or free the port"
  # Port and socket directory on the command line, not only in postgresql.conf: the cluster follows
  # SANXIANG_PORT_OFFSET and a moved checkout instead of the values it was initialised with.
  # The test stack runs without autovacuum: its databases live for one suite, and an autovacuum
  # worker (a superuser process) inside one made the suite's `DROP DATABASE … WITH (FORCE)` fail with
  # "must be a member of the role whose process is being terminated" (CI, 2026-12-03).
  pg_options="-p $PG_PORT -k $STACK_DIR/run"
  [ "$STACK" = test ] && pg_options="$pg_options -c autovacuum=off"
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$STACK_DIR/log/postgres.log" -w -t 60 \
    -o "$pg_options" start >/dev/null ||
    die "PostgreSQL did not start; see .local/$STACK/log/postgres.log"
  ok "started"
fi
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres "$@"; }
psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'" | grep -q 1 ||
  psql_admin -c "CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD'"
for db in sanxiang_disclosure sanxiang_recording sanxiang_legal_review sanxiang_directory sanxiang_notifications sanxiang_inspection sanxiang_console sanxiang_identity; do
  psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 ||
    psql_admin -c "CREATE DATABASE $db OWNER $DB_USER"
done
ok "role $DB_USER and databases sanxiang_{disclosure,recording,legal_review,directory,notifications,inspection,console,identity} present"

step "MinIO ($STACK) on 127.0.0.1:$MINIO_PORT (console :$MINIO_CONSOLE_PORT)"
if [ -f "$STACK_DIR/run/minio.pid" ] && kill -0 "$(cat "$STACK_DIR/run/minio.pid")" 2>/dev/null; then
  ok "already running"
else
  port_in_use "$MINIO_PORT" && die "port $MINIO_PORT is taken by another process; stop it or free the port"
  port_in_use "$MINIO_CONSOLE_PORT" && die "port $MINIO_CONSOLE_PORT is taken by another process; stop it or free the port"
  mkdir -p "$MINIO_DATA"
  MINIO_ROOT_USER="$MINIO_USER" MINIO_ROOT_PASSWORD="$MINIO_PASSWORD" MINIO_BROWSER_REDIRECT=off \
    nohup "$BIN/minio" server "$MINIO_DATA" --quiet --address "127.0.0.1:$MINIO_PORT" \
    --console-address "127.0.0.1:$MINIO_CONSOLE_PORT" >"$STACK_DIR/log/minio.log" 2>&1 &
  echo $! >"$STACK_DIR/run/minio.pid"
  wait_for_port "$MINIO_PORT" MinIO 60 "$(cat "$STACK_DIR/run/minio.pid")" "$STACK_DIR/log/minio.log"
  ok "started"
fi

step "Mailpit ($STACK): SMTP on 127.0.0.1:$SMTP_PORT, web UI and API on :$MAILPIT_PORT"
if [ -f "$STACK_DIR/run/mailpit.pid" ] && kill -0 "$(cat "$STACK_DIR/run/mailpit.pid")" 2>/dev/null; then
  ok "already running"
else
  port_in_use "$SMTP_PORT" && die "port $SMTP_PORT is taken by another process; stop it or free the port"
  port_in_use "$MAILPIT_PORT" && die "port $MAILPIT_PORT is taken by another process; stop it or free the port"
  # Messages persist in .local/<stack>/mailpit.db, like every other server's data.
  nohup "$BIN/mailpit" --smtp "127.0.0.1:$SMTP_PORT" --listen "127.0.0.1:$MAILPIT_PORT" \
    --database "$MAILPIT_DB" --smtp-auth-accept-any --smtp-auth-allow-insecure --disable-version-check --quiet \
    >"$STACK_DIR/log/mailpit.log" 2>&1 &
  echo $! >"$STACK_DIR/run/mailpit.pid"
  wait_for_port "$MAILPIT_PORT" Mailpit 60 "$(cat "$STACK_DIR/run/mailpit.pid")" "$STACK_DIR/log/mailpit.log"
  wait_for_port "$SMTP_PORT" "Mailpit SMTP" 30 "$(cat "$STACK_DIR/run/mailpit.pid")" "$STACK_DIR/log/mailpit.log"
  ok "started (data in .local/$STACK/mailpit.db)"
fi

step "Temporal dev server ($STACK) on 127.0.0.1:$TEMPORAL_PORT (Web UI :$TEMPORAL_UI_PORT)"
if [ -f "$STACK_DIR/run/temporal.pid" ] && kill -0 "$(cat "$STACK_DIR/run/temporal.pid")" 2>/dev/null; then
  ok "already running"
else
  port_in_use "$TEMPORAL_PORT" && die "port $TEMPORAL_PORT is taken by another process; stop it or free the port"
  port_in_use "$TEMPORAL_UI_PORT" && die "port $TEMPORAL_UI_PORT is taken by another process; stop it or free the port"
  # Custom search attributes come from packages/shared/src/contracts/search-attributes.ts.
  mapfile -t sa_flags < <(cd "$ROOT" && tsx scripts/stack/search-attribute-flags.ts)
  # Payloads are encrypted (docs/decisions.md): under `npm start` the Web UI asks the codec server
  # (scripts/start.sh starts it) to decode them.
  codec_flags=()
  if [ "$STACK" = dev ]; then codec_flags=(--ui-codec-endpoint "http://127.0.0.1:$CODEC_PORT"); fi
  nohup "$BIN/temporal" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
    --db-filename "$TEMPORAL_DB" --namespace default --log-level warn "${sa_flags[@]}" "${codec_flags[@]}" \
    >"$STACK_DIR/log/temporal.log" 2>&1 &
  echo $! >"$STACK_DIR/run/temporal.pid"
  wait_for_port "$TEMPORAL_PORT" "Temporal dev server" 90 "$(cat "$STACK_DIR/run/temporal.pid")" "$STACK_DIR/log/temporal.log"
  ok "started (data in .local/$STACK/temporal.db)"
fi

stack_env >"$STACK_DIR/env.sh"
# shellcheck disable=SC1091
source "$STACK_DIR/env.sh"
# The soak's chaos driver restarts a killed server with this and skips the (unchanged) setup below.
if [ "${STACK_UP_SERVERS_ONLY:-}" = 1 ]; then ok "servers up"; exit 0; fi
step "Evidence bucket and database migrations ($STACK)"
(cd "$ROOT" && tsx scripts/stack/ensure-bucket.ts)
(cd "$ROOT" && tsx packages/prisma-migrate/src/cli.ts deploy-all)
ok "ready; environment in .local/$STACK/env.sh"

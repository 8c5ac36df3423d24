#!/usr/bin/env bash
# `npm start`: provision, start the dev stack (PostgreSQL, MinIO, Mailpit, Temporal + Web UI), the three
# services and the worker, load the demo data, print every URL. Ctrl-C stops everything it started.
source "$(dirname "$0")/lib/common.sh"
load_stack dev

services=(disclosure:3001 recording:3002 legal-review:3003 directory:3004 notifications:3006)
for entry in "${services[@]}" console:3000; do
  port=${entry#*:}
  port_in_use "$port" && die "port $port (${entry%%:*} service) is already in use; stop whatever holds it (is another 'npm start' running?)"
done

bash "$ROOT/scripts/provision/all.sh"
bash "$ROOT/scripts/stack/up.sh" dev
# shellcheck disable=SC1091
source "$STACK_DIR/env.sh"

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo
  step "stopping"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  bash "$ROOT/scripts/stack/down.sh" dev
  exit 0
}
trap stop_all INT TERM EXIT

# Full JSON logs go to .local/dev/log/<name>.log; the terminal shows one short line per entry.
mkdir -p "$STACK_DIR/log"
launch() { # launch <name> <command...>
  local name=$1; shift
  LOG_FORMAT=json "$@" > >(node "$ROOT/scripts/lib/terminal-log.mjs" "$STACK_DIR/log/$name.log" "$name") 2>&1 &
  pids+=($!)
}

step "services and worker"
for entry in "${services[@]}"; do
  name=${entry%%:*} port=${entry#*:}
  url_var="DATABASE_URL_$(echo "$name" | tr 'a-z-' 'A-Z_')"
  launch "$name" env HTTP_PORT="$port" DATABASE_URL="${!url_var}" tsx "$ROOT/services/$name/src/main.ts"
done
launch worker tsx "$ROOT/workflows/src/worker/main.ts"
for entry in "${services[@]}"; do
  name=${entry%%:*} port=${entry#*:}
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 || die "$name is not ready on :$port (see its [$name] lines above)"
  ok "$name ready on :$port"
done

step "demo data"
tsx "$ROOT/scripts/demo/load-directory-demo.ts"
tsx "$ROOT/scripts/demo/load-demo-data.ts"

step "staff console (执法工作台)"
npm run -s -w @sanxiang/console build -- --logLevel warn
launch console env HTTP_PORT=3000 DATABASE_URL="$DATABASE_URL_CONSOLE" tsx "$ROOT/apps/console/server/main.ts"
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:3000/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:3000/readyz" >/dev/null 2>&1 || die "the console is not ready on :3000 (see its [console] lines above)"
ok "console ready on :3000"

cat <<EOT

  sanxiang is running (Ctrl-C stops everything).

  执法工作台 (staff console)  $CONSOLE_URL   (signs in at the identity provider $OIDC_ISSUER)

  Temporal Web UI        http://127.0.0.1:$TEMPORAL_UI_PORT   (namespace default; filter: CaseNumber = "…" or Overdue = true)
  Disclosure service     http://127.0.0.1:3001   API docs http://127.0.0.1:3001/docs   public platform http://127.0.0.1:3001/
  Recording service      http://127.0.0.1:3002   API docs http://127.0.0.1:3002/docs
  Legal-review service   http://127.0.0.1:3003   API docs http://127.0.0.1:3003/docs
  Directory service      http://127.0.0.1:3004   API docs http://127.0.0.1:3004/docs   (people, units, certificates)
  Notifications service  http://127.0.0.1:3006   API docs http://127.0.0.1:3006/docs   (inbox, e-mail, 我的待办, 督办看板)
  MinIO console          http://127.0.0.1:$MINIO_CONSOLE_PORT   (user $S3_ACCESS_KEY)
  Mailpit (e-mail sent)  http://127.0.0.1:$MAILPIT_PORT   (SMTP 127.0.0.1:$SMTP_PORT)
  PostgreSQL             127.0.0.1:$PG_PORT  (databases sanxiang_disclosure, sanxiang_recording, sanxiang_legal_review, sanxiang_directory, sanxiang_notifications)

  Tokens for the APIs:   source .local/dev/env.sh && npm run -s token -- --roles officer --name 张三 --cert 32010012345

EOT
wait

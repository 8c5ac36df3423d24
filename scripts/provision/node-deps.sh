#!/usr/bin/env bash
# npm dependencies (exact, from package-lock.json) and the generated Prisma clients.
source "$(dirname "$0")/../lib/common.sh"
need node "Install Node.js 20.19 or newer."
need npm "Install npm (comes with Node.js)."
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
  die "Node.js >= 20.19 is required (found $(node --version))."

stamp="$LOCAL/stamps/npm-ci"
mkdir -p "$LOCAL/stamps"
step "npm dependencies"
lock_hash=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
if [ -d "$ROOT/node_modules" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
  ok "up to date"
else
  # `npm install` against the committed lock, not `npm ci`: npm 11 leaves other platforms' optional
  # packages (e.g. @swc/core-darwin-*) out of the lock and `npm ci` then refuses it as out of sync.
  (cd "$ROOT" && npm install --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" >"$stamp"
  ok "installed from package-lock.json"
fi

step "Prisma clients"
for service in disclosure recording legal-review directory notifications identity inspection; do
  [ -f "$ROOT/services/$service/prisma/schema.prisma" ] || die "services/$service/prisma/schema.prisma is missing"
  (cd "$ROOT/services/$service" && PRISMA_SCHEMA_ENGINE_BINARY=/bin/false CHECKPOINT_DISABLE=1 npx --no-install prisma generate >/dev/null 2>&1) ||
    die "prisma generate failed for services/$service"
done
ok "generated for disclosure, recording, legal-review, directory, notifications, identity, inspection"

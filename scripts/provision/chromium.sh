#!/usr/bin/env bash
# Debian's Chromium, for the headless-browser tests of the public disclosure platform and the staff
# console (driven by playwright-core with executablePath /usr/bin/chromium), and a CJK font
# (Debian's fonts-noto-cjk) so that their screenshots show Chinese, not boxes.
# Playwright's own browser download comes from a vendor site that is not reachable here.
source "$(dirname "$0")/../lib/common.sh"
step "Chromium (headless browser tests)"
CHROMIUM_BIN="/usr/bin/chromium"
cjk_font() { command -v fc-list >/dev/null && fc-list :lang=zh family | grep -q .; }
install_cjk_font() {
  if cjk_font; then
    ok "CJK font present ($(fc-list :lang=zh family | head -n1))"
    return 0
  fi
  if ! is_root || ! command -v apt-get >/dev/null; then
    info "⚠ no CJK font: screenshots show boxes for Chinese. Run: sudo apt-get install -y fonts-noto-cjk"
    return 0
  fi
  info "installing fonts-noto-cjk with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends fonts-noto-cjk >/dev/null ||
    { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends fonts-noto-cjk >/dev/null; }
  cjk_font && ok "installed fonts-noto-cjk" || info "⚠ fonts-noto-cjk did not install; screenshots show boxes"
}
if [ -x "$CHROMIUM_BIN" ]; then
  ok "found $("$CHROMIUM_BIN" --version 2>/dev/null || echo "$CHROMIUM_BIN")"
  install_cjk_font
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
install_cjk_font

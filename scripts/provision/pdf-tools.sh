#!/usr/bin/env bash
# Debian's poppler-utils (`pdftotext`): the case-file export test reads the exported PDF's text to
# check its Chinese headings, page numbers and Beijing times (services/recording/test/case-file.test.ts).
source "$(dirname "$0")/../lib/common.sh"
step "pdftotext (reads exported PDFs in tests)"
if command -v pdftotext >/dev/null; then
  ok "found $(pdftotext -v 2>&1 | head -n1)"
  exit 0
fi
is_root || die "pdftotext is missing. Run: sudo apt-get install -y poppler-utils"
need apt-get "Install poppler-utils (pdftotext) by hand on non-Debian systems."
info "installing poppler-utils with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null 2>&1 ||
  { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null 2>&1; }
command -v pdftotext >/dev/null || die "apt-get did not install pdftotext"
ok "installed $(pdftotext -v 2>&1 | head -n1)"

#!/usr/bin/env bash
# PostgreSQL server binaries from Debian (the cluster itself is created per stack by stack/up.sh).
source "$(dirname "$0")/../lib/common.sh"
step "PostgreSQL $PG_MAJOR"
PG_BIN="/usr/lib/postgresql/$PG_MAJOR/bin"
if [ -x "$PG_BIN/postgres" ] && [ -x "$PG_BIN/initdb" ]; then
  ok "found in $PG_BIN"
  exit 0
fi
if ! is_root; then
  die "PostgreSQL $PG_MAJOR server is not installed. Run: sudo apt-get install -y postgresql-$PG_MAJOR"
fi
need apt-get "PostgreSQL must be installed by hand on non-Debian systems (postgresql-$PG_MAJOR)."
info "installing postgresql-$PG_MAJOR with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "postgresql-$PG_MAJOR" >/dev/null
# Debian's package may start its own cluster on 5432; we never use it.
[ -x "$PG_BIN/postgres" ] || die "apt-get did not install $PG_BIN/postgres"
ok "installed"

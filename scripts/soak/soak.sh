#!/usr/bin/env bash
# `npm run soak` (issue #16): provision, then the soak program (scripts/soak/soak.ts), which starts
# its own stack (scripts/stack/up.sh soak: .local/soak, ports of its own, + SANXIANG_PORT_OFFSET),
# the services and the worker, drives the cases under chaos and prints the table of checks.
# Arguments go to soak.ts: --lifecycles N (default 36; 1000 for the full run), --seed S, --lanes L,
# --large-every N, --drive-minutes M (see soak.ts).
source "$(dirname "$0")/../lib/common.sh"
bash "$ROOT/scripts/provision/all.sh"
cd "$ROOT"
exec node --import tsx scripts/soak/soak.ts "$@"

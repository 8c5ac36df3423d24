#!/usr/bin/env bash
# `npm run bench [-- <name>...]`: benchmarks against the test stack's real servers. Each prints our
# figures next to the raw component's, measured side by side in the same run, with their ratios.
# Names: legal-review-queue, task-board, recording-upload, disclosure-search (alias: search), lifecycle,
# end-to-end. Default: all. Arguments starting with -- go to every benchmark run (e.g.
# `npm run bench -- search --quick`; `--quick` is a small run of each, under two minutes).
source "$(dirname "$0")/lib/common.sh"
load_stack test
export NODE_ENV=test LOG_FORMAT=json LOG_LEVEL=warn
bash "$ROOT/scripts/provision/all.sh" >/dev/null
bash "$ROOT/scripts/stack/up.sh" test >/dev/null
# shellcheck disable=SC1091
source "$STACK_DIR/env.sh"
export SANXIANG_TEST_PG_URL="$SANXIANG_PG_ADMIN_URL"

declare -A benches=(
  [legal-review-queue]=services/legal-review/bench/queue-listing.ts
  [task-board]=services/notifications/bench/task-board.ts
  [recording-upload]=services/recording/bench/evidence-upload.ts
  [disclosure-search]=services/disclosure/bench/public-search.ts
  [search]=services/disclosure/bench/public-search.ts
  [lifecycle]=workflows/bench/lifecycles.ts
  [end-to-end]=test/bench/proposal-to-queue.ts
)
names=()
flags=()
for arg in "$@"; do
  case "$arg" in
    --*) flags+=("$arg") ;;
    *) names+=("$arg") ;;
  esac
done
[ ${#names[@]} -gt 0 ] || names=(legal-review-queue task-board recording-upload disclosure-search lifecycle end-to-end)
status=0
for name in "${names[@]}"; do
  file=${benches[$name]:-}
  [ -n "$file" ] || die "unknown benchmark '$name' (one of: ${!benches[*]})"
  step "bench $name ($file)"
  (cd "$ROOT" && node --expose-gc --import tsx "$file" "${flags[@]}") || status=1
done
exit $status

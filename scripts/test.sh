#!/usr/bin/env bash
# `npm test`: provision, start the test stack (separate ports and data from the dev stack), then run
# every check: format, lint, typecheck, migration drift, and all jest suites (unit, integration
# against the real servers, workflow tests in the time-skipping environment, replay tests).
# Ends with one line "N passed, N failed". Extra arguments go to jest (e.g. a path filter).
source "$(dirname "$0")/lib/common.sh"
started_at=$SECONDS
load_stack test
export NODE_ENV=test LOG_FORMAT=json LOG_LEVEL=${LOG_LEVEL:-warn}

bash "$ROOT/scripts/provision/all.sh"
bash "$ROOT/scripts/stack/up.sh" test
# shellcheck disable=SC1091
source "$STACK_DIR/env.sh"
export SANXIANG_TEST_PG_URL="$SANXIANG_PG_ADMIN_URL"
[ "${KEEP_STACK:-}" = 1 ] || trap 'bash "$ROOT/scripts/stack/down.sh" test >/dev/null' EXIT

passed=0 failed=0 failures=()
# Each check's output is also kept in a file: the end of the run repeats the tail of every failed
# check, so the cause is next to the summary line even when only the end of a long log is read.
check_logs="$STACK_DIR/checks"
rm -rf "$check_logs" && mkdir -p "$check_logs"
check() { # check <name> <command...>: one pass/fail line per check, with its duration
  local name=$1 t0=$SECONDS status log; shift
  log="$check_logs/$(printf '%s' "$name" | tr -c 'A-Za-z0-9' '-').log"
  step "$name"
  set +e
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  set -e
  if [ "$status" = 0 ]; then
    ok "$name ($((SECONDS - t0)) s)"; passed=$((passed + 1)); rm -f "$log"
  else
    failed=$((failed + 1)); failures+=("$name")
  fi
}
info "provisioning and test stack ready after $((SECONDS - started_at)) s"
cd "$ROOT"
# First: the console's API types are generated from the services' OpenAPI documents, and the
# typecheck and lint below read them.
check "console build (API types + vite)" npm run -s -w @sanxiang/console build -- --logLevel warn
check "format (prettier)" prettier --check --log-level warn .
# Type-aware lint holds two TypeScript programs (eslint.config.mjs): 2.7 GiB peak RSS on 2026-12-03
# (one program per workspace peaked at 5.0 GiB); the larger heap keeps a margin as the tree grows.
check "lint (eslint)" env NODE_OPTIONS="${NODE_OPTIONS:-} --max-old-space-size=8192" eslint --max-warnings=0 .
check "typecheck (tsc)" tsc --noEmit -p tsconfig.json
check "typecheck console app (tsc)" tsc --noEmit -p apps/console/src/tsconfig.json
check "migration drift" tsx packages/prisma-migrate/src/cli.ts drift-all
# OpenAPI fuzzing (issue #16): Schemathesis against every service's document, staff and machine tokens.
check "fuzz (schemathesis)" tsx test/fuzz/fuzz-services.ts

step "jest"
report="$STACK_DIR/jest-report.json"
rm -f "$report"
set +e
jest --ci --json --outputFile="$report" "$@"
jest_status=$?
set -e
if [ -s "$report" ]; then
  read -r jp jf < <(node -e 'const r=require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites||0))' "$report")
  passed=$((passed + jp)) failed=$((failed + jf))
  [ "$jest_status" = 0 ] || [ "$jf" -gt 0 ] || { failed=$((failed + 1)); failures+=("jest exited $jest_status"); }
else
  failed=$((failed + 1)); failures+=("jest produced no report (exit $jest_status)")
fi

echo
for log in "$check_logs"/*.log; do
  [ -e "$log" ] || continue
  printf '\n--- last lines of failed check %s (whole output: %s)\n' "$(basename "$log" .log)" "${log#"$ROOT"/}"
  tail -n 40 "$log"
done
[ ! -s "$report" ] || node "$ROOT/scripts/lib/jest-failures.mjs" "$report"
[ ${#failures[@]} -eq 0 ] || printf 'failed checks: %s\n' "${failures[*]}"
info "npm test took $((SECONDS - started_at)) s"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

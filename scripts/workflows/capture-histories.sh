#!/usr/bin/env bash
# Captures the saved histories of a workflow release: runs the time-skipping lifecycle tests with
# RECORD_HISTORIES=1 and writes every run's history to workflows/test/histories/<release>/.
# Usage: scripts/workflows/capture-histories.sh [release]   (default: version in workflows/package.json)
# Run it when a release is cut; a release's folder is never re-recorded afterwards (docs/lifecycle.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
release="${1:-$(node -p "require('./workflows/package.json').version")}"
if [[ ! "$release" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "release must look like 1.2.3, got: $release" >&2
  exit 2
fi
if [[ -d "workflows/test/histories/$release" && "${FORCE:-}" != "1" ]]; then
  echo "workflows/test/histories/$release exists: a release's histories are kept as captured (FORCE=1 to replace)" >&2
  exit 1
fi
# The Temporal Java test server comes with the provisioned test environment.
if [[ -z "${TEMPORAL_TEST_SERVER_PATH:-}" && -f .local/test/env.sh ]]; then
  # shellcheck disable=SC1091
  source .local/test/env.sh
fi
export RECORD_HISTORIES=1 HISTORIES_RELEASE="$release"
npx jest workflows/test/lifecycle-paths.test.ts workflows/test/lifecycle-clocks.test.ts
echo "captured: $(ls "workflows/test/histories/$release" | wc -l) histories in workflows/test/histories/$release"

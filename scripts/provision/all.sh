#!/usr/bin/env bash
# Everything the two README commands need, idempotent: run it as often as you like.
source "$(dirname "$0")/../lib/common.sh"
d="$(dirname "$0")"
bash "$d/node-deps.sh"
bash "$d/postgres.sh"
bash "$d/temporal-cli.sh"
bash "$d/temporal-test-server.sh"
bash "$d/minio.sh"
bash "$d/mailpit.sh"
bash "$d/chromium.sh"
bash "$d/pdf-tools.sh"
bash "$d/schemathesis.sh"

#!/usr/bin/env bash
# Installs Azurite (Azure Storage emulator) from npm for the blob claim-check tests and the table
# service of the Lead sync's watermark tests; the tests start and stop it themselves. Idempotent: skips when it is already installed.
set -euo pipefail
cd "$(dirname "$0")/../../tools/azurite"
if [ ! -x node_modules/.bin/azurite-blob ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "azurite: $(node_modules/.bin/azurite-blob --version) (blob, table: $(test -x node_modules/.bin/azurite-table && echo yes || echo missing))"

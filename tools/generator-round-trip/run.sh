#!/usr/bin/env bash
# Proves the synced-entity generator end to end: in a temporary copy of the repository it adds
# a new entity with several field types and then, with no hand edits, lints, type-checks,
# builds, runs the tests and syncs rows of the new entity between two Node clients.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d /tmp/finwise-generator-XXXXXX)"
cleanup() { rm -rf "$work"; }
trap cleanup EXIT

echo "copying the repository to $work"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -xf - -C "$work"
ln -s "$root/node_modules" "$work/node_modules"
cd "$work"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

npx nx g @finwise/workspace-plugin:synced-entity payees \
  --fields "name:string,notes:text?,defaultCategoryId:uuid?,kind:enum(person|company),limitMinor:money?,since:date?,visits:int,active:boolean,period:month?" \
  --no-interactive

npx nx run-many -t lint,typecheck -p domain server client workspace-plugin sync-client
npx nx run-many -t build -p server client sync-client
NODE_OPTIONS=--experimental-vm-modules npx nx run-many -t test -p domain workspace-plugin client
NODE_OPTIONS=--experimental-vm-modules npx jest -c server/jest.config.ts payees sync.integration

node "$root/tools/generator-round-trip/converge.mjs" "$work"
echo "generator round trip passed"

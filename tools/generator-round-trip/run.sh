#!/usr/bin/env bash
# Proves the synced-entity generator end to end: in a temporary copy of the repository it adds
# a new entity with most field types and then, with no hand edits, does what a developer would
# after generating (the generator's printed next steps) and what CI does: lint, type-check,
# build, the tests the change can affect, the new entity's rejection notice
# (worded from the domain registry, with no hand edit), the API documents (`npm run docs`, then
# `npm run docs:check`), and finally two Node sync clients writing rows of the new entity
# through the built server until both agree with it, and the new entity's change history. The copy
# is deleted afterwards.
#
# Nothing is cached from the main checkout (the copy has no .nx cache), so this costs about
# one more lint + build pass and part of the tests; the elapsed time is printed per step.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d /tmp/finwise-generator-XXXXXX)"
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
started=$(date +%s)
step() { printf '\n--- generator round trip: %s (%ss)\n' "$1" "$(( $(date +%s) - started ))"; }

step "copy the repository to $work"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -xf - -C "$work"
# -n: a checkout whose node_modules is itself a link copies that link; replace it, never follow it.
ln -sfn "$root/node_modules" "$work/node_modules"
cd "$work"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

# An entity with every field type, none of them in the existing entities' shape.
step "generate savings_goals"
npx nx g @finwise/workspace-plugin:synced-entity savings_goals \
  --fields "name:string,notes:text?,defaultCategoryId:uuid?,kind:enum(short_term|long_term),limitMinor:money?,since:date?,visits:int,active:boolean,period:month?,code:shortText?,currency:currency?" \
  --no-interactive
# From here on nothing is edited by hand.

step "lint and type-check"
npx nx run-many -t lint,typecheck

step "build"
npx nx run-many -t build

# The main CI run has already passed the whole suite on the unmodified tree, so here only the
# suites the generator can affect run: the new entity's own specs and every suite that walks the
# entity registry or the database schema (domain, generic sync engine, API documents, migrations,
# the client's data layer and routes). This keeps the round trip to a few minutes instead of a
# second full `npm test`.
step "the new entity's tests and the suites that cover every entity"
export NODE_OPTIONS=--experimental-vm-modules
npx jest --config libs/domain/jest.config.ts
npx jest --config libs/workspace-plugin/jest.config.ts
npx jest --config libs/sync-client/jest.config.ts libs/sync-client/src
npx jest --config server/jest.config.ts server/src/app/sync/ server/src/app/api-docs/ \
  server/src/app/database/ server/src/app/entities/savings-goals/ server/src/app/hostile-input
npx jest --config client/jest.config.ts client/src/app/data/ client/src/app/savings-goals/ \
  client/src/app/app
unset NODE_OPTIONS

step "the new entity's rejection notice"
# The step above ran it with the rest; here it runs alone, so a generator that stopped writing
# it, or wording that stopped naming the row, fails by name. The notice must call the row by
# the entity's label and its name field, read from the domain registry: nothing was hand-edited.
notice_spec=client/src/app/savings-goals/savings-goals-page.component.spec.ts
if ! grep -q 'Your change to the savings goal "Corner shop" was not saved' "$notice_spec"; then
  echo "$notice_spec does not check the notice that names a refused savings goal" >&2
  exit 1
fi
if ! NODE_OPTIONS=--experimental-vm-modules npx jest --config client/jest.config.ts "$notice_spec" \
  --testNamePattern 'rejection notice' --json --outputFile "$work/notice.json" >"$work/notice.log" 2>&1 ||
  ! node -e 'const r = require(process.argv[1]); process.exit(r.numPassedTests === 1 ? 0 : 1);' \
    "$work/notice.json"; then
  cat "$work/notice.log" >&2
  echo "the rejection notice of savings_goals is not worded as its definition says" >&2
  exit 1
fi

step "API documents"
# The documents list every entity: until regenerated they are stale, and the check must say so.
if npm run docs:check >/dev/null 2>&1; then
  echo "docs:check passed before the documents were regenerated: it does not see the new entity" >&2
  exit 1
fi
npm run docs
npm run docs:check
grep -q '"/api/savings_goals"' docs/openapi.json
grep -q '"/api/savings_goals/{id}/history"' docs/openapi.json

step "two sync clients converge"
node "$root/tools/generator-round-trip/converge.mjs" "$work"

step "done"
echo "generator round trip passed"

#!/usr/bin/env bash
# What a user's clone has: no ../shared beside it. Copies the working tree (node_modules too) to a
# directory whose parent holds nothing else, then there runs the README's first command, collects
# the whole suite (a test that reads ../shared at collection time fails here) and runs every test
# file that touches ../shared, which must pass by skipping cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
parent=$(mktemp -d)
trap 'rm -rf "$parent"' EXIT
clone="$parent/privreg-fix"
mkdir "$clone"
git ls-files -z --cached --others --exclude-standard | xargs -0 -r cp --parents -P -t "$clone"
cp -a node_modules "$clone/"
cd "$clone"
test ! -e ../shared
echo "== without ../shared: README's first command"
npm run -s build
node dist/bundle/bin.js --namespace demo --pull-secret regcred fixtures/demo >/dev/null
echo "== without ../shared: collecting every test file"
npx vitest list >/dev/null
mapfile -t readers < <(grep -rlE '\.\./shared|needCorpus' test --include='*.test.ts' | sort)
echo "== without ../shared: ${#readers[@]} test files that touch it"
npx vitest run "${readers[@]}"

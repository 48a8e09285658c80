#!/usr/bin/env bash
# Build every published package with tsc, in dependency order, then check
# each package's tarball: publint --strict, and attw for node16 (ESM) and
# bundler resolution. `pnpm check:packages` runs it; so does .ci/run.
#
# tsc, publint and attw run from node_modules/.bin and pack with npm: no
# pnpm invocation, so no registry lookup that can flake.
set -euo pipefail
cd "$(dirname "$0")/.."

bin="$(pwd)/node_modules/.bin"
packages=(schema book transport tape simulator runtime indicators gateway desk mcp)

for pkg in "${packages[@]}"; do
  printf '\n::: build @kraken-sockets/%s\n' "$pkg"
  (cd "packages/$pkg" && rm -rf dist && "$bin/tsc" -p tsconfig.build.json)
done

for pkg in "${packages[@]}"; do
  printf '\n::: publint + attw @kraken-sockets/%s\n' "$pkg"
  (
    cd "packages/$pkg"
    "$bin/publint" run --strict --pack npm
    "$bin/attw" --pack . --profile esm-only --format table-flipped \
      --no-color --no-emoji --no-summary
  )
done

#!/usr/bin/env bash
# The packed packages, as a new user gets them: pack every published package
# (pnpm pack rewrites workspace ranges), make a fresh npm project in a temp
# folder, install the tarballs with the current TypeScript from npm, type-check
# the README's code blocks ("## Example" and "## A bot against the simulator")
# under strict nodenext settings, then run both against the simulator: the
# simulator block on its own, the Example for a few seconds against the
# `kraken-simulator` command of the installed tarball, using the `export` lines
# it prints. .ci/run runs it (after scripts/check-packages.sh built dist);
# `pnpm test:fresh` runs it by hand.
#
# FRESH_TYPESCRIPT=typescript@5.8.3 tries another TypeScript.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin="$root/node_modules/.bin"
typescript="${FRESH_TYPESCRIPT:-typescript@latest}"
packages=(schema book transport tape simulator runtime)

work=$(mktemp -d "${TMPDIR:-/tmp}/kraken-sockets-fresh.XXXXXX")
simulator_pid=''
cleanup() {
  if [ -n "$simulator_pid" ]; then kill "$simulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n::: fresh project: %s\n' "$*"; }

for pkg in "${packages[@]}"; do
  if [ ! -f "packages/$pkg/dist/index.js" ]; then
    step "build @kraken-sockets/$pkg"
    (cd "packages/$pkg" && "$bin/tsc" -p tsconfig.build.json)
  fi
done

step "pack"
mkdir "$work/tarballs"
for pkg in "${packages[@]}"; do
  (cd "packages/$pkg" && npx -y pnpm@12.21.0 pack --pack-destination "$work/tarballs" >/dev/null)
done
ls "$work/tarballs"

step "npm install the tarballs, their peers and $typescript"
project="$work/project"
mkdir "$project"
cd "$project"
npm init -y >/dev/null
npm pkg set type=module >/dev/null
npm install --no-audit --no-fund --loglevel=error \
  "$work"/tarballs/*.tgz valibot ws "$typescript" @types/node@20 @types/ws
echo "TypeScript $(node_modules/.bin/tsc --version)"

step "the README's code blocks"
node --input-type=module - "$root/README.md" <<'EOF'
import { readFileSync, writeFileSync } from 'node:fs'
const readme = readFileSync(process.argv[2], 'utf8')
const blocks = { Example: 'example.ts', 'A bot against the simulator': 'simulated.ts' }
for (const [heading, file] of Object.entries(blocks)) {
  const block = new RegExp(`^## ${heading}\\n[\\s\\S]*?^\`\`\`ts\\n([\\s\\S]*?)^\`\`\``, 'm').exec(readme)
  if (block?.[1] === undefined) throw new Error(`README has no ts block under ## ${heading}`)
  writeFileSync(file, block[1])
  console.log(`${file}: ${block[1].trimEnd().split('\n').length} lines from ## ${heading}`)
}
EOF
# A user's strict ESM setup. "types": ["node"] because the simulator's (and
# the bot's) declarations use Node's types, and TypeScript 7 includes no
# @types package unless told. skipLibCheck off: our .d.ts files are checked too.
cat >tsconfig.json <<'EOF'
{
  "compilerOptions": {
    "module": "nodenext",
    "target": "es2022",
    "strict": true,
    "types": ["node"],
    "skipLibCheck": false,
    "outDir": "out"
  },
  "files": ["example.ts", "simulated.ts"]
}
EOF

step "type-check and compile (tsc)"
node_modules/.bin/tsc -p tsconfig.json

step "run the simulator block (it starts and stops its own simulator)"
timeout 120 node out/simulated.js | tee simulated.log
grep -Eq 'BTC/USD last [0-9.]+' simulated.log
grep -Eq 'order O[A-Z0-9-]+ rests on the simulator' simulated.log

step "run the Example against the kraken-simulator command, then Ctrl-C"
node_modules/.bin/kraken-simulator --port 0 --seed 5 >simulator.log 2>&1 &
simulator_pid=$!
for _ in $(seq 1 120); do
  grep -q '^export KRAKEN_REST_API_PRIVATE_KEY=' simulator.log && break
  kill -0 "$simulator_pid" 2>/dev/null || { cat simulator.log; exit 1; }
  sleep 0.5
done
grep '^export KRAKEN_WS_PUBLIC_URL=' simulator.log
# Until it has shown a ticker snapshot (the channel key misses none) and a
# synced book (at most 120 s), then Ctrl-C.
(
  eval "$(grep '^export KRAKEN_' simulator.log)"
  exec node out/example.js
) >example.log 2>&1 &
example_pid=$!
for _ in $(seq 1 240); do
  if grep -Eq '(BTC|ETH)/USD snapshot last [0-9.]+' example.log &&
    grep -Eq 'BTC/USD bid [0-9.]+ ask [0-9.]+, in sync: true' example.log; then
    break
  fi
  kill -0 "$example_pid" 2>/dev/null || break
  sleep 0.5
done
kill -INT "$example_pid" 2>/dev/null || true
status=0
wait "$example_pid" || status=$?
tail -n 5 example.log
if [ "$status" -ne 0 ]; then
  echo "::: the Example exited with $status" >&2
  cat example.log >&2
  exit 1
fi
grep -Eq '(BTC|ETH)/USD snapshot last [0-9.]+' example.log
grep -Eq 'BTC/USD bid [0-9.]+ ask [0-9.]+, in sync: true' example.log
kill "$simulator_pid"
wait "$simulator_pid" || true
simulator_pid=''

echo
echo "::: fresh project: the packed packages install, type-check ($typescript) and run"

#!/usr/bin/env node
import { runTapeCli } from './cli/main.js'
import { streamOutput } from './cli/output.js'

/* The `kraken-tape` command: see `kraken-tape --help`. */
runTapeCli(process.argv.slice(2), {
  out: streamOutput(process.stdout),
  err: streamOutput(process.stderr),
}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`kraken-tape: ${String(error)}\n`)
    process.exitCode = 2
  },
)

/**
 * The long fault storm (see storm.ts and README.md): prints each fault and
 * its verdict, then the faults injected and survived; exit code 1 if any
 * was not survived.
 *
 *   pnpm soak -- --seconds 600 --seed 1 [--window 20000]
 */
import { parseArgs } from 'node:util'
import { runStorm } from './storm.js'

const { values } = parseArgs({
  // `pnpm soak -- --seconds 600` passes the `--` through.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    seconds: { type: 'string', default: '60' },
    seed: { type: 'string', default: '1' },
    window: { type: 'string', default: '20000' },
  },
})
const seconds = Number(values.seconds)
const seed = Number(values.seed)
const window = Number(values.window)
if (!(seconds > 0) || !Number.isInteger(seed) || !(window > 0)) {
  process.stderr.write('usage: soak [--seconds 600] [--seed N] [--window ms]\n')
  process.exit(2)
}

const { verdicts } = await runStorm({
  seconds,
  seed,
  window,
  print: (line) => process.stdout.write(`${line}\n`),
})
process.exit(verdicts.every((v) => v.survived) ? 0 : 1)

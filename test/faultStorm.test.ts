/**
 * A short seeded fault storm in the normal suite: the same storm as
 * `pnpm soak` (scripts/soak/), with a fixed seed and a few faults, so that
 * every run checks the convergence invariants after each recovery window
 * (subscriptions equal the exchange's, books in sync and streaming, every
 * request settled with a documented type, open orders equal, no false
 * `missing`, no unhandled rejection). The long storm stays `pnpm soak`.
 */
import { expect, test } from 'vitest'
import { runStorm } from '../scripts/soak/storm.js'

test('behavior: a short seeded storm is survived, fault by fault', async () => {
  const lines: string[] = []
  const { verdicts } = await runStorm({
    seconds: 30,
    maxFaults: 6,
    seed: 1,
    window: 20_000,
    print: (line) => lines.push(line),
  })
  // A failure names the fault and the invariants it broke.
  expect(
    verdicts.filter((verdict) => !verdict.survived),
    lines.join('\n'),
  ).toEqual([])
  expect(verdicts.length).toBeGreaterThanOrEqual(3)
})

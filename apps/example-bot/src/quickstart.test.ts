import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { afterEach, expect, test } from 'vitest'
import { cleanEnv, readmeBlock, runBlock } from './testing/readmeBlock.js'

let simulator: Simulator | undefined

afterEach(async () => {
  await simulator?.close()
  simulator = undefined
})

test('default: the README example is at most 15 lines', () => {
  expect(
    readmeBlock('Example').trimEnd().split('\n').length,
  ).toBeLessThanOrEqual(15)
})

test('behavior: the README example runs against the simulator and stops on Ctrl-C', async () => {
  simulator = await startSimulator({ seed: 11 })
  const run = runBlock(
    readmeBlock('Example'),
    cleanEnv({ KRAKEN_WS_PUBLIC_URL: simulator.publicUrl }),
  )
  // Each handler has printed at least once: the example works end to end.
  // The tickers' snapshots are printed too (a channel key misses none).
  await run.waitFor(
    /BTC\/USD snapshot last \d+(\.\d+)?/,
    /ETH\/USD snapshot last \d+(\.\d+)?/,
    /(BTC|ETH)\/USD update last \d+(\.\d+)?/,
    /(buy|sell) [\d.]+ @ [\d.]+/,
    /BTC\/USD bid \d+(\.\d+)? ask \d+(\.\d+)?, in sync: true/,
  )
  run.child.kill('SIGINT')
  const { code, stdout, stderr } = await run.exited
  expect(code).toBe(0)
  expect(stderr).toBe('')
  expect(stdout).not.toMatch(/^\s+at /m)
  expect(simulator.stats.subscribes('ticker', 'ETH/USD')).toBe(1)
})

test('behavior: the README simulator example trades on its own simulator and stops', async () => {
  const { code, stdout, stderr } = await runBlock(
    readmeBlock('A bot against the simulator'),
    cleanEnv({}),
  ).exited
  expect(stderr).toBe('')
  expect(code).toBe(0)
  expect(stdout).toMatch(/BTC\/USD last \d+(\.\d+)?/)
  expect(stdout).toMatch(/order O[A-Z0-9-]+ rests on the simulator/)
})

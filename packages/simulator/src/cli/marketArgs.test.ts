import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { startSimulator } from '../startSimulator.js'
import { closeAfterEach } from '../testing/lifecycle.js'
import { callPublic } from '../testing/privateRest.js'
import { parseCliArgs, runCli, UsageError } from './runCli.js'

const open = closeAfterEach()

test('behavior: --market and --paper-account become options', () => {
  expect(parseCliArgs(['--market', 'live'])).toEqual({
    market: { live: true },
  })
  expect(
    parseCliArgs([
      '--market',
      'live:ws://127.0.0.1:9/v2',
      '--paper-account',
      'me.json',
    ]),
  ).toEqual({
    market: { live: 'ws://127.0.0.1:9/v2' },
    paperAccount: 'me.json',
  })
  expect(parseCliArgs(['--market', 'random'])).toEqual({})
  expect(parseCliArgs(['--market', 'tape:session.tape'])).toEqual({
    market: { tape: 'session.tape' },
  })
  for (const bad of [
    ['--market', 'tape'],
    ['--market', 'tape:'],
    ['--market', 'tape:x.tape', '--replay', 'f.jsonl'],
    ['--market', 'live:http://x'],
    ['--market', 'live', '--replay', 'f.jsonl'],
  ])
    expect(() => parseCliArgs(bad)).toThrow(UsageError)
})

test('behavior: kraken-simulator --market live:<url> serves the upstream book', async () => {
  const upstream = await startSimulator({ rate: 0, seed: 'cli-upstream' })
  open.simulators.push(upstream)
  const file = join(mkdtempSync(join(tmpdir(), 'paper-')), 'account.json')
  const simulator = await runCli(
    ['--market', `live:${upstream.publicUrl}`, '--paper-account', file],
    () => {},
  )
  if (simulator === undefined) throw new Error('no simulator')
  open.simulators.push(simulator)
  // Levels without their timestamps (two calls may straddle a second).
  const depth = async (url: string) => {
    const { result } = await callPublic(url, 'Depth', {
      pair: 'XBTUSD',
      count: '5',
    })
    const book = (result as Record<string, Record<string, string[][]>>).XXBTZUSD
    return ['bids', 'asks'].map((side) =>
      (book?.[side] ?? []).map(([price, qty]) => [price, qty]),
    )
  }
  expect(await depth(simulator.restUrl)).toEqual(await depth(upstream.restUrl))
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Simulator } from './simulator.js'
import { startSimulator } from './startSimulator.js'
import { connect, type TestClient } from './testing/client.js'

type Sample = {
  direction: 'send' | 'receive'
  channel_or_method: string
  message: Record<string, unknown>
}
const fixtures = join(import.meta.dirname, '../../../fixtures/kraken-v2')
const read = (file: string) =>
  JSON.parse(readFileSync(join(fixtures, file), 'utf8')) as Sample[]
const docs = read('samples.json')
const live = read('live-samples.json')

/** Whether `mine` has the keys and value types of `sample` (an empty sample array accepts any items). */
function conforms(mine: unknown, sample: unknown): boolean {
  if (Array.isArray(sample)) {
    if (!Array.isArray(mine)) return false
    return (
      sample.length === 0 ||
      mine.every((item) => sample.some((s) => conforms(item, s)))
    )
  }
  if (sample !== null && typeof sample === 'object') {
    if (mine === null || typeof mine !== 'object' || Array.isArray(mine))
      return false
    const a = Object.keys(mine).sort()
    const b = Object.keys(sample).sort()
    return (
      a.join() === b.join() &&
      a.every((k) =>
        conforms(
          (mine as Record<string, unknown>)[k],
          (sample as Record<string, unknown>)[k],
        ),
      )
    )
  }
  return typeof mine === typeof sample
}

let simulator: Simulator
let client: TestClient
beforeAll(async () => {
  simulator = await startSimulator({ rate: 0, heartbeatInterval: 5 })
  client = await connect(simulator.publicUrl)
})
afterAll(async () => {
  await client.close()
  await simulator.close()
})

const withoutTimes = (m: Record<string, unknown>) => {
  const { time_in, time_out, ...rest } = m
  return rest
}

describe('doc request/answer pairs', () => {
  const publicKinds = ['ticker', 'book', 'ohlc', 'trade', 'instrument']
  for (const [index, sample] of docs.entries()) {
    if (sample.direction !== 'send') continue
    const [method = '', channel = ''] = sample.channel_or_method.split(':')
    if (method !== 'ping' && !['subscribe', 'unsubscribe'].includes(method))
      continue
    const expected: Sample[] = []
    for (const next of docs.slice(index + 1)) {
      if (next.direction === 'send') break
      if (
        next.channel_or_method === sample.channel_or_method ||
        (method === 'ping' && next.channel_or_method === 'pong')
      )
        expected.push(next)
    }
    test(`behavior: ${sample.channel_or_method} #${index}`, async () => {
      client.send(sample.message)
      if (!publicKinds.includes(channel) && method !== 'ping') {
        // Private channels asked of the public host: Kraken's host error.
        const answer = JSON.parse(
          await client.next((_, p) => p?.method === method),
        )
        expect(answer.error).toBe(
          'Private data and trading are unavailable on this endpoint. Try ws-auth.kraken.com',
        )
        return
      }
      const liveResults = live
        .filter((s) => s.channel_or_method === sample.channel_or_method)
        .map((s) => s.message.result as Record<string, unknown>)
      for (const doc of expected) {
        const mine = JSON.parse(
          await client.next((_, p) => p?.method === doc.message.method),
        ) as Record<string, unknown>
        expect(mine.time_in).toEqual(expect.stringMatching(/Z$/))
        const docResult = (doc.message.result ?? {}) as Record<string, unknown>
        const mineResult = (mine.result ?? {}) as Record<string, unknown>
        // Every doc field, with the doc's value; extras only where a live capture has them.
        expect(mineResult).toMatchObject(docResult)
        for (const extra of Object.keys(mineResult).filter(
          (k) => !(k in docResult),
        ))
          expect(liveResults.some((r) => r !== undefined && extra in r)).toBe(
            true,
          )
        const { result: _a, ...mineTop } = withoutTimes(mine)
        const { result: _b, ...docTop } = withoutTimes(doc.message)
        expect(mineTop).toEqual(docTop)
      }
    })
  }
})

describe('frames have the keys and value types of real ones', () => {
  const samplesOf = (kind: string) =>
    [...docs, ...live]
      .filter((s) => s.direction === 'receive' && s.channel_or_method === kind)
      .map((s) => s.message)

  test('behavior: every channel frame conforms to a doc or live sample', async () => {
    const c = await connect(simulator.publicUrl)
    try {
      for (const params of [
        { channel: 'ticker', symbol: ['BTC/USD', 'ALGO/USD'] },
        { channel: 'book', symbol: ['BTC/USD', 'MATIC/USD'] },
        { channel: 'trade', symbol: ['BTC/USD', 'MATIC/USD'], snapshot: true },
        { channel: 'ohlc', symbol: ['ETH/USD'], interval: 1 },
        { channel: 'instrument' },
      ])
        c.send({ method: 'subscribe', params })
      await c.sync()
      simulator.step(1_500)
      await c.sync()
      await c.next((_, p) => p?.channel === 'heartbeat')
      const seen = new Map<string, number>()
      for (const frame of c.frames) {
        const message = JSON.parse(frame) as Record<string, unknown>
        const kind =
          typeof message.channel === 'string'
            ? message.channel
            : `ack:${String(message.method)}`
        if (kind.startsWith('ack:')) continue
        seen.set(kind, (seen.get(kind) ?? 0) + 1)
        const samples = samplesOf(kind)
        expect(samples.length).toBeGreaterThan(0)
        if (kind === 'instrument') {
          const data = message.data as { assets: unknown[]; pairs: unknown[] }
          const sampleData = samples.map(
            (s) => s.data as { assets: unknown[]; pairs: unknown[] },
          )
          for (const asset of data.assets)
            expect(
              sampleData.some((d) => d.assets.some((a) => conforms(asset, a))),
            ).toBe(true)
          for (const pair of data.pairs)
            expect(
              sampleData.some((d) => d.pairs.some((p) => conforms(pair, p))),
            ).toBe(true)
          continue
        }
        expect(
          samples.some((s) => conforms(message, s)),
          frame.slice(0, 200),
        ).toBe(true)
      }
      expect([...seen.keys()].sort()).toEqual([
        'book',
        'heartbeat',
        'instrument',
        'ohlc',
        'status',
        'ticker',
        'trade',
      ])
    } finally {
      await c.close()
    }
  })
})

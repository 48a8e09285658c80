import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTapeWriter } from '@kraken-sockets/tape'
import { describe, expect, test } from 'vitest'
import { TapeMarketError } from '../../errors.js'
import type { Simulator } from '../../simulator.js'
import { startSimulator } from '../../startSimulator.js'
import { connect } from '../../testing/client.js'
import { closeAfterEach } from '../../testing/lifecycle.js'
import { callPublic } from '../../testing/privateRest.js'

const open = closeAfterEach()

type Levels = [string, string, number][]
async function top(simulator: Simulator) {
  const json = await callPublic(simulator.restUrl, 'Depth', {
    pair: 'XBTUSD',
    count: '25',
  })
  const book = (json.result as Record<string, { bids: Levels; asks: Levels }>)
    .XXBTZUSD
  const strip = (levels: Levels = []) => levels.map(([p, q]) => [p, q])
  return { bids: strip(book?.bids), asks: strip(book?.asks) }
}

async function eventually(check: () => Promise<void>, ms = 20_000) {
  const until = Date.now() + ms
  for (;;) {
    try {
      await check()
      return
    } catch (error) {
      if (Date.now() > until) throw error
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}

/**
 * Tapes a public session with a source simulator (book of BTC/USD at depth
 * 100 through `steps` market steps) and returns the tape and the source.
 */
async function recordSource(steps: number) {
  const source = await startSimulator({ rate: 0, seed: 'tape-source' })
  open.simulators.push(source)
  const client = await connect(source.publicUrl)
  client.send({
    method: 'subscribe',
    params: { channel: 'book', symbol: ['BTC/USD'], depth: 100 },
    req_id: 1,
  })
  await client.next((_text, frame) => frame?.type === 'snapshot')
  source.step(steps)
  await client.sync()
  await client.close()
  const dir = join(mkdtempSync(join(tmpdir(), 'sim-tape-')), 'session.tape')
  const writer = createTapeWriter({ dir })
  writer.write({
    kind: 'open',
    conn: 1,
    endpoint: 'public',
    url: source.publicUrl,
  })
  for (const text of client.frames) writer.write({ kind: 'in', conn: 1, text })
  await writer.close()
  return { dir, source, frames: client.frames.length }
}

describe('tape market mode', () => {
  test("the book is the tape's: it ends where the taped session ended", async () => {
    const { dir, source } = await recordSource(300)
    const played = await startSimulator({
      market: { tape: { path: dir, speed: 'max', depth: 100 } },
      seed: 'tape-play',
    })
    open.simulators.push(played)
    const expected = await top(source)
    expect(expected.bids.length).toBeGreaterThan(0)
    await eventually(async () => expect(await top(played)).toEqual(expected))
  })

  test('a local client subscribing after the tape gets its book as a snapshot', async () => {
    const { dir, source } = await recordSource(50)
    const played = await startSimulator({
      market: { tape: dir },
      seed: 'tape-play',
    })
    open.simulators.push(played)
    await eventually(async () =>
      expect(await top(played)).toEqual(await top(source)),
    )
    const client = await connect(played.publicUrl)
    client.send({
      method: 'subscribe',
      params: { channel: 'book', symbol: ['BTC/USD'], depth: 10 },
      req_id: 1,
    })
    const snapshot = JSON.parse(
      await client.next((_text, frame) => frame?.type === 'snapshot'),
    ) as { data: { bids: { price: number }[] }[] }
    const best = (await top(source)).bids[0]?.[0]
    expect(snapshot.data[0]?.bids[0]?.price).toBe(Number(best))
    await client.close()
  })

  test('a missing tape fails the start with a TapeMarketError', async () => {
    await expect(
      startSimulator({ market: { tape: join(tmpdir(), 'no-such.tape') } }),
    ).rejects.toBeInstanceOf(TapeMarketError)
  })

  test('a bad speed is a RangeError before the simulator listens', async () => {
    await expect(
      startSimulator({ market: { tape: { path: 'x.tape', speed: 0 } } }),
    ).rejects.toBeInstanceOf(RangeError)
  })
})

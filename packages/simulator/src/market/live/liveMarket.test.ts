import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { LiveMarketError, PaperAccountError } from '../../errors.js'
import type { Simulator } from '../../simulator.js'
import { startSimulator } from '../../startSimulator.js'
import { connect } from '../../testing/client.js'
import { closeAfterEach } from '../../testing/lifecycle.js'
import { connectPrivate, type Frame } from '../../testing/private.js'
import { callPrivate, callPublic } from '../../testing/privateRest.js'

const open = closeAfterEach()

/** The stand-in for Kraken's public feed: a second simulator on loopback. */
async function upstream(): Promise<Simulator> {
  const simulator = await startSimulator({ rate: 0, seed: 'upstream' })
  open.simulators.push(simulator)
  return simulator
}

async function live(up: Simulator, extra: { paperAccount?: string } = {}) {
  const simulator = await startSimulator({
    market: { live: { url: up.publicUrl, depth: 100 } },
    seed: 'paper',
    ...extra,
  })
  open.simulators.push(simulator)
  return simulator
}

type Levels = [string, string, number][]
async function top(simulator: Simulator, count = 25) {
  const json = await callPublic(simulator.restUrl, 'Depth', {
    pair: 'XBTUSD',
    count: String(count),
  })
  const book = (json.result as Record<string, { bids: Levels; asks: Levels }>)
    .XXBTZUSD
  const strip = (levels: Levels = []) => levels.map(([p, q]) => [p, q])
  return { bids: strip(book?.bids), asks: strip(book?.asks) }
}

/** Polls until `check` passes (the mirror follows asynchronously). */
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

describe('live market mode', () => {
  test('the book mirrors the upstream feed, snapshot then updates', async () => {
    const up = await upstream()
    const paper = await live(up)
    expect(await top(paper)).toEqual(await top(up))
    up.step(200)
    await eventually(async () =>
      expect(await top(paper)).toEqual(await top(up)),
    )
  })

  test('a dropped upstream reconnects and its new snapshot resyncs the book', async () => {
    const up = await upstream()
    const paper = await live(up)
    const before = up.stats.subscribes('book', 'BTC/USD')
    up.inject({ type: 'drop' })
    // Changes made while the mirror is away arrive through the new snapshot.
    up.step(300)
    await eventually(async () => {
      expect(up.stats.subscribes('book', 'BTC/USD')).toBeGreaterThan(before)
      expect(await top(paper)).toEqual(await top(up))
    })
  })

  test('a local client gets the upstream book, checksummed by the local feed', async () => {
    const up = await upstream()
    const paper = await live(up)
    const client = await connect(paper.publicUrl)
    open.clients.push(client)
    client.send({
      method: 'subscribe',
      params: { channel: 'book', symbol: ['BTC/USD'], depth: 10 },
    })
    await eventually(async () => {
      const snapshot = client.frames
        .map((f) => JSON.parse(f) as Frame)
        .find((f) => f.channel === 'book' && f.type === 'snapshot')
      expect(snapshot).toBeDefined()
      const data = ((snapshot?.data ?? []) as Frame[])[0] as
        | { bids: { price: number }[] }
        | undefined
      const { bids } = await top(up, 10)
      expect(data?.bids.map((b) => b.price)).toEqual(
        bids.map(([p]) => Number(p)),
      )
    })
  })

  test('paper orders fill against the upstream book; balances move as on Kraken', async () => {
    const up = await upstream()
    const paper = await live(up)
    const client = await connectPrivate(paper)
    open.clients.push(client)
    await client.request('subscribe', { channel: 'executions' }, 9)
    const bestAsk = Number((await top(up, 1)).asks[0]?.[0])
    const { frames } = await client.request(
      'add_order',
      { order_type: 'market', side: 'buy', symbol: 'BTC/USD', order_qty: 0.01 },
      1,
    )
    await client.sync()
    const fills = client
      .since(0)
      .filter((f) => f.channel === 'executions')
      .flatMap((f) => f.data as Frame[])
      .filter((r) => r.exec_type === 'trade')
    expect(frames.length).toBeGreaterThan(0)
    expect(fills.map((f) => f.last_price)).toEqual([bestAsk])
    expect(fills[0]).toMatchObject({ liquidity_ind: 't', last_qty: 0.01 })
    const balance = (await callPrivate(paper.restUrl, 'Balance'))
      .result as Record<string, string>
    expect(balance.XXBT).toBe('10.0100000000')

    // A resting buy at the upstream's best bid fills once the upstream's
    // ask comes down to it (the L2 model: the book crossing our price).
    const bestBid = Number((await top(up, 1)).bids[0]?.[0])
    const { response } = await client.request(
      'add_order',
      {
        order_type: 'limit',
        side: 'buy',
        symbol: 'BTC/USD',
        order_qty: 0.001,
        limit_price: bestBid,
      },
      2,
    )
    const txid = String((response.result as Frame).order_id)
    const status = async () =>
      (
        (await callPrivate(paper.restUrl, 'QueryOrders', { txid }))
          .result as Record<string, { status: string }>
      )[txid]?.status
    expect(await status()).toBe('open')
    await eventually(async () => {
      up.step(20)
      expect(await status()).toBe('closed')
    })
  })

  test('an unreachable upstream fails the start with LiveMarketError', async () => {
    const up = await upstream()
    const url = up.publicUrl
    await up.close()
    await expect(
      startSimulator({ market: { live: url } }),
    ).rejects.toBeInstanceOf(LiveMarketError)
  })

  test('a paper account keeps its balances between runs', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'paper-')), 'account.json')
    const up = await upstream()
    const first = await live(up, { paperAccount: file })
    const client = await connectPrivate(first)
    await client.request(
      'add_order',
      { order_type: 'market', side: 'sell', symbol: 'BTC/USD', order_qty: 1 },
      1,
    )
    client.close()
    await first.close()
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {
      balances: Record<string, number>
    }
    expect(saved.balances.BTC).toBe(9)
    expect(saved.balances.USD).toBeGreaterThan(1_000_000)

    const second = await live(up, { paperAccount: file })
    const balance = (await callPrivate(second.restUrl, 'Balance'))
      .result as Record<string, string>
    expect(balance.XXBT).toBe('9.0000000000')
    expect(Number(balance.ZUSD)).toBe(saved.balances.USD)
  })

  test('a corrupt paper account is refused with PaperAccountError', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'paper-')), 'account.json')
    writeFileSync(file, '{"balances": {"BTC": "lots"}}')
    await expect(startSimulator({ paperAccount: file })).rejects.toBeInstanceOf(
      PaperAccountError,
    )
  })
})

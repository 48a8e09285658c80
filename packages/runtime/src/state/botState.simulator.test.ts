/**
 * The state a bot reads, kept by the client, against the simulator (a real
 * Kraken-shaped WebSocket and REST server on loopback): latest tickers,
 * balances, instruments on demand, channel keys (snapshot then updates) and
 * the hint for old symbol names.
 */
import {
  DEFAULT_ASSETS,
  DEFAULT_PAIRS,
  type Simulator,
  startSimulator,
} from '@kraken-sockets/simulator'
import { afterEach, describe, expect, test } from 'vitest'
import {
  AddOrderRequest,
  BalancesSubscriptionRequest,
  BalancesUpdateResponse,
  BookSyncError,
  ClientStoppedError,
  KrakenWebSocketAPI,
  TickerChannel,
  TickerSubscriptionRequest,
  timestampMs,
} from '../index.js'

let simulator: Simulator | undefined
let kraken: KrakenWebSocketAPI | undefined

afterEach(async () => {
  await kraken?.stop()
  await simulator?.close()
  kraken = undefined
  simulator = undefined
})

async function start(
  options: Parameters<typeof startSimulator>[0] = {},
): Promise<KrakenWebSocketAPI> {
  simulator = await startSimulator({ seed: 14, rate: 50, ...options })
  kraken = new KrakenWebSocketAPI({
    ...simulator.clientOptions(),
    logLevel: false,
  })
  return kraken
}

describe('tickers', () => {
  test('default: the latest ticker per symbol, with timestamp_ms beside timestamp', async () => {
    const client = await start()
    expect(client.ticker('BTC/USD')).toBeUndefined()
    const seen: number[] = []
    client.trigger(TickerChannel, (ticker) => {
      if (ticker.symbol === 'BTC/USD') seen.push(ticker.last)
    })
    await client.subscribe(TickerSubscriptionRequest(['BTC/USD', 'ETH/USD']))
    const first = await client.firstTicker('BTC/USD')
    expect(first.symbol).toBe('BTC/USD')
    expect(first.timestamp).toBeDefined()
    expect(first.timestamp_ms).toBe(timestampMs(first.timestamp ?? ''))
    await client.firstTicker('ETH/USD')
    // Wait for a few updates; the kept ticker is always the last one seen.
    while (seen.length < 3) await client.firstTicker('BTC/USD').then(tick)
    expect(client.ticker('BTC/USD')?.last).toBe(seen.at(-1))
    expect([...client.tickers.keys()].sort()).toEqual(['BTC/USD', 'ETH/USD'])
  })

  test('error: firstTicker() of a symbol nobody subscribed rejects when the client stops', async () => {
    const client = await start()
    const waiting = client.firstTicker('SOL/USD')
    await client.stop()
    await expect(waiting).rejects.toThrow(ClientStoppedError)
    await expect(client.firstTicker('SOL/USD')).rejects.toThrow(
      ClientStoppedError,
    )
  })

  test('error: firstTicker() rejects with the reason of its signal', async () => {
    const client = await start()
    const controller = new AbortController()
    const waiting = client.firstTicker('SOL/USD', {
      signal: controller.signal,
    })
    controller.abort(new Error('enough'))
    await expect(waiting).rejects.toThrow('enough')
  })
})

describe('channel keys', () => {
  test('behavior: stream(TickerChannel) yields the snapshot, then updates', async () => {
    const client = await start()
    const stream = client.stream(TickerChannel)
    await client.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    const types: string[] = []
    for await (const ticker of stream) {
      types.push(ticker.type)
      if (types.length === 3) break
    }
    expect(types).toEqual(['snapshot', 'update', 'update'])
  })

  test('behavior: trigger(TickerChannel) runs an async handler on one queue, snapshot first', async () => {
    const client = await start()
    const types: string[] = []
    let running = 0
    let overlapped = false
    let enough: () => void = () => {}
    const done = new Promise<void>((resolve) => {
      enough = resolve
    })
    client.trigger(TickerChannel, async (ticker) => {
      running++
      if (running > 1) overlapped = true
      types.push(ticker.type)
      // Slower than the feed, so values queue behind the snapshot.
      await new Promise((resolve) => setTimeout(resolve, 30))
      running--
      if (types.length === 4) enough()
    })
    await client.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    await done
    expect(types.slice(0, 4)).toEqual([
      'snapshot',
      'update',
      'update',
      'update',
    ])
    expect(overlapped).toBe(false)
  })
})

describe('balances', () => {
  test('default: the snapshot exactly as sent, then each ledger entry’s new balance', async () => {
    const client = await start({
      balances: { USD: 100000.1234, BTC: 1.2345678901, ETH: 3 },
    })
    expect(client.balances.size).toBe(0)
    const ledger: { asset: string; balance: number }[] = []
    client.trigger(BalancesUpdateResponse, (update) => {
      for (const entry of update.balances) ledger.push(entry)
    })
    await client.subscribe(BalancesSubscriptionRequest())
    await until(() => client.balances.size > 0)
    expect(client.balances.get('USD')?.balance).toBe(100000.1234)
    expect(client.balances.get('BTC')?.balance).toBe(1.2345678901)
    expect(client.balances.get('ETH')?.balance).toBe(3)

    const { order } = await client.place(
      AddOrderRequest({
        order_type: 'market',
        side: 'buy',
        symbol: 'BTC/USD',
        order_qty: '0.01',
      }),
    )
    await order.done
    await until(() => ledger.some((entry) => entry.asset === 'BTC'))
    // What Kraken stated last, per asset, is what the client keeps.
    for (const asset of new Set(ledger.map((entry) => entry.asset))) {
      const last = ledger.filter((entry) => entry.asset === asset).at(-1)
      expect(client.balances.get(asset)?.balance).toBe(last?.balance)
      expect(client.balances.get(asset)?.timestamp_ms).toBeTypeOf('number')
    }
    expect(client.balances.get('BTC')?.balance).toBeGreaterThan(1.2345678901)
  })
})

describe('instruments', () => {
  test('default: loadInstruments() subscribes instrument itself and resolves with pairs and assets', async () => {
    const client = await start()
    const before = simulator?.stats.connections.length
    expect(before).toBe(0)
    const { pairs, assets } = await client.loadInstruments()
    expect(pairs.get('BTC/USD')?.base).toBe('BTC')
    expect(pairs.size).toBe(DEFAULT_PAIRS.length)
    expect(assets.get('USD')?.id).toBe('USD')
    expect(assets.size).toBe(DEFAULT_ASSETS.length)
    // A second call answers from what is kept.
    expect((await client.loadInstruments()).pairs).toBe(pairs)
  })

  test('error: loadInstruments() after stop() rejects with ClientStoppedError', async () => {
    const client = await start()
    await client.stop()
    await expect(client.loadInstruments()).rejects.toThrow(ClientStoppedError)
  })
})

describe('symbol hints', () => {
  test('error: subscribing XBT/USD gives an ack whose error names BTC/USD', async () => {
    const client = await start()
    const [ack] = await client.subscribe(TickerSubscriptionRequest(['XBT/USD']))
    expect(ack?.success).toBe(false)
    expect(ack?.error).toMatch(/Currency pair not supported XBT\/USD/)
    expect(ack?.error).toContain('Kraken v2 calls it BTC/USD.')
  })

  test('error: book(XBT/USD) rejects with a BookSyncError naming BTC/USD', async () => {
    const client = await start()
    const error = await client.book('XBT/USD').catch((caught) => caught)
    expect(error).toBeInstanceOf(BookSyncError)
    expect((error as Error).message).toMatch(
      /XBT\/USD cannot open: unknown pair\. Kraken v2 calls it BTC\/USD\./,
    )
  })

  test('behavior: XDG/USD and XXDG/ZUSD are named DOGE/USD, from REST Assets', async () => {
    const doge = {
      ...(DEFAULT_PAIRS[0] as (typeof DEFAULT_PAIRS)[number]),
      symbol: 'DOGE/USD',
      base: 'DOGE',
      startPrice: '0.10000',
      price_precision: 5,
      price_increment: '0.00001',
    }
    const dogeAsset = {
      ...(DEFAULT_ASSETS[0] as (typeof DEFAULT_ASSETS)[number]),
      id: 'DOGE',
    }
    const client = await start({
      pairs: [...DEFAULT_PAIRS, doge],
      assets: [...DEFAULT_ASSETS, dogeAsset],
    })
    const acks = await client.subscribe(
      TickerSubscriptionRequest(['XDG/USD', 'XXDG/ZUSD', 'NOPE/USD']),
    )
    expect(acks.map((ack) => ack.error)).toEqual([
      'Currency pair not supported XDG/USD. Kraken v2 calls it DOGE/USD.',
      'Currency pair not supported XXDG/ZUSD. Kraken v2 calls it DOGE/USD.',
      'Currency pair not supported NOPE/USD',
    ])
  })
})

/** Resolves after the next macrotask. */
function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 10))
}

/** Resolves once `check()` holds; vitest's own limit ends a test that never gets there. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await tick()
}

import {
  BalancesSubscriptionRequest,
  ExecutionSubscriptionRequest,
  TickerSubscriptionRequest,
  TickerUnsubscribeRequest,
  TickerUpdateResponse,
  TradesSubscriptionRequest,
  TradesUpdateResponse,
  UpdateResponse,
} from '@kraken-sockets/schema'
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { GapEvent } from '../index.js'
import { createFakeKraken, flush } from '../testing/fakeKraken.js'

const tickerFrame = (symbol: string, last: number) => ({
  channel: 'ticker',
  type: 'update',
  data: [
    {
      symbol,
      bid: last - 1,
      bid_qty: 1,
      ask: last + 1,
      ask_qty: 1,
      last,
      volume: 10,
      vwap: last,
      low: last - 5,
      high: last + 5,
      change: 1,
      change_pct: 0.1,
      timestamp: '2026-01-01T00:00:00.000000Z',
    },
  ],
})

const tradeFrame = (symbol: string, price: number) => ({
  channel: 'trade',
  type: 'update',
  data: [
    {
      symbol,
      side: 'buy',
      price,
      qty: 0.5,
      ord_type: 'market',
      trade_id: 7,
      timestamp: '2026-01-01T00:00:00.000000Z',
    },
  ],
})

afterEach(() => {
  vi.useRealTimers()
})

describe('KrakenWebSocketAPI', () => {
  test('default', async () => {
    const { kraken, receive, sent } = createFakeKraken({ logger: undefined })
    const lines: string[] = []
    kraken.userLogger((message) => lines.push(message))
    kraken.trigger(TickerUpdateResponse, async (response) => {
      kraken.log(`Last price: $${response.last}`, 'info')
    })
    kraken.trigger(TradesUpdateResponse, async (response) => {
      for (const t of response.trades)
        kraken.log(`${t.side} ${t.price} @ ${t.qty}`, 'info')
    })
    const running = kraken.run([
      TickerSubscriptionRequest(['BTC/USD', 'ETH/USD']),
      TradesSubscriptionRequest(['BTC/USD']),
    ])
    await flush()
    expect(sent('public').map((frame) => frame.params)).toEqual([
      { channel: 'ticker', symbol: ['BTC/USD', 'ETH/USD'] },
      { channel: 'trade', symbol: ['BTC/USD'] },
    ])
    receive('public', tickerFrame('BTC/USD', 50_000))
    receive('public', tradeFrame('BTC/USD', 50_001))
    await flush()
    expect(lines).toEqual([
      'Socket open.',
      'Last price: $50000',
      'buy 50001 @ 0.5',
    ])
    expect(kraken.stats().subscriptions).toEqual({
      pending: 0,
      live: 3,
      rejected: 0,
    })
    await kraken.stop()
    await running
  })

  test('behavior: subscribe resolves with one ack per symbol, failures included', async () => {
    const { kraken } = createFakeKraken({
      rejectSymbols: { 'XBT/USD': 'Currency pair not supported XBT/USD' },
      // The unknown pair's hint waits this long for instrument data, which
      // this fake never sends: the ack then comes without a hint.
      requestTimeout: 1_000,
    })
    const acks = await kraken.subscribe(
      TickerSubscriptionRequest(['BTC/USD', 'XBT/USD']),
    )
    expect(acks.map((ack) => [ack.success, ack.error])).toEqual([
      [true, undefined],
      [false, 'Currency pair not supported XBT/USD'],
    ])
    // The ticker, and the `instrument` channel the hint subscribed.
    expect(kraken.stats().subscriptions).toEqual({
      pending: 0,
      live: 2,
      rejected: 1,
    })
    await kraken.stop()
  })

  test('behavior: a subscription already live resolves without a frame', async () => {
    const { kraken, sent } = createFakeKraken()
    await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    const [ack] = await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    expect(ack?.success).toBe(true)
    expect(sent('public')).toHaveLength(1)
    await kraken.stop()
  })

  test('behavior: a whole-request failure settles every symbol', async () => {
    const { kraken } = createFakeKraken({
      respond: (frame) => [
        {
          method: 'subscribe',
          error: 'EGeneral:Invalid arguments',
          success: false,
          req_id: frame.req_id,
        },
      ],
    })
    const acks = await kraken.subscribe(
      TickerSubscriptionRequest(['BTC/USD', 'ETH/USD']),
    )
    expect(acks.map((ack) => ack.error)).toEqual([
      'EGeneral:Invalid arguments',
      'EGeneral:Invalid arguments',
    ])
    await kraken.stop()
  })

  test('error: a subscription Kraken never acknowledges times out', async () => {
    vi.useFakeTimers()
    const { kraken } = createFakeKraken({ silent: true, requestTimeout: 500 })
    const pending = kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    await vi.advanceTimersByTimeAsync(500)
    const [ack] = await pending
    expect(ack).toMatchObject({ success: false, symbol: 'BTC/USD' })
    expect(ack?.error).toMatch(/Timed out/)
    // Still wanted: the intent stays pending and its resend is scheduled.
    expect(kraken.stats().subscriptions).toMatchObject({ pending: 1 })
    await kraken.stop()
    expect(vi.getTimerCount()).toBe(0)
  })

  test('behavior: unsubscribe sends only what no one else holds, and forgets the intent', async () => {
    const { kraken, sent } = createFakeKraken()
    await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD', 'ETH/USD']))
    const acks = await kraken.unsubscribe(TickerUnsubscribeRequest(['BTC/USD']))
    expect(acks).toMatchObject([
      { method: 'unsubscribe', success: true, result: { symbol: 'BTC/USD' } },
    ])
    expect(sent('public').at(-1)).toMatchObject({
      method: 'unsubscribe',
      params: { channel: 'ticker', symbol: ['BTC/USD'] },
    })
    expect(kraken.stats().subscriptions.live).toBe(1)
    await kraken.stop()
  })

  test('behavior: private subscriptions go to the private socket with a token', async () => {
    const { kraken, sent, transports, tokens } = createFakeKraken()
    await kraken.subscribe(ExecutionSubscriptionRequest({ snap_orders: true }))
    await kraken.subscribe(BalancesSubscriptionRequest())
    expect(transports.public).toBeUndefined()
    expect(tokens).toHaveLength(1)
    expect(sent('private')).toMatchObject([
      {
        method: 'subscribe',
        params: { channel: 'executions', snap_orders: true, token: tokens[0] },
      },
      {
        method: 'subscribe',
        params: { channel: 'balances', token: tokens[0] },
      },
    ])
    await kraken.stop()
  })

  test('behavior: ESession:Invalid session fetches a new token and retries once', async () => {
    let failures = 0
    const { kraken, sent, tokens } = createFakeKraken({
      respond: (frame) => {
        if (frame.method !== 'subscribe' || failures++ > 0) return undefined
        return [
          {
            channel: 'executions',
            error: 'ESession:Invalid session',
            method: 'subscribe',
            req_id: frame.req_id,
            status: 'error',
            success: false,
          },
        ]
      },
    })
    const [ack] = await kraken.subscribe(ExecutionSubscriptionRequest())
    expect(ack?.success).toBe(true)
    expect(tokens).toHaveLength(2)
    expect(sent('private').map((frame) => frame.params?.token)).toEqual(tokens)
    await kraken.stop()
  })

  test('error: without credentials a private subscription fails and is reported', async () => {
    const { kraken, errors, sent } = createFakeKraken({ getToken: undefined })
    const [ack] = await kraken.subscribe(BalancesSubscriptionRequest())
    expect(ack).toMatchObject({ success: false })
    expect(ack?.error).toMatch(/No WebSocket token/)
    expect(errors.map((error) => error.name)).toEqual(['AuthenticationError'])
    expect(sent('private')).toEqual([])
    await kraken.stop()
  })

  test('behavior: handlers run per key and family; a failing one is reported, others run', async () => {
    const { kraken, receive, errors } = createFakeKraken()
    await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    const seen: string[] = []
    kraken.trigger(TickerUpdateResponse, function broken() {
      throw new Error('boom')
    })
    kraken.trigger(TickerUpdateResponse, (ticker) => {
      seen.push(`ticker ${ticker.last}`)
    })
    const off = kraken.trigger(UpdateResponse, (value) => {
      seen.push(`update ${'channel' in value ? value.channel : '?'}`)
    })
    receive('public', tickerFrame('BTC/USD', 1))
    off()
    receive('public', tickerFrame('BTC/USD', 2))
    expect(seen).toEqual(['ticker 1', 'update ticker', 'ticker 2'])
    expect(errors.map((error) => error.name)).toEqual([
      'HandlerError',
      'HandlerError',
    ])
    await kraken.stop()
  })

  test('behavior: undecodable frames reach the error event and onFrame', async () => {
    const { kraken, receive, errors } = createFakeKraken()
    await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    const items: string[] = []
    kraken.onFrame((item) => {
      items.push(item.kind === 'response' ? item.type.name : item.error.raw)
    })
    receive('public', 'CloudFlare WebSocket proxy restarting')
    receive('public', { channel: 'heartbeat' })
    expect(items).toEqual([
      'CloudFlare WebSocket proxy restarting',
      'HeartbeatResponse',
    ])
    expect(errors).toMatchObject([
      {
        name: 'DecodeFailureError',
        raw: 'CloudFlare WebSocket proxy restarting',
      },
    ])
    expect(kraken.stats()).toMatchObject({ decodeErrors: 1 })
    await kraken.stop()
  })

  test('behavior: run() resolves on an abort signal and stop() leaves no timers', async () => {
    vi.useFakeTimers()
    const { kraken, transports } = createFakeKraken()
    const controller = new AbortController()
    const running = kraken.run([TickerSubscriptionRequest(['BTC/USD'])], {
      signal: controller.signal,
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(transports.public?.status).toBe('open')
    controller.abort()
    await vi.advanceTimersByTimeAsync(0)
    await running
    expect(transports.public?.status).toBe('closed')
    expect(vi.getTimerCount()).toBe(0)
  })

  test('behavior: stop() unsubscribes live subscriptions before closing', async () => {
    const { kraken, sent } = createFakeKraken()
    await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD', 'ETH/USD']))
    await kraken.stop()
    expect(sent('public').at(-1)).toMatchObject({
      method: 'unsubscribe',
      params: { channel: 'ticker', symbol: ['BTC/USD', 'ETH/USD'] },
    })
  })
})

describe('streams, status and decorators', () => {
  test('behavior: a stream yields values until break, which removes its handler', async () => {
    const { kraken, receive } = createFakeKraken()
    await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    const stream = kraken.stream(TickerUpdateResponse)
    for (const last of [1, 2, 3])
      receive('public', tickerFrame('BTC/USD', last))
    const seen: number[] = []
    for await (const ticker of stream) {
      seen.push(ticker.last)
      if (seen.length === 2) break
    }
    expect(seen).toEqual([1, 2])
    expect(stream.closed).toBe(true)
    expect(kraken.stats().handlers.handlers).toBe(0)
    expect(kraken.stats().subscriptions.live).toBe(1)
    await kraken.stop()
  })

  test('behavior: stop() ends streams and an abort signal ends one', async () => {
    const { kraken } = createFakeKraken()
    const controller = new AbortController()
    const aborted = kraken.stream(TickerUpdateResponse, {
      signal: controller.signal,
    })
    const stopped = kraken.stream(TradesUpdateResponse)
    const first = aborted.next()
    controller.abort()
    expect(await first).toEqual({ done: true, value: undefined })
    const next = stopped.next()
    await kraken.stop()
    expect(await next).toEqual({ done: true, value: undefined })
  })

  test('behavior: a full stream buffer reports a gap', async () => {
    const { kraken, receive } = createFakeKraken()
    await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    const gaps: GapEvent[] = []
    kraken.on('gap', (gap) => {
      gaps.push(gap)
    })
    const stream = kraken.stream(TickerUpdateResponse, { bufferSize: 2 })
    for (const last of [1, 2, 3, 4])
      receive('public', tickerFrame('BTC/USD', last))
    expect((await stream.next()).value?.last).toBe(3)
    expect(gaps).toEqual([
      {
        source: 'stream',
        key: 'TickerUpdateResponse',
        handler: undefined,
        dropped: 2,
      },
    ])
    await kraken.stop()
  })

  test('behavior: maintenance raises the reconnect delay to 5 s, online lowers it', async () => {
    const { kraken, receive, transports } = createFakeKraken()
    await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    const systems: string[] = []
    kraken.on('status', (event) => {
      systems.push(`${event.previous} -> ${event.system}`)
    })
    const status = (system: string) =>
      `{"channel":"status","type":"update","data":[{"api_version":"v2","connection_id":18125794168470749634,"system":"${system}","version":"2.0.10"}]}`
    receive('public', status('online'))
    receive('public', status('maintenance'))
    expect(transports.public?.minReconnectDelay).toBe(5_000)
    receive('public', status('maintenance'))
    receive('public', status('online'))
    expect(transports.public?.minReconnectDelay).toBe(0)
    expect(systems).toEqual([
      'undefined -> online',
      'online -> maintenance',
      'maintenance -> online',
    ])
    await kraken.stop()
  })

  test('behavior: trigger works as a method decorator', async () => {
    const { kraken, receive } = createFakeKraken()
    await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
    class Bot {
      prices: number[] = []

      @kraken.trigger(TickerUpdateResponse)
      onTicker(response: TickerUpdateResponse) {
        this.prices.push(response.last)
      }
    }
    const bot = new Bot()
    receive('public', tickerFrame('BTC/USD', 42))
    expect(bot.prices).toEqual([42])
    await kraken.stop()
  })

  test('behavior: user tasks run beside the loop; a failure is reported, not fatal', async () => {
    const { kraken, errors } = createFakeKraken()
    let aborted = false
    kraken.userTask(async function failing() {
      throw new Error('task bug')
    })
    kraken.user_task(
      (signal) =>
        new Promise<void>((resolve) => {
          signal.addEventListener('abort', () => {
            aborted = true
            resolve()
          })
        }),
    )
    const running = kraken.run([])
    await flush()
    expect(errors.map((error) => error.name)).toEqual(['TaskError'])
    await kraken.stop()
    await running
    expect(aborted).toBe(true)
  })

  test('behavior: secrets never reach the logs', async () => {
    const lines: string[] = []
    const { kraken, tokens } = createFakeKraken({
      apiKey: 'my-api-key-0123456789',
      logger: (message, _level, context) =>
        lines.push(`${message} ${JSON.stringify(context)}`),
      logLevel: 'debug',
    })
    await kraken.subscribe(ExecutionSubscriptionRequest())
    kraken.log(`token is ${tokens[0]} and key my-api-key-0123456789`, 'info', {
      token: tokens[0],
    })
    const text = lines.join('\n')
    expect(text).toContain('[redacted]')
    expect(text).not.toContain(tokens[0] ?? 'missing')
    expect(text).not.toContain('my-api-key-0123456789')
    await kraken.stop()
  })
})

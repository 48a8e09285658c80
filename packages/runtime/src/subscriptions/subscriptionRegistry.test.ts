import { describe, expect, test } from 'vitest'
import { SubscriptionLimitError } from '../errors.js'
import { createSubscriptionRegistry } from './subscriptionRegistry.js'

const book = {
  channel: 'book',
  symbol: ['BTC/USD', 'ETH/USD'],
  depth: 10,
} as const
const states = (registry: ReturnType<typeof createSubscriptionRegistry>) =>
  registry
    .list()
    .map(
      (intent) =>
        `${intent.channel}:${intent.symbol ?? '-'}:${intent.paramsKey}:${intent.state}`,
    )

describe('createSubscriptionRegistry', () => {
  test('default', () => {
    const registry = createSubscriptionRegistry()
    const added = registry.add({ ...book, token: 'secret', req_id: 4 })
    expect(added).toEqual([
      {
        channel: 'book',
        symbol: 'BTC/USD',
        params: { depth: 10 },
        paramsKey: '{"depth":10}',
        state: 'pending',
        error: undefined,
      },
      {
        channel: 'book',
        symbol: 'ETH/USD',
        params: { depth: 10 },
        paramsKey: '{"depth":10}',
        state: 'pending',
        error: undefined,
      },
    ])
    registry.applyAck({ params: book, symbol: 'BTC/USD', success: true })
    registry.applyAck({
      params: book,
      symbol: 'ETH/USD',
      success: false,
      error: 'Currency pair not supported ETH/USD',
    })
    expect(states(registry)).toEqual([
      'book:BTC/USD:{"depth":10}:live',
      'book:ETH/USD:{"depth":10}:rejected',
    ])
    expect(registry.get(book, 'ETH/USD')?.error).toBe(
      'Currency pair not supported ETH/USD',
    )
  })

  test('behavior: params in any order and without undefined are one intent', () => {
    const registry = createSubscriptionRegistry()
    registry.add({
      channel: 'ohlc',
      symbol: ['BTC/USD'],
      interval: 5,
      snapshot: true,
    })
    registry.add({
      snapshot: true,
      interval: 5,
      channel: 'ohlc',
      symbol: ['BTC/USD', 'BTC/USD'],
      extra: undefined,
    })
    expect(states(registry)).toEqual([
      'ohlc:BTC/USD:{"interval":5,"snapshot":true}:pending',
    ])
    registry.add({ channel: 'ohlc', symbol: ['BTC/USD'], interval: 15 })
    expect(registry.list()).toHaveLength(2)
  })

  test('behavior: re-adding keeps live and revives rejected', () => {
    const registry = createSubscriptionRegistry()
    registry.add(book)
    registry.applyAck({ params: book, symbol: 'BTC/USD', success: true })
    registry.applyAck({
      params: book,
      symbol: 'ETH/USD',
      success: false,
      error: 'x',
    })
    expect(registry.add(book).map((intent) => intent.state)).toEqual([
      'live',
      'pending',
    ])
  })

  test('behavior: channels without symbols', () => {
    const registry = createSubscriptionRegistry()
    const executions = { channel: 'executions', snap_orders: true, token: 't' }
    registry.add(executions)
    registry.applyAck({ params: executions, symbol: undefined, success: true })
    expect(states(registry)).toEqual(['executions:-:{"snap_orders":true}:live'])
    expect(registry.remove({ channel: 'executions' })).toBe(1)
    expect(registry.list()).toEqual([])
  })

  test('behavior: remove matches channel, symbols and the given params only', () => {
    const registry = createSubscriptionRegistry()
    registry.add({ ...book, snapshot: true })
    registry.add({ channel: 'book', symbol: ['BTC/USD'], depth: 25 })
    registry.add({ channel: 'ticker', symbol: ['BTC/USD'] })
    expect(
      registry.remove({ channel: 'book', symbol: ['BTC/USD'], depth: 10 }),
    ).toBe(1)
    expect(states(registry)).toEqual([
      'book:ETH/USD:{"depth":10,"snapshot":true}:pending',
      'book:BTC/USD:{"depth":25}:pending',
      'ticker:BTC/USD:{}:pending',
    ])
    expect(registry.remove({ channel: 'book', symbol: ['SOL/USD'] })).toBe(0)
  })

  test('behavior: an ack for an unknown intent changes nothing', () => {
    const registry = createSubscriptionRegistry()
    registry.add(book)
    expect(
      registry.applyAck({
        params: { ...book, depth: 25 },
        symbol: 'BTC/USD',
        success: true,
      }),
    ).toBeUndefined()
    expect(registry.list().every((intent) => intent.state === 'pending')).toBe(
      true,
    )
  })

  test('behavior: Already subscribed counts as live, on a replay or not', () => {
    const registry = createSubscriptionRegistry()
    registry.add(book)
    registry.applyAck({ params: book, symbol: 'BTC/USD', success: true })
    registry.applyAck({ params: book, symbol: 'ETH/USD', success: true })
    registry.markPending()
    expect(registry.list().map((intent) => intent.state)).toEqual([
      'pending',
      'pending',
    ])
    registry.applyAck({
      params: book,
      symbol: 'BTC/USD',
      success: false,
      error: 'Already subscribed',
      replay: true,
    })
    registry.applyAck({
      params: book,
      symbol: 'ETH/USD',
      success: false,
      error: 'Already subscribed',
    })
    // Whoever sent the subscription, the socket holds it: live.
    expect(registry.list().map((intent) => intent.state)).toEqual([
      'live',
      'live',
    ])
  })

  test('behavior: Already subscribed on a live intent keeps it live', () => {
    const registry = createSubscriptionRegistry()
    const ticker = { channel: 'ticker', symbol: ['BTC/USD'] }
    registry.add(ticker)
    registry.applyAck({ params: ticker, symbol: 'BTC/USD', success: true })
    registry.add(ticker)
    registry.applyAck({
      params: ticker,
      symbol: 'BTC/USD',
      success: false,
      error: 'Already subscribed',
    })
    expect(registry.get(ticker, 'BTC/USD')?.state).toBe('live')
  })

  test('behavior: markPending can target some channels', () => {
    const registry = createSubscriptionRegistry()
    const level3 = { channel: 'level3', symbol: ['BTC/USD'] }
    registry.add(book)
    registry.add(level3)
    for (const intent of registry.list()) {
      registry.applyAck({
        params: intent.channel === 'book' ? book : level3,
        symbol: intent.symbol,
        success: true,
      })
    }
    registry.markPending((channel) => channel === 'level3')
    expect(registry.list().map((intent) => intent.state)).toEqual([
      'live',
      'live',
      'pending',
    ])
  })

  test('behavior: replayPlan excludes rejected intents', () => {
    const registry = createSubscriptionRegistry()
    registry.add(book)
    registry.applyAck({
      params: book,
      symbol: 'ETH/USD',
      success: false,
      error: 'Currency pair not supported ETH/USD',
    })
    expect(registry.replayPlan()).toEqual([
      { channel: 'book', params: { depth: 10 }, symbols: ['BTC/USD'], cost: 1 },
    ])
  })

  test('error: more than 200 level3 symbols', () => {
    const registry = createSubscriptionRegistry()
    const symbols = Array.from({ length: 200 }, (_, index) => `S${index}/USD`)
    registry.add({
      channel: 'level3',
      symbol: symbols.slice(0, 150),
      depth: 10,
    })
    registry.add({ channel: 'level3', symbol: symbols.slice(100), depth: 10 })
    expect(registry.list()).toHaveLength(200)
    const attempt = () =>
      registry.add({ channel: 'level3', symbol: ['X/USD'], depth: 100 })
    expect(attempt).toThrow(SubscriptionLimitError)
    expect(attempt).toThrow('201 requested, the limit is 200.')
    expect(registry.list()).toHaveLength(200)
  })
})

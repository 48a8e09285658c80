import * as book from '@kraken-sockets/book'
import * as runtime from '@kraken-sockets/runtime'
import * as schema from '@kraken-sockets/schema'
import { describe, expect, test } from 'vitest'

/**
 * The public API contract: these names are what users, the README, the
 * packages' READMEs and external conformance checks rely on. Adding names is
 * free; renaming or removing one must fail here.
 */
const SCHEMA_NAMES = [
  'TickerSubscriptionRequest',
  'BookSubscriptionRequest',
  'TradesSubscriptionRequest',
  'OHLCSubscriptionRequest',
  'InstrumentsSubscriptionRequest',
  'OrdersSubscriptionRequest',
  'Level3SubscriptionRequest',
  'BalancesSubscriptionRequest',
  'ExecutionSubscriptionRequest',
  'TickerUnsubscribeRequest',
  'BookUnsubscribeRequest',
  'TradesUnsubscribeRequest',
  'OHLCUnsubscribeRequest',
  'InstrumentsUnsubscribeRequest',
  'OrdersUnsubscribeRequest',
  'BalancesUnsubscribeRequest',
  'ExecutionUnsubscribeRequest',
  'PingRequest',
  'AddOrderRequest',
  'AmendOrderRequest',
  'EditOrderRequest',
  'CancelOrderRequest',
  'CancelAllRequest',
  'CancelAllOrdersAfterRequest',
  'BatchAddRequest',
  'BatchCancelRequest',
  'decodeMessage',
] as const

const RESPONSE_TYPES = [
  'HeartbeatResponse',
  'PingResponse',
  'StatusResponse',
  'BookSnapshotResponse',
  'BookUpdateResponse',
  'TickerSnapshotResponse',
  'TickerUpdateResponse',
  'TradesSnapshotResponse',
  'TradesUpdateResponse',
  'OHLCSnapshotResponse',
  'OHLCUpdateResponse',
  'InstrumentsSnapshotResponse',
  'InstrumentsUpdateResponse',
  'OrderSnapshotResponse',
  'OrderUpdateResponse',
  'ExecutionsSnapshotResponse',
  'ExecutionsUpdateResponse',
  'BalancesSnapshotResponse',
  'BalancesUpdateResponse',
  'SubscriptionResponse',
  'UnsubscribeResponse',
  'AddOrderResponse',
  'AmendOrderResponse',
  'EditOrderResponse',
  'CancelOrderResponse',
  'CancelAllResponse',
  'CancelAllOrdersAfterResponse',
  'BatchAddResponse',
  'BatchCancelResponse',
  'Response',
  'SnapshotResponse',
  'UpdateResponse',
  'TradingResponse',
] as const

const CLIENT_METHODS = [
  'trigger',
  'user_logger',
  'userLogger',
  'user_task',
  'userTask',
  'log',
  'on',
  'run',
  'subscribe',
  'unsubscribe',
  'request',
  'trade',
  'stream',
  'book',
  'stop',
] as const

describe('public contract', () => {
  test('schema exports every builder, response type and decodeMessage', () => {
    const exported = schema as Record<string, unknown>
    const missing = [...SCHEMA_NAMES, ...RESPONSE_TYPES].filter(
      (name) => exported[name] === undefined,
    )
    expect(missing).toEqual([])
  })

  test("each response type's name is its export name", () => {
    const exported = schema as unknown as Record<string, { name?: unknown }>
    const wrong = RESPONSE_TYPES.filter((name) => exported[name]?.name !== name)
    expect(wrong).toEqual([])
    expect(schema.AnyResponse).toBe(schema.Response)
    expect(schema.Level3SubscriptionRequest).toBe(
      schema.OrdersSubscriptionRequest,
    )
  })

  test('runtime re-exports the builders and response types by the same names', () => {
    const fromRuntime = runtime as Record<string, unknown>
    const fromSchema = schema as Record<string, unknown>
    const differing = [...SCHEMA_NAMES, ...RESPONSE_TYPES]
      .filter((name) => name !== 'decodeMessage')
      .filter((name) => fromRuntime[name] !== fromSchema[name])
    expect(differing).toEqual([])
  })

  test('book exposes createBook, createL3Book, apply, checksum and read-only sides', () => {
    const l2 = book.createBook({ symbol: 'BTC/USD', depth: 10 })
    expect(
      l2.apply({ type: 'snapshot', bids: [], asks: [], checksum: 0 }),
    ).toMatchObject({ ok: expect.any(Boolean) })
    expect(l2.checksum()).toEqual(expect.any(Number))
    expect(l2.bids.length).toBe(0)
    expect(
      book.createL3Book({ symbol: 'BTC/USD', depth: 10 }).checksum(),
    ).toEqual(expect.any(Number))
  })

  test('KrakenWebSocketAPI has the documented methods', async () => {
    const kraken = new runtime.KrakenWebSocketAPI({ logger: false })
    const client = kraken as unknown as Record<string, unknown>
    const missing = CLIENT_METHODS.filter(
      (name) => typeof client[name] !== 'function',
    )
    expect(missing).toEqual([])
    await kraken.stop()
  })
})

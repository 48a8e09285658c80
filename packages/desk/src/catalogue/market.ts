import {
  BookSubscriptionRequest,
  OHLCSubscriptionRequest,
  TickerSubscriptionRequest,
  TradesSubscriptionRequest,
} from '@kraken-sockets/runtime'
import * as v from 'valibot'
import { DeskInputError, DeskNotFoundError } from '../errors.js'
import { defineOperation } from './operation.js'
import { LevelSchema, ModeSchema, SymbolSchema } from './schemas.js'

/** `status`: the desk's mode, risk policy, sockets, books and subscriptions. */
export const statusOperation = defineOperation({
  name: 'status',
  summary: 'Desk and connection status',
  description:
    'Returns the desk mode (paper, validate or live), the risk policy every order must pass, each Kraken socket status, each verified book state and subscription counts. Call it first to learn which symbols may be traded and the limits.',
  http: { method: 'GET', path: '/status' },
  input: v.object({}),
  output: v.object({
    mode: ModeSchema,
    risk: v.object({
      symbols: v.array(v.string()),
      maxOrderNotional: v.number(),
      maxOpenOrders: v.number(),
      priceBandBps: v.number(),
      maxOrdersPerMinute: v.number(),
    }),
    connections: v.record(v.string(), v.string()),
    books: v.array(
      v.object({ symbol: v.string(), state: v.string(), in_sync: v.boolean() }),
    ),
    subscriptions: v.object({
      pending: v.number(),
      live: v.number(),
      rejected: v.number(),
    }),
    open_orders: v.number(),
  }),
  readOnly: true,
  changesMoney: false,
  idempotent: true,
  scope: 'read',
  async run(desk) {
    const stats = desk.kraken.stats()
    const connections: Record<string, string> = {}
    for (const [endpoint, status] of Object.entries(stats.connections)) {
      connections[endpoint] = String(status)
    }
    return {
      mode: desk.mode,
      risk: { ...desk.risk.policy, symbols: [...desk.risk.policy.symbols] },
      connections,
      books: [...desk.books.values()].map((book) => ({
        symbol: book.symbol,
        state: book.state,
        in_sync: book.inSync,
      })),
      subscriptions: { ...stats.subscriptions },
      open_orders: desk.kraken.orders.size,
    }
  },
})

const SubscriptionInputSchema = v.object({
  channel: v.pipe(
    v.picklist(['ticker', 'trade', 'book', 'ohlc']),
    v.description('The market data channel.'),
  ),
  symbols: v.pipe(v.array(SymbolSchema), v.minLength(1), v.maxLength(50)),
  depth: v.optional(v.picklist([10, 25, 100, 500, 1000])),
  interval: v.optional(v.picklist([1, 5, 15, 30, 60, 240, 1440, 10080, 21600])),
})

const AcksSchema = v.object({
  acks: v.array(
    v.object({
      symbol: v.optional(v.string()),
      success: v.boolean(),
      error: v.optional(v.string()),
    }),
  ),
})

function subscriptionRequest(
  input: v.InferOutput<typeof SubscriptionInputSchema>,
) {
  const symbols = [...input.symbols]
  try {
    switch (input.channel) {
      case 'ticker':
        return TickerSubscriptionRequest(symbols)
      case 'trade':
        return TradesSubscriptionRequest(symbols)
      case 'book':
        return BookSubscriptionRequest(
          symbols,
          input.depth === undefined ? {} : { depth: input.depth },
        )
      case 'ohlc':
        return OHLCSubscriptionRequest(symbols, {
          interval: input.interval ?? 1,
        })
    }
  } catch (error) {
    throw new DeskInputError('subscribe', [
      error instanceof Error ? error.message : String(error),
    ])
  }
}

const symbolOf = (ack: { symbol?: unknown; result?: unknown }): unknown =>
  ack.symbol ??
  (typeof ack.result === 'object' &&
  ack.result !== null &&
  'symbol' in ack.result
    ? ack.result.symbol
    : undefined)

const toAcks = (
  acks: readonly {
    symbol?: unknown
    result?: unknown
    success: boolean
    error?: unknown
  }[],
) => ({
  acks: acks.map((ack) => ({
    ...(typeof symbolOf(ack) === 'string'
      ? { symbol: symbolOf(ack) as string }
      : {}),
    success: ack.success,
    ...(typeof ack.error === 'string' ? { error: ack.error } : {}),
  })),
})

/** `subscribe`: adds a market data subscription (replayed after reconnects). */
export const subscribeOperation = defineOperation({
  name: 'subscribe',
  summary: 'Subscribe to market data',
  description:
    "Subscribes a public channel (ticker, trade, book with depth, ohlc with interval in minutes) for the given symbols and returns Kraken's acknowledgement per symbol; a refused symbol has success false and an error. Changes no money. Events then appear on GET /events.",
  http: { method: 'POST', path: '/subscribe' },
  input: SubscriptionInputSchema,
  output: AcksSchema,
  readOnly: false,
  changesMoney: false,
  idempotent: true,
  scope: 'read',
  async run(desk, input) {
    return toAcks(await desk.kraken.subscribe(subscriptionRequest(input)))
  },
})

/** `unsubscribe`: removes a market data subscription. */
export const unsubscribeOperation = defineOperation({
  name: 'unsubscribe',
  summary: 'Unsubscribe from market data',
  description:
    "Undoes a subscription made with subscribe (same channel, symbols and options) and returns Kraken's acknowledgement per symbol. The desk's own subscriptions (tickers, trades and books of the allowed symbols) stay. Changes no money.",
  http: { method: 'POST', path: '/unsubscribe' },
  input: SubscriptionInputSchema,
  output: AcksSchema,
  readOnly: false,
  changesMoney: false,
  idempotent: true,
  scope: 'read',
  async run(desk, input) {
    return toAcks(await desk.kraken.unsubscribe(subscriptionRequest(input)))
  },
})

/** `book`: the top levels of a verified book. */
export const bookOperation = defineOperation({
  name: 'book',
  summary: 'Verified order book',
  description:
    'Returns the checksum-verified order book of an allowed symbol: bids and asks best first as { price, qty }, the mid, and whether the book is in sync (when false, do not trade on it). levels limits how many levels per side (default 10).',
  http: { method: 'GET', path: '/book' },
  input: v.object({
    symbol: SymbolSchema,
    levels: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^[1-9]\d{0,3}$/, 'a level count such as "10"'),
      ),
    ),
  }),
  output: v.object({
    symbol: v.string(),
    in_sync: v.boolean(),
    mid: v.nullable(v.number()),
    bids: v.array(LevelSchema),
    asks: v.array(LevelSchema),
  }),
  readOnly: true,
  changesMoney: false,
  idempotent: true,
  scope: 'read',
  async run(desk, input) {
    const book = desk.books.get(input.symbol)
    if (book === undefined) {
      throw new DeskNotFoundError(`No book of ${input.symbol} on this desk.`, {
        details: `Books are kept for the allowed symbols: ${desk.risk.policy.symbols.join(', ')}.`,
      })
    }
    const levels = Number(input.levels ?? '10')
    const side = (list: Iterable<{ price: number; qty: number }>) => {
      const out: { price: number; qty: number }[] = []
      for (const level of list) {
        if (out.length >= levels) break
        out.push({ price: level.price, qty: level.qty })
      }
      return out
    }
    return {
      symbol: book.symbol,
      in_sync: book.inSync,
      mid: desk.mid(book.symbol) ?? null,
      bids: side(book.bids as Iterable<{ price: number; qty: number }>),
      asks: side(book.asks as Iterable<{ price: number; qty: number }>),
    }
  },
})

/** `tickers`: the latest ticker of each subscribed symbol. */
export const tickersOperation = defineOperation({
  name: 'tickers',
  summary: 'Latest tickers',
  description:
    "Returns the latest ticker of every symbol the desk receives tickers for, keyed by symbol: Kraken's ticker fields (bid, ask, last, volume, vwap, low, high, change, change_pct).",
  http: { method: 'GET', path: '/tickers' },
  input: v.object({}),
  output: v.object({
    tickers: v.record(
      v.string(),
      v.looseObject({
        symbol: v.string(),
        bid: v.number(),
        ask: v.number(),
        last: v.number(),
      }),
    ),
  }),
  readOnly: true,
  changesMoney: false,
  idempotent: true,
  scope: 'read',
  async run(desk) {
    return {
      tickers: Object.fromEntries(desk.tickers) as Record<
        string,
        { symbol: string; bid: number; ask: number; last: number }
      >,
    }
  },
})

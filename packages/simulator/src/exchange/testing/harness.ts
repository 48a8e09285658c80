import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, vi } from 'vitest'
import { createExchange } from '../exchange.js'
import type { ExchangeConfig } from '../exchangeTypes.js'
import type { Params } from '../params.js'
import type {
  ExchangeEvent,
  ExchangePair,
  ExecutionReport,
  LedgerEntry,
} from '../types.js'

/** Pairs shaped like the docs' instrument snapshot. */
export const TEST_PAIRS: readonly ExchangePair[] = [
  {
    symbol: 'BTC/USD',
    base: 'BTC',
    quote: 'USD',
    qty_precision: 8,
    qty_increment: 1e-8,
    qty_min: 0.0001,
    price_precision: 1,
    price_increment: 0.1,
    cost_precision: 5,
    cost_min: 0.5,
  },
  {
    symbol: 'ETH/USD',
    base: 'ETH',
    quote: 'USD',
    qty_precision: 8,
    qty_increment: 1e-8,
    qty_min: 0.002,
    price_precision: 2,
    price_increment: 0.01,
    cost_precision: 5,
    cost_min: 0.5,
  },
]

/** An exchange with account `alice` (100 000 USD, 2 BTC) and a recorder of its events. */
export function setup(config: Partial<ExchangeConfig> = {}) {
  const events: ExchangeEvent[] = []
  const exchange = createExchange({
    pairs: TEST_PAIRS,
    balances: { alice: { USD: 100_000, BTC: 2 } },
    seed: 'test',
    ...config,
  })
  exchange.subscribe((event) => events.push(event))
  return {
    exchange,
    events,
    send: (method: string, params: Params = {}, req_id?: number) =>
      exchange.request('alice', {
        method,
        params,
        ...(req_id === undefined ? {} : { req_id }),
      }),
    executions: (): ExecutionReport[] =>
      events.flatMap((e) => (e.channel === 'executions' ? [e.report] : [])),
    ledger: (): LedgerEntry[] =>
      events.flatMap((e) => (e.channel === 'balances' ? [e.entry] : [])),
    clear: () => {
      events.length = 0
    },
  }
}

/** Fakes timers at `iso` before each test of the file, and restores them after. */
export function useFakeClockAt(iso: string): void {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse(iso) })
  })
  afterEach(() => {
    vi.useRealTimers()
  })
}

/** The `order_id` of an `add_order` response; throws when there is none. */
export function orderIdOf(
  response: Record<string, unknown> | undefined,
): string {
  const result = response?.result as { order_id?: string } | undefined
  if (result?.order_id === undefined) throw new Error('no order_id')
  return result.order_id
}

/** A limit buy of 0.01 BTC at `price`. */
export function limitBuy(price: number, extra: Params = {}): Params {
  return {
    order_type: 'limit',
    side: 'buy',
    symbol: 'BTC/USD',
    order_qty: 0.01,
    limit_price: price,
    ...extra,
  }
}

type Sample = {
  channel_or_method: string
  direction: string
  message: Record<string, unknown>
  note?: string
}

function load(file: string): Sample[] {
  return JSON.parse(
    readFileSync(
      join(import.meta.dirname, '../../../../../fixtures/kraken-v2', file),
      'utf8',
    ),
  ) as Sample[]
}

/** Received frames from Kraken's docs and live captures, filtered. */
export function receivedSamples(
  channelOrMethod: string,
  where: (message: Record<string, unknown>) => boolean = () => true,
): Record<string, unknown>[] {
  return [...load('samples.json'), ...load('live-samples.json')]
    .filter(
      (s) =>
        s.direction === 'receive' &&
        s.channel_or_method === channelOrMethod &&
        where(s.message),
    )
    .map((s) => s.message)
}

/** Key → JSON type, to compare shapes with samples. */
export function shapeOf(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {}
  const shape: Record<string, string> = {}
  for (const [key, field] of Object.entries(value))
    shape[key] = Array.isArray(field)
      ? 'array'
      : field === null
        ? 'null'
        : typeof field
  return shape
}

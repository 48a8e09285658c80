import { accountOf, postLedger } from './accounts.js'
import type { EngineContext } from './context.js'
import type {
  Exchange,
  ExchangeConfig,
  TradingMethod,
  TradingRequestFrame,
} from './exchangeTypes.js'
import { KRAKEN_SPOT_FEE_TIERS } from './feeTiers.js'
import { createIdGenerator } from './ids.js'
import { applyMarketPrice } from './matching.js'
import { addOrder } from './methods/addOrder.js'
import { amendOrder } from './methods/amendOrder.js'
import { batchAdd } from './methods/batchAdd.js'
import { createBatchCancel } from './methods/batchCancel.js'
import { cancelAllOrdersAfter } from './methods/cancelAllOrdersAfter.js'
import { cancelAll, cancelOrder } from './methods/cancelOrder.js'
import { editOrder } from './methods/editOrder.js'
import type { MethodHandler, Outcome } from './methods/outcome.js'
import { TradingRejection } from './rejection.js'
import { toResponse } from './responses.js'
import { createSnapshots } from './snapshots.js'
import { defaultScheduler } from './time.js'
import type { ExchangeEvent } from './types.js'

const FIAT = new Set(['USD', 'EUR', 'GBP', 'CAD', 'JPY', 'CHF', 'AUD'])

/**
 * Creates a simulated Kraken spot exchange: pure state driven by requests,
 * market prices and an injectable clock, emitting what the executions and
 * balances channels must send.
 *
 * @example
 * ```ts
 * import { createExchange } from '@kraken-sockets/simulator'
 *
 * const exchange = createExchange({ pairs, balances: { alice: { USD: 10_000 } } })
 * exchange.subscribe((event) => console.log(event))
 * exchange.onMarketPrice('BTC/USD', 26_500, 26_500.1)
 * exchange.request('alice', { method: 'add_order', params: { order_type: 'limit', side: 'buy', symbol: 'BTC/USD', order_qty: 0.01, limit_price: 26_000 } })
 * ```
 */
export function createExchange(config: ExchangeConfig): Exchange {
  const listeners = new Set<(event: ExchangeEvent) => void>()
  const precisions = config.assetPrecision ?? {}
  const ctx: EngineContext = {
    now: config.now ?? (() => Date.now()),
    ids: createIdGenerator(config.seed ?? 1),
    scheduler: config.scheduler ?? defaultScheduler,
    fees: config.fees ?? { tiers: KRAKEN_SPOT_FEE_TIERS },
    queueLevel: (symbol, side, price) =>
      config.queueLevel?.(symbol, side, price),
    pairs: new Map(config.pairs.map((pair) => [pair.symbol, pair])),
    pairStatus: new Map(
      config.pairs.map((pair) => [pair.symbol, pair.status ?? 'online']),
    ),
    assetPrecision: (asset) => precisions[asset] ?? (FIAT.has(asset) ? 4 : 8),
    quotes: new Map(),
    accounts: new Map(),
    orders: new Map(),
    tradeIds: new Map(),
    emit: (event) => {
      for (const listener of [...listeners]) listener(event)
    },
    createLimiter: (id) => config.createRateLimiter?.(id),
    system: 'online',
  }
  for (const [id, balances] of Object.entries(config.balances ?? {})) {
    const account = accountOf(ctx, id)
    for (const [asset, amount] of Object.entries(balances))
      account.balances.set(asset, amount)
  }
  const handlers: Record<TradingMethod, MethodHandler> = {
    add_order: addOrder,
    amend_order: amendOrder,
    edit_order: editOrder,
    cancel_order: cancelOrder,
    cancel_all: cancelAll,
    cancel_all_orders_after: cancelAllOrdersAfter,
    batch_add: batchAdd,
    batch_cancel: createBatchCancel(config.batchCancelResponse ?? 'live'),
  }

  function run(accountId: string, frame: TradingRequestFrame): Outcome[] {
    const handler = (handlers as Record<string, MethodHandler | undefined>)[
      frame.method
    ]
    if (handler === undefined)
      return [{ ok: false, error: 'Unsupported event' }]
    try {
      return handler(ctx, accountOf(ctx, accountId), frame.params ?? {})
    } catch (error) {
      if (error instanceof TradingRejection)
        return [{ ok: false, error: error.message }]
      throw error
    }
  }

  return {
    ...createSnapshots(ctx),
    request(accountId, frame, options = {}) {
      const timeIn = options.timeIn ?? ctx.now()
      return run(accountId, frame).map((outcome) =>
        toResponse(frame.method, outcome, frame.req_id, timeIn, ctx.now()),
      )
    },
    onMarketPrice: (symbol, bid, ask, lastTradeQty) =>
      applyMarketPrice(ctx, symbol, bid, ask, lastTradeQty),
    get systemStatus() {
      return ctx.system
    },
    setSystemStatus(status) {
      ctx.system = status
    },
    setPairStatus(symbol, status) {
      ctx.pairStatus.set(symbol, status)
    },
    deposit(accountId, asset, amount) {
      postLedger(ctx, accountOf(ctx, accountId), {
        asset,
        amount,
        fee: 0,
        type: 'deposit',
        ref_id: ctx.ids.ledgerId().replace(/^L/, 'A'),
      })
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    rateCount: (accountId, symbol) =>
      accountOf(ctx, accountId).limiter?.count(symbol),
    maxRateCount: (accountId) =>
      accountOf(ctx, accountId).limiter?.maxRateCount,
    close() {
      for (const order of ctx.orders.values())
        if (order.expiryHandle !== undefined)
          ctx.scheduler.clearTimeout(order.expiryHandle)
      for (const account of ctx.accounts.values())
        if (account.deadManHandle !== undefined) {
          ctx.scheduler.clearTimeout(account.deadManHandle)
          delete account.deadManHandle
        }
    },
  }
}

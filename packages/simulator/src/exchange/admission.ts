import { available, holdOf } from './accounts.js'
import type { Account, EngineContext } from './context.js'
import { hasLimitPrice, type Order, type OrderSpec } from './order.js'
import type { LimitedTransaction } from './rateLimiter.js'
import { KRAKEN_ERRORS, TradingRejection } from './rejection.js'

/** What a request does to the book, for the market-status rules. */
export type TradingAction = 'place' | 'amend' | 'cancel'

/**
 * Applies Kraken's market-status rules (system and pair): maintenance
 * refuses everything, cancel_only refuses new orders, post_only admits only
 * post-only limit orders, limit_only refuses market orders.
 */
export function checkMarketStatus(
  ctx: EngineContext,
  symbol: string | undefined,
  action: TradingAction,
  spec?: Pick<OrderSpec, 'post_only' | 'reduce_only' | 'order_type'>,
): void {
  const pair =
    symbol === undefined ? 'online' : (ctx.pairStatus.get(symbol) ?? 'online')
  if (ctx.system === 'maintenance' || pair === 'maintenance')
    throw new TradingRejection(KRAKEN_ERRORS.unavailable)
  if (action === 'cancel') return
  if (pair === 'delisted' || pair === 'work_in_progress')
    throw new TradingRejection(KRAKEN_ERRORS.unavailable)
  if (ctx.system === 'cancel_only' || pair === 'cancel_only')
    throw new TradingRejection(KRAKEN_ERRORS.cancelOnly)
  if (spec === undefined) return
  if ((ctx.system === 'post_only' || pair === 'post_only') && !spec.post_only)
    throw new TradingRejection(KRAKEN_ERRORS.postOnlyMode)
  if (pair === 'limit_only' && !hasLimitPrice(spec.order_type))
    throw new TradingRejection(KRAKEN_ERRORS.limitOnly)
  if (pair === 'reduce_only' && !spec.reduce_only)
    throw new TradingRejection(KRAKEN_ERRORS.reduceOnlyMode)
}

/** Charges the account's rate counter, or refuses with `EOrder:Rate limit exceeded`. */
export function chargeRate(
  account: Account,
  symbol: string,
  transaction: LimitedTransaction,
): void {
  if (account.limiter === undefined) return
  if (!account.limiter.charge(symbol, transaction).ok)
    throw new TradingRejection(KRAKEN_ERRORS.rateLimit)
}

/** Refuses a new order past the tier's open-order limit per pair. */
export function checkOpenOrders(
  ctx: EngineContext,
  account: Account,
  symbol: string,
  adding = 1,
): void {
  const max = account.limiter?.limits.maxOpenOrders
  if (max === undefined) return
  let open = 0
  for (const order of ctx.orders.values())
    if (order.accountId === account.id && order.symbol === symbol) open++
  if (open + adding > max) throw new TradingRejection(KRAKEN_ERRORS.ordersLimit)
}

/**
 * Refuses an order whose reservation exceeds what the account has
 * available, with `EOrder:Insufficient funds`.
 */
export function checkFunds(
  ctx: EngineContext,
  account: Account,
  order: Order,
  replacing?: Order,
): void {
  const hold = holdOf(ctx, order)
  if (hold.amount <= 0) return
  if (hold.amount > available(ctx, account, hold.asset, replacing) + 1e-12)
    throw new TradingRejection(KRAKEN_ERRORS.insufficientFunds)
}

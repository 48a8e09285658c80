import { accountOf, available, feesOf } from './accounts.js'
import type { EngineContext, Quote } from './context.js'
import { roundTo } from './decimal.js'
import { closeOrder, executeFill } from './fills.js'
import { hasLimitPrice, type Order, remainingQty } from './order.js'

/** Whether the engine matches orders of `symbol` now (Kraken: not in cancel_only, post_only or maintenance). */
export function isMatching(ctx: EngineContext, symbol: string): boolean {
  const status = ctx.pairStatus.get(symbol) ?? 'online'
  return (
    ctx.system === 'online' &&
    (status === 'online' || status === 'limit_only' || status === 'reduce_only')
  )
}

/** Advances an untriggered order's trigger; `true` once it fires. */
function fires(order: Order, reference: number): boolean {
  const state = order.pendingTrigger
  const trigger = order.trigger
  if (state === undefined || trigger === undefined) return true
  const sell = order.side === 'sell'
  if (order.order_type.startsWith('trailing-stop')) {
    state.extreme =
      state.extreme === undefined
        ? reference
        : sell
          ? Math.max(state.extreme, reference)
          : Math.min(state.extreme, reference)
    const offset =
      trigger.price_type === 'pct'
        ? (state.extreme * trigger.price) / 100
        : trigger.price
    state.price = sell ? state.extreme - offset : state.extreme + offset
    return sell ? reference <= state.price : reference >= state.price
  }
  if (state.price === undefined)
    state.price =
      trigger.price_type === 'static'
        ? trigger.price
        : trigger.price_type === 'pct'
          ? reference * (1 + trigger.price / 100)
          : reference + trigger.price
  const stop = order.order_type.startsWith('stop-loss')
  // A stop fires when the price moves against the position, a take-profit when it moves for it.
  return sell === stop ? reference <= state.price : reference >= state.price
}

/** The price `order` would take liquidity at now, if it is marketable. */
function takerPrice(order: Order, quote: Quote): number | undefined {
  const touch = order.side === 'buy' ? quote.ask : quote.bid
  if (!hasLimitPrice(order.order_type)) return touch
  const limit = order.limit_price ?? 0
  const crosses = order.side === 'buy' ? touch <= limit : touch >= limit
  return crosses ? touch : undefined
}

/** Whether `order` would take liquidity if it entered the book now. */
export function isMarketable(ctx: EngineContext, order: Order): boolean {
  const quote = ctx.quotes.get(order.symbol)
  return (
    quote !== undefined &&
    order.pendingTrigger === undefined &&
    takerPrice(order, quote) !== undefined
  )
}

/** Caps a fill by what a buyer can still pay. */
function affordable(
  ctx: EngineContext,
  order: Order,
  qty: number,
  price: number,
): number {
  const pair = ctx.pairs.get(order.symbol)
  if (pair === undefined || order.side === 'sell') return qty
  const account = accountOf(ctx, order.accountId)
  const funds = available(ctx, account, pair.quote, order)
  const max = funds / (price * (1 + feesOf(ctx, order.accountId).taker))
  const capped = Math.min(qty, max)
  return Math.floor(capped / pair.qty_increment) * pair.qty_increment
}

/**
 * Fills what `order` can take from the market now, at most `budget`
 * (base quantity), as a taker. Returns the quantity filled.
 */
export function takeLiquidity(
  ctx: EngineContext,
  order: Order,
  budget = Number.POSITIVE_INFINITY,
): number {
  const quote = ctx.quotes.get(order.symbol)
  const pair = ctx.pairs.get(order.symbol)
  if (quote === undefined || pair === undefined) return 0
  if (!ctx.orders.has(order.order_id) || !isMatching(ctx, order.symbol))
    return 0
  if (order.pendingTrigger !== undefined) {
    if (!fires(order, quote.last)) return 0
    order.pendingTrigger = undefined
  }
  const price = takerPrice(order, quote)
  if (price === undefined) return 0
  if (order.cash_order_qty !== undefined && order.order_qty === 0)
    order.order_qty = roundTo(
      Math.floor(order.cash_order_qty / price / pair.qty_increment) *
        pair.qty_increment,
      pair.qty_precision,
    )
  const wanted = Math.min(remainingQty(order), budget)
  const qty = roundTo(affordable(ctx, order, wanted, price), pair.qty_precision)
  if (qty <= 0) {
    if (wanted > 0 && order.side === 'buy')
      closeOrder(ctx, order, 'canceled', 'Insufficient funds')
    return 0
  }
  executeFill(ctx, order, qty, price, 't')
  return qty
}

/**
 * Puts a resting limit order at the back of its price's queue: everything the
 * market holds there now is ahead of it. Under the L2 model (no queue level
 * for the symbol) it has no queue.
 */
export function joinQueue(ctx: EngineContext, order: Order): void {
  const resting =
    ctx.orders.has(order.order_id) &&
    order.pendingTrigger === undefined &&
    hasLimitPrice(order.order_type) &&
    order.limit_price !== undefined
  order.queueAhead = resting
    ? ctx.queueLevel(order.symbol, order.side, order.limit_price ?? 0)
    : undefined
}

/**
 * How much of a market move at a resting order's price the queue ahead of
 * it takes first (and takes it off the queue). A move through the price
 * cleared the whole level, queue and all.
 */
function queueTakes(order: Order, available: number, through: boolean): number {
  const ahead = order.queueAhead
  if (ahead === undefined || ahead <= 0 || through) return 0
  const eaten = Math.min(ahead, available)
  order.queueAhead = ahead - eaten
  return eaten
}

function priority(a: Order, b: Order): number {
  const byPrice =
    a.side === 'buy'
      ? (b.limit_price ?? Infinity) - (a.limit_price ?? Infinity)
      : (a.limit_price ?? 0) - (b.limit_price ?? 0)
  return byPrice !== 0 && !Number.isNaN(byPrice)
    ? byPrice
    : a.queuedAt - b.queuedAt
}

/**
 * Applies a market price move: fires triggers, fills marketable and
 * crossed resting orders (resting limits fill at their own price, as
 * makers), with at most `lastTradeQty` per side when given.
 */
export function applyMarketPrice(
  ctx: EngineContext,
  symbol: string,
  bid: number,
  ask: number,
  lastTradeQty?: number,
): void {
  ctx.quotes.set(symbol, { bid, ask, last: (bid + ask) / 2 })
  if (!isMatching(ctx, symbol)) return
  const budgets = {
    buy: lastTradeQty ?? Number.POSITIVE_INFINITY,
    sell: lastTradeQty ?? Number.POSITIVE_INFINITY,
  }
  const candidates = [...ctx.orders.values()]
    .filter((order) => order.symbol === symbol)
    .sort(priority)
  for (const order of candidates) {
    if (!ctx.orders.has(order.order_id)) continue
    const budget = budgets[order.side]
    if (budget <= 0) continue
    const resting =
      order.pendingTrigger === undefined && hasLimitPrice(order.order_type)
    const limit = order.limit_price ?? 0
    const crossed = order.side === 'buy' ? ask <= limit : bid >= limit
    if (resting && crossed) {
      const pair = ctx.pairs.get(symbol)
      if (pair === undefined) continue
      const through = order.side === 'buy' ? ask < limit : bid > limit
      const eaten = queueTakes(order, budget, through)
      budgets[order.side] -= eaten
      const qty = Math.min(remainingQty(order), budget - eaten)
      if (qty <= 0) continue
      executeFill(ctx, order, roundTo(qty, pair.qty_precision), limit, 'm')
      budgets[order.side] -= qty
    } else if (!resting) {
      budgets[order.side] -= takeLiquidity(ctx, order, budget)
    }
  }
  // Orders ahead that left without trading (cancels) move the queue up.
  for (const order of ctx.orders.values()) {
    if (order.symbol !== symbol || order.queueAhead === undefined) continue
    const level = ctx.queueLevel(symbol, order.side, order.limit_price ?? 0)
    if (level !== undefined && level < order.queueAhead)
      order.queueAhead = level
  }
}

import { accountOf, feesOf, postLedger } from './accounts.js'
import type { EngineContext } from './context.js'
import { roundTo } from './decimal.js'
import { type Order, remainingQty } from './order.js'
import { closedReport, filledReport, tradeReport } from './reports.js'
import { rfc3339 } from './time.js'
import type { ExecutionReport } from './types.js'

const MAX_RECENT_TRADES = 50

/** Emits an execution report of `order` to its account. */
export function report(
  ctx: EngineContext,
  order: Order,
  execution: ExecutionReport,
): void {
  ctx.emit({
    accountId: order.accountId,
    channel: 'executions',
    symbol: order.symbol,
    report: execution,
  })
}

function pricePrecision(ctx: EngineContext, order: Order): number {
  return ctx.pairs.get(order.symbol)?.price_precision ?? 8
}

function release(ctx: EngineContext, order: Order): void {
  ctx.orders.delete(order.order_id)
  if (order.expiryHandle !== undefined)
    ctx.scheduler.clearTimeout(order.expiryHandle)
}

/** Takes `order` off the book with a `canceled` or `expired` event. */
export function closeOrder(
  ctx: EngineContext,
  order: Order,
  kind: 'canceled' | 'expired',
  reason: string,
): void {
  release(ctx, order)
  report(
    ctx,
    order,
    closedReport(
      order,
      kind,
      reason,
      rfc3339(ctx.now()),
      pricePrecision(ctx, order),
    ),
  )
}

/**
 * Fills `qty` of `order` at `price`: emits the trade (and `filled` when
 * done), books both ledger legs (base first, fee in the quote asset, as
 * Kraken's default `fciq`) and records the trade for snapshots.
 */
export function executeFill(
  ctx: EngineContext,
  order: Order,
  qty: number,
  price: number,
  liquidity: 't' | 'm',
): void {
  const pair = ctx.pairs.get(order.symbol)
  if (pair === undefined || qty <= 0) return
  const account = accountOf(ctx, order.accountId)
  const cost = roundTo(qty * price, pair.cost_precision)
  // The tier of the volume before this fill, as Kraken charges it.
  const fees = feesOf(ctx, order.accountId)
  const rate = liquidity === 'm' ? fees.maker : fees.taker
  const fee = roundTo(cost * rate, ctx.assetPrecision(pair.quote))
  order.cum_qty = roundTo(order.cum_qty + qty, pair.qty_precision)
  order.cum_cost = roundTo(order.cum_cost + cost, pair.cost_precision)
  order.fee_total = roundTo(
    order.fee_total + fee,
    ctx.assetPrecision(pair.quote),
  )
  const tradeId = (ctx.tradeIds.get(order.symbol) ?? 0) + 1
  ctx.tradeIds.set(order.symbol, tradeId)
  const execId = ctx.ids.execId()
  const precision = pricePrecision(ctx, order)
  const trade = tradeReport(
    order,
    {
      exec_id: execId,
      trade_id: tradeId,
      last_qty: qty,
      last_price: price,
      cost,
      liquidity_ind: liquidity,
      fees: [{ asset: pair.quote, qty: fee }],
    },
    rfc3339(ctx.now()),
    precision,
  )
  report(ctx, order, trade)
  account.volume.push({ at: ctx.now(), cost })
  account.trades.push(trade)
  if (account.trades.length > MAX_RECENT_TRADES) account.trades.shift()
  const sign = order.side === 'buy' ? 1 : -1
  postLedger(ctx, account, {
    asset: pair.base,
    amount: sign * qty,
    fee: 0,
    type: 'trade',
    ref_id: execId,
  })
  postLedger(ctx, account, {
    asset: pair.quote,
    amount: -sign * cost,
    fee,
    type: 'trade',
    ref_id: execId,
  })
  if (remainingQty(order) < pair.qty_increment / 2) {
    release(ctx, order)
    report(ctx, order, filledReport(order, rfc3339(ctx.now()), precision))
  }
}

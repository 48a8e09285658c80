import type { Account, EngineContext, FeeSchedule } from './context.js'
import { roundTo } from './decimal.js'
import { ratesAt, thirtyDayVolume } from './feeTiers.js'
import { hasLimitPrice, type Order, remainingQty } from './order.js'
import { rfc3339 } from './time.js'
import type { LedgerEntry } from './types.js'

/** The account `id`, created empty on first use. */
export function accountOf(ctx: EngineContext, id: string): Account {
  let account = ctx.accounts.get(id)
  if (account === undefined) {
    account = {
      id,
      balances: new Map(),
      trades: [],
      limiter: ctx.createLimiter(id),
      volume: [],
    }
    ctx.accounts.set(id, account)
  }
  return account
}

/** The rates an account pays now: its tier by 30-day volume, or the flat rates. */
export function feesOf(ctx: EngineContext, accountId: string): FeeSchedule {
  return ratesAt(
    ctx.fees,
    thirtyDayVolume(accountOf(ctx, accountId), ctx.now()),
  )
}

/** What `order` keeps reserved, in the asset it spends. */
export function holdOf(
  ctx: EngineContext,
  order: Order,
): { asset: string; amount: number } {
  const pair = ctx.pairs.get(order.symbol)
  if (pair === undefined) return { asset: '', amount: 0 }
  if (order.side === 'sell')
    return { asset: pair.base, amount: remainingQty(order) }
  const factor = 1 + feesOf(ctx, order.accountId).taker
  if (order.cash_order_qty !== undefined)
    return { asset: pair.quote, amount: order.cash_order_qty * factor }
  const price = hasLimitPrice(order.order_type)
    ? (order.limit_price ?? 0)
    : (order.pendingTrigger?.price ??
      order.trigger?.price ??
      ctx.quotes.get(order.symbol)?.ask ??
      0)
  return { asset: pair.quote, amount: remainingQty(order) * price * factor }
}

/** Balance minus what open orders reserve, ignoring `except`. */
export function available(
  ctx: EngineContext,
  account: Account,
  asset: string,
  except?: Order,
): number {
  let held = 0
  for (const order of ctx.orders.values()) {
    if (order.accountId !== account.id || order === except) continue
    const hold = holdOf(ctx, order)
    if (hold.asset === asset) held += hold.amount
  }
  return (account.balances.get(asset) ?? 0) - held
}

/** Books a ledger transaction and emits its `balances` update. */
export function postLedger(
  ctx: EngineContext,
  account: Account,
  entry: {
    asset: string
    amount: number
    fee: number
    type: LedgerEntry['type']
    ref_id: string
  },
): void {
  const precision = ctx.assetPrecision(entry.asset)
  const balance = roundTo(
    (account.balances.get(entry.asset) ?? 0) + entry.amount - entry.fee,
    precision,
  )
  account.balances.set(entry.asset, balance)
  ctx.emit({
    accountId: account.id,
    channel: 'balances',
    entry: {
      ledger_id: ctx.ids.ledgerId(),
      ref_id: entry.ref_id,
      timestamp: rfc3339(ctx.now()),
      type: entry.type,
      asset: entry.asset,
      asset_class: 'currency',
      category: entry.type,
      wallet_type: 'spot',
      wallet_id: 'main',
      amount: roundTo(entry.amount, precision),
      fee: entry.fee,
      balance,
    },
  })
}

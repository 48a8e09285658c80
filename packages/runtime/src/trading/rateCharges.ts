import type { TradingRequest } from '@kraken-sockets/schema'
import type { RateTransactionLike } from './advisoryRateCounter.js'
import type { TrackedOrder } from './executionReport.js'

/** One charge of Kraken's per-pair rate counter. */
export type RateCharge = {
  readonly symbol: string
  readonly transaction: RateTransactionLike
}

/** What {@link rateChargesOf} reads besides the request. */
export type RateChargeContext = {
  /** A tracked order by `order_id` or `cl_ord_id`. */
  readonly order: (id: string) => TrackedOrder | undefined
  /** Ms since the order was placed or last amended (undefined: unknown). */
  readonly ageOf: (id: string) => number | undefined
}

/**
 * What a trading request costs on Kraken's rate counters, pair by pair:
 * add (+1), amend and edit (+1 and an age penalty), cancel (an age
 * penalty), batch add (+n/2), batch cancel (the cancels' penalties). Orders
 * the tracker does not know (their pair and age unknown) are not priced:
 * the counter is advisory. `cancel_all` and `cancel_all_orders_after` are
 * not priced either.
 *
 * @see https://docs.kraken.com/api/docs/guides/spot-ratelimits
 */
export function rateChargesOf(
  request: TradingRequest,
  context: RateChargeContext,
): RateCharge[] {
  switch (request.method) {
    case 'add_order':
      return [{ symbol: request.params.symbol, transaction: { type: 'add' } }]
    case 'batch_add':
      return [
        {
          symbol: request.params.symbol,
          transaction: {
            type: 'batch_add',
            count: request.params.orders.length,
          },
        },
      ]
    case 'amend_order':
    case 'edit_order': {
      const params = request.params as { order_id?: string; cl_ord_id?: string }
      const id = params.order_id ?? params.cl_ord_id
      const known = id === undefined ? undefined : located(id, context)
      if (known === undefined) return []
      const type = request.method === 'amend_order' ? 'amend' : 'edit'
      return [
        { symbol: known.symbol, transaction: { type, ageMs: known.ageMs } },
      ]
    }
    case 'cancel_order':
    case 'batch_cancel': {
      const params = request.params as {
        order_id?: readonly string[]
        orders?: readonly string[]
        cl_ord_id?: readonly string[]
      }
      const ids = [
        ...(params.order_id ?? []),
        ...(params.orders ?? []),
        ...(params.cl_ord_id ?? []),
      ]
      const agesBySymbol = new Map<string, number[]>()
      for (const id of ids) {
        const known = located(id, context)
        if (known === undefined) continue
        const ages = agesBySymbol.get(known.symbol) ?? []
        ages.push(known.ageMs)
        agesBySymbol.set(known.symbol, ages)
      }
      return [...agesBySymbol].map(([symbol, agesMs]) => {
        const [ageMs] = agesMs
        return {
          symbol,
          transaction:
            agesMs.length === 1 && ageMs !== undefined
              ? { type: 'cancel', ageMs }
              : { type: 'batch_cancel', agesMs },
        }
      })
    }
    default:
      return []
  }
}

function located(
  id: string,
  context: RateChargeContext,
): { symbol: string; ageMs: number } | undefined {
  const symbol = context.order(id)?.symbol
  const ageMs = context.ageOf(id)
  if (symbol === undefined || ageMs === undefined) return undefined
  return { symbol, ageMs }
}

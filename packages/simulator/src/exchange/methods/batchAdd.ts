import { chargeRate, checkMarketStatus, checkOpenOrders } from '../admission.js'
import { pairOf, parseOrderSpec } from '../orderSpec.js'
import { checkDeadline, readBool, requireString } from '../params.js'
import { invalidArguments, TradingRejection } from '../rejection.js'
import { admitOrder, checkClOrdIdFree } from './addOrder.js'
import { echoIds, type MethodHandler } from './outcome.js'

/**
 * `batch_add`: 2 to 15 orders on one symbol. The whole batch is validated
 * first (one invalid order rejects it all); then each order passes its
 * funding check on its own, and a refused one carries `error` in its
 * result element while the rest are booked.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/batch_add
 */
export const batchAdd: MethodHandler = (ctx, account, params) => {
  const symbol = requireString(params, 'symbol')
  pairOf(ctx, symbol)
  const orders = params.orders
  if (!Array.isArray(orders) || orders.length < 2 || orders.length > 15)
    throw invalidArguments('orders')
  const validate = readBool(params, 'validate') ?? false
  checkDeadline(params, ctx.now())
  const specs = orders.map((order: unknown) => {
    if (typeof order !== 'object' || order === null || 'symbol' in order)
      throw invalidArguments('orders')
    const spec = parseOrderSpec(ctx, order as Record<string, unknown>, symbol)
    checkMarketStatus(ctx, symbol, 'place', spec)
    checkClOrdIdFree(ctx, account, spec)
    return spec
  })
  const clOrdIds = specs.flatMap((spec) => spec.cl_ord_id ?? [])
  if (new Set(clOrdIds).size !== clOrdIds.length)
    throw invalidArguments('cl_ord_id')
  if (!validate)
    chargeRate(account, symbol, { type: 'batch_add', count: specs.length })
  checkOpenOrders(ctx, account, symbol, specs.length)
  const result = specs.map((spec) => {
    try {
      const order = admitOrder(ctx, account, spec, validate)
      return validate
        ? echoIds(spec)
        : { order_id: order.order_id, ...echoIds(spec) }
    } catch (error) {
      if (!(error instanceof TradingRejection)) throw error
      return { ...echoIds(spec), error: error.message }
    }
  })
  return [{ ok: true, result }]
}

import type { Account, EngineContext } from '../context.js'
import type { Params } from '../params.js'

/** One response's worth of a method's outcome. */
export type Outcome =
  | {
      readonly ok: true
      readonly result?: unknown
      /** Extra top-level fields (live `batch_cancel` has `orders_cancelled`). */
      readonly top?: Readonly<Record<string, unknown>>
    }
  | { readonly ok: false; readonly error: string }

/** A trading method of the engine; returns one outcome per response. */
export type MethodHandler = (
  ctx: EngineContext,
  account: Account,
  params: Params,
) => Outcome[]

/** `order_id` / `cl_ord_id` / `order_userref` echoed in a result. */
export function echoIds(order: {
  cl_ord_id?: string
  order_userref?: number
}): { cl_ord_id?: string; order_userref?: number } {
  return {
    ...(order.cl_ord_id === undefined ? {} : { cl_ord_id: order.cl_ord_id }),
    ...(order.order_userref === undefined
      ? {}
      : { order_userref: order.order_userref }),
  }
}

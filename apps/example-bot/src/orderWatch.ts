import type {
  KrakenWebSocketAPI,
  OrderHandle,
  OrderOutcome,
  TrackedOrder,
} from '@kraken-sockets/runtime'

/** How long the demo waits for the executions feed to show its order (ms). */
export const ORDER_STATE_WAIT = 5_000

/**
 * The state of the order `handle` follows, as the `executions` feed reports
 * it: at once when it was already seen (the feed often beats the ack), else
 * at its first order event. `undefined` when none came within `timeout` ms
 * or `signal` aborted first. Never rejects; leaves no timer or listener.
 */
export function orderState(
  kraken: Pick<KrakenWebSocketAPI, 'onOrder'>,
  handle: OrderHandle,
  signal: AbortSignal,
  timeout: number = ORDER_STATE_WAIT,
): Promise<TrackedOrder | undefined> {
  if (handle.order !== undefined || signal.aborted) {
    return Promise.resolve(handle.order)
  }
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer)
      off()
      signal.removeEventListener('abort', finish)
      resolve(handle.order)
    }
    const timer = setTimeout(finish, timeout)
    const off = kraken.onOrder(() => {
      if (handle.order !== undefined) finish()
    }, handle.id)
    signal.addEventListener('abort', finish, { once: true })
    // The order may have ended (e.g. rejected) without ever being seen.
    void handle.done.then(finish)
  })
}

/**
 * How the order of `handle` ended, or `undefined` when it had not ended
 * within `timeout` ms or `signal` aborted first. Never rejects.
 */
export function orderOutcome(
  handle: OrderHandle,
  signal: AbortSignal,
  timeout: number = ORDER_STATE_WAIT,
): Promise<OrderOutcome | undefined> {
  return new Promise((resolve) => {
    const finish = (outcome: OrderOutcome | undefined) => {
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
      resolve(outcome)
    }
    const onAbort = () => finish(undefined)
    const timer = setTimeout(onAbort, timeout)
    signal.addEventListener('abort', onAbort, { once: true })
    void handle.done.then(finish)
  })
}

/** One line about an order's state: `open, 0 of 0.0005 filled`. */
export function describeOrderState(order: TrackedOrder | undefined): string {
  if (order === undefined) return 'not seen on the executions feed yet'
  const status = order.order_status ?? 'unknown status'
  const qty = order.order_qty === undefined ? '' : ` of ${order.order_qty}`
  return `${status}, ${order.cum_qty ?? 0}${qty} filled`
}

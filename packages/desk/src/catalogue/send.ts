import {
  NotSentError,
  type TrackedOrder,
  type TradingResponseFor,
} from '@kraken-sockets/runtime'
import type { Desk } from '../desk.js'
import {
  DeskInputError,
  DeskTimeoutError,
  RiskRefusedError,
} from '../errors.js'
import type { RiskContext } from '../risk/riskGate.js'

type TradingRequest = Parameters<Desk['kraken']['request']>[0]

/** What the risk gate reads from the desk. */
export function riskContext(desk: Desk): RiskContext {
  return {
    mid: (symbol) => desk.mid(symbol),
    openOrders: desk.kraken.orders.size,
  }
}

/** Runs a request builder; its validation error becomes a {@link DeskInputError}. */
export function build<T>(operation: string, builder: () => T): T {
  try {
    return builder()
  } catch (error) {
    throw new DeskInputError(operation, [
      error instanceof Error ? error.message : String(error),
    ])
  }
}

/** True for failures where nothing reached Kraken, so an idempotent retry may send. */
export function nothingSent(error: unknown): boolean {
  return (
    error instanceof NotSentError ||
    error instanceof RiskRefusedError ||
    error instanceof DeskInputError
  )
}

/**
 * Sends a trading request and waits for Kraken's answer up to the desk's
 * order timeout, then shapes the ack as `{ mode, method, result, time_in, time_out }`.
 * @throws {KrakenRejectedError} Kraken refused it.
 * @throws {OutcomeUnknownError} sent, answer lost (the runtime's own timeout or a drop).
 * @throws {NotSentError} never sent.
 * @throws {DeskTimeoutError} the desk's timeout passed first: the outcome is unknown.
 */
export async function send<TRequest extends TradingRequest>(
  desk: Desk,
  request: TRequest,
  clOrdId?: string,
): Promise<{
  mode: Desk['mode']
  method: string
  result: NonNullable<TradingResponseFor<TRequest>['result']>
  time_in?: string
  time_out?: string
}> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new DeskTimeoutError(request.method, desk.orderTimeout, clOrdId),
        ),
      desk.orderTimeout,
    )
  })
  const sent = desk.kraken.request(request)
  // The desk may stop waiting; the runtime still settles `sent` later.
  sent.catch(() => undefined)
  try {
    const ack = (await Promise.race([sent, timeout])) as {
      method: string
      result?: unknown
      time_in?: string
      time_out?: string
    }
    return {
      mode: desk.mode,
      method: ack.method,
      result: (ack.result ?? {}) as NonNullable<
        TradingResponseFor<TRequest>['result']
      >,
      ...(ack.time_in === undefined ? {} : { time_in: String(ack.time_in) }),
      ...(ack.time_out === undefined ? {} : { time_out: String(ack.time_out) }),
    }
  } finally {
    clearTimeout(timer)
  }
}

/** The tracked open order with this `order_id` or `cl_ord_id`. */
export function findOrder(desk: Desk, id: string): TrackedOrder | undefined {
  const direct = desk.kraken.orders.get(id)
  if (direct !== undefined) return direct
  for (const order of desk.kraken.orders.values()) {
    if (order.cl_ord_id === id) return order
  }
  return undefined
}

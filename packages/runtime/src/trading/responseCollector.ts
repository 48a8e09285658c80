import type { TradingResponseLike } from './types.js'

/**
 * How many responses one request produces:
 * - `{ count: n }`: exactly `n` (cancel_order with `n` distinct ids; 1 for every other method);
 * - `{ count: n, openEnded: true }`: at least `n` (at least 1), then as many
 *   more as arrive before a quiet window passes (cancel_order by `order_userref`,
 *   whose order count only Kraken knows).
 */
export type ResponsePlan = { count: number; openEnded?: boolean }

/** The parameters of `cancel_order` that decide its response count. */
export type CancelOrderTargets = {
  order_id?: readonly string[] | undefined
  cl_ord_id?: readonly string[] | undefined
  order_userref?: readonly (number | bigint)[] | undefined
}

/**
 * The response plan of a trading request. `cancel_order` answers once per
 * order; every other trading method once (batch methods answer the whole
 * batch in one response).
 */
export function responsePlan(
  method: string,
  params?: CancelOrderTargets,
): ResponsePlan {
  if (method !== 'cancel_order' || params === undefined) return { count: 1 }
  const ids = new Set([...(params.order_id ?? []), ...(params.cl_ord_id ?? [])])
  if ((params.order_userref ?? []).length > 0)
    return { count: Math.max(1, ids.size), openEnded: true }
  return { count: Math.max(1, ids.size) }
}

/** Options of {@link createResponseCollector}. */
export type ResponseCollectorConfig = {
  /**
   * How long (ms) an open-ended collection waits after its last response
   * for another one before it completes.
   * @default 500
   */
  quietWindow?: number
}

/** Gathers the responses of one `req_id`. */
export type ResponseCollector = {
  /** Responses received so far, in order. */
  readonly responses: readonly TradingResponseLike[]
  /** Whether the collection is complete (or aborted). */
  readonly isDone: boolean
  /** Resolves with every response when the plan is met. */
  readonly promise: Promise<readonly TradingResponseLike[]>
  /** Adds a response that carries this request's `req_id`. */
  push(response: TradingResponseLike): void
  /** Gives up (disconnect, timeout): rejects the promise with `error`, stops the timer. */
  abort(error: unknown): void
}

/**
 * Collects the several responses one trading request can produce, all
 * sharing its `req_id`.
 *
 * Completes when `plan.count` responses have arrived; for an open-ended plan,
 * when at least `plan.count` have arrived and `quietWindow` ms pass with no
 * other. A failure response that names no order (no `result`) is Kraken
 * rejecting the whole request, which it answers once: it completes the
 * collection at once. The caller bounds the total wait with its own timeout
 * and calls `abort`.
 *
 * @example
 * ```ts
 * const collector = createResponseCollector(responsePlan('cancel_order', params))
 * pending.set(reqId, collector)        // route each response with this req_id to collector.push
 * const responses = await collector.promise
 * ```
 */
export function createResponseCollector(
  plan: ResponsePlan,
  config: ResponseCollectorConfig = {},
): ResponseCollector {
  const quietWindow = config.quietWindow ?? 500
  const responses: TradingResponseLike[] = []
  let done = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let resolve: (value: readonly TradingResponseLike[]) => void = () => {}
  let reject: (error: unknown) => void = () => {}
  const promise = new Promise<readonly TradingResponseLike[]>((res, rej) => {
    resolve = res
    reject = rej
  })
  // The caller awaits it; an abort nobody awaits must not be reported as unhandled.
  promise.catch(() => {})

  function finish(): void {
    done = true
    if (timer !== undefined) clearTimeout(timer)
    resolve(responses)
  }

  return {
    responses,
    get isDone() {
      return done
    },
    promise,
    push(response) {
      if (done) return
      responses.push(response)
      const wholeRequestFailed =
        response.success === false && response.result === undefined
      if (wholeRequestFailed && responses.length === 1) return finish()
      if (responses.length < plan.count) return
      if (!plan.openEnded) return finish()
      if (timer !== undefined) clearTimeout(timer)
      timer = setTimeout(finish, quietWindow)
    },
    abort(error) {
      if (done) return
      done = true
      if (timer !== undefined) clearTimeout(timer)
      reject(error)
    },
  }
}

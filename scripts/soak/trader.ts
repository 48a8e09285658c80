import {
  AddOrderRequest,
  CancelOrderRequest,
  KrakenRejectedError,
  type KrakenWebSocketAPI,
  NotSentError,
  OutcomeUnknownError,
} from '@kraken-sockets/runtime'
import type { Random } from './prng.js'

/** Places and cancels resting orders, and watches every promise it got. */
export type Trader = {
  /** One trading step: place a resting buy, or cancel one of the open orders. */
  step(): void
  /** Resolves once nothing is in flight, or after `ms`. */
  settle(ms: number): Promise<void>
  /** Promises unsettled past their bound, or settled with an undocumented type. */
  problems(): string[]
  /** Forgets the undocumented rejections reported so far (after a verdict). */
  forget(): void
  readonly counts: { sent: number; acked: number; rejected: number }
}

const DOCUMENTED = [KrakenRejectedError, OutcomeUnknownError, NotSentError]

/**
 * A small trading bot for the storm: resting limit buys far below the
 * simulated market (about 65 000), so they never fill, and cancels.
 * `bound` is how long a request may stay unsettled (its timeout plus a grace).
 */
export function createTrader(
  kraken: KrakenWebSocketAPI,
  random: Random,
  bound: number,
): Trader {
  const inFlight = new Map<Promise<unknown>, number>()
  const odd: string[] = []
  const counts = { sent: 0, acked: 0, rejected: 0 }
  const track = (promise: Promise<unknown>, what: string) => {
    counts.sent++
    inFlight.set(promise, Date.now())
    promise.then(
      () => {
        counts.acked++
        inFlight.delete(promise)
      },
      (error: unknown) => {
        counts.rejected++
        inFlight.delete(promise)
        if (!DOCUMENTED.some((type) => error instanceof type))
          odd.push(
            `${what} rejected with ${(error as Error)?.name ?? typeof error}`,
          )
      },
    )
  }
  return {
    counts,
    step() {
      const open = [...kraken.orders.keys()]
      if (open.length < 6 || random() < 0.5) {
        const price = String(random.int(40_000, 50_000))
        track(
          kraken.request(
            AddOrderRequest({
              order_type: 'limit',
              side: 'buy',
              symbol: 'BTC/USD',
              order_qty: '0.01',
              limit_price: price,
            }),
          ),
          'add_order',
        )
      } else
        track(
          kraken.request(CancelOrderRequest({ order_id: [random.pick(open)] })),
          'cancel_order',
        )
    },
    async settle(ms) {
      const until = Date.now() + ms
      while (inFlight.size > 0 && Date.now() < until)
        await new Promise((r) => setTimeout(r, 100))
    },
    problems() {
      const now = Date.now()
      const late = [...inFlight.values()].filter(
        (at) => now - at > bound,
      ).length
      return [...(late > 0 ? [`unsettled requests ${late}`] : []), ...odd]
    },
    forget() {
      odd.length = 0
    },
  }
}

import {
  ExecutionSubscriptionRequest,
  InstrumentsSubscriptionRequest,
} from '@kraken-sockets/schema'
import type { Logger } from '../shared/logger.js'
import type { SubscriptionManager } from '../subscriptions/subscriptionManager.js'
import { NotSentError } from './errors.js'
import type { InstrumentStore } from './instrumentStore.js'
import type { ResolvedTradingOptions } from './tradingOptions.js'

/** What subscribing the trading feeds needs. */
export interface TradingFeedsConfig {
  readonly options: ResolvedTradingOptions
  readonly subscriptions: SubscriptionManager
  readonly logger: Logger
}

/**
 * Subscribes `instrument` and `executions` (with `snap_orders`, and
 * `ratecounter` when the rate counter is on) for the runtime's trading, and
 * resolves once both answered: `true` when both subscribed. A refusal (or a
 * subscribe that throws, e.g. a socket that cannot be created) is logged,
 * never thrown.
 */
export async function subscribeTradingFeeds(
  config: TradingFeedsConfig,
): Promise<boolean> {
  const { subscriptions, options, logger } = config
  const executions = ExecutionSubscriptionRequest({
    snap_orders: true,
    ...(options.rateCounter === false ? {} : { ratecounter: true }),
  })
  // Through a promise: a synchronous throw becomes a settled failure.
  const results = await Promise.allSettled(
    [InstrumentsSubscriptionRequest(), executions].map(async (request) =>
      subscriptions.subscribe(request, 'trading'),
    ),
  )
  let ok = true
  for (const result of results) {
    const failure =
      result.status === 'rejected'
        ? String(result.reason)
        : result.value.find((ack) => ack.success === false)?.error
    if (failure !== undefined) {
      ok = false
      logger.log('A trading feed could not subscribe.', 'warning', {
        error: failure,
      })
    }
  }
  return ok
}

/**
 * Resolves once the instrument snapshot is in (orders are rounded with it).
 * @throws {NotSentError} (`refused`) when none arrived within `timeout` ms.
 */
export async function waitForInstruments(
  instruments: InstrumentStore,
  feeds: Promise<unknown>,
  method: string,
  timeout: number,
): Promise<void> {
  if (instruments.isLoaded) return
  let timer: ReturnType<typeof setTimeout> | undefined
  const expired = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeout)
  })
  const outcome = await Promise.race([
    feeds.then(() => instruments.loaded),
    expired,
  ])
  clearTimeout(timer)
  if (outcome === 'timeout' && !instruments.isLoaded) {
    throw new NotSentError({
      method,
      code: 'refused',
      reason: `No instrument snapshot arrived within ${timeout} ms, so the order cannot be rounded (options.trading.round: false sends orders unrounded).`,
    })
  }
}

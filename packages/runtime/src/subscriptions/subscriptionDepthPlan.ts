import type { SubscriptionResponse } from '@kraken-sockets/schema'
import type { Logger } from '../shared/logger.js'
import {
  localAck,
  type SubscriptionAckValue,
  withSymbols,
} from './subscriptionAcks.js'
import type { DepthDecision } from './subscriptionDepths.js'
import type { SubscriptionParams } from './subscriptionRegistry.js'

/** What {@link subscribeByDepthPlan} subscribes with. */
export interface DepthPlanContext {
  /** Records and sends the intents of `params`: one ack wait per symbol. */
  readonly subscribeEach: (
    params: SubscriptionParams,
  ) => Promise<SubscriptionAckValue>[]
  readonly logger: Logger
}

/**
 * Carries out a `book` / `level3` subscribe, symbol by symbol as `plan`
 * decided: Kraken allows one book depth per symbol and socket, so a symbol
 * held at the same depth shares that subscription and one held at another
 * depth is refused locally. Resolves with one ack per symbol, in order.
 */
export function subscribeByDepthPlan(
  plan: readonly DepthDecision[],
  params: SubscriptionParams,
  { subscribeEach, logger }: DepthPlanContext,
): Promise<SubscriptionResponse[]> {
  // Kraken allows one book depth per symbol and socket: hold the
  // subscription of the same depth, refuse another depth locally.
  const waits = new Map<string, Promise<SubscriptionAckValue>>()
  const sent = plan.filter(({ kind }) => kind === 'send')
  if (sent.length > 0) {
    const symbols = sent.map(({ symbol }) => symbol)
    const each = subscribeEach(withSymbols(params, symbols))
    symbols.forEach((symbol, index) => {
      const wait = each[index]
      if (wait !== undefined) waits.set(symbol, wait)
    })
  }
  for (const decision of plan) {
    const { symbol } = decision
    if (decision.kind === 'share') {
      const shared = { ...decision.params, channel: params.channel }
      const [wait] = subscribeEach(
        withSymbols(shared as SubscriptionParams, [symbol]),
      )
      if (wait !== undefined) waits.set(symbol, wait)
    } else if (decision.kind === 'refuse') {
      logger.log('Subscription refused locally.', 'warning', {
        channel: params.channel,
        symbol,
        error: decision.reason,
      })
      waits.set(
        symbol,
        Promise.resolve(
          localAck('subscribe', params.channel, symbol, decision.reason),
        ),
      )
    }
  }
  return Promise.all(
    plan.map(
      ({ symbol }) =>
        waits.get(symbol) ??
        Promise.resolve(localAck('subscribe', params.channel, symbol)),
    ),
  ) as Promise<SubscriptionResponse[]>
}

import type { TransportEndpoint } from '@kraken-sockets/transport'
import type { Connection } from '../connections/connection.js'
import type { ReconnectGap } from '../shared/gap.js'
import type { AckWaiters } from './ackWaiters.js'
import {
  channelEndpoint,
  describeError as describe,
  intentId,
  localAck,
} from './subscriptionAcks.js'
import type {
  SubscriptionIntent,
  SubscriptionRegistry,
} from './subscriptionRegistry.js'

/** The intents of `endpoint` whose state `wanted` accepts. */
export function intentsOn(
  registry: SubscriptionRegistry,
  endpoint: TransportEndpoint,
  wanted: (state: SubscriptionIntent['state']) => boolean,
): SubscriptionIntent[] {
  return registry
    .list()
    .filter(
      (intent) =>
        wanted(intent.state) && channelEndpoint(intent.channel) === endpoint,
    )
}

/** What a reconnect of `endpoint` may have cost: its intents, if any. */
export function reconnectGapOf(
  registry: SubscriptionRegistry,
  endpoint: TransportEndpoint,
): ReconnectGap | undefined {
  const subscriptions = intentsOn(
    registry,
    endpoint,
    (state) => state !== 'rejected',
  ).map(({ channel, symbol }) => ({ channel, symbol }))
  if (subscriptions.length === 0) return undefined
  const symbols = new Set<string>()
  for (const { symbol } of subscriptions) {
    if (symbol !== undefined) symbols.add(symbol)
  }
  return {
    source: 'reconnect',
    endpoint,
    subscriptions,
    channels: [...new Set(subscriptions.map(({ channel }) => channel))],
    symbols: [...symbols],
  }
}

/** The socket could not connect: its pending subscribes fail with the reason. */
export function failPendingSubscribes(
  registry: SubscriptionRegistry,
  acks: AckWaiters,
  connection: Connection,
  error: unknown,
): void {
  const reason = `The ${connection.endpoint} socket could not connect: ${describe(error)}`
  for (const intent of intentsOn(
    registry,
    connection.endpoint,
    (state) => state === 'pending',
  )) {
    const id = intentId(intent.channel, intent.symbol, intent.params)
    acks.notify(
      'subscribe',
      id,
      localAck('subscribe', intent.channel, intent.symbol, reason),
    )
  }
}

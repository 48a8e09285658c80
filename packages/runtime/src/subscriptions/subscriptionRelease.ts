import { identityParams, matchesGiven } from './paramsKey.js'
import { intentId, type SubscriptionAckValue } from './subscriptionAcks.js'
import { depthOf, type HeldBookSubscription } from './subscriptionDepths.js'
import type { IntentOwner, IntentOwners } from './subscriptionOwners.js'
import type {
  SubscriptionParams,
  SubscriptionRegistry,
} from './subscriptionRegistry.js'

/** The intent bookkeeping an unsubscribe changes. */
export interface IntentBooks {
  readonly registry: SubscriptionRegistry
  readonly owners: IntentOwners
  /** The last ack of each live intent, by intent id. */
  readonly lastAcks: Map<string, SubscriptionAckValue>
}

/**
 * Drops `owner`'s hold on the intents of `params` (per symbol of
 * `symbols`); an intent no other owner holds is forgotten. Returns the
 * symbols another owner keeps: those stay subscribed at Kraken.
 */
export function releaseIntents(
  { registry, owners, lastAcks }: IntentBooks,
  params: SubscriptionParams,
  symbols: readonly (string | undefined)[],
  owner: IntentOwner,
): Set<string | undefined> {
  const wanted = identityParams(params)
  const kept = new Set<string | undefined>()
  for (const intent of registry.list()) {
    if (intent.channel !== params.channel) continue
    if (!symbols.includes(intent.symbol)) continue
    if (!matchesGiven(intent.params, wanted)) continue
    const id = intentId(intent.channel, intent.symbol, intent.params)
    if (owners.release(id, owner)) {
      kept.add(intent.symbol)
      continue
    }
    lastAcks.delete(id)
    registry.remove({
      ...intent.params,
      channel: intent.channel,
      symbol: intent.symbol === undefined ? undefined : [intent.symbol],
    })
  }
  return kept
}

/**
 * The subscription (not refused) of a `book` or `level3` symbol, with its
 * depth and owners: Kraken holds one depth per symbol and socket.
 */
export function heldBookOf(
  registry: SubscriptionRegistry,
  owners: IntentOwners,
  channel: string,
  symbol: string,
): HeldBookSubscription | undefined {
  for (const intent of registry.list()) {
    if (intent.channel !== channel || intent.symbol !== symbol) continue
    if (intent.state === 'rejected') continue
    return {
      params: intent.params,
      depth: depthOf(intent.params),
      state: intent.state,
      owners: owners.of(intentId(channel, symbol, intent.params)),
    }
  }
  return undefined
}

import { paramsKey } from './paramsKey.js'
import type { IntentOwner } from './subscriptionOwners.js'
import type { IntentState, SubscriptionParams } from './subscriptionRegistry.js'

/** Kraken's depth when a `book` or `level3` subscription names none. */
export const DEFAULT_BOOK_DEPTH = 10

/** The subscription a socket holds (or is asked for) on one book symbol. */
export interface HeldBookSubscription {
  /** Its identity params, e.g. `{ depth: 25 }`. */
  readonly params: Readonly<Record<string, unknown>>
  /** Its depth, Kraken's default when `params` names none. */
  readonly depth: number
  readonly state: IntentState
  /** Who holds it: the user, the runtime's books, or both. */
  readonly owners: readonly IntentOwner[]
}

/** What to do with one symbol of a `book` or `level3` subscribe. */
export type DepthDecision =
  | { readonly symbol: string; readonly kind: 'send' }
  /** The same depth is held under other params: hold that subscription. */
  | {
      readonly symbol: string
      readonly kind: 'share'
      readonly params: Readonly<Record<string, unknown>>
    }
  /** Another depth is held: Kraken would answer `Already subscribed`. */
  | {
      readonly symbol: string
      readonly kind: 'refuse'
      readonly reason: string
    }

/** Whether Kraken allows one depth per symbol and socket on `channel`. */
export function isBookChannel(channel: string): channel is 'book' | 'level3' {
  return channel === 'book' || channel === 'level3'
}

/** The depth of book subscription params (Kraken's default when absent). */
export function depthOf(params: Readonly<Record<string, unknown>>): number {
  return typeof params.depth === 'number' ? params.depth : DEFAULT_BOOK_DEPTH
}

/**
 * Decides, symbol by symbol, how a `book` or `level3` subscribe meets the
 * subscriptions already held: `undefined` when every symbol is sent as
 * usual (another channel, or nothing held under other params).
 */
export function planBookDepths(
  params: SubscriptionParams,
  held: (channel: string, symbol: string) => HeldBookSubscription | undefined,
): DepthDecision[] | undefined {
  const { channel } = params
  if (!isBookChannel(channel) || params.symbol === undefined) return undefined
  const key = paramsKey(params)
  const depth = depthOf(params)
  let usual = true
  const decisions = [...new Set(params.symbol)].map((symbol): DepthDecision => {
    const current = held(channel, symbol)
    if (current === undefined || paramsKey(current.params) === key) {
      return { symbol, kind: 'send' }
    }
    usual = false
    if (current.depth === depth) {
      return { symbol, kind: 'share', params: current.params }
    }
    return {
      symbol,
      kind: 'refuse',
      reason: refusal(channel, symbol, depth, current),
    }
  })
  return usual ? undefined : decisions
}

function refusal(
  channel: string,
  symbol: string,
  depth: number,
  current: HeldBookSubscription,
): string {
  const byBook = current.owners.includes('book')
  const holder = byBook
    ? 'by kraken.book() (a runtime book)'
    : 'by an earlier subscribe()'
  const undo = byBook
    ? 'release every hold on that book first'
    : 'unsubscribe it first'
  return (
    `Not sent: ${symbol} is already subscribed on ${channel} at depth ${current.depth} ${holder}, ` +
    `and Kraken allows one depth per symbol and socket. Subscribe at depth ${current.depth} to share it, or ${undo} (asked: depth ${depth}).`
  )
}

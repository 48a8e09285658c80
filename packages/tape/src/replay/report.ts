import type { TransportEndpoint } from '@kraken-sockets/transport'

/** A subscription a bot asked for that the tape does not hold. */
export type MissingSubscription = {
  /** The socket the subscription was asked on. */
  readonly endpoint: TransportEndpoint
  /** Kraken's channel name. */
  readonly channel: string
  /** The symbol, for per-symbol channels. */
  readonly symbol: string | undefined
}

/** What a replay did, for the bot's author and for tests. */
export type ReplayReport = {
  /** Received frames handed to the client. */
  frames: number
  /** Frames of subscriptions the client did not hold (not handed over). */
  skipped: number
  /** Subscriptions answered from the tape (`channel symbol`). */
  subscribed: string[]
  /** Subscriptions refused because the tape does not hold them. */
  missing: MissingSubscription[]
  /** Methods refused because a tape cannot answer them (trading). */
  refused: string[]
  /** Reconnects replayed from the tape's connection boundaries. */
  reconnects: number
}

/** An empty report. */
export function emptyReport(): ReplayReport {
  return {
    frames: 0,
    skipped: 0,
    subscribed: [],
    missing: [],
    refused: [],
    reconnects: 0,
  }
}

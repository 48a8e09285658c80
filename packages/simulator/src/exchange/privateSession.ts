import type { Exchange, TradingRequestFrame } from './exchangeTypes.js'
import { TRADING_METHODS } from './exchangeTypes.js'
import { createPrivateFeed, type PrivateFeed } from './privateFeed.js'
import { rfc3339 } from './time.js'

/** What the session needs of the token store (`createTokenStore()` fits). */
export type SessionTokens = {
  validate(token: string): boolean
  ownerOf(token: string): string | undefined
  retain(token: string): () => void
}

/** Options of {@link createPrivateSession}. */
export type PrivateSessionConfig = {
  readonly exchange: Exchange
  readonly tokens: SessionTokens
  /** Sends one frame (a plain object) on the connection. */
  readonly send: (frame: Readonly<Record<string, unknown>>) => void
  /**
   * Maps a token's API key to its exchange account.
   * @default the API key itself
   */
  readonly accountOf?: (apiKey: string) => string
  /**
   * The clock (ms since the epoch), for `time_out`.
   * @default Date.now
   */
  readonly now?: () => number
}

/** The private requests of one `ws-auth` connection. */
export type PrivateSession = {
  /**
   * Handles `frame` if it is a trading method or an executions/balances
   * (un)subscribe, sending every response and snapshot; returns `false`
   * for anything else (ping, public channels, level3), which the server
   * answers itself.
   */
  handle(frame: TradingRequestFrame, timeIn?: number): boolean
  /** Stops the channels and releases the tokens they hold. */
  close(): void
}

const PRIVATE_CHANNELS = new Set(['executions', 'balances'])

const SUBSCRIBE_FLAGS = [
  'snap_orders',
  'snap_trades',
  'snapshot_trades',
  'order_status',
  'ratecounter',
  'snapshot',
] as const

/** The boolean subscribe flags of `params`; anything else is ignored. */
function flags(
  params: Readonly<Record<string, unknown>>,
): Partial<Record<(typeof SUBSCRIBE_FLAGS)[number], boolean>> {
  const out: Partial<Record<(typeof SUBSCRIBE_FLAGS)[number], boolean>> = {}
  for (const key of SUBSCRIBE_FLAGS) {
    const value = params[key]
    if (typeof value === 'boolean') out[key] = value
  }
  return out
}
const TRADING = new Set<string>(TRADING_METHODS)

/**
 * Creates the private side of one connection: checks `params.token`,
 * routes trading methods to the exchange, and runs the executions and
 * balances subscriptions (ack first, then the snapshot, then updates),
 * keeping each subscription's token alive while it lasts.
 *
 * A bad token on subscribe gets the live `ESession:Invalid session` shape
 * (with `channel` and `status`); on a trading method, the live
 * `Token(s) not found`.
 *
 * @example
 * ```ts
 * const session = createPrivateSession({ exchange, tokens, send: (f) => ws.send(JSON.stringify(f)) })
 * ws.on('message', (text) => { if (!session.handle(JSON.parse(String(text)))) handlePublic(text) })
 * ws.on('close', () => session.close())
 * ```
 */
export function createPrivateSession(
  config: PrivateSessionConfig,
): PrivateSession {
  const now = config.now ?? (() => Date.now())
  const accountOf = config.accountOf ?? ((apiKey: string) => apiKey)
  const feeds = new Map<string, PrivateFeed>()
  const holds = new Map<string, () => void>()

  const envelope = (frame: TradingRequestFrame, timeIn: number) => ({
    method: frame.method,
    ...(frame.req_id === undefined ? {} : { req_id: frame.req_id }),
    time_in: rfc3339(timeIn),
    time_out: rfc3339(now()),
  })

  function fail(
    frame: TradingRequestFrame,
    timeIn: number,
    error: string,
    extra: Record<string, unknown> = {},
  ): void {
    const { method, time_in, time_out, ...req } = envelope(frame, timeIn)
    config.send({
      ...('channel' in extra ? { channel: extra.channel } : {}),
      error,
      method,
      ...req,
      ...('status' in extra ? { status: extra.status } : {}),
      success: false,
      time_in,
      time_out,
    })
  }

  function account(token: unknown): string | undefined {
    if (typeof token !== 'string' || !config.tokens.validate(token))
      return undefined
    const owner = config.tokens.ownerOf(token)
    return owner === undefined ? undefined : accountOf(owner)
  }

  function feedFor(accountId: string): PrivateFeed {
    let feed = feeds.get(accountId)
    if (feed === undefined) {
      feed = createPrivateFeed({
        exchange: config.exchange,
        accountId,
        send: config.send,
      })
      feeds.set(accountId, feed)
    }
    return feed
  }

  function subscription(
    frame: TradingRequestFrame,
    timeIn: number,
    channel: 'executions' | 'balances',
  ): void {
    const params = frame.params ?? {}
    const accountId = account(params.token)
    if (accountId === undefined) {
      fail(frame, timeIn, 'ESession:Invalid session', {
        channel,
        status: 'error',
      })
      return
    }
    const feed = feedFor(accountId)
    const { method, time_in, time_out, ...req } = envelope(frame, timeIn)
    if (frame.method === 'unsubscribe') {
      if (!feed.unsubscribe(channel)) {
        fail(frame, timeIn, 'Subscription Not Found')
        return
      }
      holds.get(channel)?.()
      holds.delete(channel)
      config.send({
        method,
        ...req,
        result: { channel },
        success: true,
        time_in,
        time_out,
      })
      return
    }
    if (holds.has(channel)) {
      fail(frame, timeIn, 'Already subscribed')
      return
    }
    holds.set(channel, config.tokens.retain(params.token as string))
    const outcome =
      channel === 'executions'
        ? feed.subscribeExecutions(flags(params))
        : feed.subscribeBalances(flags(params))
    config.send({
      method,
      ...req,
      result: outcome.result,
      success: true,
      time_in,
      time_out,
    })
    if (outcome.snapshot !== undefined) config.send(outcome.snapshot)
  }

  return {
    handle(frame, timeIn = now()) {
      const channel = frame.params?.channel
      if (
        (frame.method === 'subscribe' || frame.method === 'unsubscribe') &&
        typeof channel === 'string' &&
        PRIVATE_CHANNELS.has(channel)
      ) {
        subscription(frame, timeIn, channel as 'executions' | 'balances')
        return true
      }
      if (!TRADING.has(frame.method)) return false
      const accountId = account(frame.params?.token)
      if (accountId === undefined) {
        fail(frame, timeIn, 'Token(s) not found')
        return true
      }
      for (const response of config.exchange.request(accountId, frame, {
        timeIn,
      }))
        config.send(response)
      return true
    },
    close() {
      for (const feed of feeds.values()) feed.close()
      feeds.clear()
      for (const release of holds.values()) release()
      holds.clear()
    },
  }
}

import { createPrivateSession } from '../exchange/privateSession.js'
import { takeSequenceGap } from '../faults/types.js'
import type {
  ConnectionHandlerFactory,
  SessionHandle,
} from '../session/types.js'
import type { TokenAuth } from './tokenAuth.js'
import type { TradingEngine } from './tradingEngine.js'

const CHANNELS = new Set(['executions', 'balances'])

/** Options of {@link privateConnectionHandler}. */
export type PrivateConnectionOptions = {
  readonly engine: TradingEngine
  readonly auth: TokenAuth
  readonly now: () => number
  /** Trading methods a plugin replaces (left to the method registry). */
  readonly overriddenMethods: ReadonlySet<string>
  /** Channels a plugin replaces (left to the channel registry). */
  readonly overriddenChannels: ReadonlySet<string>
}

/**
 * Tracks a private channel in the connection's subscriptions, so that it
 * gets heartbeats and shows in `connections()` like any other.
 */
function mirrorSubscription(
  session: SessionHandle,
  frame: Readonly<Record<string, unknown>>,
): void {
  if (frame.success !== true) return
  const result = frame.result as Readonly<Record<string, unknown>> | undefined
  const channel = result?.channel
  if (typeof channel !== 'string' || !CHANNELS.has(channel)) return
  const key = channel
  if (frame.method === 'subscribe')
    session.addSubscription({
      key,
      topic: `${channel}:${session.id}`,
      channel,
      symbol: undefined,
      unsubscribeResult: { channel },
    })
  else if (frame.method === 'unsubscribe') session.removeSubscription(key)
}

/**
 * The connection handler of the private endpoint: routes the eight
 * trading methods to the exchange and serves `executions` and `balances`
 * for the account of the request's token.
 */
export function privateConnectionHandler(
  options: PrivateConnectionOptions,
): ConnectionHandlerFactory {
  const { engine, auth, now } = options
  return (session) => {
    if (!session.serves.has('private')) return undefined
    // Numbers skipped so far by the skipSequence fault: later frames keep the gap.
    let skipped = 0
    const privateSession = createPrivateSession({
      exchange: engine.exchange,
      tokens: auth.sessionTokens(session),
      accountOf: (account) => engine.fund(account),
      now,
      send: (frame) => {
        const sequence = frame.sequence
        if (typeof sequence === 'number')
          skipped += takeSequenceGap(session.faults)
        session.send(
          JSON.stringify(
            typeof sequence === 'number' && skipped > 0
              ? { ...frame, sequence: sequence + skipped }
              : frame,
          ),
        )
        mirrorSubscription(session, frame)
      },
    })
    return {
      handle(frame, timeIn) {
        const channel = frame.params?.channel
        if (frame.method === 'subscribe' || frame.method === 'unsubscribe') {
          if (
            typeof channel !== 'string' ||
            options.overriddenChannels.has(channel)
          )
            return false
        } else if (options.overriddenMethods.has(frame.method)) return false
        return privateSession.handle(frame, timeIn)
      },
      close: () => privateSession.close(),
    }
  }
}

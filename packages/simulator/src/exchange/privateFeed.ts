import type { Exchange } from './exchangeTypes.js'
import type { ExchangeEvent, ExecutionReport } from './types.js'

/** A private channel frame (`executions` or `balances`), ready to stringify. */
export type PrivateChannelFrame = {
  readonly channel: 'executions' | 'balances'
  readonly type: 'snapshot' | 'update'
  readonly data: readonly unknown[]
  readonly sequence: number
}

/** `executions` subscribe params the feed reads (Kraken's names). */
export type ExecutionsSubscription = {
  /** @default true */
  readonly snap_orders?: boolean
  /** @default false */
  readonly snap_trades?: boolean
  /** Deprecated alias of `snap_trades`. */
  readonly snapshot_trades?: boolean
  /** @default true */
  readonly order_status?: boolean
  /** @default false */
  readonly ratecounter?: boolean
}

/** What a subscribe call yields: the ack's `result`, then the snapshot to send after the ack. */
export type PrivateSubscribeOutcome = {
  readonly result: Readonly<Record<string, unknown>>
  readonly snapshot?: PrivateChannelFrame
}

/** One connection's private channels for one account. */
export type PrivateFeed = {
  subscribeExecutions(params?: ExecutionsSubscription): PrivateSubscribeOutcome
  subscribeBalances(params?: {
    readonly snapshot?: boolean
  }): PrivateSubscribeOutcome
  /** Stops a channel; `false` when it was not subscribed. */
  unsubscribe(channel: 'executions' | 'balances'): boolean
  /** Stops both channels. */
  close(): void
}

/** Exec types still sent with `order_status: false`: the final states, `new`, and fills. */
const TERSE_EXEC_TYPES: ReadonlySet<ExecutionReport['exec_type']> = new Set([
  'new',
  'trade',
  'filled',
  'canceled',
  'expired',
])

/**
 * Creates the private channels of one connection. `sequence` is one
 * counter per connection, shared by its executions and balances frames,
 * starting at 1 with the first frame and rising by one per frame; this is
 * our reading of Kraken's samples (balances snapshot 1, then 2, then a
 * jump to 9 while other private frames were sent).
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/executions
 * @example
 * ```ts
 * const feed = createPrivateFeed({ exchange, accountId: 'alice', send: (frame) => ws.send(JSON.stringify(frame)) })
 * const { result, snapshot } = feed.subscribeExecutions({ snap_trades: true })
 * ```
 */
export function createPrivateFeed(options: {
  readonly exchange: Exchange
  readonly accountId: string
  readonly send: (frame: PrivateChannelFrame) => void
}): PrivateFeed {
  const { exchange, accountId, send } = options
  let sequence = 0
  let executions: ExecutionsSubscription | undefined
  let balances = false

  const frame = (
    channel: PrivateChannelFrame['channel'],
    type: PrivateChannelFrame['type'],
    data: readonly unknown[],
  ): PrivateChannelFrame => ({ channel, type, data, sequence: ++sequence })

  const withCounter = (report: ExecutionReport, symbol: string) => {
    const count = exchange.rateCount(accountId, symbol)
    return executions?.ratecounter === true && count !== undefined
      ? { ...report, ratecounter: Math.round(count) }
      : report
  }

  const onEvent = (event: ExchangeEvent) => {
    if (event.accountId !== accountId) return
    if (event.channel === 'balances') {
      if (balances) send(frame('balances', 'update', [event.entry]))
      return
    }
    if (executions === undefined) return
    if (
      executions.order_status === false &&
      !TERSE_EXEC_TYPES.has(event.report.exec_type)
    )
      return
    send(
      frame('executions', 'update', [withCounter(event.report, event.symbol)]),
    )
  }
  let unsubscribe: (() => void) | undefined

  const listen = () => {
    unsubscribe ??= exchange.subscribe(onEvent)
  }
  const stopIfIdle = () => {
    if (executions === undefined && !balances) {
      unsubscribe?.()
      unsubscribe = undefined
    }
  }

  return {
    subscribeExecutions(params = {}) {
      executions = params
      listen()
      const snapOrders = params.snap_orders ?? true
      const snapTrades = params.snap_trades ?? params.snapshot_trades ?? false
      const max = exchange.maxRateCount(accountId)
      const result = {
        channel: 'executions',
        ...(max === undefined ? {} : { maxratecount: max }),
        snap_orders: snapOrders,
        snap_trades: snapTrades,
      }
      if (!snapOrders && !snapTrades) return { result }
      const data = exchange.executionsSnapshot(accountId, {
        snapOrders,
        snapTrades,
      })
      return { result, snapshot: frame('executions', 'snapshot', data) }
    },
    subscribeBalances(params = {}) {
      balances = true
      listen()
      const snapshot = params.snapshot ?? true
      const result = { channel: 'balances', snapshot }
      if (!snapshot) return { result }
      return {
        result,
        snapshot: frame(
          'balances',
          'snapshot',
          exchange.balancesSnapshot(accountId),
        ),
      }
    },
    unsubscribe(channel) {
      const was = channel === 'executions' ? executions !== undefined : balances
      if (channel === 'executions') executions = undefined
      else balances = false
      stopIfIdle()
      return was
    },
    close() {
      executions = undefined
      balances = false
      stopIfIdle()
    },
  }
}

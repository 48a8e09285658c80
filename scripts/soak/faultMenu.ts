import type { Fault, Simulator } from '@kraken-sockets/simulator'
import type { Random } from './prng.js'

/** One storm step: what to inject, how long it lasts, and how to lift it. */
export type StormFault = {
  /** A short description for the log. */
  readonly label: string
  readonly type: Fault['type']
  /** Faults injected now. */
  readonly inject: readonly Fault[]
  /** How long (ms) the fault stays before it is lifted. */
  readonly lasts: number
  /** Faults that lift it (switches off, counts back to 0). */
  readonly lift: readonly Fault[]
}

/** What the storm knows to aim faults: the client's connections, by endpoint. */
export type Targets = ReadonlyArray<{
  readonly id: string
  readonly endpoint: string
}>

const SYMBOLS = ['BTC/USD', 'ETH/USD'] as const

/**
 * Draws the next fault: its kind, its target (one of the client's
 * connections or every connection) and its parameters, all from `random`.
 * `requestTimeout` and `staleAfter` set the scale of delays and silences,
 * so that some stay under the client's limits and some go past them.
 */
export function drawFault(
  random: Random,
  targets: Targets,
  limits: {
    readonly requestTimeout: number
    readonly staleAfter: number
    /** The client's silence window for books. */
    readonly bookSilence: number
  },
): StormFault {
  const target =
    targets.length > 0 && random() < 0.5 ? random.pick(targets) : undefined
  const on = target === undefined ? {} : { connection: target.id }
  const where = target === undefined ? 'all' : target.endpoint
  const lasts = random.int(200, 3_000)
  const kind = random.pick([
    'drop',
    'close',
    'silence',
    'garbage',
    'truncate',
    'corruptChecksum',
    'delayAcks',
    'dropAnswers',
    'rateLimit',
    'refuseConnections',
    'skipSequence',
    'status',
    'muteChannel',
  ] as const)
  switch (kind) {
    case 'drop':
    case 'garbage':
    case 'truncate':
      return {
        label: `${kind}@${where}`,
        type: kind,
        inject: [{ type: kind, ...on }],
        lasts,
        lift: [],
      }
    case 'close':
      return {
        label: `close 1001@${where}`,
        type: kind,
        inject: [{ type: 'close', code: 1001, ...on }],
        lasts,
        lift: [],
      }
    case 'silence': {
      const ms = random.int(500, 2 * limits.staleAfter)
      return {
        label: `silence ${ms} ms@${where}`,
        type: kind,
        inject: [{ type: 'silence', ...on }],
        lasts: ms,
        lift: [{ type: 'silence', enabled: false, ...on }],
      }
    }
    case 'corruptChecksum': {
      const count = random.int(1, 3)
      const symbol = random.pick(SYMBOLS)
      return {
        label: `corruptChecksum ${count} ${symbol}@${where}`,
        type: kind,
        inject: [{ type: kind, count, symbol, ...on }],
        lasts,
        lift: [{ type: kind, count: 0, ...on }],
      }
    }
    case 'delayAcks': {
      const ms = random.int(200, 2 * limits.requestTimeout)
      const hold = random.pick(['both', 'answer'] as const)
      const method = random.pick([
        undefined,
        'subscribe',
        'unsubscribe',
        'add_order',
        'cancel_order',
      ])
      const only = method === undefined ? {} : { method }
      return {
        label: `delayAcks ${ms} ms hold ${hold}${method === undefined ? '' : ` ${method}`}@${where}`,
        type: kind,
        inject: [{ type: kind, ms, hold, ...only, ...on }],
        lasts: random.int(ms, ms + 3_000),
        lift: [{ type: kind, ms: 0, ...on }],
      }
    }
    case 'dropAnswers': {
      const count = random.int(1, 2)
      const method = random.pick([
        'subscribe',
        'unsubscribe',
        'add_order',
        'cancel_order',
      ])
      return {
        label: `dropAnswers ${count} ${method}@${where}`,
        type: kind,
        inject: [{ type: kind, count, method, ...on }],
        lasts: random.int(1_000, 5_000),
        lift: [{ type: kind, count: 0, ...on }],
      }
    }
    case 'rateLimit': {
      const count = random.int(1, 3)
      return {
        label: `rateLimit ${count}@${where} + drop`,
        type: kind,
        // A refusal needs a subscribe to refuse: the drop makes the client replay.
        inject: [
          { type: kind, count, ...on },
          { type: 'drop', ...on },
        ],
        lasts: random.int(1_000, 5_000),
        lift: [{ type: kind, count: 0, ...on }],
      }
    }
    case 'refuseConnections': {
      const count = random.int(1, 4)
      return {
        label: `refuseConnections ${count} + drop@${where}`,
        type: kind,
        inject: [
          { type: kind, count, status: random.pick([429, 503]) },
          { type: 'drop', ...on },
        ],
        lasts,
        lift: [{ type: kind, count: 0 }],
      }
    }
    case 'skipSequence':
      return {
        label: `skipSequence@${where}`,
        type: kind,
        inject: [{ type: kind, count: random.int(1, 3), ...on }],
        lasts,
        lift: [{ type: kind, count: 0, ...on }],
      }
    case 'muteChannel': {
      const symbol = random.pick(SYMBOLS)
      return {
        label: `muteChannel book ${symbol}@${where}`,
        type: kind,
        // One book stops while its socket, heartbeats and other streams go
        // on; only the client's per-subscription liveness can see it.
        inject: [{ type: kind, channel: 'book', symbol, ...on }],
        lasts: random.int(limits.bookSilence + 1_000, 2 * limits.bookSilence),
        lift: [{ type: kind, channel: 'book', symbol, enabled: false, ...on }],
      }
    }
    case 'status':
      return {
        label: 'status maintenance, then online',
        type: kind,
        inject: [{ type: 'status', system: 'maintenance' }],
        lasts,
        lift: [{ type: 'status', system: 'online' }],
      }
  }
}

/** Injects each fault of a list. */
export function injectAll(
  simulator: Simulator,
  faults: readonly Fault[],
): void {
  for (const fault of faults) simulator.inject(fault)
}

import type {
  TransportContext,
  TransportEndpoint,
  TransportFactory,
} from '@kraken-sockets/transport'
import { TapeError } from '../errors.js'
import type { TapeEvent } from '../format/events.js'
import { readTapeBatches } from '../read/tapeReader.js'
import { scanCatalog, type TapeCatalog } from './catalog.js'
import {
  createReplayConnection,
  type ReplayConnection,
  type ReplaySpeed,
} from './replayConnection.js'
import { emptyReport, type ReplayReport } from './report.js'

/** A tape folder or tardis.dev file, or events already in memory. */
export type ReplaySource = string | readonly TapeEvent[]

/** Options of {@link replayTransport}. */
export type ReplayTransportOptions = {
  /**
   * `1` plays at the recorded pace (monotonic offsets), `10` ten times
   * faster, `'max'` as fast as the client takes frames.
   * @default 'max'
   */
  speed?: ReplaySpeed | undefined
}

/** A runtime `transport` option value that plays a tape, with its report. */
export type ReplayTransport = ((
  endpoint: TransportEndpoint,
) => TransportFactory) & {
  /**
   * Resolves once every socket opened so far has played its part of the
   * tape (waits for the first socket); rejects if the tape cannot be read.
   */
  done(): Promise<ReplayReport>
  /** What the replay did so far. */
  report(): ReplayReport
}

/**
 * Plays a tape to a client as if Kraken sent it: the value of
 * `KrakenWebSocketAPI`'s `transport` option. Each socket the client opens
 * gets the tape's frames for its endpoint, in the tape's order, filtered to
 * the subscriptions the client holds; the client's subscribe requests are
 * acked where the tape acked them (so the same tape gives the same handler
 * calls in the same order). A subscription the tape does not hold is refused
 * with an `EReplay:` error ack and listed in the report; trading requests
 * are refused too. A tape connection that closed and reopened replays as a
 * reconnect. After the tape's end the sockets stay open and quiet.
 *
 * @throws {TapeError} when `speed` is not positive.
 * @example
 * ```ts
 * import { KrakenWebSocketAPI, BookSubscriptionRequest } from '@kraken-sockets/runtime'
 * import { replayTransport } from '@kraken-sockets/tape'
 *
 * const replay = replayTransport('session.tape', { speed: 'max' })
 * const kraken = new KrakenWebSocketAPI({ transport: replay })
 * const running = kraken.run([BookSubscriptionRequest(['BTC/USD'])])
 * console.log(await replay.done())
 * await kraken.stop()
 * await running
 * ```
 */
export function replayTransport(
  tape: ReplaySource,
  options: ReplayTransportOptions = {},
): ReplayTransport {
  const speed = options.speed ?? 'max'
  if (speed !== 'max' && !(typeof speed === 'number' && speed > 0))
    throw new TapeError(
      `Replay speed must be a positive number or 'max', not ${String(speed)}.`,
    )
  const batches = (): AsyncIterable<readonly TapeEvent[]> =>
    typeof tape === 'string' ? readTapeBatches(tape) : inBatches(tape)
  let catalog: Promise<TapeCatalog> | undefined
  const report = emptyReport()
  const shared = {
    batches,
    catalog: () => {
      catalog ??= scanCatalog(batches())
      return catalog
    },
    speed,
    report,
  }
  const connections: ReplayConnection[] = []
  let firstOpened: () => void = () => {}
  const opened = new Promise<void>((resolve) => {
    firstOpened = resolve
  })

  const factory =
    (endpoint: TransportEndpoint): TransportFactory =>
    (context: TransportContext = {}) => {
      const connection = createReplayConnection(
        shared,
        context.endpoint ?? endpoint,
        context.url ?? `replay:${endpoint}`,
      )
      connections.push(connection)
      firstOpened()
      return connection
    }

  return Object.assign(factory, {
    async done() {
      await opened
      let settled = 0
      while (settled < connections.length) {
        const current = connections.length
        await Promise.all(connections.map((c) => c.finished))
        settled = current
      }
      return structuredClone(report)
    },
    report: () => structuredClone(report),
  })
}

async function* inBatches(
  events: readonly TapeEvent[],
): AsyncGenerator<readonly TapeEvent[]> {
  for (let at = 0; at < events.length; at += 1024)
    yield events.slice(at, at + 1024)
}

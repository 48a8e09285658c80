/**
 * The two clients of the end-to-end bench, each connected to a replaying
 * simulator until it has seen a given number of data frames:
 *
 * - the bare client: a `ws` socket whose listener only `JSON.parse`s;
 * - the runtime: a `KrakenWebSocketAPI` with one sync trigger per frame
 *   type of the `mixed` corpus.
 *
 * `onData(value, index)` is the handler: called at its entry with the
 * decoded value and the data frame's index (status and acks excluded).
 */
import {
  BookUpdateResponse,
  HeartbeatResponse,
  KrakenWebSocketAPI,
  OHLCSnapshotResponse,
  OHLCUpdateResponse,
  TickerSnapshotResponse,
  TickerSubscriptionRequest,
  TickerUpdateResponse,
  TradesSnapshotResponse,
  TradesUpdateResponse,
} from '@kraken-sockets/runtime'
import { WebSocket } from 'ws'

/** A handler: the decoded value and the index of the data frame. */
export type OnData = (value: unknown, index: number) => void

/** A client run: where, how many data frames, and whether to stamp. */
export type ClientRun = {
  readonly url: string
  /** Data frames to wait for (the replay's length). */
  readonly expected: number
  readonly onData: OnData
  /**
   * Stamp `messageClock.at` at each message event (latency runs only: the
   * CPU runs leave the sockets as they are).
   */
  readonly stamp: boolean
}

/** When the current message event began, in `performance.now()` ms. */
export const messageClock = { at: 0 }

const stampMessage = () => {
  messageClock.at = performance.now()
}

/**
 * `ws`'s `WebSocket` with one extra `message` listener added in the
 * constructor: the transport assigns `onmessage` afterwards, and `ws` calls
 * listeners in the order they were added, so the stamp is taken first, in
 * the same message event, and the runtime's own code runs unchanged.
 */
class StampedWebSocket extends WebSocket {
  constructor(url: string) {
    super(url)
    this.on('message', stampMessage)
  }
}

const SUBSCRIBE =
  '{"method":"subscribe","params":{"channel":"ticker","symbol":["BTC/USD"]},"req_id":1}'
const TIMEOUT_MS = 30_000

/** Rejects if `run` has not resolved within {@link TIMEOUT_MS}. */
function withTimeout(
  label: string,
  seen: () => number,
  run: (resolve: () => void, reject: (error: Error) => void) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`${label}: ${seen()} data frames after ${TIMEOUT_MS} ms`),
        ),
      TIMEOUT_MS,
    )
    run(
      () => {
        clearTimeout(timer)
        resolve()
      },
      (error) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}

/** A `ws` client that only `JSON.parse`s; status and acks are not data. */
export async function runBare(run: ClientRun): Promise<void> {
  const { url, expected, onData, stamp } = run
  const socket = new WebSocket(url)
  let seen = 0
  try {
    await withTimeout(
      'bare',
      () => seen,
      (resolve, reject) => {
        socket.on('message', (data) => {
          if (stamp) messageClock.at = performance.now()
          const value = JSON.parse(String(data)) as {
            method?: unknown
            channel?: unknown
          }
          if (value.method !== undefined || value.channel === 'status') return
          onData(value, seen)
          if (++seen === expected) resolve()
        })
        socket.once('open', () => socket.send(SUBSCRIBE))
        socket.once('error', reject)
      },
    )
  } finally {
    socket.terminate()
  }
}

/** A `KrakenWebSocketAPI` with a sync trigger on every data frame type. */
export async function runRuntime(run: ClientRun): Promise<void> {
  const { url, expected, onData, stamp } = run
  const kraken = new KrakenWebSocketAPI({
    publicUrl: url,
    WebSocket: stamp ? StampedWebSocket : WebSocket,
    logger: false,
    staleAfter: 60_000,
    reconnect: false,
  })
  let seen = 0
  try {
    await withTimeout(
      'runtime',
      () => seen,
      (resolve, reject) => {
        const handler = (value: unknown) => {
          onData(value, seen)
          if (++seen === expected) resolve()
        }
        kraken.trigger(TickerSnapshotResponse, handler)
        kraken.trigger(TickerUpdateResponse, handler)
        kraken.trigger(TradesSnapshotResponse, handler)
        kraken.trigger(TradesUpdateResponse, handler)
        kraken.trigger(BookUpdateResponse, handler)
        kraken.trigger(OHLCSnapshotResponse, handler)
        kraken.trigger(OHLCUpdateResponse, handler)
        kraken.trigger(HeartbeatResponse, handler)
        kraken.on('error', reject)
        kraken.subscribe(TickerSubscriptionRequest(['BTC/USD'])).catch(reject)
      },
    )
  } finally {
    await kraken.stop()
  }
}

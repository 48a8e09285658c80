import {
  KrakenWebSocketAPI,
  type LiveBook,
  TickerSubscriptionRequest,
  TradesSubscriptionRequest,
} from '@kraken-sockets/runtime'
import {
  DEFAULT_TEST_CREDENTIALS,
  type Simulator,
} from '@kraken-sockets/simulator'
import { createConnectionBudget } from '@kraken-sockets/transport'
import { WebSocket } from 'ws'
import type { Random } from './prng.js'
import { createTrader, type Trader } from './trader.js'

/** The client under the storm, as a bot would use it. */
export type StormClient = {
  readonly kraken: KrakenWebSocketAPI
  readonly trader: Trader
  /** `cl_ord_id`s the client reported missing. */
  readonly missing: Set<string>
  /** Names of the `error` events. */
  readonly errors: string[]
  stop(): Promise<void>
}

/** Limits the storm's delays and silences are scaled to. */
export const LIMITS = {
  requestTimeout: 4_000,
  staleAfter: 4_000,
  bookSilence: 3_000,
} as const

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Starts a client on the simulator through the public API only, with the
 * storm's intents: tickers, trades, two books, and trading (which adds the
 * executions and instrument subscriptions), then places a few orders.
 */
export async function startClient(
  simulator: Simulator,
  random: Random,
  unhandled: unknown[],
): Promise<StormClient> {
  const kraken = new KrakenWebSocketAPI({
    publicUrl: simulator.publicUrl,
    privateUrl: simulator.privateUrl,
    level3Url: simulator.level3Url,
    restUrl: simulator.restUrl,
    apiKey: DEFAULT_TEST_CREDENTIALS.apiKey,
    privateKey: DEFAULT_TEST_CREDENTIALS.privateKey,
    WebSocket,
    logger: false,
    staleAfter: LIMITS.staleAfter,
    requestTimeout: LIMITS.requestTimeout,
    silenceWindows: { book: LIMITS.bookSilence },
    // The budget (default 10 resyncs per book per 10 min) stops a resync
    // loop on a broken feed; the storm corrupts checksums on purpose, about
    // 20 times per book in 10 min (each fault up to 3 frames, snapshots
    // included), so a bot facing it would allow more.
    bookResyncLimit: 100,
    reconnect: { initialDelay: 100, maxDelay: 1_000 },
    // The storm reconnects far more often than a real session may.
    budget: createConnectionBudget({ limit: 100_000, window: 600_000 }),
  })
  const errors: string[] = []
  kraken.on('error', (error) => {
    errors.push(error.name)
  })
  const missing = new Set<string>()
  kraken.on('order', (event) => {
    if (event.type === 'missing') missing.add(event.cl_ord_id)
  })
  const running = kraken.run([])
  running.catch((error: unknown) => unhandled.push(error))
  await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD', 'ETH/USD']))
  await kraken.subscribe(TradesSubscriptionRequest(['BTC/USD']))
  const books: LiveBook[] = [
    await kraken.book('BTC/USD', { depth: 10 }),
    await kraken.book('ETH/USD', { depth: 25 }),
  ]
  const trader = createTrader(kraken, random, LIMITS.requestTimeout + 10_000)
  for (let i = 0; i < 4; i++) {
    trader.step()
    await sleep(300)
  }
  await trader.settle(LIMITS.requestTimeout)
  return {
    kraken,
    trader,
    missing,
    errors,
    async stop() {
      for (const book of books) book.release()
      await kraken.stop()
      await running.catch(() => undefined)
    },
  }
}

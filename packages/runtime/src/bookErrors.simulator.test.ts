/**
 * A book Kraken cannot open says why: "unknown pair", with a hint from the
 * `instrument` channel's symbols when the letters match a listed pair (`btc/usd` → `BTC/USD`).
 */
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { afterEach, beforeEach, expect, test } from 'vitest'
import {
  BookSyncError,
  InstrumentsSubscriptionRequest,
  KrakenWebSocketAPI,
} from './index.js'

let simulator: Simulator
let kraken: KrakenWebSocketAPI

beforeEach(async () => {
  simulator = await startSimulator({ rate: 0 })
  kraken = new KrakenWebSocketAPI({
    ...simulator.clientOptions(),
    logger: false,
  })
  kraken.on('error', () => {}) // the rejection is what these tests read
})

afterEach(async () => {
  await kraken.stop()
  await simulator.close()
})

async function bookError(symbol: string): Promise<BookSyncError> {
  const error = await kraken.book(symbol).then(
    () => undefined,
    (failure: unknown) => failure,
  )
  expect(error).toBeInstanceOf(BookSyncError)
  return error as BookSyncError
}

test('error: a pair Kraken does not list is an unknown pair, worded once', async () => {
  const error = await bookError('XBT/USD')
  expect(error.unknownPair).toBe(true)
  expect(error.message).toMatch(
    /^The order book of XBT\/USD cannot open: unknown pair\./,
  )
  expect(error.message).not.toMatch(/book book/)
})

test('behavior: the hint names the listed pair spelled with the same letters', async () => {
  await kraken.subscribe(InstrumentsSubscriptionRequest())
  expect(kraken.instruments.has('BTC/USD')).toBe(true)
  const error = await bookError('btc/usd')
  expect(error.message).toMatch(
    /cannot open: unknown pair\. Kraken v2 calls it BTC\/USD\./,
  )
})

/**
 * `request()` settles, with one of its three documented errors, however its
 * readying steps fail: a private URL refused at construction, a token
 * provider that never answers, a `stop()` while the token is being fetched.
 * Against the simulator (a real Kraken v2 server on loopback).
 */
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { WebSocket } from 'ws'
import {
  AddOrderRequest,
  CancelAllRequest,
  KrakenRejectedError,
  KrakenWebSocketAPI,
  type KrakenWebSocketAPIOptions,
  NotSentError,
  OutcomeUnknownError,
} from '../index.js'

const open: { simulators: Simulator[]; clients: KrakenWebSocketAPI[] } = {
  simulators: [],
  clients: [],
}

afterEach(async () => {
  vi.useRealTimers()
  await Promise.all(open.clients.splice(0).map((client) => client.stop()))
  await Promise.all(open.simulators.splice(0).map((sim) => sim.close()))
})

async function setup(options: KrakenWebSocketAPIOptions) {
  const simulator = await startSimulator({ rate: 0 })
  open.simulators.push(simulator)
  const kraken = new KrakenWebSocketAPI({
    publicUrl: simulator.publicUrl,
    privateUrl: simulator.privateUrl,
    level3Url: simulator.level3Url,
    WebSocket,
    logger: false,
    reconnect: { initialDelay: 10, maxDelay: 20 },
    ...options,
  })
  open.clients.push(kraken)
  return { simulator, kraken }
}

const buy = () =>
  AddOrderRequest({
    order_type: 'limit',
    side: 'buy',
    symbol: 'BTC/USD',
    order_qty: '0.01',
    limit_price: '50000',
  })

function isDocumented(error: unknown): boolean {
  return (
    error instanceof KrakenRejectedError ||
    error instanceof OutcomeUnknownError ||
    error instanceof NotSentError
  )
}

describe('request(): every failure is one of the three documented errors', () => {
  test('a private URL refused at construction: NotSentError, nothing unhandled, not cached', async () => {
    const { kraken } = await setup({
      // Plain ws: to a non-loopback host is refused for the private socket.
      privateUrl: 'ws://example.com/v2',
      getToken: async () => 'never-used',
      requestTimeout: 60_000,
    })
    for (const request of [CancelAllRequest(), buy()]) {
      const error = await kraken.request(request).then(
        () => undefined,
        (reason: unknown) => reason,
      )
      expect(isDocumented(error)).toBe(true)
      expect(error).toBeInstanceOf(NotSentError)
    }
  })

  test('a token provider that never settles: the request ends at its deadline', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { kraken } = await setup({
      getToken: () => new Promise<string>(() => {}),
      requestTimeout: 5_000,
      // No trading feeds: the request itself opens the private socket.
      trading: { track: false },
    })
    const outcome = kraken.request(CancelAllRequest()).then(
      () => undefined,
      (reason: unknown) => reason,
    )
    let settled = false
    void outcome.then(() => {
      settled = true
    })
    // Real time for the socket to open, fake time for the deadline.
    await vi.waitFor(
      async () => {
        await vi.advanceTimersByTimeAsync(1_000)
        expect(settled).toBe(true)
      },
      { timeout: 60_000, interval: 50 },
    )
    expect(await outcome).toBeInstanceOf(NotSentError)
  })

  test('stop() aborts a token fetch in flight and settles the request before it resolves', async () => {
    let signal: AbortSignal | undefined
    let asked!: () => void
    const tokenAsked = new Promise<void>((resolve) => {
      asked = resolve
    })
    const { kraken } = await setup({
      getToken: (options?: { signal?: AbortSignal | undefined }) => {
        signal = options?.signal
        asked()
        return new Promise<string>(() => {})
      },
      requestTimeout: 600_000,
    })
    let settled: unknown
    const outcome = kraken.request(CancelAllRequest()).then(
      () => 'resolved',
      (reason: unknown) => {
        settled = reason
        return reason
      },
    )
    await tokenAsked
    await kraken.stop()
    expect(settled).toBeInstanceOf(NotSentError)
    expect(signal?.aborted).toBe(true)
    expect(await outcome).toBeInstanceOf(NotSentError)
  })
})

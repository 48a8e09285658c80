/**
 * An unreachable URL: the log says what failed and when the next try is,
 * and `reconnect.attempts` ends `run()` with a rejection carrying the cause.
 */
import { startSimulator } from '@kraken-sockets/simulator'
import { ReconnectExhaustedError } from '@kraken-sockets/transport'
import { expect, test } from 'vitest'
import { KrakenWebSocketAPI, TickerSubscriptionRequest } from './index.js'

/** A loopback URL nothing listens on: a simulator's, after it closed. */
async function deadUrl(): Promise<string> {
  const simulator = await startSimulator({ rate: 0 })
  const url = simulator.publicUrl
  await simulator.close()
  return url
}

test('behavior: the log names the failure and the next try; reconnect.attempts rejects run() with the cause', async () => {
  const lines: string[] = []
  const kraken = new KrakenWebSocketAPI({
    publicUrl: await deadUrl(),
    reconnect: { attempts: 3, initialDelay: 50, maxDelay: 100 },
    logger: (message, level) => lines.push(`${level} ${message}`),
  })
  const outcome = await kraken
    .run([TickerSubscriptionRequest(['BTC/USD'])])
    .then(
      () => undefined,
      (error: unknown) => error,
    )
  expect(outcome).toBeInstanceOf(ReconnectExhaustedError)
  const error = outcome as ReconnectExhaustedError
  expect(error.attempts).toBe(3)
  expect(
    String(
      (error.cause as Error).message +
        (error.cause as { details?: string }).details,
    ),
  ).toMatch(/ECONNREFUSED/)
  const retrying = lines.filter((line) => line.includes('retrying in'))
  expect(retrying).toHaveLength(2)
  for (const line of retrying) {
    expect(line).toMatch(
      /^warning The public socket to ws:\/\/127\.0\.0\.1:\d+\/v2 failed \(connection refused\); retrying in \d+\.\d s \(attempt [23]\)\.$/,
    )
  }
  expect(
    lines.some((line) =>
      /Last failure: connection refused\. The client stops/.test(line),
    ),
  ).toBe(true)
  // The client stopped: it stays so.
  await expect(kraken.run([])).rejects.toThrow(/stopped/)
})

/**
 * After `stop()` the client stays stopped: its entry points reject with
 * `ClientStoppedError`, and a program that stops ends by itself.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { afterEach, beforeEach, expect, test } from 'vitest'
import {
  AddOrderRequest,
  ClientStoppedError,
  KrakenWebSocketAPI,
  TickerSubscriptionRequest,
} from './index.js'

let simulator: Simulator

beforeEach(async () => {
  simulator = await startSimulator({ seed: 3, rate: 50 })
})

afterEach(async () => {
  await simulator.close()
})

test('behavior: subscribe(), book(), run() and request() reject with ClientStoppedError after stop()', async () => {
  const kraken = new KrakenWebSocketAPI({
    ...simulator.clientOptions(),
    logLevel: false,
  })
  await kraken.subscribe(TickerSubscriptionRequest(['BTC/USD']))
  await kraken.stop()
  const opens = simulator.stats.connections.length
  await expect(
    kraken.subscribe(TickerSubscriptionRequest(['ETH/USD'])),
  ).rejects.toThrow(ClientStoppedError)
  await expect(kraken.book('ETH/USD')).rejects.toThrow(ClientStoppedError)
  await expect(kraken.run([])).rejects.toThrow(
    /create a new KrakenWebSocketAPI/,
  )
  await expect(
    kraken.request(
      AddOrderRequest({
        order_type: 'market',
        side: 'buy',
        symbol: 'BTC/USD',
        order_qty: '0.0001',
      }),
    ),
  ).rejects.toThrow(ClientStoppedError)
  // Nothing reopened a socket.
  expect(simulator.stats.connections.length).toBe(opens)
})

test('behavior: a program that stops the client exits by itself', async () => {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@kraken-sockets/source',
      '--import',
      'tsx',
      join(import.meta.dirname, 'testing', 'stopThenExit.ts'),
    ],
    {
      cwd: join(import.meta.dirname, '..'),
      env: { ...process.env, KRAKEN_WS_PUBLIC_URL: simulator.publicUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  // Generous: the child exits on its own or the test's limit ends it.
  const code = await new Promise<number | string>((resolve) =>
    child.on('close', (exitCode, signal) =>
      resolve(exitCode ?? signal ?? 'unknown'),
    ),
  )
  expect(stderr).toBe('')
  expect(code).toBe(0)
  expect(stdout).toContain('book in sync: true')
  for (const name of ['subscribe', 'book', 'run', 'request']) {
    expect(stdout).toContain(`${name}: ClientStoppedError`)
  }
})

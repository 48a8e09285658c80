import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  BookSubscriptionRequest,
  BookUpdateResponse,
  KrakenWebSocketAPI,
  TickerSubscriptionRequest,
  TradesSubscriptionRequest,
} from '@kraken-sockets/runtime'
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { createTapeWriter, recordingTransport } from '@kraken-sockets/tape'
import { nodeWebSocket } from '@kraken-sockets/transport'
import { afterAll, expect, test } from 'vitest'
import { WebSocket } from 'ws'

const appDir = join(import.meta.dirname, '..')
const tsx = join(appDir, 'node_modules', '.bin', 'tsx')
const temp = mkdtempSync(join(tmpdir(), 'bot-tape-'))
const simulators: Simulator[] = []

afterAll(async () => {
  await Promise.all(simulators.map((simulator) => simulator.close()))
  rmSync(temp, { recursive: true, force: true })
})

/** Runs the bot to its end (`--duration`), piped, without any Kraken env. */
function runBot(
  args: string[],
): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const env = { ...process.env }
  for (const key of Object.keys(env))
    if (key.startsWith('KRAKEN_')) delete env[key]
  const child = spawn(
    tsx,
    ['--conditions=@kraken-sockets/source', 'src/main.ts', ...args],
    { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  return new Promise((resolve) =>
    child.on('close', (code, signal) =>
      resolve({ code: code ?? signal ?? 'unknown', stdout, stderr }),
    ),
  )
}

/** The summary line the bot prints: tickers, trades, a verified book. */
const IN_SYNC =
  /tickers BTC\/USD \d+(\.\d+)? ETH\/USD \d+(\.\d+)? SOL\/USD \d+(\.\d+)? \| trades [1-9]\d*, last (buy|sell) [\d.]+ @ [\d.]+ \| book BTC\/USD in sync, bid [\d.]+ ask [\d.]+ spread [\d.]+, checksum ok \([1-9]\d* verified, 0 mismatches/

test('--paper: live data from the upstream, the demo order on the paper exchange', async () => {
  // The stand-in for Kraken's public feed: a simulator on loopback.
  const upstream = await startSimulator({ seed: 'bot-upstream', rate: 100 })
  simulators.push(upstream)
  const { code, stdout, stderr } = await runBot([
    '--paper',
    '--paper-upstream',
    upstream.publicUrl,
    '--duration',
    // Long enough for the book to sync and the demo order to finish with
    // both cores busy (4 s failed about one run in three at load 20).
    '10',
  ])
  expect(stderr).toBe('')
  expect(code).toBe(0)
  expect(stdout).toContain(`connecting to paper ws://127.0.0.1:`)
  expect(stdout).toContain(`(live data from ${upstream.publicUrl})`)
  expect(stdout).toMatch(IN_SYNC)
  expect(stdout).toMatch(
    /add_order ack: O[A-Z0-9-]+ buy [\d.]+ BTC\/USD @ [\d.]+ post-only/,
  )
  expect(stdout).toMatch(/cancel_order ack: O[A-Z0-9-]+ cancelled/)
  expect(stdout).not.toMatch(/error|unavailable|handle was left open/i)
  // The paper simulator subscribed the upstream's public feed.
  expect(upstream.stats.subscribes('book', 'BTC/USD')).toBeGreaterThan(0)
})

test('--replay <tape>: the bot runs over a tape recorded from the simulator', async () => {
  const simulator = await startSimulator({ seed: 'bot-tape', rate: 200 })
  simulators.push(simulator)
  const tape = join(temp, 'session.tape')
  const writer = createTapeWriter({ dir: tape })
  const kraken = new KrakenWebSocketAPI({
    publicUrl: simulator.publicUrl,
    logger: false,
    transport: recordingTransport(() => nodeWebSocket({ WebSocket }), writer),
  })
  let updates = 0
  kraken.trigger(BookUpdateResponse, () => {
    updates++
  })
  // What the bot subscribes by default.
  const running = kraken.run([
    TickerSubscriptionRequest(['BTC/USD', 'ETH/USD', 'SOL/USD']),
    TradesSubscriptionRequest(['BTC/USD'], { snapshot: true }),
    BookSubscriptionRequest(['BTC/USD'], { depth: 10 }),
  ])
  const until = Date.now() + 30_000
  while (updates < 100 && Date.now() < until)
    await new Promise((resolve) => setTimeout(resolve, 50))
  await kraken.stop()
  await running
  await writer.close()
  expect(updates).toBeGreaterThanOrEqual(100)

  const { code, stdout, stderr } = await runBot([
    '--replay',
    tape,
    '--replay-speed',
    'max',
    '--duration',
    '3',
  ])
  expect(stderr).toBe('')
  expect(code).toBe(0)
  expect(stdout).toContain(`connecting to replay ${tape}`)
  expect(stdout).toMatch(IN_SYNC)
  expect(stdout).toContain('order demo off: a tape cannot trade')
  expect(stdout).not.toMatch(/error|mismatch [1-9]|handle was left open/i)
})

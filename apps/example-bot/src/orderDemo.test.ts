import { randomBytes } from 'node:crypto'
import { KrakenWebSocketAPI, type LiveBook } from '@kraken-sockets/runtime'
import {
  DEFAULT_TEST_CREDENTIALS,
  type Simulator,
  startSimulator,
} from '@kraken-sockets/simulator'
import { afterEach, expect, test } from 'vitest'
import { runOrderDemo } from './orderDemo.js'

const { apiKey, privateKey } = DEFAULT_TEST_CREDENTIALS
const opened: { simulator: Simulator; kraken: KrakenWebSocketAPI }[] = []

afterEach(async () => {
  for (const { simulator, kraken } of opened.splice(0)) {
    await kraken.stop()
    await simulator.close()
  }
})

/** A simulator, a client with `keys`, and a live BTC/USD book. */
async function setUp(keys: { apiKey: string; privateKey: string }) {
  const simulator = await startSimulator({ seed: 7 })
  const kraken = new KrakenWebSocketAPI({
    publicUrl: simulator.publicUrl,
    privateUrl: simulator.privateUrl,
    restUrl: simulator.restUrl,
    ...keys,
    logger: false,
    requestTimeout: 3_000,
    reconnect: false,
  })
  opened.push({ simulator, kraken })
  void kraken.run([])
  const book: LiveBook = await kraken.book('BTC/USD')
  return { simulator, kraken, book }
}

test('default: places, amends and cancels a simulated order, reporting each ack', async () => {
  const { simulator, kraken, book } = await setUp({ apiKey, privateKey })
  const bid = book.bestBid?.price ?? Number.NaN
  const lines: string[] = []
  await runOrderDemo({
    kraken,
    mode: 'simulated',
    book,
    report: (line) => lines.push(line),
    signal: new AbortController().signal,
  })
  expect(lines).toHaveLength(7)
  const [added, armed, state, amended, cancelled, ended, disarmed] = lines
  const orderId =
    /^add_order ack: (O[A-Z0-9-]+) buy ([\d.]+) BTC\/USD @ ([\d.]+) post-only$/.exec(
      added ?? '',
    )
  expect(orderId).not.toBeNull()
  expect(Number(orderId?.[3])).toBeCloseTo(bid * 0.9, 0)
  expect(Number(orderId?.[2]) * Number(orderId?.[3])).toBeGreaterThan(15)
  expect(amended).toMatch(
    new RegExp(`^amend_order ack: ${orderId?.[1]} now @ [\\d.]+$`),
  )
  expect(cancelled).toBe(`cancel_order ack: ${orderId?.[1]} cancelled`)
  expect(armed).toBe("dead man's switch armed: 60 s")
  expect(state).toMatch(
    new RegExp(`^order ${orderId?.[1]}: new, 0 of ${orderId?.[2]} filled$`),
  )
  expect(ended).toBe(`order ${orderId?.[1]} ended: canceled`)
  expect(disarmed).toBe("dead man's switch disarmed")
  const switches = simulator.stats.requests({
    method: 'cancel_all_orders_after',
  })
  expect(switches.map((request) => request.params?.timeout)).toEqual([60, 0])
  const [add] = simulator.stats.requests({ method: 'add_order' })
  expect(add?.params).toMatchObject({ post_only: true, side: 'buy' })
  expect(add?.params).not.toHaveProperty('validate')
  expect(simulator.stats.requests({ method: 'cancel_order' })).toHaveLength(1)
})

test('behavior: validate-only sends one add_order with validate: true and nothing else', async () => {
  const { simulator, kraken, book } = await setUp({ apiKey, privateKey })
  const lines: string[] = []
  await runOrderDemo({
    kraken,
    mode: 'validate-only',
    book,
    report: (line) => lines.push(line),
    signal: new AbortController().signal,
  })
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(/^add_order /)
  const adds = simulator.stats.requests({ method: 'add_order' })
  expect(adds).toHaveLength(1)
  expect(adds[0]?.params).toMatchObject({ validate: true })
  expect(simulator.stats.requests({ method: 'amend_order' })).toHaveLength(0)
  expect(simulator.stats.requests({ method: 'cancel_order' })).toHaveLength(0)
})

test('error: refused credentials are reported, not thrown', async () => {
  const { kraken, book } = await setUp({
    apiKey: 'not-the-simulator-key',
    privateKey: randomBytes(64).toString('base64'),
  })
  const lines: string[] = []
  await runOrderDemo({
    kraken,
    mode: 'simulated',
    book,
    report: (line) => lines.push(line),
    signal: new AbortController().signal,
  })
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(/^add_order unavailable: \w+Error: /)
  expect(lines[0]).not.toContain('not-the-simulator-key')
})

/**
 * HTTP order round trip through the desk against a direct `kraken.request()`
 * on the same client and simulator, interleaved in one run: p50 / p99 of
 * each and their ratio. The orders are IOC limits 3 % below the mid, so
 * each is answered and expires without resting.
 *
 * The HTTP calls come from a separate process (`httpCaller.ts`), like a
 * real caller; the desk's `Server-Timing` total splits each into the desk's
 * own share and the rest (client, loopback TCP, scheduling). Also shown:
 * the same POST with `fetch` from the desk's own process, and a POST the
 * risk gate refuses (HTTP, body, schema and risk without Kraken).
 *
 *   pnpm --filter bench exec tsx --conditions=@kraken-sockets/source src/desk/orderRoundTrip.ts [rounds] [settleMs]
 */
import { fork } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadOrCreateTokens, startDesk } from '@kraken-sockets/desk'
import { AddOrderRequest } from '@kraken-sockets/runtime'
import {
  DEFAULT_TEST_CREDENTIALS,
  startSimulator,
} from '@kraken-sockets/simulator'
import { WebSocket } from 'ws'

const rounds = Number(process.argv[2] ?? 300)
const settleMs = Number(process.argv[3] ?? 20)
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ??
  Number.NaN

const simulator = await startSimulator({ seed: 3, rateTier: false })
const folder = await mkdtemp(join(tmpdir(), 'desk-bench-'))
const tokenFile = join(folder, 'tokens.json')
const running = await startDesk({
  port: 0,
  tokenFile,
  risk: { maxOrdersPerMinute: 1e9, maxOpenOrders: 1e9 },
  kraken: {
    publicUrl: simulator.publicUrl,
    privateUrl: simulator.privateUrl,
    level3Url: simulator.level3Url,
    restUrl: simulator.restUrl,
    apiKey: DEFAULT_TEST_CREDENTIALS.apiKey,
    privateKey: DEFAULT_TEST_CREDENTIALS.privateKey,
    WebSocket,
    logger: false,
  },
})
const { trade } = await loadOrCreateTokens(tokenFile)
const kraken = running.desk.kraken
const order = () => ({
  symbol: 'BTC/USD',
  side: 'buy' as const,
  order_type: 'limit' as const,
  order_qty: '0.001',
  limit_price: ((running.desk.mid('BTC/USD') ?? 0) * 0.97).toFixed(1),
  time_in_force: 'ioc' as const,
})

// Times the Kraken round trip inside the desk's order handler, so that the
// HTTP path splits into Kraken's part and the desk's own.
const inside: number[] = []
/** Epoch ms when the last timed order left for Kraken and when its ack came. */
let leg = { sentAt: 0, ackAt: 0 }
const epoch = () => performance.timeOrigin + performance.now()
const request = kraken.request.bind(kraken)
let timing = false
kraken.request = ((...args: Parameters<typeof request>) => {
  const t = performance.now()
  const sent = request(...args)
  if (timing) {
    // Only the first request of an HTTP call: the order itself.
    timing = false
    const sentAt = epoch()
    sent
      .finally(() => {
        inside.push(performance.now() - t)
        leg = { sentAt, ackAt: epoch() }
      })
      .catch(() => {})
  }
  return sent
}) as typeof kraken.request

/**
 * Lets the previous call's trailing messages (its order's execution
 * updates) be handled before the next measurement starts, so that each
 * path is not charged for the other's aftermath.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, settleMs))

const caller = fork(join(import.meta.dirname, 'httpCaller.ts'), [], {
  execArgv: ['--import', 'tsx'],
})
/** What `httpCaller.ts` answers. */
type Answer = {
  ms: number
  status: number
  server: number
  startAt: number
  doneAt: number
}

/** The desk's own time for a call, from its `Server-Timing` header. */
const serverMs = (response: Response) =>
  Number(
    /total;dur=([0-9.]+)/.exec(
      response.headers.get('Server-Timing') ?? '',
    )?.[1] ?? Number.NaN,
  )

/** One HTTP call made by the caller process; resolves its own timing. */
const remote = (
  path: string,
  init: {
    method?: string
    headers?: Record<string, string>
    body?: string
  } = {},
) =>
  new Promise<Answer>((resolve) => {
    caller.once('message', (answer) => resolve(answer as Answer))
    caller.send({ url: `${running.url}${path}`, init })
  })
/** The same call from this (the desk's) process, with `fetch`. */
const local = async (path: string, init: RequestInit = {}) => {
  const t = performance.now()
  const response = await fetch(`${running.url}${path}`, init)
  await response.text()
  return {
    ms: performance.now() - t,
    status: response.status,
    server: serverMs(response),
  }
}
const post = (body: unknown) => ({
  method: 'POST',
  headers: {
    Authorization: `Bearer ${trade}`,
    'Content-Type': 'application/json',
  },
  body: JSON.stringify(body),
})

const series = {
  direct: [] as number[],
  httpServer: [] as number[],
  requestLeg: [] as number[],
  answerLeg: [] as number[],
  http: [] as number[],
  httpInProcess: [] as number[],
  health: [] as number[],
  refused: [] as number[],
}
for (let i = 0; i < rounds + 20; i += 1) {
  // The first 20 rounds warm up every path.
  const keep = (name: keyof typeof series, ms: number) => {
    if (i >= 20) series[name].push(ms)
  }
  await settle()
  const t = performance.now()
  await kraken.request(AddOrderRequest(order()))
  keep('direct', performance.now() - t)
  await settle()
  timing = i >= 20
  const placed = await remote('/orders', post(order()))
  if (placed.status !== 200) throw new Error(`HTTP ${placed.status}`)
  keep('http', placed.ms)
  keep('httpServer', placed.server)
  // Client to order sent, and Kraken's ack to the client having the answer.
  keep('requestLeg', leg.sentAt - placed.startAt)
  keep('answerLeg', placed.doneAt - leg.ackAt)
  await settle()
  const placedHere = await local('/orders', post(order()))
  if (placedHere.status !== 200) throw new Error(`HTTP ${placedHere.status}`)
  keep('httpInProcess', placedHere.ms)
  await settle()
  keep('health', (await remote('/health')).ms)
  await settle()
  // The same POST refused by the risk gate: HTTP, body, schema and risk, no Kraken.
  const refusal = await remote(
    '/orders',
    post({ ...order(), symbol: 'DOGE/USD' }),
  )
  if (refusal.status === 200) throw new Error('DOGE/USD was not refused')
  keep('refused', refusal.ms)
}
caller.kill()
for (const values of [...Object.values(series), inside])
  values.sort((a, b) => a - b)
const line = (label: string, values: number[]) =>
  console.log(
    `${label}: p50 ${quantile(values, 0.5).toFixed(3)} ms, p99 ${quantile(values, 0.99).toFixed(3)} ms`,
  )
line('GET /health (HTTP alone)', series.health)
line(
  'POST /orders refused by risk (HTTP + body + schema + risk)',
  series.refused,
)
line('kraken.request inside the HTTP order handler', inside)
line(
  'POST /orders inside the desk (its Server-Timing total)',
  series.httpServer,
)
line('  leg: caller start -> order sent to Kraken', series.requestLeg)
line('  leg: Kraken ack -> caller has the answer', series.answerLeg)
line(
  "POST /orders with fetch from the desk's own process",
  series.httpInProcess,
)
for (const q of [0.5, 0.99]) {
  const a = quantile(series.direct, q)
  const b = quantile(series.http, q)
  console.log(
    `p${q * 100}: direct ${a.toFixed(3)} ms, HTTP ${b.toFixed(3)} ms, HTTP/direct ${(b / a).toFixed(2)}x, overhead ${(b - a).toFixed(3)} ms`,
  )
}
console.log(
  `${rounds} rounds each, interleaved, ${settleMs} ms settle between calls; HTTP from a separate process; node ${process.version}`,
)
await running.close()
await simulator.close()
await rm(folder, { recursive: true, force: true })

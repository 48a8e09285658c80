/**
 * HTTP order round trip through the desk against a direct `kraken.request()`
 * on the same client and simulator, interleaved in one run: p50 / p99 of
 * each and their ratio. The orders are IOC limits 3 % below the mid, so
 * each is answered and expires without resting.
 *
 *   pnpm --filter bench exec tsx --conditions=@kraken-sockets/source src/desk/orderRoundTrip.ts [rounds]
 */
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

const direct: number[] = []
const http: number[] = []
const health: number[] = []
for (let i = 0; i < rounds + 20; i += 1) {
  let t = performance.now()
  await kraken.request(AddOrderRequest(order()))
  const d = performance.now() - t
  t = performance.now()
  const response = await fetch(`${running.url}/orders`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${trade}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(order()),
  })
  await response.json()
  const h = performance.now() - t
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`)
  t = performance.now()
  await (await fetch(`${running.url}/health`)).json()
  const g = performance.now() - t
  // The first 20 rounds warm up both paths.
  if (i >= 20) {
    direct.push(d)
    http.push(h)
    health.push(g)
  }
}
direct.sort((a, b) => a - b)
http.sort((a, b) => a - b)
health.sort((a, b) => a - b)
console.log(
  `GET /health (HTTP alone): p50 ${quantile(health, 0.5).toFixed(3)} ms, p99 ${quantile(health, 0.99).toFixed(3)} ms`,
)
for (const q of [0.5, 0.99]) {
  const a = quantile(direct, q)
  const b = quantile(http, q)
  console.log(
    `p${q * 100}: direct ${a.toFixed(3)} ms, HTTP ${b.toFixed(3)} ms, HTTP/direct ${(b / a).toFixed(2)}x, overhead ${(b - a).toFixed(3)} ms`,
  )
}
console.log(`${rounds} rounds each, interleaved; node ${process.version}`)
await running.close()
await simulator.close()
await rm(folder, { recursive: true, force: true })

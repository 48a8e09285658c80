/**
 * A seeded fault storm: KrakenWebSocketAPI (public API only) against the
 * simulator, one fault at a time from a seeded random schedule; after each,
 * the client's view must converge to the exchange's within a recovery
 * window (see invariants.ts). Prints each fault and its verdict, then the
 * faults injected and survived; exit code 1 if any was not survived. After
 * a fault that was not survived, the client is replaced by a fresh one, so
 * that each verdict stands on its own.
 *
 *   pnpm soak -- --seconds 600 --seed 1 [--window 20000]
 */
import { parseArgs } from 'node:util'
import { startSimulator } from '@kraken-sockets/simulator'
import { LIMITS, type StormClient, startClient } from './client.js'
import { drawFault, injectAll } from './faultMenu.js'
import {
  type Baseline,
  brokenInvariants,
  rememberVerified,
} from './invariants.js'
import { exchangeSubscriptions } from './observer.js'
import { createRandom } from './prng.js'
import { summarize, type Verdict } from './summary.js'

const print = (line: string) => process.stdout.write(`${line}\n`)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const { values } = parseArgs({
  // `pnpm soak -- --seconds 600` passes the `--` through.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    seconds: { type: 'string', default: '60' },
    seed: { type: 'string', default: '1' },
    window: { type: 'string', default: '20000' },
  },
})
const seconds = Number(values.seconds)
const seed = Number(values.seed)
const window = Number(values.window)
if (!(seconds > 0) || !Number.isInteger(seed) || !(window > 0)) {
  process.stderr.write('usage: soak [--seconds 600] [--seed N] [--window ms]\n')
  process.exit(2)
}

const unhandled: unknown[] = []
process.on('unhandledRejection', (reason) => {
  unhandled.push(reason)
})

const random = createRandom(seed)
const simulator = await startSimulator({ seed, rate: 40 })

/** A fresh client, once steady: its baseline is what the exchange holds. */
async function freshClient(): Promise<{
  client: StormClient
  baseline: Baseline
}> {
  const client = await startClient(simulator, random, unhandled)
  await sleep(2_000)
  const baseline: Baseline = {
    subscriptions: exchangeSubscriptions(simulator),
    live: client.kraken.stats().subscriptions.live,
    verified: new Map(),
  }
  rememberVerified(client.kraken, baseline)
  return { client, baseline }
}

let { client, baseline } = await freshClient()
print(
  `seed ${seed}, ${seconds} s, window ${window} ms; the exchange holds ${JSON.stringify(baseline.subscriptions)}, ${baseline.live} live intents`,
)

const verdicts: Verdict[] = []
const started = Date.now()
while (Date.now() - started < seconds * 1_000) {
  const targets = simulator
    .connections()
    .filter((c) => c.isOpen)
    .map((c) => ({ id: c.id, endpoint: c.endpoint }))
  const fault = drawFault(random, targets, LIMITS)
  const at = Math.round((Date.now() - started) / 1_000)
  rememberVerified(client.kraken, baseline)
  injectAll(simulator, fault.inject)
  // Trading goes on under the fault.
  const faultEnds = Date.now() + fault.lasts
  while (Date.now() < faultEnds) {
    client.trader.step()
    await sleep(Math.min(700, Math.max(0, faultEnds - Date.now())))
  }
  injectAll(simulator, fault.lift)
  // Recovery: no new requests; converge within the window.
  const lifted = Date.now()
  await client.trader.settle(LIMITS.requestTimeout + 2_000)
  let broken: string[] = []
  for (;;) {
    await sleep(1_000)
    const world = {
      kraken: client.kraken,
      simulator,
      trader: client.trader,
      unhandled,
      missing: client.missing,
    }
    broken = await brokenInvariants(world, baseline).catch((error: unknown) => [
      `observer failed: ${String(error)}`,
    ])
    if (broken.length === 0 || Date.now() - lifted > window) break
  }
  const after = (Date.now() - lifted) / 1_000
  const survived = broken.length === 0
  verdicts.push({ label: fault.label, type: fault.type, survived, broken })
  print(
    `#${verdicts.length} t=${at}s ${fault.label} (${fault.lasts} ms): ${
      survived
        ? `survived, converged ${after.toFixed(1)} s after lifting`
        : `NOT survived ${after.toFixed(1)} s after lifting: ${broken.join('; ')}`
    }`,
  )
  if (!survived) {
    client.trader.forget()
    unhandled.length = 0
    await client.stop()
    ;({ client, baseline } = await freshClient())
  }
}

for (const line of summarize(verdicts)) print(line)
const { sent, acked, rejected } = client.trader.counts
print(
  `last client: requests sent ${sent}, acked ${acked}, rejected ${rejected}; error events ${client.errors.length}`,
)
await client.stop()
await simulator.close()
process.exit(verdicts.every((v) => v.survived) ? 0 : 1)

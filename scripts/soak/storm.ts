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

/** Options of {@link runStorm}. */
export type StormOptions = {
  /** Faults are drawn until this many seconds have passed... */
  readonly seconds: number
  /** ...or this many were injected, whichever comes first. @default no limit */
  readonly maxFaults?: number
  readonly seed: number
  /** Ms the client has to converge after a fault is lifted. */
  readonly window: number
  /** Where each verdict's line goes. */
  readonly print: (line: string) => void
}

/** What a storm found. */
export type StormResult = {
  readonly verdicts: readonly Verdict[]
  /** The summary lines (faults injected and survived, by type and cause). */
  readonly summary: readonly string[]
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * A seeded fault storm: KrakenWebSocketAPI (public API only) against the
 * simulator, one fault at a time from a seeded random schedule; after each,
 * the client's view must converge to the exchange's within the recovery
 * window (see invariants.ts). After a fault that was not survived, the
 * client is replaced by a fresh one, so that each verdict stands on its own.
 */
export async function runStorm(options: StormOptions): Promise<StormResult> {
  const { seconds, seed, window, print } = options
  const maxFaults = options.maxFaults ?? Number.POSITIVE_INFINITY
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => {
    unhandled.push(reason)
  }
  process.on('unhandledRejection', onUnhandled)
  const random = createRandom(seed)
  const simulator = await startSimulator({ seed, rate: 40 })
  let client: StormClient | undefined
  try {
    /** A fresh client, once steady: its baseline is what the exchange holds. */
    const freshClient = async () => {
      const fresh = await startClient(simulator, random, unhandled)
      await sleep(2_000)
      const baseline: Baseline = {
        subscriptions: exchangeSubscriptions(simulator),
        live: fresh.kraken.stats().subscriptions.live,
        verified: new Map(),
      }
      rememberVerified(fresh.kraken, baseline)
      return { fresh, baseline }
    }

    let { fresh, baseline } = await freshClient()
    client = fresh
    print(
      `seed ${seed}, ${seconds} s, window ${window} ms; the exchange holds ${JSON.stringify(baseline.subscriptions)}, ${baseline.live} live intents`,
    )

    const verdicts: Verdict[] = []
    const started = Date.now()
    while (
      Date.now() - started < seconds * 1_000 &&
      verdicts.length < maxFaults
    ) {
      const current: StormClient = client
      const targets = simulator
        .connections()
        .filter((c) => c.isOpen)
        .map((c) => ({ id: c.id, endpoint: c.endpoint }))
      const fault = drawFault(random, targets, LIMITS)
      const at = Math.round((Date.now() - started) / 1_000)
      rememberVerified(current.kraken, baseline)
      injectAll(simulator, fault.inject)
      // Trading goes on under the fault.
      const faultEnds = Date.now() + fault.lasts
      while (Date.now() < faultEnds) {
        current.trader.step()
        await sleep(Math.min(700, Math.max(0, faultEnds - Date.now())))
      }
      injectAll(simulator, fault.lift)
      // Recovery: no new requests; converge within the window.
      const lifted = Date.now()
      await current.trader.settle(LIMITS.requestTimeout + 2_000)
      let broken: string[] = []
      for (;;) {
        await sleep(1_000)
        const world = {
          kraken: current.kraken,
          simulator,
          trader: current.trader,
          unhandled,
          missing: current.missing,
        }
        broken = await brokenInvariants(world, baseline).catch(
          (error: unknown) => [`observer failed: ${String(error)}`],
        )
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
        current.trader.forget()
        unhandled.length = 0
        await current.stop()
        client = undefined
        ;({ fresh, baseline } = await freshClient())
        client = fresh
      }
    }

    const summary = summarize(verdicts)
    for (const line of summary) print(line)
    const { sent, acked, rejected } = client.trader.counts
    print(
      `last client: requests sent ${sent}, acked ${acked}, rejected ${rejected}; error events ${client.errors.length}`,
    )
    return { verdicts, summary }
  } finally {
    await client?.stop()
    await simulator.close()
    process.off('unhandledRejection', onUnhandled)
  }
}

/**
 * The two measurements of the end-to-end bench, one client run each: CPU
 * time per data frame and message-event-to-handler latency.
 */
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks'
import { type ClientRun, messageClock, runBare, runRuntime } from './clients.js'

/** Which client a run measures. */
export type Client = 'bare' | 'runtime'

const clients: Record<Client, (run: ClientRun) => Promise<void>> = {
  bare: runBare,
  runtime: runRuntime,
}

let sink = 0
/** Counts objects, so that no handler's work can be optimised away. */
const consume = (value: unknown) => {
  if (value !== null && typeof value === 'object') sink++
}
/** How many values the handlers saw, for the report. */
export const checksum = () => sink

/**
 * ns of this process's CPU (user + system) per data frame, from the first
 * data frame's handler to the last one's: connecting, subscribing and
 * stopping are left out, the steady state is measured.
 */
export async function cpuPerFrame(
  client: Client,
  url: string,
  expected: number,
): Promise<number> {
  let before = process.cpuUsage()
  let micros = 0
  await clients[client]({
    url,
    expected,
    stamp: false,
    onData: (value, index) => {
      if (index === 0) before = process.cpuUsage()
      consume(value)
      if (index === expected - 1) {
        const used = process.cpuUsage(before)
        micros = used.user + used.system
      }
    },
  })
  return (micros * 1000) / (expected - 1)
}

/** One latency run: its own histogram and the rate the frames came at. */
export type LatencyRun = {
  readonly histogram: RecordableHistogram
  /** Data frames per second, first message event to last. */
  readonly framesPerSecond: number
}

/**
 * Records, in ns, the time from each data frame's message event to its
 * handler's entry, into `total` and the run's own histogram.
 */
export async function latency(
  client: Client,
  url: string,
  expected: number,
  total: RecordableHistogram,
): Promise<LatencyRun> {
  const histogram = createHistogram()
  let firstAt = 0
  let lastAt = 0
  await clients[client]({
    url,
    expected,
    stamp: true,
    onData: (value, index) => {
      const entered = performance.now()
      const ns = Math.max(1, Math.round((entered - messageClock.at) * 1e6))
      total.record(ns)
      histogram.record(ns)
      if (index === 0) firstAt = messageClock.at
      lastAt = messageClock.at
      consume(value)
    },
  })
  return {
    histogram,
    framesPerSecond: ((expected - 1) * 1000) / (lastAt - firstAt),
  }
}

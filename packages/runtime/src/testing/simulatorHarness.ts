import {
  type Simulator,
  type SimulatorOptions,
  startSimulator,
} from '@kraken-sockets/simulator'
import { afterEach, beforeEach } from 'vitest'
import { WebSocket } from 'ws'
import type { KrakenErrorEvent } from '../client/events.js'
import { KrakenWebSocketAPI } from '../client/krakenWebSocketAPI.js'
import type { KrakenWebSocketAPIOptions } from '../client/options.js'

/** A client on the harness's simulator, and the `error` events it emitted. */
export interface HarnessClient {
  readonly kraken: KrakenWebSocketAPI
  readonly errors: KrakenErrorEvent[]
}

/** What {@link useSimulator} gives a test file. */
export interface SimulatorHarness {
  /** The current test's simulator. */
  readonly simulator: Simulator
  /** Replaces the current test's simulator (other options); the old one closes. */
  restart(options: SimulatorOptions): Promise<Simulator>
  /**
   * A client on the simulator's URLs (no logger, fast reconnects), stopped
   * after the test; `options` override the defaults.
   */
  connect(options?: KrakenWebSocketAPIOptions): HarnessClient
}

/**
 * The set-up the runtime's simulator tests share: a fresh simulator before
 * each test (with `options`), and, after it, every client stopped and the
 * simulator closed.
 */
export function useSimulator(options: SimulatorOptions): SimulatorHarness {
  let simulator: Simulator | undefined
  let clients: KrakenWebSocketAPI[] = []
  const current = (): Simulator => {
    if (simulator === undefined)
      throw new Error('The simulator runs inside a test only.')
    return simulator
  }
  beforeEach(async () => {
    simulator = await startSimulator(options)
  })
  afterEach(async () => {
    await Promise.all(clients.map((client) => client.stop()))
    clients = []
    await simulator?.close()
    simulator = undefined
  })
  return {
    get simulator() {
      return current()
    },
    async restart(next) {
      await current().close()
      simulator = await startSimulator(next)
      return simulator
    },
    connect(overrides = {}) {
      const sim = current()
      const kraken = new KrakenWebSocketAPI({
        publicUrl: sim.publicUrl,
        privateUrl: sim.privateUrl,
        level3Url: sim.level3Url,
        restUrl: sim.restUrl,
        WebSocket,
        logger: false,
        reconnect: { initialDelay: 20, maxDelay: 50 },
        ...overrides,
      })
      const errors: KrakenErrorEvent[] = []
      kraken.on('error', (error) => {
        errors.push(error)
      })
      clients.push(kraken)
      return { kraken, errors }
    },
  }
}

/** Resolves once `predicate` holds (checked every 20 ms); the test's timeout bounds it. */
export async function eventually(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 20))
}

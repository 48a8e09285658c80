import { afterEach } from 'vitest'
import type { SimulatorOptions } from '../options.js'
import type { Simulator } from '../simulator.js'
import { startSimulator } from '../startSimulator.js'
import { connect, type TestClient } from './client.js'

/** What a test opened; push here to have it closed after the test. */
export type Opened = {
  readonly simulators: Simulator[]
  readonly clients: TestClient[]
  /** Starts a simulator (`rate: 0` unless given) closed after the test. */
  start(options?: SimulatorOptions): Promise<Simulator>
  /** Connects a test client closed after the test. */
  connect(url: string): Promise<TestClient>
}

/** Registers an `afterEach` that closes the pushed clients, then the simulators. */
export function closeAfterEach(): Opened {
  const open: Opened = {
    simulators: [],
    clients: [],
    async start(options = {}) {
      const simulator = await startSimulator({ rate: 0, ...options })
      open.simulators.push(simulator)
      return simulator
    },
    async connect(url) {
      const client = await connect(url)
      open.clients.push(client)
      return client
    },
  }
  afterEach(async () => {
    await Promise.all(open.clients.splice(0).map((c) => c.close()))
    await Promise.all(open.simulators.splice(0).map((s) => s.close()))
  })
  return open
}

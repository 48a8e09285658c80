import type { TransportEndpoint } from '@kraken-sockets/transport'
import type { Connection } from '../connections/connection.js'
import { createPacer, type Pacer } from '../connections/pacer.js'
import { planReplay, type ReplayBatch } from './replayPlan.js'
import { withSymbols } from './subscriptionAcks.js'
import { LEVEL3_RATE_PER_SECOND } from './subscriptionCost.js'
import type { SendOptions } from './subscriptionFrame.js'
import type {
  SubscriptionIntent,
  SubscriptionParams,
} from './subscriptionRegistry.js'

/** Options of {@link SubscriptionDispatcher}. */
export interface SubscriptionDispatcherConfig {
  /** Sends one subscribe frame. */
  readonly send: (
    connection: Connection,
    params: SubscriptionParams,
    options: SendOptions,
  ) => Promise<void>
  /** The idle socket of `connection` failed to connect. */
  readonly onConnectFailed: (connection: Connection, error: unknown) => void
}

/** The request params of one planned batch. */
export function batchParams(batch: ReplayBatch): SubscriptionParams {
  return withSymbols(
    { ...batch.params, channel: batch.channel } as SubscriptionParams,
    batch.symbols,
  )
}

/**
 * Sends subscribe frames for intents, batched (see `planReplay`) and paced
 * per connection; connects an idle socket instead (its open replays). A lost
 * socket aborts its endpoint's batches still waiting for the pacer.
 */
export class SubscriptionDispatcher {
  #config: SubscriptionDispatcherConfig
  #pacers = new WeakMap<Connection, Pacer>()
  #replays = new Map<TransportEndpoint, AbortController>()

  constructor(config: SubscriptionDispatcherConfig) {
    this.#config = config
  }

  /** Sends `intents` on `connection` (as a replay when `replay`), or connects. */
  dispatch(
    connection: Connection,
    intents: readonly SubscriptionIntent[],
    replay = false,
  ): void {
    if (!connection.isOpen) {
      if (connection.transport.status === 'idle') {
        connection.transport.connect().catch((error: unknown) => {
          // The open event replays on success; on failure, waiters hear of it.
          this.#config.onConnectFailed(connection, error)
        })
      }
      return
    }
    const batches = planReplay(intents)
    const generation = connection.generation
    let controller = this.#replays.get(connection.endpoint)
    if (controller === undefined) {
      controller = new AbortController()
      this.#replays.set(connection.endpoint, controller)
    }
    const { signal } = controller
    const pacer = this.#pacer(connection)
    void (async () => {
      for (const batch of batches) {
        try {
          await pacer.acquire(batch.cost, signal)
        } catch {
          return // The socket was lost or the client stopped: replay covers it.
        }
        if (connection.generation !== generation) return
        await this.#config.send(connection, batchParams(batch), {
          replay,
          retried: false,
          generation,
        })
      }
    })()
  }

  /** Drops the batches of `endpoint` still waiting to be sent. */
  abort(endpoint: TransportEndpoint): void {
    this.#replays.get(endpoint)?.abort()
    this.#replays.delete(endpoint)
  }

  /** Drops every waiting batch. */
  stop(): void {
    for (const controller of this.#replays.values()) controller.abort()
    this.#replays.clear()
  }

  #pacer(connection: Connection): Pacer {
    let pacer = this.#pacers.get(connection)
    if (pacer === undefined) {
      // level3 counts per symbol by depth (200 per second, standard tier);
      // other channels' limit is undocumented: a modest request rate.
      pacer =
        connection.endpoint === 'level3'
          ? createPacer({
              capacity: LEVEL3_RATE_PER_SECOND,
              refillPerSecond: LEVEL3_RATE_PER_SECOND,
            })
          : createPacer({ capacity: 20, refillPerSecond: 10 })
      this.#pacers.set(connection, pacer)
    }
    return pacer
  }
}

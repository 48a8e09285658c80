import type { StatusResponse } from '@kraken-sockets/schema'
import type { TransportEndpoint } from '@kraken-sockets/transport'
import type { Logger } from '../shared/logger.js'
import type { SystemStatusEvent } from './events.js'

/** Kraken's advice after maintenance: reconnect no faster than every 5 s. */
const MAINTENANCE_RECONNECT_DELAY = 5_000

/** Options of {@link createSystemStatus}. */
export interface SystemStatusConfig {
  readonly logger: Logger
  /** Raises (maintenance) or lowers (0) the pool's minimum reconnect delay. */
  readonly setMinReconnectDelay: (ms: number) => void
  readonly emit: (event: SystemStatusEvent) => void
}

/** Kraken's system state per socket, from its `status` frames. */
export interface SystemStatus {
  /** The last `system` reported on `endpoint`. */
  get(endpoint: TransportEndpoint): string | undefined
  /** A `status` value arrived on `endpoint`: logs and emits a change. */
  apply(endpoint: TransportEndpoint, value: StatusResponse): void
  /** Forgets every state (the client stopped). */
  clear(): void
}

/**
 * Tracks `status.system` per socket: a change is logged and emitted, and
 * while any socket reports `maintenance` reconnects wait at least 5 s.
 */
export function createSystemStatus(config: SystemStatusConfig): SystemStatus {
  const systems = new Map<TransportEndpoint, string>()
  return {
    get: (endpoint) => systems.get(endpoint),
    apply(endpoint, value) {
      const previous = systems.get(endpoint)
      if (previous === value.system) return
      systems.set(endpoint, value.system)
      if (value.system === 'maintenance') {
        config.setMinReconnectDelay(MAINTENANCE_RECONNECT_DELAY)
      } else if (![...systems.values()].includes('maintenance')) {
        config.setMinReconnectDelay(0)
      }
      config.logger.log(
        `System status: ${value.system}.`,
        value.system === 'online' ? 'info' : 'warning',
        { endpoint },
      )
      config.emit({ endpoint, system: value.system, previous, response: value })
    },
    clear: () => systems.clear(),
  }
}

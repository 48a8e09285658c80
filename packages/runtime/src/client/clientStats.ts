import type { TransportEndpoint } from '@kraken-sockets/transport'
import type { Connection } from '../connections/connection.js'
import type { ClientCore } from './clientCore.js'
import type { KrakenStats } from './events.js'

/** A snapshot of the client's counters, as `kraken.stats()` returns it. */
export function clientStats(core: ClientCore): KrakenStats {
  const { counters } = core
  const subscriptions = { pending: 0, live: 0, rejected: 0 }
  for (const intent of core.subscriptions.list()) subscriptions[intent.state]++
  const connections: Partial<
    Record<TransportEndpoint, Connection['transport']['status']>
  > = {}
  for (const connection of core.pool.all()) {
    connections[connection.endpoint] = connection.transport.status
  }
  return {
    frames: counters.frames,
    decodeErrors: counters.decodeErrors,
    channels: Object.fromEntries(counters.channels),
    handlers: core.triggers.stats(),
    reconnects: { ...counters.reconnects },
    resyncs: counters.resyncs,
    books: core.books.stats(),
    subscriptions,
    connections,
  }
}

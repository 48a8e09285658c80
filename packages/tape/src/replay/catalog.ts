import type { TransportEndpoint } from '@kraken-sockets/transport'
import type { TapeEvent } from '../format/events.js'
import { frameInfo, frameKeys, UNSOLICITED } from './frameInfo.js'

/** What a tape holds for one endpoint. */
export type EndpointCatalog = {
  /** Subscription keys with data or a successful ack in the tape. */
  readonly keys: Set<string>
  /** How many successful subscribe acks the tape holds per key. */
  readonly acks: Map<string, number>
}

/** What a tape holds, per endpoint, and where it starts. */
export type TapeCatalog = {
  readonly endpoints: Map<TransportEndpoint, EndpointCatalog>
  /** Time of the first event, for acks answered before any frame. */
  readonly firstTime: string
}

/**
 * Scans a tape once (streaming) to learn which subscriptions it can answer,
 * so that a bot's subscription the tape lacks is refused at once.
 */
export async function scanCatalog(
  batches: AsyncIterable<readonly TapeEvent[]>,
): Promise<TapeCatalog> {
  const endpoints = new Map<TransportEndpoint, EndpointCatalog>()
  const connEndpoint = new Map<number, TransportEndpoint>()
  let firstTime: string | undefined
  for await (const batch of batches) for (const event of batch) scan(event)
  return { endpoints, firstTime: firstTime ?? '1970-01-01T00:00:00.0000000Z' }

  function scan(event: TapeEvent): void {
    firstTime ??= event.time
    if (event.kind === 'open') {
      connEndpoint.set(event.conn, event.endpoint)
      if (!endpoints.has(event.endpoint))
        endpoints.set(event.endpoint, { keys: new Set(), acks: new Map() })
      return
    }
    if (event.kind !== 'in') return
    const endpoint = connEndpoint.get(event.conn)
    const catalog = endpoint === undefined ? undefined : endpoints.get(endpoint)
    if (catalog === undefined) return
    const info = frameInfo(event.text)
    if (info.kind === 'channel' && !UNSOLICITED.has(info.channel)) {
      for (const key of frameKeys(info)) catalog.keys.add(key)
    } else if (
      info.kind === 'method' &&
      info.method === 'subscribe' &&
      info.success &&
      info.key !== undefined
    ) {
      catalog.keys.add(info.key)
      catalog.acks.set(info.key, (catalog.acks.get(info.key) ?? 0) + 1)
    }
  }
}

import type { ChannelDefinition } from './types.js'

/**
 * `heartbeat` as a subscribable channel, registered only when the
 * `heartbeatSubscription: 'accept'` switch is on (Kraken's docs say there is
 * no such subscription; SPEC §2.4).
 */
export const heartbeatChannel: ChannelDefinition = {
  name: 'heartbeat',
  kind: 'public',
  requiresToken: false,
  subscribe() {
    return {
      ok: true,
      items: [
        {
          ok: true,
          key: 'heartbeat',
          topic: 'heartbeat',
          result: { channel: 'heartbeat' },
          unsubscribeResult: { channel: 'heartbeat' },
        },
      ],
    }
  },
  unsubscribe() {
    return { ok: true, items: [{ key: 'heartbeat' }] }
  },
}

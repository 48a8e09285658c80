import type {
  KrakenWebSocketAPI,
  SubscriptionRequest,
} from '@kraken-sockets/runtime'
import { type AckFrame, ackFrame, ackFromValue } from './acks.js'
import { PRIVATE_CHANNELS, type PrivateReplay } from './privateRelay.js'

/** A bot's private subscribe request, answered: the ack, then what to replay. */
export interface PrivateAnswer extends Partial<PrivateReplay> {
  readonly acks: readonly AckFrame[]
}

/**
 * Holds the gateway key's private channels at Kraken for the bots behind
 * it: each channel is subscribed once (with the token the gateway's
 * runtime adds), on the first bot's request; later requests reuse it. The
 * `executions` parameters match the runtime's own trading feed, so the two
 * are one subscription at Kraken.
 */
export function createPrivateDemand(
  kraken: KrakenWebSocketAPI,
  rateCounter: boolean,
  replay: () => PrivateReplay,
) {
  const held = new Map<string, Promise<AckFrame>>()
  const hold = (channel: string): Promise<AckFrame> => {
    let ack = held.get(channel)
    if (ack === undefined) {
      const timeIn = new Date().toISOString()
      const params =
        channel === 'executions'
          ? {
              channel,
              snap_orders: true,
              ...(rateCounter ? { ratecounter: true } : {}),
            }
          : { channel, snapshot: true }
      ack = kraken
        .subscribe({
          method: 'subscribe',
          params,
        } as unknown as SubscriptionRequest)
        .then(
          (acks) =>
            ackFromValue(acks[0] as unknown as Record<string, unknown>, timeIn),
          (error: Error) =>
            ackFrame('subscribe', timeIn, {
              success: false,
              error: error.message,
            }),
        )
      const settled = ack
      held.set(channel, settled)
      // A refusal is not held: the next request tries again.
      void settled.then((frame) => {
        if (!frame.success && held.get(channel) === settled)
          held.delete(channel)
      })
    }
    return ack
  }

  /** Answers one request body (`{"method":"subscribe","params":{"channel":...}}`). Never rejects. */
  return async function answer(body: string): Promise<PrivateAnswer> {
    const timeIn = new Date().toISOString()
    let channel: unknown
    try {
      channel = (JSON.parse(body) as { params?: { channel?: unknown } }).params
        ?.channel
    } catch {
      channel = undefined
    }
    if (typeof channel !== 'string' || !PRIVATE_CHANNELS.has(channel))
      return {
        acks: [
          ackFrame('subscribe', timeIn, {
            success: false,
            error: `EGateway:The gateway relays the private channels ${[...PRIVATE_CHANNELS].join(', ')}`,
          }),
        ],
      }
    const ack = await hold(channel)
    return ack.success ? { acks: [ack], ...replay() } : { acks: [ack] }
  }
}

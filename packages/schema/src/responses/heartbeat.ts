import * as v from 'valibot'

/**
 * A heartbeat, sent about once a second when no other channel has news.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/heartbeat
 */
export const HeartbeatResponseSchema = v.looseObject({
  channel: v.literal('heartbeat'),
})

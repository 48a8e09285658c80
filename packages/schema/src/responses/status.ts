import * as v from 'valibot'

/**
 * The trading engine's states, as the `status` channel's `system` names them.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/status
 */
export const SYSTEM_STATUSES = Object.freeze([
  'online',
  'cancel_only',
  'maintenance',
  'post_only',
] as const)

/** One of {@link SYSTEM_STATUSES}: the trading engine's state. */
export type SystemStatus = (typeof SYSTEM_STATUSES)[number]

/**
 * One entry of `status` `upcoming_maintenance` or `emergency`. Kraken has not
 * documented its fields, so it is kept as an opaque object.
 */
export const MaintenanceNoticeSchema = v.record(v.string(), v.unknown())

/**
 * One `status` message item, flattened with its channel and type. The
 * `connection_id` exceeds 2^53, so it is kept as its exact digits.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/status
 */
export const StatusResponseSchema = v.looseObject({
  channel: v.literal('status'),
  type: v.literal('update'),
  system: v.picklist(SYSTEM_STATUSES),
  api_version: v.string(),
  connection_id: v.pipe(v.string(), v.regex(/^\d+$/)),
  version: v.string(),
  upcoming_maintenance: v.exactOptional(v.array(MaintenanceNoticeSchema)),
  emergency: v.exactOptional(v.array(MaintenanceNoticeSchema)),
})

import type { Compatibility } from '../context.js'
import type { SystemStatus } from '../exchange/types.js'
import { encodeJson, raw } from '../json/encodeJson.js'
import type { Prng } from '../market/prng.js'

/**
 * A `connection_id`: a u64 above 2^53 (Kraken's are ~1e19), as digits, so it
 * goes on the wire as an exact integer literal.
 */
export function nextConnectionId(prng: Prng): string {
  const high = BigInt(prng.int(0x0040_0000, 0xffff_ffff))
  const low = BigInt(prng.uint32())
  return ((high << 32n) | low).toString()
}

/**
 * The `status` message sent on connect and when the engine status changes.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/status
 */
export function statusFrame(
  system: SystemStatus,
  connectionId: string,
  compatibility: Compatibility,
): string {
  return encodeJson({
    channel: 'status',
    type: 'update',
    data: [
      {
        version: compatibility.statusVersion,
        system,
        api_version: 'v2',
        connection_id: raw(connectionId),
        ...(compatibility.maintenanceFields
          ? { upcoming_maintenance: [], emergency: [] }
          : {}),
      },
    ],
  })
}

/** The heartbeat message. */
export const HEARTBEAT_FRAME = '{"channel":"heartbeat"}'

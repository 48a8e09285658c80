import { TickerState } from '@kraken-sockets/runtime/testing'
import { decodeMessage } from '@kraken-sockets/schema'
import type { Bench, Subject } from '../runner/types.js'

/** `decodeMessage` alone: what keeping the latest ticker is compared with. */
const decodeOnly: Subject = {
  name: 'decodeMessage',
  setup: () => decodeMessage,
}

/**
 * `decodeMessage`, then the client's kept state for each ticker value
 * (`TickerState.apply`: `timestamp_ms`, the latest per symbol), as the
 * runtime's consumer does before any handler runs.
 */
const decodeAndKeep: Subject = {
  name: 'decodeMessage + TickerState.apply',
  setup: () => {
    const tickers = new TickerState()
    return (frame) => {
      const decoded = decodeMessage(frame)
      if (!decoded.ok) return decoded
      for (const response of decoded.responses)
        if (
          response.name === 'TickerSnapshotResponse' ||
          response.name === 'TickerUpdateResponse'
        )
          tickers.apply(response.value)
      return tickers
    }
  },
}

/** The kept ticker's cost over decoding alone, on the ticker-heavy `mixed` corpus. */
export const stateBenches: readonly Bench[] = [
  {
    ...decodeAndKeep,
    name: 'state/tickers-mixed',
    corpus: 'mixed',
    baseline: decodeOnly,
  },
]

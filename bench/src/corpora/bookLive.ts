import { liveBookCapture, writeBookFrame } from './fixtures.js'

/**
 * The live BTC/USD capture (snapshot + 509 updates) in Kraken's wire format:
 * the capture lost trailing zeros, which the pair's precision restores.
 */
export function buildBookLive(): string[] {
  const { frames, pricePrecision, qtyPrecision } = liveBookCapture()
  return frames.map((frame) =>
    writeBookFrame(frame, pricePrecision, qtyPrecision),
  )
}

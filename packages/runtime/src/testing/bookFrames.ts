import { readFileSync } from 'node:fs'

interface RawLevel {
  price: number
  qty: number
}

interface RawBookFrame {
  type: 'snapshot' | 'update'
  data: {
    bids: RawLevel[]
    asks: RawLevel[]
    checksum: number
    timestamp?: string
  }[]
}

/**
 * The live BTC/USD book capture of `live-checksum-vectors.json` (a snapshot
 * and 509 updates, depth 10) as Kraken's wire text for `symbol`: the
 * capture lost trailing zeros, restored here with the pair's precision
 * (price 1, qty 8), so every checksum verifies.
 */
export function liveBookFrames(symbol = 'BTC/USD'): string[] {
  const url = new URL(
    '../../../../fixtures/kraken-v2/live-checksum-vectors.json',
    import.meta.url,
  )
  const vectors = JSON.parse(readFileSync(url, 'utf8')) as {
    vectors: {
      id: string
      fixture?: { init: RawBookFrame; updates: RawBookFrame[] }
    }[]
  }
  const capture = vectors.vectors.find(
    (vector) => vector.fixture?.init !== undefined,
  )?.fixture
  if (capture === undefined) throw new Error('No live book capture found.')
  return [capture.init, ...capture.updates].map((frame) =>
    bookFrameText(symbol, frame),
  )
}

/** A frame's text with its checksum replaced (a corrupted frame). */
export function withChecksum(text: string, checksum: number): string {
  return text.replace(/"checksum":\d+/, `"checksum":${checksum}`)
}

function bookFrameText(symbol: string, frame: RawBookFrame): string {
  const item = frame.data[0]
  if (item === undefined) throw new Error('Empty book frame.')
  const levels = (side: RawLevel[]) =>
    side
      .map(
        (level) =>
          `{"price":${level.price.toFixed(1)},"qty":${level.qty.toFixed(8)}}`,
      )
      .join(',')
  const timestamp =
    item.timestamp === undefined ? '' : `,"timestamp":"${item.timestamp}"`
  return `{"channel":"book","type":"${frame.type}","data":[{"symbol":"${symbol}","bids":[${levels(item.bids)}],"asks":[${levels(item.asks)}],"checksum":${item.checksum}${timestamp}}]}`
}

import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Where the shared Kraken frames live in the repository. */
export const FIXTURES = join(import.meta.dirname, '../../../fixtures/kraken-v2')

type Sample = { direction: string; channel_or_method: string; text: string }

/**
 * Received frames of `samples.json` and `live-samples.json` as their exact
 * text (one entry per line in those files, `message` last).
 */
export function receivedFrames(): Sample[] {
  const frames: Sample[] = []
  for (const file of ['samples.json', 'live-samples.json']) {
    const text = readFileSync(join(FIXTURES, file), 'utf8')
    for (const line of text.split('\n')) {
      const match = /^\s*(\{.*"message": )(\{.*\})\},?\s*$/.exec(line)
      if (!match?.[1] || !match[2]) continue
      const meta = JSON.parse(`${match[1]}null}`) as Omit<Sample, 'text'>
      frames.push({ ...meta, text: match[2] })
    }
  }
  return frames.filter((f) => f.direction === 'receive')
}

type BookLevel = { price: number; qty: number }
type BookFrame = {
  channel: 'book'
  type: 'snapshot' | 'update'
  data: {
    symbol: string
    bids: BookLevel[]
    asks: BookLevel[]
    checksum: number
    timestamp?: string
  }[]
}

/** The live BTC/USD book capture: a snapshot and 509 updates. */
export function liveBookCapture(): {
  frames: BookFrame[]
  pricePrecision: number
  qtyPrecision: number
} {
  const file = JSON.parse(
    readFileSync(join(FIXTURES, 'live-checksum-vectors.json'), 'utf8'),
  ) as {
    vectors: {
      channel: string
      price_precision: number
      qty_precision: number
      fixture?: { init: BookFrame; updates: BookFrame[] }
    }[]
  }
  const vector = file.vectors.find((v) => v.fixture?.updates !== undefined)
  if (vector?.fixture === undefined)
    throw new Error('live book capture not found')
  return {
    frames: [vector.fixture.init, ...vector.fixture.updates],
    pricePrecision: vector.price_precision,
    qtyPrecision: vector.qty_precision,
  }
}

/**
 * Writes a book frame as Kraken does: prices and quantities with the pair's
 * full precision (`0.00100000`), keys in wire order.
 */
export function writeBookFrame(
  frame: BookFrame,
  pricePrecision: number,
  qtyPrecision: number,
): string {
  const level = (l: BookLevel) =>
    `{"price":${l.price.toFixed(pricePrecision)},"qty":${l.qty.toFixed(qtyPrecision)}}`
  const items = frame.data.map((item) => {
    const timestamp =
      item.timestamp === undefined
        ? ''
        : `,"timestamp":${JSON.stringify(item.timestamp)}`
    return `{"symbol":${JSON.stringify(item.symbol)},"bids":[${item.bids.map(level).join(',')}],"asks":[${item.asks.map(level).join(',')}],"checksum":${item.checksum}${timestamp}}`
  })
  return `{"channel":"book","type":"${frame.type}","data":[${items.join(',')}]}`
}

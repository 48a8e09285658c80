import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { formatTapeTime } from '../format/time.js'

/*
 * Builds a tardis.dev raw file from the live BTC/USD capture in
 * fixtures/kraken-v2 (a snapshot and 509 updates, depth 10). The capture
 * was re-serialised by Python, which dropped trailing zeros; `restore`
 * writes each price and quantity with the pair's decimals again (1 and 8),
 * as Kraken sends them, so that the file verifies without precisions.
 */

const FIXTURE = join(
  import.meta.dirname,
  '../../../../fixtures/kraken-v2/live-checksum-vectors.json',
)
const VECTOR_ID = 'python-kraken-sdk-btcusd-live-capture-sequence'
const MONEY = /("(?:price|qty)"\s*:\s*)(-?\d[\d.eE+-]*)/g
const DECIMALS: Record<string, number> = { price: 1, qty: 8 }

type Frame = { data: { timestamp?: string }[] }

function frames(): Frame[] {
  // Money literals become strings before parsing, so no digit is lost.
  const text = readFileSync(FIXTURE, 'utf8').replace(MONEY, '$1"$2"')
  const { vectors } = JSON.parse(text) as {
    vectors: { id: string; fixture: { init: Frame; updates: Frame[] } }[]
  }
  const vector = vectors.find((v) => v.id === VECTOR_ID)
  if (vector === undefined) throw new Error(`fixture ${VECTOR_ID} is missing`)
  return [vector.fixture.init, ...vector.fixture.updates]
}

function micros(iso: string): number {
  const fraction = /\.(\d+)Z$/.exec(iso)?.[1] ?? ''
  return (
    Math.floor(Date.parse(iso) / 1000) * 1_000_000 +
    Number(fraction.padEnd(6, '0').slice(0, 6))
  )
}

/** The capture's frames as tardis.dev raw lines. */
export function liveTardisLines(restore: boolean): string[] {
  const all = frames()
  const firstUpdate = all.find((f) => f.data[0]?.timestamp !== undefined)
    ?.data[0]?.timestamp
  let last = micros(firstUpdate ?? '2023-07-30T00:00:00Z') - 1000
  return all.map((frame) => {
    const stamp = frame.data[0]?.timestamp
    last = Math.max(last + 1, stamp === undefined ? last : micros(stamp))
    const text = JSON.stringify(frame).replace(
      /"(price|qty)":"([^"]+)"/g,
      (_match, key: string, value: string) =>
        `"${key}":${restore ? Number(value).toFixed(DECIMALS[key] as number) : value}`,
    )
    return `${formatTapeTime(last)} ${text}`
  })
}

/** Writes the capture as a gzip tardis.dev file; returns its path. */
export function writeLiveTardisFile(dir: string, restore: boolean): string {
  const path = join(
    dir,
    restore ? 'kraken-live.restored.json.gz' : 'kraken-live.python.json.gz',
  )
  writeFileSync(path, gzipSync(`${liveTardisLines(restore).join('\n')}\n`))
  return path
}

/** Number of book values in the capture. */
export const LIVE_BOOK_VALUES = 510

import { decodeMessage } from '@kraken-sockets/schema'
import type { TapeEvent } from '../format/events.js'
import { parseTapeTime } from '../format/time.js'

/** The tardis.dev CSV data types `to-csv` writes. */
export type CsvType = 'incremental_book_L2' | 'trades'

/** Header lines, with tardis.dev's column names. */
export const CSV_HEADERS: Readonly<Record<CsvType, string>> = {
  incremental_book_L2:
    'exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount',
  trades: 'exchange,symbol,timestamp,local_timestamp,id,side,price,amount',
}

type Level = {
  price: number
  qty: number
  price_text?: string
  qty_text?: string
}

function micros(iso: unknown, fallback: number): number {
  if (typeof iso !== 'string') return fallback
  const ms = Date.parse(iso)
  if (!Number.isFinite(ms)) return fallback
  // Keep the µs digits Kraken sends (`.580044Z`).
  const fraction = /\.(\d+)Z$/.exec(iso)?.[1] ?? ''
  return (
    Math.floor(ms / 1000) * 1_000_000 +
    Number(fraction.padEnd(6, '0').slice(0, 6))
  )
}

/**
 * Rows (without newlines) of one tardis.dev CSV type for a received frame:
 * `incremental_book_L2` from `book` snapshots and updates (exact price and
 * amount digits; amount 0 removes a level), `trades` from `trade` frames.
 * Timestamps are µs since the epoch: Kraken's own, else the local one.
 */
export function csvRows(event: TapeEvent, type: CsvType): string[] {
  if (event.kind !== 'in') return []
  const wanted = type === 'trades' ? '"channel":"trade"' : '"channel":"book"'
  if (!event.text.includes(wanted)) return []
  const decoded = decodeMessage(event.text)
  if (!decoded.ok) return []
  const local = parseTapeTime(event.time)
  const rows: string[] = []
  for (const { value } of decoded.responses) {
    const item = value as Record<string, unknown>
    if (type === 'trades') {
      for (const trade of (item.trades ?? []) as Record<string, unknown>[]) {
        rows.push(
          `kraken,${String(trade.symbol)},${micros(trade.timestamp, local)},${local},${String(trade.trade_id)},${String(trade.side)},${String(trade.price)},${String(trade.qty)}`,
        )
      }
      continue
    }
    const snapshot = item.type === 'snapshot'
    const at = micros(item.timestamp, local)
    const sides: ['bid' | 'ask', unknown][] = [
      ['bid', item.bids],
      ['ask', item.asks],
    ]
    for (const [side, levels] of sides)
      for (const level of (levels ?? []) as Level[])
        rows.push(
          `kraken,${String(item.symbol)},${at},${local},${snapshot},${side},${level.price_text ?? level.price},${level.qty_text ?? level.qty}`,
        )
  }
  return rows
}

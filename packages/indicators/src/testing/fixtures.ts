import candlesCsv from './candles.csv?raw'
import rsiTableCsv from './rsi-stockcharts.csv?raw'
import tradesCsv from './trades.csv?raw'

/** A candle row of `candles.csv`, shaped as Kraken's decoded candles. */
export interface CandleRow {
  readonly symbol: string
  readonly interval: number
  readonly interval_begin: string
  readonly open: number
  readonly high: number
  readonly low: number
  readonly close: number
  readonly volume: number
  readonly vwap: number
  readonly trades: number
}

/** A trade row of `trades.csv`. */
export interface TradeRow {
  readonly timestamp: string
  readonly at: number
  readonly price: number
  readonly qty: number
}

function rows(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
}

const num = (cell: string | undefined): number => {
  const n = Number(cell)
  if (cell === undefined || cell === '' || Number.isNaN(n))
    throw new Error(`fixture: not a number: ${String(cell)}`)
  return n
}

/** 90 one-minute BTC/USD candles (a seeded random walk; row 42 has no trades). */
export const candles: readonly CandleRow[] = rows(candlesCsv).map((r) => ({
  symbol: 'BTC/USD',
  interval: 1,
  interval_begin: r[0] ?? '',
  open: num(r[1]),
  high: num(r[2]),
  low: num(r[3]),
  close: num(r[4]),
  volume: num(r[5]),
  vwap: num(r[6]),
  trades: num(r[5]) > 0 ? 7 : 0,
}))

/** 120 BTC/USD trades at irregular times. */
export const trades: readonly TradeRow[] = rows(tradesCsv).map((r) => ({
  timestamp: r[0] ?? '',
  at: Date.parse(r[0] ?? ''),
  price: num(r[1]),
  qty: num(r[2]),
}))

/**
 * StockCharts' published RSI(14) worked example ("Relative Strength Index"
 * in ChartSchool): closes (4 decimals, as in their spreadsheet) and the RSI they print, to 2 decimals.
 */
export const rsiTable: readonly { close: number; rsi: number | null }[] = rows(
  rsiTableCsv,
).map((r) => ({
  close: num(r[0]),
  rsi: r[1] === undefined || r[1] === '' ? null : num(r[1]),
}))

import type {
  BookPanel,
  LevelRow,
  MarketState,
  TickerRow,
} from './marketState.js'
import type { ScreenSection } from './screenLayout.js'

/** Book levels shown per side on the full screen. */
const BOOK_ROWS = 5

/**
 * The full-screen view (for a terminal) as sections: tickers, recent
 * trades, the book with its checksum status, and the activity log.
 * `fitScreen` lays them out to a terminal's size.
 */
export function screenSections(
  state: MarketState,
  now: number,
): ScreenSection[] {
  const ladder = bookLadder(state.bookPanel)
  return [
    {
      name: 'title',
      heading: [
        `kraken-sockets example bot · ${state.venue} · ${clock(now)} UTC · Ctrl-C to stop`,
      ],
      rows: [],
      dropFrom: 'end',
    },
    {
      name: 'tickers',
      heading: [
        row(['TICKER', 'last', 'bid', 'ask', '24h', 'volume'], TICKER_WIDTHS),
      ],
      rows:
        state.tickers.length === 0
          ? ['(waiting for tickers)']
          : state.tickers.map((ticker) => tickerLine(ticker)),
      dropFrom: 'end',
    },
    {
      name: 'trades',
      heading: [`TRADES ${state.focus} (${state.tradeCount} so far)`],
      // Newest first, so a short screen keeps the latest.
      rows:
        state.recentTrades.length === 0
          ? ['(waiting for trades)']
          : state.recentTrades
              .map(
                (trade) =>
                  `${trade.timestamp.slice(11, 23)}  ${trade.side.padEnd(4)}  ${trade.qty} @ ${trade.price}`,
              )
              .reverse(),
      dropFrom: 'end',
    },
    {
      name: 'book',
      heading: [`BOOK ${bookHeadline(state.bookPanel)}`, ...ladder.slice(0, 1)],
      rows: ladder.slice(1),
      dropFrom: 'end',
    },
    {
      name: 'activity',
      heading: ['ACTIVITY'],
      rows: state.activity.map((line) => `${clock(line.time)}  ${line.text}`),
      dropFrom: 'start',
    },
  ]
}

/** The whole screen, every section in full (no size limit). */
export function renderScreen(state: MarketState, now: number): string {
  const lines = screenSections(state, now).flatMap((section, index) => [
    ...(index > 0 ? [''] : []),
    ...section.heading,
    ...section.rows,
  ])
  return `${lines.join('\n')}\n`
}

/**
 * One line that sums the state up (for logs and pipes), e.g.
 * `12:00:03 tickers BTC/USD 65000.1 ETH/USD 3200 | trades 12, last buy
 * 0.01 @ 65000.1 | book BTC/USD in sync, bid 65000 ask 65000.1 spread 0.1,
 * checksum ok (40 verified)`.
 */
export function renderSummary(state: MarketState, now: number): string {
  const tickers =
    state.tickers.length === 0
      ? 'waiting'
      : state.tickers.map((t) => `${t.symbol} ${t.last}`).join(' ')
  const last = state.recentTrades.at(-1)
  const trades =
    last === undefined
      ? `trades ${state.tradeCount}`
      : `trades ${state.tradeCount}, last ${last.side} ${last.qty} @ ${last.price}`
  return `${clock(now)} tickers ${tickers} | ${trades} | book ${bookHeadline(state.bookPanel)}`
}

/** `BTC/USD in sync, bid 1 ask 2 spread 1, checksum ok (3 verified)` */
export function bookHeadline(book: BookPanel): string {
  const bid = book.bids[0]
  const ask = book.asks[0]
  const quote =
    bid === undefined || ask === undefined
      ? ''
      : `, bid ${bid.price} ask ${ask.price} spread ${spread(bid, ask)}`
  return `${book.symbol} ${stateText(book)}${quote}, ${checksumText(book)}`
}

function stateText(book: BookPanel): string {
  switch (book.state) {
    case 'in-sync':
      return 'in sync'
    case 'out-of-sync':
      return 'out of sync'
    default:
      return book.state
  }
}

function checksumText(book: BookPanel): string {
  const counts = `${book.verified} verified, ${book.mismatches} mismatches, ${book.resyncs} resyncs`
  if (book.state === 'in-sync' && book.verified > 0)
    return `checksum ok (${counts})`
  if (book.state === 'resyncing') return `checksum mismatch (${counts})`
  return `checksum pending (${counts})`
}

/** The spread in price units, with as many decimals as the prices have. */
function spread(bid: LevelRow, ask: LevelRow): string {
  const decimals = Math.max(decimalsOf(bid.price), decimalsOf(ask.price))
  return (Number(ask.price) - Number(bid.price)).toFixed(decimals)
}

function decimalsOf(text: string): number {
  const dot = text.indexOf('.')
  return dot === -1 ? 0 : text.length - dot - 1
}

function bookLadder(book: BookPanel): string[] {
  if (book.bids.length === 0 && book.asks.length === 0)
    return ['(waiting for the snapshot)']
  const rows = Math.min(BOOK_ROWS, Math.max(book.bids.length, book.asks.length))
  const lines = [ladderRow('bid qty', 'bid', 'ask', 'ask qty')]
  for (let i = 0; i < rows; i++) {
    const bid = book.bids[i]
    const ask = book.asks[i]
    lines.push(
      ladderRow(
        bid?.qty ?? '',
        bid?.price ?? '',
        ask?.price ?? '',
        ask?.qty ?? '',
      ),
    )
  }
  return lines
}

/** Bids on the left, asks on the right, best prices meeting in the middle. */
function ladderRow(
  bidQty: string,
  bid: string,
  ask: string,
  askQty: string,
): string {
  return `${row([bidQty, bid], [14, 12])} | ${row([ask, askQty], [-12, 14])}`.trimEnd()
}

const TICKER_WIDTHS = [-10, 14, 14, 14, 9, 16]

function tickerLine(ticker: TickerRow): string {
  const sign = ticker.changePct > 0 ? '+' : ''
  return row(
    [
      ticker.symbol,
      String(ticker.last),
      String(ticker.bid),
      String(ticker.ask),
      `${sign}${ticker.changePct.toFixed(2)}%`,
      String(ticker.volume),
    ],
    TICKER_WIDTHS,
  )
}

/** Pads each cell to its width: positive right-aligns, negative left-aligns. */
function row(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, i) => {
      const width = widths[i] ?? 0
      return width < 0 ? cell.padEnd(-width) : cell.padStart(width)
    })
    .join(' ')
    .trimEnd()
}

/** `HH:MM:SS` in UTC. */
function clock(time: number): string {
  return new Date(time).toISOString().slice(11, 19)
}

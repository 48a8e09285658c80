import type {
  BookState,
  TickerSnapshotResponse,
  TickerUpdateResponse,
  TradesUpdateResponse,
} from '@kraken-sockets/runtime'

/** One symbol's latest ticker, as the view shows it. */
export interface TickerRow {
  readonly symbol: string
  readonly last: number
  readonly bid: number
  readonly ask: number
  readonly changePct: number
  readonly volume: number
  /** Ticker messages received for this symbol. */
  readonly updates: number
}

/** One trade, as the view shows it. */
export type TradeRow = TradesUpdateResponse['trades'][number]

/** One price level of the book panel, as the exact text Kraken sent. */
export interface LevelRow {
  readonly price: string
  readonly qty: string
}

/** The focus symbol's book, read from the live book at render time. */
export interface BookPanel {
  readonly symbol: string
  readonly state: BookState | 'waiting'
  readonly bids: readonly LevelRow[]
  readonly asks: readonly LevelRow[]
  /** Updates verified against Kraken's checksum. */
  readonly verified: number
  readonly mismatches: number
  readonly resyncs: number
}

/** A line of the activity log (connections, resyncs, order acks, errors). */
export interface ActivityLine {
  readonly time: number
  readonly text: string
}

/** How many trades and activity lines are kept. */
const RECENT_TRADES = 8
const RECENT_ACTIVITY = 8

/**
 * Everything the bot shows: tickers, recent trades, the book and an
 * activity log. Handlers write it; the view reads it.
 */
export class MarketState {
  readonly #tickers = new Map<string, TickerRow>()
  #trades: TradeRow[] = []
  #tradeCount = 0
  #readBook: (() => BookPanel) | undefined
  #activity: ActivityLine[] = []
  readonly #now: () => number
  readonly #onActivity: ((line: ActivityLine) => void) | undefined

  /**
   * @param focus The symbol whose trades and book are shown.
   * @param options `now` (clock, default `Date.now`); `onActivity`, called with each new activity line.
   */
  constructor(
    readonly venue: string,
    readonly focus: string,
    options: {
      now?: () => number
      onActivity?: (line: ActivityLine) => void
    } = {},
  ) {
    this.#now = options.now ?? Date.now
    this.#onActivity = options.onActivity
  }

  /** Records a ticker snapshot or update. */
  ticker(value: TickerSnapshotResponse | TickerUpdateResponse): void {
    const previous = this.#tickers.get(value.symbol)
    this.#tickers.set(value.symbol, {
      symbol: value.symbol,
      last: value.last,
      bid: value.bid,
      ask: value.ask,
      changePct: value.change_pct,
      volume: value.volume,
      updates: (previous?.updates ?? 0) + 1,
    })
  }

  /** Records trades (newest last, as Kraken sends them). */
  trades(trades: readonly TradeRow[]): void {
    this.#tradeCount += trades.length
    this.#trades = [...this.#trades, ...trades].slice(-RECENT_TRADES)
  }

  /** Where the book panel is read from (a live book), once there is one. */
  readBookFrom(reader: () => BookPanel): void {
    this.#readBook = reader
  }

  /** Adds a line to the activity log. */
  note(text: string): void {
    const line = { time: this.#now(), text }
    this.#activity = [...this.#activity, line].slice(-RECENT_ACTIVITY)
    this.#onActivity?.(line)
  }

  /** Tickers in the order they first arrived. */
  get tickers(): readonly TickerRow[] {
    return [...this.#tickers.values()]
  }

  /** The most recent trades, newest last. */
  get recentTrades(): readonly TradeRow[] {
    return this.#trades
  }

  /** Trades received since the start. */
  get tradeCount(): number {
    return this.#tradeCount
  }

  /** The focus symbol's book as it is now. */
  get bookPanel(): BookPanel {
    return this.#readBook?.() ?? emptyBook(this.focus)
  }

  /** The most recent activity lines, newest last. */
  get activity(): readonly ActivityLine[] {
    return this.#activity
  }
}

function emptyBook(symbol: string): BookPanel {
  return {
    symbol,
    state: 'waiting',
    bids: [],
    asks: [],
    verified: 0,
    mismatches: 0,
    resyncs: 0,
  }
}

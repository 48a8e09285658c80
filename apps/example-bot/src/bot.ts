import {
  type BookEvent,
  type GapEvent,
  KrakenWebSocketAPI,
  type LiveBook,
  type LogContext,
  type LogLevel,
  TickerChannel,
  TickerSubscriptionRequest,
  TradesChannel,
  TradesSubscriptionRequest,
} from '@kraken-sockets/runtime'
import type { ConnectionEvent } from '@kraken-sockets/transport'
import type { BotArgs } from './args.js'
import { describeError } from './describeError.js'
import type { BookPanel, MarketState } from './marketState.js'
import { runOrderDemo } from './orderDemo.js'
import type { Venue } from './venue.js'

/** Levels the book is subscribed and verified at (the screen shows 5). */
const BOOK_DEPTH = 10

/** What {@link createBot} wires together. */
export interface BotOptions {
  readonly args: BotArgs
  readonly venue: Venue
  readonly state: MarketState
}

/** The wired client: `run(signal)` resolves once the signal aborted and the client stopped. */
export interface Bot {
  run(signal: AbortSignal): Promise<void>
}

/**
 * Wires a `KrakenWebSocketAPI` to the bot's state: tickers, the focus
 * symbol's trades and live book, connection and book events in the activity
 * log, and the order demo once the book is in sync.
 *
 * @example
 * ```ts
 * const venue = await openVenue(args, process.env)
 * const state = new MarketState(venue.label, args.focus)
 * await createBot({ args, venue, state }).run(AbortSignal.timeout(5_000))
 * ```
 */
export function createBot({ args, venue, state }: BotOptions): Bot {
  const kraken = new KrakenWebSocketAPI({
    ...venue.client,
    // The screen owns the terminal: log lines go to the activity panel.
    logger: (message, level, context) =>
      state.note(logLine(message, level, context)),
  })
  // Channel keys: each channel's snapshot, then its updates, on one queue.
  kraken.trigger(TickerChannel, (value) => state.ticker(value))
  kraken.trigger(TradesChannel, (value) => state.trades(value.trades))
  kraken.on('connection', (event) => {
    const line = connectionLine(event)
    if (line !== undefined) state.note(line)
  })
  kraken.on('book', (event) => state.note(bookLine(event)))
  kraken.on('gap', (event) => state.note(gapLine(event)))
  kraken.on('error', (error) => state.note(`error: ${describeError(error)}`))

  kraken.userTask(async (signal) => {
    const book = await kraken.book(args.focus, { depth: BOOK_DEPTH, signal })
    state.readBookFrom(() => bookPanel(book))
    if (venue.trading === 'off') {
      state.note(`order demo off: ${venue.tradingNote ?? 'no credentials'}`)
      return
    }
    await runOrderDemo({
      kraken,
      mode: venue.trading,
      book,
      report: (line) => state.note(line),
      signal,
    })
  })

  return {
    run: (signal) =>
      kraken.run(
        [
          TickerSubscriptionRequest([...args.symbols]),
          TradesSubscriptionRequest([args.focus], { snapshot: true }),
        ],
        { signal },
      ),
  }
}

function bookPanel(book: LiveBook): BookPanel {
  const stats = book.stats()
  const level = (entry: { price_text: string; qty_text: string }) => ({
    price: entry.price_text,
    qty: entry.qty_text,
  })
  return {
    symbol: book.symbol,
    state: book.state,
    bids: book.bids.slice(0, 5).map(level),
    asks: book.asks.slice(0, 5).map(level),
    verified: stats.verified,
    mismatches: stats.mismatches,
    resyncs: stats.resyncs,
  }
}

function logLine(
  message: string,
  level: LogLevel,
  context: LogContext | undefined,
): string {
  const fields = Object.entries(context ?? {})
    .map(([key, value]) => `${key}=${formatValue(value)}`)
    .join(' ')
  const prefix = level === 'info' ? '' : `${level}: `
  return `${prefix}${message}${fields === '' ? '' : ` ${fields}`}`
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** Lost sockets and reconnect plans; `open` is logged by the client itself. */
function connectionLine(event: ConnectionEvent): string | undefined {
  switch (event.status) {
    case 'reconnecting': {
      const why =
        event.reason.kind === 'server'
          ? `closed by the server (${event.reason.code})`
          : event.reason.kind
      return `${event.endpoint} socket lost: ${why}; reconnecting in ${event.delay} ms (attempt ${event.attempt})`
    }
    case 'stale':
      return `${event.endpoint} socket silent for ${event.silentFor} ms: replacing it`
    default:
      return undefined
  }
}

function bookLine(event: BookEvent): string {
  const reason = event.reason === undefined ? '' : ` (${event.reason})`
  return `book ${event.symbol}: ${event.state}${reason}`
}

function gapLine(event: GapEvent): string {
  switch (event.source) {
    case 'reconnect':
      return `resync: ${event.endpoint} socket back, replaying ${event.channels.join(', ')} (${event.symbols.join(', ')} may have missed data)`
    case 'handler':
    case 'stream':
      return `gap: ${event.dropped} ${event.key} values dropped (a consumer fell behind)`
    default:
      return `gap: ${event.source}`
  }
}

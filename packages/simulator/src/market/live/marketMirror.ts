import type { MarketEvent } from '../market.js'
import type { SymbolMarket, Trade } from '../symbolMarket.js'
import { applyLiveStep, replaceBook } from './liveStep.js'
import { applyTicker, bookLevels, tradeOf } from './upstreamFrames.js'

/** What a mirrored feed drives. */
export type MirrorTarget = {
  readonly markets: ReadonlyMap<string, SymbolMarket>
  /** Publishes one event to local subscribers and the exchange. */
  readonly publish: (event: MarketEvent, market: SymbolMarket) => void
  readonly now: () => number
}

/** Hooks of a {@link createMarketMirror}. */
export type MirrorHooks = {
  /** Levels past this depth leave the local book. */
  readonly depth: number
  /** A book snapshot replaced one symbol's book. */
  readonly onSnapshot?: (symbol: string) => void
  /** The book of one symbol moved by an update (not a snapshot). */
  readonly onUpdate?: (symbol: string) => void
  /** The feed refused a subscription. */
  readonly onRefused?: (error: string) => void
}

type Frame = Record<string, unknown>

/**
 * Applies public v2 frames (from a live upstream or a tape) to the
 * simulator's market: book snapshots replace the local book, book updates
 * and trades step it, tickers set its 24h statistics. Returns the handler
 * of one frame's text; frames it does not follow are ignored.
 */
export function createMarketMirror(
  target: MirrorTarget,
  hooks: MirrorHooks,
): (text: string) => void {
  function onBook(frame: Frame, entry: Frame) {
    const market = target.markets.get(String(entry.symbol))
    if (market === undefined) return
    const levels = bookLevels(market, entry)
    let changes = levels
    if (frame.type === 'snapshot') {
      const wanted = {
        bid: new Map<number, number>(),
        ask: new Map<number, number>(),
      }
      for (const level of levels)
        if (level.qty > 0) wanted[level.side].set(level.price, level.qty)
      changes = replaceBook(market, wanted)
    }
    if (changes.length > 0)
      target.publish(applyLiveStep(market, changes, [], target.now()), market)
    // Levels the upstream pushed out of its depth leave ours too.
    trim(market)
    if (frame.type === 'snapshot') hooks.onSnapshot?.(market.spec.symbol)
    else hooks.onUpdate?.(market.spec.symbol)
  }

  function trim(market: SymbolMarket) {
    for (const side of ['bid', 'ask'] as const) {
      const book = market.book[side]
      if (book.size <= hooks.depth) continue
      const gone = book.prices
        .slice(hooks.depth)
        .map((price) => ({ side, price, qty: 0 }))
      target.publish(applyLiveStep(market, gone, [], target.now()), market)
    }
  }

  function onTrades(frame: Frame, data: Frame[]) {
    const bySymbol = new Map<SymbolMarket, Trade[]>()
    for (const entry of data) {
      const market = target.markets.get(String(entry.symbol))
      const trade = market === undefined ? undefined : tradeOf(market, entry)
      if (market === undefined || trade === undefined) continue
      bySymbol.set(market, [...(bySymbol.get(market) ?? []), trade])
    }
    for (const [market, trades] of bySymbol) {
      if (frame.type === 'snapshot') {
        // History only: the last trades, without publishing them as new.
        market.trades.splice(0, market.trades.length, ...trades.slice(-50))
        continue
      }
      target.publish(applyLiveStep(market, [], trades, target.now()), market)
    }
  }

  return (text) => {
    let frame: Frame
    try {
      frame = JSON.parse(text) as Frame
    } catch {
      return
    }
    if (frame.method === 'subscribe' && frame.success === false) {
      hooks.onRefused?.(String(frame.error))
      return
    }
    const data = Array.isArray(frame.data) ? (frame.data as Frame[]) : []
    if (frame.channel === 'book') for (const entry of data) onBook(frame, entry)
    else if (frame.channel === 'trade') onTrades(frame, data)
    else if (frame.channel === 'ticker')
      for (const entry of data) {
        const market = target.markets.get(String(entry.symbol))
        if (market !== undefined) applyTicker(market, entry)
      }
  }
}

import type { SimulatorContext } from '../context.js'
import type { Exchange } from '../exchange/exchangeTypes.js'

/**
 * Republishes the books (L2 `book` and `level3`) after the exchange's own
 * orders change (rest, fill, amend, cancel): once per symbol per burst of
 * events, so a batch of orders becomes one message per channel and depth.
 * Returns the function that stops it.
 */
export function showOwnOrders(
  context: Pick<
    SimulatorContext,
    'book' | 'level3' | 'market' | 'now' | 'isReplay'
  >,
  exchange: Pick<Exchange, 'subscribe'>,
): () => void {
  const dirty = new Set<string>()
  let stopped = false
  const flush = () => {
    if (stopped) return
    const time = context.now()
    for (const symbol of dirty) {
      const market = context.market.symbols.get(symbol)
      if (market === undefined) continue
      context.book.publishOwnOrders(market, time)
      context.level3.publishOwnOrders(market, time)
    }
    dirty.clear()
  }
  const unsubscribe = exchange.subscribe((event) => {
    if (event.channel !== 'executions' || context.isReplay) return
    if (dirty.size === 0) queueMicrotask(flush)
    dirty.add(event.symbol)
  })
  return () => {
    stopped = true
    unsubscribe()
  }
}

import type { SimulatorContext } from '../context.js'
import type { Exchange } from '../exchange/exchangeTypes.js'

/**
 * Republishes level3 after the exchange's own orders change (rest, fill,
 * amend, cancel): once per symbol per burst of events, so a batch of
 * orders becomes one message. Returns the function that stops it.
 */
export function showOwnOrdersInLevel3(
  context: Pick<SimulatorContext, 'level3' | 'market' | 'now' | 'isReplay'>,
  exchange: Pick<Exchange, 'subscribe'>,
): () => void {
  const dirty = new Set<string>()
  let stopped = false
  const flush = () => {
    if (stopped) return
    const time = context.now()
    for (const symbol of dirty) {
      const market = context.market.symbols.get(symbol)
      if (market !== undefined) context.level3.publishOwnOrders(market, time)
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

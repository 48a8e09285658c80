/**
 * A program for `stopped.simulator.test.ts`: subscribes, opens a book, stops,
 * tries every entry point once more (printing what each rejected with) and
 * then simply ends: nothing may keep the process alive after `stop()`.
 */
import {
  AddOrderRequest,
  KrakenWebSocketAPI,
  TickerSubscriptionRequest,
} from '@kraken-sockets/runtime'

const kraken = new KrakenWebSocketAPI({
  publicUrl: process.env.KRAKEN_WS_PUBLIC_URL,
  logLevel: 'error',
})
const running = kraken.run([TickerSubscriptionRequest(['BTC/USD'])])
const book = await kraken.book('BTC/USD')
process.stdout.write(`book in sync: ${book.inSync}\n`)
await kraken.stop()
await running
const attempts: Record<string, () => Promise<unknown>> = {
  subscribe: () => kraken.subscribe(TickerSubscriptionRequest(['ETH/USD'])),
  book: () => kraken.book('ETH/USD'),
  run: () => kraken.run([]),
  request: () =>
    kraken.request(
      AddOrderRequest({
        order_type: 'market',
        side: 'buy',
        symbol: 'BTC/USD',
        order_qty: '0.0001',
      }),
    ),
}
for (const [name, attempt] of Object.entries(attempts)) {
  const outcome = await attempt().then(
    () => 'resolved',
    (error: Error) => error.name,
  )
  process.stdout.write(`${name}: ${outcome}\n`)
}

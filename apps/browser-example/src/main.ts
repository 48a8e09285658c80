/**
 * A live ticker in the browser, over the WHATWG WebSocket transport.
 * `?url=ws://127.0.0.1:8080/v2` points it at a simulator (default: Kraken's
 * public endpoint, which needs no key); `?symbols=BTC/USD,ETH/USD` picks
 * the symbols. Public data only: a private token must come from your own
 * server (`getToken`), never from an API secret in the page.
 */
import {
  KrakenWebSocketAPI,
  TickerSnapshotResponse,
  TickerSubscriptionRequest,
  TickerUpdateResponse,
} from '@kraken-sockets/runtime'
import { webSocket } from '@kraken-sockets/transport'
import { createTickerTable } from './tickerTable.js'

const DEFAULT_SYMBOLS = 'BTC/USD,ETH/USD,SOL/USD'

const query = new URLSearchParams(location.search)
const symbols = (query.get('symbols') ?? DEFAULT_SYMBOLS)
  .split(',')
  .map((symbol) => symbol.trim())
  .filter((symbol) => symbol !== '')
const body = document.querySelector<HTMLTableSectionElement>('#tickers')
const status = document.querySelector<HTMLElement>('#status')
if (body === null || status === null) throw new Error('index.html changed')

const table = createTickerTable(body, symbols)
const kraken = new KrakenWebSocketAPI({
  ...(query.has('url') ? { publicUrl: query.get('url') ?? '' } : {}),
  // The browser's own WebSocket; no `ws`, no Node API.
  transport: () => webSocket(),
  logger: (message, level) => {
    if (level !== 'debug') status.textContent = message
  },
})
kraken.trigger(TickerSnapshotResponse, (value) => table.update(value))
kraken.trigger(TickerUpdateResponse, (value) => table.update(value))
kraken.on('connection', (event) => {
  status.textContent = `${event.endpoint} socket: ${event.status}`
  status.dataset.status = event.status
})
kraken.on('error', (error) => {
  status.textContent = `error: ${error.message.split('\n')[0]}`
})
addEventListener('pagehide', () => void kraken.stop())
void kraken.run([TickerSubscriptionRequest(symbols)])

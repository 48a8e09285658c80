/**
 * The desk's dashboard: reads the desk's own HTTP API (same origin; the
 * read cookie from /login) and its event stream. Placing an order needs the
 * trade token, typed in and kept in memory only.
 */
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import './style.css'

/**
 * Stepped lines for the depth chart; uPlot builds without the stepped path
 * builder fall back to their default lines (hence no `paths` key at all).
 */
const steps = (align: 1 | -1): Pick<uPlot.Series, 'paths'> => {
  const stepped = uPlot.paths.stepped
  return stepped === undefined ? {} : { paths: stepped({ align }) }
}

type Level = { price: number; qty: number }
type Book = {
  symbol: string
  in_sync: boolean
  mid: number | null
  bids: Level[]
  asks: Level[]
}

const $ = <T extends HTMLElement>(id: string) =>
  document.getElementById(id) as T
const fmt = (n: unknown) =>
  typeof n === 'number'
    ? n.toLocaleString('en-US', { maximumFractionDigits: 8 })
    : '–'
const text = (tag: string, content: string, className?: string) => {
  const el = document.createElement(tag)
  el.textContent = content
  if (className !== undefined) el.className = className
  return el
}

async function get<T>(path: string): Promise<T> {
  const response = await fetch(path, { credentials: 'same-origin' })
  if (!response.ok) throw new Error(`${path}: ${response.status}`)
  return (await response.json()) as T
}

const tickers = new Map<string, { bid: number; ask: number; last: number }>()
function renderTickers() {
  const rows = [...tickers]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([symbol, t]) => {
      const tr = document.createElement('tr')
      tr.dataset.symbol = symbol
      for (const cell of [symbol, fmt(t.bid), fmt(t.ask), fmt(t.last)])
        tr.append(text('td', cell))
      return tr
    })
  $('tickers').replaceChildren(...rows)
}

let chart: uPlot | undefined
function renderDepth(book: Book) {
  $('book-state').textContent = book.in_sync
    ? `in sync · mid ${fmt(book.mid)}`
    : 'OUT OF SYNC'
  // Cumulative depth: bids from the best price down, asks from the best up.
  const bids = [...book.bids].reverse()
  const asks = book.asks
  const xs: number[] = []
  const bidDepth: (number | null)[] = []
  const askDepth: (number | null)[] = []
  let sum = book.bids.reduce((s, l) => s + l.qty, 0)
  for (const level of bids) {
    xs.push(level.price)
    bidDepth.push(sum)
    askDepth.push(null)
    sum -= level.qty
  }
  sum = 0
  for (const level of asks) {
    sum += level.qty
    xs.push(level.price)
    bidDepth.push(null)
    askDepth.push(sum)
  }
  const data: uPlot.AlignedData = [xs, bidDepth, askDepth]
  if (chart === undefined) {
    chart = new uPlot(
      {
        width: 480,
        height: 220,
        scales: { x: { time: false } },
        series: [
          { label: 'price' },
          {
            label: 'bids',
            stroke: '#0a7d32',
            fill: 'rgba(10,125,50,.15)',
            ...steps(1),
          },
          {
            label: 'asks',
            stroke: '#b3261e',
            fill: 'rgba(179,38,30,.15)',
            ...steps(-1),
          },
        ],
      },
      data,
      $('depth'),
    )
  } else chart.setData(data)
  $('depth').dataset.levels = String(xs.length)
}

function pushLimited(list: HTMLElement, item: HTMLElement, max = 50) {
  list.prepend(item)
  while (list.children.length > max) list.lastElementChild?.remove()
}

async function refresh() {
  const symbol = $<HTMLSelectElement>('book-symbol').value
  const [book, orders, indicators] = await Promise.all([
    get<Book>(`/book?symbol=${encodeURIComponent(symbol)}&levels=25`),
    get<{ orders: Record<string, unknown>[] }>('/orders'),
    get<{ series: Record<string, unknown> }>('/indicators'),
  ])
  renderDepth(book)
  $('orders').replaceChildren(
    ...orders.orders.map((o) => {
      const tr = document.createElement('tr')
      tr.dataset.orderId = String(o.order_id)
      for (const cell of [
        o.order_id,
        o.symbol,
        o.side,
        fmt(o.order_qty),
        fmt(o.limit_price),
        o.order_status,
      ]) {
        tr.append(text('td', String(cell ?? '')))
      }
      return tr
    }),
  )
  $('indicators').replaceChildren(
    ...Object.entries(indicators.series).flatMap(([name, value]) => [
      text('dt', name),
      text(
        'dd',
        typeof value === 'object' && value !== null
          ? Object.entries(value)
              .map(([k, v]) => `${k} ${fmt(v)}`)
              .join(' · ')
          : fmt(value),
      ),
    ]),
  )
}

function connectEvents() {
  const source = new EventSource(
    '/events?kinds=ticker,trade,alert,connection,execution',
  )
  source.addEventListener('open', () => {
    $('health').textContent = 'stream open'
  })
  source.addEventListener('error', () => {
    $('health').textContent = 'stream reconnecting…'
  })
  source.addEventListener('ticker', (e) => {
    const t = JSON.parse((e as MessageEvent<string>).data) as {
      symbol: string
      bid: number
      ask: number
      last: number
    }
    tickers.set(t.symbol, t)
    renderTickers()
  })
  source.addEventListener('trade', (e) => {
    type Trade = { symbol?: string; side: string; price: number; qty: number }
    const v = JSON.parse((e as MessageEvent<string>).data) as Trade & {
      trades?: Trade[]
    }
    for (const trade of v.trades ?? [v]) {
      const symbol = trade.symbol ?? v.symbol ?? ''
      pushLimited(
        $('trades'),
        text(
          'li',
          `${symbol} ${trade.side} ${fmt(trade.qty)} @ ${fmt(trade.price)}`,
          trade.side,
        ),
      )
    }
  })
  source.addEventListener('alert', (e) => {
    const a = JSON.parse((e as MessageEvent<string>).data) as {
      conditionId: string
      on: string
      op: string
      value: number
    }
    const item = text(
      'li',
      `${new Date().toLocaleTimeString()} ${a.conditionId}: ${a.on} ${a.op} (${fmt(a.value)})`,
    )
    item.dataset.condition = a.conditionId
    pushLimited($('alerts'), item)
  })
  source.addEventListener('connection', (e) => {
    const c = JSON.parse((e as MessageEvent<string>).data) as {
      endpoint?: string
      status?: string
      book?: string
      state?: string
    }
    $('health').textContent =
      c.book !== undefined
        ? `book ${c.book}: ${c.state}`
        : `${c.endpoint ?? ''} ${c.status ?? ''}`
  })
}

async function placeOrder(event: SubmitEvent) {
  event.preventDefault()
  const body = {
    symbol: $<HTMLSelectElement>('order-symbol').value,
    side: $<HTMLSelectElement>('order-side').value,
    order_type: 'limit',
    order_qty: $<HTMLInputElement>('order-qty').value,
    limit_price: $<HTMLInputElement>('order-price').value,
  }
  const response = await fetch('/orders', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${$<HTMLInputElement>('token').value}`,
      'Idempotency-Key': crypto.randomUUID(),
    },
    body: JSON.stringify(body),
  })
  const answer = (await response.json()) as {
    result?: { order_id?: string }
    error?: { kind: string; message: string }
  }
  $('order-result').textContent = response.ok
    ? `placed ${answer.result?.order_id ?? ''}`
    : `${answer.error?.kind}: ${answer.error?.message}`
  await refresh()
}

async function main() {
  const status = await get<{ mode: string; risk: { symbols: string[] } }>(
    '/status',
  )
  $('mode').textContent = `${status.mode} mode`
  for (const id of ['book-symbol', 'order-symbol']) {
    $(id).replaceChildren(...status.risk.symbols.map((s) => text('option', s)))
  }
  const first = await get<{
    tickers: Record<string, { bid: number; ask: number; last: number }>
  }>('/tickers')
  for (const [symbol, t] of Object.entries(first.tickers))
    tickers.set(symbol, t)
  renderTickers()
  connectEvents()
  $<HTMLFormElement>('order-form').addEventListener(
    'submit',
    (e) => void placeOrder(e),
  )
  await refresh()
  setInterval(() => void refresh().catch(() => undefined), 1_000)
}

main().catch((error: unknown) => {
  $('health').textContent = `error: ${String(error)}`
})

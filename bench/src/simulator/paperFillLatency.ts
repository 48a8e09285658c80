// Paper fills: the latency from a book change upstream to the execution
// report on the paper account. The upstream (a stand-in for Kraken's public
// feed) is a second simulator; the paper simulator mirrors it in live mode.
// Each round rests a paper buy at the best bid P, then the upstream sends a
// book update with an ask at P (published on its book topic, as its feed
// would): the paper exchange fills the buy once the mirrored book crosses it,
// then a second update takes the ask away again.
//
// Times from the moment the upstream sends the update (t0), same process:
//   t1  an observer of the paper simulator's public book sees the ask at P
//       (the mirror hop alone: the baseline)
//   t2  the paper account's `executions` subscriber gets the trade report
// Reported: t2 - t0, t1 - t0 and their ratio (median over the rounds).
//
// pnpm --filter bench exec tsx --conditions=@kraken-sockets/source src/simulator/paperFillLatency.ts [rounds]
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { WebSocket } from 'ws'

const rounds = Number(process.argv[2] ?? 50)
const SYMBOL = 'BTC/USD'

type Frame = Record<string, unknown>
type Level = { price: number; qty: number }

/** A socket with a frame listener list and JSON send. */
async function open(url: string) {
  const socket = new WebSocket(url)
  const listeners = new Set<(frame: Frame, at: number) => void>()
  socket.on('message', (data) => {
    const at = performance.now()
    const frame = JSON.parse(String(data)) as Frame
    for (const listener of listeners) listener(frame, at)
  })
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  let reqId = 0
  return {
    socket,
    /** Resolves with the first frame (and its arrival time) matching `match`. */
    when(
      match: (frame: Frame) => boolean,
    ): Promise<{ frame: Frame; at: number }> {
      return new Promise((resolve) => {
        const listener = (frame: Frame, at: number) => {
          if (!match(frame)) return
          listeners.delete(listener)
          resolve({ frame, at })
        }
        listeners.add(listener)
      })
    },
    /** Sends a request and resolves with its response. */
    async request(method: string, params: Frame): Promise<Frame> {
      const req_id = ++reqId
      const answer = this.when(
        (f) => f.method === method && f.req_id === req_id,
      )
      socket.send(JSON.stringify({ method, params, req_id }))
      const { frame } = await answer
      if (frame.success !== true)
        throw new Error(`${method} failed: ${String(frame.error)}`)
      return frame
    },
  }
}

/** Whether a book frame of SYMBOL shows `price` on the ask side (qty > 0). */
function asksAt(price: number) {
  return (frame: Frame) =>
    frame.channel === 'book' &&
    ((frame.data as Frame[] | undefined) ?? []).some(
      (entry) =>
        entry.symbol === SYMBOL &&
        ((entry.asks as Level[] | undefined) ?? []).some(
          (level) => level.price === price && level.qty > 0,
        ),
    )
}

async function bookObserver(simulator: Simulator) {
  const client = await open(simulator.publicUrl)
  await client.request('subscribe', {
    channel: 'book',
    symbol: [SYMBOL],
    depth: 10,
  })
  return client
}

/** Best bid and ask of the paper simulator (REST `Depth`). */
async function spread(simulator: Simulator) {
  const response = await fetch(
    `${simulator.restUrl}/0/public/Depth?pair=XBTUSD&count=1`,
  )
  const json = (await response.json()) as {
    result: Record<string, { bids: [string][]; asks: [string][] }>
  }
  const book = Object.values(json.result)[0]
  return {
    bid: Number(book?.bids[0]?.[0]),
    ask: Number(book?.asks[0]?.[0]),
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return (
    sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ??
    Number.NaN
  )
}

async function main() {
  const upstream = await startSimulator({
    rate: 0,
    seed: 'bench-upstream',
    auth: 'any-token',
    rateTier: false,
  })
  const paper = await startSimulator({
    market: { live: { url: upstream.publicUrl, depth: 100 } },
    seed: 'bench-paper',
    auth: 'any-token',
    rateTier: false,
  })
  const paperBook = await bookObserver(paper)
  const account = await open(paper.privateUrl)
  await account.request('subscribe', { channel: 'executions', token: 'paper' })
  const upstreamTopic = `book:${SYMBOL}:100`
  const askUpdate = (price: number, qty: number) =>
    JSON.stringify({
      channel: 'book',
      type: 'update',
      data: [
        {
          symbol: SYMBOL,
          bids: [],
          asks: [{ price, qty }],
          checksum: 0,
          timestamp: new Date().toISOString(),
        },
      ],
    })

  const fill: number[] = []
  const mirror: number[] = []
  for (let round = 0; round < rounds; round++) {
    const { bid: price } = await spread(paper)
    const bought = await account.request('add_order', {
      order_type: 'limit',
      side: 'buy',
      symbol: SYMBOL,
      order_qty: 0.001,
      limit_price: price,
      token: 'paper',
    })
    const orderId = (bought.result as Frame).order_id
    const mirrored = paperBook.when(asksAt(price))
    const report = account.when(
      (f) =>
        f.channel === 'executions' &&
        ((f.data as Frame[] | undefined) ?? []).some(
          (r) => r.order_id === orderId && r.exec_type === 'trade',
        ),
    )
    const t0 = performance.now()
    if (upstream.publish(upstreamTopic, askUpdate(price, 0.5)) !== 1)
      throw new Error(`the paper simulator does not follow ${upstreamTopic}`)
    const [t1, t2] = await Promise.all([mirrored, report])
    if (round >= 3) {
      // The first rounds warm up the JIT and the sockets.
      fill.push(t2.at - t0)
      mirror.push(t1.at - t0)
    }
    // The upstream's ask goes away; wait until the paper book has seen it.
    const gone = paperBook.when(
      (f) =>
        f.channel === 'book' &&
        ((f.data as Frame[] | undefined) ?? []).some((entry) =>
          ((entry.asks as Level[] | undefined) ?? []).some(
            (level) => level.price === price && level.qty === 0,
          ),
        ),
    )
    upstream.publish(upstreamTopic, askUpdate(price, 0))
    await gone
  }
  for (const client of [paperBook, account]) client.socket.terminate()
  await paper.close()
  await upstream.close()

  const fillMedian = median(fill)
  const mirrorMedian = median(mirror)
  console.log(
    `paper fill latency over ${fill.length} rounds (book change upstream -> execution report)`,
  )
  console.log(
    `  fill    median ${fillMedian.toFixed(3)} ms, p90 ${quantile(fill, 0.9).toFixed(3)} ms`,
  )
  console.log(
    `  mirror  median ${mirrorMedian.toFixed(3)} ms, p90 ${quantile(mirror, 0.9).toFixed(3)} ms (baseline: the book update alone)`,
  )
  console.log(
    `  ratio   fill / mirror = ${(fillMedian / mirrorMedian).toFixed(2)}x`,
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})

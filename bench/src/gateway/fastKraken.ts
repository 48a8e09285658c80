import type { Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import { type WebSocket, WebSocketServer } from 'ws'
import { freePort } from './natsServer.js'

/** The symbols the stand-in streams tickers for. */
export const SYMBOLS = Array.from({ length: 10 }, (_, i) => `S${i}/USD`)

/** Wall-clock time in µs, comparable across processes on one machine. */
export const nowMicros = () =>
  Math.round((performance.timeOrigin + performance.now()) * 1000)

/** A ticker frame in Kraken's layout; `volume` carries `stamp` (µs) with exact digits. */
function tickerFrame(symbol: string, stamp: number): string {
  return `{"channel":"ticker","type":"update","data":[{"symbol":"${symbol}","bid":26500.1,"bid_qty":0.50000000,"ask":26500.2,"ask_qty":1.25000000,"last":26500.1,"volume":${stamp},"vwap":26480.5,"low":26000.0,"high":27000.0,"change":100.0,"change_pct":0.38}]}`
}

/** Frames built before a burst, so the source spends its time sending only. */
const PREBUILT = Array.from({ length: 4_096 }, (_, i) =>
  tickerFrame(SYMBOLS[i % SYMBOLS.length] as string, 1_000_000 + i),
)

/** The raw TCP socket under a `ws` socket, to batch writes with cork/uncork. */
function rawSocket(socket: WebSocket): Socket | undefined {
  return (socket as unknown as { _socket?: Socket })._socket
}

function answer(socket: WebSocket, data: unknown): void {
  const frame = JSON.parse(String(data)) as {
    method?: string
    req_id?: number
    params?: { channel?: string; symbol?: string[] }
  }
  const now = new Date().toISOString()
  if (frame.method === 'ping')
    socket.send(
      JSON.stringify({
        method: 'pong',
        req_id: frame.req_id,
        time_in: now,
        time_out: now,
      }),
    )
  if (frame.method === 'subscribe')
    for (const symbol of frame.params?.symbol ?? [])
      socket.send(
        JSON.stringify({
          method: 'subscribe',
          req_id: frame.req_id,
          success: true,
          result: { channel: frame.params?.channel, symbol, snapshot: true },
          time_in: now,
          time_out: now,
        }),
      )
}

/**
 * A Kraken stand-in fast enough to find the gateway's limit: a raw `ws`
 * server that acks subscribes, then sends pre-built ticker frames, each
 * chunk's writes batched into few TCP writes (cork/uncork). Paced frames
 * carry their send time in `volume` for latency.
 */
export async function startFastKraken() {
  const port = await freePort()
  const server = new WebSocketServer({ host: '127.0.0.1', port })
  const sockets = new Set<WebSocket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('message', (data) => answer(socket, data))
  })
  await new Promise((resolve) => server.once('listening', resolve))
  const sendAll = (texts: readonly string[]) => {
    for (const socket of sockets) {
      const raw = rawSocket(socket)
      raw?.cork()
      for (const text of texts) socket.send(text)
      raw?.uncork()
    }
  }
  let n = 0
  return {
    url: `ws://127.0.0.1:${port}/v2`,
    /** Sends `count` pre-built frames to every socket, in chunks that yield to I/O. */
    async burst(count: number) {
      for (let sent = 0; sent < count; ) {
        const chunk = Math.min(1_000, count - sent)
        const texts: string[] = []
        for (let i = 0; i < chunk; i++)
          texts.push(PREBUILT[n++ % PREBUILT.length] as string)
        sendAll(texts)
        sent += chunk
        await new Promise((resolve) => setImmediate(resolve))
      }
    },
    /** Sends `count` frames at `rate` per second, each stamped when sent. */
    async paced(count: number, rate: number) {
      const started = performance.now()
      for (let sent = 0; sent < count; ) {
        const due = Math.floor(((performance.now() - started) / 1000) * rate)
        const texts: string[] = []
        while (sent < Math.min(due, count)) {
          texts.push(
            tickerFrame(SYMBOLS[n++ % SYMBOLS.length] as string, nowMicros()),
          )
          sent++
        }
        sendAll(texts)
        await new Promise((resolve) => setTimeout(resolve, 1))
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.terminate()
        server.close(() => resolve())
      }),
  }
}

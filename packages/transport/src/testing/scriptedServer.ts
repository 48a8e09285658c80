import { createServer } from 'node:net'
import { type WebSocket, WebSocketServer } from 'ws'
import type {
  Transport,
  TransportEventMap,
  TransportEventName,
} from '../types.js'

/** A loopback `ws` server whose behaviour each test scripts. */
export type ScriptedServer = {
  url: string
  /** Every socket accepted so far. */
  readonly sockets: WebSocket[]
  /** Texts received, per socket, in order. */
  readonly received: string[]
  /** Resolves with the next accepted socket (or one not yet claimed). */
  nextSocket(): Promise<WebSocket>
  close(): Promise<void>
}

export type ScriptedServerOptions = {
  /** Answer `ping` with a Kraken-shaped `pong`. @default true */
  answerPings?: boolean
  /** Send a `status` frame on connect, as Kraken does. @default true */
  greet?: boolean
  /** Fixed `time_in`/`time_out` of pongs. @default now */
  pongTimes?: { time_in: string; time_out: string }
}

export const STATUS_FRAME =
  '{"channel":"status","type":"update","data":[{"version":"2.0.10","system":"online","api_version":"v2","connection_id":18125794168470749634,"upcoming_maintenance":[],"emergency":[]}]}'

export async function startScriptedServer(
  options: ScriptedServerOptions = {},
): Promise<ScriptedServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => wss.once('listening', resolve))
  const address = wss.address()
  const port =
    typeof address === 'object' && address !== null ? address.port : 0
  const sockets: WebSocket[] = []
  const received: string[] = []
  const unclaimed: WebSocket[] = []
  const claims: Array<(socket: WebSocket) => void> = []
  wss.on('connection', (socket) => {
    sockets.push(socket)
    socket.on('error', () => {})
    socket.on('message', (data) => {
      const text = data.toString()
      received.push(text)
      const ping = /^\{"method":"ping","req_id":(\d+)\}$/.exec(text)
      if (ping !== null && options.answerPings !== false) {
        const now = new Date().toISOString()
        const times = options.pongTimes ?? { time_in: now, time_out: now }
        socket.send(
          `{"method":"pong","req_id":${ping[1]},"time_in":"${times.time_in}","time_out":"${times.time_out}"}`,
        )
      }
    })
    if (options.greet !== false) socket.send(STATUS_FRAME)
    const claim = claims.shift()
    if (claim === undefined) unclaimed.push(socket)
    else claim(socket)
  })
  return {
    url: `ws://127.0.0.1:${port}/v2`,
    sockets,
    received,
    nextSocket() {
      const socket = unclaimed.shift()
      if (socket !== undefined) return Promise.resolve(socket)
      return new Promise((resolve) => claims.push(resolve))
    },
    async close() {
      for (const socket of sockets) socket.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
}

/** A loopback URL where nothing listens: connections are refused. */
export async function refusedUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port =
    typeof address === 'object' && address !== null ? address.port : 0
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `ws://127.0.0.1:${port}/v2`
}

/** Resolves with the first event of a kind that matches. */
export function nextEvent<TEvent extends TransportEventName>(
  transport: Transport,
  event: TEvent,
  matches: (payload: TransportEventMap[TEvent]) => boolean = () => true,
): Promise<TransportEventMap[TEvent]> {
  return new Promise((resolve) => {
    const off = transport.on(event, (payload) => {
      if (!matches(payload)) return
      off()
      resolve(payload)
    })
  })
}

/** Records every status event as a compact string. */
export function recordStatuses(transport: Transport): string[] {
  const log: string[] = []
  transport.on('status', (event) => {
    if (event.status === 'reconnecting' || event.status === 'closed')
      log.push(`${event.status}:${event.reason.kind}`)
    else log.push(event.status)
  })
  return log
}

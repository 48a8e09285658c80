import { createServer, type Server } from 'node:http'
import type { Socket } from 'node:net'
import { type WebSocket, WebSocketServer } from 'ws'
import type { Endpoint } from './endpoints.js'
import type { RestRouter } from './restRouter.js'

/** The HTTP server carrying the REST routes and the WebSocket endpoints. */
export type HttpServer = {
  readonly port: number
  readonly host: string
  /** Resolves once the server and every socket are closed. */
  close(): Promise<void>
}

/** What {@link listen} needs. */
export type HttpServerOptions = {
  readonly host: string
  readonly port: number
  readonly endpoints: readonly Endpoint[]
  readonly router: RestRouter
  /** An HTTP status to refuse this upgrade with, or `undefined` to accept it. */
  readonly refuse: () => number | undefined
  readonly onConnection: (socket: WebSocket, endpoint: Endpoint) => void
}

/** Starts the HTTP server; resolves once it listens. */
export async function listen(options: HttpServerOptions): Promise<HttpServer> {
  const sockets = new Set<Socket>()
  const wss = new WebSocketServer({ noServer: true })
  const server: Server = createServer((request, response) =>
    options.router.handle(request, response),
  )
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    const endpoint = options.endpoints.find((e) => e.path === path)
    const refusal = endpoint === undefined ? 404 : options.refuse()
    if (endpoint === undefined || refusal !== undefined) {
      socket.end(
        `HTTP/1.1 ${refusal} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      )
      return
    }
    wss.handleUpgrade(request, socket, head, (ws) =>
      options.onConnection(ws, endpoint),
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  const port =
    typeof address === 'object' && address !== null
      ? address.port
      : options.port
  return {
    port,
    host: options.host,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate()
        wss.close()
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

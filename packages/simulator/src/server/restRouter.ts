import type {
  IncomingHttpHeaders,
  IncomingMessage,
  ServerResponse,
} from 'node:http'
import { encodeJson, type JsonValue } from '../json/encodeJson.js'

/** A REST request as a route handler sees it. */
export type RestRequest = {
  readonly method: string
  /** The path without the query, e.g. `/0/private/GetWebSocketsToken`. */
  readonly path: string
  readonly query: URLSearchParams
  readonly headers: IncomingHttpHeaders
  /** The raw body text (form-encoded or JSON, as sent). */
  readonly body: string
}

/** A route handler's answer; a non-string body is sent as JSON. */
export type RestResponse = {
  /** @default 200 */
  readonly status?: number
  readonly headers?: Readonly<Record<string, string>>
  readonly body: JsonValue
}

/** Handles one REST route. */
export type RestHandler = (
  request: RestRequest,
) => RestResponse | Promise<RestResponse>

/** A REST route (`POST /0/private/GetWebSocketsToken` is built in). */
export type RestRoute = {
  readonly method: string
  readonly path: string
  readonly handler: RestHandler
}

/** The largest body read (bytes); Kraken's requests are tiny. */
const MAX_BODY = 1 << 20

/** REST routes on the simulator's HTTP server. */
export class RestRouter {
  readonly #routes = new Map<string, RestHandler>()

  /** Adds (or replaces) a route. */
  add(route: RestRoute): void {
    this.#routes.set(
      `${route.method.toUpperCase()} ${route.path}`,
      route.handler,
    )
  }

  /** Answers an HTTP request; unknown routes get Kraken's `EGeneral:Unknown method`. */
  handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const handler = this.#routes.get(
      `${request.method ?? 'GET'} ${url.pathname}`,
    )
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY) chunks.push(chunk)
    })
    request.on('end', () => {
      if (handler === undefined) {
        send(response, {
          status: 404,
          body: { error: ['EGeneral:Unknown method'] },
        })
        return
      }
      if (size > MAX_BODY) {
        send(response, {
          status: 413,
          body: { error: ['EGeneral:Invalid arguments'] },
        })
        return
      }
      const restRequest: RestRequest = {
        method: request.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      Promise.resolve()
        .then(() => handler(restRequest))
        .then(
          (answer) => send(response, answer),
          () =>
            send(response, {
              status: 500,
              body: { error: ['EGeneral:Internal error'] },
            }),
        )
    })
  }
}

function send(response: ServerResponse, answer: RestResponse): void {
  const body =
    typeof answer.body === 'string' ? answer.body : encodeJson(answer.body)
  response.writeHead(answer.status ?? 200, {
    'content-type':
      typeof answer.body === 'string' ? 'text/plain' : 'application/json',
    ...answer.headers,
  })
  response.end(body)
}

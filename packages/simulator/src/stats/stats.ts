import type { Fault } from '../faults/types.js'
import type { EndpointKind } from '../server/endpoints.js'

/** One WebSocket connection the simulator accepted. */
export type ConnectionRecord = {
  /** Its `connection_id` (digits; above 2^53). */
  readonly id: string
  readonly endpoint: EndpointKind
  readonly openedAt: number
  closedAt: number | undefined
  closeCode: number | undefined
  /** Frames written to the socket. */
  framesSent: number
  /** Frames a fault (silence) kept from the socket. */
  framesDropped: number
}

/** One request frame received (the WS token is redacted). */
export type RequestRecord = {
  readonly connection: string
  readonly endpoint: EndpointKind
  /** `method`, or `(invalid)` for a frame that is not a JSON object with one. */
  readonly method: string
  readonly channel: string | undefined
  readonly symbols: readonly string[]
  readonly reqId: number | undefined
  readonly at: number
  /** `params` as received, with `token` replaced by `[redacted]`. */
  readonly params: Readonly<Record<string, unknown>> | undefined
}

/** Filters {@link SimulatorStats.requests}; every given field must match. */
export type RequestFilter = {
  readonly method?: string
  readonly channel?: string
  readonly symbol?: string
  readonly connection?: string
  readonly endpoint?: EndpointKind
  readonly reqId?: number
}

/** A fault that was injected. */
export type FaultRecord = {
  readonly fault: Fault
  /** When it took effect. */
  readonly at: number
  /** The connections it reached (empty for a global fault with none open). */
  readonly connections: readonly string[]
}

/** What the simulator saw and did, for tests to assert on. */
export type SimulatorStats = {
  /** Every connection accepted, in order. */
  readonly connections: readonly ConnectionRecord[]
  /** Connections open now. */
  readonly openConnections: number
  /** Every fault injected, in order. */
  readonly faults: readonly FaultRecord[]
  /** WebSocket upgrades refused by `refuseConnections`. */
  readonly refusedConnections: number
  /** Frames written to sockets, over all connections. */
  readonly framesSent: number
  /** Requests received, optionally filtered. */
  requests(filter?: RequestFilter): RequestRecord[]
  /** How many subscribe requests named `channel` (and `symbol`, if given). */
  subscribes(channel: string, symbol?: string): number
}

/** The mutable side of {@link SimulatorStats}, used by the server. */
export type StatsRecorder = SimulatorStats & {
  /** Resolves with the first request matching `filter` (already received or coming). */
  waitForRequest(filter: RequestFilter): Promise<RequestRecord>
  /** Rejects every pending `waitForRequest` (on close). */
  cancelWaits(reason: Error): void
  /** Records a newly accepted connection. */
  openConnection(record: ConnectionRecord): void
  /** Records a request and settles the waits it matches. */
  recordRequest(record: RequestRecord): void
  /** Records an injected fault. */
  recordFault(record: FaultRecord): void
  /** Counts a refused connection. */
  recordRefusal(): void
}

/** Creates an empty stats recorder. */
export function createStats(): StatsRecorder {
  const connections: ConnectionRecord[] = []
  const requests: RequestRecord[] = []
  const faults: FaultRecord[] = []
  let refused = 0
  const waits = new Set<{
    filter: RequestFilter
    resolve: (r: RequestRecord) => void
    reject: (e: Error) => void
  }>()
  const matches = (record: RequestRecord, filter: RequestFilter): boolean =>
    (filter.method === undefined || record.method === filter.method) &&
    (filter.channel === undefined || record.channel === filter.channel) &&
    (filter.symbol === undefined || record.symbols.includes(filter.symbol)) &&
    (filter.connection === undefined ||
      record.connection === filter.connection) &&
    (filter.endpoint === undefined || record.endpoint === filter.endpoint) &&
    (filter.reqId === undefined || record.reqId === filter.reqId)
  return {
    connections,
    faults,
    get openConnections() {
      return connections.filter((c) => c.closedAt === undefined).length
    },
    get refusedConnections() {
      return refused
    },
    get framesSent() {
      return connections.reduce((sum, c) => sum + c.framesSent, 0)
    },
    requests: (filter = {}) => requests.filter((r) => matches(r, filter)),
    subscribes: (channel, symbol) =>
      requests.filter((r) =>
        matches(
          r,
          symbol === undefined
            ? { method: 'subscribe', channel }
            : { method: 'subscribe', channel, symbol },
        ),
      ).length,
    openConnection: (record) => connections.push(record),
    recordRequest: (record) => {
      requests.push(record)
      for (const wait of [...waits])
        if (matches(record, wait.filter)) {
          waits.delete(wait)
          wait.resolve(record)
        }
    },
    waitForRequest: (filter) => {
      const found = requests.find((r) => matches(r, filter))
      if (found !== undefined) return Promise.resolve(found)
      return new Promise((resolve, reject) =>
        waits.add({ filter, resolve, reject }),
      )
    },
    cancelWaits: (reason) => {
      for (const wait of [...waits]) wait.reject(reason)
      waits.clear()
    },
    recordFault: (record) => faults.push(record),
    recordRefusal: () => {
      refused++
    },
  }
}

/** `params` with the WS token hidden, for the request log. */
export function redactParams(
  params: unknown,
): Readonly<Record<string, unknown>> | undefined {
  if (params === null || typeof params !== 'object' || Array.isArray(params))
    return undefined
  const copy: Record<string, unknown> = { ...params }
  if ('token' in copy) copy.token = '[redacted]'
  return copy
}

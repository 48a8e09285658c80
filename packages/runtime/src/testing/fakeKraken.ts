import { readFileSync } from 'node:fs'
import {
  type FakeTransport,
  fake,
  type TransportEndpoint,
} from '@kraken-sockets/transport'
import type { KrakenErrorEvent } from '../client/events.js'
import { KrakenWebSocketAPI } from '../client/krakenWebSocketAPI.js'
import type { KrakenWebSocketAPIOptions } from '../client/options.js'

/** A frame the client sent, parsed. */
export interface SentFrame {
  method: string
  params?: Record<string, unknown> & { symbol?: string[]; token?: string }
  req_id?: number
}

/** Answers a sent frame: frames to deliver back (text or objects), or nothing. */
export type Responder = (
  frame: SentFrame,
  endpoint: TransportEndpoint,
) => (string | object)[] | undefined

/** Options of {@link createFakeKraken}. */
export interface FakeKrakenOptions extends KrakenWebSocketAPIOptions {
  /** Answers frames before the default responder; `undefined` falls through. */
  respond?: Responder
  /** Symbols whose subscribe fails, with Kraken's error. */
  rejectSymbols?: Record<string, string>
  /** Do not acknowledge anything by default. */
  silent?: boolean
}

/** A client wired to fake transports that answer like Kraken. */
export interface FakeKraken {
  readonly kraken: KrakenWebSocketAPI
  /** The fake transport of each endpoint the client opened. */
  readonly transports: Partial<Record<TransportEndpoint, FakeTransport>>
  /** Frames sent on `endpoint` (pings left out), parsed. */
  sent(endpoint: TransportEndpoint): SentFrame[]
  /** Delivers a frame on `endpoint`. */
  receive(endpoint: TransportEndpoint, frame: string | object): void
  /** Errors emitted on `error`. */
  readonly errors: KrakenErrorEvent[]
  /** Tokens handed out so far. */
  readonly tokens: string[]
}

/** The default acknowledgement of a subscribe or unsubscribe, per symbol. */
export function ackFrames(
  frame: SentFrame,
  rejectSymbols: Record<string, string> = {},
): object[] {
  const params = frame.params ?? {}
  const { symbol: symbols, token: _token, ...rest } = params
  const times = {
    time_in: '2026-01-01T00:00:00.000000Z',
    time_out: '2026-01-01T00:00:00.000001Z',
  }
  if (symbols === undefined) {
    return [
      {
        method: frame.method,
        result: rest,
        success: true,
        req_id: frame.req_id,
        ...times,
      },
    ]
  }
  return symbols.map((symbol) => {
    const error = rejectSymbols[symbol]
    return error === undefined || frame.method !== 'subscribe'
      ? {
          method: frame.method,
          result: { ...rest, symbol },
          success: true,
          req_id: frame.req_id,
          ...times,
        }
      : {
          method: frame.method,
          error,
          success: false,
          symbol,
          req_id: frame.req_id,
          ...times,
        }
  })
}

/**
 * Creates a client whose sockets are fake transports; subscribes and
 * unsubscribes are acknowledged on a microtask, as Kraken would.
 */
export function createFakeKraken(options: FakeKrakenOptions = {}): FakeKraken {
  const transports: Partial<Record<TransportEndpoint, FakeTransport>> = {}
  const tokens: string[] = []
  const errors: KrakenErrorEvent[] = []
  const { respond, rejectSymbols, silent, ...clientOptions } = options
  const answer = (transport: FakeTransport, text: string) => {
    const frame = JSON.parse(text) as SentFrame
    if (frame.method === 'ping') return
    const endpoint = transport.endpoint
    const frames =
      respond?.(frame, endpoint) ??
      (silent === true ||
      (frame.method !== 'subscribe' && frame.method !== 'unsubscribe')
        ? []
        : ackFrames(frame, rejectSymbols))
    for (const reply of frames) {
      if (transport.status === 'open') transport.receive(reply)
    }
  }
  const kraken = new KrakenWebSocketAPI({
    logger: false,
    getToken: async () => {
      const token = `fake-ws-token-${tokens.length + 1}-abcdef`
      tokens.push(token)
      return token
    },
    transport: (endpoint) => (context) => {
      const transport = fake()({ ...context, endpoint })
      const send = transport.send
      transport.send = (text: string) => {
        send(text)
        queueMicrotask(() => answer(transport, text))
      }
      transports[endpoint] = transport
      return transport
    },
    ...clientOptions,
  })
  kraken.on('error', (error) => {
    errors.push(error)
  })
  return {
    kraken,
    transports,
    errors,
    tokens,
    sent(endpoint) {
      return (transports[endpoint]?.sent ?? [])
        .map((text) => JSON.parse(text) as SentFrame)
        .filter((frame) => frame.method !== 'ping')
    },
    receive(endpoint, frame) {
      const transport = transports[endpoint]
      if (transport === undefined) throw new Error(`No ${endpoint} socket.`)
      transport.receive(frame)
    },
  }
}

/** Waits for pending microtasks and promise callbacks to run. */
export async function flush(rounds = 10): Promise<void> {
  for (let round = 0; round < rounds; round++) await Promise.resolve()
}

/** One message of `fixtures/kraken-v2/samples.json`, with its exact text. */
export interface Sample {
  direction: 'send' | 'receive'
  channel_or_method: string
  text: string
}

/**
 * The messages of `fixtures/kraken-v2/samples.json` (Kraken's docs) or
 * `live-samples.json` (live captures), each as its exact wire text.
 */
export function loadSamples(
  file: 'samples.json' | 'live-samples.json' = 'samples.json',
): Sample[] {
  const url = new URL(`../../../../fixtures/kraken-v2/${file}`, import.meta.url)
  const lines = readFileSync(url, 'utf8').split('\n')
  const samples: Sample[] = []
  for (const line of lines) {
    const start = line.indexOf('"message": ')
    if (start === -1) continue
    const meta = JSON.parse(line.replace(/,\s*$/, '')) as Omit<Sample, 'text'>
    const text = line.slice(start + '"message": '.length, line.lastIndexOf('}'))
    samples.push({
      direction: meta.direction,
      channel_or_method: meta.channel_or_method,
      text,
    })
  }
  return samples
}

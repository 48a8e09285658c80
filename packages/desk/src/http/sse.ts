import { ServerResponse } from 'node:http'
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response'
import type { Context } from 'hono'
import type { DeskEventKind, EventLog } from '../events/eventLog.js'
import {
  createEventFanOut,
  type EventFanOut,
  type StreamSink,
} from '../events/fanOut.js'
import { controlFrame, eventFrame } from '../events/sseFrame.js'

const HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache',
  Connection: 'keep-alive',
  // Proxies such as nginx would otherwise hold events back in a buffer.
  'X-Accel-Buffering': 'no',
} as const

/** Bytes a web-stream client may have unread before it counts as full. */
const WEB_HIGH_WATER_MARK = 64 * 1024

/** One fan-out per log, shared by every stream of it. */
const fanOuts = new WeakMap<EventLog, EventFanOut>()

const fanOutOf = (log: EventLog) => {
  let fanOut = fanOuts.get(log)
  if (fanOut === undefined) {
    fanOut = createEventFanOut(log)
    fanOuts.set(log, fanOut)
  }
  return fanOut
}

interface OpenedSink {
  readonly sink: StreamSink
  onDrain(listener: () => void): void
  onClose(listener: () => void): void
}

/** Writes straight to Node's response: no web-stream layers per chunk. */
function nodeSink(res: ServerResponse): OpenedSink {
  res.writeHead(200, HEADERS)
  // Events are small and latency-bound: never wait to coalesce packets.
  res.socket?.setNoDelay(true)
  res.flushHeaders()
  return {
    sink: {
      write: (chunk) => res.write(chunk),
      end: () => res.end(),
    },
    onDrain: (listener) => res.on('drain', listener),
    onClose: (listener) => res.once('close', listener),
  }
}

/** A web `ReadableStream` body, for servers other than `@hono/node-server`. */
function webSink(): OpenedSink & { readonly body: ReadableStream<Uint8Array> } {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined
  let full = false
  let drain = () => {}
  let close = () => {}
  let ended = false
  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c
      },
      pull() {
        if (!full) return
        full = false
        drain()
      },
      cancel() {
        ended = true
        close()
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: WEB_HIGH_WATER_MARK }),
  )
  return {
    body,
    sink: {
      write(chunk) {
        if (ended) return true
        controller?.enqueue(chunk)
        full = (controller?.desiredSize ?? 0) <= 0
        return !full
      },
      end() {
        if (ended) return
        ended = true
        controller?.close()
        close()
      },
    },
    onDrain: (listener) => {
      drain = listener
    },
    onClose: (listener) => {
      close = listener
    },
  }
}

const encoder = new TextEncoder()

/**
 * Streams the event log as Server-Sent Events. Resumes after `Last-Event-ID`
 * (or `?last_event_id=`); when the log dropped events the client has not
 * seen, a `gap` event says which ids are missing first. `?kinds=a,b` picks
 * event kinds. Live events come through the log's shared fan-out (see
 * {@link createEventFanOut}): one serialisation per event for all clients,
 * and a client too slow to keep up gets `too_far_behind` and is closed.
 */
export function eventStream(c: Context, log: EventLog): Response {
  const header = c.req.header('Last-Event-ID') ?? c.req.query('last_event_id')
  const lastId =
    header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined
  const kindsQuery = c.req.query('kinds')
  const kinds =
    kindsQuery === undefined
      ? undefined
      : new Set(kindsQuery.split(',') as DeskEventKind[])

  const outgoing = (c.env as { outgoing?: unknown } | undefined)?.outgoing
  const web = outgoing instanceof ServerResponse ? undefined : webSink()
  const opened = web ?? nodeSink(outgoing as ServerResponse)

  // What the client missed (or a hello), then live events: all in this
  // turn of the event loop, so nothing falls between replay and joining.
  let first: string
  if (lastId === undefined) {
    first = controlFrame('hello', { last_id: log.lastId })
  } else {
    const replay = log.since(lastId)
    first = replay.ok
      ? ''
      : controlFrame('gap', {
          missed_from: lastId + 1,
          missed_to: replay.oldest - 1,
          message: 'You fell too far behind: these events are no longer held.',
        })
    for (const event of replay.events)
      if (kinds === undefined || kinds.has(event.kind))
        first += eventFrame(event)
  }
  const congested = first !== '' && !opened.sink.write(encoder.encode(first))
  const stream = fanOutOf(log).join({ sink: opened.sink, kinds, congested })
  opened.onDrain(() => stream.drained())
  opened.onClose(() => stream.close())

  return web === undefined
    ? RESPONSE_ALREADY_SENT
    : new Response(web.body, { headers: HEADERS })
}

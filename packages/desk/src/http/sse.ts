import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { DeskEvent, DeskEventKind, EventLog } from '../events/eventLog.js'

/** Events a slow client may have queued before the desk closes its stream. */
const MAX_QUEUED = 1_000

/** Frames already written, so that N clients serialise an event once. */
const frames = new WeakMap<DeskEvent, string>()

/** One event as an SSE frame (JSON holds no raw newline, so one `data:` line). */
function frameOf(event: DeskEvent): string {
  let frame = frames.get(event)
  if (frame === undefined) {
    frame = `id: ${event.id}\nevent: ${event.kind}\ndata: ${toJson(event.data)}\n\n`
    frames.set(event, frame)
  }
  return frame
}

const toJson = (value: unknown) =>
  JSON.stringify(value, (_, v: unknown) =>
    typeof v === 'bigint' ? v.toString() : v,
  )

/**
 * Streams the event log as Server-Sent Events. Resumes after `Last-Event-ID`;
 * when the log dropped events the client has not seen, a `gap` event says
 * which ids are missing first. A client that falls `MAX_QUEUED` events
 * behind gets a `too_far_behind` event and is closed: it may reconnect with
 * its last id.
 */
export function eventStream(c: Context, log: EventLog) {
  const header = c.req.header('Last-Event-ID') ?? c.req.query('last_event_id')
  const lastId =
    header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined
  const kinds = c.req.query('kinds')
  const wanted =
    kinds === undefined
      ? undefined
      : new Set(kinds.split(',') as DeskEventKind[])
  const pass = (event: DeskEvent) =>
    wanted === undefined || wanted.has(event.kind)

  return streamSSE(c, async (stream) => {
    const queue: DeskEvent[] = []
    let wake: (() => void) | undefined
    let overflow = false
    const stop = log.listen((event) => {
      if (!pass(event)) return
      if (queue.length >= MAX_QUEUED) overflow = true
      else queue.push(event)
      wake?.()
    })
    let closed = false
    stream.onAbort(() => {
      closed = true
      wake?.()
    })
    try {
      if (lastId !== undefined) {
        const replay = log.since(lastId)
        if (!replay.ok) {
          await stream.writeSSE({
            event: 'gap',
            data: toJson({
              missed_from: lastId + 1,
              missed_to: replay.oldest - 1,
              message:
                'You fell too far behind: these events are no longer held.',
            }),
          })
        }
        // Live events that arrived while replaying are in the queue: skip what the replay covered.
        const replayed = replay.events.filter(pass)
        const upTo = replayed.at(-1)?.id ?? lastId
        for (const event of replayed) {
          await stream.writeSSE({
            id: String(event.id),
            event: event.kind,
            data: toJson(event.data),
          })
        }
        while (queue.length > 0 && (queue[0]?.id ?? 0) <= upTo) queue.shift()
      } else {
        await stream.writeSSE({
          event: 'hello',
          data: toJson({ last_id: log.lastId }),
        })
      }
      while (!closed) {
        if (overflow) {
          await stream.writeSSE({
            event: 'too_far_behind',
            data: toJson({
              message:
                'The client read too slowly; reconnect with Last-Event-ID.',
            }),
          })
          break
        }
        if (queue.length === 0) {
          await new Promise<void>((resolve) => {
            wake = resolve
          })
          wake = undefined
          continue
        }
        // Everything queued goes out in one write: one flush per batch, not
        // per event, so a busy feed costs a client little.
        const batch = queue.splice(0)
        await stream.write(batch.map(frameOf).join(''))
      }
    } finally {
      stop()
    }
  })
}

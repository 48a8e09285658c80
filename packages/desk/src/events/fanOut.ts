import type { DeskEvent, DeskEventKind, EventLog } from './eventLog.js'
import { controlFrame, eventFrame } from './sseFrame.js'

/** Where one stream's bytes go (an HTTP response, or a web stream). */
export interface StreamSink {
  /** Queues `chunk`; `false` when the sink is full: write no more until it drains. */
  write(chunk: Uint8Array): boolean
  /** Ends the stream. */
  end(): void
}

/** One stream joined to the fan-out. */
export interface FanOutStream {
  /** The sink drained after a `false` write: send what it missed. */
  drained(): void
  /** The stream went away (client closed): forget it. */
  close(): void
}

/** What joins a stream to the fan-out. */
export interface JoinOptions {
  readonly sink: StreamSink
  /** Kinds this stream carries; all when `undefined`. */
  readonly kinds?: ReadonlySet<DeskEventKind> | undefined
  /** The sink is already full (its first write returned `false`). */
  readonly congested?: boolean | undefined
}

/** Many event streams fed from one log. */
export interface EventFanOut {
  /**
   * Adds a stream; it gets every later event (after the log's newest id now)
   * that its kinds pass. Replay what it missed before joining, in the same
   * turn of the event loop.
   */
  join(options: JoinOptions): FanOutStream
  /** Streams joined now. */
  readonly size: number
}

interface Member {
  readonly sink: StreamSink
  /** The newest id written to the sink. */
  after: number
  congested: boolean
}

interface Group {
  readonly pass: (event: DeskEvent) => boolean
  readonly members: Set<Member>
}

const encoder = new TextEncoder()

/** The stream fell further behind than the log holds. */
const TOO_FAR_BEHIND = encoder.encode(
  controlFrame('too_far_behind', {
    message: 'The client read too slowly; reconnect with Last-Event-ID.',
  }),
)

/**
 * Fans a log's events out to many streams at the cost of one: events
 * pushed in the same turn of the event loop are sent together in the next
 * (`setImmediate`), serialised once, encoded once per set of kinds, and that
 * one chunk is written to every stream that wants those kinds.
 *
 * Backpressure: a stream whose sink is full is skipped (nothing more is
 * buffered for it) and, once it drains, catches up from the log itself. A
 * stream that fell behind further than the log holds gets `too_far_behind`
 * and is ended: it may reconnect with `Last-Event-ID`, and learns of the gap.
 */
export function createEventFanOut(log: EventLog): EventFanOut {
  const groups = new Map<string, Group>()
  let size = 0
  let pending: DeskEvent[] = []
  let scheduled = false
  let unlisten: (() => void) | undefined

  const framesAfter = (events: readonly DeskEvent[], after: number) => {
    let text = ''
    for (const event of events) if (event.id > after) text += eventFrame(event)
    return text
  }

  const leave = (group: Group, member: Member) => {
    if (!group.members.delete(member)) return
    size -= 1
    if (group.members.size === 0) {
      for (const [key, value] of groups) if (value === group) groups.delete(key)
    }
    if (size === 0) {
      unlisten?.()
      unlisten = undefined
      pending = []
    }
  }

  const cutOff = (group: Group, member: Member) => {
    leave(group, member)
    member.sink.write(TOO_FAR_BEHIND)
    member.sink.end()
  }

  /** Writes `text` (may be empty) and moves the member to `upTo`. */
  const send = (member: Member, chunk: Uint8Array | string, upTo: number) => {
    member.after = upTo
    if (chunk.length === 0) return
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk
    if (!member.sink.write(bytes)) member.congested = true
  }

  const flush = () => {
    scheduled = false
    const events = pending
    pending = []
    const first = events[0]?.id
    const last = events.at(-1)?.id
    if (first === undefined || last === undefined) return
    for (const group of [...groups.values()]) {
      let passed: DeskEvent[] | undefined
      let chunk: Uint8Array | undefined
      for (const member of [...group.members]) {
        if (member.congested) {
          if (member.after + 1 < log.oldestId) cutOff(group, member)
          continue
        }
        if (member.after >= last) continue
        passed ??= events.filter(group.pass)
        if (member.after >= first) {
          // Joined mid-batch (its replay covered the start): its own chunk.
          send(member, framesAfter(passed, member.after), last)
          continue
        }
        chunk ??= encoder.encode(framesAfter(passed, 0))
        send(member, chunk, last)
      }
    }
  }

  const onEvent = (event: DeskEvent) => {
    pending.push(event)
    if (!scheduled) {
      scheduled = true
      setImmediate(flush)
    }
  }

  return {
    get size() {
      return size
    },
    join(options) {
      const kinds = options.kinds
      const key = kinds === undefined ? '*' : [...kinds].sort().join(',')
      let group = groups.get(key)
      if (group === undefined) {
        group = {
          pass:
            kinds === undefined ? () => true : (event) => kinds.has(event.kind),
          members: new Set(),
        }
        groups.set(key, group)
      }
      const joined = group
      const member: Member = {
        sink: options.sink,
        after: log.lastId,
        congested: options.congested === true,
      }
      joined.members.add(member)
      size += 1
      unlisten ??= log.listen(onEvent)
      return {
        drained() {
          if (!joined.members.has(member) || !member.congested) return
          member.congested = false
          const replay = log.since(member.after)
          if (!replay.ok) {
            cutOff(joined, member)
            return
          }
          const missed = replay.events.filter(joined.pass)
          send(member, framesAfter(missed, member.after), log.lastId)
        },
        close() {
          leave(joined, member)
        },
      }
    },
  }
}

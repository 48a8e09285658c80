import type { DroppedValuesGap } from '../shared/gap.js'
import { RingBuffer } from '../shared/ringBuffer.js'

/** Options of {@link createTriggerStream}. */
export interface TriggerStreamConfig<TValue> {
  /** Name of the key streamed, for gap reports. */
  key: string
  /**
   * Registers the stream's sink (a synchronous function, so the registry
   * never queues for it); returns the remover.
   */
  subscribe: (push: (value: TValue) => void) => () => void
  /** Reports dropped values (the runtime's `gap` event). */
  onGap: (gap: DroppedValuesGap) => void
  /** The user's signal: aborting it ends the stream. */
  signal?: AbortSignal | undefined
  /** The runtime's lifetime signal: `stop()` aborts it, ending the stream. */
  stopSignal?: AbortSignal | undefined
  /**
   * Values held while the consumer is not reading; when full, the oldest is
   * dropped and a gap reported before the next value is read.
   * @default 1_000
   */
  bufferSize?: number
}

/** What `kraken.stream(Key)` returns: an async iterable of the key's values. */
export interface TriggerStream<TValue>
  extends AsyncIterator<TValue, undefined, undefined>,
    AsyncIterable<TValue, undefined, undefined> {
  /** Ends the stream (what `break` calls); buffered values are discarded. */
  return(): Promise<IteratorResult<TValue, undefined>>
  /** Values dropped so far because the buffer was full. */
  readonly dropped: number
  /** Whether the stream has ended. */
  readonly closed: boolean
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({
  done: true,
  value: undefined,
})

/**
 * Creates a stream fed by a trigger registration. It registers at once, so
 * nothing arriving before the first `next()` is lost; `break`, `return()`,
 * the user's signal or the runtime's stop signal end it, remove its handler
 * and settle every pending `next()` with `done: true`.
 *
 * @example
 * ```ts
 * const stream = createTriggerStream({
 *   key: 'TickerUpdateResponse',
 *   subscribe: (push) => registry.add(TickerUpdateResponse, push),
 *   onGap: (gap) => events.emit('gap', gap),
 *   signal,
 * })
 * for await (const ticker of stream) console.log(ticker.last)
 * ```
 */
export function createTriggerStream<TValue>(
  config: TriggerStreamConfig<TValue>,
): TriggerStream<TValue> {
  const buffer = new RingBuffer<TValue>(config.bufferSize ?? 1_000)
  const waiters: ((result: IteratorResult<TValue, undefined>) => void)[] = []
  const signals = [config.signal, config.stopSignal].filter(
    (signal): signal is AbortSignal => signal !== undefined,
  )
  let closed = false
  let dropped = 0
  let unreportedDrops = 0
  let unsubscribe: () => void = () => {}

  const reportDrops = () => {
    if (unreportedDrops === 0) return
    const count = unreportedDrops
    unreportedDrops = 0
    try {
      config.onGap({
        source: 'stream',
        key: config.key,
        handler: undefined,
        dropped: count,
      })
    } catch {
      // Reporting must not break the consumer's loop.
    }
  }

  const close = () => {
    if (closed) return
    closed = true
    for (const signal of signals) signal.removeEventListener('abort', close)
    unsubscribe()
    reportDrops()
    buffer.clear()
    for (const resolve of waiters.splice(0)) resolve(DONE)
  }

  const push = (value: TValue) => {
    if (closed) return
    const waiter = waiters.shift()
    if (waiter !== undefined) {
      waiter({ done: false, value })
      return
    }
    if (buffer.push(value)) {
      dropped++
      unreportedDrops++
    }
  }

  const stream: TriggerStream<TValue> = {
    next() {
      if (buffer.size > 0) {
        reportDrops()
        return Promise.resolve({ done: false, value: buffer.shift() as TValue })
      }
      if (closed) return Promise.resolve(DONE)
      return new Promise((resolve) => {
        waiters.push(resolve)
      })
    },
    return() {
      close()
      return Promise.resolve(DONE)
    },
    [Symbol.asyncIterator]() {
      return stream
    },
    get dropped() {
      return dropped
    },
    get closed() {
      return closed
    },
  }

  if (signals.some((signal) => signal.aborted)) {
    closed = true
    return stream
  }
  unsubscribe = config.subscribe(push)
  for (const signal of signals) signal.addEventListener('abort', close)
  return stream
}

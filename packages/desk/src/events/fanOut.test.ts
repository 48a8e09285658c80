import { setImmediate as nextTurn } from 'node:timers/promises'
import { expect, test } from 'vitest'
import { createEventLog } from './eventLog.js'
import { createEventFanOut, type StreamSink } from './fanOut.js'

/** A sink that keeps what it is given and is full when told to be. */
function memorySink() {
  const chunks: Uint8Array[] = []
  const state = { full: false, ended: false }
  const sink: StreamSink = {
    write(chunk) {
      chunks.push(chunk)
      return !state.full
    },
    end() {
      state.ended = true
    },
  }
  const text = () => chunks.map((c) => new TextDecoder().decode(c)).join('')
  const ids = () =>
    [...text().matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]))
  return { sink, chunks, state, text, ids }
}

test('behavior: one encoded chunk per turn, shared by every stream of the same kinds', async () => {
  const log = createEventLog(100)
  const fanOut = createEventFanOut(log)
  const a = memorySink()
  const b = memorySink()
  const trades = memorySink()
  fanOut.join({ sink: a.sink })
  fanOut.join({ sink: b.sink })
  fanOut.join({ sink: trades.sink, kinds: new Set(['trade']) })
  log.push('ticker', { n: 1 })
  log.push('trade', { n: 2 })
  log.push('ticker', { n: 3 })
  await nextTurn()
  expect(a.chunks).toHaveLength(1)
  // The same bytes object: serialised and encoded once for both streams.
  expect(b.chunks[0]).toBe(a.chunks[0])
  expect(a.ids()).toEqual([1, 2, 3])
  expect(a.text()).toContain('event: trade\ndata: {"n":2}\n\n')
  expect(trades.ids()).toEqual([2])
  log.push('ticker', { n: 4 })
  await nextTurn()
  expect(a.ids()).toEqual([1, 2, 3, 4])
  expect(trades.chunks).toHaveLength(1)
})

test('behavior: a full stream is skipped, then catches up from the log once drained', async () => {
  const log = createEventLog(100)
  const fanOut = createEventFanOut(log)
  const slow = memorySink()
  const stream = fanOut.join({ sink: slow.sink })
  log.push('ticker', 1)
  slow.state.full = true
  await nextTurn()
  expect(slow.ids()).toEqual([1])
  for (let i = 2; i <= 5; i += 1) log.push('ticker', i)
  await nextTurn()
  // Nothing more is buffered for it while it is full.
  expect(slow.chunks).toHaveLength(1)
  // Id 6 is pushed but not yet sent when the stream drains.
  log.push('ticker', 6)
  slow.state.full = false
  stream.drained()
  expect(slow.ids()).toEqual([1, 2, 3, 4, 5, 6])
  await nextTurn()
  // The catch-up covered id 6, pending at drain time: no duplicate.
  expect(slow.ids()).toEqual([1, 2, 3, 4, 5, 6])
})

test('error: a full stream the log no longer covers is told too_far_behind and ended', async () => {
  const log = createEventLog(4)
  const fanOut = createEventFanOut(log)
  const slow = memorySink()
  const fast = memorySink()
  fanOut.join({ sink: slow.sink, congested: true })
  fanOut.join({ sink: fast.sink })
  for (let i = 1; i <= 4; i += 1) log.push('trade', i)
  await nextTurn()
  expect(slow.state.ended).toBe(false)
  log.push('trade', 5)
  await nextTurn()
  expect(slow.text()).toMatch(/^event: too_far_behind\n/)
  expect(slow.state.ended).toBe(true)
  expect(fanOut.size).toBe(1)
  expect(fast.ids()).toEqual([1, 2, 3, 4, 5])
})

test('behavior: closed streams are forgotten and the log is no longer listened to', async () => {
  const log = createEventLog(10)
  let listeners = 0
  const counted = {
    ...log,
    get lastId() {
      return log.lastId
    },
    get oldestId() {
      return log.oldestId
    },
    listen(listener: Parameters<typeof log.listen>[0]) {
      listeners += 1
      const stop = log.listen(listener)
      return () => {
        listeners -= 1
        stop()
      }
    },
  }
  const fanOut = createEventFanOut(counted)
  const a = memorySink()
  const stream = fanOut.join({ sink: a.sink })
  const other = fanOut.join({ sink: memorySink().sink })
  expect(listeners).toBe(1)
  stream.close()
  other.close()
  expect(fanOut.size).toBe(0)
  expect(listeners).toBe(0)
  log.push('alert', 1)
  await nextTurn()
  expect(a.chunks).toHaveLength(0)
})
